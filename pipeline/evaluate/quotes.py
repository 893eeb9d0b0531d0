"""Quote attribution on PolNeAR: `python -m pipeline.evaluate.quotes [folder] [--limit N]`.

Gold: pipeline.evaluate.polnear_gold (BRAT standoff, the first annotator's file of an
article; a gold attribution is *direct* when its Content starts with a quotation mark).

System (`pipeline.evaluate.quotes_predict`): the project's real pipeline. The texts are
copied into a temporary inbox and `pipeline.cli_run.run_pipeline` builds a DuckDB warehouse
(ephemeral Dagster instance); the `quotes`, `versions` and `actors` tables are read back
(headline quotes, `field = title`, are placed by the version title). `--no-pipeline` instead
runs the NLP stage functions (`extract_entities`, `extract_quotes`) on the raw texts directly
(faster, for development; same scoring).

Offsets: the cleaned version text differs from the raw .txt (title line split off,
white space normalized, chrome removed), so every predicted span is mapped back to the
raw text by locating its text there (exactly, else with flexible white space), taking
the occurrence nearest to the expected position (the version's offset in the raw text
plus the span's offset in the version). Spans that cannot be located are dropped and
counted ("unmapped").

Predicted attributions: the parts of one quotation (split quotes "…," he said, "…",
paragraphs continued by an opening mark) share their cue and speaker spans; quotes of
one version with the same (cue_start, speaker_start) are one predicted attribution,
as a discontinuous gold Content is one gold attribution.

Matching: a span set is compared by its alphanumeric character positions (quotation
marks, punctuation and white space do not count). overlap(G, P) = |G∩P| / max(|G|, |P|);
a pair *matches* when overlap >= 0.5 and is *exact* when the two position sets are equal.
Gold and predicted attributions are paired one-to-one, greedily by decreasing overlap.

Printed figures:
- direct quotes: predicted `kind = direct` vs gold direct (a partial quote sits inside
  narration, and PolNeAR's Content for it is the reported clause around it, which does
  not start with a mark; a partial quote and the indirect quote of the same cue group
  into one attribution) — precision, recall, F1 at
  overlap >= 0.5 and exact;
- speaker accuracy over the gold direct quotes matched (overlap >= 0.5) by a predicted
  direct quote. Named gold Source (not a pronoun): correct when the predicted speaker
  span overlaps the gold Source span, or a content word of the gold Source (lower-cased;
  titles, determiners and stop words ignored) occurs in the predicted speaker_text or the
  speaker actor's canonical name. Pronoun gold Source (he, she, they, I, we, it, who …):
  correct when the predicted speaker span overlaps the gold pronoun, or the predicted
  speaker (text or actor name) shares a content word with the nearest named gold Source
  (of any attribution) that ends before the gold pronoun — the person the pronoun
  refers to in the annotation's own chain of speakers; a relative pronoun (who, which,
  that) is also right when the predicted speaker span is its antecedent, the phrase that
  ends right before it ('the Associated Press report, which said …'). Reported for all,
  named, pronoun.
- speaker accuracy over every matched attribution of any kind with a gold Source (same
  test as for direct quotes: what the all-kind BBC figure measures).
- all attributions: every gold Content vs every predicted attribution of any kind
  (direct, partial, indirect) — precision, recall, F1 at overlap >= 0.5 (each attribution
  counts once: the strict figure).
- all attributions, content overlap: the overlap metric BBC Citron reports ("overlap F1
  83.2 on PARC 3.0", `citron/metrics.py`): how much of the attributed text is found, not
  how many attributions — precision = |gold ∩ predicted| / |predicted|, recall =
  |gold ∩ predicted| / |gold| over the alphanumeric characters of all Content spans of an
  article (each side's spans as one set, so overlapping spans count once; Citron counts
  tokens and sums over pairs).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pipeline.evaluate.polnear_gold import read_corpus
from pipeline.evaluate.quotes_pipeline import predict_pipeline
from pipeline.evaluate.quotes_predict import predict_direct
from pipeline.evaluate.quotes_score import DEFAULT, print_evaluation, report, score


def evaluate(folder: Path, limit: int | None = None, pipeline: bool = True, errors: list | None = None) -> dict:
    t0 = time.time()
    articles = read_corpus(Path(folder), limit)
    stats: dict = {}
    preds = predict_pipeline(articles, stats) if pipeline else predict_direct(articles)
    c = score(articles, preds, errors)
    c["report"] = report(c, len(articles), stats, time.time() - t0)
    c["unmapped"] = stats.get("unmapped", 0)
    return c



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by name)")
    ap.add_argument("--no-pipeline", action="store_true", help="run the NLP functions on the raw texts")
    ap.add_argument("--errors", action="store_true", help="print misses, false alarms and wrong speakers")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    if not (folder / "text").is_dir():
        print(f"not a PolNeAR-format folder (no text/): {folder}", file=sys.stderr)
        return 2
    return print_evaluation(lambda errors: evaluate(folder, args.limit, not args.no_pipeline, errors)["report"],
                            args.errors)


if __name__ == "__main__":
    sys.exit(main())
