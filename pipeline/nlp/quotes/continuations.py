"""Content a reported clause goes on with that the parser hung on the cue verb instead of
on the clause: one named rule each, applied in the order of CONTINUATION_RULES to the token
range [low, high) of a verb cue's content; each returns the range to add, or None.
Measured on PolNeAR train (quotes_snapshot --score) before they were kept."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.syntax import trim_range

COORDINATORS = word_set("coordinators")
CLAUSE_OPENERS = word_set("clause_openers")


class Continuation(NamedTuple):
    low: int
    high: int


def _after_gap(doc, start: int, stop: int, words: tuple[str, ...]) -> bool:
    """Only punctuation or the words `words` between token `start` and token `stop`."""
    return all(tok.is_punct and tok.text not in (".", ";", ":", "!", "?") or tok.lower_ in words
               for tok in doc[start:stop])


def that_conjunct(ctx: QuoteContext, verb, low: int, high: int) -> Continuation | None:
    """'said the U.S. needs to secure the border, but that he would not support mass
    deportation': a second 'that' clause coordinated with the first is reported too."""
    doc = ctx.doc
    for child in verb.children:
        if child.dep_ == "conj" and child.i >= high and not ctx.inside_quote(child.idx) and (any(
                mark.dep_ == "mark" and mark.lower_ == "that" for mark in child.children) or _that_misread(child)) \
                and _after_gap(doc, high, child.left_edge.i, COORDINATORS):
            return Continuation(high, child.right_edge.i + 1)
    return None


def _that_misread(clause) -> bool:
    """'found that shoppers had adapted …, but that banks' performance … had been patchy': the
    parser read the second clause's 'that' as a determiner of its subject — which cannot be one,
    a possessive already determines that noun — so the clause opens with the conjunction 'that'."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ == "that" and first.dep_ == "det" and first.head.dep_ in ("nsubj", "nsubjpass") \
        and first.head.head.i == clause.i and any(child.dep_ == "poss" for child in first.head.children)


def because_after_cue(ctx: QuoteContext, verb, low: int, high: int) -> Continuation | None:
    """'He's leaning toward Kasich, he said, because he prizes electability': the reason after
    a cue set in the reported sentence is the speaker's too."""
    if high > verb.i:
        return None
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and not ctx.inside_quote(child.idx) and any(
                mark.dep_ == "mark" and mark.lower_ == "because" for mark in child.children) \
                and child.left_edge.i > 0 and ctx.doc[child.left_edge.i - 1].text == ",":
            return Continuation(child.left_edge.i, child.right_edge.i + 1)
    return None


def verbless_tail(ctx: QuoteContext, verb, low: int, high: int) -> Continuation | None:
    """'said prices rose 15.1% over the whole of 2004, but by only 2.8% in the second half',
    'showed the average price was £192,713 in England; £139,544 in Wales; …': the rest of the
    sentence after a conjunction or a semicolon, with no verb of its own, is the reported
    clause going on elliptically (a list, a contrast), whatever the parser hung it on."""
    doc = ctx.doc
    if high <= verb.i or high >= len(doc) or ctx.inside_quote(doc[high].idx):
        return None
    sent_end = doc[high].sent.end
    while sent_end > high and doc[sent_end - 1].is_punct:
        sent_end -= 1
    tail = doc[high:sent_end]
    opens = doc[high].text == ";" or doc[high].lower_ in CLAUSE_OPENERS or (
        doc[high].text == "," and high + 1 < sent_end and doc[high + 1].lower_ in CLAUSE_OPENERS)
    if not opens or len([tok for tok in tail if tok.is_alpha or tok.like_num]) < 3:
        return None
    if any(tok.pos_ in ("VERB", "AUX") or ctx.inside_quote(tok.idx) for tok in tail):
        return None
    return Continuation(high, sent_end)


CONTINUATION_RULES = [that_conjunct, because_after_cue, verbless_tail]


def continuations(ctx: QuoteContext, verb, low: int, high: int) -> list[Continuation]:
    """The ranges the content of cue `verb` goes on with, by CONTINUATION_RULES."""
    found = (rule(ctx, verb, low, high) for rule in CONTINUATION_RULES)
    return [continuation for continuation in found if continuation is not None]


def continued_parts(ctx: QuoteContext, verb, parts: list[tuple[int, int]], low: int,
                    high: int) -> list[tuple[int, int]]:
    """`parts` with the continuations of the reported clause (a range right after the last
    part extends it; one elsewhere is a part of its own)."""
    parts = list(parts)
    for extra in continuations(ctx, verb, low, high):
        extra_low, extra_high = trim_range(ctx.doc, extra.low, extra.high)
        if extra_high - extra_low < 2 or any(extra_low < part_high and part_low < extra_high
                                             for part_low, part_high in parts):
            continue
        if extra_low == parts[-1][1]:
            parts[-1] = (parts[-1][0], extra_high)
        else:
            parts.append((extra_low, extra_high))
    return parts


def through_quotation(ctx: QuoteContext, low: int, high: int) -> int:
    """End of a content that runs into a quotation and stops inside it ('telling reporters that
    “we tell the truth, we deal with the issues”', parsed as two clauses): the quotation is one
    piece of what was said, so the content goes on to its closing mark."""
    doc = ctx.doc
    if high - low < 2:
        return high
    last = doc[high - 1].idx
    for open_at, close_end in ctx.quoted:
        if doc[low].idx < open_at < last < close_end - 1:
            return max(high, ctx.token_at(close_end - 1).i + 1)
    return high
