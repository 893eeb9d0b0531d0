"""Sense decisions on a found event, applied in order from `REFINEMENTS`: the first rule that
returns a new sense (type, mode, CAMEO code) decides. They encode the PLOVER codebook's
distinctions that no verb row can make alone, because they depend on the clause around the
trigger:

- the act a demand asks for ("urged X to lift the sanctions", "called for an inquiry", "X should resign") is no
  event of its own;
- a noun act the subject stopped ("warded off the attack") or a refused act ("refused to approve X") is no
  event of its own;
- an "attack" on a person, party or rival (a "battle" or "clash" with a person) with no weapon, casualty or
  armed force in the sentence is verbal (DISAPPROVE); on a place, or with weapons or casualties, physical (ASSAULT);
- a military act under "prepared/poised to" is a MOBILIZE;
- a hostile act under "threaten/vow/swear to" is a THREATEN ("threatened to ban X");
- a hostile act announced for the future or on a condition ("said they would boycott X",
  "will withdraw its force unless ...") is a THREATEN (CAMEO 13: threats are statements of
  future negative action);
- a cooperative act under an intent word ("offered to hand over", "is willing to withdraw",
  "promised to release") or announced with "will/would" is an AGREE (CAMEO 03: express intent
  to cooperate, aid, yield, meet), the planned act itself not having happened;
- an agreement, support or concession that is denied ("will not accept refugees", "did not
  agree") is a REJECT;
- a wish denied about a person or organization ("don't want prosecutors to use X") is opposition: DISAPPROVE
  (`stances.STANCE_REFINEMENTS`);
- helping a named person reach a goal ("helped X win"), or an organization a political one, is SUPPORT, not AID;
  helping X do Y with nothing material named is no event (`aid.helped_action`);
- a CAMEO 19 sense with military means, or by an organized armed force ("British aircraft killed 4 Iraqis"), is a
  FIGHT; of anyone else, an ASSAULT (CAMEO 180) (`attacks.armed_force_fight`, the decided line); a fight word with no
  armed side or armed context ("delegate battles", "fight Zika") is no event (`attacks.unarmed_fight`).

Each rule is `rule(event: Found, lex) -> Sense | None`.
"""
from __future__ import annotations

from typing import Callable

from pipeline.nlp.events.aid import helped_action
from pipeline.nlp.events.attacks import armed_force_fight, attack_on_a_thing_said, unarmed_fight, verbal_attack
from pipeline.nlp.events.found import Found, Sense
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.nonevents import NON_EVENTS, UNREFINED_NON_EVENTS
from pipeline.nlp.events.stances import STANCE_REFINEMENTS

HOSTILE = {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE"}
HOSTILE_MODES = {"boycott", "veto"}  # REJECT senses that are acts against someone, not refusals to act
COOPERATIVE = {"AID", "SUPPORT", "COOPERATE", "CONCEDE", "RETREAT"}
FUTURE = {"will", "would", "'ll", "wo", "shall"}


def _governor(tok):
    """The verb or adjective a to-infinitive / clausal complement depends on ("threatened to ban":
    threatened; "is willing to withdraw": willing), or None."""
    if tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.head.i != tok.i:
        return tok.head
    return None


def _is_hostile(found: Found) -> bool:
    trig = found.trig
    return trig.type in HOSTILE or trig.type == "REJECT" and (trig.mode or "") in HOSTILE_MODES


def threat_under_threaten(found: Found, lex: Lexicon) -> Sense | None:
    """'threatened to ban opposition candidates', 'have sworn to fight': THREATEN."""
    gov = _governor(found.tok)
    if gov is not None and gov.lemma_.lower() in lex.words("THREAT") and _is_hostile(found):
        return Sense("THREATEN", found.trig.type.lower(), "13")
    return None


def _conditional(tok) -> bool:
    """The clause has an if/unless clause ("would meet X if he gave them a veto")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in tok.children)


def _future_or_conditional(tok) -> bool:
    """The trigger's own clause says will/would, or has an if/unless clause."""
    kids = list(tok.children)
    if any(c.dep_ in ("aux",) and c.lower_ in FUTURE for c in kids):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in kids)


def conditional_threat(found: Found, lex: Lexicon) -> Sense | None:
    """'said they would boycott all contact with X', 'will withdraw its force unless ...': THREATEN."""
    tok = found.tok
    if tok.pos_ != "VERB" or not _future_or_conditional(tok):
        return None
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in tok.children)
    if _is_hostile(found) or found.trig.type == "RETREAT" and conditional:
        return Sense("THREATEN", found.trig.type.lower(), "13")
    return None


def intent_to_cooperate(found: Found, lex: Lexicon) -> Sense | None:
    """'offered to hand over', 'is willing to withdraw', 'promised to release', 'agreed to allow',
    'offered to negotiate': AGREE (an intent, not the act)."""
    gov = _governor(found.tok)
    if gov is None or found.trig.type not in COOPERATIVE | {"CONSULT"}:
        return None
    if gov.lemma_.lower() in lex.words("INTENT") or gov.lower_ in lex.words("INTENT"):
        return Sense("AGREE", found.trig.type.lower(), "03")
    return None


def promised_rejection(found: Found, lex: Lexicon) -> Sense | None:
    """'Obama has promised to reverse the new rules': an intent verb (INTENT cue words) whose complement is a refusal
    or criticism is no AGREE of its own; the complement is the event (labelling guide decision 9)."""
    tok = found.tok
    if found.trig.type != "AGREE" or tok.pos_ != "VERB" or tok.lemma_.lower() in ("agree", "accept") or \
            tok.lemma_.lower() not in lex.words("INTENT") and tok.lower_ not in lex.words("INTENT"):
        return None  # "agreed to keep X separate" is an agreement whatever it agrees to do
    for comp in (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        types = {t.type for t in lex.senses.get(("V", comp.lemma_.lower()), []) if t.type != "-"}
        if types and types <= {"REJECT", "DISAPPROVE"}:  # a verb that only refuses or criticizes ("reverse")
            return Sense("-", None, None)
    return None


def _going_to(clause) -> bool:
    """"she is going to help immigrant communities": the to-infinitive under a progressive "going" is a future."""
    head = clause.head
    return clause.dep_ == "xcomp" and head.lemma_.lower() == "go" and head.tag_ == "VBG" and \
        any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) and \
        any(a.dep_ == "aux" and a.lemma_.lower() == "be" for a in head.children)


def future_cooperation(found: Found, lex: Lexicon) -> Sense | None:
    """'will provide food aid to', 'said they will release X', 'will support a resolution' (the light
    verb carries the future of a noun trigger), 'would meet X if ...': AGREE."""
    clause = found.tok if found.tok.pos_ == "VERB" else found.verb
    if clause is None or found.status not in ("planned", "hypothetical"):
        return None
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in clause.children) or _going_to(clause)
    if found.trig.mode == "resign":  # "will resign": PLOVER codes an announced resignation as RETREAT
        return None
    if future and found.trig.type in COOPERATIVE or found.trig.type == "CONSULT" and _conditional(clause):
        return Sense("AGREE", found.trig.type.lower(), "03")
    return None


def denied_agreement(found: Found, lex: Lexicon) -> Sense | None:
    """'will not accept any more refugees', 'did not agree to': REJECT."""
    if found.status == "denied" and found.trig.type in ("AGREE", "CONCEDE"):
        return Sense("REJECT", found.trig.type.lower(), "12")
    return None


def _asked_of_someone(tok, gov, lex: Lexicon) -> bool:
    """"Labour wants Mr Blair to resign", "would like the committee to see it", "critics have called for him to go
    to Auschwitz": an infinitive with its own subject under a verb whose first sense is DEMAND (or, with "for", a
    demand verb) is the act asked of that subject."""
    if tok.dep_ not in ("ccomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):  # "called for the government to resign"
        return gov.lemma_.lower() in lex.words("DEMAND_VERB")
    if tok.dep_ != "ccomp":
        return False
    senses = lex.senses.get(("V", gov.lemma_.lower()), [])
    return bool(senses) and senses[0].type == "DEMAND" and not senses[0].need("obj")  # not "get the regime to sit"


def _asked_on(tok, gov, lex: Lexicon) -> bool:
    """"called on Congress to investigate the cause": the infinitive (an xcomp or, as the parser also reads it, an
    adverbial clause) under a demand verb with an "on" phrase is the act asked of the one called on."""
    return tok.dep_ in ("advcl", "xcomp") and gov.lemma_.lower() in lex.words("DEMAND_VERB") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
        any(c.dep_ == "prep" and c.lower_ == "on" for c in gov.children)


def demanded_act(found: Found, lex: Lexicon) -> Sense | None:
    """'appealed to the Council to lift the sanctions', 'ask the U.N. to authorize': the act a demand asks
    for has not happened; the demand is the event (type '-' = no event)."""
    tok, gov = found.tok, _governor(found.tok)
    if gov is not None and gov.dep_ == "xcomp" and gov.lemma_.lower() in lex.words("ASPECT"):
        tok, gov = gov, _governor(gov)  # "warned Russia to stop arming the rebels": the arming is asked about
    if gov is None or found.trig.type == "DEMAND":
        return None
    if _asked_of_someone(tok, gov, lex) or _asked_on(tok, gov, lex):
        return Sense("-", None, None)
    if tok.dep_ != "xcomp":
        return None
    if gov.lemma_.lower() in lex.words("DEMAND_XCOMP"):
        return Sense("-", None, None)
    senses = lex.senses.get(("V", gov.lemma_.lower()), [])
    if senses and all(t.type in ("DEMAND", "-") for t in senses) and any(t.type == "DEMAND" for t in senses):
        return Sense("-", None, None)
    return None


def readied_force(found: Found, lex: Lexicon) -> Sense | None:
    """'the army prepared to resume shelling X', 'troops are poised to attack': a military act under a readiness
    word is a MOBILIZE (increased readiness), the act itself not having happened."""
    tok = found.tok
    gov = _governor(tok)
    if gov is not None and gov.lemma_.lower() in ("resume", "begin", "start") and gov.dep_ == "xcomp":
        gov = _governor(gov)  # "prepared to resume shelling"
    if gov is None or found.trig.type not in ("ASSAULT", "FIGHT"):
        return None
    if gov.lemma_.lower() in lex.words("PREPARE_FORCE") or gov.lower_ in lex.words("PREPARE_FORCE"):
        return Sense("MOBILIZE", "military", "15")
    return None


def obligated_act(found: Found, lex: Lexicon) -> Sense | None:
    """'The prime minister should resign, the leader said', 'Iran must stop enrichment': an act someone should or
    must do is demanded, not done (the demand, if any, is the event)."""
    tok = found.tok
    if tok.pos_ != "VERB" or found.trig.type == "DEMAND":
        return None
    obliged = any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in tok.children)
    return Sense("-", None, None) if obliged else None


def demanded_noun(found: Found, lex: Lexicon) -> Sense | None:
    """'called for an inquiry into X', 'appealed for the release of Y', 'demanded the removal of Z': a noun
    trigger that is the object or "for" phrase of a demand verb is the act asked for, not an event."""
    tok, verb = found.tok, found.verb
    if tok.pos_ not in ("NOUN", "PROPN") or verb is None or found.trig.type == "DEMAND":
        return None
    if verb.lemma_.lower() not in lex.words("DEMAND_VERB"):
        return None
    direct = tok.dep_ == "dobj" and tok.head.i == verb.i
    asked_for = tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == verb.i
    return Sense("-", None, None) if direct or asked_for else None


def prevented_noun(found: Found, lex: Lexicon) -> Sense | None:
    """'INS Mysore warded off the attack', 'police foiled a plot': the subject stopped the act; it is not the
    act's source, and the act is no event as told."""
    tok, verb = found.tok, found.verb
    if tok.pos_ not in ("NOUN", "PROPN") or verb is None or tok.dep_ != "dobj" or tok.head.i != verb.i:
        return None
    return Sense("-", None, None) if verb.lemma_.lower() in lex.words("PREVENT") else None


def refused_act(found: Found, lex: Lexicon) -> Sense | None:
    """'would refuse to approve his appointment', 'declined to meet X', 'his refusal to endorse her': the refusal is
    the event (REJECT), the act refused is not."""
    tok = found.tok
    gov = tok.head if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" else _governor(tok)
    if gov is None or tok.dep_ not in ("xcomp", "acl") or found.trig.type == "REJECT":
        return None
    return Sense("-", None, None) if gov.lemma_.lower() in lex.words("REFUSE") else None


def opinion_agreement(found: Found, lex: Lexicon) -> Sense | None:
    """"Bozell agrees with Viguerie that Cruz is the best candidate", "Republicans who agree that the prison should
    be closed": agreeing (present tense) that something is or should be so is an opinion, no agreement to act (an
    AGREE is told in the past: "agreed that their countries should cooperate", "had agreed that the makeup ...")."""
    tok = found.tok
    if found.trig.type != "AGREE" or tok.pos_ != "VERB" or tok.lemma_.lower() not in ("agree", "concur"):
        return None
    if tok.tag_ not in ("VBP", "VBZ"):  # "Kerry and Lavrov had agreed that the makeup ... was a matter for": a deal
        return None
    if any(c.dep_ == "ccomp" for c in tok.children):  # "Republicans who agree that the prison should be closed"
        return Sense("-", None, None)
    return None


POLITICAL_LABELS = ("PERSON", "ORG")  # a candidate, a party, a campaign: helped to a goal, supported


def political_help(found: Found, lex: Lexicon) -> Sense | None:
    """"The strategist helped Australia's PM, John Howard, win four elections", "he is out to help UKIP take Britain
    out of the EU": helping a named person reach a goal (a complement clause), or an organization reach a political
    one (rules' POLITICAL_GOAL: win, take, form ...), is political support (PLOVER SUPPORT), not aid (AID is material
    or humanitarian help: "helped Bosnia rebuild", "help the automakers restructure")."""
    tok = found.tok
    goals = {c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "ccomp")}
    if found.trig.type != "AID" or tok.pos_ != "VERB" or not goals:
        return None
    if not found.targets or not all(m is not None and m.label in POLITICAL_LABELS for m, _ in found.targets):
        return None
    if any(m.label != "PERSON" for m, _ in found.targets) and not goals & lex.words("POLITICAL_GOAL"):
        return None  # a company or a charity helped to raise capital or deliver food: material help, AID stays
    return Sense("SUPPORT", None, "05")


def campaign_help(found: Found, lex: Lexicon) -> Sense | None:
    """"Our Principles PAC spent $1.3 million ahead of the primary, helping Sen. ...", "Bush is getting on-the-ground
    help from Right to Rise, his super PAC": help in an election (ELECTION context words in the sentence) is campaign
    support, political and non-material (PLOVER SUPPORT), not the material aid whose benefits accrue to the recipient
    (PLOVER AID); on the pooled development files every AID found in an election sentence was wrong (0 of 4). A
    generated sense ("provide services to the transition teams") is left to its own rules. Only a context word used
    as a noun counts: a modifier names no election ("donated books to primary schools", "ballot boxes")."""
    if found.trig.type != "AID" or "generated" in found.trig.flags:
        return None
    election = (lex.context or {}).get("ELECTION", frozenset())
    return Sense("SUPPORT", None, "05") if any(_election_noun(tok, election) for tok in found.tok.sent) else None


def _election_noun(tok, election: frozenset[str]) -> bool:
    """An ELECTION context word used as a noun of its own, not as the modifier of another noun."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound") \
        and (tok.lower_ in election or tok.lemma_.lower() in election)


def conceded_claim(found: Found, lex: Lexicon) -> Sense | None:
    """'Greek unions concede that the government was forced to ...': conceding a that-clause (with no object) admits a
    fact; it yields nothing to anyone, no CONCEDE ('conceded defeat', 'conceded the seat' stay)."""
    kids = list(found.tok.children)
    if found.trig.type != "CONCEDE" or found.tok.pos_ != "VERB" or any(c.dep_ == "dobj" for c in kids):
        return None
    return Sense("-", None, None) if any(c.dep_ == "ccomp" for c in kids) else None


def circumstantial_force(found: Found, lex: Lexicon) -> Sense | None:
    """'the government was forced to increase taxes', 'Americans are forced to face the threat': coercion told in the
    passive with no one who forced it and the act forced as complement is a circumstance, no event."""
    tok = found.tok
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if found.trig.type != "COERCE" or not passive or any(c.dep_ == "agent" for c in tok.children):
        return None
    return Sense("-", None, None) if any(c.dep_ == "xcomp" for c in tok.children) else None


def summoned(found: Found, lex: Lexicon) -> Sense | None:
    """'Crews were called to the Waitrose building on Wellington High Street', 'police were called to the scene': a
    passive call to a place, with no act to do, is a summons, not a call on someone to act (DEMAND)."""
    tok = found.tok
    if found.trig.type != "DEMAND" or tok.pos_ != "VERB" or tok.lemma_.lower() != "call" or \
            not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "xcomp" for c in tok.children):
        return None
    to_place = any(c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" for p in c.children)
                   for c in tok.children)
    return Sense("-", None, None) if to_place else None


def name_calling(found: Found, lex: Lexicon) -> Sense | None:
    """'Peter Hain called me a mongrel', 'called him a pathological liar': calling someone a name (an object predicate
    noun) is criticism (CAMEO 111), praise when the name has a word of praise (PRAISE_WORD cue words: 'called him a
    kind, loving and admirable person', CAMEO 051) - never a phone call or a demand."""
    tok = found.tok
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "call":
        return None
    name = next((c for c in tok.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")), None)
    if name is None or not any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return None
    if {t.lower_ for t in name.subtree} & lex.words("PRAISE_WORD"):
        return Sense("SUPPORT", "praise", "051")
    return Sense("DISAPPROVE", "criticize", "111")


REFINEMENTS: list[Callable[[Found, Lexicon], Sense | None]] = [
    *STANCE_REFINEMENTS,
    summoned,
    name_calling,
    opinion_agreement,
    demanded_act,
    obligated_act,
    demanded_noun,
    prevented_noun,
    refused_act,
    readied_force,
    attack_on_a_thing_said,
    verbal_attack,
    unarmed_fight,
    threat_under_threaten,
    conditional_threat,
    intent_to_cooperate,
    promised_rejection,
    future_cooperation,
    denied_agreement,
    armed_force_fight,
    circumstantial_force,
    conceded_claim,
    political_help,
    campaign_help,
    helped_action,
]


def refine(found: Found, lex: Lexicon) -> Sense:
    """The sense of a found event after the refinements (its trigger row's own sense when none applies); a found event
    one of `nonevents.NON_EVENTS` (or, keeping its own sense, of `nonevents.UNREFINED_NON_EVENTS`) rules out is none."""
    if any(rule(found, lex) for rule in NON_EVENTS):
        return Sense("-", None, None)
    for rule in REFINEMENTS:
        got = rule(found, lex)
        if got is not None:
            return got
    if any(rule(found, lex) for rule in UNREFINED_NON_EVENTS):
        return Sense("-", None, None)
    return Sense(found.trig.type, found.trig.mode, found.cameo)
