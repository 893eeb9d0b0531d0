"""Content a reported clause goes on with after the parser hung it on the cue verb
(pipeline/nlp/quotes/continuations.py), with the real model."""
from __future__ import annotations

import re

import pytest

from tests.test_quotes import quotes_in


@pytest.mark.parametrize("text, reported", [
    pytest.param("Mr. Lopez said the country needs to secure the border, but that he would not "
                 "support mass deportation.",
                 [r"^the country needs to secure the border", r"he would not support mass deportation\Z"],
                 id="second_that_clause"),
    pytest.param("Mr. Brown is a retired teacher in Ohio.\n\nHe is leaning toward Kasich, he said, "
                 "because he prizes electability above everything else.",
                 [r"^He is leaning toward Kasich", r"^because he prizes electability"],
                 id="reason_after_interposed_cue"),
])
def test_content_going_on_after_the_cue_is_reported(text, reported):
    """'said A, but that B': the coordinated 'that' clause is part of the content
    (that_conjunct). 'He is leaning toward Kasich, he said, because …': the reason after a
    cue set inside the reported sentence is the speaker's too (because_after_cue). Each
    pattern (a start ^ or an end \\Z of a quote's text) matches one of the quotes of `said`."""
    texts = [quote.text for quote in quotes_in(text) if quote.cue == "said"]
    for pattern in reported:
        assert any(re.search(pattern, quote_text) for quote_text in texts), (pattern, texts)


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


def test_infinitive_after_a_prepositional_object_is_reported():
    """'calling on X to support Y': the infinitive the parser hung on the cue verb says what the
    one called on is asked to do (content._infinitive_tail; PolNeAR train sentence)."""
    quotes = quotes_in("Sanders started a petition this week calling on Democratic candidates to support the "
                       "$15 minimum wage, which appeared to be directed at Clinton.")
    texts = [quote.text for quote in quotes if quote.cue == "calling"]
    assert texts == ["Democratic candidates to support the $15 minimum wage"], texts


def test_one_named_inside_the_name_is_content():
    """'called the Republican frontrunner “ISIS’ best recruiter”': the one named (parsed inside
    the name) is reported with the quoted name (PolNeAR train sentence)."""
    quotes = quotes_in("The idea came up in a Democratic debate in December, when Hillary Clinton called the "
                       "Republican frontrunner “ISIS’ best recruiter.”")
    texts = [quote.text for quote in quotes if quote.cue == "called" and quote.kind == "indirect"]
    assert texts == ["the Republican frontrunner “ISIS’ best recruiter"], texts


def test_list_item_after_a_comma_is_no_aside():
    """'noted the Sept. 11 attacks, her support for …': an 'apposition' opening with a
    possessive is the list's next item, not the narrator's aside (content._list_item)."""
    quotes = quotes_in("Clinton noted the Sept. 11 attacks, her support for first responders and her work "
                       "trying to bring in jobs from “Buffalo to Albany.”")
    texts = [quote.text for quote in quotes if quote.cue == "noted"]
    assert any("her support for first responders" in text for text in texts), texts


def test_cue_hung_on_its_own_reported_clause_reports_it():
    """'after Trump told The Washington Post he was “not quite there yet” on supporting Ryan':
    the parser hangs 'told' on 'was' as an adverbial; the clause after the listener is the
    content (frames.governing_clause; PolNeAR train sentence)."""
    quotes = quotes_in("The endorsement comes just three days after Trump told The Washington Post he was “not "
                       "quite there yet” on supporting Ryan, who will face challenger Paul Nehlen in a primary on "
                       "Tuesday.")
    texts = [quote.text for quote in quotes if quote.cue == "told" and quote.kind == "indirect"]
    assert texts == ["he was “not quite there yet” on supporting Ryan"], texts


def test_content_running_into_a_quotation_goes_on_to_its_closing_mark():
    """'telling Stephanopolous that “we tell the truth, we deal with the issues”' (PolNeAR
    train): the parser ends the clause at the comma inside the marks; the content takes the
    whole quotation (continuations.through_quotation)."""
    quotes = quotes_in("Carson said he saw no need to change anything about his campaign, telling Stephanopolous "
                       "that “we tell the truth, we deal with the issues” and that he’d seen continued support "
                       "from voters over the past week.")
    texts = [quote.text for quote in quotes if quote.cue == "telling" and quote.kind == "indirect"]
    assert texts and texts[0].startswith("that “we tell the truth, we deal with the issues"), texts


def test_a_verbless_list_or_contrast_after_the_clause_is_reported():
    """'…, but by only 1.5% in the final quarter', '…; £140,000 in Wales; …': the clause goes on
    elliptically (verbless_tail); a clause with a verb of its own after 'and' stays out."""
    quotes = quotes_in("The building society said prices rose 12% over the year, but by only 1.5% in the final "
                       "quarter. Its figures showed the average price was £180,000 in England; £140,000 in Wales; "
                       "£110,000 in Scotland.")
    texts = [quote.text for quote in quotes]
    assert any("by only 1.5% in the final quarter" in text for text in texts), texts
    assert any("£110,000 in Scotland" in text for text in texts), texts


def test_a_second_that_clause_the_parser_read_as_a_determiner_is_reported():
    """'…, but that banks' performance … had been patchy' (BBC sample 25, constructed here): the
    parser makes 'that' a determiner of a possessed subject, which a determiner cannot be
    (continuations._that_misread); the second clause of the finding is reported with the first."""
    quotes = quotes_in("The agency's survey of the scheme found that shoppers had adapted quickly to the new system, "
                       "but that banks' performance in distributing new cards had been patchy.")
    texts = [quote.text for quote in quotes if quote.cue == "found"]
    assert any("banks' performance in distributing new cards had been patchy" in text for text in texts), texts
