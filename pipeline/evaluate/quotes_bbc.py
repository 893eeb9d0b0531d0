"""Quote attribution on the project's own BBC gold: `python -m pipeline.evaluate.quotes_bbc
[corpora]`.

Gold: `pipeline/evaluate/gold/quotes_bbc.tsv` (30 bbc-news articles drawn by
`quotes_bbc_draw`, every direct, partial and indirect attribution with its speaker,
labelled before the extractor saw them; the file header says how). System: the real
pipeline over the 30 files (`pipeline.evaluate.quotes_pipeline.predict_pipeline`), headlines
included. Matching as on PolNeAR (`pipeline.evaluate.quotes`): alphanumeric positions,
overlap |G∩P| / max(|G|, |P|) >= 0.5, one-to-one greedily.

Printed figures:
- all attributions: precision (the share of predicted rows, any kind, that are a gold
  attribution: what an analyst reading the quotes table sees), recall, F1;
- direct quotes: predicted `direct` vs gold `direct`, P/R/F1;
- speaker accuracy over the matched attributions whose gold has a speaker: right when the
  predicted speaker text or its actor's canonical name shares a content word with one of
  the gold speaker's names (the name, a role noun, the organisation it speaks for);
  a predicted attribution with no speaker is wrong there."""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluate.polnear_gold import Article, GoldAttribution, PredAttribution
from pipeline.evaluate.quotes_pipeline import predict_pipeline
from pipeline.evaluate.quotes_score import content_positions, _prf, _words, pair_and_count, print_evaluation
from pipeline.paths import shared_corpora

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "pipeline" / "evaluate" / "gold" / "quotes_bbc.tsv"
INTENTIONS = GOLD.with_name("quotes_bbc_intentions.tsv")
# the two labelling guidelines the gold is scored under: the first (quotes_bbc.tsv) left
# attributed intentions to the labeller's judgement; the second adds every attributed
# intention, as PolNeAR counts them (quotes_bbc_intentions.tsv, labelled on the texts alone)
GUIDELINES = {"first guideline": (GOLD,), "second guideline, + intentions": (GOLD, INTENTIONS)}
CORPORA = shared_corpora()
RANGE = " … "
FRAGMENTS = " ||| "


@dataclass
class BbcGold:
    kind: str  # direct | partial | indirect
    speakers: list[str]  # names a reader accepts; empty: nobody
    spans: list[tuple[int, int]]


def locate(text: str, spec: str) -> list[tuple[int, int]]:
    """Character spans of a content spec: fragments ' ||| ', each an exact piece or
    'START … END' (from START to the first END after it). Raises ValueError when a piece
    is not in the text."""
    spans = []
    for frag in spec.split(FRAGMENTS):
        head, _, tail = frag.partition(RANGE)
        start = text.find(head, spans[-1][1] if spans else 0)
        if start < 0:
            start = text.find(head)
        if start < 0:
            raise ValueError(f"not in the text: {head!r}")
        end = start + len(head)
        if tail:
            tail_at = text.find(tail, end)
            if tail_at < 0:
                raise ValueError(f"not in the text after {head!r}: {tail!r}")
            end = tail_at + len(tail)
        spans.append((start, end))
    return spans


def read_gold(corpora: Path, *golds: Path) -> tuple[list[Article], dict[str, list[BbcGold]]]:
    """The gold articles (stem 'politics_042') and their attributions, from the gold files
    `golds` together (default: the first guideline's file)."""
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for gold in golds or (GOLD,):
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, kind, speaker, content = line.split("\t")
            rows.setdefault(name, []).append((kind, speaker, content))
    articles, golds = [], {}
    for name, entries in rows.items():
        text = (corpora / "bbc-news" / name).read_text(encoding="utf-8")
        stem = name.replace("/", "_").removesuffix(".txt")
        labelled = []
        for kind, speaker, content in entries:
            try:
                spans = locate(text, content)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
            names = [] if speaker.strip() == "-" else [s for s in speaker.split("|") if s.strip() and s != "-"]
            labelled.append(BbcGold(kind, names, spans))
        golds[stem] = labelled
        articles.append(Article(stem, text, [
            GoldAttribution(g.spans, [], [], text[g.spans[0][0]:g.spans[0][1]], g.kind == "direct") for g in labelled]))
    return articles, golds


def _speaker_right(gold: BbcGold, pred: PredAttribution) -> bool:
    said = set().union(*(_words(n) for n in pred.speaker_names)) if pred.speaker_names else set()
    return any(_words(name) & said for name in gold.speakers)


def score(articles: list[Article], golds: dict[str, list[BbcGold]], preds: dict[str, list[PredAttribution]],
          errors: list | None = None) -> dict:
    c = dict(ag=0, ap=0, atp=0, dg=0, dp=0, dtp=0, sp_all=0, sp_ok=0)
    for art in articles:
        gold, pred = golds[art.stem], preds.get(art.stem, [])
        gpos = [content_positions(art.text, g.spans) for g in gold]
        ppos = [content_positions(art.text, p.spans) for p in pred]
        pairs = pair_and_count(c, "a", gpos, ppos)
        for i, j, _ in pairs:
            if gold[i].speakers:
                ok = _speaker_right(gold[i], pred[j])
                c["sp_all"] += 1
                c["sp_ok"] += ok
                if errors is not None and not ok:
                    errors.append(("speaker", art.stem, gold[i].speakers[0], pred[j].speaker_names,
                                   art.text[pred[j].spans[0][0]:pred[j].spans[0][1]][:80]))
        if errors is not None:
            hit_p = {j for _, j, _ in pairs}
            hit_g = {i for i, _, _ in pairs}
            errors += [("fp", art.stem, p.kind, p.speaker_names, " | ".join(art.text[s:e][:100] for s, e in p.spans))
                       for j, p in enumerate(pred) if j not in hit_p]
            errors += [("fn", art.stem, g.kind, g.speakers[:1], art.text[g.spans[0][0]:g.spans[0][1]][:100])
                       for i, g in enumerate(gold) if i not in hit_g]
        gdir = [k for k, g in enumerate(gold) if g.kind == "direct"]
        pdir = [k for k, p in enumerate(pred) if p.kind == "direct"]
        pair_and_count(c, "d", [gpos[k] for k in gdir], [ppos[k] for k in pdir])
    c["all"] = _prf(c["atp"], c["ap"], c["ag"])
    c["direct"] = _prf(c["dtp"], c["dp"], c["dg"])
    c["speaker"] = c["sp_ok"] / c["sp_all"] if c["sp_all"] else 0.0
    return c


def report(c: dict, n_articles: int, seconds: float, guideline: str = "first guideline") -> str:
    f = lambda t: f"P {t[0]:.3f}  R {t[1]:.3f}  F1 {t[2]:.3f}"  # noqa: E731
    return "\n".join([
        f"BBC gold (own, {guideline}: {' + '.join(path.name for path in GUIDELINES.get(guideline, (GOLD,)))}): "
        f"articles {n_articles}  gold attributions {c['ag']}  gold direct {c['dg']}  "
        f"predicted all {c['ap']}  predicted direct {c['dp']}  ({seconds:.0f} s)",
        f"BBC all attributions, overlap>=0.5: {f(c['all'])}",
        f"BBC direct quotes, overlap>=0.5:    {f(c['direct'])}",
        f"BBC speaker accuracy (matched, all kinds): {c['speaker']:.3f} ({c['sp_ok']}/{c['sp_all']})",
    ])


def evaluate(corpora: Path, errors: list | None = None) -> dict:
    """The pipeline's quotes on the 30 articles, scored under each guideline (one run);
    `errors` collects the second guideline's misses, false alarms and wrong speakers."""
    t0 = time.time()
    stats: dict = {}
    preds = None
    out: dict = {"reports": []}
    for guideline, paths in GUIDELINES.items():
        articles, golds = read_gold(corpora, *paths)
        preds = preds if preds is not None else predict_pipeline(articles, stats)
        last = guideline == list(GUIDELINES)[-1]
        c = score(articles, golds, preds, errors if last else None)
        out[guideline] = c
        out["reports"].append(report(c, len(articles), time.time() - t0, guideline))
    out["report"] = "\n".join(out["reports"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="?", default=str(CORPORA))
    ap.add_argument("--errors", action="store_true", help="print false alarms, misses and wrong speakers")
    args = ap.parse_args(argv)
    corpora = Path(args.corpora)
    if not (corpora / "bbc-news").is_dir():
        print(f"no bbc-news corpus under {corpora}", file=sys.stderr)
        return 2
    return print_evaluation(lambda errors: evaluate(corpora, errors)["report"], args.errors)


if __name__ == "__main__":
    sys.exit(main())
