"""Rules of issue 11's session 24 (events24b: hand rows on the PLOVER manual, precision on fresh text), on made-up
sentences with the real model."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_modeless_verbs_kept_by_hand_rows_on_the_manual():
    # the acts the PLOVER manual defines a type by: orders (REQUEST), gifts (AID), forcing (COERCE), refusals
    assert _has(_events("A judge ordered the department to release all of the emails."), "DEMAND", "judge",
                "department")
    assert _has(_events("The charity donated blankets to the refugees in Kenya."), "AID", "charity", "refugees")
    assert _has(_events("Police forced the protesters to leave the square."), "COERCE", "Police", "protesters")
    assert _has(_events("The minister declined to resign."), "REJECT", "minister")
    assert not _has(_events("The spokesman declined to comment."), "REJECT")
    # withdrawing a demand is CONCEDE (manual, REQUEST), as "backed down"
    assert _has(_events("The union backed off from its demand."), "CONCEDE", "union")


def test_an_apology_is_a_concession_in_both_spellings():
    # PLOVER manual: "Expressions of regret or remorse ... should be coded as CONCEDE" (the crosswalk's 055: SUPPORT)
    for text in ("Argentina has apologized to Brazil for the incident.", "Argentina has apologised to Brazil."):
        got = _events(text)
        assert _has(got, "CONCEDE", "Argentina") and not _has(got, "SUPPORT")


def test_a_caution_warning_no_one_is_no_threat():
    assert _has(_events("The US cautioned Iran over its nuclear programme."), "THREATEN", "US", "Iran")
    assert not _has(_events("Defence officials cautioned that no deadline had been set for the removal."),
                    "THREATEN")


def test_an_order_without_a_clause_yields_to_its_event_noun():
    # "ordered patrols": the hand DEMAND sense needs "ordered X to"; the object noun names the event
    got = _events("The government of Sindh province has ordered patrols by police after violent protests.")
    assert _has(got, "MOBILIZE") and not _has(got, "DEMAND")
    assert _has(_events("The president ordered an investigation into the killings."), "INVESTIGATE", "president")


def test_casualties_of_an_attack_told_in_a_when_clause_are_that_attack():
    # labelling guide rule 8: an attack with an aimed-at object and casualties is one event, the object its target
    got = _events("Three villagers were killed when rebels attacked a market.")
    assert _has(got, "ASSAULT", "rebels", "market") and not _has(got, "ASSAULT", None, "villagers")
    # no aimed-at object: the victims stay the target
    assert _has(_events("Two people were killed when a bomb exploded in the city."), "ASSAULT", None, "people")
    assert _has(_events("Five soldiers were killed in a roadside bomb attack."), "ASSAULT", None, "soldiers")


def test_help_in_an_election_is_campaign_support():
    got = _events("In Wisconsin, Our Principles PAC spent $1.3 million ahead of the primary, helping Sen. Ron Johnson.")
    assert _has(got, "SUPPORT", "Principles PAC") and not _has(got, "AID")
    # material help outside an election stays AID
    assert _has(_events("Several neighbors ran outside to help the woman."), "AID", "neighbors", "woman")
    # an election word as the modifier of another noun names no election (review24)
    assert _has(_events("The charity donated books to primary schools in Kenya."), "AID", "charity")


def test_caught_in_a_disaster_is_no_seizure():
    got = _events("A petrol bomb hurled at a bank branch killed two women and a man who were caught in the resulting "
                  "inferno.")
    assert not _has(got, "COERCE")
    assert _has(_events("Police caught the suspect in Paris."), "COERCE", "Police", "suspect")
    # the deed a charge names stays a charge
    assert _has(_events("A man has been charged in a hit and run accident that killed a woman."), "COERCE", None, "man")


def test_the_person_object_of_a_conviction_does_the_deed_of_a_gerund_parsed_on_it():
    # "convicted the man of murdering his wife", parsed with "of murdering" on "man"
    got = _events("A jury convicted the man of murdering his wife.")
    assert _has(got, "ASSAULT", "man", "wife") and _has(got, "SANCTION", "jury", "man")
