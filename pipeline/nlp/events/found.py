"""The records of the refinement step (`refine`): an event as the extraction loop found it (`Found`) and the sense a
refinement gives it (`Sense`); their own module so that the rule modules `refine` reads (`stances`) can name them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from pipeline.nlp.events.lexicon import Trigger


class Sense(NamedTuple):
    type: str
    mode: str | None
    cameo: str | None


@dataclass
class Found:
    """An event as the extraction loop found it, before it becomes an `Event` row."""
    tok: object  # the trigger token
    trig: Trigger
    status: str
    sources: list  # (mention, text) pairs
    cameo: str | None
    verb: object = None  # the light or governing verb of a noun trigger
    targets: list = None  # (mention, text) pairs
