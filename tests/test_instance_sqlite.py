"""Dagster's SQLite storages in the CLI's process: a connection's close is never the last one
(pipeline.instance_sqlite keeps one open per database), so it neither checkpoints nor deletes
the WAL per event, and what was written is there for any other reader."""
from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from pipeline.instance_sqlite import relax_sqlite_sync


def test_closing_a_dagster_connection_keeps_the_wal_and_the_rows(tmp_path):
    relax_sqlite_sync()
    path = tmp_path / "events.db"
    engine = sa.create_engine(f"sqlite:///{path}", poolclass=NullPool)  # Dagster's SQLite storages: NullPool
    with engine.connect() as con:
        con.exec_driver_sql("PRAGMA journal_mode=WAL")
        con.exec_driver_sql("CREATE TABLE event_logs (event TEXT)")
        con.commit()
    for i in range(3):
        with engine.connect() as con:
            assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 1, "synchronous=NORMAL"
            con.exec_driver_sql("INSERT INTO event_logs VALUES (?)", (f"event {i}",))
            con.commit()
    assert (tmp_path / "events.db-wal").exists(), "the last close checkpointed and deleted the WAL"
    with sqlite3.connect(path) as other:  # another process's view
        assert other.execute("SELECT count(*) FROM event_logs").fetchone() == (3,)
