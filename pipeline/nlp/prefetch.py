"""The NLP step's work, worked out ahead: the chunks of distinct texts the step will send
to the workers, from the batch's new files, by the same pure functions its stages run
(scan, parse, clean; the same job order and chunks as `pipeline.nlp.annotate_jobs`).

The warm workers (pipeline.nlp.warm) start on them while the CLI is still importing
Dagster and running the batch's first steps, so no core waits for the other. A guess,
never trusted: the step still sends its own chunks, and a chunk is taken from the
prefetched work only when it is the same list of texts (a file the stages quarantine
and the guess kept shifts the chunks after it: those are cancelled and done anew)."""
from __future__ import annotations

from pipeline import clean, ingest
from pipeline.nlp import CHUNK_SIZE, Job, chunks_for, job_of
from pipeline.records import CleanArticle


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


def expected_chunks(inbox: str, names: list[str]) -> list[list[Job]]:
    """The chunks `annotate_jobs` will send for a batch of these new files."""
    articles = _articles(inbox, names)
    jobs = dict.fromkeys(job_of((i, v.version_no, v.text, a.published_at, v.title))
                         for i, a in enumerate(articles) for v in a.versions)
    return chunks_for(list(jobs), CHUNK_SIZE)
