"""The learned step of the indirect attributions (report_filter, indirect_step, the trainer
pipeline.evaluate.report_model): a verb no lexicon lists gives a report only when a model
is installed and judges it likely enough; the trainer's logistic fit learns which
features go with matched reports."""
from __future__ import annotations

import pytest

from pipeline.evaluate.report_model import Example, fit, model_text
from pipeline.nlp.quotes import indirect_step
from pipeline.nlp.quotes.report_filter import Model, probability, read_model
from tests.test_quotes import quotes_in

TEXT = "Senator Smith fretted that the budget was far too small for the schools."


def _with_model(monkeypatch, model: Model | None):
    monkeypatch.setattr(indirect_step, "installed_model", lambda: model)


def test_no_model_no_unlisted_report(monkeypatch):
    _with_model(monkeypatch, None)
    assert not [quote for quote in quotes_in(TEXT) if quote.cue == "fretted"]


def test_model_keeps_a_likely_report(monkeypatch):
    _with_model(monkeypatch, Model(bias=-2.0, threshold=0.5, weights={"lemma=fret": 4.0}))
    found = [quote for quote in quotes_in(TEXT) if quote.cue == "fretted"]
    assert [quote.text for quote in found] == ["that the budget was far too small for the schools"]
    assert found[0].speaker_text and "Smith" in found[0].speaker_text


def test_model_drops_an_unlikely_report(monkeypatch):
    _with_model(monkeypatch, Model(bias=-2.0, threshold=0.5, weights={"lemma=fret": 1.0}))
    assert not [quote for quote in quotes_in(TEXT) if quote.cue == "fretted"]


def test_fit_learns_the_features_of_matched_reports():
    examples = [Example("a", index, ["lemma=vow", "comp=ccomp"], True) for index in range(20)]
    examples += [Example("b", index, ["lemma=win", "comp=dobj"], False) for index in range(20)]
    model = fit(examples)
    assert probability(model, ["lemma=vow", "comp=ccomp"]) > 0.8
    assert probability(model, ["lemma=win", "comp=dobj"]) < 0.2


def test_model_file_round_trip():
    model = Model(bias=-1.25, threshold=0.364, weights={"lemma=vow": 0.5, "rule=unlisted_verb": -0.25})
    again = read_model(model_text(model, 40))
    assert again == model
    assert probability(again, ["lemma=vow"]) == pytest.approx(probability(model, ["lemma=vow"]))
