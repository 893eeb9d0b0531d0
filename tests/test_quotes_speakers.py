"""Quotes: who speaks (the real spaCy model on small constructed texts): the subject of a
participle or postposed cue, a name before a colon, relative pronouns, pronouns and role nouns
that continue the person or organization a passage is about, anonymous sources."""
from __future__ import annotations

from tests.test_quotes import _find, _quotes


def test_anonymous_source_has_no_actor():
    text = "“We are not there yet,” a senior State Department official told reporters in Geneva."
    quotes, _ = _quotes(text)
    q = _find(quotes, "We are not there yet")
    assert q.is_anonymous and q.speaker_entity_key is None
    assert q.speaker_text == "a senior State Department official"


def test_participle_cue_takes_the_sentence_subject():
    text = ("Senator Alice Brandt spoke in Dayton on Friday, telling the crowd, "
            "“Some people get a little carried away, have you noticed that?”")
    quotes, names = _quotes(text)
    q = _find(quotes, "Some people get a little carried away")
    assert q.kind == "direct" and q.cue == "telling" and "Brandt" in names[q.speaker_entity_key]


def test_continuation_after_a_closing_paraphrase_takes_its_speaker():
    text = ("Governor Tom Ellis defended the plan on Tuesday.\n\n"
            "“It is the right plan for this state,” Ellis said. The real test was whether schools "
            "would get the money, said Mayor Karen Wu.\n\n"
            "“If the money does not reach the classrooms, nothing else about this plan matters.”")
    quotes, names = _quotes(text)
    cont = _find(quotes, "If the money does not reach")
    assert cont.kind == "direct" and "Wu" in names[cont.speaker_entity_key]
    # without the quotation before it, the paragraph still belongs to the paraphrase's speaker
    text2 = text.replace("“It is the right plan for this state,” Ellis said. ", "")
    quotes2, names2 = _quotes(text2)
    cont2 = _find(quotes2, "If the money does not reach")
    assert "Wu" in names2[cont2.speaker_entity_key]
    # a quotation paragraph after plain narration is nobody's
    text3 = ("The plan was published on Tuesday.\n\n"
             "“If the money does not reach the classrooms, nothing else about this plan matters.”")
    assert not [q for q in _quotes(text3)[0] if q.kind == "direct"]


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
    from spacy.tokens import Doc

    from pipeline.nlp import load_model
    from pipeline.nlp.quotes.syntax import subject_of

    words = ["“", "Trump", "articulates", "it", "differently", ",", "”", "Viguerie", "notes", "."]
    heads = [8, 2, 8, 2, 2, 8, 8, 8, 8, 8]
    deps = ["punct", "compound", "nsubj", "dobj", "advmod", "punct", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps)
    assert subject_of(doc[8]).text == "Viguerie"


def test_participle_cue_parsed_under_the_quotation_before_takes_the_sentence_subject():
    text = ("Hillary Clinton appeared on CBS on Sunday.\n\n"
            "On the show, she stated, “When I look at this, an absence of action by NATO would have turned "
            "Libya into Syria,” adding, “I think maybe 1,500 people were killed last year.”")
    quotes, _ = _quotes(text)
    q = _find(quotes, "I think maybe 1,500")
    assert q.kind == "direct" and q.cue == "adding" and q.speaker_text == "she"


def test_capitalized_name_before_a_colon_is_the_speaker():
    text = ("Online polls are hard to weigh, a new study finds.\n\n"
            "Estimates of civic engagement are particularly problematic - Pew Research: “All the samples "
            "evaluated include more politically engaged individuals than benchmark sources indicate.”")
    quotes, _ = _quotes(text)
    q = _find(quotes, "All the samples evaluated")
    assert q.kind == "direct" and q.cue == ":" and "Research" in (q.speaker_text or "")


def test_postposed_cue_whose_parse_subject_is_the_quotation():
    text = ("Hillary Clinton's advisers met in Iowa on Monday.\n\n"
            "The effort reflects her advisers’ wariness of polls. “It is not the position that everything is "
            "hunky-dory,” Gene Sperling, a top outside Clinton adviser, said at a recent event on the economy in Iowa.")
    quotes, _ = _quotes(text)
    q = _find(quotes, "hunky-dory")
    assert q.kind == "direct" and q.cue == "said" and "Sperling" in (q.speaker_text or "")


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


def test_it_and_the_firm_continue_the_organization_a_passage_is_about():
    text = ("Shares in Multiplex Group, which is building the new Wembley stadium, fell after it said it would "
            "not make any money on the project.\n\nThe Australian firm said it would only break even on the rebuild.")
    quotes, names = _quotes(text)
    assert names[_find(quotes, "not make any money").speaker_entity_key] == "Multiplex Group"
    assert names[_find(quotes, "only break even").speaker_entity_key] == "Multiplex Group"


def test_a_role_description_is_the_person_the_passage_is_about():
    text = ("Nicholas Betts-Green, who had been selected to fight the seat, quit after reports that he attended a "
            "meeting. The former teacher confirmed he had attended the meeting.")
    quotes, names = _quotes(text)
    assert names[_find(quotes, "he had attended the meeting").speaker_entity_key] == "Nicholas Betts-Green"
