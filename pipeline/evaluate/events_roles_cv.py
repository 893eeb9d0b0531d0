"""Leave-one-file-out cross-validation of the learned actor-role step (`python -m pipeline.evaluate.events_roles_cv`).

Why: a model trained on the development files scores in-sample on them; how it does on a file it has never seen is
the question (the proxy for a fresh file). Each training gold file (`pipeline.nlp.events.train.training_files`) is
held out in turn: the role model is trained on the others' silent triggers (`train_roles.py`), then the held-out
file's sentences are extracted by the rules with it; precision, recall and F1 are pooled over all folds and compared
with the rules alone on the same sentences, for each margin a role must beat "neither" by (a perceptron score). The
fresh development files dev 11-13 (labelled in session 16, never tuned on by the rules) are also pooled apart."""
from __future__ import annotations

import sys

from pipeline.evaluate.events import prf, score
from pipeline.nlp.events.extract import extract_events
from pipeline.nlp.events.learned import EventModel
from pipeline.nlp.events.roles import RoleModel
from pipeline.nlp.events.train import as_dicts, fit_model, training_files
from pipeline.nlp.events.train_roles import role_cases, RoleCase

MARGINS = (None, 0.0, 1.0, 2.0, 4.0)  # None: the rules alone
FRESH = ("events_dev11.tsv", "events_dev12.tsv", "events_dev13.tsv")


def _pooled(gold: list, preds: list) -> tuple[float, float, float]:
    r = score(gold, preds)
    return prf(sum(r["tp_p"].values()), sum(r["n_p"].values()), sum(r["tp_g"].values()), sum(r["n_g"].values()))


def _predict(case: RoleCase, roles) -> list[dict]:
    return as_dicts(extract_events(case.doc, case.entities, case.mentions, None, model=None, check=None, roles=roles))


def cross_validate(margins=MARGINS) -> dict:
    """Pooled (P, R, F1) of each margin over the held-out folds, overall and on the fresh files."""
    cases = role_cases(training_files())
    groups = sorted({c.group for c in cases})
    preds = {m: [None] * len(cases) for m in margins}
    for group in groups:
        model = fit_model([e for c in cases if c.group != group for e in c.examples])
        for m in margins:
            roles = None if m is None else RoleModel(EventModel(model.weights, m, model.classes))
            for i, c in enumerate(cases):
                if c.group == group:
                    preds[m][i] = _predict(c, roles)
    gold = [c.gold for c in cases]
    fresh = [i for i, c in enumerate(cases) if c.group in FRESH]
    return {"pooled": {m: _pooled(gold, preds[m]) for m in margins},
            "fresh": {m: _pooled([gold[i] for i in fresh], [preds[m][i] for i in fresh]) for m in margins},
            "files": len(groups), "sentences": len(cases),
            "examples": sum(len(c.examples) for c in cases)}


def main() -> int:
    r = cross_validate()
    print(f"Learned actor-role step, leave-one-file-out over {r['files']} gold files ({r['sentences']} sentences, "
          f"{r['examples']} candidate actor heads of silent triggers):")
    for m in MARGINS:
        name = "rules alone" if m is None else f"rules + roles m={m}"
        (P, R, F), (fP, fR, fF) = r["pooled"][m], r["fresh"][m]
        print(f"  {name:<22} pooled precision {P:.3f}  recall {R:.3f}  F1 {F:.3f}   "
              f"dev 11-13 P {fP:.3f} R {fR:.3f} F1 {fF:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
