"""Article identity across re-ingests: a URL-less record whose id is not stored yet is the
same article as a stored or earlier-in-batch near-duplicate of the same source."""
from __future__ import annotations

from pipeline.versions.sketches import SketchIndex, estimate_jaccard, fingerprint
from pipeline.versions.stored import StoredState, stored_versions

IDENTITY_THRESHOLD = 0.8


class BatchFingerprints(SketchIndex):
    """Fingerprints of the articles seen so far in this batch (identity by near-duplicate)."""


def _near_duplicate(sketch_values: list[int], source: str | None, existing: dict,
                    batch: BatchFingerprints) -> str | None:
    """The URL-less article of the same source most similar to the sketch (Jaccard >=
    IDENTITY_THRESHOLD), stored or earlier in the batch, or None."""
    best, best_jaccard = None, IDENTITY_THRESHOLD
    found = batch.candidates(sketch_values)
    if isinstance(existing, StoredState):
        found += existing.similar_articles(sketch_values)
    for candidate in found:
        if candidate.get("canonical_url") is None and (candidate.get("source") or None) == (source or None):
            jaccard = estimate_jaccard(sketch_values, candidate["sketch"])
            if jaccard > best_jaccard or (best is None and jaccard >= best_jaccard):
                best, best_jaccard = candidate["article_id"], jaccard
    return best


def resolve_article_id(default_id: str, url_less: bool, source: str | None, text: str,
                       existing: dict, batch: BatchFingerprints) -> str:
    """The article a record belongs to. `default_id` comes from load.article_id_for (URL,
    else source + title, else inbox path). A URL-less record whose id is not stored yet (a
    new path, or a new title: retitled) is the same article as a stored or earlier-in-batch
    URL-less article of the same source whose text is a near-duplicate."""
    sketch_values = fingerprint(text).sketch
    if url_less and default_id not in batch.entries and not stored_versions(existing, default_id):
        default_id = _near_duplicate(sketch_values, source, existing, batch) or default_id
    batch.add(default_id, sketch_values, source=source, canonical_url=None if url_less else "known")
    return default_id
