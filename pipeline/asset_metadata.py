"""What the Dagster UI shows about a table or model: its column schema (names, DuckDB types,
meanings from the catalogue), a Markdown preview of a few rows, and small Markdown tables
of top values. Shared by the warehouse-table assets and the SQL-model assets."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

import dagster as dg
import duckdb

from pipeline import catalog
from pipeline.load import SCHEMA_PATH, ensure_schema
from pipeline.model_sql import create_all_views, model_files
from pipeline.paths import cache_folder, keep_file

PREVIEW_ROWS = 5
CELL_WIDTH = 60


def column_schema(name: str, types: dict[str, str]) -> dg.TableSchema:
    """TableSchema of a table or model: catalogue meanings, the given DuckDB types."""
    relation = catalog.relations().get(name)
    meanings = relation.columns if relation else {}
    keys = set(relation.keys) if relation else set()
    columns = [
        dg.TableColumn(name=col, type=col_type, description=meanings.get(col),
                       constraints=dg.TableColumnConstraints(nullable=False, unique=len(keys) == 1)
                       if col in keys else None)
        for col, col_type in types.items()
    ]
    return dg.TableSchema(columns=columns)


def column_types(con, name: str) -> dict[str, str]:
    return {row[0]: row[1] for row in con.execute(f"DESCRIBE {name}").fetchall()}


@lru_cache(maxsize=1)
def declared_types() -> dict[str, dict[str, str]]:
    """Column types of every table and model, from the schema and model SQL built in an
    empty in-memory database (so the UI shows columns before anything is materialized).
    Every process that loads the definitions asks for them (~0.2 s CPU to build): they are
    kept in the cache folder under a digest of what they are computed from (`_types_key`)."""
    key = _types_key()
    path = cache_folder() / "declared-types.json"
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("key") == key:
            return kept["types"]
    except (OSError, ValueError, AttributeError, KeyError):  # none kept, or unreadable: build them
        pass
    types = _built_types()
    keep_file(path, json.dumps({"key": key, "types": types}), make_folder=True)  # not kept: built again next time
    return types


def _types_key() -> str:
    """A digest of what the declared types depend on: DuckDB's version (how it names types),
    the schema, every model file and the catalogue's relation names."""
    digest = hashlib.sha256(f"{duckdb.__version__}\n{sorted(catalog.relations())}\n".encode())
    digest.update(SCHEMA_PATH.read_bytes())
    for name, path in model_files().items():
        digest.update(f"\n{name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _built_types() -> dict[str, dict[str, str]]:
    con = duckdb.connect(":memory:")
    try:
        ensure_schema(con)
        create_all_views(con)
        return {name: column_types(con, name) for name in catalog.relations()}
    finally:
        con.close()


def definition_metadata(name: str) -> dict:
    types = declared_types().get(name)
    return {"dagster/column_schema": column_schema(name, types)} if types else {}


def _cell(value) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def markdown_rows(columns: list[str], rows: list[tuple]) -> str:
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    return head + "".join("| " + " | ".join(_cell(v) for v in row) + " |\n" for row in rows)


def _fetch(con, query: str) -> tuple[list[tuple], list[str]]:
    """(rows, column names) of a query, planned once: `con.sql(...)` binds a relation to learn
    its columns and binds it again to run it (for a model view, that first bind was up to a
    third of its metadata's cost)."""
    rows = con.execute(query).fetchall()
    return rows, [column[0] for column in con.description]


def preview(con, name: str, order_by: str | None = None, limit: int = PREVIEW_ROWS) -> dg.MetadataValue:
    order = f" ORDER BY {order_by}" if order_by else ""
    rows, columns = _fetch(con, f"SELECT * FROM {name}{order} LIMIT {limit}")
    return dg.MetadataValue.md(markdown_rows(columns, rows) or "(no rows)")


def materialization_metadata(con, name: str) -> dict:
    """Column schema with the real types, row count and a preview, for a MaterializeResult."""
    return {
        "dagster/column_schema": column_schema(name, column_types(con, name)),
        "dagster/row_count": con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0],
        "preview": preview(con, name),
    }


ROWS_COLUMN = "__news_rows"  # the row count beside the preview rows (no model has a column of that name)


def view_metadata(con, name: str) -> dict:
    """materialization_metadata for a view, running its query once instead of twice: the
    row count (`count(*) OVER ()`) comes back beside the five preview rows. A view has no
    stored row count, so `count(*)` and the preview each ran the whole model (on the
    1,300-file warehouse 1.25 -> 0.73 s over all models)."""
    rows, columns = _fetch(con, f"SELECT count(*) OVER () AS {ROWS_COLUMN}, * FROM {name} LIMIT {PREVIEW_ROWS}")
    return {
        "dagster/column_schema": column_schema(name, column_types(con, name)),
        "dagster/row_count": rows[0][0] if rows else 0,
        "preview": dg.MetadataValue.md(markdown_rows(columns[1:], [row[1:] for row in rows]) or "(no rows)"),
    }


# Run metadata: what a load added, at a glance.
TOP_QUERIES = {
    "top_speakers": """SELECT speaker, quotes, direct_quotes, articles FROM quotes_per_speaker
                       ORDER BY quotes DESC, speaker LIMIT 10""",
    "top_actors": """SELECT actor_name AS actor, actor_type, count(*) AS mentions,
                            count(DISTINCT article_id) AS articles
                     FROM stg_mentions GROUP BY ALL ORDER BY mentions DESC, actor LIMIT 10""",
}


def top_table(con, label: str) -> dg.MetadataValue:
    rows, columns = _fetch(con, TOP_QUERIES[label])
    return dg.MetadataValue.md(markdown_rows(columns, rows))
