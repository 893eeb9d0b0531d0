"""Command line (`python -m pipeline`, or the `news-warehouse` console script):
`run` materializes every asset over the inbox (one batch partition for the whole scan,
then the SQL models) on the real Dagster instance, with a line per stage and a closing
summary; `query` prints a model, table or SQL result; `export` writes tables to
Parquet/CSV. A user's mistake (missing folder, unreadable warehouse) is one line on
stderr and exit code 2; so is a run that cannot proceed (warehouse locked by another
process, writer pool held) after NEWS_LOCK_TIMEOUT seconds, while a run that fails (a
blocking check, an error) says why with exit code 1. `purge-deleted` removes what files
deleted from the inbox loaded."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time

import dagster as dg
import duckdb
from dagster._core.utils import make_new_run_id

from pipeline import cli_output, cli_query, locks, runs
from pipeline.assets import WAREHOUSE_POOL
from pipeline.automation import INGEST_JOB, batch_key, inbox_state, ingest_run_config
from pipeline.checks import BlockingChecksFailed
from pipeline.assets import inbox_batches
from pipeline.definitions import build_definitions
from pipeline.load import table_counts
from pipeline.parallel import run_batches
from pipeline.pending import PendingWork, pending_work
from pipeline.purge import purge_deleted
from pipeline.resources import inbox_path, warehouse_path


def _instance() -> dg.DagsterInstance:
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


# Dagster's console logger stays silent: the CLI prints one line per problem itself
# (a failed step would otherwise print its traceback).
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
RunFailed = runs.RunFailed  # raised by run_pipeline: the message and exit code the CLI prints


def run_pipeline(inbox: str, warehouse: str, instance: dg.DagsterInstance | None = None,
                 reannotate: bool | None = None, progress: bool = False) -> dict[str, int]:
    """Materialize the ingest job for one batch covering the inbox, re-annotate stale
    versions (unless disabled: `reannotate=False` or NEWS_REANNOTATE=0), then the models.
    Nothing new, nothing stale and every model view current: no Dagster run at all.
    `progress`: a line per stage on stderr."""
    instance = instance or _instance()
    if reannotate is None:
        reannotate = os.environ.get("NEWS_REANNOTATE", "1") not in ("0", "false", "no")
    runs.prepare(instance, warehouse, WAREHOUSE_POOL)  # no dead run holds the pool; bounded lock/pool waits
    pending = pending_work(inbox, warehouse, reannotate)
    if pending.nothing:
        print(f"nothing new in {inbox}: every file is loaded, no version is stale, every model is current "
              "— no NLP, no load, no checks (no Dagster run started)")
        with duckdb.connect(warehouse, read_only=True) as con:
            return table_counts(con)
    with _state_storage_of(instance):
        return _run(inbox, warehouse, instance, pending, progress)


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
    return cli_output.with_progress(job, run_config) if progress else (job, run_config)


def _run(inbox: str, warehouse: str, instance: dg.DagsterInstance, pending: PendingWork,
         progress: bool = False) -> dict[str, int]:
    defs = build_definitions(inbox, warehouse)
    if pending.new_files or pending.deleted_files or not pending.known:
        _ingest(defs, inbox, instance, progress)
    if pending.stale_versions:
        _reannotate(defs, instance)
    job, config = _job(defs, "models_job", QUIET, progress)
    _execute(job, instance, "models", run_config=config)
    with duckdb.connect(warehouse, read_only=True) as con:
        return table_counts(con)


def _ingest(defs: dg.Definitions, inbox: str, instance: dg.DagsterInstance, progress: bool = False) -> None:
    key = batch_key("scan", inbox_state(inbox))
    instance.add_dynamic_partitions(inbox_batches.name, [key])
    job, config = _job(defs, INGEST_JOB, {**ingest_run_config([]), **QUIET}, progress)
    result = _execute(job, instance, "ingest", partition_key=key, run_config=config)
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    if not progress:
        print(f"checks: {len(result.get_asset_check_evaluations())} run, {len(failed)} failed")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="ingest the inbox into the warehouse and print what changed")
    run.add_argument("--quiet", action="store_true", help="no line per stage")
    run.add_argument("--no-reannotate", action="store_true",
                     help="leave versions of an older extractor version as they are (also NEWS_REANNOTATE=0)")
    run.add_argument("--batches", type=int, default=1,
                     help="split the new files into N batches, each its own Dagster run (NLP in parallel)")
    run.add_argument("--concurrency", type=int, default=2,
                     help="with --batches: runs at the same time (still one writer at a time)")
    again = sub.add_parser("reannotate", help="re-annotate versions annotated by an older extractor version")
    again.add_argument("--limit", type=int, default=0, help="re-annotate at most this many versions (0: all)")
    for command in (run, again):
        command.add_argument("--inbox", default=None, help="folder of articles (default $NEWS_INBOX or seeds/)")
    query = sub.add_parser("query", help="print a model, a table or the result of SQL")
    query.add_argument("target", help="a model or table name (sql/README.md) or a SELECT statement")
    query.add_argument("--limit", type=int, default=20, help="rows to show (0: all; default 20)")
    query.add_argument("--csv", action="store_true", help="CSV on stdout instead of a text table")
    export = sub.add_parser("export", help="write tables (and models) to Parquet or CSV files")
    export.add_argument("folder", help="where to write <name>.parquet / <name>.csv")
    export.add_argument("--format", default="parquet", choices=cli_query.EXPORT_FORMATS)
    export.add_argument("--models", action="store_true", help="the SQL models too")
    export.add_argument("--only", nargs="*", default=None, metavar="NAME", help="just these tables or models")
    purge = sub.add_parser("purge-deleted", help="remove what files deleted from the inbox loaded")
    report = sub.add_parser("report", help="write the HTML report with its charts (also the `report` asset)")
    report.add_argument("--out", default=None, help="folder (default: next to the warehouse, <name>-report/)")
    for command in (run, again, query, export, report, purge):
        command.add_argument("--warehouse", default=None,
                             help="DuckDB file (default $NEWS_WAREHOUSE or warehouse/news.duckdb)")
    return parser


def _run_command(args: argparse.Namespace) -> int:
    if args.inbox:
        os.environ["NEWS_INBOX"] = args.inbox
    inbox, warehouse = inbox_path(), warehouse_path()
    cli_output.check_inbox(inbox)
    cli_output.check_warehouse(warehouse)
    _wait_for_lock(warehouse)  # before anything slow: a busy warehouse is said at once
    before, started, clock = cli_output.snapshot(warehouse), cli_output.run_started_at(), time.perf_counter()
    if not args.quiet:
        print(f"ingesting {inbox} into {warehouse}", file=sys.stderr)
    if args.batches > 1:
        run_in_batches(inbox, warehouse, args.batches, args.concurrency)
    run_pipeline(inbox, warehouse, reannotate=False if args.no_reannotate else None, progress=not args.quiet)
    summary = cli_output.summarize(warehouse, before, started, len(inbox_state(inbox)), time.perf_counter() - clock)
    cli_output.print_summary(summary, inbox, warehouse)
    return 0


def _wait_for_lock(warehouse: str) -> None:
    try:
        locks.connect_waiting(warehouse, locks.writer_config()).close()
    except locks.RunBlocked as exc:
        raise RunFailed(str(exc), 2) from None


def _purge_command(warehouse: str) -> int:
    """Purge rows of deleted files (pipeline.purge); a blocking check refusing the
    result rolls it back (exit 1)."""
    cli_output.check_warehouse(warehouse, must_exist=True)
    _wait_for_lock(warehouse)
    with duckdb.connect(warehouse, config=locks.writer_config()) as con:
        try:
            done = purge_deleted(con)
        except BlockingChecksFailed as exc:
            raise RunFailed(str(exc), 1) from None
    print(f"purged {done.files} deleted file row(s), {done.articles} article(s) with {done.versions} version(s)"
          + (f"; kept {done.kept_articles} article(s) that also have versions from files still in the inbox"
             if done.kept_articles else ""))
    return 0


def _console_log() -> None:
    """The pipeline's own INFO lines (waiting for a lock, dead runs recovered) on stderr."""
    logger = logging.getLogger("pipeline")
    if not any(getattr(h, "news_console", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        handler.news_console = True
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _reannotate_command(args: argparse.Namespace) -> int:
    if args.inbox:
        os.environ["NEWS_INBOX"] = args.inbox
    inbox, warehouse = inbox_path(), warehouse_path()
    cli_output.check_warehouse(warehouse, must_exist=True)
    counts = reannotate_warehouse(inbox, warehouse, limit=args.limit)
    print(f"warehouse {warehouse} (inbox {inbox})")
    width = max(len(t) for t in counts)
    for table, n in counts.items():
        print(f"  {table:<{width}}  {n:>7}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.warehouse:
        os.environ["NEWS_WAREHOUSE"] = args.warehouse
    _console_log()
    try:
        if args.command == "run":
            return _run_command(args)
        if args.command == "reannotate":
            return _reannotate_command(args)
        warehouse = warehouse_path()
        if args.command == "purge-deleted":
            return _purge_command(warehouse)
        if args.command == "query":
            cli_query.run_query(warehouse, args.target, args.limit, "csv" if args.csv else "table")
        elif args.command == "export":
            cli_query.export(warehouse, args.folder, args.format, args.only, args.models)
        elif args.command == "report":
            cli_query.report(warehouse, args.out)
    except cli_output.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return cli_output.USAGE_ERROR
    except RunFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
