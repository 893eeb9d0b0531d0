"""Precision rules of issue 11, session 22 (pipeline.nlp.events.nonevents), on made-up sentences with the real model:
an act asked for in nested clauses or by a noun of demand, robberies with no political actor and the deed of a
charge are no events, nor a generated sense with no PLOVER mode; the modifier of a two-word event noun is no source."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_an_act_asked_for_by_a_noun_of_demand_is_no_event():
    got = _events("The senator's call to deport all foreign criminals drew criticism from the bishops.")
    assert not _has(got, "COERCE")


def test_an_act_nested_under_a_demand_is_no_event():
    # "to oust" hangs on "coalition", the object of "join", which "urged" asks for
    got = _events("She urged the administration to join a coalition to oust the dictator.")
    assert _has(got, "DEMAND", "She", "administration")
    assert not _has(got, "COERCE")


def test_an_act_wished_of_someone_is_no_event():
    got = _events("The pastor wants the protesters to be arrested.")
    assert not _has(got, "COERCE")


def test_an_act_the_asked_one_was_called_to_do_stays():
    # a passive "was called to investigate": the one asked is the subject, the act is told
    got = _events("The fire marshal was called to investigate the blaze at the mayor's office.")
    assert _has(got, "INVESTIGATE", "fire marshal")


def test_an_act_after_a_demand_stays():
    # a finite clause under the demand verb is told as done
    got = _events("The minister urged calm after police arrested the opposition leader.")
    assert _has(got, "COERCE", "police", "leader")


def test_a_heist_with_no_political_actor_is_no_event():
    assert not _has(_events("A gang of thieves stole jewels worth $10 million from the boutique."), "CRIME")
    got = _events("The jewellery store was stormed by four robbers on Thursday.")
    assert not _has(got, "ASSAULT")


def test_a_theft_from_a_politician_stays():
    got = _events("Two men robbed the senator outside his home in Washington.")
    assert _has(got, "CRIME", "men", "senator")


def test_the_deed_of_a_charge_is_no_event():
    # labelling decision ah (gold/events_dev15.tsv): the shooting is the content of the charge
    got = _events("A former guard has been charged with manslaughter over the killing of a teenager in Athens.")
    assert _has(got, "COERCE", None, "guard")
    assert not _has(got, "ASSAULT")
    got = _events("A neighbour has been charged in the 1998 slayings of two women at a shop in Leeds.")
    assert not _has(got, "ASSAULT")


def test_a_deed_told_beside_a_charge_stays():
    got = _events("Police arrested two men after gunmen killed a journalist in Athens.")
    assert _has(got, "ASSAULT", "gunmen", "journalist")


def test_the_modifier_of_a_two_word_event_noun_is_no_source():
    # "conference call" is the lexicon entry: "conference" names the event, the light verb's subject holds it
    got = _events("On Monday, Clinton held a conference call with researchers.")
    assert _has(got, "CONSULT", "Clinton", "researchers")
    assert not _has(got, "CONSULT", "conference")


def test_a_modeless_generated_sense_is_no_event():
    # CAMEO's catch-all codes of a synset ("purchase": cooperate, "undermine": sanction) with no PLOVER mode
    assert not _has(_events("Ryanair purchased five new aircraft from Boeing."), "COOPERATE")
    assert not _has(_events("The newspaper undermined the president."), "SANCTION")


def test_a_modeless_generated_sense_a_refinement_reads_stays():
    # "threatened to undermine": the threat rule gives it a sense of its own (a GSR THREATEN record needs this)
    got = _events("The rebels threatened to undermine the government.")
    assert _has(got, "THREATEN", "rebels", "government")


def test_contesting_a_seat_in_an_election_is_no_dispute():
    # 'noelection' (rules/event_triggers.tsv): a candidacy, not CAMEO 110's dispute
    got = _events("The former minister is to contest the Derbyshire seat of Erewash at the next general election.")
    assert not _has(got, "DISAPPROVE")
    assert _has(_events("The union will contest the decision of the government in court."), "DISAPPROVE", "union")
