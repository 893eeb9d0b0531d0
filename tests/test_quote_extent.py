"""The learned end of indirect contents (pipeline.nlp.quotes.extent) and its trainer
(pipeline.evaluate.quote_extent_train): the rules' end is kept unless the model expects a
match gained from moving it to a phrase boundary; the fit learns which moves gain."""
from __future__ import annotations

from pipeline.evaluate.quote_extent_train import Move, article_moves, fit, write_model
from pipeline.evaluate.quotes_score import content_positions
from pipeline.nlp import parse_texts
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extent, rule_quotes
from pipeline.nlp.quotes.extent import CLASSES, ExtentModel, MODEL_PATH, read_model
from tests.test_quotes import quotes_in

TEXT = "Senator Smith said the budget was too small, which worried the teachers in the state."


def _content(monkeypatch, model: ExtentModel | None) -> list[str]:
    monkeypatch.setattr(extent, "extent_model", lambda: model)
    return [quote.text for quote in quotes_in(TEXT) if quote.kind == "indirect"]


WHOLE = "the budget was too small, which worried the teachers in the state"


def test_without_a_model_the_rules_end_stays(monkeypatch):
    assert _content(monkeypatch, None) == [WHOLE]


def test_a_model_that_expects_a_gain_moves_the_end(monkeypatch):
    model = ExtentModel({"cut": {"gain": 2.0}, "sep=,|w=which": {"gain": 3.0}}, threshold=0.5)
    assert _content(monkeypatch, model) == ["the budget was too small"]


def test_a_gain_below_the_threshold_moves_nothing(monkeypatch):
    model = ExtentModel({"cut": {"gain": 4.0, "loss": 3.9}}, threshold=0.5)
    assert _content(monkeypatch, model) == [WHOLE]


def test_the_fit_learns_which_moves_gain(tmp_path):
    moves = [Move("a", 0, 5, ["ext", "w=which"], 0)] * 20 + [Move("a", 1, 5, ["ext", "w=in"], 1)] * 20 \
        + [Move("a", 2, 5, ["cut", "w=in"], 2)] * 20
    model = fit(moves, l2=1.0, iterations=100, threshold=0.2)
    assert model.move_score(["ext", "w=which"]) > 0.2 > model.move_score(["ext", "w=in"])
    path = tmp_path / "model.tsv"
    write_model(model, path, "test")
    read = read_model(path)
    assert read.threshold == 0.2 and read.move_score(["ext", "w=which"]) > 0.2 > read.move_score(["ext", "w=in"])


def test_the_shipped_model_reads():
    model = read_model(MODEL_PATH)
    assert model.weights and 0.0 < model.threshold < 1.0


def test_no_end_takes_in_the_narrators_next_report(monkeypatch):
    monkeypatch.setattr(extent, "extent_model", lambda: ExtentModel({"ext": {"gain": 5.0}}, threshold=0.5))
    found = [quote.text for quote in quotes_in("The bank said prices rose by 2% in May and the agency reported a fall "
                                                "of 1% in June.") if quote.kind == "indirect"]
    assert found and not any("reported" in text for text in found)


def test_the_trainer_labels_the_moves_of_the_contents_the_model_moves():
    """The trainer and learned_ends share movable_contents: a cut at the gold's end is labelled a gain."""
    doc = list(parse_texts([TEXT]))[0]
    quotes = rule_quotes(doc, *extract_entities(doc))
    gold_start = TEXT.index("the budget")
    golds = [content_positions(TEXT, [(gold_start, TEXT.index(", which"))])]
    moves = article_moves("a", doc, TEXT, quotes, golds)
    gains = [doc[move.end - 1].text for move in moves if CLASSES[move.label] == "gain"]
    assert "small" in gains and "state" not in gains  # overlap >= 0.5 with the gold: a match gained
