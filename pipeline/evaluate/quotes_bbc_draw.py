"""The seeded draw of the BBC quote gold (`pipeline/evaluate/gold/quotes_bbc.tsv`):
`python -m pipeline.evaluate.quotes_bbc_draw [corpora]` prints the 30 files.

15 politics and 15 business articles of bbc-news, drawn with `random.Random(14)` (the
issue's number) from the files no earlier work used: files named anywhere in the
repository or its gold (tests, event gold) are left out, and so are the articles of the
examples the issue quotes from a trial on BBC politics (Gordon Brown / Alan Duncan, Trevor
Phillips / Michael Howard, the pensioners, the young black and Asian people), whose trial
sample was not recorded. Files that are not UTF-8 are left out."""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = 14
PER_TOPIC = 15
TOPICS = ("politics", "business")
# phrases of the trial examples: their articles were seen
SEEN_PHRASES = ("Pensioners are being promised", "young black and Asian people are to be encouraged")
SEEN_PAIRS = (("Gordon Brown", "Alan Duncan"), ("Trevor Phillips", "Michael Howard"))


def used_files() -> set[str]:
    """'topic/NNN' of every BBC file named in the repository's files or history."""
    found: set[str] = set()
    pattern = re.compile(r"(politics|business)[/_](\d{3})")
    for path in list(ROOT.glob("tests/*.py")) + list(ROOT.glob("pipeline/**/*.py")) + list(ROOT.glob("pipeline/**/*.tsv")):
        if path.name in ("quotes_bbc.tsv", "quotes_bbc_draw.py"):
            continue
        found |= {f"{t}/{n}" for t, n in pattern.findall(path.read_text(encoding="utf-8", errors="replace"))}
    log = subprocess.run(["git", "-C", str(ROOT), "log", "--all", "--format=%B"], capture_output=True, text=True).stdout
    found |= {f"{t}/{n}" for t, n in pattern.findall(log)}
    return found


def _seen_in_trial(text: str) -> bool:
    return any(p in text for p in SEEN_PHRASES) or any(a in text and b in text for a, b in SEEN_PAIRS)


def draw(corpora: Path) -> list[str]:
    used = used_files()
    rng = random.Random(SEED)
    out = []
    for topic in TOPICS:
        eligible = []
        for path in sorted((corpora / "bbc-news" / topic).glob("*.txt")):
            name = f"{topic}/{path.stem}"
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            if name not in used and not _seen_in_trial(text):
                eligible.append(name)
        out += sorted(rng.sample(eligible, PER_TOPIC))
    return out


if __name__ == "__main__":
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora"
    print("\n".join(f"{n}.txt" for n in draw(corpora)))
