"""The narration around a direct quotation that belongs to its attribution, and the
attributions settled once the indirect ones are known.

A quotation introduced by its cue that ends without punctuation while the sentence runs on
in narration ('Obama said “it gets me mad” every time he thinks about …') carries the rest of
the sentence as an `indirect` quote with the same cue and speaker (one attribution) — not
after a name-like quotation or a narrator's 'and/but/when …'; so does one that runs on in
lower case into the clause of its postposed cue ('“We are frustrated and horrified” by the
shooting …, Nefzi said': the words up to the cue clause). In a headline (the first line), a
quotation right after 'Name:' is that name's, and the rest of the line after it goes with it
('Blumenthal: ‘No Idea’ If I Would Have Told …'). A quotation that opens the reported content
of a cue, with no narration before its mark ('renewed his call for “a total and complete ban”
on all Muslims …'), is direct, with that content's cue and speaker. The paragraphs of an uncued
quotation that the text ran together on one line are one row (`join_run_together`)."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.nlp.quotes.context import Piece, QuoteContext
from pipeline.nlp.quotes.cues import after_window_end
from pipeline.nlp.quotes.lexicon import speech_verbs, word_set
from pipeline.nlp.quotes.pieces import looks_like_name
from pipeline.records import Quote

POSTPOSED_SAID = word_set("postposed_said")


class Continuation(NamedTuple):
    """A quotation with no cue of its own that continues the one before (or a paraphrase)."""
    first: int  # index of its first piece's quote in the quote list
    count: int  # how many quotes (pieces) it has
    near: bool  # a quotation of the same or the previous paragraph goes before it
    end_before: int  # end of the quotation it continues (-1 when not near)
    prev_para_start: int  # start of the previous paragraph
    start: int


def run_in(ctx: QuoteContext, members: list[Piece], cued: Piece) -> tuple[int, int] | None:
    """The reported clause a quotation runs on into before its postposed cue ('“We are
    frustrated and horrified” by the mass shooting at a gay nightclub …, Nefzi said.', '“Boots
    on the ground” would be appropriate, Ben Carson said'): the narration between the closing
    mark and the cue clause, when it goes on in lower case with no sentence end or other
    quotation."""
    cue, subject = cued.cue, cued.speaker
    before = [piece for piece in members if piece.closed and piece.close_end <= cue.idx]
    if not before:
        return None
    last = max(before, key=lambda piece: piece.close_end)
    inner = ctx.text[last.start:last.end].rstrip()
    if inner[-1:] in (".", "!", "?") or looks_like_name(inner):
        return None
    clause = min(cue.idx, subject.left_edge.idx) if subject is not None and subject.i < cue.i else cue.idx
    segment = ctx.text[last.close_end:clause]
    match = re.match(r"[ \t\u00a0,]*(?=[a-z])", segment)
    if match is None or re.search(r"[.!?;:][”\"'’]*\s|[“”\"‘]|\n", segment):
        return None
    start, end = last.close_end + match.end(), clause
    while end > start and ctx.text[end - 1] in ",;:— \t\u00a0":
        end -= 1
    return (start, end) if len(ctx.text[start:end].split()) >= 2 else None


def headline_run_on(ctx: QuoteContext, piece: Piece) -> tuple[int, int] | None:
    """'Sidney Blumenthal: ‘No Idea’ If I Would Have Told …' — in the first line (a
    headline), a quotation after 'Name:' that the line goes on after: the rest of the line is
    the speaker's too."""
    if piece.para_start != 0 or not piece.closed:
        return None
    end = ctx.paragraphs.line_end[piece.para]
    segment = ctx.text[piece.close_end:end]
    match = re.match(r"\s+(?=\w)", segment)
    if match is None:
        return None
    start = piece.close_end + match.end()
    while end > start and ctx.text[end - 1] in ".!?;:, ’”'\"":
        end -= 1
    return (start, end) if len(ctx.text[start:end].split()) >= 2 else None


# a narrator's adjunct after a headline quotation, no words of the speaker ('Clinton Speaks
# ‘Directly To White People’ After Latest Police Shooting')
HEADLINE_ADJUNCT = re.compile(r"(?i)(after|before|amid|during|following|ahead|since|until|as|when|while|then|and|but)\b")


def headline_verb_run_on(ctx: QuoteContext, piece: Piece) -> tuple[int, int] | None:
    """'Obama Sees ‘Personal Insult’ if Blacks Don’t Rally …', 'Retired General Reveals
    ‘Demoralizing’ Experience Of Serving Under Obama': in the headline, a quotation introduced
    by its verb that the line goes on after with a word (headline case: capitals tell nothing)
    carries the rest of the line, unless that opens a narrator's adjunct or clause."""
    if piece.para_start != 0 or not piece.closed or not ctx.text[piece.start:piece.end][-1:].isalnum():
        return None
    end = ctx.paragraphs.line_end[piece.para]
    match = re.match(r"[ \t]+(?=\w)", ctx.text[piece.close_end:end])
    if match is None or HEADLINE_ADJUNCT.match(ctx.text, piece.close_end + match.end()) \
            or any(other.open_at >= piece.close_end for other in ctx.pieces if other.para == piece.para):
        return None
    start = piece.close_end + match.end()
    while end > start and ctx.text[end - 1] in ".!?;:, \t":
        end -= 1
    return (start, end) if len(ctx.text[start:end].split()) >= 2 else None


def run_on(ctx: QuoteContext, piece: Piece) -> tuple[int, int] | None:
    """The reported clause a quotation introduced by its cue runs on into, in narration, to
    the sentence end ('Obama said “it gets me mad” every time he thinks about …'): the text
    from after the closing mark to the sentence end when a word follows the mark directly
    and no other quotation comes before the sentence end."""
    inner = ctx.text[piece.start:piece.end]
    if not piece.closed or not inner[-1:].isalnum() or looks_like_name(inner):
        return None  # '“…,” and shared a link' / '“You lie!” at the president': narration after a full stop
    later = [other.open_at for other in ctx.pieces if other.open_at >= piece.close_end]
    next_open = min(later) if later else len(ctx.text)
    para_end = ctx.paragraphs.line_end[piece.para]
    end = after_window_end(ctx, piece, next_open, para_end)
    segment = ctx.text[piece.close_end:end]
    match = re.match(r"[ \t\u00a0]+(?=[a-z])", segment)
    if match is None or end >= next_open and next_open < para_end:
        return None
    start = piece.close_end + match.end()
    if re.match(r"(and|but|or|as|when|while|then)\b", ctx.text[start:end]):
        return None  # the narrator goes on with a clause of their own
    while end > start and (ctx.text[end - 1] in ".!?;:, \t\u00a0"):
        end -= 1
    if len(ctx.text[start:end].split()) < 2:
        return None
    return start, end


def opening_quotations(text: str, pieces: list[Piece], quotes: list[Quote], indirect: list[Quote]) -> None:
    """A quotation that opens the reported content of its cue ('welcomed “the recognition that
    we do not …”', 'call for “a total and complete ban” on all Muslims'): no narration comes
    before its mark, so no clause is begun before it — the attribution opens with the
    quotation and is direct. A piece left without a cue of its own takes the content's cue and
    speaker."""
    by_start = {quote.start: quote for quote in quotes}
    for report in indirect:
        if report.cue_start is None:
            continue
        piece = next((piece for piece in pieces if report.start <= piece.start < report.end
                      and not re.search(r"\w", text[report.start:piece.start])), None)
        if piece is None or piece.fronted:
            continue  # (a clause begun before the cue runs into it: partial)
        quote = by_start.get(piece.start)
        if quote is None:
            if piece.title or looks_like_name(text[piece.start:piece.end]):
                continue  # a title or a name: “New York values”
            quotes.append(Quote(
                start=piece.start, end=piece.end, text=text[piece.start:piece.end], kind="direct",
                speaker_text=report.speaker_text, speaker_entity_key=report.speaker_entity_key, cue=report.cue,
                speaker_start=report.speaker_start, speaker_end=report.speaker_end,
                cue_start=report.cue_start, cue_end=report.cue_end, is_anonymous=report.is_anonymous,
            ))
        elif quote.kind == "partial" and (quote.cue_start, quote.speaker_start) == (report.cue_start, report.speaker_start):
            quote.kind = "direct"


def _same_sentence(text: str, end_before: int, cue_start: int) -> bool:
    """'“…, right?” said Murphy, who thinks often about …' — a paraphrase whose cue sits in the
    sentence of the quotation before (a clause on its speaker) is an aside of that report."""
    return not re.search(r"[.!?][”\"'’)]*\s", text[end_before:cue_start])


def _ends_at(text: str, report: Quote, stop: int) -> bool:
    """No word between the last of a report's content, cue and speaker and position `stop`:
    the report is the last thing said before it."""
    return not re.search(r"\w", text[max(report.end, report.cue_end, report.speaker_end or 0):stop])


def _turned_to(text: str, first: Quote, item: Continuation, indirect: list[Quote]) -> list[Quote]:
    """'… a crestfallen Mr Lim confided. … Mr MacKenzie thought the former solicitor deserved a
    chance to progress. “He could join the rest of the crooks …”': after the quotation it would
    continue, a sentence of its own reports someone else and ends right before it — the
    cue-less quotation goes with that report's speaker, not back to the quotation before (the
    BBC texts run a story's paragraphs together, so 'the same paragraph' says little there)."""
    return [report for report in indirect if report.speaker_entity_key and report.cue_start is not None
            and report.speaker_entity_key != first.speaker_entity_key
            and item.end_before <= report.cue_start < item.start
            and not _same_sentence(text, item.end_before, report.cue_start)
            and _ends_at(text, report, item.start)]


def settle_continued(text: str, quotes: list[Quote], continued: list[Continuation], indirect: list[Quote]) -> None:
    """The speaker of a quotation paragraph with no cue of its own that continues the
    previous paragraph: whoever the previous paragraph reported last — the speaker of a
    paraphrase that ends it, after its last quotation ('… the important thing was the
    content, said Mr Thomas. / “If in doubt retain …”'), else the speaker of that quotation
    (cue and speaker spans kept: one attribution). Taking the paraphrase keeps the
    continuation's speaker, and so its identity across versions, when the quotation before
    it is deleted."""
    for item in continued:
        para_end = text.rfind("\n", 0, item.start)
        para_end = len(text[:para_end].rstrip()) if para_end > 0 else 0
        # (a paraphrase in the quotation's own paragraph, after the quotation it continues —
        # '“…,” she said, describing how …. “…”' —, or in the sentence of the quotation it
        # continues, is an aside: the quotation goes on)
        own_para = text.rfind("\n", 0, item.start) + 1
        later = [report for report in indirect if report.speaker_text and report.cue_start is not None
                 and max(item.prev_para_start, item.end_before) <= report.cue_start < item.start
                 and not (item.near and item.end_before >= own_para)
                 and not (item.near and _same_sentence(text, item.end_before, report.cue_start))
                 and _ends_at(text, report, para_end)]
        if not item.near:
            # no quotation before: only a paraphrase that ends with its speech cue ('…, said Mr Thomas.')
            later = [report for report in later
                     if report.cue_start > report.end and (report.cue or "").lower() in POSTPOSED_SAID]
        else:
            later = later or _turned_to(text, quotes[item.first], item, indirect)
        if later:
            source = max(later, key=lambda report: report.cue_start)
            for quote in quotes[item.first:item.first + item.count]:
                quote.speaker_text, quote.speaker_entity_key = source.speaker_text, source.speaker_entity_key
                quote.speaker_start, quote.speaker_end = source.speaker_start, source.speaker_end
                quote.is_anonymous = source.is_anonymous
                quote.cue = quote.cue_start = quote.cue_end = None
        elif not item.near:
            for quote in quotes[item.first:item.first + item.count]:
                quote.kind = "dropped"  # nobody to continue


def cue_type(doc, quote: Quote) -> str:
    """`speech` when someone is said to have said it: every quotation in marks, and reported
    content under a speech verb (`direct` use in speech_verbs.tsv) or "according to";
    `stance` for content under a verb of thinking, wanting or support ("believes that …",
    "seeking to …", "praised Y") — attributed, but not words anybody spoke."""
    if quote.kind != "indirect" or quote.cue_start is None:
        return "speech"
    span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if span is None or span.root.lower_ == "according":
        return "speech"
    return "speech" if speech_verbs().get(span.root.lemma_.lower()) == "direct" else "stance"


RUN_TOGETHER_GAP = re.compile(r"[ \t]*[\"“”][ \t]*")  # a closing/opening mark between two pieces, no narration


def join_run_together(text: str, quotes: list[Quote]) -> list[Quote]:
    """'"… difficult to grasp. "Yet Britain's response has shone a light …"': a quotation over
    paragraphs that the text ran together on one line, no cue of its own (its speaker comes
    from the quotations before): one attribution, not a row per paragraph — a piece that
    follows the previous uncued one of the same speaker across nothing but a mark joins it (its
    text then holds that inner mark)."""
    out: list[Quote] = []
    for quote in sorted(quotes, key=lambda quote: quote.start):
        previous = out[-1] if out else None
        if (previous is not None and quote.kind == previous.kind == "direct" and quote.cue_start is None
                and previous.cue_start is None and quote.speaker_start is not None
                and quote.speaker_start == previous.speaker_start
                and quote.field == previous.field and RUN_TOGETHER_GAP.fullmatch(text[previous.end:quote.start])):
            previous.end, previous.text = quote.end, text[previous.start:quote.end]
            continue
        out.append(quote)
    return out
