"""Named points of a run where a test can freeze the process to kill it there
(`NEWS_PAUSE_AT=<stage>:<marker file>`): on reaching the stage the process writes the
marker file and sleeps, so the crash test can `kill -9` it at parse, NLP, load (inside
the open transaction) or checks. Unset (always, outside that test), nothing happens."""
from __future__ import annotations

import os
import time
from pathlib import Path

STAGES = ("parse", "nlp", "load", "checks")


def reached(stage: str) -> None:
    wanted, _, marker = os.environ.get("NEWS_PAUSE_AT", "").partition(":")
    if wanted != stage:
        return
    target = Path(marker or "news-paused")
    partial = target.with_name(target.name + ".partial")  # written whole, then renamed: a watcher never reads it empty
    partial.write_text(f"{os.getpid()} paused at {stage}\n", encoding="utf-8")
    os.replace(partial, target)
    time.sleep(3600)
