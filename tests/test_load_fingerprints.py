"""The near-duplicate fingerprint of each version text is computed in the NLP workers and
handed to the load (pipeline.load.remember_fingerprints), which then hashes no shingle of
those texts again; the rows are the same (warehouse_snapshot compared the bench's load)."""
from __future__ import annotations

from types import SimpleNamespace

from pipeline import load, nlp
from pipeline.records import CleanVersion, VersionAnnotations
from pipeline.versions import sketches

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
