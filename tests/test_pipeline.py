"""End to end on the seeds: the real pipeline through Dagster into a real DuckDB file."""
from __future__ import annotations

import shutil

import dagster as dg
import duckdb
import pytest

from pipeline import load
from pipeline.cli_run import run_pipeline
from tests.conftest import SEEDS, rows

TABLES = ["files", "articles", "versions", "actors", "actor_aliases", "mentions", "quotes", "events"]


def test_seed_counts(seed_db):
    assert rows(seed_db, "SELECT count(*) FROM articles")[0][0] == 5
    assert rows(seed_db, "SELECT count(*) FROM versions")[0][0] == 6
    assert rows(seed_db, "SELECT count(*) FROM files WHERE status = 'loaded'")[0][0] == 5
    assert rows(seed_db, "SELECT count(*) FROM quotes WHERE kind = 'direct'")[0][0] >= 30


def test_kerry_actor_and_alias(seed_db):
    found = rows(seed_db, """
        SELECT a.actor_id FROM actors a JOIN actor_aliases al USING (actor_id)
        WHERE a.canonical_name = 'John Kerry' AND al.alias = 'Mr. Kerry'""")
    assert len(found) == 1


def test_newssniffer_page_gives_two_versions(seed_db):
    got = rows(seed_db, """
        SELECT v.version_no, v.title FROM versions v WHERE v.source_file LIKE '002_%' ORDER BY 1""")
    assert [n for n, _ in got] == [1, 2]
    assert got[0][1] != got[1][1]


def _snapshot(path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: sorted(map(str, con.sql(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


def test_rerun_is_idempotent_and_ids_stable(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(a), instance=instance)
    first = _snapshot(a)
    run_pipeline(str(inbox), str(a), instance=instance)
    assert _snapshot(a) == first  # a second run changes nothing
    # a fresh warehouse from the same input gets the same IDs
    run_pipeline(str(inbox), str(b), instance=instance)
    with duckdb.connect(str(a), read_only=True) as ca, duckdb.connect(str(b), read_only=True) as cb:
        for table, key in [("articles", "article_id"), ("versions", "version_id"), ("actors", "actor_id"),
                           ("quotes", "quote_id"), ("events", "event_id"), ("mentions", "mention_id")]:
            assert ca.sql(f"SELECT {key} FROM {table} ORDER BY 1").fetchall() == \
                   cb.sql(f"SELECT {key} FROM {table} ORDER BY 1").fetchall()


def test_bad_input_is_quarantined_and_nothing_lost(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    (inbox / "broken.json").write_text("{not json", encoding="utf-8")
    (inbox / "empty.txt").write_text("   \n", encoding="utf-8")
    (inbox / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    db = tmp_path / "w.duckdb"
    run_pipeline(str(inbox), str(db), instance=dg.DagsterInstance.ephemeral())
    with duckdb.connect(str(db), read_only=True) as con:
        status = dict(con.sql("SELECT path, status FROM files").fetchall())
        reasons = dict(con.sql("SELECT path, reason FROM quarantine").fetchall())
    assert len(status) == 8  # every input file is accounted for
    assert {p for p, s in status.items() if s == "quarantined"} == {"broken.json", "empty.txt", "picture.png"}
    assert "invalid JSON" in reasons["broken.json"]
    assert all(reasons.values())


def test_crash_mid_load_leaves_warehouse_unchanged(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in sorted(SEEDS.iterdir())[:2]:
        shutil.copy2(f, inbox / f.name)
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    before = _snapshot(db)
    for f in sorted(SEEDS.iterdir())[2:]:
        shutil.copy2(f, inbox / f.name)
    real_upsert = load.upsert

    def failing_upsert(con, table, batch):
        if table == "quotes":
            raise RuntimeError("simulated crash in the middle of the load")
        return real_upsert(con, table, batch)

    monkeypatch.setattr(load, "upsert", failing_upsert)
    with pytest.raises(SystemExit):
        run_pipeline(str(inbox), str(db), instance=instance)
    assert _snapshot(db) == before
