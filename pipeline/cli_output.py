"""What the command line tells its user: one-line errors for user mistakes (exit code 2)
and for runs that cannot proceed or fail (`RunFailed`), and a closing summary of what the
run did (files new / unchanged / quarantined with reasons, rows added per table, checks).
The progress line per Dagster stage is pipeline.cli_progress. No Dagster import here."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from pipeline.catalog import table_counts

EXPORT_FORMATS = ("parquet", "csv")  # what `export --format` writes (pipeline.cli_query)
USAGE_ERROR = 2  # exit code for a mistake the user can fix (missing folder, unreadable file)
DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file


class UsageError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2."""


class RunFailed(SystemExit):
    """A run that could not complete, with the one-line (or check-report) message the
    CLI prints and its exit code: 2 when it could not proceed (lock, pool, missing
    inbox), 1 when it ran and failed (a blocking check, an error)."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


# ------------------------------------------------------------------ checks before a run


def check_inbox(path: str) -> None:
    folder = Path(path)
    if not folder.exists():
        raise UsageError(f"inbox folder {path} does not exist (set NEWS_INBOX or --inbox)")
    if not folder.is_dir():
        raise UsageError(f"inbox {path} is a file, not a folder (set NEWS_INBOX or --inbox)")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise UsageError(f"inbox folder {path} cannot be read (permissions)")


def check_warehouse(path: str, must_exist: bool = False) -> None:
    """A warehouse is a DuckDB file we can read and write, or a new file in a writable folder.
    Only the file header is read: no lock is taken (another process may hold the file)."""
    file = Path(path)
    if file.is_dir():
        raise UsageError(f"warehouse {path} is a folder, not a DuckDB file (set NEWS_WAREHOUSE or --warehouse)")
    if not file.exists():
        if must_exist:
            raise UsageError(f"warehouse {path} does not exist: run `python -m pipeline run` first")
        if not os.access(file.parent, os.W_OK):
            raise UsageError(f"cannot create the warehouse {path}: its folder is not writable")
        return
    if not os.access(file, os.R_OK):
        raise UsageError(f"warehouse {path} cannot be read (permissions)")
    with file.open("rb") as handle:
        header = handle.read(12)
    if header[8:12] != DUCKDB_MAGIC:
        raise UsageError(f"warehouse {path} is not a DuckDB database file")


# ------------------------------------------------------------------ the closing summary


@dataclass
class RunSummary:
    files_seen: int = 0
    files_loaded: int = 0
    quarantined: dict[str, int] = field(default_factory=dict)  # reason -> files
    rows_added: dict[str, int] = field(default_factory=dict)
    rows_total: dict[str, int] = field(default_factory=dict)
    checks_passed: int = 0
    checks_failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def files_new(self) -> int:
        return self.files_loaded + sum(self.quarantined.values())


def snapshot(warehouse: str) -> dict[str, int]:
    """Row counts before a run (empty for a warehouse not created yet)."""
    if not Path(warehouse).exists():
        return {}
    with duckdb.connect(warehouse, read_only=True) as con:
        tables = {r[0] for r in con.sql("SELECT table_name FROM information_schema.tables").fetchall()}
        return table_counts(con) if "files" in tables else {}


def summarize(warehouse: str, before: dict[str, int] | None, started: datetime, files_seen: int,
              seconds: float) -> RunSummary:
    """What the run did, read back from the warehouse: files ingested since it started,
    rows added per table (`before`: the row counts before it; None: nothing was run, no
    rows added), the check results this run recorded (none on a no-op run: the table keeps
    the previous run's results, which must not read as checks of this run)."""
    summary = RunSummary(files_seen=files_seen, seconds=seconds)
    with duckdb.connect(warehouse, read_only=True) as con:
        after = table_counts(con)
        before = after if before is None else before
        summary.rows_added = {t: n - before.get(t, 0) for t, n in after.items()}
        summary.rows_total = after
        for status, reason, n in con.execute(
                "SELECT status, reason, count(*) FROM files WHERE ingested_at >= ? GROUP BY ALL ORDER BY 3 DESC",
                [started]).fetchall():
            if status == "quarantined":
                summary.quarantined[reason or "no reason given"] = n
            else:
                summary.files_loaded += n
        for name, passed in con.execute("SELECT check_name, passed FROM check_results WHERE checked_at >= ? ORDER BY 1",
                                        [started]).fetchall():
            if passed:
                summary.checks_passed += 1
            else:
                summary.checks_failed.append(name)
    return summary


def run_started_at() -> datetime:
    """The files table's clock (UTC, whole seconds) at the start of a run."""
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def print_summary(summary: RunSummary, inbox: str, warehouse: str, stream=None) -> None:
    out = stream or sys.stdout
    unchanged = max(summary.files_seen - summary.files_new, 0)
    out.write(f"\ninbox {inbox}: {summary.files_seen} files — {summary.files_new} new "
              f"({summary.files_loaded} loaded, {sum(summary.quarantined.values())} quarantined), "
              f"{unchanged} unchanged (already loaded)\n")
    for reason, n in summary.quarantined.items():
        out.write(f"  quarantined {n:>4}  {reason}\n")
    out.write(f"warehouse {warehouse}: rows added per table (total now in brackets)\n")
    width = max((len(t) for t in summary.rows_added), default=0)
    for table, added in summary.rows_added.items():
        out.write(f"  {table:<{width}}  {added:>+8,}  ({summary.rows_total.get(table, 0):,})\n")
    failed = summary.checks_failed
    out.write(f"checks: {summary.checks_passed + len(failed)} run, {len(failed)} failed"
              + (f" ({', '.join(failed)})" if failed else "") + f"; {summary.seconds:.1f} s in all\n")
