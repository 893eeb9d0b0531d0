"""Content a reported clause goes on with after the parser hung it on the cue verb
(pipeline/nlp/quotes/continuations.py), with the real model."""
from __future__ import annotations

from tests.test_quotes import quotes_in


def test_second_that_clause_is_reported():
    """'said A, but that B': the coordinated 'that' clause is part of the content (that_conjunct)."""
    quotes = quotes_in("Mr. Lopez said the country needs to secure the border, but that he would not "
                       "support mass deportation.")
    texts = [quote.text for quote in quotes if quote.cue == "said"]
    assert any(text.startswith("the country needs to secure the border") for text in texts), texts
    assert any(text.endswith("he would not support mass deportation") for text in texts), texts


def test_reason_after_interposed_cue_is_reported():
    """'He is leaning toward Kasich, he said, because …': the reason after a cue set inside the
    reported sentence is the speaker's too (because_after_cue)."""
    quotes = quotes_in("Mr. Brown is a retired teacher in Ohio.\n\nHe is leaning toward Kasich, he said, "
                       "because he prizes electability above everything else.")
    texts = [quote.text for quote in quotes if quote.cue == "said"]
    assert any(text.startswith("He is leaning toward Kasich") for text in texts), texts
    assert any(text.startswith("because he prizes electability") for text in texts), texts


def test_narration_after_a_that_clause_stays_out():
    """A conjoined clause without 'that' is the narrator's ('…, and the crowd cheered')."""
    quotes = quotes_in("Mr. Lopez said the country needs to secure the border, and the crowd cheered loudly.")
    assert not any("cheered" in quote.text for quote in quotes), [quote.text for quote in quotes]


def test_a_name_in_apposition_stays_in_the_content():
    """'…, John Smith' names whom the content speaks of; '…, a former lobbyist who …' is the
    narrator's aside (content._name_apposition, cut_trailing_aside)."""
    named = quotes_in("Aides said the bill was written by her chief of staff, John Smith.")
    assert [quote.text for quote in named] == ["the bill was written by her chief of staff, John Smith"]
    described = quotes_in("Aides said the bill was written by John Smith, a former lobbyist who worked for the bank.")
    assert [quote.text for quote in described] == ["the bill was written by John Smith"]


def test_interposed_cue_content_starts_after_the_lead_in():
    """'… - and the permit, his campaign said, had been hard to get': the reported clause
    around an interposed cue begins after the narrator's lead-in (content.left_clause_start);
    'In his state, Christie said, …' keeps its fronted phrase (no noun phrase after a comma)."""
    permit = quotes_in("He now had a rally scheduled for that night - and the permit, his campaign said, "
                       "had been hard to get.")
    assert [quote.text for quote in permit if quote.cue == "said"] == ["the permit", "had been hard to get"]
    state = quotes_in("In his state, Christie said, offenders are sent to treatment instead of prison.")
    assert [quote.text for quote in state if quote.cue == "said"][0] == "In his state"


def test_a_verbless_list_or_contrast_after_the_clause_is_reported():
    """'…, but by only 1.5% in the final quarter', '…; £140,000 in Wales; …': the clause goes on
    elliptically (verbless_tail); a clause with a verb of its own after 'and' stays out."""
    quotes = quotes_in("The building society said prices rose 12% over the year, but by only 1.5% in the final "
                       "quarter. Its figures showed the average price was £180,000 in England; £140,000 in Wales; "
                       "£110,000 in Scotland.")
    texts = [quote.text for quote in quotes]
    assert any("by only 1.5% in the final quarter" in text for text in texts), texts
    assert any("£110,000 in Scotland" in text for text in texts), texts
