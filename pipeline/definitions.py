"""The single Definitions object: assets by layer (ingest → clean → nlp → warehouse →
models), the data-quality checks (per batch inside the load; whole-table Great
Expectations suites on their own job and schedule), the inbox sensor, the re-scan
schedule and the warehouse resources, all configured from NEWS_INBOX / NEWS_WAREHOUSE."""
from __future__ import annotations

import dagster as dg

from pipeline.assets import (clean_articles, inbox_files, nlp_annotations, parsed_documents, reannotated_versions,
                             warehouse_tables)
from pipeline.automation import INGEST_JOB, build_inbox_sensor, build_rescan_schedule
from pipeline.check_suites import whole_table_checks, whole_table_checks_job, whole_table_checks_schedule
from pipeline.models import build_model_assets
from pipeline.quality_log import check_results_asset
from pipeline.report_asset import report_asset
from pipeline.resources import resources

PIPELINE_ASSETS = [inbox_files, parsed_documents, clean_articles, nlp_annotations, warehouse_tables]

ingest_job = dg.define_asset_job(
    INGEST_JOB,
    # the load checks its own rows; the whole-table suites have their own job and schedule
    selection=dg.AssetSelection.assets(*PIPELINE_ASSETS) - dg.AssetSelection.checks(whole_table_checks),
    description="Ingest one inbox batch: scan, parse, clean, NLP, load (+ checks of the batch's rows).",
)
reannotate_job = dg.define_asset_job(
    "reannotate_job",
    selection=dg.AssetSelection.assets(reannotated_versions),
    description="Re-annotate versions whose extractor_version is older than the code's (no re-ingest).",
)
models_job = dg.define_asset_job(
    "models_job",
    selection=dg.AssetSelection.groups("staging", "models"),
    description="Copy the latest check results and rebuild the SQL model views.",
)


def build_definitions(inbox: str | None = None, warehouse: str | None = None,
                      outputs_in_memory: bool = False) -> dg.Definitions:
    """`outputs_in_memory`: the batch stages hand their outputs on in memory instead of
    pickling each to $DAGSTER_HOME/storage (the CLI runs every step of a run in its own
    process: the pickles cost ~1 s CPU per 1,300 files and ~13 MB of disk per batch, and no
    later run reads them)."""
    res = resources(inbox, warehouse)
    if outputs_in_memory:
        res = {**res, "io_manager": dg.mem_io_manager}
    return dg.Definitions(
        assets=[*PIPELINE_ASSETS, reannotated_versions, check_results_asset, *build_model_assets(), report_asset],
        asset_checks=[whole_table_checks],
        jobs=[ingest_job, reannotate_job, models_job, whole_table_checks_job],
        sensors=[
            build_inbox_sensor(res["inbox"].path, res["warehouse"].database),
            dg.AutomationConditionSensorDefinition(
                "models_automation_sensor",
                target=dg.AssetSelection.groups("staging", "models"),
                default_status=dg.DefaultSensorStatus.RUNNING,
            ),
        ],
        schedules=[build_rescan_schedule(), whole_table_checks_schedule],
        resources=res,
        executor=dg.in_process_executor,
    )


defs = build_definitions()
