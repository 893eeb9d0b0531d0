"""Models stage: every `sql/models/**/*.sql` becomes a DuckDB view, built by an asset that
depends on the tables and models its SQL reads (found from FROM/JOIN clauses). Staging
views (`stg_*`) are the shared joins; the catalogue (sql/models/models.yml) documents them.
They rebuild after every load: see MODELS_AUTOMATION."""

import time
from concurrent.futures import ThreadPoolExecutor

import dagster as dg

from pipeline import asset_metadata, catalog
from pipeline.actor_pairs import store_missing_pairs
from pipeline.cursors import cursor_of, on_cursor
from pipeline.load import ensure_schema
from pipeline.model_sql import create_view, model_dependencies, model_files, model_order, model_question
from pipeline.resources import WarehouseResource
from pipeline.sentence_spans import store_missing_spans

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


# The one Dagster step that builds the views (its op name; the bench and progress lines use it).
MODELS_STEP = "sql_models"


def build_model_assets() -> list[dg.AssetsDefinition]:
    """Every model as an asset of its own (own key, group, lineage, description, automation
    and materializations in the UI), all built by ONE multi-asset step: creating a view
    costs milliseconds, a Dagster step ~0.3 s (events, pool slot, resource setup), so one
    step per model made the models stage cost seconds. A run selecting some models builds
    only those (can_subset)."""
    files = model_files()
    known = set(catalog.tables()) | set(files)
    sql_of = {name: path.read_text(encoding="utf-8") for name, path in files.items()}
    specs = [_model_spec(name, sql, catalog.lineage(model_dependencies(sql, known))) for name, sql in sql_of.items()]
    order = model_order(files)

    @dg.multi_asset(name=MODELS_STEP, specs=specs, can_subset=True, pool="duckdb_writer")
    def sql_models(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
        selected = {key.path[-1] for key in context.selected_asset_keys}
        with warehouse.get_connection() as con:
            ensure_schema(con)
            store_missing_spans(con)  # a warehouse loaded before version_sentences existed
            store_missing_pairs(con)  # a warehouse loaded before actor_pairs existed (or other counting SQL)
            names = [name for name in order if name in selected]  # a view after the views it reads
            for name, metadata in _built_views(con, names, sql_of):
                yield dg.MaterializeResult(asset_key=name, metadata=metadata)

    return [sql_models]


METADATA_THREADS = 2  # the views' metadata queries beside Dagster's recording of the views before them


def _built_views(con, names: list[str], sql_of: dict[str, str]):
    """(name, metadata) of each view, in order. The views are created first (milliseconds);
    their metadata queries — each runs the whole model — then run in threads on cursors of
    the connection (DuckDB works without Python's lock, and a model over tables this small
    runs on one of its threads), while this thread hands each finished view to Dagster, whose
    recording of an event is Python work: on two cores the queries and the events overlap."""
    created = {}
    for name in names:
        started = time.perf_counter()
        create_view(con, name, sql_of[name])
        created[name] = time.perf_counter() - started
    pool = ThreadPoolExecutor(METADATA_THREADS, thread_name_prefix="model-metadata")
    try:
        pending = [(name, pool.submit(on_cursor, cursor_of(con), _view_metadata, name, sql_of[name]))
                   for name in names]
        for name, future in pending:
            metadata = future.result()
            metadata["seconds"] = round(metadata["seconds"] + created[name], 3)
            yield name, metadata
    finally:  # a failed query or an abandoned step: the queued queries are not run
        pool.shutdown(wait=True, cancel_futures=True)


def _description(name: str, sql: str) -> str:
    relation = catalog.relations().get(name)
    question = model_question(sql)
    return f"{relation.description}\n\n{question}" if relation else question


def _model_spec(name: str, sql: str, deps: list[str]) -> dg.AssetSpec:
    return dg.AssetSpec(
        name,
        group_name="staging" if name.startswith("stg_") else "models",
        deps=deps,
        description=_description(name, sql),
        kinds={"duckdb", "sql"},
        automation_condition=MODELS_AUTOMATION,
        metadata=asset_metadata.definition_metadata(name),
    )


def _view_metadata(con, name: str, sql: str) -> dict:
    """A created view's materialization metadata (schema, row count, preview, SQL, time)."""
    started = time.perf_counter()
    metadata = asset_metadata.view_metadata(con, name)
    if name in TOP_TABLES:
        metadata[TOP_TABLES[name]] = asset_metadata.top_table(con, TOP_TABLES[name])
    metadata["row_count"] = metadata["dagster/row_count"]
    metadata["seconds"] = round(time.perf_counter() - started, 3)
    metadata["sql"] = dg.MetadataValue.md(f"```sql\n{sql}\n```")
    return metadata
