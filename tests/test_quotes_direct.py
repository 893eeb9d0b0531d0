"""Quotes: the forms of a direct quotation and the cue that introduces it (the real spaCy model
on small constructed texts): split quotations, paragraph continuations, colon introductions,
partial quotations inside reported clauses, dash credits (unlisted verbs and colon
introductions without a speech verb: test_quotes_speakers' DIRECT_ACTOR)."""
from __future__ import annotations

import pytest

from pipeline.nlp.quotes.narration import join_run_together
from pipeline.records import Quote
from tests.test_quotes import _find, _quotes, quotes_in

# Pieces of quotation that are one attribution — the same cue, speaker and actor — across a
# cue between them, a paraphrase aside, a sentence of narration after the cue, a paragraph break:
SPLIT_BY_THE_CUE = ("Senator Maria Lopez spoke on Monday.\n\n"
                    "“We will not give up,” Ms. Lopez said, “because the voters deserve better.”")
# a quotation going on after a partial one
GOING_ON_AFTER_A_PARTIAL = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
                            "The tax plans are “deeply irresponsible,” Lopez said. "
                            "“They would leave the schools without money.”")
# a cue with a clause of its own after a full sentence is another report
REPORT_AFTER_THE_QUOTATION = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
                              "“Judge,” her lawyer Tom Reyes said, “I have never seen this happen in thirty years.” "
                              "Reluctantly, Reyes said he had come to the same conclusion.")
# an aside paraphrase inside the paragraph does not split the quotation
ASIDE_PARAPHRASE = ("Maria Lopez has worked at the plant for twenty years.\n\n"
                    "“It is pretty cool working there,” she said, describing how she carefully puts together "
                    "“tubular mixers,” batches of rods that control the air flow in the furnaces. "
                    "“And when you do it for sixty hours a week, people are like family.”")
# a cue inside the next sentence is not the postposed cue of a full sentence
CUE_IN_THE_NEXT_SENTENCE = ("Adam Kaplan writes television shows in Los Angeles.\n\n"
                            "“MacGyver is a name that is in the culture,” he said. "
                            "“If you see that, you know what you are getting.” "
                            "That is why, he added, viewers often see endless sequels.")
# the second piece of a quotation split by a long cue takes that cue
SPLIT_BY_A_LONG_CUE = ("Some economists warn of side effects.\n\n"
                       "\"The risk,\" said Edward Leamer, an economist who is the director of the UCLA Anderson "
                       "Forecast, \"is that we're going to be attracting workers and repelling jobs.\"\n")
# a quotation running on into a paragraph with its own cue takes that cue
RUNNING_ON_TO_A_CUE = ('"We need steady hands," Clinton told the crowd. "Not a president who changes his mind '
                       'every day because everything is negotiable.\n\n'
                       '"Well, my friends, security is not negotiable!" she said.\n')

# (text, start of one piece, start of another, their kind, their cue, a word of the speaker's
# actor or None)
ONE_ATTRIBUTION = [
    (SPLIT_BY_THE_CUE, "We will not give up", "because the voters deserve better", "direct", "said", "Lopez"),
    (GOING_ON_AFTER_A_PARTIAL, "deeply irresponsible", "They would leave the schools", "partial", "said", None),
    (REPORT_AFTER_THE_QUOTATION, "Judge", "I have never seen this", "direct", "said", None),
    (ASIDE_PARAPHRASE, "It is pretty cool", "And when you do it", "direct", "said", None),
    (CUE_IN_THE_NEXT_SENTENCE, "MacGyver is a name", "If you see that", "direct", "said", None),
    (SPLIT_BY_A_LONG_CUE, "The risk", "is that we're", "direct", "said", None),
    (RUNNING_ON_TO_A_CUE, "Not a president", "Well, my friends", "direct", "said", None),
]


def _starting(quotes, start: str):
    hits = [q for q in quotes if q.text.startswith(start)]
    assert hits, f"no quote starting {start!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.parametrize("text, first, second, kind, cue, actor", ONE_ATTRIBUTION,
                         ids=[row[1][:30] for row in ONE_ATTRIBUTION])
def test_pieces_of_one_attribution_share_cue_and_speaker(text, first, second, kind, cue, actor):
    quotes, names = _quotes(text)
    a, b = _starting(quotes, first), _starting(quotes, second)
    assert a.kind == b.kind == kind and a.cue == b.cue == cue
    assert (a.cue_start, a.speaker_start, a.speaker_entity_key) == (b.cue_start, b.speaker_start, b.speaker_entity_key)
    assert a.speaker_start is not None
    assert actor is None or actor in names[a.speaker_entity_key]


def test_paragraph_continuation_and_he_added():
    text = ("Governor Tom Harris met farmers in Ohio on Tuesday.\n\n"
            "“The drought has been terrible for everyone here. We lost half the harvest.\n\n"
            "“But we will rebuild, and the state will help,” Mr. Harris said.\n\n"
            "Mary Chen, a farmer, disagreed with him.\n\n"
            "“Help never arrives on time,” Ms. Chen said. “It is always too late,” she added.")
    quotes, names = _quotes(text)
    first = _find(quotes, "The drought has been terrible")
    second = _find(quotes, "But we will rebuild")
    assert first.cue_start == second.cue_start and first.kind == "direct"
    assert "Harris" in names[first.speaker_entity_key]
    added = _find(quotes, "It is always too late")
    assert added.cue == "added" and added.speaker_text == "she"
    assert "Chen" in names[added.speaker_entity_key]


def test_colon_intro_and_inverted_and_nested_single_quotes():
    text = ("Secretary of State John Kerry told Sergey Lavrov: “We need a real ceasefire now.”\n\n"
            "“The people are just saying, ‘Enough,’ and we hear them,” said Mr. Kerry.")
    quotes, names = _quotes(text)
    colon = _find(quotes, "We need a real ceasefire")
    assert colon.cue == "told" and "Kerry" in names[colon.speaker_entity_key] and colon.kind == "direct"
    inverted = _find(quotes, "The people are just saying")
    assert "‘Enough,’" in inverted.text  # the nested single quote stays inside
    assert inverted.cue == "said" and "Kerry" in names[inverted.speaker_entity_key]
    assert not [q for q in quotes if q.text.startswith("Enough")]


def test_according_to_and_organization_speaker():
    text = ("“The talks will resume next week,” according to the Russian Foreign Ministry.\n\n"
            "The Russian Foreign Ministry said in a statement that the meeting had been productive.")
    quotes, names = _quotes(text)
    acc = _find(quotes, "The talks will resume")
    assert acc.kind == "direct" and acc.cue == "according to"
    assert acc.speaker_entity_key and "Ministry" in names[acc.speaker_entity_key]
    ind = _find(quotes, "the meeting had been productive")
    assert ind.kind == "indirect" and ind.speaker_entity_key == acc.speaker_entity_key


def test_sentence_final_quote_does_not_take_the_next_introduction():
    text = ("“We will win this district,” Mayor Dan Ortiz said. “Our volunteers knocked on every door.” "
            "He went on to say:\n\n"
            "“Nobody has worked harder than the people in this room tonight.”")
    quotes, names = _quotes(text)
    second = _find(quotes, "Our volunteers knocked")
    assert second.cue == "said"
    assert "Ortiz" in names[second.speaker_entity_key]
    third = _find(quotes, "Nobody has worked harder")
    assert third.cue_start != second.cue_start and third.speaker_text == "He"


def test_quotation_paragraph_continues_across_the_blank_line():
    text = ("Senator Maria Lopez spoke at the hearing on Monday.\n\n"
            "“We will not accept these cuts to rural hospitals,” Lopez said.\n\n"
            "“The families in my district deserve better than this budget, and they know it.”\n\n"
            "The committee adjourned at noon.")
    quotes, names = _quotes(text)
    first = _find(quotes, "We will not accept")
    cont = _find(quotes, "The families in my district")
    assert cont.kind == "direct" and cont.speaker_text == first.speaker_text == "Lopez"
    # one attribution: the continuation keeps the cue and speaker spans of the quotation it continues
    assert (cont.cue_start, cont.speaker_start) == (first.cue_start, first.speaker_start)


def test_quotation_inside_a_reported_clause_is_partial():
    # the words before the mark belong to the reported clause ('said that …, “…”', 'says if
    # elected “…”', 'An economic downturn, he said, “could …”'): a quotation inside narration
    text = ("Senator Mark Ellison spoke in Dayton on Monday.\n\n"
            "Ellison said that whatever the voters decide in March, “they should not expect miracles from Congress.”\n\n"
            "A long recession, he said, “could be a good time to fix the roads and bridges.”\n\n"
            "Ellison told reporters on Monday, “We will not raise taxes on working families this year.”")
    quotes, names = _quotes(text)
    for frag in ("they should not expect miracles", "could be a good time"):
        q = _find([q for q in quotes if q.kind != "indirect"], frag)
        assert q.kind == "partial", (frag, q.kind)
        assert "Ellison" in names[q.speaker_entity_key]
    q = _find(quotes, "We will not raise taxes")  # listener and time before the comma: still direct
    assert q.kind == "direct" and "Ellison" in names[q.speaker_entity_key]


# a quotation running on into narration, before its cue's clause goes on or before its postposed cue
BREAKS_MY_HEART = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
                   "Governor Maria Lopez said “it breaks my heart” every time she visits the flooded towns along "
                   "the river.\n\n"
                   "Lopez said, “We will fight,” and left the stage.")
FRUSTRATED_AND_HORRIFIED = ("The imam of the mosque in Fort Pierce spoke to reporters on Monday.\n\n"
                            "“We are frustrated and horrified” by the shooting at the nightclub in Orlando, "
                            "Nefzi said.")

# (text, the quotation, the rest of the clause after it, their cue): the rest is an indirect
# report of the same attribution
RUNNING_ON_INTO_NARRATION = [
    (BREAKS_MY_HEART, "it breaks my heart", "every time she visits the flooded towns along the river", "said"),
    (FRUSTRATED_AND_HORRIFIED, "We are frustrated and horrified", "by the shooting at the nightclub in Orlando", "said"),
]


@pytest.mark.parametrize("text, quotation, rest_of_clause, cue", RUNNING_ON_INTO_NARRATION,
                         ids=[row[1] for row in RUNNING_ON_INTO_NARRATION])
def test_quotation_running_on_into_narration_keeps_the_rest_of_the_clause(text, quotation, rest_of_clause, cue):
    quotes, _ = _quotes(text)
    q = _find(quotes, quotation)
    assert q.kind == "direct" and q.text == quotation and q.cue == cue
    rest = [r for r in quotes if r.cue_start == q.cue_start and r is not q]
    assert [r.text for r in rest] == [rest_of_clause]
    assert rest[0].kind == "indirect" and rest[0].speaker_start == q.speaker_start


def test_quotation_ending_in_a_comma_leaves_the_rest_to_the_narrator():
    quotes, _ = _quotes(BREAKS_MY_HEART)
    fight = _find(quotes, "We will fight")
    assert not [r for r in quotes if r.cue_start == fight.cue_start and r is not fight and "left" in r.text]


def test_clause_introducing_the_next_quotation_is_not_the_cue_of_the_one_before():
    text = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
            "Asked about the budget, Lopez replied, “We cannot cut the hospitals.” She added, "
            "“The schools come next.”")
    quotes, _ = _quotes(text)
    first, second = _find(quotes, "We cannot cut"), _find(quotes, "The schools come next")
    assert (first.cue, second.cue) == ("replied", "added")
    assert first.kind == second.kind == "direct"


def test_titles_in_marks_inside_a_sentence_are_no_quotations():
    text = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
            "“We will rebuild the bridges,” Lopez said during an interview on NBC’s “Meet the Press” on Sunday.\n\n"
            "In her new book, “A Time for Courage,” published in May, Lopez described her childhood in Texas.\n\n"
            "When she walked on stage, her supporters chanted “Four More Years!”")
    quotes, _ = _quotes(text)
    assert not [q for q in quotes if "Meet the Press" in q.text or "A Time for Courage" in q.text]
    q = _find(quotes, "We will rebuild")
    assert q.kind == "direct" and q.cue == "said"
    assert _find(quotes, "Four More Years").kind == "direct"


def test_quotation_opening_the_reported_content_is_direct():
    text = ("Donald Trump spoke in Ohio on Monday.\n\n"
            "Trump renewed his call for “a total and complete ban” on all Muslims entering the United States.")
    quotes, _ = _quotes(text)
    q = next(q for q in quotes if q.text == "a total and complete ban")
    assert q.kind == "direct" and q.cue == "call"
    rest = [r for r in quotes if r.kind == "indirect" and r.cue_start == q.cue_start]
    assert rest and rest[0].start == q.start and rest[0].speaker_start == q.speaker_start


def test_participle_clause_after_the_cue_is_the_cue_of_a_quotation_inside_it():
    text = ("The band Red Hot Chili Peppers played in Los Angeles on Friday.\n\n"
            "“We had written two dozen songs before we got with the producer,” Anthony Kiedis said, "
            "mentioning the long-awaited album is “in the home stretch.”")
    quotes, _ = _quotes(text)
    a, b = _find(quotes, "two dozen songs"), _find(quotes, "in the home stretch")
    assert a.kind == "direct" and a.cue == "said"
    assert b.kind == "partial" and b.cue == "mentioning" and (a.cue_start, a.speaker_start) != (b.cue_start, b.speaker_start)


def test_narration_before_a_quotation_with_a_postposed_cue_makes_it_partial():
    text = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
            "If the bill passes, “I think it will fill a very deep hole in the budget,” Lopez said.\n\n"
            "“We will pass it,” Lopez said.")
    quotes, _ = _quotes(text)
    assert next(q for q in quotes if q.text.startswith("I think it will fill")).kind == "partial"
    assert _find(quotes, "We will pass it").kind == "direct"


def test_quotation_paragraph_credited_by_a_dash_line():
    text = ("The candidates traded claims about taxes in the debate on Thursday.\n\n"
            "“Boeing and General Electric and other multinationals pay zero taxes.”\n\n"
            "- Bernie Sanders.\n\n"
            "“There’s a real revolution in the United States.”\n\n"
            "– An immigrant himself –.")
    quotes, _ = _quotes(text)
    q = _find(quotes, "pay zero taxes")
    assert q.kind == "direct" and q.cue == "-" and "Sanders" in (q.speaker_text or "")
    assert not [r for r in quotes if "real revolution" in r.text and r.cue in ("–", "-")]


def test_quotation_credited_after_a_dash_to_a_name():
    """Vox pops and epigraphs: '“…” ― Name' at the end of the line; the dash is the cue."""
    text = ("Readers told us what they thought of the debate.\n\n"
            "“He never answered the question about the economy. I was not impressed at all.” ― Maria Gonzalez\n"
            "“The best night of the whole campaign so far, by a mile.” — Tom Baker.\n"
            "“We will see what happens next,” — says the mayor.\n")
    quotes, names = _quotes(text)
    first = _find(quotes, "He never answered")
    assert first.kind == "direct" and first.speaker_text == "Maria Gonzalez" and first.cue == "―"
    assert "Maria Gonzalez" in names[first.speaker_entity_key]
    second = _find(quotes, "The best night")
    assert second.kind == "direct" and second.speaker_text == "Tom Baker"
    assert all(q.speaker_text != "says" for q in quotes)


def test_participle_clause_after_a_quotation_introduces_the_next_one():
    """cues._participle_introducing_next: 'before asking him, “…”' is the cue of the quotation
    after it; the quotation before takes the verb before the participle (any_verb_after), two
    attributions of one speaker — not one quotation split by 'asking'."""
    text = ("The singer visited the town hall on Monday.\n\n“Keep your promise to the town,” Ann Lee sings to the "
            "mayor before asking him, “Where do we go from here?”")
    quotes = quotes_in(text)
    assert [(q.kind, q.text, q.cue, q.speaker_text) for q in quotes] == [
        ("direct", "Keep your promise to the town,", "sings", "Ann Lee"),
        ("direct", "Where do we go from here?", "asking", "Ann Lee")]


def test_an_uncued_quotation_run_together_over_paragraphs_is_one_row():
    """'"… difficult to grasp. "Yet Britain's response …"': the second mark opens the next
    paragraph of the same quotation (BBC texts run paragraphs together); with no cue of its
    own the quotation is one row, not one per paragraph (narration.join_run_together; BBC
    precision sample 18, politics/367)."""
    found = quotes_in('"Britain is heading in the wrong direction," Mr Howard said in his New Year message. The '
                      'catastrophe was overshadowing the hopes for the future, Mr Howard said.\n\n"We watched the '
                      'scenes of destruction with a sense of disbelief. The scale of what happened is difficult to '
                      'grasp. "Yet Britain\'s response has shone a light on our nation\'s character." He went on to '
                      'reflect on the values of Britons.')
    uncued = [quote for quote in found if quote.kind == "direct" and quote.cue_start is None]
    assert len(uncued) == 1, [(quote.cue, quote.text) for quote in found]
    assert uncued[0].text.startswith("We watched") and uncued[0].text.endswith("nation's character.")
    assert uncued[0].speaker_text == "Mr Howard"


def test_run_together_pieces_without_a_speaker_stay_apart():
    """join_run_together joins pieces of one known speaker only: two uncued quotations whose
    speaker is unknown (speaker_start None) may be two people's, so they stay two rows."""
    text = '"We lost. "We will win next time."'
    first = Quote(1, 9, text[1:9], "direct", None, None, None)
    second = Quote(11, 33, text[11:33], "direct", None, None, None)
    assert [quote.text for quote in join_run_together(text, [first, second])] == ["We lost.", "We will win next time."]
    named = [Quote(1, 9, text[1:9], "direct", "Ann", None, None, 40, 43),
             Quote(11, 33, text[11:33], "direct", "Ann", None, None, 40, 43)]
    assert [quote.text for quote in join_run_together(text, named)] == ['We lost. "We will win next time.']
