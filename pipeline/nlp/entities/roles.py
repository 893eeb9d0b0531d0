"""Roles of persons from titles and appositives (`rules/titles.tsv`): "Secretary of State
John Kerry", "State Department spokeswoman Jen Psaki", "Russia’s foreign minister, Sergey
V. Lavrov", "Staffan de Mistura, the United Nations envoy". A role is (role, affiliation)."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.names import HONORIFICS, affiliation_name, titles
from pipeline.nlp.entities.lexicon import DETERMINERS, KEPT_MODIFIERS, POSSESSIVE, ROLE_MODIFIERS
from pipeline.nlp.entities.text import doc_text, is_title_word


class TitleHit(NamedTuple):
    """A title phrase found in a list of words: its word range, role and head word."""

    start: int
    end: int
    role: str
    head: str


def find_title(words: list[str], must_end: bool) -> TitleHit | None:
    """Longest title phrase in the words (ending at the last word when `must_end`; the
    later one of two as long)."""
    best = None
    table = titles()
    for first in range(len(words)):
        for last in range(len(words), first, -1):
            key = tuple(words[first:last])
            if key in table and (not must_end or last == len(words)):
                length, best_length = last - first, (best.end - best.start) if best else 0
                if best is None or length > best_length or (length == best_length and first > best.start):
                    best = TitleHit(first, last, *table[key])
                break
    return best


def _affiliation(doc, tokens: list) -> str | None:
    """The organization or country a title belongs to, from the names before it."""
    for position, token in enumerate(tokens):  # "Britain's Europe director": the owner is the affiliation
        if token.text in POSSESSIVE and position > 0:
            tokens = tokens[:position]
            break
    names = [token for token in tokens if (token.pos_ == "PROPN" or token.ent_type_ or token.text[:1].isupper())
             and token.lower_ not in DETERMINERS and token.text not in POSSESSIVE]
    while names and names[-1].lower_ in ("of", "for"):
        names = names[:-1]
    if not names:
        return None
    text = doc_text(doc)[names[0].idx:names[-1].idx + len(names[-1].text)]
    text = re.sub(r"\s*(?:'s|’s|'|’)$", "", text).strip()
    return affiliation_name(text) if re.search(r"[A-Z]", text) else None


def role_from_tokens(doc, tokens: list, adjacent_end: bool) -> tuple[str, str | None] | None:
    """(role, affiliation) of the title among the tokens (ending at the last one when
    `adjacent_end`: a title right before a name), or None."""
    words = [token.lower_ for token in tokens]
    hit = find_title(words, must_end=adjacent_end)
    if not hit and adjacent_end and "of" in words:  # "the foreign minister of Iran, Mohammad Javad Zarif"
        hit = find_title(words[:words.index("of")], must_end=True)
    if not hit:
        return None
    first, role = hit.start, hit.role
    while first > 0 and tokens[first - 1].lower_ in ROLE_MODIFIERS:  # "Deputy Prime Minister", "shadow home secretary"
        first -= 1
        if tokens[first].lower_ in KEPT_MODIFIERS:
            role = f"{tokens[first].lower_} {role}"
    if not role.startswith("former") and any(token.lower_ == "former" for token in tokens[:first]):
        role = f"former {role}"  # "the former Iraqi prime minister"
    affiliation = _affiliation(doc, tokens[:first])
    if affiliation is None and hit.end + 1 < len(tokens) and tokens[hit.end].lower_ == "of":  # "president of Syria"
        affiliation = _affiliation(doc, [token for token in tokens[hit.end + 1:] if token.lower_ not in DETERMINERS])
    return role, affiliation


def _left_context(doc, end: int, limit: int = 8) -> list:
    """Tokens before `end` that can form a title: title words, proper names, "of", possessives."""
    sent_start = doc[end - 1].sent.start if end > 0 and doc.has_annotation("SENT_START") else 0
    tokens = []
    index = end - 1
    while index >= sent_start and len(tokens) < limit:
        token = doc[index]
        if is_title_word(token) or token.lower_ in ("of", "for") or token.lower_ in ROLE_MODIFIERS or \
                token.text in POSSESSIVE or (
                (token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "ORG", "NORP")
                 or re.fullmatch(r"(?:[A-Z]\.)+", token.text))
                and token.lower_ not in HONORIFICS and token.text[:1].isupper()):
            tokens.append(token)
            index -= 1
            continue
        break
    tokens.reverse()
    while tokens and tokens[0].lower_ in ("of", "for") or (tokens and tokens[0].text in POSSESSIVE):
        tokens = tokens[1:]
    return tokens


def _appositive_tokens(doc, end: int) -> list:
    """The words of an appositive after a name and its comma, up to punctuation or a verb."""
    tokens = []
    for token in doc[end + 1:min(len(doc), end + 14)]:
        if token.is_punct and token.text not in POSSESSIVE and token.text not in ("-", "."):
            break
        if token.pos_ in ("VERB", "AUX", "PRON") and not is_title_word(token):
            break
        tokens.append(token)
    return tokens


def roles_around(doc, start: int, end: int) -> list[tuple[str, str | None]]:
    """Roles of a person mention at tokens [start, end): a title right before it, an
    appositive after it (", the United Nations envoy"), or one before it ("Russia's foreign
    minister, Sergey V. Lavrov")."""
    roles = []
    left = _left_context(doc, start)
    role = role_from_tokens(doc, left, adjacent_end=True) if left else None
    if role:
        roles.append(role)
    elif start >= 2 and doc[start - 1].text == ",":
        left = _left_context(doc, start - 1)
        role = role_from_tokens(doc, left, adjacent_end=True) if left else None
        if role and left and not (left[0].i > 0 and doc[left[0].i - 1].lower_ in ("of", "to", "than")):
            roles.append(role)
    if end < len(doc) - 1 and doc[end].text == ",":
        tokens = _appositive_tokens(doc, end)
        if tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].pos_ == "PROPN" or is_title_word(tokens[0])) \
                and not (tokens[0].ent_type_ == "PERSON" or tokens[0].lower_ in HONORIFICS):
            role = role_from_tokens(doc, tokens, adjacent_end=False)
            if role and role not in roles:
                roles.append(role)
    return roles
