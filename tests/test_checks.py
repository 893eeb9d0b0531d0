"""Checks in proportion to the batch: a load checks the rows it wrote, in SQL, with the
same verdicts as the whole-table Great Expectations suites; the suites run on demand
(`python -m pipeline check`) and on a schedule, and find what a batch check does not read."""
from __future__ import annotations

import shutil

import dagster as dg
import duckdb

from pipeline import check_sql, check_suites
from pipeline.cli_run import check_whole_tables, run_pipeline
from tests.conftest import SEEDS

# One broken row per kind of check (DuckDB enforces the declared primary keys; the keys it does not
# hold, of the per-version tables, are tested in tests/test_schema_keys.py).
BREAKAGES = [
    "UPDATE quotes SET version_id = 'v_missing' WHERE quote_id = (SELECT min(quote_id) FROM quotes)",
    "UPDATE mentions SET text = 'not the span' WHERE mention_id = (SELECT min(mention_id) FROM mentions)",
    "UPDATE mentions SET end_char = start_char WHERE mention_id = (SELECT max(mention_id) FROM mentions)",
    "UPDATE files SET status = 'lost' WHERE file_id = (SELECT min(file_id) FROM files)",
    "UPDATE quotes SET kind = 'rumour' WHERE quote_id = (SELECT max(quote_id) FROM quotes)",
    "UPDATE versions SET version_no = 3 WHERE version_id = (SELECT min(version_id) FROM versions)",
    "UPDATE events SET sentence = 'elsewhere' WHERE event_id = (SELECT min(event_id) FROM events)",
    "UPDATE event_mentions SET trigger = 'nothing' WHERE event_mention_id = (SELECT min(event_mention_id) "
    "FROM event_mentions)",
    "UPDATE actor_links SET actor_id = 'actor_gone' WHERE version_id = (SELECT min(version_id) FROM actor_links)",
]


def _verdicts(outcomes) -> list[tuple]:
    return [(o.check.name, o.passed, o.rows, [d.get("unexpected_count") or 0 for d in o.details]) for o in outcomes]


def test_sql_checks_give_the_gx_suites_verdicts(seed_warehouse, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copy2(seed_warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        assert all(o.passed for o in check_sql.run_table_checks(con))
        for statement in BREAKAGES:
            con.execute(statement)
        sql, suites = check_sql.run_table_checks(con), check_suites.run_checks(con)
    assert _verdicts(sql) == _verdicts(suites)
    failed = {o.check.name for o in sql if not o.passed}
    assert {"quotes_foreign_keys_resolve", "mentions_spans_inside_version_text", "files_status_valid",
            "quotes_kind_valid", "versions_numbered_from_one", "events_sentence_inside_version_text",
            "event_mentions_spans_inside_version_text", "actor_links_foreign_keys_resolve"} <= failed
    orphan = next(o for o in sql if o.check.name == "quotes_foreign_keys_resolve")
    assert orphan.details[0]["offending"][0].startswith("quote_id=quote_")  # names the offending row


def test_a_load_checks_its_own_rows_and_the_suites_check_every_row(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    seeds = sorted(SEEDS.iterdir())
    shutil.copy2(seeds[0], inbox / seeds[0].name)
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    with duckdb.connect(str(db)) as con:  # a stored row goes bad outside any load
        con.execute(BREAKAGES[1])
        mentions = con.sql("SELECT count(*) FROM mentions").fetchall()[0][0]
    shutil.copy2(seeds[1], inbox / seeds[1].name)
    run_pipeline(str(inbox), str(db), instance=instance)  # the new batch is fine: it loads
    with duckdb.connect(str(db), read_only=True) as con:
        checked = dict(con.sql("SELECT check_name, rows_checked FROM check_results").fetchall())
        total = con.sql("SELECT count(*) FROM mentions").fetchall()[0][0]
    assert 0 < checked["mentions_spans_inside_version_text"] == total - mentions  # only the new rows
    failed = check_whole_tables(str(inbox), str(db), instance=instance)
    assert [e.check_name for e in failed] == ["mentions_spans_inside_version_text_whole_table"]
    with duckdb.connect(str(db), read_only=True) as con:
        results = dict(con.sql("SELECT check_name, passed FROM check_results").fetchall())
    assert results["mentions_spans_inside_version_text_whole_table"] is False
    assert results["mentions_spans_inside_version_text"] is True
