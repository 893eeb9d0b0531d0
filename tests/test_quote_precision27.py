"""BBC precision rules of issue 14, session 27: what a reader of "who said what" would not
file as anybody's attribution, each checked beside a construction that still is one."""
import pytest

from tests.test_quotes import quotes_in


def _contents(text: str) -> list[str]:
    return [quote.text for quote in quotes_in(text)]


# (text, words no reported content holds)
NO_REPORT = [
    # a place, a time or a number exhibits a measure: what the figure is of, nobody's finding
    ("Of the twelve districts in the survey, eleven showed stronger growth in December.", "stronger growth"),
    ("House prices rose in every region in November. The North East showed the highest rate of growth at 4.1%, "
     "ahead of London on 3.2%.", "the highest rate"),
    ("Prices rose in most regions in 2004. Scotland showed the smallest rise of any region last year.",
     "the smallest rise"),
]

# (text, words a reported content holds)
STILL_REPORTED = [
    # a record of data shows a finding
    ("Official figures showed a sharp rise in unemployment last month.", "a sharp rise"),
    ("The survey showed a fall in business confidence across the region.", "a fall in business confidence"),
]


@pytest.mark.parametrize("text, words", NO_REPORT, ids=[row[1] for row in NO_REPORT])
def test_no_report(text, words):
    assert not any(words in content for content in _contents(text))


@pytest.mark.parametrize("text, words", STILL_REPORTED, ids=[row[1] for row in STILL_REPORTED])
def test_still_reported(text, words):
    assert any(words in content for content in _contents(text))
