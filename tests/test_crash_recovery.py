"""Runs that always end (issue 12), with real processes: `python -m pipeline.cli run` is
killed with SIGKILL at parse, NLP, load (inside the open transaction) and checks, each
time on an instance whose earlier run was killed holding the `duckdb_writer` pool slot;
the next run still completes and the warehouse equals an uninterrupted run's. And with
another process holding the warehouse file, the CLI says so at once, gives up after the
bounded wait with one line and exit code 2, no traceback."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
from dagster._core.storage.dagster_run import DagsterRun

from pipeline.automation import build_inbox_sensor
from pipeline.cli_run import run_pipeline
from pipeline.faults import STAGES
from pipeline.runs import HOST_TAG, PID_TAG
from tests.conftest import ROOT
from tests.test_bad_inputs import FIXTURES, snapshot

TINY_INBOX = ("good_article.txt", "gzipped_article.txt.gz")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    home = tmp_path / "dagster_home"
    if not home.exists():
        home.mkdir()
        shutil.copy2(ROOT / "config" / "dagster.yaml", home / "dagster.yaml")  # real instance: sqlite, pools
    return {**os.environ, "DAGSTER_HOME": str(home), "NEWS_INBOX": str(tmp_path / "inbox"),
            "NEWS_WAREHOUSE": str(tmp_path / "w.duckdb"), **extra}


def _cli(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_at(tmp_path: Path, stage: str) -> None:
    marker = tmp_path / f"paused-{stage}"
    proc = _cli(_env(tmp_path, NEWS_PAUSE_AT=f"{stage}:{marker}"))
    deadline = time.monotonic() + 180
    while not marker.exists():
        assert proc.poll() is None, f"run ended before {stage}: {proc.communicate()}"
        assert time.monotonic() < deadline, f"run never reached {stage} (stuck?)"
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_kill_9_at_every_stage_then_next_run_completes_with_same_tables(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in TINY_INBOX:
        shutil.copy2(FIXTURES / name, inbox / name)
    for stage in STAGES:  # each run must get past the slot its killed predecessor held
        _kill_at(tmp_path, stage)
    final = _cli(_env(tmp_path))
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0, err
    assert "recovered from dead runs: marked failed" in err
    with dg.DagsterInstance.from_config(str(tmp_path / "dagster_home")) as instance:
        runs = instance.get_run_records()
        assert len(runs) == 4 + 2  # four killed ingest runs, then the final ingest and models runs
        assert {r.dagster_run.status for r in runs} <= {dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE}
        assert not instance.event_log_storage.get_concurrency_info("duckdb_writer").claimed_slots

    reference = tmp_path / "reference.duckdb"  # the same inbox, never interrupted
    run_pipeline(str(inbox), str(reference), instance=dg.DagsterInstance.ephemeral())
    assert snapshot(tmp_path / "w.duckdb") == snapshot(reference)


def test_warehouse_held_by_another_process_fails_in_one_line_with_exit_2(tmp_path):
    (tmp_path / "inbox").mkdir()
    shutil.copy2(FIXTURES / "good_article.txt", tmp_path / "inbox")
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; "
                               f"con = duckdb.connect({str(tmp_path / 'w.duckdb')!r}); print('held', flush=True); "
                               "time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        proc = _cli(_env(tmp_path, NEWS_LOCK_TIMEOUT="4"))
        first_line = proc.stderr.readline()
        said_at = time.monotonic() - started
        out, rest = proc.communicate(timeout=120)
        ended_at = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert "waiting for the warehouse" in first_line and f"(pid {holder.pid})" in first_line
    assert said_at < 5, f"first message after {said_at:.1f} s"
    assert proc.returncode == 2
    assert rest.strip().splitlines() == [rest.strip().splitlines()[0]]  # one line
    assert rest.startswith("error: gave up after 4 s waiting for the warehouse")
    assert "Traceback" not in first_line + rest + out
    assert ended_at < 4 + 30


WAIT_INSIDE_A_RUN = """
import dagster as dg
from pipeline import cli, cli_run
from pipeline.definitions import build_definitions
instance = dg.DagsterInstance.get()
# another run's claim on the writer pool, taken after the CLI's check before the run
instance.event_log_storage.claim_concurrency_slot("duckdb_writer", "0000dead-other-run", "warehouse_tables")
cli._console_log()
with cli_run._state_storage_of(instance):
    cli_run._ingest(build_definitions({inbox!r}, {warehouse!r}), {inbox!r}, instance)
print("the run went on")
"""


def test_writer_pool_held_during_the_run_gives_up_with_exit_2(tmp_path):
    """Dagster waits for a pool slot in a loop no signal interrupts: the run's watchdog
    ends it after NEWS_LOCK_TIMEOUT with one line and exit code 2, and the run is failed."""
    (tmp_path / "inbox").mkdir()
    shutil.copy2(FIXTURES / "good_article.txt", tmp_path / "inbox")
    env = _env(tmp_path, NEWS_LOCK_TIMEOUT="2")
    script = WAIT_INSIDE_A_RUN.format(inbox=env["NEWS_INBOX"], warehouse=env["NEWS_WAREHOUSE"])
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and "the run went on" not in done.stdout
    assert "waiting for the warehouse writer pool 'duckdb_writer' (held by run 0000dead)" in lines[0]
    assert lines[-1].startswith("error: gave up after 2 s waiting for the warehouse writer pool")
    assert "Traceback" not in done.stderr
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        (run,) = [r.dagster_run for r in instance.get_run_records()]
        assert run.status == dg.DagsterRunStatus.FAILURE
        assert not [s for s in instance.event_log_storage.get_concurrency_info("duckdb_writer").pending_steps
                    if s.run_id == run.run_id]


def test_sensor_tick_reaps_a_dead_run_and_frees_its_slot(tmp_path):
    """The daemon path: the inbox sensor's tick marks a STARTED run whose process is
    gone as failed and frees the writer-pool slot it held."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    env = _env(tmp_path)
    (tmp_path / "inbox").mkdir()
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        run = instance.add_run(DagsterRun(job_name="ingest_job", run_id="0000dead-0000-0000-0000-000000000000",
                                          status=dg.DagsterRunStatus.STARTED,
                                          tags={PID_TAG: dead.stdout.strip(), HOST_TAG: os.uname().nodename}))
        storage = instance.event_log_storage
        storage.initialize_concurrency_limit_to_default("duckdb_writer")  # as a run's executor does
        assert storage.claim_concurrency_slot("duckdb_writer", run.run_id, "warehouse_tables").is_claimed
        build_inbox_sensor(str(tmp_path / "inbox"))(dg.build_sensor_context(instance=instance))
        assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.FAILURE
        assert not storage.get_concurrency_info("duckdb_writer").claimed_slots
