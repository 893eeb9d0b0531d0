"""A second connection to a DuckDB database for another thread: DuckDB runs a query without
Python's lock, so two threads can query at once (the models' metadata, the report's queries)."""
from __future__ import annotations


def cursor_of(con):
    """`con.cursor()` (its own connection to the same database) with `con`'s search path, a
    per-connection setting: the CLI's read-only connection finds the warehouse's tables
    through it (pipeline.cli_query.open_read_only). Call it in the thread that uses `con`
    (a connection refuses a second thread's call while it runs one) and hand the cursor on."""
    path = con.execute("SELECT current_setting('search_path')").fetchone()[0]
    cursor = con.cursor()
    if path:
        cursor.execute("SET search_path = '" + path.replace("'", "''") + "'")
    return cursor


def on_cursor(cursor, work, *args):
    """`work(cursor, *args)` in the thread this is submitted to, on a cursor the calling
    thread made for it (`cursor_of`), closed when done."""
    try:
        return work(cursor, *args)
    finally:
        cursor.close()
