"""Each paragraph of a cleaned text is parsed as whole sentences (pipeline.nlp.paragraphs): the
stock parser joined a paragraph's first sentence to the last of the paragraph before (9 times
in the cleaned seeds: a title, a quotation closed by its mark, a version banner)."""
from __future__ import annotations

from pipeline.clean_text import clean_version_text
from pipeline.nlp.model import load_model
from pipeline.nlp.paragraphs import COMPONENT
from tests.conftest import SEEDS


def test_component_runs_before_the_parser():
    names = load_model().pipe_names
    assert names.index(COMPONENT) == names.index("parser") - 1


def test_no_sentence_spans_a_paragraph_break_in_the_seeds():
    texts = [clean_version_text(p.read_text(encoding="utf-8"))[0] for p in sorted(SEEDS.glob("*.txt"))]
    crossing = [sent.text[:80] for doc in load_model().pipe(texts) for sent in doc.sents
                if "\n" in sent.text.strip()]
    assert crossing == []


def test_a_title_is_not_joined_to_the_quotation_after_it():
    doc = load_model()("Kerry Says US and Russia Are Working Toward Syria Talks\n\n"
                       "“We agreed that we are both serious,” Mr. Kerry said after the meeting.")
    sents = [sent.text.strip() for sent in doc.sents]
    assert sents[0] == "Kerry Says US and Russia Are Working Toward Syria Talks"
    said = next(tok for tok in doc if tok.text == "said")
    assert all(tok.i > said.sent.start for tok in said.children) and said.sent.start > 8
