"""Actor rows of a load (and of a re-annotation): the new versions' entities resolved with
every stored one (pipeline.actor_resolution), then their actor, alias, role and link rows,
the repoints of stored rows whose actor changed, the merges this decides and the stale
merges to undo; `apply_actor_moves` applies repoints and unmerges inside the caller's
transaction."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import polars as pl

from pipeline import actor_keys, actor_resolution
from pipeline.actor_resolution import KEPT, PartialRead, Resolution, StoredLink, resolve_corpus, stored_entity
from pipeline.check_sql import BatchScope
from pipeline.load_rows import annotation_rows, as_date
from pipeline.records import LocalEntity, VersionAnnotations


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
    resolution = resolve_corpus({p.version_id: p.ann.entities for p in pending}, stored_actors.links,
                                partial=stored_actors.partial)
    new_actor_ids: set[str] = set()
    for item in pending:
        actor_of = _actor_rows(rows, item, resolution, new_actor_ids)
        annotation_rows(rows, item, actor_of)
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
    partial: PartialRead | None = None  # `links` holds only the links a batch can reach (read_reachable_actors)


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
        if link.method != KEPT:  # a kept link's actor row is stored as it stands
            _actor_row(rows, actor_id, resolution, item.seen_at, new_actor_ids)
        for alias in sorted(ent.aliases | {ent.canonical_name}):
            rows["actor_aliases"].append({"actor_id": actor_id, "alias": alias})
        pub = as_date(item.published_at) or item.seen_at.date()
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


def read_stored_actors(con) -> StoredActors:
    """The entity behind every stored actor link (links written before these columns
    existed fall back to their local name and the actor's type)."""
    stored = StoredActors()
    for version_id, key, name, etype, aliases, roles, gender, actor_id, atype in con.execute(
            "SELECT l.version_id, l.entity_key, l.local_name, l.entity_type, l.aliases, l.roles, l.gender, "
            "l.actor_id, a.actor_type FROM actor_links l LEFT JOIN actors a USING (actor_id) "
            "ORDER BY l.version_id, l.entity_key").fetchall():
        stored.links.append(StoredLink(version_id, stored_entity(key, name, etype, aliases, roles, gender, atype),
                                       actor_id))
        stored.actor_ids.add(actor_id)
    stored.merged_from = _merged_from(con)
    return stored


def _merged_from(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT DISTINCT from_actor_id FROM actor_merges").fetchall()}


def read_reachable_actors(con, entities: list[LocalEntity]) -> StoredActors:
    """For a load of new versions with these entities: only the stored links they can reach
    through the key index (pipeline.actor_keys), which resolve the new versions as every
    stored link would. Every link when the index is incomplete (a warehouse built before it:
    the load's transaction completes it) or every load resolves everything again."""
    if actor_resolution.FULL_RESOLUTION or not actor_keys.complete(con):
        return read_stored_actors(con)
    if not actor_keys.holds_keys(con):  # a complete index without keys: no stored link, none to reach
        return StoredActors([], set(), _merged_from(con), PartialRead({}, {}))
    read = actor_keys.read_reachable(con, entities)
    return StoredActors(read.links, {s.actor_id for s in read.links}, _merged_from(con), read.partial)


# Columns that point at an actor, per table: repointed when an actor is merged into another.
# (mentions written before they kept their entity_key are repointed by version and actor)
ACTOR_COLUMNS = {"mentions": ("actor_id",), "quotes": ("speaker_actor_id",),
                 "events": ("actor1_id", "actor2_id"), "event_mentions": ("actor1_id", "actor2_id")}


def apply_actor_moves(con, rows: dict[str, list], scope: BatchScope | None = None) -> int:
    """Inside the caller's transaction: repoint stored rows whose entity now resolves to
    another actor, and drop a stored merge whose source actor has entities again."""
    if rows.get("actor_unmerges"):
        con.execute("DELETE FROM actor_merges WHERE from_actor_id IN (SELECT unnest(?))", [rows["actor_unmerges"]])
    return repoint_actors(con, rows.get("actor_repoints", []), scope)


def repoint_actors(con, repoints: list[dict], scope: BatchScope | None = None) -> int:
    """Stored rows of a version that pointed at an actor now resolved to another actor
    point at the new one (inside write_batch's transaction, so never half done); the rows
    of those versions join the batch's `scope`, so its checks read them."""
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
    for table in (*ACTOR_COLUMNS, "actor_links", "actor_roles") if scope is not None else ():
        scope.add_version_rows(con, table, "batch_repoints")
    con.unregister("batch_repoints")
    return len(repoints)
