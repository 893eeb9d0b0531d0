"""A finding sourced to a poll by an 'in' phrase after it: 'Trump has a decisive lead in the
latest poll', 'Clinton led Sanders more than 2-1 in an NBC News/Marist poll'. PolNeAR files
the clause the phrase belongs to, up to the phrase, as the poll's content (the poll is the
source; there is no cue verb); the clause is the one headed by the nearest verb above the
phrase, and the phrase follows that verb. Only one poll counts (a singular noun): 'in the
polls', 'in national polls' tell a standing more often than they source a finding (train:
about one in four annotated). A poll phrase that opens its sentence ('In a CNN poll, …') is
`frames.survey_source`'s, read with 'according to'."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.nlp.quotes.lexicon import word_set

SURVEY_NOUNS = word_set("survey_nouns")
PARTICIPATION_VERBS = word_set("participation_verbs")
SINGULAR_TAGS = ("NN", "NNP")


class PollFinding(NamedTuple):
    source: object  # the poll noun: the object of 'in'
    span: tuple[int, int]  # token range of the clause before the phrase


def poll_object(tok):
    """The one poll of an 'in' phrase ('in a CNN poll', 'in the RealClearPolitics average'), else None."""
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    pobj = next((child for child in tok.children if child.dep_ == "pobj"), None)
    if pobj is None or pobj.tag_ not in SINGULAR_TAGS \
            or pobj.lemma_.lower() not in SURVEY_NOUNS and pobj.lower_ not in SURVEY_NOUNS:
        return None
    return pobj


def finding_clause(tok):
    """The verb heading the clause an 'in' phrase belongs to: its nearest verb ancestor, or None."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def takes_part(clause) -> bool:
    """'not all of whom participated in this survey', 'Schools to take part in mock poll': the
    poll is what the clause's subject joins, not the source of a finding."""
    return clause.lemma_.lower() in PARTICIPATION_VERBS or any(
        child.dep_ == "dobj" and child.lemma_.lower() == "part" for child in clause.children)


def poll_finding(tok) -> PollFinding | None:
    """The clause an 'in … poll' phrase after its verb sources, up to the phrase; else None."""
    source = poll_object(tok)
    clause = finding_clause(tok) if source is not None else None
    if clause is None or tok.i < clause.i or takes_part(clause):
        return None
    return PollFinding(source, (clause.left_edge.i, tok.i))
