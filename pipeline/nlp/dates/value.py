"""`timex_value`: the TIMEX3 value of one date expression against an anchor, by ordered
lists of named rules — the ones that need no anchor (absolute dates, frequencies, vague
references, durations), then the anchored ones (clock times, `relative_value`)."""
from __future__ import annotations

import re

from pipeline.nlp.dates.absolute import absolute_value
from pipeline.nlp.dates.calendar import Period, anchor_date, split_clock, unit_value, value_to_date
from pipeline.nlp.dates.expression import Expression, clean_expression, governing_cue
from pipeline.nlp.dates.lexicon import FREQUENCY, FUTURE_REF, PAST_REF, PRESENT_REF, UNIT
from pipeline.nlp.dates.numbers import count_of
from pipeline.nlp.dates.relative import relative_value
from pipeline.nlp.dates.tense import sentence_tense
from pipeline.nlp.dates.verdict import Verdict, first_verdict


def _absolute(expression: Expression) -> Verdict | None:
    value = absolute_value(expression.text)
    return Verdict(value) if value is not None else None


def _frequency(expression: Expression) -> Verdict | None:
    return Verdict(FREQUENCY[expression.text]) if expression.text in FREQUENCY else None


def _present_reference(expression: Expression) -> Verdict | None:
    text = expression.text
    if text in PRESENT_REF or re.fullmatch(r"(?:this|the present|the current) (?:\w+ )?(?:moment|point|juncture|stage)",
                                           text):
        return Verdict("PRESENT_REF")
    return None


def _at_the_time(expression: Expression) -> Verdict | None:
    """ "at the time" (not in a future clause), "the then current price": that past time."""
    if expression.text in ("the time", "that time") and expression.tense != "future":
        return Verdict("PAST_REF")
    if re.fullmatch(r"then[- ](?:current|existing|prevailing)", expression.text):
        return Verdict("PAST_REF")
    return None


def _from_time_to_time(expression: Expression) -> Verdict | None:
    """ "expects to evaluate ... from time to time"."""
    if expression.text in ("from time to time", "time to time") and expression.clause == "future":
        return Verdict("FUTURE_REF")
    return None


def _in_a_year_or_two(expression: Expression) -> Verdict | None:
    """ "(may,) in a year or two"."""
    match = re.fullmatch(r"(?:a|an|one|two|three|four|five|a few) (day|week|month|year)s? or "
                         r"(?:two|three|four|five|so|more)", expression.text)
    clause = expression.clause
    if match and (clause == "future" or (clause != "past" and governing_cue(expression.raw, expression.context) == "in")):
        return Verdict("FUTURE_REF")
    return None


UNANCHORED_RULES = (_absolute, _frequency, _present_reference, _at_the_time, _from_time_to_time, _in_a_year_or_two)


def _with_trailing_ago(expression: Expression) -> Expression:
    """The TIMEX3 stops short of its "earlier"/"ago" ("earnings a year | earlier"): read it
    with it, when the sentence names the period once."""
    text, context = expression.text, expression.context
    if not context or not re.fullmatch(r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                                       r"(?:day|week|month|year)s?", text):
        return expression
    found = re.findall(r"\b" + re.escape(expression.raw.strip().lower()) + r"\b( earlier(?! than)| ago)?", context)
    if len(found) == 1 and found[0]:
        return expression._replace(text=f"{text}{found[0]}")
    return expression


def _ellipsis_last(expression: Expression) -> Verdict | None:
    """ "this year as last", "higher than last": the unit before the one named."""
    if expression.text != "last" or not expression.context:
        return None
    match = re.search(r"\b(?:this|the current) (week|month|quarter|year)\b.*\b(?:as|than|from|over|with) last\b",
                      expression.context)
    if match and expression.anchor is not None:
        return Verdict(unit_value(expression.anchor, match.group(1), -1))
    return None


def _one_day(expression: Expression) -> Verdict | None:
    """ "will one day be"."""
    if expression.text in ("one day", "some day", "one of these days") and expression.tense == "future":
        return Verdict("FUTURE_REF")
    return None


def _vague_reference(expression: Expression) -> Verdict | None:
    if expression.text in PAST_REF:
        return Verdict("PAST_REF")
    if expression.text in FUTURE_REF:
        return Verdict("FUTURE_REF")
    return None


def _duration_value(count: int, unit: str) -> str:
    code = UNIT[unit]
    return f"PT{count}{code[0]}" if code in ("H", "MIN") else f"P{count}{code}"


def _duration(expression: Expression) -> Verdict | None:
    """ "the past three years" (P3Y), "a two-year", "three-month-long", "90 minutes"."""
    text = expression.text
    match = re.fullmatch(r"(?:the )?(?:past|last|next|coming|previous|recent|following)? ?(\w+|\d+)? ?(day|week|month|"
                         r"year|decade|quarter|hour|minute|century)s?(?: long)?", text)
    if match and re.match(r"(the )?(past|last|next|coming|previous|following) ", text) and match.group(1) and \
            count_of(match.group(1)):
        return Verdict(_duration_value(count_of(match.group(1)), match.group(2)))
    match = re.fullmatch(r"(\w+|\d+)[ -](day|week|month|year|decade|quarter|hour|minute|century)s?(?:[ -]long| old)?",
                         text)
    if match and count_of(match.group(1)):
        return Verdict(_duration_value(count_of(match.group(1)), match.group(2)))
    return None


def _anchored(expression: Expression) -> Verdict | None:
    """Everything else needs the anchor: a clock time on a day, or `relative_value`."""
    anchor = expression.anchor
    if anchor is None:
        return Verdict(None)
    cue = governing_cue(expression.raw, expression.context)
    clock, rest = split_clock(expression.text)
    if not clock:
        return Verdict(relative_value(expression.text, anchor, expression.tense, expression.context, cue))
    day = relative_value(rest, anchor, expression.tense, expression.context, cue) if rest else anchor.isoformat()
    return Verdict(f"{day[:10]}T{clock}" if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\w+)?", day) else None)


ANCHORED_RULES = (_ellipsis_last, _one_day, _vague_reference, _duration, _anchored)


def timex_value(expr: str, anchor=None, tense: str | None = None, context: str | None = None) -> str | None:
    """TIMEX3-style value of a date expression (see the package docstring), or None."""
    if not expr or not expr.strip():
        return None
    if tense is None and context:
        tense = sentence_tense(context)
    clause = tense if tense not in (None, "none") else sentence_tense(context)
    expression = Expression(clean_expression(expr), expr, anchor_date(anchor), tense, clause, (context or "").lower())
    verdict = first_verdict(UNANCHORED_RULES, expression) or \
        first_verdict(ANCHORED_RULES, _with_trailing_ago(expression))
    return verdict.value


def resolve_date(expr: str, published_at, tense: str | None = None, context: str | None = None) -> Period:
    """(ISO date of the period start, granularity) for a date expression, or (None, None)."""
    return value_to_date(timex_value(expr, published_at, tense, context))
