"""Target rules of verb triggers (`VERB_TARGET_RULES`, applied in order by `verb_roles.verb_roles`): the object a sense
names as its theme gives way to its author or its against/on phrase, the accused subject of a that-clause, the subject
of a clause stating an obligation, of a demanded or helped clause, the one blamed "on", the one asked "from", the object
of a refused act, the holder of a thing object."""
from __future__ import annotations

from pipeline.nlp.events.actors import ACTOR_LABELS, expand_conj, is_agent, is_person_noun
from pipeline.nlp.events.guards import Site
from pipeline.nlp.events.role_heads import place_holder, that_clause_subjects
from pipeline.nlp.events.senses import obligation_clauses
from pipeline.nlp.events.subjects import subject_of

THEME_TARGET_PREPS = ("against", "on", "over", "about", "at")  # "concern over X", "attacks against X"
CLAUSE_SUBJECT_TYPES = {"DEMAND", "AID"}  # "demanded X quit", "helped X achieve": X is the target


def _without_themes(site: Site, targets: list) -> list:
    """"withdrew its backing to X": an object the sense names is no actor, its author may be ("overturned a
    lower court ruling", "denied Conservative claims": a demonym too) and so may its against/on phrase ("unleashed
    attacks against Rubio"); persons stay targets ("expelled two diplomats"). The subject of the theme's that-clause is
    the one it speaks of ("voiced concern that X ..."), but a refusal of a claim with an author rejects the author:
    "denied Conservative claims that he had fiddled the figures" is aimed at the Conservatives, not at him."""
    lex, ms, theme = site.lex, site.ms, site.trig.need("obj")
    if theme is None or "PERSON" in theme:
        return targets
    themes = [t for t in targets if (t.lemma_.lower() in theme or t.lower_ in theme) and not (
        is_agent(t, lex) or is_person_noun(t, lex))]
    authors = [c for t in themes for c in t.children if c.dep_ in ("poss", "compound", "nmod") and c.pos_ != "PRON"
               and (ms.label_of(c) in ACTOR_LABELS or is_agent(c, lex)) or c.dep_ == "amod" and c.ent_type_ == "NORP"]
    spoken_of = [] if authors and site.trig.type == "REJECT" else [s for t in themes for s in that_clause_subjects(t)]
    return [t for t in targets if t not in themes] + authors + [
        p for t in themes for c in t.children if c.dep_ == "prep" and c.lower_ in THEME_TARGET_PREPS + ("of",)
        for p in c.children if p.dep_ == "pobj"] + [  # "unleashed attacks against Rubio", "the sentences of X"
        p for c in site.tok.children if c.dep_ == "prep" and c.lower_ in THEME_TARGET_PREPS and themes
        for p in c.children if p.dep_ == "pobj"] + spoken_of  # "expressed frustration over Sanders's campaign"


def _accused_of_clause(site: Site, targets: list) -> list:
    """"allege that the men killed ...": the accused is the inner subject (ccomp-flagged senses)."""
    if "ccomp" not in site.trig.flags:
        return targets
    for c in site.tok.children:
        if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for"
                                                          for m in c.children):
            inner, inner_passive = subject_of(c)
            if inner and not inner_passive:
                targets = targets + inner[:1]
    return targets


def _obliged_subjects(site: Site, targets: list) -> list:
    """"said the House of Lords needs its own Speaker and that peers should lead the way", "warned the government
    would have to work hard": a demand stated as an obligation (a 'modal:' sense) is made of the subject of each
    clause that states it (`senses.obligation_clauses`; a pronoun stays out)."""
    modal = site.trig.need("modal")
    if modal is None:
        return targets
    return targets + [x for c in obligation_clauses(site.tok, modal) for x in c.children
                      if x.dep_ == "nsubj" and x.pos_ != "PRON" and x not in targets]


def _thing_holders(site: Site, targets: list) -> list:
    """A thing as object ("withdrew its backing to X"): the actor is its author when it names one ("rejected a Fox News
    proposal for a debate with X", "ridiculed the claims made by Michael Howard": `_authors`), else in its
    to/for/of/against/by phrase, its possessor or the subject of the relative clause that modifies it ("disapproved of
    the way Trump had handled the situation"); a possessive pronoun when it names someone ("42% backed his legal
    action": Mr Blunkett)."""
    if not targets or any(site.actor(t, False) is not None for t in targets):
        return targets
    authored = [(t, _authors(site, t)) for t in targets]
    if any(authors for _, authors in authored):  # the thing gives way to its authors (its own with-phrase is no
        # target either)
        return [t for t, authors in authored if not authors] + [a for _, authors in authored for a in authors]
    return targets + [p for t in targets for c in t.children
                      if c.dep_ == "prep" and c.lower_ in ("to", "for", "of", "against", "by")
                      for p in c.children if p.dep_ == "pobj"] + [  # "asked for the public's help"
        c for t in targets for c in t.children
        if c.dep_ == "poss" and (c.pos_ != "PRON" or _named_pronoun(site, c))] + [
        s for t in targets for r in t.children if r.dep_ == "relcl"  # "disapproved of the way Trump handled it"
        for s in r.children if s.dep_ == "nsubj" and s.pos_ != "PRON"] + [
        h for t in targets for h in place_holder(site, t)]  # "the conditions in China"


AUTHORED_TYPES = {"REJECT", "DISAPPROVE"}  # events aimed at who made a proposal, claim or plan ("a Fox News proposal")
AUTHOR_LABELS = {"ORG", "PERSON"}  # a place before a thing is what it is about more often ("opposed the Iran deal")


def _authors(site: Site, thing) -> list:
    """Who made a thing object, when it says so: the agent of the participle that modifies it ("the claims made by
    X", "the plan drawn up by X"), or, for a rejection or criticism, a named actor modifying it ("rejected a Fox News
    proposal"; not "support the Retina display", "opposed the Iran deal"). The event is aimed at that author; the
    thing's to/for phrase names what it is about ("rejected a Fox News proposal for a debate with rival Sen. X" is
    aimed at Fox News, not at the senator, whom the code before session 27 took). Not the trigger's own participle
    ("a measure strongly opposed by unions")."""
    return [p for acl in thing.children if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.i != site.tok.i
            for c in acl.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] + [
        c for c in thing.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and
        site.trig.type in AUTHORED_TYPES and site.ms.label_of(c) in AUTHOR_LABELS]


def _named_pronoun(site: Site, tok) -> bool:
    """"42% backed his legal action": a his/her possessive stands for the holder when it resolves to a named person
    other than the verb's own subject ("defended his call to raise X" is no event on himself). The subject is the one
    `verb_roles.verb_subject` gave (`site.subject`), not `subject_of`'s: for a participle modifying a noun it is that
    noun ("Obama defended his plan, criticized by Republicans": the plan), where `subject_of` inherits the subject of
    the clause above (Obama) and would wrongly drop the plan's holder as the verb's own subject."""
    if tok.lower_ not in ("his", "her"):
        return False
    got = site.actor(tok, False)
    if got is None or got[0] is None:
        return False
    subjects = [site.actor(s, False) for s in site.subject.heads]
    return all(s is None or s[0] is None or s[0].entity_key != got[0].entity_key for s in subjects)


def _complement_targets(site: Site, targets: list) -> list:
    """"would refuse to approve Mr Boateng's appointment": a refusal without object takes the object of the act
    it refuses (its holder: "Mr Boateng")."""
    if targets or site.tok.lemma_.lower() not in site.lex.words("REFUSE"):
        return targets
    return refused_objects(site.tok, "xcomp")


def _refused_offer(site: Site, targets: list) -> list:
    """"Nichols had offered to plead guilty but prosecutors had refused", "asked the company to raise wages, but the
    company refused": a bare refusal (no object, no refused act) conjoined to an offer or a request (an INTENT or
    DEMAND_VERB word) refuses the one who made it, that verb's subject."""
    tok, lex = site.tok, site.lex
    if targets or tok.lemma_.lower() not in lex.words("REFUSE") or tok.dep_ != "conj" or \
            any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in tok.children) or \
            not any(c.dep_ == "nsubj" for c in tok.children):
        return targets
    offer = tok.head
    if offer.lemma_.lower() not in lex.words("INTENT") | lex.words("DEMAND_VERB"):
        return targets
    return [s for s in offer.children if s.dep_ == "nsubj" and s.pos_ != "PRON"][:1]


def refused_objects(tok, dep: str) -> list:
    """The objects of the act a refusal refuses (its clause under `dep`: a verb's xcomp, a noun's acl), each
    object's possessor when it has one ("to approve Mr Boateng's appointment" -> Mr Boateng)."""
    objs = [o for c in tok.children if c.dep_ == dep for o in c.children if o.dep_ == "dobj"]
    return [p for o in objs for p in [o] + expand_conj(o)[1:] for p in
            [c for c in p.children if c.dep_ == "poss" and c.pos_ != "PRON"] or [p]]


def _demanded_of_clause(site: Site, targets: list) -> list:
    """"Liberals demanded Sir Edward Heath quit", "asked that the government reconsider": a demand without an
    actor object asks the subject of its clausal complement; "offering to help Israel and the Palestinians
    achieve peace": aid without object helps that subject."""
    if site.trig.type not in CLAUSE_SUBJECT_TYPES or targets:
        return targets
    inner = [s for c in site.tok.children if c.dep_ == "ccomp" and c.left_edge.i == site.tok.i + 1
             for s in c.children if s.dep_ == "nsubj" and s.pos_ != "PRON"][:1]  # its own subject, not one inherited
    return targets + inner


def _small_clause_subject(site: Site, targets: list) -> list:
    """"The jury found Smith guilty of murder" (parsed with "Smith" the subject of a "guilty" clause): without an
    object, the subject of the verb's adjective complement is the target."""
    if targets:
        return targets
    return [s for c in site.tok.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "JJ"
            for s in c.children if s.dep_ == "nsubj" and s.pos_ != "PRON"][:1]


def _blamed_on(site: Site, targets: list) -> list:
    """"arson attacks blamed on Welsh extremists", "blamed the violence on the rebels": the one blamed is the
    object of "on", the thing blamed is no actor (an actor object stays the one blamed: "blamed Obama on Twitter")."""
    if site.trig.type != "DISAPPROVE" or site.tok.lemma_.lower() not in site.lex.words("BLAME_ON"):
        return targets
    if any(site.actor(t, False) is not None for t in targets if not isinstance(t, tuple)):
        return targets
    blamed = [p for c in site.tok.children if c.dep_ == "prep" and c.lower_ == "on"
              for p in c.children if p.dep_ == "pobj"]
    return blamed[:1] if blamed else targets


def _asked_from(site: Site, targets: list) -> list:
    """"requested financial assistance from Airbus and Air France", "to seek federal aid from the U.S. government": a
    demand verb whose object is a thing asks the one in its "from" phrase (on the verb or inside the object's phrase)."""
    if site.trig.type != "DEMAND" or site.tok.lemma_.lower() not in site.lex.words("DEMAND_VERB") or \
            any(site.actor(t, False) is not None for t in targets if not isinstance(t, tuple)):
        return targets
    inside = [c for o in site.tok.children if o.dep_ == "dobj" for c in o.subtree]  # "assistance for the search from X"
    asked = [p for c in list(site.tok.children) + inside if c.dep_ == "prep" and c.lower_ == "from" and
             (c.head.i == site.tok.i or c.head.pos_ not in ("VERB", "AUX")) for p in c.children if p.dep_ == "pobj"]
    return [x for a in asked[:1] for x in expand_conj(a)] or targets


def _agreed_act_partner(site: Site, targets: list) -> list:
    """"HP said it has agreed to acquire EYP Mission Critical Facilities", "agreed to meet the rebels", "has signed an
    agreement to acquire SeaMicro", "signed a deal for Brighton to host the conference": an agreement without an actor
    object whose act (the verb's to-clause, or the to-clause of its agreement noun) names a named party (an
    organization, person or country) as the act's object or own subject is made with that party."""
    if targets or site.trig.type != "AGREE":
        return targets
    acts = [c for c in site.tok.children if c.dep_ == "xcomp"] + [
        c for o in site.tok.children if o.dep_ == "dobj" for c in o.children
        if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return [o for c in acts for o in c.children if o.dep_ in ("dobj", "nsubj") and
            site.ms.label_of(o) in ACTOR_LABELS][:1]


VERB_TARGET_RULES = (_without_themes, _accused_of_clause, _obliged_subjects, _demanded_of_clause,  # in this order
                     _small_clause_subject, _blamed_on, _asked_from, _complement_targets, _refused_offer,
                     _agreed_act_partner, _thing_holders)
