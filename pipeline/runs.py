"""Runs that always end. A run killed with SIGKILL keeps its Dagster status STARTED and
its slot of the `duckdb_writer` pool forever, and every later run of the instance
waits for that slot (stack findings). Dagster's own run monitoring cannot see it: it
runs only in the daemon, and the default run launcher offers no worker health check
(`supports_check_run_worker_health` is False), so it only frees slots of runs already
*finished* (`free_slots_after_run_end_seconds`, enabled in dagster.yaml). Hence:

- every run records the process that executes it (`news/pid`, `news/pid_start`,
  `news/host` tags for CLI runs; Dagster's own "Started process for run (pid: N)"
  engine event for runs the daemon launches);
- `reap_dead_runs` marks runs of this host whose process is gone as failed and frees
  their pool slots, with one log line; the CLI calls it before every run and the
  inbox sensor on every tick;
- `wait_for_pool` waits for a live holder at INFO level and gives up after
  NEWS_LOCK_TIMEOUT seconds with `RunBlocked` (CLI exit code 2), as pipeline.locks
  does for the warehouse file lock;
- `assign_stranded_steps` repairs Dagster's lost wake-up: a step queued for the pool
  in the instant another run frees the slot stays unassigned beside a free slot, and
  its run would wait until the timeout (a parallel batch gave up after 60 s in CI)."""
from __future__ import annotations

import logging
import os
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass

import dagster as dg
from dagster._core.events import DagsterEventType
from dagster._core.storage.dagster_run import FINISHED_STATUSES

from pipeline.cli_output import RunFailed
from pipeline.locks import POLL_S, RunBlocked, connect_waiting, lock_timeout, log, wait_until, writer_config

LIVE_STATUSES = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.CANCELING]
PID_TAG, PID_START_TAG, HOST_TAG = "news/pid", "news/pid_start", "news/host"
STARTED_PROCESS = re.compile(r"Started process for run \(pid: (\d+)\)")


def _process_start(pid: int) -> str | None:
    """The kernel's start time of a process (clock ticks since boot): with the PID it
    names one process, even after the PID is reused."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def process_tags() -> dict[str, str]:
    """Tags naming the process that executes a run (read back by `reap_dead_runs`)."""
    pid = os.getpid()
    return {PID_TAG: str(pid), PID_START_TAG: _process_start(pid) or "", HOST_TAG: socket.gethostname()}


def pid_alive(pid: int, started: str | None = None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not started or _process_start(pid) in (None, started)


@dataclass(frozen=True)
class RunProcess:
    pid: int
    started: str | None


def _run_process(instance: dg.DagsterInstance, run: dg.DagsterRun) -> RunProcess | None:
    """The process executing a run of this host, or None when unknown / elsewhere."""
    tags = run.tags
    if PID_TAG in tags:
        if tags.get(HOST_TAG) not in (None, socket.gethostname()):
            return None
        return RunProcess(int(tags[PID_TAG]), tags.get(PID_START_TAG) or None)
    for entry in instance.all_logs(run.run_id, of_type=DagsterEventType.ENGINE_EVENT):
        found = STARTED_PROCESS.search(entry.message or "")
        if found:
            return RunProcess(int(found.group(1)), None)
    return None


def reap_dead_runs(instance: dg.DagsterInstance, logger: logging.Logger | None = None) -> list[str]:
    """Mark the runs whose process died as failed and free the pool slots they (or
    runs already finished) still hold. Returns the run ids reaped; logs one line."""
    logger = logger or log
    dead = []
    for record in instance.get_run_records(dg.RunsFilter(statuses=LIVE_STATUSES)):
        run = record.dagster_run
        proc = _run_process(instance, run)
        if proc is None or proc.pid == os.getpid() or pid_alive(proc.pid, proc.started):
            continue
        instance.report_run_failed(run, f"Run worker (pid {proc.pid}) is gone (killed or crashed): marked failed "
                                        "and its pool slots freed by pipeline.runs.reap_dead_runs.")
        dead.append((run.run_id, proc.pid))
    freed = _free_slots(instance, {run_id for run_id, _ in dead})
    if dead or freed:
        runs = ", ".join(f"{run_id[:8]} (pid {pid})" for run_id, pid in dead) or "none"
        logger.info(f"recovered from dead runs: marked failed {runs}; freed {freed} writer-pool slot(s)")
    return [run_id for run_id, _ in dead]


def _free_slots(instance: dg.DagsterInstance, dead_run_ids: set[str]) -> int:
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return 0
    holders = set(storage.get_concurrency_run_ids()) | dead_run_ids
    records = instance.get_run_records(dg.RunsFilter(run_ids=list(holders))) if holders else []
    finished = {r.dagster_run.run_id for r in records if r.dagster_run.status in FINISHED_STATUSES}
    unknown = holders - {r.dagster_run.run_id for r in records}  # claims of runs the instance has no record of
    freed = 0
    for run_id in sorted(finished | dead_run_ids | unknown):
        freed += storage.free_concurrency_slots_for_run(run_id) or 0
    return freed


def _pool_holders(instance: dg.DagsterInstance, pool: str, own_run_id: str | None = None) -> set[str]:
    """Runs holding a slot of the pool; else the runs queued for it (ahead of ours)."""
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return set()
    info = storage.get_concurrency_info(pool)
    claimed = {slot.run_id for slot in info.claimed_slots} - {own_run_id}
    return claimed or {step.run_id for step in info.pending_steps} - {own_run_id}


def wait_for_pool(instance: dg.DagsterInstance, pool: str, timeout: float | None = None,
                  logger: logging.Logger | None = None) -> None:
    """Wait while a live run holds the writer pool (dead holders are reaped first)."""
    logger = logger or log

    def holder() -> str | None:
        reap_dead_runs(instance, logger)
        runs = _pool_holders(instance, pool)
        return ("run " + ", ".join(sorted(r[:8] for r in runs))) if runs else None

    wait_until(holder, f"the warehouse writer pool '{pool}'", lock_timeout() if timeout is None else timeout, logger)


def assign_stranded_steps(instance: dg.DagsterInstance, pool: str) -> bool:
    """Assign the pool's free slots to its queued steps, as Dagster does when a slot is
    freed. Needed because Dagster's claim checks for a free slot and queues the step in
    two transactions: a slot freed between them was offered to the queue before the step
    joined it, and the step waits for a wake-up that never comes. True when it assigned."""
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return False
    info = storage.get_concurrency_info(pool)
    stranded = [step for step in info.pending_steps if step.assigned_timestamp is None]
    if not stranded or not storage.has_unassigned_slots(pool):
        return False
    storage.assign_pending_steps([pool])
    return True


class PoolWatchdog:
    """Bounds a run's wait for the writer pool *inside* the run (a daemon run took the
    slot after `prepare` checked it). Dagster's in-process executor waits for a slot in a
    loop that no signal interrupts, so on timeout the watchdog marks the run failed,
    frees its claims, prints the one-line error and ends the process with exit code 2.
    Nothing is lost: a step waiting for the pool holds no warehouse connection. While it
    waits, a slot left free beside the queue is assigned (`assign_stranded_steps`)."""

    def __init__(self, instance: dg.DagsterInstance, run_id: str, pool: str, timeout: float | None = None,
                 logger: logging.Logger | None = None):
        self.instance, self.run_id, self.pool = instance, run_id, pool
        self.timeout = lock_timeout() if timeout is None else timeout
        self.logger = logger or log
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="pool-watchdog", daemon=True)

    def __enter__(self) -> "PoolWatchdog":
        if self.instance.event_log_storage.supports_global_concurrency_limits:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _waiting(self) -> bool:
        """A step of this run is queued for the pool and holds no slot: unassigned, or assigned
        without a slot to claim (two assignments raced for one free slot)."""
        info = self.instance.event_log_storage.get_concurrency_info(self.pool)
        holding = {slot.step_key for slot in info.claimed_slots if slot.run_id == self.run_id}
        return any(s.run_id == self.run_id and s.step_key not in holding for s in info.pending_steps)

    def _watch(self) -> None:
        since = None
        while not self._stop.wait(POLL_S):
            try:
                since = self._check(since)
            except Exception as error:  # a busy SQLite file must not end the watch (the run would wait unbounded)
                self.logger.warning(f"pool watchdog: could not read the '{self.pool}' pool ({error}); retrying")

    def _check(self, since: float | None) -> float | None:
        """One poll: None while the run is not waiting (or was just given a slot), else when the wait began."""
        if not self._waiting() or assign_stranded_steps(self.instance, self.pool):
            return None
        holders = ", ".join(sorted(r[:8] for r in _pool_holders(self.instance, self.pool, self.run_id))) or "?"
        if since is None:
            self.logger.info(f"waiting for the warehouse writer pool '{self.pool}' (held by run {holders}); "
                             f"giving up after {self.timeout:.0f} s (NEWS_LOCK_TIMEOUT)")
            return time.monotonic()
        if time.monotonic() - since > self.timeout:
            self._give_up(f"gave up after {self.timeout:.0f} s waiting for the warehouse writer pool "
                          f"'{self.pool}', still held by run {holders} (set NEWS_LOCK_TIMEOUT to wait longer)")
        return since

    def _give_up(self, message: str) -> None:
        run = self.instance.get_run_by_id(self.run_id)
        if run is not None:
            self.instance.report_run_failed(run, message)
        self.instance.event_log_storage.free_concurrency_slots_for_run(self.run_id)
        print(f"error: {message}", file=sys.stderr, flush=True)
        os._exit(2)


# ------------------------------------------------------------------ what the CLI says when a run fails


def _error_chain(error):
    while error is not None:
        yield error
        error = error.cause or getattr(error, "context", None)


def failure_of(result, what: str) -> RunFailed:
    """The reason a run failed, from its failure events: a lock/pool timeout or a
    failed blocking check keeps its own message; anything else says the step and error."""
    for event in result.all_events:
        if event.event_type_value not in ("STEP_FAILURE", "PIPELINE_FAILURE"):
            continue
        error = getattr(event.event_specific_data, "error", None)
        for err in _error_chain(error):
            if err.cls_name == "RunBlocked":
                return RunFailed(err.message.strip().removeprefix("pipeline.locks.RunBlocked: "), 2)
            if err.cls_name == "BlockingChecksFailed":
                return RunFailed(err.message.strip().removeprefix("pipeline.checks.BlockingChecksFailed: "), 1)
        if error is not None:
            last = list(_error_chain(error))[-1]
            step = f" at step {event.step_key}" if event.step_key else ""
            return RunFailed(f"{what} run {result.run_id[:8]} failed{step}: {last.cls_name}: "
                             f"{last.message.strip().splitlines()[-1] if last.message.strip() else ''}", 1)
    return RunFailed(f"{what} run {result.run_id[:8]} failed", 1)


def prepare(instance: dg.DagsterInstance, warehouse: str, pool: str) -> None:
    """Before a run: the warehouse file lock is free, dead runs of this instance are
    reaped and the writer pool is free (bounded waits; RunFailed with exit code 2)."""
    try:
        connect_waiting(warehouse, writer_config()).close()
        reap_dead_runs(instance)
        wait_for_pool(instance, pool)
    except RunBlocked as exc:
        raise RunFailed(str(exc), 2) from None
