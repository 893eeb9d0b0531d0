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


@lru_cache(maxsize=1)
def symmetric_types() -> frozenset[str]:
    """"TYPE/mode" of every trigger row flagged `sym` (a row without mode gives "TYPE/None")."""
    out = set()
    for line in TRIGGERS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _word, kind, event_type, mode, flags = (line.split("\t") + ["-"] * 5)[:5]
        if kind in TRIGGER_KINDS and "sym" in {f.strip() for f in flags.split(",")}:
            out.add(f"{event_type}/{None if mode == '-' else mode}")
    return frozenset(out)


def is_symmetric(event_type: str, mode: str | None) -> bool:
    """Whether the two actors of an event of this type/mode are interchangeable."""
    return f"{event_type}/{mode}" in symmetric_types()
