"""The NLP work of a run, worked out ahead: the requests (each a list of chunks of distinct
texts) that the steps will send to the warm workers — for the batch's new files by the
same pure functions its stages run (scan, parse, clean), for the re-annotation from the
stale versions' stored text read in the batches it works in — with the same job order and
chunks as `pipeline.nlp.annotate_jobs`.

The warm workers (pipeline.nlp.warm) start on them while the CLI is still importing
Dagster and running the batch's first steps, and go on with the next request's chunks
while the CLI writes a batch, so no core waits for the other. A guess, never trusted:
each step still sends its own chunks, and a chunk is taken from the prefetched work only
when it is the same list of texts (a file the stages quarantine and the guess kept
shifts the chunks after it: the guess is then dropped and the work done as asked)."""
from __future__ import annotations

import duckdb

from pipeline import clean, ingest
from pipeline.nlp import Job, job_of, process_count, request_chunks
from pipeline.records import CleanArticle
from pipeline.stale import BATCH_SIZE, annotation_items, read_stale, stale_batches


def _articles(inbox: str, names: list[str]) -> list[CleanArticle]:
    """The batch's clean articles, as far as the pure stages tell (files the scan or a
    parser refuses, records that fail to clean or are left empty: left out)."""
    out = []
    for found in ingest.scan_inbox(inbox, only=names):
        if found.problem or found.format == "sidecar":
            continue
        try:
            parsed = ingest.parse_file_report(found)
        except Exception:  # noqa: BLE001 — the parse step quarantines it
            continue
        for doc in parsed.documents:
            try:
                article = clean.clean_document(doc)
            except Exception:  # noqa: BLE001 — the clean step quarantines it
                continue
            if any(v.text.strip() for v in article.versions):
                out.append(article)
    return out


def _request(items: list[tuple]) -> list[list[Job]]:
    """The chunks `annotate_versions(items)` sends (its distinct jobs, as annotate_jobs cuts them)."""
    jobs = list(dict.fromkeys(job_of(item) for item in items))
    return request_chunks(jobs, process_count(len(jobs)))


def expected_chunks(inbox: str, names: list[str]) -> list[list[Job]]:
    """The chunks the NLP step will send for a batch of these new files (one request)."""
    articles = _articles(inbox, names)
    return _request([(i, v.version_no, v.text, a.published_at, v.title)
                     for i, a in enumerate(articles) for v in a.versions])


def expected_reannotation(warehouse: str, limit: int = 0, batch_size: int = BATCH_SIZE) -> list[list[list[Job]]]:
    """The requests the re-annotation will send, one per batch of stale versions (the
    warehouse read read-only; nothing when it cannot be read now)."""
    try:
        with duckdb.connect(warehouse, read_only=True) as con:
            batches = [read_stale(con, ids) for ids in stale_batches(con, limit, batch_size)]
    except duckdb.Error:
        return []
    return [_request(annotation_items(stale)) for stale in batches]
