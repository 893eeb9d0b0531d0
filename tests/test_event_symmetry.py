"""The symmetric event types the load stage reads (pipeline.event_symmetry) without the event
lexicon are those of every trigger sense the lexicon flags `sym`, and reading them imports no
NLP code."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.event_symmetry import is_symmetric, symmetric_types
from pipeline.nlp.events.lexicon import lexicon

ROOT = Path(__file__).resolve().parent.parent


def test_the_light_list_is_every_sense_flagged_sym():
    flagged = {f"{t.type}/{t.mode}" for senses in lexicon().senses.values() for t in senses if "sym" in t.flags}
    assert flagged == set(symmetric_types()) and flagged
    assert is_symmetric("CONSULT", "meet") and not is_symmetric("ASSAULT", None)


def test_the_load_rows_import_no_nlp_code():
    script = "import sys, pipeline.load_rows; print(any(m.startswith(('spacy', 'pipeline.nlp')) for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
