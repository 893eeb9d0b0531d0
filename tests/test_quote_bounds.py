"""Bounds of indirect attributions (issue 14, session 21): which clause or object a cue verb
reports when the parser hangs the narrator's clause on it."""
from tests.test_quotes import quotes_in


def _rows(text: str, cue: str):
    return [(quote.text, quote.speaker_text) for quote in quotes_in(text) if quote.cue == cue]


def test_a_subordinate_cue_with_an_object_reports_its_object_not_the_clause_before():
    """complements._misparsed_lead_clause: the main clause parsed as the complement of a verb
    after 'because' is the narrator's; the verb's own object is what it reports."""
    text = "Viguerie is upbeat about Cruz’s chances of winning in November, in part because he sees Cruz as a uniter."
    assert _rows(text, "sees") == [("Cruz as a uniter", "he")]


def test_a_postposed_cue_still_reports_the_clause_before_it():
    text = "The economy is recovering faster than expected, the minister told reporters on Monday."
    assert [row[0] for row in _rows(text, "told")] == ["The economy is recovering faster than expected"]


def test_a_listener_verb_with_an_object_that_is_no_person_reports_it():
    """content._listener: 'questioned his sincerity', 'addressed the controversy' — the object is
    what was questioned or addressed, not who was spoken to."""
    assert _rows("Conservative leaders have questioned his sincerity.", "questioned") == [
        ("his sincerity", "Conservative leaders")]
    assert _rows("The senator addressed the controversy on Monday.", "addressed")[0][0] == "the controversy"


def test_a_listener_verb_with_a_person_object_reports_no_object():
    assert _rows("The senator addressed reporters on Monday.", "addressed") == []
    assert _rows("She questioned the witnesses for an hour.", "questioned") == []


def test_a_phrasal_listener_verb_reports_no_object():
    assert _rows("After talks the hospital called off its plan until January.", "called") == []


def test_a_listener_verb_whose_object_is_an_audience_or_an_act_reports_nothing():
    """content._listener: only the verbs of rules topic_object_verbs take a topic as object;
    'called a snap election' is an act, 'warned the cabinet' an audience — no content."""
    assert _rows("Theresa May called a snap election in April.", "called") == []
    assert _rows("The workers called a strike on Monday.", "called") == []


def test_a_verb_whose_direct_object_is_no_content_still_reports_its_prepositional_object():
    """content.object_content: rules no_object_cues bar the direct object only ('wrote a
    letter'); 'pushed for X', 'has written about X' report X."""
    assert _rows("Democrats have pushed for new negotiations on the budget.", "pushed")[0][0] \
        == "new negotiations on the budget"
    assert _rows("She has written about the controversy.", "written")[0][0] == "the controversy"
    assert _rows("She wrote a letter to the editor.", "wrote") == []


def test_a_light_verb_with_a_stance_noun_object_reports_the_nouns_complement():
    """complements.light_verb_frame: 'offered a defense of X', 'expressed concern about X' —
    verb and noun are the cue, the noun's complement the content."""
    assert _rows("The mayor offered an emotional defense of the city.", "offered")[0][0] == "the city"
    assert _rows("Republicans are expressing concern about Trump.", "expressing")[0][0] == "Trump"


def test_a_noun_the_parser_hung_on_the_verb_after_a_comma_and_continues_the_object():
    """content._object_tail (session 23): the gap before a conjoined noun is measured from the
    noun phrase's first word, not its head, so ', and Hillary Clinton’s presidential campaign'
    stays in the object (train F1 0.7336 -> 0.7339)."""
    text = "Schweizer will discuss his new book, The Clinton’s War on Women, and Hillary Clinton’s presidential campaign."
    assert _rows(text, "discuss")[0][0] == \
        "his new book, The Clinton’s War on Women, and Hillary Clinton’s presidential campaign"


def test_made_clear_reports_the_clause_the_adjective_governs():
    """frames.made_clear (session 23): a stance adjective made the complement of 'make'
    ('made it clear that …', 'has made clear …') — the subject of 'make' states the clause."""
    assert _rows("Trump made it clear that he would not back down.", "clear") == [
        ("that he would not back down", "Trump")]
    assert _rows("Clinton has made clear she will fight on.", "clear") == [("she will fight on", "Clinton")]
