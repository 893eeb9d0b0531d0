"""Events: who did what to whom, where and when, typed with PLOVER.

The lexicon is data (`rules/event_triggers.tsv`, its header documents the columns): verb
and noun triggers with PLOVER type and mode, light verbs, planning, hypothetical and
reporting cues. For every trigger in a sentence:

- Verb trigger: source = subject (conjoined subjects each: "Kerry and Lavrov met" is a
  meeting of the two), target = object, or the object of with/to/against/on; passive:
  "by X" is the source and the subject the target. A trigger without its own subject
  takes the subject of the verb it depends on (xcomp/conj/advcl: "left to meet with
  Putin"), a relative clause the noun it modifies.
- Noun trigger ("talks", "airstrikes", "meeting", "phone call"): source = possessor
  ("Kerry's meeting"), a demonym/country modifier ("Russian airstrikes"), else the subject
  of the light verb governing it ("held talks with", "began airstrikes") or, when the noun
  names a target ("a meeting with de Mistura"), of the verb governing it; target = "with
  X", "between X and Y", "on/against X".
- An actor is the entity mention heading its noun phrase, else its appositive ("the
  Russian foreign minister, Sergey V. Lavrov"), else a name inside it, else a demonym
  modifier. "his Russian counterpart" resolves to the one person of the document holding
  a role for Russia; otherwise the text is kept without an entity.
- Senses (lexicon rows tried in order, conditions as data): "attacked X as/for/over" is
  DISAPPROVE, else ASSAULT; "withdraw" is RETREAT of troops/forces/from a place, REJECT of
  backing/support, nothing else; "sign" AGREE needs an agreement-like object; "release"
  CONCEDE a person. The verb classes cover the common news verbs of each PLOVER type the
  way PETRARCH/CAMEO verb dictionaries do ("inked deals with", "teamed up with", "looked
  into", "turned down", "recalled its ambassador", "opened fire on"); the partner of an
  object-conditioned sense may hang on its object ("signed a truce with X"). Triggers flagged `sport` give nothing in a sport context
  (`rules/event_context.tsv`); a trigger inside a name ("Economic Leaders' Meeting") none.
- Passive ASSAULT/COERCE/CRIME without "by" ("Kiyingi was arrested", "39 traffickers
  arrested"): the source is the actor of the cause noun ("killed in a militant attack",
  "in clashes with settlers") or unknown (None), except in accident/disaster context.
- Common-noun actors ("police", "the president", "human rights groups") and proper nouns no
  entity covers are kept by their text with no entity; human nouns ("people", "his wife")
  can be targets by their text.
- Status: denied (negation), hypothetical (modal, if/whether, try/threaten to), planned
  (future, to-infinitive under a planning verb, "planned round of negotiations"), else
  occurred. Reported speech keeps the inner event ("X said Russia attacked Y").
- Place: a GPE/LOC/FAC in "in/at X" attached to the trigger (or its light verb); "here"
  is the dateline city when the text starts with one ("MOSCOW — ").
- Date: the DATE expression attached to the trigger's clause (not any DATE of the
  sentence), resolved by `pipeline.nlp.dates` against the publication date with the tense
  of the trigger's clause; raw text kept; no anchor, no date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.nlp.dates import DateTracker, resolve_date, token_tense
from pipeline.records import Event, LocalEntity, Mention

TRIGGERS_PATH = Path(__file__).resolve().parent.parent / "rules" / "event_triggers.tsv"
CAMEO_TRIGGERS_PATH = Path(__file__).resolve().parent.parent / "rules" / "event_triggers_cameo.tsv"
CONTEXT_PATH = Path(__file__).resolve().parent.parent / "rules" / "event_context.tsv"
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
STRONG_LABELS = ("PERSON", "ORG")
PLACE_LABELS = ("GPE", "LOC", "FAC")
NEG = {"not", "n't", "never", "no"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}
MODALS = {"could", "might", "may", "would", "should", "can", "must"}
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([A-Za-z .]+\)\s*)?[—–-]{1,2}\s")


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
        return next((v for k, v in self.constraints if k == key), None)


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
    if CAMEO_TRIGGERS_PATH.exists():
        for row in _trigger_rows(CAMEO_TRIGGERS_PATH):
            t = _make_trigger(*row)
            generated.setdefault((t.kind, t.word), []).append(t)
    for word, kind, etype, mode, flags, cameo in _trigger_rows(TRIGGERS_PATH):
        if kind in cues:
            cues[kind].add(word)
            continue
        t = _make_trigger(word, kind, etype, mode, flags, cameo)
        if t.cameo is None:
            same = [g.cameo for g in generated.get((kind, word), []) if g.type == etype and g.cameo]
            t = Trigger(t.word, t.kind, t.type, t.mode, t.flags, t.constraints,
                        same[-1] if same else TYPE_CAMEO.get(etype))
        senses.setdefault((kind, word), []).append(t)
    for key, rows in generated.items():
        if key not in senses:
            senses[key] = rows
    for (kind, word), rows in senses.items():
        first = next((t for t in rows if t.type != "-"), None)
        if first is not None:
            (verbs if kind == "V" else nouns).setdefault(word, first)
        for t in rows:
            if "sym" in t.flags:
                sym.add(f"{t.type}/{t.mode}")
    return Lexicon(verbs, nouns, frozenset(cues["LIGHT"]), frozenset(cues["PLAN"]), frozenset(cues["HYPO"]),
                   frozenset(cues["REPORT"]), frozenset(cues["AGENT"]), frozenset(sym), senses,
                   frozenset(cues["PERSON"]), context_words(), frozenset(cues["RECEIVE"]),
                   context_words().get("NONACTOR", frozenset()))


def is_symmetric(event_type: str, mode: str | None) -> bool:
    """Whether the two actors of an event of this type/mode are interchangeable."""
    return f"{event_type}/{mode}" in lexicon().symmetric


def dateline_city(text: str) -> str | None:
    """'MOSCOW' of 'MOSCOW — Secretary of State ...' at the start of a text, title-cased."""
    m = DATELINE.match(text[:200])
    if not m:
        return None
    city = m.group(1).strip()
    if len(city.split()) > 4 or not city.replace(" ", "").replace(".", "").isalpha():
        return None
    return city.title()


# ------------------------------------------------------------------ actors


class _Mentions:
    """Mention lookup by token."""

    def __init__(self, mentions: list[Mention]):
        self.by_char = {}
        for m in mentions:
            for c in range(m.start, m.end):
                self.by_char.setdefault(c, m)

    def of(self, tok) -> Mention | None:
        return self.by_char.get(tok.idx)


def _np_tokens(head):
    """Tokens of the noun phrase of `head` without clauses and prepositional phrases
    other than "of" (names inside "the foreign minister of Iran" count, relative clauses not)."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "cc", "conj", "punct", "prep") and \
                    not (c.dep_ == "prep" and c.lower_ == "of" and t.i == head.i):
                continue
            stack.append(c)
    return out


def _actor_mention(head, ms: _Mentions, entities: dict[str, LocalEntity], roles_ctx) -> tuple[Mention | None, str]:
    """(mention, text) of the actor a noun phrase headed by `head` names."""
    m = ms.of(head)
    if m is not None and m.label in ACTOR_LABELS and not (m.label == "NORP" and head.dep_ == "amod"):
        return m, m.text
    appos = [c for c in head.children if c.dep_ == "appos"]
    for a in appos:
        am = ms.of(a)
        if am is not None and am.label in STRONG_LABELS:
            return am, am.text
    toks = sorted(_np_tokens(head), key=lambda t: t.i)
    found = [ms.of(t) for t in toks]
    strong = [x for x, t in zip(found, toks) if x is not None and x.label in STRONG_LABELS
              and t.dep_ in ("compound", "appos", "pobj", "nmod", "poss") and t.head.dep_ != "poss"]
    if strong:
        return strong[0], strong[0].text
    text = " ".join(t.text for t in toks) if len(toks) <= 8 else head.text
    resolved = roles_ctx(head, toks)
    if resolved is not None:
        return resolved, text
    if head.pos_ in ("PRON",):
        return None, text
    weak = [x for x in found if x is not None and x.label in ("GPE", "NORP", "ORG", "PERSON")]
    if weak:  # "the Russian foreign minister" -> Russia; "Syrian rebels" -> Syria
        return weak[0], text
    return None, text


def _is_nonactor(tok) -> bool:
    """A noun that never names an actor (an offence, a product, software, a document or measure:
    `NONACTOR` rows of rules/event_context.tsv), whatever label the tagger gives it."""
    na = lexicon().nonactors
    return tok.lower_ in na or tok.lemma_.lower() in na


SUBORDINATORS = {"after", "before", "since", "until", "as", "while", "when", "once"}


def _misparsed_subject(s, verb):
    """'Mr Blair's view after the top Catholic ... backed X': the parser made the clause's subject
    the object of a subordinating 'after' inside the previous noun phrase; the subject of the
    verb is that object when the phrase ends right before the verb (auxiliaries/adverbs aside)."""
    for prep in (c for c in s.children if c.dep_ == "prep" and c.lower_ in SUBORDINATORS):
        pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if pobj is None or pobj.i > verb.i:
            continue
        end = max(t.i for t in prep.subtree)
        between = [t for t in s.doc[end + 1:verb.i]]
        if all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in between):
            return pobj
    return None


def _expand_conj(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out += _expand_conj(c)
    return out


def _subject_of(verb):
    """Subject tokens of a verb (own, else inherited from the verb it depends on)."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj and v.i != verb.i and subj[0].lower_ in ("it", "there") and v.lemma_ == "be" and \
                v.dep_ in ("ccomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
            # "He pointed out that it was 30 years since ... and urged politicians": an expletive
            # subject of a copula is not the subject of a verb conjoined to it
            v = v.head
            continue
        if subj:
            s = subj[0]
            # an inherited subject is passive for this verb only when this verb is itself passive:
            # "Rice is set to ask the U.N." (active ask), "X was arrested and jailed" (passive jailed)
            passive = s.dep_ == "nsubjpass" if v.i == verb.i else (
                verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) or
                verb.dep_ == "conj" and verb.tag_ == "VBN" and s.dep_ == "nsubjpass")
            if v.i == verb.i and s.i < v.i:
                fixed = _misparsed_subject(s, v)
                if fixed is not None:
                    return _expand_conj(fixed), passive
            if s.lower_ in ("who", "which", "that") and v.dep_ == "relcl":  # "his wife, an advocate, who"
                return [v.head.head if v.head.dep_ == "appos" else v.head], passive
            if s.lower_ in ("it", "they", "he", "she") and v.dep_ == "ccomp" and v.head.pos_ == "VERB":
                # "Iran vowed it would defy": the pronoun of a reported clause is the speaker
                outer = [c for c in v.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                if outer and (s.lower_ in ("it", "they") or outer[0].ent_type_ == "PERSON"):
                    return _expand_conj(outer[0]), passive
            return _expand_conj(s), passive
        if v.dep_ == "relcl":
            return [v.head], False
        if v.i != verb.i and v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN") and \
                verb.dep_ == "pcomp":  # "the two youths charged with murdering Horton": the youths murdered
            return _expand_conj(v.head), False
        if v.dep_ == "prep" and v.pos_ == "ADP" and v.head.pos_ == "VERB" and v.i != verb.i and \
                verb.dep_ == "pcomp" and v.lower_ in ("with", "of", "for"):
            v = v.head  # "X was charged with / accused of / arrested for killing Y": X killed Y
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return _expand_conj(subj[0]), False
            continue
        if v.dep_ in ("xcomp", "conj", "advcl", "acl", "ccomp", "pcomp") and v.head.i != v.i:
            if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
                # "a super PAC supporting Rubio": the modified noun acts; "a petition calling on X":
                # a thing does not, the subject of the verb governing it does ("Sanders started a petition")
                h = v.head
                if not _is_nonactor(h) and (h.ent_type_ in ACTOR_LABELS or h.pos_ == "PROPN" or
                                            h.lower_ in lexicon().agents or h.lemma_.lower() in lexicon().agents):
                    return _expand_conj(h), False
                if h.dep_ == "dobj" and h.head.pos_ == "VERB":
                    v = h.head
                    continue
                return [], False
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                if v.head.dep_ == "dobj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
                        and v.head.head.pos_ == "VERB":  # "had a work stoppage to protest the cuts"
                    v = v.head.head
                    continue
                return [], False
            v = v.head
            continue
        break
    return [], False


def _governing_verb(tok, max_steps: int = 4):
    """The verb a noun depends on through dobj/pobj/prep/attr links (or None)."""
    t = tok
    for _ in range(max_steps):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.pos_ not in ("ADP", "NOUN", "PROPN"):
            return None
    return None


# ------------------------------------------------------------------ status, place, date


def _status(tok, lex: Lexicon, verb=None) -> str:
    """Modality of the event at `tok` (the trigger; `verb` its light/governing verb)."""
    chain = [tok] + ([verb] if verb is not None and verb.i != tok.i else [])
    for t in chain:
        kids = list(t.children)
        if any(c.dep_ == "neg" or c.lower_ in NEG and c.dep_ in ("neg", "det", "advmod") for c in kids):
            return "denied"
    for t in chain:
        kids = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass", "mark")}
        if kids & MODALS or kids & {"if", "whether", "unless"}:
            return "hypothetical"
        if kids & FUTURE_AUX:
            return "planned"
        if t.dep_ in ("xcomp", "ccomp", "acl", "advcl") and t.head.lemma_.lower() in lex.plan | {"go"}:
            head_status = _status(t.head, lex)
            return "denied" if head_status == "denied" else (
                "hypothetical" if head_status == "hypothetical" else "planned")
        if t.dep_ in ("xcomp",) and t.head.lemma_.lower() in lex.hypo:
            return "hypothetical"
        if any(c.dep_ == "amod" and c.lemma_.lower() in ("plan", "planned", "proposed", "upcoming", "future",
                                                          "possible", "potential", "expected", "eventual",
                                                          "scheduled")
               for c in t.children):
            return "planned" if not any(c.lower_ in ("possible", "potential", "eventual") for c in t.children) \
                else "hypothetical"
        if any(c.dep_ == "acl" and c.lemma_.lower() in ("schedule", "plan", "set", "due") for c in t.children):
            return "planned"
    if (verb is not None or tok.pos_ == "VERB") and token_tense(verb if verb is not None else tok) == "future":
        return "planned"
    return "occurred"


def _place(anchors, sent_ents_place, dateline: str | None) -> str | None:
    for a in anchors:
        if a is None:
            continue
        for prep in (c for c in a.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside", "near")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for e in sent_ents_place:
                    if e.start <= pobj.i < e.end:
                        return e.text
                for c in pobj.subtree:
                    for e in sent_ents_place:
                        if e.start <= c.i < e.end and c.head.lower_ in ("in", "of"):
                            return e.text
        if any(c.lower_ == "here" for c in a.children) and dateline:
            return dateline
    return None


def _clause_verb(tok):
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def _date_of(anchors, date_ents, trigger):
    """The DATE entity attached to the trigger (or its light verb): one whose syntactic
    head path reaches an anchor before any other verb."""
    best = None
    for e in date_ents:
        t = e.root
        for _ in range(6):
            if any(t.i == a.i for a in anchors if a is not None):
                dist = abs(e.start - trigger.i)
                if best is None or dist < best[0]:
                    best = (dist, e)
                break
            if t.head.i == t.i or (t.pos_ in ("VERB", "AUX") and t.i != e.root.i):
                break
            t = t.head
    if best is not None:
        return best[1]
    return None


# ------------------------------------------------------------------ extraction


def _role_resolver(doc, entities: list[LocalEntity], ms: _Mentions):
    """'his Russian counterpart' -> the one person entity with a role for Russia."""
    from pipeline.nlp.entities import country_of

    by_key = {e.key: e for e in entities}

    def resolve(head, toks):
        if head.lemma_.lower() not in ("counterpart", "minister", "president", "leader", "envoy", "premier",
                                       "chancellor", "ambassador", "secretary", "spokesman", "spokeswoman"):
            return None
        country = None
        for t in toks:
            c = country_of(t.text)
            if c:
                country = c[0] if isinstance(c, tuple) else c
                break
        if not country:
            return None
        cands = [e for e in entities if e.actor_type == "person" and any(
            aff and country.lower() in aff.lower() for _, aff in e.roles)]
        if head.lemma_.lower() != "counterpart":
            cands = [e for e in cands if any(head.lemma_.lower() in (r or "").lower() for r, _ in e.roles)]
        if len(cands) != 1:
            return None
        ent = cands[0]
        return Mention(start=head.idx, end=head.idx + len(head.text), text=ent.canonical_name, label="PERSON",
                       entity_key=ent.key)

    return resolve


TARGET_PREPS = {"with": None, "between": None, "among": None, "by": None,
                "to": {"CONSULT", "AID", "SUPPORT", "CONCEDE", "DEMAND", "REJECT"},
                "against": {"ASSAULT", "FIGHT", "PROTEST", "SANCTION", "THREATEN", "DISAPPROVE", "COERCE", "CRIME"},
                "on": {"ASSAULT", "SANCTION", "DEMAND"},
                "for": {"DEMAND", "SUPPORT"},
                "into": {"INVESTIGATE"}}  # "looked into X", "an inquiry into X"


def _targets_of(tok, lex: Lexicon, kind: str, etype: str | None = None, word: str | None = None):
    """Target heads of a trigger: objects and the objects of with/between (any type),
    to/against/on (types where they name a target: "visit to", "attack on"). Never a date or time
    ("called for a delay on Monday"), nor the object noun of a two-word verb entry (`word`: "took
    hostage"). A relative clause with its own subject and no object has the noun it modifies as
    object ("a woman he took hostage", "the man police arrested")."""
    out = []
    rest = word.split()[1:] if word and " " in word else []
    for c in tok.children:
        if kind == "V" and c.dep_ in ("dobj", "dative") and c.pos_ != "ADP":
            if c.lower_ in rest or c.ent_type_ in ("DATE", "TIME"):
                continue
            out.append(c)
        elif c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS and (
                TARGET_PREPS[c.lower_] is None or etype is None or etype in TARGET_PREPS[c.lower_]):
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                    out.append((c.lower_, p))
    if kind == "V" and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and \
            not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in rest for c in tok.children) and \
            any(c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in tok.children):
        out.append(tok.head)
    return out


def _is_agent(tok, lex: Lexicon) -> bool:
    """A generic actor noun ("police", "the president", "Human rights groups")."""
    return tok.lower_ in lex.agents or tok.lemma_.lower() in lex.agents


def _is_person_noun(tok, lex: Lexicon) -> bool:
    """A human noun ("people", "his wife", "the 10-year-old"; "his wife, an advocate, who"): a
    possible victim or detainee."""
    for t in (tok, tok.head) if tok.dep_ == "appos" else (tok,):
        if _is_agent(t, lex) or t.lower_ in lex.persons or t.lemma_.lower() in lex.persons:
            return True
    return bool(re.search(r"\byear\s*-\s*old\b", " ".join(t.text for t in tok.subtree)))


def _context(sent, lex: Lexicon) -> set[str]:
    """Domain context of a sentence from the context words: 'sport' (one strong word such as
    'wicket', 'NBA', 'seeded', or two weaker ones such as 'match' and 'round') and 'accident'."""
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    ctx = lex.context or {}
    out = set()
    if words & ctx.get("SPORT", frozenset()) or len(words & ctx.get("SPORT2", frozenset())) >= 2:
        out.add("sport")
    if words & ctx.get("ACCIDENT", frozenset()):
        out.add("accident")
    return out


def _objects(tok, passive_subj):
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")] or list(passive_subj or [])
    if not objs and tok.pos_ == "VERB":  # "would meet or even surpass all of its targets": shared object
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                objs = [o for o in c.children if o.dep_ == "dobj"]
                objs = [p for o in objs for q in o.children if o.lower_ in ("all", "some", "most", "any", "each")
                        and q.dep_ == "prep" and q.lower_ == "of" for p in q.children if p.dep_ == "pobj"] or objs
                break
    return objs


def _sense_ok(trig: Trigger, tok, kind: str, objs, ctx: set[str]) -> bool:
    """The conditions a sense puts on its context (lexicon flags): not in sport context
    ('sport'), direct object lemma in / not in a list ('obj:', 'notobj:'; 'from' in the obj
    list accepts an intransitive 'withdrew from X', 'PERSON' a person/agent object),
    a preposition among its dependents ('prep:'), a to-infinitive complement ('xcomp'), no complement
    verb of a list ('notxcomp:': "refused to say")."""
    if "sport" in trig.flags and "sport" in ctx:
        return False
    lemmas = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
    need = trig.need("obj")
    if need is not None:
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        ok = bool(lemmas & need) or ("from" in need and "from" in preps and not objs) or (
            "PERSON" in need and any(o.ent_type_ in ("PERSON", "NORP") or o.pos_ == "PROPN" and not o.ent_type_
                                    for o in objs))  # not a product: "released Windows", "Snow Leopard"
        if not ok:
            return False
    bad = trig.need("notobj")
    if bad is not None and lemmas & bad:
        return False
    bad = trig.need("notxcomp")  # "refused to say": a clausal complement that makes it no event
    if bad is not None and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in bad for c in tok.children):
        return False
    pobj = trig.need("pobj")  # "warned of consequences": the object of one of the sense's prepositions
    if pobj is not None and not any(
            p.lemma_.lower() in pobj or p.lower_ in pobj for c in tok.children if c.dep_ in ("prep", "agent")
            and c.lower_ in (trig.need("prep") or {c.lower_}) for p in c.children if p.dep_ in ("pobj", "pcomp")):
        return False
    prep = trig.need("prep")
    # the preposition may hang on the (last conjoined) object: "attacked voters, lawmakers and thinkers for"
    heads = [tok] + [x for o in objs for x in _expand_conj(o)] + [  # or on a prepositional object ("clashed
        p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]  # with X over Y")
    # "called for X to resign": "for" marks the infinitive clause
    marks = [m for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp") for m in c.children if m.dep_ == "mark"]
    if prep is not None and not any(c.dep_ in ("prep", "agent") and c.lower_ in prep for h in heads
                                    for c in h.children) and not any(m.lower_ in prep for m in marks):
        return False
    if "xcomp" in trig.flags and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False
    return True


def _noun_sources(noun, ms: _Mentions, lex: Lexicon) -> list:
    """Source heads a noun trigger names itself: possessor, 'by X', a demonym/organisation/person
    modifier ('Russian airstrikes') or an actor-noun modifier ('militant attack', 'police raid')."""
    poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if poss:
        return poss[:1]
    by = [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
          for p in c.children if p.dep_ == "pobj"]
    if by:
        return _expand_conj(by[0])
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and not _is_nonactor(c)
            and (((m := ms.of(c)) is not None and m.label in ("NORP", "ORG", "PERSON")) or _is_agent(c, lex))]
    return mods[:1]


def _proper_name(head, ms: _Mentions) -> str | None:
    """'Lord Falconer' of 'then Home Office Minister Lord Falconer' when no entity covers the
    proper-noun head: the proper nouns ending at the head outside other mentions."""
    if head.pos_ != "PROPN" or ms.of(head) is not None or not head.text[:1].isupper() or \
            head.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP"):
        return None
    toks = [head]
    for c in sorted((c for c in head.children if c.dep_ == "compound" and c.i < head.i), key=lambda t: -t.i):
        if c.pos_ != "PROPN" or ms.of(c) is not None or c.i != toks[0].i - 1:
            break
        toks.insert(0, c)
    return " ".join(t.text for t in toks)


def _is_headline(sent) -> bool:
    """A title-case or upper-case headline ("GOP Candidates Resoundingly Reject The Idea"), which the
    tagger reads as a string of proper nouns."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _sentences(doc, mentions: list[Mention]):
    """The sentences of the document; a headline is parsed again with its function words and
    trigger words lower-cased (upper-case words title-cased; same length, so character offsets
    and mentions still hold) so that its verbs are verbs."""
    for sent in doc.sents:
        if not _is_headline(sent):
            yield sent, mentions
            continue
        lex = lexicon()
        words = {w for w in list(lex.verbs) + list(lex.nouns) if " " not in w and len(w) >= 4}
        chars, lowered = list(doc.text), []
        for t in sent:
            low = t.text.lower()
            trig = any(low.startswith(w[:-1] if w.endswith("e") else w) for w in words)
            if t.i > sent.start and (t.is_stop or trig or low.endswith("ly")):
                chars[t.idx:t.idx + len(t.text)] = low
                lowered.append(t.idx)
            elif t.text.isupper() and len(t.text) > 4:  # "ELEVEN POLICE KILLED": "Eleven Police killed"
                chars[t.idx:t.idx + len(t.text)] = t.text.title() if not trig else low
        # only the headline is parsed again: the rest of the text is blanked out (same length, so
        # offsets hold, and the model does not parse the whole document a second time)
        text = "".join(chars)
        padded = " " * sent.start_char + text[sent.start_char:sent.end_char] + " " * (len(text) - sent.end_char)
        from pipeline.nlp import load_model  # cached; imported here: pipeline.nlp imports this module

        redone = load_model()(padded)
        toks = [t for t in redone if not t.is_space and sent.start_char <= t.idx < sent.end_char]
        # a mention running over a lower-cased word ("Obama Meets Putin") names nobody
        keep = [m for m in mentions if not any(m.start <= i < m.end for i in lowered)]
        yield (redone[toks[0].i:toks[-1].i + 1], keep) if toks else (sent, mentions)


# personal pronouns that can stand for an actor -> the kind of antecedent they take ("i"/"we"/"you": none)
PRONOUNS = {"he": "he", "she": "he", "him": "he", "his": "he", "her": "he", "hers": "he",
            "it": "it", "its": "it", "they": "they", "them": "they", "their": "they",
            "i": "i", "we": "we", "us": "we", "our": "we", "my": "i", "me": "i"}


def _antecedents(doc, ms: _Mentions) -> list[tuple[int, Mention]]:
    """(token index, mention) of every subject of the document naming a person, organization or
    country, in text order: the antecedents a pronoun source can take."""
    out = []
    for t in doc:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN"):
            m = ms.of(t)
            if m is not None and m.label in ("PERSON", "ORG", "GPE", "NORP"):
                out.append((t.i, m))
    return out


def extract_events(doc, entities: list[LocalEntity], mentions: list[Mention], published_at: str | None) -> list[Event]:
    lex = lexicon()
    ms = ms_doc = _Mentions(mentions)
    ent_by_key = {e.key: e for e in entities}
    resolve_role = _role_resolver(doc, entities, ms)
    dateline = dateline_city(doc.text)
    name_spans = [(e.start_char, e.end_char) for e in doc.ents
                  if e.label_ in ("ORG", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PRODUCT")] + \
                 [(m.start, m.end) for m in mentions if m.label in ("ORG", "FAC")]
    events: list[Event] = []
    dates = document_dates(doc, published_at)
    subjects = _antecedents(doc, ms)

    def resolve_pronoun(tok):
        """(mention, name) of the nearest previous subject compatible with a pronoun, or None."""
        kind = PRONOUNS.get(tok.lower_)
        if kind is None:
            return None
        labels = {"he": ("PERSON",), "it": ("ORG", "GPE"), "they": ("ORG", "GPE", "NORP")}.get(kind, ())
        first = tok.sent.start if kind != "he" else tok.i  # "it"/"they": an antecedent of an earlier sentence
        for i, m in reversed(subjects):
            if i < first and m.label in labels:
                return m, m.text
        if kind == "he" and tok.dep_ != "nsubj":  # "Warren Jeffs ... since his arrest": no subject before
            for t in reversed(tok.sent[: tok.i - tok.sent.start]):
                m = ms.of(t)
                if m is not None and m.label == "PERSON":
                    return m, m.text
        return None

    def actor(head, allow_text: bool):
        """(mention, text) of an actor head; None when it names no actor. A personal pronoun is
        resolved to the nearest previous compatible subject of the document ("he" a person,
        "it" an organization or country), else kept by its text without entity ("He", "they")."""
        if _is_nonactor(head):  # "a previous DUI arrest", "deploy this update"
            return None
        if head.pos_ == "PRON" or head.lower_ in PRONOUNS:
            got = resolve_pronoun(head)
            if got is not None:
                return got
            return (None, head.text) if head.lower_ in PRONOUNS and PRONOUNS[head.lower_] != "it" else None
        name = _proper_name(head, ms)
        if name is not None:
            return None, name
        m, txt = _actor_mention(head, ms, ent_by_key, resolve_role)
        if m is not None:
            return m, txt
        if _is_agent(head, lex) or (allow_text and _is_person_noun(head, lex)):
            return None, txt
        return None

    for sent, sent_mentions in _sentences(doc, mentions):
        ms = _Mentions(sent_mentions) if sent_mentions is not mentions else ms_doc
        date_ents = [e for e in sent.ents if e.label_ == "DATE"]
        place_ents = [e for e in sent.ents if e.label_ in PLACE_LABELS]
        ctx = _context(sent, lex)
        seen: set[tuple] = set()
        consumed: set[int] = set()  # noun triggers already read as the cause of a passive verb
        order = sorted(sent, key=lambda t: (t.pos_ != "VERB", t.i))
        for tok in order:
            if tok.i in consumed:
                continue
            lemma = tok.lemma_.lower()
            cands, kind, verb = [], None, None
            prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None) if tok.pos_ == "VERB" else None
            if prt is None and tok.pos_ == "VERB":  # "took hostage": an object noun completing the verb entry
                prt = next((c.lower_ for c in tok.children if c.dep_ in ("dobj", "oprd") and not
                            any(d.dep_ == "det" for d in c.children) and ("V", f"{lemma} {c.lower_}") in lex.senses),
                           None)
            if tok.pos_ == "VERB" and (lemma in lex.verbs or prt and ("V", f"{lemma} {prt}") in lex.senses):
                if lemma in lex.verbs and " " in lex.verbs[lemma].word:
                    continue
                kind, verb = "V", tok
                if prt and ("V", f"{lemma} {prt}") in lex.senses:
                    cands = lex.senses[("V", f"{lemma} {prt}")]
                else:
                    cands = lex.senses[("V", lemma)]
                    if lemma == "call" and any(c.dep_ in ("oprd", "xcomp", "ccomp") or
                                               (c.dep_ == "prep" and c.lower_ in ("for", "on")) or c.dep_ == "prt"
                                               for c in tok.children):  # "called for/on", "called him a liar"
                        cands = [t for t in cands if t.type != "CONSULT"]
            elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
                if any(a <= tok.idx < b for a, b in name_spans):
                    continue  # part of a name: "the Economic Leaders' Meeting of APEC"
                mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")]
                key = next((f"{m} {tok.lower_}" for m in mods if f"{m} {tok.lower_}" in lex.nouns), None) or \
                    next((f"{m} {lemma}" for m in mods if f"{m} {lemma}" in lex.nouns), None)
                if key is None and (tok.lower_ in lex.nouns or lemma in lex.nouns):
                    key = tok.lower_ if tok.lower_ in lex.nouns else lemma
                if key is None:
                    continue
                cands, kind = lex.senses[("N", key)], "N"
                verb = _governing_verb(tok)
                if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lex.verbs and \
                        verb.lemma_.lower() not in lex.light | lex.receive and \
                        tok.dep_ == "dobj" and tok.head.i == verb.i:
                    continue  # "convene talks", "sign an agreement": the verb is the event
            else:
                continue
            for trig in cands:
                if trig.type == "-":  # a "no event" sense ("foiled a plot", "warned of risks") ends the search
                    if kind == "V" and _sense_ok(trig, tok, kind, _objects(tok, None), ctx):
                        break
                    continue
                got = _one_trigger(tok, trig, kind, verb, sent, lex, ms, ctx, actor, consumed)
                if got is None:
                    continue
                pairs, anchors_extra = got
                if "reverse" in trig.flags:  # "faced criticism from X": the target did it to the source
                    pairs = [(b, a) for a, b in pairs if b[0] is not None]
                    if not pairs:
                        continue
                _emit(events, seen, pairs, tok, trig, kind, verb, sent, lex, date_ents, place_ents, dateline,
                      published_at, dates, anchors_extra)
                break
    for e in events:  # sentence and trigger as the version text has them (a headline was parsed re-cased)
        e.sentence = doc.text[e.start_char:e.end_char]
        if e.trigger_start is not None:
            e.trigger = doc.text[e.trigger_start:e.trigger_end]
    return _inherit_dates(_drop_partial(events))


def _drop_partial(events: list[Event]) -> list[Event]:
    """One event told twice in a sentence ("had a work stoppage to protest the cuts"): an event
    without target is dropped when the sentence has one of the same type and source with a target."""
    full = {(e.start_char, e.event_type, e.actor1_key or e.actor1_text) for e in events
            if e.actor2_key or e.actor2_text}
    return [e for e in events if e.actor2_key or e.actor2_text or
            (e.start_char, e.event_type, e.actor1_key or e.actor1_text) not in full]


ANON_TYPES = {"ASSAULT", "COERCE", "CRIME"}
LIGHT_PREPS = {"in", "into", "to", "at", "under", "of", "on"}
PASSIVE_ANON_TYPES = ANON_TYPES | {"DISAPPROVE", "INVESTIGATE", "SUPPORT", "DEMAND", "SANCTION", "REJECT",
                                  "THREATEN", "AID", "CONCEDE"}
OF_TYPES = {"DISAPPROVE", "INVESTIGATE", "COERCE", "CONCEDE", "SUPPORT", "ASSAULT", "SANCTION", "CRIME"}
ANON_NOUN_TYPES = OF_TYPES


def _one_trigger(tok, trig: Trigger, kind: str, verb, sent, lex: Lexicon, ms: _Mentions, ctx: set[str], actor,
                 consumed: set[int]):
    """Actor pairs of one sense of a trigger, or None when the sense does not apply."""
    sources, targets, passive = [], [], False
    anon_ok = False  # an event whose source is unknown ("Kiyingi was arrested")
    pre_pairs = None
    extra = []
    tgt_heads = _targets_of(tok, lex, kind, trig.type, trig.word)
    if kind == "V" and trig.need("obj") and not any(isinstance(t, tuple) for t in tgt_heads):
        # "signed a contract with X", "inked deals with X": the partner hangs on the sense's object noun
        tgt_heads += [(c.lower_, p) for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in trig.need("obj")
                      for c in o.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                      for p in c.children if p.dep_ == "pobj"]
    if kind == "V":
        sources, passive = _subject_of(tok)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
            sources, passive = [tok.head], True  # "39 drug traffickers arrested", "civilians killed by"
        if not _sense_ok(trig, tok, kind, _objects(tok, sources if passive else None), ctx):
            return None
        agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        agent = [x for a in agent[:1] for x in _expand_conj(a)]
        if passive:
            targets = sources
            sources = agent
            # "by X" is the source; the preposition a sense requires marks the theme ("charged with murder")
            # "on X" of a passive verb is where it happened ("killed by police on a darkened street")
            tgt_heads = [t for t in tgt_heads if not isinstance(t, tuple) or t[0] not in ("by", "on") and
                         t[0] not in (trig.need("prep") or ())]
            if not agent and trig.type in ANON_TYPES:
                # "were killed in a militant attack / in clashes with settlers": the cause names the source
                # (also on a coordinated participle: "were killed and nine others injured in an attack")
                near = list(tok.children) + [c for d in tok.children if d.dep_ == "conj"
                                             for c in [d, *d.children] if c.dep_ == "acl" and c.tag_ == "VBN"
                                             for c in c.children]
                for c in near:
                    if c.dep_ == "prep" and c.lower_ in ("in", "during"):
                        for p in (x for x in c.children if x.dep_ == "pobj"):
                            ns = lex.nouns.get(p.lemma_.lower()) or lex.nouns.get(p.lower_)
                            if ns is not None and ns.type in ("ASSAULT", "FIGHT"):
                                sources = _noun_sources(p, ms, lex) or [
                                    w for pr in p.children if pr.dep_ == "prep" and pr.lower_ == "with"
                                    for w in pr.children if w.dep_ == "pobj"][:1]
                                if ns.type == trig.type:
                                    consumed.add(p.i)
                                anon_ok = True
                anon_ok = anon_ok or "accident" not in ctx
            elif not agent and trig.type in PASSIVE_ANON_TYPES:  # "the church was criticised for ...":
                anon_ok = True  # an event with an unknown source (not "X was called", "X was met")
            if "target" in trig.flags and not targets:
                return None
        targets = targets + [t if not isinstance(t, tuple) else t[1] for t in tgt_heads
                             if not isinstance(t, tuple) or t[0] != "by"]
        theme = trig.need("obj")
        if theme is not None and "PERSON" not in theme:  # "withdrew its backing to X": the object is no actor
            themes = [t for t in targets if t.lemma_.lower() in theme or t.lower_ in theme]
            targets = [t for t in targets if t not in themes] + [  # "overturned a lower court ruling": its author
                c for t in themes for c in t.children if c.dep_ in ("poss", "compound", "nmod") and c.pos_ != "PRON"
                and (ms.of(c) is not None and ms.of(c).label in ACTOR_LABELS or _is_agent(c, lex))]
        if "ccomp" in trig.flags:  # "allege that the men killed ...": the accused is the inner subject
            for c in tok.children:
                if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                  for m in c.children):
                    inner, inner_passive = _subject_of(c)
                    if inner and not inner_passive:
                        targets = targets + inner[:1]
        # a thing as object ("withdrew its backing to X"): the actor is in its to/for/of phrase
        if targets and all(actor(t, False) is None for t in targets):
            inner = [p for t in targets for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "of")
                     for p in c.children if p.dep_ == "pobj"]
            targets = targets + inner
    else:
        if not _sense_ok(trig, tok, kind, [], ctx):
            return None
        poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        pron_poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in PRONOUNS]
        own = _noun_sources(tok, ms, lex)
        # "the arrest of the pirates", "criticism of Putin": the "of" phrase is the target
        ofs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and trig.type in OF_TYPES
               for p in c.children if p.dep_ == "pobj"]
        if "posstarget" in trig.flags and (poss or pron_poss):  # "his arrest", "Nega's release": the
            ofs, poss, pron_poss = (poss or pron_poss)[:1], [], []  # possessor undergoes it
            own = [o for o in own if o.dep_ != "poss"]
        between = [t[1] for t in tgt_heads if isinstance(t, tuple) and (
            t[0] == "between" or t[0] == "among" and "sym" in trig.flags)]
        among = [t[1] for t in tgt_heads if isinstance(t, tuple) and t[0] == "among" and "sym" not in trig.flags]
        withs = [t[1] for t in tgt_heads if isinstance(t, tuple) and t[0] in ("with", "against", "on", "to", "for")]
        vlemma = verb.lemma_.lower() if verb is not None else ""
        near_verb = verb is not None and (tok.head.i == verb.i or tok.head.head.i == verb.i)
        # "from/by X" on the verb or inside the trigger's phrase ("loans worth $17bn from the government")
        from_ = [p for h in ((tok, verb) if verb is not None else (tok,)) for c in h.children
                 if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") for p in c.children if p.dep_ == "pobj"]
        from_ += [p for c in tok.subtree if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.head.i != tok.i
                  and c.head.pos_ not in ("VERB", "AUX") for p in c.children if p.dep_ == "pobj"]
        passive_light = near_verb and vlemma in lex.light and any(c.dep_ == "nsubjpass" for c in verb.children)
        if among and not poss and verb is not None:
            # "Clinton locked in support among Hispanics": those among whom it is are the source,
            # the subject of the verb holding it the target
            sources = _expand_conj(among[0])
            targets = _subject_of(verb)[0]
        elif not poss and near_verb and (vlemma in lex.receive or passive_light) and "sym" not in trig.flags:
            # "won the backing of X", "received aid from X", "were given loans from the government":
            # the subject receives, "from/of/by X" gives
            sources = from_[:1] + ([] if from_ else ofs[:1])
            sources = [x for t in sources for x in _expand_conj(t)]
            targets = _subject_of(verb)[0]
            anon_ok = trig.type in ("AID", "SUPPORT") and bool(targets)
        elif between:
            both = _expand_conj(between[0])
            if len(both) == 1:  # "between Chinese and African leaders"
                mods = [c for c in both[0].children if c.dep_ in ("amod", "compound") and ms.of(c) is not None]
                mods = [x for m in mods[:1] for x in _expand_conj(m) if ms.of(x) is not None] if mods else []
                mods += [c for m in mods[:1] for c in m.children if c.dep_ == "conj" and ms.of(c) is not None
                         and c not in mods]
                if len(mods) >= 2:
                    pre_pairs = [((ms.of(mods[0]), f"{mods[0].text} {both[0].text}"),
                                  (ms.of(mods[1]), f"{mods[1].text} {both[0].text}"))]
            sources, targets = both[:1], both[1:2]
        elif poss or own:
            sources = (poss or own)[:1] if poss else own
            targets = withs + ofs
        else:
            light = verb is not None and verb.lemma_.lower() in lex.light and (
                tok.head.i == verb.i or tok.head.head.i == verb.i and (
                    tok.head.pos_ != "ADP" or tok.head.lower_ in LIGHT_PREPS))
            if verb is not None and (light or withs):
                sources, _ = _subject_of(verb)
                if not sources and verb.dep_ == "acl":  # "the Council's decision to impose sanctions"
                    sources = [c for c in verb.head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            targets = withs + ofs
            if light:  # "gave Johnson first aid"
                targets += [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            if not sources and pron_poss:  # "his criticism of the plan" (after "held their meetings")
                sources = pron_poss[:1]
            elif not sources and (withs or ofs) and trig.type in ANON_NOUN_TYPES:
                anon_ok = True  # "the attacks on the World Trade Center", "the arrest of 23 pirates"
                targets = [t for t in targets if ms.of(t) is not None and ms.of(t).label in ACTOR_LABELS
                           or _is_person_noun(t, lex) or t.lower_ in PRONOUNS]
            elif not light and not withs:
                return None
        if verb is not None:
            targets = targets or [t[1] for t in _targets_of(verb, lex, "N", trig.type)
                                  if isinstance(t, tuple) and t[0] in ("with", "to", "against")]
    if pre_pairs is not None:
        return pre_pairs, extra
    if not sources and not anon_ok:
        return None
    nested = [t for t in targets if t.lemma_.lower() in lex.nouns or t.lower_ in lex.nouns]
    for t in nested:
        targets.remove(t)
        targets += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "of")
                    for p in c.children if p.dep_ == "pobj"]
    # protesters are often plain people by their text ("Nurses held a walkout to protest")
    # and perpetrators by a human noun ("the three teenagers charged with murdering X")
    src = [x for x in (actor(s, trig.type in ("PROTEST", "ASSAULT", "CRIME")) for s in sources) if x is not None]
    if not src:
        has_agent = any(c.dep_ == "agent" for c in tok.children)
        if not (anon_ok and (passive or kind == "N") and not has_agent):
            return None
        src = [(None, None)]
    anon = src == [(None, None)]
    tgt, tgt_ok, named = [], [], []  # named: an entity or an actor noun, not a bare proper noun
    for t in targets:
        for tt in _expand_conj(t):
            got = actor(tt, True)  # a human noun can be a target by its text ("released two hostages")
            if got is None:
                inner = [p for c in tt.subtree if c.dep_ == "prep" and c.lower_ == "with"
                         for p in c.children if p.dep_ == "pobj"]
                if inner:
                    got = actor(inner[0], False)
            if got is not None:
                tgt_ok.append(got)
                if got[0] is not None or _is_agent(tt, lex) or _is_person_noun(tt, lex):
                    named.append(got)
            else:
                m, txt = _actor_mention(tt, ms, {}, lambda h, t: None)
                tgt.append((None, txt))
    pron = any(s.pos_ == "PRON" for s in sources)  # a pronoun source (resolved or not) needs a target,
    if pron and not tgt_ok:  # unresolved a named one
        return None
    weak = pron and any(m is None for m, _ in src) or all(m is None and (t is None or t.lower() in PRONOUNS) for m, t in src)
    if (anon or weak) and not any(m is not None or (t or "").lower() not in PRONOUNS for m, t in named):
        return None  # no named actor on either side: "He will meet him", "they were criticised"
    if "target" in trig.flags and not tgt_ok:
        return None
    if "intrans" in trig.flags and any(c.dep_ == "dobj" for c in tok.children):
        return None
    if "person" in trig.flags and tgt_ok and not any(
            m is None or m.label in STRONG_LABELS + ("NORP",) or (m.label in ("GPE",) and trig.type in ("SUPPORT",))
            for m, _ in tgt_ok):
        return None
    if "person" in trig.flags and not tgt_ok:
        return None
    if not tgt_ok and not tgt and len(src) > 1 and "sym" in trig.flags:
        return [(src[0], src[1])], extra
    tgt_list = tgt_ok or [(None, tgt[0][1] if tgt else None)]
    return [(s, t) for s in src for t in tgt_list[:2]], extra


def document_dates(doc, published_at) -> dict[int, tuple[str, tuple[str | None, str | None]]]:
    """{start token of a DATE entity: (tense used, (date, granularity))} for every date
    expression of the document, resolved in text order by one `DateTracker`, so that
    "that day", "the following week" or "two days later" take the narrative's reference
    time (the last date the text established), not the publication date."""
    tracker = DateTracker(published_at)
    out = {}
    for ent in doc.ents:
        if ent.label_ == "DATE":
            tense = token_tense(ent.root) or "none"
            out[ent.start] = (tense, tracker.resolve(ent.text, tense=tense, context=ent.sent.text))
    return out


def _emit(events, seen, pairs, tok, trig, kind, verb, sent, lex, date_ents, place_ents, dateline, published_at,
          dates, extra):
    anchors = [tok] + ([verb] if verb is not None and verb.i != tok.i else [])
    # adjuncts shared by conjoined verbs: "met X and left to meet Y on Tuesday"
    for a in anchors:  # grows while iterating: conj/xcomp chains
        if len(anchors) > 8:
            break
        if a.pos_ == "VERB":
            anchors += [c for c in a.children if c.dep_ in ("conj", "xcomp") and c.pos_ == "VERB"]
            if a.dep_ in ("conj", "xcomp") and a.head.pos_ == "VERB" and all(a.head.i != b.i for b in anchors):
                anchors.append(a.head)
            anchors[:] = list({b.i: b for b in anchors}.values())
    light_verb = verb if kind == "N" and verb is not None and verb.lemma_.lower() in lex.light | lex.plan else None
    status = _status(tok, lex, light_verb)
    place = _place(anchors, place_ents, dateline)
    d = _date_of(anchors, date_ents, tok)
    date_text = d.text if d is not None else None
    tense = "future" if status == "planned" else (
        token_tense(tok) if kind == "V" else (token_tense(light_verb) if light_verb is not None else None))
    event_date = granularity = None
    if d is not None:
        date_tense, (event_date, granularity) = dates.get(d.start, (None, (None, None)))
        if (tense or "none") != date_tense:  # the event's own tense decides ("is planning to convene … on Friday")
            event_date, granularity = resolve_date(date_text, published_at, tense=tense or "none")
    for (m1, t1), (m2, t2) in pairs:
        if m1 is not None and m2 is not None and m1.entity_key == m2.entity_key:
            continue
        key = (trig.type, m1.entity_key if m1 else t1, m2.entity_key if m2 else t2, tok.i)
        if key in seen:
            continue
        seen.add(key)
        events.append(Event(
            event_type=trig.type, mode=trig.mode, status=status,
            actor1_key=m1.entity_key if m1 else None, actor2_key=m2.entity_key if m2 else None,
            actor1_text=t1 if t1 else (m1.text if m1 else None), actor2_text=(t2 or (m2.text if m2 else None)),
            place=place, event_date=event_date, date_granularity=granularity, date_text=date_text,
            sentence=sent.text, start_char=sent.start_char, end_char=sent.end_char,
            trigger=tok.text, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text), cameo_code=trig.cameo,
        ))


def _inherit_dates(events: list[Event]) -> list[Event]:
    """Narrative time: an undated event that occurred, with the same source actor and place
    as a dated event of the same document ("Kerry pressed ahead on Tuesday with talks in
    Moscow ... In Moscow, Mr. Kerry met first with Lavrov"), takes that date (and its date
    text). Only when the dated events of that actor and place agree on one date."""
    dated: dict[tuple, set] = {}
    for e in events:
        if e.event_date and e.place and e.status == "occurred":
            dated.setdefault((e.actor1_key, e.place), set()).add((e.event_date, e.date_granularity, e.date_text))
    for e in events:
        if e.event_date is None and e.date_text is None and e.place and e.status == "occurred":
            got = dated.get((e.actor1_key, e.place), set())
            if len({(d, g) for d, g, _ in got}) == 1:
                e.event_date, e.date_granularity, e.date_text = sorted(got)[0]
    return events
