"""Recall rules of issue 11, session 21 (pipeline.nlp.events), on made-up sentences with the real model: a share of
a group counts the group, solid and British spellings of WordNet person nouns, a hyphenated noun split by the
tokenizer, a vote against, a plural noun before a list of names, a "by" phrase hung on the undergoer, support
expressed or voiced, "going to" as a future."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_percentage_counts_its_group():
    # "64 percent of the electorate": the electorate rejected it (a poll's or a vote's share of a group)
    got = _events("The referendum proposal was rejected by 58 percent of the voters.")
    assert _has(got, "REJECT", "voters")
    got = _events("The party leader was criticised by 40 per cent of the members.")
    assert _has(got, "DISAPPROVE", "members", "leader")


def test_a_solid_spelling_of_a_hyphenated_person_noun():
    # WordNet writes "co-worker"; news writes "coworkers" as often
    got = _events("The nurse accused her coworkers of stealing drugs from the ward.")
    assert _has(got, "DISAPPROVE", None, "coworkers")


def test_a_split_hyphenated_noun_is_one_actor():
    # the tokenizer splits "co-worker" and the parser makes each part a subject: the last part is the head
    got = _events("A former co-worker has been charged with the robbery.")
    assert _has(got, "COERCE", None, "worker")
    got = _events("Her ex-husband was arrested on Monday.")
    assert _has(got, "COERCE", None, "husband")


def test_a_vote_against_rejects():
    # labelling decision ao of held-out 15: voting against a measure or its sponsor is REJECT
    assert _has(_events("Rebel Labour MPs voted against the government."), "REJECT", "MPs", "government")
    assert _has(_events("Several senators voted against the bill."), "REJECT", "senators")


def test_a_british_spelling_of_a_person_noun():
    # WordNet's "organization" written the British way
    assert _has(_events("The organisation criticised the minister."), "DISAPPROVE", "organisation", "minister")


def test_a_plural_noun_before_a_list_of_names():
    # "contenders Ted Cruz and John Kasich": each name is an actor, not only the first
    got = _events("The two presidents, Vladimir Putin and Barack Obama, met in Geneva on Monday.")
    assert _has(got, "CONSULT", "Putin", "Obama") or _has(got, "CONSULT", "Obama", "Putin")


def test_a_by_phrase_hung_on_the_undergoer():
    # the parser hangs "by the Indian navy" on "pirates": it is the arrest's doer
    got = _events("The arrest of 23 pirates by the Indian navy was reported on Friday.")
    assert _has(got, "COERCE", "navy", "pirates")


def test_support_expressed_or_voiced():
    # CAMEO's catch-all 'express' row made "expressed support for X" a DISAPPROVE of X
    got = _events("Senator Smith expressed support for the president.")
    assert _has(got, "SUPPORT", "Smith", "president") and not _has(got, "DISAPPROVE")
    assert _has(_events("The union leader voiced support for the strike."), "SUPPORT", "leader")


def test_going_to_is_a_future():
    # "is going to help X": an announced cooperative act is an intent (AGREE), as "will help X"
    got = _events("The minister said the government is going to help flood victims in Cumbria.")
    assert _has(got, "AGREE", None, "victims") and not _has(got, "AID")


def test_only_a_group_share_word_counts_the_group_of_its_in_phrase():
    """senses.counted (review21): 'many in the party' counts the party (GROUP_SHARE), but the 'in'
    phrase of a measure or a crowd is a place or a source, not the group: 'a crowd in the square'
    is the crowd, not the square."""
    assert ("DISAPPROVE", "the party", "the leader") in _events("Many in the party criticised the leader.")
    assert _events("A crowd in the square attacked the police station.") == {
        ("ASSAULT", "A crowd", "the police station")}
