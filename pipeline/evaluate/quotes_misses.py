"""Where the all-attribution errors come from, by class: `python -m pipeline.evaluate.quotes_misses
FOLDER --snap SNAP [--show CLASS --limit N]` (the cached parse of `quotes_snapshot`, SNAP.docs).

`quotes_budget` sorts gold and predictions by the gold cue's head word; this tool answers the
questions of issue 14's twenty-seventh session on the same one-to-one pairing (overlap >= 0.5):
  - a gold attribution no prediction touches: by construction (first that applies: headline,
    direct, 'according to', question, no cue, cue outside the content's sentence, a
    prepositional cue such as 'in a statement', a document or poll as source ('the report
    found'), no source, then the cue's head word as `quotes_budget` files it);
  - a gold attribution that overlaps an unmatched prediction (an extent error): which side is off
    (start early / late, end early / late, in tokens, bucketed) and the first word past the
    shorter end;
  - a gold attribution covered only by predictions matched to other gold (merged);
  - a prediction that touches no gold (pure false alarm): by kind, with or without a speaker,
    headline or body, and its cue's lemma.
`--show CLASS` (repeatable) prints up to `--limit` examples of a class (its name as printed) to read."""
from __future__ import annotations

import argparse
import random
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from pipeline.evaluate.polnear_gold import read_corpus
from pipeline.evaluate.quotes_budget import _head, gold_type
from pipeline.evaluate.quotes_predict import QuoteRow, group_rows
from pipeline.evaluate.quotes_score import content_positions, pair_contents
from pipeline.evaluate.quotes_snapshot import parsed_docs
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.quotes.lexicon import word_set

DOCUMENT_NOUNS = word_set("statement_nouns") | word_set("survey_nouns") | word_set("record_nouns")
# what a study finds, heard as its source ("the report found ...", "data show ..."): counted as document sources
FINDING_NOUNS = frozenset({"report", "study", "data", "figure"})
MARKS = "\"'“”‘’ "


class Item(NamedTuple):
    """One gold attribution or prediction of one article, as the classes see it."""
    stem: str
    text: str
    spans: list
    note: str = ""


def _tokens_in(doc, starts: list[int], spans) -> list:
    first, last = bisect_right(starts, spans[0][0]) - 1, bisect_right(starts, spans[-1][1] - 1)
    return [tok for tok in doc[max(first, 0):last] if any(start <= tok.idx < end for start, end in spans)]


def _span_root(tokens: list):
    """The token of a span whose head lies outside it (the first such)."""
    inside = {tok.i for tok in tokens}
    return next((tok for tok in tokens if tok.head.i not in inside or tok.head.i == tok.i), None)


def construction(art, gold, doc, starts: list[int]) -> str:
    """The construction of a gold attribution no prediction touches (first class that applies)."""
    head = _head(doc, starts, gold.cue) if gold.cue else None
    kind = gold_type(art.text, gold, head)
    if kind in ("headline", "direct", "according"):
        return kind
    if art.text[gold.content[0][0]:gold.content[-1][1]].rstrip(MARKS).endswith("?"):
        return "question"
    if head is None:
        return "no cue"
    content = _tokens_in(doc, starts, gold.content)
    if content and head.sent.start != content[0].sent.start and head.sent.start != content[-1].sent.start:
        return "cue in another sentence"
    cue_tokens = _tokens_in(doc, starts, gold.cue)
    if cue_tokens and cue_tokens[0].pos_ == "ADP":
        return "prepositional cue"
    source = _span_root(_tokens_in(doc, starts, gold.source)) if gold.source else None
    if source is None:
        return "no source"
    if source.lemma_.lower() in DOCUMENT_NOUNS | FINDING_NOUNS:
        return "document source"
    return kind


def _bucket(distance: int) -> str:
    return "0" if distance == 0 else "1-2" if distance <= 2 else "3-5" if distance <= 5 else "6-10" \
        if distance <= 10 else ">10"


def extent(doc, starts: list[int], gold_pos: frozenset, pred_pos: frozenset) -> tuple[str, str]:
    """(shape, the first two words past the shorter end) of a gold content and the prediction that overlaps it."""
    g_low, g_high, p_low, p_high = min(gold_pos), max(gold_pos) + 1, min(pred_pos), max(pred_pos) + 1

    def tokens(low: int, high: int) -> int:
        return max(bisect_right(starts, high - 1) - bisect_right(starts, low - 1), 0)

    start = "start early" if p_low < g_low else "start late" if p_low > g_low else ""
    end = "end late" if p_high > g_high else "end early" if p_high < g_high else ""
    off = [(start, tokens(*sorted((p_low, g_low)))) if start else None,
           (end, tokens(*sorted((p_high, g_high)))) if end else None]
    off = [side for side in off if side is not None and side[1] > 0] or [("same span, gaps", 0)]
    shape = " + ".join(f"{name} {_bucket(count)}" for name, count in off)
    past = ""
    if "end" in shape:
        index = bisect_right(starts, min(p_high, g_high) - 1)
        past = " ".join(tok.lower_ for tok in doc[index:index + 2])
    return shape, past


def _cue_of(quotes: list, spans) -> str:
    quote = next((quote for quote in quotes if spans[0][0] <= quote.start < spans[0][1]), None)
    return (quote.cue or "(none)").lower() if quote is not None else "?"


def _article(art, doc, totals: dict, examples: dict) -> None:
    starts = [tok.idx for tok in doc]
    entities, mentions = extract_entities(doc)
    names = {entity.key: entity.canonical_name for entity in entities}
    quotes = extract_quotes(doc, entities, mentions)
    rows = [QuoteRow(quote.start, quote.text, quote.kind, quote.cue_start, quote.speaker_start, quote.speaker_end,
                     quote.speaker_text, names.get(quote.speaker_entity_key)) for quote in quotes]
    preds = group_rows(rows, art.text, art.text, {})
    gpos = [content_positions(art.text, gold.content) for gold in art.gold]
    ppos = [content_positions(art.text, pred.spans) for pred in preds]
    pairs = pair_contents(gpos, ppos)
    matched_g, matched_p = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    title_end = art.text.find("\n")
    for i, gold in enumerate(art.gold):
        if i in matched_g:
            continue
        free = [j for j, pos in enumerate(ppos) if pos & gpos[i] and j not in matched_p]
        taken = [j for j, pos in enumerate(ppos) if pos & gpos[i] and j in matched_p]
        if free:
            best = max(free, key=lambda j: len(ppos[j] & gpos[i]))
            shape, past = extent(doc, starts, gpos[i], ppos[best])
            name = f"extent: {shape}"
            totals["extent side"][" + ".join(part.rsplit(" ", 1)[0] for part in shape.split(" + "))] += 1
            if past:
                side = "the prediction's end (end early)" if "end early" in shape else "the gold's end (end late)"
                totals[f"words past {side}"][past] += 1
            note = " | ".join(art.text[s:e] for s, e in preds[best].spans)
        elif taken:
            name, note = "merged into a matched prediction", ""
        else:
            name, note = f"no prediction: {construction(art, gold, doc, starts)}", \
                " ".join(art.text[s:e] for s, e in gold.cue)
        totals["gold"][name] += 1
        examples[name].append(Item(art.stem, gold.text, gold.content, note))
    for j, pred in enumerate(preds):
        if j in matched_p or any(ppos[j] & pos for pos in gpos):
            continue
        where = "headline" if pred.spans[0][0] < title_end else "body"
        speaker = "speaker" if pred.speaker_names else "no speaker"
        name = f"false alarm: {pred.kind}, {speaker}, {where}"
        totals["pred"][name] += 1
        cue = _cue_of(quotes, pred.spans)
        totals["false-alarm cues"][cue] += 1
        examples[name].append(Item(art.stem, " | ".join(art.text[s:e] for s, e in pred.spans), pred.spans, cue))


def _print(totals: dict) -> None:
    for side in ("gold", "pred"):
        print(f"{'unmatched gold' if side == 'gold' else 'pure false alarms'} {sum(totals[side].values())}:")
        for name, count in totals[side].most_common():
            print(f"  {count:6}  {name}")
    for name in ("extent side", "words past the prediction's end (end early)", "words past the gold's end (end late)",
                 "false-alarm cues"):
        print(f"{name}: " + ", ".join(f"{key!r} {count}" for key, count in totals[name].most_common(25)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--snap", required=True, help="snapshot path whose .docs file caches the parse")
    ap.add_argument("--show", action="append", default=[], help="print examples of this class (repeatable)")
    ap.add_argument("--limit", type=int, default=20)
    args = ap.parse_args(argv)
    snap = Path(args.snap)
    docs = dict(parsed_docs(Path(args.folder), snap.with_suffix(snap.suffix + ".docs")))
    totals: dict = defaultdict(Counter)
    examples: dict = defaultdict(list)
    for art in read_corpus(Path(args.folder)):
        _article(art, docs[art.stem], totals, examples)
    _print(totals)
    for name in args.show:
        chosen = examples.get(name, [])
        print(f"\n== {name}: {len(chosen)}")
        for item in random.Random(27).sample(chosen, min(args.limit, len(chosen))):
            print(f"\n{item.stem}: {item.text[:300]!r}\n    [{item.note[:300]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
