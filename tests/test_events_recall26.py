"""Recall rules of issue 11, session 26 (pipeline.nlp.events), on made-up sentences with the real model: a stated
future backing is AGREE, as the PLOVER manual says ("cooperative actions of type CONSULT, SUPPORT, COOPERATE, and AID
reported in future tense ... should be coded as AGREE"; refine.future_cooperation); a subject the parser hung on the auxiliary is the verb's; a he/his in a
reported clause stands for a one-word speaker the tagger made an organization; a probe of allegations targets whom
they are about; a noun joined by a hyphen before a participle modifier is its agent ("Russian-backed separatists"); the
"by" phrase of a light verb carrying a noun passively is its doer ("a complaint has been made by X")."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_future_backing_of_a_bill_or_person_is_agreement():
    got = _events("Senator Jones will support the bill despite his reservations.")
    assert _has(got, "AGREE", "Jones") and not _has(got, "SUPPORT", "Jones")


def test_a_future_backing_of_the_other_sides_deal_is_agreement():
    got = _events("The union said it would support the government's proposal.")
    assert _has(got, "AGREE", "union") and not _has(got, "SUPPORT", "union")


def test_a_subject_hung_on_the_auxiliary_is_the_verbs():
    # the parser hangs "he" on "has", not on "consolidated"
    got = _events("Since Smith became the presumptive Republican nominee, he has consolidated support from national "
                  "party leaders and from many in the rank and file.")
    assert _has(got, "SUPPORT", "party leaders", "Smith")


def test_his_in_a_reported_clause_is_a_one_word_speaker_tagged_org():
    got = _events("Sanders says his private meeting with Pope Francis is not an endorsement.")
    assert _has(got, "CONSULT", "Sanders", "Francis")
    assert not _has(got, "CONSULT", "his")


def test_a_probe_of_allegations_targets_whom_the_allegations_are_about():
    got = _events("The league opened a probe of allegations that the coach Smith received improper payments.")
    assert _has(got, "INVESTIGATE", "league", "Smith")


def test_a_hyphen_joined_agent_of_a_participle_modifier_backs_the_noun():
    got = _events("Russian-backed separatists attacked the airport.")
    assert _has(got, "SUPPORT", "Russian", "separatists")
    got = _events("The senators blocked a lot of GOP-backed legislation.")
    assert _has(got, "SUPPORT", "GOP", "legislation")


def test_the_by_phrase_of_a_passive_light_verb_is_the_nouns_doer():
    got = _events("An official complaint has been made to the regulator by the Board of Deputies of British Jews.")
    assert _has(got, "DISAPPROVE", "Board of Deputies")
