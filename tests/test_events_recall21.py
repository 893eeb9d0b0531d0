"""Recall rules of issue 11, session 21 (pipeline.nlp.events), on made-up sentences with the real model: a share of
a group counts the group, a solid spelling of a hyphenated WordNet person noun, a hyphenated noun split by the
tokenizer."""
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
