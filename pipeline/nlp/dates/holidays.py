"""Dates of holidays news text names ("Christmas", "Easter", "Thanksgiving", "Labor Day")
in a given year: fixed dates from `rules/date_words.tsv`, movable feasts computed."""
from __future__ import annotations

from datetime import date, timedelta

from pipeline.nlp.dates.lexicon import HOLIDAYS


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def easter(year: int) -> date:
    """Easter Sunday of the year (Gregorian computus, Meeus/Jones/Butcher)."""
    golden, century, century_year = year % 19, year // 100, year % 100
    leap_centuries, century_rest = century // 4, century % 4
    moon_shift = (century + 8) // 25
    moon_correction = (century - moon_shift + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    leap_years, year_rest = century_year // 4, century_year % 4
    weekday_offset = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    late_correction = (golden + 11 * epact + 22 * weekday_offset) // 451
    month_day = epact + weekday_offset - 7 * late_correction + 114
    return date(year, month_day // 31, month_day % 31 + 1)


def _memorial_day(year: int) -> date:
    """The last Monday of May."""
    fourth = _nth_weekday(year, 5, 0, 4)
    return fourth + timedelta(days=7) if (fourth + timedelta(days=7)).month == 5 else fourth


MOVABLE = {
    "easter": easter, "easter sunday": easter, "easter day": easter,
    "good friday": lambda year: easter(year) - timedelta(days=2),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    "thanksgiving day": lambda year: _nth_weekday(year, 11, 3, 4),
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + timedelta(days=1),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    "memorial day": _memorial_day,
}


def holiday(name: str, year: int) -> date | None:
    """The date of the holiday `name` (lower case) in the year, or None for an unknown name."""
    if name in HOLIDAYS:
        return date(year, *HOLIDAYS[name])
    if name in MOVABLE:
        return MOVABLE[name](year)
    return None
