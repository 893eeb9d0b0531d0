"""Quotes: who speaks (the real spaCy model on small constructed texts): the subject of a
participle or postposed cue, a name before a colon, relative pronouns, pronouns and role nouns
that continue the person or organization a passage is about, the one a question was put to,
anonymous sources."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.nlp import load_model
from pipeline.nlp.quotes.syntax import subject_of

from tests.test_quotes import _find, _quotes

# (text, a fragment of a direct quotation, its cue, its speaker's words): the speaker of a
# participle cue parsed under the quotation before, of a verb right before the mark, of a
# statement announced before a quotation paragraph, of a speech verb the parser hung on the
# noun phrase after the mark
DIRECT_SPEAKER = [
    ("Hillary Clinton appeared on CBS on Sunday.\n\n"
     "On the show, she stated, “When I look at this, an absence of action by NATO would have turned "
     "Libya into Syria,” adding, “I think maybe 1,500 people were killed last year.”",
     "I think maybe 1,500", "adding", "she"),
    ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
     "When she walked on stage, her supporters chanted “Four more years! Four more years!”",
     "Four more years", "chanted", "her supporters"),
    ("At the chairwoman's direction, the committee issued a statement apologizing to Sanders for the emails.\n\n"
     "\u201cOn behalf of everyone at the committee, we want to offer a deep and sincere apology to Senator "
     "Sanders and his supporters.\u201d\n",
     "On behalf of everyone", "issued", "the committee"),
    ("The actor posted the clip to YouTube on Thursday.\n\n\u201cWhat if Donald Trump had elocution "
     "lessons?\u201d the 43-year-old asked in the video\u2019s description.\n",
     "elocution", "asked", "the 43-year-old"),
]

# "barked" / "shot back" are in no lexicon: a verb right after “…,” or before ', “' is the cue
UNLISTED_VERBS = ("Governor Tom Harris met farmers in Ohio on Tuesday.\n\n"
                  "“Go back to your office,” Harris barked.\n\n"
                  "Mary Chen, a farmer, shot back, “You never listen to anybody out here.”")
COLON_INTRODUCTIONS = ("The pollster Daniel Moreno studied the results.\n\n"
                       "More from Moreno: “Turnout was much higher than anyone had predicted this year.”\n\n"
                       "Senator Alice Brandt leaned in and boomed: “We will win this state in November.”\n\n"
                       "The Ohio farmer Walter Pike echoed:\n\n"
                       "“The harvest was bad, and the prices were worse.”")

# (text, a fragment of a direct quotation, its cue, a word of the name of its speaker's actor):
# the sentence subject of a participle cue, verbs in no lexicon, colon introductions without
# a speech verb
DIRECT_ACTOR = [
    ("Senator Alice Brandt spoke in Dayton on Friday, telling the crowd, "
     "“Some people get a little carried away, have you noticed that?”",
     "Some people get a little carried away", "telling", "Brandt"),
    (UNLISTED_VERBS, "Go back to your office", "barked", "Harris"),
    (UNLISTED_VERBS, "You never listen", "shot", "Chen"),
    (COLON_INTRODUCTIONS, "Turnout was much higher", ":", "Moreno"),
    (COLON_INTRODUCTIONS, "We will win this state", "boomed", "Brandt"),
    (COLON_INTRODUCTIONS, "The harvest was bad", "echoed", "Pike"),
]

# (text, a fragment of a direct quotation, its cue, a word of its speaker's words): a
# capitalized name before a colon, a postposed cue whose parse subject is the quotation, a
# parenthesis between a name and its colon (skipped)
DIRECT_SPEAKER_WORD = [
    ("Online polls are hard to weigh, a new study finds.\n\n"
     "Estimates of civic engagement are particularly problematic - Pew Research: “All the samples "
     "evaluated include more politically engaged individuals than benchmark sources indicate.”",
     "All the samples evaluated", ":", "Research"),
    ("Hillary Clinton's advisers met in Iowa on Monday.\n\n"
     "The effort reflects her advisers’ wariness of polls. “It is not the position that everything is "
     "hunky-dory,” Gene Sperling, a top outside Clinton adviser, said at a recent event on the economy in Iowa.",
     "hunky-dory", "said", "Sperling"),
    ('At the hearing the exchange went on.\n\nSen. John Smith (R-Texas): "Who told you that figure?"\n',
     "Who told you", ":", "Smith"),
]

# (text, a fragment of a report, the canonical name of its speaker's actor): pronouns and role
# nouns that continue the organization or person a passage is about, the one a question was put to
ACTOR_OF_SPEAKER = [
    ("Shares in Multiplex Group, which is building the new Wembley stadium, fell after it said it would "
     "not make any money on the project.\n\nThe Australian firm said it would only break even on the rebuild.",
     "not make any money", "Multiplex Group"),
    ("Shares in Multiplex Group, which is building the new Wembley stadium, fell after it said it would "
     "not make any money on the project.\n\nThe Australian firm said it would only break even on the rebuild.",
     "only break even", "Multiplex Group"),
    ("Nicholas Betts-Green, who had been selected to fight the seat, quit after reports that he attended a "
     "meeting. The former teacher confirmed he had attended the meeting.",
     "he had attended the meeting", "Nicholas Betts-Green"),
    ('John Humphrys asked Mr Blair whether he regretted the war. "No, I do not," he replied.',
     "No, I do not", "Mr Blair"),
]


@pytest.mark.parametrize("text, fragment, cue, speaker", DIRECT_SPEAKER, ids=[row[1] for row in DIRECT_SPEAKER])
def test_direct_quote_cue_and_speaker(text, fragment, cue, speaker):
    q = _find(_quotes(text)[0], fragment)
    assert q.kind == "direct" and q.cue == cue and q.speaker_text == speaker


@pytest.mark.parametrize("text, fragment, cue, word", DIRECT_SPEAKER_WORD, ids=[row[1] for row in DIRECT_SPEAKER_WORD])
def test_direct_quote_cue_and_a_word_of_the_speaker(text, fragment, cue, word):
    q = _find(_quotes(text)[0], fragment)
    assert q.kind == "direct" and q.cue == cue and word in (q.speaker_text or "")


@pytest.mark.parametrize("text, fragment, cue, actor", DIRECT_ACTOR, ids=[row[1] for row in DIRECT_ACTOR])
def test_direct_quote_cue_and_actor(text, fragment, cue, actor):
    quotes, names = _quotes(text)
    q = _find(quotes, fragment)
    assert q.kind == "direct" and q.cue == cue and actor in names[q.speaker_entity_key]


@pytest.mark.parametrize("text, fragment, actor", ACTOR_OF_SPEAKER, ids=[row[1] for row in ACTOR_OF_SPEAKER])
def test_actor_of_the_speaker(text, fragment, actor):
    quotes, names = _quotes(text)
    assert names[_find(quotes, fragment).speaker_entity_key] == actor


def test_anonymous_source_has_no_actor():
    text = "“We are not there yet,” a senior State Department official told reporters in Geneva."
    quotes, _ = _quotes(text)
    q = _find(quotes, "We are not there yet")
    assert q.is_anonymous and q.speaker_entity_key is None
    assert q.speaker_text == "a senior State Department official"


def _direct_speaker(text: str, start: str) -> tuple:
    """(kind, has a speaker, speaker's last name) of the quotation that begins with `start`."""
    quotes, names = _quotes(text)
    found = _find(quotes, start)
    name = names.get(found.speaker_entity_key, "") if found.speaker_entity_key else ""
    return found.kind, bool(name), name.split()[-1] if name else ""


def test_continuation_after_a_closing_paraphrase_takes_its_speaker():
    text = ("Governor Tom Ellis defended the plan on Tuesday.\n\n"
            "“It is the right plan for this state,” Ellis said. The real test was whether schools "
            "would get the money, said Mayor Karen Wu.\n\n"
            "“If the money does not reach the classrooms, nothing else about this plan matters.”")
    assert _direct_speaker(text, "If the money does not reach") == ("direct", True, "Wu")
    # without the quotation before it, the paragraph still belongs to the paraphrase's speaker
    text2 = text.replace("“It is the right plan for this state,” Ellis said. ", "")
    quotes2, names2 = _quotes(text2)
    cont2 = _find(quotes2, "If the money does not reach")
    assert "Wu" in names2[cont2.speaker_entity_key]
    # a quotation paragraph after plain narration is nobody's
    text3 = ("The plan was published on Tuesday.\n\n"
             "“If the money does not reach the classrooms, nothing else about this plan matters.”")
    assert not [q for q in _quotes(text3)[0] if q.kind == "direct"]


def test_a_cueless_quotation_after_another_speakers_report_is_that_speakers():
    # (BBC business/151, outside the gold and the precision samples: the BBC texts run a story's
    # paragraphs together)
    text = ("Split over UK interest rates\n\nThe Bank's minutes said that risks to the inflation forecast were \"sufficiently to the downside\" "
            "to keep rates on hold. However, the minutes added: \"Some members noted that an increase might be "
            "warranted in due course\". Ross Walker, UK economist at Royal Bank of Scotland, said he was surprised "
            "that a dissenting vote had been made so soon. He said the minutes appeared to be \"trying to get the "
            "market to focus on the possibility of a rise in rates\". \"If the economy pans out as they expect "
            "then they are probably going to have to hike rates.\"")
    assert _direct_speaker(text, "If the economy pans out") == ("direct", True, "Walker")


def test_cue_without_a_parsed_subject_and_by_saying():
    text = ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
            "“Hillary Clinton believes that cooperation is strongest when Europe is united.”\n\n"
            "President Barack Obama ended his speech by saying “Too many families have lost someone.”")
    quotes, names = _quotes(text)
    q = _find(quotes, "Hillary Clinton believes")
    assert q.kind == "direct" and "Sullivan" in (q.speaker_text or "")
    q2 = _find(quotes, "Too many families")
    assert q2.speaker_entity_key and "Obama" in names[q2.speaker_entity_key]


def test_cue_after_the_quote_takes_the_nearest_subject():
    # a parse seen on PolNeAR: a word inside the quotation hung on the cue as a second
    # subject ('“… Trump articulates it differently,” Viguerie notes') — the nearest one speaks


    words = ["“", "Trump", "articulates", "it", "differently", ",", "”", "Viguerie", "notes", "."]
    heads = [8, 2, 8, 2, 2, 8, 8, 8, 8, 8]
    deps = ["punct", "compound", "nsubj", "dobj", "advmod", "punct", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps)
    assert subject_of(doc[8]).text == "Viguerie"


def test_relative_pronoun_speaker_is_its_antecedent_and_wh_words_are_nobody():
    text = ("Officials pointed to the Associated Press, which said the foundation had received "
            "millions from foreign donors. Kerry said the talks had “narrowed down some of the options.” "
            "But he gave no details on what matters were agreed.")
    quotes, names = _quotes(text)
    report = _find(quotes, "the foundation had received")
    assert report.speaker_text == "the Associated Press"
    assert all((q.speaker_text or "").lower() not in ("what", "which") for q in quotes)


def test_he_continues_the_previous_reports_speaker_not_a_name_inside_its_content():
    text = ("Ed Balls, a former adviser to the Treasury, said there would be no spending spree.\n\n"
            "Mr Balls, who stepped down from his post, had suggested that Mr Brown would meet his golden rule. "
            "He said he hoped more would be done to build on tax credits.")
    quotes, names = _quotes(text)
    hoped = _find(quotes, "he hoped more would be done")
    assert hoped.speaker_text == "He" and names[hoped.speaker_entity_key] == "Ed Balls"
    assert names[_find(quotes, "Mr Brown would meet").speaker_entity_key] == "Ed Balls"
