"""Per-document isolation for the NLP and load stages: a document whose annotation or
rows fail is quarantined (its file, or its record in a multi-record file) with the
reason, and the rest of the batch goes on. `ledger` is the batch's FileLedger (its
`reject(file_id, record_no, reason)` records the quarantine)."""
from __future__ import annotations

from dataclasses import replace

from pipeline import load
from pipeline.records import CleanArticle, VersionAnnotations


def _keep(articles: list[CleanArticle], annotations: list[VersionAnnotations],
          drop: set[int]) -> tuple[list[CleanArticle], list[VersionAnnotations]]:
    """The articles not in `drop`, with their annotations renumbered to the new positions."""
    position = {old: new for new, old in enumerate(i for i in range(len(articles)) if i not in drop)}
    kept = [a for i, a in enumerate(articles) if i not in drop]
    notes = [replace(a, article_index=position[a.article_index]) for a in annotations if a.article_index in position]
    return kept, notes


def without_failed_nlp(ledger, articles: list[CleanArticle], annotations: list[VersionAnnotations]):
    """Quarantine the articles a version of which the NLP stage failed on."""
    failed: dict[int, str] = {}
    for ann in annotations:
        if ann.error and ann.article_index not in failed:
            failed[ann.article_index] = ann.error
    for i, reason in failed.items():
        ledger.reject(articles[i].file_id, articles[i].record_no, reason)
    return _keep(articles, annotations, set(failed))


def _rows(con, articles, annotations):
    load.remember_fingerprints(articles, annotations)
    load.remember_kb_entries(annotations)
    existing, stored_actors = load.read_for_batch(con, articles, annotations)  # all SQL reads, up front
    return load.build_rows(articles, annotations, existing, stored_actors)


def build_rows_isolated(con, ledger, articles: list[CleanArticle], annotations: list[VersionAnnotations]):
    """`load.build_rows` for the batch; when it fails, each article is tried alone to
    find the ones that fail (quarantined with the error), and the rest is built again.
    Returns (articles, annotations, rows)."""
    try:
        return articles, annotations, _rows(con, articles, annotations)
    except Exception:  # noqa: BLE001 — find the culprits one article at a time
        pass
    bad: set[int] = set()
    for i, article in enumerate(articles):
        alone, notes = _keep(articles, annotations, set(range(len(articles))) - {i})
        try:
            _rows(con, alone, notes)
        except Exception as exc:  # noqa: BLE001
            bad.add(i)
            ledger.reject(article.file_id, article.record_no, f"load failed: {type(exc).__name__}: {exc}"[:500])
    articles, annotations = _keep(articles, annotations, bad)
    return articles, annotations, _rows(con, articles, annotations)
