"""Recall rules of issue 11, session 25 (pipeline.nlp.events), on made-up sentences with the real model: a poll share
that is a stance's subject is its actor; a his/her possessor of a thing backed is the one backed; a share of a relative
pronoun ("all of whom") stands for the noun the relative clause modifies; a refused claim with an author is aimed at
the author, not at the one the claim speaks of."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_percentage_subject_of_a_stance_is_its_actor():
    got = _events("Some 82% said Mr Blunkett had set a good example, but 42% backed his legal action.")
    assert _has(got, "SUPPORT", "42%", "Blunkett")


def test_a_share_word_subject_of_a_stance_is_its_actor():
    assert _has(_events("A majority oppose the plan to close the hospital."), "DISAPPROVE", "majority")


def test_a_percentage_that_is_no_subject_is_no_actor():
    got = _events("The company cut its workforce by 10% after the strike.")
    assert not any(a1 and "%" in a1 or a2 and "%" in a2 for _, a1, a2 in got)


def test_the_backer_of_his_own_call_is_no_target_of_himself():
    got = _events("Bernie Sanders defended his call to raise the federal minimum wage to $15 an hour.")
    assert _has(got, "SUPPORT", "Sanders")
    assert not _has(got, "SUPPORT", "Sanders", "Sanders")


def test_all_of_whom_stands_for_the_noun_the_clause_modifies():
    got = _events("The senators, most of whom backed Clinton, left the room.")
    assert _has(got, "SUPPORT", "senators", "Clinton")
    got = _events("Labour MPs, many of whom criticised Mr Blair, stayed away.")
    assert _has(got, "DISAPPROVE", "MPs", "Blair")


def test_denied_claims_are_aimed_at_their_author_not_at_the_accused():
    got = _events("Mr Brown vigorously denied Conservative claims that he had fiddled the figures.")
    assert _has(got, "REJECT", "Brown", "Conservative")


def test_a_bare_refusal_of_an_offer_refuses_the_one_who_made_it():
    got = _events("Nichols had offered to plead guilty in return for a life sentence but prosecutors had refused.")
    assert _has(got, "REJECT", "prosecutors", "Nichols")
    got = _events("The union asked the company to raise wages, but the company refused.")
    assert _has(got, "REJECT", "company", "union")


def test_objections_by_someone_are_their_disapproval():
    got = _events("The judge made his ruling over objections by the State Department.")
    assert _has(got, "DISAPPROVE", "State Department")
