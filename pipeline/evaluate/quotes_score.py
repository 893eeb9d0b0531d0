"""Scoring of quote attributions against PolNeAR-format gold (how: the docstring of
`pipeline.evaluate.quotes`): span positions, one-to-one pairing, speaker checks, the counts
and the printed report. Kept apart from the command line and the pipeline run so that the
scripts that only score (quotes_snapshot, quote_frames, report_model, the BBC evaluations)
do not import Dagster."""
from __future__ import annotations

import re
from typing import Callable

from pipeline.evaluate.polnear_gold import Article, GoldAttribution, PredAttribution
from pipeline.paths import shared_corpora

DEFAULT = shared_corpora() / "polnear" / "dev"
QUOTED = ("direct",)  # predicted kinds compared with the gold direct quotes
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "that", "his", "her", "their",
            "him", "them", "its", "our", "my", "me", "us", "whom"}
IGNORED = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "the", "a", "an", "of", "and",
           "senator", "former", "s", "’s", "'s", "in", "on", "for", "to", "with", "at", "by", "said", "who"}


def content_positions(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """The alphanumeric character positions of a content's spans (what the overlap counts)."""
    return frozenset(i for s, e in spans for i in range(s, min(e, len(text))) if text[i].isalnum())


def content_overlap(g: frozenset[int], p: frozenset[int]) -> float:
    """|G∩P| / max(|G|, |P|) of two position sets (0 when either is empty)."""
    if not g or not p:
        return 0.0
    return len(g & p) / max(len(g), len(p))


def pair_contents(gold: list[frozenset[int]], pred: list[frozenset[int]]) -> list[tuple[int, int, float]]:
    """(gold index, prediction index, overlap) pairs, one-to-one, greedily by decreasing overlap >= 0.5."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = content_overlap(g, p)
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
    """`pair_contents` the gold and predicted position sets, and add how many there are and how many
    pair to counts[prefix + 'g'], counts[prefix + 'p'] and counts[prefix + 'tp']."""
    pairs = pair_contents(gold, pred)
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
        gpos = [content_positions(art.text, g.content) for g in gd]
        ppos = [content_positions(art.text, p.spans) for p in pdir]
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
        allg = [content_positions(art.text, g.content) for g in art.gold]
        allp = [content_positions(art.text, p.spans) for p in pred]
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

