"""Status (occurred, planned, hypothetical, denied), place and date of an event."""
from __future__ import annotations

import re

from pipeline.nlp.dates import DateTracker, token_tense
from pipeline.nlp.docindex import doc_ents
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.records import Event


PLACE_LABELS = ("GPE", "LOC", "FAC")


NEG = {"not", "n't", "never", "no"}


FUTURE_AUX = {"will", "'ll", "shall", "wo"}


MODALS = {"could", "might", "may", "would", "should", "can", "must"}


DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([A-Za-z .]+\)\s*)?[—–-]{1,2}\s")


def dateline_city(text: str) -> str | None:
    """'MOSCOW' of 'MOSCOW — Secretary of State ...' at the start of a text, title-cased."""
    m = DATELINE.match(text[:200])
    if not m:
        return None
    city = m.group(1).strip()
    if len(city.split()) > 4 or not city.replace(" ", "").replace(".", "").isalpha():
        return None
    return city.title()


def event_status(tok, lex: Lexicon, verb=None) -> str:
    """Modality of the event at `tok` (the trigger; `verb` its light/governing verb)."""
    chain = [tok] + ([verb] if verb is not None and verb.i != tok.i else [])
    for t in chain:
        kids = list(t.children)
        if any(c.dep_ == "neg" or c.lower_ in NEG and c.dep_ in ("neg", "det", "advmod") for c in kids):
            return "denied"
    for t in chain:
        kids = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass", "mark")}
        if kids & MODALS or kids & {"if", "whether", "unless"}:
            return "hypothetical"
        if kids & FUTURE_AUX:
            return "planned"
        if t.dep_ in ("xcomp", "ccomp", "acl", "advcl") and t.head.lemma_.lower() in lex.plan | {"go"}:
            head_status = event_status(t.head, lex)
            return "denied" if head_status == "denied" else (
                "hypothetical" if head_status == "hypothetical" else "planned")
        if t.dep_ in ("xcomp",) and t.head.lemma_.lower() in lex.hypo:
            return "hypothetical"
        if any(c.dep_ == "amod" and c.lemma_.lower() in ("plan", "planned", "proposed", "upcoming", "future",
                                                          "possible", "potential", "expected", "eventual",
                                                          "scheduled")
               for c in t.children):
            return "planned" if not any(c.lower_ in ("possible", "potential", "eventual") for c in t.children) \
                else "hypothetical"
        if any(c.dep_ == "acl" and c.lemma_.lower() in ("schedule", "plan", "set", "due") for c in t.children):
            return "planned"
    if (verb is not None or tok.pos_ == "VERB") and token_tense(verb if verb is not None else tok) == "future":
        return "planned"
    return "occurred"


def event_place(anchors, sent_ents_place, dateline: str | None) -> str | None:
    for a in anchors:
        if a is None:
            continue
        for prep in (c for c in a.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside", "near")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for e in sent_ents_place:
                    if e.start <= pobj.i < e.end:
                        return e.text
                for c in pobj.subtree:
                    for e in sent_ents_place:
                        if e.start <= c.i < e.end and c.head.lower_ in ("in", "of"):
                            return e.text
        if any(c.lower_ == "here" for c in a.children) and dateline:
            return dateline
    return None


def _clause_verb(tok):
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def event_date_of(anchors, date_ents, trigger):
    """The DATE entity attached to the trigger (or its light verb): one whose syntactic
    head path reaches an anchor before any other verb."""
    best = None
    for e in date_ents:
        t = e.root
        for _ in range(6):
            if any(t.i == a.i for a in anchors if a is not None):
                dist = abs(e.start - trigger.i)
                if best is None or dist < best[0]:
                    best = (dist, e)
                break
            if t.head.i == t.i or (t.pos_ in ("VERB", "AUX") and t.i != e.root.i):
                break
            t = t.head
    if best is not None:
        return best[1]
    return None


def document_dates(doc, published_at) -> dict[int, tuple[str, tuple[str | None, str | None]]]:
    """{start token of a DATE entity: (tense used, (date, granularity))} for every date
    expression of the document, resolved in text order by one `DateTracker`, so that
    "that day", "the following week" or "two days later" take the narrative's reference
    time (the last date the text established), not the publication date."""
    tracker = DateTracker(published_at)
    out = {}
    for ent in doc_ents(doc):
        if ent.label_ == "DATE":
            tense = token_tense(ent.root) or "none"
            out[ent.start] = (tense, tracker.resolve(ent.text, tense=tense, context=ent.sent.text))
    return out


def inherit_dates(events: list[Event]) -> list[Event]:
    """Narrative time: an undated event that occurred, with the same source actor and place
    as a dated event of the same document ("Kerry pressed ahead on Tuesday with talks in
    Moscow ... In Moscow, Mr. Kerry met first with Lavrov"), takes that date (and its date
    text). Only when the dated events of that actor and place agree on one date."""
    dated: dict[tuple, set] = {}
    for e in events:
        if e.event_date and e.place and e.status == "occurred":
            dated.setdefault((e.actor1_key, e.place), set()).add((e.event_date, e.date_granularity, e.date_text))
    for e in events:
        if e.event_date is None and e.date_text is None and e.place and e.status == "occurred":
            got = dated.get((e.actor1_key, e.place), set())
            if len({(d, g) for d, g, _ in got}) == 1:
                e.event_date, e.date_granularity, e.date_text = sorted(got)[0]
    return events
