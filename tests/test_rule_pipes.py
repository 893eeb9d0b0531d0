"""The fast stand-ins for the model's attribute ruler and lemmatizer (pipeline.nlp.rule_pipes)
annotate every token as the stock components do: a speed change that must not change any
output. Compared on the seeds, texts that reach the rarer patterns (two-token rules, the
expletive 'there is', whitespace tokens), and 80 shared BBC articles when present."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

from pipeline.nlp.model import MODEL_NAME, load_model
from pipeline.nlp.paragraphs import install as install_paragraph_sentence_starts
from pipeline.nlp.rule_pipes import FastAttributeRuler, FastLemmatizer, install
from tests.conftest import CORPORA, SEEDS

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START, IDX]
RARE = [
    "There is a plan, there are two and there were three. Y'all gonna see it; let's go, c'mon.",
    "I ain't sure they gotta win.\n\n  Spaces   and\ttabs, \u00a0 and a line\nbreak.",
    "\"We won't,\" she said. Gon na do it? THE PRIME MINISTER'S OFFICE SAID NO.",
]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + RARE
    bbc = sorted((CORPORA / "bbc-news").rglob("*.txt"))
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in bbc[:: max(1, len(bbc) // 80)][:80]]
    return texts


def _stock():
    """The stock model with the project's paragraph component (which sets no attribute the fast
    components read or write)."""
    stock = spacy.load(MODEL_NAME)
    install_paragraph_sentence_starts(stock)
    return stock


@pytest.fixture(scope="module")
def stock_and_fast():
    stock = _stock()
    texts = _texts()
    return list(stock.pipe(texts, batch_size=16)), list(load_model().pipe(texts, batch_size=16))


def test_pipeline_uses_the_fast_components():
    nlp = load_model()
    assert nlp.pipe_names == _stock().pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)


def test_every_token_attribute_equals_the_stock_pipeline(stock_and_fast):
    stock_docs, fast_docs = stock_and_fast
    assert len(stock_docs) == len(fast_docs) >= 8
    for stock, fast in zip(stock_docs, fast_docs):
        assert (stock.to_array(ATTRS) == fast.to_array(ATTRS)).all(), stock.text[:80]
        assert [(t.lemma_, str(t.morph), t.pos_, t.tag_, t.dep_) for t in stock] == \
            [(t.lemma_, str(t.morph), t.pos_, t.tag_, t.dep_) for t in fast]


def test_rare_patterns_fire(stock_and_fast):
    """The texts above do reach the two-token rules and the expletive rule (else the
    comparison would not test them)."""
    _, fast_docs = stock_and_fast
    rare = fast_docs[len(list(SEEDS.glob("*.txt"))):][:len(RARE)]
    lemmas = {(t.lower_, t.lemma_) for doc in rare for t in doc}
    assert ("ai", "be") in lemmas and ("gon", "go") in lemmas
    assert any(t.lower_ == "is" and t.pos_ == "VERB" for t in rare[0])  # 'There is': POS VERB after expl


def test_unknown_pattern_forms_keep_the_stock_components():
    nlp = spacy.load(MODEL_NAME)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "x", "OP": "+"}]], {"POS": "X"})
    assert install(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
