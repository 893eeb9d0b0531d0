"""The seeded draw of the BBC quote gold (`pipeline/evaluate/gold/quotes_bbc.tsv`):
`python -m pipeline.evaluate.quotes_bbc_draw [corpora]` prints the 30 files.

15 politics and 15 business articles of bbc-news, drawn with `random.Random(14)` (the
issue's number) from the files no earlier work used: files named in the repository's
tests, code and gold at commit DRAWN_AT, or in any branch's commit messages up to it, are left out, and so are the articles of the
examples the issue quotes from a trial on BBC politics (Gordon Brown / Alan Duncan, Trevor
Phillips / Michael Howard, the pensioners, the young black and Asian people), whose trial
sample was not recorded. Files that are not UTF-8 are left out."""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

from pipeline.paths import shared_corpora

ROOT = Path(__file__).resolve().parents[2]
SEED = 14
DRAWN_AT = "6fe46cb"  # the commit of the gold: the repository and history as they were at the draw
PER_TOPIC = 15
TOPICS = ("politics", "business")
# phrases of the trial examples: their articles were seen
SEEN_PHRASES = ("Pensioners are being promised", "young black and Asian people are to be encouraged")
SEEN_PAIRS = (("Gordon Brown", "Alan Duncan"), ("Trevor Phillips", "Michael Howard"))


def used_files(commit: str = DRAWN_AT) -> set[str]:
    """'topic/NNN' of every BBC file named in the repository's tests, pipeline code and data,
    or commit messages, as of `commit` (the state the draw was made in, so it reproduces)."""
    pattern = re.compile(r"(politics|business|entertainment|tech)[/_]([0-9]{3})")  # (POSIX ERE for git grep: no \d)
    git = ["git", "-C", str(ROOT)]
    files = subprocess.run(git + ["grep", "-h", "-o", "-E", pattern.pattern, commit, "--", "tests/*.py",
                                  "pipeline/*.py", "pipeline/*.tsv", ":!*quotes_bbc*"],
                           capture_output=True, text=True).stdout
    until = subprocess.run(git + ["log", "-1", "--format=%cI", commit], capture_output=True, text=True).stdout.strip()
    log = subprocess.run(git + ["log", "--all", f"--until={until}", "--format=%B"], capture_output=True,
                         text=True).stdout
    return {f"{topic}/{number}" for topic, number in pattern.findall(files + log)}


def _seen_in_trial(text: str) -> bool:
    return any(p in text for p in SEEN_PHRASES) or any(a in text and b in text for a, b in SEEN_PAIRS)


def eligible_files(corpora: Path, topic: str, excluded: set[str]) -> list[str]:
    """The readable 'topic/NNN' files of one topic, in file order, not in `excluded` and not seen in the trial."""
    eligible = []
    for path in sorted((corpora / "bbc-news" / topic).glob("*.txt")):
        name = f"{topic}/{path.stem}"
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if name not in excluded and not _seen_in_trial(text):
            eligible.append(name)
    return eligible


def draw(corpora: Path) -> list[str]:
    used = used_files()
    rng = random.Random(SEED)
    out = []
    for topic in TOPICS:
        out += sorted(rng.sample(eligible_files(corpora, topic, used), PER_TOPIC))
    return out


if __name__ == "__main__":
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_corpora()
    print("\n".join(f"{n}.txt" for n in draw(corpora)))
