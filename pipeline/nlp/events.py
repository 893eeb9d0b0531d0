"""Events (first cut): a trigger verb from `rules/event_triggers.tsv`, its subject as
source actor and its object (or "with X") as target, a place from "in <GPE>", and the
sentence's date expression resolved against the publication date."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.nlp.dates import resolve_date
from pipeline.records import Event, LocalEntity, Mention

TRIGGERS_PATH = Path(__file__).resolve().parent.parent / "rules" / "event_triggers.tsv"


@lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[str, str]]:
    out = {}
    for line in TRIGGERS_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, etype, mode = line.split("\t")[:3]
            out[lemma] = (etype, mode)
    return out


def _mention_for_token(tok, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.start <= tok.idx < m.end:
            return m
    return None


def _actor_of(tok, mentions):
    """The entity mention heading the subtree of `tok` (a noun phrase)."""
    m = _mention_for_token(tok, mentions)
    if m:
        return m
    for t in tok.subtree:
        m = _mention_for_token(t, mentions)
        if m:
            return m
    return None


def extract_events(doc, entities: list[LocalEntity], mentions: list[Mention], published_at: str | None) -> list[Event]:
    lex = triggers()
    events: list[Event] = []
    for sent in doc.sents:
        date_ents = [e for e in sent.ents if e.label_ == "DATE"]
        places = [e for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC") and e.root.head.lower_ in ("in", "at")]
        for tok in sent:
            if tok.pos_ not in ("VERB",) or tok.lemma_.lower() not in lex:
                continue
            etype, mode = lex[tok.lemma_.lower()]
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and tok.dep_ in ("xcomp", "conj", "advcl") :
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
            if obj is None:
                for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "against")):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        break
            a1 = _actor_of(subj, mentions) if subj is not None else None
            a2 = _actor_of(obj, mentions) if obj is not None else None
            if a1 is None:
                continue
            status = "occurred"
            aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "neg")}
            if aux & {"will", "would", "'ll", "shall"} or tok.dep_ == "xcomp":
                status = "planned"
            if aux & {"could", "might", "may"}:
                status = "hypothetical"
            if aux & {"not", "n't", "never"}:
                status = "denied"
            date_text = date_ents[0].text if date_ents else None
            event_date, granularity = resolve_date(date_text, published_at) if date_text else (None, None)
            events.append(
                Event(
                    event_type=etype, mode=mode, status=status,
                    actor1_key=a1.entity_key, actor2_key=a2.entity_key if a2 else None,
                    actor1_text=a1.text, actor2_text=a2.text if a2 else None,
                    place=places[0].text if places else None,
                    event_date=event_date, date_granularity=granularity, date_text=date_text,
                    sentence=sent.text, start_char=sent.start_char, end_char=sent.end_char,
                    trigger=tok.text,
                )
            )
    return events
