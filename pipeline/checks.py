"""Data-quality checks, defined once and run two ways, both reported as Dagster asset checks:

- per batch, INSIDE the load's transaction, before its commit (`check_sql.run_batch_checks`
  from `warehouse_tables`): each check's expectations as SQL over the rows the batch wrote
  or changed (keys, spans, domains), foreign keys looked up in the whole warehouse. A
  failing check rolls the batch back, so bad data never lands; `BlockingChecksFailed`
  says which check failed, why, and the keys of a few offending rows. Cost: in
  proportion to the batch, not to the warehouse.
- over whole tables, as Great Expectations suites (`check_suites`): on a schedule and on
  demand (`python -m pipeline check`, the `whole_table_checks_job`). GX validates pandas
  frames read from DuckDB (its SQL datasource fails on DuckDB 2.0, see stack findings).
  `purge-deleted`, which deletes rows anywhere, runs the SQL form over whole tables.

A check is a SQL query producing a frame (`{rows}` stands for the checked table's rows:
the whole table, or the batch's rows of it) and GX expectations on its columns."""

from dataclasses import dataclass
from functools import lru_cache

import dagster as dg

from pipeline import catalog

TABLE_KEYS = catalog.table_keys()


@dataclass(frozen=True)
class Check:
    name: str
    table: str  # the asset the check belongs to
    description: str
    query: str  # SQL producing the frame to validate
    expectations: tuple[tuple[str, dict], ...]  # (GX expectation class name, kwargs)
    keys: tuple[str, ...] = ()  # columns of the frame that name a row (reported for failing rows)
    # the rows a batch check reads, when more than the batch's own rows ({batch}) are needed
    batch_rows: str = ""

    def sql(self, rows: str) -> str:
        """The check's query over `rows` (a table name or a parenthesized SELECT)."""
        return self.query.replace("{rows}", rows)


def _key_checks() -> list[Check]:
    out = []
    for table, keys in TABLE_KEYS.items():
        exps: list[tuple[str, dict]] = [("ExpectColumnValuesToNotBeNull", {"column": k}) for k in keys]
        if len(keys) == 1:
            exps.append(("ExpectColumnValuesToBeUnique", {"column": keys[0]}))
        else:
            exps.append(("ExpectCompoundColumnsToBeUnique", {"column_list": list(keys)}))
        out.append(Check(f"{table}_keys_unique_not_null", table,
                         f"Primary key {', '.join(keys)} of {table} is unique and never null.",
                         f"SELECT {', '.join(keys)} FROM {{rows}}", tuple(exps), tuple(keys)))
    return out


# (child table, child column, parent table, parent column, nullable), from sql/schema.yml
FOREIGN_KEYS = [(table, fk.column, fk.parent_table, fk.parent_column, fk.nullable)
                for table, fk in catalog.foreign_keys() if table in TABLE_KEYS]


def _fk_checks() -> list[Check]:
    by_table: dict[str, list] = {}
    for fk in FOREIGN_KEYS:
        by_table.setdefault(fk[0], []).append(fk)
    out = []
    for table, fks in by_table.items():
        selects, exps = [], []
        for i, (_, col, parent, pcol, nullable) in enumerate(fks):
            cond = f"c.{col} IS NULL OR " if nullable else ""
            selects.append(f"({cond}c.{col} IN (SELECT {pcol} FROM {parent})) AS fk_{i}")
            exps.append(("ExpectColumnValuesToBeInSet", {"column": f"fk_{i}", "value_set": [True]}))
        desc = "; ".join(f"{col} → {parent}.{pcol}" for _, col, parent, pcol, _ in fks)
        keys = TABLE_KEYS[table]
        out.append(Check(f"{table}_foreign_keys_resolve", table, f"Foreign keys resolve: {desc}.",
                         f"SELECT {', '.join('c.' + k for k in keys)}, {', '.join(selects)} FROM {{rows}} c",
                         tuple(exps), keys))
    return out


def _span_checks() -> list[Check]:
    out = []
    for table, field_text in (("mentions", "v.text"),
                              ("quotes", "CASE WHEN c.field = 'title' THEN v.title ELSE v.text END")):
        out.append(Check(
            f"{table}_spans_inside_version_text", table,
            f"Every {table} span lies inside its version's text (a headline quote: its title), and the stored "
            "text equals the text at the span.",
            f"""SELECT c.{TABLE_KEYS[table][0]}, c.start_char, c.end_char, length({field_text}) AS text_length, c.text,
                       substring({field_text}, c.start_char + 1, c.end_char - c.start_char) AS span_text
                FROM {{rows}} c JOIN versions v USING (version_id)""",
            (
                ("ExpectColumnValuesToBeBetween", {"column": "start_char", "min_value": 0}),
                ("ExpectColumnPairValuesAToBeGreaterThanB", {"column_A": "end_char", "column_B": "start_char"}),
                ("ExpectColumnPairValuesAToBeGreaterThanB",
                 {"column_A": "text_length", "column_B": "end_char", "or_equal": True}),
                ("ExpectColumnPairValuesToBeEqual", {"column_A": "text", "column_B": "span_text"}),
            ),
            TABLE_KEYS[table],
        ))
    out.append(Check(
        "events_sentence_inside_version_text", "events",
        "Every event's sentence span lies inside its version text and equals the stored sentence.",
        """SELECT e.event_id, e.start_char, e.end_char, length(v.text) AS text_length, e.sentence,
                  substring(v.text, e.start_char + 1, e.end_char - e.start_char) AS span_text
           FROM {rows} e JOIN versions v USING (version_id)""",
        (
            ("ExpectColumnPairValuesAToBeGreaterThanB",
             {"column_A": "text_length", "column_B": "end_char", "or_equal": True}),
            ("ExpectColumnPairValuesToBeEqual", {"column_A": "sentence", "column_B": "span_text"}),
        ),
        ("event_id",),
    ))
    out.append(Check(
        "event_mentions_spans_inside_version_text", "event_mentions",
        "Every event mention's sentence span lies inside its version text and equals the stored sentence; "
        "its trigger lies inside the sentence and equals the stored trigger.",
        """SELECT m.event_mention_id, m.start_char, m.end_char, length(v.text) AS text_length, m.sentence,
                  substring(v.text, m.start_char + 1, m.end_char - m.start_char) AS span_text,
                  coalesce(m.trigger_start, m.start_char) AS trigger_start,
                  coalesce(m.trigger_end, m.end_char) AS trigger_end, m.trigger,
                  coalesce(substring(v.text, m.trigger_start + 1, m.trigger_end - m.trigger_start), m.trigger)
                      AS trigger_text
           FROM {rows} m JOIN versions v USING (version_id)""",
        (
            ("ExpectColumnValuesToBeBetween", {"column": "start_char", "min_value": 0}),
            ("ExpectColumnPairValuesAToBeGreaterThanB",
             {"column_A": "text_length", "column_B": "end_char", "or_equal": True}),
            ("ExpectColumnPairValuesToBeEqual", {"column_A": "sentence", "column_B": "span_text"}),
            ("ExpectColumnPairValuesAToBeGreaterThanB",
             {"column_A": "trigger_start", "column_B": "start_char", "or_equal": True}),
            ("ExpectColumnPairValuesAToBeGreaterThanB",
             {"column_A": "end_char", "column_B": "trigger_end", "or_equal": True}),
            ("ExpectColumnPairValuesToBeEqual", {"column_A": "trigger", "column_B": "trigger_text"}),
        ),
        ("event_mention_id",),
    ))
    return out


def _domain_checks() -> list[Check]:
    return [
        Check("files_status_valid", "files",
              "Every file is loaded, quarantined, a duplicate or deleted; all but loaded say why.",
              "SELECT file_id, path, status, (status = 'loaded' OR reason IS NOT NULL) AS has_reason FROM {rows}",
              (("ExpectColumnValuesToBeInSet",
                {"column": "status", "value_set": ["loaded", "quarantined", "duplicate", "deleted"]}),
               ("ExpectColumnValuesToBeInSet", {"column": "has_reason", "value_set": [True]})),
              ("file_id", "path")),
        Check("quotes_kind_valid", "quotes", "Quote kind is direct, partial or indirect; text is non-empty.",
              "SELECT quote_id, kind, length(trim(text)) AS text_len FROM {rows}",
              (("ExpectColumnValuesToBeInSet", {"column": "kind", "value_set": ["direct", "partial", "indirect"]}),
               ("ExpectColumnValuesToBeBetween", {"column": "text_len", "min_value": 1})),
              ("quote_id",)),
        Check("versions_numbered_from_one", "versions",
              "Versions of an article are numbered 1..n without gaps or duplicates.",
              """SELECT article_id, count(*) AS n, max(version_no) AS max_no, count(DISTINCT version_no) AS distinct_no
                 FROM {rows} GROUP BY article_id""",
              (("ExpectColumnPairValuesToBeEqual", {"column_A": "n", "column_B": "max_no"}),
               ("ExpectColumnPairValuesToBeEqual", {"column_A": "n", "column_B": "distinct_no"})),
              ("article_id",),
              # every version of the articles the batch added versions to
              "(SELECT * FROM versions WHERE article_id IN (SELECT article_id FROM {batch}))"),
        Check("version_diffs_labels_valid", "version_diffs",
              "Diff rows carry a NewsEdits label and unit; additions have no old side, deletions no new side; "
              "they compare consecutive versions.",
              """SELECT diff_id, label, unit, (label <> 'addition') = (from_sent IS NOT NULL) AS old_side_ok,
                        (label <> 'deletion') = (to_sent IS NOT NULL) AS new_side_ok,
                        to_version - from_version AS step
                 FROM {rows}""",
              (("ExpectColumnValuesToBeInSet", {"column": "label", "value_set": ["addition", "deletion", "edit", "refactor"]}),
               ("ExpectColumnValuesToBeInSet", {"column": "unit", "value_set": ["sentence", "title"]}),
               ("ExpectColumnValuesToBeInSet", {"column": "old_side_ok", "value_set": [True]}),
               ("ExpectColumnValuesToBeInSet", {"column": "new_side_ok", "value_set": [True]}),
               ("ExpectColumnValuesToBeInSet", {"column": "step", "value_set": [1]})),
              ("diff_id",)),
        Check("quotes_version_span_valid", "quotes",
              "Each quote's first/last version numbers bracket the version it was found in "
              "(NULL only on rows loaded before version tracking existed).",
              """SELECT q.quote_id, coalesce(q.first_version_no <= v.version_no AND v.version_no <= q.last_version_no,
                                q.first_version_no IS NULL AND q.last_version_no IS NULL) AS in_span
                 FROM {rows} q JOIN versions v USING (version_id)""",
              (("ExpectColumnValuesToBeInSet", {"column": "in_span", "value_set": [True]}),),
              ("quote_id",)),
    ]


@lru_cache(maxsize=1)
def all_checks() -> tuple[Check, ...]:
    return tuple(_key_checks() + _fk_checks() + _span_checks() + _domain_checks())


@dataclass(frozen=True)
class CheckOutcome:
    check: Check
    passed: bool
    rows: int
    details: list[dict]

    def why(self) -> str:
        """One line per failed expectation: what was expected, how many rows broke it, which."""
        lines = []
        for d in self.details:
            if d.get("success"):
                continue
            args = ", ".join(f"{k}={v}" for k, v in d.get("kwargs", {}).items())
            rows = ", ".join(d.get("offending") or []) or ", ".join(d.get("partial_unexpected_list") or [])
            lines.append(f"{d['expectation']}({args}): {d.get('unexpected_count')} row(s) fail, e.g. {rows}")
        return "; ".join(lines)


class BlockingChecksFailed(Exception):
    """A blocking check failed inside a transaction (a load, a purge): it was rolled back."""

    def __init__(self, failed: list[CheckOutcome]):
        self.failed = failed
        super().__init__("blocking checks failed, the batch was rolled back (the warehouse is unchanged):\n"
                         + "\n".join(f"  {o.check.name} ({o.check.table}): {o.why()}" for o in failed))


def asset_check_result(outcome: CheckOutcome, whole_table: bool = False) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        check_name=whole_table_name(outcome.check) if whole_table else outcome.check.name,
        asset_key=outcome.check.table,
        passed=outcome.passed,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"rows_checked": outcome.rows, "scope": "whole table" if whole_table else "batch",
                  "expectations": dg.MetadataValue.json(outcome.details)},
        description=outcome.why() or None,
    )


# ------------------------------------------------------------------ Dagster asset checks

WHOLE_TABLE = "_whole_table"  # name suffix of a check's whole-table suite


def whole_table_name(check: Check) -> str:
    return check.name + WHOLE_TABLE


# Per batch, inside the load (blocking: a failure rolls the batch back).
CHECK_SPECS = [
    dg.AssetCheckSpec(c.name, asset=c.table, blocking=True,
                      description=f"{c.description} (the batch's new and changed rows, inside the load)")
    for c in all_checks()
]
# Whole tables, Great Expectations (schedule, `python -m pipeline check`).
WHOLE_TABLE_SPECS = [
    dg.AssetCheckSpec(whole_table_name(c), asset=c.table,
                      description=f"{c.description} (every row, Great Expectations suite)")
    for c in all_checks()
]
