"""Automation: a sensor that watches the inbox and a schedule for a periodic full
re-scan. Each tick with new or changed files adds ONE dynamic partition (a batch) and
requests one run for it; never one partition per article."""

import json
import math
import os
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.assets import inbox_batches
from pipeline.batch_order import batch_run_config, split_batches
from pipeline.ids import stable_id
from pipeline import runs
from pipeline.inbox import inbox_state
from pipeline.ingest import scan_inbox
from pipeline.paths import inbox_path

INGEST_JOB = "ingest_job"
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}  # run config: Dagster logs warnings only
# A sensor tick with more new files than this becomes several batches (separate runs the
# run queue may run at the same time; each loads after the ones before it).
BATCH_FILES = int(os.environ.get("NEWS_BATCH_FILES", "500"))


def batch_key(prefix: str, state: dict[str, str]) -> str:
    return f"{prefix}-" + stable_id("b", *sorted(f"{k}={v}" for k, v in state.items()))[2:14]


def ingest_run_config(names: list[str]) -> dict:
    return {"ops": {"inbox_files": {"config": {"only": sorted(names)}}}}


def _instance_of(context: dg.SensorEvaluationContext) -> dg.DagsterInstance | None:
    """The sensor's instance; None in a bare test context built without one."""
    try:
        return context.instance
    except dg.DagsterInvariantViolationError:
        return None


def already_loaded(inbox: str, names: list[str], warehouse: str | None) -> set[str]:
    """Which of these inbox files the warehouse already holds with this content (same path
    and sha256): a fresh sensor cursor (first start, new DAGSTER_HOME) must not request a
    run for files `make run` loaded. Raises duckdb.Error when the warehouse is busy."""
    if not names or not warehouse or not Path(warehouse).exists():
        return set()
    by_id = {f.file_id: f.name for f in scan_inbox(inbox, only=names)}
    with duckdb.connect(warehouse, read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "files" not in tables:
            return set()
        known = con.execute("SELECT file_id FROM files WHERE file_id IN (SELECT unnest(?))", [list(by_id)]).fetchall()
    return {by_id[file_id] for (file_id,) in known}


def build_inbox_sensor(inbox: str, warehouse: str | None = None) -> dg.SensorDefinition:
    @dg.sensor(
        name="inbox_sensor",
        job_name=INGEST_JOB,
        minimum_interval_seconds=30,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=f"Watches {inbox} for new or changed files; one batch partition per tick.",
    )
    def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
        instance = _instance_of(context)
        if instance is not None:
            runs.reap_dead_runs(instance, context.log)  # a killed run must not hold the writer pool
        previous = json.loads(context.cursor) if context.cursor else {}
        current = inbox_state(inbox)
        changed = {k: v for k, v in current.items() if previous.get(k) != v}
        changed.update({k: "deleted" for k in previous if k not in current})  # marked deleted by the run
        if not changed:
            return dg.SkipReason("no new or changed files in the inbox")
        try:
            loaded = already_loaded(inbox, sorted(changed), warehouse)
        except duckdb.Error as exc:  # a run is writing: look again next tick, cursor unchanged
            return dg.SkipReason(f"warehouse busy, will look again: {str(exc).splitlines()[0]}")
        changed = {k: v for k, v in changed.items() if k not in loaded}
        if not changed:
            return dg.SensorResult(skip_reason="every new or changed file is already in the warehouse",
                                   cursor=json.dumps(current, sort_keys=True))
        groups = split_batches(list(changed), math.ceil(len(changed) / BATCH_FILES))
        keys = [batch_key("batch", {name: changed[name] for name in group}) for group in groups]
        return dg.SensorResult(
            run_requests=[dg.RunRequest(run_key=key, partition_key=key, run_config=batch_run_config(group, keys[:i]))
                          for i, (key, group) in enumerate(zip(keys, groups))],
            dynamic_partitions_requests=[inbox_batches.build_add_request(keys)],
            cursor=json.dumps(current, sort_keys=True),
        )

    return inbox_sensor


def build_rescan_schedule() -> dg.ScheduleDefinition:
    @dg.schedule(
        name="full_rescan_schedule",
        cron_schedule="0 3 * * *",
        job_name=INGEST_JOB,
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Daily full re-scan of the inbox (files already loaded are skipped by hash).",
    )
    def full_rescan(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
        when = context.scheduled_execution_time or datetime.now(timezone.utc)
        key = f"rescan-{when:%Y%m%dT%H%M}"
        context.instance.add_dynamic_partitions(inbox_batches.name, [key])
        return dg.RunRequest(run_key=key, partition_key=key, run_config=ingest_run_config([]))

    return full_rescan


def add_scan_partition(inbox: str, instance: dg.DagsterInstance) -> str:
    """Add (idempotently) the batch partition for the inbox as it is now and return its
    key: what `make materialize` passes to `dagster asset materialize --partition`."""
    key = batch_key("scan", inbox_state(inbox))
    if not instance.has_dynamic_partition(inbox_batches.name, key):
        instance.add_dynamic_partitions(inbox_batches.name, [key])
    return key


if __name__ == "__main__":  # python -m pipeline.automation: add and print the partition for $NEWS_INBOX
    print(add_scan_partition(inbox_path(), dg.DagsterInstance.get()))
