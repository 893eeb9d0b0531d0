"""Human agreement on the event gold (issue 11): `python -m pipeline.evaluate.events --agreement A B` scores one
labeller's file against another's with the evaluation's own matching, and never runs the extractor."""
from __future__ import annotations

import pytest

from pipeline.evaluate.events import GOLD, agreement, main

HEADER = "# test file\ncorpus_file\tsentence\tevents\n"
LABELLER_A = HEADER + (
    "bbc-news/politics/001.txt\tTories attacked Labour and met the Liberals.\tDISAPPROVE|Tory party|Labour ; "
    "CONSULT|Tories|Liberals\n"
    "bbc-news/politics/002.txt\tPolice arrested two men.\tCOERCE|Police|two men\n"
    "bbc-news/politics/003.txt\tIt rained.\t\n")
LABELLER_B = HEADER + (
    "bbc-news/politics/001.txt\tTories attacked Labour and met the Liberals.\tDISAPPROVE|the Tory|Labour ; "
    "CONSULT|Liberals|Tories\n"
    "bbc-news/politics/002.txt\tPolice arrested two men.\tASSAULT|Police|two men\n"
    "bbc-news/politics/003.txt\tIt rained.\tAID||\n")


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_agrees_with_itself():
    r = agreement(GOLD.parent / "events_dev2.tsv", GOLD.parent / "events_dev2.tsv")
    assert r["overall"] == (1.0, 1.0, 1.0)


def test_agreement_uses_the_evaluation_matching(tmp_path):
    """Actors match on a shared word, symmetric types either way round; a different type or an extra event is a
    disagreement: B's 4 events, 2 matched (P 0.5); A's 3 events, 2 matched (R 2/3)."""
    r = agreement(_write(tmp_path, "a.tsv", LABELLER_A), _write(tmp_path, "b.tsv", LABELLER_B))
    precision, recall, f1 = r["overall"]
    assert (precision, round(recall, 3), round(f1, 3)) == (0.5, 0.667, 0.571)
    assert r["tp_g"]["CONSULT"] == 1 and r["tp_g"]["COERCE"] == 0 and r["n_p"]["AID"] == 1


def test_agreement_refuses_files_of_different_sentences(tmp_path):
    other = LABELLER_B.replace("It rained.", "It snowed.")
    with pytest.raises(ValueError, match="same sentences"):
        agreement(_write(tmp_path, "a.tsv", LABELLER_A), _write(tmp_path, "b.tsv", other))


@pytest.mark.parametrize("dev", ["dev7", "dev8"])
def test_second_labelling_holds_the_dev_sentences(dev, capsys):
    assert main(["--agreement", str(GOLD.parent / f"events_{dev}.tsv"),
                 str(GOLD.parent / f"events_{dev}_second.tsv")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Labeller agreement: 43 sentences") and "agreement (B against A) precision" in out
