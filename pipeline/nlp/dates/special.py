"""Anchored expressions of business and calendar news: quarters and reporting periods with
modifiers, year-end and fiscal years, a month of this/last/next year, holidays and holiday
weeks, vague plural references ("recent years", "the coming months"). One named rule per
form, applied in order (`SPECIAL_RULES`)."""
from __future__ import annotations

import re
from datetime import date

from pipeline.nlp.dates.calendar import iso_week, last_completed_quarter, month_number, quarter_of
from pipeline.nlp.dates.holidays import holiday
from pipeline.nlp.dates.lexicon import MONTH_RE, ORDINALS
from pipeline.nlp.dates.verdict import Verdict, first_verdict

VAGUE_PAST = re.compile(r"^(?:the |in )?(?:recent|past|last|previous|earlier)(?: several| few| many| two| three)? "
                        r"(?:days|weeks|months|quarters|years|decades)|^(?:several|a few|many|some) (?:days|weeks|"
                        r"months|years|decades) ago$|^(?:more|most|very|as) recently$|^past (?:years|decades)$")
VAGUE_FUTURE = re.compile(r"^(?:the )?(?:coming|future|next few|upcoming|months and years ahead|years ahead)"
                          r"(?: several| few)? ?(?:days|weeks|months|quarters|years|decades)?$|^(?:the )?"
                          r"(?:near|short|long|medium) (?:term|run)$|^a later date$|^as soon as possible$")
YEAR_AGO = re.compile(r"year[- ](?:ago|earlier)|a year ago|last year|prior[- ]year|previous year|corresponding|"
                      r"comparable")
YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


def _vague_past(text: str, anchor: date, tense: str | None) -> Verdict | None:
    return Verdict("PAST_REF") if VAGUE_PAST.search(text) else None


def _vague_future(text: str, anchor: date, tense: str | None) -> Verdict | None:
    return Verdict("FUTURE_REF") if VAGUE_FUTURE.search(text) else None


def _reporting_quarter(text: str, anchor: date, tense: str | None) -> Verdict | None:
    """Quarters and reporting periods: "this year's third quarter", "the 1988 second
    quarter", "the fiscal first quarter", "the year-ago quarter", "the latest period"."""
    match = re.search(r"\b(quarter|period)\b", text)
    if not match or re.search(r"\b(quarters|periods|half|months)\b", text):
        return None
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b", text)
    named_year = re.search(r"\b((?:19|20)\d{2})\b", text)
    year_ago = YEAR_AGO.search(text)
    if ordinal:
        quarter = ORDINALS[ordinal.group(1)]
        current_year, current_quarter = quarter_of(anchor)
        year = int(named_year.group(1)) if named_year else \
            (current_year if quarter <= current_quarter or tense == "future" else current_year - 1)
        if not named_year and year_ago:
            year -= 1
        if not named_year and re.search(r"next year", text):
            year = current_year + 1
        return Verdict(f"{year}-Q{quarter}")
    if match.group(1) == "period" and not named_year and not year_ago and \
            not re.search(r"latest|same|the period|that period|this period", text):
        return Verdict(None)
    if re.fullmatch(r"(?:the current|current|the present) quarter", text):  # "this quarter('s loss)": the one reported
        return Verdict("%d-Q%d" % quarter_of(anchor))
    year, quarter = last_completed_quarter(anchor)
    if named_year:
        year = int(named_year.group(1))
    elif year_ago:
        year -= 1
    return Verdict(f"{year}-Q{quarter}")


def _fiscal_year(text: str, anchor: date, tense: str | None) -> Verdict | None:
    """Year-end, the full/fiscal/current year, and the last/next fiscal year."""
    if re.fullmatch(r"(?:the |around |at )?(?:year[- ]end|year's end|end of the year|the full year|full year|"
                    r"the fiscal year|fiscal year|the current fiscal year|the current year|earlier in the year|"
                    r"later in the year|this fiscal year|the year to date|year to date)", text):
        return Verdict(str(anchor.year))
    if re.fullmatch(r"(?:the )?(?:latest|last|previous|past|prior) fiscal year|(?:last|the previous) fiscal year", text):
        return Verdict(str(anchor.year - 1))
    if re.fullmatch(r"(?:the )?next fiscal year|(?:the )?coming fiscal year", text):
        return Verdict(str(anchor.year + 1))
    return None


def _month_of_this_year(text: str, anchor: date, tense: str | None) -> Verdict | None:
    """ "March (5) this/last/next year"."""
    match = re.fullmatch(rf"{MONTH_RE}(?: (\d{{1,2}}))?,? (this|last|next) year", text)
    if not match:
        return None
    year = anchor.year + YEAR_SHIFT[match.group(3)]
    month = month_number(match.group(1))
    return Verdict(date(year, month, int(match.group(2))).isoformat() if match.group(2) else f"{year}-{month:02d}")


def _holiday_week(text: str, anchor: date, tense: str | None) -> Verdict | None:
    """ "Easter week began", "(last) Thanksgiving week": the week of the holiday."""
    match = re.fullmatch(r"(?:the )?(?:(last|next|this) )?(.+?) week", text) or \
        re.fullmatch(r"(?:the )?(?:(last|next|this) )?(holy) week", text)
    if not match:
        return None
    name = "easter" if match.group(2) == "holy" else match.group(2)
    if not holiday(name, anchor.year):
        return None
    if match.group(1):
        day = special_value(f"{match.group(1)} {name}", anchor, tense)
    else:  # the nearest one: a holiday week is talked about around it
        day = min((holiday(name, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)),
                  key=lambda candidate: abs((candidate - anchor).days)).isoformat()
    return Verdict(iso_week(date.fromisoformat(day)) if day else None)


def _holiday(text: str, anchor: date, tense: str | None) -> Verdict | None:
    """A holiday: the last one unless the tense or "next" looks ahead."""
    match = re.fullmatch(r"(last|next|this)? ?(.+)", text)
    if not match or not holiday(match.group(2), anchor.year):
        return None
    modifier = match.group(1)
    candidates = [holiday(match.group(2), year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if modifier == "last" or (modifier is None and tense != "future"):
        past = [candidate for candidate in candidates if candidate <= anchor]
        day = max(past) if past else None
        if modifier is None and tense != "past":
            day = min(candidates, key=lambda candidate: abs((candidate - anchor).days))
    elif modifier == "next" or tense == "future":
        day = min(candidate for candidate in candidates if candidate >= anchor)
    else:
        day = candidates[1]
    return Verdict(day.isoformat() if day else None)


SPECIAL_RULES = (_vague_past, _vague_future, _reporting_quarter, _fiscal_year, _month_of_this_year,
                 _holiday_week, _holiday)


def special_value(text: str, anchor: date, tense: str | None) -> str | None:
    """TIMEX3 value of a cleaned expression by `SPECIAL_RULES`, or None."""
    verdict = first_verdict(SPECIAL_RULES, text, anchor, tense)
    return verdict.value if verdict is not None else None
