"""Recall rules of issue 11, session 26 (pipeline.nlp.events), on made-up sentences with the real model: a stated
future backing of a person, party, bill or policy is SUPPORT (planned), an agreement to another side's terms AGREE
(the lead's decision, session 26)."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_future_backing_of_a_bill_or_person_is_support():
    got = _events("Senator Jones will support the bill despite his reservations.")
    assert _has(got, "SUPPORT", "Jones") and not _has(got, "AGREE", "Jones")
    got = _events("Hopefully the party members will support Mr Smith.")
    assert _has(got, "SUPPORT", "members", "Smith") and not _has(got, "AGREE")


def test_a_future_backing_of_the_other_sides_deal_is_agreement():
    got = _events("The union said it would support the government's proposal.")
    assert _has(got, "AGREE", "union") and not _has(got, "SUPPORT", "union")
