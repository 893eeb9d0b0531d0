"""Byte-for-byte check of a built warehouse: `python -m pipeline.evaluate.warehouse_snapshot
WAREHOUSE --save SNAP | --compare SNAP`.

Writes every row of every table (sorted; without the columns that say when or in which run
a row was written, which differ between two builds of the same inbox) to SNAP, or compares
the warehouse with SNAP and lists the tables that differ. A speed change must leave the
tables unchanged: build a warehouse over the same inbox before and after (for example the
benchmark's sample plus seeds/) and compare. Keep SNAP outside the repository: it holds
corpus text."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from pipeline.evaluate.snapshot_diff import print_differences

# when a row was written or by which run: differs between two builds of the same inbox
RUN_COLUMNS = {"ingested_at", "checked_at", "run_id", "batch_key", "path", "rows_checked", "first_seen_at",
               "seen_at", "merged_at"}


def table_rows(warehouse: str) -> dict[str, list[str]]:
    """table -> its rows as sorted JSON lines (run columns left out)."""
    out = {}
    with duckdb.connect(warehouse, read_only=True) as con:
        tables = [row[0] for row in con.sql("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        for table in tables:
            columns = [row[0] for row in con.sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                params=[table]).fetchall() if row[0] not in RUN_COLUMNS]
            rows = con.sql(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM "{table}"').fetchall()
            out[table] = sorted(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False, sort_keys=True)
                                for row in rows)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", help="write the snapshot to this file")
    mode.add_argument("--compare", help="compare with the snapshot in this file")
    args = ap.parse_args(argv)
    rows = table_rows(args.warehouse)
    if args.save:
        Path(args.save).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        print(f"saved {sum(map(len, rows.values()))} rows of {len(rows)} tables to {args.save}")
        return 0
    saved = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    differ = [table for table in sorted(set(saved) | set(rows)) if saved.get(table) != rows.get(table)]
    print_differences(differ, saved, rows, lines_each=2)
    verdict = "IDENTICAL" if not differ else f"{len(differ)} TABLES DIFFER"
    print(f"{verdict}: {sum(map(len, rows.values()))} rows of {len(rows)} tables vs {args.compare}")
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
