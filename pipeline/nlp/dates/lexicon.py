"""The word lists of date normalization, read from `pipeline/rules/date_words.tsv` (one
named set per block, a comment before each saying what it is for: `set <TAB> word
[<TAB> value]`), in file order. The regular expressions stay in code beside their rules."""
from __future__ import annotations

from pathlib import Path

DATE_WORDS_PATH = Path(__file__).resolve().parents[2] / "rules" / "date_words.tsv"


def _read_sets(path: Path) -> dict[str, dict[str, str | None]]:
    """set name -> word -> value (None when the line has none), in file order."""
    table: dict[str, dict[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        value = cells[2] if len(cells) > 2 and cells[2] != "" else None
        table.setdefault(cells[0], {})[cells[1]] = value
    return table


_SETS = _read_sets(DATE_WORDS_PATH)


def _words(name: str) -> list[str]:
    return list(_SETS[name])


def _numbers(name: str) -> dict[str, int | None]:
    return {word: None if value is None else int(value) for word, value in _SETS[name].items()}


def _codes(name: str) -> dict[str, str]:
    return {word: value or "" for word, value in _SETS[name].items()}


WEEKDAYS = _words("weekdays")
MONTHS = _numbers("months")
MONTH_ABBR = _numbers("month_abbreviations")
DECADE_DIGITS = _numbers("decade_words")
SEASONS = _codes("seasons")
SEASON_MONTH = {code: int(month) for code, month in _codes("season_start_months").items()}
NUMBERS = _numbers("count_words")
ORDINALS = _numbers("quarter_ordinals")
PARTS = _codes("day_parts")
UNIT = _codes("units")
PAST_REF = frozenset(_words("past_references"))
PRESENT_REF = frozenset(_words("present_references"))
FUTURE_REF = frozenset(_words("future_references"))
FREQUENCY = _codes("frequencies")
FUTURE_AUX = frozenset(_words("future_auxiliaries"))
PLAN_VERBS = frozenset(_words("plan_verbs"))
SAY_VERBS = frozenset(_words("say_verbs"))
INVARIANT_PAST = frozenset(_words("invariant_past_verbs"))
SPELLED_ORDINALS = _numbers("spelled_ordinals")
NUM_WORDS = _numbers("number_words")
HOLIDAYS = {name: (int(month_day[:2]), int(month_day[3:])) for name, month_day in _codes("fixed_holidays").items()}
DEADLINE = frozenset(_words("deadline_cues"))
BACKWARD_CUES = frozenset(_words("backward_cues"))
FORWARD_CUES = frozenset(_words("forward_cues"))

# Regular expressions shared by several rule modules.
MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
           r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
