"""The BBC precision samples of issue 14 (sessions 15, 18, 20 and 21): the seeded draw gives the 20
labelled files, none of them in the 30-article gold (nor in the earlier samples),
and every labelled prediction is found in its article with a verdict."""
from pipeline.evaluate.quotes_bbc import GOLD
from pipeline.evaluate.quotes_bbc_precision import LABELS, SAMPLES, draw, read_labels
from tests.conftest import corpus


def _rows(path) -> list[list[str]]:
    """The tab-separated rows of a gold file, comments and blank lines left out."""
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_sample_is_the_seeded_draw_and_every_label_is_found():
    corpora = corpus("bbc-news").parent
    names = draw(corpora)
    rows = _rows(LABELS)
    assert len(names) == 20 and {row[0] for row in rows} <= set(names)
    assert not set(names) & {line.split("\t")[0] for line in GOLD.read_text(encoding="utf-8").splitlines()}
    assert {row[4] for row in rows} == {"ok", "wrong"}
    labels = read_labels(corpora)
    assert sum(map(len, labels.values())) == len(rows) == 228
    assert all(positions for entries in labels.values() for positions, _, _ in entries)


def test_second_sample_leaves_out_the_gold_and_the_first_sample():
    corpora = corpus("bbc-news").parent
    names = draw(corpora, 18)
    rows = _rows(SAMPLES[18].labels)
    assert len(names) == 20 and {row[0] for row in rows} <= set(names)
    assert not set(names) & (set(draw(corpora, 15)) | {line.split("\t")[0] for line in GOLD.read_text(
        encoding="utf-8").splitlines()})
    labels = read_labels(corpora, 18)
    assert sum(map(len, labels.values())) == len(rows) == 218
    assert sum(row[4] == "ok" for row in rows) == 191


def test_third_sample_leaves_out_the_gold_and_both_earlier_samples():
    corpora = corpus("bbc-news").parent
    names = draw(corpora, 20)
    rows = _rows(SAMPLES[20].labels)
    assert len(names) == 20 and {row[0] for row in rows} <= set(names)
    assert not set(names) & (set(draw(corpora, 15)) | set(draw(corpora, 18)) | {
        line.split("\t")[0] for line in GOLD.read_text(encoding="utf-8").splitlines()})
    labels = read_labels(corpora, 20)
    assert sum(map(len, labels.values())) == len(rows) == 261
    assert sum(row[4] == "ok" for row in rows) == 221


def test_fourth_sample_leaves_out_the_gold_and_the_three_earlier_samples():
    corpora = corpus("bbc-news").parent
    names = draw(corpora, 21)
    rows = _rows(SAMPLES[21].labels)
    assert len(names) == 20 and {row[0] for row in rows} <= set(names)
    earlier = {name for seed in (15, 18, 20) for name in draw(corpora, seed)}
    assert not set(names) & (earlier | {line.split("\t")[0] for line in GOLD.read_text(encoding="utf-8").splitlines()})
    labels = read_labels(corpora, 21)
    assert sum(map(len, labels.values())) == len(rows) == 219
    assert sum(row[4] == "ok" for row in rows) == 184
