"""Speech-act events (DEMAND, DISAPPROVE, REJECT, SUPPORT) of issue 11, session 21 (pipeline.nlp.events), on made-up
sentences with the real model: demands, criticism, rejection and support told in news prose."""
from __future__ import annotations

from tests.events_helpers import events_of, has_event


def test_a_generic_actor_noun_speaks_about_a_thing():
    # a group named by an actor noun backs or contests a policy: an event with no actor target, as a named one's is
    assert has_event(events_of("Most farmers support the new tax."), "SUPPORT", "farmers")
    assert has_event(events_of("Civil rights groups challenged the ruling."), "DISAPPROVE", "groups")
    # a product is still no supporter of a feature
    assert not has_event(events_of("Most applications support the new display."), "SUPPORT")
    # a refusal of no act by a generic actor noun is no event
    assert not has_event(events_of("The company spokesman declined to comment on the report."), "REJECT")
