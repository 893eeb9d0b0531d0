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
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTH_ABBR = {k[:3]: v for k, v in MONTHS.items()} | {"sept": 9}
MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
           r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "several": None, "few": None,
           "a few": None, "many": None}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "quarter": "Q", "hour": "H",
        "minute": "MIN", "century": "CE"}

PAST_REF = {"recently", "recent", "the past", "past", "previously", "formerly", "once", "earlier", "lately",
            "recent years", "recent months", "recent weeks", "recent days", "in the past", "former", "then",
            "the recent past", "years ago", "in recent years", "ago", "before"}
FREQUENCY = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
             "quarterly": "P1Q", "hourly": "PT1H", "nightly": "P1D"}
PRESENT_REF = {"already", "now", "currently", "current", "present", "the present", "at present", "nowadays",
               "right now", "just now", "these days", "today's", "presently", "the moment", "yet", "as yet",
               "so far", "thus far"}
FUTURE_REF = {"future", "the future", "soon", "the near future", "coming", "the coming", "upcoming",
              "later", "eventually", "the long term", "the long run", "someday", "in the future"}

FUTURE_WORDS = re.compile(r"\b(will|'ll|shall|going to|plans? to|planning to|planned|scheduled|expected to|"
                          r"expects? to|due to|set to|to be held|would|intends? to|next|upcoming|later)\b", re.I)
PAST_WORDS = re.compile(r"\b(was|were|had|did|said|ago|last|earlier|\w+ed)\b", re.I)


# a sentence reporting periodic (quarterly) results: "a year ago" there is the same quarter a year earlier
FINANCIAL = re.compile(r"quarter|period|three months|a share|per share|net income|\bnet\b|earnings|revenue|profit|"
                       r"\bsales\b|\bloss\b|operating", re.I)


MULTI_QUARTER = re.compile(r"\b(nine|six) months\b|first half|year to date|full year|fiscal year", re.I)


def sentence_tense(sentence: str | None) -> str | None:
    """A rough tense of a sentence: 'future' when it speaks of plans or uses will/would,
    else 'past' when it has past-tense words, else None."""
    if not sentence:
        return None
    if FUTURE_WORDS.search(sentence):
        return "future"
    if PAST_WORDS.search(sentence):
        return "past"
    return None


FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
PLAN_VERBS = {"plan", "expect", "schedule", "intend", "set", "due", "hope", "aim", "prepare", "propose", "agree",
              "want", "seek", "try", "decide", "vow", "promise", "threaten", "pledge", "arrange", "convene"}


SAY_VERBS = {"say", "announce", "tell", "report", "state", "declare", "confirm", "add", "indicate", "disclose",
             "predict", "warn", "promise", "insist"}


# verbs whose past form is their present form: a VBP tag on them may be a mis-tagged past ("stocks hurt the index")
INVARIANT_PAST = {"hurt", "cut", "set", "put", "hit", "let", "cost", "shut", "quit", "spread", "bid", "cast", "split",
                  "beat", "burst", "broadcast", "forecast", "upset", "thrust", "slit", "shed", "read", "rid"}


def token_tense(tok) -> str | None:
    """Tense of the clause a spaCy token belongs to: walk up to the nearest verb, then
    'future' (will/'ll/shall, going to, to-infinitive under a planning verb, scheduled),
    'past' (past tense or perfect), 'present' or None."""
    v = tok
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX") or v.dep_ == "ROOT":
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & FUTURE_AUX or (v.lower_ == "going" and any(c.dep_ == "xcomp" for c in v.children)):
        return "future"
    if v.head.lower_ == "going" and v.dep_ == "xcomp":
        return "future"
    if "to" in words and v.dep_ in ("xcomp", "advcl", "acl", "ccomp") and v.head.lemma_.lower() in PLAN_VERBS:
        return "future"
    if "to" in words and v.dep_ in ("xcomp", "ccomp") and v.head.lemma_.lower() == "be":  # "is to resume trading"
        return "future"
    if v.lemma_.lower() in ("plan", "schedule"):  # "planned a demonstration on Saturday"
        return "future"
    if v.head.lemma_.lower() in ("plan", "schedule") and v.dep_ in ("xcomp",) and v.head.i < v.i:
        return "future"
    if v.lemma_.lower() in ("schedule", "plan", "due", "expect", "set") and v.tag_ == "VBN" and \
            not (words & {"has", "have", "had"}) and \
            (v.lemma_.lower() != "set" or aux or any(c.dep_ == "xcomp" for c in v.children)):
        return "future"
    if words & {"would", "could", "might", "may", "should", "must", "can"}:
        if words & {"would"} and v.dep_ == "ccomp" and v.head.lemma_.lower() in SAY_VERBS and \
                not (words & {"have"}):  # reported plan: "announced that he would travel Thursday"
            return "future"
        return "future" if v.head.lemma_.lower() in PLAN_VERBS else None
    if v.tag_ == "VBD" or words & {"had", "did", "was", "were", "has", "have"}:
        return "past"
    if v.tag_ == "VBN" and v.dep_ == "acl" and not aux:  # "the record high set on Aug. 6", "shares issued July 1"
        return "past"
    if v.tag_ in ("VBZ", "VBP") and not aux and tok.lower_ in WEEKDAYS and \
            v.lemma_.lower() not in SAY_VERBS | {"be", "have"} | INVARIANT_PAST \
            and (tok.head == v or (tok.head.lower_ == "on" and tok.head.head == v)):
        return "future"  # present simple of a scheduled event: "The leaders meet (on) Monday"
    if v.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    return None


def _anchor(published_at) -> date | None:
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


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR.get(w)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _last_completed_quarter(d: date) -> tuple[int, int]:
    y, q = _quarter(d)
    return (y, q - 1) if q > 1 else (y - 1, 4)


DEADLINE = {"until", "till", "through", "by"}
# a deadline moved or granted looks ahead whatever the tense: "postponed until Tuesday", "gave them until Friday"
POSTPONE = re.compile(r"\b(?:postpone|extend|delay|defer|adjourn|put off|push(?:ed)? back|give|gave|given|giving|"
                      r"grant)\w*\b[^.;]*\b(?:until|till)\b")
BACKWARD_CUES = {"ended", "since", "through"}  # "the year ended March 31"
FORWARD_CUES = {"until", "till", "by", "effective", "payable", "starting", "beginning", "due"}


def _nearest_year(anchor: date, month: int, day: int | None, tense: str | None, cue: str | None = None) -> int:
    """The year of a month (and day) named without a year.

    Month and day: the nearest such date, unless that lies more than two months on the
    wrong side of the tense ("was last seen Nov. 3" in May is last November; "payable
    Dec. 7" in a past-tense sentence of late October stays this year).
    Month alone: past -> the latest not after the anchor's month, future (or a deadline
    within 4 months: "until", "by", "through" + month) -> the first not before it; no
    tense -> the coming 4 months or else the last 8. A past-tense verb does not push back
    the coming month ("said it would cut output in September")."""
    y = anchor.year
    ahead = (month - anchor.month) % 12  # months from the anchor's month forward to the target
    if day:  # the nearest such date, unless it is well (2+ months) on the wrong side of the tense
        def when(yy):
            try:
                return date(yy, month, day)
            except ValueError:
                return date(yy, month, 28)
        best = min((y, y - 1, y + 1), key=lambda yy: abs((when(yy) - anchor).days))
        gap = (when(best) - anchor).days
        if (tense == "past" or cue in BACKWARD_CUES) and gap > 60 and cue not in FORWARD_CUES:
            return best - 1
        if tense == "future" and gap < -60:
            return best + 1
        return best
    nxt = y if month >= anchor.month else y + 1  # the first such month not before the anchor
    prev = y if month <= anchor.month else y - 1  # the latest such month not after the anchor
    if tense == "future" or (cue in DEADLINE and ahead <= 4):
        return nxt
    if tense == "past":
        return nxt if ahead == 1 else prev
    return nxt if 0 < ahead <= 4 else prev


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _clean(expr: str) -> str:
    e = expr.lower().strip()
    e = e.replace("’", "'").replace("—", " ").replace("–", "-")
    e = re.sub(r"\s+", " ", e).strip(" ,;:")
    e = re.sub(r"\.$", "", e) if not re.search(r"\b[a-z]\.$", e) else e
    e = re.sub(r"^(on|in|since|by|until|till|from|during|at|of|for|as of|through|before|after|around|about|"
               r"as early as|as late as|as recently as|sometime|some time)\s+", "", e)
    e = re.sub(r"'s$", "", e)
    # hedges around a date keep its value: "a good part of 1990", "1994 or later", "the next year or so"
    e = re.sub(r"^(?:a good part|a large part|a big part|much|most|part|all|the bulk|the rest|the remainder) of ", "", e)
    e = re.sub(r",? (?:or so|or later|or earlier|or before|or after|and beyond|and later|at the latest|"
               r"at the earliest)$", "", e)
    e = re.sub(r"^(?:post|pre|mid)-(?=(?:1[5-9]|20)\d\d$)", "", e)
    e = re.sub(rf"\b{MONTH_RE} ({'|'.join(SPELLED_ORDINALS)})\b",
               lambda m: f"{m.group(1)} {SPELLED_ORDINALS.index(m.group(2)) + 1}", e)
    return e.strip()


SPELLED_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                    "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
                    "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
                    "twenty-ninth", "thirtieth", "thirty-first"]
CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))? ?(a\.m\.?|p\.m\.?|am|pm|o'clock)(?: (?:[a-z]{2,3}t|gmt|utc))?")


def _clock(e: str) -> tuple[str | None, str]:
    """("HH:MM", rest of the expression) when it starts or ends with a clock time
    ("9 a.m. EST Tuesday", "Tuesday at 9 a.m."), else (None, e)."""
    m = re.match(CLOCK.pattern + r"(?:,? |$)", e) or re.search(r"(?:^|,? (?:at )?)" + CLOCK.pattern + "$", e)
    if not m:
        return None, e
    h, mi, ap = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if ap.startswith("p") and h < 12:
        h += 12
    if ap.startswith("a") and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None, e
    return f"{h:02d}:{mi:02d}", (e[:m.start()] + e[m.end():]).strip(" ,")


def timex_value(expr: str, anchor=None, tense: str | None = None, context: str | None = None) -> str | None:
    """TIMEX3-style value of a date expression (see the module docstring), or None."""
    if not expr or not expr.strip():
        return None
    a = _anchor(anchor)
    e = _clean(expr)
    if tense is None and context:
        tense = sentence_tense(context)
    ctx = (context or "").lower()
    v = _absolute(e)
    if v is not None:
        return v
    if e in FREQUENCY:
        return FREQUENCY[e]
    if e in PRESENT_REF or re.fullmatch(r"(?:this|the present|the current) (?:\w+ )?(?:moment|point|juncture|stage)", e):
        return "PRESENT_REF"
    if e in ("the time", "that time") and tense != "future":  # "at the time"
        return "PAST_REF"
    if re.fullmatch(r"then[- ](?:current|existing|prevailing)", e):  # "the then current price": at that past time
        return "PAST_REF"
    clause = tense if tense not in (None, "none") else sentence_tense(context)
    if e in ("from time to time", "time to time") and clause == "future":  # "expects to evaluate ... from time to time"
        return "FUTURE_REF"
    m = re.fullmatch(r"(?:a|an|one|two|three|four|five|a few) (day|week|month|year)s? or (?:two|three|four|five|so|more)", e)
    if m and (clause == "future" or (clause != "past" and _cue(expr, ctx) == "in")):  # "(may,) in a year or two"
        return "FUTURE_REF"
    m = re.fullmatch(r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:day|week|month|year)s?", e)
    if m and ctx:  # the TIMEX3 stops short of its "earlier"/"ago": "earnings a year earlier"
        found = re.findall(r"\b" + re.escape(expr.strip().lower()) + r"\b( earlier(?! than)| ago)?", ctx)
        if len(found) == 1 and found[0]:  # (only when the sentence names the period once)
            e = f"{e}{found[0]}"
    if e == "last" and ctx:  # ellipsis: "this year as last", "higher than last"
        m = re.search(r"\b(?:this|the current) (week|month|quarter|year)\b.*\b(?:as|than|from|over|with) last\b", ctx)
        if m and a is not None:
            return _unit_value(a, m.group(1), -1)
    if e in ("one day", "some day", "one of these days") and tense == "future":  # "will one day be"
        return "FUTURE_REF"
    if e in PAST_REF:
        return "PAST_REF"
    if e in FUTURE_REF:
        return "FUTURE_REF"
    m = re.fullmatch(r"(?:the )?(?:past|last|next|coming|previous|recent|following)? ?(\w+|\d+)? ?(day|week|month|year|decade|quarter|hour|minute|century)s?(?: long)?", e)
    if m and re.match(r"(the )?(past|last|next|coming|previous|following) ", e) and m.group(1) and _number(m.group(1)):
        n = _number(m.group(1))
        return f"P{n}{UNIT[m.group(2)]}" if UNIT[m.group(2)] not in ("H", "MIN") else f"PT{n}{UNIT[m.group(2)][0]}"
    m = re.fullmatch(r"(\w+|\d+)[ -](day|week|month|year|decade|quarter|hour|minute|century)s?(?:[ -]long| old)?", e)
    if m and _number(m.group(1)):
        n = _number(m.group(1))
        u = UNIT[m.group(2)]
        return f"PT{n}{u[0]}" if u in ("H", "MIN") else f"P{n}{u}"
    if a is None:
        return None
    clock, rest = _clock(e)
    if clock:
        day = _relative(rest, a, tense, ctx, _cue(expr, ctx)) if rest else a.isoformat()
        return f"{day[:10]}T{clock}" if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\w+)?", day) else None
    return _relative(e, a, tense, ctx, _cue(expr, ctx))


def _cue(expr: str, ctx: str) -> str | None:
    """The preposition governing the expression ("until", "by", "in"...): its own first
    word, or the word before it in the sentence."""
    first = expr.strip().lower().split()[0] if expr.strip() else ""
    if first in DEADLINE or first in FORWARD_CUES or first in ("in", "on", "since", "during", "after"):
        return first
    i = ctx.find(expr.strip().lower()) if ctx else -1
    if i <= 0:
        return None
    before = re.findall(r"[a-z]+", ctx[:i][-20:])
    if before[-2:] == ["ahead", "of"]:  # "ahead of the weekend / Thursday's meeting"
        return "ahead"
    return before[-1] if before else None


def _iso_date(y: int, mo: int, d: int) -> str | None:
    """YYYY-MM-DD, or None for a day the month does not have ('February 30')."""
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _absolute(e: str) -> str | None:
    """Values that need no anchor."""
    y = spelled_year(e)
    if y:
        return y
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(?:the )?(winter|spring|summer|fall|autumn) of (.+)", e)
    if m and spelled_year(m.group(2)):
        return f"{spelled_year(m.group(2))}-{SEASONS[m.group(1)]}"
    m = re.fullmatch(rf"{MONTH_RE},? (?:of )?(.+)", e)
    if m and spelled_year(m.group(2)):
        return f"{spelled_year(m.group(2))}-{_month(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", e)
    if m:
        return e
    m = re.fullmatch(r"(?:the )?(?:year |fiscal |fiscal year |calendar |fy ?)?((?:1[5-9]|20)\d{2})", e)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?((?:1[5-9]|20)\d)0'?s", e)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?'(\d)0s", e)
    if m:
        return "19" + m.group(1)
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", e)
    if m:
        return "19" + str(DECADE_WORDS.index(m.group(1)) + 2)
    m = re.fullmatch(r"(?:the )?(?:first|second|last|latter|later|early|earlier) half of (.+)", e)
    if m:  # "the last half of the '80s": within the decade (a half of a year is H1/H2, below)
        v = _absolute(m.group(1))
        if v and re.fullmatch(r"\d{3}", v):
            return v
    m = re.fullmatch(r"(?:the )?(\d{2})(?:th|st|nd|rd) century", e)
    if m:
        return f"{int(m.group(1)) - 1:02d}"
    m = re.fullmatch(rf"(?:early |late |mid-?|the end of |the beginning of |the start of )?{MONTH_RE},? (?:of )?((?:1[5-9]|20)\d{{2}})", e)
    if m:
        return f"{m.group(2)}-{_month(m.group(1)):02d}"
    m = re.fullmatch(rf"{MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?,? ((?:1[5-9]|20)\d{{2}})", e) or \
        re.fullmatch(rf"(\d{{1,2}}) {MONTH_RE},? ((?:1[5-9]|20)\d{{2}})", e)
    if m:
        g = m.groups()
        mo, d = (_month(g[0]), int(g[1])) if not g[0].isdigit() else (_month(g[1]), int(g[0]))
        return _iso_date(int(g[2]), mo, d)
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})", e)
    if m:
        y = int(m.group(3))
        y = y + (1900 if y >= 30 else 2000) if y < 100 else y
        return _iso_date(y, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of)?,? (?:fiscal )?((?:19|20)\d{2})", e) \
        or re.fullmatch(r"(?:fiscal )?((?:19|20)\d{2})(?:'s)? (first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter", e)
    if m:
        g = m.groups()
        q, y = (g[0], g[1]) if not g[0].isdigit() else (g[1], g[0])
        return f"{y}-Q{ORDINALS[q]}"
    m = re.fullmatch(r"(?:the )?(first|second|last|1st|2nd) (?:half|two quarters)(?: of)?,? ((?:19|20)\d{2})", e)
    if m:
        return f"{m.group(2)}-H{ORDINALS.get(m.group(1), 2)}"
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(spring|summer|fall|autumn|winter)(?: of)?,? ((?:19|20)\d{2})", e)
    if m:
        return f"{m.group(2)}-{SEASONS[m.group(1)]}"
    m = re.fullmatch(r"(?:the )?(?:end|beginning|start|middle|first half|second half|rest|remainder) of ((?:19|20)\d{2})", e) \
        or re.fullmatch(r"(?:early|late|mid-?|the end of) ?((?:19|20)\d{2})", e)
    if m:
        return m.group(1)
    return None


def _relative(e: str, a: date, tense: str | None, ctx: str, cue: str | None = None) -> str | None:
    """Values that need the anchor `a`."""
    if re.fullmatch(r"(?:earlier|later|early|late) (?:in|this) (?:the )?year", e):
        return str(a.year)
    e = re.sub(r"^(early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|"
               r"the remainder of|the first half of|the second half of|earlier|later)(\s+|-(?=[a-z]))", "", e)
    e = re.sub(rf"^(?:(?:this|this coming|next|last|this past) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
               rf"sunday),? (?={MONTH_RE} \d)", "", e)
    e = re.sub(r"^(?:the )?(?:early|late|mid)[ -](?=spring|summer|fall|autumn|winter)", "", e)
    m = re.fullmatch(r"(?:the )?week of (.+)", e)
    if m:  # "the week of March 6"
        d = _relative(m.group(1), a, tense, ctx, cue)
        return _week(date.fromisoformat(d)) if d and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) else None
    m = re.fullmatch(r"(?:the |its |their )?(\w+|\d+(?:st|nd|rd|th)) (?:straight |consecutive )?day", e)
    if m and tense == "present" and (m.group(1) in SPELLED_ORDINALS[:10] or re.fullmatch(r"\d+(st|nd|rd|th)", m.group(1))):
        return a.isoformat()  # "today is the eighth day of the operation"
    m = re.fullmatch(r"(?:the )?day (before|after) (.+)", e)
    if m:  # "the day before last Tuesday('s hearing)": one day off a named day
        d = _relative(re.sub(r"'s$", "", m.group(2)), a, tense, ctx, cue)
        if d and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            return (date.fromisoformat(d) + timedelta(days=1 if m.group(1) == "after" else -1)).isoformat()
        return None
    m = re.fullmatch(rf"{MONTH_RE} (\d{{1,2}}) ?(?:-|to|and|through) ?(\d{{1,2}})", e)
    if m and int(m.group(2)) < int(m.group(3)) <= 31:  # "June 16-17": a range of days, from its first day
        return _relative(f"{m.group(1)} {m.group(2)}", a, tense, ctx, cue)
    v = _special(e, a, tense, ctx)
    if v is not None:
        return v
    m = re.fullmatch(r"(today|tonight|yesterday|tomorrow|this|last|(?:(?:last|next|this) )?(?:monday|tuesday|wednesday|"
                     r"thursday|friday|saturday|sunday))(?: |-)?(morning|afternoon|evening|night)?", e)
    if m and (m.group(2) or m.group(1) == "tonight") and m.group(1) not in ("this", "last"):
        day = _relative(m.group(1) if m.group(1) != "tonight" else "today", a, tense, ctx, cue)
        part = m.group(2) or "night"
        return f"{day}T{PARTS[part]}" if day else None
    if m and m.group(1) in ("this", "last") and m.group(2):
        d = a if m.group(1) == "this" or m.group(2) != "night" else a - timedelta(days=1)
        return f"{d.isoformat()}T{PARTS[m.group(2)]}"
    if e in ("today", "the day", "that day",
             "this day", "same day", "the same day", "that same day", "day"):
        return a.isoformat()
    if e == "yesterday":
        return (a - timedelta(days=1)).isoformat()
    if e == "tomorrow":
        return (a + timedelta(days=1)).isoformat()
    m = re.fullmatch(r"(last|next|this|this past|this coming|coming|past)? ?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?(?: (morning|afternoon|evening|night))?", e)
    if m:
        wd = WEEKDAYS.index(m.group(2))
        mod = m.group(1)
        # "as soon as / as early as / until Tuesday" look ahead, unless the verb is past
        forward = tense == "future" or (tense != "past" and (cue in FORWARD_CUES or cue == "as")) or \
            cue == "ahead" or (cue in DEADLINE and POSTPONE.search(ctx))
        if mod in ("next", "this coming", "coming") or (mod in (None, "this") and forward):
            delta = (wd - a.weekday()) % 7
            if mod == "next" and delta == 0:
                delta = 7
            d = a + timedelta(days=delta)
        else:
            delta = (a.weekday() - wd) % 7
            if mod == "last" and delta == 0:
                delta = 7
            d = a - timedelta(days=delta)
        return d.isoformat()
    if e in ("the weekend", "this weekend", "the past weekend", "last weekend", "next weekend", "weekend"):
        if e == "next weekend" or ((tense == "future" or cue == "ahead") and e != "last weekend" and e != "the past weekend"):
            d = a + timedelta(days=(5 - a.weekday()) % 7)
        else:
            d = a - timedelta(days=(a.weekday() - 5) % 7)
        return _week(d) + "-WE"
    # this/last/next + unit
    m = re.fullmatch(r"(this|last|next|the past|the last|the previous|the next|the coming|the current|current|the latest|latest|the same|the|a|that)? ?(week|month|year|quarter|decade|century)", e)
    if m:
        mod, unit = m.group(1), m.group(2)
        k = {"last": -1, "the previous": -1, "the past": -1, "the last": -1, "next": 1, "the next": 1,
             "the coming": 1}.get(mod, 0)
        if unit == "quarter" and mod in (None, "the", "the latest", "latest", "the past", "the last", "that", "the same"):
            y, q = _last_completed_quarter(a) if tense != "future" else _quarter(a)
            return f"{y}-Q{q}"
        return _unit_value(a, unit, k)
    m = re.fullmatch(r"(this|last|next|the|the past|the coming|the current|current)? ?(first|second|third|fourth|1st|2nd|3rd|4th)[ -](?:fiscal )?quarter", e)
    if m:
        q = ORDINALS[m.group(2)]
        y = a.year
        if m.group(1) == "last":
            y -= 1
        elif m.group(1) == "next":
            y += 1
        elif m.group(1) not in ("this", "the current", "current"):
            cy, cq = _quarter(a)  # a quarter not after the current one is this year's
            y = cy if q <= cq or tense == "future" else cy - 1
        return f"{y}-Q{q}"
    m = re.fullmatch(r"(?:the )?(year[- ]earlier|year[- ]ago|prior[- ]year|previous[- ]year|a year earlier|a year ago|last year)(?: (?:period|quarter|level|levels|results|figure|figures|time))?", e)
    if m and MULTI_QUARTER.search(ctx) and not re.search(r"(period|quarter)$", e):
        return str(a.year - 1)  # "for the nine months ... a year earlier": the year before
    if m and FINANCIAL.search(ctx):
        y, q = _last_completed_quarter(a)
        return f"{y - 1}-Q{q}"
    if m and e.split()[-1] in ("period", "quarter"):
        y, q = _last_completed_quarter(a)
        return f"{y - 1}-Q{q}"
    # N units ago / earlier / from now
    m = re.fullmatch(r"(?:about |some |nearly |almost |more than |over |just |only )?(\w+|\d+)(?: and a half)? (day|week|month|year|decade|century|quarter)s? (ago|earlier|before|later|from now|hence|since)", e)
    if m and _number(m.group(1)):
        n = _number(m.group(1))
        k = n if m.group(3) in ("later", "from now", "hence") else -n
        return _unit_value(a, m.group(2), k, vague_years=m.group(2) in ("year",) and False)
    if e in ("a year ago", "a year earlier", "year-earlier", "year-ago", "year earlier", "the year-earlier", "the year-ago"):
        return str(a.year - 1)
    # seasons
    m = re.fullmatch(r"(this|last|next|the|this past|this coming|the past|the coming)? ?(spring|summer|fall|autumn|winter)", e)
    if m:
        s = SEASONS[m.group(2)]
        mo = SEASON_MONTH[s]
        mod = m.group(1)
        if mod in ("last", "the past", "this past"):
            y = a.year if mo + 2 < a.month else a.year - 1
        elif mod in ("next", "the coming", "this coming"):
            y = a.year if mo > a.month else a.year + 1
        elif mod == "this":
            y = a.year
        else:
            y = _nearest_year(a, mo, None, tense, cue)
        return f"{y}-{s}"
    # month (day) without year
    m = re.fullmatch(rf"(last|next|this|this past|this coming|the past|the coming)? ?{MONTH_RE}(?: (\d{{1,2}})(?:st|nd|rd|th)?)?", e) \
        or re.fullmatch(rf"(last|next|this)? ?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MONTH_RE}", e)
    if m:
        g = m.groups()
        mod = g[0]
        if g[1] and g[1].isdigit():
            day, mo = int(g[1]), _month(g[2])
        else:
            mo, day = _month(g[1]), int(g[2]) if g[2] else None
        if mod in ("last", "this past", "the past"):
            y = a.year if (mo, day or 1) < (a.month, a.day if day else 1) else a.year - 1
        elif mod in ("next", "this coming", "the coming"):
            y = a.year if (mo, day or 1) > (a.month, a.day if day else 1) else a.year + 1
        elif mod == "this":
            y = a.year
        else:
            y = _nearest_year(a, mo, day, tense, cue)
        if day:
            return _iso_date(y, mo, day)
        return f"{y}-{mo:02d}"
    m = re.fullmatch(r"(?:this|the) (first|second|1st|2nd) half", e)
    if m:
        return f"{a.year}-H{ORDINALS[m.group(1)]}"
    m = re.fullmatch(r"(?:the )?(first|second|1st|2nd) half of (this|last|next) year", e)
    if m:
        y = a.year + {"this": 0, "last": -1, "next": 1}[m.group(2)]
        return f"{y}-H{ORDINALS[m.group(1)]}"
    m = re.fullmatch(r"(?:the )?(end|beginning|start|middle|first half|second half|rest|remainder) of (?:the )?(this|last|next) (year|month|week)", e)
    if m:
        return _unit_value(a, m.group(3), {"this": 0, "last": -1, "next": 1}[m.group(2)])
    if e in ("the year", "this year", "the current year", "the same year"):
        return str(a.year)
    return _dateparser_value(e, a, tense)


NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())} | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                             "seventy": 70, "eighty": 80, "ninety": 90}


def _spelled_number(words: list[str]) -> int | None:
    n = 0
    for w in words:
        for part in w.split("-"):
            if part not in NUM_WORDS:
                return None
            n += NUM_WORDS[part]
    return n


def spelled_year(e: str) -> str | None:
    """'nineteen ninety-six' -> '1996', 'two thousand (and) one' -> '2001' (spoken news)."""
    m = re.fullmatch(r"(?:the year )?(nineteen|twenty) ([a-z-]+(?: [a-z-]+)?)", e)
    if m:
        hi = NUM_WORDS[m.group(1)]
        lo = _spelled_number(m.group(2).split())
        if lo is not None and lo < 100 and m.group(2) not in ("hundred",):
            return f"{hi}{lo:02d}"
    m = re.fullmatch(r"(?:the year )?two thousand(?: and)?(?: ([a-z-]+))?", e)
    if m:
        lo = _spelled_number([m.group(1)]) if m.group(1) else 0
        if lo is not None and lo < 100:
            return f"{2000 + lo}"
    return None


HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
            "new year's eve": (12, 31), "independence day": (7, 4), "the fourth of july": (7, 4),
            "july fourth": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11)}


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    d = date(y, month, 1)
    return d + timedelta(days=(weekday - d.weekday()) % 7 + 7 * (n - 1))


def _easter(y: int) -> date:
    """Easter Sunday of year y (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    n = h + l - 7 * m + 114
    return date(y, n // 31, n % 31 + 1)


def _holiday(name: str, y: int) -> date | None:
    if name in HOLIDAYS:
        return date(y, *HOLIDAYS[name])
    if name in ("easter", "easter sunday", "easter day"):
        return _easter(y)
    if name == "good friday":
        return _easter(y) - timedelta(days=2)
    if name in ("thanksgiving", "thanksgiving day"):
        return _nth_weekday(y, 11, 3, 4)
    if name in ("election day",):
        return _nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    if name in ("labor day",):
        return _nth_weekday(y, 9, 0, 1)
    if name in ("memorial day",):
        d = _nth_weekday(y, 5, 0, 4)
        return d + timedelta(days=7) if (d + timedelta(days=7)).month == 5 else d
    return None


VAGUE_PAST = re.compile(r"^(?:the |in )?(?:recent|past|last|previous|earlier)(?: several| few| many| two| three)? "
                        r"(?:days|weeks|months|quarters|years|decades)|^(?:several|a few|many|some) (?:days|weeks|"
                        r"months|years|decades) ago$|^(?:more|most|very|as) recently$|^past (?:years|decades)$")
VAGUE_FUTURE = re.compile(r"^(?:the )?(?:coming|future|next few|upcoming|months and years ahead|years ahead)"
                          r"(?: several| few)? ?(?:days|weeks|months|quarters|years|decades)?$|^(?:the )?"
                          r"(?:near|short|long|medium) (?:term|run)$|^a later date$|^as soon as possible$")


def _special(e: str, a: date, tense: str | None, ctx: str) -> str | None:
    """Quarters with modifiers, year-end and fiscal years, month + this/last year,
    holidays, vague plural references."""
    if VAGUE_PAST.search(e):
        return "PAST_REF"
    if VAGUE_FUTURE.search(e):
        return "FUTURE_REF"
    # quarters and reporting periods: "this year's third quarter", "the 1988 second quarter",
    # "the fiscal first quarter", "the year-ago quarter", "the latest period"
    m = re.search(r"\b(quarter|period)\b", e)
    if m and not re.search(r"\b(quarters|periods|half|months)\b", e):
        ordm = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b", e)
        yearm = re.search(r"\b((?:19|20)\d{2})\b", e)
        ago = re.search(r"year[- ](?:ago|earlier)|a year ago|last year|prior[- ]year|previous year|corresponding|comparable", e)
        nxt = re.search(r"next year", e)
        if ordm:
            q = ORDINALS[ordm.group(1)]
            cy, cq = _quarter(a)
            y = int(yearm.group(1)) if yearm else (cy if q <= cq or tense == "future" else cy - 1)
            if not yearm and ago:
                y -= 1
            if not yearm and nxt:
                y = cy + 1
            return f"{y}-Q{q}"
        if m.group(1) == "period" and not yearm and not ago and not re.search(r"latest|same|the period|that period|this period", e):
            return None
        if re.fullmatch(r"(?:the current|current|the present) quarter", e):  # "this quarter('s loss)": the one reported
            return "%d-Q%d" % _quarter(a)
        y, q = _last_completed_quarter(a)
        if yearm:
            y = int(yearm.group(1))
        elif ago:
            y -= 1
        return f"{y}-Q{q}"
    if re.fullmatch(r"(?:the |around |at )?(?:year[- ]end|year's end|end of the year|the full year|full year|the fiscal year|"
                    r"fiscal year|the current fiscal year|the current year|earlier in the year|later in the year|"
                    r"this fiscal year|the year to date|year to date)", e):
        return str(a.year)
    if re.fullmatch(r"(?:the )?(?:latest|last|previous|past|prior) fiscal year|(?:last|the previous) fiscal year", e):
        return str(a.year - 1)
    if re.fullmatch(r"(?:the )?next fiscal year|(?:the )?coming fiscal year", e):
        return str(a.year + 1)
    m = re.fullmatch(rf"{MONTH_RE}(?: (\d{{1,2}}))?,? (this|last|next) year", e)
    if m:
        y = a.year + {"this": 0, "last": -1, "next": 1}[m.group(3)]
        mo = _month(m.group(1))
        return date(y, mo, int(m.group(2))).isoformat() if m.group(2) else f"{y}-{mo:02d}"
    m = re.fullmatch(r"(?:the )?(?:(last|next|this) )?(.+?) week", e) or re.fullmatch(r"(?:the )?(?:(last|next|this) )?(holy) week", e)
    if m and _holiday("easter" if m.group(2) == "holy" else m.group(2), a.year):  # "Easter week began": the week of the holiday
        name = "easter" if m.group(2) == "holy" else m.group(2)
        if m.group(1):
            d = _special(f"{m.group(1)} {name}", a, tense, ctx)
        else:  # the nearest one: a holiday week is talked about around it
            d = min((_holiday(name, y) for y in (a.year - 1, a.year, a.year + 1)), key=lambda c: abs((c - a).days)).isoformat()
        return _week(date.fromisoformat(d)) if d else None
    m = re.fullmatch(r"(last|next|this)? ?(.+)", e)
    if m and _holiday(m.group(2), a.year):
        mod = m.group(1)
        cands = [_holiday(m.group(2), y) for y in (a.year - 1, a.year, a.year + 1)]
        if mod == "last" or (mod is None and tense != "future"):
            d = max(c for c in cands if c <= a) if any(c <= a for c in cands) else None
            if mod is None and tense != "past":
                d = min(cands, key=lambda c: abs((c - a).days))
        elif mod == "next" or tense == "future":
            d = min(c for c in cands if c >= a)
        else:
            d = cands[1]
        return d.isoformat() if d else None
    return None


def _unit_value(a: date, unit: str, k: int, vague_years: bool = False) -> str | None:
    if unit == "day":
        return (a + timedelta(days=k)).isoformat()
    if unit == "week":
        return _week(a + timedelta(days=7 * k))
    if unit == "month":
        y, mo = _shift_month(a.year, a.month, k)
        return f"{y}-{mo:02d}"
    if unit == "quarter":
        y, q = _quarter(a)
        n = y * 4 + (q - 1) + k
        return f"{n // 4}-Q{n % 4 + 1}"
    if unit == "year":
        return str(a.year + k)
    if unit == "decade":
        return str(a.year + 10 * k)[:3]
    if unit == "century":
        return f"{(a.year // 100) + k:02d}"
    return None


def _dateparser_value(e: str, a: date, tense: str | None) -> str | None:
    """Explicit dates the rules above do not know, through dateparser; the value keeps
    only the parts the text names."""
    if not re.search(rf"\b{MONTH_RE}(\W|$)|\d", e):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    settings = {"RELATIVE_BASE": datetime(a.year, a.month, a.day), "PREFER_DATES_FROM":
                {"future": "future", "past": "past"}.get(tense or "", "current_period"),
                "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}
    try:
        got = dateparser.parse(e, languages=["en"], settings=settings)
    except Exception:  # dateparser raises on odd input
        return None
    if got is None:
        return None
    has_month = bool(re.search(rf"\b{MONTH_RE}(\W|$)", e)) or bool(re.search(r"\d{1,2}/\d{1,2}", e))
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", e))) and has_month
    if has_day:
        return got.date().isoformat()
    if has_month:
        return f"{got.year}-{got.month:02d}"
    if re.search(r"\b(19|20)\d{2}\b", e):
        return str(got.year)
    return None


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


def value_to_date(value: str | None) -> tuple[str | None, str | None]:
    """(ISO date of the period start, granularity) of a TIMEX3 value; (None, None) for
    vague references and durations."""
    if not value:
        return None, None
    for rx, gran in GRANULARITY:
        if rx.match(value):
            break
    else:
        return None, None
    if gran == "day":
        return value[:10], gran
    if gran == "week":
        y, w = int(value[:4]), int(value[6:8])
        return date.fromisocalendar(y, w, 1).isoformat(), gran
    if gran == "month":
        return f"{value}-01", gran
    if gran == "season":
        return f"{value[:4]}-{SEASON_MONTH[value[5:]]:02d}-01", gran
    if gran == "quarter":
        return f"{value[:4]}-{3 * (int(value[6]) - 1) + 1:02d}-01", gran
    if gran == "half":
        return f"{value[:4]}-{1 if value[6] == '1' else 7:02d}-01", gran
    if gran == "year":
        return f"{value}-01-01", gran
    if gran == "decade":
        return f"{value[:3]}0-01-01", gran
    return f"{value}00-01-01", gran


def resolve_date(expr: str, published_at, tense: str | None = None, context: str | None = None) -> tuple[str | None, str | None]:
    """(ISO date of the period start, granularity) for a date expression, or (None, None)."""
    return value_to_date(timex_value(expr, published_at, tense, context))


# ------------------------------------------------------------------ reference time (narrative)
# An anaphoric expression takes its value from the reference time, the last date the
# text itself established ("In June 1998 ... later that year", "On May 22, 1995 ... the
# following year"), not from the publication date.
ANAPHORIC = re.compile(
    r"(?:(?P<side>earlier|later|early|late) (?:in )?)?(?P<mod>that|the same|that same|the following|the next|"
    r"the previous|the preceding|the prior)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night)")
ANAPHORIC_SHIFT = {"that": 0, "the same": 0, "that same": 0, "the": 0, "the following": 1, "the next": 1,
                   "the previous": -1, "the preceding": -1, "the prior": -1}
OFFSET_FROM_REF = re.compile(r"(?:about |some |nearly |almost |just |only )?(\w+) (day|week|month|year)s? "
                             r"(later|afterwards?|earlier|before)")


def _ref_of(value: str | None) -> tuple[date, str] | None:
    """(period start, granularity) of a value usable as reference time: day, month or year."""
    start, gran = value_to_date(value)
    if start is None or gran not in ("day", "month", "year"):
        return None
    return date.fromisoformat(start), gran


class DateTracker:
    """Normalizes a document's date expressions in text order, keeping TimeML's reference
    time: every date the text resolves (relative to the publication date or not) becomes
    the reference time, and anaphoric expressions ("that year", "the following month",
    "later that day", "the same day", "two years later", "a month earlier") are resolved
    against it instead of the publication date. Without an anchor and without an earlier
    date in the text they stay None, never invented.

        t = DateTracker("2000-01-28")
        t.value("June 1998", "past")        # '1998-06'
        t.value("later that year", "past")  # '1998'
    """

    def __init__(self, published_at=None):
        self.anchor = _anchor(published_at)
        self.ref: tuple[date, str] | None = (self.anchor, "day") if self.anchor else None
        self.ref_value: str | None = None  # the value of the last date the text itself named
        self._same_period = False

    def _from_reference(self, e: str, ctx: str) -> str | None:
        """Expressions that only make sense against the reference time: "until then" (the
        last date named), "the previous Friday" (the Friday before the reference day), a
        bare day number coordinated with a full date ("April 24 and 25"), "Oct. 12, the
        day before the plunge" (the day just named)."""
        ctx = ctx.lower()
        if e in ("then", "that time", "that date") and self.ref_value and \
                re.search(r"\b(?:until|till|by|before|after) (?:then|that time|that date)\b", ctx):
            return self.ref_value
        if self.ref is None or self.ref[1] != "day":
            return None
        ref = self.ref[0]
        m = re.fullmatch(r"the (previous|preceding|prior|following|next) (monday|tuesday|wednesday|thursday|friday|"
                         r"saturday|sunday)", e)
        if m:
            wd = WEEKDAYS.index(m.group(2))
            if m.group(1) in ("following", "next"):
                return (ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)).isoformat()
            return (ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)).isoformat()
        if not self.ref_value:
            return None
        if re.fullmatch(r"\d{1,2}", e) and re.search(
                rf"\b{MONTH_RE} \d{{1,2}}(?:st|nd|rd|th)?(?: ?(?:-|to|and|or|through|&) ?\d{{1,2}}(?:st|nd|rd|th)?)*"
                rf" ?(?:-|to|and|or|through|&) ?{e}\b", ctx):
            return _iso_date(ref.year, ref.month, int(e))
        if e in ("the day", "that day") and re.search(
                rf"(?:\b\d{{1,2}}|{'|'.join(WEEKDAYS)}), (?:the|that) day (?:before|after|of|when)\b", ctx):
            return ref.isoformat()
        return None

    def _anaphoric(self, e: str, ctx: str) -> str | None | bool:
        """Value of an anaphoric expression against the reference time; False when the
        expression is not anaphoric."""
        m = ANAPHORIC.fullmatch(e)
        k = 0
        if m:
            unit = m.group("unit")
            k = ANAPHORIC_SHIFT[m.group("mod")]
        else:
            m2 = OFFSET_FROM_REF.fullmatch(e)
            if not m2 or not _number(m2.group(1)) or m2.group(2) == "year" and FINANCIAL.search(ctx):
                return False
            unit = m2.group(2)
            k = _number(m2.group(1)) * (1 if m2.group(3).startswith(("later", "after")) else -1)
        self._same_period = False
        if self.ref is None:
            return None
        ref, gran = self.ref
        part = None
        if unit in PARTS:
            unit, part = "day", PARTS[unit]
        need = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}[unit]
        if gran not in need:
            return None
        v = _unit_value(ref, unit, k)
        self._same_period = k == 0
        if part and k == 0 and m:
            return f"{v}T{part}"
        return v

    def value(self, expr: str, tense: str | None = None, context: str | None = None) -> str | None:
        """TIMEX3 value of the next date expression of the document (see `timex_value`)."""
        e = _clean(expr or "")
        got = self._from_reference(e, context or "") if e else None
        if got is not None:
            return got
        got = self._anaphoric(e, context or "") if e else False
        same_period = got is not False and self._same_period
        clock, rest = _clock(e)
        if clock and not rest and self.ref is not None and self.ref[1] == "day":
            return f"{self.ref[0].isoformat()}T{clock}"  # "at 10:35 a.m." on the day the text is at
        if got is False:
            got = timex_value(expr, self.anchor, tense, context)
        elif got is None or same_period:
            return got  # "that year", "the same day": the reference time stays as it is
        ref = _ref_of(got)
        if ref is not None:
            self.ref = ref
            self.ref_value = got
        return got

    def resolve(self, expr: str, tense: str | None = None, context: str | None = None) -> tuple[str | None, str | None]:
        """(period start, granularity) of the next date expression (see `resolve_date`)."""
        return value_to_date(self.value(expr, tense, context))


def timex_values(expressions, published_at) -> list[str | None]:
    """TIMEX3 values of a document's date expressions, given in text order as strings or
    (text, tense, context) tuples, with the reference time carried along (`DateTracker`)."""
    t = DateTracker(published_at)
    out = []
    for x in expressions:
        text, tense, context = (x, None, None) if isinstance(x, str) else (tuple(x) + (None, None))[:3]
        out.append(t.value(text, tense, context))
    return out


def resolve_dates(expressions, published_at) -> list[tuple[str | None, str | None]]:
    """(period start, granularity) for each of a document's date expressions in text order."""
    return [value_to_date(v) for v in timex_values(expressions, published_at)]
