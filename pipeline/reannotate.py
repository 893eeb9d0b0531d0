"""Re-annotation: versions annotated by an older extractor (`versions.extractor_version`
older than `EXTRACTOR_VERSION`) are parsed and annotated again from their stored cleaned
text — no file is re-read or re-cleaned — in batches, one transaction per batch, so the
cost is in proportion to the stale versions.

IDs are content-derived (a mention, quote or event mention is its version plus its span),
so an annotation the new extractor still finds keeps its ID; the per-version rows it no
longer finds are deleted with the version's old rows; events left without any report go.
Actors are never deleted (versions whose entities are the stored ones change nothing actor
resolution reads, so their links stand; otherwise actors are resolved over every stored
version with the new entities, so an entity found again gets the actor the same data
always gives it; an entity that moves is repointed and a merge it implies recorded in
`actor_merges`); quote and
event version spans are refreshed over the article's other versions; version diffs and
stories depend on the text only and stay as they are."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, ContextManager

import polars as pl

from pipeline import actor_keys, actor_pairs, load, load_actors, nlp, versions
from pipeline.records import EXTRACTOR_VERSION, VersionAnnotations
from pipeline.stale import BATCH_SIZE, StaleVersion, annotation_items, read_stale, stale_batches

# Rows that belong to one version and are replaced as a whole when it is re-annotated
# (actor_links too, but a link that is found again keeps its stored method and evidence).
PER_VERSION_TABLES = ("actor_roles", "mentions", "quotes", "event_mentions")
# Tables a re-annotation writes, in load order (actors before what points at them).
WRITTEN_TABLES = ("actors", "actor_aliases", "actor_roles", "actor_merges", "actor_links", "mentions", "quotes",
                  "events", "event_mentions")


@dataclass
class ReannotationResult:
    versions: int = 0
    batches: int = 0
    rows: int = 0


def annotate(stale: list[StaleVersion]) -> list[VersionAnnotations]:
    return nlp.annotate_versions(annotation_items(stale))


def build_rows(con, stale: list[StaleVersion], annotations: list[VersionAnnotations]) -> dict[str, list[dict]]:
    """The new annotation rows of the stale versions; actors are resolved over every
    stored version with these (load_actors.resolved_rows), so an entity found again gets the actor
    the same data always gives it."""
    article_ids = sorted({s.article_id for s in stale})
    existing, stored_actors = load.read_existing(con, article_ids, stories=False)
    rows: dict[str, list[dict]] = {t: [] for t in load.TABLE_KEYS if t != "files"}
    pending = [load_actors.PendingVersion(s.version_id, s.article_id, s.published_at, s.seen_at, ann)
               for s, ann in zip(stale, annotations)]
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    load_actors.resolved_rows(rows, pending, stored_actors, now)
    versions.refresh_version_spans(rows, existing, article_ids, {s.version_id: s.version_no for s in stale},
                                   replaced=frozenset(s.version_id for s in stale))
    return rows


def write(con, version_ids: list[str], rows: dict[str, list[dict]]) -> int:
    """Replace the versions' annotation rows in one transaction (rolled back on error); the
    actor pair counts of the articles they touch are counted again in it (pipeline.actor_pairs)."""
    articles, versions_touched, merges, unmerges = load.touched_by(rows)
    con.execute("BEGIN TRANSACTION")
    try:
        with actor_pairs.recounted(con, articles, [*version_ids, *versions_touched], merges, unmerges):
            written = _replace_rows(con, version_ids, rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return written


def _replace_rows(con, version_ids: list[str], rows: dict[str, list[dict]]) -> int:
    """Inside write's transaction: the versions' old annotation rows out, the new ones in."""
    written = 0
    con.register("reannotated", pl.DataFrame({"version_id": version_ids}, schema={"version_id": pl.String}))
    for table in PER_VERSION_TABLES:
        con.execute(f"DELETE FROM {table} WHERE version_id IN (SELECT version_id FROM reannotated)")
    links = rows.get("actor_links", [])
    con.register("found_links", pl.DataFrame({"version_id": [r["version_id"] for r in links],
                                              "entity_key": [r["entity_key"] for r in links]},
                                             schema={"version_id": pl.String, "entity_key": pl.String}))
    con.execute("DELETE FROM actor_links WHERE version_id IN (SELECT version_id FROM reannotated) AND "
                "(version_id, entity_key) NOT IN (SELECT (version_id, entity_key) FROM found_links)")
    con.unregister("found_links")
    con.execute(f"DELETE FROM {actor_keys.TABLE} WHERE version_id IN (SELECT version_id FROM reannotated)")
    for table in WRITTEN_TABLES:
        written += load.upsert(con, table, rows.get(table, []))
    written += load_actors.apply_actor_moves(con, rows)
    actor_keys.store_missing_keys(con)  # the keys of the versions' links as found now
    con.execute("DELETE FROM events WHERE event_id NOT IN (SELECT event_id FROM event_mentions)")
    con.execute("UPDATE versions SET extractor_version = ? "
                "WHERE version_id IN (SELECT version_id FROM reannotated)", [EXTRACTOR_VERSION])
    con.unregister("reannotated")
    return written


def reannotate_stale(connect: Callable[[], ContextManager], batch_size: int = BATCH_SIZE, limit: int = 0,
                     log: Callable[[str], None] = print) -> ReannotationResult:
    """Re-annotate every stale version (or the first `limit`), `batch_size` at a time.
    `connect()` opens the warehouse (the Dagster resource's get_connection)."""
    with connect() as con:
        batches = stale_batches(con, limit, batch_size)
    total, result = sum(map(len, batches)), ReannotationResult()
    for chunk in batches:
        with connect() as con:
            stale = read_stale(con, chunk)
        annotations = annotate(stale)  # no connection open while the workers parse
        with connect() as con:
            result.rows += write(con, chunk, build_rows(con, stale, annotations))
        result.versions += len(chunk)
        result.batches += 1
        log(f"re-annotated {result.versions}/{total} stale versions (extractor {EXTRACTOR_VERSION})")
    return result
