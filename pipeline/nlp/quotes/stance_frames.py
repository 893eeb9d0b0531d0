"""Stance frames of nouns and adjectives, keyed for the generated lexicon
`rules/quote_frames.tsv`: 'criticism of Y', 'questions about Y', 'support for Y', 'his plan
to …', 'are concerned about Y', 'were unaware that …'. A frame is the cue word (its part of
speech and lemma) with the shape of its complement (the preposition right after it, or
`clause` for a 'that'/'to' clause); its content is the complement, its speaker the
possessor, the object of 'by', the subject of the verb the noun is the object of, or the
subject an adjective is predicated of — else nobody (PolNeAR files 'questions about
Sanders's viability' with no source).

Which frames are cues is not decided here: `python -m pipeline.evaluate.quote_frames` counts
every frame of PolNeAR train against the gold and keeps those whose content is a gold
attribution often enough; `frame_of` is the one definition both the generator and the
extractor use, so the lexicon's figures are the extractor's."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from pipeline.nlp.quotes.content import said_on_a_medium
from pipeline.nlp.quotes.lexicon import RULES, word_set

FRAMES_PATH = RULES / "quote_frames.tsv"
NO_SPEAKER_WORDS = word_set("no_speaker_words")


class Frame(NamedTuple):
    """A stance frame found at a token: its lexicon key, speaker token or None, content range."""
    key: str  # 'NOUN criticism of', 'ADJ concerned about', 'NOUN plan clause'
    speaker: object  # spaCy Token or None
    content: tuple[int, int]  # token range [low, high)


def _clause_child(tok):
    """A 'that'/'to' clause hanging on `tok` after it."""
    return next((child for child in tok.children if child.i > tok.i and child.dep_ in ("acl", "ccomp", "xcomp")
                 and child.pos_ in ("VERB", "AUX") and any(
                     kid.dep_ in ("mark", "aux") and kid.lower_ in ("that", "to") and kid.i < child.i
                     for kid in child.children)), None)


def _complement(tok, first_prep_at: int):
    """(shape, content range) of the complement of a cue word: its clause, or the object of
    the preposition at token `first_prep_at` or later (the first one after the word)."""
    clause = _clause_child(tok)
    if clause is not None:
        shape = "that" if any(kid.dep_ == "mark" and kid.lower_ == "that" for kid in clause.children) else "to"
        return shape, (clause.left_edge.i, clause.right_edge.i + 1)
    prep = next((child for child in tok.children if child.dep_ == "prep" and child.i >= first_prep_at), None)
    if prep is None or prep.i > first_prep_at + 1:
        return None
    pobj = next((child for child in prep.children if child.dep_ in ("pobj", "pcomp")), None)
    if pobj is None or pobj.lower_ in NO_SPEAKER_WORDS or said_on_a_medium(prep, pobj):
        return None  # ('comments on BBC Radio 4': where they were made)
    return prep.lower_, (pobj.left_edge.i, pobj.right_edge.i + 1)


def _noun_speaker(tok):
    """The possessor of a noun cue, the object of its 'by', or the subject of the verb it is
    the object of; None when nobody is named."""
    for child in tok.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((kid for kid in child.children if kid.dep_ == "pobj"), None)
    if tok.dep_ == "dobj":
        return next((child for child in tok.head.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _adjective_speaker(tok):
    """The one an adjective of stance is said of: the subject of its verb ('voters are
    concerned about …') or the noun it follows ('Republicans concerned about …')."""
    if tok.dep_ in ("acomp", "oprd"):
        return next((child for child in tok.head.children if child.dep_ in ("nsubj", "nsubjpass")
                     and child.i < tok.i), None)
    if tok.dep_ in ("amod", "acl") and tok.head.i < tok.i:
        return tok.head
    return None


def frame_of(tok) -> Frame | None:
    """The stance frame at `tok` (a noun or adjective with a clause or prepositional
    complement right after it), or None."""
    if tok.pos_ == "NOUN":
        found = _complement(tok, tok.i + 1)
        speaker = _noun_speaker(tok) if found is not None else None
    elif tok.pos_ == "ADJ" or tok.tag_ == "VBN" and tok.dep_ in ("acomp", "amod", "acl"):
        found = _complement(tok, tok.i + 1)
        speaker = _adjective_speaker(tok) if found is not None else None
        if found is not None and speaker is None:
            return None  # an adjective says something of someone, or nothing
    else:
        return None
    if found is None:
        return None
    shape, content = found
    if speaker is not None and speaker.lower_ in NO_SPEAKER_WORDS:
        speaker = None
    pos = "NOUN" if tok.pos_ == "NOUN" else "ADJ"
    return Frame(f"{pos} {tok.lemma_.lower()} {shape}", speaker, content)


def backoff_key(key: str) -> str:
    """'NOUN * about' for 'NOUN worry about': the frame of any lemma too rare to judge alone."""
    pos, _lemma, shape = key.split(" ")
    return f"{pos} * {shape}"


@lru_cache(maxsize=1)
def _keep_column() -> dict[str, bool]:
    """frame key (or backoff key) -> its `keep` decision in rules/quote_frames.tsv."""
    keep = {}
    for line in FRAMES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("frame\t"):
            continue
        cells = line.split("\t")
        keep[cells[0]] = cells[-1] == "yes"
    return keep


def is_cue_frame(key: str) -> bool:
    """A frame the lexicon keeps: its own row decides; a frame without a row (too rare on
    train to be listed) follows its backoff row."""
    keep = _keep_column()
    return keep[key] if key in keep else keep.get(backoff_key(key), False)


def frame_lexicon() -> frozenset[str]:
    """The frame keys (and backoff keys) the lexicon keeps."""
    return frozenset(key for key, kept in _keep_column().items() if kept)
