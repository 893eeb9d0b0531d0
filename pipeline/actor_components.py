"""The independent parts of actor resolution: entities that can never meet inside
`ActorIndex` fall into different components, so each component is resolved on its own
and a load re-resolves only the components its new entities touch.

Two entities meet when one could read what the other writes: a name or alias key of any
actor type (same name, alias, knowledge-base and other-type links), the knowledge-base
entry, a person's surname (variants, surname alone, surname-only merges), the folded name
(a person's full name retypes an organization or place of that name), an acronym and the
organizations whose initials spell it, a short organization name and the longer names it
starts. Context evidence ("seen with …") reads only the names of the other entities of a
version, fixed by the data (`context_keys`), so it never joins components."""
from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Iterable

from pipeline.actor_kb import entity_kb
from pipeline.names import (fold, group_key, initials, is_acronym, is_short_form, name_key, org_key,
                            person_name_parts, remembered)
from pipeline.records import LocalEntity

def context_key(entity: LocalEntity) -> str:
    """How an entity counts as context of the others of its version: its folded name (not
    its type, which other versions may change: `unify_person_types`)."""
    return fold(entity.canonical_name)


def context_keys(entities: Iterable[LocalEntity]) -> dict[str, str]:
    """A version's context: each entity's context key with its name (the first by name)."""
    return context_of_names(e.canonical_name for e in entities)


def context_of_names(names: Iterable[str]) -> dict[str, str]:
    """`context_keys` from the entities' names alone (the context reads nothing else)."""
    out: dict[str, str] = {}
    for name in sorted(names):
        out.setdefault(fold(name), name)
    return out


def entity_keys(entity: LocalEntity, types: Iterable[str] | None = None) -> frozenset[str]:
    """The lookup keys ("kind:value") an entity reads or writes in `ActorIndex` under its
    type or each of `types`: its names compared as each actor type compares them (persons
    and places alike, `comparison_key`), its folded name, knowledge-base entry and a
    person's surname (organization initials and short names are joined pairwise in
    `components`). Remembered: a load asks for the same entities' keys more than once."""
    types = frozenset(types or (entity.actor_type,))
    signature = (types, entity.canonical_name, frozenset(entity.aliases))
    return remembered(_KEYS, signature, lambda: _entity_keys(entity, types))


_KEYS: dict[tuple, frozenset[str]] = {}


def _entity_keys(entity: LocalEntity, types: frozenset[str]) -> frozenset[str]:
    keys = {"fold:" + fold(entity.canonical_name)}
    for n in entity.aliases | {entity.canonical_name}:  # comparison_key(n, type) for every type
        keys.update(("name:" + name_key(n), "org:" + org_key(n), "group:" + group_key(n)))
    kb = entity_kb(entity)
    if kb is not None:
        keys.add("kb:" + kb.entry)
    if "person" in types:
        keys.add("surname:" + person_name_parts(entity.canonical_name)[1])
    return frozenset(keys)


class _Forest:
    """Union-find over entity numbers; a key joins every entity that has it to the first."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.owner: dict[Hashable, int] = {}

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, node: int) -> int:
        parent = self.parent
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb

    def key(self, node: int, key: Hashable) -> None:
        first = self.owner.setdefault(key, node)
        if first != node:
            self.union(node, first)


def _join_organizations(forest: _Forest, orgs: list[tuple[int, str]]) -> None:
    """An acronym with the organizations whose initials spell it; a short name (two words
    at most) with the organizations whose name it starts."""
    acronyms = {name.replace(".", "") for _, name in orgs if is_acronym(name)}
    shorts: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for node, name in orgs:
        if is_acronym(name):
            forest.key(node, ("initials", name.replace(".", "")))
        elif initials(name) in acronyms:
            forest.key(node, ("initials", initials(name)))
        if name.split() and len(name.split()) <= 2:
            shorts[fold(name).split()[0]].append((node, name, fold(name) + " "))
    for node, name in orgs:
        folded = fold(name)
        for short_node, short, prefix in shorts.get(folded.split(" ", 1)[0], ()) if folded else ():
            if short_node != node and folded.startswith(prefix) and is_short_form(short, name):
                forest.union(node, short_node)


def components(versions: dict[str, list[LocalEntity]],
               typed: dict[str, list[LocalEntity]] | None = None) -> list[set[tuple[str, str]]]:
    """The (version_id, entity key) pairs of each component, largest first. `typed`: the same
    entities with the type they had before `unify_person_types` (their keys count too: a
    batch that makes an organization a person changes what the organization met)."""
    forest, orgs, nodes = _Forest(), [], []
    for version_id, entities in versions.items():
        for i, e in enumerate(entities):
            node = forest.add()
            nodes.append((version_id, e.key))
            types = (e.actor_type, e.actor_type if typed is None else typed[version_id][i].actor_type)
            same = (types, e.canonical_name, frozenset(e.aliases))  # same keys: joined once
            if forest.owner.setdefault(same, node) != node:
                forest.union(node, forest.owner[same])
                continue
            for key in entity_keys(e, types):
                forest.key(node, key)
            if "organization" in types:
                orgs.append((node, e.canonical_name))
    _join_organizations(forest, orgs)
    groups: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for node, pair in enumerate(nodes):
        groups[forest.find(node)].add(pair)
    return sorted(groups.values(), key=lambda g: (-len(g), min(g)))


def touched(parts: list[set[tuple[str, str]]], batch: Iterable[str]) -> list[set[tuple[str, str]]]:
    """The components holding an entity of a batch version: only these can resolve
    otherwise than before the batch (the others hold the same entities, with the same
    keys, as when they were last resolved)."""
    batch = set(batch)
    return [part for part in parts if any(v in batch for v, _ in part)]
