"""Descriptions of persons: a person span that is only a title ("Apple CEO") and "the
secretary"-style phrases, linked to the one person of the document holding that role."""
from __future__ import annotations

from pipeline.names import titles
from pipeline.nlp.entities.candidates import Description
from pipeline.nlp.entities.linking import DocumentLinker
from pipeline.nlp.entities.roles import find_title
from pipeline.nlp.entities.text import doc_text
from pipeline.records import LocalEntity, Mention


def link_descriptions(linker: DocumentLinker, descriptions: list[Description]) -> None:
    """A description span joins the one person with its role (and affiliation, when two have the role)."""
    doc = linker.doc
    for description in descriptions:
        role, affiliation = description.role
        holders = [entity for entity in linker.entities.values()
                   if entity.actor_type == "person" and any(held == role for held, _ in entity.roles)]
        if len(holders) > 1 and affiliation:
            holders = [entity for entity in holders if (role, affiliation) in entity.roles]
        if len(holders) == 1:
            start, end = description.start_char, description.end_char
            linker.mentions.append(Mention(start=start, end=end, text=doc_text(doc)[start:end], label="PERSON",
                                           entity_key=holders[0].key))
            linker.span_keys[description.index] = holders[0].key


def _role_heads(entities: dict[str, LocalEntity]) -> dict[str, list[str]]:
    """head word of a role ("secretary") -> keys of the persons holding a role with it."""
    heads: dict[str, list[str]] = {}
    for entity in entities.values():
        if entity.actor_type != "person":
            continue
        for role, _ in entity.roles:
            for _phrase, (title_role, head) in titles().items():
                if title_role == role:
                    heads.setdefault(head, [])
                    if entity.key not in heads[head]:
                        heads[head].append(entity.key)
    return heads


def description_mentions(doc, entities: dict[str, LocalEntity], mentions: list[Mention]) -> list[Mention]:
    """"the secretary", "the envoy": a mention of the one person of the document whose
    role has that head word, when that person was named before."""
    heads = _role_heads(entities)
    if not heads:
        return []
    first_at: dict[str, int] = {}
    for mention in mentions:
        first_at.setdefault(mention.entity_key, mention.start)
    taken = [(mention.start, mention.end) for mention in mentions]
    found = []
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc):
            continue
        hit = find_title([word.lower_ for word in doc[token.i + 1:token.i + 5]], must_end=False)
        if not hit or hit.start != 0:
            continue
        end_token = token.i + 1 + hit.end
        following = doc[end_token] if end_token < len(doc) else None
        if following is not None and (following.lower_ in ("of", "for", "'s", "’s", "general")
                                      or following.pos_ == "PROPN" or following.text[:1].isupper()):
            continue
        keys = heads.get(hit.head, [])
        if len(keys) != 1 or first_at.get(keys[0], 10**9) > token.idx:
            continue
        start, end = token.idx, doc[end_token - 1].idx + len(doc[end_token - 1].text)
        if any(low < end and start < high for low, high in taken):
            continue
        found.append(Mention(start=start, end=end, text=doc_text(doc)[start:end], label="PERSON", entity_key=keys[0]))
    return found
