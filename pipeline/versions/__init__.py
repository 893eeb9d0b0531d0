"""Versions: article identity across re-ingests, sentence-level diffs between versions,
version-aware quotes and events, and stories (near-duplicate and wire copies).

Everything here is a pure function over strings and row dicts, except `StoredState.read`,
the one reader of what the warehouse already holds, called before build_rows (which then
only asks the snapshot, never the database). The load stage calls `resolve_article_id`, `version_hash` and
`track_versions` (see pipeline.load.build_rows).

Decisions, documented once:
- Content hash: over a normalized form of title + text (Unicode NFKC, curly quotes and
  dashes unified, whitespace collapsed), so re-extraction noise (whitespace, chrome the
  cleaner removes, typographic quotes) never makes a new version. Case and wording do.
- Identity: canonical URL (load.canonical_url: https, no www./m./amp., no tracking
  parameters, no fragment, no trailing slash), else source + normalized title, else the
  inbox path + record number (a changed file at the same path is version n+1). A URL-less
  record whose id is not stored yet (a new file name, or a new title: retitled) is
  matched against stored and earlier-in-batch URL-less articles of the same source (or
  both without one): word-5-shingle Jaccard >= IDENTITY_THRESHOLD makes it the same
  article (the same text saved under another name, a retitled story). Wire copies of
  other outlets differ in source, so they become stories, never versions. A file first
  stored as a copy of another article follows that article while it stays a near-duplicate.
- Diffs: NewsEdits labels. Sentences (regex splitter with an abbreviation list) are
  aligned: identical sentences first, then the most similar remaining pairs (word-level
  SequenceMatcher ratio >= EDIT_THRESHOLD) are edits; unmatched old sentences are
  deletions, unmatched new ones additions; matched sentences outside the longest
  order-preserving chain are refactors (moved). The title is unit 'title' with sentence
  index -1 on both sides (an edit when both versions have one and they differ).
- Quotes and events carry `quote_key` / `event_key` (normalized text + speaker, resp.
  type + trigger + actors) and the first and last version number of the article in
  which that key occurs, counting stored versions.
- Stories: bottom-k MinHash (k = SKETCH_SIZE) of word 5-shingles of the latest text. Two
  articles are one story when the estimated Jaccard >= STORY_THRESHOLD, or when the
  estimated containment of the shorter in the longer >= STORY_CONTAINMENT (a trimmed wire
  copy) and both have >= MIN_SHINGLES shingles. A new article joins the story of its most
  similar earlier article; stories never merge afterwards (IDs stay stable). Thresholds
  measured by `python -m pipeline.evaluate.stories`: on ECB+ (982 docs, 43 topics) no
  pair from different topics reaches Jaccard 0.2 (max 0.031), so grouping precision
  against topics is 1.000 (49 pairs grouped, all same sub-topic copies; independent
  reports of one event are not copies, recall 0.4%). On BBC News (2,225) every grouped
  pair is the same story: duplicate files, or an update with the same or a reworded
  headline; lightly edited copies group 300/300 (Jaccard min 0.55), copies trimmed to
  60% of their paragraphs 275/300. At 0.7 edited copies would drop to 90%; at 0.3
  different-headline pairs rise from 7 to 14.

Modules: `text` (normalization, hashing, sentences), `diffs` (alignment and NewsEdits
labels), `sketches` (shingles, MinHash, the sketch index), `keys` (version-aware quotes
and events), `stored` (`StoredState`), `identity` (`resolve_article_id`), `stories`
(`assign_stories`) and `track` (`track_versions`, the load-stage hook).
"""
from __future__ import annotations

from pipeline.versions.diffs import (EDIT_THRESHOLD, TITLE_INDEX, Alignment, VersionDiff, align_sentences,
                                     diff_versions, sentence_similarity)
from pipeline.versions.identity import IDENTITY_THRESHOLD, BatchFingerprints, resolve_article_id
from pipeline.versions.keys import event_key, quote_key, refresh_version_spans, version_spans
from pipeline.versions.sketches import (MIN_SHINGLES, SHINGLE_SIZE, SKETCH_SIZE, STORY_CONTAINMENT, STORY_THRESHOLD,
                                        SketchIndex, StoryMatch, containment, estimate_jaccard, same_story, shingles,
                                        sketch)
from pipeline.versions.stored import StoredState, stored_versions
from pipeline.versions.stories import assign_stories
from pipeline.versions.text import normalize_text, normalize_title, sentences, split_sentences, version_hash
from pipeline.versions.track import track_versions

__all__ = [
    "EDIT_THRESHOLD", "IDENTITY_THRESHOLD", "MIN_SHINGLES", "SHINGLE_SIZE", "SKETCH_SIZE", "STORY_CONTAINMENT",
    "STORY_THRESHOLD", "TITLE_INDEX", "Alignment", "BatchFingerprints", "SketchIndex", "StoredState", "StoryMatch",
    "VersionDiff", "align_sentences", "assign_stories", "containment", "diff_versions", "estimate_jaccard",
    "event_key", "normalize_text", "normalize_title", "quote_key", "refresh_version_spans", "resolve_article_id",
    "same_story", "sentence_similarity", "sentences", "shingles", "sketch", "split_sentences", "stored_versions",
    "track_versions", "version_hash", "version_spans",
]
