"""Events: who did what to whom, where and when, typed with PLOVER (the extraction loop).

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
- Senses (lexicon rows tried in order, conditions as data): "attacked X as/for/over" is
  DISAPPROVE, else ASSAULT; "withdraw" is RETREAT of troops/forces/from a place, REJECT of
  backing/support, nothing else; "sign" AGREE needs an agreement-like object; "release"
  CONCEDE a person. The verb classes cover the common news verbs of each PLOVER type the
  way PETRARCH/CAMEO verb dictionaries do ("inked deals with", "teamed up with", "looked
  into", "turned down", "recalled its ambassador", "opened fire on"); the partner of an
  object-conditioned sense may hang on its object ("signed a truce with X"). Triggers flagged `sport` give nothing in a sport context
  (`rules/event_context.tsv`); a trigger inside a name ("Economic Leaders' Meeting") none.
- Passive ASSAULT/COERCE/CRIME without "by" ("Kiyingi was arrested", "39 traffickers
  arrested"): the source is the actor of the cause noun ("killed in a militant attack",
  "in clashes with settlers") or unknown (None), except in accident/disaster context.
- Common-noun actors ("police", "the president", "human rights groups") and proper nouns no
  entity covers are kept by their text with no entity; human nouns ("people", "his wife")
  can be targets by their text.
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

from pipeline.nlp.dates import resolve_date, token_tense
from pipeline.nlp.events.actors import (
    actor_mention, document_antecedents, governing_verb, is_agent, is_nonactor, is_person_noun, MentionIndex,
    PRONOUNS, proper_name, role_resolver,
)
from pipeline.nlp.events.lexicon import lexicon
from pipeline.nlp.events.pairs import sense_pairs
from pipeline.nlp.events.refine import Found, refine
from pipeline.nlp.events.senses import counted, direct_objects, sense_ok, sentence_context, yields_to_object_noun
from pipeline.nlp.events.status import (
    dateline_city, document_dates, event_date_of, event_place, event_status, inherit_dates, PLACE_LABELS,
)
from pipeline.nlp.model import load_model
from pipeline.records import Event, LocalEntity, Mention


def _is_headline(sent) -> bool:
    """A title-case or upper-case headline ("GOP Candidates Resoundingly Reject The Idea"), which the
    tagger reads as a string of proper nouns."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _sentences(doc, mentions: list[Mention]):
    """The sentences of the document; a headline is parsed again with its function words and
    trigger words lower-cased (upper-case words title-cased; same length, so character offsets
    and mentions still hold) so that its verbs are verbs."""
    for sent in doc.sents:
        if not _is_headline(sent):
            yield sent, mentions
            continue
        lex = lexicon()
        words = {w for w in list(lex.verbs) + list(lex.nouns) if " " not in w and len(w) >= 4}
        chars, lowered = list(doc.text), []
        for t in sent:
            low = t.text.lower()
            trig = any(low.startswith(w[:-1] if w.endswith("e") else w) for w in words)
            if t.i > sent.start and (t.is_stop or trig or low.endswith("ly")):
                chars[t.idx:t.idx + len(t.text)] = low
                lowered.append(t.idx)
            elif t.text.isupper() and len(t.text) > 4:  # "ELEVEN POLICE KILLED": "Eleven Police killed"
                chars[t.idx:t.idx + len(t.text)] = t.text.title() if not trig else low
        # only the headline is parsed again: the rest of the text is blanked out (same length, so
        # offsets hold, and the model does not parse the whole document a second time)
        text = "".join(chars)
        padded = " " * sent.start_char + text[sent.start_char:sent.end_char] + " " * (len(text) - sent.end_char)
        redone = load_model()(padded)
        toks = [t for t in redone if not t.is_space and sent.start_char <= t.idx < sent.end_char]
        # a mention running over a lower-cased word ("Obama Meets Putin") names nobody
        keep = [m for m in mentions if not any(m.start <= i < m.end for i in lowered)]
        yield (redone[toks[0].i:toks[-1].i + 1], keep) if toks else (sent, mentions)


def extract_events(doc, entities: list[LocalEntity], mentions: list[Mention], published_at: str | None) -> list[Event]:
    lex = lexicon()
    ms = ms_doc = MentionIndex(mentions)
    ent_by_key = {e.key: e for e in entities}
    resolve_role = role_resolver(doc, entities, ms)
    dateline = dateline_city(doc.text)
    name_spans = [(e.start_char, e.end_char) for e in doc.ents
                  if e.label_ in ("ORG", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PRODUCT")] + \
                 [(m.start, m.end) for m in mentions if m.label in ("ORG", "FAC")]
    events: list[Event] = []
    dates = document_dates(doc, published_at)
    subjects = document_antecedents(doc, ms)

    def resolve_pronoun(tok):
        """(mention, name) of the nearest previous subject compatible with a pronoun, or None."""
        kind = PRONOUNS.get(tok.lower_)
        if kind is None:
            return None
        labels = {"he": ("PERSON",), "it": ("ORG", "GPE"), "they": ("ORG", "GPE", "NORP")}.get(kind, ())
        if tok.dep_ == "poss" and kind in ("it", "they"):  # "X has completed its investigation": X
            for i, m in reversed(subjects):
                if tok.sent.start <= i < tok.i and m.label in labels:
                    return m, m.text
        first = tok.sent.start if kind != "he" else tok.i  # "it"/"they": an antecedent of an earlier sentence
        for i, m in reversed(subjects):
            if i < first and m.label in labels:
                return m, m.text
        if kind == "he" and tok.dep_ != "nsubj":  # "Warren Jeffs ... since his arrest": no subject before
            for t in reversed(tok.sent[: tok.i - tok.sent.start]):
                m = ms.of(t)
                if m is not None and m.label == "PERSON":
                    return m, m.text
        return None

    def actor(head, allow_text: bool):
        """(mention, text) of an actor head; None when it names no actor. A personal pronoun is
        resolved to the nearest previous compatible subject of the document ("he" a person,
        "it" an organization or country), else kept by its text without entity ("He", "they")."""
        if is_nonactor(head):  # "a previous DUI arrest", "deploy this update"
            return None
        if head.pos_ == "NOUN" and ("N", head.lemma_.lower()) in lex.senses and ms.of(head) is None:
            return None  # an event noun is no actor: "a summit meeting failed to offer hope"
        inner = counted(head)  # "hundreds of thousands of people", "two of its nationals"
        if inner:
            return actor(inner[-1], allow_text)
        if head.lemma_.lower() in lex.words("DOCUMENT"):  # "a letter attributed to Litvinenko accused X":
            author = [p for c in head.children for p in ([c] if c.dep_ == "poss" else [
                x for a in ([c] if c.dep_ == "prep" and c.lower_ in ("from", "by") else [
                    y for y in c.children if y.dep_ == "prep" and y.lower_ in ("to", "by")]
                    if c.dep_ == "acl" and c.lemma_.lower() in ("attribute", "sign", "write", "issue") else [])
                for x in a.children if x.dep_ == "pobj"]) if p.pos_ != "PRON"]
            if author:  # the document's author is the actor
                return actor(author[0], allow_text)
        if head.pos_ == "PRON" or head.lower_ in PRONOUNS:
            got = resolve_pronoun(head)
            if got is not None:
                return got
            return (None, head.text) if head.lower_ in PRONOUNS and PRONOUNS[head.lower_] != "it" else None
        name = proper_name(head, ms)
        if name is not None:
            return None, name
        m, txt = actor_mention(head, ms, ent_by_key, resolve_role)
        if m is not None:
            return m, txt
        if is_agent(head, lex) or (allow_text and is_person_noun(head, lex)):
            return None, txt
        return None

    for sent, sent_mentions in _sentences(doc, mentions):
        ms = MentionIndex(sent_mentions) if sent_mentions is not mentions else ms_doc
        date_ents = [e for e in sent.ents if e.label_ == "DATE"]
        place_ents = [e for e in sent.ents if e.label_ in PLACE_LABELS]
        ctx = sentence_context(sent, lex)
        seen: set[tuple] = set()
        consumed: set[int] = set()  # noun triggers already read as the cause of a passive verb
        order = sorted(sent, key=lambda t: (t.pos_ != "VERB", t.i))
        for tok in order:
            if tok.i in consumed:
                continue
            lemma = tok.lemma_.lower()
            cands, kind, verb = [], None, None
            prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None) if tok.pos_ == "VERB" else None
            if prt is None and tok.pos_ == "VERB":  # "took hostage": an object noun completing the verb entry
                prt = next((c.lower_ for c in tok.children if c.dep_ in ("dobj", "oprd") and not
                            any(d.dep_ == "det" for d in c.children) and ("V", f"{lemma} {c.lower_}") in lex.senses),
                           None)
            if tok.pos_ == "VERB" and (lemma in lex.verbs or prt and ("V", f"{lemma} {prt}") in lex.senses):
                if lemma in lex.verbs and " " in lex.verbs[lemma].word:
                    continue
                kind, verb = "V", tok
                if prt and ("V", f"{lemma} {prt}") in lex.senses:
                    cands = lex.senses[("V", f"{lemma} {prt}")]
                else:
                    cands = lex.senses[("V", lemma)]
                if yields_to_object_noun(tok, cands, lex):
                    continue
                    if lemma == "call" and any(c.dep_ in ("oprd", "xcomp", "ccomp") or
                                               (c.dep_ == "prep" and c.lower_ in ("for", "on")) or c.dep_ == "prt"
                                               for c in tok.children):  # "called for/on", "called him a liar"
                        cands = [t for t in cands if t.type != "CONSULT"]
            elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
                if any(a <= tok.idx < b for a, b in name_spans):
                    continue  # part of a name: "the Economic Leaders' Meeting of APEC"
                mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")]
                key = next((f"{m} {tok.lower_}" for m in mods if f"{m} {tok.lower_}" in lex.nouns), None) or \
                    next((f"{m} {lemma}" for m in mods if f"{m} {lemma}" in lex.nouns), None)
                if key is None and (tok.lower_ in lex.nouns or lemma in lex.nouns):
                    key = tok.lower_ if tok.lower_ in lex.nouns else lemma
                if key is None:
                    continue
                cands, kind = lex.senses[("N", key)], "N"
                verb = governing_verb(tok)
                if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lex.verbs and \
                        verb.lemma_.lower() not in lex.light | lex.receive | lex.report and \
                        tok.dep_ == "dobj" and tok.head.i == verb.i and \
                        not yields_to_object_noun(verb, lex.senses.get(("V", verb.lemma_.lower()), []), lex):
                    continue  # "convene talks", "sign an agreement": the verb is the event
            else:
                continue
            for trig in cands:
                if trig.type == "-":  # a "no event" sense ("foiled a plot", "warned of risks") ends the search
                    if kind == "V" and sense_ok(trig, tok, kind, direct_objects(tok, None), ctx):
                        break
                    continue
                got = sense_pairs(tok, trig, kind, verb, sent, lex, ms, ctx, actor, consumed)
                if got is None:
                    continue
                pairs, anchors_extra = got
                if "reverse" in trig.flags:  # "faced criticism from X": the target did it to the source
                    pairs = [(b, a) for a, b in pairs if b[0] is not None]
                    if not pairs:
                        continue
                _emit(events, seen, pairs, tok, trig, kind, verb, sent, lex, date_ents, place_ents, dateline,
                      published_at, dates, anchors_extra)
                break
    for e in events:  # sentence and trigger as the version text has them (a headline was parsed re-cased)
        e.sentence = doc.text[e.start_char:e.end_char]
        if e.trigger_start is not None:
            e.trigger = doc.text[e.trigger_start:e.trigger_end]
    return inherit_dates(_drop_partial(events))


def _drop_partial(events: list[Event]) -> list[Event]:
    """One event told twice in a sentence ("had a work stoppage to protest the cuts"): an event
    without target is dropped when the sentence has one of the same type and source with a target."""
    full = {(e.start_char, e.event_type, e.actor1_key or e.actor1_text) for e in events
            if e.actor2_key or e.actor2_text}
    return [e for e in events if e.actor2_key or e.actor2_text or
            (e.start_char, e.event_type, e.actor1_key or e.actor1_text) not in full]


def _emit(events, seen, pairs, tok, trig, kind, verb, sent, lex, date_ents, place_ents, dateline, published_at,
          dates, extra):
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
    status = event_status(tok, lex, light_verb)
    place = event_place(anchors, place_ents, dateline)
    d = event_date_of(anchors, date_ents, tok)
    date_text = d.text if d is not None else None
    tense = "future" if status == "planned" else (
        token_tense(tok) if kind == "V" else (token_tense(light_verb) if light_verb is not None else None))
    event_date = granularity = None
    if d is not None:
        date_tense, (event_date, granularity) = dates.get(d.start, (None, (None, None)))
        if (tense or "none") != date_tense:  # the event's own tense decides ("is planning to convene … on Friday")
            event_date, granularity = resolve_date(date_text, published_at, tense=tense or "none")
    sense = refine(Found(tok, trig, status, [src for src, _ in pairs], trig.cameo, verb,
                         [tgt for _, tgt in pairs]), lex)
    if sense.type == "-":
        return
    for (m1, t1), (m2, t2) in pairs:
        if m1 is not None and m2 is not None and m1.entity_key == m2.entity_key:
            continue
        # one event per type and actors in a sentence ("arrived here on a visit": one visit)
        key = (sense.type, m1.entity_key if m1 else t1, m2.entity_key if m2 else t2)
        if key in seen:
            continue
        seen.add(key)
        events.append(Event(
            event_type=sense.type, mode=sense.mode, status=status,
            actor1_key=m1.entity_key if m1 else None, actor2_key=m2.entity_key if m2 else None,
            actor1_text=t1 if t1 else (m1.text if m1 else None), actor2_text=(t2 or (m2.text if m2 else None)),
            place=place, event_date=event_date, date_granularity=granularity, date_text=date_text,
            sentence=sent.text, start_char=sent.start_char, end_char=sent.end_char,
            trigger=tok.text, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text), cameo_code=sense.cameo,
        ))
