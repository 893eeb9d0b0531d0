"""What the command line tells its user: one-line errors for user mistakes (exit code 2),
a progress line per Dagster stage while a run goes on, and a closing summary of what the
run did (files new / unchanged / quarantined with reasons, rows added per table, checks)."""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.load import table_counts

USAGE_ERROR = 2  # exit code for a mistake the user can fix (missing folder, unreadable file)
DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file


class UsageError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2."""


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


# ------------------------------------------------------------------ progress while a run goes on


# The stages of an ingest run, each shown on a line of its own; every other step (the SQL
# models) is counted on one "models" line.
STAGES = ("inbox_files", "parsed_documents", "clean_articles", "nlp_annotations", "warehouse_tables",
          "warehouse_quality_checks")


class StageProgress(logging.Handler):
    """Turns Dagster's step events into one line per stage: started, then done with its
    time and the counts it reported; on a terminal the running line ticks every second.
    The model views share one line."""

    def __init__(self, stream=None):
        super().__init__(level=logging.DEBUG)
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.running: dict[str, float] = {}
        self.counts: dict[str, dict[str, int]] = {}
        self.models_done = 0
        self.models_started: float | None = None
        self._lock = threading.Lock()
        self._ticker: threading.Thread | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._show(record)
        except Exception:  # a progress line must never fail the run
            self.handleError(record)

    def _show(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None)
        event = meta.get("dagster_event") if isinstance(meta, dict) else None
        if event is None:
            return
        kind = event.event_type_value
        with self._lock:
            if not event.step_key:
                if kind in ("PIPELINE_SUCCESS", "PIPELINE_FAILURE") and self.models_started is not None:
                    self._line(f"  {'✓' if kind == 'PIPELINE_SUCCESS' else '✗'} {'models':<26} "
                               f"{time.perf_counter() - self.models_started:6.1f} s  "
                               f"{self.models_done} views rebuilt", final=True)
                    self.models_started = None
                return
            if event.step_key not in STAGES:
                self._model_step(kind)
            elif kind == "STEP_START":
                self.running[event.step_key] = time.perf_counter()
                self._line(f"  … {self._stage(event.step_key)}", final=False)
                self._start_ticker()
            elif kind == "ASSET_MATERIALIZATION":
                self._count(event)
            elif kind in ("STEP_SUCCESS", "STEP_FAILURE", "STEP_SKIPPED"):
                started = self.running.pop(event.step_key, time.perf_counter())
                mark = {"STEP_SUCCESS": "✓", "STEP_FAILURE": "✗", "STEP_SKIPPED": "-"}[kind]
                counts = ", ".join(f"{k} {v:,}" for k, v in self.counts.pop(event.step_key, {}).items())
                self._line(f"  {mark} {self._stage(event.step_key):<26} {time.perf_counter() - started:6.1f} s"
                           + (f"  {counts}" if counts else ""), final=True)

    def _model_step(self, kind: str) -> None:
        if self.models_started is None:
            self.models_started = time.perf_counter()
        if kind == "STEP_SUCCESS":
            self.models_done += 1
            self._line(f"  … {'models':<26} {self.models_done} views", final=False)

    @staticmethod
    def _stage(step_key: str) -> str:
        return "checks" if step_key == "warehouse_quality_checks" else step_key

    def _count(self, event) -> None:
        """Sum the counts an asset reports (row counts of 16 tables become one total)."""
        materialization = event.event_specific_data.materialization
        step = self.counts.setdefault(event.step_key, {})
        for key in ("new_or_changed", "skipped_unchanged", "documents", "quarantined", "articles", "versions",
                    "mentions", "quotes", "events", "rows_upserted"):
            value = materialization.metadata.get(key)
            if value is not None and isinstance(value.value, int):
                label = "rows written" if key == "rows_upserted" else key.replace("_", " ")
                step[label] = step.get(label, 0) + value.value

    def _line(self, text: str, final: bool) -> None:
        if self.live:
            self.stream.write("\r\033[K" + text + ("\n" if final else ""))
        elif final:
            self.stream.write(text + "\n")
        self.stream.flush()

    def _start_ticker(self) -> None:
        if not self.live or (self._ticker and self._ticker.is_alive()):
            return
        self._ticker = threading.Thread(target=self._tick, daemon=True)
        self._ticker.start()

    def _tick(self) -> None:
        while True:
            time.sleep(1)
            with self._lock:
                if not self.running:
                    return
                step, started = next(iter(self.running.items()))
                self._line(f"  … {self._stage(step):<26} {time.perf_counter() - started:6.0f} s", final=False)


_HANDLERS: dict[str | None, StageProgress] = {}  # Dagster may build a run's loggers more than once


@dg.logger(description="One line per stage on the command line's stderr.")
def stage_progress_logger(init_context) -> logging.Logger:
    logger = logging.Logger("stage_progress", level=logging.DEBUG)
    logger.addHandler(_HANDLERS.setdefault(init_context.run_id, StageProgress()))
    return logger


def with_progress(job: dg.JobDefinition, run_config: dict) -> tuple[dg.JobDefinition, dict]:
    """The job and run config with the stage-progress logger added next to the console's."""
    loggers = {"console": dg.colored_console_logger, "stage_progress": stage_progress_logger}
    config = {**run_config, "loggers": {**run_config.get("loggers", {}), "stage_progress": {}}}
    return job.with_logger_defs(loggers), config


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


def summarize(warehouse: str, before: dict[str, int], started: datetime, files_seen: int,
              seconds: float) -> RunSummary:
    """What the run did, read back from the warehouse: files ingested since it started,
    rows added per table, the check results this run recorded (none on a no-op run: the
    table keeps the previous run's results, which must not read as checks of this run)."""
    summary = RunSummary(files_seen=files_seen, seconds=seconds)
    with duckdb.connect(warehouse, read_only=True) as con:
        after = table_counts(con)
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
