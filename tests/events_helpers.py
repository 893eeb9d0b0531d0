"""Shared helpers of the event rule tests (tests/test_events_*.py): the events the whole annotation gives a made-up
sentence with the real model, as (type, source text, target text), and a loose match on them."""
from __future__ import annotations

from functools import lru_cache

from pipeline.nlp import annotate_doc, load_model


@lru_cache(maxsize=1)
def _nlp():
    return load_model()


def events_of(text: str) -> set[tuple]:
    """(PLOVER type, source text, target text) of every event of one sentence."""
    return {(e.event_type, e.actor1_text, e.actor2_text) for e in annotate_doc(_nlp()(text), None).events}


def has_event(got, etype, source=None, target=None) -> bool:
    """An event of this type whose source and target texts contain the given words (None: anything)."""
    return any(t == etype and (source is None or source in (a1 or "")) and (target is None or target in (a2 or ""))
               for t, a1, a2 in got)
