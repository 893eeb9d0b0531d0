"""Per-token strings of one Doc for the events' loops over every token of every sentence (is it a
headline, which context words does it have, which tokens can be triggers): read as arrays once per
Doc instead of a Token object per token per loop — the same strings the Token attributes give.
Built after the lemma fixes (`extract._fix_lemmas`): the table keeps the lemmas it saw."""
from __future__ import annotations

from typing import NamedTuple


class TokenTable(NamedTuple):
    text: list[str]  # tok.text
    lower: list[str]  # tok.lower_
    lemma: list[str]  # tok.lemma_.lower()
    verb: list[bool]  # tok.pos_ == "VERB"
    alpha: list[bool]  # tok.is_alpha


def token_table(doc) -> TokenTable:
    """The table of a Doc (attribute names as strings: spaCy's attribute ids would import spaCy
    with this module, which a run with nothing new never needs)."""
    strings = doc.vocab.strings
    rows = doc.to_array(["ORTH", "LOWER", "LEMMA", "POS", "IS_ALPHA"]).tolist()
    verb = strings["VERB"]
    names: dict[int, str] = {}
    lowered: dict[int, str] = {}
    text, lower, lemma, verbs, alpha = [], [], [], [], []
    for orth, low, lem, pos, is_alpha in rows:
        text.append(names[orth] if orth in names else names.setdefault(orth, strings[orth]))
        lower.append(names[low] if low in names else names.setdefault(low, strings[low]))
        lemma.append(lowered[lem] if lem in lowered else lowered.setdefault(lem, strings[lem].lower()))
        verbs.append(pos == verb)
        alpha.append(bool(is_alpha))
    return TokenTable(text, lower, lemma, verbs, alpha)
