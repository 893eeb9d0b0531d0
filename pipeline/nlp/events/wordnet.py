"""Readers of the WordNet 3.0 database files (Princeton, WordNet License; Debian package `wordnet-base`), shared by the
generators of the WordNet-derived tables (`nominals.py`: event nouns and common nouns; `humans.py`: human nouns).
Needed only to regenerate those tables, never at run time."""
from __future__ import annotations

from pathlib import Path

WORDNET = Path("/usr/share/wordnet")


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> its synset offsets, most frequent sense first (index.verb / index.noun)."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        n_ptr = int(parts[3])
        out[parts[0]] = parts[6 + n_ptr:]
    return out


def read_synsets(path: Path) -> dict[str, list[str]]:
    """synset offset -> its data line split into fields (data.verb / data.noun)."""
    return {line.split(" ", 1)[0]: line.split("|")[0].split() for line in
            path.read_text(encoding="latin-1").splitlines() if not line.startswith(" ")}


def tagged_nouns(wordnet: Path = WORDNET) -> set[str]:
    """Noun lemmas with a sense tagged in WordNet's sense-tagged corpus (index.noun's tagsense_cnt > 0)."""
    out = set()
    for line in (wordnet / "index.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            parts = line.split()
            if int(parts[5 + int(parts[3])]) > 0:
                out.add(parts[0])
    return out
