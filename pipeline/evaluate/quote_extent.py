"""Candidate ends of an indirect content and their features, for the out-of-fold harness
`pipeline.evaluate.quote_extent_train`. PolNeAR ends a reported clause both before and after
a coordinated clause, a trailing adverbial or prepositional phrase, a relative clause
(session 23's bound pairs: no hand rule held), so the rules' end is one candidate among the
phrase boundaries of its sentence and a model learns whether moving it wins a match. Not a
step of the extraction: session 24's learned end gained nothing out of fold (5 folds by
article, session 25) for about 6 % of the extractors' CPU, and was removed."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

from pipeline.nlp.quotes.syntax import FINITE_TAGS, SUBJECT_DEPS, is_cue

CLASSES = ("gain", "loss", "same")  # moving the end to a candidate: wins a match, loses one, neither
CLOSED_POS = {"ADP", "CCONJ", "SCONJ", "PRON", "DET", "ADV", "PART", "AUX"}
BREAK_MARKS = {",", ";", "—", "–", "(", "-", "--", ":"}
# the dependencies of a word that opens a phrase inside a stretch: clauses, but also prepositional phrases, objects,
# appositions and noun-phrase adverbials (the name CLAUSE_DEPS it had was wrong: most of them are no clause)
PHRASE_DEPS = {"relcl", "advcl", "conj", "ccomp", "xcomp", "acl", "parataxis", "prep", "npadvmod", "appos", "dobj", "pobj"}


@dataclass
class ExtentModel:
    """Weights by feature and class, and how much P(gain) must beat P(loss) to move an end."""
    weights: dict[str, dict[str, float]]
    threshold: float
    # the weights as (gain, loss, same) rows: one lookup per feature in the scoring loop
    rows: dict[str, tuple[float, float, float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self.rows = {feat: tuple(row.get(cls, 0.0) for cls in CLASSES) for feat, row in self.weights.items()}

    def move_score(self, feats: list[str]) -> float:
        """P(gain) - P(loss) of moving the end to a candidate with features `feats`."""
        gain = loss = same = 0.0
        for feat in feats:
            row = self.rows.get(feat)
            if row is not None:
                gain, loss, same = gain + row[0], loss + row[1], same + row[2]
        top = max(gain, loss, same)
        gain_exp, loss_exp, same_exp = math.exp(gain - top), math.exp(loss - top), math.exp(same - top)
        return (gain_exp - loss_exp) / (gain_exp + loss_exp + same_exp)


def _bucket(count: int) -> str:
    return "0" if count == 0 else "1" if count <= 2 else "3" if count <= 5 else "6" if count <= 10 else "11"


def _word(tok) -> str:
    """A closed-class word or a mark as itself, any other word as its part of speech."""
    return tok.lower_ if tok.pos_ in CLOSED_POS or tok.is_punct else tok.pos_


def _phrase_roots(sent) -> dict[int, object]:
    """token index -> the widest right dependent whose subtree starts there."""
    roots: dict[int, object] = {}
    for tok in sent:
        start = tok.left_edge.i
        if tok.head.i < start and tok.head.i != tok.i:
            if start not in roots or tok.right_edge.i > roots[start].right_edge.i:
                roots[start] = tok
    return roots


def _stripped(doc, low: int, end: int) -> int:
    """`end` moved back over marks and a dangling and/but/or (not over a quotation mark)."""
    while end > low + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("and", "but", "or")) \
            and not doc[end - 1].is_quote:
        end -= 1
    return end


def end_candidates(doc, low: int, high: int, sent, roots: dict) -> list[int]:
    """The ends a content [low, high) may take in its sentence: its own, a phrase boundary
    (a mark, the start of a right dependent's subtree) or the sentence end, each without the
    marks and conjunction before it; no longer end takes in a verb of speech."""
    raw = {high, sent.end}
    raw.update(index for index in range(low + 2, sent.end)
               if doc[index].is_punct and doc[index].text in BREAK_MARKS or index in roots)
    report = _next_report(doc, high, sent.end)
    ends = {high}
    ends.update(end for end in (_stripped(doc, low, index) for index in raw if index != high)
                if low < end <= report)
    return sorted(ends)


def _next_report(doc, high: int, sent_end: int) -> int:
    """Where the first verb of speech at or after `high` stands (`sent_end` if none): an end past
    it would take in the narrator's next report ('… in May and the agency reported a fall'),
    never more of this content."""
    return next((tok.i for tok in doc[high:sent_end] if is_cue(tok, ("direct", "indirect"))), sent_end)


def _following(doc, low: int, end: int, sent, roots: dict) -> list[str]:
    """What follows an end `end` (marks, the next word, the phrase it opens) and what closes it."""
    index, marks = end, []
    while index < sent.end and (doc[index].is_punct or doc[index].lower_ in ("and", "but", "or")) and len(marks) < 3:
        marks.append("Q" if doc[index].is_quote else doc[index].lower_)
        index += 1
    mark = "+".join(marks) or "none"
    feats = []
    if index >= sent.end:
        feats.append("SENTEND")
    else:
        tok, root = doc[index], roots.get(index)
        dep = root.dep_ if root is not None else "noroot"
        word = _word(tok)
        feats += [f"sep={mark}", f"w={word}", f"sep={mark}|w={word}", f"dep={dep}", f"dep={dep}|sep={mark}",
                  f"dep={dep}|hp={root.head.pos_ if root is not None else '-'}", f"dep={dep}|w={word}",
                  f"rootpos={root.pos_ if root is not None else '-'}", f"tag={tok.tag_}"]
        if root is not None:
            feats.append(f"rootlen={_bucket(root.right_edge.i - root.left_edge.i + 1)}")
            feats.append(f"headin={low <= root.head.i < end}|dep={dep}")
    last = doc[end - 1]
    return feats + [f"last={_word(last)}", f"lastdep={last.dep_}"]


def stretch_features(doc, high: int, end: int, move: str) -> list[str]:
    """What a move adds (a longer end) or drops (a shorter one), as a whole: its finite verbs, a
    subject of its own, a quotation mark, a verb of speech, the phrases that open in it (the
    dependency of each word whose head lies outside it) and a named entity (session 24: the
    boundary alone does not tell PolNeAR's two habits apart)."""
    first, last = min(high, end), max(high, end)
    if first == last:
        return []
    stretch = doc[first:last]
    finite = sum(tok.tag_ in FINITE_TAGS for tok in stretch)
    feats = [f"fin={min(finite, 3)}"]
    feats += [f"top={dep}" for dep in sorted({tok.dep_ for tok in stretch
                                              if not first <= tok.head.i < last and tok.dep_ in PHRASE_DEPS})]
    feats += [name for name, found in (
        ("subj", any(tok.dep_ in SUBJECT_DEPS for tok in stretch)),
        ("quote", any(tok.is_quote for tok in stretch)),
        ("cue", any(is_cue(tok, ("direct", "indirect")) for tok in stretch)),
        ("ent", any(tok.ent_type_ for tok in stretch))) if found]
    return [f"S:{move}|{feat}" for feat in feats] + [f"S:{move}|fin={min(finite, 3)}|dist{_bucket(last - first)}"]


def candidate_features(doc, low: int, high: int, end: int, sent, roots: dict, cue_type: str) -> list[str]:
    """Features of ending the content [low, high) at `end` instead: the move (cut, keep,
    extend) and its length, what follows the new end, each also with the move and the cue's
    type, and its length."""
    move = "keep" if end == high else "cut" if end < high else "ext"
    following = _following(doc, low, end, sent, roots)
    return [move, f"{move}:dist{_bucket(abs(end - high))}"] + following \
        + [f"{move}|{feat}" for feat in following] + [f"{cue_type}|{move}|{feat}" for feat in following[:4]] \
        + [f"len={_bucket(end - low)}"] + stretch_features(doc, high, end, move)


def move_features(doc, low: int, high: int, sent, cue_type: str) -> list[tuple[int, list[str]]]:
    """(end, features) of each candidate end other than `high`, with what follows the
    rules' end (prefixed K:) as the context of the move."""
    roots = _phrase_roots(sent)
    ends = end_candidates(doc, low, high, sent, roots)
    feats = {end: candidate_features(doc, low, high, end, sent, roots, cue_type) for end in ends}
    context = [f"K:{feat}" for feat in feats[high] if not feat.startswith(("keep", "len="))]
    return [(end, feats[end] + context) for end in ends if end != high]


def token_bounds(doc, start: int, end: int) -> tuple[int, int] | None:
    """[low, high) token range of characters [start, end) when it starts and ends on token edges."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].idx != start or span[-1].idx + len(span[-1]) != end:
        return None
    return span.start, span.end


class MovableContent(NamedTuple):
    """A content whose end the model may move: its place in the quote list and its token range."""
    index: int
    quote: object
    low: int
    high: int


def movable_contents(doc, quotes: list) -> Iterator[MovableContent]:
    """Every indirect body content that is its cue's only span and lies on token edges (the
    contents whose end the harness moves)."""
    spans_of_cue = Counter((quote.cue_start, quote.speaker_start) for quote in quotes if quote.field == "body")
    for index, quote in enumerate(quotes):
        if quote.kind != "indirect" or quote.field != "body" or spans_of_cue[(quote.cue_start, quote.speaker_start)] != 1:
            continue
        bounds = token_bounds(doc, quote.start, quote.end)
        if bounds is not None:
            yield MovableContent(index, quote, *bounds)
