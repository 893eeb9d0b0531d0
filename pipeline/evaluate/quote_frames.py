"""Generate `pipeline/rules/quote_frames.tsv`, the stance frames of nouns and adjectives the
quote extractor takes as cues: `python -m pipeline.evaluate.quote_frames [train folder]
[--cache DOCS] [--min-count N] [--min-precision P] [--out FILE]`.

For every frame (`pipeline.nlp.quotes.stance_frames.frame_of`: cue word, part of speech,
complement shape) outside quotation marks in the PolNeAR folder (train only: dev and the
BBC gold stay unseen), it counts the occurrences, how many sit in a gold Cue span, and how
many have a content that matches a gold Content (alphanumeric overlap >= 0.5, as the
evaluation scores). precision = content matches / occurrences. A frame is kept when it
occurs at least N times and its precision is at least P: a kept row adds attributions whose
precision is above half the current F1, which raises the F1 (adding a batch of precision q
raises F1 = 2TP/(gold + predicted) when 2q > F1). The thresholds were chosen on train
(README, quotes)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, NamedTuple

from pipeline.evaluate.polnear_gold import Article, read_corpus
from pipeline.evaluate.quotes_score import DEFAULT, content_overlap, content_positions
from pipeline.evaluate.quotes_snapshot import parsed_docs
from pipeline.nlp.quotes.pieces import find_pieces
from pipeline.nlp.quotes.stance_frames import FRAMES_PATH, backoff_key, frame_of

MIN_COUNT = 3
MIN_PRECISION = 0.5


class FrameRow(NamedTuple):
    frame: str
    occurrences: int
    gold_cue: int
    content_match: int

    @property
    def precision(self) -> float:
        return self.content_match / self.occurrences if self.occurrences else 0.0


def count_frames(pairs: Iterable[tuple[Article, object]]) -> list[FrameRow]:
    """One row per frame key over (article, parsed doc) pairs, most gold matches first."""
    occurrences, gold_cue, matched = Counter(), Counter(), Counter()
    for art, doc in pairs:
        quoted = [(piece.open_at, piece.close_end) for piece in find_pieces(art.text)]
        cue_chars = {pos for gold in art.gold for start, end in gold.cue for pos in range(start, end)}
        contents = [content_positions(art.text, gold.content) for gold in art.gold]
        for tok in doc:
            if any(start <= tok.idx < end for start, end in quoted):
                continue
            frame = frame_of(tok)
            if frame is None:
                continue
            low, high = frame.content
            span = content_positions(art.text, [(doc[low].idx, doc[high - 1].idx + len(doc[high - 1].text))])
            occurrences[frame.key] += 1
            gold_cue[frame.key] += tok.idx in cue_chars
            matched[frame.key] += any(content_overlap(gold, span) >= 0.5 for gold in contents)
    rows = [FrameRow(key, occurrences[key], gold_cue[key], matched[key]) for key in occurrences]
    return sorted(rows, key=lambda row: (-row.content_match, -row.occurrences, row.frame))


def kept(row: FrameRow, min_count: int = MIN_COUNT, min_precision: float = MIN_PRECISION) -> bool:
    return row.occurrences >= min_count and row.content_match >= 2 and row.precision >= min_precision


def backoff_rows(rows: list[FrameRow], min_count: int = MIN_COUNT) -> list[FrameRow]:
    """One row per 'POS * shape' summing the frames of lemmas seen fewer than `min_count`
    times: the evidence for a lemma too rare to judge alone ('NOUN * about': 'worries about',
    'qualms about' …)."""
    sums: dict[str, list[int]] = {}
    for row in rows:
        if row.occurrences < min_count:
            total = sums.setdefault(backoff_key(row.frame), [0, 0, 0])
            for index, value in enumerate((row.occurrences, row.gold_cue, row.content_match)):
                total[index] += value
    return sorted((FrameRow(key, *total) for key, total in sums.items()), key=lambda row: -row.content_match)


def decisions(rows: list[FrameRow], min_count: int = MIN_COUNT,
              min_precision: float = MIN_PRECISION) -> list[tuple[FrameRow, bool]]:
    """(row, keep) to write: every backoff row, and every frame row whose decision is not what
    its backoff row would give it (a rare frame follows its backoff row: it is not written
    unless it has a content match, for the record)."""
    backoffs = backoff_rows(rows, min_count)
    backoff_keep = {row.frame: kept(row, min_count, min_precision) for row in backoffs}
    out = [(row, backoff_keep[row.frame]) for row in backoffs]
    for row in rows:
        follows = backoff_keep.get(backoff_key(row.frame), False)
        keep = kept(row, min_count, min_precision) if row.occurrences >= min_count else follows
        if row.content_match or keep != follows:
            out.append((row, keep))
    return out


def lexicon_text(rows: list[FrameRow], source: str, min_count: int, min_precision: float) -> str:
    """The TSV: a comment header saying how it was made, then the decisions."""
    header = [
        "# Stance frames of nouns and adjectives taken as quote cues: GENERATED, do not edit by hand.",
        f"# Made by `python -m pipeline.evaluate.quote_frames` from {source}: every frame",
        "# (pipeline/nlp/quotes/stance_frames.py: part of speech, lemma, complement = the preposition",
        "# right after the word, 'that' or 'to' for a clause) outside quotation marks, counted:",
        "# occurrences, gold_cue (in a gold Cue span), content_match (its content matches a gold",
        "# Content, overlap >= 0.5), precision = content_match / occurrences.",
        f"# keep = yes when occurrences >= {min_count}, content_match >= 2 and precision >= {min_precision}",
        f"# (thresholds chosen on PolNeAR train). A frame seen fewer than {min_count} times follows its",
        "# backoff row 'POS * shape' (the sum over such rare frames, kept by the same test); frames",
        "# not listed follow their backoff row too. Listed: the backoff rows, the frames with a content",
        "# match, and the frames whose own decision differs from their backoff row's.",
        "frame\toccurrences\tgold_cue\tcontent_match\tprecision\tkeep",
    ]
    body = [f"{row.frame}\t{row.occurrences}\t{row.gold_cue}\t{row.content_match}\t{row.precision:.3f}\t"
            f"{'yes' if keep else 'no'}" for row, keep in decisions(rows, min_count, min_precision)]
    return "\n".join(header + body) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT.parent / "train"))
    ap.add_argument("--cache", default=None, help="DocBin of the folder's parse (made when absent)")
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    ap.add_argument("--out", default=str(FRAMES_PATH))
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    if not (folder / "text").is_dir():
        print(f"not a PolNeAR-format folder (no text/): {folder}", file=sys.stderr)
        return 2
    cache = Path(args.cache) if args.cache else Path(f"/tmp/quote_frames_{folder.name}.docs")
    docs = dict(parsed_docs(folder, cache))
    articles = read_corpus(folder)
    rows = count_frames((art, docs[art.stem]) for art in articles)
    source = f"PolNeAR {folder.name} ({len(articles)} articles)"
    Path(args.out).write_text(lexicon_text(rows, source, args.min_count, args.min_precision), encoding="utf-8")
    chosen = decisions(rows, args.min_count, args.min_precision)
    print(f"{sum(keep for _, keep in chosen)} rows kept of {len(chosen)} written ({len(rows)} frames seen); "
          f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
