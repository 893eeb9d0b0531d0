"""Calendar arithmetic of date values: anchors, months, ISO weeks, quarters, the year of a
month named without one, TIMEX3 values of a unit shifted from an anchor, clock times, and
the period start and granularity of a TIMEX3 value."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from pipeline.nlp.dates.lexicon import (BACKWARD_CUES, DEADLINE, FORWARD_CUES, MONTH_ABBR, MONTHS, SEASON_MONTH)


class Period(NamedTuple):
    """The start (ISO date) and granularity of a TIMEX3 value; both None when it has none."""

    start: str | None
    granularity: str | None


class YearQuarter(NamedTuple):
    year: int
    quarter: int


class YearMonth(NamedTuple):
    year: int
    month: int


class Clock(NamedTuple):
    """A clock time found at the start or end of an expression and the rest of it."""

    time: str | None  # "HH:MM", None when there is none
    rest: str


def anchor_date(published_at) -> date | None:
    """The publication date as a date (from a datetime, a date or an ISO string), or None."""
    if not published_at:
        return None
    if isinstance(published_at, datetime):
        return published_at.date()
    if isinstance(published_at, date):
        return published_at
    try:
        return datetime.fromisoformat(str(published_at)[:10]).date()
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    name = word.lower().rstrip(".")
    return MONTHS.get(name) or MONTH_ABBR.get(name)


def shift_month(year: int, month: int, shift: int) -> YearMonth:
    months = year * 12 + (month - 1) + shift
    return YearMonth(months // 12, months % 12 + 1)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> YearQuarter:
    return YearQuarter(day.year, (day.month - 1) // 3 + 1)


def last_completed_quarter(day: date) -> YearQuarter:
    year, quarter = quarter_of(day)
    return YearQuarter(year, quarter - 1) if quarter > 1 else YearQuarter(year - 1, 4)


def iso_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None for a day the month does not have ('February 30')."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def unit_value(anchor: date, unit: str, shift: int) -> str | None:
    """TIMEX3 value of the day/week/month/quarter/year/decade/century `shift` units from the anchor's."""
    if unit == "day":
        return (anchor + timedelta(days=shift)).isoformat()
    if unit == "week":
        return iso_week(anchor + timedelta(days=7 * shift))
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, shift)
        return f"{year}-{month:02d}"
    if unit == "quarter":
        year, quarter = quarter_of(anchor)
        quarters = year * 4 + (quarter - 1) + shift
        return f"{quarters // 4}-Q{quarters % 4 + 1}"
    if unit == "year":
        return str(anchor.year + shift)
    if unit == "decade":
        return str(anchor.year + 10 * shift)[:3]
    if unit == "century":
        return f"{(anchor.year // 100) + shift:02d}"
    return None


def _day_in_year(year: int, month: int, day: int) -> date:
    """The date, or the 28th of the month when the month has no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def nearest_year(anchor: date, month: int, day: int | None, tense: str | None, cue: str | None = None) -> int:
    """The year of a month (and day) named without a year.

    Month and day: the nearest such date, unless that lies more than two months on the
    wrong side of the tense ("was last seen Nov. 3" in May is last November; "payable
    Dec. 7" in a past-tense sentence of late October stays this year).
    Month alone: past -> the latest not after the anchor's month, future (or a deadline
    within 4 months: "until", "by", "through" + month) -> the first not before it; no
    tense -> the coming 4 months or else the last 8. A past-tense verb does not push back
    the coming month ("said it would cut output in September")."""
    year = anchor.year
    ahead = (month - anchor.month) % 12  # months from the anchor's month forward to the target
    if day:  # the nearest such date, unless it is well (2+ months) on the wrong side of the tense
        best = min((year, year - 1, year + 1),
                   key=lambda candidate: abs((_day_in_year(candidate, month, day) - anchor).days))
        gap = (_day_in_year(best, month, day) - anchor).days
        if (tense == "past" or cue in BACKWARD_CUES) and gap > 60 and cue not in FORWARD_CUES:
            return best - 1
        if tense == "future" and gap < -60:
            return best + 1
        return best
    following = year if month >= anchor.month else year + 1  # the first such month not before the anchor
    previous = year if month <= anchor.month else year - 1  # the latest such month not after the anchor
    if tense == "future" or (cue in DEADLINE and ahead <= 4):
        return following
    if tense == "past":
        return following if ahead == 1 else previous
    return following if 0 < ahead <= 4 else previous


CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))? ?(a\.m\.?|p\.m\.?|am|pm|o'clock)(?: (?:[a-z]{2,3}t|gmt|utc))?")


def split_clock(text: str) -> Clock:
    """("HH:MM", rest of the expression) when it starts or ends with a clock time
    ("9 a.m. EST Tuesday", "Tuesday at 9 a.m."), else (None, text)."""
    match = re.match(CLOCK.pattern + r"(?:,? |$)", text) or \
        re.search(r"(?:^|,? (?:at )?)" + CLOCK.pattern + "$", text)
    if not match:
        return Clock(None, text)
    hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    if meridiem.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return Clock(None, text)
    return Clock(f"{hour:02d}:{minute:02d}", (text[:match.start()] + text[match.end():]).strip(" ,"))


GRANULARITY = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}X?$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
]
PERIOD_START = {
    "day": lambda value: value[:10],
    "week": lambda value: date.fromisocalendar(int(value[:4]), int(value[6:8]), 1).isoformat(),
    "month": lambda value: f"{value}-01",
    "season": lambda value: f"{value[:4]}-{SEASON_MONTH[value[5:]]:02d}-01",
    "quarter": lambda value: f"{value[:4]}-{3 * (int(value[6]) - 1) + 1:02d}-01",
    "half": lambda value: f"{value[:4]}-{1 if value[6] == '1' else 7:02d}-01",
    "year": lambda value: f"{value}-01-01",
    "decade": lambda value: f"{value[:3]}0-01-01",
    "century": lambda value: f"{value}00-01-01",
}


def value_to_date(value: str | None) -> Period:
    """(ISO date of the period start, granularity) of a TIMEX3 value; (None, None) for
    vague references and durations."""
    if not value:
        return Period(None, None)
    for pattern, granularity in GRANULARITY:
        if pattern.match(value):
            return Period(PERIOD_START[granularity](value), granularity)
    return Period(None, None)
