"""Direct and partial quotes: each piece gets its cue (cues.DIRECT_CUE_RULES), pieces are
grouped into quotations, each quotation gets its speaker.

Pieces sharing a cue are one quotation (split quotes "…," he said, "…"), as are pieces
glued by white space or by a paragraph continuation. A piece that opens a sentence with no
cue of its own continues the previous speaker's quotation when one is recent (same or
previous paragraph; not after narration of its own paragraph with no quotation in it when
that one ended in an earlier paragraph) and keeps its cue and speaker spans (one attribution) —
unless a paraphrase ending the previous paragraph ('…, said Mr Thomas.') came after it: then that
speaker, who also takes it when there is no quotation before — otherwise it is left out; so
are quoted fragments nobody is said to say (names such as the “London 11”, scare quotes), and
a writer's straight marks around the paragraphs of an excerpt that holds curly quotations
(pieces.is_excerpt_mark).
A quotation that goes on a clause begun before its mark is *partial*, not direct: a
'that'/'if' or a subject of the reported clause between the cue and the mark ('X said that
whatever voters decide, “they …”'), or a lowercase quotation whose clause starts before it
('A downturn, he said, “could be …”'), or one with a postposed cue after narration of its own
sentence that has no speech verb ('If the bill passes, “I think …,” she said'); so is a
quotation that goes on after the cue of a partial one ('The plans are “irresponsible,” he
said. “They would …”': one attribution, begun in narration). Name-like words in marks inside
a sentence and not right after their cue are a title, no quotation ('In his book, “Doomed to
Succeed,” …')."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.nlp.quotes.context import Piece, QuoteContext, Speaker
from pipeline.nlp.quotes.cues import find_cue
from pipeline.nlp.quotes.narration import Continuation, headline_run_on, headline_verb_run_on, run_in, run_on
from pipeline.nlp.quotes.pieces import (
    continues_fronted_clause, is_embedded, is_excerpt_mark, is_name_given, is_narrated, is_partial, is_title,
    looks_like_name, sentence_initial,
)
from pipeline.nlp.quotes.speakers import resolve_speaker
from pipeline.nlp.quotes.syntax import according_object
from pipeline.records import Quote


def _partial_shape(ctx: QuoteContext, piece: Piece) -> bool:
    return is_partial(ctx.text, piece)


def _fronted(ctx: QuoteContext, piece: Piece) -> bool:
    piece.fronted = continues_fronted_clause(ctx, piece)
    return piece.fronted


# a piece is partial (a fragment inside narration, not a quotation introduced as speech) when
# one of these holds (pieces.py)
PARTIAL_RULES = [_fronted, _partial_shape, is_embedded, is_name_given]


def attach_cues(ctx: QuoteContext) -> None:
    """Every piece's cue and speaker token, and whether it is partial or a title."""
    text = ctx.text
    for index, piece in enumerate(ctx.pieces):
        found = find_cue(ctx, index)
        if found is not None:
            piece.cue, piece.cue_side, piece.speaker = found.cue, found.side, found.subject
            piece.partial = piece.partial or found.partial
        piece.narrated = piece.cue_side == "after" and is_narrated(ctx, piece)
        piece.partial = piece.partial or any(rule(ctx, piece) for rule in PARTIAL_RULES)
        if is_title(text, piece):
            piece.cue, piece.cue_side, piece.speaker, piece.partial, piece.title = None, "", None, True, True


class _Groups:
    """Union-find over the pieces; a group knows whether one of its pieces has a cue."""

    def __init__(self, pieces: list[Piece]):
        self.parent = list(range(len(pieces)))
        self.has_cue = [piece.cue is not None for piece in pieces]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, first: int, second: int) -> None:
        root_first, root_second = self.find(first), self.find(second)
        if root_first != root_second:
            self.parent[root_second] = root_first
            self.has_cue[root_first] = self.has_cue[root_first] or self.has_cue[root_second]

    def glue(self, first: int, second: int) -> None:
        """Join two pieces unless that would join two quotations with cues of their own."""
        if not (self.has_cue[self.find(first)] and self.has_cue[self.find(second)]):
            self.union(first, second)


def _continues_paragraph(ctx: QuoteContext, before: Piece, piece: Piece) -> bool:
    """A quotation left open at its paragraph end goes on in the next paragraph's opening mark."""
    return not before.closed and piece.open_at == piece.para_start and not ctx.text[before.end:piece.open_at].strip()


def _glued_by_space(ctx: QuoteContext, before: Piece, piece: Piece) -> bool:
    """'“A.” “B,” he said' — only white space between two full quotations of a paragraph."""
    return before.para == piece.para and not ctx.text[before.close_end:piece.open_at].strip() \
        and not (before.partial or piece.partial)


def _goes_on(ctx: QuoteContext, before: Piece, piece: Piece) -> bool:
    """A cue-less sentence after a cued quotation of the same paragraph."""
    return piece.para == before.para and piece.cue is None and not piece.partial \
        and sentence_initial(ctx.text, piece) and before.cue is not None


def _same_speaker_goes_on(ctx: QuoteContext, before: Piece, piece: Piece) -> bool:
    """“A,” he said. “B.” — the same speaker goes on."""
    return _goes_on(ctx, before, piece) and not before.partial


def _goes_on_after_partial(ctx: QuoteContext, before: Piece, piece: Piece) -> bool:
    """'Still, golf clubs are “just scratching out a profit,” he said. “Golf is …”': the
    quotation goes on after its cue, but the attribution began in narration — one
    attribution whose content does not open with the mark: partial as a whole."""
    if _goes_on(ctx, before, piece) and before.partial and before.cue_side == "after" \
            and before.close_end <= before.cue.idx < piece.open_at:
        piece.partial = piece.carried = True
        return True
    return False


# (rule, join): the first rule that holds for two neighbouring pieces joins them; "union"
# always, "glue" unless both sides already have cues of their own. The paragraph
# continuation is settled over the whole text first: a quotation that runs on into a
# paragraph with its own cue ('“… negotiable.¶“Well, … !” she said.') takes that cue.
FIRST_PAIR_RULES = [(_continues_paragraph, "union")]
PAIR_RULES = [(_glued_by_space, "glue"), (_same_speaker_goes_on, "glue"), (_goes_on_after_partial, "union")]


def _join(groups: _Groups, index: int, join: str) -> None:
    if join == "union":
        groups.union(index - 1, index)
    else:
        groups.glue(index - 1, index)


def group_pieces(ctx: QuoteContext) -> dict[int, list[int]]:
    """Quotations as lists of piece indices: shared cue, then the pair rules in order
    (FIRST_PAIR_RULES over the whole text, then the first of PAIR_RULES that holds for each
    pair)."""
    pieces = ctx.pieces
    groups = _Groups(pieces)
    by_cue: dict[int, int] = {}
    for index, piece in enumerate(pieces):
        if piece.cue is not None:
            if piece.cue.i in by_cue:
                groups.union(by_cue[piece.cue.i], index)
            else:
                by_cue[piece.cue.i] = index
    settled = set()
    for index in range(1, len(pieces)):
        join = next((join for rule, join in FIRST_PAIR_RULES if rule(ctx, pieces[index - 1], pieces[index])), None)
        if join is not None:
            _join(groups, index, join)
            settled.add(index)
    for index in range(1, len(pieces)):
        if index in settled:
            continue
        join = next((join for rule, join in PAIR_RULES if rule(ctx, pieces[index - 1], pieces[index])), None)
        if join is not None:
            _join(groups, index, join)
    members: dict[int, list[int]] = {}
    for index in range(len(pieces)):
        members.setdefault(groups.find(index), []).append(index)
    return members


@dataclass
class QuotationRun:
    """What the quotations so far leave for the next one: the last speaker (taken by a
    cue-less quotation that goes on), its cue span and paragraph, the last entity named."""
    last_key: str | None = None
    last_speaker: Speaker | None = None
    last_para: int = -10
    last_cue_span: tuple[int, int] | None = None
    last_direct_end: int = -1
    continued: list[Continuation] = field(default_factory=list)


def _led_by_narration(ctx: QuoteContext, first: Piece, run: QuotationRun) -> bool:
    """Narration of its own paragraph, with no quotation in it, comes before a cue-less
    quotation, and the quotation before it ended in an earlier paragraph ('“… partners.”¶But
    in a conference call, Col. Warren … said, “I mean, …”', '“…,” she said.¶And that entails
    … Barrett's dictum was, “…”'): the paragraph turned to someone or something else, so it
    does not go on with that quotation's speaker (train: such quotations were never the gold
    attribution of the one before, 20 times another one's). A quoted word in that narration
    ('he said the system must “provide the right incentives”. “No-one is …”') is a report of
    the speaker who goes on: the quotation goes on."""
    lead = ctx.text[first.para_start:first.open_at]
    if run.last_direct_end >= first.para_start or not any(char.isalnum() for char in lead):
        return False
    return not any(piece.para == first.para and piece.close_end <= first.open_at for piece in ctx.pieces)


class Attribution(NamedTuple):
    """The speaker and cue of one quotation (a group of pieces)."""
    speaker: Speaker
    cued: Piece | None  # the first piece with a cue; None: a continuation
    partial: bool
    near: bool  # a cued quotation, or a continuation of a recent one


def _attribution(ctx: QuoteContext, members: list[Piece], run: QuotationRun, quote_count: int) -> Attribution | None:
    """The quotation's attribution, or None when it is left out (a cue-less fragment, name
    or headline piece)."""
    text = ctx.text
    cued = [piece for piece in members if piece.cue is not None]
    if cued:
        speaker = resolve_speaker(ctx, cued[0].speaker, cued[0].para_start, run.last_key) \
            if cued[0].speaker is not None else Speaker()  # ('“…?” he was asked': the asker, unnamed)
        partial = all(piece.partial for piece in members)
        if partial and looks_like_name(" ".join(text[piece.start:piece.end] for piece in members)) \
                and cued[0].cue_side == "inside":
            return None
        return Attribution(speaker, cued[0], partial, True)
    first = members[0]
    content = " ".join(text[piece.start:piece.end] for piece in members)
    if any(piece.partial for piece in members) or looks_like_name(content) or is_excerpt_mark(text, first):
        return None  # (a writer's mark around an excerpt's paragraph, with no cue)
    rank = ctx.paragraphs.rank
    if len(content.split()) < 3 or rank[first.para] == 0:
        return None
    last = run.last_speaker
    near = last is not None and rank[first.para] - rank.get(run.last_para, -10) <= 1 \
        and not _led_by_narration(ctx, first, run)
    # the same quotation goes on: it keeps the cue and speaker of the one before, or
    # of a paraphrase of the previous paragraph after it (settled after step 4)
    speaker = Speaker(last.text, last.start, last.end, last.key, last.anonymous) if near else Speaker()
    run.continued.append(Continuation(quote_count, len(members), near, run.last_direct_end if near else -1,
                                      ctx.paragraphs.start_by_rank[rank[first.para] - 1], first.start))
    return Attribution(speaker, None, False, near)


def _cue_span(ctx: QuoteContext, cued: Piece) -> tuple[int, int]:
    cue = cued.cue
    last = cue.nbor(1) if according_object(cue) is not None else cue
    span = (cue.idx, last.idx + len(last.text))
    if cued.cue_side == "colon":  # "Jones: “…”" — the colon is the cue
        colon = ctx.text.find(":", span[1])
        if colon < 0:  # the colon is inside the cue token itself ('1:"' tokenized as one)
            colon = ctx.text.find(":", cue.idx, span[1])
        if colon >= 0:
            span = (colon, colon + 1)
    return span


def _run_on_narration(ctx: QuoteContext, members: list[Piece], cued: Piece) -> tuple[int, int] | None:
    """The narration the quotation runs into, in the same attribution: before its postposed
    cue, on to the sentence end after its cue, or on along a headline after 'Name:'."""
    side = cued.cue_side
    if side == "after":
        return run_in(ctx, members, cued)
    if side == "before":
        return headline_verb_run_on(ctx, members[-1]) if cued.para_start == 0 else run_on(ctx, members[-1])
    if side == "colon":
        return headline_run_on(ctx, members[0])
    return None


def _quote(text: str, start: int, end: int, kind: str, speaker: Speaker, cue_span: tuple[int, int] | None) -> Quote:
    return Quote(
        start=start, end=end, text=text[start:end], kind=kind,
        speaker_text=speaker.text, speaker_entity_key=speaker.key,
        cue=text[cue_span[0]:cue_span[1]] if cue_span else None,
        speaker_start=speaker.start, speaker_end=speaker.end,
        cue_start=cue_span[0] if cue_span else None,
        cue_end=cue_span[1] if cue_span else None,
        is_anonymous=speaker.anonymous,
    )


def quotes_of_groups(ctx: QuoteContext, groups: dict[int, list[int]], run: QuotationRun) -> list[Quote]:
    """One Quote per piece of every quotation kept, in text order, with its attribution."""
    pieces, text = ctx.pieces, ctx.text
    quotes: list[Quote] = []
    for root in sorted(groups, key=lambda root: pieces[groups[root][0]].start):
        members = [pieces[index] for index in groups[root]]
        found = _attribution(ctx, members, run, len(quotes))
        if found is None:
            continue
        speaker, cued, partial, near = found
        kind = "partial" if partial else "direct"
        cue_span = _cue_span(ctx, cued) if cued is not None else run.last_cue_span
        quotes += [_quote(text, piece.start, piece.end, kind, speaker, cue_span) for piece in members]
        narration = _run_on_narration(ctx, members, cued) if kind == "direct" and cued is not None else None
        if narration is not None:
            quotes.append(_quote(text, narration[0], narration[1], "indirect", speaker, cue_span))
        if cued is None and not near:
            continue  # its speaker comes from a paraphrase, if any (narration.settle_continued)
        if speaker.key:
            run.last_key = speaker.key
        if not partial or any(piece.carried for piece in members):
            run.last_speaker = speaker
            run.last_cue_span = cue_span
            run.last_para = max(piece.para for piece in members)
            run.last_direct_end = max(piece.end for piece in members)
    return quotes
