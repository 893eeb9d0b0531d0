"""Quotes: reported contents without quotation marks (the real spaCy model on small
constructed texts): objects of attribution verbs, where an indirect content stops, noun and
stance cues, parenthetical and relative-clause cues, naming verbs."""
from __future__ import annotations

import pytest

from pipeline.nlp import load_model
from pipeline.nlp.quotes import cue_type

from tests.test_quotes import _find, _quotes


def test_partial_indirect_and_scare_quotes():
    text = ("President Barack Obama said that the economy was growing faster than expected.\n\n"
            "Mr. Obama called the plan “a reckless gamble” on Friday.\n\n"
            "The so-called “Gang of Eight” met again in Washington.")
    quotes, names = _quotes(text)
    ind = _find(quotes, "the economy was growing")
    assert ind.kind == "indirect" and "Obama" in names[ind.speaker_entity_key]
    part = _find([q for q in quotes if q.kind == "partial"], "a reckless gamble")
    assert part.text == "a reckless gamble" and "Obama" in names[part.speaker_entity_key]
    # the object of "called" is attributed content too (same cue, so one attribution)
    obj = _find([q for q in quotes if q.kind == "indirect"], "the plan")
    assert obj.cue_start == part.cue_start
    assert not [q for q in quotes if "Gang of Eight" in q.text]


def test_object_contents_of_attribution_verbs():
    text = ("Senator Alice Brandt praised the new farm bill on Monday.\n\n"
            "Governor Tom Harris called for an independent investigation of the utility.\n\n"
            "The company denied the report.")
    quotes, names = _quotes(text)
    praised = _find(quotes, "the new farm bill")
    assert praised.kind == "indirect" and praised.cue == "praised" and "Brandt" in names[praised.speaker_entity_key]
    called = _find(quotes, "an independent investigation")
    assert called.kind == "indirect" and "Harris" in names[called.speaker_entity_key]
    denied = _find(quotes, "the report")
    assert denied.kind == "indirect" and denied.cue == "denied"
    # a listener is not content: "told reporters"
    quotes, _ = _quotes("Harris told reporters on Monday.")
    assert not quotes


def test_indirect_content_stops_before_the_narrators_additions():
    text = ("Maria Lopez said her campaign had gained momentum and said that the governor had lost touch "
            "with voters. Ortiz said the vote “should be over by March,” referring to the state primary. "
            "The survey found that voters were worried about prices, though most expected a better year.")
    quotes, names = _quotes(text)
    ind = [q for q in quotes if q.kind == "indirect"]
    first = _find(ind, "her campaign had gained momentum")
    assert "said that" not in first.text and first.text.endswith("momentum")
    second = _find(ind, "the governor had lost touch")
    assert "Lopez" in (second.speaker_text or "")
    vote = _find(ind, "the vote")
    assert "referring" not in vote.text
    poll = _find(ind, "voters were worried")
    assert "though" not in poll.text and poll.text.endswith("prices")


def test_a_conjoined_stance_verb_stays_in_the_reported_clause():
    # (only a conjoined verb of speech is the narrator's next report: PolNeAR files the rest)
    quotes, _names = _quotes("The mayor said the charity is not a lobby group and backs candidates of every party.")
    said = _find([q for q in quotes if q.kind == "indirect"], "the charity is not a lobby group")
    assert said.text.endswith("backs candidates of every party")


def test_seem_and_appear_attribute_the_clause_to_nobody():
    text = "The senator met voters in Ohio on Monday. The Republican leaders seemed deeply worried about the turnout."
    out, _ = _quotes(text)
    q = _find(out, "worried about the turnout")
    assert q.text.startswith("The Republican leaders") and q.cue == "seemed"
    assert q.speaker_start is None and q.speaker_entity_key is None
    assert cue_type(load_model()(text), q) == "stance"
    out, _ = _quotes("The mayor appeared on television on Sunday night.")
    assert not [q for q in out if q.cue == "appeared"]


def test_seem_like_is_an_impression_too():
    """'had previously seemed like an obstacle that could be overcome' (PolNeAR train): a 'like'
    phrase is the complement of a raising verb of impression (frames.raising)."""
    out, _ = _quotes("Where the background check for Syrian refugees had previously seemed like an obstacle that "
                     "could be overcome, now it seemed like an impossible task.")
    q = _find(out, "an obstacle that could be overcome")
    assert q.text.startswith("the background check for Syrian refugees") and q.cue == "seemed"
    assert q.speaker_start is None


# (text, content fragment, cue or None, a word of the speaker or None): cues and speakers of
# reported contents that are no quotation
REPORTED = [
    ("Senator Bernie Sanders is hoping to win the primary in New Hampshire next week.",
     "to win the primary", None, "Sanders"),
    ("Jeb Bush referred to Marco Rubio as a bright leader during the interview on Monday.",
     "Marco Rubio as a bright leader", "referred", "Bush"),
    # noun cues take the possessor or the subject as speaker
    ("Donald Trump's claim that the election was rigged angered many Republicans in Congress.",
     "the election was rigged", "claim", "Trump"),
    ("Hillary Clinton announced a plan to raise taxes on the wealthiest Americans.",
     "raise taxes on the wealthiest", None, "Clinton"),
    ("Senator Elizabeth Warren's criticism of the big banks was sharp on Tuesday.",
     "the big banks", "criticism", "Warren"),
    # an object with its description; 'pointed to'
    ("Many voters in Iowa see Senator Ted Cruz as a uniter of the party.", "Ted Cruz as a uniter", "see", None),
    ("Senator Marco Rubio pointed to his record in the Florida Legislature on Tuesday.",
     "his record in the Florida Legislature", None, "Rubio"),
    # an object takes its complement, and the one urged goes with the infinitive
    ("Senator Bernie Sanders criticized Hillary Clinton for accepting money from Wall Street banks.",
     "Hillary Clinton for accepting money from Wall Street banks", "criticized", "Sanders"),
    ("Governor John Kasich urged Republican voters to reject the politics of anger.",
     "Republican voters to reject the politics of anger", "urged", None),
    # a participle's noun, a passive's agent, a stance adjective's subject
    ("A super PAC backing Jeb Bush spent millions of dollars on television ads in Iowa.", "Jeb Bush", "backing", "PAC"),
    ("The secret meeting between the two candidates was first reported by Politico on Tuesday.",
     "The secret meeting between the two candidates", None, "Politico"),
    ("Senator John McCain has been critical of Donald Trump's foreign policy for months.",
     "Donald Trump's foreign policy", "critical", "McCain"),
    # a 'Name: text' line
    ("Sanders: Brexit vote could draw more support to Trump in the U.S.\n\nThe senator spoke in Vermont.",
     "Brexit vote could draw more support to Trump", ":", "Sanders"),
]


@pytest.mark.parametrize("text, fragment, cue, speaker", REPORTED, ids=[r[1][:30] for r in REPORTED])


def test_reported_content_cue_and_speaker(text, fragment, cue, speaker):
    out, _ = _quotes(text)
    q = _find(out, fragment)
    assert cue is None or q.cue == cue
    assert speaker is None or speaker in (q.speaker_text or "")


def test_clause_running_through_a_quoted_fragment():
    out, _ = _quotes("Hillary Clinton said that her campaign would continue “to break barriers” across the nation.")
    q = next(q for q in out if q.kind == "indirect" and q.cue == "said")
    assert q.text.endswith("across the nation")


def test_trailing_aside_and_non_cues():
    out, _ = _quotes("Jeb Bush said the nominee would be Donald Trump, who has a large lead in the delegate count.")
    q = _find(out, "the nominee would be")
    assert q.text.endswith("Donald Trump")
    out, _ = _quotes("Governor Chris Christie signed the budget bill on Friday afternoon.")
    assert not [q for q in out if q.cue == "signed"]


def test_parenthetical_cue_takes_the_sentence_around_it():
    out, _ = _quotes("In the long run, many economists say, the new tariff could hurt farmers across the Midwest.")
    parts = [q for q in out if q.cue == "say"]
    texts = sorted(q.text for q in parts)
    assert texts == ["In the long run", "the new tariff could hurt farmers across the Midwest"]
    assert len({(q.cue_start, q.speaker_start) for q in parts}) == 1
    out, _ = _quotes("The new budget would cut spending on roads and schools, Senator Mary Jones said.")
    q = _find(out, "The new budget would cut spending on roads and schools")
    assert q.cue == "said" and "Jones" in (q.speaker_text or "")


def test_said_so_yes_and_no_take_the_answer_word():
    out, _ = _quotes("Asked whether he would run again, Governor Tom Wolf said no on Monday.")
    q = next(q for q in out if q.text == "no")
    assert q.cue == "said" and "Wolf" in (q.speaker_text or "")


def test_relative_clause_report_takes_the_relative_word_and_the_clause_after_the_cue():
    text = ("Trump promised a permanent wall at the Mexico border, which he said the Mexican government "
            "should also pay for.")
    quotes, _ = _quotes(text)
    parts = [q for q in quotes if q.cue == "said"]
    assert [q.text for q in parts] == ["which", "the Mexican government should also pay for"]
    assert {q.speaker_text for q in parts} == {"he"}


def test_that_clause_hung_on_an_adjunct_noun_is_the_cue_verbs_content():
    text = "Kirby also said for the first time that some emails between Clinton and Obama have been located."
    quote = _find(_quotes(text)[0], "some emails between Clinton")
    assert quote.cue == "said" and quote.speaker_text == "Kirby"


def test_as_clause_cue_reports_the_clause_it_modifies():
    quote = _find(_quotes("As The Atlantic recently noted, trust in government is collapsing around the world.")[0],
                  "trust in government")
    assert quote.text == "trust in government is collapsing around the world" and quote.cue == "noted"


def test_postposed_cue_the_parser_hung_elsewhere_takes_the_words_before_it():
    text = ("As Trump prepared to speak to supporters on Tuesday, a 15-year-old girl outside the venue was "
            "pepper-sprayed by another bystander, police said.")
    quote = _find(_quotes(text)[0], "pepper-sprayed")
    assert quote.speaker_text == "police" and quote.text.startswith("As Trump prepared")


def test_naming_verb_takes_the_one_named_and_the_name():
    quote = _find(_quotes("Democrats went further, with Martin O'Malley calling Trump a fascist.")[0], "fascist")
    assert quote.text == "Trump a fascist" and quote.cue == "calling"
