"""Bare spaCy as a program, for the benchmark's ratio: `python -m pipeline.evaluate.bench_bare
TEXTS.json MODEL BATCH_SIZE PROCESSES` starts Python, imports spaCy, loads the stock model and
runs `nlp.pipe` over the texts (a JSON list), as a user's script would. The full build is
timed the same way (a new process: its imports and model load count), so the ratio compares
two programs that turn the same texts into parses. Prints the seconds `nlp.pipe` alone took
(the figure the benchmark gave before session 23). Imports nothing of the pipeline: the
bare program must not pay for the extractors."""
from __future__ import annotations

import json
import sys
import time

import spacy


def main(argv: list[str]) -> int:
    path, model, batch_size, processes = argv[0], argv[1], int(argv[2]), int(argv[3])
    with open(path, encoding="utf-8") as fh:
        texts = json.load(fh)
    nlp = spacy.load(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        pass
    print(f"{time.perf_counter() - started:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
