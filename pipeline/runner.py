"""Running the pipeline from the command line: one ingest run over the whole inbox (one
batch partition), then the SQL models, on the real Dagster instance, each tagged with
the process that executes it; before it, dead runs are reaped and the writer pool and
warehouse lock waited for (bounded). A run that cannot complete raises `RunFailed` with
the one line (or check report) the CLI prints and its exit code."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import dagster as dg
import duckdb

from pipeline import locks, runs
from pipeline.assets import WAREHOUSE_POOL, inbox_batches
from pipeline.automation import INGEST_JOB, batch_key, inbox_state, ingest_run_config
from pipeline.checks import BlockingChecksFailed
from pipeline.purge import purge_deleted


def _instance() -> dg.DagsterInstance:
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


# Dagster's console logger stays silent: the CLI prints one line per problem itself.
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def run_pipeline(inbox: str, warehouse: str, instance: dg.DagsterInstance | None = None) -> dict[str, int]:
    """Materialize the ingest job for one batch covering the inbox, then the models."""
    instance = instance or _instance()
    with _state_storage_of(instance):
        return _run(inbox, warehouse, instance)


def _state_storage_of(instance: dg.DagsterInstance):
    """Point Dagster's definitions-state lookup at *this* instance for the run.

    Dagster keeps the "current" state storage in a context variable that an instance
    sets on `__enter__`; a test or tool that entered another instance and let it be
    garbage-collected leaves a dead weak reference there, and loading the definitions
    then fails ("Attempted to resolve undefined DagsterInstance weakref")."""
    from dagster._core.storage.defs_state.base import set_defs_state_storage

    return set_defs_state_storage(instance.defs_state_storage)


class RunFailed(SystemExit):
    """A run that could not complete, with the one-line (or check-report) message the
    CLI prints and its exit code: 2 when it could not proceed (lock, pool, missing
    inbox), 1 when it ran and failed (a blocking check, an error)."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def _error_chain(error):
    while error is not None:
        yield error
        error = error.cause or getattr(error, "context", None)


def _failure(result, what: str) -> RunFailed:
    """The reason a run failed, from its failure events: a lock/pool timeout or a
    failed blocking check keeps its own message; anything else says the step and error."""
    for event in result.all_events:
        if event.event_type_value not in ("STEP_FAILURE", "PIPELINE_FAILURE"):
            continue
        error = getattr(event.event_specific_data, "error", None)
        for err in _error_chain(error):
            if err.cls_name == "RunBlocked":
                return RunFailed(err.message.strip().removeprefix("pipeline.locks.RunBlocked: "), 2)
            if err.cls_name == "BlockingChecksFailed":
                return RunFailed(err.message.strip().removeprefix("pipeline.checks.BlockingChecksFailed: "), 1)
        if error is not None:
            last = list(_error_chain(error))[-1]
            step = f" at step {event.step_key}" if event.step_key else ""
            return RunFailed(f"{what} run {result.run_id[:8]} failed{step}: {last.cls_name}: "
                             f"{last.message.strip().splitlines()[-1] if last.message.strip() else ''}", 1)
    return RunFailed(f"{what} run {result.run_id[:8]} failed", 1)


def _prepare(instance: dg.DagsterInstance, inbox: str, warehouse: str) -> None:
    """Before a run: the inbox exists, dead runs of this instance are reaped, and the
    writer pool and the warehouse file lock are free (bounded waits)."""
    if not Path(inbox).is_dir():
        raise RunFailed(f"inbox {inbox} is not a folder (set NEWS_INBOX or --inbox)", 2)
    try:
        locks.connect_waiting(warehouse, locks.writer_config()).close()
        runs.reap_dead_runs(instance)
        runs.wait_for_pool(instance, WAREHOUSE_POOL)
    except locks.RunBlocked as exc:
        raise RunFailed(str(exc), 2) from None


def _execute(job: dg.JobDefinition, instance: dg.DagsterInstance, what: str, **kwargs):
    result = job.execute_in_process(instance=instance, raise_on_error=False, tags=runs.process_tags(), **kwargs)
    if not result.success:
        raise _failure(result, what)
    return result


def _run(inbox: str, warehouse: str, instance: dg.DagsterInstance) -> dict[str, int]:
    from pipeline.definitions import build_definitions
    from pipeline.load import table_counts

    _prepare(instance, inbox, warehouse)
    defs = build_definitions(inbox, warehouse)
    key = batch_key("scan", inbox_state(inbox))
    instance.add_dynamic_partitions(inbox_batches.name, [key])
    result = _execute(defs.resolve_job_def(INGEST_JOB), instance, "ingest", partition_key=key,
                      run_config={**ingest_run_config([]), **QUIET})
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    print(f"checks: {len(result.get_asset_check_evaluations())} run, {len(failed)} failed")
    _execute(defs.resolve_job_def("models_job"), instance, "models", run_config=QUIET)
    with duckdb.connect(warehouse, read_only=True) as con:
        return table_counts(con)


def purge_command(warehouse: str) -> int:
    """Purge rows of deleted files (pipeline.purge); exit 2 when the warehouse is busy,
    1 when a blocking check refuses the result."""
    try:
        with locks.connect_waiting(warehouse, locks.writer_config()) as con:
            done = purge_deleted(con)
    except locks.RunBlocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BlockingChecksFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"purged {done.files} deleted file row(s), {done.articles} article(s) with {done.versions} version(s)"
          + (f"; kept {done.kept_articles} article(s) that also have versions from files still in the inbox"
             if done.kept_articles else ""))
    return 0
