"""Command line: `python -m pipeline.cli run` materializes every asset over the inbox
(one batch partition for the whole scan, then the SQL models) on the real Dagster
instance, and prints the row count of every table; `purge-deleted` removes what files
deleted from the inbox loaded. Exit codes: 0 done, 1 the run failed (a blocking check,
an error), 2 it could not proceed (warehouse locked, writer pool held, no inbox)."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from pipeline import locks
from pipeline.settings import inbox_path, warehouse_path


def __getattr__(name: str):
    """`run_pipeline` and `RunFailed` live in pipeline.runner (loaded on first use: it
    imports Dagster, which takes seconds, and the lock probe must not wait for it)."""
    if name in ("run_pipeline", "RunFailed"):
        from pipeline import runner

        return getattr(runner, name)
    raise AttributeError(name)


def _console_log() -> None:
    """The pipeline's own INFO lines (waiting for a lock, dead runs recovered) on stderr."""
    logger = logging.getLogger("pipeline")
    if not any(getattr(h, "news_console", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        handler.news_console = True
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _run_command(inbox: str, warehouse: str) -> int:
    try:
        locks.connect_waiting(warehouse, locks.writer_config()).close()  # busy? say so before loading Dagster
    except locks.RunBlocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from pipeline.runner import RunFailed, run_pipeline  # Dagster: seconds to import

    try:
        counts = run_pipeline(inbox, warehouse)
    except RunFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"warehouse {warehouse} (inbox {inbox})")
    width = max(len(t) for t in counts)
    for table, n in counts.items():
        print(f"  {table:<{width}}  {n:>7}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="ingest the inbox into the warehouse and print row counts")
    run.add_argument("--inbox", default=None, help="folder of articles (default $NEWS_INBOX or seeds/)")
    run.add_argument("--warehouse", default=None, help="DuckDB file (default $NEWS_WAREHOUSE or warehouse/news.duckdb)")
    purge = sub.add_parser("purge-deleted", help="remove what files deleted from the inbox loaded")
    purge.add_argument("--warehouse", default=None, help="DuckDB file (default $NEWS_WAREHOUSE)")
    args = parser.parse_args(argv)
    _console_log()
    if args.command == "purge-deleted":
        from pipeline.runner import purge_command

        return purge_command(args.warehouse or warehouse_path())
    if args.inbox:
        os.environ["NEWS_INBOX"] = args.inbox
    if args.warehouse:
        os.environ["NEWS_WAREHOUSE"] = args.warehouse
    return _run_command(inbox_path(), warehouse_path())


if __name__ == "__main__":
    sys.exit(main())
