"""The reported clause around a partial quote whose cue reported nothing of its own: 'former
president Bill Clinton said his wife was uniquely qualified … because “the world’s in tough
shape.”', '…,” Kiedis said, mentioning the long-awaited album is “in the home stretch.”'.
The quotation's cue was found (the mark's cue rules), but the indirect step found no report
of that verb — the parser gave it no subject (the speaker parsed as an apposition), or the
verb is a participle after a direct quotation — so only the quoted words were attributed,
while PolNeAR files the whole clause with its quoted words as one content. The clause the
cue verb governs that holds the quotation becomes the report of the same cue and speaker
(the partial then joins it, as `nesting` joins a partial to a report that holds it)."""
from __future__ import annotations

from dataclasses import replace

from pipeline.nlp.quotes.content import clip_complement, cut_trailing_aside
from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.syntax import char_span, is_cue, trim_range
from pipeline.records import Quote

MIN_WORDS_OUTSIDE = 2  # the clause must say more than the quoted words


def _clause_holding(cue, quote_tok):
    """The clausal complement of verb `cue` whose subtree holds token `quote_tok`, or None."""
    return next((child for child in cue.children if child.dep_ == "ccomp"
                 and child.left_edge.i <= quote_tok.i <= child.right_edge.i), None)


def _overlaps_direct(start: int, end: int, quotes: list[Quote]) -> bool:
    return any(quote.kind == "direct" and quote.start < end and start < quote.end for quote in quotes)


def clause_report(ctx: QuoteContext, partial: Quote, quotes: list[Quote]) -> Quote | None:
    """The report of `partial`'s cue: the cue verb's clausal complement holding the quotation,
    clipped like any reported clause, with the partial's speaker; None when there is none."""
    cue = ctx.token_at(partial.cue_start)
    if cue.idx != partial.cue_start or cue.pos_ != "VERB" or not is_cue(cue, ("direct", "indirect")):
        return None
    clause = _clause_holding(cue, ctx.token_at(partial.start))
    if clause is None:
        return None
    low, high = clip_complement(ctx, clause.left_edge.i, clause.right_edge.i + 1)
    low, high = cut_trailing_aside(ctx, low, high)
    low, high = trim_range(ctx.doc, low, high)
    if high <= low:
        return None
    start, end = char_span(ctx.doc, low, high)
    outside = [tok for tok in ctx.doc[low:high] if tok.is_alpha and not partial.start <= tok.idx < partial.end]
    if not start <= partial.start < end or len(outside) < MIN_WORDS_OUTSIDE or _overlaps_direct(start, end, quotes):
        return None
    # the partial's speaker, cue and field, its span widened to the clause
    return replace(partial, start=start, end=end, text=ctx.text[start:end], kind="indirect")


def _held(partial: Quote, reports: list[Quote]) -> bool:
    """Some report's content holds the partial quote: `nesting` gives it that report's cue."""
    return any(report.start <= partial.start and partial.end <= report.end + 1 for report in reports)


def partial_clause_reports(ctx: QuoteContext, quotes: list[Quote], reports: list[Quote]) -> list[Quote]:
    """A report for every partial quote with a cue of its own that no report has taken and
    no report's content holds (`clause_report`), one per cue."""
    cues = {report.cue_start for report in reports}
    out = []
    for partial in quotes:
        if partial.kind != "partial" or partial.cue_start is None or partial.cue_start in cues \
                or _held(partial, reports):
            continue
        report = clause_report(ctx, partial, quotes)
        if report is not None:
            cues.add(report.cue_start)
            out.append(report)
    return out
