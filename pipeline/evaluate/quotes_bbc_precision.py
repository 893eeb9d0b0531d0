"""Precision of the quote extractor on a second BBC sample, judged prediction by prediction:
`python -m pipeline.evaluate.quotes_bbc_precision [corpora] [--dump]`.

Why: the 30-article gold (`quotes_bbc.tsv`) is the measurement of BBC precision, so its
errors are not looked at to tune. False-alarm classes are found on this sample instead:
20 bbc-news articles (10 politics, 10 business) drawn with `random.Random(15)` (issue 14's
fifteenth session) from the files the gold's draw could take (`quotes_bbc_draw`: no file
named in the repository or its history), without the 30 gold files, as of main at DRAWN_AT.

`--dump` runs the real pipeline over the sample (`quotes_pipeline.predict_pipeline`, headlines
included) and prints one row per predicted attribution (file, kind, speaker, content) to
label. The labels (`gold/quotes_bbc_precision.tsv`, its header says how they were made)
add columns: `ok` or `wrong` (is the predicted content an attribution a reader files
under the BBC gold's second guideline, at overlap >= 0.5), the speaker judged right or
wrong, a note (the class of a wrong one) and, where the content alone is ambiguous ('which'),
the words before it. `--sample 18` takes the second sample (session 18: `random.Random(18)`, also without
sample 15's files, drawn at main 6ad7783; labels `gold/quotes_bbc_precision18.tsv`); `--sample 20` the third
(session 20: `random.Random(20)`, without the files of samples 15 and 18, drawn at main 7dc30d4; labels
`gold/quotes_bbc_precision20.tsv`); `--sample 21` the fourth (session 21: `random.Random(21)`, without the
files of samples 15, 18 and 20, drawn at main 9467799; labels `gold/quotes_bbc_precision21.tsv`); `--sample 22`
the fifth (session 22: `random.Random(22)`, without the files of samples 15-21, drawn at main 78b8fd1; labels
`gold/quotes_bbc_precision22.tsv`); `--sample 23` the sixth (session 23: `random.Random(23)`, without the files
of samples 15-22, drawn at main b32fda7; labels `gold/quotes_bbc_precision23.tsv`); `--sample 24` the seventh, a
SPEAKERLESS sample (session 24: `random.Random(24)`, 9 politics + 140 business articles without the files of
samples 15-23, drawn at main 17bc022; the 9 are all the politics files left, the repository's history names most
of them): only the predictions without a speaker are printed, labelled and scored (labels
`gold/quotes_bbc_precision24.tsv`), as the gold's precision was lost on speakerless rows, which the earlier samples
hardly hold; `--sample 25` the eighth, all kinds again (session 25: `random.Random(25)`, 20 business articles without
the files of samples 15-24, drawn at main 1a18adc: no politics file is left; labels `gold/quotes_bbc_precision25.tsv`);
`--sample 26` the ninth, all kinds, mostly from two other topics (session 26: `random.Random(26)`, 10 entertainment + 10 tech
+ 6 business articles, drawn at main 4c1e736: the 20 of entertainment and tech gave 143 predictions, business brings it
to about 200; labels `gold/quotes_bbc_precision26.tsv`); `--sample 27` the tenth, all kinds (session 27:
`random.Random(27)`, 14 entertainment + 14 tech articles without the files of samples 15-26, drawn at main da80b9e: no
business file, as session 27's events held-out 22 draws from bbc-news/business; labels
`gold/quotes_bbc_precision27.tsv`). Without
`--dump`: the pipeline runs again and every prediction is looked up among the labelled ones (same file,
overlap >= 0.5 of the content); it prints the precision over the labelled predictions still made and lists the
predictions nobody labelled (new ones a change made: judge them before counting)."""
from __future__ import annotations

import argparse
import functools
import random
import sys
from pathlib import Path
from typing import NamedTuple

from pipeline.evaluate.polnear_gold import Article
from pipeline.evaluate.quotes_bbc import CORPORA, GOLD, locate
from pipeline.evaluate.quotes_bbc_draw import TOPICS, eligible_files, used_files
from pipeline.evaluate.quotes_pipeline import predict_pipeline
from pipeline.evaluate.quotes_score import content_overlap, content_positions

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "pipeline" / "evaluate" / "gold"
PER_TOPIC = 10


class Sample(NamedTuple):
    """A precision sample (SAMPLES, by its seed): main when it was drawn (files named in the
    repository or its history by then are out), its labels, the earlier samples whose files
    it leaves out, its articles per topic (in the order of its topics, TOPICS unless given), and whether only the
    predictions without a speaker are labelled (a stratified sample of that class)."""
    drawn_at: str
    labels: Path
    after: tuple[int, ...] = ()
    per_topic: tuple[int, ...] = (PER_TOPIC, PER_TOPIC)
    speakerless: bool = False
    topics: tuple[str, ...] = TOPICS


SAMPLES = {
    15: Sample("20f56df", GOLD_DIR / "quotes_bbc_precision.tsv"),
    18: Sample("6ad7783", GOLD_DIR / "quotes_bbc_precision18.tsv", (15,)),
    20: Sample("7dc30d4", GOLD_DIR / "quotes_bbc_precision20.tsv", (15, 18)),
    21: Sample("9467799", GOLD_DIR / "quotes_bbc_precision21.tsv", (15, 18, 20)),
    22: Sample("78b8fd1", GOLD_DIR / "quotes_bbc_precision22.tsv", (15, 18, 20, 21)),
    23: Sample("b32fda7", GOLD_DIR / "quotes_bbc_precision23.tsv", (15, 18, 20, 21, 22)),
    24: Sample("17bc022", GOLD_DIR / "quotes_bbc_precision24.tsv", (15, 18, 20, 21, 22, 23), (9, 140),
               speakerless=True),
    25: Sample("1a18adc", GOLD_DIR / "quotes_bbc_precision25.tsv", (15, 18, 20, 21, 22, 23, 24), (0, 20)),
    26: Sample("4c1e736", GOLD_DIR / "quotes_bbc_precision26.tsv", (15, 18, 20, 21, 22, 23, 24, 25),
               (10, 10, 6), topics=("entertainment", "tech", "business")),
    27: Sample("da80b9e", GOLD_DIR / "quotes_bbc_precision27.tsv", (15, 18, 20, 21, 22, 23, 24, 25, 26),
               (14, 14), topics=("entertainment", "tech")),
}
SEED = 15  # the default sample
LABELS = SAMPLES[SEED].labels


@functools.cache
def draw(corpora: Path, seed: int = SEED) -> tuple[str, ...]:
    """The 'topic/NNN.txt' files of sample `seed` (10 a topic, or its `per_topic`), in order (a tuple: the
    cached draw is shared by every caller)."""
    sample = SAMPLES[seed]
    used = used_files(sample.drawn_at)
    gold = {line.split("\t")[0].removesuffix(".txt") for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
    earlier = {name.removesuffix(".txt") for before in sample.after for name in draw(corpora, before)}
    rng = random.Random(seed)
    out = []
    for topic, size in zip(sample.topics, sample.per_topic):
        eligible = eligible_files(corpora, topic, used | gold | earlier)
        out += sorted(f"{name}.txt" for name in rng.sample(eligible, size))
    return tuple(out)


def predictions(corpora: Path, names: list[str]) -> tuple[list[Article], dict]:
    articles = [Article(name.replace("/", "_").removesuffix(".txt"),
                        (corpora / "bbc-news" / name).read_text(encoding="utf-8"), []) for name in names]
    return articles, predict_pipeline(articles, {})


def _content(text: str, spans: list[tuple[int, int]]) -> str:
    return " ||| ".join(" ".join(text[start:end].split()) for start, end in spans)


def read_labels(corpora: Path, seed: int = SEED) -> dict[str, list[tuple[frozenset[int], bool, str]]]:
    """stem -> (content positions, judged correct, the row) of every labelled prediction of sample `seed`."""
    out: dict[str, list[tuple[frozenset[int], bool, str]]] = {}
    for line in SAMPLES[seed].labels.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _kind, _speaker, content, verdict, _speaker_verdict, _note, *after = line.split("\t")
        text = (corpora / "bbc-news" / name).read_text(encoding="utf-8")
        # (an optional eighth column: words before the content, when the content alone is ambiguous)
        offset = text.index(after[0]) if after and after[0] else 0
        spans = [(start + offset, end + offset) for start, end in locate(text[offset:], content)]
        stem = name.replace("/", "_").removesuffix(".txt")
        out.setdefault(stem, []).append((content_positions(text, spans), verdict == "ok", line))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="?", default=str(CORPORA))
    ap.add_argument("--dump", action="store_true", help="print the predictions to label")
    ap.add_argument("--sample", type=int, choices=sorted(SAMPLES), default=SEED, help="which sample (its seed)")
    args = ap.parse_args(argv)
    corpora = Path(args.corpora)
    names = draw(corpora, args.sample)
    articles, preds = predictions(corpora, names)
    if SAMPLES[args.sample].speakerless:
        preds = {stem: [pred for pred in found if not pred.speaker_names] for stem, found in preds.items()}
    if args.dump:
        for name, art in zip(names, articles):
            for pred in sorted(preds[art.stem], key=lambda pred: pred.spans[0]):
                print(name, pred.kind, pred.speaker_names[0] if pred.speaker_names else "-",
                      _content(art.text, pred.spans), sep="\t")
        return 0
    labels = read_labels(corpora, args.sample)
    right = judged = 0
    for name, art in zip(names, articles):
        for pred in preds[art.stem]:
            positions = content_positions(art.text, pred.spans)
            best = max(labels.get(art.stem, []), key=lambda label: content_overlap(label[0], positions), default=None)
            if best is None or content_overlap(best[0], positions) < 0.5:
                print("unlabelled", name, pred.kind, _content(art.text, pred.spans)[:120], sep="\t")
                continue
            judged += 1
            right += best[1]
            if not best[1]:
                print("wrong", best[2], sep="\t")
    print(f"BBC precision sample ({len(names)} articles, seed {args.sample}): predicted {judged} labelled, "
          f"{right} correct: P {right / judged if judged else 0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
