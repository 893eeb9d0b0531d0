"""Reading names off a parsed document: the text of a token range (`doc.text` joined once per
Doc by `pipeline.nlp.docindex`, shared with the other extractors), capital letters, title words."""
from __future__ import annotations

import re

from pipeline.names import title_words
from pipeline.nlp.docindex import doc_text
from pipeline.nlp.entities.lexicon import DETERMINERS

__all__ = ["doc_text", "has_name", "has_upper", "is_title_word", "name_text"]

CAPITAL = re.compile(r"[A-Z]")  # compiled once: these run on every token of every entity span


def name_text(doc, start: int, end: int) -> str:
    """The text of tokens [start, end) as written."""
    return doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]


def has_upper(doc, start: int, end: int) -> bool:
    return any(CAPITAL.search(doc[index].text) for index in range(start, end))


def has_name(doc, start: int, end: int) -> bool:
    """A capitalized word that is a name, not just a capitalized sentence start ("Another automaker")."""
    return any(CAPITAL.search(token.text) and token.lower_ not in DETERMINERS
               and (token.pos_ in ("PROPN", "NOUN", "X", "NUM") or not token.is_sent_start
                    or not token.text[1:].islower())
               for token in doc[start:end])


def is_title_word(token) -> bool:
    return token.lower_ in title_words()
