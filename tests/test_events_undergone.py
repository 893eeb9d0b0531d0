"""Noun events someone undergoes or receives (issue 11, session 20: pipeline.nlp.events.noun_roles._under_roles,
_backed_roles), on made-up sentences with the real model: the one who comes or is under criticism, investigation,
attack or arrest is the target, the from/by phrase (or the one who placed them there) the source; support "of X" that
comes "with" someone is X's support of them."""
from __future__ import annotations

from tests.events_helpers import events_of, has_event


def test_the_subject_under_a_noun_event_undergoes_it():
    got = events_of("Hillary Clinton came under heavy criticism when the emails were revealed.")
    assert has_event(got, "DISAPPROVE", None, "Clinton") and not has_event(got, "DISAPPROVE", "Clinton")
    assert has_event(events_of("The company is under investigation by the SEC."), "INVESTIGATE", "SEC", "company")
    assert has_event(events_of("The town remained under attack from rebels."), "ASSAULT", "rebels", "town")


def test_the_object_placed_under_it():
    assert has_event(events_of("Police placed the suspect under arrest."), "COERCE", "Police", "suspect")
    assert has_event(events_of("He was placed under arrest by police."), "COERCE", "police", "He")


def test_a_fronted_under_phrase_is_a_circumstance():
    assert not has_event(events_of("Under the sanctions, companies cannot trade with Iran."), "SANCTION")


def test_support_that_comes_with_someone():
    # "with the support of X": X supports the one the phrase hangs on, not the other way round
    got = events_of("The rebels, with the backing of Iran, seized the town.")
    assert has_event(got, "SUPPORT", "Iran", "rebels") and not has_event(got, "SUPPORT", None, "Iran")
    assert has_event(events_of("He won with the support of the unions."), "SUPPORT", "unions", "He")


def test_criticism_taken_from_someone():
    # "caught / took flak from X": X criticised the subject, whatever the verb
    assert has_event(events_of("The minister caught flak from Labour MPs over the plan."), "DISAPPROVE", "Labour MPs",
                     "minister")
    assert has_event(events_of("The minister took flak from Labour MPs over the plan."), "DISAPPROVE", "Labour MPs",
                     "minister")
    # the from phrase may hang on the noun: "has broad support from X"
    assert has_event(events_of("The senator has strong support from unions."), "SUPPORT", "unions", "senator")
    # a verb that passes the words on: the subject is not the one criticised or supported
    assert not has_event(events_of("The report echoed criticism from unions."), "DISAPPROVE", "unions", "report")
    assert not has_event(events_of("The minister cited support from charities."), "SUPPORT", "charities", "minister")
