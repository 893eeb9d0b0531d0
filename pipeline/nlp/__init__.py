"""NLP stage: one spaCy pass over every cleaned version, and the extractors for actors,
quotes and events over the parsed `Doc`, both inside the same worker processes.

spaCy's own `n_process` sends every parsed Doc back to the parent, which then runs the
extractors on one core while the workers wait; here each worker parses a chunk of texts
and runs the extractors on its Docs, and only the small annotation records come back
(each cleaned text goes to a worker once, no Doc crosses a process boundary). Identical
texts (unchanged paragraphs across versions are common) are parsed once."""
from __future__ import annotations

import copy
import multiprocessing
import os
from functools import lru_cache
from typing import Callable, NamedTuple

from pipeline.actor_kb import entity_kb
from pipeline.gc_pause import collections_paused
from pipeline.nlp import warm
from pipeline.nlp.docindex import doc_index
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.model import MODEL_NAME, load_model
from pipeline.nlp.events import extract_events
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.quotes.headline import headline_quotes
from pipeline.names import kb_forms
from pipeline.records import CleanArticle, VersionAnnotations
from pipeline.versions.sketches import text_fingerprint
from pipeline.versions.text import quote_words, version_hash

BATCH_SIZE = 16  # texts per nlp.pipe batch (spaCy's default for this model family is 256: too coarse here)
CHUNK_SIZE = 24  # texts per task sent to a worker: small enough to balance the two workers at the end
TAIL_CHUNKS, TAIL_CHUNK_SIZE = 4, 6  # the last (shortest) 4 x 24 texts go out 6 at a time: the workers finish together
# a short version that takes the extractors through their word lists and models (see `warm_extractors`)
WARM_TITLE = "Army Attacks Rebels Near Aleppo"
WARM_TEXT = (WARM_TITLE + "\n\nALEPPO — Syrian troops attacked rebel positions on Monday, officials said. "
             "\u201cWe will not negotiate,\u201d Mr. Smith, the army spokesman, told reporters. "
             "According to the United Nations, the talks with Russia were cancelled.")


def process_count(n_texts: int) -> int:
    """Worker processes for a batch: NEWS_NLP_PROCESSES, else every core for a real batch."""
    env = os.environ.get("NEWS_NLP_PROCESSES")
    if env:
        return max(1, int(env))
    # A worker costs ~0.3 s to fork and warm up: only worth it for a real batch.
    return min(2, os.cpu_count() or 1) if n_texts >= 40 else 1


class Job(NamedTuple):
    """One distinct text to annotate and the date its relative dates resolve against."""

    text: str
    published_at: str | None
    title: str | None = None  # the version's title, parsed for headline quotes


def parse_texts(texts: list[str]):
    """Yield one spaCy Doc per text, in order (duplicates parsed once; one process —
    for the evaluations, which read the Docs themselves)."""
    nlp = load_model()
    unique = list(dict.fromkeys(texts))
    docs = dict(zip(unique, nlp.pipe(unique, batch_size=BATCH_SIZE)))
    for t in texts:
        yield docs[t]


def annotate_doc(doc, published_at: str | None, article_index: int = 0, version_no: int = 1,
                 title_doc=None) -> VersionAnnotations:
    """Run every extractor over one parsed version (and the quotes of its parsed title)."""
    entities, mentions = extract_entities(doc)
    quotes = extract_quotes(doc, entities, mentions)
    if title_doc is not None:
        quotes = headline_quotes(title_doc, entities) + quotes
    events = extract_events(doc, entities, mentions, published_at)
    return VersionAnnotations(
        article_index=article_index,
        version_no=version_no,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        events=events,
    )


def _failed(exc: BaseException) -> VersionAnnotations:
    return VersionAnnotations(0, 0, [], [], [], [], error=f"NLP failed: {type(exc).__name__}: {exc}"[:500])


def _annotate_alone(job: Job) -> VersionAnnotations:
    nlp = load_model()
    try:
        return annotate_doc(nlp(job.text), job.published_at, title_doc=nlp(job.title) if job.title else None)
    except Exception as exc:  # noqa: BLE001 — one document must not sink the batch
        return _failed(exc)


def annotate_chunk(jobs: list[Job]) -> list[VersionAnnotations]:
    """Parse and annotate a chunk of texts in this process (a worker's task). One bad
    text aborts a whole `nlp.pipe` call (spaCy's E088 and the like), so on a failure
    each text is done alone: the one spaCy or an extractor fails on gets an annotation
    with `error` set (its article is quarantined at load), the others go on. Python's cyclic
    collector is paused for the chunk (~3 % of the NLP CPU, walking the model's and lexicons'
    objects; one collection after the chunk frees what cycles it made). Each text's
    near-duplicate fingerprint is computed here too, the knowledge-base actor of each
    entity, the version's content hash and its quotes' words (the load needs them: spread
    over the workers instead of serial in the parent after the parse)."""
    with collections_paused():
        annotations = _annotated(jobs)
        for ann, job in zip(annotations, jobs):
            ann.fingerprint = text_fingerprint(job.text)
            ann.kb_entries = tuple(entity_kb(entity) for entity in ann.entities)
            ann.content_hash = version_hash(job.title, job.text)
            ann.quote_words = tuple(quote_words(quote.text or "") for quote in ann.quotes)
        return annotations


def prepare_workers():
    """What the workers share, loaded once before they fork: the model, the knowledge base and
    what the extractors read on their first document (`warm_extractors`)."""
    kb_forms()
    nlp = load_model()
    warm_extractors()
    return nlp


@lru_cache(maxsize=1)
def warm_extractors() -> None:
    """Annotate one short version, once per process: the extractors' word lists, trigger
    tables and learned models (~0.2 s CPU, each read on first use) are then loaded before
    the workers fork and shared by them, instead of read again in every worker."""
    annotate_chunk([Job(WARM_TEXT, "2016-05-02", WARM_TITLE)])


def _annotated(jobs: list[Job]) -> list[VersionAnnotations]:
    nlp = load_model()
    try:
        # a chunk's titles in one batch: short texts, whose cost is mostly spaCy's per batch
        title_docs = iter(list(nlp.pipe([j.title for j in jobs if j.title], batch_size=CHUNK_SIZE)))
        docs = nlp.pipe([j.text for j in jobs], batch_size=BATCH_SIZE)
        return [_annotate_parsed(doc, j, next(title_docs) if j.title else None) for doc, j in zip(docs, jobs)]
    except Exception:  # noqa: BLE001
        return [_annotate_alone(job) for job in jobs]


def _annotate_parsed(doc, job: Job, title_doc) -> VersionAnnotations:
    # the texts the Docs were parsed from, so that the extractors' index does not join their tokens again
    doc_index(doc, job.text)
    if title_doc is not None:
        doc_index(title_doc, job.title)
    return annotate_doc(doc, job.published_at, title_doc=title_doc)


def _chunks(jobs: list[Job], size: int) -> list[list[Job]]:
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def longest_first(jobs: list[Job]) -> list[int]:
    """Job positions, longest text first: the workers take chunks as they free up, so with the
    short texts last the two finish together instead of one waiting on a long article at the
    end (a parse does not depend on which texts share its batch: annotations_snapshot)."""
    return sorted(range(len(jobs)), key=lambda i: (-len(jobs[i].text), i))


def annotate_jobs(jobs: list[Job], processes: int | None = None) -> list[VersionAnnotations]:
    """Annotations for distinct jobs, in order: by the warm workers when this process
    started them (pipeline.nlp.warm), else in this process for a small batch, else in
    forked workers that share the parent's loaded model (copy-on-write)."""
    if not jobs:
        return []
    processes = processes or process_count(len(jobs))
    service = warm.running()
    if service is not None:
        done = _flat(service.annotate(request_chunks(jobs, processes), processes))
        return _in_order(jobs, done) if processes > 1 else done
    prepare_workers()  # loaded once, before the fork
    if processes <= 1 or len(jobs) < 2:
        return annotate_chunk(jobs)
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        done = _flat(pool.imap(annotate_chunk, chunks_for(jobs)))
        # workers told to stop, not killed: a SIGTERM reaches them inside Dagster's inherited
        # signal handler, which prints a DagsterExecutionInterruptedError per worker
        pool.close()
        pool.join()
    return _in_order(jobs, done)


def request_chunks(jobs: list[Job], processes: int) -> list[list[Job]]:
    """The chunks `annotate_jobs` sends the warm workers for these jobs (one on one process)."""
    return chunks_for(jobs) if processes > 1 else [jobs]


def start_warm_workers(expected_texts: int, expect: Callable[[], list[list[list[Job]]]] | None = None) -> None:
    """Load the model and fork the workers now, in a process of their own, while this
    process goes on with its start (pipeline.nlp.warm): `annotate_jobs` then uses them.
    `expect`: the requests the steps will send, in order, each a list of chunks
    (pipeline.nlp.prefetch), started at once."""
    warm.start(process_count(expected_texts), prepare_workers, annotate_chunk, expect)


def stop_warm_workers() -> None:
    warm.stop()


def chunks_for(jobs: list[Job], size: int = CHUNK_SIZE) -> list[list[Job]]:
    """The workers' tasks: the jobs longest first, `size` at a time, the shortest at the end
    in smaller chunks (a worker that takes the last chunk no longer leaves the other idle
    for most of a 24-text chunk: ~0.5 s of one core on the benchmark)."""
    ordered = [jobs[i] for i in longest_first(jobs)]
    tail = min(len(ordered), TAIL_CHUNKS * size)
    return _chunks(ordered[:len(ordered) - tail], size) + _chunks(ordered[len(ordered) - tail:], TAIL_CHUNK_SIZE)


def _flat(chunks) -> list[VersionAnnotations]:
    return [ann for chunk in chunks for ann in chunk]


def _in_order(jobs: list[Job], done: list[VersionAnnotations]) -> list[VersionAnnotations]:
    """Annotations of the longest-first order put back in the jobs' order."""
    out: list[VersionAnnotations] = [None] * len(jobs)  # type: ignore[list-item]
    for ann, i in zip(done, longest_first(jobs)):
        out[i] = ann
    return out


def annotate_versions(items: list[tuple]) -> list[VersionAnnotations]:
    """(article_index, version_no, text, published_at[, title]) → annotations in the same
    order; each distinct (text, published_at, title) is annotated once."""
    jobs = list(dict.fromkeys(job_of(item) for item in items))
    by_job = dict(zip(jobs, annotate_jobs(jobs)))
    out, used = [], set()
    for item in items:
        index, version_no, job = item[0], item[1], job_of(item)
        ann = by_job[job] if job not in used else copy.deepcopy(by_job[job])  # rows never share records
        used.add(job)
        out.append(VersionAnnotations(article_index=index, version_no=version_no, entities=ann.entities,
                                      mentions=ann.mentions, quotes=ann.quotes, events=ann.events,
                                      error=ann.error, fingerprint=ann.fingerprint,
                                      kb_entries=ann.kb_entries, content_hash=ann.content_hash,
                                      quote_words=ann.quote_words))
    return out


def job_of(item: tuple) -> Job:
    """(article_index, version_no, text, published_at[, title]) -> the job that annotates it."""
    title = item[4] if len(item) > 4 else None
    return Job(item[2], item[3], title if title and title.strip() else None)


def annotate_articles(articles: list[CleanArticle]) -> list[VersionAnnotations]:
    """Annotations for every version of every article (and its title), in article/version order."""
    return annotate_versions([(i, v.version_no, v.text, a.published_at, v.title)
                              for i, a in enumerate(articles) for v in a.versions])
