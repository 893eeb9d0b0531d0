"""The NLP work of a run, worked out ahead: the requests (each a list of chunks of distinct
texts) that the steps will send to the warm workers — for the batch's new files by the
same pure functions its stages run (pipeline.stages: scan, parse, clean), for the
re-annotation from the stale versions' stored text read in the batches it works in —
with the same job order and chunks as `pipeline.nlp.annotate_jobs`.

The warm workers (pipeline.nlp.warm) start on them while the CLI is still importing
Dagster and running the batch's first steps, and go on with the next request's chunks
while the CLI writes a batch, so no core waits for the other. A guess, never trusted:
each step still sends its own chunks, and a chunk is taken from the prefetched work only
when it is the same list of texts (a file the stages quarantine and the guess kept
shifts the chunks after it: the guess is then dropped and the work done as asked).

The parse and clean steps take the warm process's parsed and cleaned batch instead of
doing the work again, when the scan step gives them the very files it worked on (the
same InboxFile records): the stages are pure functions of those, quarantine reasons
included. Otherwise (a file the warehouse already holds under another name, no warm
process: `dagster dev`, the sensor) they do it themselves.
"""
from __future__ import annotations

import duckdb

from pipeline import ingest, stages
from pipeline.nlp import Job, job_of, process_count, request_chunks, warm
from pipeline.records import InboxFile
from pipeline.stale import BATCH_SIZE, annotation_items, read_stale, stale_batches

STAGES_KEY = "parsed and cleaned batch"  # what the warm process keeps for the parse and clean steps


def _request(items: list[tuple]) -> list[list[Job]]:
    """The chunks `annotate_versions(items)` sends (its distinct jobs, as annotate_jobs cuts them)."""
    jobs = list(dict.fromkeys(job_of(item) for item in items))
    return request_chunks(jobs, process_count(len(jobs)))


def expected_chunks(inbox: str, names: list[str]) -> list[list[Job]]:
    """The chunks the NLP step will send for a batch of these new files (one request).
    Run in the warm process: the parsed and cleaned batch is kept there for the steps
    (`prefetched_parse`), which take it when their input is the same list of files."""
    files = stages.duplicates_marked(ingest.scan_inbox(inbox, only=names), {})
    parsed = stages.parse_batch(files)
    cleaned = stages.clean_batch(parsed)
    warm.keep(STAGES_KEY, (parsed, cleaned))
    return _request([(i, v.version_no, v.text, a.published_at, v.title)
                     for i, a in enumerate(cleaned.articles) for v in a.versions])


# The batch the steps took from the warm process, by the step that took it (this process only).
_taken: dict[str, object] = {}


def prefetched_parse(files: list[InboxFile]) -> stages.ParsedBatch | None:
    """The warm process's parse of these very files (the same InboxFile records: paths,
    sizes, hashes, duplicate marks), else None (no warm process, another batch). The
    stages are pure functions of their input: the same files give the same batch,
    quarantine reasons included."""
    service = warm.running()
    kept = service.fetch(STAGES_KEY) if service is not None else None
    if kept is None or kept[0].files != files:
        return None
    _taken["parsed"], _taken["cleaned"] = kept
    return kept[0]


def prefetched_clean(parsed: stages.ParsedBatch) -> stages.CleanBatch | None:
    """The warm process's cleaning of this parsed batch when the parse step took it from
    there (the same object), else None."""
    if _taken.get("parsed") is not parsed:
        return None
    cleaned = _taken["cleaned"]
    _taken.clear()
    return cleaned


def expected_reannotation(warehouse: str, limit: int = 0, batch_size: int = BATCH_SIZE) -> list[list[list[Job]]]:
    """The requests the re-annotation will send, one per batch of stale versions (the
    warehouse read read-only; nothing when it cannot be read now)."""
    try:
        with duckdb.connect(warehouse, read_only=True) as con:
            batches = [read_stale(con, ids) for ids in stale_batches(con, limit, batch_size)]
    except duckdb.Error:
        return []
    return [_request(annotation_items(stale)) for stale in batches]
