"""The error classes of `pipeline.evaluate.quotes_misses` (issue 14, session 27): an extent error is named by
the side that is off and by how many tokens, with the words past the shorter end."""
from pipeline.evaluate.quotes_misses import extent
from pipeline.nlp import load_model


def _positions(text: str, part: str) -> frozenset[int]:
    start = text.index(part)
    return frozenset(range(start, start + len(part)))


def test_a_prediction_ending_early_is_named_by_its_side_distance_and_the_words_it_left_out():
    text = "The minister said the plan would work well in the spring of next year."
    doc = load_model()(text)
    starts = [tok.idx for tok in doc]
    gold = _positions(text, "the plan would work well in the spring of next year")
    pred = _positions(text, "the plan would work")
    assert extent(doc, starts, gold, pred) == ("end early 6-10", "well in")


def test_a_prediction_starting_early_and_ending_late_names_both_sides():
    text = "The minister said that the plan would work, prompting protests."
    doc = load_model()(text)
    starts = [tok.idx for tok in doc]
    gold = _positions(text, "the plan would work")
    pred = _positions(text, "that the plan would work, prompting protests")
    assert extent(doc, starts, gold, pred) == ("start early 1-2 + end late 3-5", ", prompting")
