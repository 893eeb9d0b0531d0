"""Role rules of verb triggers (`verb_roles`): the subject, the object, a passive's "by" phrase or the cause of an
agentless assault ("killed in a militant attack"), the attack noun that is the subject, the target rules of
`verb_targets`; and the judge of a judged clause (`judged_roles`: "X believes Y was responsible")."""
from __future__ import annotations

from pipeline.nlp.events.actors import appositive_holder, expand_conj, is_agent, noun_sources
from pipeline.nlp.events.guards import Site
from pipeline.nlp.events.lexicon import Lexicon, lexicon, Trigger
from pipeline.nlp.events.role_heads import ANON_TYPES, operation_source, Roles, thing_holders
from pipeline.nlp.events.senses import direct_objects, sense_ok
from pipeline.nlp.events.subjects import Subject, subject_of
from pipeline.nlp.events.verb_targets import VERB_TARGET_RULES

PASSIVE_ANON_TYPES = ANON_TYPES | {"DISAPPROVE", "INVESTIGATE", "SUPPORT", "DEMAND", "SANCTION", "REJECT",
                                  "THREATEN", "AID", "CONCEDE", "RETREAT"}  # "the church was criticised": unknown source


def _object_partners(site: Site) -> list:
    """"signed a contract with X", "inked deals with X", "voiced support for X": the partner hangs on the sense's
    object noun."""
    tok, trig = site.tok, site.trig
    if not trig.need("obj") or any(isinstance(t, tuple) for t in site.tgt_heads):
        return []
    preps = {"with", "between"} | (lexicon().words("SUPPORT_PARTNER") if trig.type == "SUPPORT" else set())
    return [(c.lower_, p) for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in trig.need("obj")
            for c in o.children if c.dep_ == "prep" and c.lower_ in preps
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


WHEN_MARKS = ("when", "as")  # "was killed when gunmen opened fire", "as police stormed the building"
# what the doer of an attack in a when-clause fires or throws ("opened fire", "threw stones", "were spraying bullets")
ATTACK_OBJECTS = ("fire", "bullet", "shot", "stone", "rock", "grenade", "bomb", "missile", "rocket", "shell", "gas")


def _when_doers(site: Site, victims: list) -> list:
    """"Zurana Horton was killed when the accused thugs Andrew Lopez and ... were spraying bullets", "two officers were
    injured as protesters threw stones": an agentless passive assault whose when/as clause attacks (an assault or fight
    verb, or firing or throwing at: `ATTACK_OBJECTS`) with an actor subject (a name or a generic agent, not a pronoun,
    not the victim) was done by it (not an arrest: "was arrested when his neighbour called police")."""
    if site.trig.type != "ASSAULT":
        return []
    for clause in (c for c in site.tok.children if c.dep_ == "advcl"):
        if not any(m.lower_ in WHEN_MARKS and m.dep_ in ("mark", "advmod") for m in clause.children):
            continue
        sense = site.lex.verbs.get(clause.lemma_.lower())
        if not (sense is not None and sense.type in ("ASSAULT", "FIGHT") or any(
                o.dep_ == "dobj" and o.lemma_.lower() in ATTACK_OBJECTS for o in clause.children)):
            continue  # "were shot as protesters took to the streets": the clause tells when, not who
        doers = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
        if doers and doers[0] not in victims and site.actor(doers[0], False) is not None:
            return expand_conj(doers[0])
    return []


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
    operation, noun = operation_source(site) if not agent else ([], None)
    if operation:
        roles.sources = operation
        site.consumed.add(noun.i)
    elif not agent and trig.type in ANON_TYPES:
        _cause_sources(site, roles)
        roles.sources = roles.sources or _when_doers(site, roles.targets)
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


def hyphen_agent(tok) -> list:
    """"Russian-backed separatists", "GOP-backed legislation", "tea-party backed candidate": a noun joined before a
    participle that modifies a noun (by a hyphen, or standing right before it) is the participle's agent."""
    if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.i == tok.sent.start:
        return []
    left = tok.doc[tok.i - 2] if tok.doc[tok.i - 1].text == "-" and tok.i - 2 >= tok.sent.start else tok.doc[tok.i - 1]
    if left.pos_ not in ("NOUN", "PROPN") or left.dep_ not in ("npadvmod", "compound", "nmod", "amod") or \
            left.head.i not in (tok.i, tok.head.i):
        return []
    return [left]


def verb_subject(tok, trig: Trigger, kind: str, lex: Lexicon, ctx: set[str]) -> Subject | None:
    """The subject heads of a verb sense and whether it is passive; None when the sense does not apply (an accident
    as subject, or its conditions fail). Needs no target: `pairs.sense_pairs` asks it first (most senses of a trigger
    fail here) and looks for targets only for a sense that applies."""
    sources, passive = subject_of(tok)
    accidents = (lex.context or {}).get("ACCIDENT", frozenset())
    if not passive and any(s.lemma_.lower() in accidents or s.lower_ in accidents for s in sources):
        return None  # "a hit and run accident that killed a woman", "a crash killed three": nobody did it
    hyphen = tuple(hyphen_agent(tok))  # found once: kept on the Subject for verb_roles' passive agent
    if (tok.dep_ == "acl" or hyphen) and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        sources, passive = [appositive_holder(tok.head)], True  # "39 drug traffickers arrested", "X, one of
        # the men arrested", "Russian-backed separatists"
    if not sense_ok(trig, tok, kind, direct_objects(tok, sources if passive else None), ctx):
        return None
    return Subject(sources, passive, hyphen)


def verb_roles(site: Site) -> Roles | None:
    tok, trig = site.tok, site.trig
    site.subject = site.subject or verb_subject(tok, trig, site.kind, site.lex, site.ctx)
    if site.subject is None:
        return None
    sources, passive = site.subject.heads, site.subject.passive
    site.tgt_heads = site.tgt_heads + _object_partners(site)
    roles = Roles(sources, [], passive)
    agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] or \
        _stray_agent(tok) or list(site.subject.hyphen_agent) if passive else []
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


def judged_roles(site: Site) -> Roles | None:
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
        head = thing_holders(site, head)[0]
    if head is None or not accusers or passive or not (head.ent_type_ or is_agent(head, site.lex)) or \
            site.actor(head, False) is None:
        return None  # a pronoun, a thing ("the forecasts were wrong"), "the GOP nominee" (not the GOP) is no actor
    return Roles(accusers, accused[:1])
