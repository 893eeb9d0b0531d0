"""`query` and `export`: read the warehouse without writing to it (the report, which
draws with matplotlib, is pipeline.cli_report: these two start without it). The warehouse is
attached read-only to an in-memory database that holds the model views (built from the
current sql/models files), so a model answers even when the warehouse's own views are
older than the SQL, and nothing is written to the file."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import duckdb

from pipeline import catalog
from pipeline.cli_output import EXPORT_FORMATS, UsageError, check_warehouse
from pipeline.model_sql import create_all_views, model_files

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def open_read_only(warehouse: str) -> duckdb.DuckDBPyConnection:
    """An in-memory connection that sees the warehouse's tables (read-only) and every model."""
    check_warehouse(warehouse, must_exist=True)
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS warehouse (READ_ONLY)", [str(Path(warehouse).resolve())])
    except duckdb.Error as exc:
        con.close()
        raise UsageError(f"cannot open the warehouse {warehouse}: {str(exc).splitlines()[0]}") from exc
    con.execute("SET search_path = 'memory.main,warehouse.main'")
    create_all_views(con)
    return con


def _select(target: str) -> str:
    """A model or table name becomes SELECT * FROM it; anything else is taken as SQL."""
    target = target.strip().rstrip(";")
    if _NAME.match(target):
        if target not in catalog.relations() and target not in model_files():
            raise UsageError(f"no table or model named {target!r} (see sql/README.md for the list)")
        return f"SELECT * FROM {target}"
    return target


def run_query(warehouse: str, target: str, limit: int, output: str = "table", stream=None) -> int:
    """Print a model, a table or the result of a SQL statement; returns the row count."""
    out = stream or sys.stdout
    with open_read_only(warehouse) as con:
        try:
            relation = con.sql(_select(target))
            if relation is None:
                raise UsageError("the SQL returned no rows to show (use SELECT)")
            total = relation.count("*").fetchall()[0][0]
            shown = relation.limit(limit) if limit else relation
            if output == "csv":
                shown.pl().write_csv(out)
            else:
                out.write(_plain_table(shown, limit or total, shutil.get_terminal_size((160, 40)).columns) + "\n")
        except duckdb.Error as exc:
            raise UsageError(f"query failed: {str(exc).splitlines()[0]}") from exc
    if output == "table" and limit and total > limit:
        out.write(f"({total:,} rows, first {limit} shown; --limit 0 shows all)\n")
    return total


def _plain_table(relation: duckdb.DuckDBPyRelation, max_rows: int, width: int) -> str:
    """A fixed-width text table, cells cut to fit the terminal."""
    columns = relation.columns
    rows = [["" if v is None else str(v) for v in row] for row in relation.limit(max_rows).fetchall()]
    cell = max(8, min(40, (width - 3 * len(columns)) // max(len(columns), 1)))

    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= cell else text[: cell - 1] + "…"

    widths = [min(cell, max([len(c)] + [len(cut(r[i])) for r in rows])) for i, c in enumerate(columns)]
    lines = [" | ".join(cut(c).ljust(w) for c, w in zip(columns, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(cut(v).ljust(w) for v, w in zip(row, widths)) for row in rows]
    return "\n".join(lines)


def export(warehouse: str, folder: str, file_format: str, names: list[str] | None, include_models: bool,
           stream=None) -> dict[str, int]:
    """Every table (and model, with include_models) to `folder/<name>.<format>`."""
    out = stream or sys.stdout
    if file_format not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {file_format!r} (parquet or csv)")
    wanted = names or [n for n, r in catalog.relations().items()
                       if r.kind == "table" or (include_models and r.kind == "model" and not n.startswith("stg_"))]
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UsageError(f"export folder {folder} is a file")
    target.mkdir(parents=True, exist_ok=True)
    written = {}
    with open_read_only(warehouse) as con:
        for name in wanted:
            _select(name)  # unknown names are a usage error
            path = target / f"{name}.{file_format}"
            options = "FORMAT parquet" if file_format == "parquet" else "FORMAT csv, HEADER true"
            con.execute(f"COPY (SELECT * FROM {name}) TO '{path}' ({options})")
            written[name] = con.sql(f"SELECT count(*) FROM {name}").fetchall()[0][0]
            out.write(f"  {name:<28} {written[name]:>8,} rows  -> {path}\n")
    return written

