"""Events whose actors the sentence tells without naming them (issue 11, session 20: pipeline.nlp.events.guards), on
made-up sentences with the real model: two parties told by pronouns, and an agentless investigation or accusation
of a pronoun. The labelling guide writes them with empty actors (the article names the parties elsewhere)."""
from __future__ import annotations

from tests.events_helpers import events_of, has_event


def test_two_parties_told_by_pronouns():
    assert has_event(events_of("I support him because he keeps his word."), "SUPPORT", "I", "him")
    assert has_event(events_of("We need to stay with these countries and help them."), "AID", "We", "countries")
    # one party alone is still no event
    assert not has_event(events_of("He will meet next week."), "CONSULT")
    # "it" names a policy or a thing as often as a party: no event between "it" and someone
    assert not has_event(events_of("It will help them."), "AID")


def test_an_agentless_investigation_or_accusation_of_a_pronoun():
    assert has_event(events_of("He is also being investigated over the visa application."), "INVESTIGATE", None, "He")
    assert has_event(events_of("She is accused of stealing the funds."), "DISAPPROVE", None, "She")
    # any agentless criticism of a pronoun counts the same way (DISAPPROVE is among the types, not accusations only)
    assert has_event(events_of("They were criticised."), "DISAPPROVE", None, "They")


def test_a_counted_group_as_target_is_named():
    # "dozens of protesters": the protesters the quantity counts are the named target of an agentless arrest
    assert has_event(events_of("Dozens of protesters were arrested on Monday."), "COERCE", None, "protesters")
    assert has_event(events_of("Two of the soldiers were killed."), "ASSAULT", None, "soldiers")
