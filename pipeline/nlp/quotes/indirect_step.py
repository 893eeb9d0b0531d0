"""The indirect step: every rule of INDIRECT_CUE_RULES that can apply to a token's part of speech tried on
every token (sentence by sentence, nearer the root first), then the verbs no lexicon lists, each taken as a cue
('unlisted_verb') and kept only when the learned model (`report_filter`) judges its
report likely enough to be one."""
from __future__ import annotations

from pipeline.nlp.docindex import doc_sents, token_depths
from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.indirect import Reporter, listed_verb, report_candidate, rules_for, verb_frame
from pipeline.nlp.quotes.report_filter import UNLISTED, installed_model, kept_reports
from pipeline.records import Quote


def _token_order(ctx: QuoteContext) -> list[int]:
    """Token indices sentence by sentence, the cues nearer the root first: of two overlapping
    reports the one the other is nested in wins ('X said A – something you wouldn't know if …')."""
    doc = ctx.doc
    sent_start = [0] * len(doc)  # (Token.sent walks the sentence: once per sentence, not per token)
    for sent in doc_sents(doc):
        sent_start[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
    depth = token_depths(doc)  # tree_depth of every token
    return sorted(range(len(doc)), key=lambda index: (sent_start[index], depth[index], index))


def _listed_reports(ctx: QuoteContext, order: list[int], reporter: Reporter) -> None:
    starts = ctx.token_starts  # (each token's offset: no Token object for one skipped here)
    rules_of: dict[str, list] = {}  # part of speech -> the rules that can apply (`rules_for`)
    for index in order:
        if starts[index] in reporter.used_cues or ctx.inside_quote(starts[index]):
            continue
        tok = ctx.doc[index]
        pos = tok.pos_
        if pos not in rules_of:
            rules_of[pos] = rules_for(pos)
        found = None
        for rule in rules_of[pos]:
            reporter.rule = rule.__name__
            found = rule(ctx, tok, reporter)
            if found is not None:
                break
        if found is None or found.content is None or found.subject is None:
            continue
        report_candidate(ctx, tok, found, reporter)


def _unlisted_reports(ctx: QuoteContext, order: list[int], reporter: Reporter) -> None:
    """A verb with a subject and a complement that no rule took: a report for the model to judge."""
    starts = ctx.token_starts
    cues = {quote.cue_start for quote in reporter.out + reporter.direct}
    reporter.rule = UNLISTED
    for index in order:
        tok = ctx.doc[index]
        if tok.pos_ != "VERB" or starts[index] in cues or ctx.inside_quote(starts[index]) or listed_verb(tok):
            continue
        found = verb_frame(ctx, tok, reporter)
        if found is not None and found.content is not None and found.subject is not None:
            report_candidate(ctx, tok, found, reporter)


def indirect_quotes(ctx: QuoteContext, direct: list[Quote]) -> list[Quote]:
    """The indirect attributions of a version, given its direct and partial quotes."""
    taken = [(quote.start, quote.end) for quote in direct if quote.kind == "direct"]
    used_cues = {quote.cue_start for quote in direct if quote.cue_start is not None and quote.kind == "direct"}
    reporter = Reporter(ctx, taken, len(taken), used_cues, direct)
    order = _token_order(ctx)
    _listed_reports(ctx, order, reporter)
    model = installed_model()
    if model is not None:  # (no model installed: the learned step is off, see report_filter)
        _unlisted_reports(ctx, order, reporter)
    return kept_reports(ctx, reporter.out, reporter.rules, model)
