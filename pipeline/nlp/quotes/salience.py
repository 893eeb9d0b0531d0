"""Speakers across sentences, once every attribution of the version is known: a he/she
speaker continues the speaker of the previous report (any kind, in text order) when that
report sits in the same paragraph or the one before and nobody else compatible has become
the subject since — the person the passage is about, not merely the nearest name ('Mr
Balls … had suggested that Mr Brown would meet his rule. He said he hoped …': Mr Balls;
a name inside a reported clause is what was said, not who speaks next). Likewise 'it' and
an organization noun ('the firm said', 'the Australian firm') continue the previous
report's organization."""
from __future__ import annotations

from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import word_map, word_set
from pipeline.nlp.quotes.syntax import ORG_LABELS, PERSON_LABELS, SUBJECT_DEPS
from pipeline.records import Quote

PRONOUN_GENDER = {word: values[0] for word, values in word_map("pronoun_gender").items()}
ORGANIZATION_NOUNS = word_set("organization_nouns")
ORGANIZATION = "organization"  # the 'gender' of it/its and 'the firm'


def _speaker_class(ctx: QuoteContext, quote: Quote) -> str | None:
    """m | f for a he/she speaker, ORGANIZATION for it/its or 'the (…) firm', else None."""
    text = (quote.speaker_text or "").lower()
    if text in PRONOUN_GENDER:
        return PRONOUN_GENDER[text]
    words = text.split()
    if text in ("it", "its") or len(words) in (2, 3) and words[0] == "the" and words[-1] in ORGANIZATION_NOUNS:
        return ORGANIZATION
    return None


def _compatible(entity, kind: str) -> bool:
    if entity is None:
        return False
    if kind == ORGANIZATION:
        return entity.actor_type == "organization"
    return entity.actor_type == "person" and entity.gender in (None, kind)


def _report_order(quotes: list[Quote]) -> list[list[Quote]]:
    """The attributions (quotes sharing cue and speaker) in the order of their first word."""
    groups: dict[tuple, list[Quote]] = {}
    for quote in quotes:
        key = (quote.cue_start, quote.speaker_start) if quote.cue_start is not None else ("piece", quote.start)
        groups.setdefault(key, []).append(quote)
    return sorted(groups.values(), key=lambda group: min(min(quote.start, quote.cue_start or quote.start)
                                                         for quote in group))


def _subject_between(ctx: QuoteContext, start: int, end: int, kind: str, keep: str,
                     contents: list[tuple[int, int]]) -> bool:
    """A compatible person or organization other than `keep` is a subject in
    text[start:end], outside quotations and reported contents."""
    labels = ORG_LABELS if kind == ORGANIZATION else PERSON_LABELS
    for mention in ctx.mentions:
        if not (start <= mention.start < end) or mention.label not in labels or mention.entity_key == keep:
            continue
        if not _compatible(ctx.entities.get(mention.entity_key), kind):
            continue
        if ctx.inside_quote(mention.start) or any(low <= mention.start < high for low, high in contents):
            continue
        root = ctx.token_at(mention.start)
        while root.head.i != root.i and mention.start <= root.head.idx < mention.end:
            root = root.head
        if root.dep_ in SUBJECT_DEPS:
            return True
    return False


def continue_salient_speaker(ctx: QuoteContext, quotes: list[Quote]) -> None:
    """Point each he/she/it/'the firm' speaker at the previous report's speaker where that
    is the salient one (module doc); other speakers are left as resolved."""
    rank = ctx.paragraphs.rank
    contents = [(quote.start, quote.end) for quote in quotes if quote.field == "body"]
    previous: Quote | None = None
    for group in _report_order(quotes):
        head = group[0]
        kind = _speaker_class(ctx, head)
        if kind is not None and previous is not None and head.speaker_start is not None:
            line_then = ctx.text.count("\n", 0, previous.cue_start or previous.start)
            line_now = ctx.text.count("\n", 0, head.speaker_start)
            near = rank.get(line_now, 0) - rank.get(line_then, 0) <= 1
            if _compatible(ctx.entities.get(previous.speaker_entity_key), kind) and near \
                    and not _subject_between(ctx, previous.cue_end or previous.end, head.speaker_start, kind,
                                             previous.speaker_entity_key, contents):
                for quote in group:
                    quote.speaker_entity_key = previous.speaker_entity_key
        if head.speaker_start is not None:
            previous = head
