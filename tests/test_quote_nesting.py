"""Partial quotes inside a report's content go with that report (issue 14): one attribution,
the report's cue and speaker; a name in marks inside a naming verb's object is content."""
from pipeline.nlp.quotes.nesting import join_nested_partials
from pipeline.records import Quote
from tests.test_quotes import quotes_in

TEXT = "x" * 100  # the version text the spans index (its words do not matter here)


def _quote(start, end, kind, cue_start, speaker_start, speaker="X"):
    return Quote(start=start, end=end, text="x" * (end - start), kind=kind, speaker_text=speaker,
                 speaker_entity_key=None, cue="cue", speaker_start=speaker_start, speaker_end=speaker_start + 1,
                 cue_start=cue_start, cue_end=cue_start + 3)


def test_a_partial_inside_a_report_takes_its_cue_and_speaker():
    report = _quote(10, 80, "indirect", 5, 0, "Mr Howard")
    partial = _quote(50, 78, "partial", 2, 30, "government")  # its cue outside the report's content
    join_nested_partials([partial], [report], TEXT)
    assert (partial.cue_start, partial.speaker_start, partial.speaker_text) == (5, 0, "Mr Howard")


def test_a_partial_whose_inner_cue_has_the_report_speaker_joins_it():
    report = _quote(10, 80, "indirect", 5, 0, "Pence")
    partial = _quote(50, 78, "partial", 45, 0, "Pence")  # 'Pence pledged that …, but wants “…”'
    join_nested_partials([partial], [report], TEXT)
    assert partial.cue_start == 5


def test_a_partial_quoted_by_another_speaker_inside_the_content_keeps_its_own():
    """... when that speaker's cue reported something of its own (a report nested in the content)."""
    report = _quote(10, 80, "indirect", 5, 0, "X")
    inner = _quote(60, 70, "indirect", 45, 30, "Y")
    partial = _quote(50, 78, "partial", 45, 30, "Y")
    partial.speaker_entity_key = "y"
    join_nested_partials([partial], [report, inner], TEXT)
    assert (partial.cue_start, partial.speaker_text) == (45, "Y")


def test_a_partial_whose_inner_cue_reported_nothing_joins_the_report():
    """'it does say that Japan agrees to “renounce war”': 'agrees' reports nothing of its own,
    so the quotation is part of the report of 'say' (nesting.no_report_of_its_own; PolNeAR
    train sentence)."""
    found = quotes_in("The Japanese constitution makes no specific mention of nuclear weapons, although it "
                      "does say that Japan agrees to “renounce war.”")
    partial = next(quote for quote in found if quote.kind == "partial")
    assert partial.cue == "say", [(quote.kind, quote.cue, quote.text) for quote in found]


def test_a_partial_outside_every_report_is_left_alone():
    report = _quote(10, 40, "indirect", 5, 0)
    partial = _quote(50, 78, "partial", 2, 30, "Y")
    join_nested_partials([partial], [report], TEXT)
    assert partial.cue_start == 2


def test_a_name_in_marks_inside_the_object_of_call_is_one_attribution():
    found = quotes_in("Mr. Scott has called Mr. Trump's comments ''racially toxic,'' and left.")
    content = [quote for quote in found if quote.kind == "indirect"]
    assert content and content[0].text.startswith("Mr. Trump's comments")
    groups = {(quote.cue_start, quote.speaker_start) for quote in found}
    assert len(groups) == 1


def test_a_partial_closing_the_reported_clause_joins_the_report():
    # (the fresh BBC precision sample of session 18, politics/383)
    found = quotes_in("Mr Straw promised to continue to ensure the UK's budget rebate, secured in 1984 by Margaret "
                      "Thatcher, was \"fully justified\". \"We have a veto on any changes,\" he said.")
    report = next(quote for quote in found if quote.kind == "indirect")
    partial = next(quote for quote in found if quote.kind == "partial")
    assert report.text.endswith("fully justified") and partial.cue_start == report.cue_start


def test_a_partial_after_a_sentence_end_does_not_join():
    report = _quote(10, 40, "indirect", 5, 0)
    partial = _quote(50, 78, "partial", 20, 0, None)
    partial.speaker_start = None
    join_nested_partials([partial], [report], "x" * 40 + ". The " + "y" * 40)
    assert partial.cue_start == 20 and report.end == 40


def test_a_partial_quote_whose_cue_reported_nothing_takes_the_clause_that_holds_it():
    """partial_clauses.clause_report (session 23): the parser gave 'said' no subject (the
    speaker parsed as an apposition), so no report held the quotation; the clause the cue
    governs is the report, with the partial's speaker, as PolNeAR files it."""
    text = ("Tuesday in New York City, while on the campaign trail for his wife Democratic presidential "
            "front-runner Hillary Clinton, former president Bill Clinton said his wife was uniquely qualified "
            "to be president at this time because “the world’s in tough shape.”")
    rows = [(quote.kind, quote.text, quote.speaker_text) for quote in quotes_in(text) if quote.cue == "said"]
    assert ("indirect", "his wife was uniquely qualified to be president at this time because “the world’s in "
            "tough shape", "former president Bill Clinton") in rows
