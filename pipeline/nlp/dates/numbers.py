"""Numbers in date expressions: counts ("two years ago") and spoken years ("nineteen
ninety-six", "two thousand and one")."""
from __future__ import annotations

import re

from pipeline.nlp.dates.lexicon import NUM_WORDS, NUMBERS


def count_of(word: str) -> int | None:
    """The number a count word or digits stand for ("three" -> 3), None for a vague one ("several")."""
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _spelled_number(words: list[str]) -> int | None:
    total = 0
    for word in words:
        for part in word.split("-"):
            if part not in NUM_WORDS:
                return None
            total += NUM_WORDS[part]
    return total


def spelled_year(text: str) -> str | None:
    """'nineteen ninety-six' -> '1996', 'two thousand (and) one' -> '2001' (spoken news)."""
    match = re.fullmatch(r"(?:the year )?(nineteen|twenty) ([a-z-]+(?: [a-z-]+)?)", text)
    if match:
        century = NUM_WORDS[match.group(1)]
        rest = _spelled_number(match.group(2).split())
        if rest is not None and rest < 100 and match.group(2) not in ("hundred",):
            return f"{century}{rest:02d}"
    match = re.fullmatch(r"(?:the year )?two thousand(?: and)?(?: ([a-z-]+))?", text)
    if match:
        rest = _spelled_number([match.group(1)]) if match.group(1) else 0
        if rest is not None and rest < 100:
            return f"{2000 + rest}"
    return None
