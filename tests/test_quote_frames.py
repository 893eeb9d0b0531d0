"""The generated stance-frame lexicon (issue 14): frames found on real parses, counted
against gold by the generator, kept by its thresholds (rare lemmas by their backoff row),
and the committed rules/quote_frames.tsv consistent with the thresholds its header states."""
import re

import pytest

from pipeline.evaluate.quote_frames import FrameRow, backoff_rows, count_frames, decisions, kept, lexicon_text
from pipeline.evaluate.polnear_gold import Article, GoldAttribution
from pipeline.nlp import load_model
from pipeline.nlp.quotes.stance_frames import FRAMES_PATH, backoff_key, frame_lexicon, frame_of, is_cue_frame
from tests.test_quotes import quotes_in


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


def test_clause_frames_tell_that_from_to(nlp):
    assert _frame(nlp, "His claim that the vote was rigged fell flat.", "claim")[1].key == "NOUN claim that"
    assert _frame(nlp, "Her decision to run surprised nobody.", "decision")[1].key == "NOUN decision to"


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
    assert kept(FrameRow("NOUN claim that", 10, 8, 6), min_count=3, min_precision=0.5)
    assert not kept(FrameRow("NOUN part of", 186, 1, 20), min_count=3, min_precision=0.5)
    assert not kept(FrameRow("NOUN rare of", 2, 2, 2), min_count=3, min_precision=0.5)
    text = lexicon_text([FrameRow("NOUN claim that", 10, 8, 6), FrameRow("NOUN part of", 9, 0, 0)], "test", 3, 0.5)
    assert text.startswith("# ") and "NOUN claim that\t10\t8\t6\t0.600\tyes" in text and "NOUN part of" not in text


def test_rare_lemmas_follow_their_backoff_row():
    rows = [FrameRow("NOUN worry about", 2, 1, 2), FrameRow("NOUN qualm about", 1, 1, 1),
            FrameRow("NOUN story about", 2, 0, 0), FrameRow("NOUN question about", 10, 5, 4)]
    assert backoff_rows(rows, 3) == [FrameRow("NOUN * about", 5, 2, 3)]
    chosen = {row.frame: keep for row, keep in decisions(rows, 3, 0.5)}
    # the backoff row is kept (3 of 5); the rare frames follow it; 'question about' has its own no
    assert chosen == {"NOUN * about": True, "NOUN worry about": True, "NOUN qualm about": True,
                      "NOUN question about": False}
    assert backoff_key("ADJ wary of") == "ADJ * of"


def test_committed_lexicon_matches_its_stated_thresholds():
    text = FRAMES_PATH.read_text(encoding="utf-8")
    assert "GENERATED" in text and "python -m pipeline.evaluate.quote_frames" in text
    min_count = int(re.search(r"occurrences >= (\d+)", text).group(1))
    min_precision = float(re.search(r"precision >= ([0-9.]+)", text).group(1))
    rows = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("frame\t"):
            continue
        frame, occurrences, gold_cue, matched, _, keep = line.split("\t")
        rows[frame] = (FrameRow(frame, int(occurrences), int(gold_cue), int(matched)), keep == "yes")
    for frame, (row, keep) in rows.items():
        if " * " in frame or row.occurrences >= min_count:
            assert keep == kept(row, min_count, min_precision), frame
        else:
            assert keep == rows[backoff_key(frame)][1], frame
    assert len(frame_lexicon()) >= 50
    assert is_cue_frame("NOUN qualmishness about") == rows["NOUN * about"][1]


def test_extractor_reports_a_lexicon_frame():
    assert "NOUN doubt about" in frame_lexicon()
    quotes = quotes_in("The party had some doubts about the senator's viability.")
    found = [(quote.text, quote.speaker_text) for quote in quotes]
    assert ("the senator's viability", "The party") in found
