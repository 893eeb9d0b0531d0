"""Version-aware quotes and events: a `quote_key` (normalized text + speaker) or
`event_key` (type + trigger + actors) per row, and the first and last version number of
the article in which that key occurs, counting stored versions."""
from __future__ import annotations

from pipeline.ids import stable_id
from pipeline.versions.stored import StoredState
from pipeline.versions.text import normalize_title, words


def _speaker_key(row: dict) -> str:
    return row.get("speaker_actor_id") or normalize_title(row.get("speaker_text")) or ""


def quote_key(row: dict) -> str:
    return stable_id("qkey", row.get("article_id"), " ".join(words(row.get("text") or "")), _speaker_key(row))


def _actor_key(row: dict, number: int) -> str:
    return row.get(f"actor{number}_id") or normalize_title(row.get(f"actor{number}_text")) or ""


def event_key(row: dict) -> str:
    return stable_id("ekey", row.get("article_id"), row.get("event_type"), normalize_title(row.get("trigger")),
                     _actor_key(row, 1), _actor_key(row, 2))


def version_spans(rows: list[dict], version_no_of: dict[str, int], key_of, key_column: str) -> list[dict]:
    """Set key, first_version_no and last_version_no on every row (stored and new ones):
    the span of version numbers of the article in which the key occurs."""
    span: dict[str, tuple[int, int]] = {}
    for row in rows:
        row[key_column] = key_of(row)
        version_no = version_no_of[row["version_id"]]
        first, last = span.get(row[key_column], (version_no, version_no))
        span[row[key_column]] = (min(first, version_no), max(last, version_no))
    for row in rows:
        row["first_version_no"], row["last_version_no"] = span[row[key_column]]
    return rows


def refresh_version_spans(rows: dict[str, list[dict]], store: StoredState, article_ids: list[str],
                          version_no_of: dict[str, int], replaced: frozenset[str] = frozenset()) -> None:
    """Version spans of quotes and events over the batch's rows and the stored rows of the
    same articles; stored rows whose span changed join the batch. Stored rows of the
    `replaced` versions (being re-annotated) are left out: the batch holds their new rows."""
    for table, key_of, key_column in (("quotes", quote_key, "quote_key"), ("events", event_key, "event_key")):
        new_rows = rows.get(table, [])
        stored = store.rows(table, article_ids) if store.has_table(table) else []
        stored = [row for row in stored if row["version_id"] not in replaced]
        for row in stored:
            version_no_of[row["version_id"]] = row.pop("_version_no")
        before = {id(row): (row.get("first_version_no"), row.get("last_version_no"), row.get(key_column))
                  for row in stored}
        version_spans(new_rows + stored, version_no_of, key_of, key_column)
        changed = [row for row in stored
                   if before[id(row)] != (row["first_version_no"], row["last_version_no"], row[key_column])]
        rows[table] = new_rows + changed
