"""Headline quotes (field = title, speakers linked to the body's actors) and passive
constructions whose subject receives the action (issue 14)."""
from __future__ import annotations

import dagster as dg
import duckdb

from pipeline.cli_run import run_pipeline
from pipeline.nlp import load_model
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes, find_pieces
from pipeline.nlp.quotes import headline
from pipeline.nlp.quotes.headline import headline_quotes

from tests.conftest import rows
from tests.test_quotes import _find, _quotes, quotes_in


def _parse(text: str):
    return load_model()(text)


def _body_entities(text: str):
    return extract_entities(_parse(text))[0]


def test_inverted_headline_report_speaker_is_the_body_actor():
    entities = _body_entities("Labour's election chief Alan Milburn said the party would go on. Mr Milburn spoke.")
    title = "More reforms ahead says Milburn"
    quotes = headline_quotes(_parse(title), entities)
    assert len(quotes) == 1
    quote = quotes[0]
    assert (quote.field, quote.kind, quote.text, quote.cue) == ("title", "indirect", "More reforms ahead", "says")
    assert title[quote.start:quote.end] == quote.text and title[quote.speaker_start:quote.speaker_end] == "Milburn"
    names = {entity.key: entity.canonical_name for entity in entities}
    assert "Milburn" in names[quote.speaker_entity_key]


def test_a_headline_passive_without_its_auxiliary_names_no_speaker():
    # (session 22) 'X told to …', 'X accused of …': the subject is the one told or accused
    entities = _body_entities("Charities said the prime minister should act. Labour denied it.")
    for title, content in [("Blair told to double overseas aid", "to double overseas aid"),
                           ("Minister urged to quit over loans", "to quit over loans")]:
        quotes = headline_quotes(_parse(title), entities)
        assert [(quote.text, quote.speaker_text) for quote in quotes] == [(content, None)]
    quotes = headline_quotes(_parse("Brown urges bankers to back reform"), entities)
    assert quotes and all(quote.speaker_text == "Brown" for quote in quotes)


def test_headline_name_colon_quotation_and_no_quote_in_a_plain_headline():
    entities = _body_entities("Donald Trump spoke in Ohio on Monday.")
    quotes = headline_quotes(_parse("Trump: ‘I’m the Worst Thing That’s Ever Happened to ISIS’"), entities)
    direct = [quote for quote in quotes if quote.kind == "direct"]
    assert direct and direct[0].text.startswith("I’m the Worst Thing") and direct[0].speaker_entity_key
    assert headline_quotes(_parse("Strike threat over pension plans"), entities) == []


def test_headline_speaker_unknown_to_the_body_has_no_actor():
    quotes = headline_quotes(_parse("Rates must rise soon, warns Carney"), _body_entities("The bank met on Monday."))
    assert quotes and quotes[0].speaker_text == "Carney" and quotes[0].speaker_entity_key is None


def test_passive_subject_receives_the_action_and_is_no_speaker():
    def quotes_of(text):
        doc = _parse(text)
        return extract_quotes(doc, *extract_entities(doc))

    # no speech or stance cue: no report at all
    assert quotes_of("Young black and Asian people are to be encouraged to join the police force.") == []
    # a speech cue in the passive: a report, of nobody named
    told = quotes_of("Voters were told that the tax would rise.")
    assert [(quote.kind, quote.speaker_text) for quote in told] == [("indirect", None)]
    promised = quotes_of("Pensioners are being promised a rise in their payments by 2010.")
    assert all(quote.speaker_text is None for quote in promised)


def test_title_quotes_reach_the_warehouse_with_their_field(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(
        "More reforms ahead says Milburn\n\nLabour will continue to pursue reforms if it wins a third term, "
        "the party's election chief Alan Milburn has said. He spoke on Monday in London.\n", encoding="utf-8")
    db = tmp_path / "news.duckdb"
    run_pipeline(str(inbox), str(db), instance=dg.DagsterInstance.ephemeral())
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        """SELECT q.text, a.canonical_name, substring(v.title, q.start_char + 1, q.end_char - q.start_char)
           FROM quotes q JOIN versions v USING (version_id) LEFT JOIN actors a ON a.actor_id = q.speaker_actor_id
           WHERE q.field = 'title'""").fetchall()
    body = con.execute("SELECT count(*) FROM quotes WHERE field = 'body'").fetchone()[0]
    con.close()
    assert rows == [("More reforms ahead", "Alan Milburn", "More reforms ahead")] and body >= 1


def test_paragraphs_run_together_keep_one_quotation():
    text = ('Dave Prentis, general secretary of Unison, spoke on Monday. "Members have never had high pay," '
            'he said. "What really riles me is the hypocrisy of MPs. "This is a position that Unison cannot '
            'accept and will oppose."')
    doc = _parse(text)
    quotes = [quote for quote in extract_quotes(doc, *extract_entities(doc)) if quote.kind == "direct"]
    texts = [quote.text for quote in quotes]
    assert "What really riles me is the hypocrisy of MPs." in texts
    assert any(quote.startswith("This is a position") for quote in texts)
    assert len({(quote.cue_start, quote.speaker_start) for quote in quotes}) == 1  # one attribution
    assert all(quote.speaker_text == "he" for quote in quotes[1:])


def test_interviewer_question_is_not_the_guest_quote():
    text = '"Do you think the tax will rise?" he was asked. "No," said Mr Brown, the chancellor.'
    doc = _parse(text)
    quotes = {quote.text: quote for quote in extract_quotes(doc, *extract_entities(doc))}
    question = quotes["Do you think the tax will rise?"]
    assert question.kind == "direct" and question.cue == "asked" and question.speaker_text is None
    assert quotes["No,"].speaker_text == "Mr Brown"


def test_every_seed_direct_quote_has_a_speaker(seed_db):
    """The seeds (what `make run` loads): at least 30 direct quotes, each with its speaker's
    actor or flagged anonymous (the named ones are checked one by one in test_quotes)."""

    direct = rows(seed_db, """SELECT q.text, q.speaker_actor_id, q.is_anonymous, q.field FROM quotes q
                              WHERE q.kind = 'direct'""")
    assert len(direct) >= 30
    assert all(actor or anonymous for _text, actor, anonymous, _field in direct)
    assert any(field == "title" for *_rest, field in direct)  # 'Kerry seeks ‘real progress’ …'


def test_headline_quotation_after_a_name_and_colon():
    text = ("Sidney Blumenthal: ‘No Idea’ If I Would Have Told Hillary Private Email Server Was a Bad Idea.\n\n"
            "Sidney Blumenthal spoke to reporters in Washington on Monday about the emails.")
    quotes, _ = _quotes(text)
    q = _find(quotes, "No Idea")
    assert q.kind == "direct" and q.cue == ":" and "Blumenthal" in (q.speaker_text or "")
    rest = [r for r in quotes if r.cue_start == q.cue_start and r is not q]
    assert [r.text for r in rest] == ["If I Would Have Told Hillary Private Email Server Was a Bad Idea"]


def test_straight_single_marks_in_a_headline():
    text = "Reid: 'Never, ever, ever underestimate Trump.'\n\nHarry Reid's 'advice' came on Monday, Reid's aides said."
    assert [text[p.start:p.end] for p in find_pieces(text)] == ["Never, ever, ever underestimate Trump."]


def test_quotation_filling_the_headline_after_a_colon_is_the_opening_names():
    """The parser reads headline case ('heckles' a noun) and finds no cue: the quotation after
    the colon is still the words of the name the headline opens with; a kicker is nobody."""

    entities = _body_entities("The comedian Sarah Silverman spoke at the convention in Philadelphia.")
    title = "Sarah Silverman heckles Sanders supporters: 'You're being ridiculous.'"
    quotes = headline_quotes(_parse(title), entities)
    assert [(q.kind, q.text, q.cue, q.speaker_text) for q in quotes] == [
        ("direct", "You're being ridiculous.", ":", "Sarah Silverman")]
    assert quotes[0].speaker_entity_key is not None and title[quotes[0].cue_start] == ":"
    assert not [q for q in headline_quotes(_parse("Report: ‘The talks have failed.’"), []) if q.speaker_text == "Report"]


def test_headline_report_with_the_name_and_verb_last_and_a_quotation_opening_it():
    title = "‘ISIS Truther’ Donald Trump Is Like A Lawyer’s Dumbest Client Ever, Trevor Noah Says."
    quotes = headline_quotes(_parse(title), [])
    report = next(q for q in quotes if q.kind == "indirect")
    assert report.text == "ISIS Truther’ Donald Trump Is Like A Lawyer’s Dumbest Client Ever"
    assert (report.cue, report.speaker_text) == ("Says", "Trevor Noah")
    quoted = next(q for q in quotes if q.kind == "direct")
    assert quoted.text == "ISIS Truther" and (quoted.cue_start, quoted.speaker_start) == (report.cue_start, report.speaker_start)
    # words in marks further inside the report stay part of its content
    quotes = headline_quotes(_parse("Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says."), [])
    assert [q.kind for q in quotes] == ["indirect"]


def _headline_quotes(text: str) -> list[tuple[str, str, str, str]]:
    return [(q.kind, q.text, q.cue, q.speaker_text) for q in quotes_in(text) if q.start < text.index("\n")]


def test_headline_quotation_right_after_a_verb_of_thought_or_stance():
    """headline_verb: 'sees' and 'speaks' are no speech verbs, headline case makes the words
    look like a name; the quotation after the verb is the subject's, with the rest of the line
    when a word follows the mark directly (headline_verb_run_on)."""
    assert _headline_quotes("Senator Warren Sees ‘Real Danger’ in Bank Merger Plan.\n\nElizabeth Warren spoke in Boston.") == [
        ("direct", "Real Danger", "Sees", "Senator Warren"), ("indirect", "in Bank Merger Plan", "Sees", "Senator Warren")]
    assert _headline_quotes("Mayor Lee Reveals ‘Troubling’ Findings Of City Audit.\n\nThe mayor spoke on Monday.") == [
        ("direct", "Troubling", "Reveals", "Mayor Lee"), ("indirect", "Findings Of City Audit", "Reveals", "Mayor Lee")]


def test_headline_verb_quotation_keeps_no_narrator_adjunct_and_needs_a_stance_verb():
    # a narrator's adjunct after the mark is no part of the words reported
    assert _headline_quotes("Governor Brown Speaks ‘Plainly To Voters’ After Budget Vote.\n\nJerry Brown spoke.") == [
        ("direct", "Plainly To Voters", "Speaks", "Governor Brown")]
    # a verb of no speech, thought or stance: a slogan, nobody's quotation
    assert _headline_quotes("Jeff Smith Wears ‘Vote Green’ Hat at Rally.\n\nJeff Smith spoke in Ohio.") == []


def test_a_headline_case_title_is_read_sentence_cased():
    """headline.sentence_cased (session 27): in headline case the parser takes 'Slams' for a name and finds no
    cue; the title is parsed again with its small words and third-person speech verbs in lower case, and the
    quote keeps the title's own words and offsets."""
    title = "Senator Mary Walsh Slams The Budget Deal"
    quotes = headline_quotes(_parse(title), [])
    assert [(quote.text, quote.cue, quote.speaker_text) for quote in quotes] == \
        [("The Budget Deal", "Slams", "Senator Mary Walsh")]
    assert title[quotes[0].start:quotes[0].end] == "The Budget Deal"


def test_a_sentence_case_title_is_not_recased():
    assert not headline.title_cased("Minister defends school funding changes")
    assert headline.sentence_cased("Union Leader Denounces The New Pension Plan") == "Union Leader denounces the New Pension Plan"
