"""Why the event rules miss gold events: each gold event of the training gold files the rules do not find, classified
by cause (`python -m pipeline.evaluate.events_misses [--show CAUSE]`).

Why: a recall gap is closed by attacking its biggest causes, which the P/R figures do not show. For each missed gold
event, the token of its sentence whose trigger-table senses include the event's type and whose neighbourhood holds its
actors (`align.fit`; else the first such token) is given that type with no sense condition, and the rule actor finders
are run there (`pairs.sense_pairs`): when they give both gold actors the cause is on the trigger side (a sense
condition, a guard or another sense); otherwise the actors fail, and the failing gold actor is located (the dependency
path from the trigger to the gold actor's head word: a dependent, a prepositional object, deeper in the trigger's
subtree, above it, near through a common head, far in another clause) and described (entity, generic agent, other
noun, pronoun). When the finders give no pair at all, the step that gave up is named (no role rule, no subject, a
subject that is no actor, a guard). Same training files as the learned steps (`train.training_files`: never the
unscored held-out files)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import NamedTuple

from pipeline.evaluate.events import actor_match, read_gold, SYMMETRIC
from pipeline.nlp import parse_texts
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.events.actors import governing_verb, is_agent, MentionIndex
from pipeline.nlp.events.align import fit, GoldEvent, words
from pipeline.nlp.events.extract import extract_events
from pipeline.nlp.events.guards import PAIR_GUARDS, Resolved, Site
from pipeline.nlp.events.learned import learned_trigger
from pipeline.nlp.events.lexicon import lexicon
from pipeline.nlp.events.pairs import from_target, sense_pairs, site_roles
from pipeline.nlp.events.resolver import ActorResolver
from pipeline.nlp.events.roles import CLAUSE_DEPS
from pipeline.nlp.events.senses import context_of_words, targets_of
from pipeline.nlp.events.targets import resolve_targets, unnest
from pipeline.nlp.events.train import as_dicts, missed_by_rules, training_files


class Miss(NamedTuple):
    """One missed gold event: its file, sentence, the cause, where its failing actor stands and what it is."""
    group: str
    sentence: str
    event: GoldEvent
    cause: str
    where: str
    kind: str


def _typed_token(event: GoldEvent, sent, lex):
    """The token whose trigger-table senses include the event's type, the best-fitting first (None: no such word)."""
    typed = [t for t in sent if any(s.type == event.type for k in "VNA" for s in lex.senses.get((k, t.lemma_.lower()), ()))]
    fits = sorted(((f, -t.i, t) for t in typed if (f := fit(event, t, lex)) is not None), key=lambda x: x[:2],
                  reverse=True)
    return fits[0][2] if fits else (typed[0] if typed else None)


def _site(tok, etype: str, sent, lex, actor, ms) -> Site:
    trig = learned_trigger(tok, etype)
    verb = tok if trig.kind == "V" else governing_verb(tok)
    sctx = context_of_words({t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}, lex)
    return Site(tok, trig, trig.kind, verb, lex, ms, sctx, actor, set(), targets_of(tok, lex, trig.kind, etype, trig.word,
                                                                              from_target(trig)))


def _text(pair) -> str | None:
    mention, text = pair
    return text or (mention.text if mention is not None else None)


def _judge(event: GoldEvent, pairs: list) -> tuple[bool, bool]:
    """(source matched, target matched) by the best pair (symmetric types either way round)."""
    best = (False, False)
    for a, b in pairs:
        src, tgt = actor_match(event.actor1, _text(a)), actor_match(event.actor2, _text(b))
        if event.type in SYMMETRIC and not (src and tgt):
            src = tgt = actor_match(event.actor1, _text(b)) and actor_match(event.actor2, _text(a))
        best = max(best, (src, tgt), key=lambda x: (x[0] and x[1], x[0], x[1]))
    return best


def _gave_up(site: Site) -> str:
    """The step of the role rules that gave no pair."""
    roles = site_roles(site)
    if roles is None:
        return f"{site.kind}: no role rule reads it"
    if not roles.sources and not roles.anon_ok:
        return f"{site.kind}: no source head"
    src = [x for x in (site.actor(s, True) for s in roles.sources) if x is not None]
    if roles.sources and not src and not roles.anon_ok:
        return f"{site.kind}: source head names no actor"
    targets = unnest(site, roles.targets)
    res = Resolved(src or [(None, None)], [], [], [], [], targets, False, not src)
    resolve_targets(site, targets, res)
    guard = next((g.__name__ for g in PAIR_GUARDS if g(site, res)), "other")
    return f"{site.kind}: guard {guard}"


def _gold_head(sent, text: str):
    """The highest token of the sentence among those the gold actor's words name."""
    ws = words(text)
    hits = [t for t in sent if t.lower_ in ws or len(t.lower_) >= 5 and t.lower_[:5] in {w[:5] for w in ws if len(w) >= 5}]
    idx = {t.i for t in hits}
    tops = [t for t in hits if t.head.i not in idx or t.head.i == t.i]
    return (tops or hits or [None])[-1]


def where(trigger, head) -> str:
    """Where a gold actor's head stands from the trigger (see the module docstring)."""
    up_chain, down_chain = [trigger] + list(trigger.ancestors), [head] + list(head.ancestors)
    at = {t.i: k for k, t in enumerate(down_chain)}
    k = next((k for k, t in enumerate(up_chain) if t.i in at), None)
    if k is None:
        return "no path"
    up, down = [x.dep_ for x in up_chain[:k]], [x.dep_ for x in reversed(down_chain[:at[up_chain[k].i]])]
    if not up and len(down) == 1:
        return "dependent"
    if not up and len(down) == 2 and down[0] in ("prep", "agent"):
        return "prepositional object"
    if not up:
        return "deeper in its subtree"
    if not down:
        return "above it"
    if len(up) + len(down) <= 3 and not set(up + down) & CLAUSE_DEPS:
        return "near, same clause"
    return "another clause"


def kind_of(head, actor, lex) -> str:
    got = actor(head, True)
    if got is not None and got[0] is not None:
        return "named entity"
    if head.pos_ == "PRON":
        return "pronoun"
    if is_agent(head, lex):
        return "generic agent noun"
    return "proper noun, no entity" if head.pos_ == "PROPN" else "other word"


def classify(event: GoldEvent, doc, entities, mentions, lex) -> tuple[str, str, str]:
    sent = doc[:]
    tok = _typed_token(event, sent, lex)
    if tok is None:
        return "trigger: no word of the gold type", "", ""
    ms = MentionIndex(mentions)
    actor = ActorResolver.of_document(doc, entities, ms, lex)
    site = _site(tok, event.type, sent, lex, actor, ms)
    got = sense_pairs(tok, site.trig, site.kind, site.verb, sent, lex, ms, site.ctx, actor, set())
    src, tgt = _judge(event, got[0]) if got else (False, False)
    if src and tgt:
        return "trigger: actors found there, sense/guard/type keep it out", "", ""
    cause = "actors: " + (_gave_up(_site(tok, event.type, sent, lex, actor, ms)) if not got else
                          "target wrong" if src else "source wrong" if tgt else "both wrong")
    failing = (event.actor1 or event.actor2) if not got else (event.actor2 if src else event.actor1)
    head = _gold_head(sent, failing) if failing else None
    if head is None:
        return cause, "gold actor not named", ""
    return cause, where(tok, head), kind_of(head, actor, lex)


def misses() -> list[Miss]:
    lex = lexicon()
    items = [(p.name, g) for p in training_files() for g in read_gold(p)]
    out = []
    for (group, gold), doc in zip(items, parse_texts([g["sentence"] for _, g in items])):
        entities, mentions = extract_entities(doc)
        preds = as_dicts(extract_events(doc, entities, mentions, None, model=None, check=None, roles=None))
        for event in missed_by_rules(gold["events"], preds):
            out.append(Miss(group, gold["sentence"], event, *classify(event, doc, entities, mentions, lex)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", metavar="CAUSE", help="print the missed events whose cause starts with this")
    args = ap.parse_args(argv)
    found = misses()
    print(f"Gold events the rules miss over the training gold files: {len(found)}")
    for title, key in (("cause", lambda m: m.cause), ("where the failing gold actor stands", lambda m: m.where),
                       ("what the failing gold actor is", lambda m: m.kind)):
        counts = Counter(key(m) for m in found if key(m))
        print(f"  {title}:")
        for value, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            print(f"    {n:>4}  {value}")
    for m in found:
        if args.show and m.cause.startswith(args.show):
            print(f"# {m.cause} | {m.where} | {m.kind} | {m.event.type}|{m.event.actor1}|{m.event.actor2}: "
                  f"{m.sentence[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
