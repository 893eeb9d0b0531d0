"""The shared state of one version's quote extraction: the parse, the mentions and
entities, the quotation pieces and their spans, the paragraph index; and the named
records the stages pass each other (a piece, a cue found for it, a speaker)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from pipeline.records import LocalEntity, Mention


@dataclass
class Piece:
    """Text between a pair of quotation marks (or from an opening mark to the paragraph end)."""
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or paragraph end)
    open_at: int  # position of the opening mark
    close_end: int  # position after the closing mark (== end when left open)
    para: int  # line number of its paragraph
    para_start: int
    closed: bool
    group: int = -1
    cue: object = None  # spaCy Token
    cue_side: str = ""  # after | before | inside | according | colon | credit
    speaker: object = None  # spaCy Token heading the speaker phrase (None with a cue: nobody named)
    partial: bool = False
    carried: bool = False  # a full quotation made partial by the narration its attribution began in
    title: bool = False  # a title or a name in marks (pieces.is_title)
    narrated: bool = False  # narration before it in its sentence (pieces.is_narrated)
    fronted: bool = False  # it finishes a clause begun before its cue (pieces.continues_fronted_clause)


class CueMatch(NamedTuple):
    """What a cue rule found for a piece: the cue token, where it sits, the speaker's head."""
    cue: object  # spaCy Token
    side: str  # after | before | inside | according | colon | credit
    subject: object  # spaCy Token; None: nobody named (the subject receives the speech)
    partial: bool = False  # the cue governs the piece from inside narration: a partial quote


@dataclass
class Speaker:
    text: str | None = None
    start: int | None = None
    end: int | None = None
    key: str | None = None
    anonymous: bool = False


@dataclass
class Paragraphs:
    """Line ends and paragraph ranks of a text ('\\n' separates lines; a paragraph is a
    non-blank line)."""
    line_end: dict[int, int]  # line number -> position of its end
    rank: dict[int, int]  # line number -> index among the non-blank lines
    start_by_rank: dict[int, int]  # paragraph rank -> start of its first line

    @classmethod
    def of_text(cls, text: str) -> Paragraphs:
        line_end, rank, start_by_rank = {}, {}, {}
        pos = count = 0
        for line_no, line in enumerate(text.split("\n")):
            line_end[line_no] = pos + len(line)
            rank[line_no] = count
            if line.strip():
                start_by_rank.setdefault(count, pos)
            count += bool(line.strip())
            pos += len(line) + 1
        return cls(line_end, rank, start_by_rank)


@dataclass
class QuoteContext:
    doc: object
    text: str
    mentions: list[Mention]
    entities: dict[str, LocalEntity]
    token_starts: list[int]
    pieces: list[Piece] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # (opening mark, after closing mark)
    paragraphs: Paragraphs | None = None
    # `quoted` sorted by start and the furthest end reached so far, for `inside_quote` (asked per token)
    _quoted_index: tuple = field(default=(None, 0, [], []), repr=False, compare=False)

    def token_at(self, pos: int):
        index = bisect_right(self.token_starts, pos) - 1
        return self.doc[max(index, 0)]

    def inside_quote(self, pos: int) -> bool:
        """Whether some quoted span has start <= pos < end."""
        quoted, size, starts, reach = self._quoted_index
        if quoted is not self.quoted or size != len(self.quoted):
            spans = sorted(self.quoted)
            starts, reach = [span[0] for span in spans], list(accumulate((span[1] for span in spans), max))
            self._quoted_index = (self.quoted, len(self.quoted), starts, reach)
        below = bisect_right(starts, pos)  # the spans starting at or before pos
        return below > 0 and reach[below - 1] > pos

    def mention_in(self, start: int, end: int, labels: set[str]) -> Mention | None:
        """The longest mention with one of `labels` overlapping [start, end)."""
        best = None
        for mention in self.mentions:
            if mention.label in labels and mention.start < end and start < mention.end:
                if best is None or (mention.end - mention.start) > (best.end - best.start):
                    best = mention
        return best

    def window_tokens(self, start: int, end: int) -> list:
        """Tokens starting in [start, end) outside the quotations."""
        if end <= start:
            return []
        first = self.token_at(start).i
        out = []
        for tok in self.doc[first:]:
            if tok.idx >= end:
                break
            if tok.idx >= start and not self.inside_quote(tok.idx):
                out.append(tok)
        return out
