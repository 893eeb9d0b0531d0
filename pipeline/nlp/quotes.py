"""Quotes with speakers, from the spaCy parse of one version.

1. Quotation pieces: the text between matching marks, per paragraph — curly “…”,
   straight "…", doubled apostrophes ''…'' and top-level single ‘…’ (straight '…' in a
   headline, the first line); single quotes nested in a double quote stay inside it; a mark
   of another kind right after the final punctuation of the words closes the quotation too
   ('"… would,” he said', '“… unusual,“ said Noble': mixed marks), as does the first
   straight mark after a curly one ending a word ('“… too" Sweeny said'); straight marks
   around markup attribute values (`datetime="2016-09-01"`) are no quotation. A mark left open at the end of a paragraph
   runs to the paragraph end and continues into the next paragraph when that one opens
   with a mark (one quotation over several paragraphs).
2. Cue of a piece (`rules/speech_verbs.tsv`, lemmas of `direct` use): after the closing
   mark ("…,” Mr. Kerry said / said Mr. Kerry / “…,” according to X; not a clause ending in
   ':' or ',' right before the next quotation after a full sentence: '“….” He added, “…”'
   introduces the next one; nor, after a full sentence, a verb with a reported clause of its
   own, or one that does not open the words after the mark: '“….” Reluctantly, Brafman said
   he had …', '“….” That is why, he added, …'), else before the
   opening mark in the same sentence ("Kerry told Lavrov: “…”", 'he said, “…”'; a participle
   clause after a comma that runs into the mark is the cue of the quotation inside it: '…,”
   Kiedis said, mentioning the album is “in the home stretch.”'), else
   a speech verb governing the piece in the parse ('called it “an absolute disgrace”',
   a *partial* quote). Failing those, any verb in a fixed frame: right after a quotation
   ending in , ! ? ('“…,” Trump barked'), right before ', “' ('Hillary shot back, “…”'),
   in the clause before ': “' ('leaned in and boomed: “…”'), or a bare name before the
   colon ('More from Jones: “…”', cue = the colon), or a credit after a dash that ends
   the quotation's line ('“…” ― Maria Gonzalez': vox pops, epigraphs) or forms the next
   line ('“… pay zero taxes.” / - Sanders.'), cue = the dash; a participle whose parse hangs inside
   the quotation takes the sentence subject ('…, telling the crowd, “…”'). Pieces sharing a cue are one quotation (split quotes "…," he said,
   "…"), as are pieces glued by white space or by a paragraph continuation. A piece that
   opens a sentence with no cue of its own continues the previous speaker's quotation
   when one is recent (same or previous paragraph) and keeps its cue and speaker spans
   (one attribution) — unless a paraphrase ending the previous paragraph ('…, said Mr
   Thomas.') came after it: then that speaker, who also takes it when there is no quotation
   before — otherwise it is left out; so are
   quoted fragments nobody is said to say (names such as the “London 11”, scare quotes).
   A quotation that goes on a clause begun before its mark is *partial*, not direct: a
   'that'/'if' or a subject of the reported clause between the cue and the mark ('X said that
   whatever voters decide, “they …”'), or a lowercase quotation whose clause starts before it
   ('A downturn, he said, “could be …”': a word before the mark depends on one inside), or
   one with a postposed cue after narration of its own sentence that has no speech verb ('If
   the bill passes, “I think …,” she said'); so is
   a quotation that goes on after the cue of a partial one ('The plans are “irresponsible,” he
   said. “They would …”': one attribution, begun in narration). Name-like words in marks inside
   a sentence and not right after their cue are a title, no quotation ('In his book, “Doomed to
   Succeed,” …', '… on CNN’s “State of the Union”'). A quotation that opens the reported
   content of a cue (step 4), with no narration before its mark ('renewed his call for “a total
   and complete ban” on all Muslims …'), is direct, with that content's cue and speaker.
   A quotation introduced by its cue that ends without punctuation while the sentence runs
   on in narration ('Obama said “it gets me mad” every time he thinks about …') carries the
   rest of the sentence as an `indirect` quote with the same cue and speaker (one
   attribution) — not after a name-like quotation or a narrator's 'and/but/when …'; so does
   one that runs on in lower case into the clause of its postposed cue ('“We are frustrated
   and horrified” by the shooting …, Nefzi said': the words up to the cue clause). In a
   headline (the first line), a quotation right after 'Name:' is that name's, and the rest of
   the line after it goes with it ('Blumenthal: ‘No Idea’ If I Would Have Told …').
3. Speaker: the subject of the cue (nsubj, the nearest of two; the agent of a passive; the object of
   "according to"), trimmed of appositions and relative clauses, mapped to the entity of
   a PERSON mention in it, else of an organization mention ("the Russian Foreign Ministry
   said"). Pronouns and descriptions resolve in this order: he/she — a compatible person
   (gender from Mr./Ms./he/she, `LocalEntity.gender`) who is the previous speaker or the
   nearest subject mention before, then the nearest compatible person; "the senator" —
   the nearest person with that role. Unnamed sources ("a senior State Department
   official", "the official", "sources") are flagged `is_anonymous` with no entity.
4. Indirect quotes: a cue verb (of either use) outside the quotations with a subject and
   a clausal complement ("X said (that) …", "X wants to …") — the complement is the
   content, without the narrator's additions after it (a conjoined speech verb, a
   participle or a though/while clause after a comma); "according to X, …" — the rest
   of the sentence. Without a clause, the object
   of a cue verb is the content ("X praised Y", "X denied the report", "X called for Y",
   "X talked about Y", "X referred/pointed to Y", "X sees Y as Z"; `object` use in speech_verbs.tsv; listeners —
   "told reporters" — and dates are not content). Noun cues: the 'that'/'to' clause of a
   noun of saying or intending ("Trump's claim that …", "announced a plan to …") or the
   object of "criticism of", "support for", "call for" …, with the possessor, the object of
   'by' or the subject of the governing verb as speaker (none: left out). Raising verbs of
   impression ("X seemed/appears to …", "it appears that …"): subject through complement,
   no speaker (the narrator's impression; cue_type stance). A non-restrictive relative
   clause or apposition closing the content after a comma is the narrator's aside and is
   left out. A parenthetical cue clause ('In the long run, many economists say, this could …',
   '…, a spokeswoman said on Saturday.'; parsed as parataxis) takes the rest of its sentence,
   before and after it, as one attribution; 'said so/yes/no' takes the answer word. Cue
   verbs that mostly introduce nothing reported (continue, sign, hear, consider …:
   NO_INDIRECT_CUES) yield no indirect quote.
`Quote.start/end` always index the content without the quotation marks."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.records import LocalEntity, Mention, Quote

RULES_PATH = Path(__file__).resolve().parents[1] / "rules" / "speech_verbs.tsv"

PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f"}
OTHER_PRONOUNS = {"they", "it", "i", "we", "you", "who", "which", "that", "this"}
# Heads of noun phrases that stand for an unnamed source.
ANONYMOUS_HEADS = {
    "official", "officials", "source", "sources", "aide", "aides", "person", "people", "adviser", "advisers",
    "advisor", "advisors", "staffer", "staffers", "insider", "insiders", "operative", "operatives", "diplomat",
    "diplomats", "spokesman", "spokeswoman", "spokesperson", "representative", "member", "members", "observer",
    "observers", "analyst", "analysts", "expert", "experts", "strategist", "strategists", "ally", "allies",
    "associate", "associates", "friend", "friends", "confidant", "donor", "donors", "lawmaker", "lawmakers",
    "officer", "officers", "resident", "residents", "witness", "witnesses", "supporter", "supporters",
    "critic", "critics", "voter", "voters", "employee", "employees", "worker", "workers", "someone", "one",
}
PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG", "NORP", "GPE"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
TRIM_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"}
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "lt", "sgt", "no", "col",
                 "capt", "prof", "rev", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "inc", "corp", "co",
                 "vs", "ft", "mt", "u.s", "d.c"}
SENT_END = re.compile(r"[.!?]['’\"”)]*\s*$")


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """lemma -> "direct" | "indirect", from rules/speech_verbs.tsv (first line wins)."""
    verbs: dict[str, str] = {}
    for raw in RULES_PATH.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        lemma, use = raw.split("\t")[:2]
        verbs.setdefault(lemma.strip().lower(), use.strip())
    return verbs


@dataclass
class Piece:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or paragraph end)
    open_at: int  # position of the opening mark
    close_end: int  # position after the closing mark (== end when left open)
    para: int
    para_start: int
    closed: bool
    group: int = -1
    cue: object = None  # spaCy Token
    cue_side: str = ""  # after | before | inside | according
    speaker: object = None  # (start_tok, end_tok) token span of the speaker
    partial: bool = False
    carried: bool = False  # a full quotation made partial by the narration its attribution began in
    title: bool = False  # a title or a name in marks (_is_title)
    narrated: bool = False  # narration before it in its sentence (_narrated)


@dataclass
class Speaker:
    text: str | None = None
    start: int | None = None
    end: int | None = None
    key: str | None = None
    anonymous: bool = False


@dataclass
class _Ctx:
    doc: object
    text: str
    mentions: list[Mention]
    entities: dict[str, LocalEntity]
    tok_starts: list[int]
    pieces: list[Piece] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def token_at(self, pos: int):
        i = bisect_right(self.tok_starts, pos) - 1
        return self.doc[max(i, 0)]

    def inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)


# ------------------------------------------------------------------ 1. pieces


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_pieces(text: str) -> list[Piece]:
    """Quotation pieces, paragraph by paragraph (see module doc)."""
    pieces: list[Piece] = []
    pos = 0
    for n, para in enumerate(text.split("\n")):
        base = pos
        pos += len(para) + 1
        i, L = 0, len(para)
        opener = None  # (kind, index of the mark, length of the mark)
        while i < L:
            ch = para[i]
            two = para[i:i + 2]
            if opener is None:
                if ch == '"' and i > 0 and para[i - 1] == "=":
                    # markup residue: an attribute value ('<tweet id="6721…" datetime="2016-09-01">')
                    close = para.find('"', i + 1)
                    i = close + 1 if close > 0 else i + 1
                    continue
                if ch == "“":
                    opener = ("curly", i, 1)
                elif two == "''" or two == "``":
                    opener = ("doubled", i, 2)
                    i += 1
                elif ch == '"' and (i + 1 < L and not para[i + 1].isspace()):
                    opener = ("straight", i, 1)
                elif ch == "‘" and (i == 0 or not _is_word(para[i - 1])) and i + 1 < L and not para[i + 1].isspace():
                    opener = ("single", i, 1)
                elif ch == "'" and n == 0 and (i == 0 or para[i - 1] in " :") and i + 1 < L and para[i + 1].isalpha():
                    # straight single marks in a headline ("Reid: 'Never, ever underestimate Trump.'")
                    opener = ("single", i, 1)
                i += 1
                continue
            kind, o, olen = opener
            close_len = 0
            nxt = para[i + 1:i + 2]
            ends_speech = para[i - 1:i] in (",", ".", "!", "?") and not nxt.isalnum()
            if kind == "curly" and ch == "”":
                close_len = 1
            elif kind == "curly" and ch == '"' and '"' not in para[o + 1:i] and not nxt.isalnum() \
                    and not para[i - 1].isspace():
                # '“As a construction guy, he put a lot of people out of business, too" Sweeny said':
                # the first straight mark after a curly opening one, ending a word, closes it
                close_len = 1
            elif kind in ("curly", "straight") and ch in "\"“”" and ends_speech:
                # mixed marks: '"… would,” he said', '“… weather," she said', '“It's unusual,“ said'
                # — a mark of the other kind (or a second opening one) right after the final
                # punctuation of the words closes the quotation
                close_len = 1
            elif kind == "curly" and ch == "“" and para[o + 1:i].strip() and i > 0 and para[i - 1].isspace():
                # an opening mark while one is open: the first quote was never closed
                pieces.append(_piece(text, base, o + olen, i, o, i, n, closed=False))
                opener = ("curly", i, 1)
                i += 1
                continue
            elif kind == "doubled" and two == "''":
                close_len = 2
            elif kind == "straight" and ch == '"':
                close_len = 1
            elif kind == "single" and ch == ("'" if para[o] == "'" else "’") and (i + 1 >= L or not _is_word(para[i + 1])) and (
                para[i - 1:i] and not para[i - 1].isspace()
            ):
                close_len = 1
            if close_len:
                pieces.append(_piece(text, base, o + olen, i, o, i + close_len, n, closed=True))
                opener = None
                i += close_len
                continue
            i += 1
        if opener is not None:
            kind, o, olen = opener
            if kind != "single":
                pieces.append(_piece(text, base, o + olen, L, o, L, n, closed=False))
    return [p for p in pieces if p.end > p.start]


def _piece(text: str, base: int, s: int, e: int, o: int, ce: int, para: int, closed: bool) -> Piece:
    s, e = base + s, base + e
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Piece(s, e, base + o, base + ce, para, base, closed)


# ------------------------------------------------------------------ 2. cues


def _is_cue(tok, uses=("direct",)) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ not in ("ROOT",):
        return False
    return speech_verbs().get(tok.lemma_.lower()) in uses or (
        tok.lower_ in ("says", "said", "say", "tells", "told") and "direct" in uses
    )


WH_NOBODY = {"what", "whatever", "whichever", "how", "why", "when", "where"}


def _subject(tok):
    """Subject token of a verb (climbing conj/xcomp/advcl chains), or None."""
    seen = 0
    t = tok
    while t is not None and seen < 4:
        subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # two subjects (one a misparse inside the quotation: '“… Trump articulates it
            # differently,” Viguerie notes'): the nearest
            subj = min(subjects, key=lambda c: abs(c.i - t.i))
            # 'no details on what matters were agreed': a wh-word is nobody
            return None if subj.lower_ in WH_NOBODY else subj
        for c in t.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
            t = t.head
            seen += 1
            continue
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            # "Obama punctuated his list by saying “…”": the subject of the verb the phrase modifies
            t = t.head.head
            seen += 1
            continue
        break
    return None


def _stray_subject(verb, lo: int):
    """The subject of a cue verb the parser left without one: the noun phrase right before
    it ('…, her senior policy adviser, Jake Sullivan, said: “…”' with the name parsed as an
    apposition of an earlier noun) — a name, noun or pronoun not inside a prepositional phrase
    of its own, after token `lo`."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    k = verb.i - 1
    doc = verb.doc
    while k >= lo and (doc[k].is_space or doc[k].text in (",",) or doc[k].dep_ == "advmod"):
        k -= 1
    if k < lo:
        return None
    t = doc[k]
    if t.pos_ in ("PROPN", "PRON") and t.dep_ in ("appos", "conj", "compound", "npadvmod", "dep", "ROOT") and t.head.i < t.i:
        return t
    return None


def _according(tok):
    """The object of "according to", when `tok` is "according"."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for c in list(nxt.children) + list(tok.children):
        if c.dep_ == "pobj":
            return c
    # parser left the object unattached: the next noun
    for t in tok.doc[nxt.i + 1: nxt.i + 8]:
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
    return None


def _window_tokens(ctx: _Ctx, start: int, end: int):
    if end <= start:
        return []
    a = ctx.token_at(start).i
    out = []
    for t in ctx.doc[a:]:
        if t.idx >= end:
            break
        if t.idx >= start and not ctx.inside_quote(t.idx):
            out.append(t)
    return out


def _after_window_end(ctx: _Ctx, p: Piece, next_start: int, para_end: int) -> int:
    """End of the attribution window after a piece: the sentence end, the next quote
    or the paragraph end."""
    end = min(next_start, para_end)
    seg = ctx.text[p.close_end:end]
    for m in re.finditer(r"([\w.]*)([.!?])(?=\s|$)", seg):
        word = m.group(1)
        if m.group(2) == "." and (word.lower().rstrip(".") in ABBREVIATIONS or len(word.rstrip(".")) == 1
                                  or "." in word.rstrip(".")):
            continue
        return p.close_end + m.end()
    return end


def _cue_after(ctx: _Ctx, p: Piece, win_end: int):
    if ctx.text[p.close_end:win_end].rstrip().endswith((":", ",")) and SENT_END.search(ctx.text[p.start:p.end]) \
            and any(q.open_at >= win_end and not ctx.text[win_end:q.open_at].strip() for q in ctx.pieces):
        # '“… .” She went on to say: “…”' — the clause introduces the next quotation
        return None
    toks = [t for t in _window_tokens(ctx, p.close_end, win_end)]
    words = ctx.text[p.start:p.end].rstrip(" '’\"”")
    full = bool(re.search(r"[.!?]$", words))
    for k, t in enumerate(toks[:30]):
        obj = _according(t)
        if obj is not None and k <= 3:
            return t, "according", obj
        if _is_cue(t):
            subj = _subject(t)
            if not words.endswith(",") and any(
                    c.dep_ == "ccomp" and c.i > t.i and not ctx.inside_quote(c.idx) for c in t.children):
                # '“… two points.” Reluctantly, Brafman said he had come to …': after a full
                # sentence, a cue with a reported clause of its own is another report
                return None
            if subj is not None and subj.i >= toks[0].i and not ctx.inside_quote(subj.idx):
                if full and toks[0].i != t.i and not (subj.left_edge.i <= toks[0].i <= subj.right_edge.i):
                    # '“… nothing.” That's why, he added, viewers …': after a full sentence, a
                    # cue that does not open the next words belongs to a sentence of its own
                    return None
                return t, "after", subj
            if k <= 1 and subj is None:
                # "said Mr. Kerry" with the subject unattached: next noun phrase
                for u in toks[k + 1:k + 6]:
                    if u.pos_ in ("PROPN", "PRON") or (u.pos_ == "NOUN" and u.dep_ != "npadvmod"):
                        return t, "after", u
            if (subj is None or subj.i < toks[0].i) and k <= 20:
                # the parse took the quotation for the subject or left none ('“…,” Gene
                # Sperling, a top adviser, said'): the name that opens the words after the mark
                u = toks[0]
                if u.pos_ in ("PROPN", "PRON") and u.i < t.i and not full:
                    while u.dep_ in ("compound", "flat") and u.i < u.head.i < t.i:
                        u = u.head
                    return t, "after", u
                if subj is not None:
                    continue
        if t.pos_ == "VERB" and t.dep_ in ("ROOT",) and not _is_cue(t) and k > 8:
            break
    return None


def _cue_before(ctx: _Ctx, p: Piece, win_start: int):
    seg = ctx.text[win_start:p.open_at]
    if not seg.strip():
        return None
    toks = _window_tokens(ctx, win_start, p.open_at)
    if not toks:
        return None
    stripped = seg.rstrip()
    intro = stripped.endswith((":", ",", "—", "–")) or not stripped or stripped[-1].isalpha()
    if not intro:
        return None
    for t in reversed(toks[-25:]):
        obj = _according(t)
        if obj is not None:
            return t, "according", obj
        if _is_cue(t):
            subj = _subject(t) or _stray_subject(t, toks[0].i)
            if (subj is None or ctx.inside_quote(subj.idx)) and t.tag_ == "VBG":
                # '“…,” she stated, adding, “…”' (the participle parsed under the quotation
                # before): the subject of its sentence
                subj = _outside_subject(ctx, t, t.sent.start)
            if subj is not None and not ctx.inside_quote(subj.idx):
                return t, "before", subj
        if t.tag_ == "VBG" and t.pos_ == "VERB" and t.i > toks[0].i and ctx.doc[t.i - 1].text == "," \
                and re.search(r"\w", ctx.text[t.idx + len(t.text):p.open_at]) and stripped[-1].isalpha():
            # a participle clause after the cue that the quotation sits in ('…,” Kiedis said,
            # mentioning the album is “in the home stretch.”'): the participle is its cue
            subj = _outside_subject(ctx, t, toks[0].i)
            if subj is not None:
                return t, "before", subj
    return None


def _outside_subject(ctx: _Ctx, verb, lo: int):
    """The subject of `verb` when it lies outside the quotations (at or after token `lo`);
    for a participle whose parse hangs inside the quotation ("…, telling the crowd, “…”"),
    the subject of the sentence before it."""
    subj = _subject(verb)
    if subj is not None and not ctx.inside_quote(subj.idx) and subj.i >= lo:
        return subj
    if verb.tag_ == "VBG":
        for t in reversed(list(verb.sent)[: verb.i - verb.sent.start]):
            if t.dep_ in ("nsubj", "nsubjpass") and not ctx.inside_quote(t.idx) and t.i >= lo:
                return t
    return None


def _cue_after_generic(ctx: _Ctx, p: Piece, win_end: int):
    """'“…,” Trump barked' / '“…!” beamed Donald Hartley': a quotation that ends with a
    comma, ! or ? and is followed by a short clause [subject] verb / verb subject: any verb
    is the cue there."""
    inner = ctx.text[p.start:p.end].rstrip()
    if not inner or inner[-1] not in ",!?—–":
        return None
    toks = [t for t in _window_tokens(ctx, p.close_end, win_end) if not t.is_space]
    if not toks or toks[0].pos_ not in ("PROPN", "PRON", "NOUN", "DET", "VERB", "ADJ", "NUM"):
        return None
    for k, t in enumerate(toks[:8]):
        if t.pos_ != "VERB" or t.dep_ in SUBJECT_DEPS or (
            t.tag_ in ("VBG",) and k > 0 and toks[k - 1].pos_ not in ("PROPN", "PRON")
        ):
            continue  # (a name mis-tagged as a verb: '“…,” Trump shot back')
        subj = _subject(t)
        if subj is not None and subj.i >= toks[0].i and not ctx.inside_quote(subj.idx):
            return t, "after", subj
        if k == 0:
            for u in toks[1:5]:
                if u.pos_ in ("PROPN", "PRON") or u.pos_ == "NOUN":
                    return t, "after", u
        elif toks[k - 1].pos_ in ("PROPN", "PRON", "NOUN", "NUM") and all(
                u.pos_ in ("DET", "NUM", "PROPN", "NOUN", "ADJ", "PRON") for u in toks[:k]):
            # the noun phrase right before the verb, the parser having missed the subject
            # ('“…,” the two write.')
            return t, "after", toks[k - 1]
        break
    return None


CREDIT = re.compile(r"[ \t]*([―—–]{1,2})[ \t]*((?:[A-Z][\w’'.\-]*)(?:[ \t]+(?:[A-Z][\w’'.\-]*|de|del|da|van|von|la|le|al|bin)){0,5})"
                    r"[ \t]*\.?[ \t]*(?=\n|$)")


def _credit_after(ctx: _Ctx, p: Piece):
    """'“The most unqualified child to ever run for president.” ― Francisco Herrero': a
    quotation credited, after a dash, to a name that ends the line (vox pops, epigraphs,
    reader quotes). The dash is the cue; the name, the speaker."""
    m = CREDIT.match(ctx.text, p.close_end)
    if m is None:
        return None
    s, e = m.span(2)
    inside = [t for t in _window_tokens(ctx, s, e) if not t.is_space]
    if not inside or any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT", "ADP", "X") for t in inside):
        return None  # '“…” — Says Trump'
    head = next((t for t in inside if not (s <= t.head.idx < e) or t.head.i == t.i), inside[-1])
    return ctx.token_at(m.start(1)), "credit", head


def _np_before_colon(ctx: _Ctx, colon_pos: int, lo: int):
    """The head of the noun phrase that ends at a colon ("More from Jones: “…”",
    "Republican pollster Daron Shaw: “…”", "… - Pew Research: “…”": a name, a person or an
    organization, or a few capitalized words)."""
    toks = _window_tokens(ctx, lo, colon_pos)
    toks = [t for t in toks if not t.is_space]
    if not toks:
        return None
    last = toks[-1]
    if last.pos_ not in ("PROPN", "NOUN") or last.is_upper and len(toks) > 3:
        return None
    if _mention_in(ctx, last.idx, last.idx + len(last.text), PERSON_LABELS | ORG_LABELS) is None and last.pos_ != "PROPN" \
            and not (len(toks) <= 4 and all(t.is_title for t in toks)):  # a capitalized name: 'Pew Research:'
        return None
    return last


def _cue_before_generic(ctx: _Ctx, p: Piece, win_start: int):
    """A quotation introduced by a colon (any verb: 'Trump leaned in and boomed: “…”',
    'She addressed the supporters again: “…”'; or a bare name: 'More from Jones: “…”')
    or by a comma right after a verb ('Hillary shot back, “…”', '…, telling the crowd, “…”')."""
    seg = ctx.text[win_start:p.open_at]
    stripped = seg.rstrip()
    if not stripped or stripped[-1] not in ":,":
        return None
    if stripped[-1] == ":":
        # the clause before the colon starts after a dash ("IOWA POLLS - Mark Blumenthal: “…”")
        dash = max(seg.rfind(" - "), seg.rfind("—"), seg.rfind(" – "))
        if dash >= 0:
            win_start += dash + 2
    toks = [t for t in _window_tokens(ctx, win_start, p.open_at) if not t.is_space and not t.is_punct]
    if not toks:
        return None
    if stripped[-1] == ":":
        colon_at = win_start + len(ctx.text[win_start:p.open_at].rstrip()) - 1
        np = _np_before_colon(ctx, colon_at, win_start)
        if np is not None and np.pos_ == "PROPN":
            return np, "colon", np
        verbs = [t for t in toks if t.pos_ == "VERB" and t.dep_ not in ("xcomp", "amod", "acl", "relcl", "pcomp")]
        for v in reversed(verbs):
            subj = _outside_subject(ctx, v, toks[0].i)
            if subj is not None:
                return v, "before", subj
        if verbs:
            return None
        if np is not None:
            return np, "colon", np
        return None
    # comma: the verb is the last word, or followed only by its particle / adverb / object
    for k in range(len(toks) - 1, max(len(toks) - 5, -1), -1):
        t = toks[k]
        if t.pos_ == "VERB":
            rest = toks[k + 1:]
            if all(r.dep_ in ("prt", "advmod", "dobj", "det", "dative", "amod", "poss", "compound") for r in rest):
                subj = _outside_subject(ctx, t, toks[0].i)
                if subj is not None:
                    return t, "before", subj
            return None
    return None


def _credit_line(ctx: _Ctx, p: Piece, para_end: int):
    """A quotation paragraph credited by the next one, a dash and a name ('“Boeing and GE …
    pay zero taxes.” / - Sanders.', '/ -President Obama, tweeting after …'): the dash is the
    cue, the name the speaker."""
    if ctx.text[p.close_end:para_end].strip():
        return None
    m = re.match(r"\s*\n\s*([-—–])\s*(?=[A-Z])", ctx.text[para_end:])
    if m is None:
        return None
    dash = ctx.token_at(para_end + m.start(1))
    for t in ctx.doc[dash.i + 1: dash.i + 4]:
        if t.pos_ == "PROPN":
            head = t
            while head.head.i != head.i and head.head.i < dash.i + 6 and head.dep_ in ("compound", "amod", "flat"):
                head = head.head
            return dash, "credit", head
    return None


def _cue_governing(ctx: _Ctx, p: Piece):
    """A speech verb that governs the quoted piece in the parse (a partial quote)."""
    first = ctx.token_at(p.start)
    seen = set()
    t = first
    while t.head.i != t.i and t.i not in seen:
        seen.add(t.i)
        t = t.head
        if p.open_at <= t.idx < p.close_end:
            continue
        if _is_cue(t):
            subj = _subject(t)
            if subj is not None and not (p.open_at <= subj.idx < p.close_end):
                return t, "inside", subj
            return None
    return None


# ------------------------------------------------------------------ 3. speakers


def _speaker_span(subj) -> tuple[int, int]:
    """Token range [a, b) of the speaker phrase headed by `subj`, without appositions,
    relative clauses and the like."""
    keep = {subj.i}
    stack = [subj]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in TRIM_DEPS or c.is_space:
                continue
            if c.dep_ == "prep" and c.i > subj.i and c.lower_ not in ("of", "for", "at", "from", "with"):
                continue
            keep.add(c.i)
            stack.append(c)
    a, b = min(keep), max(keep) + 1
    # contiguous: stop at a comma after the head
    doc = subj.doc
    for i in range(subj.i + 1, b):
        if doc[i].text in (",", "(", "—", "–", "―"):
            b = i
            break
    for i in range(subj.i - 1, a - 1, -1):
        if doc[i].text in (",", ")", "—", "–", "―", "“", "”", '"'):
            a = i + 1
            break
    return a, b


def _mention_in(ctx: _Ctx, s: int, e: int, labels: set[str]) -> Mention | None:
    best = None
    for m in ctx.mentions:
        if m.label in labels and m.start < e and s < m.end:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
    return best


def _compatible(ent: LocalEntity | None, gender: str | None) -> bool:
    return ent is not None and ent.actor_type == "person" and (gender is None or ent.gender in (None, gender))


def _resolve_pronoun(ctx: _Ctx, gender: str | None, pos: int, para_start: int, last: str | None) -> str | None:
    before = [
        m for m in ctx.mentions
        if m.end <= pos and m.label in PERSON_LABELS and not ctx.inside_quote(m.start)
        and _compatible(ctx.entities.get(m.entity_key), gender)
    ]
    before.sort(key=lambda m: m.start)
    # a subject mention in the current paragraph
    in_para = [m for m in before if m.start >= para_start]
    if last and _compatible(ctx.entities.get(last), gender):
        if not in_para or any(m.entity_key == last for m in in_para):
            return last
    for m in reversed(in_para):
        tok = ctx.token_at(m.start)
        root = tok
        while root.head.i != root.i and root.head.i < len(ctx.doc) and m.start <= root.head.idx < m.end:
            root = root.head
        if root.dep_ in SUBJECT_DEPS:
            return m.entity_key
    if last and _compatible(ctx.entities.get(last), gender):
        return last
    if before:
        return before[-1].entity_key
    return None


def _resolve_speaker(ctx: _Ctx, subj, para_start: int, last: str | None) -> Speaker:
    doc = ctx.doc
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl" and subj.head.head.i != subj.head.i:
        # 'Russia, which backed the Syrian government': the relative pronoun's antecedent
        return _resolve_speaker(ctx, subj.head.head, para_start, last)
    a, b = _speaker_span(subj)
    # a leading demonym is an affiliation, not the speaker: "[Syrian] Foreign Minister Walid Muallem"
    while a < subj.i and doc[a].ent_type_ == "NORP" and doc[a].pos_ in ("ADJ", "PROPN"):
        a += 1
    span = doc[a:b]
    s, e = span.start_char, span.end_char
    text = span.text
    low = subj.lower_
    if subj.pos_ == "PRON" or low in PRONOUN_GENDER or low in OTHER_PRONOUNS:
        s, e, text = subj.idx, subj.idx + len(subj.text), subj.text
        if low in ("he", "she"):
            return Speaker(text, s, e, _resolve_pronoun(ctx, PRONOUN_GENDER[low], s, para_start, last))
        if low in ("i", "we", "they", "who") and last:
            return Speaker(text, s, e, last if low != "i" else None)
        return Speaker(text, s, e, None)
    m = _mention_in(ctx, s, e, PERSON_LABELS)
    if m is None:
        # "his spokesman, Jason Miller," / "the economist Jared Bernstein": an apposition
        for c in subj.children:
            if c.dep_ == "appos":
                sub = doc[c.left_edge.i:c.right_edge.i + 1]
                if len(sub) <= 6:
                    m = _mention_in(ctx, sub.start_char, sub.end_char, PERSON_LABELS)
                    if m:
                        break
    if m is not None:
        return Speaker(text, s, e, m.entity_key)
    head = subj.lower_
    det = [c.lower_ for c in subj.children if c.dep_ in ("det", "nummod", "amod")]
    org = _mention_in(ctx, s, e, ORG_LABELS)
    if subj.pos_ == "PROPN" and org is not None:
        return Speaker(text, s, e, org.entity_key)
    if head in ANONYMOUS_HEADS or (subj.pos_ == "NOUN" and any(d in ("a", "an", "some", "several", "two", "three",
                                                                    "many", "one", "another") for d in det)):
        return Speaker(text, s, e, None, anonymous=True)
    if org is not None and org.start <= subj.idx < org.end:
        return Speaker(text, s, e, org.entity_key)
    if subj.pos_ == "NOUN" and "the" in det:
        # "the senator": the nearest person with that role, else the previous speaker
        for mm in sorted((m for m in ctx.mentions if m.end <= s and m.label in PERSON_LABELS), key=lambda m: -m.start):
            ent = ctx.entities.get(mm.entity_key)
            if ent and any(head in (r or "").lower().split() for r, _ in ent.roles):
                return Speaker(text, s, e, mm.entity_key)
        if org is not None:
            return Speaker(text, s, e, org.entity_key)
        return Speaker(text, s, e, None)
    if org is not None:
        return Speaker(text, s, e, org.entity_key)
    return Speaker(text, s, e, None)


# ------------------------------------------------------------------ main


SMALL_WORDS = {"of", "the", "and", "for", "a", "an", "in", "on", "to", "at", "by", "from", "with", "or", "vs.", "&"}


def _looks_like_name(content: str) -> bool:
    """Title-case words (a name, a title, a slogan quoted as a name): “London 11”."""
    words = [w.strip("“”‘’\"'.,:;!?()") for w in content.split()]
    words = [w for w in words if w]
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha or len(words) > 12:
        return False
    return all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in alpha) and (
        len(words) <= 5 or not SENT_END.search(content.rstrip("”\"’"))
    )


def _sentence_initial(text: str, p: Piece) -> bool:
    before = text[p.para_start:p.open_at].rstrip()
    return not before or before.endswith((".", "!", "?", ":", "”", '"', "''", "—", ")")) or before[-1] in "“‘"


def _embedded(ctx: _Ctx, p: Piece) -> bool:
    """A quotation that goes on a clause begun before its opening mark in the same sentence
    (not a comma or colon introduction of its own): the words before the mark are part of the
    reported clause — 'X said that whatever choice voters make, “they should …”', 'Cruz says
    if elected president “I will …”', 'An economic downturn, he said, “could be …”'."""
    if p.cue is None:
        return False
    sent = ctx.token_at(p.open_at).sent
    inside = lambda t: p.open_at <= t.idx < p.close_end  # noqa: E731
    cue = p.cue
    for t in sent:
        if t.idx >= p.open_at:
            break
        if t.i == cue.i or t.is_punct or t.is_space or ctx.inside_quote(t.idx) or t.idx < p.para_start:
            continue
        h = t.head
        if p.cue_side == "before" and t.i > cue.i and (
                t.dep_ == "mark" or (t.dep_ in SUBJECT_DEPS | {"expl"} and h.i != cue.i)) and (
                inside(h) or (h.dep_ in ("ccomp", "advcl") and h.head.i == cue.i)):
            return True
        if inside(h) and h.i != t.i and ctx.text[p.start:p.start + 1].islower() \
                and not ctx.text[:p.open_at].rstrip().endswith(":"):
            return True
    return False


def _is_title(text: str, p: Piece) -> bool:
    """A title or name in marks inside a sentence ('In his new book, “Doomed to Succeed,” Mr.
    Ross said …', '… said during an interview on CNN’s “State of the Union.”'): name-like
    words that neither open a sentence nor follow their cue directly ('shouted, “Cruz,”',
    'chanted “USA! USA!”') — nobody's words, so no quotation, and no part of the quotation
    whose cue the sentence shares."""
    content = text[p.start:p.end].rstrip("”\"’' ")
    if not _looks_like_name(content) or _sentence_initial(text, p) or content.endswith(("!", "?")):
        return False  # (an exclamation is said: 'She declared “What a Super Tuesday!”')
    if p.cue is not None and p.cue_side in ("before", "colon") \
            and not re.search(r"\w", text[p.cue.idx + len(p.cue.text):p.open_at]):
        return False
    return True


def _narrated(ctx: _Ctx, p: Piece) -> bool:
    """Narration of the quotation's own sentence before its mark, with no speech verb
    ('Sooner or later, “I think …,” he said', 'If the bill passes, “…”'), other than a
    quotation before it ('“A,” he said, “B”')."""
    before = ctx.text[p.para_start:p.open_at]
    ends = list(re.finditer(r"[.!?:][”\"'’]*\s+", before))
    start = p.para_start + (ends[-1].end() if ends else 0)
    words = [t for t in _window_tokens(ctx, start, p.open_at) if t.is_alpha]
    return bool(words) and not any(_is_cue(t) or _according(t) is not None for t in words)


def _is_partial(text: str, p: Piece) -> bool:
    """A quoted fragment inside narration, not a quotation introduced as speech."""
    if _sentence_initial(text, p):
        return False
    before = text[p.para_start:p.open_at].rstrip()
    if before.endswith((",", ";")) and p.cue_side in ("before", "according"):
        return False
    if before.endswith((",", ";")) and p.cue_side == "after" and not p.narrated:
        return False
    if p.cue_side == "before" and p.cue is not None:
        gap = text[p.cue.idx + len(p.cue.text):p.open_at]
        if not re.search(r"\w", gap):  # 'he said, “…”' / 'told Lavrov: “…”' (after the object)
            return False
        if before.endswith(":"):
            return False
    content = text[p.start:p.end]
    return not (content[:1].isupper() and len(content.split()) >= 6 and SENT_END.search(content.rstrip("”\"’")))


def extract_quotes(doc, entities: list[LocalEntity], mentions: list[Mention]) -> list[Quote]:
    text = doc.text
    ctx = _Ctx(doc, text, mentions, {e.key: e for e in entities}, [t.idx for t in doc])
    pieces = find_pieces(text)
    ctx.pieces = pieces
    ctx.quoted = [(p.open_at, p.close_end) for p in pieces]
    para_ends = {}
    para_rank = {}  # line number -> index among the non-blank lines (paragraphs)
    pos = rank = 0
    for n, para in enumerate(text.split("\n")):
        para_ends[n] = pos + len(para)
        para_rank[n] = rank
        rank += bool(para.strip())
        pos += len(para) + 1

    # cues of each piece
    for k, p in enumerate(pieces):
        nxt = pieces[k + 1].open_at if k + 1 < len(pieces) else len(text)
        prev_end = pieces[k - 1].close_end if k > 0 and pieces[k - 1].para == p.para else p.para_start
        found = _credit_after(ctx, p) if p.closed else None
        if found is None and p.para_start == 0:
            found = _headline_speaker(ctx, p)
        if p.closed and found is None:
            found = _cue_after(ctx, p, _after_window_end(ctx, p, nxt, para_ends[p.para]))
        if found is None:
            # before: from the sentence start (or the previous piece) to the mark
            sent = ctx.token_at(p.open_at).sent
            start = max(prev_end, sent.start_char if sent.start_char < p.open_at else prev_end, p.para_start)
            found = _cue_before(ctx, p, start)
            if found is None and start > prev_end:
                seg = text[prev_end:p.open_at]
                if not re.search(r"[.!?]['’\"”]?\s", seg[:-1] if seg else seg):
                    found = _cue_before(ctx, p, prev_end)
        if found is None and p.closed:
            found = _cue_after_generic(ctx, p, _after_window_end(ctx, p, nxt, para_ends[p.para]))
        if found is None:
            sent = ctx.token_at(p.open_at).sent
            start = max(prev_end, sent.start_char if sent.start_char < p.open_at else prev_end, p.para_start)
            found = _cue_before_generic(ctx, p, start)
        if found is None and p.open_at == p.para_start and p.para_start > 0:
            # a quotation paragraph introduced by the previous one: "Clinton said in a statement:"
            prev = text[:p.para_start].rstrip()
            if prev.endswith(":"):
                prev_start = text.rfind("\n", 0, len(prev)) + 1
                for t in reversed(_window_tokens(ctx, prev_start, len(prev))[-25:]):
                    if _is_cue(t):
                        subj = _subject(t)
                        if subj is not None and not ctx.inside_quote(subj.idx):
                            found = (t, "before", subj)
                        break
                if found is None:
                    # "17-year-old Jared Potts echoed:" / "Stated Stone:" (any verb)
                    toks = [t for t in _window_tokens(ctx, prev_start, len(prev)) if not t.is_space]
                    sent_toks = [t for t in toks if t.sent == toks[-1].sent] if toks else []
                    for t in reversed(sent_toks):
                        if t.pos_ == "VERB":
                            subj = _outside_subject(ctx, t, sent_toks[0].i)
                            if subj is None and t.i == sent_toks[0].i and len(sent_toks) > 1:
                                subj = next((u for u in sent_toks[1:] if u.pos_ in ("PROPN", "NOUN")), None)
                            if subj is not None:
                                found = (t, "before", subj)
                            break
        if found is None and p.closed and p.open_at == p.para_start:
            found = _credit_line(ctx, p, para_ends[p.para])
        if found is None and not _sentence_initial(text, p):
            found = _cue_governing(ctx, p)
            if found is not None:
                p.partial = True
        if found is not None:
            p.cue, p.cue_side, subj = found
            p.speaker = subj
        p.narrated = p.cue_side == "after" and _narrated(ctx, p)
        p.partial = p.partial or _is_partial(text, p) or _embedded(ctx, p)
        if _is_title(text, p):
            p.cue, p.cue_side, p.speaker, p.partial, p.title = None, "", None, True, True

    # groups: shared cue, paragraph continuation, pieces glued by white space
    parent = list(range(len(pieces)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    has_cue = [p.cue is not None for p in pieces]

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[rj] = ri
            has_cue[ri] = has_cue[ri] or has_cue[rj]

    def glue(i, j):
        """Join two pieces unless that would join two quotations with cues of their own."""
        if not (has_cue[find(i)] and has_cue[find(j)]):
            union(i, j)

    by_cue: dict[int, int] = {}
    for k, p in enumerate(pieces):
        if p.cue is not None:
            if p.cue.i in by_cue:
                union(by_cue[p.cue.i], k)
            else:
                by_cue[p.cue.i] = k
    for k in range(1, len(pieces)):
        a, b = pieces[k - 1], pieces[k]
        if not a.closed and b.open_at == b.para_start and not text[a.end:b.open_at].strip():
            union(k - 1, k)
        elif a.para == b.para and not text[a.close_end:b.open_at].strip() and not (a.partial or b.partial):
            glue(k - 1, k)
        elif (b.para == a.para and b.cue is None and not b.partial and _sentence_initial(text, b)
              and a.cue is not None and not a.partial):
            # “A,” he said. “B.” — the same speaker goes on
            glue(k - 1, k)
        elif (b.para == a.para and b.cue is None and not b.partial and _sentence_initial(text, b)
              and a.cue is not None and a.partial and a.cue_side == "after" and a.close_end <= a.cue.idx < b.open_at):
            # 'Still, golf clubs are “just scratching out a profit,” he said. “Golf is …”': the
            # quotation goes on after its cue, but the attribution began in narration — one
            # attribution whose content does not open with the mark: partial as a whole
            b.partial = b.carried = True
            union(k - 1, k)
    groups: dict[int, list[int]] = {}
    for k in range(len(pieces)):
        groups.setdefault(find(k), []).append(k)

    quotes: list[Quote] = []
    continued: list[tuple] = []  # (first index in quotes, count, near, end of the quote continued, prev para start, start)
    last_direct_end = -1
    para_start_by_rank = {}
    pos = 0
    for n, para in enumerate(text.split("\n")):
        if para.strip():
            para_start_by_rank.setdefault(para_rank[n], pos)
        pos += len(para) + 1
    last_key: str | None = None
    last_speaker: Speaker | None = None
    last_para = -10
    last_cue_span: tuple[int, int] | None = None
    for root in sorted(groups, key=lambda r: pieces[groups[r][0]].start):
        members = [pieces[k] for k in groups[root]]
        cued = [p for p in members if p.cue is not None]
        first = members[0]
        if cued:
            c = cued[0]
            sp = _resolve_speaker(ctx, c.speaker, c.para_start, last_key)
            cue_tok = c.cue
            partial = all(p.partial for p in members)
            speaker_pos = (sp.start, sp.end)
            near = True
        else:
            content = " ".join(text[p.start:p.end] for p in members)
            if any(p.partial for p in members) or _looks_like_name(content):
                continue
            if len(content.split()) < 3 or para_rank[first.para] == 0:
                continue
            near = last_speaker is not None and para_rank[first.para] - para_rank.get(last_para, -10) <= 1
            # the same quotation goes on: it keeps the cue and speaker of the one before, or
            # of a paraphrase of the previous paragraph after it (settled after step 4)
            sp = (Speaker(last_speaker.text, last_speaker.start, last_speaker.end, last_speaker.key,
                          last_speaker.anonymous) if near else Speaker())
            continued.append((len(quotes), len(members), near, last_direct_end if near else -1,
                              para_start_by_rank[para_rank[first.para] - 1], first.start))
            cue_tok = None
            partial = False
            speaker_pos = (sp.start, sp.end)
        if partial and _looks_like_name(" ".join(text[p.start:p.end] for p in members)) and cued[0].cue_side == "inside":
            continue
        kind = "partial" if partial else "direct"
        cue_span = last_cue_span if not cued else None
        if cue_tok is not None:
            last_tok = cue_tok.nbor(1) if _according(cue_tok) is not None else cue_tok
            cue_span = (cue_tok.idx, last_tok.idx + len(last_tok.text))
            if cued[0].cue_side == "colon":  # "Jones: “…”" — the colon is the cue
                colon = text.find(":", cue_span[1])
                cue_span = (colon, colon + 1)
        for p in members:
            quotes.append(
                Quote(
                    start=p.start, end=p.end, text=text[p.start:p.end], kind=kind,
                    speaker_text=sp.text, speaker_entity_key=sp.key,
                    cue=text[cue_span[0]:cue_span[1]] if cue_span else None,
                    speaker_start=speaker_pos[0], speaker_end=speaker_pos[1],
                    cue_start=cue_span[0] if cue_span else None,
                    cue_end=cue_span[1] if cue_span else None,
                    is_anonymous=sp.anonymous,
                )
            )
        # the narration the quotation runs into, in the same attribution: before its postposed
        # cue, on to the sentence end after its cue, or on along a headline after 'Name:'
        run = None
        if kind == "direct" and cued:
            side = cued[0].cue_side
            run = (_run_in(ctx, members, cued[0]) if side == "after"
                   else _run_on(ctx, members[-1], pieces, para_ends) if side == "before"
                   else _headline_run_on(ctx, members[0], para_ends) if side == "colon" else None)
        if run is not None:
            quotes.append(Quote(
                start=run[0], end=run[1], text=text[run[0]:run[1]], kind="indirect",
                speaker_text=sp.text, speaker_entity_key=sp.key, cue=quotes[-1].cue,
                speaker_start=speaker_pos[0], speaker_end=speaker_pos[1],
                cue_start=quotes[-1].cue_start, cue_end=quotes[-1].cue_end, is_anonymous=sp.anonymous,
            ))
        if not cued and not near:
            continue  # its speaker comes from a paraphrase, if any (below)
        if sp.key:
            last_key = sp.key
        if not partial or any(p.carried for p in members):
            last_speaker = sp
            last_cue_span = cue_span
            last_para = max(p.para for p in members)
            last_direct_end = max(p.end for p in members)
    indirect = _indirect(ctx, quotes, last_key)
    _settle_continued(text, quotes, continued, indirect)
    quotes = [q for q in quotes if q.kind != "dropped"]
    _opening_quotations(text, pieces, quotes, indirect)
    quotes.extend(indirect)
    quotes.sort(key=lambda q: q.start)
    for q in quotes:
        q.cue_type = _cue_type(doc, q)
    return quotes


def _run_in(ctx: _Ctx, members: list[Piece], c: Piece) -> tuple[int, int] | None:
    """The reported clause a quotation runs on into before its postposed cue ('“We are
    frustrated and horrified” by the mass shooting at a gay nightclub …, Nefzi said.', '“Boots
    on the ground” would be appropriate, Ben Carson said'): the narration between the closing
    mark and the cue clause, when it goes on in lower case with no sentence end or other
    quotation."""
    cue, subj = c.cue, c.speaker
    before = [p for p in members if p.closed and p.close_end <= cue.idx]
    if not before:
        return None
    p = max(before, key=lambda q: q.close_end)
    inner = ctx.text[p.start:p.end].rstrip()
    if inner[-1:] in (".", "!", "?") or _looks_like_name(inner):
        return None
    clause = min(cue.idx, subj.left_edge.idx) if subj is not None and subj.i < cue.i else cue.idx
    seg = ctx.text[p.close_end:clause]
    m = re.match(r"[ \t\u00a0,]*(?=[a-z])", seg)
    if m is None or re.search(r"[.!?;:][”\"'’]*\s|[“”\"‘]|\n", seg):
        return None
    s, e = p.close_end + m.end(), clause
    while e > s and ctx.text[e - 1] in ",;:— \t\u00a0":
        e -= 1
    return (s, e) if len(ctx.text[s:e].split()) >= 2 else None


def _headline_speaker(ctx: _Ctx, p: Piece):
    """'Trump: ‘I’m the Worst Thing …’' — in the first line (a headline), a quotation right
    after a short name and a colon is that name's (the parser may take a name for a verb)."""
    m = re.fullmatch(r"([A-Z][\w.’'-]*(?: [\w.’'-]+){0,3}): ", ctx.text[p.para_start:p.open_at])
    if m is None:
        return None
    words = _window_tokens(ctx, p.para_start, p.para_start + m.end(1))
    if any(t.pos_ in ("VERB", "AUX") for t in words[1:]):
        return None  # 'Sarah Silverman heckles Sanders supporters: …' — the verb is the cue
    name = ctx.token_at(p.para_start + m.end(1) - 1)
    return name, "colon", name


def _headline_run_on(ctx: _Ctx, p: Piece, para_ends: dict) -> tuple[int, int] | None:
    """'Sidney Blumenthal: ‘No Idea’ If I Would Have Told …' — in the first line (a
    headline), a quotation after 'Name:' that the line goes on after: the rest of the line is
    the speaker's too."""
    if p.para_start != 0 or not p.closed:
        return None
    end = para_ends[p.para]
    seg = ctx.text[p.close_end:end]
    m = re.match(r"\s+(?=\w)", seg)
    if m is None:
        return None
    s, e = p.close_end + m.end(), end
    while e > s and ctx.text[e - 1] in ".!?;:, ’”'\"":
        e -= 1
    return (s, e) if len(ctx.text[s:e].split()) >= 2 else None


def _run_on(ctx: _Ctx, p: Piece, pieces: list[Piece], para_ends: dict) -> tuple[int, int] | None:
    """The reported clause a quotation introduced by its cue runs on into, in narration, to
    the sentence end ('Obama said “it gets me mad” every time he thinks about …'): the text
    from after the closing mark to the sentence end when a word follows the mark directly
    and no other quotation comes before the sentence end."""
    inner = ctx.text[p.start:p.end]
    if not p.closed or not inner[-1:].isalnum() or _looks_like_name(inner):
        return None  # '“…,” and shared a link' / '“You lie!” at the president': narration after a full stop
    later = [q.open_at for q in pieces if q.open_at >= p.close_end]
    nxt = min(later) if later else len(ctx.text)
    end = _after_window_end(ctx, p, nxt, para_ends[p.para])
    seg = ctx.text[p.close_end:end]
    m = re.match(r"[ \t\u00a0]+(?=[a-z])", seg)
    if m is None or end >= nxt and nxt < para_ends[p.para]:
        return None
    s = p.close_end + m.end()
    if re.match(r"(and|but|or|as|when|while|then)\b", ctx.text[s:end]):
        return None  # the narrator goes on with a clause of their own
    e = end
    while e > s and (ctx.text[e - 1] in ".!?;:, \t\u00a0"):
        e -= 1
    if len(ctx.text[s:e].split()) < 2:
        return None
    return s, e


def _opening_quotations(text: str, pieces: list[Piece], quotes: list[Quote], indirect: list[Quote]) -> None:
    """A quotation that opens the reported content of its cue ('welcomed “the recognition that
    we do not …”', 'call for “a total and complete ban” on all Muslims'): no narration comes
    before its mark, so no clause is begun before it — the attribution opens with the
    quotation and is direct. A piece left without a cue of its own takes the content's cue and
    speaker."""
    by_start = {q.start: q for q in quotes}
    for r in indirect:
        if r.cue_start is None:
            continue
        p = next((p for p in pieces if r.start <= p.start < r.end and not re.search(r"\w", text[r.start:p.start])), None)
        if p is None:
            continue
        q = by_start.get(p.start)
        if q is None:
            if p.title or _looks_like_name(text[p.start:p.end]):
                continue  # a title or a name: “New York values”
            quotes.append(Quote(
                start=p.start, end=p.end, text=text[p.start:p.end], kind="direct",
                speaker_text=r.speaker_text, speaker_entity_key=r.speaker_entity_key, cue=r.cue,
                speaker_start=r.speaker_start, speaker_end=r.speaker_end,
                cue_start=r.cue_start, cue_end=r.cue_end, is_anonymous=r.is_anonymous,
            ))
        elif q.kind == "partial" and (q.cue_start, q.speaker_start) == (r.cue_start, r.speaker_start):
            q.kind = "direct"


POSTPOSED_SAID = {"said", "says", "added", "adds", "told", "tells"}


def _settle_continued(text: str, quotes: list[Quote], continued: list[tuple], indirect: list[Quote]) -> None:
    """The speaker of a quotation paragraph with no cue of its own that continues the
    previous paragraph: whoever the previous paragraph reported last — the speaker of a
    paraphrase that ends it, after its last quotation ('… the important thing was the
    content, said Mr Thomas. / “If in doubt retain …”'), else the speaker of that quotation (cue and speaker
    spans kept: one attribution). Taking the paraphrase keeps the continuation's speaker, and
    so its identity across versions, when the quotation before it is deleted."""
    for k, n, near, end_before, prev_start, start in continued:
        para_end = text.rfind("\n", 0, start)
        para_end = len(text[:para_end].rstrip()) if para_end > 0 else 0
        # (a paraphrase in the quotation's own paragraph, after the quotation it continues —
        # '“…,” she said, describing how …. “…”' — is an aside: the quotation goes on)
        own_para = text.rfind("\n", 0, start) + 1
        later = [q for q in indirect if q.speaker_text and q.cue_start is not None
                 and max(prev_start, end_before) <= q.cue_start < start
                 and not (near and end_before >= own_para)
                 and not re.search(r"\w", text[max(q.end, q.cue_end, q.speaker_end or 0):para_end])]
        if not near:
            # no quotation before: only a paraphrase that ends with its speech cue ('…, said Mr Thomas.')
            later = [q for q in later if q.cue_start > q.end and (q.cue or "").lower() in POSTPOSED_SAID]
        if later:
            src = max(later, key=lambda q: q.cue_start)
            for q in quotes[k:k + n]:
                q.speaker_text, q.speaker_entity_key = src.speaker_text, src.speaker_entity_key
                q.speaker_start, q.speaker_end, q.is_anonymous = src.speaker_start, src.speaker_end, src.is_anonymous
                q.cue = q.cue_start = q.cue_end = None
        elif not near:
            for q in quotes[k:k + n]:
                q.kind = "dropped"  # nobody to continue


def _cue_type(doc, q: Quote) -> str:
    """`speech` when someone is said to have said it: every quotation in marks, and reported
    content under a speech verb (`direct` use in speech_verbs.tsv) or "according to";
    `stance` for content under a verb of thinking, wanting or support ("believes that …",
    "seeking to …", "praised Y") — attributed, but not words anybody spoke."""
    if q.kind != "indirect" or q.cue_start is None:
        return "speech"
    span = doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    if span is None or span.root.lower_ == "according":
        return "speech"
    return "speech" if speech_verbs().get(span.root.lemma_.lower()) == "direct" else "stance"


# ------------------------------------------------------------------ 4. indirect


def _trim(doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    return a, b


LISTENER_VERBS = {"tell", "ask", "inform", "assure", "remind", "thank", "urge", "warn", "brief", "congratulate",
                  "question", "call", "address", "invite", "beg", "implore"}
OBJECT_PREPS = {"about", "for", "against", "on", "over", "of"}
# cue verbs of the direct/indirect use whose direct object is attributed content ("denied the
# report", "announced a plan"); the object use of speech_verbs.tsv always qualifies
NO_OBJECT_CUES = {"see", "continue", "write", "add", "post", "read", "maintain", "raise", "release", "issue",
                  "celebrate", "fight", "push", "embrace"}
OBJECT_CUES = {"deny", "confirm", "announce", "describe", "mention", "propose", "predict", "claim", "acknowledge",
               "admit", "reveal", "suggest", "recommend", "demand", "promise", "pledge", "tout", "cite", "call",
               "accuse", "urge", "dismiss", "decline", "refuse", "concede", "repeat", "reiterate", "recount",
               "explain", "question", "discuss", "criticize", "defend"}
# cue verbs that on PolNeAR introduce no reported content of their own more often than not
# ('continued to campaign', 'signed the bill', 'heard the case', 'considered a run', 'committed 82 percent of murders')
NO_INDIRECT_CUES = {"continue", "sign", "unveil", "charge", "hear", "consider", "commit", "imagine", "lobby", "target"}
# more verbs of stance, naming and discussion whose object or clause PolNeAR attributes
# ('named Kaine as his running mate', 'thanked voters for …', 'ignored the question'); kept
# for section 4 only (speech_verbs.tsv also drives the direct-quote cues)
MORE_OBJECT_CUES = {"name", "thank", "remind", "share", "identify", "nominate", "compare", "encourage", "ignore", "list",
                    "remember", "deem", "project", "present", "articulate", "interpret", "rebuff", "rebut",
                    "bemoan", "herald", "trumpet", "dub", "envision", "foresee", "disclose", "document",
                    "recite", "vouch", "lash", "hammer", "contrast", "exemplify", "display", "mull", "reaffirm",
                    "protest", "resist", "withhold", "notice", "forget", "love", "like", "shrug",
                    "distance", "cheer", "boo", "demonstrate",
                    "embrace", "raise", "release", "push", "lament", "decry", "deride",
                    "slam", "blast", "mock", "ridicule", "applaud", "hail", "tout", "laud", "fault", "question",
                    "downplay", "dispute", "reject", "disavow", "denounce", "condemn", "welcome", "celebrate",
                    "highlight", "stress", "underscore", "emphasize", "detail", "outline", "determine", "credit",
                    "paint", "persuade", "attribute", "expose", "press", "convince", "accept"}
OBJECT_STOP = {"it", "this", "that", "them", "him", "her", "me", "us", "you", "what", "which", "who", "so",
               "something", "anything", "nothing", "everything", "one", "time", "way", "lot", "thing", "things"}


CIRCUMSTANCE_PREPS = {"during", "after", "before", "since", "despite", "at", "amid", "according", "until", "following"}
# where and how something was said ('in a statement', 'on his radio show', 'on Facebook')
MEDIUM_NOUNS = {"statement", "interview", "speech", "show", "page", "debate", "appearance", "appearances", "tweet",
                "post", "letter", "op-ed", "floor", "television", "radio", "program", "broadcast", "call", "release",
                "conference", "remarks", "address", "rally", "event", "hearing", "meeting", "video", "ad", "email",
                "twitter", "facebook", "instagram", "cnn", "msnbc", "fox", "podcast", "column", "editorial", "book",
                "blog", "website", "memo", "report", "session", "visit", "stop", "trail", "town", "forum", "left", "right",
                "camera", "phone", "channel", "air", "stage", "boo", "cheer", "applause", "microphone", "network", "station", "while", "moment"}


def _object_tail(t, hi: int) -> int:
    """End of an object content ending at `hi` with the complements of cue verb `t` that
    follow it: PolNeAR's content is the object with what is said of it ('criticized Clinton
    for accepting …', 'accuses Sanders of …', 'praised X's leadership in the aftermath of
    …'), not a circumstance of the report ('… during Obamacare talks')."""
    for c in t.children:
        if c.i < hi:
            continue
        pobj = next((k for k in c.children if k.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.lower_ not in CIRCUMSTANCE_PREPS and c.ent_type_ not in ("DATE", "TIME") \
                and (pobj is None or pobj.ent_type_ not in ("DATE", "TIME") and pobj.lower_ not in MEDIUM_NOUNS) \
                or c.dep_ == "xcomp" or c.dep_ in ("appos", "conj", "dobj") and c.pos_ in ("NOUN", "PROPN"):
            # (a noun the parser hung on the verb continues the object: 'spoke of the malaise …,
            # the lack of jobs …', 'blaming the migrants or the politicians')
            if not any(x.text in (";", ":") for x in t.doc[hi:c.i]) and c.i - hi <= 2:
                hi = max(hi, c.right_edge.i + 1)
    return hi


# phrasal verbs of attack or support whose prepositional object is the content ('lashed out
# at the media', 'stood by his comments', 'threw her support behind Cruz', 'came out against
# the plan')
PHRASAL_CUES = {"lash": ("at",), "stand": ("by",), "stick": ("by",), "throw": ("behind",), "come": ("against",),
                "swipe": ("at",), "chime": ("on",), "push": ("for",), "campaign": ("for", "against"),
                "vote": ("for", "against"), "advocate": ("for",), "speak": ("against", "about", "of", "on"),
                "rail": ("against",), "warn": ("about", "against", "of"), "weigh": ("on",)}


def _phrasal_prep(t) -> str | None:
    """The preposition of a phrasal cue verb `t` ('went after', 'fired back at'), when it
    has one with an object; else None."""
    preps = PHRASAL_CUES.get(t.lemma_.lower())
    if not preps:
        return None
    return next((c.lower_ for c in t.children if c.dep_ == "prep" and c.lower_ in preps and c.i > t.i
                 and any(k.dep_ in ("pobj", "pcomp") for k in c.children)), None)


def _object_content(t) -> tuple[int, int] | None:
    """Token range of the attributed content carried by the object of cue verb `t`: its
    direct object (with an object predicate: 'called it “a disgrace”'), else the object of
    about/for/against/on/over/of ('talked about Y', 'called for Y', 'apologized for Y');
    with a listener verb ('told reporters', 'thanked him for Y') only the prepositional one."""
    lemma = t.lemma_.lower()
    kids = list(t.children)
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    as_ = next((c for c in kids if c.i > t.i and (c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "as" and m.i < c.i for m in c.children)
        and not any(m.dep_ in SUBJECT_DEPS for m in c.children))), None)
    if dobj is not None and as_ is not None and dobj.i < as_.i and lemma not in LISTENER_VERBS:
        # 'sees Cruz as a uniter', 'described himself as a pro-life Catholic'
        return dobj.left_edge.i, as_.right_edge.i + 1
    if lemma in NO_OBJECT_CUES:
        return None
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    oprd = next((c for c in kids if c.dep_ == "oprd"), None)
    if (dobj is not None and lemma not in LISTENER_VERBS and dobj.lower_ not in OBJECT_STOP and dobj.pos_ != "PRON"
            and dobj.ent_type_ not in ("DATE", "TIME")):
        hi = (oprd or dobj).right_edge.i + 1
        return dobj.left_edge.i, _object_tail(t, hi)
    if lemma == "call" and dobj is not None and oprd is not None:
        return dobj.left_edge.i, oprd.right_edge.i + 1
    if dobj is not None and dobj.lower_ in ("which", "that", "whom") and t.dep_ == "relcl" and dobj.i < t.i \
            and lemma not in LISTENER_VERBS:
        # 'the bill, which Clinton also supports': the relative pronoun stands for the content
        return dobj.i, dobj.i + 1
    preps = OBJECT_PREPS | ({"to"} if lemma in ("refer", "point", "respond", "react", "object") else set()) \
        | ({_phrasal_prep(t)} - {None})
    for prep in kids:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i > t.i:
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.lower_ not in OBJECT_STOP and pobj.ent_type_ not in ("DATE", "TIME") \
                    and not (prep.lower_ in ("on", "over") and pobj.lemma_.lower() in MEDIUM_NOUNS):
                hi = pobj.right_edge.i + 1
                # 'referred to Rubio as “a bright leader”': the description goes with it
                as_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i >= hi), None)
                if as_ is not None and lemma == "refer":
                    hi = as_.right_edge.i + 1
                if dobj is not None and t.i < dobj.i < prep.i and prep.lower_ in ("for", "of"):
                    # 'thanked his supporters for delivering …', 'accused him of …': the one
                    # thanked or accused goes with it
                    return dobj.left_edge.i, hi
                return pobj.left_edge.i, hi
    return None


CLAUSE_BREAKS = {"though", "although", "while", "whereas"}


def _clip_complement(ctx: _Ctx, a: int, b: int) -> tuple[int, int]:
    """Bounds of a reported clause [a, b) without the narrator's additions after it: a
    conjoined speech or object cue verb ('… momentum and said that …', '… be fired and
    defended Trump'), a participle after a comma
    ('…, referring to …'), a contrast ('…, though voters …'). (Running a clause the parser
    cut at a quotation mark on to the sentence end was tried: it lowered PolNeAR recall.)"""
    doc = ctx.doc
    for k in range(a + 1, b):
        tok = doc[k]
        if ctx.inside_quote(tok.idx):
            continue
        before = ctx.text[doc[a].idx:tok.idx].rstrip()
        prev = before.rstrip("”\"’'")[-1:] if before.endswith(("”", '"')) else doc[k - 1].text
        if tok.dep_ == "conj" and tok.pos_ == "VERB" and _subject(tok) is not None \
                and (_is_cue(tok, ("direct", "object")) or tok.lemma_.lower() in MORE_OBJECT_CUES) \
                and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            b = k
        elif prev in (",", "—", "–", "--", "-") and (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj")
                                                or tok.lower_ in CLAUSE_BREAKS):
            b = k
        else:
            continue
        break
    while b > a + 1 and (doc[b - 1].is_punct or doc[b - 1].lower_ in ("and", "but", "or")) and not ctx.inside_quote(doc[b - 1].idx):
        b -= 1
    return a, b


# nouns whose 'that'/'to' clause is someone's reported content ("Trump's claim that …",
# "the decision to …") and nouns whose 'of/for/to' object is ("her criticism of Y", "a call for Y")
CLAUSE_NOUNS = {"claim", "statement", "view", "belief", "argument", "assertion", "suggestion", "warning", "promise",
                "pledge", "decision", "plan", "call", "demand", "fear", "hope", "concern", "allegation", "proposal",
                "insistence", "announcement", "message", "refusal", "threat", "vow", "remark", "comment", "charge",
                "accusation", "contention", "notion", "idea", "prediction", "assessment", "conclusion", "admission",
                "denial", "declaration", "complaint", "request", "desire", "intention", "goal",
                "wish", "push", "bid", "offer", "determination", "commitment"}
PREP_NOUNS = {"criticism": ("of", "on"), "support": ("for",), "endorsement": ("of", "for"), "opposition": ("to",),
              "call": ("for",), "praise": ("for", "of"), "attack": ("on", "against"), "demand": ("for",), "defense": ("of",),
              "condemnation": ("of",), "rejection": ("of",), "embrace": ("of",), "denunciation": ("of",),
              # light-verb and topic nouns ('made the case for Y', 'took a swipe at Y', 'gave a speech on Y')
              "case": ("for", "against"), "swipe": ("at",), "shot": ("at",), "concern": ("about", "over", "for"),
              "statement": ("on", "about"), "message": ("of", "about", "on"),
              "interest": ("in",), "allegation": ("of", "against"), "advice": ("on", "about"),
              "word": ("about", "for", "against"), "opinion": ("of", "on", "about"), "story": ("of", "about"),
              "tribute": ("to",), "announcement": ("of",), "passion": ("for",),
              "remark": ("about", "on"), "comment": ("on", "about"), "view": ("on", "of"),
              "thought": ("on", "about"), "apology": ("for",), "plea": ("for",),
              "warning": ("about", "against"), "accusation": ("of", "against"),
              "critique": ("of",), "discussion": ("of", "about", "on"), "argument": ("for", "against", "about"),
              "complaint": ("about", "against"), "question": ("about", "of")}


def _own_sentence(ctx: _Ctx, t, a: int, b: int) -> tuple[int, int]:
    """[a, b) within the sentence of cue `t` when the parser ran two sentences into one: cut
    at a line break or a sentence end (. ! ? outside quotation marks) between the cue and the
    far end of the content."""
    doc = ctx.doc
    def end(x) -> bool:
        return "\n" in x.text or x.text in (".", "!", "?") and not ctx.inside_quote(x.idx)
    if a > t.i:
        for k in range(a, b - 1):
            if end(doc[k]):
                return a, k
    elif b <= t.i:
        for k in range(b - 2, a - 1, -1):
            if end(doc[k]):
                return k + 1, b
    return a, b


def _sentence_break(t, c) -> bool:
    """True when a sentence end (. ! ? or a line break) separates token `t` from the subtree
    of its dependent `c`: the parser joined two sentences."""
    doc = t.doc
    lo, hi = (t.i + 1, c.left_edge.i) if c.i > t.i else (c.right_edge.i + 1, t.i)
    return any(x.text in (".", "!", "?") or "\n" in x.text for x in doc[lo:hi])


def _infinitive_clause(t) -> list:
    """['step'] for 'is calling the United States to step up …', 'called all candidates to lay
    out …': a 'to' clause with its own subject (the one called on) that the parser hangs on
    the cue verb as an adverbial clause right after it; else []."""
    for c in t.children:
        if c.dep_ == "advcl" and c.i > t.i and c.left_edge.i <= t.i + 2 and c.tag_ == "VB" \
                and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children) \
                and any(k.dep_ in ("nsubj", "nsubjpass") and k.i < c.i for k in c.children):
            return [c]
    return []


def _passive_content(t):
    """(agent, token range of the subject) of a passive cue verb with a 'by' agent: the
    subject is what the agent said or did ('The meeting was first reported by Politico',
    'Clinton's attacks were echoed by her campaign'), or None."""
    sp = next((c for c in t.children if c.dep_ == "nsubjpass" and c.i < t.i), None)
    agent = next((c for c in t.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if sp is None or by is None or sp.lower_ in ("who", "which", "that"):
        return None
    return by, (sp.left_edge.i, sp.right_edge.i + 1)


def _modified_noun(t):
    """The noun a cue participle modifies, which is its subject ('a super PAC backing Jeb Bush',
    'a poll showing Trump ahead'), or None."""
    if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < t.i:
        return t.head
    return None


# adjectives of stance whose clause or object is the subject's attributed content
# ('are concerned that …', 'has been critical of Mr. Trump', 'was eager to …')
STANCE_ADJS = {"concerned": ("about", "over"), "critical": ("of",), "proud": ("of",), "interested": ("in",),
               "eager": (), "keen": ("on",), "optimistic": ("about",), "pessimistic": ("about",), "aware": ("of",),
               "confident": ("about", "of", "in"), "ready": (), "devoted": ("to",),
               "furious": ("at", "about", "over"), "cynical": ("about",), "appreciative": ("of",),
               "sure": ("about", "of"), "skeptical": ("of", "about"), "supportive": ("of",), "worried": ("about",),
               "hopeful": ("about",), "adamant": (), "clear": (), "convinced": (),
               "angry": ("about", "at", "over"), "upset": ("about", "over", "with"), "wary": ("of",),
               "fond": ("of",), "dismissive": ("of",), "enthusiastic": ("about",), "opposed": ("to",),
               "committed": ("to",), "unhappy": ("with", "about"), "happy": ("with", "about"), "afraid": ("of",),
               "fearful": ("of",), "comfortable": ("with",), "uncomfortable": ("with",), "open": ("to",),
               "frustrated": ("with", "by"), "disappointed": ("with", "in", "by"), "certain": (),
               "nervous": ("about",), "outspoken": ("about", "on", "in"), "willing": ()}


def _adjective_cue(t):
    """(subject, content token range) for a stance adjective predicated of a subject:
    its 'that'/'to' clause or its prepositional object ('Republicans are concerned that …',
    'has been critical of Mr. Trump', 'was eager to assuage …'); else None."""
    lemma = t.lower_
    if t.pos_ != "ADJ" or lemma not in STANCE_ADJS or t.dep_ != "acomp":
        return None
    subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
    if subj is None or subj.lower_ in ("it", "there", "this", "that", "which"):
        return None
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in STANCE_ADJS[lemma]:
            lo = c.left_edge.i if c.dep_ != "prep" else c.i + 1
            if c.dep_ == "prep" and not any(k.dep_ in ("pobj", "pcomp") for k in c.children):
                continue
            return subj, (lo, c.right_edge.i + 1)
    return None


COPULA_NOUNS = {"response", "answer", "point", "worry", "feeling", "sense", "assumption", "theory", "takeaway",
                "reasoning", "position", "hope", "fear", "concern", "message", "argument", "view", "belief"}


def _noun_cue(t):
    """(speaker token, content token range) for a noun cue: its clause ('X's view that …',
    'the decision to …') or its 'of/for/to' object ('criticism of Y', 'a call for Y'); the
    speaker is the possessor, the object of 'by', or the subject of the verb it is the object
    of ('X announced a plan to …'). None without a speaker."""
    if t.pos_ != "NOUN":
        return None
    lemma = t.lemma_.lower()
    content = None
    if lemma in CLAUSE_NOUNS:
        cl = next((c for c in t.children if c.dep_ in ("acl", "ccomp") and c.i > t.i and (
            any(m.dep_ == "mark" and m.lower_ in ("that", "to") for m in c.children)
            or any(m.dep_ == "aux" and m.lower_ == "to" and m.i < c.i for m in c.children))), None)
        if cl is not None:
            content = (cl.left_edge.i, cl.right_edge.i + 1)
    if content is None and (lemma in CLAUSE_NOUNS or lemma in COPULA_NOUNS) and t.dep_ == "nsubj" \
            and t.head.lemma_ == "be" and t.head.i > t.i:
        # 'His response was that …', 'My view is that …': the clause predicated of the noun
        cl = next((c for c in t.head.children if c.dep_ in ("ccomp", "attr") and c.i > t.head.i and c.pos_ in ("VERB", "AUX")
                   and (c.dep_ == "ccomp" or any(m.dep_ == "mark" for m in c.children))), None)
        if cl is not None:
            content = (cl.left_edge.i, cl.right_edge.i + 1)
    if content is None and lemma in PREP_NOUNS:
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in PREP_NOUNS[lemma] and c.i == t.i + 1), None)
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if pobj is not None and pobj.pos_ != "PRON":
            content = (pobj.left_edge.i, pobj.right_edge.i + 1)
    if content is None:
        return None
    spk = next((c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON" or c.dep_ == "poss" and c.lower_ in ("his", "her", "their")), None)
    if spk is None:
        by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        spk = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if spk is None and t.dep_ == "dobj":
        spk = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    if spk is None or spk.lower_ in ("it", "this", "that", "which"):
        return None
    return spk, content


RAISING_VERBS = {"seem", "appear"}


def _raising(ctx: _Ctx, t) -> tuple[int, int] | None:
    """Token range [a, b) of the clause under a raising verb of impression: its subject
    through its complement ('Trump's supporters seemed equally unperturbed', 'X appears to be
    moving …'), or the 'that' clause of 'it appears that …'; None when `t` is no such verb
    ('appeared on television')."""
    if t.lemma_.lower() not in RAISING_VERBS or t.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(t.children)
    comp = next((c for c in kids if c.dep_ in ("xcomp", "acomp", "oprd", "attr") and c.i > t.i), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ == "it" and comp is None:
        cc = next((c for c in kids if c.dep_ == "ccomp" and c.i > t.i), None)
        return (cc.left_edge.i, cc.right_edge.i + 1) if cc is not None else None
    if comp is None or subj is None or subj.lower_ in ("it", "there") or ctx.inside_quote(subj.idx):
        return None
    # 'the Republican seemed to confirm critiques of …', 'appeared to imply that …': a speech
    # or object cue in the complement reports the subject's words itself — left to that cue
    x = comp
    while x is not None:
        if (_is_cue(x, ("direct", "object")) or x.lemma_.lower() in MORE_OBJECT_CUES) and x.pos_ == "VERB":
            return None
        x = next((c for c in x.children if c.dep_ in ("xcomp", "acomp")), None)
    return subj.left_edge.i, comp.right_edge.i + 1


def _cut_trailing_aside(ctx: _Ctx, a: int, b: int) -> tuple[int, int]:
    """[a, b) without a narrator's aside that closes it after a comma: a non-restrictive
    relative clause or apposition running to the end ('… it would be Trump, who has a
    significant delegate lead …', '… voted for Ben Carson, a neurosurgeon who …')."""
    doc = ctx.doc
    for x in doc[a:b]:
        if x.dep_ not in ("relcl", "appos") or ctx.inside_quote(x.idx):
            continue
        lo = x.left_edge.i
        k = lo - 1
        while k > a and doc[k].is_punct and doc[k].text != ",":
            k -= 1  # '… the “Charleston loophole,” a flaw …': the comma inside the closing mark
        if k <= a or doc[k].text != "," or x.head.i >= lo:
            continue
        lo = k + 1
        hi = x.right_edge.i + 1
        while hi < b and (doc[hi].is_punct or doc[hi].is_space):
            hi += 1
        if hi >= b:
            return a, lo - 1
    return a, b


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _finite(v) -> bool:
    return v.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in v.children)


def _without_asides(ctx: _Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """[a, b) as spans without an aside set off by commas inside it that reports someone
    else's words or stance: a non-restrictive relative clause or apposition with a cue verb
    ('whether candidates like Mr. Carson, who claimed at one point that …, and …' —
    PolNeAR leaves that attribution out of the content it sits in)."""
    doc = ctx.doc
    cuts = []
    for x in doc[a:b]:
        if x.dep_ not in ("relcl", "appos") or ctx.inside_quote(x.idx) or x.head.i >= x.i:
            continue
        lo, hi = x.left_edge.i, x.right_edge.i + 1
        if lo - 1 <= a or doc[lo - 1].text != "," or hi >= b - 1 or doc[hi].text != ",":
            continue
        if any(c[0] <= lo - 1 < c[1] for c in cuts):
            continue
        if not any(_is_cue(y, ("direct", "indirect", "object")) and y.pos_ == "VERB" for y in doc[lo:hi]):
            continue
        cuts.append((lo - 1, hi + 1))
    spans, k = [], a
    for lo, hi in sorted(cuts):
        if lo > k:
            spans.append((k, lo))
        k = max(k, hi)
    spans.append((k, b))
    return [(x, y) for x, y in spans if y > x]


def _runs_through(text: str, qs: int, qe: int, end: int) -> bool:
    """True when the quotation [qs, qe) sits inside a clause running on after it: a word
    right before its opening mark and the clause going on past its closing mark to `end`."""
    before = text[:qs].rstrip().rstrip("“\"‘'").rstrip()
    return before[-1:].isalnum() and qe < end


def _cut_narrator_tail(ctx: _Ctx, head, a: int, b: int) -> tuple[int, int]:
    """[a, b) of the reported clause headed by `head` without what the narrator adds at its
    end, which the parser hangs on the reported verb: 'according to …' ('…, according to exit
    polls'), or a finite verb phrase with no subject of its own after a non-finite reported
    clause — the reporter's next action ('urged X to coalesce around them and tried to make
    the case …', 'proposed that more forces be left in Iraq, and pushed to …')."""
    doc = ctx.doc
    for c in head.children:
        if c.i <= head.i or c.i >= b or ctx.inside_quote(c.idx) or c.right_edge.i + 1 < b:
            continue
        lo = None
        if c.dep_ == "prep" and c.lower_ == "according":
            lo = c.i
        elif c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and _finite(c) and not _finite(head) \
                and not any(k.dep_ in SUBJECT_DEPS or k.dep_ == "expl" for k in c.children):
            cc = next((k for k in head.children if k.dep_ == "cc" and head.i < k.i < c.i), None)
            lo = cc.i if cc is not None else c.left_edge.i
        if lo is not None and lo > a + 2:
            b = lo
            break
    while b > a + 1 and doc[b - 1].is_punct and not ctx.inside_quote(doc[b - 1].idx):
        b -= 1
    return a, b


COLON_STOP = {"note", "update", "correction", "latest", "name", "editor", "related", "photo", "video", "watch",
              "read", "source", "credit", "notice", "advertisement", "caption", "sign", "subscribe", "follow", "image",
              "editor’s", "editor's", "more", "see", "click", "warning", "disclosure", "pay", "age", "job", "city",
              "breaking", "wow", "boom", "bombshell", "look", "exclusive", "busted", "alert", "live", "opinion"}


def _colon_line(ctx: _Ctx, t):
    """(speaker token, token range) for a line 'Name: text' — a headline or a transcript
    turn ('Sanders: Brexit’s message could …', 'TAPPER: Do you think …'): a colon after
    a short name at the start of its line (proper nouns or capitals, no verb or pronoun),
    followed by narration (not a quotation mark) to the line end; else None."""
    if t.text != ":" or ctx.inside_quote(t.idx):
        return None
    doc, text = ctx.doc, ctx.text
    line_start = text.rfind("\n", 0, t.idx) + 1
    line_end = text.find("\n", t.idx)
    line_end = len(text) if line_end < 0 else line_end
    name = [x for x in doc[ctx.token_at(line_start).i:t.i] if not x.is_space]
    words = [x for x in name if not x.is_punct]
    if not words or len(words) > 5 or name[0].idx < line_start:
        return None
    if any(x.pos_ in ("VERB", "AUX", "PRON") or x.lower_ in COLON_STOP for x in words):
        return None
    if len(words) == 1 and len(words[0].text) == 1 or all(x.ent_type_ in ("GPE", "LOC") for x in words):
        return None  # 'Q:' / 'A:' name nobody; 'Iowa: Tim Albrecht, …' is a list
    if not any(x.pos_ == "PROPN" or x.text.isupper() and x.is_alpha or x.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
               for x in words) and not (len(words) <= 3 and all(x.text[:1].isupper() for x in words)):
        return None
    rest = text[t.idx + 1:line_end]
    if not rest.strip() or rest.lstrip()[0] in "“\"‘'" or len(rest.split()) < 3:
        return None
    a = t.i + 1
    while a < len(doc) and doc[a].is_space:
        a += 1
    b = ctx.token_at(max(line_end - 1, 0)).i + 1
    a, b = _trim(doc, a, b)
    if b - a < 3:
        return None
    subj = next((x for x in reversed(words) if x.pos_ == "PROPN"), words[-1])
    return subj, (a, b)


HEARSAY_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"}


def _hearsay(ctx: _Ctx, t) -> list[tuple[int, int]] | None:
    """Token spans of the clause an adverb of hearsay qualifies ('The Club for Growth is
    reportedly spending …', 'X allegedly grabbed …'), without the adverb; else None."""
    if t.lower_ not in HEARSAY_ADVERBS or t.dep_ != "advmod" or ctx.inside_quote(t.idx):
        return None
    v = t.head
    subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS and c.i < v.i), None)
    if v.pos_ not in ("VERB", "AUX") or subj is None:
        return None
    a, b = subj.left_edge.i, v.right_edge.i + 1
    spans = [_trim(ctx.doc, a, t.i), _trim(ctx.doc, t.i + 1, b)] if a < t.i else [_trim(ctx.doc, t.i + 1, b)]
    spans = [(x, y) for x, y in spans if y > x]
    return spans if sum(y - x for x, y in spans) >= 3 else None


ANSWER_WORDS = {"so", "yes", "no"}
QUOTE_CHARS = set("“”\"‘’«»") | {"''", "``"}


def _parenthetical(ctx: _Ctx, t):
    """'In his state, Christie said, offenders are sent to …' / '…, he said.': a cue verb the
    parser hangs on the main clause as parataxis, with its subject right after a comma —
    the sentence around the cue clause is the content (before it and, when the cue clause
    ends in a comma, after it). Returns (subject, [(a, b), …]) token spans, or None."""
    if t.dep_ != "parataxis" or not _is_cue(t, ("direct",)) or t.head.i == t.i:
        return None
    subj = next((c for c in t.children if c.dep_ in ("nsubj",) and c.i < t.i), None)
    if subj is None:
        return None
    doc = ctx.doc
    sent = t.sent
    lo = subj.left_edge.i
    if lo - 1 <= sent.start or doc[lo - 1].text != ",":
        return None
    if any(x.text in QUOTE_CHARS or ctx.inside_quote(x.idx) for x in sent):
        return None
    # the cue clause ends at the next comma (', said on Saturday,') or the sentence end
    hi = t.i + 1
    while hi < sent.end and doc[hi].text != "," and hi - t.i <= 5 and not doc[hi].is_sent_end:
        hi += 1
    spans = [(sent.start, lo - 1)]
    if hi < sent.end and doc[hi].text == ",":
        spans.append((hi + 1, sent.end))
    elif hi < sent.end - 1:
        return None
    out = []
    for a, b in spans:
        a, b = _trim(doc, a, b)
        if b - a >= 2:
            out.append((a, b))
    if not out or sum(b - a for a, b in out) < 4:
        return None
    return subj, out


SURVEY_NOUNS = {"poll", "polls", "survey", "surveys", "average", "rankings"}


def _survey_source(t):
    """The poll of 'In a CNN poll, Clinton held a 24-point lead …': 'in' + a poll or survey
    before the clause it sources; else None."""
    if t.lower_ != "in" or t.dep_ != "prep" or t.head.pos_ not in ("VERB", "AUX") or t.i > t.head.i:
        return None
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in SURVEY_NOUNS and pobj.lower_ not in SURVEY_NOUNS:
        return None
    return pobj


def _chars(doc, a: int, b: int) -> tuple[int, int]:
    """Character bounds of the token range [a, b)."""
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _depth(t) -> int:
    n = 0
    while t.head.i != t.i and n < 50:
        t, n = t.head, n + 1
    return n


def _indirect(ctx: _Ctx, direct: list[Quote], last_key: str | None) -> list[Quote]:
    doc, text = ctx.doc, ctx.text
    used_cues = {q.cue_start for q in direct if q.cue_start is not None and q.kind == "direct"}
    taken = [(q.start, q.end) for q in direct if q.kind == "direct"]
    n_direct = len(taken)
    out: list[Quote] = []

    def overlaps_direct(s: int, e: int) -> bool:
        """More than half of [s, e) lies in a quotation or an earlier report."""
        n = max(e - s, 1)
        return any(min(e, qe) - max(s, qs) > 0.5 * n for qs, qe in taken)

    def report(s: int, e: int, cue_tok, sp: Speaker | None = None, cue: str | None = None,
               cue_end: int | None = None) -> None:
        """Record text[s:e] as an indirect attribution of cue `cue_tok` (no speaker by
        default: the narrator's impression, hearsay, an unnamed asker)."""
        sp = sp or Speaker()
        out.append(Quote(start=s, end=e, text=text[s:e], kind="indirect", speaker_text=sp.text,
                         speaker_entity_key=sp.key, cue=cue or cue_tok.text, speaker_start=sp.start,
                         speaker_end=sp.end, cue_start=cue_tok.idx,
                         cue_end=cue_end if cue_end is not None else cue_tok.idx + len(cue_tok.text),
                         is_anonymous=sp.anonymous))
        taken.append((s, e))

    # sentence by sentence, the cues nearer the root first: of two overlapping reports the
    # one the other is nested in wins ('X said A – something you wouldn't know if …')
    sent_start = [0] * len(doc)  # (Token.sent walks the sentence: once per sentence, not per token)
    for sn in doc.sents:
        sent_start[sn.start:sn.end] = [sn.start] * (sn.end - sn.start)
    for t in sorted(doc, key=lambda x: (sent_start[x.i], _depth(x), x.i)):
        if t.idx in used_cues or ctx.inside_quote(t.idx):
            continue
        content = None
        subj = None
        head = None  # the head of a reported clause, when the content is one
        obj = _according(t) or _survey_source(t)
        if obj is not None:
            subj = obj
            sent = t.sent
            pp = t.head if t.head.i != t.i else t
            phrase = {x.i for x in pp.subtree} if pp.lower_ in ("according",) else {x.i for x in t.subtree}
            phrase |= {x.i for x in doc[t.i:t.i + 2]} | {x.i for x in obj.subtree}
            rest = [x.i for x in sent if x.i not in phrase]
            if rest:
                # the larger contiguous side
                left = [i for i in rest if i < t.i]
                right = [i for i in rest if i > max(phrase)]
                side = right if len(right) >= len(left) else left
                if side:
                    content = (side[0], side[-1] + 1)
        elif (raised := _raising(ctx, t)) is not None:
            # 'X seemed to …' / 'X appears ready …' / 'it appears that …': the narrator's
            # impression — the clause (subject and complement) is the content, no speaker
            a, b = _trim(doc, *raised)
            if b - a >= 2:
                s, e = _chars(doc, a, b)
                if not overlaps_direct(s, e):
                    report(s, e, t)
            continue
        elif (col := _colon_line(ctx, t)) is not None:
            # 'Sanders: Brexit’s message could draw Trump support in US', 'TAPPER: Do you think …'
            subj, (a, b) = col
            s, e = _chars(doc, a, b)
            if not overlaps_direct(s, e):
                report(s, e, t, _resolve_speaker(ctx, subj, text.rfind("\n", 0, s) + 1, last_key))
            continue
        elif (rep := _hearsay(ctx, t)) is not None:
            # 'The Club for Growth is reportedly spending …': hearsay, no speaker
            parts = [_chars(doc, a, b) for a, b in rep]
            if not any(overlaps_direct(s, e) for s, e in parts):
                for s, e in parts:
                    report(s, e, t)
            continue
        elif (par := _parenthetical(ctx, t)) is not None:
            subj, spans = par
            parts = [_chars(doc, a, b) for a, b in spans]
            if any(overlaps_direct(s, e) for s, e in parts) or ctx.inside_quote(subj.idx):
                continue
            sp = _resolve_speaker(ctx, subj, text.rfind("\n", 0, parts[0][0]) + 1, last_key)
            for s, e in parts:
                report(s, e, t, sp)
            continue
        elif (nc := _noun_cue(t) or _adjective_cue(t)) is not None:
            subj, content = nc
        elif (_is_cue(t, ("direct", "indirect", "object")) or t.lemma_.lower() in MORE_OBJECT_CUES
              or _phrasal_prep(t) is not None) and t.pos_ == "VERB" and t.lemma_.lower() not in NO_INDIRECT_CUES:
            # with two complements (the parser ran the sentence before, often a quotation, into
            # this one: '“… with Trump.” / Moments earlier, Trump said he was …') the one after the verb
            comp = sorted((c for c in t.children if c.dep_ in ("ccomp", "xcomp")),
                          key=lambda c: (_sentence_break(t, c), ctx.inside_quote(c.idx), c.i < t.i)) or _infinitive_clause(t)
            if not comp:
                # "said in a statement that …": the clause hangs on the noun
                comp = [
                    c for prep in t.children if prep.dep_ == "prep" for pobj in prep.children if pobj.dep_ == "pobj"
                    for c in pobj.children if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children)
                ]
            if comp and comp[0].dep_ == "xcomp" and comp[0].pos_ not in ("VERB", "AUX"):
                comp = []
            span = (comp[0].left_edge.i, comp[0].right_edge.i + 1) if comp else _object_content(t)
            head = comp[0] if comp else None
            if head is not None and (head.dep_ == "xcomp" or head.dep_ == "ccomp" and head.i > t.i and not any(
                    c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in head.children)):
                # 'urged voters to …', 'asked the campaign to …': the one asked goes with it; 'records
                # show the $204,202 that Clinton has raised … is by far the most': a subject the
                # parser took for the verb's object
                dobj = next((c for c in t.children if c.dep_ == "dobj" and t.i < c.i < head.left_edge.i), None)
                if dobj is not None:
                    span = (dobj.left_edge.i, span[1])
            if span is None and t.lemma_.lower() == "say":
                # 'half said so', '75 percent said yes', 'the candidate said no': the answer word
                ans = next((c for c in t.children if c.i > t.i and c.lower_ in ANSWER_WORDS), None)
                span = (ans.i, ans.i + 1) if ans is not None else None
            if span is None and t.lemma_.lower() == "ask":
                # 'asked if he was ever bullied': the question parsed as an adverbial clause
                head = next((c for c in t.children if c.dep_ == "advcl" and c.i > t.i and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
                span = (head.left_edge.i, head.right_edge.i + 1) if head is not None else None
            passive = _passive_content(t) if span is None else None
            if passive is not None:
                span = passive[1]
            if span is None:
                continue
            subj = passive[0] if passive is not None else (_subject(t) or _modified_noun(t))
            h = t.head
            if (t.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in t.children) and h.dep_ == "ccomp"
                    and _is_cue(h.head, ("direct", "indirect", "object"))):
                # 'X said A had happened and said that B': the parser hangs the second
                # "said" on the reported clause; its subject is the first one's
                subj = _subject(h.head) or subj
            if subj is None:
                q_cl = head
                if t.lower_ == "asked" and t.dep_ == "advcl" and q_cl is not None and (
                        t.i == t.sent.start or doc[t.i - 1].lower_ in ("when", "after", "if")):
                    # 'Asked if he was ever bullied, Trump said …', '…, when asked whether …': the
                    # question of unnamed askers
                    a, b = _trim(doc, q_cl.left_edge.i, q_cl.right_edge.i + 1)
                    if b - a >= 2 and not overlaps_direct(*_chars(doc, a, b)):
                        report(*_chars(doc, a, b), t)
                continue
            lo, hi = span
            # a subject inside the complement span (content first: "X, sources said")
            if lo <= subj.i < hi:
                continue
            content = (lo, hi)
        if content is None or subj is None:
            continue
        a, b = content
        if b - a < 1:
            continue
        if obj is None and any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
            a, b = _clip_complement(ctx, a, b)
        if head is not None:
            a, b = _cut_narrator_tail(ctx, head, a, b)
        a, b = _cut_trailing_aside(ctx, a, b)
        a, b = _own_sentence(ctx, t, a, b)
        # stop before a direct quotation inside the complement ("…, saying, “…”"), not
        # before a fragment the clause runs through ('would continue “to break barriers” across …')
        for qs, qe in taken[:n_direct]:
            if doc[a].idx < qs < (doc[b - 1].idx if b > a else 0) and not _runs_through(text, qs, qe, doc[b - 1].idx):
                b = min(b, ctx.token_at(qs - 1).i)
        a, b = _trim(doc, a, b)
        # ('declined to comment', 'refused to answer': the speech verb is the whole content)
        short_ok = head is not None and head.dep_ == "xcomp" and b - a == 2 and _is_cue(head, ("direct", "object"))
        if b - a < (1 if obj is None and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children) or short_ok else 3):
            continue
        s, e = _chars(doc, a, b)
        if overlaps_direct(s, e) or ctx.inside_quote(subj.idx):
            continue
        sp = _resolve_speaker(ctx, subj, text.rfind("\n", 0, s) + 1, last_key)
        according = obj is not None and t.lower_ == "according"
        for pa, pb in _without_asides(ctx, a, b):
            report(*_chars(doc, pa, pb), t, sp, cue="according to" if according else None,
                   cue_end=_chars(doc, t.i, t.i + 2)[1] if according else None)
    return out
