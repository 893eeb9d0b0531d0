"""The actor pairs one sense of a trigger gives in its sentence (`sense_pairs`): sources and targets of a
verb (subject, object, passive "by", inherited subjects) or of a noun (possessor, "by X", modifier, the
subject of the light verb that carries it), the guards on them, and the unknown source of an agentless
passive assault or arrest."""
from __future__ import annotations

from pipeline.nlp.events.actors import (
    ACTOR_LABELS, actor_mention, expand_conj, is_agent, is_person_noun, MentionIndex, noun_sources, PRONOUNS,
    STRONG_LABELS, subject_of,
)
from pipeline.nlp.events.lexicon import Lexicon, Trigger
from pipeline.nlp.events.senses import direct_objects, sense_ok, targets_of, yields_to_object_noun


ANON_TYPES = {"ASSAULT", "COERCE", "CRIME"}  # a passive of these without "by" has an unknown source
LIGHT_PREPS = {"in", "into", "to", "at", "under", "of", "on"}  # a light verb reaches its noun through these
PASSIVE_ANON_TYPES = ANON_TYPES | {"DISAPPROVE", "INVESTIGATE", "SUPPORT", "DEMAND", "SANCTION", "REJECT",
                                  "THREATEN", "AID", "CONCEDE"}  # "the church was criticised": unknown source
# nouns whose "of" phrase is the target ("the arrest of X", "criticism of Y")
OF_TYPES = {"DISAPPROVE", "INVESTIGATE", "COERCE", "CONCEDE", "SUPPORT", "ASSAULT", "SANCTION", "CRIME"}
ANON_NOUN_TYPES = OF_TYPES  # nouns of these types may name only a target ("the arrest of 23 pirates")
CLAUSE_TARGET_TYPES = {"DISAPPROVE", "DEMAND", "THREATEN"}  # "allegations that X ...": X is the target
STATEMENT_TYPES = {"AGREE", "REJECT", "THREATEN"}  # types whose verb may state its act in a complement
# types whose generated senses may have no recipient (PLOVER: a protest, a mobilization, a retreat, an intent)
UNTARGETED = {"PROTEST", "MOBILIZE", "RETREAT", "AGREE", "REJECT", "THREATEN", "CONCEDE", "SANCTION", "ASSAULT",
              "COERCE", "INVESTIGATE"}


def sense_pairs(tok, trig: Trigger, kind: str, verb, sent, lex: Lexicon, ms: MentionIndex, ctx: set[str], actor,
                 consumed: set[int]):
    """Actor pairs of one sense of a trigger, or None when the sense does not apply."""
    sources, targets, passive = [], [], False
    anon_ok = False  # an event whose source is unknown ("Kiyingi was arrested")
    pre_pairs = None
    extra = []
    tgt_heads = targets_of(tok, lex, kind, trig.type, trig.word)
    if kind == "V" and trig.need("obj") and not any(isinstance(t, tuple) for t in tgt_heads):
        # "signed a contract with X", "inked deals with X": the partner hangs on the sense's object noun
        tgt_heads += [(c.lower_, p) for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in trig.need("obj")
                      for c in o.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                      for p in c.children if p.dep_ == "pobj"]
    if kind == "V":
        sources, passive = subject_of(tok)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
            sources, passive = [tok.head], True  # "39 drug traffickers arrested", "civilians killed by"
        if not sense_ok(trig, tok, kind, direct_objects(tok, sources if passive else None), ctx):
            return None
        agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        agent = [x for a in agent[:1] for x in expand_conj(a)]
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
                                sources = noun_sources(p, ms, lex) or [
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
            themes = [t for t in targets if (t.lemma_.lower() in theme or t.lower_ in theme) and not (
                is_agent(t, lex) or is_person_noun(t, lex))]  # "expelled two diplomats": persons stay targets
            targets = [t for t in targets if t not in themes] + [  # "overturned a lower court ruling": its author
                c for t in themes for c in t.children if c.dep_ in ("poss", "compound", "nmod") and c.pos_ != "PRON"
                and (ms.of(c) is not None and ms.of(c).label in ACTOR_LABELS or is_agent(c, lex))]
        if "ccomp" in trig.flags:  # "allege that the men killed ...": the accused is the inner subject
            for c in tok.children:
                if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                  for m in c.children):
                    inner, inner_passive = subject_of(c)
                    if inner and not inner_passive:
                        targets = targets + inner[:1]
        # a thing as object ("withdrew its backing to X"): the actor is in its to/for/of phrase
        if targets and all(actor(t, False) is None for t in targets):
            inner = [p for t in targets for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "of", "against", "by")
                     for p in c.children if p.dep_ == "pobj"]
            targets = targets + inner
    else:
        if not sense_ok(trig, tok, kind, [], ctx):
            return None
        poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        pron_poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in PRONOUNS]
        own = noun_sources(tok, ms, lex)
        # "the arrest of the pirates", "criticism of Putin": the "of" phrase is the target
        ofs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and trig.type in OF_TYPES
               for p in c.children if p.dep_ == "pobj"]
        # "allegations that Livingstone has brought ...", "its demand that Israel ease ...": the subject of
        # the noun's that-clause is the target
        ofs += [s for c in tok.children if c.dep_ in ("acl", "ccomp") and trig.type in CLAUSE_TARGET_TYPES and
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for s in subject_of(c)[0][:1]]
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
            sources = expand_conj(among[0])
            targets = subject_of(verb)[0]
        elif not poss and near_verb and tok.dep_ not in ("nsubj", "nsubjpass") and (
                vlemma in lex.receive or passive_light) and "sym" not in trig.flags:
            # "won the backing of X", "received aid from X", "were given loans from the government":
            # the subject receives, "from/of/by X" gives
            sources = from_[:1] + ([] if from_ else ofs[:1])
            sources = [x for t in sources for x in expand_conj(t)]
            targets = subject_of(verb)[0]
            anon_ok = trig.type in ("AID", "SUPPORT") and bool(targets)
        elif between:
            both = expand_conj(between[0])
            if len(both) == 1:  # "between Chinese and African leaders"
                mods = [c for c in both[0].children if c.dep_ in ("amod", "compound") and ms.of(c) is not None]
                mods = [x for m in mods[:1] for x in expand_conj(m) if ms.of(x) is not None] if mods else []
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
            # the object of a verb that is no event itself carries it as a light verb does ("staged rallies",
            # "organized a general strike")
            light = light or verb is not None and carrier(tok, verb, lex)
            if verb is not None and (light or withs):
                sources, _ = subject_of(verb)
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
                           or is_person_noun(t, lex) or t.lower_ in PRONOUNS]
            elif not light and not withs:
                return None
        if verb is not None:
            targets = targets or [t[1] for t in targets_of(verb, lex, "N", trig.type)
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
    tgt, tgt_ok, named, proper = [], [], [], []  # named: an entity or an actor noun; proper: a bare proper noun
    for t in targets:
        for tt in expand_conj(t):
            got = actor(tt, True)  # a human noun can be a target by its text ("released two hostages")
            if got is None:
                inner = [p for c in tt.subtree if c.dep_ == "prep" and c.lower_ == "with"
                         for p in c.children if p.dep_ == "pobj"]
                if inner:
                    got = actor(inner[0], False)
            if got is not None:
                tgt_ok.append(got)
                if got[0] is not None or is_agent(tt, lex) or is_person_noun(tt, lex):
                    named.append(got)
                elif tt.pos_ == "PROPN" and got[1] and got[1].lower() not in PRONOUNS:
                    proper.append(got)
            else:
                m, txt = actor_mention(tt, ms, {}, lambda h, t: None)
                tgt.append((None, txt))
    pron = any(s.pos_ == "PRON" for s in sources)  # a pronoun source (resolved or not) needs a target,
    if pron and not tgt_ok:  # unresolved a named one
        return None
    weak = pron and any(m is None for m, _ in src) or all(m is None and (t is None or t.lower() in PRONOUNS) for m, t in src)
    if (anon or weak) and not any(m is not None or (t or "").lower() not in PRONOUNS for m, t in named):
        return None  # no named actor on either side: "He will meet him", "they were criticised"
    if "generated" in trig.flags and any(m is None and (t or "").lower() in ("i", "we", "you") for m, t in src):
        return None  # a speaker's "I respect the jury": a generated sense needs a third-party source
    # a generated sense without object words needs a named actor as target ("offered hope", "took measures",
    # "learn from": no event), unless it is a promise, refusal or threat of the act in its complement
    # ("promised to democratize", "declined to resign"; not "declined to comment")
    # PETRARCH codes an event only between actors it knows: any generated sense of a type that needs a recipient
    # ("raised concerns", "issued a statement for its part") counts only with a named target
    if "generated" in trig.flags and trig.type not in UNTARGETED and not (named or proper):
        return None
    if "named" in trig.flags and not (named or proper) and (
            targets or tgt or trig.type not in STATEMENT_TYPES or not any(
                c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() not in lex.words("NO_ACT") for c in tok.children)):
        return None
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


def carrier(noun, verb, lex: Lexicon) -> bool:
    """A verb that carries a noun trigger as a light verb does: a speech verb with the noun as object
    ("announced a suspension of air links"), a generated verb that yields to its object noun ("speeded up the
    withdrawal of forces"), or a verb of gathering with the noun in its for-phrase ("were converging for a rally";
    GATHER cue words)."""
    lemma = verb.lemma_.lower()
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return lemma in lex.report or yields_to_object_noun(verb, lex.senses.get(("V", lemma), []), lex)
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.i == verb.i and \
        lemma in lex.words("GATHER")
