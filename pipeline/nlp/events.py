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

from pipeline.nlp.dates import resolve_date, token_tense
from pipeline.records import Event, LocalEntity, Mention

TRIGGERS_PATH = Path(__file__).resolve().parent.parent / "rules" / "event_triggers.tsv"
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


@dataclass
class Lexicon:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]  # head lemma (or "modifier head") -> trigger
    light: frozenset[str]
    plan: frozenset[str]
    hypo: frozenset[str]
    report: frozenset[str]
    agents: frozenset[str]  # generic actor nouns kept by their text: "police", "rebels"
    symmetric: frozenset[str]  # "TYPE/mode" whose actor order does not matter


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs, nouns, cues = {}, {}, {"LIGHT": set(), "PLAN": set(), "HYPO": set(), "REPORT": set(),
                                     "AGENT": set()}
    sym = set()
    for line in TRIGGERS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind, etype, mode, flags = (line.split("\t") + ["-"] * 5)[:5]
        if kind in cues:
            cues[kind].add(word)
            continue
        t = Trigger(word, kind, etype, None if mode == "-" else mode,
                    frozenset(f for f in flags.split(",") if f and f != "-"))
        (verbs if kind == "V" else nouns)[word] = t
        if "sym" in t.flags:
            sym.add(f"{etype}/{t.mode}")
    return Lexicon(verbs, nouns, frozenset(cues["LIGHT"]), frozenset(cues["PLAN"]), frozenset(cues["HYPO"]),
                   frozenset(cues["REPORT"]), frozenset(cues["AGENT"]), frozenset(sym))


def triggers() -> dict[str, tuple[str, str]]:
    """Verb lemma -> (type, mode): the first-cut interface, kept for callers."""
    return {w: (t.type, t.mode) for w, t in lexicon().verbs.items()}


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
        if subj:
            s = subj[0]
            if s.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return [v.head], s.dep_ == "nsubjpass"
            return _expand_conj(s), s.dep_ == "nsubjpass"
        if v.dep_ == "relcl":
            return [v.head], False
        if v.dep_ in ("xcomp", "conj", "advcl", "acl", "ccomp", "pcomp") and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
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


TARGET_PREPS = {"with": None, "between": None, "among": None, "by": None, "to": {"CONSULT", "AID", "SUPPORT", "CONCEDE"},
                "against": {"ASSAULT", "FIGHT", "PROTEST", "SANCTION", "THREATEN", "DISAPPROVE", "COERCE", "CRIME"},
                "on": {"ASSAULT", "SANCTION", "DEMAND"}}


def _targets_of(tok, lex: Lexicon, kind: str, etype: str | None = None):
    """Target heads of a trigger: objects and the objects of with/between (any type),
    to/against/on (types where they name a target: "visit to", "attack on")."""
    out = []
    for c in tok.children:
        if kind == "V" and c.dep_ in ("dobj", "dative") and c.pos_ != "ADP":
            out.append(c)
        elif c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS and (
                TARGET_PREPS[c.lower_] is None or etype is None or etype in TARGET_PREPS[c.lower_]):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((c.lower_, p))
    return out


def extract_events(doc, entities: list[LocalEntity], mentions: list[Mention], published_at: str | None) -> list[Event]:
    lex = lexicon()
    ms = _Mentions(mentions)
    ent_by_key = {e.key: e for e in entities}
    resolve_role = _role_resolver(doc, entities, ms)
    dateline = dateline_city(doc.text)
    events: list[Event] = []
    for sent in doc.sents:
        date_ents = [e for e in sent.ents if e.label_ == "DATE"]
        place_ents = [e for e in sent.ents if e.label_ in PLACE_LABELS]
        seen: set[tuple] = set()
        for tok in sent:
            lemma = tok.lemma_.lower()
            trig, kind, verb = None, None, None
            if tok.pos_ == "VERB" and lemma in lex.verbs:
                trig, kind, verb = lex.verbs[lemma], "V", tok
                if " " in trig.word:
                    continue
                prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
                if prt and f"{lemma} {prt}" in lex.verbs:
                    trig = lex.verbs[f"{lemma} {prt}"]
                if lemma == "call" and any(c.dep_ in ("oprd", "xcomp", "ccomp") or
                                           (c.dep_ == "prep" and c.lower_ in ("for", "on")) or c.dep_ == "prt"
                                           for c in tok.children):
                    continue  # "called for", "called him a liar", "called on"
            elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
                mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")]
                key = next((f"{m} {tok.lower_}" for m in mods if f"{m} {tok.lower_}" in lex.nouns), None) or \
                    next((f"{m} {lemma}" for m in mods if f"{m} {lemma}" in lex.nouns), None)
                if key is None and (tok.lower_ in lex.nouns or lemma in lex.nouns):
                    key = tok.lower_ if tok.lower_ in lex.nouns else lemma
                if key is None:
                    continue
                trig, kind = lex.nouns[key], "N"
                verb = _governing_verb(tok)
                if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lex.verbs and \
                        tok.dep_ == "dobj" and tok.head.i == verb.i:
                    continue  # "convene talks", "sign an agreement": the verb is the event
            else:
                continue

            # ---- source and target heads
            sources, targets, passive = [], [], False
            tgt_heads = _targets_of(tok, lex, kind, trig.type)
            if kind == "V":
                sources, passive = _subject_of(tok)
                agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                if passive:
                    targets = sources
                    sources = agent
                    tgt_heads = [t for t in tgt_heads if not isinstance(t, tuple) or t[0] != "by"]
                    if trig.flags & {"target"} and not targets:
                        continue
                targets = targets + [t if not isinstance(t, tuple) else t[1] for t in tgt_heads
                                     if not isinstance(t, tuple) or t[0] != "by"]
            else:
                poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
                demonym = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")  # not "Moscow talks"
                           and (m := ms.of(c)) is not None and m.label in ("NORP", "ORG", "PERSON")]
                between = [t[1] for t in tgt_heads if isinstance(t, tuple) and t[0] in ("between", "among")]
                withs = [t[1] for t in tgt_heads if isinstance(t, tuple) and t[0] in ("with", "against", "on", "to")]
                if between:
                    both = _expand_conj(between[0])
                    sources, targets = both[:1], both[1:2]
                elif poss or demonym:
                    sources = [(poss or demonym)[0]]
                    targets = withs
                else:
                    light = verb is not None and verb.lemma_.lower() in lex.light and (
                        tok.head.i == verb.i or tok.head.head.i == verb.i)
                    if verb is not None and (light or withs):
                        sources, _ = _subject_of(verb)
                        if verb.lemma_.lower() in lex.report and not light:
                            sources = sources  # "X said at the start of a meeting with Y": X took part
                    targets = withs
                    if not light and not withs:
                        continue
                if verb is not None:
                    # "held talks with X": the with-phrase may hang on the light verb
                    targets = targets or [t[1] for t in _targets_of(verb, lex, "N")
                                          if isinstance(t, tuple) and t[0] == "with"]

            if not sources:
                continue
            # an event noun as object ("convene talks among X") is the same event, not a target
            nested = [t for t in targets if t.lemma_.lower() in lex.nouns or t.lower_ in lex.nouns]
            for t in nested:
                targets.remove(t)
                targets += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "of")
                            for p in c.children if p.dep_ == "pobj"]
            # ---- actors
            src = [_actor_mention(s, ms, ent_by_key, resolve_role) for s in sources]
            src = [(m, txt) for (m, txt), h in zip(src, sources) if m is not None or h.lemma_.lower() in lex.agents]
            if not src:
                continue
            tgt = []
            for t in targets:
                for tt in _expand_conj(t):
                    got = _actor_mention(tt, ms, ent_by_key, resolve_role)
                    if got[0] is None:  # "met face to face with Mr. Putin"
                        inner = [p for c in tt.subtree if c.dep_ == "prep" and c.lower_ == "with"
                                 for p in c.children if p.dep_ == "pobj"]
                        if inner:
                            got = _actor_mention(inner[0], ms, ent_by_key, resolve_role)
                    tgt.append(got)
            tgt_ok = [(m, txt) for m, txt in tgt if m is not None]
            tgt_ok += [(None, txt) for (m, txt), h in zip(tgt, [x for t in targets for x in _expand_conj(t)])
                       if m is None and h.lemma_.lower() in lex.agents]
            if "target" in trig.flags and not tgt_ok:
                continue
            if "intrans" in trig.flags and any(c.dep_ == "dobj" for c in tok.children):
                continue
            if "person" in trig.flags and not any(
                    m is None or m.label in STRONG_LABELS or (m.label in ("GPE",) and trig.type in ("SUPPORT",)) or
                    ent_by_key.get(m.entity_key) is not None and ent_by_key[m.entity_key].actor_type in ("person", "organization")
                    for m, _ in tgt_ok):
                continue
            if trig.mode == "visit" and kind == "V":
                tgt_ok = tgt_ok or []
            # symmetric events with conjoined subjects and no target: a meeting of the subjects
            if not tgt and len(src) > 1 and "sym" in trig.flags:
                pairs = [(src[0], src[1])]
            else:
                tgt_list = tgt_ok or [(None, tgt[0][1] if tgt else None)]
                pairs = [(s, t) for s in src for t in tgt_list[:2]]

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
            event_date, granularity = resolve_date(date_text, published_at, tense=tense or "none") \
                if date_text else (None, None)
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
                    actor1_text=t1 if t1 else m1.text, actor2_text=(t2 or (m2.text if m2 else None)),
                    place=place, event_date=event_date, date_granularity=granularity, date_text=date_text,
                    sentence=sent.text, start_char=sent.start_char, end_char=sent.end_char,
                    trigger=tok.text, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
                ))
    return _inherit_dates(events)


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
