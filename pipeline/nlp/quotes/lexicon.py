"""The word lists of the quote extractor, read from data files in `pipeline/rules/`:
`speech_verbs.tsv` (cue verbs and their use) and `quote_*.tsv` (one named set per block,
a comment before each saying what it is for: `set <TAB> word [<TAB> values]`)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "rules"
SPEECH_VERBS_PATH = RULES / "speech_verbs.tsv"
WORD_FILES = ("quote_speakers.tsv", "quote_text.tsv", "quote_cues.tsv")


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """lemma -> "direct" | "indirect" | "object", from rules/speech_verbs.tsv (first line wins)."""
    verbs: dict[str, str] = {}
    for raw in SPEECH_VERBS_PATH.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        lemma, use = raw.split("\t")[:2]
        verbs.setdefault(lemma.strip().lower(), use.strip())
    return verbs


@lru_cache(maxsize=1)
def _word_table() -> dict[str, dict[str, tuple[str, ...]]]:
    """set name -> word -> values (empty when the set is a plain list), over WORD_FILES."""
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    for name in WORD_FILES:
        for line in (RULES / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            values = tuple(value for value in cells[2].split(",") if value) if len(cells) > 2 else ()
            table.setdefault(cells[0], {})[cells[1]] = values
    return table


def word_set(name: str) -> frozenset[str]:
    """The words of set `name` (KeyError for an unknown set: a typo must not pass silently)."""
    return frozenset(_word_table()[name])


def word_map(name: str) -> dict[str, tuple[str, ...]]:
    """word -> its values, for the sets with a values column."""
    return dict(_word_table()[name])
