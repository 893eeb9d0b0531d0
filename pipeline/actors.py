"""Cross-document actor resolution: map each version's LocalEntities onto the one
persistent `actors` table. Existing actors keep their IDs (adding articles never
renumbers them); a new actor's ID is derived from its type and canonical name."""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.ids import stable_id
from pipeline.records import LocalEntity


@dataclass
class ActorIndex:
    """What the warehouse already knows, plus what this batch adds."""

    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, canonical lower) -> actor_id
    aliases: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (type, alias lower) -> actor_ids
    canonical: dict[str, tuple[str, str]] = field(default_factory=dict)  # actor_id -> (name, type)

    @classmethod
    def from_rows(cls, actors: list[dict], aliases: list[dict]) -> "ActorIndex":
        idx = cls()
        for a in actors:
            idx._add_actor(a["actor_id"], a["canonical_name"], a["actor_type"])
        types = {a["actor_id"]: a["actor_type"] for a in actors}
        for al in aliases:
            t = types.get(al["actor_id"])
            if t:
                idx.aliases.setdefault((t, al["alias"].lower()), set()).add(al["actor_id"])
        return idx

    def _add_actor(self, actor_id: str, name: str, actor_type: str) -> None:
        self.names[(actor_type, name.lower())] = actor_id
        self.canonical[actor_id] = (name, actor_type)
        self.aliases.setdefault((actor_type, name.lower()), set()).add(actor_id)

    def resolve(self, entity: LocalEntity) -> tuple[str, bool]:
        """(actor_id, is_new) for a local entity."""
        t = entity.actor_type
        hit = self.names.get((t, entity.canonical_name.lower()))
        if hit:
            return hit, False
        # an alias seen before that points at exactly one actor ("Kerry" -> John Kerry)
        candidates: set[str] = set()
        for alias in sorted(entity.aliases | {entity.canonical_name}):
            candidates |= self.aliases.get((t, alias.lower()), set())
        if len(candidates) == 1:
            return next(iter(candidates)), False
        actor_id = stable_id("actor", t, entity.canonical_name.lower())
        self._add_actor(actor_id, entity.canonical_name, t)
        return actor_id, True

    def add_aliases(self, actor_id: str, entity: LocalEntity) -> None:
        _, t = self.canonical[actor_id]
        for alias in entity.aliases:
            self.aliases.setdefault((t, alias.lower()), set()).add(actor_id)
