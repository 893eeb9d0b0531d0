"""Load stage: turn cleaned articles and annotations into table rows and upsert them
into DuckDB in one transaction per batch (frames registered, INSERT ... ON CONFLICT, or
MERGE on the key for the tables without a PRIMARY KEY — never row by row). A failure rolls
the whole batch back: the warehouse stays as it was."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

import polars as pl

from pipeline import actor_keys, actor_pairs, catalog, faults, schema_keys, sentence_spans, versions
from pipeline.actor_kb import remember_kb
from pipeline.check_sql import BatchScope
from pipeline.ids import stable_id
from pipeline.load_actors import (PendingVersion, StoredActors, apply_actor_moves, read_reachable_actors,
                                  read_stored_actors, resolved_rows)
from pipeline.load_rows import as_date, now_utc, timestamp
from pipeline.records import EXTRACTOR_VERSION, CleanArticle, InboxFile, RecordError, VersionAnnotations

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "sql" / "schema.sql"

# Tables in the order they are written, with their primary keys (sql/schema.yml).
TABLE_KEYS: dict[str, tuple[str, ...]] = catalog.table_keys()
# Tables whose key is no PRIMARY KEY in DuckDB (pipeline/schema_keys.py): upserted by MERGE on it.
MERGED_ON_KEY = catalog.undeclared_keys()
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|ref|ref_src|smid|smtyp|cmpid|partner|_ga|mc_\w+)$", re.I)


def ensure_schema(con) -> None:
    """sql/schema.sql applied (idempotent); a warehouse whose per-version tables still carry
    their PRIMARY KEY is rebuilt without it once (pipeline.schema_keys)."""
    schema = SCHEMA_PATH.read_text(encoding="utf-8")
    con.execute(schema)
    schema_keys.drop_declared_keys(con, schema)


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


def _file_status(f: InboxFile, quarantine: dict[str, str], notes: dict[str, str],
                 record_errors: dict[str, list[RecordError]], loaded_file_ids: set[str] | None) -> tuple[str, str | None]:
    """(status, reason) of one file of the batch."""
    errors = record_errors.get(f.file_id, [])
    if f.duplicate_of:
        return "duplicate", f"same content as {f.duplicate_of}"
    if f.file_id in quarantine:
        return "quarantined", quarantine[f.file_id]
    if errors and loaded_file_ids is not None and f.file_id not in loaded_file_ids:
        return "quarantined", f"no record loaded ({len(errors)} quarantined): " + "; ".join(e.reason for e in errors[:5])
    if errors:
        return "loaded", f"{len(errors)} record(s) quarantined (see quarantined_records): " + \
            "; ".join(e.reason for e in errors[:3])
    return "loaded", notes.get(f.file_id)


def file_rows(files: list[InboxFile], quarantine: dict[str, str], batch_key: str, notes: dict[str, str] | None = None,
              decoding: dict[str, tuple[str | None, bool]] | None = None,
              record_errors: dict[str, list[RecordError]] | None = None,
              loaded_file_ids: set[str] | None = None) -> list[dict]:
    """One `files` row per input file of the batch: status, reason, how it was decoded."""
    now = now_utc()
    notes, decoding, record_errors = notes or {}, decoding or {}, record_errors or {}
    rows = []
    for f in files:
        status, reason = _file_status(f, quarantine, notes, record_errors, loaded_file_ids)
        encoding, lossy = decoding.get(f.file_id, (None, None))
        rows.append({"file_id": f.file_id, "path": f.name, "sha256": f.sha256, "format": f.format,
                     "size_bytes": f.size, "status": status, "reason": reason, "batch_key": batch_key,
                     "ingested_at": now, "encoding": encoding, "lossy": lossy, "duplicate_of": f.duplicate_of})
    return rows


def quarantined_record_rows(files: list[InboxFile], record_errors: dict[str, list[RecordError]],
                            batch_key: str) -> list[dict]:
    paths = {f.file_id: f.name for f in files}
    return [{"file_id": file_id, "record_no": e.record_no, "path": paths[file_id], "reason": e.reason,
             "batch_key": batch_key}
            for file_id, errors in record_errors.items() if file_id in paths for e in errors]


def mark_deleted(con, present: set[str], only: list[str] | None = None) -> int:
    """Mark `files` rows of paths gone from the inbox as `deleted` (rows and what they
    loaded stay; `purge_deleted` removes them). A full scan checks every known path; a
    sensor batch (`only`) the names it lists."""
    candidates = set(only) if only else {r[0] for r in con.execute(
        "SELECT DISTINCT path FROM files WHERE status <> 'deleted'").fetchall()}
    missing = sorted(candidates - present)
    if not missing:
        return 0
    con.execute("""UPDATE files SET reason = 'removed from the inbox (was ' || status || coalesce(': ' || reason, '')
                                          || ')', status = 'deleted'
                   WHERE status <> 'deleted' AND list_contains(?, path)""", [missing])
    return len(missing)


def loaded_paths_by_sha(con) -> dict[str, str]:
    """{sha256: inbox path} of the files whose content is loaded (first path by name)."""
    return dict(con.execute("SELECT sha256, min(path) FROM files WHERE status = 'loaded' GROUP BY sha256").fetchall())


def build_rows(
    articles: list[CleanArticle],
    annotations: list[VersionAnnotations],
    existing_versions: dict[str, list[tuple[str, int]]],
    stored_actors: StoredActors,
) -> dict[str, list[dict]]:
    """All rows for a batch. `existing_versions` maps article_id to its stored
    (content_hash, version_no) pairs, so a changed body becomes version n+1 and an
    unchanged one adds nothing. `stored_actors` holds the entities of every stored version:
    actors are resolved over all of them with the batch's (pipeline.actor_resolution), and
    stored rows whose actor changed are repointed (`actor_repoints`, applied by write_batch)."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLE_KEYS if t != "files"}
    ann_by_key = {(a.article_index, a.version_no): a for a in annotations}
    now = now_utc()
    seen_versions: dict[str, list[tuple[str, int]]] = {k: list(v) for k, v in existing_versions.items()}
    batch_fingerprints = versions.BatchFingerprints()  # identity by near-duplicate text within the batch
    pending: list[PendingVersion] = []

    for i, art in enumerate(articles):
        article_id = versions.resolve_article_id(  # near-duplicate match for a new URL-less article
            article_id_for(art), not canonical_url(art.url), art.source,
            art.versions[-1].text if art.versions else "", existing_versions, batch_fingerprints)
        seen_at = timestamp(art.seen_at) or now
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
                "published_at": as_date(art.published_at),
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


def read_existing(con, article_ids: list[str], probe_texts: list[str] = (),
                  story_texts: list[str] | None = None, stories: bool = True, entities: list | None = None
                  ) -> tuple[versions.StoredState, StoredActors]:
    """Everything build_rows needs from the warehouse, read now (build_rows never queries):
    the stored state of these articles and of stored near-duplicates of `probe_texts`, the
    story fingerprints near `story_texts` (versions.StoredState.read), and the entities
    behind all stored actors (re-annotation reads no story fingerprint: `stories` False) —
    with the batch's `entities` (new versions only), just those these can reach."""
    stored_actors = read_stored_actors(con) if entities is None else read_reachable_actors(con, entities)
    return versions.StoredState.read(con, article_ids, probe_texts, story_texts, stories), stored_actors


def read_for_batch(con, articles: list[CleanArticle], annotations: list[VersionAnnotations] | None = None
                   ) -> tuple[versions.StoredState, StoredActors]:
    """read_existing for a batch of cleaned articles: their IDs, the latest text of each
    URL-less one (it may be a stored article under another ID: near-duplicate identity), and
    every version text (stories are looked up near them); with their `annotations`, only the
    stored actor links their entities can reach (a load adds new versions only)."""
    ids = sorted({article_id_for(a) for a in articles})
    probes = [a.versions[-1].text for a in articles if a.versions and not canonical_url(a.url)]
    entities = None if annotations is None else [e for ann in annotations for e in ann.entities]
    return read_existing(con, ids, probes, [v.text for a in articles for v in a.versions], entities=entities)


def remember_fingerprints(articles: list[CleanArticle], annotations: list[VersionAnnotations]) -> None:
    """The version texts' fingerprints the NLP workers computed, handed to versions.sketches
    (read_for_batch and build_rows then hash no shingle of these texts again), and their
    content hashes and quote words, handed to versions.text (not normalized again)."""
    for ann in annotations:
        version = next((v for v in articles[ann.article_index].versions if v.version_no == ann.version_no), None)
        if version is not None:
            versions.sketches.remember(version.text, ann.fingerprint)
            versions.text.remember(version.title, version.text, ann.content_hash, [q.text or "" for q in ann.quotes],
                                   ann.quote_words)


def remember_kb_entries(annotations: list[VersionAnnotations]) -> None:
    """The knowledge-base actor of each entity, as the NLP workers found it, handed to
    actor_kb.entity_kb (actor resolution then neither reads the knowledge base nor looks up
    these entities' names)."""
    for ann in annotations:
        for entity, kb in zip(ann.entities, ann.kb_entries or ()):
            remember_kb(entity, kb)


def _first_of_each_key(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    """The rows in order, the first of each key only: a batch must not hold duplicate keys."""
    key_of, first = itemgetter(*keys), {}
    for r in rows:
        first.setdefault(key_of(r), r)
    return list(first.values())


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]


def _frame(table: str, rows: list[dict], cols: list[str]) -> pl.DataFrame:
    unique = _first_of_each_key(rows, TABLE_KEYS[table])
    if not unique:
        return pl.DataFrame()
    try:  # column by column: half the CPU of inferring a schema over every row's dict
        return pl.DataFrame({c: [r.get(c) for r in unique] for c in cols})
    except (TypeError, pl.exceptions.PolarsError):  # mixed Python types in a column: let polars find the supertype
        return pl.DataFrame([{c: r.get(c) for c in cols} for r in unique], infer_schema_length=None)


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


def _holds_rows(con, table: str) -> bool:
    """An empty table takes the batch's rows (one per key) with a plain INSERT: no row can
    conflict, and DuckDB's ON CONFLICT path costs about twice a plain insert."""
    return con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def upsert(con, table: str, rows: list[dict], scope: BatchScope | None = None,
           frame: pl.DataFrame | None = None) -> int:
    """Upsert a batch of rows (deduplicated on the key) through a registered frame; their
    keys join the batch's `scope` (what its checks read). `frame`: the rows' frame when
    it is built already (write_batch builds them ahead)."""
    if frame is None:
        frame = _frame(table, rows, _columns(con, table))
    if frame.is_empty():
        return 0
    name = f"batch_{table}"
    con.register(name, frame)
    keys = TABLE_KEYS[table]
    updates = [c for c in frame.columns if c not in keys and c not in KEEP_ON_UPDATE.get(table, ())]
    cols = ", ".join(frame.columns)
    if not _holds_rows(con, table):
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
    elif table in MERGED_ON_KEY:
        con.execute(_merge_sql(table, name, keys, frame.columns, updates))
    else:
        action = ("DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates)) if updates else "DO NOTHING"
        if updates and table in UPSERT_ONLY_IF:
            action += f" WHERE {UPSERT_ONLY_IF[table]}"
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name} ON CONFLICT ({', '.join(keys)}) {action}")
    if scope is not None:
        scope.add(con, table, name)
    con.unregister(name)
    return frame.height


def _merge_sql(table: str, source: str, keys: tuple[str, ...], columns: list[str], updates: list[str]) -> str:
    """The upsert of a table without a PRIMARY KEY (MERGED_ON_KEY): a stored row with the
    key of a batch row takes its `updates` columns, the other batch rows are inserted — the
    rows INSERT ... ON CONFLICT DO UPDATE gives."""
    same_key = " AND ".join(f"t.{k} = b.{k}" for k in keys)
    matched = (" WHEN MATCHED THEN UPDATE SET " + ", ".join(f"{c} = b.{c}" for c in updates)) if updates else ""
    return (f"MERGE INTO {table} t USING {source} b ON ({same_key}){matched} WHEN NOT MATCHED THEN INSERT "
            f"({', '.join(columns)}) VALUES ({', '.join('b.' + c for c in columns)})")


def write_batch(con, files: list[dict], rows: dict[str, list[dict]], verify=None) -> dict[str, int]:
    """Everything of one batch in one transaction; rolled back on any error. `verify(con,
    scope)` runs inside the transaction before the commit (the blocking checks, over the
    batch's rows in `scope`): when it raises, the batch is rolled back and the warehouse
    stays as it was."""
    counts, scope = {}, BatchScope()
    batch = {table: files if table == "files" else rows.get(table, []) for table in TABLE_KEYS}
    columns = {table: _columns(con, table) for table in batch}
    con.execute("BEGIN TRANSACTION")
    try:
        with actor_pairs.recounted(con, *touched_by(rows)) as recount:
            with _frames_ahead(batch, columns) as frames:
                for table, frame in frames:
                    counts[table] = upsert(con, table, batch[table], scope, frame)
            counts["actor_repoints"] = apply_actor_moves(con, rows, scope)
            counts[actor_keys.TABLE] = actor_keys.store_missing_keys(con)  # the new links' lookup keys
            counts[sentence_spans.TABLE] = sentence_spans.store_missing_spans(con, scope)  # the new versions
        counts[actor_pairs.TABLE] = recount.pairs
        faults.reached("load")
        if verify is not None:
            verify(con, scope)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    scope.drop(con)
    return counts


def touched_by(rows: dict[str, list]) -> tuple[list[str], list[str], list[tuple[str, str]], list[str]]:
    """What a batch's rows touch, for actor_pairs.recounted: the articles of its new versions,
    the versions of its mentions and repoints, its merges and unmerges."""
    return ([r["article_id"] for r in rows.get("versions", [])],
            [r["version_id"] for table in ("mentions", "actor_repoints") for r in rows.get(table, [])],
            [(r["from_actor_id"], r["to_actor_id"]) for r in rows.get("actor_merges", [])],
            list(rows.get("actor_unmerges", [])))


@contextmanager
def _frames_ahead(batch: dict[str, list[dict]], columns: dict[str, list[str]]):
    """The batch's (table, frame) pairs in order, the frames built by a thread while the
    caller inserts the ones before: turning row dicts into a frame is Python work, and DuckDB
    inserts a frame without Python's lock, so on two cores the two overlap (same frames, same
    order). A caller that stops (a failed insert) leaves no frame being built behind it."""
    pool = ThreadPoolExecutor(1, thread_name_prefix="load-frames")
    pending = [(table, pool.submit(_frame, table, rows, columns[table])) for table, rows in batch.items()]
    try:
        yield ((table, future.result()) for table, future in pending)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


table_counts = catalog.table_counts
