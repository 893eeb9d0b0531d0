"""Speed benchmark: `python -m pipeline.evaluate.bench [corpora] [--docs N]`.

Copies N BBC articles (default 300) plus the seeds into a temp inbox, times each stage
as a pure function (scan+hash, parse, clean, spaCy parse, extractors, load, checks),
then one full Dagster run of the same inbox, and prints documents/s and words/s. The
spaCy parse is the cost that cannot be avoided; the rest should be small beside it."""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _sample(corpora: Path, n: int, inbox: Path) -> None:
    files = sorted((corpora / "bbc-news").rglob("*.txt"))
    step = max(1, len(files) // n) if files else 1
    for i, f in enumerate(files[::step][:n]):
        shutil.copy2(f, inbox / f"bbc_{f.parent.name}_{f.name}")
    for f in (ROOT / "seeds").iterdir():
        shutil.copy2(f, inbox / f.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpora", nargs="?", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args(argv)

    import dagster as dg
    import duckdb

    from pipeline import clean, ingest, load, nlp
    from pipeline.checks import all_checks, run_check
    from pipeline.cli import run_pipeline
    from pipeline.nlp import annotate_doc, load_model, parse_texts

    tmp = Path(tempfile.mkdtemp(prefix="news-bench-"))
    inbox = tmp / "inbox"
    inbox.mkdir()
    _sample(Path(args.corpora), args.docs, inbox)
    timings: dict[str, float] = {}

    def timed(name, fn):
        t = time.perf_counter()
        out = fn()
        timings[name] = time.perf_counter() - t
        return out

    load_model()  # model load is a one-off cost, reported separately
    files = timed("scan + sha256", lambda: ingest.scan_inbox(inbox))
    docs = timed("parse", lambda: [d for f in files for d in ingest.parse_file(f)])
    articles = timed("clean", lambda: [clean.clean_document(d) for d in docs])
    keys = [(i, v) for i, a in enumerate(articles) for v in a.versions]
    parsed = timed("spaCy parse (nlp.pipe)", lambda: list(parse_texts([v.text for _, v in keys])))
    anns = timed("extractors (actors, quotes, events)",
                 lambda: [annotate_doc(d, articles[i].published_at, i, v.version_no) for (i, v), d in zip(keys, parsed)])
    db = tmp / "bench.duckdb"

    def _load():
        with duckdb.connect(str(db)) as con:
            load.ensure_schema(con)
            existing, index = load.read_existing(con, sorted({load.article_id_for(a) for a in articles}))
            rows = load.build_rows(articles, anns, existing, index)
            load.write_batch(con, load.file_rows(files, {}, "bench"), rows)

    timed("load (DuckDB upsert)", _load)

    def _checks():
        with duckdb.connect(str(db)) as con:
            for c in all_checks():
                run_check(con, c)

    timed("checks (Great Expectations)", _checks)
    t = time.perf_counter()
    run_pipeline(str(inbox), str(tmp / "full.duckdb"), instance=dg.DagsterInstance.ephemeral())
    full = time.perf_counter() - t

    words = sum(len(v.text.split()) for _, v in keys)
    print(f"benchmark: {len(files)} files, {len(keys)} versions, {words:,} words (BBC sample + seeds)")
    print(f"{'stage':<40}{'seconds':>9}{'docs/s':>10}{'words/s':>11}")
    for name, secs in timings.items():
        print(f"{name:<40}{secs:>9.2f}{len(keys) / secs:>10.1f}{words / secs:>11,.0f}")
    stages = sum(timings.values())
    print(f"{'sum of stages':<40}{stages:>9.2f}{len(keys) / stages:>10.1f}{words / stages:>11,.0f}")
    print(f"{'full Dagster run (all assets + checks)':<40}{full:>9.2f}{len(keys) / full:>10.1f}{words / full:>11,.0f}")
    spacy_share = timings["spaCy parse (nlp.pipe)"] / stages
    print(f"spaCy share of stage time: {spacy_share:.0%}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
