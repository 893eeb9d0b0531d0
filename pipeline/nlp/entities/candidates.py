"""Candidates: the NER spans of a document cleaned into names with a type decided by
context — an honorific or a title makes a person ("Mr. de Mistura"), a name that is a
person's surname elsewhere in the document is that person ("Lavrov" tagged ORG), "the
city of Aleppo" is a place, "Russian" is a mention of Russia (label NORP) — and the
person spans that are only descriptions ("Apple CEO"), kept to link later."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.names import (HONORIFICS, ORG_WORDS, PARTICLE_PREFIX, PARTICLES, country_of, fold, normalize_name,
                            org_key, org_variant, person_name_parts)
from pipeline.nlp.entities.lexicon import ACTOR_TYPES, ENTITY_LABELS, PERSON_TITLES, PLACE_CUES, POSSESSIVE, PRONOUNS
from pipeline.nlp.entities.roles import role_from_tokens
from pipeline.nlp.entities.spans import (GLUED_DATELINE, PersonPrefix, clean_span, extend_to_org_variant,
                                         inside_title, is_junk, strip_org_prefix, strip_person_prefix)
from pipeline.nlp.entities.text import is_title_word, name_text


@dataclass
class Candidate:
    """One cleaned name span and what the document says about it."""

    index: int  # position of the input span
    start: int  # token range of the name
    end: int
    label: str
    name: str
    honorific: str | None = None  # the honorific token text ("Mr.")
    title_start: int | None = None  # token range of a title inside the span ("Apple CEO Steve Jobs")
    acronym: str | None = None  # "(GM)" after the name
    demonym_of: str | None = None  # country of a demonym mention
    strong: bool = False  # type decided by context (honorific, title, "city of")
    roles: list[tuple[str, str | None]] = field(default_factory=list)


class Description(NamedTuple):
    """A person span that only describes someone ("Apple CEO", "President of the United
    States"): linked later to the one person holding that role."""

    index: int  # position of the input span
    start_char: int
    end_char: int
    role: tuple[str, str | None]


def _person_prefix(doc, start: int, end: int, label: str) -> PersonPrefix:
    """An honorific and title inside the span; for a non-person span only when the rest is
    a capitalized name after a person title ("General Motors", "Bank of America" keep theirs)."""
    no_prefix = PersonPrefix(start, None, None)
    if label not in ("PERSON", "ORG", "GPE", "NORP"):
        prefix = no_prefix
    else:
        prefix = strip_person_prefix(doc, start, end)
        name_start, title_start = prefix.start, prefix.title_start
        if title_start is not None and label != "PERSON" and not all(
                doc[index].text[:1].isupper() or doc[index].lower_ in PARTICLES for index in range(name_start, end)):
            prefix = no_prefix
        elif label != "PERSON" and title_start is not None and (
                any(doc[index].lower_ in ORG_WORDS for index in range(name_start, end))
                or not any(doc[index].lower_ in PERSON_TITLES for index in range(title_start, name_start))
                or name_start >= end or doc[name_start - 1].lower_ in ("of", "the")):
            prefix = no_prefix
    if prefix.honorific is None and prefix.start > 0 and doc[prefix.start - 1].lower_ in HONORIFICS:
        prefix = prefix._replace(honorific=doc[prefix.start - 1].text)
    return prefix


def _is_description(doc, start: int, end: int, org_words: set[str]) -> bool:
    """"Apple CEO", "President of the United States": a person span with no name in it."""
    return start >= end or bool(country_of(name_text(doc, start, end))) or (
        is_title_word(doc[end - 1]) and all(
            is_title_word(token) or token.lower_ in ("of", "the", "and") or country_of(token.text)
            or token.text in POSSESSIVE or token.ent_type_ in ("ORG", "GPE", "NORP") or fold(token.text) in org_words
            for token in doc[start:end]))


def _candidate(doc, index: int, span, org_words: set[str]) -> Candidate | Description | None:
    """The candidate (or description) an NER span gives, or None when it is no actor."""
    label = span.label_
    if label not in ENTITY_LABELS:
        return None
    cleaned = clean_span(doc, span.start, span.end, label)
    if cleaned is None:
        return None
    if label != "PERSON" and inside_title(doc, cleaned.start, cleaned.end):
        return None  # "State" in "Secretary of State", "Defense" in "Defense Secretary"
    start, end = cleaned.start, cleaned.end
    start, honorific, title_start = _person_prefix(doc, start, end, label)
    if label == "PERSON" and _is_description(doc, start, end, org_words):
        role = role_from_tokens(doc, list(doc[span.start:span.end]), adjacent_end=False)
        last = doc[span.end - 1]
        return Description(index, doc[span.start].idx, last.idx + len(last.text), role) if role else None
    if start >= end:
        return None
    name = name_text(doc, start, end)
    glued = GLUED_DATELINE.search(name)  # "Anne BarnardGENEVA"
    if glued and label == "PERSON":
        name = name[:glued.start()]
    name = normalize_name(name)
    if not name or not re.search(r"[A-Z]", name) or (fold(name) in PRONOUNS and not name.isupper()) \
            or is_junk(doc, start, end, name, label):
        return None
    if label == "PERSON":
        start, name = strip_org_prefix(doc, start, end, name)
    start, name = extend_to_org_variant(doc, start, end, name)
    candidate = Candidate(index, start, end, label, name, honorific=honorific, title_start=title_start,
                          acronym=cleaned.acronym)
    candidate.label = _decide_label(doc, candidate, label)
    return candidate


def _decide_label(doc, candidate: Candidate, label: str) -> str:
    """The type context decides: honorific or title -> person, a known organization variant
    ("Tories", "MoD"), a country or demonym, "the city of", "Secretary Kerry" tagged ORG."""
    start = candidate.start
    if candidate.honorific or candidate.title_start is not None:
        candidate.strong = True
        return "PERSON"
    variant = org_variant(candidate.name)
    if variant:  # "Tories", "Lib Dems", "MoD": the organization itself, whatever the tagger said
        candidate.name, candidate.strong = variant[0], True
        return "ORG"
    previous = doc[start - 1] if start > 0 else None
    previous_two = (doc[start - 2].lower_, doc[start - 1].lower_) if start > 1 else None
    country = country_of(candidate.name)
    if country:
        if country[1] == "demonym" and label in ("NORP", "GPE", "LOC", "ORG", "PERSON"):
            candidate.demonym_of = country[0]
            return "NORP"
        return "GPE"
    if previous_two in PLACE_CUES:
        candidate.strong = True
        return "GPE"
    words = [word.lower() for word in candidate.name.split()]
    if label in ("ORG", "GPE", "NORP", "FAC") and previous is not None and is_title_word(previous) \
            and previous.text[:1].isupper() and not any(word in ORG_WORDS for word in words) \
            and all(word[:1].isupper() or word.lower() in PARTICLES for word in candidate.name.split()):
        candidate.strong = True
        return "PERSON"  # "Secretary Kerry" tagged ORG
    if label == "PERSON" and any(word in ORG_WORDS for word in words) and len(words) > 1:
        return "ORG"
    return label


def _surnames_are_persons(candidates: list[Candidate]) -> None:
    """A name that is a person's surname or full name elsewhere in the document is that person."""
    persons = [candidate for candidate in candidates if candidate.label == "PERSON"]
    person_names = {fold(person.name) for person in persons if len(person.name.split()) > 1 or person.strong}
    person_surnames = {person_name_parts(person.name)[1] for person in persons
                       if person.strong or len(person_name_parts(person.name)[0]) > 0}
    for candidate in candidates:
        if candidate.label in ("ORG", "GPE", "NORP", "FAC", "LOC") and not candidate.demonym_of \
                and not candidate.strong and not country_of(candidate.name) \
                and not any(word.lower() in ORG_WORDS for word in candidate.name.split()):
            _, surname = person_name_parts(candidate.name)
            tokens_ok = all(word[:1].isupper() or word.lower() in PARTICLES or PARTICLE_PREFIX.match(word)
                            for word in candidate.name.split())
            org_named = any(other is not candidate and other.label == "ORG"
                            and org_key(other.name) == org_key(candidate.name)
                            and len(other.name.split()) > len(candidate.name.split()) for other in candidates)
            if tokens_ok and not org_named and (
                    fold(candidate.name) in person_names or (surname in person_surnames
                                                             and len(candidate.name.split()) <= 4)):
                candidate.label = "PERSON"


def _one_type_per_form(candidates: list[Candidate]) -> None:
    """The same surface form gets one type in a document (context-decided ones win)."""
    by_text: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if not candidate.demonym_of:
            by_text.setdefault(fold(candidate.name), []).append(candidate)
    for group in by_text.values():
        strong = [member.label for member in group if member.strong]
        labels = strong or [member.label for member in group]
        best = max(sorted(set(labels)), key=labels.count)
        places = [member.label for member in group if ACTOR_TYPES[member.label] == "place"]
        if best == "NORP" and places:
            best = places[0]
        for candidate in group:
            candidate.label = best


def _cued_places(doc, candidates: list[Candidate]) -> None:
    """A one-word tagger person that is no context-decided one is a place when cued ("the city of X")."""
    for candidate in candidates:
        if candidate.label == "PERSON" and not candidate.strong and len(candidate.name.split()) == 1 \
                and candidate.start > 1 \
                and (doc[candidate.start - 2].lower_, doc[candidate.start - 1].lower_) in PLACE_CUES:
            candidate.label = "GPE"


def find_candidates(doc, spans: list) -> tuple[list[Candidate], list[Description]]:
    """Candidates of the spans with their types settled over the document, and descriptions."""
    candidates: list[Candidate] = []
    descriptions: list[Description] = []
    org_words = {fold(word) for span in spans if span.label_ == "ORG" for word in span.text.split()}
    for index, span in enumerate(spans):
        found = _candidate(doc, index, span, org_words)
        if isinstance(found, Candidate):
            candidates.append(found)
        elif isinstance(found, Description):
            descriptions.append(found)
    _surnames_are_persons(candidates)
    _one_type_per_form(candidates)
    _cued_places(doc, candidates)
    return candidates, descriptions
