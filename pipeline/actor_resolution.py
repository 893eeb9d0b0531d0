"""Actor resolution over every version the warehouse holds, so the clusters do not depend
on the order files arrive in nor on how they are cut into batches.

The local entities of all versions (stored ones, read back from `actor_links`, and the
batch's) fall into components that can never meet (pipeline.actor_components); each is
resolved with a fresh `ActorIndex`, in an order fixed by the data alone: its versions
sorted by ID, and in two passes — first the names that stand on their own (a person's full
name, an organization's or place's name), then the weak forms judged against everything the
first pass found (a surname alone, "Mr Howard"; an acronym). The same set of versions
therefore always gives the same clusters, and a load resolves again only the components its
new entities touch: the others would resolve exactly as when they were stored.

A cluster's actor ID is derived from its best name (a full name before a surname, the most
frequent, then the longest), so it changes only when a better name arrives: "Obama" seen
alone, later "Barack Obama". Entities already stored under another ID are reported as
`Repoint`s; the load stage records an `actor_merges` row for an actor left with no
entities and repoints the rows pointing at the old ID in the same transaction."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, NamedTuple

from pipeline.actor_components import components, context_keys, touched
from pipeline.actor_key_rules import person_retypable, with_kb_type
from pipeline.actor_workers import resolve_parts
from pipeline.actor_kb import entity_kb
from pipeline.actors import ActorIndex, Link
from pipeline.ids import stable_id
from pipeline.names import fold, is_acronym, person_name_parts
from pipeline.records import LocalEntity

# Every load resolves all components again (the slow reference the incremental path must
# equal; tests compare the two): NEWS_FULL_ACTOR_RESOLUTION=1.
FULL_RESOLUTION = os.environ.get("NEWS_FULL_ACTOR_RESOLUTION", "") not in ("", "0")
KEPT = "kept"  # the method of a re-annotated entity's link left as stored (its actor row stays as it is)


@dataclass
class StoredLink:
    """An entity of a stored version, as `actor_links` keeps it."""

    version_id: str
    entity: LocalEntity
    actor_id: str


def stored_entity(key: str, name: str, etype: str | None, aliases, roles: str | None, gender: str | None,
                  fallback_type: str | None) -> LocalEntity:
    """A stored actor link's entity as resolution reads it (type: the link's, else its actor's)."""
    return LocalEntity(key=key, canonical_name=name, actor_type=etype or fallback_type or "person",
                       aliases=set(aliases or [name]),
                       roles=[tuple(r) for r in json.loads(roles)] if roles and roles != "[]" else [],
                       gender=gender)


@dataclass
class Repoint:
    """Rows of a stored version that pointed at `old` now point at `new`."""

    version_id: str
    entity_key: str
    old: str
    new: str


@dataclass
class PartialRead:
    """What resolution needs of the stored links it was not given (`pipeline.actor_keys` reads
    only those a batch can reach): each given version's context, from all its entities'
    names, and per actor the number of its links not given (it stays in use)."""

    contexts: dict[str, dict[str, str]]
    links_elsewhere: dict[str, int]


@dataclass
class Resolution:
    links: dict[tuple[str, str], Link]  # (version_id, entity_key) -> link with the cluster's actor ID
    names: dict[str, tuple[str, str]]  # actor_id -> (canonical name, actor type)
    repoints: list[Repoint] = field(default_factory=list)
    merges: list[dict] = field(default_factory=list)  # from_actor_id, to_actor_id, reason


def _is_weak(entity: LocalEntity) -> bool:
    """Forms judged against the full names: a surname alone, an organization's acronym."""
    if entity.actor_type == "person":
        return not person_name_parts(entity.canonical_name)[0]
    return entity.actor_type == "organization" and is_acronym(entity.canonical_name)


def _best_name(entities: list[LocalEntity]) -> tuple[str, str]:
    """The cluster's name and type: a person's full name before a surname form, an
    organization's name before its acronym; then the most frequent, the longest, the first
    alphabetically. The knowledge base gives the type when it knows the actor, and the name
    when the text has only an acronym or a surname for it."""
    known = sorted({kb.canonical: kb for e in entities if (kb := entity_kb(e))}.values(), key=lambda k: k.canonical)
    types = Counter(e.actor_type for e in entities)
    actor_type = known[0].actor_type if known else min(types, key=lambda t: (-types[t], t))
    counts = Counter(e.canonical_name for e in entities if e.actor_type == actor_type) \
        or Counter(e.canonical_name for e in entities)
    name = min(counts, key=lambda n: (_is_weak(LocalEntity("", n, actor_type)), -counts[n], -len(n), n))
    if known and _is_weak(LocalEntity("", name, actor_type)):
        return known[0].canonical, actor_type  # "UN" alone in the text: the knowledge base's "United Nations"
    return name, actor_type


def unify_person_types(versions: dict[str, list[LocalEntity]]) -> dict[str, list[LocalEntity]]:
    """A full name that is a person in one version is a person where the tagger said
    organization or place ("Nicola Sturgeon" tagged ORG): decided over all versions at
    once, so it does not depend on which came first."""
    persons = {fold(e.canonical_name) for entities in versions.values() for e in entities
               if e.actor_type == "person" and person_name_parts(e.canonical_name)[0]}
    return {v: [replace(e, actor_type="person") if fold(e.canonical_name) in persons and person_retypable(e) else e
                for e in entities]
            for v, entities in versions.items()}


def prepared(versions: dict[str, list[LocalEntity]]) -> tuple[dict[str, list[LocalEntity]], dict[str, list[LocalEntity]]]:
    """(entities as resolved: knowledge-base and person types applied; the same before
    `unify_person_types`, whose keys count for the components too)."""
    typed = {v: [with_kb_type(e) for e in entities] for v, entities in versions.items()}
    return unify_person_types(typed), typed


def resolve_component(versions: dict[str, list[LocalEntity]], part: set[tuple[str, str]],
                      contexts: dict[str, dict[str, str]],
                      place: dict[tuple[str, str], "_Placed"] | None = None
                      ) -> tuple[ActorIndex, dict[tuple[str, str], Link]]:
    """Links for the entities of one component, in the fixed order: versions sorted by ID,
    first the names that stand on their own, then the weak forms (each version's entities in
    its own order). `place`: `placed(versions)`, computed once for all components."""
    place = place if place is not None else placed(versions)
    index = ActorIndex()
    links: dict[tuple[str, str], Link] = {}
    ordered = sorted((place[pair] for pair in part), key=lambda p: (p.version_id, p.position))
    for weak_pass in (False, True):
        start = 0
        while start < len(ordered):
            version_id, end = ordered[start].version_id, start
            while end < len(ordered) and ordered[end].version_id == version_id:
                end += 1
            entities = [p.entity for p in ordered[start:end] if p.weak == weak_pass]
            if entities:
                for e, link in zip(entities, index.resolve_version(entities, contexts[version_id])):
                    links[(version_id, e.key)] = link
            start = end
    return index, links


class _Placed(NamedTuple):
    """An entity with its version, its position in the version and whether it is weak."""

    version_id: str
    position: int
    entity: LocalEntity
    weak: bool


def placed(versions: dict[str, list[LocalEntity]]) -> dict[tuple[str, str], _Placed]:
    """(version_id, entity key) -> the entity placed in its version (keys are unique per version)."""
    return {(v, e.key): _Placed(v, i, e, _is_weak(e)) for v, entities in versions.items()
            for i, e in enumerate(entities)}


def resolve_all(versions: dict[str, list[LocalEntity]], only: Iterable[str] | None = None,
                contexts: dict[str, dict[str, str]] | None = None) -> tuple[ActorIndex, dict[tuple[str, str], Link]]:
    """Links for every entity of every version, one component at a time; with `only`
    (version IDs), just the components holding an entity of those versions. `contexts`:
    versions' context keys known beforehand (the others' come from their entities here)."""
    if only is not None and not only:
        return ActorIndex(), {}  # nothing new: every component resolves as stored
    versions, typed = prepared(versions)
    parts = components(versions, typed)
    if only is not None:
        parts = touched(parts, only)
    known = contexts or {}
    contexts = {v: known[v] if v in known else context_keys(entities) for v, entities in versions.items()}
    index, links = ActorIndex(), {}
    for part_index, part_links in resolve_parts(resolve_component, versions, parts, contexts, placed(versions)):
        index.absorb(part_index)
        links.update(part_links)
    return index, links


def _cluster_names(index: ActorIndex, links: dict[tuple[str, str], Link],
                   versions: dict[str, list[LocalEntity]]) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(internal actor -> cluster actor ID, cluster actor ID -> (name, type))."""
    members: dict[str, list[LocalEntity]] = {}
    for version_id, entities in versions.items():
        for e in entities:
            if (version_id, e.key) in links:
                members.setdefault(index.final(links[(version_id, e.key)].actor_id), []).append(e)
    cluster_id, names = {}, {}
    for internal, ents in members.items():
        name, actor_type = _best_name(ents)
        cluster_id[internal] = stable_id("actor", actor_type, name.lower())
        names[cluster_id[internal]] = (name, actor_type)
    return cluster_id, names


def resolve_corpus(batch: dict[str, list[LocalEntity]], stored: list[StoredLink], full: bool | None = None,
                   partial: PartialRead | None = None) -> Resolution:
    """Resolve the batch's versions with the stored ones; report what moved. Only the
    components the batch touches are resolved again (the others resolve as they did when
    stored), unless `full` (default: FULL_RESOLUTION), or the batch replaces stored
    versions with other entities (re-annotation: the entities it drops may have joined
    components). A re-annotated version with the same entities as stored is no change: its
    links stay as stored (method KEPT) unless a changed version touches their component.
    `partial`: `stored` holds only the links the batch can reach (pipeline.actor_keys), which
    resolves its new versions as every stored link would; not for a batch that replaces
    stored versions, nor a full resolution."""
    versions: dict[str, list[LocalEntity]] = {}
    for s in stored:
        if s.version_id not in batch:
            versions.setdefault(s.version_id, []).append(s.entity)
    changed = changed_versions(batch, stored)
    replaces = any(s.version_id in changed for s in stored)
    versions.update(batch)
    everything = FULL_RESOLUTION if full is None else full
    if partial is not None and (everything or replaces):
        raise ValueError("a partial read of the stored links resolves new versions only")
    index, links = resolve_all(versions, None if everything or replaces else changed,
                               partial.contexts if partial else None)
    cluster_id, names = _cluster_names(index, links, versions)
    out: dict[tuple[str, str], Link] = {}
    for key, link in links.items():
        actor_id = cluster_id[index.final(link.actor_id)]
        out[key] = Link(actor_id, False, link.method, link.confidence, link.evidence)
    for s in stored:  # a batch version found with the same entities, in a component not resolved again
        if s.version_id in batch and (s.version_id, s.entity.key) not in out:
            out[(s.version_id, s.entity.key)] = Link(s.actor_id, False, KEPT, 1.0, "same entities as stored")
    resolution = Resolution(out, names)
    _report_moves(resolution, stored, partial.links_elsewhere if partial else {})
    return resolution


def _signature(entity: LocalEntity) -> tuple:
    """What resolution reads of an entity, as `actor_links` stores it."""
    return (entity.key, entity.canonical_name, entity.actor_type, frozenset(entity.aliases | {entity.canonical_name}),
            tuple(tuple(r) for r in entity.roles), entity.gender)


def changed_versions(batch: dict[str, list[LocalEntity]], stored: list[StoredLink]) -> set[str]:
    """The batch's versions that are new or whose entities differ from the stored ones (a
    re-annotation that finds the same entities changes nothing actor resolution reads: the
    stored links of such a version stand, unless a changed version touches its component)."""
    before: dict[str, set[tuple]] = {}
    for s in stored:
        if s.version_id in batch:
            before.setdefault(s.version_id, set()).add(_signature(s.entity))
    return {v for v, entities in batch.items()
            if before.get(v) != {_signature(e) for e in entities} or len(entities) != len(before[v])}


def _report_moves(resolution: Resolution, stored: list[StoredLink], elsewhere: dict[str, int]) -> None:
    """Stored entities whose actor changed; an old actor left without entities (`elsewhere`:
    actors with links not in `stored`) is merged into the actor most of them went to."""
    moved: dict[str, Counter] = {}
    still_used = set(elsewhere)
    for s in stored:
        link = resolution.links.get((s.version_id, s.entity.key))
        new = s.actor_id if link is None else link.actor_id  # not resolved again: as stored
        if new != s.actor_id:
            resolution.repoints.append(Repoint(s.version_id, s.entity.key, s.actor_id, new))
            moved.setdefault(s.actor_id, Counter())[new] += 1
        else:
            still_used.add(s.actor_id)
    for old, targets in sorted(moved.items()):
        if old in still_used:
            continue
        new = min(targets, key=lambda t: (-targets[t], t))
        name = resolution.names[new][0]
        resolution.merges.append({"from_actor_id": old, "to_actor_id": new,
                                  "reason": f"its mentions resolve to '{name}' once the warehouse holds more "
                                            f"versions (a fuller name or new evidence); {sum(targets.values())} "
                                            f"entities moved"})
