"""Date normalization: unit cases for each expression type, no anchor -> no date, and
the TimeML (TBAQ) value accuracy floor on a fixed sample."""
from __future__ import annotations

import pytest

from pipeline.nlp.dates import resolve_date, timex_value
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
    from pipeline.evaluate.dates import evaluate

    folder = corpus("tempeval3") / "TBAQ-cleaned" / "AQUAINT"
    r = evaluate(folder, limit_files=30)
    assert r["total"]["DATE"] >= 50
    assert r["correct"]["DATE"] / r["total"]["DATE"] >= 0.75
