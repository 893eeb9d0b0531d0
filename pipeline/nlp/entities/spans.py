"""Cleaning NER spans into names: determiners, possessives, "(GM)" acronyms, "U.S.
automaker GM" descriptors, a name cut at a comma or a preposition, an honorific or a
title inside a person span ("Mr. Kerry", "Apple CEO Steve Jobs"), junk spans, party
prefixes ("Lib Dem Norman Baker") and outlets where something was said ("told the BBC")."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.names import (CONNECTORS, HONORIFICS, ORG_WORDS, country_of, fold, is_acronym, is_not_entity,
                            normalize_name, org_variant, title_heads, titles)
from pipeline.nlp.entities.lexicon import (CUT_WORDS, DETERMINERS, PLACE_TRAILERS, POSSESSIVE, PRONOUNS, VENUE_CUES)
from pipeline.nlp.entities.roles import find_title
from pipeline.nlp.entities.text import doc_text, has_name, has_upper, is_title_word, name_text

GLUED_DATELINE = re.compile(r"(?<=[a-z])[A-Z]{3,}$")
GLUED_WORD = re.compile(r"^(?:of|the|and|in|to|for|on|at|by|with|from|as|or)[A-Z]")
SEPARATORS = (",", ";", "—", "--", ":")


class CleanSpan(NamedTuple):
    """The token range of the name inside an NER span and an acronym given with it."""

    start: int
    end: int
    acronym: str | None


class PersonPrefix(NamedTuple):
    """Where the name starts after an honorific and title inside a span, and what they were."""

    start: int
    honorific: str | None  # the honorific token text ("Mr.")
    title_start: int | None  # token where a title inside the span starts ("Apple CEO Steve Jobs")


class Shifted(NamedTuple):
    """A name's new first token and its text."""

    start: int
    name: str


def _cut_acronym(doc, start: int, end: int) -> tuple[int, str | None]:
    """The span's end before a parenthesis, and the acronym in it or right after the span:
    "General Motors ( GM )"."""
    acronym = None
    for index in range(start, end):
        if doc[index].text == "(":
            inner = [token.text for token in doc[index + 1:end] if token.text != ")"]
            if len(inner) == 1 and is_acronym(inner[0]):
                acronym = inner[0]
            end = index
            break
    if end < len(doc) and doc[end].text == "(" and end + 2 < len(doc) and doc[end + 2].text == ")" \
            and is_acronym(doc[end + 1].text):
        acronym = doc[end + 1].text
    return end, acronym


def _named_part(doc, start: int, end: int) -> tuple[int, int]:
    """Cut at a comma: the first part holding a name ("Toulouse, France", "Ryanair CEO, Michael O'Leary")."""
    parts, part_start = [], start
    for index in range(start, end):
        if doc[index].text in SEPARATORS or (doc[index].text in ("-", "–") and doc[index].whitespace_
                                             and index > 0 and doc[index - 1].whitespace_):
            parts.append((part_start, index))
            part_start = index + 1
    parts.append((part_start, end))
    for part_start, part_end in parts:
        if has_name(doc, part_start, part_end) and not all(
                is_title_word(doc[index]) or doc[index].ent_type_ in ("ORG",)
                for index in range(part_start, part_end) if doc[index].is_alpha):
            return part_start, part_end
    return parts[0]


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """The name after a possessive ("The Beatles' Apple Corps", "today's GM"), before a
    preposition or relative word ("Moscone Center in San Francisco"), without determiners,
    quotes and trailing punctuation."""
    for index in range(end - 1, start, -1):
        if doc[index].text in POSSESSIVE and index + 1 < end and has_upper(doc, index + 1, end):
            start = index + 1
            break
    for index in range(start + 1, end):
        if doc[index].lower_ in CUT_WORDS and doc[index].text.islower() and has_upper(doc, start, index):
            end = index
            break
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].text in ("“", '"', "``", "'", "-")
                           or re.match(r"\d", doc[start].text)):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or
                           doc[end - 1].text in (",", ".", "-", ")", '"', "”", "''")):
        end -= 1
    return start, end


def _drop_descriptor(doc, start: int, end: int, label: str) -> tuple[int, int]:
    """A descriptor before an organization or place ("U.S. automaker GM", "Los Angeles based
    Northrop Grumman"), "government" after a country, a title head before a person's name."""
    for index in range(end - 1, start - 1, -1):
        text = doc[index].text
        if text.islower() and text.isalpha() and text not in CONNECTORS and has_upper(doc, index + 1, end):
            start = index + 1
            break
    while start < end and doc[start].lower_ in ("of", "and", "&", "for", "the"):
        start += 1
    while end > start + 1 and doc[end - 1].lower_ in PLACE_TRAILERS and (
            label in ("GPE", "LOC") or country_of(doc[start:end - 1].text)):
        end -= 1  # "the U.S. government" acts as the country
    while end > start + 1 and doc[end - 1].lower_ in title_heads() and doc[end - 1].lower_ not in ORG_WORDS:
        end -= 1  # "Boeing Executive", "Apple CEO" before a person's name
    return start, end


def clean_span(doc, start: int, end: int, label: str) -> CleanSpan | None:
    """Token range of the name inside a span, plus an acronym given in parentheses; None
    when no name is left."""
    end, acronym = _cut_acronym(doc, start, end)
    start, end = _trim(doc, *_named_part(doc, start, end))
    if label != "PERSON":
        start, end = _drop_descriptor(doc, start, end, label)
    if start >= end or not has_name(doc, start, end):
        return None
    text = doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]
    if (fold(text) in PRONOUNS and not text.isupper()) or len(text.strip()) < 2:
        return None
    return CleanSpan(start, end, acronym)


def inside_title(doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are a word of a longer title phrase around them."""
    low, high = max(0, start - 3), min(len(doc), end + 3)
    words = [token.lower_ for token in doc[low:high]]
    table = titles()
    for first in range(len(words)):
        for last in range(first + 2, len(words) + 1):
            if tuple(words[first:last]) in table and low + first <= start and end <= low + last:
                return True
    return False


def _first_title(doc, start: int, end: int) -> int | None:
    """The first title word followed by a capitalized non-honorific word in the span."""
    for index in range(start, end):
        if is_title_word(doc[index]) and any(
                not is_title_word(doc[later]) and doc[later].text[:1].isupper() and doc[later].lower_ not in HONORIFICS
                for later in range(index + 1, end)):
            return index
    return None


def _title_phrase_end(doc, first_title: int, end: int) -> int:
    """The end of the whole title phrase ("Chief Executive Officer", "Secretary of State"),
    with more titles joined by "and"."""
    index = first_title
    while index < end:
        hit = find_title([token.lower_ for token in doc[index:end]], must_end=False)
        if hit and hit.start == 0:
            index += hit.end
        elif is_title_word(doc[index]) or (doc[index].lower_ == "and" and index + 1 < end
                                           and is_title_word(doc[index + 1])):
            index += 1
        else:
            break
    return index


def strip_person_prefix(doc, start: int, end: int) -> PersonPrefix:
    """Leading honorific and title inside a PERSON span ("Mr. Kerry", "Apple CEO Steve Jobs");
    what follows "of" is an affiliation, not the name."""
    honorific = None
    title_start = None
    first_title = _first_title(doc, start, end)
    if first_title is not None:
        title_start, start = start, _title_phrase_end(doc, first_title, end)
        after_of = start < end and doc[start].lower_ == "of"
        while start < end and doc[start].lower_ in {"of", "the", *HONORIFICS}:
            if doc[start].lower_ in HONORIFICS:
                honorific = doc[start].text
            start += 1
        if after_of:  # "President of the United States Barack Obama": skip the country
            for country_end in range(end, start, -1):
                if country_of(doc[start:country_end].text):
                    start = country_end
                    break
            else:
                start = end  # "CEO of GM": a description, the rest is the affiliation
    while start < end - 1 and doc[start].lower_ in HONORIFICS:
        honorific = doc[start].text
        start += 1
    return PersonPrefix(start, honorific, title_start)


def is_junk(doc, start: int, end: int, name: str, label: str) -> bool:
    """A span that is no actor: a word glued to the name ("ofNew Labour"), a time zone
    ("GMT"), or a person span ending in an honorific ("Tory Treasurer Lord")."""
    if GLUED_WORD.match(name) or is_not_entity(name):
        return True
    return label == "PERSON" and doc[end - 1].lower_ in HONORIFICS


def strip_org_prefix(doc, start: int, end: int, name: str) -> Shifted:
    """"Lib Dem Norman Baker": a party named before a person's full name is an affiliation."""
    for width in (3, 2, 1):
        if end - start - width >= 2 and org_variant(doc[start:start + width].text) \
                and all(token.text[:1].isupper() for token in doc[start + width:end]):
            return Shifted(start + width, normalize_name(name_text(doc, start + width, end)))
    return Shifted(start, name)


def extend_to_org_variant(doc, start: int, end: int, name: str) -> Shifted:
    """"Liberal" + "Democrat" tagged apart: capitalized words right before the span that
    make it a known organization name ("Liberal Democrat") join it."""
    for width in (2, 1):
        if start - width >= 0 and all(token.text[:1].isupper() for token in doc[start - width:start]) \
                and org_variant(name_text(doc, start - width, end)):
            return Shifted(start - width, normalize_name(name_text(doc, start - width, end)))
    return Shifted(start, name)


def is_venue(doc, start: int) -> bool:
    """An outlet where something was said: "told BBC Radio 4", "in an interview with the Times"."""
    index = start - 1
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index < 0:
        return False
    before = {doc[index].lower_} | ({doc[index - 1].lower_} if index > 0 else set())
    return any(cue <= before for cue in VENUE_CUES if len(cue) == 2) or doc[index].lower_ == "told"
