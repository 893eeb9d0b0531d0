"""Casualties told with no one to do them (`nonevents.NON_EVENTS` reads these rules): a toll of dead and injured with no
attacker and no violence in the sentence (an earthquake's or a crash's toll told without its cause), and a violent
verb that only retells how the victim of the sentence's casualty verb died ("was killed when ... someone shot him").
PLOVER ASSAULT needs a use of force by someone; neither form adds one. Split from nonevents.py (session 26) to keep
it under ~500 lines."""
from __future__ import annotations

from functools import lru_cache

from pipeline.nlp.events.lexicon import Lexicon, lexicon

VIOLENT_TYPES = ("ASSAULT", "FIGHT")
ARMED_WORDS = ("WEAPON", "MILITARY", "ARMED_ACTOR", "IRREGULAR_FORCE")  # cue lists that name a means or doer of force


@lru_cache(maxsize=1)
def armed_words() -> frozenset[str]:
    """The words of the ARMED_WORDS cue lists, joined once per process: the process's one cached `lexicon()` is the
    `lex` every caller passes (as in `actors`). Not at import: loading the lexicon takes ~0.6 s, which every import
    of the events package would then pay."""
    lex = lexicon()
    return frozenset().union(*(lex.words(kind) for kind in ARMED_WORDS))


def _passive(verb) -> bool:
    """A passive verb, or the conjunct of one sharing its auxiliary ("10 people were killed, 140 (were) injured")."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is not None and any(c.dep_ == "auxpass" for c in v.children):
            return True
    return False


def _toll_words(verb, lex: Lexicon) -> list:
    """The other casualty words of the sentence (TOLL_VERB cue words, any part of speech: the parser joins a toll's
    clauses as conjuncts, complements or nouns: "killed ... and about 50 hurt", "houses were damaged")."""
    tolls = lex.words("TOLL_VERB")
    return [t for t in verb.sent if t.i != verb.i and t.lemma_.lower() in tolls]


def _violence_told(sent, toll: set[int], lex: Lexicon) -> bool:
    """Any word of the sentence besides the toll itself that names a use of force (a violent trigger of the lexicon:
    "attack", "shooting", "clashes"), its means or an armed doer (ARMED_WORDS cue lists: "gunmen", "bomb"), or an
    accident or disaster (ACCIDENT context words: the toll's cause is told, other rules read it)."""
    armed = armed_words()
    accident = (lex.context or {}).get("ACCIDENT", frozenset())
    for tok in sent:
        if tok.i in toll:
            continue
        lemma = tok.lemma_.lower()
        if lemma in armed or tok.lower_ in armed or lemma in accident:
            return True
        kind = "V" if tok.pos_ == "VERB" else "N" if tok.pos_ in ("NOUN", "PROPN") else None
        if kind and any(t.type in VIOLENT_TYPES for t in lex.senses.get((kind, lemma), ())):
            return True
    return False


def casualty_toll(found, lex: Lexicon) -> bool:
    """"In neighbouring Central Aceh district, 10 people were killed, 140 were injured and about 1,500 houses and
    buildings were damaged", "Ten people are killed and about 50 hurt": a passive casualty verb with no agent,
    beside other casualty words (TOLL_VERB cue words), in a sentence that names no attack, weapon, armed
    doer or disaster, is the toll of something told elsewhere (an earthquake, a storm, a crash): no one is said to
    have used force, so it is no ASSAULT (labelling decisions of held-out 20 and dev: a quake's toll is no event).
    A toll beside an attack ("nine killed and nine injured in a militant attack") stays."""
    tok = found.tok
    if found.trig.type not in VIOLENT_TYPES or tok.pos_ != "VERB" or any(text for _, text in found.sources):
        return False
    if tok.lemma_.lower() not in lex.words("TOLL_VERB"):  # "was shot dead", "stabbed": the means names a doer
        return False
    if not _passive(tok) or any(c.dep_ == "agent" for c in tok.children):
        return False
    others = _toll_words(tok, lex)
    return bool(others) and not _violence_told(tok.sent, {tok.i, *(v.i for v in others)}, lex)


def _clause_chain(tok):
    """The verbs from `tok` up through conjunctions to the head of its coordination."""
    chain = [tok]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def retold_deed(found, lex: Lexicon) -> bool:
    """"A sheriff's deputy was killed Friday when he knocked on the door of a home and someone shot him": a violent
    verb whose victim is only a pronoun ('him'), in the when-clause of a passive casualty verb without agent, tells how
    that victim was killed - the same deed told twice, one event (labelling guide rule 8), which the casualty verb
    already gives with the named victim."""
    tok = found.tok
    if found.trig.type not in VIOLENT_TYPES or tok.pos_ != "VERB":
        return False
    if not any(c.dep_ == "dobj" and c.lower_ in lex.words("VICTIM_PRONOUN") for c in tok.children):
        return False
    clause = _clause_chain(tok)[-1]
    main = clause.head
    if clause.dep_ != "advcl" or not any(m.dep_ in ("advmod", "mark") and m.lower_ in lex.words("RETOLD_WHEN")
                                         for m in clause.children):
        return False
    return main.pos_ == "VERB" and main.lemma_.lower() in lex.words("VICTIM_COUNT") and _passive(main) and \
        not any(c.dep_ == "agent" for c in main.children)
