"""Actor-role rules of issue 11 (pipeline.nlp.events.noun_roles / coref / subjects; session 19), on made-up sentences
with the real model: the giver of a received noun event named by its modifier, a he/she pronoun standing for a name
the entity stage missed, the subject of a gerund reached through a clause or a predicative adjective, a dateline."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_received_event_given_by_its_modifier():
    got = _events("Labour has faced media criticism over the plan.")
    assert _has(got, "DISAPPROVE", "media", "Labour")
    # a from phrase still names the giver
    assert _has(_events("The council received criticism from residents over the plan."), "DISAPPROVE", "residents",
                "council")


def test_a_pronoun_for_a_name_without_entity():
    got = _events("Rubio personally opposes same-sex marriage, but - after a Supreme Court ruling made it legal "
                  "nationwide - he urged conservatives to obey the law.")
    assert _has(got, "DEMAND", "Rubio", "conservatives")
    assert not _has(got, "DEMAND", "he")


def test_the_doer_of_a_gerund_reached_through_a_clause():
    # "charged with trying to kill": the accused is the doer of the clause under the gerund
    got = _events("The two men were charged with trying to kill a police officer.")
    assert _has(got, "ASSAULT", "men", "officer")
    # not past another phrase of an adjective: the one one is mad at did the agreeing
    got = _events("Some Democrats are mad at Sanders for agreeing to the debate.")
    assert not _has(got, "AGREE", "Democrats")


def test_a_dateline_is_no_subject():
    got = _events("New Delhi / Mumbai: An Indian warship foiled a pirate attack on Friday, capturing 26 Somali pirates.")
    assert _has(got, "COERCE", "warship", "pirates") and not _has(got, "COERCE", "New Delhi")


def test_the_object_does_the_gerund_it_is_judged_for():
    # "praised / convicted / charged X for / of / with doing": X did it, not the one who judges
    got = _events("Republicans praised Smith for backing the bill.")
    assert _has(got, "SUPPORT", "Smith", "bill") and not _has(got, "SUPPORT", "Republicans", "bill")
    got = _events("The jury convicted Peterson of murder for killing his wife.")
    assert _has(got, "ASSAULT", "Peterson", "wife") and not _has(got, "ASSAULT", "jury")
    # a thing as object leaves the gerund to the subject
    assert _has(_events("He won the election by attacking his rival."), "DISAPPROVE", "He", "rival")
    # "with" after a verb outside WITH_CONTROL is the subject's means: the subject does the gerund
    got = _events("The general surprised the rebels with attacking the capital.")
    assert _has(got, "ASSAULT", "general", "capital") and not _has(got, "ASSAULT", "rebels")
    assert _has(_events("Police charged two men with robbing the bank."), "COERCE", "Police", "two men")
