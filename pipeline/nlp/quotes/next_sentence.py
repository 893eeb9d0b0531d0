"""A cue after a quotation that ends a sentence ('“… in the short term.” Mr Sullivan, 42, has
already pleaded guilty to fraud …'): the words after the closing mark begin a sentence of their
own, and a cue verb there that carries content of its own reports that content, not the
quotation before it (which then keeps looking: an interposed cue, a cue before it)."""
from __future__ import annotations

from pipeline.nlp.quotes.content import LISTENER_VERBS

# the dependents through which a cue verb carries a content of its own ('pleaded guilty',
# 'said he had come to …', 'denied the report'); a reported clause (ccomp) also after a '?' or '!'
OWN_CONTENT_DEPS = ("dobj", "acomp", "xcomp", "attr", "oprd")


def reports_its_own(ctx, tok, words: str) -> bool:
    """True when cue `tok`, after the quotation whose words (marks stripped) are `words`, reports
    a content of its own: after a full sentence, a reported clause outside any quotation
    ('“… two points.” Reluctantly, Brafman said he had come to …'), or after a full stop, an
    object or complement ('“… in the short term.” Mr Sullivan has already pleaded guilty to
    fraud'; not '“…?” Mr Weingarten pressed', '“No,” replied the witness')."""
    if words.endswith(","):
        return False
    if any(child.dep_ == "ccomp" and child.i > tok.i and not ctx.inside_quote(child.idx) for child in tok.children):
        return True
    return words.endswith(".") and any(
        child.dep_ in OWN_CONTENT_DEPS and child.i > tok.i and not ctx.inside_quote(child.idx)
        and not _listener(tok, child) for child in tok.children)


def _listener(tok, child) -> bool:
    """The object of a listener verb (rules listener_verbs) is the one told, not a content: '“…
    short term.” He told reporters.' still credits the quotation before it."""
    return child.dep_ == "dobj" and tok.lemma_.lower() in LISTENER_VERBS
