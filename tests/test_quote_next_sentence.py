"""A cue after a quotation that ends a sentence is that quotation's only when it carries no content of
its own (quotes/next_sentence.py, issue 14 session 25: BBC sample 25's split quotation). Constructed
sentences, not the sample's text."""
from tests.test_quotes import quotes_in


def test_a_next_sentence_cue_with_its_own_object_leaves_the_quotation_to_the_interposed_cue():
    found = quotes_in("The finance director gave evidence for two days. \"At that point in time,\" Mr Sullivan "
                      "said, referring to the first false entries, \"I knew it was wrong, but I thought we would get "
                      "through it in the short term.\" Mr Sullivan, 42, has already pleaded guilty.")
    direct = [quote for quote in found if quote.kind == "direct"]
    assert len(direct) == 2 and {quote.cue for quote in direct} == {"said"}
    assert {quote.speaker_text for quote in direct} == {"Mr Sullivan"}


def test_a_next_sentence_cue_without_content_still_credits_the_quotation():
    found = quotes_in("\"Did you ever know him to make an accounting entry?\" Mr Weingarten pressed. "
                      "\"We will win this case.\" Mr Weingarten said.")
    assert [(quote.kind, quote.speaker_text) for quote in found] == [("direct", "Mr Weingarten")] * 2


def test_a_next_sentence_listener_verb_object_is_the_one_told_not_a_content():
    found = quotes_in("\"We will win this case in the end.\" Mr Weingarten told reporters.")
    assert [(quote.kind, quote.speaker_text) for quote in found] == [("direct", "Mr Weingarten")]
