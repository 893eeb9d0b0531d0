"""Quotes: quotation marks typed wrong or mixed (the mark rules of `pieces.CLOSING_RULES`),
asides between dashes, and a quotation that finishes a clause begun before its cue (the real
spaCy model on small constructed texts)."""
from __future__ import annotations

from pipeline.nlp.quotes.pieces import find_pieces
from tests.test_quotes import _find, _quotes


def _contents(text: str) -> list[str]:
    return [text[piece.start:piece.end] for piece in find_pieces(text)]


def test_an_opening_curly_mark_ending_a_word_closes_the_quotation():
    text = "The textbook explains “the advantages of peace for the region“ with a photograph of the treaty."
    assert _contents(text) == ["the advantages of peace for the region"]


def test_a_closing_single_mark_after_a_sentence_end_closes_a_curly_quotation():
    text = "Schumer tweeted: “Let’s go. We can stop this.’ Schumer was at the White House on Tuesday."
    assert _contents(text) == ["Let’s go. We can stop this."]
    nested = "“He said, ‘Trust me.’ That may be of concern,” Berger said."
    assert _contents(nested) == ["He said, ‘Trust me.’ That may be of concern,"]


def test_a_closing_curly_mark_closes_a_straight_quotation():
    text = '"I want to wait until I meet with Bibi” before discussing specifics, he said.'
    assert _contents(text) == ["I want to wait until I meet with Bibi"]
    text = '"The vote no campaign is saying to families, ‘You have to wait.’” she said.'
    assert _contents(text) == ["The vote no campaign is saying to families, ‘You have to wait.’"]


def test_a_quotation_between_dashes_with_its_own_cue_is_direct():
    text = ("Mr. Biden said Donald Trump admired strong leaders like Saddam Hussein - \"He would have loved Stalin,\" "
            "Mr. Biden said twice - and warned the crowd about the election.")
    quote = _find(_quotes(text)[0], "He would have loved Stalin")
    assert quote.kind == "direct" and "Biden" in (quote.speaker_text or "")


def test_a_quotation_finishing_a_clause_begun_before_its_cue_is_partial():
    text = ("Senator Mark Ellison spoke in Dayton on Monday.\n\n"
            "The reality is, Ellison added, “there are no easy answers for the city.”\n\n"
            "After the meeting, Ellison told reporters, “We will not raise taxes on working families this year.”")
    quotes, _ = _quotes(text)
    assert _find([q for q in quotes if q.kind != "indirect"], "there are no easy answers").kind == "partial"
    assert _find(quotes, "We will not raise taxes").kind == "direct"  # a capital: a quotation of its own
