"""Train and cross-validate the learned step of the indirect attributions
(`pipeline.nlp.quotes.report_filter`): `python -m pipeline.evaluate.report_model
--cache SNAP [--folds 5] [--l2 3] [--bar P] [--write]`.

Data: the 840 PolNeAR train articles (parse cached in SNAP.docs, as quotes_snapshot
does). The extractor runs with the learned step forced on and keeping everything: every
report of a verb no lexicon lists ('unlisted_verb', `indirect_step`) is one example — its
features (`report_features`) and its label: whether its attribution (the quotes of its cue,
grouped as the evaluation groups them) is matched one-to-one by a gold Content (overlap
>= 0.5, `pipeline.evaluate.quotes`).

Model: L2-regularised logistic regression (numpy, Newton steps) over binary features seen
at least MIN_COUNT times in the training part. Threshold (`--bar` overrides it): half the
training part's all-attribution F1 without the step — adding a report with a higher chance
of being right raises F1.

Cross-validation by article (folds by a hash of the article name): each fold is scored
with the model trained on the other folds, by the evaluation's own one-to-one scorer,
beside the same fold without the step ('base'). `--write` trains on all 840 articles and
writes `pipeline/rules/quote_report_model.tsv` (which turns the step on in the pipeline).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.evaluate.polnear_gold import PredAttribution, read_corpus
from pipeline.evaluate.quotes_score import DEFAULT, pair_contents, content_positions, score
from pipeline.evaluate.quotes_snapshot import parsed_docs
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.quotes import indirect_step
from pipeline.nlp.quotes.report_features import report_features
from pipeline.nlp.quotes.report_filter import MODEL_PATH, UNLISTED, Model, probability, reports_of

MIN_COUNT = 3
L2 = 3.0


@dataclass
class Example:
    stem: str
    cue_start: int
    features: list[str]
    label: bool


@dataclass
class ArticleRun:
    """One article: its gold, the predicted attributions by key, the examples of its reports."""
    article: object
    groups: dict[tuple, PredAttribution]
    examples: list[Example]


@contextmanager
def recording(store: list):
    """Run the extractor keeping every report (no model) and note the judged ones in `store`."""
    original = indirect_step.kept_reports, indirect_step.installed_model

    def keep_all(ctx, quotes, rules, model):
        store.extend((ctx, report) for report in reports_of(quotes, rules) if report.rule == UNLISTED)
        return quotes

    indirect_step.kept_reports, indirect_step.installed_model = keep_all, lambda: True
    try:
        yield
    finally:
        indirect_step.kept_reports, indirect_step.installed_model = original


def _groups(quotes) -> dict[tuple, PredAttribution]:
    """The evaluation's predicted attributions (pipeline.evaluate.quotes_predict.group_rows on an unchanged text)."""
    groups: dict[tuple, PredAttribution] = {}
    for quote in sorted(quotes, key=lambda quote: quote.start):
        key = (quote.cue_start, quote.speaker_start) if quote.cue_start is not None else ("q", quote.start)
        group = groups.setdefault(key, PredAttribution([], quote.kind))
        group.spans.append((quote.start, quote.end))
        if quote.kind == "direct":
            group.kind = "direct"
    return groups


def collect(folder: Path, cache: Path) -> list[ArticleRun]:
    docs = dict(parsed_docs(folder, cache))
    runs = []
    for article in read_corpus(folder):
        doc, store = docs[article.stem], []
        with recording(store):
            quotes = extract_quotes(doc, *extract_entities(doc))
        groups = _groups(quotes)
        keys = list(groups)
        gold = [content_positions(article.text, attribution.content) for attribution in article.gold]
        matched = {keys[index] for _, index, _ in pair_contents(gold, [content_positions(article.text, group.spans)
                                                                  for group in groups.values()])}
        examples = [Example(article.stem, report.quotes[0].cue_start, report_features(ctx, report),
                            any(key[0] == report.quotes[0].cue_start for key in matched))
                    for ctx, report in store]
        runs.append(ArticleRun(article, groups, examples))
    return runs


def fit(examples: list[Example], l2: float = L2) -> Model:
    """Logistic regression with an L2 penalty (Newton-Raphson), threshold half the F1."""
    counts: dict[str, int] = {}
    for example in examples:
        for name in set(example.features):
            counts[name] = counts.get(name, 0) + 1
    vocab = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    column = {name: index for index, name in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab) + 1))
    x[:, -1] = 1.0
    for row, example in enumerate(examples):
        for name in example.features:
            if name in column:
                x[row, column[name]] = 1.0
    y = np.array([example.label for example in examples], dtype=float)
    weights = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(25):
        prob = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (prob - y) + penalty * weights
        hessian = (x * (prob * (1 - prob))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-6:
            break
    return Model(float(weights[-1]), 0.0, {name: float(weights[column[name]]) for name in vocab})


def with_threshold(model: Model, runs: list[ArticleRun], bar: float | None = None) -> Model:
    """`model` with its threshold: `bar`, else half the F1 of the attributions without the model."""
    if bar is not None:
        return model._replace(threshold=bar)
    counts = score([run.article for run in runs], {run.article.stem: filtered(run, None) for run in runs})
    return model._replace(threshold=counts["atp"] / (counts["ap"] + counts["ag"]))


def filtered(run: ArticleRun, model: Model | None) -> list[PredAttribution]:
    """The article's attributions with the unlisted-verb reports `model` keeps (none without one)."""
    dropped = {example.cue_start for example in run.examples
               if model is None or probability(model, example.features) < model.threshold}
    return [group for key, group in run.groups.items() if group.kind == "direct" or key[0] not in dropped]


def fold_of(stem: str, folds: int) -> int:
    return int(hashlib.md5(stem.encode()).hexdigest(), 16) % folds


def cross_validate(runs: list[ArticleRun], folds: int, l2: float = L2, bar: float | None = None) -> None:
    totals = {"base": [0, 0, 0], "model": [0, 0, 0]}
    for fold in range(folds):
        train = [run for run in runs if fold_of(run.article.stem, folds) != fold]
        test = [run for run in runs if fold_of(run.article.stem, folds) == fold]
        model = with_threshold(fit([example for run in train for example in run.examples], l2), train, bar)
        for name, used in (("base", None), ("model", model)):
            counts = score([run.article for run in test], {run.article.stem: filtered(run, used) for run in test})
            totals[name] = [total + counts[key] for total, key in zip(totals[name], ("atp", "ap", "ag"))]
            print(f"fold {fold} {name:5s} tp {counts['atp']} predicted {counts['ap']} gold {counts['ag']} "
                  f"F1 {2 * counts['atp'] / (counts['ap'] + counts['ag']):.4f}")
    for name, (tp, predicted, gold) in totals.items():
        print(f"cross-validated ({folds} folds by article) {name:5s}: tp {tp} predicted {predicted} gold {gold}  "
              f"P {tp / predicted:.4f} R {tp / gold:.4f} F1 {2 * tp / (predicted + gold):.4f}")


def model_text(model: Model, n_examples: int) -> str:
    lines = ["# Learned step of the indirect attributions (pipeline/nlp/quotes/report_filter.py): logistic",
             f"# weights over report features, trained on {n_examples} reports of the 840 PolNeAR train articles by",
             "# `python -m pipeline.evaluate.report_model --write`; a report whose probability is below the",
             "# threshold (half the training F1) is dropped. Generated: do not edit by hand.",
             f"bias\t{model.bias:.6f}", f"threshold\t{model.threshold:.6f}"]
    lines += [f"{name}\t{weight:.6f}" for name, weight in sorted(model.weights.items()) if abs(weight) >= 1e-4]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT.parent / "train"))
    parser.add_argument("--cache", required=True, help="snapshot path whose .docs holds the cached parse")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=L2, help="the L2 penalty of the weights")
    parser.add_argument("--bar", type=float, default=None, help="keep reports at this probability (default: F1/2)")
    parser.add_argument("--write", action="store_true", help=f"train on all articles, write {MODEL_PATH.name}")
    args = parser.parse_args(argv)
    cache = Path(args.cache)
    runs = collect(Path(args.folder), cache.with_suffix(cache.suffix + ".docs"))
    examples = [example for run in runs for example in run.examples]
    print(f"{len(runs)} articles, {len(examples)} reports judged, {sum(e.label for e in examples)} matched")
    cross_validate(runs, args.folds, args.l2, args.bar)
    if args.write:
        model = with_threshold(fit(examples, args.l2), runs, args.bar)
        MODEL_PATH.write_text(model_text(model, len(examples)), encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({len(model.weights)} weights, threshold {model.threshold:.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
