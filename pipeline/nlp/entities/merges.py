"""Late merges inside one document: a surname seen before the full name ("Kerry" ...
"John Kerry"), an acronym or short name seen before the full organization name."""
from __future__ import annotations

from pipeline.names import initials, is_acronym, is_short_form
from pipeline.nlp.entities.linking import DocumentLinker


def _absorb(linker: DocumentLinker, source: str, target_key: str) -> None:
    """Entity `source` joins `target_key`: aliases, gender, roles, mentions and span keys."""
    target, entity = linker.entities[target_key], linker.entities[source]
    target.aliases |= entity.aliases
    target.gender = target.gender or entity.gender
    target.roles.extend(role for role in entity.roles if role not in target.roles)
    for mention in linker.mentions:
        if mention.entity_key == source:
            mention.entity_key = target_key
    for position, key in enumerate(linker.span_keys):
        if key == source:
            linker.span_keys[position] = target_key
    del linker.entities[source]


def merge_late_full_names(linker: DocumentLinker) -> None:
    """"Kerry" seen before "John Kerry": the surname-only entity joins the one full name
    with that surname (left alone when two full names share it)."""
    entities, surname_only = linker.entities, linker.surname_only
    for (surname, gender), key in sorted(surname_only.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        full = {person.key for person in linker.persons if person.surname == surname and person.key in entities}
        if len(full) != 1 or key not in entities or key in full:
            continue
        target = entities[next(iter(full))]
        genders = {other for (name, other) in surname_only if name == surname and other} | ({target.gender} - {None})
        if gender and target.gender not in (None, gender) or len(genders) > 1 and target.gender is None:
            continue  # "Mrs Howard" does not join Michael Howard, nor does either of Mr and Mrs
        _absorb(linker, key, target.key)


def merge_late_org_names(linker: DocumentLinker) -> None:
    """An acronym or short name seen before the full organization name joins it."""
    entities = linker.entities
    orgs = [entity for entity in entities.values() if entity.actor_type == "organization"]
    for entity in orgs:
        if entity.key not in entities:
            continue
        name = entity.canonical_name
        if is_acronym(name):
            hits = [other for other in orgs if other is not entity and other.key in entities
                    and initials(other.canonical_name) == name.replace(".", "")]
        elif len(name.split()) <= 2:
            hits = [other for other in orgs if other is not entity and other.key in entities
                    and all(is_short_form(alias, other.canonical_name) for alias in entity.aliases | {name})]
        else:
            hits = []
        if len(hits) == 1:
            _absorb(linker, entity.key, hits[0].key)
