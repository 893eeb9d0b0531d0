"""Quotes: layouts of quotation paragraphs and who can be a speaker (the real spaCy model on
small constructed texts): a quotation running on into a paragraph with its own cue, a
statement announced before a quotation paragraph, a parenthesis before a speaker's colon,
an interviewer's question before the guest's reply, things that say nothing."""
from __future__ import annotations

from tests.test_quotes import _find, _quotes


def test_quotation_running_on_into_a_paragraph_with_its_own_cue_takes_that_cue():
    text = ('"We need steady hands," Clinton told the crowd. "Not a president who changes his mind every day '
            'because everything is negotiable.\n\n"Well, my friends, security is not negotiable!" she said.\n')
    quotes, _ = _quotes(text)
    run_on, closing = _find(quotes, "Not a president"), _find(quotes, "Well, my friends")
    assert run_on.cue == closing.cue == "said" and run_on.cue_start == closing.cue_start


def test_quotation_paragraph_after_an_announced_statement_is_that_statement():
    text = ("At the chairwoman's direction, the committee issued a statement apologizing to Sanders for the emails.\n\n"
            "\u201cOn behalf of everyone at the committee, we want to offer a deep and sincere apology to Senator "
            "Sanders and his supporters.\u201d\n")
    quote = _find(_quotes(text)[0], "On behalf of everyone")
    assert quote.kind == "direct" and quote.cue == "issued" and quote.speaker_text == "the committee"


def test_parenthesis_between_a_name_and_its_colon_is_skipped():
    text = 'At the hearing the exchange went on.\n\nSen. John Smith (R-Texas): "Who told you that figure?"\n'
    quote = _find(_quotes(text)[0], "Who told you")
    assert quote.kind == "direct" and "Smith" in (quote.speaker_text or "")


def test_a_thing_that_says_nothing_is_no_speaker_but_a_record_is():
    from pipeline.nlp.quotes.animacy import inanimate

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


def test_he_who_replies_to_a_question_is_the_one_it_was_put_to():
    quotes, names = _quotes('John Humphrys asked Mr Blair whether he regretted the war. "No, I do not," he replied.')
    assert names[_find(quotes, "No, I do not").speaker_entity_key] == "Mr Blair"


def test_clause_on_the_speaker_after_a_quotation_does_not_take_the_next_paragraph():
    # '“…?” said Murphy, who thinks often about …' — the relative clause is an aside of the
    # report; the cue-less quotation paragraph after it goes on with Murphy's attribution
    text = ("\u201cThere's something about all those stories, right?\u201d said Murphy, who thinks often about "
            "the son's reassuring final words to the father.\n\n\u201cI mean, I don't think that all those things "
            "are coincidences.\u201d\n")
    quotes, _ = _quotes(text)
    first, goes_on = _find(quotes, "something about all"), _find(quotes, "I mean")
    assert goes_on.cue_start == first.cue_start is not None and goes_on.speaker_text == "Murphy"


def test_speech_verb_hung_on_the_noun_phrase_after_the_mark_is_the_cue():
    # the parser takes 'asked' / 'tweeted' for a modifier of the noun phrase before it
    text = ("The actor posted the clip to YouTube on Thursday.\n\n\u201cWhat if Donald Trump had elocution "
            "lessons?\u201d the 43-year-old asked in the video\u2019s description.\n")
    quote = _find(_quotes(text)[0], "elocution")
    assert quote.kind == "direct" and quote.cue == "asked" and quote.speaker_text == "the 43-year-old"


def test_quotation_after_narration_of_its_own_paragraph_does_not_go_on_with_the_last_speaker():
    text = ("“This is not a combat mission,” one senior official said.\n\n"
            "“This is to enable partners on the ground.”\n\n"
            "The raids went on through the winter and the commanders grew bolder. "
            "“I mean, a raid is a combat operation. There is no way around that.”\n")
    quotes, _ = _quotes(text)
    assert _find(quotes, "This is to enable").speaker_text == "one senior official"
    assert not [quote for quote in quotes if quote.text.startswith("I mean") and quote.speaker_text]


def test_second_piece_of_a_quotation_split_by_a_long_cue_takes_that_cue():
    text = ("Some economists warn of side effects.\n\n"
            "\"The risk,\" said Edward Leamer, an economist who is the director of the UCLA Anderson Forecast, "
            "\"is that we're going to be attracting workers and repelling jobs.\"\n")
    quotes, _ = _quotes(text)
    first, second = _find(quotes, "The risk"), _find(quotes, "is that we're")
    assert first.kind == second.kind == "direct" and first.cue_start == second.cue_start
    assert second.speaker_start == first.speaker_start is not None


def test_piece_introduced_by_a_verb_of_its_own_after_the_cue_is_not_the_split_quotation():
    text = ("“I don't want a fractured convention,” he said, adding, "
            "“We don't want to be in Cleveland fighting for a nomination.”\n")
    quotes, _ = _quotes(text)
    assert _find(quotes, "We don't want").cue == "adding"
