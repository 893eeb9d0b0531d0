"""Date expressions that need the anchor (the publication date): days and parts of days,
weekdays and weekends, this/last/next unit, quarters, "a year earlier", "two years ago",
seasons, months and days without a year, halves; dateparser for the explicit dates the
rules do not know. One named rule per form, applied in order (`RELATIVE_RULES`)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

import dateparser

from pipeline.nlp.dates.calendar import (iso_date, iso_week, last_completed_quarter, month_number, nearest_year,
                                         quarter_of, unit_value)
from pipeline.nlp.dates.expression import FINANCIAL, MULTI_QUARTER, POSTPONE
from pipeline.nlp.dates.lexicon import (DEADLINE, FORWARD_CUES, MONTH_RE, ORDINALS, PARTS, SEASON_MONTH, SEASONS,
                                        SPELLED_ORDINALS, WEEKDAYS)
from pipeline.nlp.dates.numbers import count_of
from pipeline.nlp.dates.special import special_value
from pipeline.nlp.dates.verdict import Verdict, first_verdict

THIS_DAY = ("today", "the day", "that day", "this day", "same day", "the same day", "that same day", "day")
WEEKENDS = ("the weekend", "this weekend", "the past weekend", "last weekend", "next weekend", "weekend")
UNIT_SHIFT = {"last": -1, "the previous": -1, "the past": -1, "the last": -1, "next": 1, "the next": 1,
              "the coming": 1}
YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}
YEAR_AGO_WORDS = ("a year ago", "a year earlier", "year-earlier", "year-ago", "year earlier", "the year-earlier",
                  "the year-ago")
LOOK_BACK = ("last", "this past", "the past")
LOOK_AHEAD = ("next", "this coming", "the coming")


class Anchored(NamedTuple):
    """A cleaned expression with what an anchored rule reads: the anchor, the tense, the
    sentence (lower case) and the cue word governing the expression."""

    text: str
    anchor: date
    tense: str | None
    context: str
    cue: str | None


def _again(expression: Anchored, text: str) -> str | None:
    """The value of another text in the same place (a rule that reads part of its expression)."""
    return relative_value(text, expression.anchor, expression.tense, expression.context, expression.cue)


def _is_day(value: str | None) -> bool:
    return bool(value) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _earlier_in_the_year(expression: Anchored) -> Verdict | None:
    if re.fullmatch(r"(?:earlier|later|early|late) (?:in|this) (?:the )?year", expression.text):
        return Verdict(str(expression.anchor.year))
    return None


def _week_of(expression: Anchored) -> Verdict | None:
    """ "the week of March 6"."""
    match = re.fullmatch(r"(?:the )?week of (.+)", expression.text)
    if not match:
        return None
    day = _again(expression, match.group(1))
    return Verdict(iso_week(date.fromisoformat(day)) if _is_day(day) else None)


def _ordinal_day_now(expression: Anchored) -> Verdict | None:
    """ "today is the eighth day of the operation"."""
    match = re.fullmatch(r"(?:the |its |their )?(\w+|\d+(?:st|nd|rd|th)) (?:straight |consecutive )?day",
                         expression.text)
    if match and expression.tense == "present" and \
            (SPELLED_ORDINALS.get(match.group(1), 99) <= 10 or re.fullmatch(r"\d+(st|nd|rd|th)", match.group(1))):
        return Verdict(expression.anchor.isoformat())
    return None


def _day_before_after(expression: Anchored) -> Verdict | None:
    """ "the day before last Tuesday('s hearing)": one day off a named day."""
    match = re.fullmatch(r"(?:the )?day (before|after) (.+)", expression.text)
    if not match:
        return None
    day = _again(expression, re.sub(r"'s$", "", match.group(2)))
    if _is_day(day):
        return Verdict((date.fromisoformat(day) + timedelta(days=1 if match.group(1) == "after" else -1)).isoformat())
    return Verdict(None)


def _day_range(expression: Anchored) -> Verdict | None:
    """ "June 16-17": a range of days, from its first day."""
    match = re.fullmatch(rf"{MONTH_RE} (\d{{1,2}}) ?(?:-|to|and|through) ?(\d{{1,2}})", expression.text)
    if match and int(match.group(2)) < int(match.group(3)) <= 31:
        return Verdict(_again(expression, f"{match.group(1)} {match.group(2)}"))
    return None


def _special(expression: Anchored) -> Verdict | None:
    value = special_value(expression.text, expression.anchor, expression.tense)
    return Verdict(value) if value is not None else None


def _part_of_day(expression: Anchored) -> Verdict | None:
    """ "Tuesday morning", "tonight", "this evening", "last night"."""
    match = re.fullmatch(r"(today|tonight|yesterday|tomorrow|this|last|(?:(?:last|next|this) )?(?:monday|tuesday|"
                         r"wednesday|thursday|friday|saturday|sunday))(?: |-)?(morning|afternoon|evening|night)?",
                         expression.text)
    if not match:
        return None
    day_word, part = match.group(1), match.group(2)
    if (part or day_word == "tonight") and day_word not in ("this", "last"):
        day = _again(expression, day_word if day_word != "tonight" else "today")
        return Verdict(f"{day}T{PARTS[part or 'night']}" if day else None)
    if day_word in ("this", "last") and part:
        anchor = expression.anchor
        day = anchor if day_word == "this" or part != "night" else anchor - timedelta(days=1)
        return Verdict(f"{day.isoformat()}T{PARTS[part]}")
    return None


def _named_day(expression: Anchored) -> Verdict | None:
    """today (and "the same day"), yesterday, tomorrow."""
    anchor = expression.anchor
    if expression.text in THIS_DAY:
        return Verdict(anchor.isoformat())
    if expression.text == "yesterday":
        return Verdict((anchor - timedelta(days=1)).isoformat())
    if expression.text == "tomorrow":
        return Verdict((anchor + timedelta(days=1)).isoformat())
    return None


def _weekday(expression: Anchored) -> Verdict | None:
    """A weekday: the last one (the anchor day included) unless "next", the tense or a cue
    ("as soon as / as early as / until Tuesday", unless the verb is past) looks ahead."""
    match = re.fullmatch(r"(last|next|this|this past|this coming|coming|past)? ?(monday|tuesday|wednesday|thursday|"
                         r"friday|saturday|sunday)(?:'s)?(?: (morning|afternoon|evening|night))?", expression.text)
    if not match:
        return None
    anchor, tense, cue = expression.anchor, expression.tense, expression.cue
    weekday = WEEKDAYS.index(match.group(2))
    modifier = match.group(1)
    forward = tense == "future" or (tense != "past" and (cue in FORWARD_CUES or cue == "as")) or \
        cue == "ahead" or (cue in DEADLINE and POSTPONE.search(expression.context))
    if modifier in ("next", "this coming", "coming") or (modifier in (None, "this") and forward):
        delta = (weekday - anchor.weekday()) % 7
        if modifier == "next" and delta == 0:
            delta = 7
        return Verdict((anchor + timedelta(days=delta)).isoformat())
    delta = (anchor.weekday() - weekday) % 7
    if modifier == "last" and delta == 0:
        delta = 7
    return Verdict((anchor - timedelta(days=delta)).isoformat())


def _weekend(expression: Anchored) -> Verdict | None:
    text, anchor = expression.text, expression.anchor
    if text not in WEEKENDS:
        return None
    if text == "next weekend" or ((expression.tense == "future" or expression.cue == "ahead") and
                                  text != "last weekend" and text != "the past weekend"):
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    else:
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    return Verdict(iso_week(saturday) + "-WE")


def _this_unit(expression: Anchored) -> Verdict | None:
    """this/last/next + unit; "the quarter" is the last completed one (unless future)."""
    match = re.fullmatch(r"(this|last|next|the past|the last|the previous|the next|the coming|the current|current|"
                         r"the latest|latest|the same|the|a|that)? ?(week|month|year|quarter|decade|century)",
                         expression.text)
    if not match:
        return None
    modifier, unit = match.group(1), match.group(2)
    if unit == "quarter" and modifier in (None, "the", "the latest", "latest", "the past", "the last", "that",
                                          "the same"):
        year, quarter = last_completed_quarter(expression.anchor) if expression.tense != "future" else \
            quarter_of(expression.anchor)
        return Verdict(f"{year}-Q{quarter}")
    return Verdict(unit_value(expression.anchor, unit, UNIT_SHIFT.get(modifier, 0)))


def _ordinal_quarter(expression: Anchored) -> Verdict | None:
    """ "the third quarter": this year's unless it is still to come (then last year's)."""
    match = re.fullmatch(r"(this|last|next|the|the past|the coming|the current|current)? ?(first|second|third|fourth|"
                         r"1st|2nd|3rd|4th)[ -](?:fiscal )?quarter", expression.text)
    if not match:
        return None
    quarter = ORDINALS[match.group(2)]
    year = expression.anchor.year
    if match.group(1) == "last":
        year -= 1
    elif match.group(1) == "next":
        year += 1
    elif match.group(1) not in ("this", "the current", "current"):
        current_year, current_quarter = quarter_of(expression.anchor)  # a quarter not after the current one is this year's
        year = current_year if quarter <= current_quarter or expression.tense == "future" else current_year - 1
    return Verdict(f"{year}-Q{quarter}")


def _year_ago_results(expression: Anchored) -> Verdict | None:
    """ "a year earlier" in results: the year before ("for the nine months ... a year
    earlier"), or the same quarter a year earlier."""
    text, anchor, context = expression.text, expression.anchor, expression.context
    match = re.fullmatch(r"(?:the )?(year[- ]earlier|year[- ]ago|prior[- ]year|previous[- ]year|a year earlier|"
                         r"a year ago|last year)(?: (?:period|quarter|level|levels|results|figure|figures|time))?", text)
    if not match:
        return None
    if MULTI_QUARTER.search(context) and not re.search(r"(period|quarter)$", text):
        return Verdict(str(anchor.year - 1))
    if FINANCIAL.search(context) or text.split()[-1] in ("period", "quarter"):
        year, quarter = last_completed_quarter(anchor)
        return Verdict(f"{year - 1}-Q{quarter}")
    return None


def _units_ago(expression: Anchored) -> Verdict | None:
    """N units ago / earlier / from now."""
    match = re.fullmatch(r"(?:about |some |nearly |almost |more than |over |just |only )?(\w+|\d+)(?: and a half)? "
                         r"(day|week|month|year|decade|century|quarter)s? (ago|earlier|before|later|from now|hence|"
                         r"since)", expression.text)
    if not match or not count_of(match.group(1)):
        return None
    count = count_of(match.group(1))
    shift = count if match.group(3) in ("later", "from now", "hence") else -count
    return Verdict(unit_value(expression.anchor, match.group(2), shift))


def _year_ago(expression: Anchored) -> Verdict | None:
    return Verdict(str(expression.anchor.year - 1)) if expression.text in YEAR_AGO_WORDS else None


def _season(expression: Anchored) -> Verdict | None:
    match = re.fullmatch(r"(this|last|next|the|this past|this coming|the past|the coming)? ?(spring|summer|fall|"
                         r"autumn|winter)", expression.text)
    if not match:
        return None
    anchor = expression.anchor
    season = SEASONS[match.group(2)]
    start_month = SEASON_MONTH[season]
    modifier = match.group(1)
    if modifier in ("last", "the past", "this past"):
        year = anchor.year if start_month + 2 < anchor.month else anchor.year - 1
    elif modifier in ("next", "the coming", "this coming"):
        year = anchor.year if start_month > anchor.month else anchor.year + 1
    elif modifier == "this":
        year = anchor.year
    else:
        year = nearest_year(anchor, start_month, None, expression.tense, expression.cue)
    return Verdict(f"{year}-{season}")


def _month_without_year(expression: Anchored) -> Verdict | None:
    """A month (and day) without a year: "(last) March", "March 5", "the 5th of March"."""
    match = re.fullmatch(rf"(last|next|this|this past|this coming|the past|the coming)? ?{MONTH_RE}"
                         rf"(?: (\d{{1,2}})(?:st|nd|rd|th)?)?", expression.text) or \
        re.fullmatch(rf"(last|next|this)? ?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MONTH_RE}", expression.text)
    if not match:
        return None
    anchor = expression.anchor
    modifier, first, second = match.groups()
    if first and first.isdigit():
        day, month = int(first), month_number(second)
    else:
        month, day = month_number(first), int(second) if second else None
    if modifier in LOOK_BACK:
        year = anchor.year if (month, day or 1) < (anchor.month, anchor.day if day else 1) else anchor.year - 1
    elif modifier in LOOK_AHEAD:
        year = anchor.year if (month, day or 1) > (anchor.month, anchor.day if day else 1) else anchor.year + 1
    elif modifier == "this":
        year = anchor.year
    else:
        year = nearest_year(anchor, month, day, expression.tense, expression.cue)
    return Verdict(iso_date(year, month, day) if day else f"{year}-{month:02d}")


def _half(expression: Anchored) -> Verdict | None:
    """ "this first half", "the second half of last year"."""
    match = re.fullmatch(r"(?:this|the) (first|second|1st|2nd) half", expression.text)
    if match:
        return Verdict(f"{expression.anchor.year}-H{ORDINALS[match.group(1)]}")
    match = re.fullmatch(r"(?:the )?(first|second|1st|2nd) half of (this|last|next) year", expression.text)
    if match:
        return Verdict(f"{expression.anchor.year + YEAR_SHIFT[match.group(2)]}-H{ORDINALS[match.group(1)]}")
    return None


def _part_of_unit(expression: Anchored) -> Verdict | None:
    """ "the end of this year", "the rest of the month"."""
    match = re.fullmatch(r"(?:the )?(end|beginning|start|middle|first half|second half|rest|remainder) of (?:the )?"
                         r"(this|last|next) (year|month|week)", expression.text)
    if match:
        return Verdict(unit_value(expression.anchor, match.group(3), YEAR_SHIFT[match.group(2)]))
    return None


def _this_year(expression: Anchored) -> Verdict | None:
    if expression.text in ("the year", "this year", "the current year", "the same year"):
        return Verdict(str(expression.anchor.year))
    return None


def _dateparser(expression: Anchored) -> Verdict | None:
    """Explicit dates the rules above do not know, through dateparser; the value keeps
    only the parts the text names (the last rule: its answer is final)."""
    return Verdict(dateparser_value(expression.text, expression.anchor, expression.tense))


RELATIVE_RULES = (_week_of, _ordinal_day_now, _day_before_after, _day_range, _special, _part_of_day, _named_day,
                  _weekday, _weekend, _this_unit, _ordinal_quarter, _year_ago_results, _units_ago, _year_ago, _season,
                  _month_without_year, _half, _part_of_unit, _this_year, _dateparser)


def _strip_modifiers(text: str) -> str:
    """Without early/late/the end of/... and a weekday before a month and day: "late May",
    "Tuesday, March 5", "mid-summer"."""
    text = re.sub(r"^(early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|"
                  r"the remainder of|the first half of|the second half of|earlier|later)(\s+|-(?=[a-z]))", "", text)
    text = re.sub(rf"^(?:(?:this|this coming|next|last|this past) )?(?:monday|tuesday|wednesday|thursday|friday|"
                  rf"saturday|sunday),? (?={MONTH_RE} \d)", "", text)
    return re.sub(r"^(?:the )?(?:early|late|mid)[ -](?=spring|summer|fall|autumn|winter)", "", text)


def relative_value(text: str, anchor: date, tense: str | None, context: str, cue: str | None = None) -> str | None:
    """TIMEX3 value of a cleaned expression that needs the anchor (`RELATIVE_RULES`)."""
    verdict = _earlier_in_the_year(Anchored(text, anchor, tense, context, cue))
    if verdict is None:
        verdict = first_verdict(RELATIVE_RULES, Anchored(_strip_modifiers(text), anchor, tense, context, cue))
    return verdict.value


def dateparser_value(text: str, anchor: date, tense: str | None) -> str | None:
    """Explicit dates through dateparser (English, relative to the anchor, preferring the
    tense's direction); the value keeps only the parts the text names."""
    if not re.search(rf"\b{MONTH_RE}(\W|$)|\d", text):
        return None
    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM":
                {"future": "future", "past": "past"}.get(tense or "", "current_period"),
                "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises on odd input
        return None
    if parsed is None:
        return None
    has_month = bool(re.search(rf"\b{MONTH_RE}(\W|$)", text)) or bool(re.search(r"\d{1,2}/\d{1,2}", text))
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", text))) and has_month
    if has_day:
        return parsed.date().isoformat()
    if has_month:
        return f"{parsed.year}-{parsed.month:02d}"
    if re.search(r"\b(19|20)\d{2}\b", text):
        return str(parsed.year)
    return None
