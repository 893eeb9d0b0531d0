"""The system side of the quote evaluations (`pipeline.evaluate.quotes`, `quotes_bbc`,
`quotes_bbc_precision`, `quotes_snapshot`): the predicted attributions of a list of articles,
from the real pipeline (`predict_pipeline`: a temporary inbox and warehouse) or from the NLP
functions on the raw texts (`predict_direct`, `predictions_from_doc`), each span mapped back to
the raw text (see `pipeline.evaluate.quotes` for how). The pipeline run itself
(`predict_pipeline`, Dagster and DuckDB) is `quotes_pipeline`'s, so that this module stays
light for the scripts that score a cached parse."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.evaluate.polnear_gold import Article, PredAttribution
from pipeline.evaluate.quotes_score import QUOTED
from pipeline.nlp import load_model
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes


class QuoteRow(NamedTuple):
    """One predicted quote as the evaluation reads it (a `quotes` row of the warehouse, or an
    extractor `Quote` with its speaker's canonical name): offsets index the field's text."""
    start: int
    text: str
    kind: str
    cue_start: int | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    actor_name: str | None
    field: str = "body"


def _locate(raw: str, needle: str, expected: int) -> tuple[int, int] | None:
    """The occurrence of `needle` in `raw` nearest to `expected` (flexible white space)."""
    if not needle:
        return None
    hits = [m.start() for m in re.finditer(re.escape(needle), raw)]
    if hits:
        s = min(hits, key=lambda h: abs(h - expected))
        return s, s + len(needle)
    pattern = r"\s*".join(re.escape(w) for w in needle.split())  # clean may add space at a glued joint
    best = None
    for m in re.finditer(pattern, raw):
        if best is None or abs(m.start() - expected) < abs(best[0] - expected):
            best = (m.start(), m.end())
    return best


def group_rows(rows: list[QuoteRow], raw: str, version_text: str, stats: dict,
           title: str | None = None) -> list[PredAttribution]:
    """The predicted attributions of one article: rows of one cue and speaker (or of one
    cue-less quotation) grouped, each content mapped back to the raw text `raw` (rows that
    cannot be found there are counted in `stats['unmapped']`)."""
    base = max(raw.find(version_text[:60]) if version_text else 0, 0)
    title_base = max(raw.find(title[:60]), 0) if title else 0
    groups: dict[tuple, PredAttribution] = {}
    for row in sorted(rows, key=lambda row: (row.field == "body", row.start)):
        in_title = row.field == "title" and title
        field_text, field_base = (title, title_base) if in_title else (version_text, base)
        span = _locate(raw, row.text, field_base + row.start)
        if span is None:
            stats["unmapped"] = stats.get("unmapped", 0) + 1
            continue
        delta = span[0] - row.start
        key = (row.cue_start, row.speaker_start) if row.cue_start is not None else ("q", row.start)
        key = (bool(in_title),) + key
        if key not in groups:
            speaker_span = None
            if row.speaker_start is not None and row.speaker_text:
                speaker_span = _locate(raw, field_text[row.speaker_start:row.speaker_end], row.speaker_start + delta)
            names = [name for name in (row.speaker_text, row.actor_name) if name]
            groups[key] = PredAttribution([], row.kind, names, speaker_span)
        groups[key].spans.append(span)
        if row.kind in QUOTED:
            groups[key].kind = "direct"
    return list(groups.values())


def predict_direct(articles: list[Article]) -> dict[str, list[PredAttribution]]:
    """The NLP functions on the raw texts (no pipeline): for development."""
    nlp = load_model()
    out = {}
    for art, doc in zip(articles, nlp.pipe([a.text for a in articles], batch_size=16)):
        out[art.stem] = predictions_from_doc(doc, art.text, extract_entities, extract_quotes)
    return out


def predictions_from_doc(doc, raw: str, entities_of=extract_entities, quotes_of=extract_quotes) -> list[PredAttribution]:
    """The predicted attributions of one parsed raw text, from the extractor functions
    `entities_of` and `quotes_of` (the project's by default; a caller may pass others to
    compare), without the pipeline."""
    entities, mentions = entities_of(doc)
    names = {entity.key: entity.canonical_name for entity in entities}
    rows = [QuoteRow(quote.start, quote.text, quote.kind, quote.cue_start, quote.speaker_start, quote.speaker_end,
                     quote.speaker_text, names.get(quote.speaker_entity_key))
            for quote in quotes_of(doc, entities, mentions)]
    return group_rows(rows, raw, raw, {})
