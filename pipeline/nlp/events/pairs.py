"""The actor pairs one sense of a trigger gives in its sentence (`sense_pairs`): sources and targets of a
verb (subject, object, passive "by", inherited subjects) or of a noun (possessor, "by X", modifier, the
subject of the light verb that carries it), checked by the guards of `guards`, and the unknown source of an agentless
passive assault or arrest."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.events.actors import (
    ACTOR_LABELS, appositive_holder, expand_conj, is_agent, is_person_noun, MentionIndex, noun_sources, PRONOUNS,
    subject_of,
)
from pipeline.nlp.events.guards import PAIR_GUARDS, Resolved, Site
from pipeline.nlp.events.lexicon import Lexicon, Trigger
from pipeline.nlp.events.senses import (
    aimed_at, carrier, counted_event, direct_objects, physical_target, sense_ok, targets_of,
)
from pipeline.nlp.events.targets import reciprocal_object, reciprocal_pairs, resolve_targets, unnest
from pipeline.nlp.events.verb_targets import VERB_TARGET_RULES


ANON_TYPES = {"ASSAULT", "COERCE", "CRIME"}  # a passive of these without "by" has an unknown source
LIGHT_PREPS = {"in", "into", "to", "at", "under", "of", "on"}  # a light verb reaches its noun through these
PASSIVE_ANON_TYPES = ANON_TYPES | {"DISAPPROVE", "INVESTIGATE", "SUPPORT", "DEMAND", "SANCTION", "REJECT",
                                  "THREATEN", "AID", "CONCEDE"}  # "the church was criticised": unknown source
# nouns whose "of" phrase is the target ("the arrest of X", "criticism of Y")
OF_TYPES = {"DISAPPROVE", "INVESTIGATE", "COERCE", "CONCEDE", "SUPPORT", "ASSAULT", "SANCTION", "CRIME"}
ANON_NOUN_TYPES = OF_TYPES  # nouns of these types may name only a target ("the arrest of 23 pirates")
CLAUSE_TARGET_TYPES = {"DISAPPROVE", "DEMAND", "THREATEN"}  # "allegations that X ...": X is the target
MAX_TARGETS = 4  # "visiting Tanzania, Mozambique and Kenya": one event per conjoined target, up to this many
RESPONDED_TYPES = CLAUSE_TARGET_TYPES  # nouns whose answering verb's subject is their target ("denied the allegations")


@dataclass
class Roles:
    """The source and target heads a sense finds (before they are resolved to actors)."""
    sources: list
    targets: list
    passive: bool = False
    anon_ok: bool = False  # an event whose source is unknown ("Kiyingi was arrested")
    pre_pairs: list | None = None  # pairs already resolved ("between Chinese and African leaders")
    cause_subject: bool = False  # the subject is the attack that did it ("a roadside bombing killed")


def sense_pairs(tok, trig: Trigger, kind: str, verb, sent, lex: Lexicon, ms: MentionIndex, ctx: set[str], actor,
                consumed: set[int]):
    """Actor pairs of one sense of a trigger, or None when the sense does not apply."""
    site = Site(tok, trig, kind, verb, lex, ms, ctx, actor, consumed, targets_of(tok, lex, kind, trig.type, trig.word))
    roles = site_roles(site)
    if roles is None:
        return None
    if roles.pre_pairs is not None:
        return roles.pre_pairs, []
    if not roles.sources and not roles.anon_ok:
        return None
    return _actor_pairs(site, roles)


def site_roles(site: Site) -> Roles | None:
    """The source and target heads the role rules find for one sense of a trigger (None: the sense does not apply
    or no role rule reads the trigger)."""
    if "judged" in site.trig.flags:
        return _judged_roles(site)
    return _verb_roles(site) if site.kind == "V" else _noun_roles(site)


# ---- verb triggers: subject, object, passive "by", themes, accused of a that-clause

def _object_partners(site: Site) -> list:
    """"signed a contract with X", "inked deals with X": the partner hangs on the sense's object noun."""
    tok, trig = site.tok, site.trig
    if not trig.need("obj") or any(isinstance(t, tuple) for t in site.tgt_heads):
        return []
    return [(c.lower_, p) for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in trig.need("obj")
            for c in o.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
            for p in c.children if p.dep_ == "pobj"]


def _cause_sources(site: Site, roles: Roles) -> None:
    """"were killed in a militant attack / in clashes with settlers": the cause names the source (also on a
    coordinated participle: "were killed and nine others injured in an attack"); outside accident context
    the source may stay unknown."""
    tok, lex = site.tok, site.lex
    near = list(tok.children) + [c for d in tok.children if d.dep_ == "conj"
                                 for c in [d, *d.children] if c.dep_ == "acl" and c.tag_ == "VBN"
                                 for c in c.children]
    for c in near:
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            for p in (x for x in c.children if x.dep_ == "pobj"):
                ns = lex.nouns.get(p.lemma_.lower()) or lex.nouns.get(p.lower_)
                if p.lemma_.lower() in (lex.context or {}).get("ACCIDENT", ()):
                    continue  # "343 pilgrims were killed in an enormous fire": an accident, no attack
                if ns is not None and ns.type in ("ASSAULT", "FIGHT"):
                    roles.sources = noun_sources(p, site.ms, lex) or [
                        w for pr in p.children if pr.dep_ == "prep" and pr.lower_ == "with"
                        for w in pr.children if w.dep_ == "pobj"][:1]
                    if ns.type == site.trig.type:
                        site.consumed.add(p.i)
                    roles.anon_ok = True
    # an arrest or a charge after an accident is still one ("was charged with leaving the scene of a fatal accident")
    roles.anon_ok = roles.anon_ok or "accident" not in site.ctx or site.trig.type == "COERCE"


def _passive_roles(site: Site, roles: Roles, agent: list) -> bool:
    """A passive verb: "by X" is the source and the subject the target; False when the sense needs a target
    and has none."""
    trig = site.trig
    if not agent and trig.mode == "expel":  # "was expelled from the Labour party": the party expelled him
        agent = [p for c in site.tok.children if c.dep_ == "prep" and c.lower_ == "from"
                 for p in c.children if p.dep_ == "pobj"][:1]
    roles.targets, roles.sources = roles.sources, agent
    # the preposition a sense requires marks the theme ("charged with murder"); "on X" of a passive verb is
    # where it happened ("killed by police on a darkened street")
    site.tgt_heads = [t for t in site.tgt_heads if not isinstance(t, tuple) or t[0] not in ("by", "on") and
                      t[0] not in (trig.need("prep") or ())]
    if not agent and trig.type in ANON_TYPES:
        _cause_sources(site, roles)
    elif not agent and trig.type in PASSIVE_ANON_TYPES:  # "the church was criticised for ...":
        roles.anon_ok = True  # an event with an unknown source (not "X was called", "X was met")
    return not ("target" in trig.flags and not roles.targets)


def _attack_subject(site: Site, roles: Roles) -> None:
    """"a roadside bombing killed one soldier", "a militant attack wounded two": an attack noun as the subject
    of an assault names its own source (its modifier or possessor) or leaves it unknown."""
    lex = site.lex
    if roles.passive or site.trig.type not in ANON_TYPES or len(roles.sources) != 1:
        return
    noun = roles.sources[0]
    sense = lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_)
    if noun.pos_ != "NOUN" or sense is None or sense.type not in ("ASSAULT", "FIGHT"):
        return
    roles.sources = noun_sources(noun, site.ms, lex)
    roles.anon_ok = roles.cause_subject = True
    if sense.type == site.trig.type:
        site.consumed.add(noun.i)


def _stray_agent(tok) -> list:
    """"is being supported in her decision to enter rehab by all friends": the parser hung the passive's
    "by" phrase on a subjectless verb inside its prepositional object; it is the passive verb's agent."""
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        for verb in (v for p in prep.children if p.dep_ == "pobj" for v in p.children if v.dep_ == "acl"):
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            return [p for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                    for p in c.children if p.dep_ == "pobj"]
    return []


def _verb_roles(site: Site) -> Roles | None:
    tok, trig = site.tok, site.trig
    site.tgt_heads = site.tgt_heads + _object_partners(site)
    sources, passive = subject_of(tok)
    accidents = (site.lex.context or {}).get("ACCIDENT", frozenset())
    if not passive and any(s.lemma_.lower() in accidents or s.lower_ in accidents for s in sources):
        return None  # "a hit and run accident that killed a woman", "a crash killed three": nobody did it
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        sources, passive = [appositive_holder(tok.head)], True  # "39 drug traffickers arrested", "X, one of
        # the men arrested"
    if not sense_ok(trig, tok, site.kind, direct_objects(tok, sources if passive else None), site.ctx):
        return None
    roles = Roles(sources, [], passive)
    agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] or \
        _stray_agent(tok) if passive else []
    agent = [x for a in agent[:1] for x in expand_conj(a)]
    if passive and not _passive_roles(site, roles, agent):
        return None
    _attack_subject(site, roles)
    targets = roles.targets + [t if not isinstance(t, tuple) else t[1] for t in site.tgt_heads
                               if not isinstance(t, tuple) or t[0] != "by"]
    for rule in VERB_TARGET_RULES:
        targets = rule(site, targets)
    roles.targets = targets
    return roles


def _judged_roles(site: Site) -> Roles | None:
    """"A Plaid Cymru MP believes UK security services were involved in arson attacks", "police say the group was
    responsible for the bombing", "Rubio believes the nominee is unfit", "Rubio said the president's actions undermine
    the right to bear arms": a judging predicate (judged-flagged adjective, participle or verb rows: guilt with the
    deed as condition, unfitness, fitness, harm done) in a clause someone reports or believes is that someone's
    judgement of the clause subject, or of the holder of a thing subject (DISAPPROVE or SUPPORT, as the row says)."""
    tok = site.tok
    clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if clause.dep_ != "ccomp" or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    if not sense_ok(site.trig, tok, site.kind, [], site.ctx):
        return None
    accused, _ = subject_of(tok if tok.pos_ in ("VERB", "AUX") else clause)
    accusers, passive = subject_of(clause.head)
    head = accused[0] if accused else None
    if head is not None and site.actor(head, False) is None:  # "the president's new actions undermine X": the holder
        head = _thing_holders(site, head)[0]
    if head is None or not accusers or passive or not (head.ent_type_ or is_agent(head, site.lex)) or \
            site.actor(head, False) is None:
        return None  # a pronoun, a thing ("the forecasts were wrong"), "the GOP nominee" (not the GOP) is no actor
    return Roles(accusers, accused[:1])


# ---- noun triggers: possessor, of/with/between phrases, the subject of the verb that carries the noun

@dataclass
class NounFrame:
    """The phrases around a noun trigger that its role rules read."""
    site: Site
    poss: list  # a non-pronoun possessor ("Kerry's meeting")
    pron_poss: list  # a pronoun possessor ("his criticism")
    own: list  # sources of the noun's own phrase (modifier, "by X")
    ofs: list  # targets of "of X" or the noun's that-clause
    between: list
    among: list
    withs: list  # with/against/on/to/for X
    from_: list  # from/by X on the verb or in the trigger's phrase
    near_verb: bool
    vlemma: str


CIRCUMSTANCE_PREPS = ("despite", "amid", "amidst")  # "despite criticism, X ...": X is criticised
NOUN_TARGET_PREPS = ("with", "against", "on", "to", "for", "into", "behind", "around", "toward", "towards")
def _noun_frame(site: Site) -> NounFrame:
    tok, trig, verb, lex = site.tok, site.trig, site.verb, site.lex
    poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    pron_poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in PRONOUNS]
    own = noun_sources(tok, site.ms, lex)
    # "the arrest of the pirates", "criticism of Putin": the "of" phrase is the target
    ofs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and trig.type in OF_TYPES
           for p in c.children if p.dep_ == "pobj"]
    # "allegations that Livingstone has brought ...", "its demand that Israel ease ...": the subject of
    # the noun's that-clause is the target
    ofs += [s for c in tok.children if c.dep_ in ("acl", "ccomp") and trig.type in CLAUSE_TARGET_TYPES and
            any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for s in subject_of(c)[0][:1]]
    if "posstarget" in trig.flags and (poss or pron_poss):  # "his arrest", "Nega's release": the
        ofs, poss, pron_poss = (poss or pron_poss)[:1], [], []  # possessor undergoes it
        own = [o for o in own if o.dep_ != "poss"]
    heads = site.tgt_heads
    between = [t[1] for t in heads if isinstance(t, tuple) and (
        t[0] == "between" or t[0] == "among" and "sym" in trig.flags)]
    among = [t[1] for t in heads if isinstance(t, tuple) and t[0] == "among" and "sym" not in trig.flags]
    withs = [t[1] for t in heads if isinstance(t, tuple) and t[0] in NOUN_TARGET_PREPS] + aimed_at(tok)
    # "from/by X" on the verb or inside the trigger's phrase ("loans worth $17bn from the government")
    from_ = [p for h in ((tok, verb) if verb is not None else (tok,)) for c in h.children
             if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") for p in c.children if p.dep_ == "pobj"]
    from_ += [p for c in tok.subtree if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.head.i != tok.i
              and c.head.pos_ not in ("VERB", "AUX") for p in c.children if p.dep_ == "pobj"]
    near = verb is not None and (tok.head.i == verb.i or tok.head.head.i == verb.i or counted_event(tok, verb, lex))
    return NounFrame(site, poss, pron_poss, own, ofs, between, among, withs, from_, near,
                     verb.lemma_.lower() if verb is not None else "")


def _among_roles(f: NounFrame) -> Roles | None:
    """"Clinton locked in support among Hispanics": those among whom it is are the source, the subject of
    the verb holding it the target."""
    if not (f.among and not f.poss and f.site.verb is not None):
        return None
    return Roles(expand_conj(f.among[0]), subject_of(f.site.verb)[0])


def _receiver_roles(f: NounFrame) -> Roles | None:
    """"won the backing of X", "received aid from X", "were given loans from the government": the subject
    receives, "from/of/by X" gives."""
    site, lex, verb = f.site, f.site.lex, f.site.verb
    passive_light = f.near_verb and f.vlemma in lex.light and any(c.dep_ == "nsubjpass" for c in verb.children)
    # "denied the allegations", "to counter that accusation": a hostile act against the subject, answered by it
    answered = site.tok.dep_ == "dobj" and f.vlemma in lex.words("RESPOND") and site.trig.type in RESPONDED_TYPES
    # "riots sparked by the police killing of a teenager": the noun in the verb's "by" phrase is the cause, no gift
    if f.poss or not f.near_verb or site.tok.dep_ in ("nsubj", "nsubjpass") or site.tok.head.dep_ == "agent" or not (
            f.vlemma in lex.receive or passive_light or answered) or "sym" in site.trig.flags:
        return None
    sources = f.from_[:1] + ([] if f.from_ else f.ofs[:1])
    sources = [x for t in sources for x in expand_conj(t)]
    targets = subject_of(verb)[0]
    # "received criticism": an unnamed critic (not "sparked criticism": the cause of a criticism is not its target)
    anon = site.trig.type in ("AID", "SUPPORT") or site.trig.type == "DISAPPROVE" and f.vlemma not in lex.words("CAUSE")
    return Roles(sources, targets, anon_ok=anon and bool(targets))


def _between_roles(f: NounFrame) -> Roles | None:
    """"talks between X and Y"; "between Chinese and African leaders" pairs the two modifiers."""
    if not f.between:
        return None
    ms = f.site.ms
    both = expand_conj(f.between[0])
    pre_pairs = None
    if len(both) == 1:
        mods = [c for c in both[0].children if c.dep_ in ("amod", "compound") and ms.of(c) is not None]
        mods = [x for m in mods[:1] for x in expand_conj(m) if ms.of(x) is not None] if mods else []
        mods += [c for m in mods[:1] for c in m.children if c.dep_ == "conj" and ms.of(c) is not None
                 and c not in mods]
        if len(mods) >= 2:
            pre_pairs = [((ms.of(mods[0]), f"{mods[0].text} {both[0].text}"),
                          (ms.of(mods[1]), f"{mods[1].text} {both[0].text}"))]
    return Roles(both[:1], both[1:2], pre_pairs=pre_pairs)


def _possessor_roles(f: NounFrame) -> Roles | None:
    """"Kerry's meeting with X", "Russian airstrikes on Y": the possessor or the noun's own source."""
    if not (f.poss or f.own):
        return None
    return Roles((f.poss or f.own)[:1] if f.poss else f.own, f.withs + f.ofs)


def _carrier_roles(f: NounFrame) -> Roles | None:
    """The subject of the light verb (or other carrier) of the noun ("held talks with", "staged rallies");
    else a pronoun possessor, else an unknown source for a noun naming only a target ("the arrest of 23
    pirates"); None when nothing carries the noun."""
    site, lex, tok, verb = f.site, f.site.lex, f.site.tok, f.site.verb
    # a light verb lends its subject to its object ("held talks"), not to the noun that is that subject
    # ("the investigation into X continues")
    light = verb is not None and verb.lemma_.lower() in lex.light and tok.dep_ not in ("nsubj", "nsubjpass") and (
        tok.head.i == verb.i or tok.head.head.i == verb.i and (
            tok.head.pos_ != "ADP" or tok.head.lower_ in LIGHT_PREPS))
    # "civil servants were on strike", "were in talks with", "is at war with": the copula's subject does it
    light = light or verb is not None and verb.lemma_ == "be" and tok.dep_ == "pobj" and \
        tok.head.lower_ in ("on", "in", "at") and tok.head.head.i == verb.i
    # the object of a verb that is no event itself carries it as a light verb does ("staged rallies",
    # "organized a general strike")
    light = light or verb is not None and carrier(tok, verb, lex)
    roles = Roles([], f.withs + f.ofs)
    if verb is not None and (light or f.withs) and verb.lemma_.lower() not in lex.words("REPEL"):  # not a thwarter
        roles.sources = [s for s in subject_of(verb)[0] if s.i != tok.i]  # never the noun itself
        if not roles.sources and verb.dep_ == "acl":  # "the Council's decision to impose sanctions"
            roles.sources = [c for c in verb.head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if light:  # "gave Johnson first aid"
        roles.targets += [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if not roles.sources and f.pron_poss:  # "his criticism of the plan" (after "held their meetings")
        roles.sources = f.pron_poss[:1]
    elif not roles.sources and (f.withs or f.ofs) and site.trig.type in ANON_NOUN_TYPES:
        roles.anon_ok = True  # "the attacks on the World Trade Center", "the arrest of 23 pirates"
        holders = [h for t in roles.targets for h in _thing_holders(site, t)]  # "criticisms of the actions taken by X"
        roles.targets = [t for t in holders if site.ms.of(t) is not None and site.ms.of(t).label in ACTOR_LABELS or
                         is_person_noun(t, lex) or t.lower_ in PRONOUNS or physical_target(site.trig, t, lex)]
    elif not light and not f.withs:
        return None
    return roles


def _hyphen_pair_roles(f: NounFrame) -> Roles | None:
    """"the Israeli-Palestinian conflict", "US-China talks": a symmetric noun whose modifier is a hyphenated pair
    of actors names both sides."""
    site = f.site
    if "sym" not in site.trig.flags:
        return None
    for second in (c for c in site.tok.children if c.dep_ in ("amod", "compound")):
        kids = list(second.children)
        first = next((c for c in kids if c.dep_ in ("amod", "compound") and c.i == second.i - 2), None)
        if first is None or not any(c.dep_ == "punct" and c.text == "-" and c.i == second.i - 1 for c in kids):
            continue
        one, two = site.actor(first, False), site.actor(second, False)
        if one is not None and two is not None and all(got[0] is not None or tok.ent_type_ in ACTOR_LABELS
                                                       for got, tok in ((one, first), (two, second))):
            return Roles([], [], pre_pairs=[((one[0], first.text), (two[0], second.text))])
    return None


ACCUSED_TYPES = {"COERCE", "SANCTION"}  # verbs whose object (or passive subject) is accused of the deed they name
DEED_PREPS = {"of", "with", "for", "in", "over"}  # "charged with / convicted of / arrested for the murder of X"


def _accused_roles(f: NounFrame) -> Roles | None:
    """"Smith was charged with the murder of his wife", "police arrested two men for the killing of a teenager": a
    deed named without its doer in the charge, conviction or arrest of someone has that someone as its (alleged)
    source (the status is not what is scored; the labelling guide writes the accused as source)."""
    site, tok = f.site, f.site.tok
    if f.poss or f.own or site.trig.type not in ("ASSAULT", "CRIME") or tok.head.lower_ not in DEED_PREPS:
        return None
    verb = tok.head.head
    sense = site.lex.verbs.get(verb.lemma_.lower())
    if verb.pos_ != "VERB" or sense is None or sense.type not in ACCUSED_TYPES:
        return None
    accused, passive = subject_of(verb)
    if not passive:
        accused = [c for c in verb.children if c.dep_ == "dobj"]
    return Roles(accused[:1], f.ofs) if accused and f.ofs else None


def _despite_roles(f: NounFrame) -> Roles | None:
    """"Despite criticism, Obama deems ...", "amid protests, the minister resigned": criticism or protest named
    without its actors, as the circumstance of a clause, is aimed at the clause's subject (its source unknown)."""
    site, tok = f.site, f.site.tok
    if f.poss or f.own or f.ofs or f.withs or site.trig.type not in ("DISAPPROVE", "PROTEST") or \
            tok.dep_ != "pobj" or tok.head.lower_ not in CIRCUMSTANCE_PREPS or \
            tok.head.head.pos_ not in ("VERB", "AUX"):
        return None
    subjects, passive = subject_of(tok.head.head)
    return Roles([], subjects[:1], anon_ok=True) if subjects and not passive else None


RELATIVE_TARGET_PREPS = ("with", "against", "on", "into", "to")  # "the meetings Clinton had with X"


def _relative_carrier_roles(f: NounFrame) -> Roles | None:
    """"the hundreds of meetings Clinton had with individuals", "the public inquiry he led into the riots": a noun
    event modified by a relative clause whose verb carries it (a light verb, or a verb that is no event itself)
    has that clause's subject as source, and the clause's with/against/on/into/to phrase (or the noun's own) as
    target."""
    site, lex, tok = f.site, f.site.lex, f.site.tok
    if f.poss or f.own:
        return None
    for rel in (c for c in tok.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")):
        lemma = rel.lemma_.lower()
        if lemma not in lex.light and (lemma in lex.verbs or lemma in lex.report or lemma == "be"):
            continue
        if any(c.dep_ in ("dobj", "nsubjpass") for c in rel.children):
            continue  # the noun is no object of the clause ("the talks that led to the deal")
        subjects = [c for c in rel.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who")]
        if not subjects:
            continue
        targets = [p for c in rel.children if c.dep_ == "prep" and c.lower_ in RELATIVE_TARGET_PREPS
                   for p in c.children if p.dep_ == "pobj"]
        return Roles(expand_conj(subjects[0]), targets or f.withs + f.ofs)
    return None


NOUN_ROLE_RULES = (_hyphen_pair_roles, _among_roles, _receiver_roles, _between_roles, _accused_roles,
                   _possessor_roles, _relative_carrier_roles, _despite_roles)  # first that applies


def _noun_roles(site: Site) -> Roles | None:
    if not sense_ok(site.trig, site.tok, site.kind, [], site.ctx):
        return None
    f = _noun_frame(site)
    roles = next((r for rule in NOUN_ROLE_RULES if (r := rule(f)) is not None), None) or _carrier_roles(f)
    if roles is None:
        return None
    if site.verb is not None:
        roles.targets = roles.targets or [t[1] for t in targets_of(site.verb, site.lex, "N", site.trig.type)
                                          if isinstance(t, tuple) and t[0] in ("with", "to", "against", "into")]
    roles.targets = [h for t in roles.targets for h in _thing_holders(site, t)]
    return roles


def _thing_holders(site: Site, target) -> list:
    """"an attack on the Tories' record", "an inquiry into the senator's finances", "criticisms of the actions taken by
    the CIA": a thing as the target of a noun event stands for its holder (a non-pronoun possessor, else its "of"
    phrase, else an actor modifier: "the government plans", else the agent of the participle that modifies it); an
    actor stays itself."""
    if site.actor(target, True) is not None or physical_target(site.trig, target, site.lex):
        return [target]  # an actor, or the aimed-at thing of an assault ("an attack on merchant vessels")
    kids = list(target.children)
    holders = [c for c in kids if c.dep_ == "poss" and c.pos_ != "PRON"] or [
        p for c in kids if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"] or [
        c for c in kids if c.dep_ in ("compound", "amod") and (  # "support for the government plans"
            site.ms.of(c) is not None and site.ms.of(c).label in ACTOR_LABELS or is_agent(c, site.lex))] or [
        p for acl in kids if acl.dep_ == "acl" and acl.tag_ == "VBN"  # "the actions taken by X"
        for c in acl.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] or [
        p for c in (target.head.children if target.dep_ == "nsubjpass" else ())  # "the change was made by X and drew"
        if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return holders[:1] or [target]


# ---- the guards on the pairs (target heads are resolved by `targets`)

def _actor_pairs(site: Site, roles: Roles):
    """The (source, target) actor pairs of the roles, or None when a guard rejects them."""
    trig, tok = site.trig, site.tok
    targets = unnest(site, roles.targets)
    # protesters are often plain people by their text ("Nurses held a walkout to protest")
    # and perpetrators by a human noun ("the three teenagers charged with murdering X")
    # and a passive's "by" phrase names its doer explicitly ("supported by her friends")
    text_ok = trig.type in ("PROTEST", "ASSAULT", "CRIME") or roles.passive
    got = [(s, site.actor(s, text_ok)) for s in roles.sources]
    src = [x for _, x in got if x is not None]
    # a pronoun source the coreference rules resolved to a mention is that actor, not a bare pronoun
    pronoun_source = any(s.pos_ == "PRON" and (x is None or x[0] is None) for s, x in got)
    if not src:
        has_agent = any(c.dep_ == "agent" for c in tok.children)
        # a noun event whose carrier names no actor ("the warship foiled an attack on vessels"): unknown source
        anon_noun = site.kind == "N" and trig.type in ANON_TYPES and bool(targets)
        if not ((roles.anon_ok or anon_noun) and (roles.passive or roles.cause_subject or site.kind == "N") and
                not has_agent):
            return None
        src = [(None, None)]
    if src != [(None, None)] and reciprocal_object(tok):
        return reciprocal_pairs(src, "sym" in trig.flags), []
    res = Resolved(src, [], [], [], [], targets, pronoun_source, src == [(None, None)])
    resolve_targets(site, targets, res)
    if any(guard(site, res) for guard in PAIR_GUARDS):
        return None
    if not res.tgt_ok and not res.tgt and len(src) > 1 and "sym" in trig.flags:
        return [(src[0], src[1])], []
    tgt_list = res.tgt_ok or [(None, res.tgt[0][1] if res.tgt else None)]
    return [(s, t) for s in src for t in tgt_list[:MAX_TARGETS]], []

