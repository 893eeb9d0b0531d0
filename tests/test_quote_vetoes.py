"""Reports that are none (issue 14): a stance verb in a condition, an event perceived, 'add to', an
amount added, a cue under 'fail to', an act required or allowed ('has yet to name'), a post taken or a person known
('assume the chairmanship'), a decision not yet taken ('is deciding whether to'), a conjoined report of another speaker
and a participle of speech after an object (not content);
a date or a dummy 'it' names no speaker though the content is kept."""
import pytest

from tests.test_quotes import quotes_in

# (text, words no reported content holds): a stance verb in a condition, an amount added, a
# cue under 'fail to', a perception whose object is the subject of its clause
NO_REPORT = [
    ("If they plan to stay six months or more, they would need a chest x-ray.", "stay six months"),
    ("The euro had added 0.8% to climb above the $1.30 level on Monday.", "climb above"),
    ("The governor failed to predict the anger of the voters.", "anger of the voters"),
    ("The retailer has seen quarterly sales climb to record levels after the merger.", "sales climb"),
    # (BBC politics/387, not in the gold): an act required, not done
    ("Mr Blair has yet to name the day - but it is widely expected to be 5 May.", "the day"),
    # (the fresh BBC precision sample of session 18, business/251): a participle the tagger gave no auxiliary
    ("Competition has intensified and fixed-line phone providers such as MCI and AT&T have seen themselves "
     "overtaken by rivals.", "overtaken by rivals"),
    # (session 21) a verb of thinking or deciding with a noun object and no clause: a post taken, a person known
    ("The senator prepares to assume the chairmanship of the committee in May.", "the chairmanship"),
    ("I know Governor Smith personally and have worked with him for years.", "Governor Smith"),
    # (session 22) cue verbs whose object is an outcome settled or a quality shown (rules no_object_cues)
    ("The rules which determine the voting age were written in 1832.", "the voting age"),
    ("The governor demonstrated a good grasp of foreign affairs during the debate.", "a good grasp"),
    # (session 23) a decision not yet taken: a verb of deciding with an indirect question, and a cue inside it
    ("The committee is deciding whether to recommend a new system of fishing quotas.", "a new system"),
    ("The council will decide whether to close the library next year.", "close the library"),
    # (session 25) a right given: a cue under a passive verb of permission
    ("Tenants will be permitted to request staying on beyond the end of the lease.", "staying on"),
    ("Shareholders will be allowed to demand a vote on the merger.", "a vote on the merger"),
    ("The voter has not decided which candidate she will support in March.", "she will support"),
]

# (text, words a reported content holds): the same cues where they do report — a question
# with 'if', 'added' with a clause
STILL_REPORTED = [
    ("The senator asked workers if they planned to attend the caucuses.", "they planned to attend the caucuses"),
    ("The minister added that the talks would resume in March.", "the talks would resume in March"),
    # (session 25) a passive of force is no permission: the admission was made
    ("The chairman was forced to admit that the plan had failed.", "the plan had failed"),
    # a reported clause under 'have to' is still reported by the one who says it
    ("Mr Baker said ministers would have to explain the policy to voters.", "ministers would have to explain"),
    # a verb of thinking with a clause still reports it
    ("The senator knows the committee will reject the bill.", "the committee will reject the bill"),
    # a decision taken is its subject's position
    ("The council decided to close the library next year.", "to close the library"),
    ("The board decided that the library would close in June.", "the library would close in June"),
]


def _quotes(text: str):
    return [(quote.text, quote.speaker_text) for quote in quotes_in(text)]


@pytest.mark.parametrize("text, words", NO_REPORT, ids=[row[1] for row in NO_REPORT])
def test_no_report(text, words):
    assert not any(words in found for found, _ in _quotes(text))


@pytest.mark.parametrize("text, words", STILL_REPORTED, ids=[row[1] for row in STILL_REPORTED])
def test_still_reported(text, words):
    assert any(words in found for found, _ in _quotes(text))


def test_the_stance_itself_is_reported_outside_a_condition():
    found = _quotes("Budget carriers Kingfisher Airlines and SpiceJet are planning to launch operations in May.")
    assert any(text.startswith("to launch operations") for text, _ in found)


def test_add_to_is_no_speech():
    found = _quotes("The meeting has added to fears that the talks will fail.")
    assert not any(speaker == "The meeting" for _, speaker in found)


def test_dummy_it_names_nobody():
    found = _quotes("Amid all this it is easy to see that Mr Brown remains the man most likely to succeed.")
    content = [(text, speaker) for text, speaker in found if "Mr Brown remains" in text]
    assert content and all(speaker is None for _, speaker in content)


@pytest.mark.parametrize("text", [
    "Amid all this it is easy to forget that the old regime used to look after its workers rather well.",
    "Let's not forget that the old regime used to look after its workers rather well.",
    "It is worth remembering that the old regime used to look after its workers rather well."])
def test_a_reminder_to_the_reader_is_nobodys_report(text):
    assert not any("the old regime used to" in found for found, _ in _quotes(text))


def test_a_person_who_remembers_still_reports():
    found = _quotes("The minister remembers that the old regime used to look after its workers rather well.")
    assert any("the old regime used to" in text and speaker == "The minister" for text, speaker in found)


def test_a_perfect_participle_after_a_comma_is_the_narrators():
    found = _quotes("Union leaders said they were glad the firm had been forced into talks, having earlier "
                         "condemned its refusal to negotiate.")
    assert any(text.endswith("forced into talks") for text, _ in found)


def test_a_conjoined_verb_phrase_after_a_modal_clause_stays_in_the_content():
    found = _quotes("Analysts claimed that the two banks will merge next year and have already held talks with regulators.")
    assert any(text.endswith("held talks with regulators") for text, _ in found)


def test_a_conjoined_report_of_another_speaker_ends_the_content():
    # (session 21): 'and Y reported …' with a subject of its own is the narrator's next report
    found = _quotes("The bank said prices rose by 2% in May and the agency reported a fall of 1% in June.")
    assert ("prices rose by 2% in May", "The bank") in found
    assert not any("the agency reported" in text for text, _ in found)


def test_a_participle_of_speech_after_an_object_content_is_a_report_of_its_own():
    # (session 22) 'rejected the claim that …, saying …': the participle is the speaker's next report
    found = _quotes("The minister rejected the claim that the scheme had failed, saying it was too early to judge.")
    assert ("the claim that the scheme had failed", "The minister") in found
    assert ("it was too early to judge", "The minister") in found
