"""Whole-table data-quality suites: every check of `pipeline.checks` over every row of its
table, validated by Great Expectations. They run on the `whole_table_checks_schedule`,
and on demand (`python -m pipeline check`, or the `whole_table_checks_job` in the UI) —
not on every load: a load checks its own rows (pipeline.check_sql), so its cost follows
the batch, not the warehouse. Results are
Dagster asset checks named `<check>_whole_table` (not blocking: nothing is loading)."""
from __future__ import annotations

import dagster as dg

from pipeline import checks, faults
from pipeline.assets import WAREHOUSE_POOL
from pipeline.checks import Check, CheckOutcome
from pipeline.resources import WarehouseResource


def run_check(con, check: Check) -> tuple[bool, list[dict], int]:
    frame = con.sql(check.sql(check.table)).df()
    # imported here: GX would triple the import of the Dagster definitions (3.5 -> 10.5 s CPU, measured), which
    # every Dagster process pays; it is needed only when a whole-table suite runs
    from pipeline.check_gx import validate_frame

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
