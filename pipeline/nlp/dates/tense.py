"""The tense a date expression is read in: of a sentence (a rough regex reading) or of the
clause a spaCy token belongs to (an ordered list of named rules over the parse)."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.nlp.dates.lexicon import FUTURE_AUX, INVARIANT_PAST, PLAN_VERBS, SAY_VERBS, WEEKDAYS
from pipeline.nlp.dates.verdict import Verdict, first_verdict

FUTURE_WORDS = re.compile(r"\b(will|'ll|shall|going to|plans? to|planning to|planned|scheduled|expected to|"
                          r"expects? to|due to|set to|to be held|would|intends? to|next|upcoming|later)\b", re.I)
PAST_WORDS = re.compile(r"\b(was|were|had|did|said|ago|last|earlier|\w+ed)\b", re.I)
MODALS = {"would", "could", "might", "may", "should", "must", "can"}
PERFECT_OR_PAST_AUX = {"had", "did", "was", "were", "has", "have"}


def sentence_tense(sentence: str | None) -> str | None:
    """A rough tense of a sentence: 'future' when it speaks of plans or uses will/would,
    else 'past' when it has past-tense words, else None."""
    if not sentence:
        return None
    if FUTURE_WORDS.search(sentence):
        return "future"
    if PAST_WORDS.search(sentence):
        return "past"
    return None


class Clause(NamedTuple):
    """The token a date is in, the verb of its clause and that verb's auxiliaries."""

    token: object
    verb: object
    auxiliaries: list
    aux_words: set[str]


def _future_auxiliary(clause: Clause) -> Verdict | None:
    """will/'ll/shall, or "going" with a complement: "will meet", "is going to meet"."""
    verb = clause.verb
    going_to = verb.lower_ == "going" and any(child.dep_ == "xcomp" for child in verb.children)
    if clause.aux_words & FUTURE_AUX or going_to:
        return Verdict("future")
    return None


def _under_going(clause: Clause) -> Verdict | None:
    """The complement of "going": "going to meet"."""
    verb = clause.verb
    return Verdict("future") if verb.head.lower_ == "going" and verb.dep_ == "xcomp" else None


def _infinitive_under_plan(clause: Clause) -> Verdict | None:
    """A to-infinitive under a planning verb: "plans to meet Friday"."""
    verb = clause.verb
    if "to" in clause.aux_words and verb.dep_ in ("xcomp", "advcl", "acl", "ccomp") and \
            verb.head.lemma_.lower() in PLAN_VERBS:
        return Verdict("future")
    return None


def _infinitive_under_be(clause: Clause) -> Verdict | None:
    """A to-infinitive under "be": "is to resume trading"."""
    verb = clause.verb
    if "to" in clause.aux_words and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() == "be":
        return Verdict("future")
    return None


def _planning_verb(clause: Clause) -> Verdict | None:
    """The verb is plan/schedule: "planned a demonstration on Saturday"."""
    return Verdict("future") if clause.verb.lemma_.lower() in ("plan", "schedule") else None


def _complement_of_plan(clause: Clause) -> Verdict | None:
    """The complement after plan/schedule: "planned to hold it Saturday"."""
    verb = clause.verb
    if verb.head.lemma_.lower() in ("plan", "schedule") and verb.dep_ in ("xcomp",) and verb.head.i < verb.i:
        return Verdict("future")
    return None


def _scheduled_participle(clause: Clause) -> Verdict | None:
    """A participle of scheduling, not perfect: "scheduled for Friday", "set to open"."""
    verb, words = clause.verb, clause.aux_words
    lemma = verb.lemma_.lower()
    if lemma in ("schedule", "plan", "due", "expect", "set") and verb.tag_ == "VBN" and \
            not (words & {"has", "have", "had"}) and \
            (lemma != "set" or clause.auxiliaries or any(child.dep_ == "xcomp" for child in verb.children)):
        return Verdict("future")
    return None


def _modal(clause: Clause) -> Verdict | None:
    """A modal: future for a reported plan ("announced that he would travel Thursday") or
    under a planning verb, else no tense."""
    verb, words = clause.verb, clause.aux_words
    if not words & MODALS:
        return None
    if words & {"would"} and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SAY_VERBS and \
            not (words & {"have"}):
        return Verdict("future")
    return Verdict("future" if verb.head.lemma_.lower() in PLAN_VERBS else None)


def _past_or_perfect(clause: Clause) -> Verdict | None:
    """Past tense, or a perfect/past auxiliary."""
    if clause.verb.tag_ == "VBD" or clause.aux_words & PERFECT_OR_PAST_AUX:
        return Verdict("past")
    return None


def _past_participle_modifier(clause: Clause) -> Verdict | None:
    """A bare participle modifying a noun: "the record high set on Aug. 6", "shares issued July 1"."""
    verb = clause.verb
    return Verdict("past") if verb.tag_ == "VBN" and verb.dep_ == "acl" and not clause.auxiliaries else None


def _scheduled_present(clause: Clause) -> Verdict | None:
    """Present simple of a scheduled event: "The leaders meet (on) Monday"."""
    token, verb = clause.token, clause.verb
    if verb.tag_ in ("VBZ", "VBP") and not clause.auxiliaries and token.lower_ in WEEKDAYS and \
            verb.lemma_.lower() not in SAY_VERBS | {"be", "have"} | INVARIANT_PAST \
            and (token.head == verb or (token.head.lower_ == "on" and token.head.head == verb)):
        return Verdict("future")
    return None


def _present(clause: Clause) -> Verdict | None:
    return Verdict("present") if clause.verb.tag_ in ("VBZ", "VBP", "VBG") else None


TENSE_RULES = (_future_auxiliary, _under_going, _infinitive_under_plan, _infinitive_under_be, _planning_verb,
               _complement_of_plan, _scheduled_participle, _modal, _past_or_perfect, _past_participle_modifier,
               _scheduled_present, _present)


def _clause_verb(token):
    """The nearest verb at or above the token (up to six steps), or None."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def token_tense(token) -> str | None:
    """Tense of the clause a spaCy token belongs to: walk up to the nearest verb, then
    'future' (will/'ll/shall, going to, to-infinitive under a planning verb, scheduled),
    'past' (past tense or perfect), 'present' or None (`TENSE_RULES`, first that applies)."""
    verb = _clause_verb(token)
    if verb is None:
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    clause = Clause(token, verb, auxiliaries, {child.lower_ for child in auxiliaries})
    verdict = first_verdict(TENSE_RULES, clause)
    return verdict.value if verdict is not None else None
