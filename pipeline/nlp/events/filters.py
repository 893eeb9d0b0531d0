"""Filters of the events found in one document (`extract.py`): an event told twice in a sentence keeps its fullest
telling (`drop_partial`, `drop_unknown_source_twins`), an actor acting on itself is no event (`self_event`) unless a
full name and a bare surname of one entity are two people (`split_namesakes`), and a reverse sense's actors change
places (`reversed_pairs`)."""
from __future__ import annotations

from pipeline.nlp.events.lexicon import Trigger
from pipeline.records import Event

UNKNOWN_DOER_TYPES = {"DISAPPROVE", "DEMAND"}  # "X came under fire / under pressure": done to X by someone unnamed


def drop_partial(events: list[Event]) -> list[Event]:
    """One event told twice in a sentence ("had a work stoppage to protest the cuts"): an event
    without target is dropped when the sentence has one of the same type and source with a target."""
    full = {(e.start_char, e.event_type, e.actor1_key or e.actor1_text) for e in events
            if e.actor2_key or e.actor2_text}
    return [e for e in events if e.actor2_key or e.actor2_text or
            (e.start_char, e.event_type, e.actor1_key or e.actor1_text) not in full]


def drop_unknown_source_twins(events: list[Event]) -> list[Event]:
    """One deed told twice in a sentence ("were arrested in the fatal shooting of a deputy who was murdered"): an
    event with an unknown source is dropped when the sentence has one of the same type and target whose source is
    known."""
    def target(e: Event):
        return e.actor2_key or (e.actor2_text or "").lower()

    known = {(e.start_char, e.event_type, target(e)) for e in events if e.actor1_key or e.actor1_text}
    return [e for e in events if e.actor1_key or e.actor1_text or not target(e) or
            (e.start_char, e.event_type, target(e)) not in known]


def self_event(source, target, target_text: str | None) -> bool:
    """An actor acting on itself is no event; a group named by its demonym is another actor ("Croatia is
    investigating war crimes by Croatian extremists")."""
    if source is None or target is None or source.entity_key != target.entity_key:
        return False
    return not (target.label == "NORP" and target_text and target_text != target.text)


def split_namesakes(source: tuple, target: tuple) -> tuple[tuple, tuple]:
    """"Peterson was convicted of first-degree murder for the death of Laci Peterson": the entity stage joins a lone
    surname to the one full name of the document that ends with it, so a husband and wife become one entity and the
    event a self-event, dropped. A person's full name and a bare surname as the two parties of one event are two people
    who share a surname (acting on oneself is no event, `self_event`): the surname's side is kept by its text, without
    the full name's entity. Each side is a (mention, text) pair."""
    (m1, t1), (m2, t2) = source, target
    if m1 is None or m2 is None or m1.entity_key != m2.entity_key or m1.start == m2.start or \
            m1.label != "PERSON" or m2.label != "PERSON":
        return source, target
    words1, words2 = m1.text.split(), m2.text.split()
    if len(words1) == 1 and len(words2) > 1 and words2[-1] == words1[0]:
        return (None, t1 or m1.text), target
    if len(words2) == 1 and len(words1) > 1 and words1[-1] == words2[0]:
        return source, (None, t2 or m2.text)
    return source, target


def reversed_pairs(pairs: list, trig: Trigger) -> list:
    """A reverse sense (CAMEO "come under fire from X", "faced criticism from X") is done by its target to its subject:
    the named target becomes the source; with no named target, a criticism or a pressure the named subject came under
    was made by someone unnamed ("Mr Blair has come under fire for his handling of the war"), like an agentless passive
    ("was criticised")."""
    swapped = [(b, a) for a, b in pairs if b[0] is not None]
    if swapped or trig.type not in UNKNOWN_DOER_TYPES:
        return swapped
    return [((None, None), a) for a, b in pairs if a[0] is not None]
