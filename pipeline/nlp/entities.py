"""Entity mentions and first-cut actors inside one version.

spaCy's NER gives the mentions; this module fixes the types that context decides
(an honorific makes a person), strips determiners and possessives, and links surname
and honorific mentions ("Mr. Kerry", "Kerry") to the full name introduced earlier
("John Kerry"), so each `LocalEntity` is one real-world actor of the document."""
from __future__ import annotations

import re

from pipeline.ids import stable_id
from pipeline.records import LocalEntity, Mention

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
ACTOR_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "dr": None, "dr.": None, "sir": "m", "lady": "f", "lord": "m",
}
PERSON_TITLES = {
    "president", "secretary", "minister", "senator", "sen.", "rep.", "gov.", "governor",
    "prime", "chancellor", "king", "queen", "prince", "princess", "pope", "general", "gen.",
    "spokesman", "spokeswoman", "ambassador", "envoy", "judge", "justice", "mayor", "chairman",
    "chairwoman", "director", "leader", "premier", "foreign", "sheikh", "ayatollah",
}


def normalize_name(text: str) -> str:
    text = text.replace("’", "'").strip()
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,.-") if not text.endswith(".") or len(text.split()[-1]) > 2 else text.strip(" ,-")


def entity_key(canonical: str, actor_type: str) -> str:
    return stable_id("ent", actor_type, canonical.lower())


def _honorific_before(doc, start_token: int) -> str | None:
    if start_token == 0:
        return None
    prev = doc[start_token - 1].text.lower()
    return prev if prev in HONORIFICS else None


def _surname(name: str) -> str:
    parts = [p for p in name.split() if not re.fullmatch(r"[A-Z]\.?", p)]
    parts = [p for p in parts if p.lower() not in ("jr.", "jr", "sr.", "sr", "ii", "iii")]
    return parts[-1] if parts else name


def extract_entities(doc) -> tuple[list[LocalEntity], list[Mention]]:
    entities: dict[str, LocalEntity] = {}
    mentions: list[Mention] = []
    persons_by_surname: dict[str, str] = {}  # surname (lower) -> entity key of full name

    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = ent
        # trim a leading determiner and a trailing possessive from the span
        while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
            span = span[1:]
        if len(span) > 1 and span[-1].text in ("'s", "’s", "'", "’"):
            span = span[:-1]
        text = span.text
        if not text.strip() or not re.search(r"[A-Za-z]", text):
            continue
        if len(text) < 2 or text.lower() in ("n’t", "n't"):
            continue
        label = ent.label_
        honorific = _honorific_before(doc, span.start)
        if honorific or (span.start > 0 and doc[span.start - 1].lower_ in PERSON_TITLES and label == "ORG"):
            label = "PERSON"
        start, end = span.start_char, span.end_char
        name = normalize_name(text)
        actor_type = ACTOR_TYPES[label]
        if label == "PERSON":
            sur = _surname(name).lower()
            if len(name.split()) >= 2:
                key = persons_by_surname.get(sur) if name.lower() == sur else None
                key = key or entity_key(name, actor_type)
                # a longer full name with the same surname refines the canonical one
                persons_by_surname[sur] = key
            else:
                key = persons_by_surname.get(sur) or entity_key(name, actor_type)
                persons_by_surname.setdefault(sur, key)
        else:
            key = entity_key(name, actor_type)
        ent_obj = entities.get(key)
        if ent_obj is None:
            ent_obj = entities[key] = LocalEntity(key=key, canonical_name=name, actor_type=actor_type)
        ent_obj.aliases.add(name)
        if honorific:
            honor_text = doc[span.start - 1].text
            ent_obj.aliases.add(f"{honor_text} {name}")
            if HONORIFICS[honorific] and not ent_obj.gender:
                ent_obj.gender = HONORIFICS[honorific]
            start = doc[span.start - 1].idx
            text = doc.text[start:end]
        mentions.append(Mention(start=start, end=end, text=doc.text[start:end], label=label, entity_key=key))

    # A single-token person seen before its full name ("Kerry" … later "John Kerry")
    # is merged into the full name when the surname matches.
    for key, ent_obj in list(entities.items()):
        if ent_obj.actor_type != "person" or len(ent_obj.canonical_name.split()) > 1:
            continue
        full_key = persons_by_surname.get(ent_obj.canonical_name.lower())
        if full_key and full_key != key and full_key in entities:
            target = entities[full_key]
            target.aliases |= ent_obj.aliases
            target.gender = target.gender or ent_obj.gender
            for m in mentions:
                if m.entity_key == key:
                    m.entity_key = full_key
            del entities[key]
    return list(entities.values()), mentions
