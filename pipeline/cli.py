"""Command line: `python -m pipeline.cli run` materializes every asset over the inbox
(one batch partition for the whole scan, then the SQL models) on the real Dagster
instance, and prints the row count of every table."""
from __future__ import annotations

import argparse
import sys

import dagster as dg

from pipeline.automation import INGEST_JOB, batch_key, inbox_state, ingest_run_config
from pipeline.assets import inbox_batches
from pipeline.resources import inbox_path, warehouse_path


def _instance() -> dg.DagsterInstance:
    import os

    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


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


def _run(inbox: str, warehouse: str, instance: dg.DagsterInstance) -> dict[str, int]:
    from pipeline.definitions import build_definitions
    from pipeline.load import table_counts

    defs = build_definitions(inbox, warehouse)
    key = batch_key("scan", inbox_state(inbox))
    instance.add_dynamic_partitions(inbox_batches.name, [key])
    result = defs.resolve_job_def(INGEST_JOB).execute_in_process(
        partition_key=key, instance=instance, run_config={**ingest_run_config([]), **QUIET}, raise_on_error=False
    )
    if not result.success:
        raise SystemExit(f"ingest run {result.run_id} failed")
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    print(f"checks: {len(result.get_asset_check_evaluations())} run, {len(failed)} failed")
    if failed:
        raise SystemExit("blocking checks failed: " + ", ".join(e.check_name for e in failed))
    models = defs.resolve_job_def("models_job").execute_in_process(instance=instance, run_config=QUIET, raise_on_error=False)
    if not models.success:
        raise SystemExit(f"models run {models.run_id} failed")
    import duckdb

    with duckdb.connect(warehouse, read_only=True) as con:
        return table_counts(con)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="ingest the inbox into the warehouse and print row counts")
    run.add_argument("--inbox", default=None, help="folder of articles (default $NEWS_INBOX or seeds/)")
    run.add_argument("--warehouse", default=None, help="DuckDB file (default $NEWS_WAREHOUSE or warehouse/news.duckdb)")
    args = parser.parse_args(argv)
    if args.command == "run":
        import os

        if args.inbox:
            os.environ["NEWS_INBOX"] = args.inbox
        if args.warehouse:
            os.environ["NEWS_WAREHOUSE"] = args.warehouse
        inbox, warehouse = inbox_path(), warehouse_path()
        counts = run_pipeline(inbox, warehouse)
        print(f"warehouse {warehouse} (inbox {inbox})")
        width = max(len(t) for t in counts)
        for table, n in counts.items():
            print(f"  {table:<{width}}  {n:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
