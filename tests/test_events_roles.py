"""Issue 11, session 17: the learned actor-role step (`pipeline.nlp.events.roles`) and its trainer (`train_roles`), on
real spaCy parses: which triggers it is asked about, its candidates and features, the labels the trainer gives, and
that a model's choice becomes an event (no model file is installed: the extractor runs the rules alone); the
classification of missed gold events (`pipeline.evaluate.events_misses`)."""
from __future__ import annotations

from pipeline.evaluate.events_misses import classify, where
from pipeline.nlp import parse_texts
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.events.align import GoldEvent
from pipeline.nlp.events.extract import extract_events
from pipeline.nlp.events.learned import EventModel, NONE
from pipeline.nlp.events.lexicon import lexicon
from pipeline.nlp.events.roles import event_roles, ROLES_PATH, RoleModel, SOURCE, TARGET
from pipeline.nlp.events.train_roles import label_sites, RoleRecorder

SENTENCE = "Clinton did not appear concerned about working with the Vermont senator to ensure a deal."


def _silent(sentence: str, roles):
    doc = next(iter(parse_texts([sentence])))
    entities, mentions = extract_entities(doc)
    return extract_events(doc, entities, mentions, None, model=None, check=None, roles=roles)


def test_silent_triggers_and_their_candidates():
    rec = RoleRecorder()
    assert _silent(SENTENCE, rec) == []  # the role rules find no actors for "working with"
    site = next(s for s in rec.seen if s.tok.text == "working")
    assert site.etype == "COOPERATE"
    by_text = {c.tok.text: c.feats for c in site.cands}
    assert set(by_text) == {"Clinton", "senator"}
    assert "clauses=1" in by_text["Clinton"] and "side=before" in by_text["Clinton"]
    assert "last=pobj|t=V" in by_text["senator"]


def test_trainer_labels_the_gold_actors_of_the_site_that_holds_them():
    rec = RoleRecorder()
    _silent(SENTENCE, rec)
    examples = label_sites("f", [GoldEvent("COOPERATE", "Clinton", "Vermont senator")], rec.seen)
    labels = sorted(e.label for e in examples)
    assert labels.count(SOURCE) == 1 and labels.count(TARGET) == 1
    assert all(e.label == NONE for e in label_sites("f", [], rec.seen))  # no gold event: all neither


def test_a_chosen_source_and_target_become_an_event():
    model = RoleModel(EventModel({"clauses=1": {SOURCE: 5.0}, "last=pobj|t=V": {TARGET: 5.0}}, 0.0))
    got = {(e.event_type, e.actor1_text, e.actor2_text) for e in _silent(SENTENCE, model)}
    assert ("COOPERATE", "Clinton", "the Vermont senator") in got


def test_no_role_model_is_shipped():
    assert not ROLES_PATH.exists() and event_roles() is None


def test_miss_classification_names_where_the_failing_actor_stands():
    doc = next(iter(parse_texts([SENTENCE])))
    entities, mentions = extract_entities(doc)
    working = next(t for t in doc if t.text == "working")
    assert where(working, next(t for t in doc if t.text == "senator")) == "prepositional object"
    assert where(working, next(t for t in doc if t.text == "Clinton")) == "another clause"
    cause, place, kind = classify(GoldEvent("COOPERATE", "Clinton", "Vermont senator"), doc, entities, mentions,
                                  lexicon())
    assert cause.startswith("actors: ") and kind == "named entity"
