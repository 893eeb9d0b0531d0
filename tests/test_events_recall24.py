"""Recall rules of issue 11, session 24 (pipeline.nlp.events), on made-up sentences with the real model: a noun event
in the "to" phrase of an exposure adjective (subject/vulnerable/exposed to) is aimed at the one said to be so, done by
its own "from" phrase; a group noun's "like" phrase names its members; a symmetric event of three or more conjoined
subjects and no target is one event per pair ("X, Y and Z met")."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_criticism_one_is_subject_to_is_aimed_at_that_one():
    got = _events("The bank was subject to criticism from senators like Elizabeth Warren and Bernie Sanders.")
    assert _has(got, "DISAPPROVE", "senators", "bank")
    assert _has(got, "DISAPPROVE", "Warren", "bank")
    assert _has(got, "DISAPPROVE", "Sanders", "bank")


def test_a_verb_that_leaves_someone_vulnerable_to_criticism_names_the_target():
    got = _events("The failed reform leaves the minister vulnerable to fierce criticism.")
    assert _has(got, "DISAPPROVE", None, "minister")


def test_an_exposure_adjective_with_a_non_hostile_noun_gives_no_event():
    # "open to talks": a talk is no undergone event (CONSULT is not in UNDERGONE_TYPES), no target from "open"
    got = _events("The minister was open to talks about the budget.")
    assert not _has(got, "CONSULT", None, "minister")


def test_three_who_meet_give_one_meeting_per_pair():
    got = _events("Kerry, Lavrov and de Mistura met in Geneva on Tuesday.")
    assert _has(got, "CONSULT", "Kerry", "Lavrov")
    assert _has(got, "CONSULT", "Kerry", "Mistura")
    assert _has(got, "CONSULT", "Lavrov", "Mistura")
    assert len([e for e in got if e[0] == "CONSULT"]) == 3
    got = _events("Kerry and Lavrov met in Geneva on Tuesday.")
    assert len([e for e in got if e[0] == "CONSULT"]) == 1
