"""The out-of-fold harness for cues no lexicon lists (pipeline.evaluate.cue_lemmas): a key is
learned from its training precision and support only, folds are grouped by article and
reproducible by seed, and a fold keeps only the unlisted-verb reports of the learned keys."""
from __future__ import annotations

from pipeline.evaluate.cue_lemmas import counts_of, fold_of, kept, key_of, selected
from pipeline.evaluate.polnear_gold import PredAttribution
from pipeline.evaluate.report_model import ArticleRun, Example


def _example(cue: int, lemma: str, label: bool, head: str = "ccomp", mark: str = "that") -> Example:
    return Example("a", cue, [f"lemma={lemma}", "comp=ccomp", f"head={head}", f"mark={mark}"], label)


def test_selected_needs_precision_and_support():
    counts = {"vow": (3, 4), "win": (1, 10), "rare": (1, 1)}
    assert selected(counts, 0.5, 3) == {"vow"}


def test_keys_of_an_example():
    example = _example(5, "fret", True)
    assert [key_of(example, key) for key in ("lemma", "lemma+comp", "frame")] == ["fret", "fret+ccomp", "ccomp/that"]


def test_counts_and_kept_reports():
    groups = {(0, 1): PredAttribution([(0, 5)], "direct"), (10, 8): PredAttribution([(12, 30)], "indirect"),
              (40, 38): PredAttribution([(42, 60)], "indirect"), (70, 66): PredAttribution([(72, 90)], "indirect")}
    run = ArticleRun(None, groups, [_example(40, "fret", True), _example(70, "win", False, "dobj", "none")])
    assert counts_of([run], "lemma") == {"fret": (1, 1), "win": (0, 1)}
    # the listed report (cue 10) and the direct quote stay; of the unlisted ones, the learned key's
    assert kept(run, {"fret"}, "lemma") == [groups[(0, 1)], groups[(10, 8)], groups[(40, 38)]]
    assert kept(run, set(), "lemma") == [groups[(0, 1)], groups[(10, 8)]]


def test_folds_by_article_and_seed():
    stems = [f"article{index}" for index in range(200)]
    assert [fold_of(stem, 5, 7) for stem in stems] == [fold_of(stem, 5, 7) for stem in stems]
    assert {fold_of(stem, 5, 7) for stem in stems} == set(range(5))
    assert [fold_of(stem, 5, 7) for stem in stems] != [fold_of(stem, 5, 11) for stem in stems]
