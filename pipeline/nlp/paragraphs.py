"""A paragraph's first word starts a sentence: a spaCy component placed before the parser.

The cleaned text puts every paragraph (and, in a raw text, the title) on a line of its own,
separated by a line break ('\\n\\n' after cleaning). en_core_web_sm's parser often ignores the
break and joins a paragraph's first sentence to the last one of the paragraph before — most
often when that one ends without a full stop (a title, a dateline, a quotation closed by its
mark) — so one parse tree spans the two, and a cue verb of one paragraph takes a subject or an
object from the other. The parser keeps sentence starts set before it (Token.is_sent_start
True; the others left unset stay its own decision), so marking the first word after every line
break is enough: each paragraph is parsed as one or more whole sentences."""
from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language

COMPONENT = "paragraph_sentence_starts"


@Language.component(COMPONENT)
def paragraph_sentence_starts(doc):
    """Mark the first token after a white-space token holding a line break as a sentence start
    (spaCy makes any white space other than one space after a word a token of its own)."""
    spaces = doc.to_array(IS_SPACE)
    last = len(doc) - 1
    for i in spaces.nonzero()[0].tolist():
        if i < last and not spaces[i + 1] and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def install(nlp) -> None:
    """Put the component just before the parser (nothing to do for a pipeline without one)."""
    if "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
