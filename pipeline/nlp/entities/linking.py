"""Linking the candidates of one document into entities: surname, honorific and
given-name mentions ("Kerry", "Mr. Kerry", "Assad" for "Bashar al-Assad") join the full
name of the same document; acronyms and short names of organizations ("FSA",
"Northrop") join the full name; places and demonyms join their country. Each
`LocalEntity` is one real-world actor of the document."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.names import (HONORIFICS, country_of, entity_key, fold, given_names_compatible, group_key,
                            honorific_gender, initials, is_acronym, is_short_form, normalize_name, org_key,
                            person_name_parts)
from pipeline.nlp.entities.candidates import Candidate
from pipeline.nlp.entities.lexicon import ACTOR_TYPES
from pipeline.nlp.entities.roles import roles_around, role_from_tokens
from pipeline.nlp.entities.spans import GLUED_DATELINE, is_venue
from pipeline.nlp.entities.text import doc_text, name_text
from pipeline.records import LocalEntity, Mention


class FullName(NamedTuple):
    """A person named with given names in the document, in order of appearance."""

    key: str
    given: list[str]
    surname: str


class EntityChoice(NamedTuple):
    """The entity a candidate links to and the name it gets when new."""

    key: str
    name: str


class DocumentLinker:
    """The entities and mentions of one document, built candidate by candidate in text order."""

    def __init__(self, doc, span_count: int, candidates: list[Candidate]):
        self.doc = doc
        self.entities: dict[str, LocalEntity] = {}
        self.mentions: list[Mention] = []
        self.span_keys: list[str | None] = [None] * span_count
        self.surname_only: dict[tuple[str, str | None], str] = {}  # (surname key, gender) -> surname-only entity
        self.surname_genders: dict[str, set[str]] = {}  # genders of the honorifics before a bare surname
        self.persons: list[FullName] = []  # full names, in order
        self.orgs: dict[str, str] = {}  # org key -> entity key
        self.acronyms: dict[str, str] = {}  # acronym -> entity key
        self.last_seen: dict[str, int] = {}
        for candidate in candidates:
            gender = honorific_gender(candidate.honorific)
            if candidate.label == "PERSON" and gender and not person_name_parts(candidate.name)[0]:
                self.surname_genders.setdefault(person_name_parts(candidate.name)[1], set()).add(gender)

    def _entity(self, key: str, name: str, actor_type: str) -> LocalEntity:
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = LocalEntity(key=key, canonical_name=name, actor_type=actor_type)
        return entity

    def _latest(self, keys: list[str]) -> str:
        return max(keys, key=lambda key: self.last_seen.get(key, -1))

    def _person(self, candidate: Candidate) -> EntityChoice:
        """A full name joins an earlier compatible one; a surname or given name alone joins
        the last person it fits, else one surname-only entity per gender."""
        given, surname = person_name_parts(candidate.name)
        gender = honorific_gender(candidate.honorific)

        def fits(key: str) -> bool:  # Mrs Howard is not Michael Howard once he is Mr Howard
            return gender is None or self.entities[key].gender in (None, gender)

        if given:
            match = [person.key for person in self.persons if person.surname == surname
                     and given_names_compatible(person.given, given) > 0 and fits(person.key)]
            key = self._latest(match) if match else entity_key(candidate.name, "person")
            if not match:
                self.persons.append(FullName(key, given, surname))
            return EntityChoice(key, candidate.name)
        match = [person.key for person in self.persons if person.surname == surname and fits(person.key)]
        if not match and len(candidate.name.split()) == 1:  # a given name used alone ("Steve")
            match = [person.key for person in self.persons
                     if person.given and fold(person.given[0]) == fold(candidate.name)]
            bare_surnames = {bare for bare, _ in self.surname_only}
            match = match if len(match) == 1 and fold(candidate.name) not in bare_surnames else []
        if gender and len(self.surname_genders.get(surname, ())) > 1:
            match = [key for key in match if self.entities[key].gender == gender]  # Mr and Mrs Howard in one text
        if match:
            return EntityChoice(self._latest(match), candidate.name)
        # one surname-only entity per gender: "Mrs Howard" and "Mr Howard" stay two
        entity_name = f"{candidate.honorific} {candidate.name}" if gender else candidate.name
        return EntityChoice(self.surname_only.setdefault((surname, gender), entity_key(entity_name, "person")),
                            entity_name)

    def _organization(self, candidate: Candidate) -> EntityChoice:
        """The same organization key, an acronym given or made of a full name's initials, a
        short form of one full name ("Northrop"), else a new organization."""
        name = candidate.name
        own_key = org_key(name)
        key = self.orgs.get(own_key) or (self.acronyms.get(name.replace(".", "")) if is_acronym(name) else None)
        if key is None and is_acronym(name):
            hits = {entity for entity in self.orgs.values()
                    if initials(self.entities[entity].canonical_name) == name.replace(".", "")}
            key = next(iter(hits)) if len(hits) == 1 else None
        short_form = False
        if key is None and len(name.split()) <= 2:
            hits = {entity for entity in self.orgs.values()
                    if is_short_form(name, self.entities[entity].canonical_name)}
            key = next(iter(hits)) if len(hits) == 1 else None
            short_form = key is not None
        key = key or entity_key(name, "organization")
        if not short_form:  # "Apple" as a short "Apple Corps" must not claim the key "apple"
            self.orgs.setdefault(own_key, key)
        if candidate.acronym:
            self.acronyms.setdefault(candidate.acronym.replace(".", ""), key)
        return EntityChoice(key, name)

    def _place(self, candidate: Candidate) -> EntityChoice:
        """A place: its country when it names one ("U.S." is the United States)."""
        country = country_of(candidate.name)
        name = country[0] if country else candidate.name
        key = entity_key(fold(name), "place")
        candidate.name = name if country else candidate.name
        return EntityChoice(key, candidate.name)

    def _choice(self, candidate: Candidate) -> EntityChoice:
        if candidate.demonym_of:
            key = entity_key(candidate.demonym_of, "place")
            self._entity(key, candidate.demonym_of, "place")
            return EntityChoice(key, candidate.name)
        if candidate.label == "PERSON":
            return self._person(candidate)
        if candidate.label == "ORG":
            return self._organization(candidate)
        if ACTOR_TYPES[candidate.label] == "group":
            return EntityChoice(entity_key(group_key(candidate.name), "group"), candidate.name)
        return self._place(candidate)

    def _add_aliases(self, entity: LocalEntity, candidate: Candidate) -> None:
        if not candidate.demonym_of:
            entity.aliases.add(candidate.name)
            raw = normalize_name(name_text(self.doc, candidate.start, candidate.end))
            if raw and raw != candidate.name and not GLUED_DATELINE.search(raw):
                entity.aliases.add(raw)
        if candidate.acronym:
            entity.aliases.add(candidate.acronym)
        if candidate.honorific:
            entity.aliases.add(f"{candidate.honorific} {candidate.name}")
            gender = HONORIFICS.get(candidate.honorific.lower())
            if gender and not entity.gender:
                entity.gender = gender

    def _add_roles(self, entity: LocalEntity, candidate: Candidate) -> None:
        doc = self.doc
        if candidate.title_start is not None:
            role = role_from_tokens(doc, list(doc[candidate.title_start:candidate.start]), adjacent_end=True)
            if role:
                candidate.roles.append(role)
        start = candidate.start if candidate.title_start is None else candidate.title_start
        for role in candidate.roles + roles_around(doc, start, candidate.end):
            if role not in entity.roles:
                entity.roles.append(role)

    def _mention(self, candidate: Candidate, key: str) -> Mention:
        """The mention of a candidate: with its honorific ("Mr. Kerry"), without a glued dateline;
        an organization where something was said is a VENUE."""
        doc, label = self.doc, candidate.label
        start = doc[candidate.start].idx
        end = doc[candidate.end - 1].idx + len(doc[candidate.end - 1].text)
        glued = GLUED_DATELINE.search(name_text(doc, candidate.start, candidate.end)) if label == "PERSON" else None
        if glued:
            end -= len(glued.group())
        if candidate.honorific and candidate.start > 0 and doc[candidate.start - 1].text == candidate.honorific:
            start = doc[candidate.start - 1].idx
        mention_label = "VENUE" if label == "ORG" and is_venue(doc, candidate.start) else label
        return Mention(start=start, end=end, text=doc_text(doc)[start:end], label=mention_label, entity_key=key)

    def add(self, order: int, candidate: Candidate) -> None:
        """Link one candidate (the `order`-th in text order): its entity, aliases, roles, mention."""
        label = candidate.label
        key, entity_name = self._choice(candidate)
        entity = self._entity(key, entity_name, ACTOR_TYPES[label] if not candidate.demonym_of else "place")
        self.last_seen[key] = order
        self._add_aliases(entity, candidate)
        if label == "PERSON" and entity.actor_type == "person":
            self._add_roles(entity, candidate)
        self.mentions.append(self._mention(candidate, key))
        self.span_keys[candidate.index] = key
