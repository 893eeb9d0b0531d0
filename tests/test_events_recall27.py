"""Recall rules of issue 11, session 27 (pipeline.nlp.events), on made-up sentences with the real model: criticism or an
accusation that someone answers ("shrugged off", "responded to", "defended himself against", "hit back at") was aimed
at that someone (noun_roles._answered_roles); a rejected or criticised thing named after its author, or made "by" someone,
is aimed at that author (verb_targets._authors); a sentence someone serves, receives or is given is a SANCTION of them
(the noun row 'sentence', 'serve' a RECEIVE verb); the object the parser hangs on a phrasal verb's particle is the verb's
object ("laughed off criticism": senses.direct_objects)."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_criticism_shrugged_off_was_aimed_at_the_one_who_shrugs():
    got = _events("The candidate shrugged off criticism from his rivals.")
    assert _has(got, "DISAPPROVE", "rivals", "candidate")


def test_criticism_responded_to_was_aimed_at_the_responder():
    got = _events("The senator responded to criticism from Democrats.")
    assert _has(got, "DISAPPROVE", "Democrats", "senator")
    got = _events("The governor hit back at criticism from the unions.")
    assert _has(got, "DISAPPROVE", "unions", "governor")


def test_reacting_to_criticism_in_a_participle_clause_is_the_main_subjects():
    got = _events("Reacting to criticism over his record, the mayor said he would stay in office.")
    assert _has(got, "DISAPPROVE", None, "mayor")


def test_accusations_one_defends_oneself_against_target_oneself_and_another_defended_is_the_target():
    got = _events("The actress defended herself against accusations of plagiarism.")
    assert _has(got, "DISAPPROVE", None, "actress")
    got = _events("The president defended Iraq against Western criticism of its arms industry.")
    assert _has(got, "DISAPPROVE", None, "Iraq") and not _has(got, "DISAPPROVE", None, "president")


def test_a_request_responded_to_is_no_demand_on_the_responder():
    got = _events("A spokeswoman did not respond to a reporter's request for comment.")
    assert not _has(got, "DEMAND", None, "spokeswoman")


def test_a_rejected_proposal_named_after_its_author_rejects_the_author():
    got = _events("The minister rejected a Greenpeace proposal for a meeting with the mayor.")
    assert _has(got, "REJECT", "minister", "Greenpeace") and not _has(got, "REJECT", "minister", "mayor")


def test_claims_made_by_someone_ridiculed_target_their_maker():
    got = _events("The senators ridiculed the claims made by Smith that taxes would fall.")
    assert _has(got, "DISAPPROVE", "senators", "Smith")


def test_a_place_before_the_opposed_thing_is_what_it_is_about_not_its_author():
    got = _events("The senators opposed the Iran deal last summer.")
    assert _has(got, "DISAPPROVE", "senators") and not _has(got, "DISAPPROVE", "senators", "Iran")
    got = _events("Davis backed Measure 12, a plan fiercely opposed by teachers.")
    assert _has(got, "DISAPPROVE", "teachers")


def test_a_sentence_served_received_or_given_sanctions_the_one_who_gets_it():
    assert _has(_events("Moreno was serving a nine-year sentence for fraud."), "SANCTION", None, "Moreno")
    assert _has(_events("Smith received a life sentence for the murder."), "SANCTION", None, "Smith")
    assert _has(_events("Harris was given three extra life sentences after the hearing."), "SANCTION", None, "Harris")


def test_a_prison_sentence_is_no_sanction_by_the_prison():
    got = _events("Most voters support reducing the prison sentences for drug offenders.")
    assert not _has(got, "SANCTION", "prison")


def test_a_phrasal_rejection_whose_object_the_parser_hangs_on_the_particle_still_rejects():
    # the parser reads "off" as a particle with "criticism" as its object
    got = _events("The senator laughed off criticism from his rivals.")
    assert _has(got, "REJECT", "senator") and _has(got, "DISAPPROVE", "rivals", "senator")
    assert _has(_events("The candidate shrugged off criticism from his rivals."), "REJECT", "candidate")


def test_a_court_that_owns_a_sentence_passed_it_and_is_no_target():
    """Review27: the possessor of a punishment noun undergoes it ('his sentence'), unless it is a court or judge."""
    assert not _has(_events("The judge's sentence was harsh."), "SANCTION", None, "judge")
    assert not _has(_events("The court's sentence angered the family."), "SANCTION", None, "court")
    assert _has(_events("The rebels' sentence was commuted by the president."), "SANCTION", None, "rebels")
