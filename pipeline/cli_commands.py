"""The commands that start Dagster runs, as the command line carries them out: `run` with
work to do, `reannotate`, `check` and `purge-deleted` (the runs of pipeline.cli_run).
pipeline.cli imports this module only when such a command runs, and after it has started
the NLP warm-up (pipeline.cli_warm), so that the warm workers load the model while this
process imports Dagster (~1.2 s CPU) — which `query`, `export`, `report` and a run with
nothing new never need."""
from __future__ import annotations

import argparse

from pipeline import cli_run
from pipeline.paths import inbox_path, warehouse_path
from pipeline.pending import PendingWork


def run(args: argparse.Namespace, pending: PendingWork | None = None) -> int:
    """`run` with work to do (`pending`, as the command line found it; None: find it): one
    Dagster run for the inbox; with --batches the new files' batches in parallel first, then
    that run for the stale versions and the models (its work found after the batches)."""
    inbox, warehouse = inbox_path(), warehouse_path()
    if args.batches > 1:
        cli_run.run_in_batches(inbox, warehouse, args.batches, args.concurrency)
        pending = None
    cli_run.run_pipeline(inbox, warehouse, reannotate=False if args.no_reannotate else None,
                         progress=not args.quiet, pending=pending)
    return 0


def reannotate(args: argparse.Namespace) -> int:
    """`reannotate`: the re-annotation job alone, then the tables' row counts."""
    inbox, warehouse = inbox_path(), warehouse_path()
    counts = cli_run.reannotate_warehouse(inbox, warehouse, limit=args.limit)
    print(f"warehouse {warehouse} (inbox {inbox})")
    width = max(len(t) for t in counts)
    for table, n in counts.items():
        print(f"  {table:<{width}}  {n:>7}")
    return 0


def check(args: argparse.Namespace) -> int:
    """`check`: the whole-table suites now; exit code 1 when one failed."""
    return 1 if cli_run.check_whole_tables(inbox_path(), warehouse_path()) else 0


def purge(args: argparse.Namespace) -> int:
    """`purge-deleted`: remove what files deleted from the inbox loaded."""
    return cli_run.purge(warehouse_path())


COMMANDS = {"run": run, "reannotate": reannotate, "check": check, "purge-deleted": purge}
