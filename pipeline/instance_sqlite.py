"""Dagster's SQLite instance storage without an fsync per event. Dagster opens a new SQLite
connection for almost every event it records (a run writes hundreds: step starts,
materializations, check results) and SQLite's default `synchronous=FULL` syncs the disk on
every commit and again when the last connection closes: on this machine that waiting was
a good part of the run's Dagster overhead. `synchronous=NORMAL` in WAL mode (which
Dagster's SQLite storages use) is what SQLite recommends for WAL: never corrupt, after a
power cut the last few events may be missing (the warehouse itself is DuckDB: untouched)."""
from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

_installed = False


def _relaxed_sync(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def relax_sqlite_sync() -> None:
    """Every SQLite connection SQLAlchemy opens in this process from now on (Dagster's
    run, event-log and schedule storages) uses synchronous=NORMAL; once per process."""
    global _installed
    if not _installed:
        event.listen(Engine, "connect", _relaxed_sync)
        _installed = True
