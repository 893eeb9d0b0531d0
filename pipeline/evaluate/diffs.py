"""Sentence-diff labels on controlled edits of real articles:
`python -m pipeline.evaluate.diffs [corpora] [--sample N]`.

There is no NewsEdits gold here, so gold comes from known operations: a seeded sample of
BBC articles (../shared/corpora/bbc-news) each gets a second version made by random
operations on whole sentences — edit (a word replaced, inserted or dropped, a quarter of
the words replaced, or a clause added), deletion,
addition (a sentence of another article), refactor (a sentence moved at least two places)
— 1 to 6 operations on distinct sentences. `pipeline.versions.diff_versions` (the code the
load stage runs) labels the pair; a predicted row is right when its label and sentence
texts match a gold operation. Prints precision/recall/F1 per label and the share of
articles whose labels are exactly right."""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from pipeline import versions as V
from pipeline.paths import shared_corpora

LABELS = ("addition", "deletion", "edit", "refactor")


def make_version(sents: list[str], donors: list[str], rng: random.Random) -> tuple[list[str], set[tuple]]:
    """A second version and its gold (label, from_text, to_text) operations."""
    n_ops = rng.randint(1, min(6, len(sents) // 3))
    chosen = rng.sample(range(len(sents)), n_ops)
    ops = {i: rng.choice(LABELS) for i in chosen}
    gold: set[tuple] = set()
    new: list[str | None] = list(sents)
    moved: list[str] = []
    for i, op in ops.items():
        s = sents[i]
        if op == "edit":
            words = s.split()
            k = rng.randrange(len(words))
            choice = rng.choice(("replace", "insert", "drop", "reword", "extend")) if len(words) > 6 else "insert"
            if choice == "replace":
                words[k] = "reportedly"
            elif choice == "reword":  # a quarter of the words replaced
                for m in rng.sample(range(len(words)), max(2, len(words) // 4)):
                    words[m] = rng.choice(("officials", "reportedly", "new", "several", "main", "late"))
            elif choice == "extend":  # a clause added
                words[-1] = words[-1].rstrip(".") + ","
                words += "according to figures released on Friday.".split()
            elif choice == "insert":
                words.insert(k, "reportedly")
            else:
                del words[k]
            new[i] = " ".join(words)
            gold.add(("edit", s, new[i]))
        elif op == "deletion":
            new[i] = None
            gold.add(("deletion", s, None))
        elif op == "refactor":
            new[i] = None
            moved.append(s)
            gold.add(("refactor", s, s))
        else:  # addition after sentence i
            add = rng.choice(donors)
            new[i] = s + "\x00" + add
            gold.add(("addition", None, add))
    out: list[str] = []
    for s in new:
        if s is not None:
            out.extend(s.split("\x00"))
    for s in moved:  # to the end, or the start when it came from the end
        if sents.index(s) >= len(sents) - 2:
            out.insert(0, s)
        else:
            out.append(s)
    return out, gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="?", default=str(shared_corpora()))
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    root = Path(args.corpora) / "bbc-news"
    if not root.exists():
        print(f"needs {root}")
        return 1
    texts = [p.read_bytes().decode("utf-8", "replace").partition("\n")[2] for p in sorted(root.glob("*/*.txt"))]
    rng = random.Random(args.seed)
    pool = [t for t in texts if len(V.sentences(t)) >= 8]
    donors = [s for t in rng.sample(texts, 200) for s in V.sentences(t) if len(s.split()) >= 8]
    tp, fp, fn = Counter(), Counter(), Counter()
    exact = 0
    sample = rng.sample(pool, min(args.sample, len(pool)))
    for text in sample:
        sents = V.sentences(text)
        new, gold = make_version(sents, donors, rng)
        rows, _ = V.diff_versions("a", 1, 2, None, None, "\n".join(sents), "\n".join(new))
        pred = {(r["label"], r["from_text"], r["to_text"]) for r in rows}
        for label in LABELS:
            g = {x for x in gold if x[0] == label}
            p = {x for x in pred if x[0] == label}
            tp[label] += len(g & p)
            fp[label] += len(p - g)
            fn[label] += len(g - p)
        exact += pred == gold
    print(f"{len(sample)} BBC articles, each with 1-6 known sentence operations (seed {args.seed})")
    print(f"{'label':<10} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for label in (*LABELS, "all"):
        t = sum(tp.values()) if label == "all" else tp[label]
        f_p = sum(fp.values()) if label == "all" else fp[label]
        f_n = sum(fn.values()) if label == "all" else fn[label]
        p = t / (t + f_p) if t + f_p else 1.0
        r = t / (t + f_n) if t + f_n else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:<10} {t + f_n:>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f}")
    print(f"articles with exactly the gold labels: {exact}/{len(sample)} ({exact / len(sample):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
