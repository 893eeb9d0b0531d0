"""Annotation rows of one new version for the load stage: mentions, quotes, event mentions
and events (with the cross-document identity of an event), once its entities' actors are
known (pipeline.load_actors). Pure functions: no SQL."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from pipeline.event_symmetry import is_symmetric
from pipeline.ids import stable_id
from pipeline.records import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from pipeline.load_actors import PendingVersion

# The columns of an `events` row: taken from the mention that first reported the event.
EVENT_COLUMNS = ("event_id", "article_id", "version_id", "event_type", "mode", "status", "actor1_id", "actor2_id",
                 "actor1_text", "actor2_text", "place", "event_date", "date_granularity", "date_text", "sentence",
                 "start_char", "end_char", "trigger", "cameo_code", "extractor_version")


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def timestamp(iso: str | None) -> datetime | None:
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone(timezone.utc).replace(tzinfo=None)


def as_date(iso: str | None):
    if not iso:
        return None
    try:
        return datetime.fromisoformat(str(iso)[:10]).date()
    except ValueError:
        return None


def annotation_rows(rows: dict[str, list[dict]], item: "PendingVersion", actor_of: dict[str, str]) -> None:
    """mentions, quotes, event_mentions and events rows of one new version."""
    version_id, article_id, published_at, ann = item.version_id, item.article_id, item.published_at, item.ann
    for m in ann.mentions:
        rows["mentions"].append(
            {
                "mention_id": stable_id("mention", version_id, m.start, m.end),
                "version_id": version_id,
                "actor_id": actor_of[m.entity_key],
                "entity_key": m.entity_key,
                "start_char": m.start,
                "end_char": m.end,
                "text": m.text,
                "label": m.label,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    for q in ann.quotes:
        rows["quotes"].append(
            {
                "quote_id": stable_id("quote", version_id, q.start, q.end) if q.field == "body"
                else stable_id("quote", version_id, q.field, q.start, q.end),
                "version_id": version_id,
                "article_id": article_id,
                "text": q.text,
                "start_char": q.start,
                "end_char": q.end,
                "kind": q.kind,
                "speaker_actor_id": actor_of.get(q.speaker_entity_key) if q.speaker_entity_key else None,
                "speaker_text": q.speaker_text,
                "cue": q.cue,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
                "is_anonymous": q.is_anonymous,
                "cue_type": q.cue_type,
                "field": q.field,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    for e in ann.events:
        a1 = actor_of.get(e.actor1_key) if e.actor1_key else None
        a2 = actor_of.get(e.actor2_key) if e.actor2_key else None
        event_id = event_identity(article_id, e, a1, a2)
        rows["event_mentions"].append(
            {
                "event_mention_id": stable_id("event_mention", version_id, e.start_char,
                                              e.trigger_start if e.trigger_start is not None else e.trigger,
                                              e.event_type, e.actor1_text, e.actor2_text),
                "event_id": event_id,
                "article_id": article_id,
                "version_id": version_id,
                "event_type": e.event_type,
                "mode": e.mode,
                "status": e.status,
                "actor1_id": a1,
                "actor2_id": a2,
                "actor1_text": e.actor1_text,
                "actor2_text": e.actor2_text,
                "place": e.place,
                "event_date": as_date(e.event_date),
                "date_granularity": e.date_granularity,
                "date_text": e.date_text,
                "sentence": e.sentence,
                "start_char": e.start_char,
                "end_char": e.end_char,
                "trigger": e.trigger,
                "trigger_start": e.trigger_start,
                "trigger_end": e.trigger_end,
                "cameo_code": e.cameo_code,
                "published_at": as_date(published_at),
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
        # the first mention is the event's provenance (see UPSERT_ONLY_IF)
        rows["events"].append({k: rows["event_mentions"][-1][k] for k in EVENT_COLUMNS})


# ------------------------------------------------------------------ cross-document event identity


def event_identity(article_id: str, e, actor1_id: str | None, actor2_id: str | None) -> str:
    """The real-world event a mention reports (GDELT's Events/Mentions split): a dated
    event is its PLOVER type, its actors (sorted when the type is symmetric: a meeting of
    A and B is the meeting of B and A; a target without an entity counts by its text) and
    its date with granularity, whichever article reports it. An undated event cannot be
    told apart from another one of the same actors, so it stays inside its article
    (type, mode and actors there)."""
    def norm(text: str | None) -> str:
        return re.sub(r"\W+", " ", (text or "").lower()).strip()

    a1 = actor1_id or "text:" + norm(e.actor1_text)
    a2 = actor2_id or ("text:" + norm(e.actor2_text) if e.actor2_text else "")
    actors = sorted([a1, a2]) if is_symmetric(e.event_type, e.mode) and a2 else [a1, a2]
    if e.event_date and actor1_id:
        return stable_id("event", e.event_type, *actors, e.event_date, e.date_granularity)
    return stable_id("event", article_id, e.event_type, e.mode, *actors)
