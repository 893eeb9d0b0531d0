"""Automation: a sensor that watches the inbox and a schedule for a periodic full
re-scan. Each tick with new or changed files adds ONE dynamic partition (a batch) and
requests one run for it; never one partition per article."""

import json
import math
import os
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg

from pipeline.assets import inbox_batches
from pipeline.batch_order import batch_run_config, split_batches
from pipeline.ids import stable_id
from pipeline.ingest import IGNORED_NAMES

INGEST_JOB = "ingest_job"
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}  # run config: Dagster logs warnings only
# A sensor tick with more new files than this becomes several batches (separate runs the
# run queue may run at the same time; each loads after the ones before it).
BATCH_FILES = int(os.environ.get("NEWS_BATCH_FILES", "500"))


def inbox_state(inbox: str) -> dict[str, str]:
    """{inbox-relative name: "size:mtime_ns"} — cheap (stat only) change detection."""
    root = Path(inbox)
    if not root.is_dir():
        return {}
    state = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name not in IGNORED_NAMES and not p.name.startswith("."):
            st = p.stat()
            state[p.relative_to(root).as_posix()] = f"{st.st_size}:{st.st_mtime_ns}"
    return state


def batch_key(prefix: str, state: dict[str, str]) -> str:
    return f"{prefix}-" + stable_id("b", *sorted(f"{k}={v}" for k, v in state.items()))[2:14]


def ingest_run_config(names: list[str]) -> dict:
    return {"ops": {"inbox_files": {"config": {"only": sorted(names)}}}}


def build_inbox_sensor(inbox: str) -> dg.SensorDefinition:
    @dg.sensor(
        name="inbox_sensor",
        job_name=INGEST_JOB,
        minimum_interval_seconds=30,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=f"Watches {inbox} for new or changed files; one batch partition per tick.",
    )
    def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
        previous = json.loads(context.cursor) if context.cursor else {}
        current = inbox_state(inbox)
        changed = {k: v for k, v in current.items() if previous.get(k) != v}
        if not changed:
            return dg.SkipReason("no new or changed files in the inbox")
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
