"""Byte-for-byte check of the quote extractor: `python -m pipeline.evaluate.quotes_snapshot
[folder] --save SNAP` dumps every quote of every article (all `Quote` fields, JSON lines,
article by article) to SNAP; `--compare SNAP` runs the extractor again and reports every
article whose lines differ. A refactoring that must not change the output is proven with
it on all 840 PolNeAR train articles.

The spaCy parse of the folder is cached beside the snapshot (`SNAP.docs`, a DocBin) on the
first run and reused after, so a comparison costs the extractors only (the parse is what
the check holds constant; delete the cache to re-parse). Keep SNAP outside the repository:
it holds corpus text."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin

from pipeline.evaluate.polnear_gold import read_corpus
from pipeline.evaluate.quotes_score import DEFAULT, print_evaluation, report, score
from pipeline.evaluate.quotes_predict import predictions_from_doc
from pipeline.evaluate.snapshot_diff import print_differences
from pipeline.nlp import load_model
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes


def _texts(folder: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((folder / "text").glob("*.txt"))]


def parsed_docs(folder: Path, cache: Path) -> list[tuple[str, object]]:
    """(stem, Doc) for every text of the folder, parsed once and cached in `cache`."""
    texts = _texts(folder)
    nlp = load_model()
    if cache.exists():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
        if [d.text for d in docs] == [t for _, t in texts]:
            return [(stem, doc) for (stem, _), doc in zip(texts, docs)]
        print(f"cache {cache} does not match the folder: parsing again", file=sys.stderr)
    docs = list(nlp.pipe([t for _, t in texts], batch_size=16))
    cache.write_bytes(DocBin(store_user_data=True, docs=docs).to_bytes())
    return [(stem, doc) for (stem, _), doc in zip(texts, docs)]


def snapshot_lines(docs: list[tuple[str, object]]) -> dict[str, list[str]]:
    """stem -> one JSON line per quote (every field, in output order)."""
    out = {}
    for stem, doc in docs:
        entities, mentions = extract_entities(doc)
        out[stem] = [json.dumps(dataclasses.asdict(q), ensure_ascii=False, sort_keys=True)
                     for q in extract_quotes(doc, entities, mentions)]
    return out


def _score(folder: Path, docs: list[tuple[str, object]], show_errors: bool, started: float) -> int:
    articles = read_corpus(folder)
    by_stem = dict(docs)
    preds = {art.stem: predictions_from_doc(by_stem[art.stem], art.text, extract_entities, extract_quotes)
             for art in articles}

    def scored(errors: list | None) -> str:
        counts = score(articles, preds, errors)
        return "\n".join([
            report(counts, len(articles), {}, time.time() - started),
            f"direct quotes (counts): tp {counts['dtp']}  predicted {counts['dp']}  gold {counts['dg']}  "
            f"F1 {2 * counts['dtp'] / max(counts['dp'] + counts['dg'], 1):.4f}",
            f"all attributions (counts): tp {counts['atp']}  predicted {counts['ap']}  gold {counts['ag']}  "
            f"F1 {2 * counts['atp'] / max(counts['ap'] + counts['ag'], 1):.4f}",
        ])

    return print_evaluation(scored, show_errors)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT.parent / "train"))
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", help="write the snapshot to this file")
    mode.add_argument("--compare", help="compare with the snapshot in this file")
    mode.add_argument("--score", help="print the PolNeAR figures, parse cached beside this file")
    ap.add_argument("--errors", action="store_true", help="with --score: print misses and false alarms")
    args = ap.parse_args(argv)
    snap = Path(args.save or args.compare or args.score)
    t0 = time.time()
    docs = parsed_docs(Path(args.folder), snap.with_suffix(snap.suffix + ".docs"))
    t1 = time.time()
    if args.score:
        return _score(Path(args.folder), docs, args.errors, t0)
    lines = snapshot_lines(docs)
    n_quotes = sum(len(v) for v in lines.values())
    if args.save:
        snap.write_text("".join(f"{stem}\t{line}\n" for stem, ls in lines.items() for line in ls), encoding="utf-8")
        print(f"saved {n_quotes} quotes of {len(lines)} articles to {snap} "
              f"(parse {t1 - t0:.0f} s, extract {time.time() - t1:.0f} s)")
        return 0
    saved: dict[str, list[str]] = {stem: [] for stem in lines}
    for row in snap.read_text(encoding="utf-8").splitlines():
        stem, _, line = row.partition("\t")
        saved.setdefault(stem, []).append(line)
    differ = [stem for stem in saved if saved[stem] != lines.get(stem, [])]
    print_differences(differ[:20], saved, lines, lines_each=3)
    verdict = "IDENTICAL" if not differ else f"{len(differ)} ARTICLES DIFFER"
    print(f"{verdict}: {n_quotes} quotes of {len(lines)} articles vs {snap} "
          f"(extract {time.time() - t1:.0f} s)")
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
