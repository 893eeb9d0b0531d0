"""What the role rules of `verb_roles` and `noun_roles` hand to `pairs`: the source and target heads of one sense
(`Roles`), the holder a thing target stands for (`thing_holders`) and the subject of a that-clause
(`that_clause_subjects`)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.events.actors import ACTOR_LABELS, is_agent, is_person_noun
from pipeline.nlp.events.guards import Site
from pipeline.nlp.events.senses import physical_target
from pipeline.nlp.events.subjects import subject_of

ANON_TYPES = {"ASSAULT", "COERCE", "CRIME"}  # a passive of these without "by" has an unknown source
PLACE_JUDGED_TYPES = ("DISAPPROVE", "INVESTIGATE")  # a judged or investigated situation in a place is about the place
OPERATION_PREPS = ("in", "during")  # "arrested in a police raid", "during a police crackdown"


@dataclass
class Roles:
    """The source and target heads a sense finds (before they are resolved to actors)."""
    sources: list
    targets: list
    passive: bool = False
    anon_ok: bool = False  # an event whose source is unknown ("Kiyingi was arrested")
    pre_pairs: list | None = None  # pairs already resolved ("between Chinese and African leaders")
    cause_subject: bool = False  # the subject is the attack that did it ("a roadside bombing killed")


def operation_source(site: Site) -> tuple[list, object]:
    """"A suspected Mafia boss arrested in a high-profile police swoop", "his arrest in a police bust", "arrested during
    a police crackdown": an arrest whose in/during phrase is a noun modified by a generic agent ("police", "troops") was
    made by that agent; the noun is the arrest's means, no event of its own (the labelling guide codes one arrest).
    ([source head], that noun) or ([], None)."""
    if site.trig.type != "COERCE":
        return [], None
    for prep in (c for c in site.tok.children if c.dep_ == "prep" and c.lower_ in OPERATION_PREPS):
        for noun in (p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"):
            agents = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "NOUN" and
                      is_agent(c, site.lex)]
            if agents:
                return agents[:1], noun
    return [], None


def thing_holders(site: Site, target) -> list:
    """"an attack on the Tories' record", "an inquiry into the senator's finances", "criticisms of the actions taken by
    the CIA": a thing as the target of a noun event stands for its holder (a non-pronoun possessor, else its "of"
    phrase, else an actor modifier: "the government plans", else the agent of the participle that modifies it, else
    the subject of its that-clause: "a probe of allegations that he received benefits"); an actor stays itself."""
    if site.actor(target, True) is not None or physical_target(site.trig, target, site.lex):
        return [target]  # an actor, or the aimed-at thing of an assault ("an attack on merchant vessels")
    kids = list(target.children)
    holders = [c for c in kids if c.dep_ == "poss" and c.pos_ != "PRON"] or [
        p for c in kids if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"] or [
        c for c in kids if c.dep_ in ("compound", "amod") and (  # "support for the government plans"
            site.ms.label_of(c) in ACTOR_LABELS or is_agent(c, site.lex))] or [
        p for acl in kids if acl.dep_ == "acl" and acl.tag_ == "VBN"  # "the actions taken by X"
        for c in acl.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] or [
        p for c in (target.head.children if target.dep_ == "nsubjpass" else ())  # "the change was made by X and drew"
        if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] or that_clause_subjects(target) or \
        place_holder(site, target)
    return holders[:1] or [target]


def place_holder(site: Site, target) -> list:
    """"an investigation into the debacle in Maricopa County", "concern that the conditions in China have not
    improved": a situation in a country or region that is criticised, feared or investigated stands for that place
    (not a person noun: "individuals in the US")."""
    if site.trig.type not in PLACE_JUDGED_TYPES or is_person_noun(target, site.lex):
        return []  # (not "bought a forest preserve in Belize", "support of the black vote in Florida")
    return [p for c in target.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
            if p.dep_ == "pobj" and site.ms.label_of(p) == "GPE"][:1]


def that_clause_subjects(tok) -> list:
    """"allegations that Livingstone has brought ...", "voiced concern that the conditions in China ...": the subject
    of each that-clause of a word (the first one of each clause), whom the clause is about."""
    return [s for c in tok.children if c.dep_ in ("acl", "ccomp") and
            any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for s in subject_of(c)[0][:1]]
