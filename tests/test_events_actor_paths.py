"""Actor-role rules of issue 11's session 18 (pipeline.nlp.events.actors / role_heads / verb_roles / noun_roles), on
made-up sentences with the real model: the agent of the operation an arrest was made in, companions and named
examples of an actor."""
from __future__ import annotations

from tests.test_events_senses import _has, _types as _events


def test_an_arrest_made_in_an_agents_operation():
    got = _events("A suspected smuggler arrested on Monday in a police swoop has died in his cell.")
    assert _has(got, "COERCE", "police", "smuggler")
    got = _events("Three rebels were detained during an army crackdown in the north.")
    assert _has(got, "COERCE", "army", "rebels")
    # the raid is how the arrest was made, not a second event
    got = _events("The gang leader was arrested in a dawn police raid.")
    assert not _has(got, "ASSAULT")
    # a place is no operation
    assert not _has(_events("Two men were arrested in Paris on Friday."), "COERCE", "Paris")


def test_companions_and_named_examples_are_actors_too():
    got = _events("Russia, along with China, vetoed the resolution on Syria.")
    assert _has(got, "REJECT", "Russia") and _has(got, "REJECT", "China")
    got = _events("The Labour leader, together with the Liberal Democrats, criticised the budget.")
    assert _has(got, "DISAPPROVE", "Liberal Democrats", "budget")
    got = _events("The plan was criticised by campaigners, including Labour MP Gwyneth Dunwoody.")
    assert _has(got, "DISAPPROVE", "campaigners") and _has(got, "DISAPPROVE", "Dunwoody")
