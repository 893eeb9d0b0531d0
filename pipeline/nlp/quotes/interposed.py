"""A quotation split by its cue: '“The risk,” said Edward Leamer, an economist who …, “is that
we're going to …”', '“Many people are uncertain …,” Thiel wrote in a statement explaining why
…, “but most Americans agree …”'. The second piece goes on the first one's sentence after the
cue set between them: it takes that cue (one quotation), even where the parser gave the cue
no subject or a participle in the cue clause looks like a cue of its own. Tried before the
speech verbs before the mark (cues.DIRECT_CUE_RULES)."""
from __future__ import annotations

import re

from pipeline.nlp.quotes.context import CueMatch, Piece, QuoteContext
from pipeline.nlp.quotes.syntax import is_cue

SENTENCE_END = re.compile(r"[.!?][”\"’')]*\s")


def _previous_piece(ctx: QuoteContext, piece: Piece) -> Piece | None:
    before = [other for other in ctx.pieces if other.para == piece.para and other.close_end <= piece.open_at]
    return before[-1] if before else None


def _governed_between(ctx: QuoteContext, piece: Piece, prev: Piece) -> bool:
    """The parse hangs the piece on a word of the narration between the two pieces other than
    the cue ('…,” Gingrich told O'Reilly, noting that he and his wife “have regularly …”': the
    piece finishes the clause of 'noting')."""
    tok, seen = ctx.token_at(piece.start), 0
    while piece.open_at <= tok.idx < piece.close_end and tok.head.i != tok.i and seen < 50:
        tok, seen = tok.head, seen + 1
    return prev.close_end <= tok.idx < piece.open_at and tok.i != prev.cue.i


def interposed_cue(ctx: QuoteContext, piece: Piece, window) -> CueMatch | None:
    """The cue after the previous piece of the paragraph, when that piece breaks off at a comma
    or dash, the cue lies between the two and the words between them end with a comma
    and no sentence."""
    prev = _previous_piece(ctx, piece)
    if prev is None or prev.cue is None or prev.cue_side != "after" or prev.partial:
        return None
    if not prev.close_end <= prev.cue.idx < piece.open_at:
        return None
    if not ctx.text[prev.start:prev.end].rstrip().endswith((",", "—", "–")):
        return None
    between = ctx.text[prev.close_end:piece.open_at]
    if SENTENCE_END.search(between) or not between.rstrip().endswith(","):
        return None
    last = [tok for tok in ctx.window_tokens(prev.close_end, piece.open_at) if not (tok.is_punct or tok.is_space)]
    if last and last[-1].pos_ in ("VERB", "AUX") and last[-1].i != prev.cue.i:
        return None  # a verb of its own introduces the piece ('…,” he said, adding, “…”')
    if any(tok.tag_ == "VBG" and tok.i != prev.cue.i and is_cue(tok) for tok in last[-3:]):
        return None  # … or a participle cue and its object ('…,” she sings before asking her, “…”')
    if _governed_between(ctx, piece, prev):
        return None
    return CueMatch(prev.cue, "before", prev.speaker)
