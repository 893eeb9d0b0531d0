"""Alignment of sentence-level gold events to trigger tokens, for training the learned step (`train.py`).

Why: the gold files label events per sentence (type and actor texts, no trigger word), while the model decides per
token. A gold event the rules already found is theirs (its trigger is no candidate of the learned step). Each other
gold event goes to the candidate token that fits it best: the token whose neighbourhood (its subtree, plus the
subject of the verb it hangs on when it has none of its own) holds the actors' words, whose trigger-table types
include the event's type, and whose subtree is smallest (the most specific word: "accused" before the "said" above
it). The trainer also asks whether the extractor, told the event's type at that token, finds the gold event there
(same actors, by the evaluation's matching): the event goes to the best-fitting token that reproduces it, and when
none does its best-fitting token is UNSURE (no example at all). A gold event whose actors no candidate's
neighbourhood holds stays unaligned. Candidates that receive no gold event are the no-event examples."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.nlp.events.learned import NONE
from pipeline.nlp.events.lexicon import Lexicon

UNSURE = "?"  # the label of a token that may name a gold event the extractor cannot reproduce there
STOP = {"the", "a", "an", "of", "his", "her", "its", "their", "mr", "ms", "mrs", "and", "'s", "’s"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")


class GoldEvent(NamedTuple):
    """One gold event of a sentence: PLOVER type and the two actor texts ("" = not named)."""
    type: str
    actor1: str
    actor2: str


class Alignment(NamedTuple):
    """Labels by candidate token index, and the gold events no candidate took."""
    labels: dict[int, str]
    unaligned: list[GoldEvent]


def words(text: str) -> set[str]:
    """Content words of an actor text, lower-cased (the evaluation's matching keeps the same ones)."""
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP}


def _stems(ws: set[str]) -> set[str]:
    return {w[:5] for w in ws if len(w) >= 5}


def neighbourhood(tok) -> set[str]:
    """The words an event on this token can name as actors: its subtree, and the subject of its head verb when it
    has none of its own ("left to meet with Putin", "the talks X held")."""
    toks = list(tok.subtree)
    if not any(c.dep_ in SUBJECT_DEPS for c in tok.children) and tok.head.i != tok.i:
        toks += [t for c in tok.head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
    return {t.lower_ for t in toks}


def _holds(actor: str, region: set[str], region_stems: set[str]) -> bool:
    ws = words(actor)
    return bool(ws & region or _stems(ws) & region_stems)


def fit(event: GoldEvent, tok, lex: Lexicon) -> float | None:
    """How well a candidate token fits a gold event (higher is better), None when its neighbourhood holds none of
    the event's named actors."""
    region = neighbourhood(tok)
    region_stems = _stems(region)
    named = [a for a in (event.actor1, event.actor2) if a]
    held = sum(_holds(a, region, region_stems) for a in named)
    if named and not held:
        return None
    lemma = tok.lemma_.lower()
    typed = any(t.type == event.type for kind in ("V", "N", "A") for t in lex.senses.get((kind, lemma), ()))
    if not named and not typed:
        return None
    report = lemma in lex.words("REPORT")
    return 2.0 * typed + held - 1.0 * report - 0.01 * sum(1 for _ in tok.subtree)


def align(events: list[GoldEvent], candidates: list, lex: Lexicon, reproduces=None) -> Alignment:
    """Each gold event to a free candidate token (in the order of the gold column); the rest NONE. With `reproduces`
    (event, token) -> bool (the extractor, told the event's type at that token, finds the gold event), the event goes
    to the best-fitting token that reproduces it; when none does, its best-fitting token is UNSURE (no example: a
    true trigger whose actors the rules cannot find is no negative either)."""
    labels = {tok.i: NONE for tok in candidates}
    by_index = {tok.i: tok for tok in candidates}
    unaligned = []
    for event in events:
        fits = sorted(((f, tok.i) for tok in candidates if labels[tok.i] == NONE and
                       (f := fit(event, tok, lex)) is not None), reverse=True)
        if not fits:
            unaligned.append(event)
            continue
        if reproduces is None:
            labels[fits[0][1]] = event.type
            continue
        hit = next((i for _, i in fits if reproduces(event, by_index[i])), None)
        labels[hit if hit is not None else fits[0][1]] = event.type if hit is not None else UNSURE
        if hit is None:
            unaligned.append(event)
    return Alignment(labels, unaligned)
