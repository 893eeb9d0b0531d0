"""The out-of-fold harness of a learned content end (pipeline.evaluate.quote_extent, candidate ends
and their features; pipeline.evaluate.quote_extent_train, labels and fit). Not a step of the
extraction since session 25 (no gain out of fold): these check the harness measures what it says."""
from __future__ import annotations

from pipeline.evaluate.quote_extent_train import Move, article_moves, chosen_ends, fit
from pipeline.evaluate.quotes_score import content_positions
from pipeline.nlp import parse_texts
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes
from pipeline.evaluate.quote_extent import CLASSES, ExtentModel, move_features, stretch_features

TEXT = "Senator Smith said the budget was too small, which worried the teachers in the state."
WHOLE = "the budget was too small, which worried the teachers in the state"


def _parsed(text: str):
    doc = list(parse_texts([text]))[0]
    return doc, extract_quotes(doc, *extract_entities(doc))


def test_the_extraction_keeps_the_rules_end():
    _, quotes = _parsed(TEXT)
    assert [quote.text for quote in quotes if quote.kind == "indirect"] == [WHOLE]


def test_the_fit_learns_which_moves_gain():
    moves = [Move("a", 0, 5, ["ext", "w=which"], 0)] * 20 + [Move("a", 1, 5, ["ext", "w=in"], 1)] * 20 \
        + [Move("a", 2, 5, ["cut", "w=in"], 2)] * 20
    model = fit(moves, l2=1.0, iterations=100, threshold=0.2)
    assert model.move_score(["ext", "w=which"]) > 0.2 > model.move_score(["ext", "w=in"])
    assert chosen_ends(model, moves) == {("a", 0): 5}


def test_a_gain_below_the_threshold_moves_nothing():
    model = ExtentModel({"cut": {"gain": 4.0, "loss": 3.9}}, threshold=0.5)
    assert chosen_ends(model, [Move("a", 0, 5, ["cut"], 0)]) == {}


def test_no_candidate_end_takes_in_the_narrators_next_report():
    doc = _parsed("The bank said prices rose by 2% in May and the agency reported a fall of 1% in June.")[0]
    low = next(tok.i for tok in doc if tok.text == "prices")
    high = next(tok.i for tok in doc if tok.text == "May") + 1
    ends = [end for end, _ in move_features(doc, low, high, doc[low].sent, "none")]
    reported = next(tok.i for tok in doc if tok.text == "reported")
    assert ends and all(end <= reported for end in ends)


def test_the_trainer_labels_the_moves_of_the_contents_the_harness_moves():
    """A cut at the gold's end is labelled a gain, the rules' own end is not a move."""
    doc, quotes = _parsed(TEXT)
    gold_start = TEXT.index("the budget")
    golds = [content_positions(TEXT, [(gold_start, TEXT.index(", which"))])]
    moves = article_moves("a", doc, TEXT, quotes, golds)
    gains = [doc[move.end - 1].text for move in moves if CLASSES[move.label] == "gain"]
    assert "small" in gains and "state" not in gains  # overlap >= 0.5 with the gold: a match gained


def test_the_stretch_a_longer_end_adds_is_described_whole():
    """', which worried the teachers in the state': a clause with a finite verb and a subject of its own."""
    doc = _parsed(TEXT)[0]
    high = next(tok.i for tok in doc if tok.text == "small") + 1
    feats = stretch_features(doc, high, len(doc) - 1, "ext")
    assert {"S:ext|fin=1", "S:ext|subj", "S:ext|fin=1|dist6"} <= set(feats)
    assert stretch_features(doc, high, high, "keep") == []
