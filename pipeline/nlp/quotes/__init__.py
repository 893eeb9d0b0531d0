"""Quotes with speakers, from the spaCy parse of one version.

1. Quotation pieces (`pieces`): the text between matching marks, per paragraph.
2. Cue of a piece (`cues`): one named rule per layout, applied in the order of
   `DIRECT_CUE_RULES`; pieces are grouped into quotations and each gets one attribution
   (`direct`), with the narration it runs into (`narration`).
3. Speaker (`speakers`): the subject of the cue, mapped to an entity; pronouns and role
   nouns resolved; once every attribution is known, a he/she continues the previous
   report's speaker when that is the salient person (`salience`).
4. Indirect quotes (`indirect`): one named rule per frame (`INDIRECT_CUE_RULES`), the
   content clipped to what was reported (`content`, `frames`). (A learned end, moved to a
   phrase boundary, was removed in session 25: out of fold it gained nothing; its candidates
   and features moved to `pipeline.evaluate.quote_extent`, read by its harness `quote_extent_train`.)

Word lists are data: `rules/speech_verbs.tsv` and `rules/quote_*.tsv` (`lexicon`).
`Quote.start/end` always index the content without the quotation marks."""
from __future__ import annotations

from pipeline.nlp.docindex import doc_text, token_offsets
from pipeline.nlp.quotes.context import Paragraphs, QuoteContext
from pipeline.nlp.quotes.direct import QuotationRun, attach_cues, group_pieces, quotes_of_groups
from pipeline.nlp.quotes.indirect_step import indirect_quotes
from pipeline.nlp.quotes.lexicon import speech_verbs
from pipeline.nlp.quotes.narration import cue_type, join_run_together, opening_quotations, settle_continued
from pipeline.nlp.quotes.nesting import join_nested_partials
from pipeline.nlp.quotes.partial_clauses import partial_clause_reports
from pipeline.nlp.quotes.pieces import find_pieces
from pipeline.nlp.quotes.salience import continue_salient_speaker
from pipeline.records import LocalEntity, Mention, Quote

__all__ = ["extract_quotes", "find_pieces", "speech_verbs", "cue_type"]


def extract_quotes(doc, entities: list[LocalEntity], mentions: list[Mention]) -> list[Quote]:
    """Every direct, partial and indirect quote of a parsed version, in text order."""
    text = doc_text(doc)
    ctx = QuoteContext(doc, text, mentions, {entity.key: entity for entity in entities}, token_offsets(doc))
    ctx.pieces = find_pieces(text)
    ctx.quoted = [(piece.open_at, piece.close_end) for piece in ctx.pieces]
    ctx.paragraphs = Paragraphs.of_text(text)
    attach_cues(ctx)
    run = QuotationRun()
    quotes = quotes_of_groups(ctx, group_pieces(ctx), run)
    indirect = indirect_quotes(ctx, quotes)
    settle_continued(text, quotes, run.continued, indirect)
    quotes = [quote for quote in quotes if quote.kind != "dropped"]
    opening_quotations(text, ctx.pieces, quotes, indirect)
    indirect.extend(partial_clause_reports(ctx, quotes, indirect))
    join_nested_partials(quotes, indirect, text)
    quotes = join_run_together(text, quotes)
    quotes.extend(indirect)
    continue_salient_speaker(ctx, quotes)
    quotes.sort(key=lambda quote: quote.start)
    for quote in quotes:
        quote.cue_type = cue_type(doc, quote)
    return quotes
