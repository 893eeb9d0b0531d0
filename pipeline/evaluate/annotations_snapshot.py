"""Byte-for-byte check of the whole NLP stage: `python -m pipeline.evaluate.annotations_snapshot
[corpora] --save SNAP | --compare SNAP [--docs N] [--processes P]`.

Runs the NLP stage as the pipeline does (`nlp.annotate_articles`: spaCy and every extractor
— mentions, actors, quotes, headline quotes, events — in the worker processes) over the
benchmark's sample of N shared BBC files plus seeds/, and writes every field of every
annotation record as JSON lines, version by version, to SNAP (`--save`); `--compare` runs it
again and lists the versions whose lines differ. A speed change must leave the output
unchanged: prove it with `--save` before and `--compare` after. It also prints the CPU
seconds of the NLP stage (this process and its workers). Keep SNAP outside the repository:
it holds corpus text."""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline import clean, ingest
from pipeline.evaluate.bench import _copy, _sample
from pipeline.evaluate.bench_probe import ROOT
from pipeline.evaluate.snapshot_diff import print_differences
from pipeline.nlp import annotate_articles
from pipeline.paths import shared_corpora
from pipeline.records import CleanArticle


def sample_articles(corpora: Path, docs: int) -> list[CleanArticle]:
    """The cleaned articles of the benchmark's first `docs` BBC files and of seeds/."""
    files, _ = _sample(corpora, docs, 1)
    articles = []
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp)
        _copy(files, inbox)
        for folder in (inbox, ROOT / "seeds"):
            for f in ingest.scan_inbox(folder):
                articles += [clean.clean_document(doc) for doc in ingest.parse_file(f)]
    return articles


def snapshot_lines(articles: list[CleanArticle]) -> tuple[dict[str, list[str]], float]:
    """'file#record/version' -> one JSON line per record of its annotations; and the CPU
    seconds the NLP stage took (this process and the worker processes it waited for)."""
    before = _cpu_seconds()
    annotations = annotate_articles(articles)
    cpu = _cpu_seconds() - before
    keys = [f"{a.source_file}#{a.record_no}/{v.version_no}" for a in articles for v in a.versions]
    out = {}
    for key, ann in zip(keys, annotations):
        out[key] = [json.dumps({"table": name, **dataclasses.asdict(record)}, ensure_ascii=False, sort_keys=True,
                               default=sorted)
                    for name in ("entities", "mentions", "quotes", "events") for record in getattr(ann, name)]
        out[key].append(json.dumps({"error": ann.error}))
    return out, cpu


def _cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _compare(lines: dict[str, list[str]], snap: Path) -> list[str]:
    saved: dict[str, list[str]] = {}
    for row in snap.read_text(encoding="utf-8").splitlines():
        key, _, line = row.partition("\t")
        saved.setdefault(key, []).append(line)
    differ = [key for key in sorted(set(saved) | set(lines)) if saved.get(key) != lines.get(key)]
    print_differences(differ[:20], saved, lines, lines_each=3)
    return differ


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="?", default=str(shared_corpora()))
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", help="write the snapshot to this file")
    mode.add_argument("--compare", help="compare with the snapshot in this file")
    ap.add_argument("--docs", type=int, default=200, help="BBC files of the benchmark's sample (default 200)")
    ap.add_argument("--processes", type=int, help="worker processes (NEWS_NLP_PROCESSES; default: the pipeline's)")
    args = ap.parse_args(argv)
    if args.processes:
        os.environ["NEWS_NLP_PROCESSES"] = str(args.processes)
    articles = sample_articles(Path(args.corpora), args.docs)
    started = time.perf_counter()
    lines, cpu = snapshot_lines(articles)
    wall = time.perf_counter() - started
    records = sum(len(v) - 1 for v in lines.values())
    timing = f"NLP stage {wall:.1f} s wall, {cpu:.1f} CPU s"
    if args.save:
        snap = Path(args.save)
        snap.write_text("".join(f"{key}\t{line}\n" for key, ls in lines.items() for line in ls), encoding="utf-8")
        print(f"saved {records} records of {len(lines)} versions to {snap} ({timing})")
        return 0
    differ = _compare(lines, Path(args.compare))
    verdict = "IDENTICAL" if not differ else f"{len(differ)} VERSIONS DIFFER"
    print(f"{verdict}: {records} records of {len(lines)} versions vs {args.compare} ({timing})")
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
