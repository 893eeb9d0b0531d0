"""Near-duplicate detection: hashed word shingles, bottom-k MinHash sketches, Jaccard and
containment estimates, and an inverted index from sketch values to fingerprints so that
grouping never compares all pairs."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import NamedTuple

from pipeline.versions.text import words

SHINGLE_SIZE = 5
SKETCH_SIZE = 128
STORY_THRESHOLD = 0.5
STORY_CONTAINMENT = 0.7
MIN_SHINGLES = 40


class StoryMatch(NamedTuple):
    """Whether two sketches are one story, with the Jaccard and containment estimates."""

    same: bool
    jaccard: float
    containment: float


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[int]:
    """Hashed word `size`-shingles (63-bit ints, so they fit a signed BIGINT)."""
    text_words = words(text)
    if len(text_words) < size:
        grams = [" ".join(text_words)] if text_words else []
    else:
        grams = [" ".join(text_words[start:start + size]) for start in range(len(text_words) - size + 1)]
    return {int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big") >> 1 for gram in grams}


def sketch(shingle_set: set[int], size: int = SKETCH_SIZE) -> list[int]:
    """Bottom-k MinHash: the `size` smallest shingle hashes."""
    return sorted(shingle_set)[:size]


class Fingerprint(NamedTuple):
    """A text's bottom-k sketch and how many distinct shingles it has."""

    sketch: list[int]
    shingle_count: int


# One load asks for the fingerprint of the same text up to three times (the near-duplicate
# probe of the stored articles, article identity, story assignment); hashing every shingle
# is the cost, so the last texts' fingerprints are kept (a sketch is 128 ints, not the set).
FINGERPRINT_CACHE = 4096


@lru_cache(maxsize=FINGERPRINT_CACHE)
def _fingerprint(text: str) -> tuple[tuple[int, ...], int]:
    return _KNOWN.get(text) or text_fingerprint(text)


def text_fingerprint(text: str) -> tuple[tuple[int, ...], int]:
    """(sketch, shingle count) of a text, computed (the NLP workers compute each version's
    while the parent waits on the parse: `remember` hands them to the load)."""
    text_shingles = shingles(text)
    return tuple(sketch(text_shingles)), len(text_shingles)


# Fingerprints computed elsewhere (the NLP workers), by text; bounded like the cache.
_KNOWN: dict[str, tuple[tuple[int, ...], int]] = {}


def remember(text: str, value: tuple[tuple[int, ...], int] | None) -> None:
    """Take a fingerprint `text_fingerprint(text)` computed in another process."""
    if value is None:
        return
    if len(_KNOWN) >= FINGERPRINT_CACHE:
        _KNOWN.clear()
    _KNOWN[text] = value


def fingerprint(text: str) -> Fingerprint:
    """sketch(shingles(text)) and the shingle count, computed once per text."""
    values, count = _fingerprint(text)
    return Fingerprint(list(values), count)


def estimate_jaccard(first: list[int], second: list[int], size: int = SKETCH_SIZE) -> float:
    """Jaccard estimate from two bottom-k sketches (exact when both sets fit the sketch)."""
    if not first or not second:
        return 0.0
    union = sorted(set(first) | set(second))[:size]
    first_set, second_set = set(first), set(second)
    return sum(1 for value in union if value in first_set and value in second_set) / len(union)


def containment(jaccard: float, first_count: int, second_count: int) -> float:
    """|A ∩ B| / min(|A|, |B|) from the Jaccard and the set sizes."""
    if not first_count or not second_count:
        return 0.0
    shared = jaccard * (first_count + second_count) / (1 + jaccard)
    return min(1.0, shared / min(first_count, second_count))


def same_story(first: list[int], first_count: int, second: list[int], second_count: int) -> StoryMatch:
    """One story: Jaccard >= STORY_THRESHOLD, or containment >= STORY_CONTAINMENT when both
    have MIN_SHINGLES shingles (a trimmed wire copy)."""
    jaccard = estimate_jaccard(first, second)
    contained = containment(jaccard, first_count, second_count)
    long_enough = min(first_count, second_count) >= MIN_SHINGLES
    return StoryMatch(jaccard >= STORY_THRESHOLD or (long_enough and contained >= STORY_CONTAINMENT),
                      jaccard, contained)


class SketchIndex:
    """Inverted index from sketch values to fingerprints: candidates of a sketch are the
    entries sharing enough values with it, so grouping never compares all pairs."""

    def __init__(self):
        self.entries: dict[str, dict] = {}
        self._by_hash: dict[int, list[str]] = {}

    def add(self, key: str, sketch_values: list[int], **payload) -> None:
        if key in self.entries:
            return
        self.entries[key] = {"article_id": key, "sketch": list(sketch_values), **payload}
        for value in sketch_values:
            self._by_hash.setdefault(value, []).append(key)

    def candidates(self, sketch_values: list[int], min_shared: int = 8) -> list[dict]:
        """Entries sharing >= min_shared values (fewer for tiny sketches), most shared first."""
        need = max(1, min(min_shared, len(sketch_values) // 4))
        shared: dict[str, int] = {}
        for value in set(sketch_values):
            for key in self._by_hash.get(value, ()):
                shared[key] = shared.get(key, 0) + 1
        return [self.entries[key] for _, key in sorted((-count, key) for key, count in shared.items()
                                                        if count >= need)]
