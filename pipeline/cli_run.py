"""The half of the command line that starts Dagster runs (imported by pipeline.cli when a
run has work to do, so a no-op re-run never loads Dagster): `run_pipeline` materializes
the ingest job for one batch covering the inbox, re-annotates stale versions, then the
SQL models; `reannotate_warehouse`, `check_whole_tables` (the whole-table suites) and
`run_in_batches` (parallel batches) are the other commands' runs."""
from __future__ import annotations

import importlib
import os
import threading
from functools import cache

import dagster as dg
import duckdb
from dagster._core.utils import make_new_run_id

from pipeline import cli_progress, locks, runs
from pipeline.assets import WAREHOUSE_POOL, inbox_batches
from pipeline.automation import INGEST_JOB, batch_key, inbox_state, ingest_run_config
from pipeline.catalog import table_counts
from pipeline.check_suites import WHOLE_TABLE_CHECKS_JOB
from pipeline import cli_output
from pipeline.checks import BlockingChecksFailed
from pipeline.instance_sqlite import patch_dagster_sqlite_storages
from pipeline.names import kb_forms
from pipeline.nlp import warm
from pipeline.nlp.events import lexicon
from pipeline.cli_output import RunFailed
from pipeline.definitions import build_definitions
from pipeline.parallel import run_batches
from pipeline.pending import NOTHING_NEW, PendingWork, pending_work, reannotate_enabled
from pipeline.purge import purge_deleted
from pipeline.quality_log import latest_check_results, write_check_results


def _instance() -> dg.DagsterInstance:
    patch_dagster_sqlite_storages()  # no disk sync per Dagster event (pipeline.instance_sqlite)
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


# Dagster's console logger stays silent: the CLI prints one line per problem itself
# (a failed step would otherwise print its traceback).
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def run_pipeline(inbox: str, warehouse: str, instance: dg.DagsterInstance | None = None,
                 reannotate: bool | None = None, progress: bool = False,
                 pending: PendingWork | None = None) -> None:
    """Materialize the ingest job for one batch covering the inbox, re-annotate stale
    versions (unless disabled: `reannotate=False` or NEWS_REANNOTATE=0), then the models.
    Nothing new, nothing stale and every model view current: no Dagster run at all.
    `progress`: a line per stage on stderr. `pending`: the work the caller found just before
    (the command line, which hashed the inbox for it: not again); None: found here. (The
    tables' row counts are the caller's to read: the command line's summary does, once.)"""
    instance = instance or _instance()
    runs.prepare(instance, warehouse, WAREHOUSE_POOL)  # no dead run holds the pool; bounded lock/pool waits
    if pending is None:
        pending = pending_work(inbox, warehouse, reannotate_enabled(reannotate))
    if pending.nothing:
        print(NOTHING_NEW.format(inbox=inbox))
        return
    with _state_storage_of(instance):
        _run(inbox, warehouse, instance, pending, progress)


def reannotate_warehouse(inbox: str, warehouse: str, instance: dg.DagsterInstance | None = None,
                         limit: int = 0) -> dict[str, int]:
    """Run the re-annotation job alone (CLI `reannotate`)."""
    instance = instance or _instance()
    with _state_storage_of(instance):
        _reannotate(build_definitions(inbox, warehouse), instance, limit)
    with duckdb.connect(warehouse, read_only=True) as con:
        return table_counts(con)


def _reannotate(defs: dg.Definitions, instance: dg.DagsterInstance, limit: int = 0) -> None:
    config = {"ops": {"reannotated_versions": {"config": {"limit": limit}}}, **QUIET}
    result = _execute(defs.resolve_job_def("reannotate_job"), instance, "re-annotation", run_config=config)
    meta = result.asset_materializations_for_node("reannotated_versions")[0].metadata
    print(f"re-annotated {meta['versions'].value} versions in {meta['batches'].value} batches")


def check_whole_tables(inbox: str, warehouse: str, instance: dg.DagsterInstance | None = None) -> list:
    """Run the whole-table suites (`whole_table_checks_job`) and copy the results into
    `check_results`; the failed outcomes' evaluations are returned (CLI `check`)."""
    instance = instance or _instance()
    runs.prepare(instance, warehouse, WAREHOUSE_POOL)
    with _state_storage_of(instance):
        job = build_definitions(inbox, warehouse).resolve_job_def(WHOLE_TABLE_CHECKS_JOB)
        result = _execute(job, instance, "whole-table checks", run_config=QUIET)
    evaluations = result.get_asset_check_evaluations()
    with duckdb.connect(warehouse, config=locks.writer_config()) as con:
        write_check_results(con, latest_check_results(instance))
    failed = [e for e in evaluations if not e.passed]
    for evaluation in failed:
        print(f"  failed: {evaluation.check_name} ({evaluation.asset_key.to_user_string()}): "
              f"{evaluation.description or ''}")
    print(f"whole-table checks: {len(evaluations)} run, {len(failed)} failed")
    return failed


def run_in_batches(inbox: str, warehouse: str, batches: int, concurrency: int) -> None:
    """The inbox's new files as `batches` separate Dagster runs, `concurrency` at a time
    (see pipeline.parallel); stale versions and models follow in `run_pipeline`."""
    pending = pending_work(inbox, warehouse, reannotate=False)
    if not pending.new_files:
        return
    runs = run_batches(inbox, warehouse, pending.new_files, batches, concurrency)
    for run in runs:
        lines = run.output.strip().splitlines()
        print(lines[-1] if lines else f"batch {run.key}: no output")
    failed = [run for run in runs if run.returncode]
    if failed:
        raise SystemExit(f"{len(failed)} of {len(runs)} batch runs failed:\n" + failed[0].output[-2000:])


def _state_storage_of(instance: dg.DagsterInstance):
    """Point Dagster's definitions-state lookup at *this* instance for the run.

    Dagster keeps the "current" state storage in a context variable that an instance
    sets on `__enter__`; a test or tool that entered another instance and let it be
    garbage-collected leaves a dead weak reference there, and loading the definitions
    then fails ("Attempted to resolve undefined DagsterInstance weakref")."""
    from dagster._core.storage.defs_state.base import set_defs_state_storage

    return set_defs_state_storage(instance.defs_state_storage)


def _execute(job: dg.JobDefinition, instance: dg.DagsterInstance, what: str, **kwargs):
    """Execute in this process, tagged with this process (so a later run can tell it
    died), its wait for the writer pool bounded; a failure becomes RunFailed with the reason."""
    run_id = make_new_run_id()
    with runs.PoolWatchdog(instance, run_id, WAREHOUSE_POOL):
        result = job.execute_in_process(instance=instance, raise_on_error=False, tags=runs.process_tags(),
                                        run_id=run_id, **kwargs)
    if not result.success:
        raise runs.failure_of(result, what)
    return result


def _job(defs: dg.Definitions, name: str, run_config: dict, progress: bool) -> tuple[dg.JobDefinition, dict]:
    job = defs.resolve_job_def(name)
    return cli_progress.with_progress(job, run_config) if progress else (job, run_config)


def _run(inbox: str, warehouse: str, instance: dg.DagsterInstance, pending: PendingWork,
         progress: bool = False) -> None:
    defs = build_definitions(inbox, warehouse, outputs_in_memory=True)
    _prepare_in_background()
    if pending.new_files or pending.deleted_files or not pending.known:
        _ingest(defs, inbox, instance, progress)
    if pending.stale_versions:
        _reannotate(defs, instance)
    _models(defs, instance, pending, progress)


# Rebuilt after every run with work: the latest check results and the report.
AFTER_EVERY_RUN = ("check_results", "report")


def _models(defs: dg.Definitions, instance: dg.DagsterInstance, pending: PendingWork, progress: bool) -> None:
    """The model views whose SQL changed (or that are missing), the check results and the
    report. An unchanged view needs no rebuild after a load — it reads the tables as they
    are now — and materializing it would run the whole model for its row count: a cost
    that grows with the warehouse. (`dagster dev`'s automation and `make materialize`
    rebuild every model, with that metadata.)"""
    job, config = _job(defs, "models_job", QUIET, progress)
    names = pending.outdated_models if pending.known else [key.path[-1] for key in job.asset_layer.executable_asset_keys]
    selection = [dg.AssetKey(name) for name in sorted({*names, *AFTER_EVERY_RUN})]
    _execute(job, instance, "models", run_config=config, asset_selection=selection)


@cache
def _prepare_in_background() -> None:
    """What the steps after the NLP load on first use, loaded by a thread once this process
    waits for the NLP workers (pipeline.nlp.warm.waiting: before that its own steps need
    the core; after the NLP nothing else would use the second one): pipeline.report
    (matplotlib, ~0.35 s CPU of imports, for the models run's last step), the knowledge base
    (~0.1 s, actor resolution) and the event lexicon (~0.07 s, event identities). A step that
    needs one of them first finds it done, or waits for it (Python's import lock) or computes
    it too (a cache). One thread per process (the loads are once per process too), started by
    its first run; no NLP in the process: the thread waits on, and ends with the process."""
    threading.Thread(target=_prepare_after_nlp, name="prepare-after-nlp", daemon=True).start()


def _prepare_after_nlp() -> None:
    warm.waiting.wait()
    importlib.import_module("pipeline.report")
    kb_forms()
    lexicon()


def _ingest(defs: dg.Definitions, inbox: str, instance: dg.DagsterInstance, progress: bool = False) -> None:
    key = batch_key("scan", inbox_state(inbox))
    instance.add_dynamic_partitions(inbox_batches.name, [key])
    job, config = _job(defs, INGEST_JOB, {**ingest_run_config([]), **QUIET}, progress)
    result = _execute(job, instance, "ingest", partition_key=key, run_config=config)
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    if not progress:
        print(f"checks: {len(result.get_asset_check_evaluations())} run, {len(failed)} failed")


def wait_for_lock(warehouse: str) -> None:
    """The warehouse file is free (bounded wait), else RunFailed with exit code 2."""
    try:
        locks.connect_waiting(warehouse, locks.writer_config()).close()
    except locks.RunBlocked as exc:
        raise RunFailed(str(exc), 2) from None


def purge(warehouse: str) -> int:
    """Purge rows of deleted files (pipeline.purge); a blocking check refusing the
    result rolls it back (exit 1)."""
    cli_output.check_warehouse(warehouse, must_exist=True)
    wait_for_lock(warehouse)
    with duckdb.connect(warehouse, config=locks.writer_config()) as con:
        try:
            done = purge_deleted(con)
        except BlockingChecksFailed as exc:
            raise RunFailed(str(exc), 1) from None
    print(f"purged {done.files} deleted file row(s), {done.articles} article(s) with {done.versions} version(s)"
          + (f"; kept {done.kept_articles} article(s) that also have versions from files still in the inbox"
             if done.kept_articles else ""))
    return 0
