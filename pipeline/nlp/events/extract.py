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
  object-conditioned sense may hang on its object ("signed a truce with X"). Triggers flagged `sport` give nothing
  in a sport context (`rules/event_context.tsv`); a trigger inside a name ("Economic Leaders' Meeting") none.
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

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from pipeline.nlp.dates import resolve_date, token_tense
from pipeline.nlp.docindex import doc_ents, doc_sents, doc_text, span_ents
from pipeline.nlp.events.actors import governing_verb, MentionIndex
from pipeline.nlp.events.filters import (drop_partial, drop_unknown_source_twins, reversed_pairs, self_event,
                                         split_namesakes)
from pipeline.nlp.events.found import Found
from pipeline.nlp.events.learned import (
    candidate_features, DROP, event_check, event_features, event_model, is_candidate, learned_trigger,
)
from pipeline.nlp.events.lexicon import Lexicon, lexicon
from pipeline.nlp.events.pairs import sense_pairs
from pipeline.nlp.events.refine import refine
from pipeline.nlp.events.resolver import ActorResolver
from pipeline.nlp.events.roles import event_roles, role_candidates
from pipeline.nlp.events.senses import context_of_words, direct_objects, sense_ok, yields_to_object_noun
from pipeline.nlp.events.token_table import TokenTable, token_table
from pipeline.nlp.events.status import (
    dateline_city, document_dates, event_date_of, event_place, event_status, inherit_dates, PLACE_LABELS,
)
from pipeline.nlp.model import load_model
from pipeline.records import Event, LocalEntity, Mention


def _is_headline(sent, table: TokenTable) -> bool:
    """A title-case or upper-case headline ("GOP Candidates Resoundingly Reject The Idea"), which the
    tagger reads as a string of proper nouns."""
    words = [table.text[i] for i in range(sent.start, sent.end) if table.alpha[i] and len(table.text[i]) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=1)
def _trigger_prefixes() -> tuple[str, ...]:
    """Stems of the one-word triggers of four letters or more (a final "e" dropped: "attack",
    "negotiat"): a headline word starting with one is lower-cased."""
    lex = lexicon()
    words = {w for w in list(lex.verbs) + list(lex.nouns) if " " not in w and len(w) >= 4}
    return tuple(sorted({w[:-1] if w.endswith("e") else w for w in words}))


def _sentences(doc, mentions: list[Mention], table: TokenTable):
    """The sentences of the document; a headline is parsed again with its function words and
    trigger words lower-cased (upper-case words title-cased; same length, so character offsets
    and mentions still hold) so that its verbs are verbs."""
    for sent in doc_sents(doc):
        if not _is_headline(sent, table):
            yield sent, mentions
            continue
        prefixes = _trigger_prefixes()
        chars, lowered = list(doc_text(doc)), []
        for t in sent:
            low = t.text.lower()
            trig = low.startswith(prefixes)
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


class TriggerSite(NamedTuple):
    """A trigger word of a sentence: its lexicon senses (tried in order), V or N, and the verb
    that carries it (the trigger itself for a verb, the governing verb of a noun)."""
    senses: list
    kind: str
    verb: object


@dataclass
class DocumentContext:
    """What every sentence of one document shares while its events are read."""
    lex: Lexicon
    actor: ActorResolver
    name_spans: list[tuple[int, int]]
    dateline: str | None
    published_at: str | None
    dates: dict
    model: object = None  # the learned candidate step (`learned.EventModel` or a trainer's recorder); None: rules only
    check: object = None  # the learned check of every event found (`learned.EventModel` or a recorder); None: keep all
    roles: object = None  # the learned actor-role step of silent triggers (`roles.RoleModel` or a recorder); None: off


def _name_spans(doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Character spans of names (organizations, events, works, laws...): a trigger inside one is no event."""
    return [(e.start_char, e.end_char) for e in doc_ents(doc)
            if e.label_ in ("ORG", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PRODUCT")] + \
        [(m.start, m.end) for m in mentions if m.label in ("ORG", "FAC")]


def _particle(tok, lemma: str, lex: Lexicon) -> str | None:
    """The particle of a phrasal verb ("turned down"), else a bare object noun completing the verb entry
    ("took hostage")."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt is None:
        prt = next((c.lower_ for c in tok.children if c.dep_ in ("dobj", "oprd") and not
                    any(d.dep_ == "det" for d in c.children) and ("V", f"{lemma} {c.lower_}") in lex.senses), None)
    return prt


def _verb_trigger(tok, ctx: DocumentContext) -> TriggerSite | None:
    """A verb of the lexicon (or phrasal verb entry) that does not yield to its object noun."""
    lex = ctx.lex
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    prt = _particle(tok, lemma, lex)
    phrasal = bool(prt) and ("V", f"{lemma} {prt}") in lex.senses
    if not (lemma in lex.verbs or phrasal):
        return None
    if lemma in lex.verbs and " " in lex.verbs[lemma].word:
        return None
    senses = lex.senses[("V", f"{lemma} {prt}")] if phrasal else lex.senses[("V", lemma)]
    if yields_to_object_noun(tok, senses, lex):
        return None
    return TriggerSite(senses, "V", tok)


def _noun_key(tok, lex: Lexicon) -> str | None:
    """The lexicon noun entry of a token: with a modifier ("phone call", "air strikes"), else alone."""
    lemma = tok.lemma_.lower()
    kids = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    mods = [c.lower_ for c in kids]
    # "a press release", "a campaign rally", "a Trump rally" (PERSON: a rally named after a person)
    if any(f"{m} {lemma}" in lex.words("NO_EVENT_NOUN") for m in mods + [c.ent_type_ for c in kids if c.ent_type_]):
        return None
    key = next((f"{m} {tok.lower_}" for m in mods if f"{m} {tok.lower_}" in lex.nouns), None) or \
        next((f"{m} {lemma}" for m in mods if f"{m} {lemma}" in lex.nouns), None)
    if key is None and (tok.lower_ in lex.nouns or lemma in lex.nouns):
        key = tok.lower_ if tok.lower_ in lex.nouns else lemma
    return key


def _verb_is_event(tok, verb, lex: Lexicon) -> bool:
    """"convene talks", "sign an agreement": an event verb whose object is the noun is the event itself."""
    if verb is None or verb.pos_ != "VERB" or tok.dep_ != "dobj" or tok.head.i != verb.i:
        return False
    vlemma = verb.lemma_.lower()
    # "shrugged off the criticism": a hand phrasal entry is the event, not the minister's criticism (the generated ones
    # yield to their object noun: "carried out an attack")
    prt = _particle(verb, vlemma, lex)
    if prt is not None and any("generated" not in t.flags for t in lex.senses.get(("V", f"{vlemma} {prt}"), ())):
        return True
    return vlemma in lex.verbs and vlemma not in lex.light | lex.receive | lex.report and \
        not yields_to_object_noun(verb, lex.senses.get(("V", vlemma), []), lex)


def _noun_trigger(tok, ctx: DocumentContext) -> TriggerSite | None:
    """A noun of the lexicon, not part of a name, not the object of an event verb."""
    lex = ctx.lex
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return None
    if any(a <= tok.idx < b for a, b in ctx.name_spans):
        return None  # part of a name: "the Economic Leaders' Meeting of APEC"
    key = _noun_key(tok, lex)
    if key is None:
        return None
    verb = governing_verb(tok)
    if _verb_is_event(tok, verb, lex):
        return None
    return TriggerSite(lex.senses[("N", key)], "N", verb)


def _adjective_trigger(tok, ctx: DocumentContext) -> TriggerSite | None:
    """An adjective complement of the lexicon ("X was critical of Y"): read like a verb (the copula's subject is
    the source)."""
    participle = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)  # "were involved in"
    if not (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "xcomp") or participle):
        return None
    senses = ctx.lex.senses.get(("A", tok.lower_)) if participle else (
        ctx.lex.senses.get(("A", tok.lemma_.lower())) or ctx.lex.senses.get(("A", tok.lower_)))
    return TriggerSite(senses, "V", tok) if senses else None


def _role_noun_trigger(tok, ctx: DocumentContext) -> TriggerSite | None:
    """A predicative or appositive role noun of the lexicon ("has been a loyal supporter of the government", "Adelson,
    a fierce supporter of the nation"; kind R rows): it states its event, read like a verb (the copula's subject or the
    noun it stands beside is the source, "of X" the target; labelling decision c of gold/events_dev11.tsv)."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("attr", "appos"):
        return None
    senses = ctx.lex.senses.get(("R", tok.lemma_.lower()))
    return TriggerSite(senses, "V", tok) if senses else None


# a token is an adjective (or passive participle: "were involved in") trigger, a predicative role noun, a verb trigger
# or a noun trigger
TRIGGER_FINDERS = (_adjective_trigger, _role_noun_trigger, _verb_trigger, _noun_trigger)


_TRIGGER_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}  # id(lexicon) -> (lexicon, its words)


def _trigger_words(lex: Lexicon) -> frozenset[str]:
    """Every word a trigger entry can be found by: a verb or adjective entry's lemma (the first word of a
    phrasal one: "turn down"), a noun entry's head (its last word: "phone call")."""
    kept = _TRIGGER_WORDS.get(id(lex))
    if kept is None or kept[0] is not lex:
        words = set(lex.verbs) | set(lex.nouns) | {word.split(" ")[-1] for word in lex.nouns} | {
            word.split(" ")[0] for kind, word in lex.senses if kind in ("V", "A", "R")}  # A: "critical of"
        kept = _TRIGGER_WORDS[id(lex)] = (lex, frozenset(words))
    return kept[1]


def _may_trigger(tok, lex: Lexicon) -> bool:
    """False for a token no finder can take (neither its lemma nor its form is a trigger word):
    most tokens, ruled out before the finders read their children."""
    return _may_trigger_word(tok.lemma_.lower(), tok.lower_, lex)


def _may_trigger_word(lemma: str, low: str, lex: Lexicon) -> bool:
    """`_may_trigger` of a token's lemma (lower-cased) and lower-case form."""
    if " " in lemma or " " in low:
        return True
    words = _trigger_words(lex)
    return lemma in words or low in words


def _trigger_site(tok, ctx: DocumentContext) -> TriggerSite | None:
    if not _may_trigger(tok, ctx.lex):
        return None
    return next((site for find in TRIGGER_FINDERS if (site := find(tok, ctx)) is not None), None)


def _trigger_events(tok, site: TriggerSite, sent, sctx: set[str], ctx: DocumentContext, found: "SentenceState"):
    """Emits the events of the first sense of a trigger that applies; a "no event" sense ("foiled a plot",
    "warned of risks") that applies ends the search."""
    lex = ctx.lex
    for trig in site.senses:
        if trig.type == "-":
            if site.kind == "V" and sense_ok(trig, tok, site.kind, direct_objects(tok, None), sctx):
                return
            continue
        got = sense_pairs(tok, trig, site.kind, site.verb, sent, lex, ctx.actor.ms, sctx, ctx.actor, found.consumed)
        if got is None:
            continue
        pairs, anchors_extra = got
        if "reverse" in trig.flags:  # "faced criticism from X": the target did it to the source
            pairs = reversed_pairs(pairs, trig)
            if not pairs:
                continue
        _emit(found.events, found.seen, pairs, tok, trig, site.kind, site.verb, sent, lex, found.date_ents,
              found.place_ents, ctx.dateline, ctx.published_at, ctx.dates, anchors_extra)
        return
    if ctx.roles is not None:
        _learned_roles(tok, site, sent, sctx, ctx, found)


def _learned_roles(tok, site: TriggerSite, sent, sctx: set[str], ctx: DocumentContext, found: "SentenceState"):
    """A trigger whose sense applies but whose actors no role rule found: the learned role step (`roles.py`) picks
    its source and target among the sentence's actor heads; no source and no target, no event."""
    objs = direct_objects(tok, None) if site.kind == "V" else []
    trig = next((t for t in site.senses if t.type != "-" and sense_ok(t, tok, site.kind, objs, sctx)), None)
    if trig is None or "reverse" in trig.flags:
        return
    cands = role_candidates(tok, sent, trig.type, ctx.actor, ctx.lex)
    got = ctx.roles.choose(tok, trig.type, cands) if cands else None
    if got is None or got.source is None and got.target is None:
        return
    none = (None, None)
    pair = (got.source.actor if got.source is not None else none, got.target.actor if got.target is not None else none)
    _emit(found.events, found.seen, [pair], tok, trig, site.kind, site.verb, sent, ctx.lex, found.date_ents,
          found.place_ents, ctx.dateline, ctx.published_at, ctx.dates, [])


@dataclass
class SentenceState:
    """The events found so far and what one sentence's triggers share."""
    events: list[Event]
    date_ents: list
    place_ents: list
    seen: set = field(default_factory=set)  # (type, source, target) already emitted in the sentence
    consumed: set = field(default_factory=set)  # noun triggers already read as the cause of a passive verb


def _sentence_events(sent, ctx: DocumentContext, events: list[Event], table: TokenTable) -> None:
    """The events of one sentence, verbs first, then nouns, in text order (`table`: the strings of
    the sentence's Doc; only the tokens that may be triggers become Token objects)."""
    ents = span_ents(sent)
    found = SentenceState(events, [e for e in ents if e.label_ == "DATE"],
                          [e for e in ents if e.label_ in PLACE_LABELS])
    span = range(sent.start, sent.end)
    sctx = context_of_words({table.lower[i] for i in span} | {table.lemma[i] for i in span}, ctx.lex)
    first = len(events)
    candidates = [i for i in span if _may_trigger_word(table.lemma[i], table.lower[i], ctx.lex)]
    for i in sorted(candidates, key=lambda i: (not table.verb[i], i)):
        if i in found.consumed:
            continue
        tok = sent.doc[i]
        site = _trigger_site(tok, ctx)
        if site is not None:
            _trigger_events(tok, site, sent, sctx, ctx, found)
    learned_from = len(events)
    if ctx.model is not None:
        _learned_events(sent, sctx, ctx, found)
    if ctx.check is not None and len(events) > first:
        _check_events(sent, ctx, events, first, learned_from)


def _check_events(sent, ctx: DocumentContext, events: list[Event], first: int, learned_from: int) -> None:
    """The learned check (`learned.py`) over the events of one sentence (from index `first`; the learned step's from
    `learned_from`): an event it judges wrong is dropped."""
    by_start = {t.idx: t for t in sent}
    kept = [e for k, e in enumerate(events[first:], first) if e.trigger_start not in by_start or ctx.check.decide(
        event_features(by_start[e.trigger_start], e, ctx.lex, k >= learned_from), e) != DROP]
    events[first:] = kept


def _learned_events(sent, sctx: set[str], ctx: DocumentContext, found: "SentenceState") -> None:
    """The learned step (`learned.py`) over the candidates the rules gave no event: a type it names gets its actors
    from the rule's actor finders (`sense_pairs` of a sense without conditions); no actors, no event."""
    taken = {e.trigger_start for e in found.events if e.start_char == sent.start_char}
    for tok in sent:
        if tok.i in found.consumed or tok.idx in taken or not is_candidate(tok, ctx.lex):
            continue
        event_type = ctx.model.decide(candidate_features(tok, ctx.lex), tok)
        if event_type is None:
            continue
        trig = learned_trigger(tok, event_type)
        verb = tok if trig.kind == "V" else governing_verb(tok)
        got = sense_pairs(tok, trig, trig.kind, verb, sent, ctx.lex, ctx.actor.ms, sctx, ctx.actor, found.consumed)
        if got is None:
            continue
        pairs, extra = got
        _emit(found.events, found.seen, pairs, tok, trig, trig.kind, verb, sent, ctx.lex, found.date_ents,
              found.place_ents, ctx.dateline, ctx.published_at, ctx.dates, extra)


def _fix_lemmas(doc, lex: Lexicon) -> None:
    """Word forms the model lemmatizes wrongly ("staged" -> "stag"): LEMMA_FIX rows of the trigger table."""
    strings = doc.vocab.strings
    fixes = {strings[low]: lemma for low, lemma in (w.split("=", 1) for w in lex.words("LEMMA_FIX"))}  # by hash
    for i, low in enumerate(doc.to_array("LOWER").tolist()):  # a Token object only for the forms listed
        if low in fixes and doc[i].lemma_.lower() != fixes[low]:
            doc[i].lemma_ = fixes[low]


SHIPPED_MODEL = "shipped"  # extract_events' default: the model file of `learned.event_model()`


def extract_events(doc, entities: list[LocalEntity], mentions: list[Mention], published_at: str | None,
                   model=SHIPPED_MODEL, check=SHIPPED_MODEL, roles=SHIPPED_MODEL) -> list[Event]:
    """The events of one parsed document: the rule triggers, then the learned step over the words they left (`model`:
    the shipped model by default, None for the rules alone, or a trainer's model or recorder; `check`: likewise, the
    learned check that drops events it judges wrong; `roles`: likewise, the learned actor-role step of triggers whose
    actors the role rules do not find)."""
    lex = lexicon()
    model = event_model() if model is SHIPPED_MODEL else model
    check = event_check() if check is SHIPPED_MODEL else check
    roles = event_roles() if roles is SHIPPED_MODEL else roles
    _fix_lemmas(doc, lex)
    ms_doc = MentionIndex(mentions)
    ctx = DocumentContext(lex, ActorResolver.of_document(doc, entities, ms_doc, lex), _name_spans(doc, mentions),
                          dateline_city(doc_text(doc)), published_at, document_dates(doc, published_at), model,
                          check, roles)
    events: list[Event] = []
    text = doc_text(doc)
    table = token_table(doc)
    for sent, sent_mentions in _sentences(doc, mentions, table):
        ctx.actor.ms = MentionIndex(sent_mentions) if sent_mentions is not mentions else ms_doc
        _sentence_events(sent, ctx, events, table if sent.doc is doc else token_table(sent.doc))
    for e in events:  # sentence and trigger as the version text has them (a headline was parsed re-cased)
        e.sentence = text[e.start_char:e.end_char]
        if e.trigger_start is not None:
            e.trigger = text[e.trigger_start:e.trigger_end]
    return inherit_dates(drop_unknown_source_twins(drop_partial(events)))


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
    if "sym" in trig.flags and trig.type == "FIGHT" and sense.type == "DISAPPROVE":  # "X and Y clashed" in words:
        pairs = pairs + [(b, a) for a, b in pairs if b != (None, None)]  # each criticized the other
    for (m1, t1), (m2, t2) in (split_namesakes(source, target) for source, target in pairs):
        if self_event(m1, m2, t2) or t1 and t2 and t1.lower() == t2.lower():  # "all-party support": no pair
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
