"""A date expression as the rules read it: cleaned of case, punctuation, leading
prepositions and hedges, with the sentence around it, the anchor and the tense; and the
cue word that governs it ("until", "by", "in", "ahead of")."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from pipeline.nlp.dates.lexicon import DEADLINE, FORWARD_CUES, MONTH_RE, SPELLED_ORDINALS

# a sentence reporting periodic (quarterly) results: "a year ago" there is the same quarter a year earlier
FINANCIAL = re.compile(r"quarter|period|three months|a share|per share|net income|\bnet\b|earnings|revenue|profit|"
                       r"\bsales\b|\bloss\b|operating", re.I)
MULTI_QUARTER = re.compile(r"\b(nine|six) months\b|first half|year to date|full year|fiscal year", re.I)
# a deadline moved or granted looks ahead whatever the tense: "postponed until Tuesday", "gave them until Friday"
POSTPONE = re.compile(r"\b(?:postpone|extend|delay|defer|adjourn|put off|push(?:ed)? back|give|gave|given|giving|"
                      r"grant)\w*\b[^.;]*\b(?:until|till)\b")
SPELLED_ORDINAL_DAY = re.compile(rf"\b{MONTH_RE} ({'|'.join(SPELLED_ORDINALS)})\b")


class Expression(NamedTuple):
    """One date expression and what its value depends on."""

    text: str  # cleaned (`clean_expression`)
    raw: str  # as written
    anchor: date | None  # the publication date
    tense: str | None  # of its clause: past | present | future | none | None
    clause: str | None  # the tense, or else the rough tense of its sentence
    context: str  # the sentence, lower case ("" when unknown)


@lru_cache(maxsize=4096)
def clean_expression(expr: str) -> str:
    """Lower case, plain punctuation, without leading prepositions, hedges ("a good part
    of 1990", "1994 or later") or a trailing possessive; spelled day ordinals as digits.
    (Kept per expression: the date rules clean each expression of a text ~5 times.)"""
    text = expr.lower().strip()
    text = text.replace("’", "'").replace("—", " ").replace("–", "-")
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"\.$", "", text) if not re.search(r"\b[a-z]\.$", text) else text
    text = re.sub(r"^(on|in|since|by|until|till|from|during|at|of|for|as of|through|before|after|around|about|"
                  r"as early as|as late as|as recently as|sometime|some time)\s+", "", text)
    text = re.sub(r"'s$", "", text)
    # hedges around a date keep its value: "a good part of 1990", "1994 or later", "the next year or so"
    text = re.sub(r"^(?:a good part|a large part|a big part|much|most|part|all|the bulk|the rest|the remainder) of ",
                  "", text)
    text = re.sub(r",? (?:or so|or later|or earlier|or before|or after|and beyond|and later|at the latest|"
                  r"at the earliest)$", "", text)
    text = re.sub(r"^(?:post|pre|mid)-(?=(?:1[5-9]|20)\d\d$)", "", text)
    text = SPELLED_ORDINAL_DAY.sub(lambda match: f"{match.group(1)} {SPELLED_ORDINALS[match.group(2)]}", text)
    return text.strip()


def governing_cue(expr: str, context: str) -> str | None:
    """The preposition governing the expression ("until", "by", "in"...): its own first
    word, or the word before it in the sentence."""
    first = expr.strip().lower().split()[0] if expr.strip() else ""
    if first in DEADLINE or first in FORWARD_CUES or first in ("in", "on", "since", "during", "after"):
        return first
    position = context.find(expr.strip().lower()) if context else -1
    if position <= 0:
        return None
    before = re.findall(r"[a-z]+", context[:position][-20:])
    if before[-2:] == ["ahead", "of"]:  # "ahead of the weekend / Thursday's meeting"
        return "ahead"
    return before[-1] if before else None
