"""The real pipeline's predicted attributions for the quote evaluations: the articles go
through a temporary inbox into an ephemeral warehouse (Dagster, DuckDB), and the `quotes`
rows are read back and mapped to the raw texts (`quotes_predict.group_rows`)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.cli_run import run_pipeline
from pipeline.evaluate.polnear_gold import Article, PredAttribution
from pipeline.evaluate.quotes_predict import QuoteRow, group_rows


def predict_pipeline(articles: list[Article], stats: dict) -> dict[str, list[PredAttribution]]:
    os.environ.setdefault("NEWS_NLP_PROCESSES", "1")
    with tempfile.TemporaryDirectory(prefix="polnear_") as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for a in articles:
            (inbox / f"{a.stem}.txt").write_text(a.text, encoding="utf-8")
        db = Path(tmp) / "news.duckdb"
        try:
            run_pipeline(str(inbox), str(db), instance=dg.DagsterInstance.ephemeral())
        except SystemExit as exc:
            # a failure after the quotes were loaded (another stage's blocking check) still
            # leaves the quotes in the warehouse: score them, and say so in the report
            stats["pipeline_error"] = str(exc)
            print(f"warning: pipeline failed ({exc}); scoring the warehouse as loaded", file=sys.stderr)
        con = duckdb.connect(str(db), read_only=True)
        versions = {
            vid: (Path(src).stem, text, title)
            for vid, src, text, title in con.execute("SELECT version_id, source_file, text, title FROM versions").fetchall()
        }
        rows: dict[str, list[QuoteRow]] = {}
        for (vid, start, text, kind, cue_start, sp_s, sp_e, sp_text, actor, field_name) in con.execute(
            """SELECT q.version_id, q.start_char, q.text, q.kind, q.cue_start, q.speaker_start,
                      q.speaker_end, q.speaker_text, a.canonical_name, coalesce(q.field, 'body')
               FROM quotes q LEFT JOIN actors a ON a.actor_id = q.speaker_actor_id"""
        ).fetchall():
            rows.setdefault(vid, []).append(QuoteRow(start, text, kind, cue_start, sp_s, sp_e, sp_text, actor, field_name))
        con.close()
    raw_of = {a.stem: a.text for a in articles}
    # the warehouse keeps one version of identical files (PolNeAR train holds one pair): each
    # copy is scored with the predictions of the version loaded from its twin
    copies: dict[str, list[str]] = {}
    for a in articles:
        copies.setdefault(a.text, []).append(a.stem)
    loaded = {stem for stem, _, _ in versions.values()}
    out: dict[str, list[PredAttribution]] = {a.stem: [] for a in articles}
    for vid, (stem, vtext, title) in versions.items():
        if stem in raw_of:
            for copy in [stem] + [twin for twin in copies[raw_of[stem]] if twin not in loaded]:
                out[copy].extend(group_rows(rows.get(vid, []), raw_of[copy], vtext, stats, title))
    return out
