"""Where the all-attribution F1 is lost: `python -m pipeline.evaluate.quotes_budget FOLDER
--snap SNAP` (the cached parse of `quotes_snapshot`, SNAP.docs) sorts every gold and every
predicted attribution of the one-to-one scoring (overlap >= 0.5) into matched, bound (it
overlaps an unmatched attribution of the other side: one fix turns a false alarm and a miss
into a match), overlapping only matched ones, and pure miss / pure false alarm, by cue type
(the gold cue's head word: a verb listed in speech_verbs.tsv or not, noun, adjective,
'according to', direct, headline); counts splits (a gold content covered by two predictions)
and merges (a prediction covering two gold contents); and lists the cue lemmas of the pure
misses. Session 23 measured the budget with it before choosing what to build."""
from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.evaluate.polnear_gold import read_corpus
from pipeline.evaluate.quotes_predict import QuoteRow, group_rows
from pipeline.evaluate.quotes_score import pair_contents, content_positions
from pipeline.evaluate.quotes_snapshot import parsed_docs
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.quotes.lexicon import speech_verbs

COVER = 0.2  # share of a content another side's attribution must cover to count in a split or merge


def _head(doc, starts: list[int], spans: list[tuple[int, int]]):
    """The cue's head word: its first verb that is no auxiliary, else its first noun or
    adjective, else its first token (None when there is no cue)."""
    first, last = (bisect_right(starts, spans[0][0]) - 1, bisect_right(starts, spans[-1][1] - 1))
    tokens = [tok for tok in doc[max(first, 0):last] if any(start <= tok.idx < end for start, end in spans)]
    return next((tok for tok in tokens if tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass")), None) \
        or next((tok for tok in tokens if tok.pos_ in ("NOUN", "ADJ")), None) or (tokens[0] if tokens else None)


def gold_type(text: str, gold, head) -> str:
    if gold.content[0][0] < text.find("\n"):
        return "headline"
    if gold.direct:
        return "direct"
    cue = " ".join(text[start:end] for start, end in gold.cue).lower()
    if "according" in cue:
        return "according"
    if head is None:
        return "no cue"
    if head.pos_ == "VERB":
        return "verb listed" if head.lemma_.lower() in speech_verbs() else "verb unlisted"
    return {"NOUN": "noun", "PROPN": "noun", "ADJ": "adjective"}.get(head.pos_, "other")


def _status(index: int, matched: set[int], others: list[int], matched_other: set[int]) -> str:
    """matched / bound / overlaps matched / alone, for one attribution given the indices of
    the other side's attributions it overlaps."""
    if index in matched:
        return "matched"
    if any(other not in matched_other for other in others):
        return "bound"
    return "overlaps matched" if others else "alone"


def _article(art, doc, totals: dict) -> None:
    """Add one article's statuses, splits, merges and missed cue lemmas to `totals`."""
    starts = [tok.idx for tok in doc]
    entities, mentions = extract_entities(doc)
    names = {entity.key: entity.canonical_name for entity in entities}
    rows = [QuoteRow(quote.start, quote.text, quote.kind, quote.cue_start, quote.speaker_start, quote.speaker_end,
                     quote.speaker_text, names.get(quote.speaker_entity_key))
            for quote in extract_quotes(doc, entities, mentions)]
    preds = group_rows(rows, art.text, art.text, {})
    gpos = [content_positions(art.text, gold.content) for gold in art.gold]
    ppos = [content_positions(art.text, pred.spans) for pred in preds]
    pairs = pair_contents(gpos, ppos)
    matched_g, matched_p = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    for i, gold in enumerate(art.gold):
        head = _head(doc, starts, gold.cue) if gold.cue else None
        kind = gold_type(art.text, gold, head)
        others = [j for j, pos in enumerate(ppos) if pos & gpos[i]]
        status = _status(i, matched_g, others, matched_p)
        totals["gold"][kind][status] += 1
        if status == "alone" and kind.startswith("verb") or status == "alone" and kind in ("noun", "adjective"):
            totals["lemmas"][kind][head.lemma_.lower()] += 1
        if len([j for j in others if len(ppos[j] & gpos[i]) >= COVER * len(gpos[i])]) >= 2:
            totals["splits"][i in matched_g] += 1
    for j, pred in enumerate(preds):
        kind = pred.kind if pred.kind in ("direct", "partial") else "indirect"
        others = [i for i, pos in enumerate(gpos) if pos & ppos[j]]
        totals["pred"][kind][_status(j, matched_p, others, matched_g)] += 1
        if len([i for i in others if len(gpos[i] & ppos[j]) >= COVER * len(ppos[j])]) >= 2:
            totals["merges"][j in matched_p] += 1


def _print(totals: dict) -> None:
    statuses = ("matched", "bound", "overlaps matched", "alone")
    for side in ("gold", "pred"):
        print(f"{side} by type: " + " / ".join(statuses))
        for kind, counts in sorted(totals[side].items(), key=lambda item: -sum(item[1].values())):
            print(f"  {kind:14} {sum(counts.values()):6}  " + "  ".join(f"{counts[s]:6}" for s in statuses))
    for name in ("splits", "merges"):
        print(f"{name}: {sum(totals[name].values())} ({totals[name][False]} of them unmatched)")
    for kind, lemmas in sorted(totals["lemmas"].items()):
        print(f"pure misses, {kind}: {sum(lemmas.values())} over {len(lemmas)} lemmas; top: "
              + ", ".join(f"{lemma} {count}" for lemma, count in lemmas.most_common(15)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--snap", required=True, help="snapshot path whose .docs file caches the parse")
    args = ap.parse_args(argv)
    snap = Path(args.snap)
    docs = dict(parsed_docs(Path(args.folder), snap.with_suffix(snap.suffix + ".docs")))
    totals = {"gold": defaultdict(Counter), "pred": defaultdict(Counter), "lemmas": defaultdict(Counter),
              "splits": Counter(), "merges": Counter()}
    for art in read_corpus(Path(args.folder)):
        _article(art, docs[art.stem], totals)
    _print(totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
