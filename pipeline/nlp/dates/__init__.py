"""Date expressions normalized against an anchor (the version's publication date).

Two views of one normalization:

- `timex_value(expr, anchor, tense=None, context=None)` gives the TIMEX3-style value
  string TimeML uses: "2015-12-15" (day), "2015-W51" (week), "2015-12" (month),
  "2015-Q4" (quarter), "2015-SU" (season), "2015" (year), "199X" (decade), "19" (century),
  "PAST_REF" / "PRESENT_REF" / "FUTURE_REF" for vague references, "P3Y" for durations,
  or None when the expression is not understood or needs an anchor that is missing.
- `resolve_date(expr, published_at, tense=None)` gives (ISO date of the period start,
  granularity) for the `events` table: granularity is day | week | month | season |
  quarter | half | year | decade | century. Vague references and durations give
  (None, None).

Rules (news idioms first, written for English news text):
- Relative expressions ("Tuesday", "last month", "next week", "two years ago", "the
  third quarter", "Jan. 26") need the anchor: without one the value is None, never
  invented. Absolute ones ("1998", "the 1990s", "Dec. 15, 2015") need no anchor.
- A bare weekday is the most recent such day (the anchor day included) unless the tense
  is future, then the next one. A month, month-day or season without a year is the
  nearest one in the direction of the tense (past: not after the anchor; future: not
  before it; unknown: within the last ~10 months or the next 2).
- "the quarter" / "the latest quarter" (no ordinal) is the last completed quarter, the
  one earnings reports cover; "a year ago/earlier" in a sentence about a quarter is that
  quarter one year earlier.
- A month/day without a year: the nearest such date unless it is 2+ months on the wrong
  side of the tense; a month alone follows the tense, looks up to 4 months ahead without
  one, and deadlines ("until/by/through February") look ahead. A bare weekday is the last
  one unless the tense or a cue ("as soon as", "until") looks ahead.
- Reference time (`DateTracker`, `timex_values`, `resolve_dates`): a document's
  expressions in text order; anaphoric ones ("that year", "the following month", "later
  that day", "two years later", a bare clock time) resolve against the last date the text
  established, never against an invented one. So do "the previous/following <weekday>"
  (from the reference day), "until/by then" (the last date named), a bare day number
  coordinated with a full date ("April 24 and 25") and "Oct. 12, the day before ...".
- Deadlines that are moved or granted ("postponed until Tuesday", "given until Friday")
  and "ahead of <day>" look ahead whatever the tense; a reported "would" ("said he would
  leave Thursday") and a present-simple scheduled event ("the leaders meet Monday") are
  future; a past-participle modifier ("the high set on Aug. 6") is past.
- A TIMEX3 that stops short of its "earlier"/"ago" ("earnings a year | earlier") is read
  with it; "this year as last" is the year before; "the day before <date>" is one day
  off; "June 16-17" is a range from its first day; Easter and holiday weeks are dated.
- Anything else with a day, month and maybe a year in it is handed to dateparser
  (languages=['en'], RELATIVE_BASE = anchor, PREFER_DATES_FROM by tense); the
  granularity comes from which parts the text names, not from dateparser's filled-in
  defaults.

Modules: `lexicon` (word lists from rules/date_words.tsv), `tense`, `calendar`, `numbers`,
`holidays`, `expression` (cleaning, cue words), rule lists `absolute`, `special`,
`relative` (and dateparser), `value` (`timex_value`, `resolve_date`) and `tracker`
(`DateTracker`, reference time); `verdict` is how a rule list answers.
"""
from __future__ import annotations

from pipeline.nlp.dates.calendar import Period, value_to_date
from pipeline.nlp.dates.numbers import spelled_year
from pipeline.nlp.dates.tense import sentence_tense, token_tense
from pipeline.nlp.dates.tracker import DateTracker, resolve_dates, timex_values
from pipeline.nlp.dates.value import resolve_date, timex_value

__all__ = ["DateTracker", "Period", "resolve_date", "resolve_dates", "sentence_tense", "spelled_year", "timex_value",
           "timex_values", "token_tense", "value_to_date"]
