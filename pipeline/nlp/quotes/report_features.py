"""Features of one indirect report, for the learned step that keeps or drops it
(`report_filter`): what found it (the rule of INDIRECT_CUE_RULES), the cue word and its
place in the parse, who the speaker is, and the shape of the content. Each feature is a
name ('rule=lexicon_frame', 'lemma=say', 'speaker=PERSON'); the model weighs names."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.syntax import SUBJECT_DEPS, is_cue, is_passive
from pipeline.records import Quote

PRONOUNS = word_set("feature_pronouns")


class Report(NamedTuple):
    """One attribution of the indirect step: its quotes (content parts) and the rule that found it."""
    rule: str
    quotes: list[Quote]


def _speaker_kind(ctx: QuoteContext, quote: Quote) -> str:
    """none | pronoun | the entity label of a named speaker | noun (a common noun phrase)."""
    if quote.speaker_start is None or not quote.speaker_text:
        return "none"
    if quote.speaker_text.strip().lower() in PRONOUNS:
        return "pronoun"
    mention = ctx.mention_in(quote.speaker_start, quote.speaker_end, {"PERSON", "ORG", "NORP", "GPE"})
    return mention.label if mention is not None else "noun"


def _size(count: int) -> str:
    return "1" if count <= 1 else "2-3" if count <= 3 else "4-8" if count <= 8 else "9-20" if count <= 20 else "21+"


def _cue_features(cue) -> list[str]:
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    deps = {child.dep_ for child in children}
    return [
        f"lemma={lemma}", f"pos={cue.pos_}", f"tag={cue.tag_}", f"dep={cue.dep_}", f"governor={cue.head.pos_}",
        f"pos+dep={cue.pos_}+{cue.dep_}",
        f"listed={is_cue(cue, ('direct', 'indirect', 'object'))}",
        f"negated={'neg' in deps}", f"passive={cue.pos_ == 'VERB' and is_passive(cue)}",
        f"modal={any(child.tag_ == 'MD' for child in children)}",
        f"comp={'ccomp' if 'ccomp' in deps else 'xcomp' if 'xcomp' in deps else 'dobj' if 'dobj' in deps else 'other'}",
        f"subject={any(dep in SUBJECT_DEPS for dep in deps)}",
        f"subjectword={next((child.lemma_.lower() for child in children if child.dep_ in SUBJECT_DEPS), 'none')}",
        f"capital={cue.text[:1].isupper()}",
    ]


def _content_features(ctx: QuoteContext, cue, quotes: list[Quote]) -> list[str]:
    doc = ctx.doc
    first, last = ctx.token_at(quotes[0].start), ctx.token_at(max(quote.end for quote in quotes) - 1)
    words = sum(1 for tok in doc[first.i:last.i + 1] if not tok.is_punct)
    side = "after" if first.i > cue.i else "before" if last.i < cue.i else "around"
    sent = cue.sent
    inside = range(first.i, last.i + 1)
    head = next((tok for tok in doc[first.i:last.i + 1] if tok.head.i not in inside or tok.head.i == tok.i), first)
    mark = next((child.lower_ for child in head.children if child.dep_ in ("mark", "aux") and child.i < head.i), "none")
    return [
        f"head={head.dep_}", f"contentpos={head.pos_}", f"mark={mark}",
        f"clause={any(child.dep_ in SUBJECT_DEPS for child in head.children)}",
        f"lemma+head={cue.lemma_.lower()}+{head.dep_}",
        f"words={_size(words)}", f"side={side}", f"parts={min(len(quotes), 3)}",
        f"first={first.lower_ if first.is_stop else first.pos_}",
        f"sentend={last.i + 2 >= sent.end}", f"sentstart={first.i == sent.start}",
        f"quoted={any(ctx.inside_quote(tok.idx) for tok in doc[first.i:last.i + 1])}",
    ]


def report_features(ctx: QuoteContext, report: Report) -> list[str]:
    """The feature names of `report` (its first quote's cue and speaker)."""
    quote = report.quotes[0]
    cue = ctx.token_at(quote.cue_start)
    speaker = _speaker_kind(ctx, quote)
    features = [f"rule={report.rule}", f"speaker={speaker}", f"rule+speaker={report.rule}+{speaker}",
                f"anonymous={quote.is_anonymous}"]
    features += _cue_features(cue) + _content_features(ctx, cue, report.quotes)
    features.append(f"rule+lemma={report.rule}+{cue.lemma_.lower()}")
    return features
