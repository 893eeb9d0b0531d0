"""Readers of the WordNet 3.0 database files (Princeton, WordNet License; Debian package `wordnet-base`), shared by the
generators of the WordNet-derived tables (`nominals.py`: event nouns and common nouns; `humans.py`: human nouns;
`abstracts.py`: abstract nouns). Needed only to regenerate those tables, never at run time."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

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


def wordnet_folder(argv: list[str] | None, needed: str) -> Path | None:
    """WordNet's folder from a generator's command line (the one optional argument), or None with a one-line message
    when the database file `needed` is absent there (WordNet is needed only to regenerate)."""
    args = sys.argv[1:] if argv is None else argv
    wordnet = Path(args[0]) if args else WORDNET
    if not (wordnet / needed).exists():
        print(f"WordNet not found in {wordnet} (Debian package wordnet-base)")
        return None
    return wordnet


def write_nouns(path: Path, header: str, nouns: list[str]) -> None:
    """A generated noun table: its header, then one noun per line."""
    path.write_text(header + "".join(n + "\n" for n in nouns), encoding="utf-8")


def write_noun_table(argv: list[str] | None, nouns_of: Callable[[Path], list[str]], path: Path, header: str,
                     what: str) -> int:
    """The command line of a noun-table generator: the sorted nouns under the generated header."""
    wordnet = wordnet_folder(argv, "data.noun")
    if wordnet is None:
        return 1
    nouns = nouns_of(wordnet)
    write_nouns(path, header, nouns)
    print(f"{len(nouns)} {what} -> {path}")
    return 0
