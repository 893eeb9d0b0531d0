"""Recall rules of issue 11, session 23 (pipeline.nlp.events), on made-up sentences with the real model: a stance
noun's "to" / "toward" phrase is its target; a postnominal adjective's clause is done by the noun it modifies; the
subject of endure/weather/suffer bears the criticism its object names (also counted: "swarms of criticism"); stance
verbs of opinion prose; a person not wanted to act is opposed."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_stance_noun_to_or_toward_phrase_is_its_target():
    got = _events("The senator will lead the opposition to the governor in the legislature.")
    assert _has(got, "DISAPPROVE", "senator", "governor")
    got = _events("Cruz's harsh criticism toward Mexico alarmed the business lobby.")
    assert _has(got, "DISAPPROVE", "Cruz", "Mexico")


def test_a_verb_to_phrase_is_no_criticism_target():
    # "complained to the regulator": the regulator is addressed, not criticised
    got = _events("The workers complained to the regulator about the unsafe machines.")
    assert not _has(got, "DISAPPROVE", None, "regulator")


def test_a_postnominal_adjective_clause_is_done_by_its_noun():
    got = _events("The idea is that wealthy donors unwilling to back Smith can still give to the party.")
    assert _has(got, "SUPPORT", "donors", "Smith")


def test_the_one_who_endures_criticism_is_its_target():
    got = _events("The mayor has endured criticism for closing the libraries.")
    assert _has(got, "DISAPPROVE", None, "mayor")
    got = _events("The minister weathered fierce criticism from union leaders last week.")
    assert _has(got, "DISAPPROVE", "union leaders", "minister")
    got = _events("The senator cannot give a speech without attracting swarms of criticism.")
    assert _has(got, "DISAPPROVE", None, "senator")


def test_opinion_prose_stance_verbs():
    # verbs of campaign coverage CAMEO lacks: harsh criticism, disowning, a crowd's booing, declared opposition
    assert _has(_events("The governor excoriated the senator in a speech."), "DISAPPROVE", "governor", "senator")
    assert _has(_events("Two congressmen have disavowed the nominee."), "DISAPPROVE", "congressmen", "nominee")
    assert _has(_events("The mayor was booed at the convention."), "DISAPPROVE", None, "mayor")
    assert _has(_events("Protesters heckled the senator at the rally."), "DISAPPROVE", "Protesters", "senator")
    assert _has(_events("The union came out against the governor on Tuesday."), "DISAPPROVE", "union", "governor")
    assert _has(_events("The mayor took issue with the governor's remarks."), "DISAPPROVE", "mayor", "governor")
    assert _has(_events("The former president stumped for the senator in Ohio."), "SUPPORT", "president", "senator")


def test_a_thing_trashed_is_no_criticism():
    assert not _has(_events("Vandals trashed the office on Sunday."), "DISAPPROVE")


def test_a_person_not_wanted_to_act_is_opposed():
    # decision am of the labelling guide: opposition stated as a wish denied is DISAPPROVE of the one not wanted
    got = _events("The party does not want the senator to run again.")
    assert _has(got, "DISAPPROVE", "party", "senator")
    assert not _has(got, "DEMAND")
    # no one it is about: no opposition to anyone
    assert not any(event[0] == "DISAPPROVE" for event in _events("The union does not want elections."))
    # wanted: still a demand
    assert _has(_events("Labour wants Mr Blair to resign."), "DEMAND", "Labour", "Blair")


def test_a_party_or_group_names_its_members_by_including_or_such_as():
    got = _events("Senate Republicans, including Ted Cruz and Mike Lee, criticized the bill.")
    assert _has(got, "DISAPPROVE", "Ted Cruz") and _has(got, "DISAPPROVE", "Mike Lee")
    got = _events("Campaign groups such as Amnesty International condemned the arrests.")
    assert _has(got, "DISAPPROVE", "Amnesty International")
    # a thing's examples are no actors
    got = _events("The senator criticized several projects, including the Keystone pipeline.")
    assert not _has(got, "DISAPPROVE", None, "Keystone")


def test_a_refusal_noun_takes_the_object_of_the_act_it_refuses():
    # as the verb does ("refused to back Clinton"): "Sanders's refusal to endorse her"
    got = _events("Sanders's refusal to endorse Clinton angered her aides.")
    assert _has(got, "REJECT", "Sanders", "Clinton")
    assert not _has(got, "SUPPORT")
