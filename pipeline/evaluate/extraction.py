"""HTML article-body extraction on the scrapinghub article-extraction-benchmark:
`python -m pipeline.evaluate.extraction ../shared/corpora/extraction-benchmark`.

The benchmark holds `html/<id>.html.gz` (181 real pages from 126 domains) and
`ground-truth.json` `{id: {articleBody, url}}`. Every page goes through the path a user's
HTML file takes in the warehouse: `pipeline.ingest.parse_html` (trafilatura with the
project's options) and then `pipeline.clean.clean_document` (chrome rules, glued-sentence
repair, byline/dateline/signature removal); the body scored is what `versions.text` would
hold (the headline goes to `articles.title`, as in the benchmark's own articleBody).

Scoring follows the benchmark's `evaluate.py`: text is tokenized into `\\w+` runs
(Unicode), shingled into 4-token n-grams (a text shorter than 4 tokens is one shingle),
and per page the multiset overlap gives TP / FP / FN, normalised by their sum so that
long pages do not weigh more. Precision is the mean per-page precision over pages with
a prediction or a truth (tp+fp > 0), recall the mean per-page recall (tp+fn > 0), and F1
the harmonic mean of those two means. A page where both texts are empty scores 1; a page
the extractor could not read (ParseError) is an empty prediction. The ± figures are 95%
bootstrap intervals (1.96 standard deviations over 1000 resamples of pages, seed 0),
as the benchmark prints them.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from pipeline import clean, ingest
from pipeline.paths import shared_corpora
from pipeline.records import InboxFile

DEFAULT = shared_corpora() / "extraction-benchmark"
SHINGLE = 4
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _WORD.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def page_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page over 4-token shingles."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean([_precision(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*r) for r in rows if r[0] + r[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def bootstrap(rows: list[tuple[float, float, float]], n: int = 1000, seed: int = 0) -> dict[str, float]:
    rng = random.Random(seed)
    values: dict[str, list[float]] = {}
    for _ in range(n):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        for k, v in aggregate(sample).items():
            values.setdefault(k, []).append(v)
    return {k: 1.96 * statistics.stdev(v) for k, v in values.items()}


def extract_body(path: Path) -> str:
    """The body the warehouse would store for this HTML file (version 1 text)."""
    f = InboxFile(path=str(path), name=path.name, size=path.stat().st_size, sha256="",
                  mtime=path.stat().st_mtime, format="html")
    try:
        docs = ingest.parse_file(f)
    except ingest.ParseError:
        return ""
    article = clean.clean_document(docs[0])
    return article.versions[0].text if article.versions else ""


def evaluate(bench: Path, limit: int | None = None, show_worst: int = 0) -> dict[str, float]:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    rows, per_page = [], []
    t0 = time.perf_counter()
    for key in keys:
        path = bench / "html" / f"{key}.html.gz"
        pred = extract_body(path) if path.exists() else ""
        r = page_scores(truth[key].get("articleBody", ""), pred)
        rows.append(r)
        per_page.append((aggregate([r])["f1"], key, truth[key].get("url")))
    metrics = aggregate(rows)
    metrics.update({f"{k}_ci": v for k, v in bootstrap(rows).items()})
    metrics["pages"] = len(rows)
    metrics["seconds"] = time.perf_counter() - t0
    if show_worst:
        for f1, key, url in sorted(per_page)[:show_worst]:
            print(f"  worst F1={f1:.3f} {key[:12]} {url}")
    return metrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bench", nargs="?", default=str(DEFAULT), help="extraction-benchmark folder")
    ap.add_argument("--limit", type=int, help="score only the first N pages (by id)")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    if not (bench / "ground-truth.json").exists():
        print(f"no ground-truth.json in {bench}", file=sys.stderr)
        return 2
    m = evaluate(bench, args.limit, args.worst)
    print(f"HTML body extraction (parse_html + clean), {m['pages']} pages, "
          f"4-token shingles as the benchmark scores them ({m['seconds']:.0f}s):")
    print(f"  precision={m['precision']:.3f} ± {m['precision_ci']:.3f}  "
          f"recall={m['recall']:.3f} ± {m['recall_ci']:.3f}  "
          f"F1={m['f1']:.3f} ± {m['f1_ci']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
