"""Issue 11: the learned event steps (`pipeline.nlp.events.learned`), the alignment of sentence-level gold events to
trigger tokens (`align`) and the trainer (`train`), on real spaCy parses."""
from __future__ import annotations

from pipeline.nlp import parse_texts
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.events.align import align, GoldEvent, UNSURE
from pipeline.nlp.events.extract import extract_events
from pipeline.nlp.events.learned import (
    CHECK_PATH, DROP, EventModel, MODEL_PATH, NONE, candidate_features, is_candidate, read_model,
)
from pipeline.nlp.events.lexicon import lexicon
from pipeline.nlp.events.train import (
    _reproducer, Example, fit_logistic, fit_model, missed_by_rules, Recorder, training_files, UNSEEN, write_model, HEADER,
)


def _doc(sentence: str):
    return next(iter(parse_texts([sentence])))


def _events(sentence: str, model=None, check=None) -> list[tuple]:
    doc = _doc(sentence)
    entities, mentions = extract_entities(doc)
    return [(e.event_type, e.actor1_text, e.actor2_text, e.trigger)
            for e in extract_events(doc, entities, mentions, None, model=model, check=check)]


def test_training_files_leave_out_the_unscored_heldouts_and_second_labellings():
    names = {p.name for p in training_files()}
    assert "events.tsv" in names and "events_dev9.tsv" in names
    assert not names & UNSEEN and not any(n.endswith("_second.tsv") for n in names)


def test_alignment_takes_the_token_whose_neighbourhood_holds_the_actors():
    doc = _doc("Obama said on Tuesday that Merkel had praised the Greek government for its reforms.")
    cands = [t for t in doc if is_candidate(t, lexicon())]
    got = align([GoldEvent("SUPPORT", "Merkel", "Greek government"), GoldEvent("AID", "Putin", "Xi")], cands, lexicon())
    labelled = {doc[i].text: label for i, label in got.labels.items() if label != NONE}
    assert labelled == {"praised": "SUPPORT"}  # not "said": its subtree is larger
    assert got.unaligned == [GoldEvent("AID", "Putin", "Xi")]  # no candidate holds these actors


def test_alignment_keeps_only_events_the_extractor_reproduces_at_the_token():
    doc = _doc("Barack Obama tickled Angela Merkel.")
    entities, mentions = extract_entities(doc)
    cands = [t for t in doc if is_candidate(t, lexicon())]
    reproduces = _reproducer(doc, entities, mentions)
    right = align([GoldEvent("ASSAULT", "Obama", "Merkel")], cands, lexicon(), reproduces)
    assert {doc[i].text: v for i, v in right.labels.items() if v != NONE} == {"tickled": "ASSAULT"}
    # the actors are there but the rule actor finders give them the other way round: no positive, no negative
    wrong = align([GoldEvent("ASSAULT", "Merkel", "Obama")], cands, lexicon(), reproduces)
    assert {doc[i].text: v for i, v in wrong.labels.items() if v != NONE} == {"tickled": UNSURE}
    assert wrong.unaligned == [GoldEvent("ASSAULT", "Merkel", "Obama")]


def test_missed_by_rules_is_the_evaluation_matching():
    gold = [{"type": "CONSULT", "actor1": "Kerry", "actor2": "Lavrov"}, {"type": "AID", "actor1": "EU", "actor2": ""}]
    preds = [{"type": "CONSULT", "actor1": "Lavrov", "actor2": "John Kerry"}]
    assert missed_by_rules(gold, preds) == [GoldEvent("AID", "EU", "")]


def test_perceptron_and_logistic_learn_and_are_deterministic():
    data = [Example("f", ["bias", "lem=hug"], "SUPPORT"), Example("f", ["bias", "lem=walk"], NONE)] * 5
    one, two = fit_model(data), fit_model(data)
    assert one.weights == two.weights
    assert one.decide(["bias", "lem=hug"]) == "SUPPORT" and one.decide(["bias", "lem=walk"]) is None
    checks = [Example("f", ["bias", "type=X"], DROP), Example("f", ["bias", "type=Y"], NONE)] * 20
    check = fit_logistic(checks)
    assert check.decide(["bias", "type=X"]) == DROP and check.decide(["bias", "type=Y"]) is None
    assert EventModel(check.weights, 50.0).decide(["bias", "type=X"]) is None  # the margin is a threshold


def test_model_file_round_trip(tmp_path):
    model = EventModel({"lem=hug": {"SUPPORT": 1.5, NONE: -0.25}, "bias": {NONE: 0.5}}, 0.75)
    path = tmp_path / "model.tsv"
    write_model(model, path, HEADER)
    back = read_model(path)
    assert back.weights == model.weights and back.margin == 0.75


def test_candidate_step_names_a_type_and_the_rule_actors_fill_it():
    sentence = "Barack Obama tickled Angela Merkel."
    assert _events(sentence) == []  # "tickle" is no trigger of the rules
    model = EventModel({"lem=tickle": {"ASSAULT": 3.0}})
    assert _events(sentence, model=model) == [("ASSAULT", "Barack Obama", "Angela Merkel", "tickled")]
    assert _events(sentence, model=EventModel({"lem=tickle": {"ASSAULT": 3.0}}, margin=5.0)) == []


def test_check_drops_the_events_it_judges_wrong_and_recorders_see_every_candidate():
    sentence = "Barack Obama met Angela Merkel in Berlin."
    assert [e[0] for e in _events(sentence)] == ["CONSULT"]
    assert _events(sentence, check=EventModel({"type=CONSULT": {DROP: 2.0}})) == []
    assert [e[0] for e in _events(sentence, check=EventModel({"type=CONSULT": {DROP: 2.0}}, margin=3.0))] == ["CONSULT"]
    rec = Recorder()
    _events("Barack Obama tickled Angela Merkel and then walked home.", model=rec)
    seen = {c.tok.text: c.feats for c in rec.seen}
    assert {"tickled", "walked"} <= set(seen)
    assert "lem=tickle" in seen["tickled"] and "subj=ent" in seen["tickled"] and "obj=ent" in seen["tickled"]


def test_shipped_extractor_reads_model_files_only_when_present():
    # not installed: cross-validation found no gain over the rules (pipeline.nlp.events.train docstring)
    assert not MODEL_PATH.exists() and not CHECK_PATH.exists()
    feats = candidate_features(_doc("Critics slammed the plan.")[1], lexicon())
    assert "lexV=DISAPPROVE" in feats and "pos=VERB" in feats
