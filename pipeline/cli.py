"""Command line (`python -m pipeline`, or the `news-warehouse` console script):
`run` materializes every asset over the inbox (one batch partition for the whole scan,
then the SQL models) on the real Dagster instance, with a line per stage and a closing
summary; `query` prints a model, table or SQL result; `export` writes tables to
Parquet/CSV. A user's mistake (missing folder, unreadable warehouse) is one line on
stderr and exit code 2; so is a run that cannot proceed (warehouse locked by another
process, writer pool held) after NEWS_LOCK_TIMEOUT seconds, while a run that fails (a
blocking check, an error) says why with exit code 1. `purge-deleted` removes what files
deleted from the inbox loaded. `check` runs the whole-table Great Expectations suites now
(a load checks only its own rows; the suites also run on a daily schedule).

Light on purpose: a re-run with nothing new (every file loaded, no version stale, every
model view current) is decided here, before Dagster, Great Expectations or matplotlib are
imported — its cost is a hash of the inbox and a few small queries. What starts a Dagster
run lives in pipeline.cli_run, imported when a run has work to do (`_runner()`); its
functions are also reachable as attributes of this module (`cli.run_pipeline`)."""
from __future__ import annotations

import argparse
import atexit
import importlib
import logging
import os
import sys
import threading
import time
from functools import partial
from typing import NoReturn

from pipeline import cli_output, locks
from pipeline.cli_output import RunFailed
from pipeline.inbox import inbox_state
from pipeline.paths import inbox_path, warehouse_path
from pipeline.pending import NOTHING_NEW, pending_work, reannotate_enabled


def _runner():
    """pipeline.cli_run, imported on first use: Dagster alone takes ~1.5 s to import."""
    return importlib.import_module("pipeline.cli_run")


def _nlp():
    """pipeline.nlp (its extractors' rules; spaCy itself is imported by the model load)."""
    return importlib.import_module("pipeline.nlp")


def _prefetch():
    """pipeline.nlp.prefetch (the NLP requests of a run, worked out ahead for the warm workers)."""
    return importlib.import_module("pipeline.nlp.prefetch")


def _requests(new_files, stale: list) -> list:
    """The run's NLP requests in order: the new files' (worked out in the warm process), then
    the re-annotation's batches (read here, before Dagster opens the warehouse for writing)."""
    first = new_files()
    return [first, *stale] if first else stale


def _queries():
    """pipeline.cli_query (query, export, report: it loads matplotlib for the report)."""
    return importlib.import_module("pipeline.cli_query")


def __getattr__(name: str):
    """`cli.run_pipeline`, `cli.reannotate_warehouse`, …: the runs of pipeline.cli_run."""
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_runner(), name)


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
    export.add_argument("--format", default="parquet", choices=cli_output.EXPORT_FORMATS)
    export.add_argument("--models", action="store_true", help="the SQL models too")
    export.add_argument("--only", nargs="*", default=None, metavar="NAME", help="just these tables or models")
    purge = sub.add_parser("purge-deleted", help="remove what files deleted from the inbox loaded")
    check = sub.add_parser("check", help="run the whole-table data-quality suites (Great Expectations) now")
    report = sub.add_parser("report", help="write the HTML report with its charts (also the `report` asset)")
    report.add_argument("--out", default=None, help="folder (default: next to the warehouse, <name>-report/)")
    for command in (run, again, query, export, report, purge, check):
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
    _run_or_skip(inbox, warehouse, args)
    summary = cli_output.summarize(warehouse, before, started, len(inbox_state(inbox)), time.perf_counter() - clock)
    cli_output.print_summary(summary, inbox, warehouse)
    return 0


def _wait_for_lock(warehouse: str) -> None:
    try:
        locks.connect_waiting(warehouse, locks.writer_config()).close()
    except locks.RunBlocked as exc:
        raise RunFailed(str(exc), 2) from None


def _run_or_skip(inbox: str, warehouse: str, args: argparse.Namespace) -> None:
    """Nothing to do: say so without loading Dagster; else the runs (pipeline.cli_run)."""
    reannotate = False if args.no_reannotate else None
    if args.batches > 1:
        _runner().run_in_batches(inbox, warehouse, args.batches, args.concurrency)
        _runner().run_pipeline(inbox, warehouse, reannotate=reannotate, progress=not args.quiet)
        return
    pending = pending_work(inbox, warehouse, reannotate_enabled(reannotate))
    if pending.nothing:
        print(NOTHING_NEW.format(inbox=inbox))
        return
    if not (pending.new_files or pending.stale_versions):
        _runner().run_pipeline(inbox, warehouse, reannotate=reannotate, progress=not args.quiet)
        return
    # the model loads in a process of its own and its workers start on the new files' texts
    # and the stale versions' while this process imports Dagster and runs the batch's first steps
    nlp, prefetch = _nlp(), _prefetch()
    stale = prefetch.expected_reannotation(warehouse) if pending.stale_versions else []
    new = partial(prefetch.expected_chunks, inbox, pending.new_files) if pending.new_files else list
    nlp.start_warm_workers(len(pending.new_files) + pending.stale_versions, partial(_requests, new, stale))
    try:
        _runner().run_pipeline(inbox, warehouse, reannotate=reannotate, progress=not args.quiet)
    finally:
        nlp.stop_warm_workers()


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
    # the stale versions' texts read now (read-only, before any writer): the model loads and its
    # workers start on them while this process imports Dagster (as for `run`)
    nlp, requests = _nlp(), _prefetch().expected_reannotation(warehouse, args.limit)
    if requests:
        nlp.start_warm_workers(sum(len(chunk) for chunks in requests for chunk in chunks), lambda: requests)
    try:
        counts = _runner().reannotate_warehouse(inbox, warehouse, limit=args.limit)
    finally:
        nlp.stop_warm_workers()
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
            return _runner().purge(warehouse)
        if args.command == "check":
            cli_output.check_warehouse(warehouse, must_exist=True)
            return 1 if _runner().check_whole_tables(inbox_path(), warehouse) else 0
        if args.command == "query":
            _queries().run_query(warehouse, args.target, args.limit, "csv" if args.csv else "table")
        elif args.command == "export":
            _queries().export(warehouse, args.folder, args.format, args.only, args.models)
        elif args.command == "report":
            _queries().report(warehouse, args.out)
    except cli_output.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return cli_output.USAGE_ERROR
    except RunFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


def exit_without_teardown(code: int) -> NoReturn:
    """End the process as `sys.exit(code)` would, less the interpreter's teardown: after a
    run the process holds Dagster's, DuckDB's and the batch's objects, and freeing them one
    by one (and the last cyclic collection) took ~1 s of a 1,300-file build for nothing —
    the kernel frees the memory at once. The exit handlers still run (log handlers flushed,
    child processes joined, temporary files removed) and the streams are flushed. When
    another non-daemon thread is alive, the normal exit waits for it as usual."""
    if any(t is not threading.main_thread() and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed or a broken pipe: nothing more can be said
            pass
    os._exit(code)


def console_main() -> NoReturn:
    """`python -m pipeline`, `python -m pipeline.cli` and the `news-warehouse` script (not
    `main`, which tests call in their own process)."""
    exit_without_teardown(main())


if __name__ == "__main__":
    console_main()
