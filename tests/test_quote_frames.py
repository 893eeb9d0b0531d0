"""The generated stance-frame lexicon (issue 14): frames found on real parses, counted
against gold by the generator, kept by its thresholds, and the committed
rules/quote_frames.tsv consistent with the thresholds its header states."""
import re

import pytest

from pipeline.evaluate.quote_frames import FrameRow, count_frames, kept, lexicon_text
from pipeline.evaluate.quotes import Article, GoldAttribution
from pipeline.nlp import load_model
from pipeline.nlp.entities import extract_entities
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.quotes.stance_frames import FRAMES_PATH, frame_lexicon, frame_of


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _frame(nlp, text: str, word: str):
    doc = nlp(text)
    tok = next(tok for tok in doc if tok.text == word)
    return doc, frame_of(tok)


def test_noun_frame_with_nobody_named(nlp):
    doc, frame = _frame(nlp, "There are new questions about the senator's viability.", "questions")
    assert frame.key == "NOUN question about"
    assert frame.speaker is None
    assert doc[frame.content[0]:frame.content[1]].text == "the senator's viability"


def test_adjective_frame_speaks_for_its_subject(nlp):
    doc, frame = _frame(nlp, "Many Republicans are critical of the tax plan.", "critical")
    assert frame.key == "ADJ critical of"
    assert frame.speaker.text == "Republicans"
    assert doc[frame.content[0]:frame.content[1]].text == "the tax plan"


def test_noun_without_complement_is_no_frame(nlp):
    assert _frame(nlp, "The questions were hard.", "questions")[1] is None


def test_generator_counts_occurrences_cues_and_content_matches(nlp):
    text = "Voters raised questions about the plan. Reporters had questions about the weather."
    doc = nlp(text)
    start = text.index("the plan")
    cue = text.index("questions")
    gold = [GoldAttribution([(start, start + len("the plan"))], [], [(cue, cue + len("questions"))], "the plan")]
    rows = {row.frame: row for row in count_frames([(Article("one", text, gold), doc)])}
    row = rows["NOUN question about"]
    assert (row.occurrences, row.gold_cue, row.content_match) == (2, 1, 1)
    assert row.precision == 0.5


def test_thresholds_decide_what_is_kept():
    assert kept(FrameRow("NOUN claim clause", 10, 8, 6), min_count=3, min_precision=0.5)
    assert not kept(FrameRow("NOUN part of", 186, 1, 20), min_count=3, min_precision=0.5)
    assert not kept(FrameRow("NOUN rare of", 2, 2, 2), min_count=3, min_precision=0.5)
    text = lexicon_text([FrameRow("NOUN claim clause", 10, 8, 6), FrameRow("NOUN part of", 9, 0, 0)], "test", 3, 0.5)
    assert text.startswith("# ") and "NOUN claim clause\t10\t8\t6\t0.600\tyes" in text and "NOUN part of" not in text


def test_committed_lexicon_matches_its_stated_thresholds():
    text = FRAMES_PATH.read_text(encoding="utf-8")
    assert "GENERATED" in text and "python -m pipeline.evaluate.quote_frames" in text
    min_count = int(re.search(r"occurrences >= (\d+)", text).group(1))
    min_precision = float(re.search(r"precision >= ([0-9.]+)", text).group(1))
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("frame\t"):
            continue
        frame, occurrences, gold_cue, matched, _, keep = line.split("\t")
        row = FrameRow(frame, int(occurrences), int(gold_cue), int(matched))
        assert (keep == "yes") == kept(row, min_count, min_precision), line
    assert len(frame_lexicon()) >= 50


def test_extractor_reports_a_lexicon_frame(nlp):
    assert "NOUN doubt about" in frame_lexicon()
    doc = nlp("The party had some doubts about the senator's viability.")
    entities, mentions = extract_entities(doc)
    found = [(quote.text, quote.speaker_text) for quote in extract_quotes(doc, entities, mentions)]
    assert ("the senator's viability", "The party") in found
