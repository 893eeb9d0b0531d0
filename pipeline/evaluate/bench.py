"""Speed benchmark: `python -m pipeline.evaluate.bench [corpora] [--docs N | --all] [--json F]`.

ONE run measures, on the same sample of shared BBC articles (default 1,300 files):
bare spaCy (`nlp.pipe` over the same cleaned texts with the process count the pipeline uses,
model loaded: the issue's measure and the ratio's denominator; run inside
pipeline.evaluate.bench_bare, a new process that imports spaCy and loads the stock model, whose
whole run is shown as a second ratio; timed just before and just after the full build, the
ratio against their mean, because the speed of a shared host drifts between runs minutes apart), the full build
through the CLI (`python -m pipeline.cli run`, a new process with its own Dagster home, as a
user runs it), their ratio, Dagster's time per step, the peak
RSS of the whole process tree, the whole-table check suites, a no-op re-run, 20 new articles into the built warehouse
and into an empty one, re-annotation of 20 and of all versions after an extractor
version bump, and each SQL model's time. Prints one table (Markdown) and writes the
figures to a JSON file. The spaCy parse is the cost that cannot be avoided; everything
else should be small beside it."""
from __future__ import annotations

import argparse
import compileall
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from pipeline import clean, ingest
from pipeline.cli_run import AFTER_EVERY_RUN
from pipeline.evaluate.bench_probe import ROOT, CliRun, Workspace, machine
from pipeline.model_sql import model_files
from pipeline.models import MODELS_STEP
from pipeline.nlp import BATCH_SIZE, MODEL_NAME, process_count
from pipeline.paths import shared_corpora

MODEL_READS = 3  # timed full reads of each SQL model (the median is reported)
STALE_VERSION = "0.0.0"  # what the bench writes into versions.extractor_version to simulate an upgrade
MB = 2**20

# (label, Dagster step key prefix) in pipeline order
STAGES = (("scan + sha256 (inbox_files)", "inbox_files"), ("parse", "parsed_documents"),
          ("clean", "clean_articles"), ("NLP: spaCy + extractors", "nlp_annotations"),
          ("load (DuckDB, one transaction, + checks of the batch's rows)", "warehouse_tables"))


@dataclass
class Row:
    measure: str
    seconds: float | None
    words: int | None = None
    peak_rss_mb: float | None = None
    target: str = ""
    met: bool | None = None
    failure: str = ""  # the end of the run's output when it failed (in the JSON file)

    @property
    def words_per_s(self) -> float | None:
        return self.words / self.seconds if self.words and self.seconds else None


def _sample(corpora: Path, n: int, extra: int) -> tuple[list[Path], list[Path]]:
    """n files spread evenly over the BBC topics, plus `extra` other files held back."""
    files = sorted((corpora / "bbc-news").rglob("*.txt"))
    if not files:
        raise SystemExit(f"no BBC articles under {corpora / 'bbc-news'}")
    n = min(n, len(files) - extra)
    step = len(files) / (n + extra)
    picked = [files[int(i * step)] for i in range(n + extra)]
    held = picked[:: max(1, (n + extra) // extra)][:extra]
    return [f for f in picked if f not in set(held)], held


def _copy(files: list[Path], inbox: Path) -> None:
    for f in files:
        shutil.copy2(f, inbox / f"bbc_{f.parent.name}_{f.name}")


def _cleaned_texts(inbox: Path) -> list[str]:
    """The distinct cleaned version texts the pipeline will parse (pure stage functions)."""
    texts = []
    for f in ingest.scan_inbox(inbox):
        for doc in ingest.parse_file(f):
            texts += [v.text for v in clean.clean_document(doc).versions]
    return list(dict.fromkeys(texts))


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


@dataclass(frozen=True)
class BareRun:
    seconds: float  # the program, from process start to exit (what the full build is timed as)
    pipe_seconds: float  # its `nlp.pipe` alone (the bare figure before session 23)


def _bare_spacy(texts_file: Path, n_texts: int) -> BareRun:
    """Bare spaCy as a program (pipeline.evaluate.bench_bare): default model pipeline, same
    batch size and processes; timed like `Workspace.cli`, so both sides pay their process
    start, imports and model load."""
    cmd = [sys.executable, "-m", "pipeline.evaluate.bench_bare", str(texts_file), MODEL_NAME, str(BATCH_SIZE),
           str(process_count(n_texts))]
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return BareRun(time.perf_counter() - t, float(out.strip().splitlines()[-1]))


def _read_model(con, name: str) -> float:
    """Seconds to read a model in full: every row fetched to an Arrow table (duckdb 2's
    relation `.arrow()` is a reader that stops at the first batch unless drained)."""
    t = time.perf_counter()
    con.sql(f"SELECT * FROM {name}").to_arrow_table()
    return time.perf_counter() - t


def _model_seconds(warehouse: Path) -> dict[str, float]:
    """Each SQL model read in full on the built warehouse: the median of MODEL_READS reads,
    after one read of every model (a process's first read loads the blocks of the tables
    the models share, which the first model in name order would pay for all of them)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = list(model_files())
        for name in names:
            _read_model(con, name)
        return {name: statistics.median(_read_model(con, name) for _ in range(MODEL_READS)) for name in names}


def _mark_stale(warehouse: Path, limit: int | None) -> int:
    """Pretend the extractors were upgraded after `limit` versions (all when None) were annotated."""
    pick = "SELECT version_id FROM versions ORDER BY version_id" + (f" LIMIT {limit}" if limit else "")
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"UPDATE versions SET extractor_version = '{STALE_VERSION}' WHERE version_id IN ({pick})")
        return con.sql(f"SELECT count(*) FROM versions WHERE extractor_version = '{STALE_VERSION}'").fetchall()[0][0]


def _row(measure: str, run: CliRun, words: int | None = None, target: str = "", met: bool | None = None) -> Row:
    if not run.ok:
        tail = run.output.strip().splitlines()[-1:] or ["(no output)"]
        return Row(f"{measure} — FAILED: {tail[0][:80]}", None, failure=run.output[-4000:])
    return Row(measure, run.seconds, words, round(run.peak_rss / MB), target, met)


@dataclass
class Runs:
    """Every timed run of the benchmark, in the order they ran."""

    build_files: list[Path]
    new_files: list[Path]
    versions: int
    words: int
    new_words: int
    bare_before: BareRun
    full: CliRun
    bare_after: BareRun
    steps: dict[str, float]  # Dagster step -> seconds, of the full build
    models: dict[str, float]  # model -> seconds of a full read
    suites: CliRun
    noop: CliRun
    into_built: CliRun
    into_empty: CliRun
    stale: int
    re_few: CliRun
    all_stale: int
    re_all: CliRun

    @property
    def bare(self) -> float:
        return (self.bare_before.seconds + self.bare_after.seconds) / 2

    @property
    def bare_pipe(self) -> float:
        return (self.bare_before.pipe_seconds + self.bare_after.pipe_seconds) / 2


def measure(corpora: Path, docs: int, new: int, tmp: Path) -> tuple[list[Row], dict]:
    runs = _run_all(corpora, docs, new, tmp)
    ratio = runs.bare_pipe / runs.full.seconds  # the measure: bare `nlp.pipe` over the same texts
    rows = [*_speed_rows(runs, ratio), *_step_rows(runs), *_run_rows(runs, new)]
    peak = max(r.peak_rss_mb or 0 for r in rows)
    rows.append(Row("peak RSS, whole process tree (max of the runs)", None, None, peak, "≤ 2048 MB", peak <= 2048))
    rows += _model_rows(runs.models)
    summary = {"files": len(runs.build_files), "versions": runs.versions, "words": runs.words,
               "ratio_to_bare_spacy": round(ratio, 3),
               "ratio_to_bare_spacy_program": round(runs.bare / runs.full.seconds, 3),
               "new_files": len(runs.new_files), "machine": machine(), "dagster_steps": runs.steps}
    return rows, summary


def _run_all(corpora: Path, docs: int, new: int, tmp: Path) -> Runs:
    """The runs: bare spaCy, the full build, bare spaCy again (bracketed: this host's speed
    drifts by ±10 % within minutes), checks, a no-op run, new files into the built and an
    empty warehouse, re-annotation of a few and of all versions."""
    # the project's modules as bytecode, like spaCy's installed ones (see the Makefile's setup)
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    build_files, new_files = _sample(corpora, docs, new)
    built = Workspace(tmp / "built")
    _copy(build_files, built.inbox)
    texts = _cleaned_texts(built.inbox)
    words = _words(texts)
    texts_file = tmp / "bare_texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    bare_before = _bare_spacy(texts_file, len(texts))
    since = time.time()
    full = built.cli("run")
    if not full.ok:
        raise SystemExit("full build failed:\n" + full.output[-3000:])
    bare_after = _bare_spacy(texts_file, len(texts))
    steps, models = built.step_seconds(since), _model_seconds(built.warehouse)
    suites = built.cli("check")  # the whole-table Great Expectations suites (schedule / on demand)
    noop = built.cli("run")
    _copy(new_files, built.inbox)
    new_words = _words(_cleaned_texts(built.inbox)) - words
    into_built = built.cli("run")
    empty = Workspace(tmp / "empty")
    _copy(new_files, empty.inbox)
    into_empty = empty.cli("run")
    stale = _mark_stale(built.warehouse, new)
    re_few = built.cli("reannotate")
    all_stale = _mark_stale(built.warehouse, None)
    re_all = built.cli("reannotate")
    return Runs(build_files, new_files, len(texts), words, new_words, bare_before, full, bare_after, steps, models,
                suites, noop, into_built, into_empty, stale, re_few, all_stale, re_all)


def _speed_rows(runs: Runs, ratio: float) -> list[Row]:
    """Bare spaCy (before, after, mean; as a program) and the full build against it."""
    words = runs.words
    return [
        Row(f"bare spaCy nlp.pipe ({process_count(runs.versions)} processes, model loaded), mean of the two below",
            runs.bare_pipe, words),
        Row("  bare spaCy nlp.pipe just before the full build", runs.bare_before.pipe_seconds, words),
        Row("  bare spaCy nlp.pipe just after the full build", runs.bare_after.pipe_seconds, words),
        Row("bare spaCy as a program (process start, import, model load, nlp.pipe), mean", runs.bare, words),
        Row("full build (python -m pipeline.cli run)", runs.full.seconds, runs.words, round(runs.full.peak_rss / MB),
            "≥ 0.90 × bare spaCy nlp.pipe words/s", ratio >= 0.90),
    ]


def _step_rows(runs: Runs) -> list[Row]:
    """The full build's steps (Dagster's step times), the models run's, and the rest."""
    steps, rows, stage_sum = runs.steps, [], 0.0
    for label, prefix in STAGES:
        secs = sum(s for k, s in steps.items() if k.startswith(prefix))
        stage_sum += secs
        rows.append(Row(f"  step: {label}", secs, runs.words))
    model_steps = sum(s for k, s in steps.items() if k in runs.models or k == MODELS_STEP)
    rows.append(Row("  step: SQL models (models_job)", model_steps))
    # the models run's other steps (until session 22 inside "rest")
    after_models = sum(s for k, s in steps.items() if k in AFTER_EVERY_RUN)
    rows.append(Row("  steps: check_results + report (models_job)", after_models))
    rows.append(Row("  rest: process start, imports, Dagster (the head overlaps the NLP workers' start)",
                    runs.full.seconds - stage_sum - model_steps - after_models))
    return rows


def _run_rows(runs: Runs, new: int) -> list[Row]:
    """The other runs against their targets."""
    into_built, into_empty, re_few, re_all = runs.into_built, runs.into_empty, runs.re_few, runs.re_all
    return [
        _row("whole-table checks (python -m pipeline.cli check; schedule / on demand)", runs.suites, runs.words),
        _row("no-op re-run (nothing new)", runs.noop, None, "≤ 3 s", runs.noop.seconds <= 3),
        _row(f"{new} new articles into the built warehouse", into_built, runs.new_words,
             f"≤ 1.1 × {new} into empty", into_built.seconds <= 1.1 * into_empty.seconds),
        _row(f"{new} new articles into an empty warehouse", into_empty, runs.new_words),
        _row(f"re-annotation of {runs.stale} stale versions", re_few, None,
             f"≤ 1.1 × {new} new into built", re_few.seconds <= 1.1 * into_built.seconds),
        _row(f"re-annotation of all {runs.all_stale} versions", re_all, runs.words,
             "≤ 1.0 × full build", re_all.seconds <= runs.full.seconds),
    ]


def _model_rows(models: dict[str, float]) -> list[Row]:
    return [Row(f"SQL model {name} (full read, median of {MODEL_READS})", secs, None, None, "≤ 250 ms", secs <= 0.25)
            for name, secs in models.items()]


def render(rows: list[Row], summary: dict) -> str:
    m = summary["machine"]
    lines = [f"benchmark: {summary['files']} BBC files, {summary['versions']} versions, {summary['words']:,} words; "
             f"full build / bare spaCy nlp.pipe = **{summary['ratio_to_bare_spacy']:.2f}** (the issue's measure); "
             f"/ bare spaCy as a program = {summary['ratio_to_bare_spacy_program']:.2f}",
             f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, load average {m['load_average_at_start']} "
             f"at start, Python {m['python']}, {m['date']}", "",
             "| measure | seconds | words/s | peak RSS MB | target | met |", "|---|---:|---:|---:|---|---|"]
    for r in rows:
        secs = "" if r.seconds is None else (f"{r.seconds * 1000:.0f} ms" if r.seconds < 1 else f"{r.seconds:.2f}")
        wps = f"{r.words_per_s:,.0f}" if r.words_per_s else ""
        rss = "" if r.peak_rss_mb is None else f"{r.peak_rss_mb:,.0f}"
        met = {True: "yes", False: "**no**", None: ""}[r.met]
        lines.append(f"| {r.measure} | {secs} | {wps} | {rss} | {r.target} | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="?", default=str(shared_corpora()))
    ap.add_argument("--docs", type=int, default=1300, help="BBC files in the full build (default 1300)")
    ap.add_argument("--all", action="store_true", help="every shared BBC file (less the held-back new ones)")
    ap.add_argument("--new", type=int, default=20, help="articles added to the built warehouse (default 20)")
    ap.add_argument("--json", default=str(ROOT / "warehouse" / "bench.json"), help="where the figures go")
    ap.add_argument("--keep", action="store_true", help="keep the temp workspaces (printed)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="news-bench-"))
    try:
        rows, summary = measure(Path(args.corpora), 10**9 if args.all else args.docs, args.new, tmp)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(render(rows, summary))
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**summary, "rows": [{**asdict(r), "words_per_s": r.words_per_s} for r in rows]},
                              indent=2, default=str), encoding="utf-8")
    print(f"figures written to {out}" + (f"; workspaces kept in {tmp}" if args.keep else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
