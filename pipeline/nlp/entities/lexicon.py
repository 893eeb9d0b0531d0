"""The word lists of the entity linker, read from `pipeline/rules/entity_words.tsv` (one
named set per block, a comment before each saying what it is for: `set <TAB> word`), and
the NER labels it keeps with the actor type each one gives."""
from __future__ import annotations

from pathlib import Path

ENTITY_WORDS_PATH = Path(__file__).resolve().parents[2] / "rules" / "entity_words.tsv"


def _read_sets(path: Path) -> dict[str, list[str]]:
    """set name -> its words, in file order."""
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, word = line.split("\t")[:2]
        table.setdefault(name, []).append(word)
    return table


_SETS = _read_sets(ENTITY_WORDS_PATH)

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
ACTOR_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
DETERMINERS = set(_SETS["determiners"])
PRONOUNS = set(_SETS["pronouns"])
POSSESSIVE = set(_SETS["possessives"])
CUT_WORDS = set(_SETS["cut_words"])
PLACE_TRAILERS = set(_SETS["place_trailers"])
PLACE_CUES = {tuple(phrase.split()) for phrase in _SETS["place_cues"]}
KEPT_MODIFIERS = set(_SETS["kept_role_modifiers"])
ROLE_MODIFIERS = KEPT_MODIFIERS | set(_SETS["time_role_modifiers"])
PERSON_TITLES = set(_SETS["person_titles"])
VENUE_CUES = tuple(set(phrase.split()) for phrase in _SETS["venue_cues"])
