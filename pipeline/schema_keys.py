"""Tables whose key is not declared to DuckDB (sql/schema.yml `key_declared: false`):
version_sentences, actor_links, mentions, quotes, event_mentions.

Why: DuckDB rewrites a table's whole PRIMARY KEY index at every checkpoint, so a load of 20
new articles into a built warehouse paid for every stored key of its largest tables at its
COMMIT (a 100k-key table: ~80 ms for a 20-row append, ~5 ms without the key). These tables
only grow by whole versions; the load merges on their key (load.upsert: MERGE INTO, the same
rows as INSERT ... ON CONFLICT), and the key checks (pipeline.checks: unique and not null)
keep it unique, over the batch's rows inside the load's transaction and over whole tables
in the scheduled suites.

A warehouse built before (the tables carry their PRIMARY KEY) is rebuilt once, on the first
`load.ensure_schema`: each such table renamed aside, created again as sql/schema.sql declares
it now, its rows copied by column name, the old one dropped, all in one transaction — a
crash leaves the warehouse as it was, and the next run does it again. Idempotent: a table
without the constraint is left alone."""
from __future__ import annotations

from pipeline import catalog

ASIDE = "__keyed"  # suffix of a table renamed aside during its rebuild (inside the transaction only)


def keyed_tables(con) -> list[str]:
    """The tables the catalogue keeps unique by checks that still carry a PRIMARY KEY."""
    names = sorted(catalog.undeclared_keys())
    return [row[0] for row in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE has_primary_key AND database_name = current_database() "
        "AND schema_name = current_schema() AND list_contains(?, table_name) ORDER BY table_name",
        [names]).fetchall()]  # duckdb_tables(), not duckdb_constraints(): ~5 against ~30 ms, every ensure_schema


def drop_declared_keys(con, schema_sql: str) -> list[str]:
    """Rebuild every table of `keyed_tables` without its PRIMARY KEY, rows kept, in one
    transaction (`schema_sql`: sql/schema.sql, which creates them as declared now).
    Returns the tables rebuilt."""
    tables = keyed_tables(con)
    if not tables:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        for table in tables:
            con.execute(f"ALTER TABLE {table} RENAME TO {table}{ASIDE}")
        con.execute(schema_sql)  # the renamed tables are missing: created again, without the key
        for table in tables:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {table}{ASIDE}")
            con.execute(f"DROP TABLE {table}{ASIDE}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return tables
