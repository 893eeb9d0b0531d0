"""Senses of violence words (`refine.REFINEMENTS` reads them in its order): conventional military force is FIGHT,
an 'attack' on a person, party or rival with no weapon or casualty is verbal (DISAPPROVE), and so is an attack on a
thing said (a decision, a claim). Split from refine.py (session 24) to keep it under ~500 lines."""
from __future__ import annotations

from pipeline.nlp.events.found import Found, Sense
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.noun_tables import abstract_nouns


def military_fight(found: Found, lex: Lexicon) -> Sense | None:
    """An ASSAULT with conventional military means: a CAMEO 19 sense (a killing, an attack) whose source
    is a military unit or aircraft (CAMEO's &MILITARY and &AIRCRAFT classes), or a shelling or air strike
    (194/195) by anyone: FIGHT. Beatings, torture and bombings (CAMEO 18) stay ASSAULT."""
    if found.trig.type != "ASSAULT":
        return None
    military = lex.words("MILITARY")
    # the head word of each source ("Russian troops", not "heavily armed suicide bombers"); a suicide bomber is no
    # military unit (PLOVER ASSAULT mode suicide-attack)
    source_words = {(text or "").split()[-1].lower() for _, text in found.sources if (text or "").split() and
                    "suicide" not in (text or "").lower()}
    code = found.cameo or ""
    if code.startswith("19") and (source_words & military or code.startswith(("194", "195"))) and \
            any(text for _, text in found.sources):
        return Sense("FIGHT", found.trig.mode, code or "19")
    return None


def _political_sides(found: Found, lex: Lexicon) -> bool:
    """"The two political leaders clashed", "Blair and Brown declared war on each other": a fight with no actor
    target (or only its sides as targets) whose every side is a person mention or a political role noun (POLITICAL_ROLE
    cue words: "leaders", "candidates")."""
    sides = [(m, text) for m, text in found.sources]
    others = [m for m, _ in (found.targets or []) if m is not None and all(m is not s for s, _ in sides)]
    roles = lex.words("POLITICAL_ROLE")
    return bool(sides) and not others and all(
        m is not None and m.label == "PERSON" or m is None and text and text.split()[-1].lower() in roles
        for m, text in sides)


def _attacked_things(tok) -> list:
    """What an attack word is aimed at: a verb's direct objects, a noun's on/against/upon objects."""
    if tok.pos_ == "VERB":
        return [c for c in tok.children if c.dep_ == "dobj"]
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
            for p in c.children if p.dep_ == "pobj"]


def attack_on_a_thing_said(found: Found, lex: Lexicon) -> Sense | None:
    """"attacked the decision by Britain's highest court", "attacked false US tabloid magazines": an attack word aimed at
    an act, an idea or a message (`abstract_nouns`, WordNet; not an event noun of the lexicon: "attacked the march")
    is criticism even when the sentence names terrorists or a war: DISAPPROVE (CAMEO 111). An attack with no
    attacker named stays physical ("pulled out after attacks on reconstruction efforts"), and so does one told with
    a weapon or a casualty: WordNet's abstract first sense also takes in places ("attacked a police compound,
    killing 12")."""
    tok = found.tok
    if found.trig.type != "ASSAULT" or tok.lemma_.lower() not in lex.words("ATTACK_WORD"):
        return None
    if not any(m is not None or text for m, text in found.sources):
        return None
    words = {t.lemma_.lower() for t in tok.sent} | {t.lower_ for t in tok.sent}
    if words & (lex.words("WEAPON") | lex.words("CASUALTY")):
        return None
    things = _attacked_things(tok)
    if things and all(t.lemma_.lower() in abstract_nouns() and t.lemma_.lower() not in lex.nouns for t in things):
        return Sense("DISAPPROVE", "criticize", "111")
    return None


def verbal_attack(found: Found, lex: Lexicon) -> Sense | None:
    """An 'attack' on a person, party or rival with no weapon, casualty or armed actor in the sentence
    ('Sanders attacked Clinton', 'an attack on Labour's record'): DISAPPROVE (CAMEO 111), not ASSAULT."""
    tok = found.tok
    attack_words = lex.words("ATTACK_WORD")
    # "unleashed withering attacks against Rubio": a verb carrying an attack noun as its object
    carried = any(c.dep_ == "dobj" and c.lemma_.lower() in attack_words for c in tok.children)
    if found.trig.type not in ("ASSAULT", "FIGHT") or tok.lemma_.lower() not in attack_words and not carried:
        return None
    if any(c.dep_ == "amod" and c.lower_ in lex.words("VERBAL_MODIFIER") for c in tok.children):
        return Sense("DISAPPROVE", "criticize", "111")  # "Ahmadinejad's verbal attacks on Israel"
    sent = tok.sent
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if words & (lex.words("WEAPON") | lex.words("MILITARY") | lex.words("CASUALTY") | lex.words("ARMED_ACTOR")):
        return None
    targets = [m for m, _ in (found.targets or []) if m is not None]
    sources = [m for m, text in found.sources if m is not None or text]
    if not sources or any(m.label in ("GPE", "LOC", "FAC") for m in targets):
        return None  # "the attacks on the World Trade Center": no attacker named, no verbal reading
    sides = _political_sides(found, lex)
    if found.trig.type == "FIGHT" and not any(m.label == "PERSON" for m in targets) and not sides:
        return None  # "his battles with Trump" is verbal; "fighting between Azerbaijanis and Armenians" is not
    political = any(m.label in ("PERSON", "ORG", "NORP") for m in targets) or sides or \
        any(m is not None and m.label == "PERSON" for m, _ in found.sources) or words & lex.words("SPEECH_OBJECT")
    return Sense("DISAPPROVE", "criticize", "111") if political else None
