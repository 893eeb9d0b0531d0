"""The system side of the quote evaluations (`pipeline.evaluate.quotes`, `quotes_bbc`,
`quotes_bbc_precision`, `quotes_snapshot`): the predicted attributions of a list of articles,
from the real pipeline (`predict_pipeline`: a temporary inbox and warehouse) or from the NLP
functions on the raw texts (`predict_direct`, `predictions_from_doc`), each span mapped back to
the raw text (see `pipeline.evaluate.quotes` for how). Kept apart from the scoring, which
imports it for its command line."""
from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.cli_run import run_pipeline
from pipeline.evaluate.polnear_gold import Article, PredAttribution
from pipeline.nlp import load_model
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes

QUOTED = ("direct",)  # predicted kinds compared with the gold direct quotes


def _locate(raw: str, needle: str, expected: int) -> tuple[int, int] | None:
    """The occurrence of `needle` in `raw` nearest to `expected` (flexible white space)."""
    if not needle:
        return None
    hits = [m.start() for m in re.finditer(re.escape(needle), raw)]
    if hits:
        s = min(hits, key=lambda h: abs(h - expected))
        return s, s + len(needle)
    pattern = r"\s*".join(re.escape(w) for w in needle.split())  # clean may add space at a glued joint
    best = None
    for m in re.finditer(pattern, raw):
        if best is None or abs(m.start() - expected) < abs(best[0] - expected):
            best = (m.start(), m.end())
    return best


def _group(rows: list[dict], raw: str, version_text: str, stats: dict, title: str | None = None) -> list[PredAttribution]:
    base = raw.find(version_text[:60]) if version_text else 0
    base = max(base, 0)
    title_base = max(raw.find(title[:60]), 0) if title else 0
    groups: dict[tuple, PredAttribution] = {}
    for r in sorted(rows, key=lambda r: (r.get("field") == "body", r["start"])):
        in_title = r.get("field") == "title" and title
        field_text, field_base = (title, title_base) if in_title else (version_text, base)
        span = _locate(raw, r["text"], field_base + r["start"])
        if span is None:
            stats["unmapped"] = stats.get("unmapped", 0) + 1
            continue
        delta = span[0] - r["start"]
        key = (r["cue_start"], r["speaker_start"]) if r["cue_start"] is not None else ("q", r["start"])
        key = (bool(in_title),) + key
        if key not in groups:
            sp = None
            if r["speaker_start"] is not None and r["speaker_text"]:
                sp = _locate(raw, field_text[r["speaker_start"]:r["speaker_end"]], r["speaker_start"] + delta)
            names = [n for n in (r["speaker_text"], r["actor_name"]) if n]
            groups[key] = PredAttribution([], r["kind"], names, sp)
        groups[key].spans.append(span)
        if r["kind"] in QUOTED:
            groups[key].kind = "direct"
    return list(groups.values())


def predict_direct(articles: list[Article]) -> dict[str, list[PredAttribution]]:
    """The NLP functions on the raw texts (no pipeline): for development."""
    nlp = load_model()
    out = {}
    for art, doc in zip(articles, nlp.pipe([a.text for a in articles], batch_size=16)):
        out[art.stem] = predictions_from_doc(doc, art.text, extract_entities, extract_quotes)
    return out


def predictions_from_doc(doc, raw: str, extract_entities, extract_quotes) -> list[PredAttribution]:
    entities, mentions = extract_entities(doc)
    names = {e.key: e.canonical_name for e in entities}
    rows = [
        {"start": q.start, "text": q.text, "kind": q.kind, "cue_start": q.cue_start,
         "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "speaker_text": q.speaker_text,
         "actor_name": names.get(q.speaker_entity_key)}
        for q in extract_quotes(doc, entities, mentions)
    ]
    return _group(rows, raw, raw, {})


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
        rows: dict[str, list[dict]] = {}
        for (vid, start, text, kind, cue_start, sp_s, sp_e, sp_text, actor, field_name) in con.execute(
            """SELECT q.version_id, q.start_char, q.text, q.kind, q.cue_start, q.speaker_start,
                      q.speaker_end, q.speaker_text, a.canonical_name, coalesce(q.field, 'body')
               FROM quotes q LEFT JOIN actors a ON a.actor_id = q.speaker_actor_id"""
        ).fetchall():
            rows.setdefault(vid, []).append(
                {"start": start, "text": text, "kind": kind, "cue_start": cue_start, "speaker_start": sp_s,
                 "speaker_end": sp_e, "speaker_text": sp_text, "actor_name": actor, "field": field_name}
            )
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
                out[copy].extend(_group(rows.get(vid, []), raw_of[copy], vtext, stats, title))
    return out
