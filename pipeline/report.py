"""The report: a static HTML page with the charts people would rather look at than read —
who is quoted most, who appears with whom, what happened when, which stories changed,
why files were quarantined — drawn with matplotlib from the SQL models of a real
warehouse. `write_report(con, folder)` is the pure part (the `report` asset and
`python -m pipeline report` both call it); each chart is a PNG beside index.html."""
from __future__ import annotations

import html
import math
import os
import pickle
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import matplotlib

from pipeline.cursors import cursor_of, on_cursor

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

DPI = 90
TOP = 15
ACCENT = "#3b5b92"
STANCE = "#c9a227"


@dataclass(frozen=True)
class Chart:
    name: str  # file stem
    title: str
    caption: str
    path: Path


@dataclass
class Report:
    folder: Path
    charts: list[Chart] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)

    @property
    def index(self) -> Path:
        return self.folder / "index.html"


def _rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#666", wrap=True)
    ax.set_axis_off()


def _short(text: str | None, width: int = 32) -> str:
    text = " ".join((text or "?").split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ------------------------------------------------------------------ one function per chart


def quotes_per_actor(data: dict[str, list[tuple]], ax) -> str:
    rows = data["speakers"]
    if not rows:
        _empty(ax, "no quote has a named speaker yet")
        return "No quote has a named speaker yet."
    names = [_short(r[0]) for r in rows][::-1]
    quotes = [r[1] for r in rows][::-1]
    stance = [r[2] for r in rows][::-1]
    ax.barh(names, quotes, color=ACCENT, label="quotes (speech, once per article)")
    ax.barh(names, stance, left=quotes, color=STANCE, label="stance statements (not quotes)")
    ax.set_xlabel("distinct quotes")
    ax.legend(loc="lower right", fontsize=8)
    return f"The {len(rows)} most quoted speakers (quotes_per_speaker); stance statements shown apart."


def actor_network(data: dict[str, list[tuple]], ax) -> str:
    edges = data["edges"]
    if not edges:
        _empty(ax, "no two actors share a sentence yet")
        return "No two actors share a sentence yet."
    weight: dict[str, int] = {}
    for a, b, n in edges:
        weight[a] = weight.get(a, 0) + n
        weight[b] = weight.get(b, 0) + n
    nodes = sorted(weight, key=lambda n: (-weight[n], n))
    place = {n: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
             for i, n in enumerate(nodes)}
    heaviest = max(n for _, _, n in edges)
    for a, b, n in edges:
        (x1, y1), (x2, y2) = place[a], place[b]
        ax.plot([x1, x2], [y1, y2], color=ACCENT, alpha=0.25 + 0.6 * n / heaviest, linewidth=0.5 + 4 * n / heaviest)
    biggest = max(weight.values())
    for name, (x, y) in place.items():
        ax.scatter([x], [y], s=60 + 600 * weight[name] / biggest, color=STANCE, zorder=3, edgecolors="white")
        ax.annotate(_short(name, 24), (x, y), xytext=(x * 1.12, y * 1.12), ha="center", va="center", fontsize=7)
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.3, 1.3)
    ax.set_axis_off()
    return (f"The {len(edges)} strongest pairs of actor_cooccurrence: a line per pair, thicker for more "
            "sentences naming both; a dot per actor, bigger for more shared sentences.")


def event_timeline(data: dict[str, list[tuple]], ax) -> str:
    rows = data["events"]
    if not rows:
        _empty(ax, "no dated event yet")
        return "No dated event yet."
    types = sorted({r[1] for r in rows})
    ax.scatter([r[0] for r in rows], [types.index(r[1]) for r in rows], s=[25 + 20 * r[2] for r in rows],
               color=ACCENT, alpha=0.6, edgecolors="white")
    ax.set_yticks(range(len(types)), types, fontsize=8)
    ax.tick_params(axis="x", labelrotation=30, labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    return (f"{len(rows)} dated events (events_timeline) by PLOVER type; a bigger dot has more reports. "
            "Undated events are left out.")


def version_churn(data: dict[str, list[tuple]], ax) -> str:
    rows = data["stories"]
    if not rows:
        _empty(ax, "no article has a second version yet")
        return "No article has a second version yet (most_edited_stories is empty)."
    names = [_short(r[0], 40) for r in rows][::-1]
    left = [0] * len(rows)
    for index, (label, colour) in enumerate((("additions", "#4c9a2a"), ("deletions", "#b33c3c"),
                                             ("edits", ACCENT), ("refactors", "#888"), ("title changes", STANCE))):
        values = [r[index + 1] for r in rows][::-1]
        ax.barh(names, values, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, values)]
    ax.set_xlabel("sentence changes across versions")
    ax.legend(loc="lower right", fontsize=8)
    return "Articles edited most after publication (most_edited_stories), by NewsEdits label."


def quarantine_reasons(data: dict[str, list[tuple]], ax) -> str:
    rows = data["reasons"]
    loaded = data["loaded"][0][0]
    if not rows:
        _empty(ax, f"no file quarantined ({loaded} loaded)")
        return f"No file was quarantined; {loaded} loaded."
    ax.barh([_short(r[0], 40) for r in rows][::-1], [r[1] for r in rows][::-1], color="#b33c3c")
    ax.set_xlabel("files")
    return f"Why files did not load ({sum(r[1] for r in rows)} quarantined, {loaded} loaded; quarantine view)."


CHARTS = (
    ("quotes_per_actor", "Who is quoted most", quotes_per_actor, (8, 5)),
    ("actor_network", "Who appears with whom", actor_network, (8, 7)),
    ("event_timeline", "What happened when", event_timeline, (9, 4.5)),
    ("version_churn", "Which stories changed", version_churn, (8, 4.5)),
    ("quarantine_reasons", "Why files were quarantined", quarantine_reasons, (8, 3.5)),
)

# The 40 strongest pairs of actor_cooccurrence (sentences_together > 0, the most first), read
# from the model: its pairs are counted when articles are written (table actor_pairs), so
# the chart no longer counts the sentence pairs itself.
EDGES = ("SELECT actor_a_name, actor_b_name, sentences_together FROM actor_cooccurrence WHERE sentences_together > 0 "
         "ORDER BY sentences_together DESC, actor_a_name, actor_b_name LIMIT 40")

# What each chart reads: {chart: {key: SQL}}, run in the parent before any chart is drawn.
QUERIES = {
    "quotes_per_actor": {"speakers": f"SELECT speaker, quotes, stance_statements FROM quotes_per_speaker "
                                     f"WHERE quotes > 0 ORDER BY quotes DESC, speaker LIMIT {TOP}"},
    "actor_network": {"edges": EDGES},
    "event_timeline": {"events": "SELECT timeline_date, event_type, mention_count FROM events_timeline "
                                 "WHERE timeline_date IS NOT NULL ORDER BY timeline_date"},
    "version_churn": {"stories": f"SELECT title, additions, deletions, edits, refactors, title_changes "
                                 f"FROM most_edited_stories LIMIT {TOP}"},
    "quarantine_reasons": {
        "reasons": "SELECT coalesce(split_part(reason, ':', 1), 'no reason') AS why, count(*) FROM files "
                   "WHERE status = 'quarantined' GROUP BY ALL ORDER BY 2 DESC, 1 LIMIT 12",
        "loaded": "SELECT count(*) FROM files WHERE status = 'loaded'"},
}
# Drawn in a forked child while this process draws the other two (about half the drawing each).
DRAWN_APART = ("actor_network", "event_timeline", "quarantine_reasons")

FIGURES = {
    "articles": "SELECT count(*) FROM articles",
    "versions": "SELECT count(*) FROM versions",
    "actors": "SELECT count(*) FROM actors",
    "distinct quotes": "SELECT count(*) FROM stg_quotes WHERE cue_type = 'speech'",
    "events": "SELECT count(*) FROM events",
    "files quarantined": "SELECT count(*) FROM files WHERE status = 'quarantined'",
}


def write_report(con, folder: str | Path) -> Report:
    """Every chart as a PNG and index.html showing them, in `folder` (created). The
    queries run first, DRAWN_APART's in a thread on a cursor of the connection beside the
    others here (DuckDB runs them without Python's lock: on two cores at once); then the
    charts are drawn by two processes at once (a forked child draws DRAWN_APART):
    matplotlib's drawing is ~0.9 s of Python on the 1,300-file warehouse, and it is the
    last step of every run."""
    report = Report(Path(folder))
    report.folder.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(1, thread_name_prefix="report-queries") as pool:
        apart_data = pool.submit(on_cursor, cursor_of(con), _chart_data, DRAWN_APART)
        report.figures = {label: _rows(con, sql)[0][0] for label, sql in FIGURES.items()}
        data = _chart_data(con, [name for name in QUERIES if name not in DRAWN_APART])
        data.update(apart_data.result())
    apart = [chart for chart in CHARTS if chart[0] in DRAWN_APART]
    child = _draw_in_child(report.folder, apart, data)
    captions = {chart[0]: _draw(report.folder, chart, data[chart[0]]) for chart in CHARTS if chart not in apart}
    captions.update(_captions_of(child, report.folder, apart, data))
    for name, title, _, _ in CHARTS:
        report.charts.append(Chart(name, title, captions[name], report.folder / f"{name}.png"))
    report.index.write_text(render_html(report), encoding="utf-8")
    return report


def _chart_data(con, names) -> dict[str, dict[str, list[tuple]]]:
    """The rows of each named chart's queries."""
    return {name: {key: _rows(con, sql) for key, sql in QUERIES[name].items()} for name in names}


def _draw(folder: Path, chart: tuple, data: dict[str, list[tuple]]) -> str:
    """One chart drawn and saved as <name>.png; its caption."""
    name, title, draw, size = chart
    fig, ax = plt.subplots(figsize=size)
    try:
        caption = draw(data, ax)
        ax.set_title(title, loc="left", fontsize=12)
        fig.tight_layout()
        # tight_layout leaves a placeholder layout engine, for which savefig first draws the whole
        # figure once more with rendering disabled (~3/4 of a chart's savefig); the layout is done
        fig.set_layout_engine(None)
        fig.savefig(folder / f"{name}.png", dpi=DPI)
    finally:
        plt.close(fig)
    return caption


@dataclass
class _Child:
    pid: int
    reader: int  # pipe the child writes its captions to (pickled)


def _draw_in_child(folder: Path, charts: list[tuple], data: dict) -> _Child | None:
    """Fork a child that draws `charts` and sends back their captions; None when fork
    is not available (the caller then draws them itself)."""
    if not hasattr(os, "fork"):
        return None
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return _Child(pid, reader)
    code = 1
    try:  # the child: draw, answer, and leave without the parent's exit handlers
        os.close(reader)
        captions = {chart[0]: _draw(folder, chart, data[chart[0]]) for chart in charts}
        with os.fdopen(writer, "wb") as out:
            pickle.dump(captions, out)
        code = 0
    finally:
        os._exit(code)


def _captions_of(child: _Child | None, folder: Path, charts: list[tuple], data: dict) -> dict[str, str]:
    """The child's captions once it is done; the charts drawn here if it failed."""
    if child is not None:
        with os.fdopen(child.reader, "rb") as answer:
            payload = answer.read()
        _, status = os.waitpid(child.pid, 0)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and payload:
            return pickle.loads(payload)
    return {chart[0]: _draw(folder, chart, data[chart[0]]) for chart in charts}


def render_html(report: Report) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    figures = "".join(f"<li><b>{value:,}</b> {html.escape(label)}</li>" for label, value in report.figures.items())
    sections = "".join(
        f'<section><h2>{html.escape(c.title)}</h2><img src="{c.path.name}" alt="{html.escape(c.title)}">'
        f"<p>{html.escape(c.caption)}</p></section>"
        for c in report.charts)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>News warehouse report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}}
ul.figures{{display:flex;gap:1.5em;list-style:none;padding:0;flex-wrap:wrap}}
img{{max-width:100%;border:1px solid #ddd}} section{{margin:2em 0}} p{{color:#555}}</style></head>
<body><h1>News warehouse report</h1><p>Generated {when} from the SQL models of the warehouse
(see sql/README.md for what each one holds).</p><ul class="figures">{figures}</ul>{sections}</body></html>
"""
