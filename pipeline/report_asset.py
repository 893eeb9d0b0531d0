"""The `report` asset: the HTML report with its charts (pipeline.report), rebuilt after
every load next to the warehouse (warehouse/news.duckdb -> warehouse/news-report/), with
each chart shown in the asset's metadata in the Dagster UI. pipeline.report (matplotlib,
~0.4 s CPU of imports) is imported when the report is drawn, not with the definitions:
`reannotate`, `check` and `purge-deleted` never draw it."""
import base64
import importlib
from pathlib import Path

import dagster as dg

from pipeline.models import MODELS_AUTOMATION
from pipeline.paths import report_folder
from pipeline.resources import WarehouseResource

REPORT_INPUTS = ["quotes_per_speaker", "actor_cooccurrence", "events_timeline", "most_edited_stories",
                 "stg_quotes", "files", "articles", "versions", "actors", "events"]


def _inline_png(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@dg.asset(
    name="report",
    group_name="models",
    deps=REPORT_INPUTS,
    kinds={"html", "matplotlib"},
    pool="duckdb_writer",
    automation_condition=MODELS_AUTOMATION,
    description="Static HTML report with charts (quotes per actor, actor network, event timeline, version "
                "churn, quarantine reasons), written next to the warehouse.",
)
def report_asset(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        report = importlib.import_module("pipeline.report").write_report(con, report_folder(warehouse.database))
    metadata = {"path": dg.MetadataValue.path(str(report.index.resolve()))}
    metadata.update({label: value for label, value in report.figures.items()})
    for chart in report.charts:
        metadata[chart.name] = dg.MetadataValue.md(f"**{chart.title}**\n\n![{chart.title}]({_inline_png(chart.path)})"
                                                   f"\n\n{chart.caption}")
    context.log.info(f"report written to {report.index}")
    return dg.MaterializeResult(metadata=metadata)
