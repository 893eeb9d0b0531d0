"""Batch order: several inbox batches may run at the same time (separate Dagster runs),
but each one loads after the batches before it, so the warehouse ends up exactly as if
they had been loaded one after the other (actor resolution and story grouping read what
is already loaded). The wait happens after the batch's NLP and before its load step,
outside the `duckdb_writer` pool, so the batch whose turn it is can always take the pool.
Only Dagster's instance is read while waiting, never the warehouse file (a reader would
lock the writer out)."""
from __future__ import annotations

import time

import dagster as dg

from pipeline.runs import reap_dead_runs

POLL_SECONDS = 0.5


def split_batches(names: list[str], batches: int) -> list[list[str]]:
    """Contiguous slices of the sorted names, as even as possible, none empty."""
    names = sorted(names)
    batches = max(1, min(batches, len(names)))
    size, extra = divmod(len(names), batches)
    out, start = [], 0
    for i in range(batches):
        end = start + size + (1 if i < extra else 0)
        out.append(names[start:end])
        start = end
    return out


def batch_run_config(names: list[str], after: list[str]) -> dict:
    """Run config of one batch: its files, and the batches that must load before it."""
    return {"ops": {"inbox_files": {"config": {"only": sorted(names)}},
                    "nlp_annotations": {"config": {"load_after": list(after)}}}}


def batch_done(instance: dg.DagsterInstance, key: str) -> bool:
    """A batch is done when its tables are materialized, or every run of it has ended
    (nothing new in it, or it failed: a failed batch must not stop the ones after it)."""
    if key in instance.get_materialized_partitions(dg.AssetKey("files")):
        return True
    runs = instance.get_runs(filters=dg.RunsFilter(tags={"dagster/partition": key}))
    return bool(runs) and all(r.is_finished for r in runs)


def wait_for_turn(instance: dg.DagsterInstance, after: list[str], log=print, poll: float = POLL_SECONDS) -> float:
    """Block until every batch in `after` is done; seconds waited. Called before the load
    step (outside the writer pool, so the batch whose turn it is can take the pool)."""
    start, waiting = time.monotonic(), list(after)
    while waiting:
        reap_dead_runs(instance)  # an earlier batch's killed process never ends its run itself
        waiting = [key for key in waiting if not batch_done(instance, key)]
        if waiting:
            time.sleep(poll)
    waited = time.monotonic() - start
    if after:
        log(f"loads after {len(after)} earlier batches (waited {waited:.1f} s)")
    return waited
