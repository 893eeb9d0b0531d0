"""Quotes: quotation marks typed wrong or mixed (the mark rules of `pieces.CLOSING_RULES`),
asides between dashes, and a quotation that finishes a clause begun before its cue (the real
spaCy model on small constructed texts)."""
from __future__ import annotations

from pipeline.nlp import load_model
from pipeline.nlp.quotes import find_pieces
from pipeline.nlp.quotes.pieces import find_pieces

from tests.test_quotes import _find, _quotes, quotes_in


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


def test_tokenizer_splits_a_parenthesis_before_a_colon_and_a_glued_quotation_mark():
    nlp = load_model()
    for text, expected in [
        ("Rep. Trey Gowdy (R-S.C.): “Who told you?”", ["(", "R", "-", "S.C.", ")", ":", "“", "Who"]),
        ("Gowdy (R-S.C.):“Who told you?”", ["(", "R", "-", "S.C.", ")", ":", "“", "Who"]),
        ("Ryan said,“Look, the tweet is gone.”", ["said", ",", "“", "Look"]),
        ("The score was 3:1, he said.", ["3:1", ","]),  # no quotation mark: as before
    ]:
        doc = nlp(text)
        words = [tok.text for tok in doc]
        assert all(word in words for word in expected), (text, words)
        assert "".join(tok.text_with_ws for tok in doc) == text  # offsets exact


def test_a_speaker_before_a_party_and_state_and_a_colon_gets_the_quotation():
    text = ("At the hearing the exchange went on.\n\n"
            "Rep. Trey Gowdy (R-S.C.): \"Who told you that 90 to 95 percent of your emails were captured?\"\n\n"
            "Former secretary of state Hillary Rodham Clinton: \"We learned that from the State Department.\"\n")
    quotes, _ = _quotes(text)
    assert "Gowdy" in (_find(quotes, "Who told you").speaker_text or "")
    assert "Clinton" in (_find(quotes, "We learned that").speaker_text or "")


def test_a_name_given_by_a_verb_of_naming_is_a_partial_quote():
    text = ("Senator Mark Ellison spoke in Dayton on Monday.\n\n"
            "He criticized the accreditation bodies, which he called “a cartel for higher education.”\n\n"
            "Ellison said, “We will not raise taxes on working families this year.”")
    quotes, _ = _quotes(text)
    assert _find(quotes, "a cartel for higher education").kind != "direct"
    assert _find(quotes, "We will not raise taxes").kind == "direct"


def test_attribute_values_of_markup_are_not_quotations():
    text = 'Embedded: <tweet id="672138506081275904" author="@MissDBunker" datetime="2015-12-02"> “Go home,” he said.'
    assert [text[p.start:p.end] for p in find_pieces(text)] == ["Go home,"]


def test_mixed_quotation_marks_close_a_quotation():
    text = ('"I don’t think it’s getting the attention,” Grassley said. “Our roads are crumbling," she said. '
            '“It’s unusual,“ said Noble. He said "no" to me.')
    assert [text[p.start:p.end] for p in find_pieces(text)] == [
        "I don’t think it’s getting the attention,", "Our roads are crumbling,", "It’s unusual,", "no"]
    quotes, _ = _quotes("Senator Chuck Grassley spoke on Monday.\n\n" + text)
    q = _find(quotes, "getting the attention")
    assert q.kind == "direct" and q.cue == "said" and "Grassley" in (q.speaker_text or "")


def test_first_straight_mark_after_a_curly_one_closes_it():
    text = '“He put a lot of people out of business, too" Sweeny said. “He told me "no" twice,” she said.'
    assert [text[p.start:p.end] for p in find_pieces(text)] == [
        "He put a lot of people out of business, too", 'He told me "no" twice,']


def test_straight_excerpt_mark_around_a_paragraph_holding_curly_quotations():
    """pieces.is_excerpt_mark: in a text quoted with curly marks, a paragraph opened by a
    straight mark that holds a curly quotation is a writer's excerpt mark, no quotation of its
    own; a straight paragraph without one still goes on with the speaker before it."""
    text = ("The crowd in the hall was loud that night.\n\n"
            "“We are here,” Mary Jones said. “We came early to get a seat.”\n\n"
            "\"Then the mayor walked onto the stage, chanting “Vote Now! Vote Now!”\n\n"
            "“That’s him,” Mary Jones said.\n\n"
            "\"We will stay until the very end of the speech.")
    quotes = quotes_in(text)
    assert not [q for q in quotes if "mayor walked" in q.text]
    kept = [q for q in quotes if q.text.startswith("We will stay")]
    assert kept and kept[0].kind == "direct" and "Mary Jones" in (kept[0].speaker_text or "")
