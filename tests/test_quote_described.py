"""Passive descriptions (issue 14, session 16): 'X is seen as Y', 'X has been mentioned as Y',
'X is expected to …' — subject and description are one attribution, of the 'by' agent or of
nobody."""
from tests.test_quotes import quotes_in


def test_seen_as_takes_subject_and_description():
    found = quotes_in("Twitter is increasingly seen as a source of news and information.")
    texts = {quote.text for quote in found}
    assert "Twitter" in texts and "a source of news and information" in texts
    assert all(quote.speaker_text is None and quote.cue == "seen" for quote in found)


def test_the_agent_of_a_description_is_its_speaker():
    found = quotes_in("The plan was described by the Treasury as a stealth tax on pensioners.")
    assert {quote.text for quote in found} >= {"The plan", "a stealth tax on pensioners"}
    assert {quote.speaker_text for quote in found} == {"the Treasury"}


def test_a_passive_without_a_description_is_no_description():
    found = quotes_in("The bill was signed on Tuesday.")
    assert found == []


def test_a_parenthetical_cue_takes_a_sentence_with_a_quoted_fragment():
    found = quotes_in("The club's heavy investment in its facilities, he said, “is a perfect example of adapting” "
                         "to the changing economics of golf.")
    indirect = [quote for quote in found if quote.kind == "indirect"]
    assert any(quote.text.startswith("The club's heavy investment") for quote in indirect)
    assert any("changing economics of golf" in quote.text for quote in indirect)
