"""Models stage: every `sql/models/**/*.sql` becomes a DuckDB view, built by an asset that
depends on the tables and models its SQL reads (found from FROM/JOIN clauses). Staging
views (`stg_*`) are the shared joins; the catalogue (sql/models/models.yml) documents them.
They rebuild after every load: see MODELS_AUTOMATION."""

import time

import dagster as dg

from pipeline import asset_metadata, catalog
from pipeline.load import ensure_schema
from pipeline.model_sql import create_view, model_dependencies, model_files, model_question
from pipeline.resources import WarehouseResource

# Dagster's eager() without its "no dependency missing" clause: the warehouse tables are
# partitioned by inbox batch, and one batch partition that was added but never loaded
# (a failed or cancelled run) counts as a missing dependency forever, so eager() would
# never rebuild the views again. A model runs when any table or model it reads was
# updated (or it is new), once nothing it reads is being written.
MODELS_AUTOMATION = (
    dg.AutomationCondition.eager().without(~dg.AutomationCondition.any_deps_missing()).with_label("after every load")
)
# Run metadata shown on these models' materializations (see asset_metadata.TOP_QUERIES).
TOP_TABLES = {"quotes_per_speaker": "top_speakers", "stg_mentions": "top_actors"}


def build_model_assets() -> list[dg.AssetsDefinition]:
    files = model_files()
    known = set(catalog.tables()) | set(files)
    assets = []
    for name, path in files.items():
        sql = path.read_text(encoding="utf-8")
        assets.append(_model_asset(name, sql, model_dependencies(sql, known)))
    return assets


def _description(name: str, sql: str) -> str:
    relation = catalog.relations().get(name)
    question = model_question(sql)
    return f"{relation.description}\n\n{question}" if relation else question


def _model_asset(name: str, sql: str, deps: list[str]) -> dg.AssetsDefinition:
    @dg.asset(
        name=name,
        group_name="staging" if name.startswith("stg_") else "models",
        deps=deps,
        description=_description(name, sql),
        kinds={"duckdb", "sql"},
        pool="duckdb_writer",
        automation_condition=MODELS_AUTOMATION,
        metadata=asset_metadata.definition_metadata(name),
    )
    def _model(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
        started = time.perf_counter()
        with warehouse.get_connection() as con:
            ensure_schema(con)
            create_view(con, name, sql)
            metadata = asset_metadata.materialization_metadata(con, name)
            if name in TOP_TABLES:
                metadata[TOP_TABLES[name]] = asset_metadata.top_table(con, TOP_TABLES[name])
        metadata["row_count"] = metadata["dagster/row_count"]
        metadata["seconds"] = round(time.perf_counter() - started, 3)
        metadata["sql"] = dg.MetadataValue.md(f"```sql\n{sql}\n```")
        return dg.MaterializeResult(metadata=metadata)

    return _model
