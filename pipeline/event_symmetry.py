"""Which events have interchangeable actors (a meeting of A and B is the meeting of B and A):
the types and modes of the hand trigger table's rows flagged `sym` (rules/event_triggers.tsv;
the tables generated from the CAMEO dictionary carry no such flag). Light on purpose: the load
stage sorts the actors of such an event for its identity (pipeline.load_rows) without loading
the event lexicon, whose package imports spaCy."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TRIGGERS_PATH = Path(__file__).resolve().parent / "rules" / "event_triggers.tsv"
TRIGGER_KINDS = frozenset({"V", "N", "A", "R"})  # rows that are triggers (the other kinds are cue lists)


def trigger_rows(path: Path = TRIGGERS_PATH):
    """(word, kind, type, mode, flags, cameo) of each data row of a trigger table, missing
    columns as "-" (the event lexicon reads its tables with it too)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield tuple((line.split("\t") + ["-"] * 6)[:6])


@lru_cache(maxsize=1)
def symmetric_types() -> frozenset[str]:
    """"TYPE/mode" of every trigger row flagged `sym` (a row without mode gives "TYPE/None")."""
    return frozenset(f"{event_type}/{None if mode == '-' else mode}"
                     for _word, kind, event_type, mode, flags, _cameo in trigger_rows()
                     if kind in TRIGGER_KINDS and "sym" in {f.strip() for f in flags.split(",")})


def is_symmetric(event_type: str, mode: str | None) -> bool:
    """Whether the two actors of an event of this type/mode are interchangeable."""
    return f"{event_type}/{mode}" in symmetric_types()
