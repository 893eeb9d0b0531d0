"""Speakers across sentences, once every attribution of the version is known: a he/she,
it/its, an organization noun ('the firm said', 'The Australian firm') or a definite
description with no one named in it ('The former teacher confirmed …') stands for the
salient one of its kind — the latest of the previous report's speaker and a subject
mention since, in the same paragraph or the one before, outside quotations and reported
contents (a name inside a reported clause is what was said, not who speaks next: 'Mr Balls
… had suggested that Mr Brown would meet his rule. He said he hoped …' is Mr Balls); a
he/she who replies right after a question is the one it was put to (interview turns)."""
from __future__ import annotations

from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import word_map, word_set
from pipeline.nlp.quotes.speakers import PERSON_NOUNS, TITLE_HEADS, mention_root
from pipeline.nlp.quotes.syntax import ORG_LABELS, PERSON_LABELS, SUBJECT_DEPS
from pipeline.records import Quote

PRONOUN_GENDER = {word: values[0] for word, values in word_map("pronoun_gender").items()}
ORGANIZATION_NOUNS = word_set("organization_nouns")
REPLY_VERBS = word_set("reply_verbs")
IT_FORMS = word_set("it_forms")
ASKING_VERBS = word_set("asking_verbs")

ORGANIZATION = "organization"  # the kind of it/its and 'the firm'
PERSON = "person"  # the kind of 'the former teacher': any gender


def _speaker_class(ctx: QuoteContext, quote: Quote) -> str | None:
    """m | f for he/she, ORGANIZATION for it/its or 'the (…) firm', PERSON for a description
    of one person no one was found for ('the former teacher'); else None (a name, a
    resolved description)."""
    text = (quote.speaker_text or "").lower()
    if text in PRONOUN_GENDER:
        return PRONOUN_GENDER[text]
    words = text.replace("’s", " ").replace("'s", " ").split()
    if text in IT_FORMS or 2 <= len(words) <= 6 and words[0] == "the" and words[-1] in ORGANIZATION_NOUNS:
        return ORGANIZATION
    if 2 <= len(words) <= 5 and words[0] == "the" and words[-1] in PERSON_NOUNS and quote.speaker_entity_key is None \
            and ctx.token_at(quote.speaker_end - 1).tag_ in ("NN", "NNP"):
        return PERSON
    return None


def _compatible(entity, kind: str, head: str = "") -> bool:
    """`entity` can be a speaker of `kind`; for a description, none of its known roles
    contradicts the description's head ('the senator' is no one known as a host)."""
    if entity is None:
        return False
    if kind == ORGANIZATION:
        return entity.actor_type == "organization"
    if kind == PERSON and entity.roles and head in TITLE_HEADS:
        roles = [(role or "").lower().split() for role, _affiliation in entity.roles]
        return entity.actor_type == "person" and any(head in words for words in roles)
    return entity.actor_type == "person" and (kind == PERSON or entity.gender in (None, kind))


def _report_order(quotes: list[Quote]) -> list[list[Quote]]:
    """The attributions (quotes sharing cue and speaker) in the order of their first word."""
    groups: dict[tuple, list[Quote]] = {}
    for quote in quotes:
        key = (quote.cue_start, quote.speaker_start) if quote.cue_start is not None else ("piece", quote.start)
        groups.setdefault(key, []).append(quote)
    return sorted(groups.values(), key=lambda group: min(min(quote.start, quote.cue_start or quote.start)
                                                         for quote in group))


def _last_subject(ctx: QuoteContext, start: int, end: int, kind: str, contents: list[tuple[int, int]], head: str):
    """The last compatible subject mention in text[start:end] outside quotations and reported
    contents, or None."""
    labels = ORG_LABELS if kind == ORGANIZATION else PERSON_LABELS
    found = None
    for mention in ctx.mentions:
        if not (start <= mention.start < end) or mention.label not in labels:
            continue
        if not _compatible(ctx.entities.get(mention.entity_key), kind, head):
            continue
        if ctx.inside_quote(mention.start) or any(low <= mention.start < high for low, high in contents):
            continue
        if mention_root(ctx, mention).dep_ in SUBJECT_DEPS and (found is None or mention.start > found.start):
            found = mention
    return found


def _window_start(ctx: QuoteContext, pos: int) -> int:
    """Start of the paragraph before the one `pos` is in (of its own when it is the first)."""
    paragraphs = ctx.paragraphs
    rank = paragraphs.rank.get(ctx.text.count("\n", 0, pos), 0)
    return paragraphs.start_by_rank.get(rank - 1, paragraphs.start_by_rank.get(rank, 0))


def _cue_lemma(ctx: QuoteContext, quote: Quote) -> str:
    return ctx.token_at(quote.cue_start).lemma_.lower() if quote.cue_start is not None else ""


def _asked_one(ctx: QuoteContext, head: Quote, previous: Quote | None, kind: str) -> str | None:
    """The entity a reply answers: 'John Humphrys asked Mr Blair whether … “No,” he replied.'
    — the person the previous report's question was put to (its cue's object), when the reply
    is a he/she and that person agrees with it."""
    if previous is None or _cue_lemma(ctx, head) not in REPLY_VERBS or _cue_lemma(ctx, previous) not in ASKING_VERBS:
        return None
    cue = ctx.token_at(previous.cue_start)
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
            mention = ctx.mention_in(child.idx, child.idx + len(child.text), PERSON_LABELS)
            if mention is not None and _compatible(ctx.entities.get(mention.entity_key), kind):
                return mention.entity_key
    return None


def continue_salient_speaker(ctx: QuoteContext, quotes: list[Quote]) -> None:
    """Point each he/she/it/description speaker at the salient one of its kind (module
    doc); other speakers are left as resolved."""
    contents = [(quote.start, quote.end) for quote in quotes if quote.field == "body"]
    previous: Quote | None = None
    for group in _report_order(quotes):
        head = group[0]
        kind = _speaker_class(ctx, head) if head.field == "body" and head.speaker_start is not None else None
        if kind == PERSON and any(low <= head.speaker_start < high for low, high in contents):
            kind = None  # 'Mr. Manafort said the candidate could …': a person talked about, not the speaker
        if kind is not None:
            noun = (head.speaker_text or "").lower().split()[-1]
            window = _window_start(ctx, head.speaker_start)
            since = window
            key = None
            if previous is not None and (previous.cue_start or previous.start) >= window \
                    and _compatible(ctx.entities.get(previous.speaker_entity_key), kind, noun):
                key, since = previous.speaker_entity_key, previous.cue_end or previous.end
            subject = _last_subject(ctx, since, head.speaker_start, kind, contents, noun)
            key = subject.entity_key if subject is not None else key
            key = _asked_one(ctx, head, previous, kind) or key
            if key is not None:
                for quote in group:
                    quote.speaker_entity_key = key
        if head.speaker_start is not None:
            previous = head
