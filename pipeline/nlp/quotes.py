"""Quotes with speakers (first cut): quotation-mark spans, a speech cue next to them
("…,” Mr. Kerry said / said Mr. Kerry / Kerry told Lavrov: “…”), and the speaker
resolved to a LocalEntity (pronouns to the nearest compatible person)."""
from __future__ import annotations

import re

from pipeline.records import LocalEntity, Mention, Quote

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|stated|declared|noted|explained|"
    "insisted|argued|warned|acknowledged|replied|wrote|writes|recalled|continued|conceded|"
    "emphasized|stressed|suggested|announced|remarked|observed|claimed|predicted|urged|"
    "cautioned|agreed|complained|joked|responded|answered|added"
)
PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "i": None, "we": None}
_QUOTE = re.compile(r"“([^“”]+?)”|\"([^\"\n]+?)\"")
_SPEAKER = r"(?P<speaker>(?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w’'\-]*|he|she|they|it|the [a-z][\w\- ]{2,60}?|a [a-z][\w\- ]{2,60}?)"
_AFTER = [
    re.compile(rf"^[,]?\s*{_SPEAKER}\s+(?P<cue>{SPEECH_VERBS})\b"),
    re.compile(rf"^[,]?\s*(?P<cue>{SPEECH_VERBS})\s+{_SPEAKER}(?=[\s,.;])"),
]
_BEFORE = [
    re.compile(rf"{_SPEAKER}\s+(?P<cue>{SPEECH_VERBS})(?:\s+[\w.’'\- ]{{0,40}}?)?[:,]\s*$"),
]


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end == -1 else end)


def _entity_at(mentions: list[Mention], start: int, end: int) -> str | None:
    for m in mentions:
        if m.start < end and start < m.end and m.label == "PERSON" or (
            m.start < end and start < m.end and m.label == "ORG"
        ):
            return m.entity_key
    return None


def _resolve_pronoun(pronoun: str, pos: int, mentions: list[Mention], entities: dict[str, LocalEntity],
                     last_speaker: str | None) -> str | None:
    gender = PRONOUNS.get(pronoun.lower())
    if last_speaker and (gender is None or entities[last_speaker].gender in (None, gender)):
        return last_speaker
    for m in sorted((m for m in mentions if m.end <= pos and m.label == "PERSON"), key=lambda m: -m.start):
        g = entities[m.entity_key].gender
        if gender is None or g in (None, gender):
            return m.entity_key
    return None


def extract_quotes(doc, entities: list[LocalEntity], mentions: list[Mention]) -> list[Quote]:
    text = doc.text
    by_key = {e.key: e for e in entities}
    quotes: list[Quote] = []
    last_speaker: str | None = None
    for m in _QUOTE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        q_start, q_end = m.start(g), m.end(g)
        content = text[q_start:q_end]
        if not content.strip():
            continue
        p_start, p_end = _paragraph_bounds(text, m.start())
        after = text[m.end():p_end]
        before = text[p_start:m.start()]
        speaker = cue = None
        s_start = s_end = c_start = c_end = None
        for pat in _AFTER:
            mm = pat.match(after)
            if mm:
                speaker, cue = mm.group("speaker"), mm.group("cue")
                s_start, s_end = m.end() + mm.start("speaker"), m.end() + mm.end("speaker")
                c_start, c_end = m.end() + mm.start("cue"), m.end() + mm.end("cue")
                break
        if speaker is None:
            for pat in _BEFORE:
                mm = pat.search(before)
                if mm:
                    speaker, cue = mm.group("speaker"), mm.group("cue")
                    s_start, s_end = p_start + mm.start("speaker"), p_start + mm.end("speaker")
                    c_start, c_end = p_start + mm.start("cue"), p_start + mm.end("cue")
                    break
        n_words = len(content.split())
        starts_sentence = not before.strip() or before.rstrip().endswith((":", ".", ","))
        if speaker is None:
            # a quoted fragment inside narration: partial quote, or a name/scare quote
            if n_words <= 4 and all(w[:1].isupper() for w in content.split() if w[:1].isalpha()):
                continue  # quoted name ("London 11"): nobody says it
            kind = "direct" if starts_sentence and n_words > 4 else "partial"
        else:
            kind = "direct" if (starts_sentence or n_words > 4) else "partial"
        key = None
        anonymous = False
        if speaker:
            if speaker.lower() in PRONOUNS:
                key = _resolve_pronoun(speaker, m.start(), mentions, by_key, last_speaker)
            else:
                key = _entity_at(mentions, s_start, s_end)
                anonymous = key is None and bool(re.match(r"(the|a)\s", speaker, re.I))
            if key:
                last_speaker = key
        elif kind == "direct" and last_speaker:
            key = last_speaker  # continuation paragraph of the previous speaker
        quotes.append(
            Quote(
                start=q_start, end=q_end, text=content, kind=kind,
                speaker_text=speaker, speaker_entity_key=key, cue=cue,
                speaker_start=s_start, speaker_end=s_end, cue_start=c_start, cue_end=c_end,
                is_anonymous=anonymous,
            )
        )
    return quotes
