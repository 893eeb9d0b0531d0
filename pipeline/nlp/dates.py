"""Date expressions normalized against the version's publication date, with a
granularity (day, month, year). No anchor, no date: never invented."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTH_ABBR = {k[:3]: v for k, v in MONTHS.items()} | {"sept": 9}


def _anchor(published_at: str | None) -> date | None:
    if not published_at:
        return None
    try:
        return datetime.fromisoformat(str(published_at)[:10]).date()
    except ValueError:
        return None


def resolve_date(expr: str, published_at: str | None) -> tuple[str | None, str | None]:
    """(ISO date of the period start, granularity) for a date expression, or (None, None)."""
    anchor = _anchor(published_at)
    e = expr.lower().strip().rstrip(".")
    e = re.sub(r"^(on|in|since|by|until|from|during|this past|early|late|mid-?)\s+", "", e)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", e)
    if m:
        return e, "day"
    m = re.fullmatch(r"(?:the )?(\d{4})", e)
    if m:
        return f"{m.group(1)}-01-01", "year"
    if anchor is None:
        return None, None
    if e in ("today", "this morning", "this afternoon", "tonight", "this evening"):
        return anchor.isoformat(), "day"
    if e == "yesterday":
        return (anchor - timedelta(days=1)).isoformat(), "day"
    if e == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat(), "day"
    m = re.fullmatch(r"(last |next |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (morning|afternoon|evening|night))?", e)
    if m:
        wd = WEEKDAYS.index(m.group(2))
        if m.group(1) == "next ":
            delta = (wd - anchor.weekday()) % 7 or 7
            return (anchor + timedelta(days=delta)).isoformat(), "day"
        # news usage: a bare weekday refers to the past week unless the sentence is future
        delta = (anchor.weekday() - wd) % 7
        return (anchor - timedelta(days=delta)).isoformat(), "day"
    if e in ("last year", "a year ago"):
        return f"{anchor.year - 1}-01-01", "year"
    if e in ("next year",):
        return f"{anchor.year + 1}-01-01", "year"
    if e in ("this year",):
        return f"{anchor.year}-01-01", "year"
    if e in ("last month",):
        y, mo = (anchor.year, anchor.month - 1) if anchor.month > 1 else (anchor.year - 1, 12)
        return f"{y}-{mo:02d}-01", "month"
    if e in ("next month",):
        y, mo = (anchor.year, anchor.month + 1) if anchor.month < 12 else (anchor.year + 1, 1)
        return f"{y}-{mo:02d}-01", "month"
    if e in ("this month",):
        return f"{anchor.year}-{anchor.month:02d}-01", "month"
    if e in ("last week", "next week", "this week"):
        shift = {"last week": -7, "next week": 7, "this week": 0}[e]
        d = anchor + timedelta(days=shift)
        return (d - timedelta(days=d.weekday())).isoformat(), "week"
    m = re.fullmatch(r"([a-z]+)\.?(?: (\d{1,2})(?:st|nd|rd|th)?)?(?:,? (\d{4}))?", e)
    if m and (m.group(1) in MONTHS or m.group(1) in MONTH_ABBR):
        mo = MONTHS.get(m.group(1)) or MONTH_ABBR[m.group(1)]
        year = int(m.group(3)) if m.group(3) else None
        if year is None:
            # the nearest such month: within the past ~10 months or the coming two
            year = anchor.year
            if mo > anchor.month + 2:
                year -= 1
        if m.group(2):
            try:
                return date(year, mo, int(m.group(2))).isoformat(), "day"
            except ValueError:
                return None, None
        return f"{year}-{mo:02d}-01", "month"
    return None, None
