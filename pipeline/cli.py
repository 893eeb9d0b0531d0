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

Light on purpose: `query`, `export` and a re-run with nothing new (every file loaded, no
version stale, every model view current) are carried out here, and none of them imports
Dagster, Great Expectations, matplotlib or the extractors — a no-op re-run costs a hash of
the inbox and a few small queries. Three modules are imported later, where a command
needs them — deliberately the only imports below the top of this module: the NLP warm-up
pipeline.cli_warm (the extractors, ~0.3 s CPU) by a command that annotates, then the
Dagster runs pipeline.cli_commands (Dagster, ~1.2 s CPU: the warm workers load the model
meanwhile), and the report's pipeline.cli_report (matplotlib, ~0.35 s)."""
from __future__ import annotations

import argparse
import atexit
import logging
import os
import sys
import threading
import time
from typing import Callable, NoReturn

from pipeline import cli_output, cli_query, locks
from pipeline.cli_output import RunFailed
from pipeline.inbox import inbox_state
from pipeline.paths import inbox_path, warehouse_path
from pipeline.pending import NOTHING_NEW, PendingWork, pending_work, reannotate_enabled


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
    inbox, warehouse = inbox_path(), warehouse_path()
    cli_output.check_inbox(inbox)
    cli_output.check_warehouse(warehouse)
    _wait_for_lock(warehouse)  # before anything slow: a busy warehouse is said at once
    started, clock = cli_output.run_started_at(), time.perf_counter()
    if not args.quiet:
        print(f"ingesting {inbox} into {warehouse}", file=sys.stderr)
    before = _run_or_skip(inbox, warehouse, args)
    summary = cli_output.summarize(warehouse, before, started, len(inbox_state(inbox)), time.perf_counter() - clock)
    cli_output.print_summary(summary, inbox, warehouse)
    return 0


def _wait_for_lock(warehouse: str) -> None:
    try:
        locks.connect_waiting(warehouse, locks.writer_config()).close()
    except locks.RunBlocked as exc:
        raise RunFailed(str(exc), 2) from None


def _run_or_skip(inbox: str, warehouse: str, args: argparse.Namespace) -> dict[str, int] | None:
    """Nothing to do: say so without loading Dagster; else the runs, the NLP warm-up first
    (with --batches the batch runs work out what to do themselves, without it). Returns the
    tables' row counts before the runs (None: nothing was run), read once the NLP workers
    are forked: before the fork the other core is idle and the workers wait."""
    if args.batches > 1:
        before = cli_output.snapshot(warehouse)
        _start_runs(args)
        return before
    pending = pending_work(inbox, warehouse, reannotate_enabled(False if args.no_reannotate else None))
    if pending.nothing:
        print(NOTHING_NEW.format(inbox=inbox))
        return None
    from pipeline import cli_warm  # deliberately here: the extractors load only for a run with work

    with cli_warm.warm_for_run(inbox, warehouse, pending):
        before = cli_output.snapshot(warehouse)
        _start_runs(args, pending)
    return before


def _reannotate_command(args: argparse.Namespace) -> int:
    warehouse = warehouse_path()
    cli_output.check_warehouse(warehouse, must_exist=True)
    from pipeline import cli_warm  # deliberately here: the extractors load only for the commands that annotate

    with cli_warm.warm_for_reannotate(warehouse, args.limit):
        return _start_runs(args)


def _check_command(args: argparse.Namespace) -> int:
    cli_output.check_warehouse(warehouse_path(), must_exist=True)  # at once, before Dagster is imported
    return _start_runs(args)


def _start_runs(args: argparse.Namespace, pending: PendingWork | None = None) -> int:
    """The Dagster runs of `run`, `reannotate`, `check`, `purge-deleted` (pipeline.cli_commands),
    imported here: after the NLP warm-up has started (its workers load the model while this
    process imports Dagster), and never for `query`, `export`, `report` or a run with nothing new.
    `pending`: the work `run` found (the run does not hash the inbox for it again)."""
    from pipeline import cli_commands  # deliberately here: see the docstring

    if pending is not None:
        return cli_commands.run(args, pending)
    return cli_commands.COMMANDS[args.command](args)


def _query_command(args: argparse.Namespace) -> int:
    cli_query.run_query(warehouse_path(), args.target, args.limit, "csv" if args.csv else "table")
    return 0


def _export_command(args: argparse.Namespace) -> int:
    cli_query.export(warehouse_path(), args.folder, args.format, args.only, args.models)
    return 0


def _report_command(args: argparse.Namespace) -> int:
    from pipeline import cli_report  # deliberately here: matplotlib is imported for the report only

    cli_report.report(warehouse_path(), args.out)
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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": _run_command, "reannotate": _reannotate_command, "check": _check_command, "purge-deleted": _start_runs,
    "query": _query_command, "export": _export_command, "report": _report_command,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.warehouse:
        os.environ["NEWS_WAREHOUSE"] = args.warehouse
    if getattr(args, "inbox", None):  # `run` and `reannotate` take --inbox
        os.environ["NEWS_INBOX"] = args.inbox
    _console_log()
    try:
        return COMMANDS[args.command](args)
    except cli_output.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return cli_output.USAGE_ERROR
    except RunFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


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
