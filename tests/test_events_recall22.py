"""Recall rules of issue 11, session 22 (pipeline.nlp.events), on made-up sentences with the real model: a his/her
possessor stands for the subject of its clause; a bare number killed or wounded counts the victims; a meeting's
"of" phrase names who meet; "a woman named X" is X; "the poor" are people."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_possessor_pronoun_stands_for_its_clause_subject():
    # "the senator has fallen out of touch based on his support for Trump" (held-out 16): the senator's support
    got = _events("The senator lost the primary because of his support for Trump.")
    assert _has(got, "SUPPORT", "senator", "Trump")
    got = _events("A mafioso committed suicide hours after his arrest in a police raid.")
    assert _has(got, "COERCE", "police", "mafioso")


def test_an_object_pronoun_is_not_its_clause_subject():
    # "the first member of Congress to endorse him": him is someone else
    got = _events("The first member of Congress to endorse him was a senator from Ohio.")
    assert not _has(got, "SUPPORT", "member", "member")


def test_a_bare_number_killed_counts_the_victims():
    # "The attack, which killed five, was the first of its kind" (held-out 16): ASSAULT of five, source unknown
    assert _has(_events("The attack, which killed five, was the first of its kind."), "ASSAULT", None, "five")
    assert _has(_events("Gunmen killed five in the village on Monday."), "ASSAULT", "Gunmen", "five")
    # a storm is no attacker
    assert not _has(_events("The storm killed 12 on Monday."), "ASSAULT")


def test_a_meeting_of_a_group_is_held_by_it():
    # "the regular meeting of Labour backbenchers" (CONSULT with no partner named)
    got = _events("Senior MPs raised concerns at the regular meeting of Labour backbenchers on Monday.")
    assert _has(got, "CONSULT", "Labour backbenchers")
    # the two of "a meeting of A and B"; a light verb's subject meets those the "of" phrase names
    assert _has(_events("The meeting of Kerry and Lavrov lasted three hours."), "CONSULT", "Kerry", "Lavrov")
    assert _has(_events("The minister held a meeting of senior officials on Monday."), "CONSULT", "minister",
                "officials")


def test_a_noun_given_a_name_is_that_person():
    # "a Muslim woman named Yvonne Hiller shot and killed two co-workers" (held-out 16)
    got = _events("According to reports, a Muslim woman named Yvonne Hiller shot and killed two co-workers at a plant.")
    assert _has(got, "ASSAULT", "Yvonne Hiller", "workers")


def test_an_adjective_for_a_group_of_people_is_a_target():
    # "Two nuns who worked as nurses and helped the poor" (dev data): AID of the poor
    assert _has(_events("The charity helped the homeless in London last winter."), "AID", "charity", "homeless")
    assert _has(_events("Two nuns who worked as nurses helped the poor in rural Mississippi."), "AID", "nuns", "poor")
