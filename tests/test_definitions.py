"""The Definitions object loads and holds every asset, check, sensor and schedule; the
sensor turns new files into one batch partition and run request."""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone

import dagster as dg

from pipeline.automation import build_inbox_sensor
from pipeline.definitions import PIPELINE_ASSETS, defs
from pipeline.models import build_model_assets
from pipeline.resources import resources
from tests.conftest import SEEDS


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    for expected in ["inbox_files", "parsed_documents", "clean_articles", "nlp_annotations", "files",
                     "articles", "versions", "actors", "actor_aliases", "mentions", "quotes", "events",
                     "quotes_per_speaker", "actor_cooccurrence", "events_timeline"]:
        assert expected in keys
    checks = defs.resolve_asset_graph().asset_check_keys
    assert {c.asset_key.to_user_string() for c in checks} >= {"files", "articles", "versions", "quotes", "mentions", "events"}
    assert defs.resolve_sensor_def("inbox_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    assert defs.resolve_schedule_def("full_rescan_schedule") is not None


def test_sensor_one_partition_per_batch(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    sensor = build_inbox_sensor(str(inbox))
    instance = dg.DagsterInstance.ephemeral()
    result = sensor(dg.build_sensor_context(instance=instance))
    assert len(result.run_requests) == 1
    assert len(result.dynamic_partitions_requests[0].partition_keys) == 1
    assert len(result.run_requests[0].run_config["ops"]["inbox_files"]["config"]["only"]) == 5
    cursor = result.cursor
    # nothing changed: skip
    again = sensor(dg.build_sensor_context(instance=instance, cursor=cursor))
    assert isinstance(again, dg.SkipReason)
    # one new file: one batch with just that file
    (inbox / "new.txt").write_text("Fresh Title\n\nSome body text about the talks.", encoding="utf-8")
    third = sensor(dg.build_sensor_context(instance=instance, cursor=cursor))
    assert third.run_requests[0].run_config["ops"]["inbox_files"]["config"]["only"] == ["new.txt"]
    assert "new.txt" in json.loads(third.cursor)


def test_materialize_assets_in_process(tmp_path):
    """The assets themselves through dagster.materialize with a batch partition."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy2(sorted(SEEDS.iterdir())[3], inbox)
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("inbox_batches", ["b1"])
    res = resources(str(inbox), str(tmp_path / "w.duckdb"))
    result = dg.materialize([*PIPELINE_ASSETS], partition_key="b1",
                            instance=instance, resources=res)
    assert result.success
    assert all(e.passed for e in result.get_asset_check_evaluations())
    models = dg.materialize([*build_model_assets()], instance=instance, resources=res)
    assert models.success


def test_rescan_schedule_adds_one_batch_partition():
    schedule = defs.resolve_schedule_def("full_rescan_schedule")
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2026, 1, 2, 3, 0, tzinfo=timezone.utc))
        request = schedule(context)
        assert request.partition_key == "rescan-20260102T0300"
        assert instance.get_dynamic_partitions("inbox_batches") == ["rescan-20260102T0300"]
        assert request.run_config["ops"]["inbox_files"]["config"]["only"] == []
