"""Quote attribution on PolNeAR: `python -m pipeline.evaluate.quotes [folder] [--limit N]`.

Gold: pipeline.evaluate.polnear_gold (BRAT standoff, the first annotator's file of an
article; a gold attribution is *direct* when its Content starts with a quotation mark).

System (`pipeline.evaluate.quotes_predict`): the project's real pipeline. The texts are
copied into a temporary inbox and `pipeline.cli_run.run_pipeline` builds a DuckDB warehouse
(ephemeral Dagster instance); the `quotes`, `versions` and `actors` tables are read back
(headline quotes, `field = title`, are placed by the version title). `--no-pipeline` instead
runs the NLP stage functions (`extract_entities`, `extract_quotes`) on the raw texts directly
(faster, for development; same scoring).

Offsets: the cleaned version text differs from the raw .txt (title line split off,
white space normalized, chrome removed), so every predicted span is mapped back to the
raw text by locating its text there (exactly, else with flexible white space), taking
the occurrence nearest to the expected position (the version's offset in the raw text
plus the span's offset in the version). Spans that cannot be located are dropped and
counted ("unmapped").

Predicted attributions: the parts of one quotation (split quotes "…," he said, "…",
paragraphs continued by an opening mark) share their cue and speaker spans; quotes of
one version with the same (cue_start, speaker_start) are one predicted attribution,
as a discontinuous gold Content is one gold attribution.

Matching: a span set is compared by its alphanumeric character positions (quotation
marks, punctuation and white space do not count). overlap(G, P) = |G∩P| / max(|G|, |P|);
a pair *matches* when overlap >= 0.5 and is *exact* when the two position sets are equal.
Gold and predicted attributions are paired one-to-one, greedily by decreasing overlap.

Printed figures:
- direct quotes: predicted `kind = direct` vs gold direct (a partial quote sits inside
  narration, and PolNeAR's Content for it is the reported clause around it, which does
  not start with a mark; a partial quote and the indirect quote of the same cue group
  into one attribution) — precision, recall, F1 at
  overlap >= 0.5 and exact;
- speaker accuracy over the gold direct quotes matched (overlap >= 0.5) by a predicted
  direct quote. Named gold Source (not a pronoun): correct when the predicted speaker
  span overlaps the gold Source span, or a content word of the gold Source (lower-cased;
  titles, determiners and stop words ignored) occurs in the predicted speaker_text or the
  speaker actor's canonical name. Pronoun gold Source (he, she, they, I, we, it, who …):
  correct when the predicted speaker span overlaps the gold pronoun, or the predicted
  speaker (text or actor name) shares a content word with the nearest named gold Source
  (of any attribution) that ends before the gold pronoun — the person the pronoun
  refers to in the annotation's own chain of speakers; a relative pronoun (who, which,
  that) is also right when the predicted speaker span is its antecedent, the phrase that
  ends right before it ('the Associated Press report, which said …'). Reported for all,
  named, pronoun.
- speaker accuracy over every matched attribution of any kind with a gold Source (same
  test as for direct quotes: what the all-kind BBC figure measures).
- all attributions: every gold Content vs every predicted attribution of any kind
  (direct, partial, indirect) — precision, recall, F1 at overlap >= 0.5 (each attribution
  counts once: the strict figure).
- all attributions, content overlap: the overlap metric BBC Citron reports ("overlap F1
  83.2 on PARC 3.0", `citron/metrics.py`): how much of the attributed text is found, not
  how many attributions — precision = |gold ∩ predicted| / |predicted|, recall =
  |gold ∩ predicted| / |gold| over the alphanumeric characters of all Content spans of an
  article (each side's spans as one set, so overlapping spans count once; Citron counts
  tokens and sums over pairs).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Callable

from pipeline.evaluate.polnear_gold import Article, GoldAttribution, PredAttribution, read_corpus
from pipeline.evaluate.quotes_predict import QUOTED, predict_direct, predict_pipeline
from pipeline.paths import shared_corpora

DEFAULT = shared_corpora() / "polnear" / "dev"
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "that", "his", "her", "their",
            "him", "them", "its", "our", "my", "me", "us", "whom"}
IGNORED = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "the", "a", "an", "of", "and",
           "senator", "former", "s", "’s", "'s", "in", "on", "for", "to", "with", "at", "by", "said", "who"}


# ------------------------------------------------------------------ scoring


def _positions(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, min(e, len(text))) if text[i].isalnum())


def _overlap(g: frozenset[int], p: frozenset[int]) -> float:
    if not g or not p:
        return 0.0
    return len(g & p) / max(len(g), len(p))


def _pair(gold: list[frozenset[int]], pred: list[frozenset[int]]) -> list[tuple[int, int, float]]:
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = _overlap(g, p)
            if o >= 0.5:
                cands.append((o, i, j))
    cands.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for o, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j, o))
    return out


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[\w’'\-]+", s.lower()) if w not in IGNORED and w not in PRONOUNS and len(w) > 1}


def _is_pronoun(s: str) -> bool:
    return s.strip().lower() in PRONOUNS


def _speaker_ok(art: Article, g: GoldAttribution, p: PredAttribution) -> bool | None:
    if not g.source:
        return None
    s, e = g.source[0][0], g.source[-1][1]
    src = art.text[s:e]
    if p.speaker_span and p.speaker_span[0] < e and s < p.speaker_span[1]:
        return True
    if (src.strip().lower() in ("who", "which", "that") and p.speaker_span and p.speaker_span[1] <= s
            and not art.text[p.speaker_span[1]:s].strip(" ,\n—–-(")):
        return True  # a relative pronoun's antecedent: 'the Associated Press report, which said …'
    pred_words = set().union(*(_words(n) for n in p.speaker_names)) if p.speaker_names else set()
    if not _is_pronoun(src):
        return bool(_words(src) & pred_words)
    named = [
        a for a in art.gold
        if a.source and a.source[-1][1] <= s and not _is_pronoun(art.text[a.source[0][0]:a.source[-1][1]])
    ]
    if not named:
        return False
    ante = max(named, key=lambda a: a.source[-1][1])
    return bool(_words(art.text[ante.source[0][0]:ante.source[-1][1]]) & pred_words)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pair_and_count(counts: dict, prefix: str, gold: list[frozenset[int]],
                   pred: list[frozenset[int]]) -> list[tuple[int, int, float]]:
    """`_pair` the gold and predicted position sets, and add how many there are and how many
    pair to counts[prefix + 'g'], counts[prefix + 'p'] and counts[prefix + 'tp']."""
    pairs = _pair(gold, pred)
    counts[prefix + "g"] += len(gold)
    counts[prefix + "p"] += len(pred)
    counts[prefix + "tp"] += len(pairs)
    return pairs


def score(articles: list[Article], preds: dict[str, list[PredAttribution]], errors: list | None = None) -> dict:
    c = dict(dg=0, dp=0, dtp=0, dex=0, sp_all=0, sp_ok=0, sp_named=0, sp_named_ok=0, sp_pron=0, sp_pron_ok=0,
             ag=0, ap=0, atp=0, og=0, op=0, oo=0, asp_all=0, asp_ok=0)
    for art in articles:
        pred = preds.get(art.stem, [])
        gd = [g for g in art.gold if g.direct]
        pdir = [p for p in pred if p.kind in QUOTED]
        gpos = [_positions(art.text, g.content) for g in gd]
        ppos = [_positions(art.text, p.spans) for p in pdir]
        pairs = pair_and_count(c, "d", gpos, ppos)
        matched_g = set()
        for i, j, o in pairs:
            matched_g.add(i)
            c["dex"] += gpos[i] == ppos[j]
            ok = _speaker_ok(art, gd[i], pdir[j])
            if ok is None:
                continue
            src = art.text[gd[i].source[0][0]:gd[i].source[-1][1]]
            pron = _is_pronoun(src)
            c["sp_all"] += 1
            c["sp_ok"] += ok
            c["sp_pron" if pron else "sp_named"] += 1
            c["sp_pron_ok" if pron else "sp_named_ok"] += ok
            if errors is not None and not ok:
                errors.append(("speaker", art.stem, src, pdir[j].speaker_names, art.text[gd[i].content[0][0]:gd[i].content[0][1]][:80]))
        if errors is not None:
            matched_p = {j for _, j, _ in pairs}
            for i, g in enumerate(gd):
                if i not in matched_g:
                    errors.append(("fn", art.stem, g.text[:100], [art.text[s:e][:60] for s, e in g.source]))
            for j, p in enumerate(pdir):
                if j not in matched_p:
                    errors.append(("fp", art.stem, " | ".join(art.text[s:e][:100] for s, e in p.spans), p.speaker_names))
        allg = [_positions(art.text, g.content) for g in art.gold]
        allp = [_positions(art.text, p.spans) for p in pred]
        apairs = pair_and_count(c, "a", allg, allp)
        gset, pset = frozenset().union(*allg), frozenset().union(*allp)
        c["og"] += len(gset)
        c["op"] += len(pset)
        c["oo"] += len(gset & pset)
        for i, j, _ in apairs:
            ok = _speaker_ok(art, art.gold[i], pred[j])
            if ok is not None:
                c["asp_all"] += 1
                c["asp_ok"] += ok
        if errors is not None:
            hit = {i for i, _, _ in apairs}
            for i, g in enumerate(art.gold):
                if i not in hit:
                    cue = " ".join(art.text[s:e] for s, e in g.cue)
                    errors.append(("afn", art.stem, cue, g.text[:100]))
    c["direct"] = _prf(c["dtp"], c["dp"], c["dg"])
    c["direct_exact"] = _prf(c["dex"], c["dp"], c["dg"])
    c["speaker"] = c["sp_ok"] / c["sp_all"] if c["sp_all"] else 0.0
    c["speaker_named"] = c["sp_named_ok"] / c["sp_named"] if c["sp_named"] else 0.0
    c["speaker_pronoun"] = c["sp_pron_ok"] / c["sp_pron"] if c["sp_pron"] else 0.0
    c["all"] = _prf(c["atp"], c["ap"], c["ag"])
    c["all_overlap"] = _prf(c["oo"], c["op"], c["og"])
    return c


def report(c: dict, n_articles: int, stats: dict, seconds: float) -> str:
    f = lambda t: f"P {t[0]:.3f}  R {t[1]:.3f}  F1 {t[2]:.3f}"  # noqa: E731
    return "\n".join([
        f"articles {n_articles}  gold attributions {c['ag']}  gold direct {c['dg']}  "
        f"predicted direct {c['dp']}  predicted all {c['ap']}  unmapped {stats.get('unmapped', 0)}  ({seconds:.0f} s)",
        f"direct quotes, overlap>=0.5: {f(c['direct'])}",
        f"direct quotes, exact:        {f(c['direct_exact'])}",
        f"speaker accuracy (matched direct): all {c['speaker']:.3f} ({c['sp_ok']}/{c['sp_all']})  "
        f"named {c['speaker_named']:.3f} ({c['sp_named_ok']}/{c['sp_named']})  "
        f"pronoun {c['speaker_pronoun']:.3f} ({c['sp_pron_ok']}/{c['sp_pron']})",
        f"all attributions, overlap>=0.5: {f(c['all'])}",
        f"speaker accuracy (matched, all kinds): {c['asp_ok'] / max(c['asp_all'], 1):.3f} ({c['asp_ok']}/{c['asp_all']})",
        f"all attributions, content overlap (Citron's metric): {f(c['all_overlap'])}",
    ] + ([f"PIPELINE FAILED: {stats['pipeline_error']}"] if stats.get("pipeline_error") else []))


def evaluate(folder: Path, limit: int | None = None, pipeline: bool = True, errors: list | None = None) -> dict:
    t0 = time.time()
    articles = read_corpus(Path(folder), limit)
    stats: dict = {}
    preds = predict_pipeline(articles, stats) if pipeline else predict_direct(articles)
    c = score(articles, preds, errors)
    c["report"] = report(c, len(articles), stats, time.time() - t0)
    c["unmapped"] = stats.get("unmapped", 0)
    return c


def print_evaluation(run: Callable[[list | None], str], show_errors: bool) -> int:
    """Run a quote evaluation — `run(errors)` returns its report and, given a list, collects
    the misses, false alarms and wrong speakers into it (`show_errors`) — then print those,
    a tab-separated row each, and the report. The PolNeAR, BBC and snapshot scores share it."""
    errors: list | None = [] if show_errors else None
    text = run(errors)
    for error in errors or []:
        print(*error, sep="\t")
    print(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by name)")
    ap.add_argument("--no-pipeline", action="store_true", help="run the NLP functions on the raw texts")
    ap.add_argument("--errors", action="store_true", help="print misses, false alarms and wrong speakers")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    if not (folder / "text").is_dir():
        print(f"not a PolNeAR-format folder (no text/): {folder}", file=sys.stderr)
        return 2
    return print_evaluation(lambda errors: evaluate(folder, args.limit, not args.no_pipeline, errors)["report"],
                            args.errors)


if __name__ == "__main__":
    sys.exit(main())
