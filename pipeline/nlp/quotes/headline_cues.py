"""Cue rules for quotations in the headline (the first line of a text), where headline case
hides speech verbs and names from the parser and from the title and name tests: 'Name:
‘…’' (headline_speaker) and 'Name Verb ‘…’' with a verb of speech, thought or stance
(headline_verb). Applied from cues.DIRECT_CUE_RULES."""
from __future__ import annotations

import re

from pipeline.nlp.quotes.context import CueMatch, Piece, QuoteContext
from pipeline.nlp.quotes.lexicon import speech_verbs
from pipeline.nlp.quotes.syntax import subject_of


def headline_speaker(ctx: QuoteContext, piece: Piece, window: object) -> CueMatch | None:
    """'Trump: ‘I’m the Worst Thing …’' — in the first line (a headline), a quotation right
    after a short name and a colon is that name's (the parser may take a name for a verb)."""
    if piece.para_start != 0:
        return None
    match = re.fullmatch(r"([A-Z][\w.’'-]*(?: [\w.’'-]+){0,3}): ", ctx.text[piece.para_start:piece.open_at])
    if match is None:
        return None
    words = ctx.window_tokens(piece.para_start, piece.para_start + match.end(1))
    if any(tok.pos_ in ("VERB", "AUX") for tok in words[1:]):
        return None  # 'Sarah Silverman heckles Sanders supporters: …' — the verb is the cue
    name = ctx.token_at(piece.para_start + match.end(1) - 1)
    return CueMatch(name, "colon", name)


def headline_verb(ctx: QuoteContext, piece: Piece, window: object) -> CueMatch | None:
    """'Obama Sees ‘Personal Insult’ if …', 'Hillary Clinton Speaks ‘Directly To White
    People’ After …': in the headline, a quotation right after a verb of speech, thought or
    stance (any use in speech_verbs.tsv; the speech verbs proper are cue_before's) whose
    subject opens the line: a headline's compressed report — the verb is the cue, its
    subject the speaker (headline case hides such words from the title and name tests)."""
    if piece.para_start != 0 or ctx.text[piece.start:piece.end].endswith(","):
        return None  # ('Laura Bush Sees ‘Hope,’ Help for …': one item of a list of things seen)
    toks = [tok for tok in ctx.window_tokens(piece.para_start, piece.open_at) if not tok.is_space]
    if len(toks) < 2 or ctx.text[toks[-1].idx + len(toks[-1].text):piece.open_at].strip():
        return None
    verb = toks[-1]
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.lemma_.lower() not in speech_verbs():
        return None
    subject = subject_of(verb)
    if subject is None or not toks[0].i <= subject.i < verb.i:
        return None
    return CueMatch(verb, "before", subject)
