"""The BBC precision samples of issue 14 (sessions 15, 18, 20, 21, 22, 23, 24, 25, 26 and 27): the seeded draw gives
the labelled files (20, 149 for the speakerless sample 24, 26 for sample 26, 28 for sample 27), none of them in the
30-article gold (nor in the earlier samples), and every labelled prediction is found in its article with a verdict."""
import pytest

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


@pytest.mark.parametrize(("seed", "earlier_seeds", "labelled", "correct"), [
    (18, (15,), 218, 192), (20, (15, 18), 262, 223), (21, (15, 18, 20), 220, 186),
    (22, (15, 18, 20, 21), 192, 174), (23, (15, 18, 20, 21, 22), 210, 196),
    (24, (15, 18, 20, 21, 22, 23), 81, 63), (25, (15, 18, 20, 21, 22, 23, 24), 200, 183),
    (26, (15, 18, 20, 21, 22, 23, 24, 25), 215, 187),
    (27, (15, 18, 20, 21, 22, 23, 24, 25, 26), 218, 168)])
def test_a_later_sample_leaves_out_the_gold_and_the_earlier_samples(seed, earlier_seeds, labelled, correct):
    corpora = corpus("bbc-news").parent
    names = draw(corpora, seed)
    rows = _rows(SAMPLES[seed].labels)
    assert len(names) == sum(SAMPLES[seed].per_topic) and {row[0] for row in rows} <= set(names)
    earlier = {name for earlier_seed in earlier_seeds for name in draw(corpora, earlier_seed)}
    assert not set(names) & (earlier | {line.split("\t")[0] for line in GOLD.read_text(encoding="utf-8").splitlines()})
    labels = read_labels(corpora, seed)
    assert sum(map(len, labels.values())) == len(rows) == labelled
    assert sum(row[4] == "ok" for row in rows) == correct
