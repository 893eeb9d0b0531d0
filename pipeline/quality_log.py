"""The check_results table: the latest result of every data-quality check, copied from the
Dagster instance into the warehouse after each load. Check results live in Dagster's event
log; copying them lets SQL (the data_quality_summary model, the report) see them next to
the data they judge."""

from dataclasses import dataclass
from datetime import datetime, timezone

import dagster as dg
import polars as pl

from pipeline import asset_metadata, catalog
from pipeline.checks import CHECK_SPECS, WHOLE_TABLE_SPECS
from pipeline.load import ensure_schema
from pipeline.models import MODELS_AUTOMATION
from pipeline.resources import WarehouseResource


@dataclass(frozen=True)
class CheckResult:
    check_name: str
    table_name: str
    passed: bool
    rows_checked: int | None
    checked_at: datetime | None
    run_id: str | None


def latest_check_results(instance: dg.DagsterInstance) -> list[CheckResult]:
    """The latest finished evaluation of every warehouse check (checks never run are left out)."""
    keys = [dg.AssetCheckKey(spec.asset_key, spec.name) for spec in [*CHECK_SPECS, *WHOLE_TABLE_SPECS]]
    records = instance.event_log_storage.get_latest_asset_check_execution_by_key(keys)
    out = []
    for key, record in sorted(records.items(), key=lambda item: item[0].name):
        evaluation = record.event.dagster_event.event_specific_data if record.event and record.event.dagster_event else None
        if evaluation is None or not hasattr(evaluation, "passed"):
            continue  # planned but not evaluated yet
        rows = evaluation.metadata.get("rows_checked")
        out.append(CheckResult(
            check_name=key.name,
            table_name=key.asset_key.to_user_string(),
            passed=bool(evaluation.passed),
            rows_checked=int(rows.value) if rows is not None else None,
            checked_at=datetime.fromtimestamp(record.create_timestamp, timezone.utc).replace(tzinfo=None),
            run_id=record.run_id,
        ))
    return out


def write_check_results(con, results: list[CheckResult]) -> int:
    """Replace check_results with these rows (one transaction)."""
    frame = pl.DataFrame([r.__dict__ for r in results], schema={
        "check_name": pl.String, "table_name": pl.String, "passed": pl.Boolean, "rows_checked": pl.Int64,
        "checked_at": pl.Datetime, "run_id": pl.String})
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM check_results")
        if frame.height:
            con.register("batch_check_results", frame)
            con.execute("INSERT INTO check_results SELECT * FROM batch_check_results")
            con.unregister("batch_check_results")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return frame.height


@dg.asset(
    name="check_results",
    group_name="models",
    deps=list(catalog.table_keys()),
    description=catalog.describe("check_results"),
    kinds={"duckdb"},
    pool="duckdb_writer",
    automation_condition=MODELS_AUTOMATION,
    metadata=asset_metadata.definition_metadata("check_results"),
)
def check_results_asset(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    results = latest_check_results(context.instance)
    with warehouse.get_connection() as con:
        ensure_schema(con)
        written = write_check_results(con, results)
        shown = asset_metadata.materialization_metadata(con, "check_results")
    failed = [r.check_name for r in results if not r.passed]
    return dg.MaterializeResult(metadata={
        **shown,
        "row_count": written,
        "checks_failed": len(failed),
        "failed": ", ".join(failed) or "none",
    })
