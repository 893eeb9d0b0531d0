"""The lookup keys of an actor link (pipeline.actor_keys stores them in actor_link_keys): the
keys of every type an entity can take, with the role of each (the link has it, looks it
up, or both), and the type rules they depend on (knowledge-base type, a full name that
another version may make a person). Kept apart from the table's queries so the keys'
fingerprint (`actor_keys.KEY_SOURCES`) covers what computes them and nothing else: an
edit of how the index is stored or read does not rebuild every warehouse's keys."""
from __future__ import annotations

from dataclasses import replace

from pipeline.actor_components import entity_keys
from pipeline.actor_kb import entity_kb
from pipeline.names import ORG_WORDS, fold, initials, is_acronym, remembered
from pipeline.records import LocalEntity

ALL_TYPES = ("person", "organization", "place", "group")  # a link stored without its type may be any
HAS, LOOKS_UP = 1, 2  # a key's role: the link has it (others find it by it), the link looks it up; 3 both


def with_kb_type(entity: LocalEntity) -> LocalEntity:
    """An entity the knowledge base knows takes its type from it ("MI6" tagged PERSON)."""
    kb = entity_kb(entity)
    if kb is None or kb.actor_type == entity.actor_type or entity.actor_type == "place":
        return entity
    return replace(entity, actor_type=kb.actor_type)


def _person_like(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not any(w.lower() in ORG_WORDS for w in words)


def person_retypable(entity: LocalEntity) -> bool:
    """An organization or place that `unify_person_types` makes a person when another
    version has its name as a person's full name."""
    return entity.actor_type in ("organization", "place") and _person_like(entity.canonical_name)


def _add(keys: dict[str, int], key: str, role: int) -> None:
    keys[key] = keys.get(key, 0) | role


def _organization_keys(name: str) -> dict[str, int]:
    """An organization's keys for `actor_components._join_organizations`, with their roles:
    an acronym meets the same acronym and the organizations its letters spell; a short name
    (two words at most) the names it starts."""
    keys: dict[str, int] = {}
    if is_acronym(name):
        _add(keys, f"acr:{name.replace('.', '')}", HAS | LOOKS_UP)
        _add(keys, f"ini:{name.replace('.', '')}", LOOKS_UP)
    else:
        _add(keys, f"ini:{initials(name)}", HAS)
        _add(keys, f"acr:{initials(name)}", LOOKS_UP)
    folded = fold(name)
    if folded and len(name.split()) <= 2:
        _add(keys, f"short:{folded}", HAS)
        _add(keys, f"pre:{folded}", LOOKS_UP)
    for i in (i for i, char in enumerate(folded) if char == " "):
        _add(keys, f"pre:{folded[:i]}", HAS)
        _add(keys, f"short:{folded[:i]}", LOOKS_UP)
    return keys


def link_keys(entity: LocalEntity, types: tuple[str, ...] | None = None) -> dict[str, int]:
    """The keys of an entity under every type it can take (`types`: when its type is unknown)
    with their roles (the names' keys are both). Remembered per names and type."""
    signature = (entity.canonical_name, entity.actor_type, frozenset(entity.aliases), types)
    return remembered(_LINK_KEYS, signature, lambda: _link_keys(entity, types))


_LINK_KEYS: dict[tuple, dict[str, int]] = {}


def _link_keys(entity: LocalEntity, types: tuple[str, ...] | None) -> dict[str, int]:
    typed = with_kb_type(entity)
    types = types or ((typed.actor_type, "person") if person_retypable(typed) else (typed.actor_type,))
    keys = dict.fromkeys(entity_keys(typed, types), HAS | LOOKS_UP)
    if "organization" in types:
        for key, role in _organization_keys(entity.canonical_name).items():
            _add(keys, key, role)
    return keys


def probes(entities: list[LocalEntity]) -> set[str]:
    """The keys these entities look up."""
    return {key for e in entities for key, role in link_keys(e).items() if role & LOOKS_UP}


def link_entity(key: str, name: str, etype: str | None, aliases) -> LocalEntity:
    """What a stored link's keys depend on: its names and type (knowledge-base entry from the names)."""
    return LocalEntity(key=key, canonical_name=name, actor_type=etype or "person", aliases=set(aliases or [name]))
