"""False-alarm classes of the BBC precision samples 15-26 (issue 14, session 26), one named rule each,
tested on constructed sentences of the same shape."""
import pytest

from tests.test_quotes import quotes_in


@pytest.mark.parametrize("text", [
    "In 2001 the singer was found guilty of tax evasion, but the verdict was overturned.",
    "The airline was declared insolvent last year.",
])
def test_a_status_assigned_by_a_formal_finding_is_no_report(text):
    """speakerless.assigned_status: a passive verb of finding with an adjective and no 'by' agent."""
    assert quotes_in(text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("Such reforms are considered vital for the country.", "vital for the country"),
    ("The airline was declared insolvent by a court in Milan last year.", "insolvent"),
])
def test_a_judgement_or_a_finding_with_its_agent_is_still_reported(text, content):
    assert content in [quote.text for quote in quotes_in(text)]
