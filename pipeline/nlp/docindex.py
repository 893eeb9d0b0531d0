"""What several extractors read from one parsed Doc, computed once per Doc.

spaCy builds these afresh on every access: `doc.text` joins every token, `doc.ents` and
`doc.sents` build a new Span per entity or sentence, and `Span.ents` builds the whole
document's entities again to keep those inside the span. The extractors read them per
event, per sentence, per quote; here each is computed on first use and kept for the last
few Docs read (extractors read one version, its title and a re-parsed headline at a time;
the Doc is not changed after the parse), so every extractor shares it. `per_token` keeps what
an extractor computes per token and reads several times (a verb's subject once per trigger
sense): the results of functions of the parse alone, valid as long as the Doc is kept."""
from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import wraps
from typing import Callable

KEPT = 8  # Docs whose index is kept (held by the cache, so an id is never reused while kept)


@dataclass
class DocIndex:
    text: str
    ents: tuple  # doc.ents
    ent_starts: list[int]  # token start of each entity (entities are sorted and never overlap)
    sents: tuple | None = None  # doc.sents, on first use (spaCy raises when the Doc has no sentences)
    memo: dict = field(default_factory=dict)  # (what, token, key) -> a result computed from the parse (`per_token`)


_INDEXES: OrderedDict = OrderedDict()  # id(doc) -> (doc, DocIndex), the latest last
_LATEST: list = [None, None]  # the Doc read last and its index (held in _INDEXES too)


def doc_index(doc, text: str | None = None) -> DocIndex:
    """The index of a Doc (built on first use). Nearly every call asks for the Doc the call
    before asked for: that one is answered without touching the kept ones' order. `text`: the
    text the Doc was parsed from, when the caller has it (spaCy's tokenizer keeps every
    character, so it is `doc.text`), kept instead of joining the Doc's tokens again."""
    if _LATEST[0] is doc:
        return _LATEST[1]
    kept = _INDEXES.get(id(doc))
    if kept is not None and kept[0] is doc:
        _INDEXES.move_to_end(id(doc))
        _LATEST[:] = kept
        return kept[1]
    ents = tuple(doc.ents)
    index = DocIndex(doc.text if text is None else text, ents, [ent.start for ent in ents])
    _INDEXES[id(doc)] = (doc, index)
    _INDEXES.move_to_end(id(doc))
    while len(_INDEXES) > KEPT:
        _INDEXES.popitem(last=False)
    _LATEST[:] = (doc, index)
    return index


def per_token(copy: Callable = lambda result: result, key: Callable = lambda *args: args):
    """Decorator: `fn(tok, *args)` computed once per token (and `key(*args)`) of a kept Doc, for a
    function of the parse alone that an extractor calls again and again on the same token; `copy`
    gives each caller its own lists, so a caller that changes one changes no other's."""
    def decorate(fn):
        what = fn.__qualname__

        @wraps(fn)
        def cached(tok, *args):
            memo = doc_index(tok.doc).memo
            slot = (what, tok.i, key(*args))
            found = memo.get(slot, memo)  # (the memo itself: never a result, so "not computed yet")
            if found is memo:
                found = memo[slot] = fn(tok, *args)
            return copy(found)
        return cached
    return decorate


def doc_text(doc) -> str:
    """`doc.text`, joined once."""
    return doc_index(doc).text


def doc_ents(doc) -> tuple:
    """`doc.ents`, built once."""
    return doc_index(doc).ents


def doc_sents(doc) -> tuple:
    """`doc.sents`, built once."""
    index = doc_index(doc)
    if index.sents is None:
        index.sents = tuple(doc.sents)
    return index.sents


def token_offsets(doc) -> list[int]:
    """Each token's character offset (`tok.idx`), read as one array instead of a Token object per token."""
    return doc.to_array("IDX").tolist()


def span_ents(span) -> list:
    """`span.ents` (the entities wholly inside a span, in order) without rebuilding the
    document's entities: the same list spaCy gives."""
    index = doc_index(span.doc)
    out = []
    for i in range(bisect_left(index.ent_starts, span.start), len(index.ents)):
        ent = index.ents[i]
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def token_depths(doc, cap: int = 50) -> list[int]:
    """Each token's distance to the root of its parse tree (at most `cap`), in one pass over
    the heads: what walking up from every token gives, without the walk per token."""
    # the heads as one array (relative offsets, two's complement), not a Token object per token
    heads = [i + rel for i, rel in enumerate(doc.to_array("HEAD").view("int64").tolist())]
    depth = [-1] * len(heads)
    for i in range(len(heads)):
        path, j = [], i
        while depth[j] < 0 and heads[j] != j:
            path.append(j)
            j = heads[j]
            if len(path) > len(heads):  # a cycle, which a parser never makes: walk as asked
                return [_walked_depth(doc[k], cap) for k in range(len(heads))]
        if depth[j] < 0:
            depth[j] = 0  # a root
        for step, k in enumerate(reversed(path), start=1):
            depth[k] = depth[j] + step
    return [min(d, cap) for d in depth]


def _walked_depth(tok, cap: int) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < cap:
        tok, depth = tok.head, depth + 1
    return depth
