"""Reference time (narrative): a document's date expressions in text order. An anaphoric
expression takes its value from the reference time, the last date the text itself
established ("In June 1998 ... later that year", "On May 22, 1995 ... the following
year"), not from the publication date."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from pipeline.nlp.dates.calendar import Period, anchor_date, iso_date, split_clock, unit_value, value_to_date
from pipeline.nlp.dates.expression import FINANCIAL, clean_expression
from pipeline.nlp.dates.lexicon import MONTH_RE, PARTS, WEEKDAYS
from pipeline.nlp.dates.numbers import count_of
from pipeline.nlp.dates.value import timex_value
from pipeline.nlp.dates.verdict import Verdict, first_verdict

ANAPHORIC = re.compile(
    r"(?:(?P<side>earlier|later|early|late) (?:in )?)?(?P<mod>that|the same|that same|the following|the next|"
    r"the previous|the preceding|the prior)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night)")
ANAPHORIC_SHIFT = {"that": 0, "the same": 0, "that same": 0, "the": 0, "the following": 1, "the next": 1,
                   "the previous": -1, "the preceding": -1, "the prior": -1}
OFFSET_FROM_REF = re.compile(r"(?:about |some |nearly |almost |just |only )?(\w+) (day|week|month|year)s? "
                             r"(later|afterwards?|earlier|before)")
# the granularities of reference time a unit needs: "the following week" needs a day
REFERENCE_NEEDED = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


class Reference(NamedTuple):
    """The reference time: the start of the last period the text established and its granularity."""

    day: date
    granularity: str


class Anaphor(NamedTuple):
    """An expression read against the reference time: the unit it moves by and how far,
    and the part of day it names ("later that morning")."""

    unit: str
    shift: int
    part: str | None
    same_period: bool  # "that year", "the same day": the reference time stays as it is


def _reference_of(value: str | None) -> Reference | None:
    """The reference time a value establishes: day, month or year, else None."""
    start, granularity = value_to_date(value)
    if start is None or granularity not in ("day", "month", "year"):
        return None
    return Reference(date.fromisoformat(start), granularity)


def _anaphor(text: str, context: str) -> Anaphor | None:
    """The anaphor of a cleaned expression ("the following month", "two years later"), or
    None when it is not anaphoric ("two years later" in results is not: it is a quarter)."""
    match = ANAPHORIC.fullmatch(text)
    if match:
        unit, shift = match.group("unit"), ANAPHORIC_SHIFT[match.group("mod")]
        anaphoric_form = True
    else:
        match = OFFSET_FROM_REF.fullmatch(text)
        if not match or not count_of(match.group(1)) or match.group(2) == "year" and FINANCIAL.search(context):
            return None
        unit = match.group(2)
        shift = count_of(match.group(1)) * (1 if match.group(3).startswith(("later", "after")) else -1)
        anaphoric_form = False
    part = None
    if unit in PARTS:
        unit, part = "day", PARTS[unit]
    return Anaphor(unit, shift, part if shift == 0 and anaphoric_form else None, shift == 0)


class DateTracker:
    """Normalizes a document's date expressions in text order, keeping TimeML's reference
    time: every date the text resolves (relative to the publication date or not) becomes
    the reference time, and anaphoric expressions ("that year", "the following month",
    "later that day", "the same day", "two years later", "a month earlier") are resolved
    against it instead of the publication date. Without an anchor and without an earlier
    date in the text they stay None, never invented.

        tracker = DateTracker("2000-01-28")
        tracker.value("June 1998", "past")        # '1998-06'
        tracker.value("later that year", "past")  # '1998'
    """

    def __init__(self, published_at=None):
        self.anchor = anchor_date(published_at)
        self.ref: Reference | None = Reference(self.anchor, "day") if self.anchor else None
        self.ref_value: str | None = None  # the value of the last date the text itself named

    # Expressions that only make sense against the reference time (`REFERENCE_RULES`).
    def _until_then(self, text: str, context: str) -> Verdict | None:
        """ "until/by then": the last date named."""
        if text in ("then", "that time", "that date") and self.ref_value and \
                re.search(r"\b(?:until|till|by|before|after) (?:then|that time|that date)\b", context):
            return Verdict(self.ref_value)
        return None

    def _day_reference(self) -> date | None:
        return self.ref.day if self.ref is not None and self.ref.granularity == "day" else None

    def _weekday_from_reference(self, text: str, context: str) -> Verdict | None:
        """ "the previous Friday": the Friday before the reference day."""
        reference = self._day_reference()
        match = re.fullmatch(r"the (previous|preceding|prior|following|next) (monday|tuesday|wednesday|thursday|"
                             r"friday|saturday|sunday)", text)
        if reference is None or not match:
            return None
        weekday = WEEKDAYS.index(match.group(2))
        if match.group(1) in ("following", "next"):
            return Verdict((reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)).isoformat())
        return Verdict((reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)).isoformat())

    def _coordinated_day(self, text: str, context: str) -> Verdict | None:
        """A bare day number coordinated with a full date: "April 24 and 25"."""
        reference = self._day_reference()
        if reference is None or not self.ref_value or not re.fullmatch(r"\d{1,2}", text):
            return None
        if re.search(rf"\b{MONTH_RE} \d{{1,2}}(?:st|nd|rd|th)?(?: ?(?:-|to|and|or|through|&) ?\d{{1,2}}"
                     rf"(?:st|nd|rd|th)?)* ?(?:-|to|and|or|through|&) ?{text}\b", context):
            value = iso_date(reference.year, reference.month, int(text))
            return Verdict(value) if value is not None else None
        return None

    def _the_day_named(self, text: str, context: str) -> Verdict | None:
        """ "Oct. 12, the day before the plunge": the day just named."""
        reference = self._day_reference()
        if reference is None or not self.ref_value or text not in ("the day", "that day"):
            return None
        if re.search(rf"(?:\b\d{{1,2}}|{'|'.join(WEEKDAYS)}), (?:the|that) day (?:before|after|of|when)\b", context):
            return Verdict(reference.isoformat())
        return None

    REFERENCE_RULES = (_until_then, _weekday_from_reference, _coordinated_day, _the_day_named)

    def _from_reference(self, text: str, context: str) -> str | None:
        context = context.lower()
        for rule in self.REFERENCE_RULES:
            verdict = rule(self, text, context)
            if verdict is not None:
                return verdict.value
        return None

    def _anaphoric_value(self, anaphor: Anaphor) -> str | None:
        """The value of an anaphor against the reference time (None when it is too coarse)."""
        if self.ref is None or self.ref.granularity not in REFERENCE_NEEDED[anaphor.unit]:
            return None
        value = unit_value(self.ref.day, anaphor.unit, anaphor.shift)
        return f"{value}T{anaphor.part}" if anaphor.part else value

    def value(self, expr: str, tense: str | None = None, context: str | None = None) -> str | None:
        """TIMEX3 value of the next date expression of the document (see `timex_value`)."""
        text = clean_expression(expr or "")
        found = self._from_reference(text, context or "") if text else None
        if found is not None:
            return found
        anaphor = _anaphor(text, context or "") if text else None
        clock, rest = split_clock(text)
        if clock and not rest and self._day_reference() is not None:
            return f"{self.ref.day.isoformat()}T{clock}"  # "at 10:35 a.m." on the day the text is at
        if anaphor is None:
            found = timex_value(expr, self.anchor, tense, context)
        else:
            found = self._anaphoric_value(anaphor)
            if found is None or anaphor.same_period:
                return found  # "that year", "the same day": the reference time stays as it is
        reference = _reference_of(found)
        if reference is not None:
            self.ref = reference
            self.ref_value = found
        return found

    def resolve(self, expr: str, tense: str | None = None, context: str | None = None) -> Period:
        """(period start, granularity) of the next date expression (see `resolve_date`)."""
        return value_to_date(self.value(expr, tense, context))


def timex_values(expressions, published_at) -> list[str | None]:
    """TIMEX3 values of a document's date expressions, given in text order as strings or
    (text, tense, context) tuples, with the reference time carried along (`DateTracker`)."""
    tracker = DateTracker(published_at)
    values = []
    for item in expressions:
        text, tense, context = (item, None, None) if isinstance(item, str) else (tuple(item) + (None, None))[:3]
        values.append(tracker.value(text, tense, context))
    return values


def resolve_dates(expressions, published_at) -> list[Period]:
    """(period start, granularity) for each of a document's date expressions in text order."""
    return [value_to_date(value) for value in timex_values(expressions, published_at)]
