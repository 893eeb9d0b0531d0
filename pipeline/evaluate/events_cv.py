"""Leave-one-file-out cross-validation of the learned event steps (`python -m pipeline.evaluate.events_cv`).

Why: the development figure of a model trained on the development files is in-sample; the question is how it does on
a file it has never seen, which is what a fresh held-out file measures once. Each training gold file (see
`pipeline.nlp.events.train.training_files`) is held out in turn: the model is trained on the others (and the GSR
positives), then the fold's sentences are extracted with it; precision, recall and F1 are pooled over all folds and
compared with the rules alone on the same sentences, for each setting of the two learned steps: the candidate step
(`m` = the margin a type must beat the no-event class by; a perceptron score) and the check of found events (`m` = the
log-odds its drop must reach: 0, 1.0, 2.2 are probabilities 0.5, 0.73, 0.9)."""
from __future__ import annotations

import sys
from collections import Counter

from pipeline.evaluate.events import prf, score
from pipeline.nlp.events.extract import extract_events
from pipeline.nlp.events.align import UNSURE
from pipeline.nlp.events.learned import EventModel, NONE
from pipeline.nlp.events.train import (
    as_dicts, Case, examples_of, fit_logistic, fit_model, gold_cases, gsr_examples, training_files,
)

# (candidate-step margin, check margin): None = that step off; (None, None) is the rules alone
SETTINGS = ((None, None), (0.0, None), (1.0, None), (None, 0.0), (None, 1.0), (None, 2.2), (0.0, 1.0), (0.0, 2.2))


def _pooled(r: dict) -> tuple[float, float, float]:
    return prf(sum(r["tp_p"].values()), sum(r["n_p"].values()), sum(r["tp_g"].values()), sum(r["n_g"].values()))


def _with_margin(model: EventModel, margin: float | None) -> EventModel | None:
    return None if margin is None else EventModel(model.weights, margin, model.classes)


def fold_predictions(cases: list[Case], model: EventModel | None, check: EventModel | None) -> list[list[dict]]:
    return [as_dicts(extract_events(c.doc, c.entities, c.mentions, None, model=model, check=check)) for c in cases]


def _fold_examples(cases: list[Case]) -> tuple[dict, dict, Counter]:
    """Candidate and check examples by gold file, and the alignment's coverage."""
    examples: dict[str, list] = {}
    checks: dict[str, list] = {}
    coverage = Counter()
    for c in cases:
        exs, got = examples_of(c)
        examples.setdefault(c.group, []).extend(exs)
        checks.setdefault(c.group, []).extend(c.checks)
        coverage["aligned"] += sum(1 for v in got.labels.values() if v not in (NONE, UNSURE))
        coverage["unaligned"] += len(got.unaligned)
    return examples, checks, coverage


def cross_validate(settings=SETTINGS) -> dict:
    """Pooled (P, R, F1) of each setting over the held-out folds, and per-file F1."""
    cases = gold_cases(training_files())
    examples, checks, coverage = _fold_examples(cases)
    extra = gsr_examples()
    groups = sorted(examples)
    gold = [c.gold for c in cases]
    preds = {s: [None] * len(cases) for s in settings}
    per_file: dict[str, dict] = {}
    for group in groups:
        model = fit_model([e for g in groups if g != group for e in examples[g]] + extra)
        check = fit_logistic([e for g in groups if g != group for e in checks[g]])
        idx = [i for i, c in enumerate(cases) if c.group == group]
        for s in settings:
            fold = fold_predictions([cases[i] for i in idx], _with_margin(model, s[0]), _with_margin(check, s[1]))
            for i, ps in zip(idx, fold):
                preds[s][i] = ps
        per_file[group] = {s: _pooled(score([gold[i] for i in idx], [preds[s][i] for i in idx])) for s in settings}
    return {"pooled": {s: _pooled(score(gold, preds[s])) for s in settings}, "per_file": per_file,
            "coverage": coverage, "sentences": len(cases), "gsr": len(extra)}


def _name(setting) -> str:
    model, check = setting
    if model is None and check is None:
        return "rules alone"
    parts = ([f"model m={model}"] if model is not None else []) + ([f"check m={check}"] if check is not None else [])
    return "rules + " + " + ".join(parts)


def main_cv() -> int:
    r = cross_validate()
    cov = r["coverage"]
    print(f"Leave-one-file-out cross-validation: {len(r['per_file'])} gold files, {r['sentences']} sentences; "
          f"gold events the rules miss: {cov['aligned']} reproduced at some token told their type (positives), "
          f"{cov['unaligned']} not (their actors are beyond the rule actor finders); "
          f"GSR positives {r['gsr']}")
    print(f"  F1 by held-out file: " + "  ".join(f"[{k}] {_name(s)}" for k, s in enumerate(SETTINGS)))
    print(f"  {'file':<24}" + "".join(f"{'[' + str(k) + ']':>7}" for k in range(len(SETTINGS))))
    for name, row in sorted(r["per_file"].items()):
        print(f"  {name:<24}" + "".join(f"{row[s][2]:>7.3f}" for s in SETTINGS))
    for k, (s, (P, R, F)) in enumerate(r["pooled"].items()):
        print(f"[{k}] {_name(s):<36} pooled precision {P:.3f}  recall {R:.3f}  F1 {F:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main_cv())
