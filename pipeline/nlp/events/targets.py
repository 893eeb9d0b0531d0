"""Target heads of an event resolved to actors (`resolve_targets`): an event noun as target gives way to its
with/between/of phrase (`unnest`), a head that names nobody reaches a with-phrase outside its clauses, a physical
target is kept by its text; a reciprocal object ("accused one another") pairs the sources with each other."""
from __future__ import annotations

from pipeline.nlp.events.actors import (
    actor_mention, expand_conj, hyphen_last, initial_name, is_agent, is_person_noun, PRONOUNS,
)
from pipeline.nlp.events.guards import Resolved, Site
from pipeline.nlp.events.senses import counted, counted_victims, NOT_PHYSICAL, physical_target

PUNITIVE_TYPES = ("SANCTION", "COERCE")  # legal and punitive acts: fines, bans, convictions, expulsions, suspensions


def sanctioned_body(site: Site, tok) -> bool:
    """"Regulators fined the bank", "UEFA banned the club", "the airline was suspended": PLOVER's SANCTION and COERCE
    recipients are actors - organizations, officials, groups - and a common noun naming an organization
    (SANCTIONED_BODY rows: bank, club, team, league, airline ...) is one, kept by its text, though no entity names it;
    a thing ('banned the sale', 'fined the payment') is not."""
    return site.trig.type in PUNITIVE_TYPES and tok.pos_ == "NOUN" and \
        tok.lemma_.lower() in site.lex.words("SANCTIONED_BODY")


def unnest(site: Site, targets: list) -> list:
    """An event noun as target ("agreed to talks with X"): its with/between/among/of phrase is the target; an
    agent noun with an event sense stays an actor ("supporting the opposition")."""
    lex = site.lex
    targets = list(targets)
    for t in [t for t in targets if (t.lemma_.lower() in lex.nouns or t.lower_ in lex.nouns) and not is_agent(t, lex)]:
        targets.remove(t)
        targets += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "of")
                    for p in c.children if p.dep_ == "pobj"]
    return targets


def _outside_clauses(head, trigger) -> list:
    """The tokens under a target head outside the clauses that modify it, except the trigger's own clause:
    "issues discussed by Kerry in a call with Lavrov" reaches Lavrov, "areas associated with Labour" does not."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in ("acl", "relcl") or c.i == trigger.i]
    return out


def resolve_targets(site: Site, targets: list, res: Resolved) -> None:
    lex = site.lex
    for t in targets:
        for tt in expand_conj(t):
            got = site.actor(tt, True)  # a human noun can be a target by its text ("released two hostages")
            if got is None:
                inner = [p for c in _outside_clauses(tt, site.tok) if c.dep_ == "prep" and c.lower_ == "with"
                         for p in c.children if p.dep_ == "pobj"]
                if inner:
                    got = site.actor(inner[0], False)
            if got is None and (physical_target(site.trig, tt, site.lex) or counted_victims(site.trig, tt, lex) or
                                sanctioned_body(site, tt)):
                got = (None, actor_mention(tt, site.ms, {}, lambda h, t: None, site.lex)[1])
                res.named.append(got)
            if got is not None:
                res.tgt_ok.append(got)
                head = (counted(tt) or [tt])[-1]  # "dozens of protesters were arrested": the protesters are named
                head = hyphen_last(head, lex) or head  # "a co-worker was charged": the worker
                if got[0] is not None or is_agent(head, lex) or is_person_noun(head, lex) or initial_name(tt, lex):
                    res.named.append(got)
                elif tt.pos_ == "PROPN" and got[1] and got[1].lower() not in PRONOUNS and \
                        tt.ent_type_ not in NOT_PHYSICAL:  # "the attacks of Sept.11": a date is no name
                    res.proper.append(got)
            else:
                _, txt = actor_mention(tt, site.ms, {}, lambda h, t: None, site.lex)
                res.tgt.append((None, txt))


RECIPROCALS = ("each other", "one another")


def reciprocal_object(tok) -> bool:
    """"accused one another", "declared war on each other": the trigger's object (or the object of its preposition)
    is a reciprocal pronoun."""
    heads = [c for c in tok.children if c.dep_ == "dobj"] + [
        p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(" ".join(t.lower_ for t in h.subtree) in RECIPROCALS for h in heads)


def reciprocal_pairs(src: list, symmetric: bool) -> list:
    """"Blair and Brown declared war on each other": one event each way between the two sides (one for a symmetric
    type); one plural side ("they accused one another") is one event with an empty target (labelling guide,
    decision 5)."""
    if len(src) >= 2:
        return [(src[0], src[1])] + ([] if symmetric else [(src[1], src[0])])
    return [(src[0], (None, None))]
