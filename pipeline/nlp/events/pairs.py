"""The actor pairs one sense of a trigger gives in its sentence (`sense_pairs`): the source and target heads of the
role rules (`verb_roles` for a verb: subject, object, passive "by", inherited subjects; `noun_roles` for a noun:
possessor, "by X", modifier, the subject of the light verb that carries it), resolved to actors (`targets`) and checked
by the guards of `guards`; an agentless passive assault or arrest may keep an unknown source."""
from __future__ import annotations

from pipeline.nlp.events.actors import MentionIndex
from pipeline.nlp.events.guards import PAIR_GUARDS, Resolved, Site
from pipeline.nlp.events.lexicon import Lexicon, Trigger
from pipeline.nlp.events.noun_roles import noun_roles
from pipeline.nlp.events.role_heads import ANON_TYPES, Roles
from pipeline.nlp.events.senses import targets_of
from pipeline.nlp.events.targets import reciprocal_object, reciprocal_pairs, resolve_targets, unnest
from pipeline.nlp.events.verb_roles import judged_roles, verb_roles, verb_subject

MAX_TARGETS = 4  # "visiting Tanzania, Mozambique and Kenya": one event per conjoined target, up to this many


def from_target(trig: Trigger) -> bool:
    """A verb's "from X" names a target only for a reverse sense ("came under fire from X": X did it) or a sense whose
    condition names the preposition ("distanced himself from X")."""
    return "reverse" in trig.flags or "from" in (trig.need("prep") or ())


def sense_pairs(tok, trig: Trigger, kind: str, verb, sent, lex: Lexicon, ms: MentionIndex, ctx: set[str], actor,
                consumed: set[int]):
    """Actor pairs of one sense of a trigger, or None when the sense does not apply (a verb sense is tested before
    its targets are looked for: most senses of a trigger do not apply)."""
    subject = verb_subject(tok, trig, kind, lex, ctx) if kind == "V" and "judged" not in trig.flags else ()
    if subject is None:
        return None
    site = Site(tok, trig, kind, verb, lex, ms, ctx, actor, consumed,
                targets_of(tok, lex, kind, trig.type, trig.word, from_target(trig)), subject=subject or None)
    roles = site_roles(site)
    if roles is None:
        return None
    if roles.pre_pairs is not None:
        return roles.pre_pairs, []
    if not roles.sources and not roles.anon_ok:
        return None
    return _actor_pairs(site, roles)


def site_roles(site: Site) -> Roles | None:
    """The source and target heads the role rules find for one sense of a trigger (None: the sense does not apply
    or no role rule reads the trigger)."""
    if "judged" in site.trig.flags:
        return judged_roles(site)
    return verb_roles(site) if site.kind == "V" else noun_roles(site)


def _document_voice(site: Site, head):
    """"The report recommends gathering more details", "a report by two committees called for changes": a document
    (DOCUMENT cue words) whose author is not named makes a demand itself, kept by its text (a demand is what the
    labellers code for it; what a report supports or says is no stance of an actor)."""
    if site.trig.type != "DEMAND" or site.kind != "V" or head.lemma_.lower() not in site.lex.words("DOCUMENT"):
        return None
    return None, head.doc[head.left_edge.i: head.i + 1].text


def _actor_pairs(site: Site, roles: Roles):
    """The (source, target) actor pairs of the roles, or None when a guard rejects them."""
    trig, tok = site.trig, site.tok
    targets = unnest(site, roles.targets)
    # protesters are often plain people by their text ("Nurses held a walkout to protest")
    # and perpetrators by a human noun ("the three teenagers charged with murdering X")
    # and a passive's "by" phrase names its doer explicitly ("supported by her friends")
    text_ok = trig.type in ("PROTEST", "ASSAULT", "CRIME") or roles.passive
    got = [(s, site.actor(s, text_ok) or _document_voice(site, s)) for s in roles.sources]
    src = [x for _, x in got if x is not None]
    # a pronoun source the coreference rules resolved to a mention is that actor, not a bare pronoun
    pronoun_source = any(s.pos_ == "PRON" and (x is None or x[0] is None) for s, x in got)
    if not src:
        has_agent = any(c.dep_ == "agent" for c in tok.children)
        # a noun event whose carrier names no actor ("the warship foiled an attack on vessels"): unknown source
        anon_noun = site.kind == "N" and trig.type in ANON_TYPES and bool(targets)
        if not ((roles.anon_ok or anon_noun) and (roles.passive or roles.cause_subject or site.kind == "N") and
                not has_agent):
            return None
        src = [(None, None)]
    if src != [(None, None)] and reciprocal_object(tok):
        return reciprocal_pairs(src, "sym" in trig.flags), []
    res = Resolved(src, [], [], [], [], targets, pronoun_source, src == [(None, None)])
    resolve_targets(site, targets, res)
    if any(guard(site, res) for guard in PAIR_GUARDS):
        return None
    if not res.tgt_ok and not res.tgt and len(src) > 1 and "sym" in trig.flags:  # "X, Y and Z met": each pair
        return [(one, two) for k, one in enumerate(src[:MAX_TARGETS]) for two in src[k + 1:MAX_TARGETS]], []
    tgt_list = res.tgt_ok or [(None, res.tgt[0][1] if res.tgt else None)]
    return [(s, t) for s in src for t in tgt_list[:MAX_TARGETS]], []
