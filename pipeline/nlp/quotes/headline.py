"""Headline quotes: the title of a version parsed on its own ('Trump: ‘I’m the worst thing
…’', 'More reforms ahead says Milburn', 'Blair defends terror law changes'), every quote
marked `field = "title"` (its offsets index the title), its speaker linked to the actor the
body names the same way — a headline calls people by their surname ('Milburn' is the body's
'Alan Milburn'), or not at all when the body has no such actor."""
from __future__ import annotations

import re

from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.quotes.lexicon import speech_verbs
from pipeline.records import LocalEntity, Quote

# 'More reforms ahead says Milburn', 'Rates to rise, warns Bank': the headline inversion, a
# speech verb and a short capitalized name ending the line after the words reported
INVERTED = re.compile(r"(?P<content>.*?\w[\w’'\")]*)[,:]? (?P<cue>[a-z]+s) (?P<name>(?:the )?[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3})\s*$")


def _name_words(name: str) -> list[str]:
    return [word.lower() for word in re.findall(r"[A-Z][\w’'\-]+", name)]


def body_entity_key(speaker_text: str | None, entities: list[LocalEntity]) -> str | None:
    """The body entity a headline speaker names: one whose canonical name or an alias has
    the speaker's last capitalized word (a person's surname, an organization's name);
    of several, the first the body mentions."""
    words = _name_words(speaker_text or "")
    if not words:
        return None
    last = words[-1]
    for entity in entities:
        names = [entity.canonical_name, *entity.aliases]
        if any(last in _name_words(name) for name in names) and entity.actor_type in ("person", "organization", "group"):
            return entity.key
    return None


def inverted_report(title: str) -> Quote | None:
    """'More reforms ahead says Milburn': the words before a speech verb (third person, of
    `direct` use in speech_verbs.tsv) and the name ending the headline."""
    match = INVERTED.match(title)
    if match is None or speech_verbs().get(match["cue"][:-1]) != "direct" or len(match["content"].split()) < 2:
        return None
    start, end = match.span("content")
    while start < end and title[start] in "‘“'\" ":
        start += 1
    while end > start and title[end - 1] in "’”'\" ":
        end -= 1
    return Quote(start=start, end=end, text=title[start:end], kind="indirect", speaker_text=match["name"],
                 speaker_entity_key=None, cue=match["cue"], speaker_start=match.start("name"),
                 speaker_end=match.end("name"), cue_start=match.start("cue"), cue_end=match.end("cue"))


def headline_quotes(title_doc, entities: list[LocalEntity]) -> list[Quote]:
    """The quotes of a parsed title, speakers linked to the body's entities."""
    inverted = inverted_report(title_doc.text)
    if inverted is not None:
        quotes = [inverted]
    else:
        title_entities, title_mentions = extract_entities(title_doc)
        quotes = extract_quotes(title_doc, title_entities, title_mentions)
    for quote in quotes:
        quote.field = "title"
        quote.speaker_entity_key = body_entity_key(quote.speaker_text, entities)
    return quotes
