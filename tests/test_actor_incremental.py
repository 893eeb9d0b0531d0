"""Incremental actor resolution: a load resolves again only the components of entities its
new versions touch (pipeline.actor_components), and gets exactly the tables that
resolving every stored version again gives — over several batches of real BBC articles,
table by table — and the clusters of one single build."""
from __future__ import annotations

import copy
import random
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipeline import (actor_components, actor_key_rules, actor_keys, actor_pairs, actor_resolution, actor_workers, actors,
                      load, purge, reannotate)
from pipeline.actor_components import components
from pipeline.evaluate.actors_bbc import annotate_files, clusters, load_in_batches, mention_rows
from pipeline.load_actors import entity_columns
from pipeline.model_sql import create_all_views
from pipeline.records import LocalEntity
from tests.conftest import SEEDS, corpus

# What actor resolution writes, without the time a merge was recorded.
ACTOR_TABLES = {"actors": None, "actor_aliases": None, "actor_roles": None, "actor_links": None,
                "actor_merges": "merged_at", "mentions": None, "quotes": None, "events": None,
                "event_mentions": None}


def _tables(db) -> dict[str, list[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(map(str, con.sql(f"SELECT * {f'EXCLUDE ({drop})' if drop else ''} FROM {t}").fetchall()))
                for t, drop in ACTOR_TABLES.items()}


@pytest.fixture(scope="module")
def annotated():
    politics = sorted(corpus("bbc-news/politics").glob("*.txt"))
    picked = random.Random(16).sample(politics, 70) + sorted(SEEDS.iterdir())
    items = annotate_files(picked)
    random.Random(7).shuffle(items)
    return items


def test_incremental_loads_equal_full_resolution_table_by_table(annotated, tmp_path, monkeypatch):
    incremental, full, single = tmp_path / "incremental.duckdb", tmp_path / "full.duckdb", tmp_path / "one.duckdb"
    load_in_batches(annotated, 12, incremental)
    monkeypatch.setattr(actor_resolution, "FULL_RESOLUTION", True)
    load_in_batches(annotated, 12, full)
    load_in_batches(annotated, len(annotated), single)
    got, want = _tables(incremental), _tables(full)
    assert got["actor_merges"], "the sample must move stored entities (merges) for the test to mean something"
    for table in ACTOR_TABLES:
        assert got[table] == want[table], table
    assert clusters(mention_rows(incremental)) == clusters(mention_rows(single))


def test_a_batch_resolves_only_the_components_it_touches(annotated):
    versions = {f"v{i:03d}": ann.entities for i, item in enumerate(annotated) for ann in item.annotations}
    stored = {v: es for v, es in versions.items() if v != "v000"}
    full = actor_resolution.resolve_corpus(stored, [], full=True)
    links = [actor_resolution.StoredLink(v, e, full.links[(v, e.key)].actor_id) for v, es in stored.items() for e in es]
    batch = {"v000": versions["v000"]}
    incremental = actor_resolution.resolve_corpus(batch, links)
    everything = actor_resolution.resolve_corpus(batch, links, full=True)
    assert len(incremental.links) < len(everything.links) / 2  # far fewer entities resolved again
    assert {k: v.actor_id for k, v in incremental.links.items()} == \
        {k: everything.links[k].actor_id for k in incremental.links}
    assert incremental.repoints == everything.repoints and incremental.merges == everything.merges


def test_components_join_what_can_meet_and_nothing_else():
    def person(key, name, *aliases):
        return LocalEntity(key, name, "person", {name, *aliases})

    def org(key, name):
        return LocalEntity(key, name, "organization", {name})

    versions = {"v1": [person("a", "Tony Blair"), org("b", "General Motors"), org("c", "Northrop Grumman")],
                "v2": [person("d", "Blair", "Mr Blair"), org("e", "GM"), org("f", "Northrop")],
                "v3": [person("g", "Gordon Brown"), org("h", "Harvard Law School")]}
    parts = {frozenset(p) for p in components(versions)}
    assert frozenset({("v1", "a"), ("v2", "d")}) in parts  # a surname meets the full name
    assert frozenset({("v1", "b"), ("v2", "e")}) in parts  # an acronym meets the name it spells
    assert frozenset({("v1", "c"), ("v2", "f")}) in parts  # a short name meets the name it starts
    assert frozenset({("v3", "g")}) in parts and frozenset({("v3", "h")}) in parts


def _reannotate_with_the_same_annotations(annotated, db, batch_size: int) -> None:
    """Re-annotation (pipeline.reannotate) of every version in batches, with the annotations
    the extractors gave before: what an upgrade that leaves the entities alone looks like."""
    found = {(v.text, v.title): ann for item in annotated for ann in item.annotations
             for v in item.articles[ann.article_index].versions if v.version_no == ann.version_no}
    with duckdb.connect(str(db)) as con:
        ids = [r[0] for r in con.sql("SELECT version_id FROM versions ORDER BY version_id").fetchall()]
        for start in range(0, len(ids), batch_size):
            chunk = ids[start:start + batch_size]
            stale = reannotate.read_stale(con, chunk)
            annotations = [copy.deepcopy(found[(s.text, s.title)]) for s in stale]
            reannotate.write(con, chunk, reannotate.build_rows(con, stale, annotations))


def test_reannotation_that_finds_the_same_entities_leaves_the_actors_as_they_are(annotated, tmp_path):
    db = tmp_path / "w.duckdb"
    load_in_batches(annotated, len(annotated), db)  # one build
    before = _tables(db)
    _reannotate_with_the_same_annotations(annotated, db, 10)
    after = _tables(db)
    assert not after["actor_merges"]
    for table in ACTOR_TABLES:
        assert after[table] == before[table], table


def test_reannotation_with_changed_entities_resolves_as_a_full_resolution(annotated, tmp_path, monkeypatch):
    """A version whose entities changed makes the batch resolve every component again (the
    entities it dropped may have joined components): the same tables as the reference."""
    changed = copy.deepcopy(annotated)
    for item in changed[:5]:
        for ann in item.annotations:
            ann.entities = ann.entities[1:]  # the "new extractor" drops one entity of these versions
            kept = {e.key for e in ann.entities}
            ann.mentions = [m for m in ann.mentions if m.entity_key in kept]
    got, want = tmp_path / "got.duckdb", tmp_path / "want.duckdb"
    for db in (got, want):
        load_in_batches(annotated, len(annotated), db)
    _reannotate_with_the_same_annotations(changed, got, 25)
    monkeypatch.setattr(actor_resolution, "FULL_RESOLUTION", True)
    _reannotate_with_the_same_annotations(changed, want, 25)
    got_tables, want_tables = _tables(got), _tables(want)
    for table in ACTOR_TABLES:
        assert got_tables[table] == want_tables[table], table


def test_a_batch_with_the_stored_entities_resolves_nothing_again(annotated):
    versions = {f"v{i:03d}": ann.entities for i, item in enumerate(annotated) for ann in item.annotations}
    full = actor_resolution.resolve_corpus(versions, [], full=True)
    links = [actor_resolution.StoredLink(v, e, full.links[(v, e.key)].actor_id) for v, es in versions.items() for e in es]
    again = {v: copy.deepcopy(versions[v]) for v in ("v000", "v001", "v002")}
    resolution = actor_resolution.resolve_corpus(again, links)
    assert actor_resolution.changed_versions(again, links) == set()
    assert {link.method for link in resolution.links.values()} == {actor_resolution.KEPT}
    assert {k: link.actor_id for k, link in resolution.links.items()} == \
        {(s.version_id, s.entity.key): s.actor_id for s in links if s.version_id in again}
    assert not resolution.repoints and not resolution.merges
    again["v001"][0].aliases.add("another name")  # one version's entities changed: resolved again
    assert actor_resolution.changed_versions(again, links) == {"v001"}
    methods = {link.method for link in actor_resolution.resolve_corpus(again, links).links.values()}
    assert actor_resolution.KEPT not in methods


def test_components_resolved_on_two_cores_give_the_same_resolution(annotated, monkeypatch):
    versions = {f"v{i:03d}": ann.entities for i, item in enumerate(annotated) for ann in item.annotations}
    monkeypatch.setattr(actor_workers, "MIN_ENTITIES", 10 ** 9)  # one process
    one = actor_resolution.resolve_corpus(versions, [], full=True)
    sides = []
    halves = actor_workers._halves
    monkeypatch.setattr(actor_workers, "_halves", lambda parts: sides.append(halves(parts)) or sides[-1])
    monkeypatch.setattr(actor_workers, "MIN_ENTITIES", 0)
    monkeypatch.setattr(actor_workers.os, "cpu_count", lambda: 2)
    two = actor_resolution.resolve_corpus(versions, [], full=True)
    assert sides and sides[0][0] and sides[0][1], "both processes must resolve some components"
    assert two.links == one.links and two.names == one.names and two.merges == one.merges


def _index(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.sql(f"SELECT * FROM {actor_keys.TABLE}").fetchall())


def _rebuilt_index(db) -> list[tuple]:
    """The key index as one built from scratch over the stored links gives it."""
    with duckdb.connect(str(db)) as con:
        con.execute("BEGIN TRANSACTION")
        con.execute(f"DELETE FROM {actor_keys.TABLE}")
        actor_keys.store_missing_keys(con)
        rows = sorted(con.sql(f"SELECT * FROM {actor_keys.TABLE}").fetchall())
        con.execute("ROLLBACK")
    return rows


def test_the_key_index_reads_only_what_a_batch_reaches_and_stays_as_a_rebuild_gives(annotated, tmp_path,
                                                                                    monkeypatch):
    """Loads read the stored links through the key index (fewer than all of them) and get the
    tables of resolving with every stored link (test above); the index the loads, a
    re-annotation that changes entities and a load onto a warehouse without the index leave
    is the one a rebuild over the stored links gives."""
    reads = []
    read = actor_keys.read_reachable
    monkeypatch.setattr(actor_keys, "read_reachable",
                        lambda con, entities: reads.append(read(con, entities)) or reads[-1])
    db, rebuilt = tmp_path / "w.duckdb", tmp_path / "old.duckdb"
    load_in_batches(annotated[:50], 10, db)
    # the first load found no stored link (an empty index) and read none through it; the other four did
    assert len(reads) == 4 and all(read.links for read in reads)
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.sql("SELECT count(*) FROM actor_links").fetchall()[0][0]
    assert len(reads[-1].links) < stored  # the last batch read only the links it can reach
    assert _index(db) == _rebuilt_index(db)
    changed = copy.deepcopy(annotated[:50])
    for item in changed[:3]:
        for ann in item.annotations:
            ann.entities = ann.entities[1:]
            ann.mentions = [m for m in ann.mentions if m.entity_key in {e.key for e in ann.entities}]
    _reannotate_with_the_same_annotations(changed, db, 25)
    assert _index(db) == _rebuilt_index(db)
    kept = tmp_path / "kept.duckdb"
    for target in (rebuilt, kept):
        load_in_batches(annotated[:50], 50, target)
    with duckdb.connect(str(rebuilt)) as con:
        con.execute(f"DELETE FROM {actor_keys.TABLE}")  # a warehouse built before the index
    reads.clear()
    load_in_batches(annotated[50:], 25, rebuilt)  # the first load reads every link, its transaction builds the index
    assert len(reads) == -(-len(annotated[50:]) // 25) - 1  # the later loads through the index
    load_in_batches(annotated[50:], 25, kept)
    assert _index(rebuilt) == _rebuilt_index(rebuilt) == _index(kept)
    assert _tables(rebuilt) == _tables(kept)


def test_keys_of_other_name_rules_are_rebuilt_by_the_next_load(annotated, tmp_path, monkeypatch):
    """The index's keys come from the name rules (rules/org_variants.tsv, ...): a warehouse whose
    keys carry another fingerprint (a rule file edited since) is not complete; the next load
    reads every stored link, and its transaction replaces the keys with the current ones."""
    db = tmp_path / "w.duckdb"
    load_in_batches(annotated[:30], 30, db)
    with duckdb.connect(str(db)) as con:
        assert actor_keys.complete(con)
        con.execute(f"COMMENT ON TABLE {actor_keys.TABLE} IS 'keys of an older org_variants.tsv'")
        con.execute(f"UPDATE {actor_keys.TABLE} SET key = 'stale:' || key")
        assert not actor_keys.complete(con)
    reads = []
    read = actor_keys.read_reachable
    monkeypatch.setattr(actor_keys, "read_reachable",
                        lambda con, entities: reads.append(read(con, entities)) or reads[-1])
    load_in_batches(annotated[30:40], 10, db)
    assert reads == []  # resolved with every stored link
    assert _index(db) == _rebuilt_index(db)
    assert not any(key.startswith("stale:") for _, _, key, _ in _index(db))
    with duckdb.connect(str(db), read_only=True) as con:
        assert actor_keys.complete(con)


def test_the_keys_fingerprint_covers_the_key_rules_not_the_index_queries():
    """The fingerprint reads the module that computes a link's keys (and the name code and
    rule files), not actor_keys itself: an edit of how the index is stored or read keeps
    every warehouse's keys, an edit of what they are rebuilds them."""
    sources = {path.resolve() for path in actor_keys.KEY_SOURCES}
    assert Path(actor_key_rules.__file__).resolve() in sources
    assert Path(actor_keys.__file__).resolve() not in sources
    assert actor_keys.link_keys is actor_key_rules.link_keys  # the index stores what the rules compute


def test_the_keys_fingerprint_covers_the_knowledge_base_lookup_the_key_rules_read():
    """`with_kb_type` and the `kb:` key read `entity_kb`: the module defining it is fingerprinted
    (until session 27 it was pipeline.actors, outside KEY_SOURCES), all of pipeline.actors is not."""
    sources = {path.resolve() for path in actor_keys.KEY_SOURCES}
    for reader in (actor_key_rules, actor_components):
        assert Path(sys.modules[reader.entity_kb.__module__].__file__).resolve() in sources
    assert Path(actors.__file__).resolve() not in sources


def _store(con, versions: dict[str, list[LocalEntity]]) -> list[actor_resolution.StoredLink]:
    """Stored versions as a load leaves them: resolved together, their actor links, actors and keys."""
    resolution = actor_resolution.resolve_corpus(versions, [], full=True)
    links = [actor_resolution.StoredLink(v, e, resolution.links[(v, e.key)].actor_id)
             for v, entities in versions.items() for e in entities]
    con.register("stored_links", pl.DataFrame(
        [{"version_id": s.version_id, "entity_key": s.entity.key, "actor_id": s.actor_id,
          "local_name": s.entity.canonical_name, "method": "new", "confidence": 1.0, **entity_columns(s.entity)}
         for s in links]))
    con.execute("INSERT INTO actor_links BY NAME SELECT * FROM stored_links")
    con.register("stored_actors", pl.DataFrame(
        [{"actor_id": actor_id, "canonical_name": name, "actor_type": kind}
         for actor_id, (name, kind) in resolution.names.items()]))
    con.execute("INSERT INTO actors BY NAME SELECT * FROM stored_actors")
    actor_keys.store_missing_keys(con)
    return links


def test_the_closure_reaches_the_organization_joins_through_links_the_batch_does_not_probe(tmp_path):
    """The joins `components` makes beyond shared names — an acronym and the organization its
    letters spell, a short name and the longer names it starts, an organization named like a
    person and retyped — reached through a stored link the batch's own keys do not find:
    every touched component is read whole, and resolution over what is read equals resolution
    over every stored link."""
    def ent(key, name, kind):
        return LocalEntity(key, name, kind, {name})

    stored = {"s1": [ent("a", "General Motors", "organization")],
              "s2": [ent("b", "General Motors Holdings", "organization")],  # short name "General Motors"
              "s3": [ent("c", "Lockheed Martin", "organization")],
              "s4": [ent("d", "LM", "organization")],  # the initials of Lockheed Martin
              "s5": [ent("e", "Nicola Sturgeon", "person")],
              "s6": [ent("f", "Nicola Sturgeon", "organization")],  # retyped a person by s5
              "s7": [ent("g", "NS", "organization")],  # the initials of the organization s6 was
              "s8": [ent("h", "Zenith Bank", "organization")]}  # meets none of them
    batch = {"new": [ent("x", "GM", "organization"), ent("y", "Lockheed", "organization"),
                     ent("z", "Sturgeon", "person")]}
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        load.ensure_schema(con)
        links = _store(con, stored)
        probed = actor_keys.probes(batch["new"])
        direct = {(v, k) for v, k, key, role in con.sql(f"SELECT * FROM {actor_keys.TABLE}").fetchall()
                  if key in probed and role & actor_keys.HAS}
        read = actor_keys.read_reachable(con, batch["new"])
    reached = {(s.version_id, s.entity.key) for s in read.links}
    new = {("new", e.key) for e in batch["new"]}
    touched = {pair for part in components({**stored, **batch}) if part & new for pair in part} - new
    assert {("s2", "b"), ("s4", "d"), ("s7", "g")} <= touched - direct  # reached through another stored link
    assert touched <= reached and ("s8", "h") not in reached
    got = actor_resolution.resolve_corpus(batch, read.links, partial=read.partial)
    want = actor_resolution.resolve_corpus(batch, links, full=True)
    assert {k: link.actor_id for k, link in got.links.items()} == {k: want.links[k].actor_id for k in got.links}
    assert new <= set(got.links)
    assert got.repoints == want.repoints and got.merges == want.merges


# The pair counts as the actor_cooccurrence model counted them before the table: every pair
# of actors (after merges, no venue) sharing an article, from the stg_mentions model.
COUNTED_PAIRS = """
WITH sentences AS (SELECT DISTINCT article_id, sentence_hash, actor_id FROM stg_mentions WHERE label <> 'VENUE'),
articles AS (SELECT DISTINCT article_id, actor_id FROM sentences),
shared AS (SELECT a.article_id, a.actor_id AS actor_a, b.actor_id AS actor_b, count(*) AS sentences
           FROM sentences a JOIN sentences b ON a.article_id = b.article_id AND a.sentence_hash = b.sentence_hash
           AND a.actor_id < b.actor_id GROUP BY ALL)
SELECT a.actor_id, b.actor_id, coalesce(sum(shared.sentences), 0), count(shared.sentences), count(*)
FROM articles a JOIN articles b ON a.article_id = b.article_id AND a.actor_id < b.actor_id
LEFT JOIN shared ON shared.article_id = a.article_id AND shared.actor_a = a.actor_id AND shared.actor_b = b.actor_id
GROUP BY ALL"""


def _pairs_as_counted(db) -> tuple[list[tuple], list[tuple]]:
    """(the stored actor_pairs, the pairs counted from every mention), sorted."""
    with duckdb.connect(str(db)) as con:
        create_all_views(con)
        return (sorted(con.sql(f"SELECT * FROM {actor_pairs.TABLE}").fetchall()),
                sorted(con.sql(COUNTED_PAIRS).fetchall()))


def test_the_pair_counts_stay_what_counting_every_mention_gives(annotated, tmp_path):
    """actor_pairs after loads in batches (repoints and merges), a re-annotation that changes
    entities, a purge, and a load onto a warehouse built before the table: always the counts
    of every mention, as the actor_cooccurrence model counted them before the table."""
    db, old = tmp_path / "w.duckdb", tmp_path / "old.duckdb"
    load_in_batches(annotated, 12, db)
    stored, counted = _pairs_as_counted(db)
    assert stored == counted and len(stored) > 1000
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("SELECT count(*) FROM actor_merges").fetchall()[0][0]  # merges moved pairs
    changed = copy.deepcopy(annotated)
    for item in changed[:5]:
        for ann in item.annotations:
            ann.entities = ann.entities[1:]
            ann.mentions = [m for m in ann.mentions if m.entity_key in {e.key for e in ann.entities}]
    _reannotate_with_the_same_annotations(changed, db, 25)
    reannotated, counted = _pairs_as_counted(db)
    assert reannotated == counted != stored
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE files SET status = 'deleted' WHERE file_id IN (SELECT file_id FROM files LIMIT 9)")
        assert purge.purge_deleted(con).articles
    purged, counted = _pairs_as_counted(db)
    assert purged == counted != reannotated
    load_in_batches(annotated[:40], 40, old)
    with duckdb.connect(str(old)) as con:  # a warehouse built before the table
        con.execute(f"DELETE FROM {actor_pairs.TABLE}")
        con.execute(f"COMMENT ON TABLE {actor_pairs.TABLE} IS NULL")
    load_in_batches(annotated[40:], 20, old)  # the first load counts every article, the next ones their own
    rebuilt, counted = _pairs_as_counted(old)
    assert rebuilt == counted == stored  # and the same as the first build (resolution ignores batches)
