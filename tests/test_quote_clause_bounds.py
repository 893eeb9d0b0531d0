"""Bounds of a reported clause after the common clipping (issue 14, session 26): a cut that leaves the
clause's subject in and its verb out reports nothing a reader files, so the content runs on to the verb's
phrase (`clause_bounds.keeps_its_verb`)."""
from tests.test_quotes import quotes_in


def _contents(text: str, cue: str) -> list[str]:
    return [quote.text for quote in quotes_in(text) if quote.cue == cue]


def test_a_clause_cut_at_a_quoted_aside_keeps_its_verb():
    text = 'The minister said that the reforms - "long overdue" according to critics - would start in April.'
    assert _contents(text, "said") == ['that the reforms - "long overdue" according to critics - would start in April']


def test_a_clause_with_its_verb_before_the_cut_is_still_cut():
    text = "The minister said the reforms would start in April, prompting protests from the unions."
    assert _contents(text, "said") == ["the reforms would start in April"]


def test_a_contrast_clause_with_another_speakers_report_ends_the_content():
    """clause_bounds.contrasted_report: 'while X refused to comment' is the narrator's report of X."""
    text = "The carmaker said it welcomed the ruling while its main rival, a much larger firm, refused to comment."
    assert _contents(text, "said") == ["it welcomed the ruling"]


def test_a_fronted_contrast_clause_stays_in_the_content():
    text = "But while the survey revealed deep divisions, there were some hopeful signs, he added."
    assert _contents(text, "added") == ["But while the survey revealed deep divisions, there were some hopeful signs"]


def test_a_regained_verb_phrase_loses_a_participle_the_narrator_adds():
    """After keeps_its_verb runs the content on to the verb's phrase, the narrator's ', prompting …' is cut again."""
    text = ('The minister said that the reforms - "long overdue" according to critics - would start in April, '
            'prompting protests from the unions.')
    assert _contents(text, "said") == ['that the reforms - "long overdue" according to critics - would start in April']


def test_a_regained_verb_phrase_loses_the_narrators_according_to():
    text = ('The minister said that the reforms - "long overdue" according to critics - would start in April, '
            'according to officials.')
    assert _contents(text, "said") == ['that the reforms - "long overdue" according to critics - would start in April']
