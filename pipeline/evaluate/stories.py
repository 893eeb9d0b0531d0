"""Story grouping threshold on real text: `python -m pipeline.evaluate.stories [corpora]`.

The system is `pipeline.versions` as the load stage uses it: bottom-k MinHash sketches of
word 5-shingles, `same_story` (estimated Jaccard >= STORY_THRESHOLD or containment >=
STORY_CONTAINMENT), and greedy grouping (each document joins the story of its most
similar earlier document, corpus order), as `assign_stories` does.

- ECB+ (43 topics of web news, each two sub-topics = two similar real-world events, docs
  written by different outlets): pairwise precision/recall of "same story" against
  "same topic" and "same sub-topic", and the Jaccard distribution of same-topic and
  different-topic pairs. Independent reports of one event are not copies, so recall here
  is expected to be low; precision (no cross-topic grouping) is the point.
- BBC News (2,225 articles): pairs grouped among the originals, split into duplicate
  files (same body), same headline with an updated body (the corpus holds both), and
  different headlines (printed, to inspect); then for a seeded sample each article gets a lightly
  edited copy (one sentence reworded, one dropped, one added from another article, the
  dateline-like first words trimmed) and a trimmed wire-style copy (first 60% of its
  paragraphs): the share grouped with their original.
Also prints, per candidate Jaccard threshold, cross-topic false pairs and copy recall.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from pipeline import versions as V
from pipeline.paths import shared_corpora

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def ecb_documents(root: Path) -> list[tuple[str, str, str, str]]:
    """(doc name, topic, sub-topic, text) from the token XML."""
    docs = []
    for path in sorted(root.glob("*/*.xml"), key=lambda p: (int(p.parent.name) if p.parent.name.isdigit() else 0, p.name)):
        tree = ET.parse(path)
        tokens = [t.text or "" for t in tree.getroot().iter("token")]
        text = re.sub(r" ([,.;:!?')])", r"\1", " ".join(tokens))
        topic = path.parent.name
        sub = topic + ("+" if "ecbplus" in path.name else "")
        docs.append((path.name, topic, sub, text))
    return docs


def bbc_documents(root: Path) -> list[tuple[str, str, str]]:
    """(folder/file, headline, body): line 1 is the headline."""
    out = []
    for path in sorted(root.glob("*/*.txt")):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        head, _, body = raw.partition("\n")
        out.append((f"{path.parent.name}/{path.name}", head.strip(), body or raw))
    return out


def fingerprints(texts: list[str]) -> list[tuple[list[int], int]]:
    out = []
    for t in texts:
        sh = V.shingles(t)
        out.append((V.sketch(sh), len(sh)))
    return out


def candidate_pairs(fps: list[tuple[list[int], int]]) -> dict[tuple[int, int], float]:
    """Estimated Jaccard of every pair sharing a sketch value (the others are ~0)."""
    index: dict[int, list[int]] = defaultdict(list)
    for i, (sk, _) in enumerate(fps):
        for h in sk:
            index[h].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in index.values():
        if len(ids) > 200:  # a shingle in hundreds of docs says nothing
            continue
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                pairs.add((ids[a], ids[b]))
    return {(i, j): V.estimate_jaccard(fps[i][0], fps[j][0]) for i, j in pairs}


def greedy_groups(fps: list[tuple[list[int], int]]) -> list[int]:
    """Story of each document, as assign_stories decides it (corpus order, MinHash
    candidates from the same inverted index)."""
    story: list[int] = []
    index = V.SketchIndex()
    for i, (sk, n) in enumerate(fps):
        best = None
        for cand in index.candidates(sk):
            ok, jac, c = V.same_story(sk, n, cand["sketch"], cand["shingle_count"])
            if ok and (best is None or (jac, c) > best[:2]):
                best = (jac, c, cand["story"])
        story.append(best[2] if best else i)
        index.add(str(i), sk, shingle_count=n, story=story[-1])
    return story


def pairwise(groups: list[int], gold: list[str]) -> tuple[float, float, float, int, int]:
    by_group, by_gold = defaultdict(list), defaultdict(list)
    for i, (g, t) in enumerate(zip(groups, gold)):
        by_group[g].append(i)
        by_gold[t].append(i)
    pred = {(a, b) for m in by_group.values() for x, a in enumerate(m) for b in m[x + 1:]}
    true = {(a, b) for m in by_gold.values() for x, a in enumerate(m) for b in m[x + 1:]}
    tp = len(pred & true)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), len(pred), len(true)


def evaluate_ecb(root: Path) -> None:
    docs = ecb_documents(root)
    print(f"ECB+: {len(docs)} documents, {len({d[1] for d in docs})} topics, {len({d[2] for d in docs})} sub-topics")
    fps = fingerprints([d[3] for d in docs])
    groups = greedy_groups(fps)
    for name, gold in (("topic", [d[1] for d in docs]), ("sub-topic", [d[2] for d in docs])):
        p, r, f, n_pred, n_true = pairwise(groups, gold)
        print(f"  grouping vs same {name:<9}: pairwise P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"(predicted pairs {n_pred}, gold pairs {n_true})")
    pairs = candidate_pairs(fps)
    same = [j for (a, b), j in pairs.items() if docs[a][1] == docs[b][1]]
    diff = [j for (a, b), j in pairs.items() if docs[a][1] != docs[b][1]]
    n_same = sum(1 for a in range(len(docs)) for b in range(a + 1, len(docs)) if docs[a][1] == docs[b][1])
    print(f"  max Jaccard of a different-topic pair: {max(diff, default=0):.3f}; "
          f"same-topic pairs: {n_same}")
    for t in THRESHOLDS:
        print(f"  Jaccard >= {t:.1f}: different-topic pairs {sum(j >= t for j in diff):>5}   "
              f"same-topic pairs {sum(j >= t for j in same):>5} ({sum(j >= t for j in same) / n_same:.1%})")


def light_edit(text: str, donor: str, rng: random.Random) -> str:
    """One sentence reworded, one dropped, one added from another article, the opening
    words changed (a copy another outlet ran with a small house edit)."""
    sents = V.sentences(text)
    if len(sents) < 6:
        return text
    k = rng.randrange(1, len(sents) - 2)
    words = sents[k].split()
    if len(words) > 4:
        words[len(words) // 2] = "reportedly"
    sents[k] = " ".join(words)
    del sents[rng.randrange(1, len(sents) - 1)]
    extra = V.sentences(donor)
    if extra:
        sents.insert(rng.randrange(1, len(sents)), extra[len(extra) // 2])
    sents[0] = "LONDON (Reuters) - " + sents[0]
    return " ".join(sents)


def trimmed_copy(text: str) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    return "\n\n".join(paras[: max(1, round(len(paras) * 0.6))])


def evaluate_bbc(root: Path, sample: int, seed: int) -> None:
    docs = bbc_documents(root)
    texts = [t for _, _, t in docs]
    fps = fingerprints(texts)
    pairs = candidate_pairs(fps)
    exact = {k for k in pairs if V.normalize_text(texts[k[0]]) == V.normalize_text(texts[k[1]])}
    grouped = {(a, b): j for (a, b), j in pairs.items() if V.same_story(fps[a][0], fps[a][1], fps[b][0], fps[b][1])[0]}
    same_head = {k for k in grouped if k not in exact and V.normalize_title(docs[k[0]][1]) == V.normalize_title(docs[k[1]][1])}
    other = {k: j for k, j in grouped.items() if k not in exact and k not in same_head}
    print(f"BBC: {len(docs)} articles; pairs grouped: {len(grouped)} = {len(exact)} duplicate files "
          f"(same body) + {len(same_head)} same headline, body updated + {len(other)} different headlines:")
    for (a, b), j in sorted(other.items(), key=lambda x: -x[1]):
        print(f"    {docs[a][0]} {docs[a][1]!r} ~ {docs[b][0]} {docs[b][1]!r}  Jaccard {j:.3f}")
    distinct = [j for k, j in pairs.items() if k not in exact and k not in same_head]
    rng = random.Random(seed)
    idx = rng.sample(range(len(docs)), min(sample, len(docs)))
    edited_j, trimmed_ok, edited_ok = [], 0, 0
    for i in idx:
        donor = texts[(i + 7) % len(texts)]
        e_sh = V.shingles(light_edit(texts[i], donor, rng))
        ok, j, _ = V.same_story(V.sketch(e_sh), len(e_sh), *fps[i])
        edited_ok += ok
        edited_j.append(j)
        t_sh = V.shingles(trimmed_copy(texts[i]))
        trimmed_ok += V.same_story(V.sketch(t_sh), len(t_sh), *fps[i])[0]
    print(f"  lightly edited copies grouped with their original: {edited_ok}/{len(idx)} ({edited_ok / len(idx):.1%}); "
          f"Jaccard min {min(edited_j):.3f}, median {sorted(edited_j)[len(edited_j) // 2]:.3f}")
    print(f"  trimmed copies (first 60% of paragraphs) grouped: {trimmed_ok}/{len(idx)} ({trimmed_ok / len(idx):.1%})")
    for t in THRESHOLDS:
        print(f"  Jaccard >= {t:.1f}: pairs with different headlines {sum(j >= t for j in distinct):>4}   "
              f"edited copies {sum(j >= t for j in edited_j) / len(edited_j):.1%}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="?", default=str(shared_corpora()))
    ap.add_argument("--sample", type=int, default=300, help="BBC articles to copy with edits")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    corpora = Path(args.corpora)
    print(f"story rule: Jaccard >= {V.STORY_THRESHOLD} or containment >= {V.STORY_CONTAINMENT} "
          f"(>= {V.MIN_SHINGLES} shingles); word {V.SHINGLE_SIZE}-shingles, bottom-{V.SKETCH_SIZE} MinHash")
    t0 = time.time()
    if (corpora / "ecbplus").exists():
        evaluate_ecb(corpora / "ecbplus")
    if (corpora / "bbc-news").exists():
        evaluate_bbc(corpora / "bbc-news", args.sample, args.seed)
    print(f"({time.time() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
