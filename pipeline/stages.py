"""The batch stages before the NLP as pure functions over a batch (no Dagster): a new file
marked as the duplicate of one already loaded, every file parsed by its format, every
document cleaned, and what each stage learned about each file kept in its ledger (the
`files` row: status, quarantine reason, encoding; the bad records). The ingest assets
(pipeline.assets) are thin wrappers around them; the CLI's warm NLP process runs the
same functions over the batch it guesses (pipeline.nlp.prefetch), so that the assets can
take its result when their input is the same."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from pipeline import clean, ingest
from pipeline.records import CleanArticle, InboxFile, ParsedDocument, RecordError


@dataclass
class FileLedger:
    """What the stages learned about each file of the batch: becomes its `files` row
    (status, reason, encoding, lossy, duplicate) and its `quarantined_records`."""

    files: list[InboxFile]
    quarantine: dict[str, str] = field(default_factory=dict)  # file_id -> reason
    notes: dict[str, str] = field(default_factory=dict)  # file_id -> note for loaded files
    decoding: dict[str, tuple[str | None, bool]] = field(default_factory=dict)  # file_id -> (encoding, lossy)
    record_errors: dict[str, list[RecordError]] = field(default_factory=dict)  # file_id -> bad records
    records_in_file: dict[str, int] = field(default_factory=dict)  # file_id -> documents parsed

    def reject(self, file_id: str, record_no: int, reason: str) -> None:
        """Quarantine one document: the whole file when it is the file's only record,
        else just that record (the file's other records go on)."""
        if self.records_in_file.get(file_id, 1) > 1:
            self.record_errors.setdefault(file_id, []).append(RecordError(record_no, reason))
        else:
            self.quarantine.setdefault(file_id, reason)

    def ledger(self) -> "FileLedger":
        return FileLedger(self.files, dict(self.quarantine), dict(self.notes), dict(self.decoding),
                          {k: list(v) for k, v in self.record_errors.items()}, dict(self.records_in_file))


@dataclass
class ParsedBatch(FileLedger):
    documents: list[ParsedDocument] = field(default_factory=list)


@dataclass
class CleanBatch(FileLedger):
    articles: list[CleanArticle] = field(default_factory=list)


def duplicates_marked(files: list[InboxFile], loaded_by_sha: dict[str, str]) -> list[InboxFile]:
    """A readable file whose bytes equal a file loaded before (or earlier in this
    batch, by name order) records which file it duplicates and is not parsed again."""
    first = dict(loaded_by_sha)
    out = []
    for f in files:
        if f.problem or f.format == "sidecar":
            out.append(f)
        elif f.sha256 in first and first[f.sha256] != f.name:
            out.append(replace(f, duplicate_of=first[f.sha256]))
        else:
            first.setdefault(f.sha256, f.name)
            out.append(f)
    return out


def parse_batch(files: list[InboxFile], before_parse: Callable[[], None] = lambda: None) -> ParsedBatch:
    """Each new file parsed by its format; unreadable files and records go to quarantine
    with the reason, the rest go on. `before_parse` is called before each file is read
    (the crash tests' pause point, pipeline.faults)."""
    batch = ParsedBatch(files=files)
    for f in files:
        if f.format == "sidecar":
            batch.notes[f.file_id] = "metadata sidecar of the article file with the same stem"
            continue
        if f.duplicate_of:
            batch.notes[f.file_id] = f"same content as {f.duplicate_of}"
            continue
        before_parse()
        try:
            parsed = ingest.parse_file_report(f)
        except ingest.ParseError as exc:
            batch.quarantine[f.file_id] = str(exc)
            continue
        except Exception as exc:  # noqa: BLE001 — one bad file must not sink the batch
            batch.quarantine[f.file_id] = f"parse failed: {type(exc).__name__}: {exc}"[:500]
            continue
        batch.documents.extend(parsed.documents)
        batch.decoding[f.file_id] = (parsed.encoding, parsed.lossy)
        batch.records_in_file[f.file_id] = len(parsed.documents) + len(parsed.record_errors)
        if parsed.record_errors:
            batch.record_errors[f.file_id] = list(parsed.record_errors)
    return batch


def clean_batch(parsed: ParsedBatch) -> CleanBatch:
    """Chrome removed, glued paragraphs repaired, byline/dateline/agency/dates read; a
    document that fails to clean or is left empty is quarantined (its file, when it is
    the file's only record), and no article of a quarantined file goes on."""
    out = CleanBatch(**vars(parsed.ledger()))
    for doc in parsed.documents:
        try:
            article = clean.clean_document(doc)
        except Exception as exc:  # noqa: BLE001 — one bad record must not sink the batch
            out.reject(doc.file.file_id, doc.record_no, f"cleaning failed: {type(exc).__name__}: {exc}"[:500])
            continue
        if not any(v.text.strip() for v in article.versions):
            out.reject(doc.file.file_id, doc.record_no, "no body text left after cleaning")
            continue
        out.articles.append(article)
    bad = set(out.quarantine)
    out.articles = [a for a in out.articles if a.file_id not in bad]
    return out
