"""Sentence-level diffs between two versions, with NewsEdits labels: identical sentences
pair first, then the most similar remaining pairs (edits); unmatched old sentences are
deletions, unmatched new ones additions; matched sentences outside the longest
order-preserving chain are refactors (moved). The title is unit 'title' with sentence
index -1 on both sides."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple

from pipeline.ids import stable_id
from pipeline.versions.text import normalize_text, sentences, words

EDIT_THRESHOLD = 0.5
TITLE_INDEX = -1
LABELS = ("unchanged", "edit", "refactor", "addition", "deletion")


@dataclass(frozen=True)
class Alignment:
    from_sent: int | None
    to_sent: int | None
    label: str  # unchanged | edit | refactor | addition | deletion
    similarity: float


class Pair(NamedTuple):
    """The new sentence an old one is paired with and how similar they are."""

    to_sent: int
    similarity: float


class VersionDiff(NamedTuple):
    """The `version_diffs` rows (changes only) and the `version_diff_stats` row of one pair."""

    rows: list[dict]
    stats: dict


def sentence_similarity(first: str, second: str) -> float:
    """Word-level SequenceMatcher ratio (1.0 for identical normalized sentences)."""
    first_words, second_words = words(first), words(second)
    if first_words == second_words:
        return 1.0
    if not first_words or not second_words:
        return 0.0
    return SequenceMatcher(None, first_words, second_words, autojunk=False).ratio()


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions in `values` of one longest strictly increasing subsequence."""
    tails: list[int] = []
    tail_positions: list[int] = []
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        slot = bisect.bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_positions.append(position)
        else:
            tails[slot] = value
            tail_positions[slot] = position
        previous[position] = tail_positions[slot - 1] if slot else -1
    keep, position = set(), tail_positions[-1] if tail_positions else -1
    while position >= 0:
        keep.add(position)
        position = previous[position]
    return keep


def _contains(longer: list[str], shorter: list[str]) -> bool:
    return len(shorter) >= 4 and f" {' '.join(shorter)} " in f" {' '.join(longer)} "


def _containing_sentence(sentence_words: list[str], other_side: list[list[str]]) -> int | None:
    """The first sentence of the other version that contains this one, if any."""
    return next((index for index, other in enumerate(other_side) if _contains(other, sentence_words)), None)


def _identical_pairs(old: list[str], new: list[str]) -> dict[int, Pair]:
    """Identical (normalized) sentences, paired in order."""
    pairs: dict[int, Pair] = {}
    by_text: dict[str, list[int]] = {}
    for index, sentence in enumerate(old):
        by_text.setdefault(normalize_text(sentence), []).append(index)
    for index, sentence in enumerate(new):
        queue = by_text.get(normalize_text(sentence))
        if queue:
            pairs[queue.pop(0)] = Pair(index, 1.0)
    return pairs


def _pair_similar(old: list[str], new: list[str], pairs: dict[int, Pair], used_new: set[int],
                  edit_threshold: float) -> None:
    """The most similar remaining pairs at or above the threshold (word overlap >= 0.2 to try)."""
    rest_old = [index for index in range(len(old)) if index not in pairs]
    rest_new = [index for index in range(len(new)) if index not in used_new]
    candidates = []
    for old_index in rest_old:
        old_words = set(words(old[old_index]))
        for new_index in rest_new:
            new_words = set(words(new[new_index]))
            if not old_words or not new_words or len(old_words & new_words) / len(old_words | new_words) < 0.2:
                continue
            similarity = sentence_similarity(old[old_index], new[new_index])
            if similarity >= edit_threshold:
                candidates.append((-similarity, abs(old_index - new_index), old_index, new_index))
    for negative_similarity, _, old_index, new_index in sorted(candidates):
        if old_index not in pairs and new_index not in used_new:
            pairs[old_index] = Pair(new_index, -negative_similarity)
            used_new.add(new_index)


def _leftovers(old: list[str], new: list[str], pairs: dict[int, Pair], used_new: set[int]) -> list[Alignment]:
    """Unpaired sentences: an edit of the sentence on the other side that contains it (a
    split or a merge), else a deletion (old) or an addition (new)."""
    found = []
    old_words, new_words = [words(sentence) for sentence in old], [words(sentence) for sentence in new]
    for old_index in range(len(old)):
        if old_index in pairs:
            continue
        host = _containing_sentence(old_words[old_index], new_words)
        found.append(Alignment(old_index, host, "edit", round(len(old_words[old_index]) / len(new_words[host]), 4))
                     if host is not None else Alignment(old_index, None, "deletion", 0.0))
    for new_index in range(len(new)):
        if new_index in used_new:
            continue
        host = _containing_sentence(new_words[new_index], old_words)
        found.append(Alignment(host, new_index, "edit", round(len(new_words[new_index]) / len(old_words[host]), 4))
                     if host is not None else Alignment(None, new_index, "addition", 0.0))
    return found


def _alignment_order(alignment: Alignment) -> tuple[int, int]:
    return (alignment.to_sent if alignment.to_sent is not None else -1,
            alignment.from_sent if alignment.from_sent is not None else -1)


def align_sentences(old: list[str], new: list[str], edit_threshold: float = EDIT_THRESHOLD) -> list[Alignment]:
    """Align two sentence lists. Identical sentences pair first (in order), then the most
    similar remaining pairs above the threshold (a change of case or punctuation only is
    an edit with similarity 1.0); order breaks among pairs are moves (refactor). A left-over
    sentence that is part of a sentence on the other side (a split or a merge — often
    just the extractor gluing or cutting sentences) is an edit of it, not an
    addition or deletion."""
    pairs = _identical_pairs(old, new)
    identical = dict(pairs)
    used_new = {pair.to_sent for pair in pairs.values()}
    _pair_similar(old, new, pairs, used_new, edit_threshold)
    ordered = sorted(pairs.items())
    in_order = _longest_increasing([pair.to_sent for _, pair in ordered])
    found = []
    for position, (old_index, (new_index, similarity)) in enumerate(ordered):
        label = "refactor" if position not in in_order else ("unchanged" if old_index in identical else "edit")
        found.append(Alignment(old_index, new_index, label, round(similarity, 4)))
    found += _leftovers(old, new, pairs, used_new)
    return sorted(found, key=_alignment_order)


def _title_alignment(old_title: str | None, new_title: str | None) -> Alignment | None:
    """The title's change: an edit when both versions have one and they differ, else an
    addition or deletion; None when unchanged."""
    old_normal, new_normal = normalize_text(old_title), normalize_text(new_title)
    if old_normal == new_normal:
        return None
    if old_normal and new_normal:
        return Alignment(TITLE_INDEX, TITLE_INDEX, "edit", round(sentence_similarity(old_normal, new_normal), 4))
    if new_normal:
        return Alignment(None, TITLE_INDEX, "addition", 0.0)
    return Alignment(TITLE_INDEX, None, "deletion", 0.0)


def _diff_row(article_id: str, from_version: int, to_version: int, unit: str, alignment: Alignment,
              from_text: str | None, to_text: str | None) -> dict:
    return {
        "diff_id": stable_id("diff", article_id, from_version, to_version, unit, alignment.from_sent,
                             alignment.to_sent),
        "article_id": article_id, "from_version": from_version, "to_version": to_version,
        "unit": unit, "from_sent": alignment.from_sent, "to_sent": alignment.to_sent, "label": alignment.label,
        "similarity": alignment.similarity, "from_text": from_text, "to_text": to_text,
    }


def diff_versions(article_id: str, from_version: int, to_version: int,
                  old_title: str | None, new_title: str | None,
                  old_text: str, new_text: str) -> VersionDiff:
    """`version_diffs` rows (changes only) and the `version_diff_stats` row of one pair."""
    old_sentences, new_sentences = sentences(old_text), sentences(new_text)
    rows = []
    title_change = _title_alignment(old_title, new_title)
    if title_change is not None:
        rows.append(_diff_row(article_id, from_version, to_version, "title", title_change, old_title, new_title))
    counts = dict.fromkeys(LABELS, 0)
    for alignment in align_sentences(old_sentences, new_sentences):
        counts[alignment.label] += 1
        if alignment.label != "unchanged":
            rows.append(_diff_row(
                article_id, from_version, to_version, "sentence", alignment,
                old_sentences[alignment.from_sent] if alignment.from_sent is not None else None,
                new_sentences[alignment.to_sent] if alignment.to_sent is not None else None))
    stats = {
        "article_id": article_id, "from_version": from_version, "to_version": to_version,
        "from_sentences": len(old_sentences), "to_sentences": len(new_sentences),
        "unchanged": counts["unchanged"], "additions": counts["addition"], "deletions": counts["deletion"],
        "edits": counts["edit"], "refactors": counts["refactor"],
        "title_changed": title_change is not None,
        "similarity": round(SequenceMatcher(None, words(old_text), words(new_text), autojunk=False).ratio(), 4)
        if old_text != new_text else 1.0,
    }
    return VersionDiff(rows, stats)
