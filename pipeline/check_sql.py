"""Checks in SQL, over the rows a batch wrote: the same expectations as the Great
Expectations suites (pipeline.checks), each turned into a SQL predicate that marks an
unexpected row, evaluated by DuckDB inside the load's transaction. A batch's scope is the
keys of every row it upserted (and the rows of versions whose actors it repointed), kept
in temporary tables `scope_<table>`; foreign keys are looked up in the whole warehouse.
One query per check, so the cost follows the batch, not the warehouse."""
from __future__ import annotations

from pipeline import catalog, faults
from pipeline.checks import Check, CheckOutcome, all_checks

TABLE_KEYS = catalog.table_keys()
OFFENDING_ROWS = 5  # keys of offending rows reported per failed expectation


class BatchScope:
    """The keys of the rows one batch wrote, per table, as temporary tables on the load's
    connection (created inside its transaction: a rollback drops them too)."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def add(self, con, table: str, source: str) -> None:
        """The rows of relation `source` (a registered frame of the table's rows) are the batch's."""
        keys = ", ".join(TABLE_KEYS[table])
        if table in self.tables:
            con.execute(f"INSERT INTO scope_{table} SELECT {keys} FROM {source}")
        else:
            con.execute(f"CREATE OR REPLACE TEMP TABLE scope_{table} AS SELECT {keys} FROM {source}")
            self.tables.add(table)

    def add_version_rows(self, con, table: str, versions: str) -> None:
        """Every row of `table` belonging to the versions of relation `versions` (rows an
        actor repoint updated)."""
        self.add(con, table, f"(SELECT * FROM {table} WHERE version_id IN (SELECT version_id FROM {versions}))")

    def rows(self, table: str) -> str:
        """SQL for the batch's rows of a table (none when the batch wrote none)."""
        if table not in self.tables:
            return f"(SELECT * FROM {table} LIMIT 0)"
        return f"(SELECT t.* FROM {table} t SEMI JOIN scope_{table} USING ({', '.join(TABLE_KEYS[table])}))"

    def drop(self, con) -> None:
        for table in sorted(self.tables):
            con.execute(f"DROP TABLE IF EXISTS scope_{table}")
        self.tables.clear()


def _literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _both_missing(a: str, b: str) -> str:
    return f"({a} IS NULL AND {b} IS NULL)"


def _not_null(kw: dict) -> str:
    return f"{kw['column']} IS NULL"


def _unique(kw: dict) -> str:
    return f"{kw['column']} IS NOT NULL AND count(*) OVER (PARTITION BY {kw['column']}) > 1"


def _compound_unique(kw: dict) -> str:
    cols = ", ".join(kw["column_list"])
    all_missing = " AND ".join(f"{c} IS NULL" for c in kw["column_list"])
    return f"NOT ({all_missing}) AND count(*) OVER (PARTITION BY {cols}) > 1"


def _in_set(kw: dict) -> str:
    return f"{kw['column']} IS NOT NULL AND {kw['column']} NOT IN ({', '.join(map(_literal, kw['value_set']))})"


def _between(kw: dict) -> str:
    col, out = kw["column"], []
    if kw.get("min_value") is not None:
        out.append(f"{col} < {_literal(kw['min_value'])}")
    if kw.get("max_value") is not None:
        out.append(f"{col} > {_literal(kw['max_value'])}")
    return f"{col} IS NOT NULL AND ({' OR '.join(out) or 'false'})"


def _a_greater_than_b(kw: dict) -> str:
    a, b = kw["column_A"], kw["column_B"]
    return f"NOT {_both_missing(a, b)} AND NOT coalesce({a} {'>=' if kw.get('or_equal') else '>'} {b}, false)"


def _pair_equal(kw: dict) -> str:
    a, b = kw["column_A"], kw["column_B"]
    return f"NOT {_both_missing(a, b)} AND {a} IS DISTINCT FROM {b}"


# GX expectation -> SQL predicate of an unexpected row (GX's defaults: a column map
# expectation skips missing values; a pair expectation skips rows missing both).
UNEXPECTED = {
    "ExpectColumnValuesToNotBeNull": _not_null,
    "ExpectColumnValuesToBeUnique": _unique,
    "ExpectCompoundColumnsToBeUnique": _compound_unique,
    "ExpectColumnValuesToBeInSet": _in_set,
    "ExpectColumnValuesToBeBetween": _between,
    "ExpectColumnPairValuesAToBeGreaterThanB": _a_greater_than_b,
    "ExpectColumnPairValuesToBeEqual": _pair_equal,
}


def check_query(check: Check, rows: str) -> str:
    """One query: rows checked, then per expectation the count of unexpected rows and the
    keys of a few (`key=value, …`, as the GX suites report them)."""
    label = " || ', ' || ".join(f"'{k}=' || coalesce(CAST({k} AS VARCHAR), 'None')" for k in check.keys) or "'?'"
    marks = ", ".join(f"({UNEXPECTED[name](kw)}) AS bad_{i}" for i, (name, kw) in enumerate(check.expectations))
    counts = ", ".join(f"count(*) FILTER (WHERE bad_{i}), (list({label} ORDER BY {label}) FILTER (WHERE bad_{i}))"
                       f"[1:{OFFENDING_ROWS}]" for i in range(len(check.expectations)))
    return f"WITH frame AS ({check.sql(rows)}), marked AS (SELECT *, {marks} FROM frame) SELECT count(*), {counts} FROM marked"


def run_sql_check(con, check: Check, rows: str) -> CheckOutcome:
    found = con.execute(check_query(check, rows)).fetchall()[0]
    details = []
    for i, (name, kw) in enumerate(check.expectations):
        unexpected, offending = found[1 + 2 * i], found[2 + 2 * i] or []
        details.append({"expectation": name, "kwargs": kw, "success": unexpected == 0,
                        "unexpected_count": unexpected, "partial_unexpected_list": [], "offending": list(offending)})
    return CheckOutcome(check, all(d["success"] for d in details), found[0], details)


def batch_rows(check: Check, scope: BatchScope) -> str:
    batch = scope.rows(check.table)
    return check.batch_rows.replace("{batch}", batch) if check.batch_rows else batch


def run_batch_checks(con, scope: BatchScope) -> list[CheckOutcome]:
    """Every check over the batch's rows (inside the load's transaction)."""
    outcomes = []
    for check in all_checks():
        faults.reached("checks")
        outcomes.append(run_sql_check(con, check, batch_rows(check, scope)))
    return outcomes


def run_table_checks(con) -> list[CheckOutcome]:
    """Every check over its whole table, in SQL (purge-deleted, which deletes anywhere)."""
    return [run_sql_check(con, check, check.table) for check in all_checks()]
