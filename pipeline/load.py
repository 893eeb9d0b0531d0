"""Load stage: turn cleaned articles and annotations into table rows and upsert them
into DuckDB in one transaction per batch (frames registered, INSERT OR REPLACE — never
row by row). A failure rolls the whole batch back: the warehouse stays as it was."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

import polars as pl

from pipeline import catalog, versions
from pipeline.actors import ActorIndex
from pipeline.ids import content_hash, stable_id
from pipeline.records import EXTRACTOR_VERSION, CleanArticle, InboxFile, VersionAnnotations

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "sql" / "schema.sql"

# The columns of an `events` row: taken from the mention that first reported the event.
EVENT_COLUMNS = ("event_id", "article_id", "version_id", "event_type", "mode", "status", "actor1_id", "actor2_id",
                 "actor1_text", "actor2_text", "place", "event_date", "date_granularity", "date_text", "sentence",
                 "start_char", "end_char", "trigger", "cameo_code", "extractor_version")

# Tables in the order they are written, with their primary keys (sql/schema.yml).
TABLE_KEYS: dict[str, tuple[str, ...]] = catalog.table_keys()
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|ref|ref_src|smid|smtyp|cmpid|partner|_ga|mc_\w+)$", re.I)


def ensure_schema(con) -> None:
    con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))


def canonical_url(url: str | None) -> str | None:
    """Lower-case host without www., no scheme difference, no tracking parameters,
    no fragment, no trailing slash."""
    if not url:
        return None
    p = urlparse(url.strip())
    if not p.netloc:
        return None
    host = re.sub(r"^(www|m|amp)\.", "", p.netloc.lower())
    query = urlencode([(k, v) for k, v in parse_qsl(p.query) if not TRACKING_PARAMS.match(k)])
    path = re.sub(r"/+$", "", p.path) or "/"
    return urlunparse(("https", host, path, "", query, ""))


def article_id_for(article: CleanArticle) -> str:
    """Canonical URL when known, else source + normalized title, else the input file."""
    curl = canonical_url(article.url)
    if curl:
        return stable_id("article", curl)
    if article.source and article.title:
        norm = re.sub(r"\W+", " ", article.title.lower()).strip()
        return stable_id("article", article.source.lower(), norm)
    return stable_id("article", article.source_file, article.record_no)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def _ts(iso: str | None) -> datetime | None:
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone(timezone.utc).replace(tzinfo=None)


def _date(iso: str | None):
    if not iso:
        return None
    try:
        return datetime.fromisoformat(str(iso)[:10]).date()
    except ValueError:
        return None


def file_rows(files: list[InboxFile], quarantine: dict[str, str], batch_key: str, notes: dict[str, str] | None = None) -> list[dict]:
    now = _now()
    notes = notes or {}
    return [
        {
            "file_id": f.file_id,
            "path": f.name,
            "sha256": f.sha256,
            "format": f.format,
            "size_bytes": f.size,
            "status": "quarantined" if f.file_id in quarantine else "loaded",
            "reason": quarantine.get(f.file_id) or notes.get(f.file_id),
            "batch_key": batch_key,
            "ingested_at": now,
        }
        for f in files
    ]


def build_rows(
    articles: list[CleanArticle],
    annotations: list[VersionAnnotations],
    existing_versions: dict[str, list[tuple[str, int]]],
    actor_index: ActorIndex,
) -> dict[str, list[dict]]:
    """All rows for a batch. `existing_versions` maps article_id to its stored
    (content_hash, version_no) pairs, so a changed body becomes version n+1 and an
    unchanged one adds nothing."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLE_KEYS if t != "files"}
    ann_by_key = {(a.article_index, a.version_no): a for a in annotations}
    now = _now()
    seen_versions: dict[str, list[tuple[str, int]]] = {k: list(v) for k, v in existing_versions.items()}
    batch_fingerprints = versions.BatchFingerprints()  # identity by near-duplicate text within the batch
    new_actor_ids: set[str] = set()

    for i, art in enumerate(articles):
        article_id = versions.resolve_article_id(  # near-duplicate match for a new URL-less article
            article_id_for(art), not canonical_url(art.url), art.source,
            art.versions[-1].text if art.versions else "", existing_versions, batch_fingerprints)
        seen_at = _ts(art.seen_at) or now
        rows["articles"].append(
            {
                "article_id": article_id,
                "source": art.source,
                "url": art.url,
                "canonical_url": canonical_url(art.url),
                "title": art.versions[-1].title or art.title if art.versions else art.title,
                "byline": art.byline,
                "authors": art.authors,
                "dateline": art.dateline,
                "wire_agency": art.wire_agency,
                "published_at": _date(art.published_at),
                "published_from": art.published_from,
                "first_seen_at": seen_at,
                "story_id": None,
            }
        )
        known = seen_versions.setdefault(article_id, versions.stored_versions(existing_versions, article_id))
        for v in art.versions:
            chash = versions.version_hash(v.title, v.text)  # retitled: new version; re-spaced: not
            version_id = stable_id("version", article_id, chash)
            match = next((no for h, no in known if h == chash), None)
            if match is None:
                version_no = max((no for _, no in known), default=0) + 1
                known.append((chash, version_no))
            else:
                continue  # identical content (after normalization) adds nothing
            rows["versions"].append(
                {
                    "version_id": version_id,
                    "article_id": article_id,
                    "version_no": version_no,
                    "title": v.title,
                    "text": v.text,
                    "content_hash": chash,
                    "seen_at": seen_at,
                    "source_file": art.source_file,
                    "removed_text": v.removed_text,
                    "relative_timing": v.relative_timing,
                    "extractor_version": EXTRACTOR_VERSION,
                }
            )
            ann = ann_by_key.get((i, v.version_no))
            if ann is not None:
                annotation_rows(rows, ann, version_id, article_id, art.published_at, seen_at, actor_index, new_actor_ids)
    rows["actor_merges"] = [{**m, "merged_at": now} for m in actor_index.new_merges]
    actor_index.new_merges = []
    rows = versions.track_versions(rows, existing_versions)  # diffs, version spans, stories
    return merge_events(rows, existing_versions)


def annotation_rows(rows: dict[str, list[dict]], ann: VersionAnnotations, version_id: str, article_id: str,
                    published_at: str | None, seen_at: datetime, actor_index: ActorIndex,
                    new_actor_ids: set[str], previous_links: dict[str, str] | None = None) -> None:
    """Append one version's annotation rows (actor links, actors, aliases, roles, mentions,
    quotes, event mentions and events) to `rows`: used by the load and by re-annotation
    (which passes the version's `previous_links`, entity key → actor id)."""
    actor_of: dict[str, str] = {}
    links = actor_index.resolve_version(ann.entities, previous_links)
    for ent, link in zip(ann.entities, links):
        actor_id, is_new = link.actor_id, link.is_new
        actor_of[ent.key] = actor_id
        rows["actor_links"].append(
            {"version_id": version_id, "entity_key": ent.key, "actor_id": actor_id,
             "local_name": ent.canonical_name, "method": link.method,
             "confidence": link.confidence, "evidence": link.evidence}
        )
        if is_new and actor_id not in new_actor_ids:
            new_actor_ids.add(actor_id)
            rows["actors"].append(
                {
                    "actor_id": actor_id,
                    "canonical_name": ent.canonical_name,
                    "actor_type": ent.actor_type,
                    "first_seen_at": seen_at,
                }
            )
        for alias in sorted(ent.aliases | {ent.canonical_name}):
            rows["actor_aliases"].append({"actor_id": actor_id, "alias": alias})
        pub = _date(published_at) or seen_at.date()
        for role, affiliation in ent.roles:
            rows["actor_roles"].append(
                {"actor_id": actor_id, "role": role, "affiliation": affiliation,
                 "first_seen": pub, "last_seen": pub, "version_id": version_id}
            )
    for m in ann.mentions:
        rows["mentions"].append(
            {
                "mention_id": stable_id("mention", version_id, m.start, m.end),
                "version_id": version_id,
                "actor_id": actor_of[m.entity_key],
                "start_char": m.start,
                "end_char": m.end,
                "text": m.text,
                "label": m.label,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    for q in ann.quotes:
        rows["quotes"].append(
            {
                "quote_id": stable_id("quote", version_id, q.start, q.end),
                "version_id": version_id,
                "article_id": article_id,
                "text": q.text,
                "start_char": q.start,
                "end_char": q.end,
                "kind": q.kind,
                "speaker_actor_id": actor_of.get(q.speaker_entity_key) if q.speaker_entity_key else None,
                "speaker_text": q.speaker_text,
                "cue": q.cue,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
                "is_anonymous": q.is_anonymous,
                "cue_type": q.cue_type,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    for e in ann.events:
        a1 = actor_of.get(e.actor1_key) if e.actor1_key else None
        a2 = actor_of.get(e.actor2_key) if e.actor2_key else None
        event_id = event_identity(article_id, e, a1, a2)
        rows["event_mentions"].append(
            {
                "event_mention_id": stable_id("event_mention", version_id, e.start_char,
                                              e.trigger_start if e.trigger_start is not None else e.trigger,
                                              e.event_type, e.actor1_text, e.actor2_text),
                "event_id": event_id,
                "article_id": article_id,
                "version_id": version_id,
                "event_type": e.event_type,
                "mode": e.mode,
                "status": e.status,
                "actor1_id": a1,
                "actor2_id": a2,
                "actor1_text": e.actor1_text,
                "actor2_text": e.actor2_text,
                "place": e.place,
                "event_date": _date(e.event_date),
                "date_granularity": e.date_granularity,
                "date_text": e.date_text,
                "sentence": e.sentence,
                "start_char": e.start_char,
                "end_char": e.end_char,
                "trigger": e.trigger,
                "trigger_start": e.trigger_start,
                "trigger_end": e.trigger_end,
                "cameo_code": e.cameo_code,
                "published_at": _date(published_at),
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
        # the first mention is the event's provenance (see merge_events)
        rows["events"].append({k: rows["event_mentions"][-1][k] for k in EVENT_COLUMNS})


# ------------------------------------------------------------------ cross-document event identity


def event_identity(article_id: str, e, actor1_id: str | None, actor2_id: str | None) -> str:
    """The real-world event a mention reports (GDELT's Events/Mentions split): a dated
    event is its PLOVER type, its actors (sorted when the type is symmetric: a meeting of
    A and B is the meeting of B and A; a target without an entity counts by its text) and
    its date with granularity, whichever article reports it. An undated event cannot be
    told apart from another one of the same actors, so it stays inside its article
    (type, mode and actors there)."""
    from pipeline.nlp.events import is_symmetric

    def norm(text: str | None) -> str:
        return re.sub(r"\W+", " ", (text or "").lower()).strip()

    a1 = actor1_id or "text:" + norm(e.actor1_text)
    a2 = actor2_id or ("text:" + norm(e.actor2_text) if e.actor2_text else "")
    actors = sorted([a1, a2]) if is_symmetric(e.event_type, e.mode) and a2 else [a1, a2]
    if e.event_date and actor1_id:
        return stable_id("event", e.event_type, *actors, e.event_date, e.date_granularity)
    return stable_id("event", article_id, e.event_type, e.mode, *actors)


def merge_events(rows: dict[str, list[dict]], existing) -> dict[str, list[dict]]:
    """One `events` row per event id: the first mention (batch order) is its provenance.
    An event already stored for another article keeps its row (the new report is only an
    event_mention); a new version of the same article may update its version span."""
    event_rows = rows.get("events", [])
    con = getattr(existing, "con", None)
    ids = sorted({r["event_id"] for r in event_rows})
    stored: dict[str, str] = {}
    if con is not None and ids:
        stored = dict(con.execute("SELECT event_id, article_id FROM events WHERE event_id IN (SELECT unnest(?))",
                                  [ids]).fetchall())
    rows["events"] = [r for r in event_rows if stored.get(r["event_id"], r["article_id"]) == r["article_id"]]
    return rows


def read_existing(con, article_ids: list[str]) -> tuple[dict[str, list[tuple[str, int]]], ActorIndex]:
    """Stored versions of these articles and the whole actor index."""
    existing: dict[str, list[tuple[str, int]]] = {}
    if article_ids:
        frame = pl.DataFrame({"article_id": article_ids})
        con.register("batch_article_ids", frame)
        for aid, h, no in con.sql(
            "SELECT v.article_id, v.content_hash, v.version_no FROM versions v "
            "JOIN batch_article_ids b USING (article_id) ORDER BY v.version_no"
        ).fetchall():
            existing.setdefault(aid, []).append((h, no))
        con.unregister("batch_article_ids")
    actors = [dict(zip(("actor_id", "canonical_name", "actor_type"), r))
              for r in con.sql("SELECT actor_id, canonical_name, actor_type FROM actors ORDER BY actor_id").fetchall()]
    aliases = [dict(zip(("actor_id", "alias"), r))
               for r in con.sql("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias").fetchall()]
    roles = [dict(zip(("actor_id", "role", "affiliation"), r)) for r in con.sql(
        "SELECT DISTINCT actor_id, role, affiliation FROM actor_roles ORDER BY ALL").fetchall()]
    merges = [dict(zip(("from_actor_id", "to_actor_id"), r)) for r in con.sql(
        "SELECT from_actor_id, to_actor_id FROM actor_merges ORDER BY ALL").fetchall()]
    index = ActorIndex.from_rows(actors, aliases, roles, merges)

    cache: dict[str, set[str]] = {}

    def stored_neighbors(actor_id: str) -> set[str]:
        """Actors mentioned in the same versions as this one (evidence for name variants)."""
        if actor_id not in cache:
            cache[actor_id] = {r[0] for r in con.execute(
            "SELECT DISTINCT m2.actor_id FROM mentions m1 JOIN mentions m2 USING (version_id) "
                "WHERE m1.actor_id = ? AND m2.actor_id <> m1.actor_id", [actor_id]).fetchall()}
        return cache[actor_id]

    index.stored_neighbors = stored_neighbors
    return versions.StoredState(existing, con, looked_up=article_ids), index


def _frame(table: str, rows: list[dict], con) -> pl.DataFrame:
    cols = [r[0] for r in con.sql(f"DESCRIBE {table}").fetchall()]
    keys = TABLE_KEYS[table]
    seen, unique = set(), []
    for r in rows:  # first occurrence wins: a batch must not hold duplicate keys
        k = tuple(r[c] for c in keys)
        if k not in seen:
            seen.add(k)
            unique.append(r)
    return pl.DataFrame([{c: r.get(c) for c in cols} for r in unique], infer_schema_length=None) if unique else pl.DataFrame()


# Columns an upsert must not overwrite on an existing row (first sighting stays first).
KEEP_ON_UPDATE = {"articles": ("first_seen_at",), "actors": ("first_seen_at",), "actor_roles": ("first_seen",),
                  # how an entity was first linked, and when a merge was decided, are history
                  "actor_links": ("actor_id", "local_name", "method", "confidence", "evidence"),
                  "actor_merges": ("reason", "merged_at"),
                  # an event keeps its first report as provenance; later reports are event_mentions
                  "events": ("article_id", "version_id", "sentence", "start_char", "end_char", "trigger",
                             "actor1_text", "actor2_text", "mode", "status", "place", "date_text")}
# an article keeps the story it was first grouped into (with the evidence of that match)
KEEP_ON_UPDATE["story_members"] = ("story_id", "matched_article_id", "jaccard", "containment")


def upsert(con, table: str, rows: list[dict]) -> int:
    """Upsert a batch of rows (deduplicated on the key) through a registered frame."""
    frame = _frame(table, rows, con)
    if frame.is_empty():
        return 0
    name = f"batch_{table}"
    con.register(name, frame)
    keys = TABLE_KEYS[table]
    cols = ", ".join(frame.columns)
    updates = [c for c in frame.columns if c not in keys and c not in KEEP_ON_UPDATE.get(table, ())]
    action = ("DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates)) if updates else "DO NOTHING"
    con.execute(
        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name} "
        f"ON CONFLICT ({', '.join(keys)}) {action}"
    )
    con.unregister(name)
    return frame.height


def write_batch(con, files: list[dict], rows: dict[str, list[dict]]) -> dict[str, int]:
    """Everything of one batch in one transaction; rolled back on any error."""
    counts = {}
    con.execute("BEGIN TRANSACTION")
    try:
        counts["files"] = upsert(con, "files", files)
        for table in TABLE_KEYS:
            if table != "files":
                counts[table] = upsert(con, table, rows.get(table, []))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


def table_counts(con) -> dict[str, int]:
    return {t: con.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLE_KEYS}
