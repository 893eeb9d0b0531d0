"""Sentence spans stored at load (version_sentences): they tile each version's text, every
mention sits in one, and a warehouse loaded before the table existed gets them when its
models are built."""
from __future__ import annotations

import shutil

import dagster as dg
import duckdb

from pipeline.models import build_model_assets
from pipeline.resources import resources
from tests.conftest import rows


def test_spans_tile_each_version_text(seed_db):
    spans = rows(seed_db, """SELECT s.version_id, s.start_char, s.end_char, length(v.text)
                             FROM version_sentences s JOIN versions v USING (version_id)
                             ORDER BY s.version_id, s.sentence_no""")
    assert spans
    last_end: dict[str, int] = {}
    for version_id, start, end, text_length in spans:
        assert last_end.get(version_id, 0) <= start < end <= text_length
        last_end[version_id] = end
    assert set(last_end) == {r[0] for r in rows(seed_db, "SELECT version_id FROM versions")}
    assert rows(seed_db, "SELECT count(*) FROM stg_mentions") == rows(seed_db, "SELECT count(*) FROM mentions")


def test_models_split_versions_loaded_before_the_table(seed_warehouse, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copy2(seed_warehouse, db)
    with duckdb.connect(str(db), read_only=True) as con:
        before = rows(con, "SELECT * FROM stg_sentences ORDER BY version_id, sentence_no")
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM version_sentences")  # as a warehouse built before this table
    with dg.instance_for_test() as instance:  # entered: Dagster's defs-state lookup sees this instance
        result = dg.materialize(build_model_assets(), instance=instance, resources=resources(str(tmp_path), str(db)))
        assert result.success
    with duckdb.connect(str(db), read_only=True) as con:
        assert rows(con, "SELECT * FROM stg_sentences ORDER BY version_id, sentence_no") == before
