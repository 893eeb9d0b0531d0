"""Quotes: the forms of a direct quotation and the cue that introduces it (the real spaCy model
on small constructed texts): split quotations, paragraph continuations, colon introductions,
unlisted verbs, partial quotations inside reported clauses, dash credits."""
from __future__ import annotations

from tests.test_quotes import _find, _quotes, quotes_in


def test_split_quote_shares_cue_and_speaker():
    text = ("Senator Maria Lopez spoke on Monday.\n\n"
            "“We will not give up,” Ms. Lopez said, “because the voters deserve better.”")
    quotes, names = _quotes(text)
    a = _find(quotes, "We will not give up")
    b = _find(quotes, "because the voters deserve better")
    assert a.cue == b.cue == "said" and a.cue_start == b.cue_start
    assert "Lopez" in names[a.speaker_entity_key] and a.speaker_entity_key == b.speaker_entity_key
    assert a.kind == b.kind == "direct"


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


def test_unlisted_verb_after_and_before_the_quote():
    # "barked" / "shot back" are in no lexicon: a verb right after “…,” or before ', “' is the cue
    text = ("Governor Tom Harris met farmers in Ohio on Tuesday.\n\n"
            "“Go back to your office,” Harris barked.\n\n"
            "Mary Chen, a farmer, shot back, “You never listen to anybody out here.”")
    quotes, names = _quotes(text)
    barked = _find(quotes, "Go back to your office")
    assert barked.kind == "direct" and barked.cue == "barked" and "Harris" in names[barked.speaker_entity_key]
    shot = _find(quotes, "You never listen")
    assert shot.kind == "direct" and shot.cue == "shot" and "Chen" in names[shot.speaker_entity_key]


def test_colon_introductions_without_speech_verb():
    text = ("The pollster Daniel Moreno studied the results.\n\n"
            "More from Moreno: “Turnout was much higher than anyone had predicted this year.”\n\n"
            "Senator Alice Brandt leaned in and boomed: “We will win this state in November.”\n\n"
            "The Ohio farmer Walter Pike echoed:\n\n"
            "“The harvest was bad, and the prices were worse.”")
    quotes, names = _quotes(text)
    bare = _find(quotes, "Turnout was much higher")
    assert bare.kind == "direct" and bare.cue == ":" and "Moreno" in names[bare.speaker_entity_key]
    boomed = _find(quotes, "We will win this state")
    assert boomed.kind == "direct" and "Brandt" in names[boomed.speaker_entity_key]
    echoed = _find(quotes, "The harvest was bad")
    assert echoed.kind == "direct" and "Pike" in names[echoed.speaker_entity_key]


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


def test_quotation_running_on_into_narration_keeps_the_rest_of_the_clause():
    text = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
            "Governor Maria Lopez said “it breaks my heart” every time she visits the flooded towns along the river.\n\n"
            "Lopez said, “We will fight,” and left the stage.")
    quotes, _ = _quotes(text)
    q = _find(quotes, "it breaks my heart")
    assert q.kind == "direct" and q.text == "it breaks my heart"
    rest = [r for r in quotes if r.cue_start == q.cue_start and r is not q]
    assert [r.text for r in rest] == ["every time she visits the flooded towns along the river"]
    assert rest[0].kind == "indirect" and rest[0].speaker_start == q.speaker_start
    fight = _find(quotes, "We will fight")  # a quotation ending in a comma: the narrator goes on
    assert not [r for r in quotes if r.cue_start == fight.cue_start and r is not fight and "left" in r.text]


def test_chanted_is_a_cue_right_before_the_mark():
    text = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
            "When she walked on stage, her supporters chanted “Four more years! Four more years!”")
    quotes, _ = _quotes(text)
    q = _find(quotes, "Four more years")
    assert q.kind == "direct" and q.cue == "chanted" and q.speaker_text == "her supporters"


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


def test_quotation_going_on_after_a_partial_one_is_one_partial_attribution():
    text = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
            "The tax plans are “deeply irresponsible,” Lopez said. “They would leave the schools without money.”")
    quotes, _ = _quotes(text)
    a = next(q for q in quotes if q.text.startswith("deeply irresponsible"))
    b = _find(quotes, "They would leave the schools")
    assert a.kind == b.kind == "partial"
    assert (a.cue_start, a.speaker_start) == (b.cue_start, b.speaker_start) and a.cue == "said"


def test_cue_with_a_clause_of_its_own_after_a_full_sentence_is_another_report():
    text = ("Senator Maria Lopez spoke in Denver on Tuesday.\n\n"
            "“Judge,” her lawyer Tom Reyes said, “I have never seen this happen in thirty years.” "
            "Reluctantly, Reyes said he had come to the same conclusion.")
    quotes, _ = _quotes(text)
    a, b = _find(quotes, "Judge"), _find(quotes, "I have never seen this")
    assert a.kind == b.kind == "direct"
    assert (a.cue_start, a.speaker_start) == (b.cue_start, b.speaker_start)


def test_aside_paraphrase_inside_the_paragraph_does_not_split_the_quotation():
    text = ("Maria Lopez has worked at the plant for twenty years.\n\n"
            "“It is pretty cool working there,” she said, describing how she carefully puts together "
            "“tubular mixers,” batches of rods that control the air flow in the furnaces. "
            "“And when you do it for sixty hours a week, people are like family.”")
    quotes, _ = _quotes(text)
    a, b = _find(quotes, "pretty cool"), _find(quotes, "people are like family")
    assert a.kind == b.kind == "direct"
    assert (a.cue_start, a.speaker_start) == (b.cue_start, b.speaker_start) and a.cue == "said"


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


def test_cue_inside_the_next_sentence_is_not_the_postposed_cue_of_a_full_sentence():
    text = ("Adam Kaplan writes television shows in Los Angeles.\n\n"
            "“MacGyver is a name that is in the culture,” he said. “If you see that, you know what you are getting.” "
            "That is why, he added, viewers often see endless sequels.")
    quotes, _ = _quotes(text)
    a, b = _find(quotes, "MacGyver is a name"), _find(quotes, "If you see that")
    assert a.kind == b.kind == "direct" and a.cue == b.cue == "said"
    assert (a.cue_start, a.speaker_start) == (b.cue_start, b.speaker_start)


def test_quotation_running_on_into_narration_before_its_postposed_cue():
    text = ("The imam of the mosque in Fort Pierce spoke to reporters on Monday.\n\n"
            "“We are frustrated and horrified” by the shooting at the nightclub in Orlando, Nefzi said.")
    quotes, _ = _quotes(text)
    q = _find(quotes, "We are frustrated and horrified")
    assert q.kind == "direct" and q.cue == "said"
    rest = [r for r in quotes if r.cue_start == q.cue_start and r is not q]
    assert [r.text for r in rest] == ["by the shooting at the nightclub in Orlando"]
    assert rest[0].kind == "indirect" and rest[0].speaker_start == q.speaker_start


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
