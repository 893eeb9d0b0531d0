"""Actor-role rules of issue 11's session 17 (pipeline.nlp.events.actors / pairs), on made-up sentences with the real
model: who controls a clause that modifies a noun, and who carries a noun event through a relative clause."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_the_holder_of_a_noun_controls_its_clause():
    got = _events("Lawyers welcomed the decision by the Supreme Court to free two Britons.")
    assert _has(got, "RETREAT", "Supreme Court", "Britons")
    assert _has(_events("The navy foiled the pirates' intention of attacking the tanker."), "ASSAULT", "pirates",
                "tanker")


def test_a_noun_event_carried_by_a_relative_clause():
    got = _events("Reporters asked about the meetings Merkel had with Chinese officials last year.")
    assert _has(got, "CONSULT", "Merkel", "officials")
    got = _events("Smith is remembered for the inquiry that Lord Scarman led into the riots.")
    assert _has(got, "INVESTIGATE", "Scarman")
    # the noun is the subject of its clause, not what the clause's subject carries
    assert not _has(_events("The talks that Merkel praised ended early."), "CONSULT", "Merkel")


def test_a_second_direct_object_is_no_target():
    # the parser hangs the list that continues the gerund's object on 'accused': no accusation of the families
    got = _events("The opposition leader accused the government of persecuting its opponents, their sympathisers and "
                  "their families through economic pressure.")
    assert _has(got, "DISAPPROVE", "opposition leader", "government")
    assert not _has(got, "DISAPPROVE", None, "families")
    assert not _has(got, "DISAPPROVE", None, "sympathisers")
