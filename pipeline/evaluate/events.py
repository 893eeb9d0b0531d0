"""Event extraction against the hand-checked gold file `pipeline/evaluate/gold/events.tsv`
(sentences of the shared corpora, not the seeds; its header documents the format and
the matching). Each sentence goes through the real spaCy model, entity extraction and
`extract_events` (no publication date: dates are not scored here). Prints precision and
recall by PLOVER type and overall; predictions and gold events are matched one to one.

    python -m pipeline.evaluate.events [gold.tsv] [--show]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold" / "events.tsv"
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE", "FIGHT"}
STOP = {"the", "a", "an", "of", "his", "her", "its", "their", "mr", "ms", "mrs", "and", "'s", "’s"}


def read_gold(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("corpus_file\t"):
            continue
        src, sentence, events = (line.split("\t") + [""])[:3]
        evs = []
        for e in (x.strip() for x in events.split(" ; ") if x.strip()):
            parts = (e.split("|") + ["", "", ""])[:4]
            evs.append({"type": parts[0], "actor1": parts[1], "actor2": parts[2], "status": parts[3] or None})
        out.append({"source": src, "sentence": sentence, "events": evs})
    return out


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP}


def actor_match(gold: str, pred: str | None) -> bool:
    if not gold:
        return True
    g, p = _words(gold), _words(pred)
    if g & p:
        return True
    return bool({w[:5] for w in g if len(w) >= 5} & {w[:5] for w in p if len(w) >= 5})


def event_match(g: dict, p: dict) -> bool:
    if g["type"] != p["type"]:
        return False
    if actor_match(g["actor1"], p["actor1"]) and actor_match(g["actor2"], p["actor2"]):
        return True
    return g["type"] in SYMMETRIC and bool(g["actor2"]) and actor_match(g["actor1"], p["actor2"]) and \
        actor_match(g["actor2"], p["actor1"])


def predict(sentences: list[str]) -> list[list[dict]]:
    from pipeline.nlp import annotate_doc, parse_texts

    out = []
    for doc in parse_texts(sentences):
        ann = annotate_doc(doc, None)
        out.append([{"type": e.event_type, "actor1": e.actor1_text, "actor2": e.actor2_text, "status": e.status,
                     "mode": e.mode, "trigger": e.trigger} for e in ann.events])
    return out


def score(gold: list[dict], preds: list[list[dict]]) -> dict:
    tp_p, n_p, tp_g, n_g = Counter(), Counter(), Counter(), Counter()
    details = []
    for item, ps in zip(gold, preds):
        used: set[int] = set()
        matched_preds = set()
        for gi, g in enumerate(item["events"]):
            n_g[g["type"]] += 1
            for pi, p in enumerate(ps):
                if pi not in matched_preds and event_match(g, p):
                    matched_preds.add(pi)
                    used.add(gi)
                    tp_g[g["type"]] += 1
                    break
        for pi, p in enumerate(ps):
            n_p[p["type"]] += 1
            tp_p[p["type"]] += pi in matched_preds
        details.append((item, ps, matched_preds, used))
    return {"tp_p": tp_p, "n_p": n_p, "tp_g": tp_g, "n_g": n_g, "details": details}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(GOLD))
    ap.add_argument("--show", action="store_true", help="print every sentence's gold and predicted events")
    args = ap.parse_args(argv)
    gold = read_gold(Path(args.gold))
    preds = predict([g["sentence"] for g in gold])
    r = score(gold, preds)
    tp_p, n_p, tp_g, n_g = r["tp_p"], r["n_p"], r["tp_g"], r["n_g"]
    negatives = sum(1 for g in gold if not g["events"])
    print(f"Event extraction: {len(gold)} sentences ({negatives} without events), {sum(n_g.values())} gold events, "
          f"{sum(n_p.values())} predicted; gold {args.gold}")
    print(f"  {'type':<12}{'gold':>5}{'pred':>5}{'precision':>11}{'recall':>8}")
    for t in sorted(set(n_g) | set(n_p)):
        prec = f"{tp_p[t] / n_p[t]:.3f}" if n_p[t] else "n/a"
        rec = f"{tp_g[t] / n_g[t]:.3f}" if n_g[t] else "n/a"
        print(f"  {t:<12}{n_g[t]:>5}{n_p[t]:>5}{prec:>11}{rec:>8}")
    P = sum(tp_p.values()) / max(sum(n_p.values()), 1)
    R = sum(tp_g.values()) / max(sum(n_g.values()), 1)
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"overall precision {P:.3f}  recall {R:.3f}  F1 {F:.3f}")
    if args.show:
        for item, ps, matched, _ in r["details"]:
            print("#", item["sentence"][:140])
            print("   gold:", "; ".join(f"{g['type']}|{g['actor1']}|{g['actor2']}" for g in item["events"]) or "-")
            for i, p in enumerate(ps):
                print("   ", "OK " if i in matched else "FP ", p["type"], p["mode"], p["status"], p["actor1"], "->",
                      p["actor2"], f"({p['trigger']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
