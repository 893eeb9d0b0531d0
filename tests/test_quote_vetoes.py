"""Reports that are none (issue 14): a stance verb in a condition, an event perceived, 'add to', an
amount added, a cue under 'fail to';
a date or a dummy 'it' names no speaker though the content is kept."""
from tests.test_quotes import quotes_in


def _quotes(text: str):
    return [(quote.text, quote.speaker_text) for quote in quotes_in(text)]


def test_a_stance_in_a_condition_is_no_report():
    found = _quotes("If they plan to stay six months or more, they would need a chest x-ray.")
    assert not any("stay six months" in text for text, _ in found)


def test_a_question_with_if_is_still_reported():
    found = _quotes("The senator asked workers if they planned to attend the caucuses.")
    assert any("they planned to attend the caucuses" in text for text, _ in found)


def test_the_stance_itself_is_reported_outside_a_condition():
    found = _quotes("Budget carriers Kingfisher Airlines and SpiceJet are planning to launch operations in May.")
    assert any(text.startswith("to launch operations") for text, _ in found)


def test_add_to_is_no_speech():
    found = _quotes("The meeting has added to fears that the talks will fail.")
    assert not any(speaker == "The meeting" for _, speaker in found)


def test_dummy_it_names_nobody():
    found = _quotes("Amid all this it is easy to forget that Mr Brown remains the man most likely to succeed.")
    content = [(text, speaker) for text, speaker in found if "Mr Brown remains" in text]
    assert content and all(speaker is None for _, speaker in content)


def test_adding_an_amount_is_no_speech():
    found = _quotes("The euro had added 0.8% to climb above the $1.30 level on Monday.")
    assert not any("climb above" in text for text, _ in found)


def test_added_with_a_clause_is_still_speech():
    found = _quotes("The minister added that the talks would resume in March.")
    assert any("the talks would resume in March" in text for text, _ in found)


def test_a_cue_under_fail_reports_nothing():
    found = _quotes("The governor failed to predict the anger of the voters.")
    assert not any("anger of the voters" in text for text, _ in found)


def test_perception_with_its_clause_subject_as_object_is_no_report():
    found = _quotes("The retailer has seen quarterly sales climb to record levels after the merger.")
    assert not any("sales climb" in text for text, _ in found)


def test_a_perfect_participle_after_a_comma_is_the_narrators():
    found = _quotes("Union leaders said they were glad the firm had been forced into talks, having earlier "
                         "condemned its refusal to negotiate.")
    assert any(text.endswith("forced into talks") for text, _ in found)
