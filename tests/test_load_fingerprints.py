"""The near-duplicate fingerprint of each version text is computed in the NLP workers and
handed to the load (pipeline.load.remember_fingerprints), which then hashes no shingle of
those texts again; the rows are the same (warehouse_snapshot compared the bench's load)."""
from __future__ import annotations

from types import SimpleNamespace

from pipeline import load, nlp
from pipeline.records import CleanVersion, Quote, VersionAnnotations
from pipeline.versions import sketches
from pipeline.versions import text as versions_text

TEXT = ("The council said on Tuesday that the new bridge over the river would open in May, "
        "two years later than planned, after a row over its cost with the contractor.")


def test_the_nlp_stage_returns_each_text_fingerprint():
    annotations = nlp.annotate_versions([(0, 1, TEXT, None, "Bridge to open in May"), (0, 2, TEXT + " More.", None)])
    assert [a.fingerprint for a in annotations] == [sketches.text_fingerprint(TEXT),
                                                    sketches.text_fingerprint(TEXT + " More.")]


def test_the_load_uses_the_fingerprints_it_is_handed(monkeypatch):
    text = TEXT + " A text no other test fingerprints."
    article = SimpleNamespace(versions=[CleanVersion(version_no=1, title=None, text=text)])  # what it reads
    annotation = VersionAnnotations(0, 1, [], [], [], [], fingerprint=((7, 8, 9), 3))
    load.remember_fingerprints([article], [annotation])
    monkeypatch.setattr(sketches, "shingles", lambda *_: (_ for _ in ()).throw(AssertionError("hashed again")))
    assert sketches.fingerprint(text) == sketches.Fingerprint([7, 8, 9], 3)


def test_the_nlp_stage_returns_each_version_hash_and_quote_words():
    quoted = TEXT + ' "We are sorry for the delay," the council said.'
    (annotation,) = nlp.annotate_versions([(0, 1, quoted, None, "Bridge to open in May")])
    assert annotation.content_hash == versions_text.version_hash("Bridge to open in May", quoted)
    assert annotation.quotes and annotation.quote_words == tuple(" ".join(versions_text.words(q.text))
                                                                 for q in annotation.quotes)


def test_the_load_uses_the_hashes_and_words_it_is_handed(monkeypatch):
    text = TEXT + " A text no other test hashes."
    article = SimpleNamespace(versions=[CleanVersion(version_no=1, title=" ", text=text)])
    quote = Quote(text="a quote no other test reads", start=0, end=5, kind="direct", speaker_entity_key=None,
                  speaker_text=None, cue=None)
    annotation = VersionAnnotations(0, 1, [], [], [quote], [], content_hash="hash-from-the-worker",
                                    quote_words=("words from the worker",))
    load.remember_fingerprints([article], [annotation])
    monkeypatch.setattr(versions_text, "normalize_text", lambda *_: (_ for _ in ()).throw(AssertionError("again")))
    assert versions_text.version_hash(" ", text) == "hash-from-the-worker"
    assert versions_text.quote_words("a quote no other test reads") == "words from the worker"
