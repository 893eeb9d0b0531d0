"""The table catalogue (sql/schema.yml, sql/models/models.yml) matches the database: every
table, view and model is documented column by column, keys and foreign keys come from it,
sql/README.md is generated from it, and every model answers on the seeds."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from pipeline import actor_pairs, catalog, checks, load
from pipeline.model_check import check_model
from pipeline.model_sql import create_all_views, ensure_views, model_files, model_fingerprint, model_order
from pipeline.pending import outdated_models
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def empty_schema():
    con = duckdb.connect(":memory:")
    load.ensure_schema(con)
    create_all_views(con)
    yield con
    con.close()


def test_every_table_and_view_documented_column_by_column(empty_schema):
    in_db = {name for (name,) in empty_schema.sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    documented = {n for n, r in catalog.relations().items() if r.kind in ("table", "view")}
    assert in_db - set(model_files()) == documented
    for name in documented:
        columns = [row[0] for row in empty_schema.sql(f"DESCRIBE {name}").fetchall()]
        assert columns == list(catalog.relations()[name].columns), name
        assert all(meaning.strip() for meaning in catalog.relations()[name].columns.values()), name


def test_views_of_another_database_are_not_the_warehouse_views():
    """ensure_views and the pending-work scan read the views of the current database and
    schema only: a view of the same name and fingerprint in an attached database (or a
    temporary one) does not stand for the warehouse's own."""
    con = duckdb.connect(":memory:")
    load.ensure_schema(con)
    con.execute("ATTACH ':memory:' AS other")
    fingerprint = model_fingerprint(model_files()["stg_mentions"].read_text(encoding="utf-8"))
    con.execute("CREATE VIEW other.main.stg_mentions AS SELECT 1 AS one")
    con.execute(f"COMMENT ON VIEW other.main.stg_mentions IS '{fingerprint}'")
    assert "stg_mentions" in outdated_models(con)
    ensure_views(con, ("stg_mentions",))
    assert con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'stg_mentions' "
                       "AND database_name = current_database()").fetchall() == [(fingerprint,)]
    assert "stg_mentions" not in outdated_models(con)
    con.close()


def test_keys_and_foreign_keys_come_from_the_catalogue(empty_schema):
    assert list(load.TABLE_KEYS) == [n for n, r in catalog.tables().items() if r.written_by is None]
    assert load.TABLE_KEYS["actor_roles"] == ("actor_id", "role", "version_id")
    for table, keys in load.TABLE_KEYS.items():  # the catalogue's key is the primary key in schema.sql
        pk = empty_schema.sql(
            "SELECT constraint_column_names FROM duckdb_constraints() "
            f"WHERE table_name = '{table}' AND constraint_type = 'PRIMARY KEY'").fetchall()
        if table in catalog.undeclared_keys():  # kept unique by the load's MERGE and the key checks
            assert not pk, table
        else:
            assert pk and tuple(pk[0][0]) == keys, table
    assert catalog.undeclared_keys() == {"version_sentences", "actor_links", "mentions", "quotes", "event_mentions"}
    assert not catalog.undeclared_keys() & set(load.UPSERT_ONLY_IF)  # a MERGE takes no upsert condition
    assert ("quotes", "speaker_actor_id", "actors", "actor_id", True) in checks.FOREIGN_KEYS
    for _, fk in catalog.foreign_keys():
        assert fk.parent_column in catalog.relations()[fk.parent_table].columns


def test_sql_readme_is_generated_from_the_catalogue():
    assert (ROOT / "sql" / "README.md").read_text(encoding="utf-8") == catalog.render_readme(), \
        "sql/README.md is stale: run `python -m pipeline.catalog --write`"


def test_models_are_jaffle_shop_style():
    files = model_files()
    assert len([n for n in files if not n.startswith("stg_")]) >= 10
    assert set(files) == {n for n, r in catalog.relations().items() if r.kind == "model"}
    for name, path in files.items():
        sql = path.read_text(encoding="utf-8")
        header = re.match(r"((?:--[^\n]*\n)+)WITH\s", sql)
        assert header and "?" in header.group(1), f"{name}: header comment with the question, then WITH"
        first_cte = re.search(r"WITH\s+(\w+)\s+AS\s*\((.*?)\n\)", sql, re.S)
        assert first_cte and " JOIN " not in first_cte.group(2).upper(), f"{name}: import CTE first"
        assert name.startswith("stg_") == (path.parent.name == "staging")
    assert model_order(files).index("stg_quotes") < model_order(files).index("quotes_per_speaker")


@pytest.mark.parametrize("name", sorted(model_files()))
def test_model_runs_on_seeds_as_documented(seed_warehouse, tmp_path, name):
    copy = tmp_path / "w.duckdb"
    shutil.copy2(seed_warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        create_all_views(con)
        result = check_model(con, name)
    assert not result.problems, result.problems


def test_quotes_per_speaker_counts_speech_once_across_versions(seed_db):
    kerry = seed_db.sql("SELECT quotes, stance_statements FROM quotes_per_speaker WHERE speaker = 'John Kerry'").fetchall()
    distinct_speech = seed_db.sql("""
        SELECT count(DISTINCT (q.article_id, q.quote_key)) FILTER (WHERE q.cue_type = 'speech'),
               count(DISTINCT (q.article_id, q.quote_key)) FILTER (WHERE q.cue_type = 'stance'),
               count(*) FILTER (WHERE q.cue_type = 'speech')
        FROM quotes q JOIN actor_identity i ON i.actor_id = q.speaker_actor_id
        JOIN actors a ON a.actor_id = i.resolved_id WHERE a.canonical_name = 'John Kerry'""").fetchall()[0]
    assert kerry == [(distinct_speech[0], distinct_speech[1])]
    assert distinct_speech[2] > distinct_speech[0]  # the NewsSniffer page repeats quotes in its two versions


def test_readme_query_1_returns_each_quote_once(seed_db):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    query = re.search(r"-- 1\..*?;", readme, re.S).group(0)
    rows = seed_db.sql(query.rstrip(";")).fetchall()
    assert len(rows) >= 20
    assert len(rows) == len(set(rows)), "a quote is listed twice"


def test_cooccurrence_is_weighted_by_sentences(seed_db):
    top = seed_db.sql("SELECT sentences_together, articles_together FROM actor_cooccurrence LIMIT 10").fetchall()
    assert len({s for s, _ in top}) > 3  # not a ten-way tie
    assert [s for s, _ in top] == sorted((s for s, _ in top), reverse=True)


def test_cooccurrence_counts_are_bigint(seed_db):
    """Counts stay BIGINT (a sum of BIGINT is HUGEINT in DuckDB: exported as DOUBLE, read as float by pandas)."""
    types = dict(seed_db.sql("SELECT column_name, column_type FROM (DESCRIBE actor_cooccurrence)").fetchall())
    assert {types[c] for c in ("sentences_together", "articles_sharing_a_sentence", "articles_together")} == {"BIGINT"}


def test_cooccurrence_leaves_venues_out(seed_warehouse, tmp_path):
    """A programme named as where something was said (VENUE) is no actor taking part: a
    venue mention beside another actor in a sentence adds no pair."""
    copy = tmp_path / "w.duckdb"
    shutil.copy2(seed_warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        mention = con.sql("SELECT * FROM mentions ORDER BY mention_id LIMIT 1").df()
        before = con.sql("SELECT count(*) FROM actor_cooccurrence").fetchall()[0][0]
        con.execute("INSERT INTO actors (actor_id, canonical_name, actor_type) "
                    "VALUES ('actor_venue', 'Today programme', 'organization')")
        mention["mention_id"], mention["actor_id"], mention["label"] = "m_venue", "actor_venue", "VENUE"
        version = [mention["version_id"][0]]
        with actor_pairs.recounted(con, [], version):  # as a load writes a mention: its article counted again
            con.execute("INSERT INTO mentions BY NAME SELECT * FROM mention")
        assert con.sql("SELECT count(*) FROM actor_cooccurrence").fetchall()[0][0] == before
        assert not con.sql("SELECT * FROM actor_cooccurrence WHERE 'actor_venue' IN (actor_a, actor_b)").fetchall()
        with actor_pairs.recounted(con, [], version):
            con.execute("UPDATE mentions SET label = 'ORG' WHERE mention_id = 'm_venue'")  # the mention as an actor
        assert con.sql("SELECT * FROM actor_cooccurrence WHERE 'actor_venue' IN (actor_a, actor_b)").fetchall()


def test_a_recount_of_every_article_makes_the_views_it_reads_once(seed_warehouse, tmp_path, monkeypatch):
    """`recounted` on a table that is not current counts every article: the views the
    counting SQL reads are made once (before session 27 twice: by `recounted` and again by
    the fallback); `store_missing_pairs` still makes them itself (it has no caller that did)."""
    copy = tmp_path / "w.duckdb"
    shutil.copy2(seed_warehouse, copy)
    calls = []
    real = actor_pairs.ensure_views
    monkeypatch.setattr(actor_pairs, "ensure_views", lambda con, names: calls.append(names) or real(con, names))
    with duckdb.connect(str(copy)) as con:
        want = sorted(con.sql(f"SELECT * FROM {actor_pairs.TABLE}").fetchall())
        con.execute(f"COMMENT ON TABLE {actor_pairs.TABLE} IS NULL")  # counted by other SQL: count it whole
        with actor_pairs.recounted(con, []):
            pass
        assert calls == [actor_pairs.READS]
        assert sorted(con.sql(f"SELECT * FROM {actor_pairs.TABLE}").fetchall()) == want
        con.execute(f"COMMENT ON TABLE {actor_pairs.TABLE} IS NULL")
        con.execute("DROP VIEW stg_mentions")
        assert actor_pairs.store_missing_pairs(con) == len(want)
        assert calls == [actor_pairs.READS] * 2
        assert "stg_mentions" not in outdated_models(con)
