"""The learned step of the indirect attributions: a verb no lexicon lists, taken as a cue
('unlisted_verb', `indirect_step`), gives a report; a logistic model over the features of
that report (`report_features`) estimates how likely PolNeAR's annotators would file it as
an attribution, and it is kept only at or above the model's threshold — where keeping pays
for the F1 score: a report whose chance of being right is below half the F1 costs more
precision than it brings recall.

The weights are data, `pipeline/rules/quote_report_model.tsv`, written by
`python -m pipeline.evaluate.report_model --write` (trained on the 840 PolNeAR train
articles; see that module). Without the file none of them is kept."""
from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import RULES
from pipeline.nlp.quotes.report_features import Report, report_features
from pipeline.records import Quote

MODEL_PATH = RULES / "quote_report_model.tsv"
UNLISTED = "unlisted_verb"  # the rule name of the reports the model judges


class Model(NamedTuple):
    bias: float
    threshold: float
    weights: dict[str, float]


def read_model(text: str) -> Model:
    """A model file: '# comment' lines, 'bias <TAB> w', 'threshold <TAB> t', 'feature <TAB> w'."""
    values: dict[str, float] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, weight = line.rsplit("\t", 1)
            values[name] = float(weight)
    bias, threshold = values.pop("bias"), values.pop("threshold")
    return Model(bias, threshold, values)


@lru_cache(maxsize=1)
def installed_model() -> Model | None:
    return read_model(MODEL_PATH.read_text(encoding="utf-8")) if MODEL_PATH.exists() else None


def probability(model: Model, features: list[str]) -> float:
    score = model.bias + sum(model.weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-score))


def reports_of(quotes: list[Quote], rules: list[str]) -> list[Report]:
    """The quotes of the indirect step grouped into reports: one cue and one speaker each."""
    groups: dict[tuple, Report] = {}
    for quote, rule in zip(quotes, rules):
        groups.setdefault((quote.cue_start, quote.speaker_start), Report(rule, [])).quotes.append(quote)
    return list(groups.values())


def kept_reports(ctx: QuoteContext, quotes: list[Quote], rules: list[str], model: Model | None) -> list[Quote]:
    """`quotes` with the reports of unlisted verbs `model` keeps, in order (all of them
    dropped without a model)."""
    dropped = {id(quote) for report in reports_of(quotes, rules) if report.rule == UNLISTED and (
        model is None or probability(model, report_features(ctx, report)) < model.threshold) for quote in report.quotes}
    return [quote for quote in quotes if id(quote) not in dropped]
