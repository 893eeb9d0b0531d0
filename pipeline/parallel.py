"""Batches in parallel: the new files of the inbox split into several batches, each one
a separate Dagster run of the ingest job (its own partition), at most `concurrency` at
once — so the spaCy work of several batches runs at the same time — while the
`duckdb_writer` pool keeps one writer and every batch loads after the batches before it
(`wait_for_turn`), which gives the same tables as loading them one after the other.

The CLI (`run --batches N --concurrency K`) is a small run queue of its own; under
`dagster dev` the inbox sensor splits a large tick into batches the same way and the
daemon's run queue (`concurrency.runs.max_concurrent_runs` in dagster.yaml) runs them."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from dagster._core.storage.defs_state.base import set_defs_state_storage
from dagster._core.utils import make_new_run_id

from pipeline import runs as run_records
from pipeline.assets import WAREHOUSE_POOL, inbox_batches
from pipeline.automation import INGEST_JOB, QUIET, batch_key
from pipeline.batch_order import batch_run_config, split_batches
from pipeline.definitions import build_definitions


@dataclass
class BatchRun:
    key: str
    names: list[str]
    returncode: int | None = None
    output: str = ""


def run_batches(inbox: str, warehouse: str, names: list[str], batches: int, concurrency: int) -> list[BatchRun]:
    """Every batch as its own Dagster run in its own process, `concurrency` at a time, in
    batch order. Needs a persistent instance (DAGSTER_HOME): the pool is kept there."""
    if not os.environ.get("DAGSTER_HOME"):
        raise SystemExit("parallel batches need DAGSTER_HOME (the writer pool lives in the Dagster instance)")
    groups = split_batches(names, batches)
    runs = [BatchRun(batch_key(f"batch{i + 1}of{len(groups)}", {n: "" for n in g}), g) for i, g in enumerate(groups)]
    with dg.DagsterInstance.get() as instance:
        run_records.reap_dead_runs(instance)  # a killed earlier run must not hold the writer pool
        instance.add_dynamic_partitions(inbox_batches.name, [r.key for r in runs])
        _run_queue(runs, inbox, warehouse, concurrency, instance)
    return runs


def _run_queue(runs: list[BatchRun], inbox: str, warehouse: str, concurrency: int,
               instance: dg.DagsterInstance) -> None:
    """Start the batch processes in order, `concurrency` at a time; when one ends, reap
    its run if the process died without ending it (killed, crashed), so the pool slot it
    held is freed and the batches after it stop waiting for it (pipeline.runs)."""
    env = {**os.environ, "NEWS_INBOX": inbox, "NEWS_WAREHOUSE": warehouse}
    running: list[tuple[BatchRun, subprocess.Popen, Path]] = []
    queue = list(enumerate(runs))
    while queue or running:
        while queue and len(running) < concurrency:
            i, run = queue.pop(0)
            spec = Path(tempfile.mkstemp(prefix="news-batch-", suffix=".json")[1])
            spec.write_text(json.dumps({"key": run.key, "config": batch_run_config(run.names, [r.key for r in runs[:i]])}))
            proc = subprocess.Popen([sys.executable, "-m", "pipeline.parallel", str(spec)], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            running.append((run, proc, spec))
        for item in list(running):
            run, proc, spec = item
            if proc.poll() is not None:
                run.output, run.returncode = proc.stdout.read(), proc.returncode
                spec.unlink(missing_ok=True)
                running.remove(item)
                if proc.returncode:
                    run_records.reap_dead_runs(instance)
        time.sleep(0.2)


def _run_one(spec_path: str) -> int:
    """Child process: one batch's ingest run on the shared instance."""
    spec = json.loads(Path(spec_path).read_text())
    run_id = make_new_run_id()
    with dg.DagsterInstance.get() as instance, set_defs_state_storage(instance.defs_state_storage), \
            run_records.PoolWatchdog(instance, run_id, WAREHOUSE_POOL):
        job = build_definitions().resolve_job_def(INGEST_JOB)
        # tagged with this process, as CLI runs are: a run whose process dies is reaped
        result = job.execute_in_process(partition_key=spec["key"], instance=instance, run_id=run_id,
                                        tags=run_records.process_tags(), run_config={**spec["config"], **QUIET},
                                        raise_on_error=False)
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    print(f"batch {spec['key']}: run {result.run_id} {'succeeded' if result.success else 'failed'}"
          + (f", failed checks: {', '.join(failed)}" if failed else ""))
    return 0 if result.success and not failed else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="run one batch (used by run_batches)")
    parser.add_argument("spec")
    sys.exit(_run_one(parser.parse_args().spec))
