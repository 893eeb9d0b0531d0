"""The NLP warm-up around a command line run: the model loads in a process of its own and
its workers start on the run's texts — worked out ahead by pipeline.nlp.prefetch — while
this process imports Dagster and runs the batch's first steps; the workers stop when the
run ends, however it ends. Apart from pipeline.cli, which stays light: `query`, `export`
and a run with nothing new never import the extractors."""
from __future__ import annotations

from contextlib import contextmanager
from functools import partial
from typing import Callable, Iterator

from pipeline import nlp
from pipeline.nlp import prefetch
from pipeline.pending import PendingWork


def _requests(new_files: Callable[[], list], stale: list) -> list:
    """The run's NLP requests in order: the new files' (worked out in the warm process), then
    the re-annotation's batches (read here, before Dagster opens the warehouse for writing)."""
    first = new_files()
    return [first, *stale] if first else stale


@contextmanager
def warm_for_run(inbox: str, warehouse: str, pending: PendingWork) -> Iterator[None]:
    """Warm workers for the run's new files and stale versions; none when it has neither
    (a run that only rebuilds models or removes deleted files parses nothing)."""
    if not (pending.new_files or pending.stale_versions):
        yield
        return
    stale = prefetch.expected_reannotation(warehouse) if pending.stale_versions else []
    new = partial(prefetch.expected_chunks, inbox, pending.new_files) if pending.new_files else list
    nlp.start_warm_workers(len(pending.new_files) + pending.stale_versions, partial(_requests, new, stale))
    try:
        yield
    finally:
        nlp.stop_warm_workers()


@contextmanager
def warm_for_reannotate(warehouse: str, limit: int) -> Iterator[None]:
    """Warm workers for `reannotate`: the stale versions' texts are read now (read-only,
    before any writer) and the workers start on them while this process imports Dagster."""
    requests = prefetch.expected_reannotation(warehouse, limit)
    if requests:
        nlp.start_warm_workers(sum(len(chunk) for chunks in requests for chunk in chunks), lambda: requests)
    try:
        yield
    finally:
        nlp.stop_warm_workers()
