"""Quotation pieces and what their shape says.

Pieces: the text between matching marks, per paragraph — curly “…”, straight "…", doubled
apostrophes ''…'' and top-level single ‘…’ (straight '…' in a headline, the first line);
single quotes nested in a double quote stay inside it; a mark of another kind right after
the final punctuation of the words closes the quotation too ('"… would,” he said', '“…
unusual,“ said Noble': mixed marks), as does the first straight mark after a curly one
ending a word ('“… too" Sweeny said'); straight marks around markup attribute values
(`datetime="2016-09-01"`) are no quotation. A mark left open at the end of a paragraph runs
to the paragraph end and continues into the next paragraph when that one opens with a mark
(one quotation over several paragraphs).

Shape: a name-like quotation (“London 11”), one opening its sentence, one going on a clause
begun before its mark (partial), a title in marks inside a sentence ('In his book, “Doomed to
Succeed,” …')."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.nlp.quotes.context import Piece, QuoteContext
from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.syntax import SUBJECT_DEPS, according_object, is_cue

SENT_END = re.compile(r"[.!?]['’\"”)]*\s*$")
SMALL_WORDS = word_set("small_words")
NAME_GIVING_VERBS = word_set("name_giving_verbs")


# every character `_scan_opening` can open a quotation at, and every character a closing rule
# reads as a mark (the rules answer nothing elsewhere: tests/test_docindex.py): the scans skip
# the other characters instead of trying each rule on each character
OPENING_MARK = re.compile("[\"“'`‘]")
CLOSING_MARKS = frozenset("\"“”'’‘`")


class OpenMark(NamedTuple):
    kind: str  # curly | doubled | straight | single
    index: int  # index of the mark in its paragraph
    length: int


def find_pieces(text: str) -> list[Piece]:
    """Quotation pieces, paragraph by paragraph (see module doc)."""
    pieces: list[Piece] = []
    pos = 0
    for line_no, para in enumerate(text.split("\n")):
        base = pos
        pos += len(para) + 1
        pieces += _paragraph_pieces(text, para, base, line_no)
    return [piece for piece in pieces if piece.end > piece.start]


def _paragraph_pieces(text: str, para: str, base: int, line_no: int) -> list[Piece]:
    pieces: list[Piece] = []
    index, length = 0, len(para)
    opener: OpenMark | None = None
    while index < length:
        if opener is None:
            opener, index = _scan_opening(para, index, line_no)
            continue
        close_len = _closing_length(para, index, opener)
        if close_len < 0:
            # an opening mark while one is open: the first quote was never closed
            pieces.append(make_piece(text, base, opener.index + opener.length, index, opener.index, index, line_no, False))
            opener = OpenMark(opener.kind, index, 1)
            index += 1
            continue
        if close_len:
            pieces.append(make_piece(text, base, opener.index + opener.length, index, opener.index, index + close_len,
                                     line_no, True))
            opener = None
            index += close_len
            continue
        index += 1
    if opener is not None and opener.kind != "single":
        pieces.append(make_piece(text, base, opener.index + opener.length, length, opener.index, length, line_no, False))
    return pieces


def _scan_opening(para: str, index: int, line_no: int) -> tuple[OpenMark | None, int]:
    """The opening mark at or after `index`, if any, and the index to go on from."""
    found = OPENING_MARK.search(para, index)
    if found is None:
        return None, len(para)
    index = found.start()
    char = para[index]
    pair = para[index:index + 2]
    length = len(para)
    if char == '"' and index > 0 and para[index - 1] == "=":
        # markup residue: an attribute value ('<tweet id="6721…" datetime="2016-09-01">')
        close = para.find('"', index + 1)
        return None, (close + 1 if close > 0 else index + 1)
    opener = None
    if char == "“":
        opener = OpenMark("curly", index, 1)
    elif pair == "''" or pair == "``":
        opener = OpenMark("doubled", index, 2)
        index += 1
    elif char == '"' and (index + 1 < length and not para[index + 1].isspace()):
        opener = OpenMark("straight", index, 1)
    elif char == "‘" and (index == 0 or not para[index - 1].isalnum()) and index + 1 < length \
            and not para[index + 1].isspace():
        opener = OpenMark("single", index, 1)
    elif char == "'" and line_no == 0 and (index == 0 or para[index - 1] in " :") and index + 1 < length \
            and para[index + 1].isalpha():
        # straight single marks in a headline ("Reid: 'Never, ever underestimate Trump.'")
        opener = OpenMark("single", index, 1)
    return opener, index + 1


class MarkAt(NamedTuple):
    """A mark met while a quotation is open: the paragraph, its index, the opening mark."""
    para: str
    index: int
    opener: OpenMark

    @property
    def char(self) -> str:
        return self.para[self.index]

    @property
    def next_char(self) -> str:
        return self.para[self.index + 1:self.index + 2]

    @property
    def inside(self) -> str:
        """The words of the quotation so far."""
        return self.para[self.opener.index + 1:self.index]


def _curly_close(mark: MarkAt) -> int | None:
    return 1 if mark.opener.kind == "curly" and mark.char == "”" else None


def _first_straight_after_curly(mark: MarkAt) -> int | None:
    """'“As a construction guy, he put a lot of people out of business, too" Sweeny said':
    the first straight mark after a curly opening one, ending a word, closes it."""
    if mark.opener.kind == "curly" and mark.char == '"' and '"' not in mark.inside \
            and not mark.next_char.isalnum() and not mark.para[mark.index - 1].isspace():
        return 1
    return None


def _mixed_after_speech(mark: MarkAt) -> int | None:
    """'"… would,” he said', '“… weather," she said', '“It's unusual,“ said' — a mark of the
    other kind (or a second opening one) right after the final punctuation of the words
    closes the quotation; so does a closing ” after a nested quotation's closing ’ ('"… says
    to families, ‘You have to stay on the wait-list.’”')."""
    before = mark.para[mark.index - 1:mark.index]
    ends_speech = (before in (",", ".", "!", "?") or before == "’" and mark.char == "”") \
        and not mark.next_char.isalnum()
    return 1 if mark.opener.kind in ("curly", "straight") and mark.char in "\"“”" and ends_speech else None


def _curly_opening_as_closing(mark: MarkAt) -> int | None:
    """'“the advantages of peace for Egypt and the Arab states“ with a photograph', 'an
    “expedited review“ of': an opening curly mark that ends a word (no space before it, a
    space or punctuation after) closes the quotation it is typed for."""
    if mark.opener.kind == "curly" and mark.char == "“" and mark.inside.strip() \
            and mark.para[mark.index - 1].isalnum() and (not mark.next_char or not mark.next_char.isalnum()):
        return 1
    return None


def _curly_closing_ends_straight(mark: MarkAt) -> int | None:
    """'"… I want to wait until I meet with Bibi” before discussing specifics': a closing curly
    mark ending a word closes a straight opening one (mixed marks) when no curly quotation
    was opened inside."""
    if mark.opener.kind == "straight" and mark.char == "”" and "“" not in mark.inside \
            and not mark.para[mark.index - 1].isspace() and not mark.next_char.isalnum():
        return 1
    return None


def _curly_closed_by_single(mark: MarkAt) -> int | None:
    """'“Let’s go. We can (hashtag)StopGunViolence.’ Schumer was …': a closing single mark
    after the final punctuation of a sentence, before a space, with no single quotation open
    inside, closes a curly double one (mixed marks)."""
    if mark.opener.kind == "curly" and mark.char == "’" and mark.para[mark.index - 1:mark.index] in (".", "!", "?") \
            and mark.next_char[:1].isspace() and not re.search(r"‘|(?<!\w)'", mark.inside):
        return 1
    return None


def _new_curly_opening(mark: MarkAt) -> int | None:
    """An opening curly mark after white space while one is open: the first quote was never
    closed (-1: a new quotation starts)."""
    if mark.opener.kind == "curly" and mark.char == "“" and mark.inside.strip() and mark.index > 0 \
            and mark.para[mark.index - 1].isspace():
        return -1
    return None


def _straight_after_sentence_end(mark: MarkAt) -> int | None:
    """'"Unions will be consulted. "Public sector schemes need …' — a straight mark after a
    sentence end and a space that opens words: the next paragraph's opening mark in a text
    whose paragraphs were run together (the quotation goes on; no closing mark came)."""
    if mark.opener.kind == "straight" and mark.char == '"' and mark.para[mark.index - 1].isspace() \
            and mark.next_char[:1].isalpha() and mark.inside.rstrip()[-1:] in (".", "!", "?"):
        return -1
    return None


def _doubled_close(mark: MarkAt) -> int | None:
    return 2 if mark.opener.kind == "doubled" and mark.para[mark.index:mark.index + 2] == "''" else None


def _straight_close(mark: MarkAt) -> int | None:
    return 1 if mark.opener.kind == "straight" and mark.char == '"' else None


def _single_close(mark: MarkAt) -> int | None:
    para, index = mark.para, mark.index
    if mark.opener.kind == "single" and mark.char == ("'" if para[mark.opener.index] == "'" else "’") \
            and (index + 1 >= len(para) or not para[index + 1].isalnum()) \
            and (para[index - 1:index] and not para[index - 1].isspace()):
        return 1
    return None


# What a mark does to the open quotation: the first rule that answers wins — the length of the
# closing mark, or -1 for a new opening mark while one is open (the first was never closed).
CLOSING_RULES = [
    _curly_close, _first_straight_after_curly, _mixed_after_speech, _curly_opening_as_closing,
    _curly_closing_ends_straight, _curly_closed_by_single, _new_curly_opening, _straight_after_sentence_end,
    _doubled_close, _straight_close, _single_close,
]


def _closing_length(para: str, index: int, opener: OpenMark) -> int:
    """Length of the mark at `index` that closes `opener` (0: none; -1: a new opening mark
    after white space while one is open): the first of CLOSING_RULES that answers."""
    if para[index] not in CLOSING_MARKS:
        return 0
    mark = MarkAt(para, index, opener)
    return next((found for rule in CLOSING_RULES if (found := rule(mark)) is not None), 0)


def make_piece(text: str, base: int, start: int, end: int, open_at: int, close_end: int, line_no: int,
               closed: bool) -> Piece:
    start, end = base + start, base + end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(start, end, base + open_at, base + close_end, line_no, base, closed)


def looks_like_name(content: str) -> bool:
    """Title-case words (a name, a title, a slogan quoted as a name): “London 11”."""
    words = [word.strip("“”‘’\"'.,:;!?()") for word in content.split()]
    words = [word for word in words if word]
    alpha = [word for word in words if word[:1].isalpha()]
    if not alpha or len(words) > 12:
        return False
    return all(word[:1].isupper() or word.lower() in SMALL_WORDS for word in alpha) and (
        len(words) <= 5 or not SENT_END.search(content.rstrip("”\"’"))
    )


def sentence_initial(text: str, piece: Piece) -> bool:
    before = text[piece.para_start:piece.open_at].rstrip()
    return not before or before.endswith((".", "!", "?", ":", "”", '"', "''", "—", "–", " -", "--", ")")) \
        or before[-1] in "“‘"


def is_embedded(ctx: QuoteContext, piece: Piece) -> bool:
    """A quotation that goes on a clause begun before its opening mark in the same sentence
    (not a comma or colon introduction of its own): the words before the mark are part of the
    reported clause — 'X said that whatever choice voters make, “they should …”', 'Cruz says
    if elected president “I will …”', 'An economic downturn, he said, “could be …”'."""
    if piece.cue is None:
        return False
    sent = ctx.token_at(piece.open_at).sent
    cue = piece.cue

    def inside(tok) -> bool:
        return piece.open_at <= tok.idx < piece.close_end

    for tok in sent:
        if tok.idx >= piece.open_at:
            break
        if tok.i == cue.i or tok.is_punct or tok.is_space or ctx.inside_quote(tok.idx) or tok.idx < piece.para_start:
            continue
        head = tok.head
        if piece.cue_side == "before" and tok.i > cue.i and (
                tok.dep_ == "mark" or (tok.dep_ in SUBJECT_DEPS | {"expl"} and head.i != cue.i)) and (
                inside(head) or (head.dep_ in ("ccomp", "advcl") and head.head.i == cue.i)):
            return True
        if inside(head) and head.i != tok.i and ctx.text[piece.start:piece.start + 1].islower() \
                and not ctx.text[:piece.open_at].rstrip().endswith(":"):
            return True
    return False


def continues_fronted_clause(ctx: QuoteContext, piece: Piece) -> bool:
    """A lowercase quotation after a cue set off by commas inside its sentence, with narration
    before the cue: the quotation finishes the clause the narration began ('The reality is, he
    added, “there are no recusals …”', 'Sooner or later, the governor told reporters, “it starts
    to pay off.”', 'When the rule takes effect, Dr. Clark added, “it will …”') — partial."""
    if piece.cue is None or piece.cue_side != "before" or not ctx.text[piece.start:piece.start + 1].islower():
        return False
    cue = piece.cue
    speaker = piece.speaker if piece.speaker is not None and piece.speaker.i < cue.i else cue
    left = min(speaker.left_edge.idx, cue.idx)
    if not re.fullmatch(r"[^\w]*,\s*[“\"‘']*\s*", ctx.text[cue.idx + len(cue.text):piece.open_at]) \
            and not re.fullmatch(r",\s*", ctx.text[_cue_clause_end(ctx, cue):piece.open_at]):
        return False
    sent = ctx.token_at(piece.open_at).sent
    start = max(sent.start_char, piece.para_start)
    fronted = ctx.text[start:left]
    return fronted.rstrip().endswith(",") and bool(re.search(r"\w", fronted)) and not ctx.inside_quote(left - 1)


def is_name_given(ctx: QuoteContext, piece: Piece) -> bool:
    """A quotation right after a verb of naming, inside a sentence ('what Mr. Trump called “a
    disgrace”', 'the region, which he called “a cartel for higher education”', 'a second piece,
    entitled “…”'): the name someone gave a thing, a partial quote — not a quotation introduced
    as speech."""
    before = ctx.text[piece.para_start:piece.open_at].rstrip(" ,\u00a0")
    if not before or sentence_initial(ctx.text, piece):
        return False
    verb = ctx.token_at(piece.para_start + len(before) - 1)
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in NAME_GIVING_VERBS


def _cue_clause_end(ctx: QuoteContext, cue) -> int:
    """End of the cue's own words after it: its particles, objects and prepositional phrases
    ('told reporters', 'said in an interview')."""
    end = cue.idx + len(cue.text)
    for child in cue.children:
        if child.i > cue.i and child.dep_ in ("dobj", "dative", "prep", "prt", "advmod", "npadvmod", "nsubj"):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return end


def is_title(text: str, piece: Piece) -> bool:
    """A title or name in marks inside a sentence ('In his new book, “Doomed to Succeed,” Mr.
    Ross said …', '… said during an interview on CNN’s “State of the Union.”'): name-like
    words that neither open a sentence nor follow their cue directly ('shouted, “Cruz,”',
    'chanted “USA! USA!”') — nobody's words, so no quotation, and no part of the quotation
    whose cue the sentence shares."""
    content = text[piece.start:piece.end].rstrip("”\"’' ")
    if not looks_like_name(content) or sentence_initial(text, piece) or content.endswith(("!", "?")):
        return False  # (an exclamation is said: 'She declared “What a Super Tuesday!”')
    if piece.cue is not None and piece.cue_side in ("before", "colon") \
            and not re.search(r"\w", text[piece.cue.idx + len(piece.cue.text):piece.open_at]):
        return False
    return True


def is_narrated(ctx: QuoteContext, piece: Piece) -> bool:
    """Narration of the quotation's own sentence before its mark, with no speech verb
    ('Sooner or later, “I think …,” he said', 'If the bill passes, “…”'), other than a
    quotation before it ('“A,” he said, “B”')."""
    before = ctx.text[piece.para_start:piece.open_at]
    ends = list(re.finditer(r"[.!?:][”\"'’]*\s+", before))
    start = piece.para_start + (ends[-1].end() if ends else 0)
    words = [tok for tok in ctx.window_tokens(start, piece.open_at) if tok.is_alpha]
    return bool(words) and not any(is_cue(tok) or according_object(tok) is not None for tok in words)


def is_excerpt_mark(text: str, piece: Piece) -> bool:
    """A straight mark opening a paragraph that holds a curly quotation, in a text whose
    quotations are in curly marks ('"Trump walked onto the stage, chanting “U-S-A!”'): the
    writer's mark around a paragraph of an excerpt from another article, whose own quotations
    are the curly ones."""
    if piece.open_at != piece.para_start or text[piece.open_at] != '"' or "“" not in text[piece.start:piece.end]:
        return False
    return text.count("“") > text.count('"')


def is_partial(text: str, piece: Piece) -> bool:
    """A quoted fragment inside narration, not a quotation introduced as speech."""
    if sentence_initial(text, piece):
        return False
    before = text[piece.para_start:piece.open_at].rstrip()
    if before.endswith((",", ";")) and piece.cue_side in ("before", "according"):
        return False
    if before.endswith((",", ";")) and piece.cue_side == "after" and not piece.narrated:
        return False
    if piece.cue_side == "before" and piece.cue is not None:
        gap = text[piece.cue.idx + len(piece.cue.text):piece.open_at]
        if not re.search(r"\w", gap):  # 'he said, “…”' / 'told Lavrov: “…”' (after the object)
            return False
        if before.endswith(":"):
            return False
    content = text[piece.start:piece.end]
    return not (content[:1].isupper() and len(content.split()) >= 6 and SENT_END.search(content.rstrip("”\"’")))
