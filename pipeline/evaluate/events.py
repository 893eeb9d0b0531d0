"""Event extraction against the hand-checked gold file `pipeline/evaluate/gold/events.tsv`
(sentences of the shared corpora, not the seeds; its header documents the format and
the matching). Each sentence goes through the real spaCy model, entity extraction and
`extract_events` (no publication date: dates are not scored here). Prints precision and
recall/F1 by PLOVER type, by corpus and overall; predictions and gold events are matched
one to one. `--sample` prints the candidate sentences of the seeded, neutral selection
procedure that chose the gold extension (the labels were written by hand afterwards); with `--fresh`
only from files no gold file has used (how held-out 8 and dev 4/5 were drawn); with `--fresh-stories` (from
held-out 20 on) also not from a file that tells the same story as one of them under another file name; with
`--more-pools` (from held-out 22 on) also from PolNeAR's dev split and BBC business, after the four first pools.

`--gsr` scores the PLOVER Gold Standard Records (`../shared/corpora/event-coding/plover-gsr-dev.jsonl`):
one event is labelled per sentence (other events of the sentence are not), so only recall is
measured there: a record is found when an event of its type is predicted in its sentence
(type recall), and when that event's source also matches one of the record's source actors
(type + source recall; symmetric types either way round).

    python -m pipeline.evaluate.events [gold.tsv] [--show]
    python -m pipeline.evaluate.events --sample [--seed N --n-action N --n-random N] [--fresh | --fresh-stories]
                                        [--more-pools]
    python -m pipeline.evaluate.events --gsr [plover-gsr-dev.jsonl] [--show]
    python -m pipeline.evaluate.events --agreement GOLD_A GOLD_B [--show]

Leave-one-file-out cross-validation of the learned event steps: `python -m pipeline.evaluate.events_cv`.
"""
from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from pipeline.nlp import annotate_doc, parse_texts
from pipeline.paths import shared_corpora
from pipeline.versions.sketches import SketchIndex, same_story, text_fingerprint

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
    out = []
    for doc in parse_texts(sentences):
        ann = annotate_doc(doc, None)
        out.append([{"type": e.event_type, "actor1": e.actor1_text, "actor2": e.actor2_text, "status": e.status,
                     "mode": e.mode, "trigger": e.trigger} for e in ann.events])
    return out


CORPORA = shared_corpora()
ACTION = re.compile(
    r"\b(met|meet|meets|meeting|talks|visit\w*|call(ed)?|phoned|agree\w*|sign\w*|support\w*|back(ed|s)|"
    r"endorse\w*|help\w*|aid|release\w*|withdr\w*|investigat\w*|probe\w*|demand\w*|urge\w*|appeal\w*|criticis\w*|"
    r"criticiz\w*|accus\w*|condemn\w*|blame\w*|reject\w*|refuse\w*|veto\w*|threat\w*|warn\w*|protest\w*|deploy\w*|"
    r"sanction\w*|arrest\w*|detain\w*|charged|expel\w*|attack\w*|bomb\w*|kill\w*|shot|shoot\w*|invad\w*|clash\w*|"
    r"fight\w*|rob\w*|stole|steal\w*|raid\w*|strike\w*|stabb\w*|murder\w*)\b", re.I)


def _detok(ws: list[str]) -> str:
    s = " ".join(ws)
    s = re.sub(r" ([,.;:!?%)\]'](?:s\b)?)", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ll|'d|'ve)\b", r"\1", s)
    return s.replace('" ', '"', 1) if s.count('"') == 1 else s


def _xml_sents(path) -> list[str]:
    by: dict[int, list[str]] = {}
    for t in ET.parse(path).getroot().iter("token"):
        by.setdefault(int(t.get("sentence")), []).append(t.text or "")
    return [_detok(v) for _, v in sorted(by.items())]


def _txt_sents(path) -> list[str]:
    out = []
    for para in Path(path).read_text(encoding="utf-8", errors="replace").split("\n"):
        out += [x.strip() for x in re.sub(r"([.!?][\"”]?)\s+(?=[A-Z“\"])", "\\1\\n", para.strip()).split("\n")]
    return out


def gold_files() -> set[str]:
    """Every corpus file some gold file already took a sentence from (text seen in development or held out)."""
    used = set()
    for path in sorted(GOLD.parent.glob("events*.tsv")):
        used |= {g["source"] for g in read_gold(path)}
    return used


def gold_sentences() -> set[str]:
    """Every sentence some gold file already holds: a --fresh draw drops exact copies of them (the same article
    is often published under several file names), as the gold tests' re-draw does."""
    return {g["sentence"] for path in sorted(GOLD.parent.glob("events*.tsv")) for g in read_gold(path)}


def _bbc_body_sents(path) -> list[str]:
    """A BBC file's sentences without its title line."""
    return _txt_sents(path)[1:]


# The pools `--more-pools` appends (session 27: the four first pools were nearly used up): name -> file pattern under
# the corpora and sentence splitter. Appended after the four, so those consume the seeded generator as before and
# every earlier draw is re-drawn unchanged.
MORE_POOLS = {"polnear-dev": ("polnear/dev/text/*.txt", _txt_sents),
              "bbc-business": ("bbc-news/business/*.txt", _bbc_body_sents)}


def sample_pools(more_pools: bool = False) -> dict[str, tuple[Path, object]]:
    """Per corpus, the file pattern a draw samples from and the function splitting a file into sentences; with
    `more_pools` the MORE_POOLS after them."""
    pools = {"ecbplus": (CORPORA / "ecbplus/*/*.xml", _xml_sents),
             "meantime": (CORPORA / "meantime/intra-doc_annotation/*/*.xml", _xml_sents),
             "bbc-news": (CORPORA / "bbc-news/politics/*.txt", _bbc_body_sents),
             "polnear": (CORPORA / "polnear/train/text/*.txt", _txt_sents)}
    if more_pools:
        pools |= {name: (CORPORA / pattern, split) for name, (pattern, split) in MORE_POOLS.items()}
    return pools


def _file_text(path: str, split) -> str:
    try:
        return " ".join(split(path))
    except Exception:  # an unreadable file is skipped by the draw too
        return ""


def same_story_files(used: frozenset[str], more_pools: bool = False) -> frozenset[str]:
    """Every file of the sample pools that tells the same story as a file in `used` (the corpora hold one article
    under several file names, sometimes trimmed: `versions.sketches.same_story`, the warehouse's own test):
    with `--fresh-stories` a draw skips them, so a fresh file holds no story seen in development (`more_pools`: the
    files of MORE_POOLS too)."""
    fingerprints: dict[str, tuple[list[int], int]] = {}
    for pattern, split in sample_pools(more_pools).values():
        for path in sorted(glob.glob(str(pattern))):
            values, count = text_fingerprint(_file_text(path, split))
            fingerprints[str(Path(path).relative_to(CORPORA))] = (list(values), count)
    seen = SketchIndex()
    for rel in sorted(used & fingerprints.keys()):
        seen.add(rel, fingerprints[rel][0], shingle_count=fingerprints[rel][1])
    return frozenset(rel for rel, (values, count) in fingerprints.items() if rel not in used and any(
        same_story(values, count, entry["sketch"], entry["shingle_count"]).same for entry in seen.candidates(values)))


def sample_candidates(seed: int = 6, per_file: int = 40, n_action: int = 9, n_random: int = 3,
                      exclude: frozenset[str] = frozenset(), more_pools: bool = False) -> list[tuple[str, str]]:
    """The seeded selection that chose the gold extension: per corpus, `per_file` random files
    (never one in `exclude`); from each one random sentence containing an action word and one random
    sentence (8-40 words, no quotation marks); the first `n_action` action and `n_random` random ones
    (`more_pools`: MORE_POOLS are drawn from after the four first pools)."""
    rng = random.Random(seed)
    out = []
    for pattern, split in sample_pools(more_pools).values():
        files = [f for f in sorted(glob.glob(str(pattern))) if str(Path(f).relative_to(CORPORA)) not in exclude]
        pos, neg = [], []
        for path in rng.sample(files, min(per_file, len(files))):  # a corpus nearly used up gives what is left
            try:
                ss = split(path)
            except Exception:
                continue
            ss = [s for s in ss if 8 <= len(s.split()) <= 40 and s[:1].isupper() and s.rstrip()[-1:] in '.!?"”'
                  and '"' not in s and '“' not in s]
            if not ss:
                continue
            s = rng.choice(ss)
            act = [x for x in ss if ACTION.search(x)]
            rel = str(Path(path).relative_to(CORPORA))
            if act:
                pos.append((rel, rng.choice(act)))
            neg.append((rel, s))
        out += pos[:n_action] + [x for x in neg if x not in pos][:n_random]
    return out


def corpus_of(source: str) -> str:
    """The corpus a gold row's file belongs to in the per-corpus tables: a MORE_POOLS file reports its pool's name
    (polnear-dev apart from polnear's train split, bbc-business apart from bbc-news politics), any other file the
    first folder of its path."""
    for name, (pattern, _) in MORE_POOLS.items():
        if source.startswith(pattern.split("*")[0]):
            return name
    return source.split("/")[0]


def score(gold: list[dict], preds: list[list[dict]]) -> dict:
    tp_p, n_p, tp_g, n_g = Counter(), Counter(), Counter(), Counter()
    details = []
    by_corpus: dict[str, Counter] = {}
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
        c = by_corpus.setdefault(corpus_of(item["source"]), Counter())
        c["sentences"] += 1
        c["n_g"] += len(item["events"])
        c["n_p"] += len(ps)
        c["tp_p"] += len(matched_preds)
        c["tp_g"] += len(used)
        details.append((item, ps, matched_preds, used))
    return {"tp_p": tp_p, "n_p": n_p, "tp_g": tp_g, "n_g": n_g, "details": details, "by_corpus": by_corpus}


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    P = tp_p / n_p if n_p else 0.0
    R = tp_g / n_g if n_g else 0.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def _fmt(tp_p: int, n_p: int, tp_g: int, n_g: int) -> str:
    P, R, F = prf(tp_p, n_p, tp_g, n_g)
    return (f"{n_g:>5}{n_p:>5}{(f'{P:.3f}' if n_p else 'n/a'):>11}{(f'{R:.3f}' if n_g else 'n/a'):>8}"
            f"{(f'{F:.3f}' if n_p and n_g else 'n/a'):>7}")


def evaluate(path: Path = GOLD) -> dict:
    gold = read_gold(Path(path))
    r = score(gold, predict([g["sentence"] for g in gold]))
    r["gold"] = gold
    r["overall"] = prf(sum(r["tp_p"].values()), sum(r["n_p"].values()), sum(r["tp_g"].values()),
                       sum(r["n_g"].values()))
    return r


GSR = CORPORA / "event-coding" / "plover-gsr-dev.jsonl"


def agreement(path_a: Path, path_b: Path) -> dict:
    """Two labellers' files of the same sentences scored with the evaluation's own matching: labeller B's events
    play the predictions, labeller A's the gold (precision = share of B's events A also wrote, recall = share of A's
    events B also wrote), so the figure is the human ceiling for the extractor's F1 on that file."""
    gold_a, gold_b = read_gold(Path(path_a)), read_gold(Path(path_b))
    if [g["sentence"] for g in gold_a] != [g["sentence"] for g in gold_b]:
        raise ValueError(f"{path_a} and {path_b} do not hold the same sentences in the same order")
    preds = [item["events"] for item in gold_b]
    r = score(gold_a, preds)
    r["gold"] = gold_a
    r["overall"] = prf(sum(r["tp_p"].values()), sum(r["n_p"].values()), sum(r["tp_g"].values()),
                       sum(r["n_g"].values()))
    return r


def read_gsr(path: Path) -> list[dict]:
    """PLOVER GSR records: sentence, event type, source actor texts, target actor texts."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        actors = lambda field: [a.get("actorText", "") for a in (r.get(field) or []) if isinstance(a, dict)]
        out.append({"id": r["id"], "sentence": r["text"], "type": r["event"], "sources": actors("source"),
                    "targets": actors("target"), "event_text": r.get("eventText", "")})
    return out


def gsr_hit(record: dict, preds: list[dict]) -> tuple[bool, bool]:
    """(type found, type and source found) for one GSR record."""
    typed = [p for p in preds if p["type"] == record["type"]]
    sources = record["sources"] or [""]
    sourced = any(actor_match(s, p["actor1"]) or record["type"] in SYMMETRIC and actor_match(s, p["actor2"])
                  for p in typed for s in sources)
    return bool(typed), sourced


def evaluate_gsr(path: Path = GSR) -> dict:
    records = read_gsr(path)
    preds = predict([r["sentence"] for r in records])
    n, typed, sourced = Counter(), Counter(), Counter()
    details = []
    for r, ps in zip(records, preds):
        got_type, got_source = gsr_hit(r, ps)
        n[r["type"]] += 1
        typed[r["type"]] += got_type
        sourced[r["type"]] += got_source
        details.append((r, ps, got_type, got_source))
    return {"n": n, "typed": typed, "sourced": sourced, "details": details}


def main_gsr(path: Path, show: bool) -> int:
    if not Path(path).exists():
        print(f"PLOVER GSR: {path} not found (../shared/corpora/event-coding)")
        return 0
    r = evaluate_gsr(path)
    n, typed, sourced = r["n"], r["typed"], r["sourced"]
    total = sum(n.values())
    print(f"PLOVER GSR (recall only: one event labelled per sentence): {total} records; gold {path}")
    print(f"  {'type':<12}{'gold':>5}{'type R':>8}{'+source R':>11}")
    for t in sorted(n):
        print(f"  {t:<12}{n[t]:>5}{typed[t] / n[t]:>8.3f}{sourced[t] / n[t]:>11.3f}")
    print(f"GSR type recall {sum(typed.values()) / total:.3f}  type+source recall {sum(sourced.values()) / total:.3f}")
    if show:
        for rec, ps, got_type, got_source in r["details"]:
            mark = "OK " if got_source else ("TYP" if got_type else "MISS")
            print(f"# {mark} {rec['type']} src={rec['sources']} evt={rec['event_text']!r}: {rec['sentence'][:160]}")
            for p in ps:
                print("     ", p["type"], p["mode"], p["status"], p["actor1"], "->", p["actor2"], f"({p['trigger']})")
    return 0


def _print_tables(r: dict) -> None:
    """P/R/F1 by PLOVER type, then by corpus."""
    tp_p, n_p, tp_g, n_g = r["tp_p"], r["n_p"], r["tp_g"], r["n_g"]
    print(f"  {'type':<12}{'gold':>5}{'pred':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
    for t in sorted(set(n_g) | set(n_p)):
        print(f"  {t:<12}{_fmt(tp_p[t], n_p[t], tp_g[t], n_g[t])}")
    print(f"  {'corpus':<12}{'gold':>5}{'pred':>5}{'precision':>11}{'recall':>8}{'F1':>7}  sentences")
    for name, c in sorted(r["by_corpus"].items()):
        print(f"  {name:<12}{_fmt(c['tp_p'], c['n_p'], c['tp_g'], c['n_g'])}  {c['sentences']}")


def main_agreement(path_a: str, path_b: str, show: bool) -> int:
    r = agreement(Path(path_a), Path(path_b))
    gold = r["gold"]
    print(f"Labeller agreement: {len(gold)} sentences, labeller A {sum(r['n_g'].values())} events (gold {path_a}), "
          f"labeller B {sum(r['n_p'].values())} events (as predictions {path_b}); the evaluation's matching")
    _print_tables(r)
    P, R, F = r["overall"]
    print(f"agreement (B against A) precision {P:.3f}  recall {R:.3f}  F1 {F:.3f}")
    if show:
        for item, ps, matched, used in r["details"]:
            if len(matched) == len(ps) and len(used) == len(item["events"]):
                continue
            print("#", item["sentence"][:140])
            print("   A:", "; ".join(f"{'OK ' if i in used else ''}{g['type']}|{g['actor1']}|{g['actor2']}"
                                   for i, g in enumerate(item["events"])) or "-")
            print("   B:", "; ".join(f"{'OK ' if i in matched else ''}{p['type']}|{p['actor1']}|{p['actor2']}"
                                   for i, p in enumerate(ps)) or "-")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(GOLD))
    ap.add_argument("--show", action="store_true", help="print every sentence's gold and predicted events")
    ap.add_argument("--sample", action="store_true", help="print the seeded candidate sentences and stop")
    ap.add_argument("--seed", type=int, default=6, help="--sample: the seed (6 drew the events.tsv extension)")
    ap.add_argument("--n-action", type=int, default=9, help="--sample: action-word sentences kept per corpus")
    ap.add_argument("--n-random", type=int, default=3, help="--sample: random sentences kept per corpus")
    ap.add_argument("--fresh", action="store_true", help="--sample: skip every file any events*.tsv gold file used and every sentence one already holds")
    ap.add_argument("--fresh-stories", action="store_true",
                    help="--sample: --fresh, and skip every file telling the same story as a file a gold file used")
    ap.add_argument("--more-pools", action="store_true",
                    help="--sample: also draw from " + " and ".join(MORE_POOLS) + ", after the four first pools")
    ap.add_argument("--agreement", nargs=2, metavar=("GOLD_A", "GOLD_B"),
                    help="score labeller B's file of the same sentences against labeller A's (no extractor run)")
    ap.add_argument("--gsr", action="store_true", help="score recall on the PLOVER GSR file (gold argument optional)")
    args = ap.parse_args(argv)
    if args.agreement:
        return main_agreement(*args.agreement, show=args.show)
    if args.gsr:
        return main_gsr(Path(args.gold) if args.gold != str(GOLD) else GSR, args.show)
    if args.sample:
        fresh = args.fresh or args.fresh_stories
        exclude = frozenset(gold_files()) if fresh else frozenset()
        exclude |= same_story_files(exclude, args.more_pools) if args.fresh_stories else frozenset()
        seen = gold_sentences() if fresh else set()
        for rel, sent in sample_candidates(args.seed, n_action=args.n_action, n_random=args.n_random, exclude=exclude,
                                           more_pools=args.more_pools):
            if sent not in seen:
                print(f"{rel}\t{sent}")
        return 0
    r = evaluate(Path(args.gold))
    gold = r["gold"]
    tp_p, n_p, tp_g, n_g = r["tp_p"], r["n_p"], r["tp_g"], r["n_g"]
    negatives = sum(1 for g in gold if not g["events"])
    print(f"Event extraction: {len(gold)} sentences ({negatives} without events), {sum(n_g.values())} gold events, "
          f"{sum(n_p.values())} predicted; gold {args.gold}")
    _print_tables(r)
    P, R, F = r["overall"]
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
