"""The text of a version as hashes and comparisons see it: normalized (NFKC, plain quotes
and dashes, one space), its content hash, its sentences (a regex splitter with an
abbreviation list from `rules/sentence_abbreviations.tsv`) and its words."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from pipeline.ids import content_hash

ABBREVIATIONS_PATH = Path(__file__).resolve().parents[1] / "rules" / "sentence_abbreviations.tsv"

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
                         "\u00a0": " ", "\u200b": ""})


def _read_words(path: Path) -> frozenset[str]:
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


_ABBREVIATIONS = _read_words(ABBREVIATIONS_PATH)
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


class Span(NamedTuple):
    """Character offsets of a sentence in its text."""

    start: int
    end: int


def normalize_text(text: str | None) -> str:
    """The form hashes and comparisons see: NFKC, plain quotes and dashes, one space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def normalize_title(title: str | None) -> str:
    return re.sub(r"\W+", " ", normalize_text(title).lower()).strip()


# version_hash and quote_words computed elsewhere (the NLP workers, for the texts they parse:
# `remember`), by argument, so the load does not normalize those texts again. Bounded: the
# last batch's version texts (as many as versions.sketches keeps) and quote texts.
_KNOWN_HASHES: dict[tuple[str | None, str], str] = {}
_KNOWN_WORDS: dict[str, str] = {}
KNOWN_TEXTS, KNOWN_QUOTES = 4096, 1 << 16


def version_hash(title: str | None, text: str) -> str:
    """Content hash of a version: a retitled body is a new version, re-spacing is not."""
    known = _KNOWN_HASHES.get((title, text))
    return known if known is not None else content_hash(f"{normalize_text(title)}\n{normalize_text(text)}")


def words(text: str) -> list[str]:
    """The lower-case words of the normalized text."""
    return re.findall(r"\w+", normalize_text(text).lower())


def quote_words(text: str) -> str:
    """The words of a quote's text, as its version-independent key reads them (versions.keys)."""
    known = _KNOWN_WORDS.get(text)
    return known if known is not None else " ".join(words(text))


def remember(title: str | None, text: str, text_hash: str | None, quotes: list[str], their_words) -> None:
    """Take `version_hash(title, text)` and the `quote_words` of quote texts computed in another process."""
    if len(_KNOWN_HASHES) >= KNOWN_TEXTS:
        _KNOWN_HASHES.clear()
    if len(_KNOWN_WORDS) >= KNOWN_QUOTES:
        _KNOWN_WORDS.clear()
    if text_hash is not None:
        _KNOWN_HASHES[(title, text)] = text_hash
    _KNOWN_WORDS.update(zip(quotes, their_words or ()))


def _add_span(spans: list[Span], paragraph: str, offset: int, cut_start: int, cut_end: int) -> None:
    """The stripped piece paragraph[cut_start:cut_end] as a span, unless it is blank."""
    piece = paragraph[cut_start:cut_end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    if trail > lead:
        spans.append(Span(offset + cut_start + lead, offset + cut_start + trail))


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of a text: paragraph breaks always end a sentence; . ! ? end one
    before a capital unless the word is an abbreviation or an initial."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        start, paragraph = para.start(), para.group()
        cut = 0
        for boundary in _BOUNDARY.finditer(paragraph):
            word = re.search(r"(\S+)$", paragraph[cut:boundary.start()] +
                             paragraph[boundary.start():boundary.start() + 1])
            token = word.group(1).lower().rstrip(".!?\"')]").lstrip("\"'([") if word else ""
            if paragraph[boundary.start()] == "." and (token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
                continue
            _add_span(spans, paragraph, start, cut, boundary.end())
            cut = boundary.end()
        _add_span(spans, paragraph, start, cut, len(paragraph))
    return spans


def sentences(text: str) -> list[str]:
    return [text[span.start:span.end] for span in split_sentences(text)]
