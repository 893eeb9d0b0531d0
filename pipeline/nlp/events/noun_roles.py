"""Role rules of noun triggers (`NOUN_ROLE_RULES`, the first that applies, else the carrier; `noun_roles`): the
possessor, "by X", an actor modifier, of/with/between/among phrases, the subject of the light verb or other carrier
of the noun ("held talks with"), the receiver of a gift ("won the backing of X"), the accused of a charged deed."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.events.actors import ACTOR_LABELS, expand_conj, is_person_noun, noun_sources, PRONOUNS
from pipeline.nlp.events.guards import Site
from pipeline.nlp.events.role_heads import operation_source, Roles, that_clause_subjects, thing_holders
from pipeline.nlp.events.senses import aimed_at, carrier, counted_event, physical_target, sense_ok, targets_of
from pipeline.nlp.events.subjects import subject_of
from pipeline.nlp.events.verb_targets import refused_objects

MAX_GIVERS = 4  # named givers of a noun event's "from" phrase, one event each: as many as pairs.MAX_TARGETS targets

LIGHT_PREPS = {"in", "into", "to", "at", "under", "of", "on"}  # a light verb reaches its noun through these
# nouns whose "of" phrase is the target ("the arrest of X", "criticism of Y")
OF_TYPES = {"DISAPPROVE", "INVESTIGATE", "COERCE", "CONCEDE", "RETREAT", "SUPPORT", "ASSAULT", "SANCTION", "CRIME"}
ANON_NOUN_TYPES = OF_TYPES  # nouns of these types may name only a target ("the arrest of 23 pirates")
CLAUSE_TARGET_TYPES = {"DISAPPROVE", "DEMAND", "THREATEN"}  # "allegations that X ...": X is the target
RESPONDED_TYPES = CLAUSE_TARGET_TYPES  # nouns whose answering verb's subject is their target ("denied the allegations")


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


def _part_of_entry(word, site: Site) -> bool:
    """"a conference call with researchers": a modifier that is part of the noun's lexicon entry ("conference call")
    is the event's name, not its source."""
    return word.head.i == site.tok.i and site.trig.word in (f"{word.lower_} {site.tok.lower_}",
                                                            f"{word.lower_} {site.tok.lemma_.lower()}")


def _passed_by_possessor(poss: list, lex) -> bool:
    """"the judge's sentence", "the court's ruling": a court is the one who passes what it owns, never the
    one who undergoes it (cue list COURT)."""
    return bool(poss) and poss[0].lemma_.lower() in lex.words("COURT")


def _noun_frame(site: Site) -> NounFrame:
    tok, trig, verb, lex = site.tok, site.trig, site.verb, site.lex
    poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    pron_poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in PRONOUNS]
    own = [o for o in noun_sources(tok, site.ms, lex) if not _part_of_entry(o, site)]
    # "the arrest of the pirates", "criticism of Putin": the "of" phrase is the target
    ofs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and trig.type in OF_TYPES
           for p in c.children if p.dep_ == "pobj"]
    # "allegations that Livingstone has brought ...", "its demand that Israel ease ...": the subject of
    # the noun's that-clause is the target
    if trig.type in CLAUSE_TARGET_TYPES:
        ofs += that_clause_subjects(tok)
    if "posstarget" in trig.flags and (poss or pron_poss) and not _passed_by_possessor(poss, lex):
        ofs, poss, pron_poss = (poss or pron_poss)[:1], [], []  # "his arrest", "Nega's release": the
        own = [o for o in own if o.dep_ != "poss"]  # possessor undergoes it
    operation, means = operation_source(site) if not (own or poss) else ([], None)
    if operation:  # "his arrest in a police bust"
        own = operation
        site.consumed.add(means.i)
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


TAKEN_TYPES = {"DISAPPROVE", "SUPPORT"}  # nouns a subject takes "from" someone with any verb ("caught flak from X")


def _receiver_roles(f: NounFrame) -> Roles | None:
    """"won the backing of X", "received aid from X", "were given loans from the government": the subject
    receives, "from/of/by X" gives, else the noun's own actor modifier ("attracted media criticism", "won police
    backing")."""
    site, lex, verb = f.site, f.site.lex, f.site.verb
    passive_light = f.near_verb and f.vlemma in lex.light and any(c.dep_ == "nsubjpass" for c in verb.children)
    # "denied the allegations", "to counter that accusation": a hostile act against the subject, answered by it
    answered = site.tok.dep_ == "dobj" and f.vlemma in lex.words("RESPOND") and site.trig.type in RESPONDED_TYPES
    # "caught flak from X", "took criticism from X", "has broad support from charities": criticism or support the
    # subject takes "from" someone, with any verb but one that passes it on ("echoed criticism from X"), was given by
    # that someone
    taken = f.near_verb and site.tok.dep_ == "dobj" and site.trig.type in TAKEN_TYPES and f.vlemma not in (
        lex.report | lex.words("RELAY")) and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in list(verb.children) + list(site.tok.children))
    # "riots sparked by the police killing of a teenager": the noun in the verb's "by" phrase is the cause, no gift
    if f.poss or not f.near_verb or site.tok.dep_ in ("nsubj", "nsubjpass") or site.tok.head.dep_ == "agent" or not (
            f.vlemma in lex.receive or passive_light or answered or taken) or "sym" in site.trig.flags:
        return None
    sources = f.from_[:1] or f.ofs[:1] or f.own[:1]
    sources = [x for t in sources for x in expand_conj(t)]
    targets = subject_of(verb)[0]
    # "received criticism": an unnamed critic (not "sparked criticism": the cause of a criticism is not its target)
    # "was serving a 12-year sentence", "received two life sentences": a punishment undergone, passed by a court unnamed
    anon = site.trig.type in ("AID", "SUPPORT", "SANCTION") or site.trig.type == "DISAPPROVE" and \
        f.vlemma not in lex.words("CAUSE")
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


GATHERED_TYPES = {"CONSULT"}  # nouns whose "of" phrase names those who gather ("a meeting of Labour backbenchers")


def _gathered_roles(f: NounFrame) -> Roles | None:
    """"the regular meeting of Labour backbenchers", "a meeting of the Central Election Commission": a meeting with no
    owner, doer or partner named otherwise is held by those its "of" phrase names (the two of "a meeting of Kerry and
    Lavrov"); the subject of a light verb holding it meets them ("the minister held a meeting of senior officials")."""
    if f.site.trig.type not in GATHERED_TYPES or f.poss or f.pron_poss or f.own or f.withs or f.between:
        return None
    members = [p for c in f.site.tok.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
    if not members:
        return None
    both, verb = expand_conj(members[0]), f.site.verb
    if verb is not None and verb.lemma_.lower() in f.site.lex.light and f.site.tok.dep_ == "dobj" and \
            f.site.tok.head.i == verb.i and subject_of(verb)[0]:
        return Roles(subject_of(verb)[0], both)
    return Roles(both[:1], both[1:2])


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
        holders = [h for t in roles.targets for h in thing_holders(site, t)]  # "criticisms of the actions taken by X"
        roles.targets = [t for t in holders if site.ms.label_of(t) in ACTOR_LABELS or
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


CONFESS_VERBS = ("confess", "admit", "plead")  # "confessed to / admitted / pleaded guilty to the murder of X"


def _confessed_roles(f: NounFrame) -> Roles | None:
    """"An 18-year-old confessed to the murder of a Brooklyn mother", "Smith admitted the killing of his neighbour",
    "pleaded guilty to the murder of X": a deed named without its doer that someone confesses or admits has that
    someone as its source."""
    site, tok = f.site, f.site.tok
    if f.poss or f.own or not f.ofs or site.trig.type not in ("ASSAULT", "CRIME"):
        return None
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "to" \
        else None
    if verb is not None and verb.pos_ == "ADJ":  # "pleaded guilty to"
        verb = verb.head
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in CONFESS_VERBS:
        return None
    doers, passive = subject_of(verb)
    if not doers and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):  # "An 18-year-old man confessed
        doers, passive = [verb.head], False  # to": the parser read the sentence as a noun phrase
    return Roles(doers[:1], f.ofs) if doers and not passive else None


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


def _backed_roles(f: NounFrame) -> Roles | None:
    """"Clinton, with the support of victims' families, has been persistent", "the rebels, with the backing of Iran,
    seized the town": support "of X" that comes with someone or their act is X's support of them (the noun the with
    phrase hangs on, or the subject of its verb), not support of X."""
    site, tok = f.site, f.site.tok
    if site.trig.type != "SUPPORT" or tok.dep_ != "pobj" or tok.head.lower_ != "with" or not f.ofs or f.poss:
        return None
    holder = tok.head.head
    if holder.pos_ in ("NOUN", "PROPN"):  # "Clinton, with the support of X, has been ...": the phrase hangs on her
        return Roles(expand_conj(f.ofs[0]), [holder])
    if holder.pos_ not in ("VERB", "AUX"):
        return None
    subjects, passive = subject_of(holder)
    return Roles(expand_conj(f.ofs[0]), subjects[:1]) if subjects and not passive else None


# types of a noun event that the one "under" it undergoes ("came under criticism", "is under investigation")
UNDERGONE_TYPES = {"DISAPPROVE", "INVESTIGATE", "COERCE", "ASSAULT", "DEMAND", "SANCTION", "THREATEN"}


def _under_roles(f: NounFrame) -> Roles | None:
    """"X came under heavy criticism from Y", "the company is under investigation by the SEC", "the town remained
    under attack from rebels", "police placed him under arrest": a noun event in the "under" phrase after a verb is
    undergone by the verb's object (done by its subject), else by its subject (active or passive); its source is the
    noun's own actor or the from/by phrase, else unknown ("Under the sanctions, firms ..." before the verb is a
    circumstance)."""
    site, tok = f.site, f.site.tok
    if tok.dep_ != "pobj" or tok.head.lower_ != "under" or f.poss or f.ofs or f.withs or \
            site.trig.type not in UNDERGONE_TYPES:
        return None
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or tok.head.i < verb.i:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    subjects, passive = subject_of(verb)
    undergoers = objects or subjects
    if not undergoers:
        return None
    doers = subjects if objects and not passive else []  # "police placed him under arrest"
    sources = [x for t in (f.own[:1] or f.from_[:1] or doers[:1]) for x in expand_conj(t)]
    return Roles(sources, undergoers, anon_ok=True)


TARGET_ROLE_NOUNS = ("target", "subject", "victim", "focus", "object")  # "X was the target of an air strike"
COPULAS = ("be", "become", "remain")


def _undergoer_roles(f: NounFrame) -> Roles | None:
    """"A refugee camp was the target of an air strike", "the bank has become the subject of an SEC investigation",
    "Smith, the victim of an attack by two men": a noun event in the "of" phrase of target/subject/victim, said of
    someone by a copula or an apposition, is aimed at that someone; its source is its own (possessor, modifier, "by
    X") or unknown."""
    site, tok = f.site, f.site.tok
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or f.ofs or f.withs:
        return None
    role = tok.head.head
    if role.lemma_.lower() not in TARGET_ROLE_NOUNS or role.pos_ not in ("NOUN", "ADJ"):
        return None
    if role.dep_ == "appos":
        undergoers = [role.head]
    elif role.dep_ in ("attr", "acomp") and role.head.lemma_.lower() in COPULAS:  # "has become subject of": ADJ
        undergoers = subject_of(role.head)[0][:1]
    else:
        return None
    return Roles(f.poss[:1] or f.own, undergoers, anon_ok=site.trig.type in ANON_NOUN_TYPES) if undergoers else None


def _givers(f: NounFrame) -> list:
    """The heads of a noun event's own "from" phrase ("criticism from politicians like X and Y": each)."""
    return [x for c in f.site.tok.children if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") for x in expand_conj(p)][:MAX_GIVERS]


def _exposed_holder(tok, lex) -> list:
    """Who a noun in the "to" phrase of an exposure adjective (EXPOSURE cue words) is said of: the copula's subject
    ("the company was subject to criticism"), the object of a verb that leaves or makes someone so ("leaves Israel
    vulnerable to criticism")."""
    adj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "to" else None
    if adj is None or adj.lemma_.lower() not in lex.words("EXPOSURE"):
        return []
    if adj.dep_ == "acomp" and adj.head.lemma_.lower() in COPULAS:
        return subject_of(adj.head)[0][:1]
    return [c for c in adj.children if c.dep_ == "nsubj"][:1] or (
        [c for c in adj.head.children if c.dep_ == "dobj"][:1] if adj.dep_ in ("oprd", "ccomp", "xcomp") else [])


def _exposed_roles(f: NounFrame) -> Roles | None:
    """"The company was subject to criticism from politicians", "leaves Israel vulnerable to international criticism":
    a noun event in the "to" phrase of subject/vulnerable/exposed/open is aimed at the one said to be so; its doer is
    its own ("from X", a possessor or modifier) or unknown."""
    if f.ofs or f.withs or f.site.trig.type not in UNDERGONE_TYPES:
        return None
    holders = _exposed_holder(f.site.tok, f.site.lex)
    return Roles(_givers(f) or (f.poss or f.own)[:1], holders, anon_ok=True) if holders else None


ANSWER_DEPS = ("prep", "prt", "agent")  # the phrase of a two-word answering verb ("responded to", "shrugged off")


def answering_verb(tok, lex) -> object | None:
    """The verb that answers a noun as its reply ("shrugged off the criticism", "responded to accusations", "defended
    himself against charges", "hit back at criticism"): the noun is the object, or the object of the particle or
    preposition, of a verb entered with that word in the RESPOND cue list ("shrug off", "respond to"); None else."""
    word = tok.head if tok.dep_ == "pobj" and tok.head.dep_ in ANSWER_DEPS else None
    verb = word.head if word is not None else tok.head if tok.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB":
        return None
    words = {c.lower_ for c in verb.children if c.dep_ in ANSWER_DEPS} if word is None else {word.lower_} | {
        f"{c.lower_} {word.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod")}  # "hit back at"
    return verb if any(f"{verb.lemma_.lower()} {w}" in lex.words("RESPOND") for w in words) else None


def _answered_roles(f: NounFrame) -> Roles | None:
    """"The candidate shrugged off criticism from his rivals", "Reacting to criticism over his record, the mayor said
    ...", "Schilling defended himself against accusations of racism": criticism or an accusation that someone answers
    was aimed at that someone (the answering verb's subject, or its object when it answers for another: "defended Iraq
    against Western criticism"); its source is its own ("from X", a possessor or modifier) or unknown. Demands stay
    out ("did not respond to a reporter's request for comment" is no demand); the one-word answering verbs ("denied
    the allegations") are the receiver rule's."""
    site = f.site
    if site.trig.type != "DISAPPROVE":
        return None
    verb = answering_verb(site.tok, site.lex)
    if verb is None:
        return None
    answerers, passive = subject_of(verb)
    reflexive = site.lex.words("REFLEXIVE")  # "defended himself": the answerer, not another party
    defended = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in reflexive and c.i != site.tok.i]
    if not (defended or answerers) or passive and not defended:
        return None
    return Roles(_givers(f) or (f.poss or f.own)[:1], (defended or answerers)[:1], anon_ok=True)


NOUN_ROLE_RULES = (_hyphen_pair_roles, _under_roles, _backed_roles, _among_roles, _receiver_roles, _answered_roles,
                   _between_roles, _gathered_roles, _accused_roles, _confessed_roles, _undergoer_roles, _exposed_roles,
                   _possessor_roles, _relative_carrier_roles, _despite_roles)  # first that applies


def noun_roles(site: Site) -> Roles | None:
    if not sense_ok(site.trig, site.tok, site.kind, [], site.ctx):
        return None
    f = _noun_frame(site)
    roles = next((r for rule in NOUN_ROLE_RULES if (r := rule(f)) is not None), None) or _carrier_roles(f)
    if roles is None:
        return None
    if site.verb is not None:
        roles.targets = roles.targets or [t[1] for t in targets_of(site.verb, site.lex, "N", site.trig.type)
                                          if isinstance(t, tuple) and t[0] in ("with", "to", "against", "into")]
    if not roles.targets and site.tok.lemma_.lower() in site.lex.words("REFUSE"):
        roles.targets = refused_objects(site.tok, "acl")  # "Sanders's refusal to endorse her": her
    roles.targets = [h for t in roles.targets for h in thing_holders(site, t)]
    return roles
