"""A progress line per Dagster stage on the command line's stderr while a run goes on (a
Dagster logger: the stage's start, then its time and the counts it reported)."""
from __future__ import annotations

import logging
import sys
import threading
import time

import dagster as dg


# The stages of an ingest run, each shown on a line of its own (the checks of the batch's
# rows run inside warehouse_tables); every other step (the SQL models) is counted on one
# "models" line.
STAGES = ("inbox_files", "parsed_documents", "clean_articles", "nlp_annotations", "warehouse_tables")


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
        if kind == "ASSET_MATERIALIZATION":  # one step builds every view: count the views
            self.models_done += 1
            self._line(f"  … {'models':<26} {self.models_done} views", final=False)

    @staticmethod
    def _stage(step_key: str) -> str:
        return step_key

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


