"""Converter: PETRARCH-2's CAMEO verb dictionary + the CAMEO->PLOVER crosswalk -> the project's
generated trigger table (`pipeline/rules/event_triggers_cameo.tsv`).

Why: a hand-grown lexicon tuned on a hundred sentences misses the long tail of news verbs; the
CAMEO verb dictionary lists hundreds of verb synsets with thousands of forms and object /
preposition patterns, and PLOVER publishes how each CAMEO code maps to a PLOVER type.

What is read (`event-coding/` of the shared corpora, `paths.shared_corpora()`; `Phoenix.agents.txt`
gives the AGENT rows, generic actor nouns such as "police", "rebels", "protesters"):
- `CAMEO.2.0.txt`: `&CLASS` synonym sets (`+WORD` lines); verb synsets `---  NAME   [code]  ---`
  followed by verb forms (`WORD {irregular forms} [own code]`, multi-word `+STIR_UP`) and
  patterns `- * OBJECT (PREP NOUN) [code]   # VERB` that apply to every verb of the synset.
- `CAMEO2PLOVER-2021.txt`: `code: TYPE, mode, context # description`.

Decisions (PLOVER manual, section "CAMEO to PLOVER translation", and this project's type names):
- the crosswalk's ACCUSE is DISAPPROVE, except its `investigate` mode (CAMEO 09) which is
  INVESTIGATE; REQUEST is DEMAND (the names of the PLOVER GSR and of this project);
- CAMEO 01 (public statements) gives no event; CAMEO 02 (appeals: "urge", "appeal", "ask")
  is DEMAND, as this project's gold has always labelled appeals;
- a code missing from the crosswalk takes its 3-, then 2-digit parent's mapping; 163 (impose
  sanctions) is SANCTION as the PLOVER manual's text says, not COERCE as its table says;
- `[A:B]` is coded A; `[:B]` (the target does B to the source: "faced criticism from X")
  is coded B with the flag `reverse`; `[---]` or a code without PLOVER type is a "no event"
  sense (type `-`) that stops the synset's default for that pattern ("foil a plot");
- a pattern with words before the verb (`- &MILITARY * ...`, `- TALKS * [164]`) conditions the verb's subject:
  its last word before `*` gives `subj:` (the subject lemma, or a member of the `&CLASS`); a pattern whose words
  before the verb are adverbs (`- ABRUPTLY * TALKS`) or unreadable is not converted;
- a pattern's object words give `obj:` (head word of `{MULTI WORD}` phrases, `&CLASS`
  members), a leading particle makes a two-word verb ("throw out"), `(PREP NOUN)` gives
  `prep:` and `pobj:`; patterns of one verb and code that differ only in object merge;
- every generated row has the flag `sport` (no event in a sport context: "Chelsea beat"); a sense
  without object words (a synset default, a bare preposition pattern) has the flag `named`: it
  counts only with a named actor (entity, actor noun or person noun) as target, since a verb
  alone ("offer", "take", "learn") says too little about an event without the actors PETRARCH
  requires from its actor dictionaries.

    python -m pipeline.nlp.events.cameo [event-coding dir] [output.tsv]
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.paths import shared_corpora

RULES = Path(__file__).resolve().parents[2] / "rules"
OUTPUT = RULES / "event_triggers_cameo.tsv"
CORPUS = shared_corpora() / "event-coding"
PARTICLES = {"up", "out", "off", "down", "back", "away", "over", "in", "on", "forward", "aside", "through"}
PREPOSITIONS = {"with", "against", "to", "for", "on", "at", "in", "into", "from", "by", "over", "of", "about",
                "under", "between", "behind", "toward", "towards", "after", "during", "alongside", "upon"}
FUNCTION_WORDS = {"a", "an", "the", "of", "to", "and", "its", "their", "his", "her"}
RENAME = {"REQUEST": "DEMAND"}
# synonym sets of the dictionary written out as word lists (kind column) for the sense rules
WORD_CLASSES = {"&MILITARY": "MILITARY", "&AIRCRAFT": "MILITARY", "&WEAPON": "WEAPON"}


@dataclass(frozen=True)
class Plover:
    """One crosswalk entry: the PLOVER type and mode a CAMEO code maps to."""
    type: str
    mode: str | None


@dataclass(frozen=True)
class TriggerRow:
    """One generated trigger row (the columns of rules/event_triggers.tsv plus provenance)."""
    word: str
    type: str  # PLOVER type, "-" for a "no event" sense
    mode: str | None
    flags: tuple[str, ...]
    cameo: str
    origin: str  # synset name and pattern text, for audit
    kind: str = "V"  # V, or a word-class list (MILITARY)

    def line(self) -> str:
        return "\t".join([self.word, self.kind, self.type, self.mode or "-", ",".join(self.flags) or "-",
                          self.cameo or "-", self.origin])


def read_crosswalk(path: Path) -> dict[str, Plover]:
    """{CAMEO code: Plover} from CAMEO2PLOVER-2021.txt (ACCUSE split into INVESTIGATE/DISAPPROVE)."""
    out = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?", line)
        if not m:
            continue
        code, etype, mode = m.group(1), m.group(2), (m.group(3) or "").strip() or None
        if etype == "ACCUSE":
            etype = "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
        out.setdefault(code, Plover(RENAME.get(etype, etype), mode))
    return out


# where the crosswalk table and the PLOVER manual's own text disagree, the manual's text wins
MANUAL = {"163": Plover("SANCTION", "discontinue")}  # §SANCTION: "International (political or economic) sanctions
#                                                     are coded as 'discontinue'" (the crosswalk says COERCE)


def plover_of(code: str, crosswalk: dict[str, Plover]) -> Plover | None:
    """PLOVER mapping of a CAMEO code: own entry, else its parent's; 01 none, 02 DEMAND (appeal)."""
    if not code or not code[:2].isdigit() or code.startswith("01"):
        return None
    if code in MANUAL:
        return MANUAL[code]
    if code.startswith("02"):
        return Plover("DEMAND", "appeal")
    for n in (len(code), 3, 2):
        if code[:n] in crosswalk:
            return crosswalk[code[:n]]
    return None


def read_classes(lines: list[str]) -> dict[str, list[str]]:
    """{'&WEAPON': ['gun', 'rifle', ...]}: head words (lower case) of each synonym set."""
    out: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.split()[0].upper()
            out[current] = []
        elif text.startswith("+") and current:
            out[current].append(_head(text[1:].split("{")[0].split("[")[0].strip()))
        elif not text:
            current = None if line.strip() == "" and current and out[current] else current
    return {k: [w for w in v if w] for k, v in out.items()}


def _head(phrase: str) -> str:
    """Head word of a dictionary phrase: 'BANK_ACCOUNT' / '{BANK ACCOUNT}' -> 'account'."""
    words = [w for w in re.split(r"[\s_{}]+", phrase.lower()) if w and w not in FUNCTION_WORDS]
    return words[-1] if words else ""


def _words_of(token: str, classes: dict[str, list[str]]) -> list[str]:
    if token.startswith("&"):
        return classes.get(token.upper().rstrip("_"), [])
    head = _head(token)
    return [head] if head and head.isalpha() or "-" in head else []


def _tokens(text: str) -> list[str]:
    """Split a pattern body, keeping {multi word} and (prep phrase) groups whole."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text)


@dataclass
class Pattern:
    particle: str | None
    objects: tuple[str, ...]
    preps: tuple[str, ...]
    pobjs: tuple[str, ...]
    code: str
    reverse: bool
    text: str
    sources: tuple[str, ...] = ()  # verb forms named in the pattern's comment (where it was found)
    subjects: tuple[str, ...] = ()  # words before the verb: the subject's lemma ("- &MILITARY * ...")


def parse_pattern(line: str, classes: dict[str, list[str]]) -> Pattern | None:
    """`- [SUBJECT] * OBJECT (PREP NOUN) [code] # VERB` -> Pattern; None when the words before the verb are
    no subject the table can condition on (adverbs, unreadable words)."""
    m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", line)
    if not m:
        return None
    body, code = m.group(1), m.group(2).strip()
    if "*" not in body:
        return None
    subjects = _subject_words(body.split("*", 1)[0], classes)
    if subjects is None:
        return None
    after = _tokens(body.split("*", 1)[1])
    reverse = False
    if ":" in code:
        first, second = code.split(":", 1)
        code, reverse = (first, False) if first else (second, True)
    particle, objects, preps, pobjs = None, [], [], []
    for i, tok in enumerate(after):
        if tok in ("+", "$", "^", "%") or tok.startswith("+") and len(tok) == 1:
            continue
        if tok.startswith("("):
            inner = _tokens(tok.strip("()"))
            if not inner:
                continue
            preps += [p.lower() for p in inner[0].split("/") if p.isalpha()]
            nouns = [t for t in inner[1:] if t not in ("+", "$", "^", "%")]
            if nouns:  # the head is the last noun word; an unreadable one drops the pattern
                head = _words_of(nouns[-1], classes)
                if not head:
                    return None
                pobjs += head
            continue
        low = tok.lower()
        if i == 0 and low in PARTICLES and (len(after) > 1 or low not in PREPOSITIONS):
            particle = low
            continue
        if low in PREPOSITIONS:
            preps.append(low)
            continue
        got = _words_of(tok, classes)
        if not got:
            return None  # a word the trigger table cannot condition on ("BITTERLY", "{VERBAL &FIGHT}")
        if not preps:  # the last object word before a preposition is the head
            objects = got
        else:
            pobjs = pobjs[:-1] + got if pobjs else got
    if not particle and not objects and not preps and not subjects:
        return None
    comment = line.split("#", 1)[1] if "#" in line else ""
    sources = tuple(w.lower() for w in re.findall(r"[A-Z][A-Z_]+", comment))
    return Pattern(particle, tuple(objects), tuple(preps), tuple(pobjs), code, reverse, " ".join(body.split()),
                   sources, tuple(subjects))


def _subject_words(before: str, classes: dict[str, list[str]]) -> list[str] | None:
    """The subject words of a pattern's words before `*` ([] when there are none); None when they are adverbs
    ("ABRUPTLY"), an adjective without noun ("ETHNIC"), a preposition phrase or unreadable."""
    toks = [t for t in _tokens(before) if t not in ("+", "$", "^", "%")]
    if not toks:
        return []
    last = toks[-1]
    if last.startswith("(") or last.upper().endswith(("LY", "IC", "AL")) and not last.startswith("&"):
        return None
    return _words_of(last, classes) or None


@dataclass
class Synset:
    name: str
    code: str
    verbs: list[tuple[str, str]]  # (lemma or "verb particle", own code or "")
    patterns: list[Pattern]
    forms: dict[str, str] = None  # any written form (lower case, "_" joined) -> its verb

    def patterns_of(self, verb: str) -> list[Pattern]:
        """The patterns found with this verb (their comment names one of its forms); a pattern
        whose comment names no verb of the synset applies to all of them."""
        out = []
        for pat in self.patterns:
            named = {self.forms.get(w) for w in pat.sources} - {None}
            if not named or verb in named:
                out.append(pat)
        return out


def read_synsets(lines: list[str], classes: dict[str, list[str]]) -> list[Synset]:
    out: list[Synset] = []
    for line in lines:
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if head:
            out.append(Synset(head.group(1), head.group(2).strip(), [], [], {}))
            continue
        if not out or not line.strip() or line.startswith("#"):
            continue
        if line.startswith("-"):
            pat = parse_pattern(line, classes)
            if pat is not None:
                out[-1].patterns.append(pat)
            continue
        text = line.split("#", 1)[0]
        m = re.match(r"^\s*(\+?[A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?", text)
        if not m:
            continue
        form = m.group(1).lstrip("+").rstrip("_").lower()
        words = [w for w in form.split("_") if w]
        if not words or len(words) > 2 or any(not w.isalpha() for w in words):
            continue  # three-word idioms and forms such as "attacked_and_stabbed" are not one verb lemma
        if len(words) == 2 and words[1] not in PARTICLES | PREPOSITIONS:
            continue
        own = (m.group(2) or "").strip()
        lemma = " ".join(words)
        out[-1].forms[form] = lemma
        for irregular in re.findall(r"\{([^}]*)\}", text)[:1]:
            for f in irregular.split():
                out[-1].forms[f.lstrip("+").rstrip("_").lower()] = lemma
        out[-1].verbs.append((" ".join(words), own.split(":")[0] if own and not own.startswith(":") else ""))
    return out


def _row(word: str, code: str, flags: list[str], origin: str, crosswalk: dict[str, Plover]) -> TriggerRow:
    plover = plover_of(code, crosswalk) if code and code != "---" else None
    if not any(f.startswith(("obj:", "pobj:", "subj:")) for f in flags):
        flags = flags + ["named"]  # a sense without object words: only with a named actor as target
    return TriggerRow(word, plover.type if plover else "-", plover.mode if plover else None,
                      tuple(flags + ["sport"]), code if plover else (code or "---"), origin)


def convert(dictionary: Path, crosswalk_path: Path) -> list[TriggerRow]:
    """The generated trigger rows, pattern senses of each verb before its default sense."""
    lines = dictionary.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, l in enumerate(lines) if "VERB PATTERNS" in l)
    end = next((i for i, l in enumerate(lines) if "TRANSFORMATIONS" in l), len(lines))
    classes = read_classes(lines[:start])
    crosswalk = read_crosswalk(crosswalk_path)
    rows: list[TriggerRow] = []
    seen: set[tuple] = set()
    for syn in read_synsets(lines[start:end], classes):
        for verb, own in syn.verbs:
            merged: dict[tuple, list[str]] = {}
            order: list[tuple] = []
            for pat in syn.patterns_of(verb):
                word = f"{verb} {pat.particle}" if pat.particle and " " not in verb else verb
                key = (word, pat.code, pat.reverse, pat.preps, pat.pobjs, bool(pat.objects), pat.subjects)
                if key not in merged:
                    merged[key] = []
                    order.append(key)
                merged[key] += [o for o in pat.objects if o not in merged[key]]
            # most specific first: object and preposition, then one of them; no-event senses first on ties
            order.sort(key=lambda k: (-(k[5] + bool(k[3]) + bool(k[4]) + bool(k[6])),
                                      plover_of(k[1], crosswalk) is not None))
            for key in order:
                word, code, reverse, preps, pobjs, has_obj, subjects = key
                flags = [f"subj:{'/'.join(subjects)}"] if subjects else []
                flags += [f"obj:{'/'.join(merged[key])}"] if has_obj else []
                flags += [f"prep:{'/'.join(preps)}"] if preps else []
                flags += [f"pobj:{'/'.join(pobjs)}"] if pobjs else []
                flags += ["reverse"] if reverse else []
                row = _row(word, code, flags, syn.name, crosswalk)
                ident = (row.word, row.flags, row.type)
                if ident not in seen:
                    seen.add(ident)
                    rows.append(row)
            default = (own or syn.code).split(":")[0]  # "[042:043]": the source's code
            if default and default != "---":
                row = _row(verb, default, [], syn.name, crosswalk)
                if row.type != "-" and (row.word, row.flags, row.type) not in seen:
                    seen.add((row.word, row.flags, row.type))
                    rows.append(row)
    first_code: dict[str, str] = {}  # "ASSAULT/beat" -> "182": the code a hand row of that type and mode stands for
    for code, plover in sorted(crosswalk.items()):
        if plover.mode:
            first_code.setdefault(f"{plover.type}/{plover.mode}", code)
    rows += [TriggerRow(key, "-", None, (), code, "CAMEO2PLOVER", "MODE") for key, code in first_code.items()]
    for name, kind in WORD_CLASSES.items():
        rows += [TriggerRow(w, "-", None, (), "-", name, kind) for w in classes.get(name, [])]
    return rows


HEADER = """# GENERATED by `python -m pipeline.nlp.events.cameo` from PETRARCH-2's CAMEO.2.0.txt (MIT, Open Event Data
# Alliance) and CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, openeventdata/PLOVER). Do not edit: hand rows go into
# rules/event_triggers.tsv, whose rows for a word replace all generated rows of that word.
# Columns as in rules/event_triggers.tsv (word, kind, type, mode, flags) plus: cameo = the CAMEO code (provenance,
# kept on each event row), origin = the CAMEO verb synset. Rows of one word are its senses, tried in order
# (patterns before the synset default); type "-" is a "no event" sense (a CAMEO pattern without PLOVER type).
# Flags: subj:/obj:/prep:/pobj: sense conditions (subject lemma, object lemma, preposition, object of that
# preposition), reverse =
# the target does it to the source ("faced criticism from X"), sport = not in a sport context, named = only with a
# named actor (entity, actor noun, person noun; not a pronoun or a thing) as target.
# Rows of kind MILITARY at the end: the dictionary's &MILITARY and &AIRCRAFT word classes (a FIGHT's source,
# pipeline.nlp.events.refine); rows of kind MODE: TYPE/mode -> the first CAMEO code of that PLOVER type and mode in the
# crosswalk (the code a hand row of that mode stands for); rows of kind AGENT: generic agent nouns of Phoenix.agents.txt (actors by their text).
"""


def read_agents(path: Path) -> list[TriggerRow]:
    """Generic agent nouns of Phoenix.agents.txt ('POLICE [~COP]', 'CATTLE!PERSON! [~AGR]') as AGENT rows:
    one-word entries, the !PERSON! macro spelt out (cattleman, cattlewomen, ...); multi-word entries
    are left to their head word's own entry."""
    out, seen = [], set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^([A-Z][A-Z'!-]*)\s*(?:\{\})?\s*\[~?([A-Z]*)", line)
        if not m or "_" in line.split("[")[0].strip().split()[0]:
            continue
        word, code = m.group(1), m.group(2)
        forms = [word.replace("!PERSON!", p) for p in ("MAN", "MEN", "WOMAN", "WOMEN", "PERSON")] \
            if "!PERSON!" in word else [word]
        for form in forms:
            low = form.lower()
            if "!" not in low and low.isalpha() and low not in seen:
                seen.add(low)
                out.append(TriggerRow(low, "-", None, (), "-", f"Phoenix.agents {code}", "AGENT"))
    return out


def write(rows: list[TriggerRow], path: Path = OUTPUT) -> None:
    path.write_text(HEADER + "\n".join(r.line() for r in rows) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src = Path(argv[0]) if argv else CORPUS
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    if not (src / "CAMEO.2.0.txt").exists():
        print(f"no CAMEO.2.0.txt in {src}", file=sys.stderr)
        return 1
    rows = convert(src / "CAMEO.2.0.txt", src / "CAMEO2PLOVER-2021.txt") + read_agents(src / "Phoenix.agents.txt")
    write(rows, out)
    events = [r for r in rows if r.type != "-"]
    verbs = {r.word for r in rows if r.kind == "V"}
    print(f"{len(rows)} rows ({len(events)} event senses, {len(verbs)} verbs, {len(rows) - len(events)} no-event senses"
          f" and word-list rows) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
