"""Out-of-fold harness for a learned end of indirect contents (`pipeline.evaluate.quote_extent`) on
PolNeAR train: `python -m pipeline.evaluate.quote_extent_train CORPORA/polnear/train --cache
SNAP.docs --folds 5 [--seeds 7 11] [--also THRESHOLD ...]`. Every candidate end of every rule
content is labelled by what moving there does to its best gold overlap (gain: reaches 0.5
from below, loss: falls below, same), and a three-class logistic regression (numpy,
full-batch AdaGrad, L2) learns it; the harness prints the all-attribution F1 with ends chosen
out of fold (articles split in K groups per seed, each scored by the model of the others),
pooled and fold by fold, against the rules' ends. Nothing is installed: session 24's shipped
model gained nothing out of fold and was removed (docs/accuracy.md, session 25)."""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

from pipeline.evaluate.polnear_gold import read_corpus
from pipeline.evaluate.quotes_predict import predictions_from_doc
from pipeline.evaluate.quotes_score import content_overlap, content_positions, score
from pipeline.evaluate.quotes_snapshot import parsed_docs
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes
from pipeline.evaluate.quote_extent import CLASSES, ExtentModel, move_features, movable_contents

L2, ITERATIONS, RATE, THRESHOLD, MIN_WEIGHT, SEED = 10.0, 300, 0.5, 0.7, 0.05, 7


class Move(NamedTuple):
    """One candidate end of one rule content: the article, the quote's index, the end token, its features and class."""
    stem: str
    quote: int
    end: int
    feats: list[str]
    label: int


def _label(golds: list, text: str, start: int, end_char: int, keep_ok: bool) -> int:
    position = content_positions(text, [(start, end_char)])
    ok = max((content_overlap(gold, position) for gold in golds), default=0.0) >= 0.5
    return CLASSES.index("gain" if ok and not keep_ok else "loss" if keep_ok and not ok else "same")


def article_moves(stem: str, doc, text: str, quotes: list, golds: list) -> list[Move]:
    """The candidate moves of every indirect body content that is its cue's only span."""
    moves = []
    for index, quote, low, high in movable_contents(doc, quotes):
        keep = content_positions(text, [(quote.start, quote.end)])
        keep_ok = max((content_overlap(gold, keep) for gold in golds), default=0.0) >= 0.5
        for end, feats in move_features(doc, low, high, doc[high - 1].sent, quote.cue_type or "none"):
            end_char = doc[end - 1].idx + len(doc[end - 1])
            moves.append(Move(stem, index, end, feats, _label(golds, text, quote.start, end_char, keep_ok)))
    return moves


def fit(moves: list[Move], l2: float = L2, iterations: int = ITERATIONS, threshold: float = THRESHOLD) -> ExtentModel:
    """Three-class logistic regression over the moves' features (full batch, AdaGrad, L2)."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for row, move in enumerate(moves):
        for feat in move.feats:
            rows.append(row)
            cols.append(index.setdefault(feat, len(index)))
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    n_rows, n_feats, n_classes = len(moves), len(index), len(CLASSES)
    target = np.zeros((n_rows, n_classes))
    target[np.arange(n_rows), [move.label for move in moves]] = 1.0
    weights, squares = np.zeros((n_feats, n_classes)), np.full((n_feats, n_classes), 1e-8)
    for _ in range(iterations):
        scores = np.stack([np.bincount(rows_a, weights=weights[cols_a, k], minlength=n_rows)
                           for k in range(n_classes)], 1)
        probs = np.exp(scores - scores.max(1, keepdims=True))
        probs /= probs.sum(1, keepdims=True)
        delta = probs - target
        grad = np.stack([np.bincount(cols_a, weights=delta[rows_a, k], minlength=n_feats)
                         for k in range(n_classes)], 1) + l2 * weights
        squares += grad * grad
        weights -= RATE * grad / np.sqrt(squares)
    table = {feat: {cls: float(weights[i, k]) for k, cls in enumerate(CLASSES) if abs(weights[i, k]) >= MIN_WEIGHT}
             for feat, i in index.items()}
    return ExtentModel({feat: row for feat, row in table.items() if row}, threshold)


def chosen_ends(model: ExtentModel, moves: list[Move]) -> dict[tuple[str, int], int]:
    """(article, quote) -> the end the model moves it to (contents it keeps are left out)."""
    best: dict[tuple[str, int], tuple[float, int]] = {}
    for move in moves:
        score_ = model.move_score(move.feats)
        key = (move.stem, move.quote)
        if score_ > model.threshold and score_ > best.get(key, (-2.0, 0))[0]:
            best[key] = (score_, move.end)
    return {key: end for key, (_, end) in best.items()}


def _predictions(articles, docs, entities, quotes, ends: dict) -> dict:
    """stem -> the predicted attributions with the quotes' ends moved to `ends`."""
    preds = {}
    for art in articles:
        doc, moved = docs[art.stem], []
        for index, quote in enumerate(quotes[art.stem]):
            end = ends.get((art.stem, index))
            if end is not None:
                end_char = doc[end - 1].idx + len(doc[end - 1])
                quote = dataclasses.replace(quote, end=end_char, text=art.text[quote.start:end_char])
            moved.append(quote)
        preds[art.stem] = predictions_from_doc(doc, art.text, lambda _doc, found=entities[art.stem]: found,
                                               lambda _doc, _ents, _ments, found=moved: found)
    return preds


def _line(counts: dict) -> str:
    return (f"P {counts['all'][0]:.4f} R {counts['all'][1]:.4f} F1 {counts['all'][2]:.4f} "
            f"(tp {counts['atp']} / predicted {counts['ap']} / gold {counts['ag']}); direct F1 {counts['direct'][2]:.4f}")


def out_of_fold(articles, docs, entities, quotes, moves: list[Move], folds: int, seed: int, l2: float,
                thresholds: list[float]) -> None:
    """Prints, for each threshold, the all-attribution F1 with ends chosen out of fold (articles split
    in `folds` groups by `seed`, each scored by the model of the others), pooled and fold by fold."""
    stems = sorted(docs)
    random.Random(seed).shuffle(stems)
    fold = {stem: i % folds for i, stem in enumerate(stems)}
    ends: dict = {threshold: {} for threshold in thresholds}
    for k in range(folds):
        model = fit([m for m in moves if fold[m.stem] != k], l2, threshold=thresholds[0])
        for threshold in ends:
            ends[threshold].update(chosen_ends(dataclasses.replace(model, threshold=threshold),
                                               [m for m in moves if fold[m.stem] == k]))
    base = _predictions(articles, docs, entities, quotes, {})
    groups = [[art for art in articles if fold[art.stem] == k] for k in range(folds)]
    print(f"rules' ends:        {_line(score(articles, base))}", flush=True)
    for threshold, moved in ends.items():
        preds = _predictions(articles, docs, entities, quotes, moved)
        gains = []
        for group in groups:
            before, after = score(group, base), score(group, preds)
            gains.append((after["atp"] - before["atp"], after["all"][2] - before["all"][2]))
        f1_gains = np.array([gain for _, gain in gains])
        print(f"out of fold ({folds}, seed {seed}), threshold {threshold}: {_line(score(articles, preds))}  "
              f"moved {len(moved)}; per fold tp {[tp for tp, _ in gains]}, F1 gain mean {f1_gains.mean():+.4f} "
              f"sd {f1_gains.std(ddof=1) if folds > 1 else 0.0:.4f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--cache", required=True, help="the parse cache (a DocBin, as quotes_snapshot keeps)")
    parser.add_argument("--folds", type=int, default=5, help="print the out-of-fold F1 over K article groups")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--seeds", type=int, nargs="+", default=[SEED], help="with --folds: seeds of the article splits")
    parser.add_argument("--also", type=float, nargs="*", default=[], help="with --folds: other thresholds to print")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be 2 or more (the out-of-fold F1 needs a held-back group)")
    articles = read_corpus(Path(args.folder))
    docs = dict(parsed_docs(Path(args.folder), Path(args.cache)))
    entities, quotes, moves = {}, {}, []
    for art in articles:
        doc = docs[art.stem]
        entities[art.stem] = extract_entities(doc)
        quotes[art.stem] = extract_quotes(doc, *entities[art.stem])
        golds = [content_positions(art.text, gold.content) for gold in art.gold]
        moves += article_moves(art.stem, doc, art.text, quotes[art.stem], golds)
    print(f"{len(moves)} candidate moves, {sum(m.label == 0 for m in moves)} gain, {sum(m.label == 1 for m in moves)} loss")
    for seed in args.seeds:
        out_of_fold(articles, docs, entities, quotes, moves, args.folds, seed, args.l2, [args.threshold] + args.also)
    return 0


if __name__ == "__main__":
    sys.exit(main())
