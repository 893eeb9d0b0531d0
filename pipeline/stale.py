"""The stale versions' stored text, read in the batches the re-annotation works in: used
by the re-annotation itself (pipeline.reannotate) and by the CLI, which reads the same
batches before Dagster starts so that the warm NLP workers begin on them at once
(pipeline.nlp.prefetch). Light on purpose (DuckDB only: no polars, no Dagster)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from pipeline.pending import stale_versions

BATCH_SIZE = 500  # versions per transaction (the NLP of a batch runs with no connection open)


@dataclass
class StaleVersion:
    version_id: str
    article_id: str
    version_no: int
    text: str
    published_at: str | None  # the article's date, the anchor of relative dates
    seen_at: datetime
    title: str | None = None  # parsed for headline quotes


def stale_batches(con, limit: int = 0, batch_size: int = BATCH_SIZE) -> list[list[str]]:
    """The stale version_ids (the first `limit` when > 0), `batch_size` at a time, in id order."""
    ids = stale_versions(con)
    ids = ids[:limit] if limit else ids
    return [ids[start:start + batch_size] for start in range(0, len(ids), batch_size)]


def read_stale(con, version_ids: list[str]) -> list[StaleVersion]:
    """The versions' stored cleaned text, title and article date, by article and version."""
    got = con.execute("SELECT v.version_id, v.article_id, v.version_no, v.text, a.published_at, v.seen_at, v.title "
                      "FROM versions v JOIN articles a USING (article_id) "
                      "WHERE v.version_id IN (SELECT unnest(?::VARCHAR[])) "
                      "ORDER BY v.article_id, v.version_no", [version_ids]).fetchall()
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    return [StaleVersion(vid, aid, no, text, pub.isoformat() if pub else None, seen or now, title)
            for vid, aid, no, text, pub, seen, title in got]


def annotation_items(stale: list[StaleVersion]) -> list[tuple]:
    """What pipeline.nlp.annotate_versions takes for these versions."""
    return [(i, s.version_no, s.text, s.published_at, s.title) for i, s in enumerate(stale)]
