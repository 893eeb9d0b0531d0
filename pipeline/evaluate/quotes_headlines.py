"""The headline attributions of a PolNeAR folder through the pipeline's title path:
`python -m pipeline.evaluate.quotes_headlines FOLDER [--list FILE]`.

Why: `quotes_snapshot --score` parses each text whole, its headline as the first line of the body,
while the pipeline parses the title alone and reads it with `headline.headline_quotes` (the inverted
'…, says X' report, a colon quotation, headline case). This scores that path alone on the titles
(one-to-one at overlap >= 0.5 against the gold attributions whose content is in the first line), a
parse of the titles only (~30 s for the 840 train titles); `--list` writes every prediction, ok or
false alarm, with its title."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.evaluate.polnear_gold import read_corpus
from pipeline.evaluate.quotes_predict import QuoteRow, group_rows
from pipeline.evaluate.quotes_score import content_positions, pair_contents
from pipeline.nlp import load_model
from pipeline.nlp.quotes.headline import headline_quotes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--list", help="write every headline prediction (ok / FA, title, content) to this file")
    args = ap.parse_args(argv)
    articles = read_corpus(Path(args.folder))
    titles = [art.text[:art.text.find("\n")] for art in articles]
    matched = predicted = gold_count = 0
    lines = []
    for art, title, doc in zip(articles, titles, load_model().pipe(titles, batch_size=64)):
        rows = [QuoteRow(quote.start, quote.text, quote.kind, quote.cue_start, quote.speaker_start, quote.speaker_end,
                         quote.speaker_text, None, "title") for quote in headline_quotes(doc, [])]
        preds = group_rows(rows, art.text, art.text[len(title):], {}, title)
        gold = [attribution for attribution in art.gold if attribution.content[0][0] < len(title)]
        pairs = pair_contents([content_positions(art.text, item.content) for item in gold],
                              [content_positions(art.text, pred.spans) for pred in preds])
        matched, predicted, gold_count = matched + len(pairs), predicted + len(preds), gold_count + len(gold)
        hits = {j for _, j, _ in pairs}
        lines += [f"{'ok' if j in hits else 'FA'}\t{title}\t{' | '.join(art.text[s:e] for s, e in pred.spans)}"
                  for j, pred in enumerate(preds)]
    if args.list:
        Path(args.list).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"headlines of {len(articles)} articles: tp {matched}  predicted {predicted}  gold {gold_count}  "
          f"P {matched / max(predicted, 1):.3f}  R {matched / max(gold_count, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
