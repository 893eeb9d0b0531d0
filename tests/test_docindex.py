"""The per-Doc index the extractors share gives what spaCy gives (text, entities, sentences,
entities of a span, tree depths, token offsets, the events token table, the per-token caches), and the
events' trigger-word filter only rules out tokens no trigger finder would take: speed changes that must not change any output."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pipeline.nlp.entities import extract_entities
from pipeline.nlp.docindex import doc_ents, doc_index, doc_sents, doc_text, span_ents, token_depths, token_offsets
from pipeline.nlp.events.actors import MentionIndex, document_antecedents
from pipeline.nlp.events.extract import TRIGGER_FINDERS, DocumentContext, _may_trigger, _name_spans
from pipeline.nlp.events.lexicon import lexicon
from pipeline.nlp.events.senses import context_of_words, direct_objects, sentence_context, targets_of
from pipeline.nlp.events.subjects import subject_of
from pipeline.nlp.events.token_table import token_table
from pipeline.nlp.model import load_model
from pipeline.nlp.quotes import pieces
from pipeline.nlp.quotes.context import QuoteContext

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def docs():
    nlp = load_model()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("Kerry met Lavrov in Geneva. He said talks on Syria would resume on Friday, officials said.")
    return list(nlp.pipe(texts))


def _walked_depth(tok) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def test_index_equals_spacy(docs):
    for doc in docs:
        assert doc_text(doc) == doc.text
        assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
        assert [(s.start, s.end) for s in doc_sents(doc)] == [(s.start, s.end) for s in doc.sents]
        for span in [*doc.sents, doc[0:len(doc)], doc[3:9], doc[len(doc) // 2:]]:
            assert [(e.start, e.end) for e in span_ents(span)] == [(e.start, e.end) for e in span.ents]
        assert token_depths(doc) == [_walked_depth(tok) for tok in doc]
        assert token_offsets(doc) == [tok.idx for tok in doc]
        assert doc_text(doc) is doc_text(doc)  # computed once


def test_index_belongs_to_its_doc(docs):
    nlp = load_model()
    for text in ("Obama met Putin.", "Merkel met Macron in Paris.", "Obama met Putin."):
        doc = nlp(text)
        assert doc_text(doc) == text and [e.text for e in doc_ents(doc)] == [e.text for e in doc.ents]


def test_parsed_text_is_the_doc_text(docs):
    """The NLP stage hands the index the text a Doc was parsed from instead of `doc.text`: the
    tokenizer (with the news-text rules) keeps every character, so they are the same."""
    nlp = load_model()
    texts = [doc.text for doc in docs] + ["  Leading spaces,\n\n\tnew lines  (BBC):“quoted”, and ‘more’ ...  ",
                                          "", " ", "U.S.-led talks—on Friday—ended.\r\nDone."]
    for text in texts:
        doc = nlp(text)
        assert doc.text == text
        assert doc_index(doc, text).text == doc_text(doc) == text


def test_trigger_filter_keeps_every_trigger(docs):
    lex = lexicon()
    ruled_out = found = 0
    for doc in docs:
        ctx = DocumentContext(lex, None, _name_spans(doc, []), None, None, {})
        for tok in doc:
            if not _may_trigger(tok, lex):
                ruled_out += 1
                assert all(find(tok, ctx) is None for find in TRIGGER_FINDERS), tok.text
            else:
                found += any(find(tok, ctx) is not None for find in TRIGGER_FINDERS)
    assert ruled_out > 1000 and found > 20


def test_token_table_equals_token_attributes(docs):
    for doc in docs:
        table = token_table(doc)
        assert table.text == [tok.text for tok in doc] and table.lower == [tok.lower_ for tok in doc]
        assert table.lemma == [tok.lemma_.lower() for tok in doc]
        assert table.verb == [tok.pos_ == "VERB" for tok in doc] and table.alpha == [tok.is_alpha for tok in doc]
        assert any(table.verb) and not all(table.alpha)
        for sent in doc.sents:
            span = range(sent.start, sent.end)
            assert context_of_words({table.lower[i] for i in span} | {table.lemma[i] for i in span},
                                    lexicon()) == sentence_context(sent, lexicon())


def test_per_token_results_equal_the_functions_and_are_not_shared(docs):
    """The per-token caches of the events (a verb's subject, its objects, its targets) give what the
    functions compute, and every caller its own list."""
    lex = lexicon()
    checked = 0
    for doc in docs:
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            first, passive = subject_of(tok)
            assert (first, passive) == subject_of.__wrapped__(tok)
            first.append("changed by a caller")
            assert subject_of(tok) == subject_of.__wrapped__(tok)
            assert direct_objects(tok, None) == direct_objects.__wrapped__(tok, None)
            subjects = subject_of(tok)[0]
            assert direct_objects(tok, subjects) == direct_objects.__wrapped__(tok, subjects)
            for etype in (None, "ASSAULT", "DEMAND"):
                assert targets_of(tok, lex, "V", etype) == targets_of.__wrapped__(tok, lex, "V", etype)
            checked += 1
    assert checked > 100


def test_document_antecedents_equal_the_token_walk(docs):
    for doc in docs:
        ms = MentionIndex(extract_entities(doc)[1])
        walked = [(t.i, ms.of(t)) for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN")
                  and ms.of(t) is not None and ms.of(t).label in ("PERSON", "ORG", "GPE", "NORP")]
        assert document_antecedents(doc, ms) == walked


def test_trigger_needs_are_the_first_constraint_of_a_key():
    keys = ("obj", "notobj", "prep", "pobj", "subj", "modal", "notxcomp", "withxcomp", "none")
    for senses in lexicon().senses.values():
        for trig in senses:
            for key in keys:
                assert trig.need(key) == next((v for k, v in trig.constraints if k == key), None)


def test_inside_quote_equals_the_scan_of_every_quoted_span():
    rng = random.Random(7)
    for _ in range(500):
        ctx = QuoteContext(None, "", [], {}, [])
        ctx.quoted = [(a, a + rng.randint(0, 30)) for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 8)))]
        assert all(ctx.inside_quote(pos) == any(s <= pos < e for s, e in ctx.quoted) for pos in range(-2, 240))
        ctx.quoted = ctx.quoted + [(5, 300)]  # a new list is indexed again
        assert all(ctx.inside_quote(pos) == any(s <= pos < e for s, e in ctx.quoted) for pos in range(-2, 320))


class _EveryCharacter:
    def __contains__(self, char) -> bool:
        return True


def test_quotation_scans_skip_only_characters_no_rule_reads(monkeypatch):
    """The piece scans jump over characters that are no quotation mark: no closing rule answers on
    one, and the pieces are those of trying every rule on every character."""
    rng = random.Random(11)
    alphabet = "ab ,.!?\"“”'’‘`=:\n"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for text in texts[:600]:
        for para in text.split("\n"):
            for kind in ("curly", "straight", "single", "doubled"):
                opener = pieces.OpenMark(kind, 0, 2 if kind == "doubled" else 1)
                for index in range(1, len(para)):
                    if para[index] not in pieces.CLOSING_MARKS:
                        assert all(rule(pieces.MarkAt(para, index, opener)) is None for rule in pieces.CLOSING_RULES)
    fast = [pieces.find_pieces(text) for text in texts]
    monkeypatch.setattr(pieces, "OPENING_MARK", re.compile(r"[\s\S]"))
    monkeypatch.setattr(pieces, "CLOSING_MARKS", _EveryCharacter())
    assert fast == [pieces.find_pieces(text) for text in texts]
    assert sum(map(len, fast)) > 1000
