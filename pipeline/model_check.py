"""Run every SQL model against a warehouse and check it against the catalogue: the view
builds, its columns are exactly the documented ones, its grain identifies one row, its
example query runs. `python -m pipeline.model_check WAREHOUSE` prints one line per model
(`make models-bbc` does it on 300 BBC files); the tests do it on the seeds."""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline import catalog
from pipeline.load import ensure_schema
from pipeline.model_sql import create_all_views


@dataclass
class ModelCheck:
    name: str
    rows: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def check_model(con, name: str) -> ModelCheck:
    result = ModelCheck(name)
    relation = catalog.relations().get(name)
    if relation is None:
        result.problems.append("not in sql/models/models.yml")
        return result
    started = time.perf_counter()
    result.rows = con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
    result.seconds = time.perf_counter() - started
    columns = [row[0] for row in con.execute(f"DESCRIBE {name}").fetchall()]
    if columns != list(relation.columns):
        result.problems.append(f"columns {columns} != documented {list(relation.columns)}")
    if relation.keys:
        grain = ", ".join(relation.keys)
        duplicates = con.execute(f"SELECT count(*) FROM (SELECT {grain} FROM {name} GROUP BY ALL HAVING count(*) > 1)"
                                 ).fetchall()[0][0]
        if duplicates:
            result.problems.append(f"{duplicates} values of the grain ({grain}) repeat")
    if relation.example:
        con.execute(relation.example.rstrip(";")).fetchall()
    else:
        result.problems.append("no example query")
    return result


def check_all(warehouse: str) -> list[ModelCheck]:
    """Every model on a copy of the warehouse (the original is only read)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "warehouse.duckdb"
        shutil.copy2(warehouse, copy)
        with duckdb.connect(str(copy)) as con:
            ensure_schema(con)
            return [check_model(con, name) for name in create_all_views(con)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.model_check", description=__doc__)
    parser.add_argument("warehouse")
    args = parser.parse_args(argv)
    results = check_all(args.warehouse)
    for r in results:
        status = "ok" if not r.problems else "FAIL: " + "; ".join(r.problems)
        print(f"{r.name:<28} {r.rows:>8} rows {r.seconds * 1000:>8.1f} ms  {status}")
    failed = [r for r in results if r.problems]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
