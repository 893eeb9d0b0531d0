"""The cue of a quotation piece (`rules/speech_verbs.tsv`, lemmas of `direct` use): one rule
per layout, applied in the order of DIRECT_CUE_RULES, the first that finds a cue wins.

- credit_after: a credit after a dash that ends the quotation's line ('“…” ― Maria
  Gonzalez': vox pops, epigraphs), cue = the dash;
- headline_speaker: in the headline, 'Name: ‘…’' (`headline_cues`);
- cue_after: a speech verb after the closing mark ("…,” Mr. Kerry said / said Mr. Kerry /
  “…,” according to X; not a clause ending in ':' or ',' right before the next quotation
  after a full sentence: '“….” He added, “…”' introduces the next one; nor, after a full
  sentence, a verb with a reported clause of its own, or one that does not open the words
  after the mark: '“….” Reluctantly, Brafman said he had …'; nor a participle whose clause
  runs into the next quotation's mark: '“…,” Blige sings before asking her, “…”' introduces it);
- interposed_cue: the cue between the two pieces of a split quotation ('“The risk,” said X,
  an economist who …, “is that …”'), even with no subject in the parse (`interposed`; not when
  a verb or a participle cue of its own introduces the second piece);
- cue_before: a speech verb before the opening mark in the same sentence ("Kerry told
  Lavrov: “…”", 'he said, “…”'; a participle clause after a comma that runs into the mark
  is the cue of the quotation inside it: '…,” Kiedis said, mentioning the album is “in the
  home stretch.”');
- headline_verb: in the headline, a verb of speech, thought or stance right before the mark
  ('Obama Sees ‘Personal Insult’ if …', `headline_cues`);
- any_verb_after: any verb right after a quotation ending in , ! ? ('“…,” Trump barked');
- noun_phrase_cue_after: a speech verb the parser hung on the noun phrase after the mark
  ('“…?” the 43-year-old asked', '“…!” the GOP nominee, Donald Trump, tweeted Sunday');
- any_verb_before: any verb right before ', “' ('Hillary shot back, “…”'), in the clause
  before ': “' ('leaned in and boomed: “…”'), or a bare name before the colon ('More from
  Jones: “…”', cue = the colon); a participle whose parse hangs inside the quotation takes
  the sentence subject ('…, telling the crowd, “…”');
- colon_paragraph_cue / colon_paragraph_verb: a quotation paragraph introduced by the
  previous one ending in a colon ("Clinton said in a statement:", "Stated Stone:");
- credit_line: a credit forming the next line ('“… pay zero taxes.” / - Sanders.');
- governing_cue: a speech verb governing the piece in the parse ('called it “an absolute
  disgrace”', a *partial* quote)."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.nlp.quotes.context import CueMatch, Piece, QuoteContext
from pipeline.nlp.quotes.headline_cues import headline_speaker, headline_verb
from pipeline.nlp.quotes.interposed import interposed_cue
from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.next_sentence import reports_its_own
from pipeline.nlp.quotes.pieces import SENT_END, sentence_initial
from pipeline.nlp.quotes.syntax import (
    ORG_LABELS, PERSON_LABELS, SUBJECT_DEPS, according_object, is_cue, is_passive, outside_subject, stray_subject,
    subject_of,
)

ABBREVIATIONS = word_set("abbreviations")
STATEMENT_NOUNS = word_set("statement_nouns")
STATEMENT_VERBS = word_set("statement_verbs")
CREDIT = re.compile(r"[ \t]*([―—–]{1,2})[ \t]*"
                    r"((?:[A-Z][\w’'.\-]*)(?:[ \t]+(?:[A-Z][\w’'.\-]*|de|del|da|van|von|la|le|al|bin)){0,5})"
                    r"[ \t]*\.?[ \t]*(?=\n|$)")


class CueWindow(NamedTuple):
    """Where a piece's cue may be: the narration before its mark (from `before_start`, or from
    `prev_end`, the end of the previous piece of the paragraph) and after it (to `after_end`:
    the sentence end, the next quotation or the paragraph end)."""
    prev_end: int
    before_start: int
    after_end: int
    para_end: int


def cue_window(ctx: QuoteContext, index: int) -> CueWindow:
    pieces, piece = ctx.pieces, ctx.pieces[index]
    next_open = pieces[index + 1].open_at if index + 1 < len(pieces) else len(ctx.text)
    prev_end = pieces[index - 1].close_end if index > 0 and pieces[index - 1].para == piece.para else piece.para_start
    para_end = ctx.paragraphs.line_end[piece.para]
    sent = ctx.token_at(piece.open_at).sent
    before_start = max(prev_end, sent.start_char if sent.start_char < piece.open_at else prev_end, piece.para_start)
    return CueWindow(prev_end, before_start, after_window_end(ctx, piece, next_open, para_end), para_end)


def after_window_end(ctx: QuoteContext, piece: Piece, next_start: int, para_end: int) -> int:
    """End of the attribution window after a piece: the sentence end, the next quote
    or the paragraph end."""
    end = min(next_start, para_end)
    segment = ctx.text[piece.close_end:end]
    for match in re.finditer(r"([\w.]*)([.!?])(?=\s|$)", segment):
        word = match.group(1)
        if match.group(2) == "." and (word.lower().rstrip(".") in ABBREVIATIONS or len(word.rstrip(".")) == 1
                                      or "." in word.rstrip(".")):
            continue
        return piece.close_end + match.end()
    return end


def _asked_match(tok, side: str, subject) -> CueMatch:
    """The cue's match, with no speaker when its subject receives the speech ('“…?” he was
    asked', 'Kevin Donnellon was asked: “…”': the interviewer's question, not the guest's)."""
    if subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == tok.i and is_passive(tok):
        return CueMatch(tok, side, None)
    return CueMatch(tok, side, subject)


def credit_after(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """'“The most unqualified child to ever run for president.” ― Francisco Herrero': a
    quotation credited, after a dash, to a name that ends the line (vox pops, epigraphs,
    reader quotes). The dash is the cue; the name, the speaker."""
    if not piece.closed:
        return None
    match = CREDIT.match(ctx.text, piece.close_end)
    if match is None:
        return None
    start, end = match.span(2)
    inside = [tok for tok in ctx.window_tokens(start, end) if not tok.is_space]
    if not inside or any(tok.pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT", "ADP", "X") for tok in inside):
        return None  # '“…” — Says Trump'
    head = next((tok for tok in inside if not (start <= tok.head.idx < end) or tok.head.i == tok.i), inside[-1])
    return CueMatch(ctx.token_at(match.start(1)), "credit", head)


def _introduces_next(ctx: QuoteContext, piece: Piece, win_end: int, ends=(":", ",")) -> bool:
    """'“… .” She went on to say: “…”' — after a full sentence, the clause after the mark
    ends in ':' or ',' (`ends`) right before the next quotation, which it introduces."""
    return ctx.text[piece.close_end:win_end].rstrip().endswith(ends) \
        and bool(SENT_END.search(ctx.text[piece.start:piece.end])) \
        and any(other.open_at >= win_end and not ctx.text[win_end:other.open_at].strip() for other in ctx.pieces)


def _participle_introducing_next(ctx: QuoteContext, tok, first, window: CueWindow) -> bool:
    """'“…,” Blige sings to Clinton before asking her, “…”': a participle cue whose head verb
    comes between the closing mark and it, and whose clause runs into the next quotation's
    mark, introduces that quotation — the verb before it is this one's."""
    head = tok.head.head if tok.dep_ == "pcomp" else tok.head  # ('before asking')
    return tok.tag_ == "VBG" and head.pos_ == "VERB" and first.i <= head.i < tok.i \
        and bool(re.fullmatch(r"(?:\s+[\w’']+){0,3}\s*[,:]\s*", ctx.text[tok.idx + len(tok.text):window.after_end])) \
        and any(other.open_at == window.after_end for other in ctx.pieces)


def cue_after(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """A speech verb after the closing mark (see the module doc)."""
    if not piece.closed or _introduces_next(ctx, piece, window.after_end):
        return None
    toks = ctx.window_tokens(piece.close_end, window.after_end)
    words = ctx.text[piece.start:piece.end].rstrip(" '’\"”")
    full = bool(re.search(r"[.!?]$", words))
    for offset, tok in enumerate(toks[:30]):
        obj = according_object(tok)
        if obj is not None and offset <= 3:
            return CueMatch(tok, "according", obj)
        if is_cue(tok) and _participle_introducing_next(ctx, tok, toks[0], window):
            return None
        if is_cue(tok):
            subject = subject_of(tok)
            if reports_its_own(ctx, tok, words):
                return None  # a sentence of its own: another report ('“… two points.” Brafman said he had …')
            if subject is not None and subject.i >= toks[0].i and not ctx.inside_quote(subject.idx):
                if full and toks[0].i != tok.i and not (subject.left_edge.i <= toks[0].i <= subject.right_edge.i):
                    # '“… nothing.” That's why, he added, viewers …': after a full sentence, a
                    # cue that does not open the next words belongs to a sentence of its own
                    return None
                return _asked_match(tok, "after", subject)
            if offset <= 1 and subject is None:
                # "said Mr. Kerry" with the subject unattached: next noun phrase
                for later in toks[offset + 1:offset + 6]:
                    if later.pos_ in ("PROPN", "PRON") or (later.pos_ == "NOUN" and later.dep_ != "npadvmod"):
                        return CueMatch(tok, "after", later)
            if (subject is None or subject.i < toks[0].i) and offset <= 20:
                # the parse took the quotation for the subject or left none ('“…,” Gene
                # Sperling, a top adviser, said'): the name that opens the words after the mark
                name = toks[0]
                if name.pos_ in ("PROPN", "PRON") and name.i < tok.i and not full:
                    while name.dep_ in ("compound", "flat") and name.i < name.head.i < tok.i:
                        name = name.head
                    return CueMatch(tok, "after", name)
                if subject is not None:
                    continue
        if tok.pos_ == "VERB" and tok.dep_ in ("ROOT",) and not is_cue(tok) and offset > 8:
            break
    return None


def _cue_before_from(ctx: QuoteContext, piece: Piece, win_start: int) -> CueMatch | None:
    segment = ctx.text[win_start:piece.open_at]
    if not segment.strip():
        return None
    toks = ctx.window_tokens(win_start, piece.open_at)
    if not toks:
        return None
    stripped = segment.rstrip()
    intro = stripped.endswith((":", ",", "—", "–")) or not stripped or stripped[-1].isalpha()
    if not intro:
        return None
    for tok in reversed(toks[-25:]):
        obj = according_object(tok)
        if obj is not None:
            return CueMatch(tok, "according", obj)
        if is_cue(tok):
            subject = subject_of(tok) or stray_subject(tok, toks[0].i)
            if (subject is None or ctx.inside_quote(subject.idx)) and tok.tag_ == "VBG":
                # '“…,” she stated, adding, “…”' (the participle parsed under the quotation
                # before): the subject of its sentence
                subject = outside_subject(ctx, tok, tok.sent.start)
            if subject is not None and not ctx.inside_quote(subject.idx):
                return _asked_match(tok, "before", subject)
        if tok.tag_ == "VBG" and tok.pos_ == "VERB" and tok.i > toks[0].i and ctx.doc[tok.i - 1].text == "," \
                and re.search(r"\w", ctx.text[tok.idx + len(tok.text):piece.open_at]) and stripped[-1].isalpha():
            # a participle clause after the cue that the quotation sits in ('…,” Kiedis said,
            # mentioning the album is “in the home stretch.”'): the participle is its cue
            subject = outside_subject(ctx, tok, toks[0].i)
            if subject is not None:
                return CueMatch(tok, "before", subject)
    return None


def cue_before(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """A speech verb before the opening mark: from the sentence start (or the previous
    piece) to the mark, else from the previous piece when no sentence ends in between."""
    found = _cue_before_from(ctx, piece, window.before_start)
    if found is None and window.before_start > window.prev_end:
        segment = ctx.text[window.prev_end:piece.open_at]
        if not re.search(r"[.!?]['’\"”]?\s", segment[:-1] if segment else segment):
            found = _cue_before_from(ctx, piece, window.prev_end)
    return found


def any_verb_after(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """'“…,” Trump barked' / '“…!” beamed Donald Hartley': a quotation that ends with a
    comma, ! or ? and is followed by a short clause [subject] verb / verb subject: any verb
    is the cue there."""
    inner = ctx.text[piece.start:piece.end].rstrip()
    if not piece.closed or not inner or inner[-1] not in ",!?—–" \
            or _introduces_next(ctx, piece, window.after_end, ":"):
        return None  # ('“Are you going to resign?” Mr Kennedy replied: “…”': the reply's cue)
    toks = [tok for tok in ctx.window_tokens(piece.close_end, window.after_end) if not tok.is_space]
    if not toks or toks[0].pos_ not in ("PROPN", "PRON", "NOUN", "DET", "VERB", "ADJ", "NUM"):
        return None
    for offset, tok in enumerate(toks[:8]):
        if tok.pos_ != "VERB" or tok.dep_ in SUBJECT_DEPS or (
            tok.tag_ in ("VBG",) and offset > 0 and toks[offset - 1].pos_ not in ("PROPN", "PRON")
        ):
            continue  # (a name mis-tagged as a verb: '“…,” Trump shot back')
        subject = subject_of(tok)
        if subject is not None and subject.i >= toks[0].i and not ctx.inside_quote(subject.idx):
            return CueMatch(tok, "after", subject)
        if offset == 0:
            for later in toks[1:5]:
                if later.pos_ in ("PROPN", "PRON") or later.pos_ == "NOUN":
                    return CueMatch(tok, "after", later)
        elif toks[offset - 1].pos_ in ("PROPN", "PRON", "NOUN", "NUM") and all(
                word.pos_ in ("DET", "NUM", "PROPN", "NOUN", "ADJ", "PRON") for word in toks[:offset]):
            # the noun phrase right before the verb, the parser having missed the subject
            # ('“…,” the two write.')
            return CueMatch(tok, "after", toks[offset - 1])
        break
    return None


def noun_phrase_cue_after(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """'“…?” the 43-year-old asked in the video's description', '“…!” the presumptive GOP
    nominee, Donald Trump, tweeted Sunday': the sentence goes on in lower case after the
    closing mark with a noun phrase whose speech verb the parser hung on the noun as a
    modifier (no subject found): the verb is the cue, the noun phrase the speaker."""
    if not piece.closed or not re.match(r"[ \t\u00a0]+[a-z]", ctx.text[piece.close_end:window.after_end]):
        return None
    toks = [tok for tok in ctx.window_tokens(piece.close_end, window.after_end) if not tok.is_space]
    if not toks or toks[0].pos_ != "DET" or toks[0].dep_ != "det":
        return None
    head = toks[0].head
    if head.pos_ not in ("NOUN", "PROPN", "ADJ") or not toks[0].i < head.i <= toks[0].i + 6:
        return None
    for tok in toks:
        if tok.i > head.i + 8:
            break
        if tok.i > head.i and tok.head.i == head.i and tok.dep_ == "acl" and is_cue(tok):
            return CueMatch(tok, "after", head)
    return None


def _without_closing_parenthesis(toks: list) -> list:
    """The tokens before a parenthesis that closes them ('Rep. Trey Gowdy (R-S.C.):' ->
    'Rep. Trey Gowdy'): a party and state, an age, a role."""
    if not toks or toks[-1].text.rstrip(":") != ")":
        return toks
    opening = next((offset for offset in range(len(toks) - 2, max(len(toks) - 10, -1), -1)
                    if toks[offset].text == "("), None)
    return toks[:opening] if opening else toks


def _np_before_colon(ctx: QuoteContext, colon_pos: int, low: int):
    """The head of the noun phrase that ends at a colon ("More from Jones: “…”",
    "Republican pollster Daron Shaw: “…”", "… - Pew Research: “…”": a name, a person or an
    organization, or a few capitalized words)."""
    toks = [tok for tok in ctx.window_tokens(low, colon_pos) if not tok.is_space]
    toks = _without_closing_parenthesis(toks)
    if not toks:
        return None
    last = toks[-1]
    if last.pos_ not in ("PROPN", "NOUN") or last.is_upper and len(toks) > 3:
        return None
    if ctx.mention_in(last.idx, last.idx + len(last.text), PERSON_LABELS | ORG_LABELS) is None \
            and last.pos_ != "PROPN" \
            and not (len(toks) <= 4 and all(tok.is_title for tok in toks)):  # a capitalized name: 'Pew Research:'
        return None
    return last


def any_verb_before(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """A quotation introduced by a colon (any verb: 'Trump leaned in and boomed: “…”',
    'She addressed the supporters again: “…”'; or a bare name: 'More from Jones: “…”')
    or by a comma right after a verb ('Hillary shot back, “…”', '…, telling the crowd, “…”')."""
    win_start = window.before_start
    segment = ctx.text[win_start:piece.open_at]
    stripped = segment.rstrip()
    if not stripped or stripped[-1] not in ":,":
        return None
    if stripped[-1] == ":":
        # the clause before the colon starts after a dash ("IOWA POLLS - Mark Blumenthal: “…”")
        dash = max(segment.rfind(" - "), segment.rfind("—"), segment.rfind(" – "))
        if dash >= 0:
            win_start += dash + 2
    toks = [tok for tok in ctx.window_tokens(win_start, piece.open_at) if not tok.is_space and not tok.is_punct]
    if not toks:
        return None
    if stripped[-1] == ":":
        return _colon_introduction(ctx, piece, win_start, toks)
    # comma: the verb is the last word, or followed only by its particle / adverb / object
    for offset in range(len(toks) - 1, max(len(toks) - 5, -1), -1):
        tok = toks[offset]
        if tok.pos_ == "VERB":
            rest = toks[offset + 1:]
            if all(word.dep_ in ("prt", "advmod", "dobj", "det", "dative", "amod", "poss", "compound")
                   for word in rest):
                subject = outside_subject(ctx, tok, toks[0].i)
                if subject is not None:
                    return CueMatch(tok, "before", subject)
            return None
    return None


def _colon_introduction(ctx: QuoteContext, piece: Piece, win_start: int, toks: list) -> CueMatch | None:
    colon_at = win_start + len(ctx.text[win_start:piece.open_at].rstrip()) - 1
    noun = _np_before_colon(ctx, colon_at, win_start)
    if noun is not None and noun.pos_ == "PROPN":
        return CueMatch(noun, "colon", noun)
    verbs = [tok for tok in toks if tok.pos_ == "VERB" and tok.dep_ not in ("xcomp", "amod", "acl", "relcl", "pcomp")]
    for verb in reversed(verbs):
        subject = outside_subject(ctx, verb, toks[0].i)
        if subject is not None:
            return CueMatch(verb, "before", subject)
    if verbs:
        return None
    if noun is not None:
        return CueMatch(noun, "colon", noun)
    return None


def _previous_colon_line(ctx: QuoteContext, piece: Piece) -> tuple[int, int] | None:
    """(start, end) of the previous paragraph when a quotation paragraph follows it and it
    ends in a colon ("Clinton said in a statement:")."""
    if piece.open_at != piece.para_start or piece.para_start <= 0:
        return None
    prev = ctx.text[:piece.para_start].rstrip()
    if not prev.endswith(":"):
        return None
    return ctx.text.rfind("\n", 0, len(prev)) + 1, len(prev)


def colon_paragraph_cue(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """A quotation paragraph introduced by the previous one: "Clinton said in a statement:" —
    the last speech verb there, when its subject is outside the quotations."""
    line = _previous_colon_line(ctx, piece)
    if line is None:
        return None
    for tok in reversed(ctx.window_tokens(*line)[-25:]):
        if is_cue(tok):
            subject = subject_of(tok)
            if subject is not None and not ctx.inside_quote(subject.idx):
                return CueMatch(tok, "before", subject)
            return None
    return None


def colon_paragraph_verb(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """"17-year-old Jared Potts echoed:" / "Stated Stone:" — failing colon_paragraph_cue, the
    last verb of the previous paragraph's last sentence (any verb)."""
    line = _previous_colon_line(ctx, piece)
    if line is None:
        return None
    toks = [tok for tok in ctx.window_tokens(*line) if not tok.is_space]
    sent_toks = [tok for tok in toks if tok.sent == toks[-1].sent] if toks else []
    for tok in reversed(sent_toks):
        if tok.pos_ == "VERB":
            subject = outside_subject(ctx, tok, sent_toks[0].i)
            if subject is None and tok.i == sent_toks[0].i and len(sent_toks) > 1:
                subject = next((word for word in sent_toks[1:] if word.pos_ in ("PROPN", "NOUN")), None)
            if subject is not None:
                return CueMatch(tok, "before", subject)
            return None
    return None


def _statement_verb(tok):
    """The verb that puts out a statement noun ('issued a statement', 'said in a statement')."""
    head = tok.head
    if head.dep_ == "prep":
        head = head.head
    if head.pos_ == "VERB" and (is_cue(head) or head.lemma_.lower() in STATEMENT_VERBS):
        return head
    return None


def statement_paragraph(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """A quotation paragraph after one whose last sentence puts out a statement ('At Brazile's
    direction, the DNC issued a statement apologizing to Sanders.', 'Sam Lau … said in a
    statement.'): the words of that statement — its verb is the cue, its subject the speaker."""
    if piece.open_at != piece.para_start or piece.para_start <= 0 \
            or not ctx.text[piece.start:piece.start + 1].isupper():
        return None
    prev = ctx.text[:piece.para_start].rstrip()
    if not prev.endswith("."):
        return None
    toks = [tok for tok in ctx.window_tokens(prev.rfind("\n") + 1, len(prev)) if not tok.is_space]
    sent_toks = [tok for tok in toks if tok.sent == toks[-1].sent] if toks else []
    if not sent_toks or any(ctx.inside_quote(tok.idx) for tok in sent_toks):
        return None
    for tok in reversed(sent_toks):
        verb = _statement_verb(tok) if tok.lemma_.lower() in STATEMENT_NOUNS and tok.pos_ == "NOUN" else None
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and subject.i >= sent_toks[0].i:
            return CueMatch(verb, "before", subject)
    return None


def credit_line(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """A quotation paragraph credited by the next one, a dash and a name ('“Boeing and GE …
    pay zero taxes.” / - Sanders.', '/ -President Obama, tweeting after …'): the dash is the
    cue, the name the speaker."""
    if not piece.closed or piece.open_at != piece.para_start or ctx.text[piece.close_end:window.para_end].strip():
        return None
    match = re.match(r"\s*\n\s*([-—–])\s*(?=[A-Z])", ctx.text[window.para_end:])
    if match is None:
        return None
    dash = ctx.token_at(window.para_end + match.start(1))
    for tok in ctx.doc[dash.i + 1: dash.i + 4]:
        if tok.pos_ == "PROPN":
            head = tok
            while head.head.i != head.i and head.head.i < dash.i + 6 and head.dep_ in ("compound", "amod", "flat"):
                head = head.head
            return CueMatch(dash, "credit", head)
    return None


def governing_cue(ctx: QuoteContext, piece: Piece, window: CueWindow) -> CueMatch | None:
    """A speech verb that governs the quoted piece in the parse (a partial quote)."""
    if sentence_initial(ctx.text, piece):
        return None
    tok = ctx.token_at(piece.start)
    seen = set()
    while tok.head.i != tok.i and tok.i not in seen:
        seen.add(tok.i)
        tok = tok.head
        if piece.open_at <= tok.idx < piece.close_end:
            continue
        if is_cue(tok):
            subject = subject_of(tok)
            if subject is not None and not (piece.open_at <= subject.idx < piece.close_end):
                return CueMatch(tok, "inside", subject, partial=True)
            return None
    return None


DIRECT_CUE_RULES = [
    credit_after, headline_speaker, cue_after, interposed_cue, cue_before, headline_verb, any_verb_after,
    noun_phrase_cue_after, any_verb_before, colon_paragraph_cue, colon_paragraph_verb, statement_paragraph,
    credit_line, governing_cue,
]


def find_cue(ctx: QuoteContext, index: int) -> CueMatch | None:
    """The cue of piece `index`: the first rule of DIRECT_CUE_RULES that finds one."""
    piece, window = ctx.pieces[index], cue_window(ctx, index)
    for rule in DIRECT_CUE_RULES:
        found = rule(ctx, piece, window)
        if found is not None:
            return found
    return None
