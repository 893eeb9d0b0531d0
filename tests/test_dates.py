"""Date normalization: unit cases for each expression type, no anchor -> no date, and
the TimeML (TBAQ) value accuracy floor on a fixed sample."""
from __future__ import annotations

import pytest

from pipeline.evaluate.dates import evaluate
from pipeline.nlp import load_model
from pipeline.nlp.dates import DateTracker, resolve_date, resolve_dates, timex_value, timex_values, token_tense
from tests.conftest import corpus

PUB = "2015-12-16"  # a Wednesday


@pytest.mark.parametrize("expr,tense,value,granularity", [
    ("on Tuesday", "past", "2015-12-15", "day"),
    ("Tuesday", "future", "2015-12-22", "day"),
    ("last month", None, "2015-11", "month"),
    ("in September", "past", "2015-09", "month"),
    ("Jan. 26", None, "2016-01-26", "day"),
    ("next week", None, "2015-W52", "week"),
    ("last week", None, "2015-W50", "week"),
    ("last year", None, "2014", "year"),
    ("two years ago", None, "2013", "year"),
    ("the third quarter", None, "2015-Q3", "quarter"),
    ("last summer", None, "2015-SU", "season"),
    ("yesterday", None, "2015-12-15", "day"),
    ("Dec. 15, 2015", None, "2015-12-15", "day"),
    ("the 1990s", None, "199", "decade"),  # TimeML guideline form of a decade
    ("1998", None, "1998", "year"),
])
def test_expression_values(expr, tense, value, granularity):
    assert timex_value(expr, PUB, tense) == value
    assert resolve_date(expr, PUB, tense)[1] == granularity


def test_period_start_dates():
    assert resolve_date("next week", PUB) == ("2015-12-21", "week")
    assert resolve_date("the third quarter", PUB) == ("2015-07-01", "quarter")
    assert resolve_date("last month", PUB) == ("2015-11-01", "month")


def test_relative_without_anchor_is_null_absolute_is_not():
    for expr in ("on Tuesday", "last month", "next week", "Jan. 26", "two years ago", "yesterday"):
        assert resolve_date(expr, None) == (None, None)
        assert timex_value(expr, None) is None
    assert resolve_date("Dec. 15, 2015", None) == ("2015-12-15", "day")
    assert timex_value("now", PUB) == "PRESENT_REF"
    assert resolve_date("now", PUB) == (None, None)  # vague: no date invented


def test_tbaq_date_accuracy_floor():
    folder = corpus("tempeval3") / "TBAQ-cleaned" / "AQUAINT"
    r = evaluate(folder, limit_files=30)
    assert r["total"]["DATE"] >= 50
    assert r["correct"]["DATE"] / r["total"]["DATE"] >= 0.79  # 0.793 (146/184); full TBAQ 0.880


def test_reference_time_tracker_anaphora():
    # the narrative moves to June 1998; "later that year" is 1998, not the publication year
    assert timex_values([("June 1998", "past"), ("later that year", "past")], "2000-01-28") == ["1998-06", "1998"]
    assert timex_values(["On May 22, 1995", "the following year"], "1998-04-18") == ["1995-05-22", "1996"]
    assert timex_values(["March 1989", "The following month", "that year"], PUB) == ["1989-03", "1989-04", "1989"]
    assert timex_values(["Oct. 23, 1998", "earlier that day", "two days later"], PUB) == \
        ["1998-10-23", "1998-10-23", "1998-10-25"]
    # a day-level anaphor needs a day-level reference: none is invented
    assert timex_values(["in 1995", "that same day"], PUB) == ["1995", None]
    # a bare clock time sits on the day the text is at
    assert timex_values(["Friday", "10:35 a.m."], "1998-08-08") == ["1998-08-07", "1998-08-07T10:35"]
    # without an anchor and without an earlier date: nothing
    assert timex_values(["that year", "the following month"], None) == [None, None]
    # non-anaphoric expressions still go by the publication date, and the period
    # starts come with granularities for the events table
    assert resolve_dates([("June 1998", "past"), ("last month", None)], PUB) == \
        [("1998-06-01", "month"), ("2015-11-01", "month")]
    t = DateTracker(PUB)
    assert t.resolve("in 2010") == ("2010-01-01", "year")
    assert t.resolve("the next year") == ("2011-01-01", "year")


@pytest.mark.parametrize("expr,anchor,tense,context,value", [
    # month and day without year: nearest, unless 2+ months on the wrong side of the tense
    ("Nov. 3", "1999-05-07", "past", "He was last seen Nov. 3.", "1998-11-03"),
    ("Dec. 7", "1989-10-27", "past", "The board declared a split, payable Dec. 7.", "1989-12-07"),
    ("March 31", "1989-10-31", None, "revenue in the year ended March 31", "1989-03-31"),
    # a month alone: 4 months ahead without tense, deadlines, the coming month under a past verb
    ("April", "1998-12-05", "present", "They can take part in the summit in April.", "1999-04"),
    ("February", "1989-10-30", None, "to pay down the loan by February", "1990-02"),
    ("September", "1990-08-16", "past", "It told companies of a cutback in September.", "1990-09"),
    ("June", "1989-10-30", "past", "It agreed in June to buy Trustcorp.", "1989-06"),
    # bare weekday: the past one unless the tense or a cue looks ahead
    ("Thursday", "2000-04-17", "none", "the injunction issued Thursday", "2000-04-13"),
    ("Tuesday", "2000-04-03", "none", "ready to leave as soon as Tuesday", "2000-04-04"),
    ("Until Thursday", "1999-05-07", "past", "Until Thursday, they had not called him a suspect.", "1999-05-06"),
])
def test_year_and_week_choice_by_tense_and_cue(expr, anchor, tense, context, value):
    assert timex_value(expr, anchor, tense, context) == value


@pytest.mark.parametrize("expr,tense,value", [
    ("daily", None, "P1D"),
    ("already", None, "PRESENT_REF"),
    ("this crucial moment", None, "PRESENT_REF"),
    ("the time", "past", "PAST_REF"),
    ("recently", "past", "PAST_REF"),
    ("once", "past", "PAST_REF"),
    ("one day", "future", "FUTURE_REF"),
    ("the late 1970s", None, "197"),
    ("the nineties", None, "199"),
    ("the last decade", None, "200"),
    ("a good part of 1990", None, "1990"),
    ("1994 or later", None, "1994"),
    ("the next year or so", "future", "2016"),
    ("post-1959", None, "1959"),
    ("the week of March 7", None, "2016-W10"),
    ("this coming Sunday, March twentieth", None, "2016-03-20"),
    ("the last half of 1989", None, "1989-H2"),
    ("the first two quarters of 1990", None, "1990-H1"),
    ("the current quarter", None, "2015-Q4"),
    ("the early summer", "past", "2015-SU"),
    ("9 a.m. EST Tuesday", "future", "2015-12-22T09:00"),
    ("Tuesday at 9 p.m.", "past", "2015-12-15T21:00"),
    ("earlier in the year", "past", "2015"),
    ("the year", None, "2015"),
    ("the first quarter", None, "2015-Q1"),
    ("fiscal 1990", None, "1990"),
])
def test_vague_references_and_new_forms(expr, tense, value):
    assert timex_value(expr, PUB, tense) == value


def test_decade_and_vague_granularity():
    assert resolve_date("the 1990s", None) == ("1990-01-01", "decade")
    assert resolve_date("daily", PUB) == (None, None)
    assert resolve_date("already", PUB) == (None, None)


def test_tense_reads_plans_and_is_to():
    nlp = load_model()

    def tense_of(sentence, word):
        doc = nlp(sentence)
        return token_tense(next(t for t in doc if t.text == word))

    assert tense_of("Protesters planned a large demonstration on Saturday.", "Saturday") == "future"
    assert tense_of("The stock is to resume trading in Paris on Tuesday.", "Tuesday") == "future"
    assert tense_of("Castro attended a rally on Thursday.", "Thursday") == "past"
    # a past participle modifier is past; "set" is a plan only as "is set for / set to"
    assert tense_of("The index closed near the peak reached on May 4.", "May") == "past"
    assert tense_of("The vote is set for Tuesday.", "Tuesday") == "future"
    # a reported plan with "would", and the present simple of a scheduled event, look ahead
    assert tense_of("The ministry announced that the envoy would travel to Paris on Thursday.", "Thursday") == "future"
    assert tense_of("The two leaders meet separately Monday with the mediator.", "Monday") == "future"
    assert tense_of("The talks resume on Monday in Geneva.", "Monday") == "future"
    # ... but not a saying verb, nor a verb whose past looks like its present
    assert tense_of("The agency reports on Monday.", "Monday") != "future"
    assert tense_of("Bad news hurt the index on Friday.", "Friday") != "future"


@pytest.mark.parametrize("expr,tense,context,value", [
    # vague references
    ("yet", "none", "The bank doesn't hold any shares yet.", "PRESENT_REF"),
    ("then-current", "none", "options at the then-current price", "PAST_REF"),
    ("from time to time", "none", "The firm expects to review its stake from time to time.", "FUTURE_REF"),
    ("a month or two", "none", "Prices might, in a month or two, come down.", "FUTURE_REF"),
    # the TIMEX stops short of "earlier"/"ago", the sentence completes it (not "earlier than")
    ("two years", "past", "Output was flat compared with two years earlier.", "2013"),
    ("two years", "past", "The plant opened two years earlier than planned.", "P2Y"),
    # ellipsis: "this year as last" is the year before
    ("last", "none", "Sales should be as strong this year as last.", "2014"),
    # a day off a named day; a range of days starts on its first
    ("the day before last Monday", "past", "", "2015-12-13"),
    ("the day after Christmas", "future", "", "2015-12-26"),
    ("the day after Christmas", "past", "", "2014-12-26"),
    ("July 9-11", "future", "The fair runs July 9-11.", "2016-07-09"),
    # movable feasts and holiday weeks
    ("Easter", "future", "", "2016-03-27"),
    ("Good Friday", "future", "", "2016-03-25"),
    ("Christmas week", "none", "", "2015-W52"),
    # a moved or granted deadline looks ahead whatever the tense; so does "ahead of"
    ("Monday", "past", "The judge adjourned the hearing until Monday.", "2015-12-21"),
    ("Friday", "past", "They were given until Friday to reply.", "2015-12-18"),
    ("Monday", "past", "Until Monday, police had called him a witness.", "2015-12-14"),
    ("Friday", "past", "Traders sold ahead of Friday's jobs report.", "2015-12-18"),
    # a half of a decade is within that decade
    ("the first half of the '70s", None, "", "197"),
])
def test_new_forms_in_context(expr, tense, context, value):
    assert timex_value(expr, PUB, tense, context) == value


def test_reference_time_day_forms():
    # "the previous Friday" is the Friday before the day the text is at, not before the anchor
    assert timex_values([("Friday", "past"), ("the previous Friday", "past")], "2015-12-21") == \
        ["2015-12-18", "2015-12-11"]
    assert timex_values([("Tuesday", "past"), ("the following Friday", "past")], PUB) == \
        ["2015-12-15", "2015-12-18"]
    assert timex_values([("next Thursday", "future")], PUB) == ["2015-12-17"]  # not an anaphor
    # a bare day number coordinated with a full date takes its month and year
    ctx = "The summit will be held on May 3 and 5."
    assert timex_values([("May 3", "future", ctx), ("5", "future", ctx)], PUB) == ["2016-05-03", "2016-05-05"]
    # "until then" is the last date the text named; with none named, it stays vague
    assert timex_values([("Jan. 4", "future", "Rights end on Jan. 4."),
                         ("then", "past", "Until then, the stock remains convertible.")], PUB) == \
        ["2016-01-04", "2016-01-04"]
    assert timex_values([("then", "past", "Until then, the stock remains convertible.")], PUB) == ["PAST_REF"]
    # "Oct. 12, the day before the crash": the day just named
    ctx = "Between Oct. 12, the day before the crash, and Friday, the index fell."
    assert timex_values([("Oct. 12", "past", ctx), ("the day", "past", ctx)], PUB) == ["2015-10-12", "2015-10-12"]
