"""Quotes: layouts of quotation paragraphs and who can be a speaker (the real spaCy model on
small constructed texts): an interviewer's question before the guest's reply, things that
say nothing, a quotation paragraph after an aside or after narration, a piece with a verb of
its own (pieces of one attribution across a paragraph or a long cue: test_quotes_direct; a
statement announced before a quotation paragraph, a parenthesis before a speaker's colon:
test_quotes_speakers)."""
from __future__ import annotations

from pipeline.nlp.quotes.animacy import inanimate

from tests.test_quotes import _find, _quotes


def test_a_thing_that_says_nothing_is_no_speaker_but_a_record_is():
    assert {"shirt", "microphone", "week"} <= inanimate() and not {"report", "poll", "official"} & inanimate()
    quotes, _ = _quotes("The T-shirts portrayed a young Sanders as a hero of the revolution.")
    assert not [quote for quote in quotes if quote.speaker_text and "shirts" in quote.speaker_text]
    footage = _find(_quotes("Footage from the game shows that several students dressed up in flags.")[0],
                    "several students")
    assert footage.speaker_text == "Footage from the game"


def test_question_before_a_reply_introduced_by_a_colon_is_not_the_guests():
    text = 'The interviewer put it to him: "Are you going to resign?" Mr Kennedy replied: "Absolutely not."'
    quotes, _ = _quotes(text)
    question, answer = _find(quotes, "Are you going to resign"), _find(quotes, "Absolutely not")
    assert answer.speaker_text == "Mr Kennedy" and answer.cue == "replied"
    assert question.cue != "replied" and "Kennedy" not in (question.speaker_text or "")


def test_question_of_a_participle_clause_is_the_interviewers_not_the_guests():
    quotes, _ = _quotes('Asked whether he would resign, Mr Kennedy said: "Absolutely not."')
    assert _find(quotes, "whether he would resign").speaker_text is None
    assert _find(quotes, "Absolutely not").speaker_text == "Mr Kennedy"


def test_clause_on_the_speaker_after_a_quotation_does_not_take_the_next_paragraph():
    # '“…?” said Murphy, who thinks often about …' — the relative clause is an aside of the
    # report; the cue-less quotation paragraph after it goes on with Murphy's attribution
    text = ("\u201cThere's something about all those stories, right?\u201d said Murphy, who thinks often about "
            "the son's reassuring final words to the father.\n\n\u201cI mean, I don't think that all those things "
            "are coincidences.\u201d\n")
    quotes, _ = _quotes(text)
    first, goes_on = _find(quotes, "something about all"), _find(quotes, "I mean")
    assert goes_on.cue_start == first.cue_start is not None and goes_on.speaker_text == "Murphy"


def test_quotation_after_narration_of_its_own_paragraph_does_not_go_on_with_the_last_speaker():
    text = ("“This is not a combat mission,” one senior official said.\n\n"
            "“This is to enable partners on the ground.”\n\n"
            "The raids went on through the winter and the commanders grew bolder. "
            "“I mean, a raid is a combat operation. There is no way around that.”\n")
    quotes, _ = _quotes(text)
    assert _find(quotes, "This is to enable").speaker_text == "one senior official"
    assert not [quote for quote in quotes if quote.text.startswith("I mean") and quote.speaker_text]


def test_piece_introduced_by_a_verb_of_its_own_after_the_cue_is_not_the_split_quotation():
    text = ("“I don't want a fractured convention,” he said, adding, "
            "“We don't want to be in Cleveland fighting for a nomination.”\n")
    quotes, _ = _quotes(text)
    assert _find(quotes, "We don't want").cue == "adding"
