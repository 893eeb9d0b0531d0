"""Polls as sources (issue 14, session 20): the clause before an 'in … poll' phrase after its
verb is the poll's finding ('Clinton led Sanders more than 2-1 in an NBC News poll'), one
poll only ('in the polls' tells a standing), and a poll phrase before its verb is no source
of the clause it sits in."""
from tests.test_quotes import quotes_in


def _poll_rows(text: str):
    return [quote for quote in quotes_in(text) if quote.cue == "in"]


def test_a_clause_before_a_poll_is_its_finding():
    found = _poll_rows("Clinton led Sanders more than 2-1 in an NBC News/Marist poll last month.")
    assert [(quote.kind, quote.text) for quote in found] == [("indirect", "Clinton led Sanders more than 2-1")]
    assert "poll" in (found[0].speaker_text or "")


def test_a_poll_average_after_a_noun_sources_the_clause():
    found = _poll_rows("She trails the Vermont senator in the RealClearPolitics average of polls by nine points.")
    assert [quote.text for quote in found] == ["She trails the Vermont senator"]


def test_the_polls_in_general_source_nothing():
    assert _poll_rows("Trump has a decisive lead in the polls ahead of the primary.") == []


def test_a_poll_taken_part_in_sources_nothing():
    # (session 21): the poll is what the subject joins, not the source of a finding
    assert _poll_rows("Thousands of pupils will take part in a mock poll next month.") == []
    assert _poll_rows("Only 40 of the members participated in the survey this year.") == []


def test_a_poll_before_its_verb_sources_nothing():
    assert _poll_rows("Trump's rise in the latest poll has alarmed party leaders.") == []


def test_a_stance_holder_predicate_reports_its_object():
    """indirect.stance_predicate: 'X is a vocal advocate of Y' is X's stance on Y."""
    found = [quote for quote in quotes_in("Mr. Ryan is a vocal advocate of free trade deals with Asia.")
             if quote.cue == "advocate"]
    assert [(quote.text, quote.speaker_text) for quote in found] == [("free trade deals with Asia", "Mr. Ryan")]


def test_a_stance_holder_in_apposition_reports_nothing():
    found = quotes_in("Jane Doe, a longtime supporter of Trump, runs a bakery in Ohio.")
    assert not [quote for quote in found if quote.cue == "supporter"]


def test_a_name_compounded_with_a_stance_holder_is_the_content():
    found = [quote for quote in quotes_in("Ms. Jones is a longtime Sanders supporter from Maine.")
             if quote.cue == "supporter"]
    assert [(quote.text, quote.speaker_text) for quote in found] == [("Sanders", "Ms. Jones")]
