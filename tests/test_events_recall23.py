"""Recall rules of issue 11, session 23 (pipeline.nlp.events), on made-up sentences with the real model: a stance
noun's "to" / "toward" phrase is its target; a postnominal adjective's clause is done by the noun it modifies; the
subject of endure/weather/suffer bears the criticism its object names (also counted: "swarms of criticism")."""
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
