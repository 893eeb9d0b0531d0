"""Dagster's SQLite storages in the CLI's process: a connection's close is never the last one
(pipeline.instance_sqlite keeps one open per database), so it neither checkpoints nor deletes
the WAL per event, and what was written is there for any other reader."""
from __future__ import annotations

import sqlite3

import dagster as dg
import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory
from dagster._core.storage.event_log.sqlite import sqlite_event_log
from dagster._core.storage.runs.sqlite import sqlite_run_storage
from dagster._core.storage.sql import get_alembic_config
from sqlalchemy.pool import NullPool

from pipeline import instance_sqlite
from pipeline.instance_sqlite import patch_dagster_sqlite_storages


def test_closing_a_dagster_connection_keeps_the_wal_and_the_rows(tmp_path):
    patch_dagster_sqlite_storages()
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


def test_dagster_event_log_keeps_one_engine_per_database_and_stores_every_event(tmp_path):
    patch_dagster_sqlite_storages()

    @dg.asset
    def first() -> int:
        return 1

    @dg.asset
    def second(first: int) -> int:
        return first + 1

    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        for _ in range(3):
            assert dg.materialize([first, second], instance=instance).success
        storage = instance.event_log_storage
        assert len(storage._news_engines) <= 4  # the index shard and one per run, not one per event
        assert instance.get_latest_materialization_event(dg.AssetKey("second")) is not None
        runs = instance.get_runs()
        assert len(runs) == 3 and all(len(instance.all_logs(run.run_id)) > 10 for run in runs)
        assert storage.has_table("asset_check_executions")
        for run in runs:  # a run's own database was created in WAL mode, before its tables
            with sqlite3.connect(storage.path_for_shard(run.run_id)) as shard:
                assert shard.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_dagster_event_log_reuses_its_connections(tmp_path):
    """Each database's connections are kept open between events (a pool), not opened anew
    for each of the dozens of events a run records."""
    patch_dagster_sqlite_storages()
    opened = []

    def count(dbapi_connection, _record) -> None:
        opened.append(dbapi_connection)

    @dg.asset
    def only() -> int:
        return 1

    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        assert dg.materialize([only], instance=instance).success  # storages and the index created
        sa.event.listen(sa.engine.Engine, "connect", count)
        try:
            for _ in range(3):
                assert dg.materialize([only], instance=instance).success
        finally:
            sa.event.remove(sa.engine.Engine, "connect", count)
        events = sum(len(instance.all_logs(run.run_id)) for run in instance.get_runs()[:3])
    assert events > 30
    assert len(opened) < events / 3, f"{len(opened)} connections opened for {events} events"


def test_dagster_migration_scripts_are_read_once_per_process(tmp_path):
    """Every storage's schema check and every new run's event-log stamp use one alembic
    ScriptDirectory for Dagster's scripts (read once), and the runs still work and are stamped."""
    patch_dagster_sqlite_storages()
    config = get_alembic_config(sqlite_event_log.__file__)
    runs_config = get_alembic_config(sqlite_run_storage.__file__)
    assert ScriptDirectory.from_config(config) is ScriptDirectory.from_config(runs_config)
    head = ScriptDirectory.from_config(config).get_current_head()

    @dg.asset
    def only() -> int:
        return 1

    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        assert dg.materialize([only], instance=instance).success
        run = instance.get_runs()[0]
        with sqlite3.connect(instance.event_log_storage.path_for_shard(run.run_id)) as shard:
            assert shard.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)


def test_dagster_migration_scripts_are_built_once_over_real_runs(tmp_path, monkeypatch):
    """Through real materializations (storages created, schemas checked, each new run's event
    log stamped) alembic's own ScriptDirectory.from_config runs once for Dagster's scripts."""
    patch_dagster_sqlite_storages()
    built = []
    original = instance_sqlite._script_directory

    def counting(cls, config, *args, **kwargs):
        built.append(config.get_alembic_option("script_location"))
        return original(cls, config, *args, **kwargs)

    monkeypatch.setattr(instance_sqlite, "_script_directory", counting)
    monkeypatch.setattr(instance_sqlite, "_scripts", {})

    @dg.asset
    def only() -> int:
        return 1

    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        for _ in range(3):
            assert dg.materialize([only], instance=instance).success
        assert len(instance.get_runs()) == 3
    assert built == [instance_sqlite.ALEMBIC_SCRIPTS_LOCATION]


def test_dagster_migration_scripts_are_keyed_on_the_ini_contents(tmp_path):
    """A config of the same script location whose ini file says something else (another
    file template here) gets its own ScriptDirectory, not the cached one."""
    patch_dagster_sqlite_storages()
    dagster_config = get_alembic_config(sqlite_event_log.__file__)
    ini = tmp_path / "alembic.ini"
    with open(dagster_config.config_file_name, encoding="utf-8") as dagster_ini:
        ini.write_text(dagster_ini.read().replace("[alembic]\n", "[alembic]\nfile_template = %%(rev)s_other\n"))
    other = Config(str(ini))
    other.set_main_option("script_location", instance_sqlite.ALEMBIC_SCRIPTS_LOCATION)
    cached = ScriptDirectory.from_config(dagster_config)
    mine = ScriptDirectory.from_config(other)
    assert mine is not cached and mine.file_template == "%(rev)s_other"
    assert ScriptDirectory.from_config(other) is mine
