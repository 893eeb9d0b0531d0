"""Version-aware quotes and events: a `quote_key` (normalized text + speaker) or
`event_key` (type + trigger + actors) per row, and the first and last version number of
the article in which that key occurs, counting stored versions."""
from __future__ import annotations

from pipeline.ids import stable_id
from pipeline.versions.stored import StoredState
from pipeline.versions.text import normalize_title, quote_words


def _speaker_key(row: dict) -> str:
    return row.get("speaker_actor_id") or normalize_title(row.get("speaker_text")) or ""


def quote_key(row: dict) -> str:
    return stable_id("qkey", row.get("article_id"), quote_words(row.get("text") or ""), _speaker_key(row))


def _actor_key(row: dict, number: int) -> str:
    return row.get(f"actor{number}_id") or normalize_title(row.get(f"actor{number}_text")) or ""


def event_key(row: dict) -> str:
    return stable_id("ekey", row.get("article_id"), row.get("event_type"), normalize_title(row.get("trigger")),
                     _actor_key(row, 1), _actor_key(row, 2))


def version_spans(rows: list[dict], version_no_of: dict[str, int], key_of, key_column: str,
                  reports: list[dict] | None = None) -> list[dict]:
    """Set key, first_version_no and last_version_no on every row (stored and new ones):
    the span of version numbers of the article in which the key occurs — over `reports`
    when given (every report of the rows' keys; a row whose key none of them has spans its
    own version), else over the rows themselves."""
    for row in rows:
        row[key_column] = key_of(row)
    span: dict[str, tuple[int, int]] = {}
    for key, version_id in ([(row[key_column], row["version_id"]) for row in rows] if reports is None else
                            [(key_of(report), report["version_id"]) for report in reports]):
        version_no = version_no_of[version_id]
        first, last = span.get(key, (version_no, version_no))
        span[key] = (min(first, version_no), max(last, version_no))
    for row in rows:
        own = version_no_of[row["version_id"]]
        row["first_version_no"], row["last_version_no"] = span.get(row[key_column], (own, own))
    return rows


# (table, the table holding every report of its rows' keys, key, key column). A quote row is
# one report; an `events` row keeps only its first report, the others are event_mentions.
SPAN_TABLES = (("quotes", "quotes", quote_key, "quote_key"),
               ("events", "event_mentions", event_key, "event_key"))


def _stored_rows(store: StoredState, table: str, article_ids: list[str], version_no_of: dict[str, int]) -> list[dict]:
    stored = store.rows(table, article_ids) if store.has_table(table) else []
    for row in stored:
        version_no_of[row["version_id"]] = row.pop("_version_no")
    return stored


def refresh_version_spans(rows: dict[str, list[dict]], store: StoredState, article_ids: list[str],
                          version_no_of: dict[str, int], replaced: frozenset[str] = frozenset()) -> None:
    """Version spans of quotes and events over the batch's reports and the stored reports
    of the same articles; stored rows whose span changed join the batch. Stored reports of
    the `replaced` versions (being re-annotated) are left out: the batch holds their new
    reports (a stored `events` row of such a version stays a row: its event may still be
    reported by other versions)."""
    for table, report_table, key_of, key_column in SPAN_TABLES:
        new_rows = rows.get(table, [])
        stored = _stored_rows(store, table, article_ids, version_no_of)
        if report_table == table:
            stored = [row for row in stored if row["version_id"] not in replaced]
            reports = None
        else:
            stored_reports = _stored_rows(store, report_table, article_ids, version_no_of)
            reports = rows.get(report_table, []) + [row for row in stored_reports if row["version_id"] not in replaced]
        before = {id(row): (row.get("first_version_no"), row.get("last_version_no"), row.get(key_column))
                  for row in stored}
        version_spans(new_rows + stored, version_no_of, key_of, key_column, reports)
        changed = [row for row in stored
                   if before[id(row)] != (row["first_version_no"], row["last_version_no"], row[key_column])]
        rows[table] = new_rows + changed
