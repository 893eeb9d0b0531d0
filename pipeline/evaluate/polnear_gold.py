"""PolNeAR's gold attributions, read from BRAT standoff, and the records the quote
evaluation (pipeline.evaluate.quotes) scores: an article with its gold attributions, a
predicted attribution. Apart from the evaluation (predictions, matching, figures), which
changes with the extractor while reading the gold does not.

Gold: `folder/text/<stem>.txt` and `folder/attributions/<stem>_<annotator>.ann` (BRAT
standoff: T lines Source/Cue/Content with character offsets into the .txt, possibly
discontinuous "s e;s e"; E lines bind one Content with its Cue and Source). Articles with
several annotators (the annotator-training ones) use the alphabetically first annotator
file only. A gold attribution is *direct* when its Content starts (after white space)
with a quotation mark (“ " ‘ '), or right after an opening mark the annotator left out of
the span (“|Sheldon and I have been friends …” — the same quotation).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

QUOTE_MARKS = "“\"‘'"


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    text: str
    after_mark: bool = False  # the span starts right after an opening mark it leaves out

    @property
    def direct(self) -> bool:
        return self.text.lstrip()[:1] in QUOTE_MARKS or self.after_mark


@dataclass
class PredAttribution:
    spans: list[tuple[int, int]]
    kind: str
    speaker_names: list[str] = field(default_factory=list)
    speaker_span: tuple[int, int] | None = None


@dataclass
class Article:
    stem: str
    text: str
    gold: list[GoldAttribution]


# ------------------------------------------------------------------ gold


def _frags(offsets: str) -> list[tuple[int, int]]:
    out = []
    for part in offsets.split(";"):
        s, e = part.split()
        out.append((int(s), int(e)))
    return out


def _after_opening_mark(raw: str, start: int) -> bool:
    """The character before `start` is an opening quotation mark: curly “ ‘, or a straight
    " ' with no letter or digit before it (not an apostrophe)."""
    if start <= 0 or raw[start - 1] not in QUOTE_MARKS:
        return False
    return raw[start - 1] in "“‘" or start < 2 or not raw[start - 2].isalnum()


def read_ann(path: Path, raw: str | None = None) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _frags(offsets), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for ev in events:
        content = [spans[ev[k]] for k in ("Content", "Content2") if k in ev and ev[k] in spans]
        if not content:
            continue
        frags = sorted(f for c in content for f in c[1])
        src = spans.get(ev.get("Source", ""), ("", [], ""))[1]
        cue = spans.get(ev.get("Cue", ""), ("", [], ""))[1]
        after = raw is not None and _after_opening_mark(raw, frags[0][0])
        out.append(GoldAttribution(frags, src, cue, content[0][2], after))
    return out


def read_corpus(folder: Path, limit: int | None = None) -> list[Article]:
    anns: dict[str, Path] = {}
    for p in sorted((folder / "attributions").glob("*.ann")):
        stem = p.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, p)  # the alphabetically first annotator
    articles = []
    for t in sorted((folder / "text").glob("*.txt")):
        if t.stem not in anns:
            continue
        raw = t.read_text(encoding="utf-8")
        articles.append(Article(t.stem, raw, read_ann(anns[t.stem], raw)))
        if limit and len(articles) >= limit:
            break
    return articles
