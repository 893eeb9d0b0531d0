"""The knowledge-base actor of an entity (`entity_kb`), remembered per set of names. A module
of its own beside the key rules (pipeline.actor_key_rules) because the stored lookup keys
depend on it (`with_kb_type`, the `kb:` key): the keys' fingerprint (`actor_keys.KEY_SOURCES`)
covers this file, not all of pipeline.actors."""
from __future__ import annotations

from pipeline.names import NAME_CACHE, KBEntry, kb_entry
from pipeline.records import LocalEntity

# kb_entry of each set of names, remembered: resolution asks it for every entity several
# times per load; the NLP workers compute it for the entities they find (`remember_kb`), so
# the load neither reads the knowledge base nor looks the names up. Bounded like the caches.
_KB_OF_NAMES: dict[frozenset[str], KBEntry | None] = {}


def entity_kb(entity: LocalEntity) -> KBEntry | None:
    """The Phoenix actor an entity is, by its name or another full name of it ("UN" for an
    organization; never a bare surname: the knowledge base holds people's full names only)."""
    names = frozenset(entity.aliases | {entity.canonical_name})
    if names in _KB_OF_NAMES:
        return _KB_OF_NAMES[names]
    return _remember_kb(names, kb_entry(names))


def remember_kb(entity: LocalEntity, kb: KBEntry | None) -> None:
    """Take `entity_kb(entity)` computed in another process (an NLP worker)."""
    _remember_kb(frozenset(entity.aliases | {entity.canonical_name}), kb)


def _remember_kb(names: frozenset[str], kb: KBEntry | None) -> KBEntry | None:
    if len(_KB_OF_NAMES) >= NAME_CACHE:
        _KB_OF_NAMES.clear()
    _KB_OF_NAMES[names] = kb
    return kb
