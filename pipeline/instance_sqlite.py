"""Dagster's SQLite instance storage without an fsync per event. Dagster opens a new SQLite
connection for almost every event it records (a run writes hundreds: step starts,
materializations, check results, the planned events of every asset and check) and SQLite's
default `synchronous=FULL` syncs the disk on every commit. `synchronous=NORMAL` in WAL mode
(which Dagster's SQLite storages use) is what SQLite recommends for WAL: never corrupt,
after a power cut the last few events may be missing (the warehouse itself is DuckDB:
untouched).

The other half of the cost: in WAL mode the last connection to close a database checkpoints
the WAL into it (with a disk sync) and deletes the WAL and its index, which the next
connection creates again — once per event. One idle connection per database file, kept
open by this process (`_keep_open`), makes every other close a plain close: 0.1-0.2 ms a
write instead of 8-17 ms on the shared machine. It holds no transaction (it never blocks a
writer or a checkpoint: SQLite still checkpoints every 1,000 pages), and the last ones
opened are kept (`KEPT_DATABASES`); a killed process leaves a WAL that the next connection
recovers, as before.

A third, smaller cost (`reuse_engines`): Dagster's SQLite storages build a new SQLAlchemy
engine and open a new connection for every use (~1,000 in a run, ~18 of them the run storage's)
and the event log asks SQLite whether a table exists by opening yet another one (~240 times a
run, for tables that never go away). Each storage now keeps one engine per database file whose
connections stay open between uses (a small pool: opening a SQLite connection and setting it
up was ~0.5 ms CPU of the ~1.8 ms an event took; an idle pooled connection holds no
transaction, so other processes read and write as before; the event log keeps the pools of
its index and of the latest POOLED_SHARDS runs' databases), and the event log remembers the
tables it found. A run's own event-log database is created in WAL mode before Dagster
creates its tables (Dagster switches it to WAL only after them, so each of its ~20 CREATE
statements committed with a disk sync: ~0.5-0.9 s of wall time per run on this machine's
disk, most of what creating a run cost).

A fourth (`reuse_alembic_scripts`): Dagster checks each storage's schema revision, and stamps
each new run's event-log database, through a new alembic `ScriptDirectory` every time, which
reads its ~90 migration scripts again to find the head revision (~50 ms CPU a time, 7 times in a
run with work, twice after the NLP). The scripts are the installed Dagster's: read once per process."""
from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from contextlib import contextmanager

from alembic.script import ScriptDirectory
from dagster._core.storage.event_log.sqlite.sqlite_event_log import (INDEX_SHARD_NAME, SQLITE_BUSY_TIMEOUT_SECONDS,
                                                                       SqliteEventLogStorage)
from dagster._core.storage.runs.sqlite.sqlite_run_storage import SqliteRunStorage
from dagster._core.storage.schedules.sqlite.sqlite_schedule_storage import SqliteScheduleStorage
from dagster._core.storage.sql import ALEMBIC_SCRIPTS_LOCATION
from sqlalchemy import create_engine

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

KEPT_DATABASES = 32  # run storage, event-log index, schedules and the latest runs' event logs
_installed = False
_kept: OrderedDict[str, sqlite3.Connection] = OrderedDict()
_lock = threading.Lock()


def _keep_open(path: str) -> None:
    """One idle connection to `path` that has read its WAL index (so it counts as open)."""
    with _lock:
        if path in _kept:
            _kept.move_to_end(path)
            return
        keeper = sqlite3.connect(path, check_same_thread=False)
        keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()
        _kept[path] = keeper
        while len(_kept) > KEPT_DATABASES:
            _kept.popitem(last=False)[1].close()


def _relaxed_sync(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        path = dbapi_connection.execute("PRAGMA database_list").fetchone()[2]
        if path and path not in _kept and dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            _keep_open(path)  # a file already in WAL mode (a new one is switched by its first connection)


POOLED_SHARDS = 8  # event-log databases whose connections a storage keeps open (the index, the latest runs')


def _pooled_engine(conn_string: str) -> Engine:
    """An engine whose connections stay open between uses (a small pool: a connection is never
    used by two threads at once and holds no transaction while idle)."""
    return create_engine(conn_string, poolclass=QueuePool, pool_size=2, max_overflow=-1,
                         connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False})


def _engine(storage: SqliteEventLogStorage, shard: str) -> Engine:
    """The shard's engine; the engines of older shards (runs long finished) are disposed."""
    engines: OrderedDict[str, Engine] = storage.__dict__.setdefault("_news_engines", OrderedDict())
    if shard in engines:
        engines.move_to_end(shard)
        return engines[shard]
    engines[shard] = _pooled_engine(storage.conn_string_for_shard(shard))
    for old in [name for name in engines if name != INDEX_SHARD_NAME][:-POOLED_SHARDS]:
        engines.pop(old).dispose()
    return engines[shard]


@contextmanager
def _storage_connect(self: SqliteRunStorage | SqliteScheduleStorage):
    """SqliteRunStorage.connect / SqliteScheduleStorage.connect (dagster 1.13) with one pooled
    engine per storage instead of a new engine and connection per call."""
    engine = self.__dict__.get("_news_engine")
    if engine is None:
        engine = self.__dict__.setdefault("_news_engine", _pooled_engine(self._conn_string))
    with engine.connect() as conn:
        with conn.begin():
            yield conn


def _create_in_wal_mode(path: str) -> None:
    """A new SQLite database file already in WAL mode (the mode Dagster gives it anyway)."""
    if not os.path.exists(path):
        creator = sqlite3.connect(path)
        try:
            creator.execute("PRAGMA journal_mode=WAL").fetchall()
        finally:
            creator.close()


@contextmanager
def _connect(self: SqliteEventLogStorage, shard: str):
    """SqliteEventLogStorage._connect (dagster 1.13) with the shard's engine kept and a new
    shard created in WAL mode."""
    with self._db_lock:
        engine = _engine(self, shard)
        if shard not in self._initialized_dbs:
            _create_in_wal_mode(self.path_for_shard(shard))
            self._initdb(engine)
            self._initialized_dbs.add(shard)
        with engine.connect() as conn:
            with conn.begin():
                yield conn


_has_table = SqliteEventLogStorage.has_table


def _remembered_has_table(self: SqliteEventLogStorage, table_name: str) -> bool:
    found = self.__dict__.setdefault("_news_tables", set())
    if table_name not in found and _has_table(self, table_name):
        found.add(table_name)
    return table_name in found


def reuse_engines() -> None:
    """Dagster's SQLite storages keep one pooled engine per database; the event log remembers
    existing tables."""
    SqliteEventLogStorage._connect = _connect
    SqliteRunStorage.connect = _storage_connect
    SqliteScheduleStorage.connect = _storage_connect
    SqliteEventLogStorage.has_table = _remembered_has_table


_script_directory = ScriptDirectory.from_config.__func__
_scripts: dict[tuple[str, str], ScriptDirectory] = {}


def _ini_text(config) -> str:
    """The text of the config's ini file ('' when it has none): two configs of the same
    script location share a ScriptDirectory only when their files say the same."""
    path = config.config_file_name
    if not path or not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as ini:
        return ini.read()


def _dagster_scripts(cls, config, *args, **kwargs) -> ScriptDirectory:
    """ScriptDirectory.from_config, the same one for every config of Dagster's own migration
    scripts with the same ini file contents (its storages' alembic.ini files are identical, so
    the revision map is built once); any other config gets a new one, as before."""
    location = config.get_alembic_option("script_location")
    if location != ALEMBIC_SCRIPTS_LOCATION or args or kwargs:
        return _script_directory(cls, config, *args, **kwargs)
    key = (location, _ini_text(config))
    with _lock:
        if key not in _scripts:
            _scripts[key] = _script_directory(cls, config)
        return _scripts[key]


def reuse_alembic_scripts() -> None:
    """Dagster's schema checks and run stamps read its ~90 migration scripts once per process
    (per ini contents) instead of about 7 times in a run with work."""
    ScriptDirectory.from_config = classmethod(_dagster_scripts)


def patch_dagster_sqlite_storages() -> None:
    """Make Dagster's SQLite storages (run, event log, schedules) cheap in this process, once:
    every SQLite connection SQLAlchemy opens from now on uses synchronous=NORMAL and keeps its
    database open here (no checkpoint + WAL delete per event), each storage keeps pooled
    engines and remembers its tables, and Dagster's migration scripts are read once."""
    global _installed
    if not _installed:
        event.listen(Engine, "connect", _relaxed_sync)
        reuse_engines()
        reuse_alembic_scripts()
        _installed = True
