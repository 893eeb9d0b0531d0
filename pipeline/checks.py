"""Data-quality checks: Great Expectations suites run on every warehouse table and
reported as blocking Dagster asset checks. GX validates pandas frames read from
DuckDB (its SQL datasource fails on DuckDB 2.0, see stack findings); small SQL queries
prepare the columns (parent found, version length, text at the span) GX then checks."""

import os
from dataclasses import dataclass
from functools import lru_cache

import dagster as dg
from pipeline.resources import WarehouseResource

from pipeline import catalog
from pipeline.load import TABLE_KEYS


@dataclass(frozen=True)
class Check:
    name: str
    table: str  # the asset the check belongs to
    description: str
    query: str  # SQL producing the frame to validate
    expectations: tuple[tuple[str, dict], ...]  # (GX expectation class name, kwargs)


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
                         f"SELECT {', '.join(keys)} FROM {table}", tuple(exps)))
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
        out.append(Check(f"{table}_foreign_keys_resolve", table, f"Foreign keys resolve: {desc}.",
                         f"SELECT {', '.join(selects)} FROM {table} c", tuple(exps)))
    return out


def _span_checks() -> list[Check]:
    out = []
    for table, field_text in (("mentions", "v.text"),
                              ("quotes", "CASE WHEN c.field = 'title' THEN v.title ELSE v.text END")):
        out.append(Check(
            f"{table}_spans_inside_version_text", table,
            f"Every {table} span lies inside its version's text (a headline quote: its title), and the stored "
            "text equals the text at the span.",
            f"""SELECT c.start_char, c.end_char, length({field_text}) AS text_length, c.text,
                       substring({field_text}, c.start_char + 1, c.end_char - c.start_char) AS span_text
                FROM {table} c JOIN versions v USING (version_id)""",
            (
                ("ExpectColumnValuesToBeBetween", {"column": "start_char", "min_value": 0}),
                ("ExpectColumnPairValuesAToBeGreaterThanB", {"column_A": "end_char", "column_B": "start_char"}),
                ("ExpectColumnPairValuesAToBeGreaterThanB",
                 {"column_A": "text_length", "column_B": "end_char", "or_equal": True}),
                ("ExpectColumnPairValuesToBeEqual", {"column_A": "text", "column_B": "span_text"}),
            ),
        ))
    out.append(Check(
        "events_sentence_inside_version_text", "events",
        "Every event's sentence span lies inside its version text and equals the stored sentence.",
        """SELECT e.start_char, e.end_char, length(v.text) AS text_length, e.sentence,
                  substring(v.text, e.start_char + 1, e.end_char - e.start_char) AS span_text
           FROM events e JOIN versions v USING (version_id)""",
        (
            ("ExpectColumnPairValuesAToBeGreaterThanB",
             {"column_A": "text_length", "column_B": "end_char", "or_equal": True}),
            ("ExpectColumnPairValuesToBeEqual", {"column_A": "sentence", "column_B": "span_text"}),
        ),
    ))
    out.append(Check(
        "event_mentions_spans_inside_version_text", "event_mentions",
        "Every event mention's sentence span lies inside its version text and equals the stored sentence; "
        "its trigger lies inside the sentence and equals the stored trigger.",
        """SELECT m.start_char, m.end_char, length(v.text) AS text_length, m.sentence,
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
    ))
    return out


def _domain_checks() -> list[Check]:
    return [
        Check("files_status_valid", "files", "Every file is either loaded or quarantined (with a reason).",
              "SELECT status, (status = 'loaded' OR reason IS NOT NULL) AS has_reason FROM files",
              (("ExpectColumnValuesToBeInSet", {"column": "status", "value_set": ["loaded", "quarantined"]}),
               ("ExpectColumnValuesToBeInSet", {"column": "has_reason", "value_set": [True]}))),
        Check("quotes_kind_valid", "quotes", "Quote kind is direct, partial or indirect; text is non-empty.",
              "SELECT kind, length(trim(text)) AS text_len FROM quotes",
              (("ExpectColumnValuesToBeInSet", {"column": "kind", "value_set": ["direct", "partial", "indirect"]}),
               ("ExpectColumnValuesToBeBetween", {"column": "text_len", "min_value": 1}))),
        Check("versions_numbered_from_one", "versions",
              "Versions of an article are numbered 1..n without gaps or duplicates.",
              """SELECT article_id, count(*) AS n, max(version_no) AS max_no, count(DISTINCT version_no) AS distinct_no
                 FROM versions GROUP BY article_id""",
              (("ExpectColumnPairValuesToBeEqual", {"column_A": "n", "column_B": "max_no"}),
               ("ExpectColumnPairValuesToBeEqual", {"column_A": "n", "column_B": "distinct_no"}))),
        Check("version_diffs_labels_valid", "version_diffs",
              "Diff rows carry a NewsEdits label and unit; additions have no old side, deletions no new side; "
              "they compare consecutive versions.",
              """SELECT label, unit, (label <> 'addition') = (from_sent IS NOT NULL) AS old_side_ok,
                        (label <> 'deletion') = (to_sent IS NOT NULL) AS new_side_ok,
                        to_version - from_version AS step
                 FROM version_diffs""",
              (("ExpectColumnValuesToBeInSet", {"column": "label", "value_set": ["addition", "deletion", "edit", "refactor"]}),
               ("ExpectColumnValuesToBeInSet", {"column": "unit", "value_set": ["sentence", "title"]}),
               ("ExpectColumnValuesToBeInSet", {"column": "old_side_ok", "value_set": [True]}),
               ("ExpectColumnValuesToBeInSet", {"column": "new_side_ok", "value_set": [True]}),
               ("ExpectColumnValuesToBeInSet", {"column": "step", "value_set": [1]}))),
        Check("quotes_version_span_valid", "quotes",
              "Each quote's first/last version numbers bracket the version it was found in "
              "(NULL only on rows loaded before version tracking existed).",
              """SELECT coalesce(q.first_version_no <= v.version_no AND v.version_no <= q.last_version_no,
                                q.first_version_no IS NULL AND q.last_version_no IS NULL) AS in_span
                 FROM quotes q JOIN versions v USING (version_id)""",
              (("ExpectColumnValuesToBeInSet", {"column": "in_span", "value_set": [True]}),)),
    ]


@lru_cache(maxsize=1)
def all_checks() -> tuple[Check, ...]:
    return tuple(_key_checks() + _fk_checks() + _span_checks() + _domain_checks())


def validate_frame(frame, expectations: tuple[tuple[str, dict], ...], name: str) -> tuple[bool, list[dict]]:
    """Validate a pandas frame with a GX suite in an ephemeral context (nothing on disk)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = _gx_context()
    suite = gx.ExpectationSuite(name=f"suite_{name}")
    for cls_name, kwargs in expectations:
        suite.add_expectation(getattr(gxe, cls_name)(**kwargs))
    if frame.empty:
        return True, [{"expectation": c, "success": True, "note": "empty table"} for c, _ in expectations]
    source = context.data_sources.add_or_update_pandas(name=f"src_{name}")
    asset = source.add_dataframe_asset(name=f"asset_{name}")
    batch_def = asset.add_batch_definition_whole_dataframe(f"batch_{name}")
    result = batch_def.get_batch(batch_parameters={"dataframe": frame}).validate(suite)
    details = []
    for r in result.results:
        details.append({
            "expectation": r.expectation_config.type,
            "kwargs": {k: v for k, v in r.expectation_config.kwargs.items() if k != "batch_id"},
            "success": bool(r.success),
            "unexpected_count": (r.result or {}).get("unexpected_count"),
            "partial_unexpected_list": [str(x) for x in ((r.result or {}).get("partial_unexpected_list") or [])[:5]],
        })
    _ = ProgressBarsConfig
    return bool(result.success), details


@lru_cache(maxsize=1)
def _gx_context():
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def run_check(con, check: Check) -> tuple[bool, list[dict], int]:
    frame = con.sql(check.query).df()
    ok, details = validate_frame(frame, check.expectations, check.name)
    return ok, details, len(frame)


# ------------------------------------------------------------------ Dagster asset checks

CHECK_SPECS = [
    dg.AssetCheckSpec(c.name, asset=c.table, description=c.description, blocking=True)
    for c in all_checks()
]


@dg.multi_asset_check(specs=CHECK_SPECS, can_subset=True, pool="duckdb_writer")
def warehouse_quality_checks(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
    """Great Expectations suites over every table; ERROR severity blocks downstream."""
    selected = {k.name for k in context.selected_asset_check_keys}
    with warehouse.get_connection() as con:
        for check in all_checks():
            if check.name not in selected:
                continue
            ok, details, rows = run_check(con, check)
            yield dg.AssetCheckResult(
                check_name=check.name,
                asset_key=check.table,
                passed=ok,
                severity=dg.AssetCheckSeverity.ERROR,
                metadata={"rows_checked": rows, "expectations": dg.MetadataValue.json(details)},
            )
