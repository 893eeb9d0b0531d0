"""Speakerless reports (issue 14, session 24: the BBC predictions without a speaker were the least
precise): a name given in the passive and a hearsay adverb on a speech verb report nothing; 'X has
been reported / quoted as saying' after the content gives the content its speaker. (Constructed sentences, not the sample's text.)"""
import pytest

from tests.test_quotes import quotes_in


def _quotes(text: str):
    return [(quote.text, quote.speaker_text) for quote in quotes_in(text)]


# (text, words no reported content holds)
NO_REPORT = [
    ("The bank, which was formerly known as Midland, reported higher profits.", "Midland"),
    ("These documents are usually called annual returns or yearly statements.", "annual returns"),
    ("The treaty will set up what are called \"free enterprise zones\" along the border.", "free enterprise zones"),
    ("The single currency, which is known as the euro, was launched in 1999.", "the euro"),
    ("The lender, which is known as the central bank, raised rates.", "the central bank"),
]

# (text, words a reported content holds): a judgement is no name
STILL_REPORTED = [
    ("The senator has been called a liar by his rivals.", "a liar"),
    ("The senator has been called a liar.", "a liar"),
    ("The former leader has been called the worst president in the country's history.", "the worst president"),
    ("The general has been called the most dangerous man in the region.", "the most dangerous man"),
]


@pytest.mark.parametrize("text, words", NO_REPORT, ids=[row[1] for row in NO_REPORT])
def test_no_report(text, words):
    assert not any(words in found for found, _ in _quotes(text))


@pytest.mark.parametrize("text, words", STILL_REPORTED, ids=[row[1] for row in STILL_REPORTED])
def test_still_reported(text, words):
    assert any(words in found for found, _ in _quotes(text))


def test_a_hearsay_adverb_on_a_speech_verb_adds_no_report():
    found = _quotes("The country no longer needs the loan offered by the fund, the finance minister has "
                    "reportedly said.")
    assert ("The country no longer needs the loan offered by the fund", "the finance minister") in found
    assert not any(speaker is None for _, speaker in found)


def test_a_hearsay_adverb_on_another_verb_is_still_hearsay():
    found = _quotes("The senator reportedly plans to resign.")
    assert any("plans to resign" in text and speaker is None for text, speaker in found)


@pytest.mark.parametrize("verb", ["reported", "quoted"])
def test_reported_as_saying_gives_the_content_its_speaker(verb):
    found = _quotes(f"Women will be hired by the ministry for the first time this year, the foreign minister "
                    f"has been {verb} as saying.")
    assert ("Women will be hired by the ministry for the first time this year", "the foreign minister") in found
    assert not any(speaker is None for _, speaker in found)


def test_a_hearsay_adverb_in_a_relative_clause_is_no_report():
    found = _quotes("The 4bn euros it supposedly held in an offshore bank account did not exist, prosecutors said.")
    assert not any("held in an offshore" in text and speaker is None for text, speaker in found)
    assert any(speaker == "prosecutors" for _, speaker in found)
