"""Whole-table data-quality suites: every check of `pipeline.checks` over every row of its
table, validated by Great Expectations. They run on the `whole_table_checks_schedule`,
and on demand (`python -m pipeline check`, or the `whole_table_checks_job` in the UI) —
not on every load: a load checks its own rows (pipeline.check_sql), so its cost follows
the batch, not the warehouse. Results are
Dagster asset checks named `<check>_whole_table` (not blocking: nothing is loading)."""
from __future__ import annotations

import os
from functools import lru_cache

import dagster as dg

from pipeline import checks, faults
from pipeline.assets import WAREHOUSE_POOL
from pipeline.checks import Check, CheckOutcome
from pipeline.resources import WarehouseResource


def validate_frame(frame, expectations: tuple[tuple[str, dict], ...], name: str,
                   keys: tuple[str, ...] = ()) -> tuple[bool, list[dict]]:
    """Validate a pandas frame with a GX suite in an ephemeral context (nothing on disk);
    for a failing expectation, `offending` holds the `keys` of up to five bad rows."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # ~2 s to import: only when a whole-table suite runs
    import great_expectations.expectations as gxe

    context = _gx_context()
    suite = gx.ExpectationSuite(name=f"suite_{name}")
    for cls_name, kwargs in expectations:
        suite.add_expectation(getattr(gxe, cls_name)(**kwargs))
    if frame.empty:
        return True, [{"expectation": c, "success": True, "note": "empty table"} for c, _ in expectations]
    source = context.data_sources.add_or_update_pandas(name=f"src_{name}")
    asset = source.add_dataframe_asset(name=f"asset_{name}")
    batch_def = asset.add_batch_definition_whole_dataframe(f"batch_{name}")
    result_format = {"result_format": "SUMMARY", "partial_unexpected_count": 5}
    if keys:
        result_format["unexpected_index_column_names"] = list(keys)
    result = batch_def.get_batch(batch_parameters={"dataframe": frame}).validate(suite, result_format=result_format)
    details = []
    for r in result.results:
        found = r.result or {}
        details.append({
            "expectation": r.expectation_config.type,
            "kwargs": {k: v for k, v in r.expectation_config.kwargs.items() if k != "batch_id"},
            "success": bool(r.success),
            "unexpected_count": found.get("unexpected_count"),
            "partial_unexpected_list": [str(x) for x in (found.get("partial_unexpected_list") or [])[:5]],
            "offending": [_row_keys(x, keys) for x in (found.get("partial_unexpected_index_list") or [])[:5]],
        })
    return bool(result.success), details


def _row_keys(index_entry, keys: tuple[str, ...]) -> str:
    """`key=value` of one offending row, from GX's index list entry (a dict of the
    unexpected_index_column_names plus the checked columns)."""
    if isinstance(index_entry, dict):
        return ", ".join(f"{k}={index_entry.get(k)}" for k in keys if k in index_entry) or str(index_entry)
    return str(index_entry)


@lru_cache(maxsize=1)
def _gx_context():
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def run_check(con, check: Check) -> tuple[bool, list[dict], int]:
    frame = con.sql(check.sql(check.table)).df()
    ok, details = validate_frame(frame, check.expectations, check.name, check.keys)
    return ok, details, len(frame)


def run_checks(con, selected: set[str] | None = None) -> list[CheckOutcome]:
    """Every (selected) check over its whole table; inside a transaction it sees the
    transaction's uncommitted rows."""
    outcomes = []
    for check in checks.all_checks():
        if selected is not None and check.name not in selected:
            continue
        faults.reached("checks")
        ok, details, rows = run_check(con, check)
        outcomes.append(CheckOutcome(check, ok, rows, details))
    return outcomes


@dg.multi_asset_check(specs=checks.WHOLE_TABLE_SPECS, name="whole_table_checks", pool=WAREHOUSE_POOL,
                      description="Every data-quality check over every row of its table (Great Expectations).")
def whole_table_checks(warehouse: WarehouseResource):
    with warehouse.get_connection() as con:
        outcomes = run_checks(con)
    for outcome in outcomes:
        yield checks.asset_check_result(outcome, whole_table=True)


WHOLE_TABLE_CHECKS_JOB = "whole_table_checks_job"
whole_table_checks_job = dg.define_asset_job(
    WHOLE_TABLE_CHECKS_JOB, selection=dg.AssetSelection.checks(whole_table_checks),
    description="The whole-table Great Expectations suites (schedule, `python -m pipeline check`).")
whole_table_checks_schedule = dg.ScheduleDefinition(
    name="whole_table_checks_schedule", job=whole_table_checks_job, cron_schedule="30 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Daily, after the full re-scan: every check over every row (loads check their own rows).")
