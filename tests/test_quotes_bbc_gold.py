"""The BBC quote gold under its two guidelines (issue 14): the first file alone, and the first
plus the attributed intentions labelled under the second; every item found in its article."""
from pipeline.evaluate.quotes_bbc import GOLD, GUIDELINES, INTENTIONS, read_gold
from tests.conftest import corpus


def test_second_guideline_adds_the_intentions_to_the_first():
    corpora = corpus("bbc-news").parent
    first_articles, first = read_gold(corpora, *GUIDELINES["first guideline"])
    second_articles, second = read_gold(corpora, *GUIDELINES["second guideline, + intentions"])
    assert GUIDELINES["first guideline"] == (GOLD,) and INTENTIONS in GUIDELINES["second guideline, + intentions"]
    assert len(first_articles) == len(second_articles) == 30
    assert sum(map(len, first.values())) == 380
    added = sum(map(len, second.values())) - 380
    assert added == sum(1 for line in INTENTIONS.read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("#")) == 27
