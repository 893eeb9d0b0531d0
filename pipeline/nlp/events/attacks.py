"""Senses of violence words (`refine.REFINEMENTS` reads them in its order): conventional military force is FIGHT
(`armed_force_fight`, the decided FIGHT/ASSAULT line), an 'attack' on a person, party or rival with no weapon or
casualty is verbal (DISAPPROVE), and so is an attack on a thing said (a decision, a claim). Split from refine.py
(session 24) to keep it under ~500 lines."""
from __future__ import annotations

from pipeline.nlp.events.found import Found, Sense
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.nonevents import modeless_generated
from pipeline.nlp.noun_tables import abstract_nouns


ASSAULT_CODE = "180"  # CAMEO 180 'use unconventional violence': a CAMEO 19 sense told of no armed force


def _head_phrase(text: str | None, lex: Lexicon) -> list[str]:
    """The words of an actor text before a phrase that qualifies its head (HEAD_END cue words: "Security forces in
    Guinea": security, forces; "the deputy chief of Israel's militia ally": the, deputy, chief)."""
    words, ends = [], lex.words("HEAD_END")
    for word in (text or "").lower().split():
        if word in ends and words:
            break
        words.append(word)
    return words


def _actor_texts(pairs) -> list[str]:
    """The texts of (mention, text) actor pairs; a suicide bomber is no armed force (PLOVER ASSAULT mode
    suicide-attack)."""
    texts = [text or (m.text if m is not None else "") for m, text in pairs or ()]
    return [t for t in texts if t and "suicide" not in t.lower()]


def _armed_force(found: Found, lex: Lexicon) -> bool:
    """The doer is an organized armed force: its head word a military unit or aircraft (MILITARY cue words:
    "Russian troops", not "an army spokesman"), or an irregular force (IRREGULAR_FORCE: rebels, guerrillas, militias)
    in armed combat, against a target named as a military unit or another such force ("an army convoy")."""
    military, irregular = lex.words("MILITARY"), lex.words("IRREGULAR_FORCE")
    doers = {phrase[-1] for phrase in (_head_phrase(t, lex) for t in _actor_texts(found.sources)) if phrase}
    armed_targets = any(set(_head_phrase(t, lex)) & (military | irregular) for t in _actor_texts(found.targets))
    return bool(doers & military) or bool(doers & irregular) and armed_targets


def armed_force_fight(found: Found, lex: Lexicon) -> Sense | None:
    """The FIGHT/ASSAULT line (decided in session 25; docs/accuracy.md): FIGHT is CAMEO 19, 'use conventional military
    force' - a CAMEO 19 sense whose means are military (MILITARY_MEANS codes: occupying territory, artillery, air
    strikes, a ceasefire violated; "Sudanese rebels shelled Juba") or whose doer is an organized armed force
    ("British aircraft killed 4 Iraqis", "Serb forces killed three ethnic Albanians"), whoever the target is. ASSAULT
    is CAMEO 18's other violence: its own deeds (abduction, beating, torture, bombings, assassination) whoever does
    them ("Israeli soldiers beat up detainees"), and a CAMEO 19 sense of anyone else (a gunman's shooting, police
    killing a teenager), which keeps CAMEO 180 as its code so that the code agrees with the type. The PLOVER manual
    has no FIGHT (its crosswalk maps CAMEO 19 to ASSAULT): users of that PLOVER map FIGHT to ASSAULT."""
    code = found.cameo or ""
    if found.trig.type != "ASSAULT" or not code.startswith("19"):
        return None
    if code[:3] in lex.words("MILITARY_MEANS") or _armed_force(found, lex):
        return Sense("FIGHT", found.trig.mode, code)
    if modeless_generated(found, lex):
        return None  # a catch-all generated sense: the non-event rule decides, after the refinements
    return Sense("ASSAULT", found.trig.mode, ASSAULT_CODE)


ARMED_CONTEXT = ("WEAPON", "MILITARY", "CASUALTY", "ARMED_ACTOR", "IRREGULAR_FORCE")  # cue lists of armed violence
NATION_LABELS = ("GPE", "NORP", "LOC")  # states, peoples and regions: the sides of wars


def unarmed_fight(found: Found, lex: Lexicon) -> Sense | None:
    """"Trump is virtually guaranteed to lose delegate battles", "allocate funds to fight Zika", "the yearlong battle
    between Clinton and Sanders": a fight word (mode fight: fight, battle, war, conflict, feud) in a sentence that names
    no weapon, military unit, armed actor or casualty, between sides none of which is a state, people or region, is
    no use of force (CAMEO 19) - a contest, a campaign or a figure of speech - and no event (`verbal_attack` has
    already made a fight between persons a criticism)."""
    if found.trig.type != "FIGHT" or found.trig.mode != "fight":
        return None
    sent = found.tok.sent
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if words & frozenset().union(*(lex.words(kind) for kind in ARMED_CONTEXT)):
        return None
    sides = [m for m, _ in [*found.sources, *(found.targets or [])] if m is not None]
    if any(m.label in NATION_LABELS for m in sides):
        return None  # "the Israeli-Palestinian conflict", "fighting between Azerbaijanis and Armenians"
    return Sense("-", None, None)


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
