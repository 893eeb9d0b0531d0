"""Batches in parallel: three inbox batches as separate Dagster runs, two at a time, give
the same tables as the same three batches run one after the other in one process; their
runs overlap, their loads never do. (Batch boundaries themselves may change history
tables — a merge decided when a later batch brings a fuller name is recorded in
actor_merges — so the reference is the same batches, sequentially, not one big batch.)"""
from __future__ import annotations

import os
import shutil
import signal
import threading
import time

import dagster as dg
import duckdb

from pipeline import automation
from pipeline.assets import inbox_batches
from pipeline.batch_order import batch_run_config, split_batches
from pipeline.cli_run import _state_storage_of
from pipeline.definitions import build_definitions
from pipeline.parallel import run_batches
from pipeline.pending import pending_work
from pipeline.runs import PoolWatchdog, assign_stranded_steps
from tests.conftest import ROOT, SEEDS

# What the tables hold, without the columns that say when or in which batch a row was written.
COMPARED = {"files": "ingested_at, batch_key", "articles": None, "versions": None, "actors": None,
            "actor_aliases": None, "actor_roles": None, "actor_merges": "merged_at", "actor_links": None,
            "mentions": None, "quotes": None, "events": None, "event_mentions": None, "version_diffs": None,
            "version_diff_stats": None, "stories": None, "story_members": None}


def _tables(db) -> dict[str, list[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(map(str, con.sql(f"SELECT * {f'EXCLUDE ({drop})' if drop else ''} FROM {t}").fetchall()))
                for t, drop in COMPARED.items()}


def _one_after_the_other(inbox, db, groups: list[list[str]]) -> None:
    instance = dg.DagsterInstance.ephemeral()
    with _state_storage_of(instance):
        job = build_definitions(str(inbox), str(db)).resolve_job_def("ingest_job")
        for i, names in enumerate(groups):
            instance.add_dynamic_partitions(inbox_batches.name, [f"sequential-{i}"])
            assert job.execute_in_process(partition_key=f"sequential-{i}", instance=instance,
                                          run_config=batch_run_config(names, [])).success


def test_split_batches_is_even_and_ordered():
    assert split_batches(["e", "a", "c", "b", "d"], 3) == [["a", "b"], ["c", "d"], ["e"]]
    assert split_batches(["a"], 3) == [["a"]]


def test_three_batches_two_at_a_time_equal_one_sequential_run(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy2(ROOT / "config" / "dagster.yaml", home / "dagster.yaml")  # duckdb_writer pool: limit 1
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    parallel_db, sequential_db = tmp_path / "parallel.duckdb", tmp_path / "sequential.duckdb"

    names = pending_work(str(inbox), str(parallel_db)).new_files
    runs = run_batches(str(inbox), str(parallel_db), names, batches=3, concurrency=2)
    assert [r.returncode for r in runs] == [0, 0, 0], "\n".join(r.output[-1500:] for r in runs)
    assert [r.names for r in runs] == split_batches(names, 3)
    _one_after_the_other(inbox, sequential_db, split_batches(names, 3))
    assert _tables(parallel_db) == _tables(sequential_db)

    with dg.DagsterInstance.get() as instance:
        records = [instance.get_run_records(dg.RunsFilter(tags={"dagster/partition": r.key}))[0] for r in runs]
        spans = [(rec.start_time, rec.end_time) for rec in records]
        loads = [(s.start_time, s.end_time) for rec in records for s in instance.get_run_step_stats(rec.dagster_run.run_id)
                 if s.step_key == "warehouse_tables"]
    overlapping = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
    assert overlapping(spans[0], spans[1])  # two runs at the same time ...
    assert len(loads) == 3 and not any(overlapping(a, b) for i, a in enumerate(loads) for b in loads[i + 1:])
    assert loads == sorted(loads)  # ... one writer at a time, in batch order


def _strand_a_queued_step(storage, pool: str) -> None:
    """Dagster's race, step by step: run b finds no free slot, run a frees it, run b queues."""
    storage.set_concurrency_slots(pool, 1)
    assert storage.claim_concurrency_slot(pool, "run-a", "warehouse_tables").is_claimed
    free_when_checked = storage.has_unassigned_slots(pool)
    storage.free_concurrency_slot_for_step("run-a", "warehouse_tables")
    storage.add_pending_step(pool, "run-b", "warehouse_tables", should_assign=free_when_checked)


def test_a_step_queued_as_the_slot_is_freed_gets_the_slot(tmp_path):
    """The lost wake-up behind a batch that gave up after 60 s beside a free slot: the
    watchdog of the waiting run assigns the free slot, and the step's next claim wins."""
    with dg.DagsterInstance.local_temp(str(tmp_path)) as instance:
        storage, pool = instance.event_log_storage, "duckdb_writer"
        _strand_a_queued_step(storage, pool)
        assert not storage.claim_concurrency_slot(pool, "run-b", "warehouse_tables").is_claimed  # stranded
        assert assign_stranded_steps(instance, pool)
        assert storage.claim_concurrency_slot(pool, "run-b", "warehouse_tables").is_claimed
        assert not assign_stranded_steps(instance, pool)  # nothing left to assign

        storage.free_concurrency_slots_for_run("run-b")
        _strand_a_queued_step(storage, pool)
        with PoolWatchdog(instance, "run-b", pool, timeout=600):
            deadline = time.monotonic() + 60
            while not storage.claim_concurrency_slot(pool, "run-b", "warehouse_tables").is_claimed:
                assert time.monotonic() < deadline, "the watchdog left the step stranded"
                time.sleep(0.2)


def test_a_step_assigned_beside_a_held_slot_still_counts_as_waiting(tmp_path):
    """Two assignments raced for one slot: the step that lost holds no slot, so its run is
    still waiting and its NEWS_LOCK_TIMEOUT still applies; a storage error does not end the watch."""
    with dg.DagsterInstance.local_temp(str(tmp_path)) as instance:
        storage, pool = instance.event_log_storage, "duckdb_writer"
        storage.set_concurrency_slots(pool, 1)
        assert storage.claim_concurrency_slot(pool, "run-a", "warehouse_tables").is_claimed
        storage.add_pending_step(pool, "run-b", "warehouse_tables", should_assign=True)  # the lost race
        assert PoolWatchdog(instance, "run-b", pool)._waiting()
        assert not PoolWatchdog(instance, "run-a", pool)._waiting()

        watchdog = PoolWatchdog(instance, "run-b", pool, timeout=600)
        failures = []

        def busy(*_):
            failures.append(1)
            raise RuntimeError("database is locked")
        watchdog._check = busy
        with watchdog:
            deadline = time.monotonic() + 30
            while len(failures) < 2:
                assert time.monotonic() < deadline and watchdog._thread.is_alive(), "the watch ended on an error"
                time.sleep(0.1)


def test_sensor_splits_a_large_tick_into_ordered_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(automation, "BATCH_FILES", 2)
    shutil.copytree(SEEDS, tmp_path / "inbox")
    sensor = automation.build_inbox_sensor(str(tmp_path / "inbox"))
    result = sensor(dg.build_sensor_context())
    requests = result.run_requests
    assert [len(r.run_config["ops"]["inbox_files"]["config"]["only"]) for r in requests] == [2, 2, 1]
    keys = [r.partition_key for r in requests]
    assert [r.run_config["ops"]["nlp_annotations"]["config"]["load_after"] for r in requests] == \
        [[], keys[:1], keys[:2]]


def test_killed_batch_processes_are_reaped_and_the_next_run_completes(tmp_path, monkeypatch):
    """A batch process killed with SIGKILL inside its load transaction (issue 12's crash,
    for parallel runs): its run is marked failed and its writer-pool slot freed, so the
    batches after it do not wait for it forever; the next run loads everything."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in sorted(SEEDS.iterdir())[:2]:
        shutil.copy2(seed, inbox / seed.name)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy2(ROOT / "config" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    marker = tmp_path / "paused"
    monkeypatch.setenv("NEWS_PAUSE_AT", f"load:{marker}")
    db = tmp_path / "w.duckdb"
    names = pending_work(str(inbox), str(db)).new_files
    done: list = []
    queue = threading.Thread(target=lambda: done.append(run_batches(str(inbox), str(db), names, 2, 2)))
    queue.start()
    killed, deadline = 0, time.monotonic() + 600
    while queue.is_alive():
        assert time.monotonic() < deadline, "batch runs never ended (a dead run not reaped?)"
        if marker.exists():
            os.kill(int(marker.read_text().split()[0]), signal.SIGKILL)  # each batch in turn, inside its load
            marker.unlink()
            killed += 1
        time.sleep(0.2)
    queue.join()
    assert killed == 2 and all(r.returncode for r in done[0])
    with dg.DagsterInstance.get() as instance:
        assert {r.dagster_run.status for r in instance.get_run_records()} == {dg.DagsterRunStatus.FAILURE}
        assert not instance.event_log_storage.get_concurrency_info("duckdb_writer").claimed_slots

    monkeypatch.delenv("NEWS_PAUSE_AT")
    again = run_batches(str(inbox), str(db), pending_work(str(inbox), str(db)).new_files, 2, 2)
    assert [r.returncode for r in again] == [0, 0], "\n".join(r.output[-1500:] for r in again)
    assert not pending_work(str(inbox), str(db)).new_files
