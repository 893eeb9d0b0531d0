"""Date expressions that need no anchor: years ("1998", "fiscal 1990", "nineteen
ninety-six"), decades and centuries, months, days, quarters, halves and seasons of a
named year. One named rule per form, applied in order (`ABSOLUTE_RULES`)."""
from __future__ import annotations

import re

from pipeline.nlp.dates.calendar import iso_date, month_number
from pipeline.nlp.dates.lexicon import DECADE_DIGITS, MONTH_RE, ORDINALS, SEASONS
from pipeline.nlp.dates.numbers import spelled_year
from pipeline.nlp.dates.verdict import Verdict, first_verdict


def _spelled_year(text: str) -> Verdict | None:
    year = spelled_year(text)
    return Verdict(year) if year else None


def _season_of_spelled_year(text: str) -> Verdict | None:
    match = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(?:the )?(winter|spring|summer|fall|autumn) of (.+)", text)
    if match and spelled_year(match.group(2)):
        return Verdict(f"{spelled_year(match.group(2))}-{SEASONS[match.group(1)]}")
    return None


def _month_of_spelled_year(text: str) -> Verdict | None:
    match = re.fullmatch(rf"{MONTH_RE},? (?:of )?(.+)", text)
    if match and spelled_year(match.group(2)):
        return Verdict(f"{spelled_year(match.group(2))}-{month_number(match.group(1)):02d}")
    return None


def _iso_day(text: str) -> Verdict | None:
    return Verdict(text) if re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text) else None


def _year(text: str) -> Verdict | None:
    """ "1998", "the year 1998", "fiscal 1990", "FY1990"."""
    match = re.fullmatch(r"(?:the )?(?:year |fiscal |fiscal year |calendar |fy ?)?((?:1[5-9]|20)\d{2})", text)
    return Verdict(match.group(1)) if match else None


def _decade(text: str) -> Verdict | None:
    """ "the 1990s", "the early '80s", "the sixties"."""
    match = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?((?:1[5-9]|20)\d)0'?s", text)
    if match:
        return Verdict(match.group(1))
    match = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?'(\d)0s", text)
    if match:
        return Verdict("19" + match.group(1))
    match = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(twenties|thirties|forties|fifties|sixties|seventies|"
                         r"eighties|nineties)", text)
    if match:
        return Verdict("19" + str(DECADE_DIGITS[match.group(1)]))
    return None


def _half_of_decade(text: str) -> Verdict | None:
    """ "the last half of the '80s": within the decade (a half of a year is H1/H2, below)."""
    match = re.fullmatch(r"(?:the )?(?:first|second|last|latter|later|early|earlier) half of (.+)", text)
    if match:
        value = absolute_value(match.group(1))
        if value and re.fullmatch(r"\d{3}", value):
            return Verdict(value)
    return None


def _century(text: str) -> Verdict | None:
    match = re.fullmatch(r"(?:the )?(\d{2})(?:th|st|nd|rd) century", text)
    return Verdict(f"{int(match.group(1)) - 1:02d}") if match else None


def _month_of_year(text: str) -> Verdict | None:
    match = re.fullmatch(rf"(?:early |late |mid-?|the end of |the beginning of |the start of )?{MONTH_RE},? "
                         rf"(?:of )?((?:1[5-9]|20)\d{{2}})", text)
    return Verdict(f"{match.group(2)}-{month_number(match.group(1)):02d}") if match else None


def _day_of_year(text: str) -> Verdict | None:
    """ "Dec. 15, 2015", "15 December 2015"."""
    match = re.fullmatch(rf"{MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?,? ((?:1[5-9]|20)\d{{2}})", text) or \
        re.fullmatch(rf"(\d{{1,2}}) {MONTH_RE},? ((?:1[5-9]|20)\d{{2}})", text)
    if not match:
        return None
    groups = match.groups()
    month, day = (month_number(groups[0]), int(groups[1])) if not groups[0].isdigit() else \
        (month_number(groups[1]), int(groups[0]))
    return Verdict(iso_date(int(groups[2]), month, day))


def _slash_date(text: str) -> Verdict | None:
    """ "12/15/2015", "12/15/99" (US order)."""
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})", text)
    if not match:
        return None
    year = int(match.group(3))
    year = year + (1900 if year >= 30 else 2000) if year < 100 else year
    return Verdict(iso_date(year, int(match.group(1)), int(match.group(2))))


def _quarter_of_year(text: str) -> Verdict | None:
    """ "the third quarter of 1998", "1998's third quarter"."""
    match = re.fullmatch(r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of)?,? (?:fiscal )?"
                         r"((?:19|20)\d{2})", text) or \
        re.fullmatch(r"(?:fiscal )?((?:19|20)\d{2})(?:'s)? (first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter", text)
    if not match:
        return None
    groups = match.groups()
    ordinal, year = (groups[0], groups[1]) if not groups[0].isdigit() else (groups[1], groups[0])
    return Verdict(f"{year}-Q{ORDINALS[ordinal]}")


def _half_of_year(text: str) -> Verdict | None:
    match = re.fullmatch(r"(?:the )?(first|second|last|1st|2nd) (?:half|two quarters)(?: of)?,? ((?:19|20)\d{2})", text)
    return Verdict(f"{match.group(2)}-H{ORDINALS.get(match.group(1), 2)}") if match else None


def _season_of_year(text: str) -> Verdict | None:
    match = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(spring|summer|fall|autumn|winter)(?: of)?,? "
                         r"((?:19|20)\d{2})", text)
    return Verdict(f"{match.group(2)}-{SEASONS[match.group(1)]}") if match else None


def _part_of_year(text: str) -> Verdict | None:
    """ "the end of 1998", "late 1998": the year."""
    match = re.fullmatch(r"(?:the )?(?:end|beginning|start|middle|first half|second half|rest|remainder) of "
                         r"((?:19|20)\d{2})", text) or \
        re.fullmatch(r"(?:early|late|mid-?|the end of) ?((?:19|20)\d{2})", text)
    return Verdict(match.group(1)) if match else None


ABSOLUTE_RULES = (_spelled_year, _season_of_spelled_year, _month_of_spelled_year, _iso_day, _year, _decade,
                  _half_of_decade, _century, _month_of_year, _day_of_year, _slash_date, _quarter_of_year,
                  _half_of_year, _season_of_year, _part_of_year)


def absolute_value(text: str) -> str | None:
    """TIMEX3 value of a cleaned expression that needs no anchor, or None."""
    verdict = first_verdict(ABSOLUTE_RULES, text)
    return verdict.value if verdict is not None else None
