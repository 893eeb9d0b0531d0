"""purge-deleted: an event whose first report goes with a purged article is re-pointed to
its earliest remaining report, and its version span then covers every remaining report of
it in that article (as re-annotation computes it: pipeline.versions.keys), not that one
report's version only."""
from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.purge import purge_deleted
from pipeline.cli_run import run_pipeline
from tests.conftest import SEEDS


def _inbox(tmp_path: Path, names: list[str]) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in names:
        shutil.copy2(SEEDS / name, inbox / name)
    return inbox


def _multi_version_event(con, source_prefix: str) -> tuple[str, tuple]:
    """An event of that file's article reported in two or more of its versions, and its stored row."""
    row = con.sql("""SELECT e.event_id, e.event_key, e.first_version_no, e.last_version_no FROM events e
                     JOIN versions v ON v.version_id = e.version_id
                     WHERE v.source_file LIKE ? AND e.first_version_no < e.last_version_no
                     ORDER BY e.event_id LIMIT 1""", params=[source_prefix + "%"]).fetchall()
    assert row, f"no event of {source_prefix} spans two versions"
    return row[0][0], row[0][1:]


def test_purge_repoints_an_event_with_the_span_of_all_its_remaining_reports(tmp_path):
    seeds = sorted(p.name for p in SEEDS.iterdir())
    spanning, other = next(n for n in seeds if n.startswith("002_")), seeds[0]
    inbox = _inbox(tmp_path, [spanning, other])
    db = tmp_path / "w.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    run_pipeline(str(inbox), str(db), instance=instance)
    with duckdb.connect(str(db)) as con:
        event_id, stored = _multi_version_event(con, "002_")
        # the event is also reported, earlier, in the other file's article, and its events
        # row keeps that report as its provenance (as when that article was loaded first)
        version_id, article_id = con.sql("SELECT version_id, article_id FROM versions WHERE source_file = ? "
                                         "ORDER BY version_no LIMIT 1", params=[other]).fetchall()[0]
        con.execute("""INSERT INTO event_mentions SELECT * REPLACE ('em_elsewhere' AS event_mention_id,
                           ? AS version_id, ? AS article_id, DATE '1990-01-01' AS published_at)
                       FROM event_mentions WHERE event_id = ? ORDER BY event_mention_id LIMIT 1""",
                    [version_id, article_id, event_id])
        con.execute("UPDATE events SET version_id = ?, article_id = ?, event_key = 'ekey_elsewhere', "
                    "first_version_no = 1, last_version_no = 1 WHERE event_id = ?", [version_id, article_id, event_id])
    (inbox / other).unlink()
    run_pipeline(str(inbox), str(db), instance=instance)  # marks it deleted
    with duckdb.connect(str(db)) as con:
        summary = purge_deleted(con)
        assert summary.articles == 1
        after = con.sql("SELECT e.event_key, e.first_version_no, e.last_version_no FROM events e "
                        "WHERE event_id = ?", params=[event_id]).fetchall()
    assert after == [stored]  # re-pointed to 002's article: key and span over all its reports there
