"""Verbs no lexicon lists, taken as cues, measured out of fold: `python -m
pipeline.evaluate.cue_lemmas [FOLDER] --cache SNAP [--folds 5] [--seeds 7 11] [--bar 0.5]
[--min-count 3] [--key lemma|lemma+comp|frame] [--model BAR ...]`.

Every verb no lexicon lists is taken as a cue ('unlisted_verb', `indirect_step`, with the
learned step forced on keeping everything: `report_model.collect`); its report is matched
or not by the evaluation's one-to-one scorer. First the table of those reports by frame
(the complement's dependency and marker: what each frame is worth if enabled for all
verbs). Then a key (the verb's lemma, lemma + complement kind, or the frame) is learned
when its reports on the training part were matched at least `bar` of the time over at
least `min_count` reports: 5 folds grouped by article (a hash of seed and article name),
each fold scored with the keys learned on the other folds beside the same fold without
them, per fold and pooled, with the mean and spread of the per-fold F1 gain. `--model`
scores the logistic model of `report_model` (all report features) the same way, at each
probability bar given. Session 26 measured both with it (docs/accuracy.md): nothing that
gains out of fold keeps the BBC precision samples, so no list or model is installed."""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
from collections import Counter
from pathlib import Path

from pipeline.evaluate.quotes_score import DEFAULT, score
from pipeline.evaluate.report_model import L2, ArticleRun, Example, collect, filtered, fit, with_threshold

BAR = 0.5  # (break-even is F1/2 ~ 0.37; a higher bar keeps BBC false alarms down)
MIN_COUNT = 3
SEEDS = (7, 11)


def key_of(example: Example, key: str) -> str:
    """The example's lemma ('lemma'), lemma and complement kind ('lemma+comp'), or the frame:
    the content head's dependency and its marker ('frame': 'ccomp/that', 'dobj/none')."""
    names = dict(feature.split("=", 1) for feature in example.features if "=" in feature)
    return {"lemma": names["lemma"], "lemma+comp": f"{names['lemma']}+{names['comp']}",
            "frame": f"{names['head']}/{names['mark']}"}[key]


def counts_of(runs: list[ArticleRun], key: str) -> dict[str, tuple[int, int]]:
    """key -> (matched reports, reports) over `runs`."""
    matched, total = Counter(), Counter()
    for run in runs:
        for example in run.examples:
            name = key_of(example, key)
            total[name] += 1
            matched[name] += example.label
    return {name: (matched[name], total[name]) for name in total}


def selected(counts: dict[str, tuple[int, int]], bar: float, min_count: int) -> set[str]:
    """The keys whose reports were matched at least `bar` of the time over at least `min_count` reports."""
    return {key for key, (matched, total) in counts.items() if total >= min_count and matched >= bar * total}


def kept(run: ArticleRun, keys: set[str], key: str) -> list:
    """The article's attributions with the unlisted-verb reports of `keys` only."""
    dropped = {example.cue_start for example in run.examples if key_of(example, key) not in keys}
    return [group for cue, group in run.groups.items() if group.kind == "direct" or cue[0] not in dropped]


def fold_of(stem: str, folds: int, seed: int) -> int:
    return int(hashlib.md5(f"{seed}:{stem}".encode()).hexdigest(), 16) % folds


def _f1(tp: int, predicted: int, gold: int) -> float:
    return 2 * tp / max(predicted + gold, 1)


def _counts(runs: list[ArticleRun], chosen) -> tuple[int, int, int]:
    """tp, predicted, gold of `runs` with the attributions `chosen(run)` keeps."""
    counts = score([run.article for run in runs], {run.article.stem: chosen(run) for run in runs})
    return counts["atp"], counts["ap"], counts["ag"]


def cross_validate(runs: list[ArticleRun], folds: int, seed: int, learn, name: str) -> list[float]:
    """Print each fold's figures without and with what `learn(train runs)` keeps (a function
    run -> kept attributions), pooled; return the per-fold F1 gains."""
    gains, totals = [], {"base": (0, 0, 0), "learned": (0, 0, 0)}
    for fold in range(folds):
        test = [run for run in runs if fold_of(run.article.stem, folds, seed) == fold]
        chosen = learn([run for run in runs if fold_of(run.article.stem, folds, seed) != fold])
        base, learned = _counts(test, lambda run: filtered(run, None)), _counts(test, chosen)
        totals = {"base": tuple(map(sum, zip(totals["base"], base))),
                  "learned": tuple(map(sum, zip(totals["learned"], learned)))}
        gains.append(_f1(*learned) - _f1(*base))
        print(f"{name} seed {seed} fold {fold}: tp/predicted/gold {base[0]}/{base[1]}/{base[2]} -> "
              f"{learned[0]}/{learned[1]}/{learned[2]}  F1 {_f1(*base):.4f} -> {_f1(*learned):.4f}")
    for part, (tp, predicted, gold) in totals.items():
        print(f"{name} seed {seed} pooled {part:7s}: tp {tp} predicted {predicted} gold {gold}  "
              f"P {tp / predicted:.4f} R {tp / gold:.4f} F1 {_f1(tp, predicted, gold):.4f}")
    print(f"{name} seed {seed} per-fold gain {statistics.mean(gains):+.4f} +- {statistics.stdev(gains):.4f}")
    return gains


def key_learner(key: str, bar: float, min_count: int):
    """Learn the keys of the training runs; keep their reports."""
    def learn(train: list[ArticleRun]):
        keys = selected(counts_of(train, key), bar, min_count)
        return lambda run: kept(run, keys, key)
    return learn


def model_learner(bar: float, l2: float = L2):
    """Fit report_model's logistic model on the training runs; keep reports at `bar`."""
    def learn(train: list[ArticleRun]):
        model = with_threshold(fit([example for run in train for example in run.examples], l2), train, bar)
        return lambda run: filtered(run, model)
    return learn


def print_frames(runs: list[ArticleRun], top: int = 15) -> None:
    """The unlisted verbs' reports by frame: matched / reports."""
    counts = counts_of(runs, "frame")
    for name, (matched, total) in sorted(counts.items(), key=lambda item: -item[1][1])[:top]:
        print(f"frame {name:20s} {matched:5d} / {total:5d}  P {matched / total:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT.parent / "train"))
    parser.add_argument("--cache", required=True, help="snapshot path whose .docs holds the cached parse")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--bar", type=float, default=BAR)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--key", choices=("lemma", "lemma+comp", "frame"), default="lemma")
    parser.add_argument("--model", type=float, nargs="*", default=[], help="also report_model's model at these bars")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    cache = Path(args.cache)
    runs = collect(Path(args.folder), cache.with_suffix(cache.suffix + ".docs"))
    examples = [example for run in runs for example in run.examples]
    print(f"{len(runs)} articles, {len(examples)} unlisted-verb reports, {sum(e.label for e in examples)} matched")
    print_frames(runs)
    for seed in args.seeds:
        cross_validate(runs, args.folds, seed, key_learner(args.key, args.bar, args.min_count), args.key)
        for bar in args.model:
            cross_validate(runs, args.folds, seed, model_learner(bar), f"model@{bar}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
