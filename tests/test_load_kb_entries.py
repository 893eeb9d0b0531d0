"""The knowledge-base actor of each entity is looked up in the NLP workers and handed to
the load (pipeline.load.remember_kb_entries), so actor resolution neither reads the
knowledge base nor looks those names up again; the rows are the same (warehouse_snapshot
compared the bench's load)."""
from __future__ import annotations

from pipeline import actor_kb, load, names, nlp
from pipeline.records import LocalEntity, VersionAnnotations

TEXT = ("Tony Blair met Vladimir Putin in Moscow on Tuesday. Blair said the talks with the "
        "Russian president had been frank, a spokesman for the United Nations said later.")


def test_the_nlp_stage_returns_each_entity_kb_entry():
    (annotation,) = nlp.annotate_versions([(0, 1, TEXT, None)])
    assert annotation.entities and len(annotation.kb_entries) == len(annotation.entities)
    assert list(annotation.kb_entries) == [names.kb_entry(e.aliases | {e.canonical_name}) for e in annotation.entities]
    assert any(kb is not None for kb in annotation.kb_entries)  # the text names Phoenix actors


def test_the_load_uses_the_kb_entries_it_is_handed(monkeypatch):
    entity = LocalEntity("e1", "Somebody Nobody Else Names", "person", {"Somebody Nobody Else Names"})
    found = names.KBEntry("Somebody", "organization", "test.txt SOMEBODY", "")
    load.remember_kb_entries([VersionAnnotations(0, 1, [entity], [], [], [], kb_entries=(found,))])
    monkeypatch.setattr(actor_kb, "kb_entry", lambda *_: (_ for _ in ()).throw(AssertionError("looked up again")))
    assert actor_kb.entity_kb(entity) == found
