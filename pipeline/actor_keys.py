"""The persisted key index of actor resolution (table actor_link_keys): per stored actor
link, the lookup keys its entity can meet others by (pipeline.actor_components), so a load
reads only the stored links its batch can reach instead of all of them.

A load resolves again only the components its new entities touch; to find them without
reading every stored link, the keys are looked up from the batch's entities until nothing
new is found (the closure), and the exact components are then computed over what was read.
The keys over-approximate what `actor_components.components` joins — the keys of every
type a link can take (its knowledge-base type, and person when another version may retype
it), an acronym with every organization of those initials, a short organization name with
every name it starts — so the closure holds every touched component whole; the exact
components and resolution then give what resolving with every stored link gives.

The table is written in the load's transaction (`store_missing_keys`: the batch's new
links; on a warehouse built before the table, all of them once), replaced for re-annotated
versions and purged with their versions. The keys are a function of the name rules: the
table's comment holds the fingerprint of the code and rule files they come from
(`keys_fingerprint`: pipeline.actor_key_rules computes them, this module only stores and
reads them, so editing a query here keeps the stored keys); a load that finds another
fingerprint rebuilds every link's keys in its transaction (and reads every link that once),
so an edited rule file never leaves stale keys."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import NamedTuple

import polars as pl

from pipeline import actor_components, actor_kb, actor_key_rules, names
from pipeline.actor_components import context_of_names
from pipeline.actor_key_rules import ALL_TYPES, HAS, LOOKS_UP, link_entity, link_keys, probes
from pipeline.actor_resolution import PartialRead, StoredLink, stored_entity
from pipeline.names import RULES

TABLE = "actor_link_keys"
KEYS_VERSION = "1"  # bump when the keys change in a way the fingerprinted files below do not show
# what a link's keys are computed from: the key rules (not this module's queries), the name and
# component code, the name rule files
KEY_SOURCES = (Path(actor_key_rules.__file__), Path(actor_kb.__file__), Path(actor_components.__file__),
               Path(names.__file__),
               *(RULES / name for name in ("org_variants.tsv", "demonyms.tsv", "titles.tsv", "phoenix_actors.tsv",
                                           "entity_types.tsv", "not_entities.tsv")))


@cache
def keys_fingerprint() -> str:
    """The version of the keys: a digest of KEYS_VERSION and of every file the keys depend on."""
    digest = hashlib.sha256(KEYS_VERSION.encode())
    for path in KEY_SOURCES:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return f"keys {digest.hexdigest()[:16]}"


def _stored_fingerprint(con) -> str | None:
    rows = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ? "
                       "AND database_name = current_database() AND schema_name = current_schema()",
                       [TABLE]).fetchall()
    return rows[0][0] if rows else None


def store_missing_keys(con) -> int:
    """Inside the caller's transaction: the keys of every stored link that has none yet (the
    batch's new links; all of them on a warehouse built before this table, or when the keys'
    fingerprint changed: the old keys are dropped first). Returns the key rows inserted."""
    if _stored_fingerprint(con) != keys_fingerprint():
        con.execute(f"DELETE FROM {TABLE}")
        con.execute(f"COMMENT ON TABLE {TABLE} IS '{keys_fingerprint()}'")
    missing = con.execute(
        f"SELECT l.version_id, l.entity_key, l.local_name, l.entity_type, l.aliases "
        f"FROM actor_links l ANTI JOIN (SELECT DISTINCT version_id, entity_key FROM {TABLE}) k "
        f"USING (version_id, entity_key)").fetchall()
    if not missing:
        return 0
    versions, link_entities, keys, roles = [], [], [], []
    same: dict[tuple, dict[str, int]] = {}  # links of one name, type and aliases: one entity's keys
    for version_id, key, name, etype, aliases in missing:
        found = same.get((name, etype, *(aliases or ())))
        if found is None:
            found = same[(name, etype, *(aliases or ()))] = link_keys(link_entity(key, name, etype, aliases),
                                                                      None if etype else ALL_TYPES)
        versions += [version_id] * len(found)
        link_entities += [key] * len(found)
        keys += found
        roles += found.values()
    con.register("new_keys", pl.DataFrame(
        {"version_id": versions, "entity_key": link_entities, "key": keys, "role": roles},
        schema={"version_id": pl.String, "entity_key": pl.String, "key": pl.String, "role": pl.Int8}))
    con.execute(f"INSERT INTO {TABLE} SELECT version_id, entity_key, key, role FROM new_keys")
    con.unregister("new_keys")
    return len(keys)


def holds_keys(con) -> bool:
    """Whether the index holds any key (complete and empty: the warehouse holds no actor link,
    so a first load skips the closure's probes and queries, ~0.3 s CPU per 300 files)."""
    return con.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE})").fetchall()[0][0]


def complete(con) -> bool:
    """Whether every stored link has its keys, of the current fingerprint (else the load reads
    every link, and builds the missing keys in its transaction)."""
    if _stored_fingerprint(con) != keys_fingerprint() and holds_keys(con):
        return False  # keys of other name rules
    return con.execute(f"SELECT NOT EXISTS (SELECT 1 FROM actor_links l ANTI JOIN {TABLE} k "
                       f"USING (version_id, entity_key))").fetchall()[0][0]


def reachable(con, entities: list[LocalEntity]) -> None:
    """Temp table reached_links: (version_id, entity_key) of every stored link the entities
    reach through shared keys, directly or through other stored links (the closure), in one
    recursive query over the keys numbered for this read (DuckDB's hash: never stored, so a
    new hash function never meets old numbers; a collision only makes a link more read)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE numbered_keys AS SELECT hash(version_id, entity_key) AS link, "
                f"hash(key) AS key_hash, role FROM {TABLE}")
    con.register("probed", pl.DataFrame({"key": sorted(probes(entities))}, schema={"key": pl.String}))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE reached_links AS {CLOSURE_SQL} "
                    f"SELECT DISTINCT version_id, entity_key FROM {TABLE} "
                    f"WHERE hash(version_id, entity_key) IN (SELECT link FROM found)")
    finally:
        con.unregister("probed")
        con.execute("DROP TABLE IF EXISTS numbered_keys")


# The closure from the probed keys: a link is found when it has (HAS) a key reached so far,
# and every key it looks up (LOOKS_UP) is reached in turn, until no step reaches a new key
# (UNION: a key reached before is not followed again). The links found are those with a key
# looked up: one query, where a step per query cost ~0.1 s CPU of round trips per load.
CLOSURE_SQL = f"""WITH RECURSIVE reached(key_hash) AS (
    SELECT hash(key) FROM probed
    UNION
    SELECT looked_up.key_hash FROM reached
    JOIN numbered_keys AS had ON had.key_hash = reached.key_hash AND had.role & {HAS} <> 0
    JOIN numbered_keys AS looked_up ON looked_up.link = had.link AND looked_up.role & {LOOKS_UP} <> 0
),
found AS (
    SELECT DISTINCT looked_up.link FROM reached
    JOIN numbered_keys AS had ON had.key_hash = reached.key_hash AND had.role & {HAS} <> 0
    JOIN numbered_keys AS looked_up ON looked_up.link = had.link AND looked_up.role & {LOOKS_UP} <> 0
)"""


class ReachableRead(NamedTuple):
    """What a load reads through the index: the stored links its entities can reach (in
    `read_stored_actors`'s order) and what resolution needs of the links not read."""

    links: list[StoredLink]
    partial: PartialRead


def read_reachable(con, entities: list[LocalEntity]) -> ReachableRead:
    """The stored links the entities can reach, with what resolution needs of the rest: the
    context names of every entity of the versions those links are in, and how many links of
    their actors were not read."""
    try:
        reachable(con, entities)
        rows = con.execute(
            "SELECT l.version_id, l.entity_key, l.local_name, l.entity_type, l.aliases, l.roles, l.gender, "
            "l.actor_id, a.actor_type FROM actor_links l SEMI JOIN reached_links r USING (version_id, entity_key) "
            "LEFT JOIN actors a USING (actor_id) ORDER BY l.version_id, l.entity_key").fetchall()
        names = con.execute(
            "SELECT version_id, local_name FROM actor_links "
            "WHERE version_id IN (SELECT DISTINCT version_id FROM reached_links)").fetchall()
        counts = con.execute(
            "SELECT actor_id, count(*) FROM actor_links WHERE actor_id IN "
            "(SELECT DISTINCT l.actor_id FROM actor_links l SEMI JOIN reached_links r USING (version_id, entity_key)) "
            "GROUP BY actor_id").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS reached_links")
    links = [StoredLink(version_id, stored_entity(key, name, etype, aliases, roles, gender, atype), actor_id)
             for version_id, key, name, etype, aliases, roles, gender, actor_id, atype in rows]
    names_of: dict[str, list[str]] = defaultdict(list)
    for version_id, name in names:
        names_of[version_id].append(name)
    read_of: dict[str, int] = defaultdict(int)
    for link in links:
        read_of[link.actor_id] += 1
    return ReachableRead(links, PartialRead({v: context_of_names(ns) for v, ns in names_of.items()},
                                            {actor_id: n - read_of[actor_id] for actor_id, n in counts
                                             if n > read_of[actor_id]}))
