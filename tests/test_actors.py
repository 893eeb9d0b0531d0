"""Actors: one persistent table with aliases, types, dated roles; resolution evidence;
stable IDs across batches. Seed tests read the warehouse the real pipeline built."""
from __future__ import annotations

import random
import shutil

import dagster as dg
import duckdb
import pytest
from spacy.tokens import Span

from pipeline import kb
from pipeline.actor_resolution import resolve_all
from pipeline.actors import ActorIndex
from pipeline.cli_run import run_pipeline
from pipeline.evaluate.actors_bbc import annotate_files, clusters, load_in_batches, mention_rows
from pipeline.names import given_names_compatible, kb_entry, org_key, person_name_parts
from pipeline.nlp import load_model
from pipeline.nlp.entities import extract_entities, link_spans
from pipeline.records import LocalEntity
from tests.conftest import SEEDS, corpus, rows

RESOLVED = "SELECT i.resolved_id FROM actor_identity i WHERE i.actor_id = a.actor_id"


def _actors_with_alias(con, alias: str) -> set[str]:
    return {r[0] for r in rows(con, f"""
        SELECT DISTINCT ({RESOLVED}) FROM actors a JOIN actor_aliases al USING (actor_id)
        WHERE al.alias = ?""", alias)}


def _resolved_by_name(con, name: str) -> str:
    found = rows(con, f"SELECT DISTINCT ({RESOLVED}) FROM actors a WHERE a.canonical_name = ?", name)
    assert len(found) == 1, (name, found)
    return found[0][0]


# --- seeds -----------------------------------------------------------------------------------


def test_kerry_forms_are_one_actor(seed_db):
    kerry = _resolved_by_name(seed_db, "John Kerry")
    for alias in ("Kerry", "Mr. Kerry", "John Kerry"):
        assert _actors_with_alias(seed_db, alias) == {kerry}, alias
    # the titled forms: the name inside them is a mention of the same actor, the title a role
    titled = rows(seed_db, """
        SELECT DISTINCT m.actor_id FROM mentions m JOIN versions v USING (version_id)
        WHERE m.text = 'John Kerry' AND (
            right(left(v.text, m.start_char), 19) = 'Secretary of State '
        )""")
    assert {r[0] for r in titled} == {kerry}
    roles = rows(seed_db, "SELECT role, affiliation FROM actor_roles WHERE actor_id = ?", kerry)
    assert ("secretary of state", "United States") in roles  # "U.S. Secretary of State John Kerry"
    assert ("secretary of state", None) in roles  # "Secretary of State John Kerry"


def test_everything_kerry_said_is_one_actor_id(seed_db):
    kerry = _resolved_by_name(seed_db, "John Kerry")
    said = rows(seed_db, """
        SELECT count(*), count(DISTINCT q.version_id) FROM quotes q
        JOIN actor_identity i ON i.actor_id = q.speaker_actor_id WHERE i.resolved_id = ?""", kerry)
    n_quotes, n_versions = said[0]
    assert n_quotes >= 5 and n_versions >= 3


def test_lavrov_nyt_and_reuters_spellings_are_one_actor(seed_db):
    ids = _actors_with_alias(seed_db, "Sergey V. Lavrov") | _actors_with_alias(seed_db, "Sergei Lavrov")
    assert len(ids) == 1
    evidence = rows(seed_db, """
        SELECT method, confidence, evidence FROM actor_links
        WHERE local_name = 'Sergei Lavrov' AND method <> 'same_name'""")
    assert evidence and all(c >= 0.75 and e for _, c, e in evidence)


@pytest.mark.parametrize("a,b", [("Bashar al-Assad", "Barack Obama"), ("Sergey V. Lavrov", "Vladimir V. Putin"),
                                 ("Victoria J. Nuland", "Jen Psaki")])
def test_different_people_stay_apart(seed_db, a, b):
    assert _resolved_by_name(seed_db, a) != _resolved_by_name(seed_db, b)


def test_assad_surname_and_particle_forms_join_full_name(seed_db):
    assad = _resolved_by_name(seed_db, "Bashar al-Assad")
    assert _actors_with_alias(seed_db, "Assad") == {assad}
    assert _actors_with_alias(seed_db, "Mr. Assad") == {assad}


@pytest.mark.parametrize("name,role", [("John Kerry", "secretary of state"), ("Sergey V. Lavrov", "foreign minister"),
                                       ("Jen Psaki", "spokeswoman"), ("Staffan de Mistura", "envoy")])
def test_roles_found(seed_db, name, role):
    actor = _resolved_by_name(seed_db, name)
    found = rows(seed_db, "SELECT role, affiliation, first_seen, last_seen, version_id FROM actor_roles WHERE actor_id = ?",
                 actor)
    assert role in {r[0] for r in found}
    assert all(r[4] for r in found)


def test_role_affiliations(seed_db):
    got = set(rows(seed_db, """SELECT a.canonical_name, r.role, r.affiliation FROM actor_roles r
                               JOIN actors a USING (actor_id) WHERE r.affiliation IS NOT NULL"""))
    assert ("Jen Psaki", "spokeswoman", "State Department") in got
    assert ("Staffan de Mistura", "envoy", "United Nations") in got
    assert ("Sergey V. Lavrov", "foreign minister", "Russia") in got


def test_ner_corrections_and_types(seed_db):
    types = dict(rows(seed_db, "SELECT canonical_name, actor_type FROM actors"))
    assert types["Staffan de Mistura"] == "person"  # tagged ORG by spaCy; "Mr. de Mistura" decides
    assert types["Aleppo"] == "place"  # tagged NORP/PERSON; "the city of Aleppo" decides
    assert types["Russia"] == "place" and types["State Department"] == "organization"
    assert not {"n’t", "n't", "State", "Russian", "Syrian", "Anne BarnardGENEVA"} & set(types)


def test_demonyms_are_affiliations_not_speakers(seed_db):
    linked = rows(seed_db, """
        SELECT DISTINCT m.label, a.canonical_name, a.actor_type FROM mentions m JOIN actors a USING (actor_id)
        WHERE m.text IN ('Russian', 'Russians')""")
    assert linked and all(r == ("NORP", "Russia", "place") for r in linked)
    speakers = rows(seed_db, """SELECT count(*) FROM quotes q JOIN mentions m
                                ON m.version_id = q.version_id AND m.start_char = q.speaker_start
                                WHERE m.label = 'NORP'""")
    assert speakers[0][0] == 0


def test_actor_links_keep_evidence_for_every_entity(seed_db):
    missing = rows(seed_db, """SELECT count(*) FROM mentions m WHERE NOT EXISTS (
        SELECT 1 FROM actor_links l WHERE l.version_id = m.version_id AND l.actor_id = m.actor_id)""")
    assert missing[0][0] == 0
    bad = rows(seed_db, "SELECT count(*) FROM actor_links WHERE confidence NOT BETWEEN 0 AND 1 OR method IS NULL")
    assert bad[0][0] == 0


# --- unit: names -------------------------------------------------------------------------------


def test_person_name_parts_handles_particles_and_honorifics():
    assert person_name_parts("Bashar al-Assad") == (["Bashar"], "assad")
    assert person_name_parts("Assad")[1] == person_name_parts("al-Assad")[1] == "assad"
    assert person_name_parts("Staffan de Mistura") == (["Staffan"], "mistura")
    assert person_name_parts("Mr. de Mistura") == ([], "mistura")
    assert person_name_parts("Sergey V. Lavrov") == (["Sergey", "V."], "lavrov")


def test_given_name_compatibility():
    assert given_names_compatible(["Sergey", "V."], ["Sergei"]) > 0
    assert given_names_compatible(["Mohammad"], ["Mohammed"]) > 0
    assert given_names_compatible(["J."], ["John"]) > 0
    assert given_names_compatible(["Barack"], ["Bashar"]) == 0
    assert given_names_compatible(["John"], ["Adam"]) == 0
    assert given_names_compatible(["George", "W."], ["George", "H."]) == 0


def test_org_key_ignores_corporate_suffixes():
    assert org_key("Apple Inc.") == org_key("Apple Computer") == org_key("Apple")
    assert org_key("Ford Motor Company") == org_key("Ford")
    assert org_key("General Motors Corporation") == org_key("General Motors") != org_key("General")
    assert org_key("Apple Corps") != org_key("Apple")


# --- unit: in-document linking (real spaCy model) -----------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _by_name(entities):
    return {e.canonical_name: e for e in entities}


def test_in_document_linking_titles_and_demonyms(nlp):
    doc = nlp("Secretary of State John Kerry met Russia’s foreign minister, Sergey V. Lavrov, in Geneva. "
              "“We agreed,” Mr. Kerry said. Mr. Lavrov said the Russian proposal stood. "
              "Staffan de Mistura, the United Nations envoy, also spoke. Mr. de Mistura said talks would resume.")
    entities, mentions = extract_entities(doc)
    ents = _by_name(entities)
    kerry, lavrov, mistura = ents["John Kerry"], ents["Sergey V. Lavrov"], ents["Staffan de Mistura"]
    assert {"Mr. Kerry", "John Kerry"} <= kerry.aliases and kerry.gender == "m"
    assert ("secretary of state", None) in kerry.roles
    assert ("foreign minister", "Russia") in lavrov.roles
    assert mistura.actor_type == "person" and ("envoy", "United Nations") in mistura.roles
    russian = [m for m in mentions if m.text == "Russian"]
    assert russian and russian[0].label == "NORP" and russian[0].entity_key == ents["Russia"].key
    assert all(m.label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC") for m in mentions)
    assert all(doc.text[m.start:m.end] == m.text for m in mentions)


def test_surname_before_full_name_and_descriptions(nlp):
    doc = nlp("Assad has ruled since 2000. President Bashar al-Assad spoke on Monday. "
              "The president said the war would go on.")
    entities, mentions = extract_entities(doc)
    persons = [e for e in entities if e.actor_type == "person"]
    assert [p.canonical_name for p in persons] == ["Bashar al-Assad"]
    assert any(m.text.lower() == "the president" and m.entity_key == persons[0].key for m in mentions)


# --- unit: cross-document resolution ----------------------------------------------------------


def _person(name, roles=(), aliases=()):
    return LocalEntity(key=name, canonical_name=name, actor_type="person", aliases={name, *aliases}, roles=list(roles))


def test_two_smiths_stay_apart_and_bare_surname_needs_evidence():
    idx = ActorIndex()
    john = idx.resolve(_person("John Smith"))
    adam = idx.resolve(_person("Adam Smith"))
    assert john.actor_id != adam.actor_id and john.is_new and adam.is_new
    bare = idx.resolve(_person("Smith"))
    assert bare.actor_id not in (john.actor_id, adam.actor_id)  # no evidence to choose
    with_role = ActorIndex()
    a = with_role.resolve(_person("John Smith", roles=[("senator", None)]))
    with_role.resolve(_person("Adam Smith", roles=[("professor", None)]))
    assert with_role.resolve(_person("Smith", roles=[("senator", None)])).actor_id == a.actor_id


def test_transliteration_needs_evidence():
    idx = ActorIndex()
    # a person the knowledge base does not know (Lavrov's spellings are all Phoenix forms)
    first = idx.resolve(_person("Sergey V. Karlov", roles=[("foreign minister", "Russia")]))
    same = idx.resolve(_person("Sergei Karlov", roles=[("foreign minister", "Russia")]))
    assert same.actor_id == first.actor_id and same.method == "name_variant" and "same role" in same.evidence
    other = ActorIndex()
    other.resolve(_person("Sergey Karlov"))
    assert other.resolve(_person("Sergei Karlov")).is_new  # a variant alone is not enough


def test_late_full_name_is_a_recorded_merge_not_an_id_change():
    idx = ActorIndex()
    role = [("secretary of state", None)]
    kerry = idx.resolve(_person("Kerry", roles=role))
    full = idx.resolve(_person("John Kerry", roles=role))
    assert full.is_new and full.actor_id != kerry.actor_id
    assert idx.new_merges == [{"from_actor_id": kerry.actor_id, "to_actor_id": full.actor_id,
                               "reason": idx.new_merges[0]["reason"]}]
    assert "same role" in idx.new_merges[0]["reason"]
    assert idx.resolve(_person("Kerry")).actor_id == full.actor_id
    # without evidence a surname-only actor stays itself ("Kennedy" may be any Kennedy)
    other = ActorIndex()
    other.resolve(_person("Kennedy"))
    other.resolve(_person("John F. Kennedy"))
    assert other.new_merges == []


def test_index_from_rows_keeps_ids():
    idx = ActorIndex.from_rows(
        [{"actor_id": "actor_x", "canonical_name": "John Kerry", "actor_type": "person"}],
        [{"actor_id": "actor_x", "alias": "Mr. Kerry"}],
        [{"actor_id": "actor_x", "role": "secretary of state", "affiliation": None}], [])
    assert idx.resolve(_person("John Kerry")).actor_id == "actor_x"
    assert idx.resolve(_person("Kerry", aliases=("Mr. Kerry",))).actor_id == "actor_x"  # alias seen before


# --- stable IDs across batches (real pipeline) --------------------------------------------------


def test_second_batch_keeps_existing_actor_ids(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for f in seeds[:2]:
        shutil.copy2(f, inbox / f.name)
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    with duckdb.connect(str(db), read_only=True) as con:
        before = set(con.sql("SELECT actor_id, canonical_name, actor_type FROM actors").fetchall())
        mentions_before = set(con.sql("SELECT mention_id, actor_id FROM mentions").fetchall())
    for f in seeds[2:]:
        shutil.copy2(f, inbox / f.name)
    run_pipeline(str(inbox), str(db), instance=instance)
    with duckdb.connect(str(db), read_only=True) as con:
        after = set(con.sql("SELECT actor_id, canonical_name, actor_type FROM actors").fetchall())
        mentions_after = set(con.sql("SELECT mention_id, actor_id FROM mentions").fetchall())
        merges = con.sql("SELECT from_actor_id, to_actor_id, reason FROM actor_merges").fetchall()
        kerry = con.sql("""SELECT DISTINCT i.resolved_id FROM actor_aliases al
                           JOIN actor_identity i USING (actor_id) WHERE al.alias IN ('Kerry', 'John Kerry')""").fetchall()
    assert {a for a, _, _ in before} <= {a for a, _, _ in after}  # no actor row disappears
    # an earlier mention changes actor only along a recorded merge, repointed in the same load
    merged = {(src, dst) for src, dst, _ in merges}
    now = dict(mentions_after)
    moved = {(old, now[m]) for m, old in mentions_before if now[m] != old}
    assert moved <= merged
    assert all(reason for _, _, reason in merges)
    assert len(kerry) == 1


def test_tagger_errors_are_corrected(nlp):
    doc = nlp("By Anne BarnardGENEVA — The talks don’t start today, said Mr. de Mistura in the city of Aleppo.")
    words = [t.text for t in doc]
    spans = [
        Span(doc, words.index("Anne"), words.index("Anne") + 2, label="PERSON"),  # "Anne BarnardGENEVA"
        Span(doc, words.index("n’t"), words.index("n’t") + 1, label="GPE"),
        Span(doc, words.index("de"), words.index("de") + 2, label="ORG"),  # "de Mistura" after "Mr."
        Span(doc, words.index("Aleppo"), words.index("Aleppo") + 1, label="NORP"),
    ]
    entities, mentions, keys = link_spans(doc, spans)
    ents = {e.canonical_name: e for e in entities}
    assert ents["Anne Barnard"].actor_type == "person"
    assert keys[1] is None  # "n’t" is no entity
    assert ents["Mr. de Mistura"].actor_type == "person" and ents["Mr. de Mistura"].gender == "m"
    assert ents["Aleppo"].actor_type == "place"
    assert all(doc.text[m.start:m.end] == m.text for m in mentions)
    assert "Anne Barnard" in {m.text for m in mentions}


def test_same_files_give_same_clusters_in_any_order_and_batch_split(tmp_path):
    """Order independence on the seeds: three orders, three batch splits, one set of clusters;
    and Obama (seen alone first in one order) is one actor with Barack Obama."""
    items = annotate_files(sorted(SEEDS.iterdir()))
    results = []
    for seed, size in ((0, len(items)), (1, 1), (2, 2)):
        order = list(items)
        random.Random(seed).shuffle(order)
        db = tmp_path / f"order{seed}.duckdb"
        load_in_batches(order, size, db)
        results.append(mention_rows(db))
    assert clusters(results[0]) == clusters(results[1]) == clusters(results[2])
    for got in results:
        obama = {r.actor for r in got if r.text in ("Obama", "Barack Obama", "President Obama")}
        assert len(obama) == 1, obama


def test_party_variants_junk_and_venues_inside_a_document(nlp):
    doc = nlp("The Tories and the Conservative Party attacked the Lib Dems. Tory MP Boris Johnson told "
              "BBC Radio 4 that the Liberal Democrats were wrong. The vote closes at 2200 GMT.")
    entities, mentions, _ = link_spans(doc)
    by_name = {e.canonical_name: e for e in entities}
    assert by_name["Conservative Party"].actor_type == "organization"
    assert {"Tories", "Conservative Party"} <= by_name["Conservative Party"].aliases
    assert "Liberal Democrats" in by_name and "Lib Dems" not in by_name
    assert not any(m.text == "GMT" for m in mentions)  # a time zone is no actor
    venue = [m for m in mentions if m.text.startswith("BBC Radio")]
    assert venue and all(m.label == "VENUE" for m in venue)  # where it was said, never a speaker


def test_honorific_gender_blocks_merges(nlp):
    doc = nlp("Michael Howard's wife, Sandra, will campaign. Mrs Howard will visit seats. "
              "Mr Howard will host a news conference.")
    entities, mentions, _ = link_spans(doc)
    key_of = {m.text: m.entity_key for m in mentions}
    assert key_of["Mrs Howard"] != key_of["Michael Howard"]
    assert key_of["Mrs Howard"] != key_of["Mr Howard"]
    # across documents: a woman never joins the man known as "Mr Howard"
    index = ActorIndex()
    michael = index.resolve(LocalEntity("a", "Michael Howard", "person", {"Michael Howard", "Mr Howard"}, gender="m"))
    sandra = index.resolve(LocalEntity("b", "Mrs Howard", "person", {"Mrs Howard", "Howard"}, gender="f"))
    assert sandra.actor_id != michael.actor_id


def test_knowledge_base_names_types_and_evidence():
    un = kb_entry({"UN"})
    assert un is not None and un.canonical == "United Nations" and un.actor_type == "organization"
    assert kb_entry({"Blair"}) is None  # people only by full names
    versions = {"v1": [LocalEntity("a", "UN", "organization", {"UN"})],
                "v2": [LocalEntity("b", "United Nations", "organization", {"United Nations"})],
                "v3": [LocalEntity("c", "Tony Blair", "organization", {"Tony Blair"})]}  # mistyped
    index, links = resolve_all(versions)
    assert index.final(links[("v1", "a")].actor_id) == index.final(links[("v2", "b")].actor_id)
    assert "Phoenix" in links[("v1", "a")].evidence
    blair = index.actors[index.final(links[("v3", "c")].actor_id)]
    assert blair.actor_type == "person" and "GBRGOV" in links[("v3", "c")].evidence


def test_knowledge_base_file_is_the_converter_output():
    folder = corpus("event-coding")
    rows = kb.convert(folder)
    text = kb.OUTPUT.read_text(encoding="utf-8")
    assert ["\t".join(r) for r in rows] == [line for line in text.splitlines() if not line.startswith("#")], \
        "rules/phoenix_actors.tsv is stale: run `python -m pipeline.kb`"


def test_fuller_name_later_merges_and_repoints_in_the_same_load(tmp_path):
    """"Obama" alone in the first load, "Barack Obama" in the second: the surname-only actor
    is merged into the full name (actor_merges), and the first load's mentions and quotes
    point at the new actor — no row is left on the old ID."""
    first = tmp_path / "a_first.txt"
    first.write_text("Obama speaks\n\nPresident Obama said on Monday that talks would go on. "
                     "\"We will not wait,\" Obama said.\n", encoding="utf-8")
    second = tmp_path / "b_second.txt"
    second.write_text("Barack Obama visits Berlin\n\nPresident Barack Obama arrived in Berlin on Tuesday. "
                      "Obama met the chancellor.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    load_in_batches(annotate_files([first, second]), 1, db)
    with duckdb.connect(str(db), read_only=True) as con:
        merges = con.sql("SELECT f.canonical_name, t.canonical_name FROM actor_merges m "
                         "JOIN actors f ON f.actor_id = m.from_actor_id JOIN actors t ON t.actor_id = m.to_actor_id"
                         ).fetchall()
        on_old = con.sql("SELECT count(*) FROM mentions WHERE actor_id IN (SELECT from_actor_id FROM actor_merges)"
                         ).fetchall()[0][0]
        speakers = {r[0] for r in con.sql("SELECT DISTINCT a.canonical_name FROM quotes q "
                                          "JOIN actors a ON a.actor_id = q.speaker_actor_id").fetchall()}
        obama = {r[0] for r in con.sql("SELECT DISTINCT actor_id FROM mentions WHERE text LIKE '%Obama%'").fetchall()}
    assert ("Obama", "Barack Obama") in merges
    assert on_old == 0 and len(obama) == 1
    assert speakers == {"Barack Obama"}  # the quote said in the first load
