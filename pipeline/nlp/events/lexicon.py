"""The event lexicon as data: the hand trigger table (`rules/event_triggers.tsv`) over the table
generated from the CAMEO verb dictionary (`rules/event_triggers_cameo.tsv`, see `cameo.py`), and
the context word lists (`rules/event_context.tsv`)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path



RULES = Path(__file__).resolve().parents[2] / "rules"
TRIGGERS_PATH = RULES / "event_triggers.tsv"


CAMEO_TRIGGERS_PATH = RULES / "event_triggers_cameo.tsv"


CONTEXT_PATH = RULES / "event_context.tsv"


@dataclass(frozen=True)
class Trigger:
    word: str
    kind: str
    type: str
    mode: str | None
    flags: frozenset[str]
    constraints: tuple = ()  # (("obj", frozenset), ("notobj", ...), ("prep", ...)): sense conditions
    cameo: str | None = None  # CAMEO code (provenance; a hand row takes its type's two-digit cue code)

    def need(self, key: str) -> frozenset[str] | None:
        return self._needs.get(key)

    @cached_property
    def _needs(self) -> dict[str, frozenset[str]]:
        """The constraints by key, the first of a key kept (`need` is read per token and sense)."""
        needs: dict[str, frozenset[str]] = {}
        for key, value in self.constraints:
            needs.setdefault(key, value)
        return needs


@dataclass
class Lexicon:
    verbs: dict[str, Trigger]  # first sense of each word (see `senses`)
    nouns: dict[str, Trigger]  # head lemma (or "modifier head") -> trigger
    light: frozenset[str]
    plan: frozenset[str]
    hypo: frozenset[str]
    report: frozenset[str]
    agents: frozenset[str]  # generic actor nouns kept by their text: "police", "rebels"
    symmetric: frozenset[str]  # "TYPE/mode" whose actor order does not matter
    senses: dict[tuple[str, str], list[Trigger]] = None  # (kind, word) -> senses in lexicon order
    persons: frozenset[str] = frozenset()  # human nouns that can be the victim/target when no entity names it
    context: dict[str, frozenset[str]] = None  # SPORT / SPORT2 / ACCIDENT context words
    receive: frozenset[str] = frozenset()  # "won the support of X", "were given loans from X": subject = target
    nonactors: frozenset[str] = frozenset()  # nouns never an actor ("DUI", "update", "bill")
    cues: dict[str, frozenset[str]] = None  # every cue list by kind (LIGHT, INTENT, THREAT, MILITARY ...)

    def words(self, kind: str) -> frozenset[str]:
        """The words of one cue list of the trigger tables (empty when there is none)."""
        return (self.cues or {}).get(kind, frozenset())


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    out: dict[str, set] = {}
    for line in CONTEXT_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind = line.split("\t")[:2]
        out.setdefault(kind.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


# the two-digit CAMEO cue category of each PLOVER type (PLOVER manual, "CAMEO to PLOVER translation"):
# the code a hand row without a CAMEO counterpart keeps for provenance
TYPE_CAMEO = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
              "RETREAT": "08", "INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11", "REJECT": "12",
              "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
              "ASSAULT": "18", "FIGHT": "19", "CRIME": "18"}


def _trigger_rows(path: Path):
    """(word, kind, type, mode, flags, cameo) of each data row of a trigger table."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield tuple((line.split("\t") + ["-"] * 6)[:6])


def _make_trigger(word, kind, etype, mode, flags, cameo) -> Trigger:
    fl = [f.strip() for f in flags.split(",") if f.strip() and f.strip() != "-"]
    cons = tuple((f.split(":", 1)[0], frozenset(f.split(":", 1)[1].split("/"))) for f in fl if ":" in f)
    return Trigger(word, kind, etype, None if mode == "-" else mode, frozenset(f for f in fl if ":" not in f), cons,
                   None if cameo in ("-", "") else cameo)


def _drop_generated(generated: dict[tuple[str, str], list[Trigger]], hand_rows: list[tuple]) -> None:
    """DROP rows of the hand table ("fail DROP ... 120"): the generated verb senses of that word with that CAMEO
    code go (a sense with no condition that misfires in news), its other generated senses stay."""
    for word, kind, _etype, _mode, _flags, cameo in hand_rows:
        if kind == "DROP" and ("V", word) in generated:
            generated[("V", word)] = [t for t in generated[("V", word)] if t.cameo != cameo]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The hand table (rules/event_triggers.tsv) over the table generated from the CAMEO verb
    dictionary (rules/event_triggers_cameo.tsv): the hand rows of a word replace all its generated
    rows; a hand row takes the CAMEO code of the generated sense of the same word and type, else
    its type's cue category."""
    verbs, nouns, cues = {}, {}, {"LIGHT": set(), "PLAN": set(), "HYPO": set(), "REPORT": set(),
                                     "AGENT": set(), "PERSON": set(), "RECEIVE": set()}
    sym, senses = set(), {}
    generated: dict[tuple[str, str], list[Trigger]] = {}
    mode_codes: dict[str, str] = {}
    if CAMEO_TRIGGERS_PATH.exists():
        for row in _trigger_rows(CAMEO_TRIGGERS_PATH):
            if row[1] == "MODE":  # "ASSAULT/beat" -> "182"
                mode_codes[row[0]] = row[5]
                continue
            if row[1] not in ("V", "N"):  # a word class of the dictionary (MILITARY)
                cues.setdefault(row[1], set()).add(row[0])
                continue
            t = _make_trigger(*row)
            t = Trigger(t.word, t.kind, t.type, t.mode, t.flags | {"generated"}, t.constraints, t.cameo)
            generated.setdefault((t.kind, t.word), []).append(t)
    hand_rows = list(_trigger_rows(TRIGGERS_PATH))
    _drop_generated(generated, hand_rows)
    for word, kind, etype, mode, flags, cameo in hand_rows:
        if kind not in ("V", "N", "A"):  # A: an adjective trigger ("critical of")
            cues.setdefault(kind, set()).add(word)
            continue
        t = _make_trigger(word, kind, etype, mode, flags, cameo)
        if t.cameo is None:
            rows = [g for g in generated.get((kind, word), []) if g.type == etype and g.cameo]
            # the generated sense of the same mode, else the crosswalk's code of this type and mode ("beat": 182,
            # not the 190 of CAMEO's 'defeat' synset), else the generated default sense, else the cue category
            codes = [g.cameo for g in rows if g.mode == t.mode and t.mode] + \
                [mode_codes.get(f"{etype}/{t.mode}")] + [g.cameo for g in rows if not g.constraints]
            codes = [c for c in codes if c]
            t = Trigger(t.word, t.kind, t.type, t.mode, t.flags, t.constraints,
                        codes[0] if codes else TYPE_CAMEO.get(etype))
        senses.setdefault((kind, word), []).append(t)
    # light, planning, reporting ... verbs are no events of their own: only their generated senses with object
    # words stay ("imposed a curfew", "took hostages")
    cue_words = set().union(*(cues[k] for k in ("LIGHT", "PLAN", "HYPO", "REPORT", "RECEIVE")))
    for key, rows in generated.items():
        if key[1] in cue_words:
            rows = [t for t in rows if t.need("obj") or t.need("pobj")]
        if key not in senses and rows:
            senses[key] = rows
        elif key in senses and any("keepgen" in t.flags for t in senses[key]):  # hand senses first, then these
            senses[key] = senses[key] + rows
    for (kind, word), rows in senses.items():
        first = next((t for t in rows if t.type != "-"), None)
        if first is not None and kind in ("V", "N"):
            (verbs if kind == "V" else nouns).setdefault(word, first)
        for t in rows:
            if "sym" in t.flags:
                sym.add(f"{t.type}/{t.mode}")
    return Lexicon(verbs, nouns, frozenset(cues["LIGHT"]), frozenset(cues["PLAN"]), frozenset(cues["HYPO"]),
                   frozenset(cues["REPORT"]), frozenset(cues["AGENT"] | cues.get("MILITARY", set())), frozenset(sym), senses,
                   frozenset(cues["PERSON"]), context_words(), frozenset(cues["RECEIVE"]),
                   context_words().get("NONACTOR", frozenset()), {k: frozenset(v) for k, v in cues.items()})


def is_symmetric(event_type: str, mode: str | None) -> bool:
    """Whether the two actors of an event of this type/mode are interchangeable."""
    return f"{event_type}/{mode}" in lexicon().symmetric
