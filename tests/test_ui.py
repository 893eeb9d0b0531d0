"""What the Dagster UI shows and does on its own: column schemas and previews on table and
model assets, top speakers as run metadata, the models rebuilt after every load (even
with a batch partition that never loaded), and an inbox sensor whose fresh cursor does
not re-request files the warehouse already holds."""
from __future__ import annotations

import shutil

import dagster as dg

from pipeline import asset_metadata, catalog
from pipeline.automation import build_inbox_sensor
from pipeline.definitions import build_definitions
from pipeline.models import MODELS_STEP
from tests.conftest import SEEDS


def _defs(inbox, warehouse):
    return build_definitions(str(inbox), str(warehouse))


def test_table_and_model_assets_declare_their_columns(tmp_path):
    with dg.instance_for_test():  # entered: Dagster's definitions-state lookup points at it
        graph = _defs(tmp_path, tmp_path / "w.duckdb").resolve_asset_graph()
    for name in ("quotes", "articles", "quotes_per_speaker", "stg_quotes", "check_results"):
        schema = graph.get(dg.AssetKey(name)).metadata["dagster/column_schema"]
        assert [c.name for c in schema.columns] == list(catalog.relations()[name].columns)
        assert all(c.description and c.type for c in schema.columns)


def test_declared_types_are_kept_between_processes_and_rebuilt_when_their_sources_change(tmp_path, monkeypatch):
    """The column types every process that loads the definitions declares are built once and
    kept in the cache folder under a digest of the schema, the model files and DuckDB's version:
    the same types from the file; a changed digest or an unreadable file builds them again."""
    monkeypatch.setenv("NEWS_CACHE", str(tmp_path))
    built = []
    real = asset_metadata._built_types
    monkeypatch.setattr(asset_metadata, "_built_types", lambda: built.append(1) or real())

    def declared():  # as a new process asks
        asset_metadata.declared_types.cache_clear()
        return asset_metadata.declared_types()

    first = declared()
    assert first == real() and len(built) == 1
    assert first["quotes"] == {column: first["quotes"][column] for column in catalog.relations()["quotes"].columns}
    assert declared() == first and len(built) == 1  # read from the file
    monkeypatch.setattr(asset_metadata, "_types_key", lambda: "another schema")
    assert declared() == first and len(built) == 2
    (tmp_path / "declared-types.json").write_text("{not json", encoding="utf-8")
    assert declared() == first and len(built) == 3
    asset_metadata.declared_types.cache_clear()


def _ingest(defs, instance, key):
    instance.add_dynamic_partitions("inbox_batches", [key])
    result = defs.resolve_job_def("ingest_job").execute_in_process(instance=instance, partition_key=key)
    assert result.success


def test_models_rebuild_after_every_load(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy2(sorted(SEEDS.iterdir())[3], inbox)
    defs = _defs(inbox, tmp_path / "w.duckdb")
    models = dg.AssetSelection.groups("staging", "models")
    with dg.instance_for_test() as instance:
        _ingest(defs, instance, "batch-1")
        built = defs.resolve_job_def("models_job").execute_in_process(instance=instance)
        speakers = next(m.metadata for m in built.asset_materializations_for_node(MODELS_STEP)
                        if m.asset_key == dg.AssetKey("quotes_per_speaker"))
        assert {"preview", "top_speakers", "dagster/column_schema", "dagster/row_count"} <= set(speakers)
        assert "| speaker |" in speakers["top_speakers"].value
        first = dg.evaluate_automation_conditions(defs=defs, instance=instance, asset_selection=models)
        settled = dg.evaluate_automation_conditions(defs=defs, instance=instance, asset_selection=models,
                                                    cursor=first.cursor)
        assert settled.total_requested == 0  # nothing loaded since: nothing to rebuild
        instance.add_dynamic_partitions("inbox_batches", ["batch-never-loaded"])  # a failed/cancelled batch
        shutil.copy2(sorted(SEEDS.iterdir())[4], inbox)
        _ingest(defs, instance, "batch-2")
        after = dg.evaluate_automation_conditions(defs=defs, instance=instance, asset_selection=models,
                                                  cursor=settled.cursor)
        requested = {r.key.to_user_string() for r in after.results if r.true_subset.size}
        assert {"quotes_per_speaker", "stg_quotes", "data_quality_summary", "check_results"} <= requested


def test_sensor_with_a_fresh_cursor_skips_files_already_loaded(seed_inbox, seed_warehouse, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(seed_inbox, inbox)  # same names and bytes as the loaded seeds
    sensor = build_inbox_sensor(str(inbox), str(seed_warehouse))
    instance = dg.DagsterInstance.ephemeral()
    fresh = sensor(dg.build_sensor_context(instance=instance))
    assert not fresh.run_requests and fresh.cursor  # nothing re-requested, cursor kept
    (inbox / "new.txt").write_text("Fresh Title\n\nSome body text about the talks.", encoding="utf-8")
    new = sensor(dg.build_sensor_context(instance=instance, cursor=fresh.cursor))
    assert new.run_requests[0].run_config["ops"]["inbox_files"]["config"]["only"] == ["new.txt"]
