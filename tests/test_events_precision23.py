"""Rules of issue 11's session 23 (events23b: precision on fresh text, the physical types), on made-up sentences with
the real model."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_release_of_captives_is_a_retreat():
    # PLOVER manual: the actual release of prisoners is RETREAT; a passive without "by" has an unknown source
    assert _has(_events("Some of the detainees could now be released."), "RETREAT", None, "detainees")
    got = _events("Mr Mubanga was one of four Britons who were released from the US camp in January.")
    assert _has(got, "RETREAT", None, "Britons") and not _has(got, "CONCEDE")
    assert _has(_events("Hamas freed the hostages on Friday."), "RETREAT", "Hamas", "hostages")
