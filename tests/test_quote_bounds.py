"""Bounds of indirect attributions (issue 14, session 21): which clause or object a cue verb
reports when the parser hangs the narrator's clause on it."""
from tests.test_quotes import quotes_in


def _rows(text: str, cue: str):
    return [(quote.text, quote.speaker_text) for quote in quotes_in(text) if quote.cue == cue]


def test_a_subordinate_cue_with_an_object_reports_its_object_not_the_clause_before():
    """complements._misparsed_lead_clause: the main clause parsed as the complement of a verb
    after 'because' is the narrator's; the verb's own object is what it reports."""
    text = "Viguerie is upbeat about Cruz’s chances of winning in November, in part because he sees Cruz as a uniter."
    assert _rows(text, "sees") == [("Cruz as a uniter", "he")]


def test_a_postposed_cue_still_reports_the_clause_before_it():
    text = "The economy is recovering faster than expected, the minister told reporters on Monday."
    assert [row[0] for row in _rows(text, "told")] == ["The economy is recovering faster than expected"]
