"""Per-version tables without a PRIMARY KEY (pipeline/schema_keys.py): a warehouse built
with the keys is rebuilt without them, rows kept, in one transaction; the load merges on
the key (same rows as the upsert it replaces); a duplicate key fails the batch's key check
(the batch is rolled back) and the whole-table suite."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline import catalog, load, schema_keys
from pipeline.check_sql import BatchScope, run_batch_checks, run_table_checks
from pipeline.checks import BlockingChecksFailed

UNDECLARED = sorted(catalog.undeclared_keys())


def _rows(con, table: str) -> list[tuple]:
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def _columns(con, table: str) -> list[tuple]:
    return con.execute("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                       "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()


def _with_declared_keys(con) -> None:
    """The tables as session 26 declared them: the same columns, the catalogue's key as
    PRIMARY KEY (rows kept)."""
    for table in UNDECLARED:
        ddl = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [table]).fetchall()[0][0]
        keyed = ddl.rstrip().rstrip(";").rstrip()[:-1] + f", PRIMARY KEY ({', '.join(load.TABLE_KEYS[table])}));"
        con.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
        con.execute(keyed)
        con.execute(f"INSERT INTO {table} SELECT * FROM {table}_old")
        con.execute(f"DROP TABLE {table}_old")


@pytest.fixture()
def keyed_copy(seed_warehouse, tmp_path):
    """A copy of the seed warehouse whose per-version tables carry their PRIMARY KEY."""
    path = tmp_path / "keyed.duckdb"
    shutil.copy2(seed_warehouse, path)
    with duckdb.connect(str(path)) as con:
        _with_declared_keys(con)
        assert schema_keys.keyed_tables(con) == UNDECLARED
    return path


def test_a_warehouse_with_the_keys_is_rebuilt_without_them_rows_kept(keyed_copy):
    fresh = duckdb.connect(":memory:")
    load.ensure_schema(fresh)
    with duckdb.connect(str(keyed_copy)) as con:
        before = {table: _rows(con, table) for table in UNDECLARED}
        assert all(before.values())
        load.ensure_schema(con)
        assert schema_keys.keyed_tables(con) == []
        for table in UNDECLARED:
            assert _rows(con, table) == before[table], table
            assert _columns(con, table) == _columns(fresh, table), table  # as a new warehouse declares it
        assert schema_keys.drop_declared_keys(con, load.SCHEMA_PATH.read_text(encoding="utf-8")) == []  # idempotent
        assert not con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%__keyed'").fetchall()
        assert all(o.passed for o in run_table_checks(con))


def test_a_rebuild_that_fails_leaves_the_warehouse_as_it_was(keyed_copy):
    schema = load.SCHEMA_PATH.read_text(encoding="utf-8")
    with duckdb.connect(str(keyed_copy)) as con:
        before = {table: _rows(con, table) for table in UNDECLARED}
        with pytest.raises(duckdb.Error, match="crash after the renames"):  # fails inside the transaction
            schema_keys.drop_declared_keys(con, schema + "\nSELECT error('crash after the renames');")
        assert schema_keys.keyed_tables(con) == UNDECLARED
        assert {table: _rows(con, table) for table in UNDECLARED} == before
        assert schema_keys.drop_declared_keys(con, schema) == UNDECLARED  # the next run does it
        assert {table: _rows(con, table) for table in UNDECLARED} == before


def test_the_merge_gives_the_rows_of_the_upsert(seed_warehouse, tmp_path):
    """A batch row with a stored key updates the stored row (columns kept on update stay),
    a new key is inserted: as INSERT ... ON CONFLICT DO UPDATE did."""
    path = tmp_path / "w.duckdb"
    shutil.copy2(seed_warehouse, path)
    with duckdb.connect(str(path)) as con:
        cols = [c[0] for c in _columns(con, "actor_links")]
        stored = dict(zip(cols, con.execute("SELECT * FROM actor_links ORDER BY ALL LIMIT 1").fetchall()[0]))
        count = con.execute("SELECT count(*) FROM actor_links").fetchall()[0][0]
        changed = {**stored, "actor_id": "actor_other", "method": "surname", "gender": "f", "roles": "[]"}
        new = {**stored, "entity_key": "e_new_entity"}
        assert load.upsert(con, "actor_links", [changed, new]) == 2
        assert con.execute("SELECT count(*) FROM actor_links").fetchall()[0][0] == count + 1
        found = con.execute("SELECT actor_id, method, gender, roles FROM actor_links WHERE version_id = ? AND "
                            "entity_key = ?", [stored["version_id"], stored["entity_key"]]).fetchall()
        assert found == [(stored["actor_id"], stored["method"], "f", "[]")]  # how it was first linked stays


def test_a_duplicate_key_fails_the_batch_check_and_the_whole_table_suite(seed_warehouse, tmp_path):
    path = tmp_path / "w.duckdb"
    shutil.copy2(seed_warehouse, path)
    with duckdb.connect(str(path)) as con:
        for table in UNDECLARED:
            first = f"(SELECT * FROM {table} ORDER BY ALL LIMIT 1)"
            con.execute("BEGIN TRANSACTION")
            con.execute(f"INSERT INTO {table} SELECT * FROM {first}")  # a second row with a stored key
            scope = BatchScope()
            scope.add(con, table, first)
            failed = {o.check.name for o in run_batch_checks(con, scope) if not o.passed}
            assert failed == {f"{table}_keys_unique_not_null"}, table
            failed = {o.check.name for o in run_table_checks(con) if not o.passed}
            assert failed == {f"{table}_keys_unique_not_null"}, table
            con.execute("ROLLBACK")


def test_a_load_writing_a_duplicate_key_is_rolled_back(seed_warehouse, tmp_path):
    """An insert path that wrote a stored mention again inside a load: the batch's key check
    fails and the whole batch is rolled back."""
    path = tmp_path / "w.duckdb"
    shutil.copy2(seed_warehouse, path)
    with duckdb.connect(str(path)) as con:
        before = load.table_counts(con)
        stored = con.execute("SELECT * FROM mentions ORDER BY ALL LIMIT 1").fetchall()[0]
        row = dict(zip([c[0] for c in _columns(con, "mentions")], stored))
        file_row = {"file_id": "f_dup", "path": "dup.txt", "sha256": "0", "format": "text", "status": "loaded",
                    "ingested_at": load.now_utc()}

        def verify(con, scope):
            con.execute("INSERT INTO mentions SELECT * FROM mentions WHERE mention_id = ?", [row["mention_id"]])
            scope.add(con, "mentions", "(SELECT ? AS mention_id)".replace("?", f"'{row['mention_id']}'"))
            failed = [o for o in run_batch_checks(con, scope) if not o.passed]
            if failed:
                raise BlockingChecksFailed(failed)

        with pytest.raises(BlockingChecksFailed, match="mentions_keys_unique_not_null"):
            load.write_batch(con, [file_row], {}, verify=verify)
        assert load.table_counts(con) == before
        assert con.execute("SELECT count(*) FROM mentions WHERE mention_id = ?", [row["mention_id"]]).fetchall() == [(1,)]
