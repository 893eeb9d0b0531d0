"""Data-quality checks: Great Expectations suites run on every warehouse table and
reported as blocking Dagster asset checks. They run INSIDE the load's transaction,
before its commit (`run_checks` from `warehouse_tables`): a failing check rolls the
batch back, so bad data never lands, and `BlockingChecksFailed` says which check
failed, why, and the keys of a few offending rows. GX validates pandas frames read from
DuckDB (its SQL datasource fails on DuckDB 2.0, see stack findings); small SQL queries
prepare the columns (parent found, version length, text at the span) GX then checks."""

import os
from dataclasses import dataclass
from functools import lru_cache

import dagster as dg

from pipeline import catalog, faults
from pipeline.load import TABLE_KEYS


@dataclass(frozen=True)
class Check:
    name: str
    table: str  # the asset the check belongs to
    description: str
    query: str  # SQL producing the frame to validate
    expectations: tuple[tuple[str, dict], ...]  # (GX expectation class name, kwargs)
    keys: tuple[str, ...] = ()  # columns of the frame that name a row (reported for failing rows)


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
                         f"SELECT {', '.join(keys)} FROM {table}", tuple(exps), tuple(keys)))
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
                         f"SELECT {', '.join('c.' + k for k in keys)}, {', '.join(selects)} FROM {table} c",
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
                FROM {table} c JOIN versions v USING (version_id)""",
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
           FROM events e JOIN versions v USING (version_id)""",
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
           FROM event_mentions m JOIN versions v USING (version_id)""",
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
              "SELECT file_id, path, status, (status = 'loaded' OR reason IS NOT NULL) AS has_reason FROM files",
              (("ExpectColumnValuesToBeInSet",
                {"column": "status", "value_set": ["loaded", "quarantined", "duplicate", "deleted"]}),
               ("ExpectColumnValuesToBeInSet", {"column": "has_reason", "value_set": [True]})),
              ("file_id", "path")),
        Check("quotes_kind_valid", "quotes", "Quote kind is direct, partial or indirect; text is non-empty.",
              "SELECT quote_id, kind, length(trim(text)) AS text_len FROM quotes",
              (("ExpectColumnValuesToBeInSet", {"column": "kind", "value_set": ["direct", "partial", "indirect"]}),
               ("ExpectColumnValuesToBeBetween", {"column": "text_len", "min_value": 1})),
              ("quote_id",)),
        Check("versions_numbered_from_one", "versions",
              "Versions of an article are numbered 1..n without gaps or duplicates.",
              """SELECT article_id, count(*) AS n, max(version_no) AS max_no, count(DISTINCT version_no) AS distinct_no
                 FROM versions GROUP BY article_id""",
              (("ExpectColumnPairValuesToBeEqual", {"column_A": "n", "column_B": "max_no"}),
               ("ExpectColumnPairValuesToBeEqual", {"column_A": "n", "column_B": "distinct_no"})),
              ("article_id",)),
        Check("version_diffs_labels_valid", "version_diffs",
              "Diff rows carry a NewsEdits label and unit; additions have no old side, deletions no new side; "
              "they compare consecutive versions.",
              """SELECT diff_id, label, unit, (label <> 'addition') = (from_sent IS NOT NULL) AS old_side_ok,
                        (label <> 'deletion') = (to_sent IS NOT NULL) AS new_side_ok,
                        to_version - from_version AS step
                 FROM version_diffs""",
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
                 FROM quotes q JOIN versions v USING (version_id)""",
              (("ExpectColumnValuesToBeInSet", {"column": "in_span", "value_set": [True]}),),
              ("quote_id",)),
    ]


@lru_cache(maxsize=1)
def all_checks() -> tuple[Check, ...]:
    return tuple(_key_checks() + _fk_checks() + _span_checks() + _domain_checks())


def validate_frame(frame, expectations: tuple[tuple[str, dict], ...], name: str,
                   keys: tuple[str, ...] = ()) -> tuple[bool, list[dict]]:
    """Validate a pandas frame with a GX suite in an ephemeral context (nothing on disk);
    for a failing expectation, `offending` holds the `keys` of up to five bad rows."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    import great_expectations.expectations as gxe

    context = _gx_context()
    suite = gx.ExpectationSuite(name=f"suite_{name}")
    for cls_name, kwargs in expectations:
        suite.add_expectation(getattr(gxe, cls_name)(**kwargs))
    if frame.empty:
        return True, [{"expectation": c, "success": True, "note": "empty table"} for c, _ in expectations]
    source = context.data_sources.add_or_update_pandas(name=f"src_{name}")
    asset = source.add_dataframe_asset(name=f"asset_{name}")
    batch_def = asset.add_batch_definition_whole_dataframe(f"batch_{name}")
    result_format = {"result_format": "SUMMARY", "partial_unexpected_count": 5}
    if keys:
        result_format["unexpected_index_column_names"] = list(keys)
    result = batch_def.get_batch(batch_parameters={"dataframe": frame}).validate(suite, result_format=result_format)
    details = []
    for r in result.results:
        found = r.result or {}
        details.append({
            "expectation": r.expectation_config.type,
            "kwargs": {k: v for k, v in r.expectation_config.kwargs.items() if k != "batch_id"},
            "success": bool(r.success),
            "unexpected_count": found.get("unexpected_count"),
            "partial_unexpected_list": [str(x) for x in (found.get("partial_unexpected_list") or [])[:5]],
            "offending": [_row_keys(x, keys) for x in (found.get("partial_unexpected_index_list") or [])[:5]],
        })
    return bool(result.success), details


def _row_keys(index_entry, keys: tuple[str, ...]) -> str:
    """`key=value` of one offending row, from GX's index list entry (a dict of the
    unexpected_index_column_names plus the checked columns)."""
    if isinstance(index_entry, dict):
        return ", ".join(f"{k}={index_entry.get(k)}" for k in keys if k in index_entry) or str(index_entry)
    return str(index_entry)


@lru_cache(maxsize=1)
def _gx_context():
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def run_check(con, check: Check) -> tuple[bool, list[dict], int]:
    frame = con.sql(check.query).df()
    ok, details = validate_frame(frame, check.expectations, check.name, check.keys)
    return ok, details, len(frame)


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
    """A blocking check failed inside the load transaction: the batch was rolled back."""

    def __init__(self, failed: list[CheckOutcome]):
        self.failed = failed
        super().__init__("blocking checks failed, the batch was rolled back (the warehouse is unchanged):\n"
                         + "\n".join(f"  {o.check.name} ({o.check.table}): {o.why()}" for o in failed))


def run_checks(con, selected: set[str] | None = None) -> list[CheckOutcome]:
    """Every (selected) check on the connection: inside the load transaction it sees
    the batch's uncommitted rows."""
    outcomes = []
    for check in all_checks():
        if selected is not None and check.name not in selected:
            continue
        faults.reached("checks")
        ok, details, rows = run_check(con, check)
        outcomes.append(CheckOutcome(check, ok, rows, details))
    return outcomes


def asset_check_result(outcome: CheckOutcome) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        check_name=outcome.check.name,
        asset_key=outcome.check.table,
        passed=outcome.passed,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"rows_checked": outcome.rows, "expectations": dg.MetadataValue.json(outcome.details)},
        description=outcome.why() or None,
    )


# ------------------------------------------------------------------ Dagster asset checks

CHECK_SPECS = [
    dg.AssetCheckSpec(c.name, asset=c.table, description=c.description, blocking=True)
    for c in all_checks()
]
