"""BBC precision rules of issue 14, session 20: what a reader of "who said what" would not
file as anybody's attribution, each checked beside a construction that still is one."""
import pytest

from tests.test_quotes import quotes_in


def _contents(text: str) -> list[tuple[str, str | None]]:
    return [(quote.text, quote.speaker_text) for quote in quotes_in(text)]


# (text, words no reported content holds)
NO_REPORT = [
    # a stance-noun frame nobody holds whose content is a noun phrase or a bare infinitive
    ("The shares rose on hopes of a payoff from the merger.", "a payoff"),
    ("Shares fell after a plan to raise new money in 2003 was shelved.", "to raise new money"),
    ("The minister resigned after criticism over his business interests.", "his business interests"),
    # where it was said: the object of 'on' names a medium
    ("Speaking on BBC Radio 4's Today programme, the minister said taxes would rise.", "Today programme"),
    ("The bishop made the comments on BBC Radio 4 and will repeat them at Christmas.", "BBC Radio 4"),
    # the topic of the report a participle leads: the words are the quotation's
    ('Explaining his reasons for leaving the firm, Mr Grant said: "I have decided to retire."', "his reasons"),
    # a sum of money given or promised
    ("Mr Gates pledged $750m (£400m) of his own money to the cause.", "750m"),
]

# (text, words a reported content holds)
STILL_REPORTED = [
    # the same frames with a holder, or with a clause of their own
    ("The senator repeated his opposition to the war in a speech.", "the war"),
    ("There has been speculation that the two owners do not think the price is high enough.",
     "the two owners do not think"),
    ("The senator made comments on the budget deficit in his speech.", "the budget deficit"),
    ('Mr Grant explained his reasons for leaving the firm at a meeting on Monday.', "his reasons"),
    ("The chancellor offered his support to the poorest countries.", "his support"),
]


@pytest.mark.parametrize("text, words", NO_REPORT, ids=[row[1] for row in NO_REPORT])
def test_no_report(text, words):
    assert not any(words in found for found, _ in _contents(text))


@pytest.mark.parametrize("text, words", STILL_REPORTED, ids=[row[1] for row in STILL_REPORTED])
def test_still_reported(text, words):
    assert any(words in found for found, _ in _contents(text))
