"""Load stage: turn cleaned articles and annotations into table rows and upsert them
into DuckDB in one transaction per batch (frames registered, INSERT OR REPLACE — never
row by row). A failure rolls the whole batch back: the warehouse stays as it was."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

import polars as pl

from pipeline import catalog, versions
from pipeline.actor_resolution import Resolution, StoredLink, resolve_corpus
from pipeline.ids import content_hash, stable_id
from pipeline.records import EXTRACTOR_VERSION, CleanArticle, InboxFile, LocalEntity, VersionAnnotations

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
    stored_actors: "StoredActors",
) -> dict[str, list[dict]]:
    """All rows for a batch. `existing_versions` maps article_id to its stored
    (content_hash, version_no) pairs, so a changed body becomes version n+1 and an
    unchanged one adds nothing. `stored_actors` holds the entities of every stored version:
    actors are resolved over all of them with the batch's (pipeline.actor_resolution), and
    stored rows whose actor changed are repointed (`actor_repoints`, applied by write_batch)."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLE_KEYS if t != "files"}
    ann_by_key = {(a.article_index, a.version_no): a for a in annotations}
    now = _now()
    seen_versions: dict[str, list[tuple[str, int]]] = {k: list(v) for k, v in existing_versions.items()}
    batch_fingerprints = versions.BatchFingerprints()  # identity by near-duplicate text within the batch
    pending: list[PendingVersion] = []

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
                pending.append(PendingVersion(version_id, article_id, art.published_at, seen_at, ann))
    resolved_rows(rows, pending, stored_actors, now)
    return versions.track_versions(rows, existing_versions)  # diffs, version spans, stories


@dataclass
class PendingVersion:
    """A version with (new) annotations, waiting for actor resolution."""

    version_id: str
    article_id: str
    published_at: str | None
    seen_at: datetime
    ann: VersionAnnotations


def resolved_rows(rows: dict[str, list[dict]], pending: list[PendingVersion], stored_actors: "StoredActors",
                  now: datetime) -> None:
    """Resolve the pending versions' entities together with every stored one (used by the
    load and by re-annotation), then append their annotation rows, the repoints of stored
    rows whose actor changed, the merges this decides and the stale merges to undo."""
    resolution = resolve_corpus({p.version_id: p.ann.entities for p in pending}, stored_actors.links)
    new_actor_ids: set[str] = set()
    for item in pending:
        actor_of = _actor_rows(rows, item, resolution, new_actor_ids)
        _annotation_rows(rows, item, actor_of)
    _repoint_rows(rows, resolution, stored_actors, now, new_actor_ids)
    rows["actor_merges"] = [{**m, "merged_at": now} for m in resolution.merges]
    # an actor merged away earlier that has entities again (the evidence for the merge is
    # gone with a better reading of all versions): its old merge no longer holds
    rows["actor_unmerges"] = sorted(stored_actors.merged_from & set(resolution.names))


@dataclass
class StoredActors:
    """What the load stage needs to know about stored actors, read before build_rows:
    the entity behind every stored actor link (pipeline.actor_resolution)."""

    links: list[StoredLink] = field(default_factory=list)
    actor_ids: set[str] = field(default_factory=set)
    merged_from: set[str] = field(default_factory=set)  # from_actor_id of every stored merge


def _actor_rows(rows: dict[str, list[dict]], item: PendingVersion, resolution: Resolution,
                new_actor_ids: set[str]) -> dict[str, str]:
    """actor_links, actors, actor_aliases and actor_roles rows of one new version."""
    actor_of: dict[str, str] = {}
    for ent in item.ann.entities:
        link = resolution.links[(item.version_id, ent.key)]
        actor_id = link.actor_id
        actor_of[ent.key] = actor_id
        rows["actor_links"].append(
            {"version_id": item.version_id, "entity_key": ent.key, "actor_id": actor_id,
             "local_name": ent.canonical_name, "method": link.method,
             "confidence": link.confidence, "evidence": link.evidence, **entity_columns(ent)}
        )
        _actor_row(rows, actor_id, resolution, item.seen_at, new_actor_ids)
        for alias in sorted(ent.aliases | {ent.canonical_name}):
            rows["actor_aliases"].append({"actor_id": actor_id, "alias": alias})
        pub = _date(item.published_at) or item.seen_at.date()
        for role, affiliation in ent.roles:
            rows["actor_roles"].append(
                {"actor_id": actor_id, "role": role, "affiliation": affiliation,
                 "first_seen": pub, "last_seen": pub, "version_id": item.version_id}
            )
    return actor_of


def _actor_row(rows, actor_id: str, resolution: Resolution, seen_at, new_actor_ids: set[str]) -> None:
    if actor_id in new_actor_ids:
        return
    new_actor_ids.add(actor_id)
    name, actor_type = resolution.names[actor_id]
    rows["actors"].append({"actor_id": actor_id, "canonical_name": name, "actor_type": actor_type,
                           "first_seen_at": seen_at})


def _repoint_rows(rows, resolution: Resolution, stored: StoredActors, now, new_actor_ids: set[str]) -> None:
    """Stored entities now resolved to another actor: the target actor row and aliases,
    and the repoints write_batch applies to every table pointing at the old ID."""
    entity_of = {(s.version_id, s.entity.key): s.entity for s in stored.links}
    rows["actor_repoints"] = []
    for r in resolution.repoints:
        _actor_row(rows, r.new, resolution, now, new_actor_ids)
        ent = entity_of[(r.version_id, r.entity_key)]
        for alias in sorted(ent.aliases | {ent.canonical_name}):
            rows["actor_aliases"].append({"actor_id": r.new, "alias": alias})
        rows["actor_repoints"].append({"version_id": r.version_id, "entity_key": r.entity_key,
                                       "old_actor_id": r.old, "new_actor_id": r.new})


def entity_columns(ent: LocalEntity) -> dict:
    """The columns of actor_links that keep the local entity for later re-resolution."""
    return {"entity_type": ent.actor_type, "aliases": sorted(ent.aliases | {ent.canonical_name}),
            "roles": json.dumps([list(r) for r in ent.roles]), "gender": ent.gender}


def _annotation_rows(rows: dict[str, list[dict]], item: PendingVersion, actor_of: dict[str, str]) -> None:
    """mentions, quotes, event_mentions and events rows of one new version."""
    version_id, article_id, published_at, ann = item.version_id, item.article_id, item.published_at, item.ann
    for m in ann.mentions:
        rows["mentions"].append(
            {
                "mention_id": stable_id("mention", version_id, m.start, m.end),
                "version_id": version_id,
                "actor_id": actor_of[m.entity_key],
                "entity_key": m.entity_key,
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
                "quote_id": stable_id("quote", version_id, q.start, q.end) if q.field == "body"
                else stable_id("quote", version_id, q.field, q.start, q.end),
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
                "field": q.field,
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
        # the first mention is the event's provenance (see UPSERT_ONLY_IF)
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


def read_existing(con, article_ids: list[str], probe_texts: list[str] = ()) -> tuple[versions.StoredState, "StoredActors"]:
    """Everything build_rows needs from the warehouse, read now (build_rows never queries):
    the stored state of these articles and of stored near-duplicates of `probe_texts`
    (versions.StoredState.read), and the entities behind all stored actors."""
    return versions.StoredState.read(con, article_ids, probe_texts), read_stored_actors(con)


def read_for_batch(con, articles: list[CleanArticle]) -> tuple[versions.StoredState, "StoredActors"]:
    """read_existing for a batch of cleaned articles: their IDs, and the latest text of each
    URL-less one (it may be a stored article under another ID: near-duplicate identity)."""
    ids = sorted({article_id_for(a) for a in articles})
    probes = [a.versions[-1].text for a in articles if a.versions and not canonical_url(a.url)]
    return read_existing(con, ids, probes)


def read_stored_actors(con) -> StoredActors:
    """The entity behind every stored actor link (links written before these columns
    existed fall back to their local name and the actor's type)."""
    stored = StoredActors()
    for version_id, key, name, etype, aliases, roles, gender, actor_id, atype in con.sql(
            "SELECT l.version_id, l.entity_key, l.local_name, l.entity_type, l.aliases, l.roles, l.gender, "
            "l.actor_id, a.actor_type FROM actor_links l LEFT JOIN actors a USING (actor_id) "
            "ORDER BY l.version_id, l.entity_key").fetchall():
        entity = LocalEntity(key=key, canonical_name=name, actor_type=etype or atype or "person",
                             aliases=set(aliases or [name]),
                             roles=[tuple(r) for r in json.loads(roles)] if roles else [], gender=gender)
        stored.links.append(StoredLink(version_id, entity, actor_id))
        stored.actor_ids.add(actor_id)
    stored.merged_from = {r[0] for r in con.sql("SELECT DISTINCT from_actor_id FROM actor_merges").fetchall()}
    return stored



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


# An upsert that only updates a stored row when this holds: an event stored for another
# article keeps its row (the new report is only an event_mention); a new version of the
# same article may update its version span. Decided here, in SQL, not inside build_rows.
UPSERT_ONLY_IF = {"events": "events.article_id = excluded.article_id"}


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
    if updates and table in UPSERT_ONLY_IF:
        action += f" WHERE {UPSERT_ONLY_IF[table]}"
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
        counts["actor_repoints"] = apply_actor_moves(con, rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


# Columns that point at an actor, per table: repointed when an actor is merged into another.
# (mentions written before they kept their entity_key are repointed by version and actor)
ACTOR_COLUMNS = {"mentions": ("actor_id",), "quotes": ("speaker_actor_id",),
                 "events": ("actor1_id", "actor2_id"), "event_mentions": ("actor1_id", "actor2_id")}


def apply_actor_moves(con, rows: dict[str, list]) -> int:
    """Inside the caller's transaction: repoint stored rows whose entity now resolves to
    another actor, and drop a stored merge whose source actor has entities again."""
    if rows.get("actor_unmerges"):
        con.execute("DELETE FROM actor_merges WHERE from_actor_id IN (SELECT unnest(?))", [rows["actor_unmerges"]])
    return repoint_actors(con, rows.get("actor_repoints", []))


def repoint_actors(con, repoints: list[dict]) -> int:
    """Stored rows of a version that pointed at an actor now resolved to another actor
    point at the new one (inside write_batch's transaction, so never half done)."""
    if not repoints:
        return 0
    con.register("batch_repoints", pl.DataFrame(repoints))
    con.execute("UPDATE mentions t SET actor_id = r.new_actor_id FROM batch_repoints r "
                "WHERE t.version_id = r.version_id AND t.entity_key = r.entity_key AND t.actor_id = r.old_actor_id")
    for table, columns in ACTOR_COLUMNS.items():
        keyless = " AND t.entity_key IS NULL" if table == "mentions" else ""
        for col in columns:
            con.execute(f"UPDATE {table} t SET {col} = r.new_actor_id FROM (SELECT DISTINCT version_id, "
                        f"old_actor_id, new_actor_id FROM batch_repoints) r "
                        f"WHERE t.version_id = r.version_id AND t.{col} = r.old_actor_id{keyless}")
    con.execute("UPDATE actor_links l SET actor_id = r.new_actor_id FROM batch_repoints r "
                "WHERE l.version_id = r.version_id AND l.entity_key = r.entity_key")
    con.execute("INSERT INTO actor_roles SELECT DISTINCT r.new_actor_id, t.role, t.affiliation, t.first_seen, "
                "t.last_seen, t.version_id FROM actor_roles t JOIN batch_repoints r "
                "ON t.version_id = r.version_id AND t.actor_id = r.old_actor_id ON CONFLICT DO NOTHING")
    con.execute("DELETE FROM actor_roles t USING batch_repoints r "
                "WHERE t.version_id = r.version_id AND t.actor_id = r.old_actor_id")
    con.unregister("batch_repoints")
    return len(repoints)


def table_counts(con) -> dict[str, int]:
    return {t: con.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLE_KEYS}
