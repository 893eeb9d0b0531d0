"""Plain records passed between stages.

Every stage is a pure function from one of these to the next, so the Dagster assets
stay thin and the text logic is testable without Dagster or DuckDB.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.ids import stable_id

EXTRACTOR_VERSION = "0.8.12"  # provenance of every extracted row: bump when an extractor changes its output


@dataclass(frozen=True)
class InboxFile:
    """One file found in the inbox, identified by its path and content hash."""

    path: str  # absolute path
    name: str  # file name relative to the inbox (what `versions.source_file` records)
    size: int
    sha256: str
    mtime: float
    format: str  # text | html | json | jsonl | newssniffer | sidecar | symlink | special | oversized | unknown
    problem: str | None = None  # why the scan already knows this entry will not be read (quarantine reason)
    duplicate_of: str | None = None  # inbox path of a file with the same bytes, loaded earlier

    @property
    def file_id(self) -> str:
        return stable_id("file", self.name, self.sha256)


@dataclass
class RawVersion:
    """One version of an article's body as found in the input, before cleaning."""

    text: str
    title: str | None = None
    relative_timing: str | None = None  # e.g. "(about 7 hours later)" on NewsSniffer pages


@dataclass
class ParsedDocument:
    """What a parser could read out of one input record (a file may hold several: JSONL)."""

    file: InboxFile
    record_no: int
    versions: list[RawVersion]
    url: str | None = None
    source: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None  # ISO date/datetime string as given by metadata
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordError:
    """One record of a multi-record file (JSON array, JSONL line) that was quarantined."""

    record_no: int  # 0-based position (for JSONL: the line index)
    reason: str  # says the line number for JSONL


@dataclass
class ParsedFile:
    """Everything the parse stage read from one file: its documents, how its bytes were
    decoded, and the records it had to quarantine."""

    documents: list[ParsedDocument]
    encoding: str | None = None
    lossy: bool = False  # some bytes could not be decoded and were replaced
    record_errors: list[RecordError] = field(default_factory=list)


@dataclass
class CleanVersion:
    version_no: int
    title: str | None
    text: str  # the cleaned text every span points into
    removed_text: str = ""  # chrome removed from this version, kept for audit
    relative_timing: str | None = None


@dataclass
class CleanArticle:
    """An article after cleaning: metadata fields and one or more cleaned versions."""

    source_file: str
    file_id: str
    record_no: int
    url: str | None
    source: str | None
    title: str | None
    byline: str | None
    authors: list[str]
    dateline: str | None
    wire_agency: str | None
    published_at: str | None  # ISO date (YYYY-MM-DD) or datetime
    published_from: str | None  # text | url | metadata
    versions: list[CleanVersion]
    seen_at: str | None = None  # ISO timestamp: when the pipeline saw this file (its mtime)


# --- NLP output: everything refers to character spans of CleanVersion.text ---


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # spaCy label or corrected type: PERSON, ORG, GPE, NORP, ...
    entity_key: str  # key of the LocalEntity it belongs to


@dataclass
class LocalEntity:
    """An entity as resolved inside one version: the unit the load stage maps to an actor."""

    key: str
    canonical_name: str
    actor_type: str  # person | organization | place | group
    aliases: set[str] = field(default_factory=set)
    roles: list[tuple[str, str | None]] = field(default_factory=list)  # (role, affiliation)
    gender: str | None = None  # m | f | None


@dataclass
class Quote:
    start: int
    end: int
    text: str  # without the quotation marks; equals version text[start:end]
    kind: str  # direct | partial | indirect
    speaker_text: str | None
    speaker_entity_key: str | None
    cue: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    is_anonymous: bool = False
    cue_type: str | None = None  # speech (said, told, a colon, “according to”) | stance (believes, praised, called for)
    field: str = "body"  # body | title: the text start/end index (the version's text or its title)


@dataclass
class Event:
    event_type: str  # PLOVER type
    mode: str | None
    status: str  # occurred | planned | hypothetical | denied
    actor1_key: str | None
    actor2_key: str | None
    actor1_text: str | None
    actor2_text: str | None
    place: str | None
    event_date: str | None  # ISO date of the start of the period
    date_granularity: str | None  # day | week | month | season | quarter | half | year | decade | century
    date_text: str | None
    sentence: str
    start_char: int  # sentence span
    end_char: int
    trigger: str
    trigger_start: int | None = None  # trigger span in the version text
    trigger_end: int | None = None
    cameo_code: str | None = None  # CAMEO code of the trigger sense (provenance: rules/event_triggers*.tsv)


@dataclass
class VersionAnnotations:
    """Everything the NLP stage found in one version."""

    article_index: int
    version_no: int
    entities: list[LocalEntity]
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[Event]
    error: str | None = None  # the NLP stage failed on this version: its article is quarantined
    fingerprint: tuple | None = None  # versions.sketches.text_fingerprint of the text, from the worker
    kb_entries: tuple | None = None  # actor_kb.entity_kb of each of `entities`, from the worker
    content_hash: str | None = None  # versions.version_hash of the version, from the worker
    quote_words: tuple | None = None  # versions.text.quote_words of each quote's text, from the worker
