"""The learned actor-role step: who did it and to whom, for a trigger whose sense applies but whose actors the role
rules do not find.

Why: of the gold events the rules miss, most fail on actors, not on the trigger: the trigger's sense is there, but
its source or target stands in another clause ("Clinton didn't appear concerned about working with the Vermont
senator to ensure ..."), in a noun phrase the role rules do not read, or behind a clause the parser attached
elsewhere (session 17's classification of the 424 misses over the 24 training gold files). No single path covers
them, so instead of one more rule per path a small linear model scores every actor head of the sentence as source,
target or neither of such a silent trigger, from general features: the dependency path from the trigger to the
candidate (its length, the clauses it crosses, its first step up and last step down), the candidate's side, the candidate's kind (entity label,
agent or person noun, pronoun), the trigger's part of speech, dependency, voice and PLOVER type.

The weights are data (`rules/event_roles.tsv`, written by `python -m pipeline.nlp.events.train_roles --install`);
the extractor reads them only when the file exists (without it the rules alone decide, as before)."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from pipeline.nlp.events.learned import EventModel, NONE, read_model
from pipeline.nlp.events.lexicon import Lexicon, RULES

ROLES_PATH = RULES / "event_roles.tsv"
SOURCE, TARGET = "src", "tgt"  # the classes of a candidate (NONE: neither)
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj"}  # a step into another clause
HEAD_DEPS = {"compound", "amod", "det", "case", "punct", "poss"}  # a token under these is no actor head of its own


class RoleCandidate(NamedTuple):
    """An actor head of the sentence, what the resolver makes of it and its features for one silent trigger."""
    tok: object
    actor: tuple
    feats: list[str]


def _path(trigger, cand) -> tuple[list[str], list[str]]:
    """Dependency labels from the trigger up to the common head, and from there down to the candidate."""
    up_chain = [trigger] + list(trigger.ancestors)
    down_chain = [cand] + list(cand.ancestors)
    where = {t.i: k for k, t in enumerate(down_chain)}
    for k, t in enumerate(up_chain):
        if t.i in where:
            return [x.dep_ for x in up_chain[:k]], [x.dep_ for x in reversed(down_chain[:where[t.i]])]
    return ["?"], ["?"]


def _kind(tok, actor: tuple, lex: Lexicon) -> str:
    """What the candidate is: an entity of a label, a generic agent, a person noun, a pronoun, another name."""
    mention, _ = actor
    if mention is not None:
        return f"ent={mention.label}"
    if tok.pos_ == "PRON":
        return "pron"
    low = tok.lemma_.lower()
    if low in lex.agents or tok.lower_ in lex.agents:
        return "agent"
    if low in lex.humans or low in lex.persons:
        return "person"
    return f"text={tok.pos_}"


def role_features(trigger, cand, actor: tuple, etype: str, lex: Lexicon) -> list[str]:
    """The features of one candidate actor head for one silent trigger of a PLOVER type."""
    up, down = _path(trigger, cand)
    steps = len(up) + len(down)
    clauses = sum(1 for d in up + down if d in CLAUSE_DEPS)
    kind = _kind(cand, actor, lex)
    side = "before" if cand.i < trigger.i else "after"
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    tpos = "V" if trigger.pos_ == "VERB" else "N"
    last = down[-1] if down else "self"
    # (whole-path features were tried in session 17: they fit the training files and lost on held-out ones)
    return ["bias", f"steps={min(steps, 6)}", f"clauses={min(clauses, 3)}", f"kind={kind}", f"kind={kind}|last={last}",
            f"side={side}", f"side={side}|passive={passive}", f"last={last}|passive={passive}", f"last={last}|t={tpos}",
            f"type={etype}", f"type={etype}|last={last}", f"tdep={trigger.dep_}", f"tpos={tpos}|clauses={min(clauses, 3)}",
            f"up={up[0] if up else 'none'}|last={last}"]


def role_candidates(trigger, sent, etype: str, actor, lex: Lexicon) -> list[RoleCandidate]:
    """The actor heads of the sentence (tokens the resolver names an actor by, not inside another head's phrase),
    with their features."""
    out = []
    for tok in sent:
        if tok.i == trigger.i or tok.dep_ in HEAD_DEPS or tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        got = actor(tok, True)
        if got is None:
            continue
        out.append(RoleCandidate(tok, got, role_features(trigger, tok, got, etype, lex)))
    return out


class RoleChoice(NamedTuple):
    """The chosen source and target candidates (None: not named)."""
    source: RoleCandidate | None
    target: RoleCandidate | None


def choose_roles(model: EventModel, cands: list[RoleCandidate]) -> RoleChoice:
    """The best-scoring source and (another) target whose class beats neither by the model's margin."""
    def best(cls: str, skip: int | None) -> RoleCandidate | None:
        scored = []
        for c in cands:
            if c.tok.i == skip:
                continue
            s = model.scores(c.feats)
            gain = s.get(cls, 0.0) - max(s.get(NONE, 0.0), s.get(SOURCE if cls == TARGET else TARGET, 0.0))
            if gain > model.margin:
                scored.append((gain, -c.tok.i, c))
        return max(scored, key=lambda x: x[:2])[2] if scored else None

    source = best(SOURCE, None)
    return RoleChoice(source, best(TARGET, source.tok.i if source is not None else None))


class RoleModel:
    """The role step as the extractor asks it: the actors of one silent trigger (a trainer's recorder answers the same
    call and decides nothing)."""

    def __init__(self, model: EventModel):
        self.model = model

    def choose(self, trigger, etype: str, cands: list[RoleCandidate]) -> RoleChoice | None:
        return choose_roles(self.model, cands)


@lru_cache(maxsize=1)
def event_roles() -> RoleModel | None:
    """The shipped role model (None when the file is absent: the rules alone)."""
    return RoleModel(read_model(ROLES_PATH)) if ROLES_PATH.exists() else None
