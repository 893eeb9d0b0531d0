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
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

import polars as pl

from pipeline.ids import content_hash, stable_id

SHINGLE_SIZE = 5
SKETCH_SIZE = 128
STORY_THRESHOLD = 0.5
STORY_CONTAINMENT = 0.7
MIN_SHINGLES = 40
IDENTITY_THRESHOLD = 0.8
EDIT_THRESHOLD = 0.5
TITLE_INDEX = -1

# ------------------------------------------------------------------ normalization and hashing

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
                         "\u00a0": " ", "\u200b": ""})


def normalize_text(text: str | None) -> str:
    """The form hashes and comparisons see: NFKC, plain quotes and dashes, one space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def normalize_title(title: str | None) -> str:
    return re.sub(r"\W+", " ", normalize_text(title).lower()).strip()


def version_hash(title: str | None, text: str) -> str:
    """Content hash of a version: a retitled body is a new version, re-spacing is not."""
    return content_hash(f"{normalize_text(title)}\n{normalize_text(text)}")


# ------------------------------------------------------------------ sentences

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres supt insp "
    "inc corp co ltd plc bros no nos vs etc al fig approx dept est govt univ "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
    "u.s u.k u.n e.g i.e a.m p.m u.s.a d.c".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text: paragraph breaks always end a sentence; . ! ? end one
    before a capital unless the word is an abbreviation or an initial."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start, ptext = para.start(), para.group()
        cut = 0
        for m in _BOUNDARY.finditer(ptext):
            word = re.search(r"(\S+)$", ptext[cut:m.start()] + ptext[m.start():m.start() + 1])
            token = word.group(1).lower().rstrip(".!?\"')]").lstrip("\"'([") if word else ""
            if ptext[m.start()] == "." and (token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
                continue
            _add_span(spans, ptext, start, cut, m.end())
            cut = m.end()
        _add_span(spans, ptext, start, cut, len(ptext))
    return spans


def _add_span(spans: list, ptext: str, offset: int, a: int, b: int) -> None:
    seg = ptext[a:b]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg.rstrip())
    if trail > lead:
        spans.append((offset + a + lead, offset + a + trail))


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# ------------------------------------------------------------------ alignment (NewsEdits labels)


@dataclass(frozen=True)
class Alignment:
    from_sent: int | None
    to_sent: int | None
    label: str  # unchanged | edit | refactor | addition | deletion
    similarity: float


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", normalize_text(s).lower())


def sentence_similarity(a: str, b: str) -> float:
    """Word-level SequenceMatcher ratio (1.0 for identical normalized sentences)."""
    wa, wb = _words(a), _words(b)
    if wa == wb:
        return 1.0
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def _longest_increasing(seq: list[int]) -> set[int]:
    """Positions in `seq` of one longest strictly increasing subsequence."""
    import bisect

    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for i, x in enumerate(seq):
        j = bisect.bisect_left(tails, x)
        if j == len(tails):
            tails.append(x)
            tail_pos.append(i)
        else:
            tails[j] = x
            tail_pos[j] = i
        prev[i] = tail_pos[j - 1] if j else -1
    keep, i = set(), tail_pos[-1] if tail_pos else -1
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return keep


def _contains(longer: list[str], shorter: list[str]) -> bool:
    return len(shorter) >= 4 and f" {' '.join(shorter)} " in f" {' '.join(longer)} "


def align_sentences(old: list[str], new: list[str], edit_threshold: float = EDIT_THRESHOLD) -> list[Alignment]:
    """Align two sentence lists. Identical sentences pair first (in order), then the most
    similar remaining pairs above the threshold (a change of case or punctuation only is
    an edit with similarity 1.0); order breaks among pairs are moves (refactor). A left-over
    sentence that is part of a sentence on the other side (a split or a merge — often
    just the extractor gluing or cutting sentences) is an edit of it, not an
    addition or deletion."""
    pairs: dict[int, tuple[int, float]] = {}  # old index -> (new index, similarity)
    by_text: dict[str, list[int]] = {}
    for i, s in enumerate(old):
        by_text.setdefault(normalize_text(s), []).append(i)
    used_new: set[int] = set()
    for j, s in enumerate(new):
        queue = by_text.get(normalize_text(s))
        if queue:
            pairs[queue.pop(0)] = (j, 1.0)
            used_new.add(j)
    identical = dict(pairs)
    rest_old = [i for i in range(len(old)) if i not in pairs]
    rest_new = [j for j in range(len(new)) if j not in used_new]
    candidates = []
    for i in rest_old:
        wi = set(_words(old[i]))
        for j in rest_new:
            wj = set(_words(new[j]))
            if not wi or not wj or len(wi & wj) / len(wi | wj) < 0.2:
                continue
            sim = sentence_similarity(old[i], new[j])
            if sim >= edit_threshold:
                candidates.append((-sim, abs(i - j), i, j))
    for neg_sim, _, i, j in sorted(candidates):
        if i not in pairs and j not in used_new:
            pairs[i] = (j, -neg_sim)
            used_new.add(j)
    ordered = sorted(pairs.items())
    in_order = _longest_increasing([j for _, (j, _) in ordered])
    out = []
    for pos, (i, (j, sim)) in enumerate(ordered):
        label = "refactor" if pos not in in_order else ("unchanged" if i in identical else "edit")
        out.append(Alignment(i, j, label, round(sim, 4)))
    old_words, new_words = [_words(s) for s in old], [_words(s) for s in new]
    for i in range(len(old)):
        if i in pairs:
            continue
        host = next((j for j in range(len(new)) if _contains(new_words[j], old_words[i])), None)  # merged
        out.append(Alignment(i, host, "edit", round(len(old_words[i]) / len(new_words[host]), 4))
                   if host is not None else Alignment(i, None, "deletion", 0.0))
    for j in range(len(new)):
        if j in used_new:
            continue
        host = next((i for i in range(len(old)) if _contains(old_words[i], new_words[j])), None)  # split
        out.append(Alignment(host, j, "edit", round(len(new_words[j]) / len(old_words[host]), 4))
                   if host is not None else Alignment(None, j, "addition", 0.0))
    return sorted(out, key=lambda a: (a.to_sent if a.to_sent is not None else -1, a.from_sent if a.from_sent is not None else -1))


def diff_versions(article_id: str, from_version: int, to_version: int,
                  old_title: str | None, new_title: str | None,
                  old_text: str, new_text: str) -> tuple[list[dict], dict]:
    """`version_diffs` rows (changes only) and the `version_diff_stats` row of one pair."""
    old_s, new_s = sentences(old_text), sentences(new_text)
    rows = []

    def row(unit, a: Alignment, from_text, to_text):
        return {
            "diff_id": stable_id("diff", article_id, from_version, to_version, unit, a.from_sent, a.to_sent),
            "article_id": article_id, "from_version": from_version, "to_version": to_version,
            "unit": unit, "from_sent": a.from_sent, "to_sent": a.to_sent, "label": a.label,
            "similarity": a.similarity, "from_text": from_text, "to_text": to_text,
        }

    t_old, t_new = normalize_text(old_title), normalize_text(new_title)
    title_label = None
    if t_old != t_new:
        if t_old and t_new:
            title_label = Alignment(TITLE_INDEX, TITLE_INDEX, "edit", round(sentence_similarity(t_old, t_new), 4))
        elif t_new:
            title_label = Alignment(None, TITLE_INDEX, "addition", 0.0)
        else:
            title_label = Alignment(TITLE_INDEX, None, "deletion", 0.0)
        rows.append(row("title", title_label, old_title, new_title))
    alignment = align_sentences(old_s, new_s)
    counts = {k: 0 for k in ("unchanged", "edit", "refactor", "addition", "deletion")}
    for a in alignment:
        counts[a.label] += 1
        if a.label != "unchanged":
            rows.append(row("sentence", a, old_s[a.from_sent] if a.from_sent is not None else None,
                            new_s[a.to_sent] if a.to_sent is not None else None))
    stats = {
        "article_id": article_id, "from_version": from_version, "to_version": to_version,
        "from_sentences": len(old_s), "to_sentences": len(new_s),
        "unchanged": counts["unchanged"], "additions": counts["addition"], "deletions": counts["deletion"],
        "edits": counts["edit"], "refactors": counts["refactor"],
        "title_changed": title_label is not None,
        "similarity": round(SequenceMatcher(None, _words(old_text), _words(new_text), autojunk=False).ratio(), 4)
        if old_text != new_text else 1.0,
    }
    return rows, stats


# ------------------------------------------------------------------ shingles and sketches


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[int]:
    """Hashed word k-shingles (63-bit ints, so they fit a signed BIGINT)."""
    words = _words(text)
    if len(words) < k:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i:i + k]) for i in range(len(words) - k + 1)]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") >> 1 for g in grams}


def sketch(shingle_set: set[int], size: int = SKETCH_SIZE) -> list[int]:
    """Bottom-k MinHash: the `size` smallest shingle hashes."""
    return sorted(shingle_set)[:size]


def estimate_jaccard(a: list[int], b: list[int], size: int = SKETCH_SIZE) -> float:
    """Jaccard estimate from two bottom-k sketches (exact when both sets fit the sketch)."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:size]
    sa, sb = set(a), set(b)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def containment(jaccard: float, n_a: int, n_b: int) -> float:
    """|A ∩ B| / min(|A|, |B|) from the Jaccard and the set sizes."""
    if not n_a or not n_b:
        return 0.0
    inter = jaccard * (n_a + n_b) / (1 + jaccard)
    return min(1.0, inter / min(n_a, n_b))


def same_story(a: list[int], n_a: int, b: list[int], n_b: int) -> tuple[bool, float, float]:
    j = estimate_jaccard(a, b)
    c = containment(j, n_a, n_b)
    long_enough = min(n_a, n_b) >= MIN_SHINGLES
    return (j >= STORY_THRESHOLD or (long_enough and c >= STORY_CONTAINMENT)), j, c


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
        for h in sketch_values:
            self._by_hash.setdefault(h, []).append(key)

    def candidates(self, sketch_values: list[int], min_shared: int = 8) -> list[dict]:
        """Entries sharing >= min_shared values (fewer for tiny sketches), most shared first."""
        need = max(1, min(min_shared, len(sketch_values) // 4))
        shared: dict[str, int] = {}
        for h in set(sketch_values):
            for key in self._by_hash.get(h, ()):
                shared[key] = shared.get(key, 0) + 1
        return [self.entries[k] for _, k in sorted((-n, k) for k, n in shared.items() if n >= need)]


# ------------------------------------------------------------------ version-aware quotes and events


def _speaker_key(row: dict) -> str:
    return row.get("speaker_actor_id") or normalize_title(row.get("speaker_text")) or ""


def quote_key(row: dict) -> str:
    return stable_id("qkey", row.get("article_id"), " ".join(_words(row.get("text") or "")), _speaker_key(row))


def event_key(row: dict) -> str:
    actor = lambda n: row.get(f"actor{n}_id") or normalize_title(row.get(f"actor{n}_text")) or ""  # noqa: E731
    return stable_id("ekey", row.get("article_id"), row.get("event_type"), normalize_title(row.get("trigger")),
                     actor(1), actor(2))


def version_spans(rows: list[dict], version_no_of: dict[str, int], key_of, key_column: str) -> list[dict]:
    """Set key, first_version_no and last_version_no on every row (stored and new ones):
    the span of version numbers of the article in which the key occurs."""
    span: dict[str, tuple[int, int]] = {}
    for r in rows:
        r[key_column] = key_of(r)
        no = version_no_of[r["version_id"]]
        lo, hi = span.get(r[key_column], (no, no))
        span[r[key_column]] = (min(lo, no), max(hi, no))
    for r in rows:
        r["first_version_no"], r["last_version_no"] = span[r[key_column]]
    return rows


# ------------------------------------------------------------------ what the warehouse holds


class StoredState(dict):
    """What the warehouse already holds that the load of one batch needs, read in one go
    before build_rows (`StoredState.read`), so build_rows and re-annotation never query:
    stored (content_hash, version_no) pairs per article (the dict the load stage always
    used), the latest stored version of each (the base of a new version's diff), stored
    quotes and events of these articles (version spans) and every story fingerprint
    (near-duplicate identity, story assignment)."""

    SPAN_TABLES = ("quotes", "events")

    def __init__(self, versions: dict[str, list[tuple[str, int]]] | None = None, latest: dict | None = None,
                 table_rows: dict[str, list[dict]] | None = None, index: SketchIndex | None = None,
                 tables: frozenset[str] = frozenset()):
        super().__init__(versions or {})
        self.latest = latest or {}  # article_id -> {"version_no", "version_id", "title", "text"}
        self.table_rows = table_rows or {}  # quotes / events rows with their version's _version_no
        self.index = index or SketchIndex()
        self.tables = tables

    @classmethod
    def read(cls, con, article_ids: list[str], probe_texts: list[str] = ()) -> "StoredState":
        """The stored state of these articles and of the stored articles whose text is near
        one of `probe_texts` (the batch's URL-less articles: candidates of the same identity)."""
        tables = frozenset(r[0] for r in con.sql("SELECT table_name FROM information_schema.tables").fetchall())
        index = SketchIndex()
        if "story_members" in tables:
            for aid, story, sk, n, source, curl in con.sql(
                    "SELECT m.article_id, m.story_id, m.sketch, m.shingle_count, a.source, a.canonical_url "
                    "FROM story_members m JOIN articles a USING (article_id) ORDER BY m.article_id").fetchall():
                index.add(aid, list(sk), story_id=story, shingle_count=n, source=source, canonical_url=curl)
        ids = set(article_ids)
        for text in probe_texts:
            ids |= {c["article_id"] for c in index.candidates(sketch(shingles(text)))}
        con.register("stored_article_ids", pl.DataFrame({"article_id": sorted(ids)}, schema={"article_id": pl.String}))
        versions: dict[str, list[tuple[str, int]]] = {}
        latest: dict[str, dict] = {}
        for aid, chash, no, vid, title, text in con.sql(
                "SELECT v.article_id, v.content_hash, v.version_no, v.version_id, v.title, v.text FROM versions v "
                "JOIN stored_article_ids USING (article_id) ORDER BY v.article_id, v.version_no").fetchall():
            versions.setdefault(aid, []).append((chash, no))
            latest[aid] = {"version_no": no, "version_id": vid, "title": title, "text": text}
        table_rows = {}
        for table in cls.SPAN_TABLES:
            if table in tables:
                cur = con.execute(f"SELECT t.*, v.version_no AS _version_no FROM {table} t JOIN versions v "
                                  f"USING (version_id) WHERE t.article_id IN (SELECT article_id FROM stored_article_ids)")
                cols = [d[0] for d in cur.description]
                table_rows[table] = [dict(zip(cols, r)) for r in cur.fetchall()]
        con.unregister("stored_article_ids")
        return cls(versions, latest, table_rows, index, tables)

    def has_table(self, name: str) -> bool:
        return name in self.tables

    def versions_of(self, article_id: str) -> list[tuple[str, int]]:
        return self.get(article_id, [])

    def version(self, article_id: str, version_no: int) -> dict | None:
        got = self.latest.get(article_id)
        return {k: got[k] for k in ("version_id", "title", "text")} if got and got["version_no"] == version_no else None

    def rows(self, table: str, article_ids: list[str]) -> list[dict]:
        """Stored rows of a table for these articles, with the version_no of each row (copies:
        the caller updates them)."""
        wanted = set(article_ids)
        return [dict(r) for r in self.table_rows.get(table, []) if r["article_id"] in wanted]

    def story_of(self, article_ids: list[str]) -> dict[str, str]:
        return {aid: self.index.entries[aid]["story_id"] for aid in article_ids if aid in self.index.entries}

    def similar_articles(self, sketch_values: list[int]) -> list[dict]:
        """Stored articles that are MinHash candidates for this sketch."""
        return self.index.candidates(sketch_values) if sketch_values else []


def stored_versions(existing: dict, article_id: str) -> list[tuple[str, int]]:
    if isinstance(existing, StoredState):
        return list(existing.versions_of(article_id))
    return list(existing.get(article_id, []))


# ------------------------------------------------------------------ identity


class BatchFingerprints(SketchIndex):
    """Fingerprints of the articles seen so far in this batch (identity by near-duplicate)."""


def resolve_article_id(default_id: str, url_less: bool, source: str | None, text: str,
                       existing: dict, batch: BatchFingerprints) -> str:
    """The article a record belongs to. `default_id` comes from load.article_id_for (URL,
    else source + title, else inbox path). A URL-less record whose id is not stored yet (a
    new path, or a new title: retitled) is the same article as a stored or earlier-in-batch
    URL-less article of the same source whose text is a near-duplicate."""
    sk_set = shingles(text)
    sk = sketch(sk_set)
    if url_less and default_id not in batch.entries and not stored_versions(existing, default_id):
        best, best_j = None, IDENTITY_THRESHOLD
        found = batch.candidates(sk)
        if isinstance(existing, StoredState):
            found += existing.similar_articles(sk)
        for cand in found:
            if cand.get("canonical_url") is None and (cand.get("source") or None) == (source or None):
                j = estimate_jaccard(sk, cand["sketch"])
                if j > best_j or (best is None and j >= best_j):
                    best, best_j = cand["article_id"], j
        if best is not None:
            default_id = best
    batch.add(default_id, sk, source=source, canonical_url=None if url_less else "known")
    return default_id


# ------------------------------------------------------------------ the load-stage hook


def track_versions(rows: dict[str, list[dict]], existing: dict) -> dict[str, list[dict]]:
    """After the load stage built the batch's rows: diffs of every new version against the
    one before it, version spans of quotes and events, and story assignment."""
    store = existing if isinstance(existing, StoredState) else StoredState(existing)
    new_versions = sorted(rows.get("versions", []), key=lambda v: (v["article_id"], v["version_no"]))
    batch_by_no = {(v["article_id"], v["version_no"]): v for v in new_versions}
    rows["version_diffs"], rows["version_diff_stats"] = [], []
    for v in new_versions:
        if v["version_no"] <= 1:
            continue
        prev = batch_by_no.get((v["article_id"], v["version_no"] - 1)) or store.version(v["article_id"], v["version_no"] - 1)
        if prev is None:
            continue
        diffs, stats = diff_versions(v["article_id"], v["version_no"] - 1, v["version_no"],
                                     prev["title"], v["title"], prev["text"], v["text"])
        rows["version_diffs"] += diffs
        rows["version_diff_stats"].append(stats)

    article_ids = sorted({v["article_id"] for v in new_versions})
    refresh_version_spans(rows, store, article_ids, {v["version_id"]: v["version_no"] for v in new_versions})
    assign_stories(rows, store)
    return rows


def refresh_version_spans(rows: dict[str, list[dict]], store: StoredState, article_ids: list[str],
                          version_no_of: dict[str, int], replaced: frozenset[str] = frozenset()) -> None:
    """Version spans of quotes and events over the batch's rows and the stored rows of the
    same articles; stored rows whose span changed join the batch. Stored rows of the
    `replaced` versions (being re-annotated) are left out: the batch holds their new rows."""
    for table, key_of, key_column in (("quotes", quote_key, "quote_key"), ("events", event_key, "event_key")):
        new_rows = rows.get(table, [])
        stored = store.rows(table, article_ids) if store.has_table(table) else []
        stored = [r for r in stored if r["version_id"] not in replaced]
        for r in stored:
            version_no_of[r["version_id"]] = r.pop("_version_no")
        before = {id(r): (r.get("first_version_no"), r.get("last_version_no"), r.get(key_column)) for r in stored}
        version_spans(new_rows + stored, version_no_of, key_of, key_column)
        changed = [r for r in stored
                   if before[id(r)] != (r["first_version_no"], r["last_version_no"], r[key_column])]
        rows[table] = new_rows + changed


def assign_stories(rows: dict[str, list[dict]], store: StoredState) -> None:
    """Every article in the batch gets a story: its stored one, else the story of its most
    similar earlier article (stored or earlier in the batch), else a new story."""
    latest: dict[str, dict] = {}
    for v in rows.get("versions", []):
        if v["article_id"] not in latest or v["version_no"] > latest[v["article_id"]]["version_no"]:
            latest[v["article_id"]] = v
    articles = rows.get("articles", [])
    stored_story = store.story_of(sorted({a["article_id"] for a in articles}))
    rows["stories"], rows["story_members"] = [], []
    batch_members = SketchIndex()  # articles of this batch already given a story
    order = sorted(articles, key=lambda a: (a.get("first_seen_at") is None, a.get("first_seen_at"), a["article_id"]))
    done: set[str] = set()
    story_of: dict[str, str] = {}
    for art in order:
        aid = art["article_id"]
        if aid in done:
            continue
        done.add(aid)
        v = latest.get(aid)
        if aid in stored_story:
            story_of[aid] = stored_story[aid]
            if v is not None:  # a new version refreshes the fingerprint, not the story
                sh = shingles(v["text"])
                rows["story_members"].append({"article_id": aid, "story_id": stored_story[aid],
                                              "sketch": sketch(sh), "shingle_count": len(sh)})
            continue
        if v is None:
            continue
        sh = shingles(v["text"])
        sk, n = sketch(sh), len(sh)
        best = None  # (jaccard, containment, story_id, matched_article_id)
        for cand in batch_members.candidates(sk) + store.similar_articles(sk):
            if cand["article_id"] == aid:
                continue
            ok, j, c = same_story(sk, n, cand["sketch"], cand["shingle_count"])
            if ok and (best is None or (j, c) > best[:2]):
                best = (j, c, cand["story_id"], cand["article_id"])
        if best is None:
            story_id = stable_id("story", aid)
            rows["stories"].append({"story_id": story_id, "first_article_id": aid, "title": art.get("title"),
                                    "first_seen_at": art.get("first_seen_at")})
            member = {"matched_article_id": None, "jaccard": None, "containment": None}
        else:
            story_id = best[2]
            member = {"matched_article_id": best[3], "jaccard": round(best[0], 4), "containment": round(best[1], 4)}
        story_of[aid] = story_id
        rows["story_members"].append({"article_id": aid, "story_id": story_id, "sketch": sk, "shingle_count": n,
                                      **member})
        batch_members.add(aid, sk, story_id=story_id, shingle_count=n)
    for art in articles:  # every row of the article (a batch may hold it twice)
        art["story_id"] = story_of.get(art["article_id"], art.get("story_id"))
