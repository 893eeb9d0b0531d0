"""Actor-role rules of issue 11's session 18 (pipeline.nlp.events.actors / role_heads / verb_roles / noun_roles), on
made-up sentences with the real model: the agent of the operation an arrest was made in, companions and named
examples of an actor."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_an_arrest_made_in_an_agents_operation():
    got = _events("A suspected smuggler arrested on Monday in a police swoop has died in his cell.")
    assert _has(got, "COERCE", "police", "smuggler")
    got = _events("Three rebels were detained during an army crackdown in the north.")
    assert _has(got, "COERCE", "army", "rebels")
    # the raid is how the arrest was made, not a second event
    got = _events("The gang leader was arrested in a dawn police raid.")
    assert not _has(got, "ASSAULT")
    # a place is no operation
    assert not _has(_events("Two men were arrested in Paris on Friday."), "COERCE", "Paris")


def test_companions_and_named_examples_are_actors_too():
    got = _events("Russia, along with China, vetoed the resolution on Syria.")
    assert _has(got, "REJECT", "Russia") and _has(got, "REJECT", "China")
    got = _events("The Labour leader, together with the Liberal Democrats, criticised the budget.")
    assert _has(got, "DISAPPROVE", "Liberal Democrats", "budget")
    got = _events("The plan was criticised by campaigners, including Labour MP Gwyneth Dunwoody.")
    assert _has(got, "DISAPPROVE", "campaigners") and _has(got, "DISAPPROVE", "Dunwoody")


def test_the_undergoer_of_a_target_or_victim_noun():
    # an air strike is CAMEO 195: FIGHT on the decided FIGHT/ASSAULT line (session 25), whoever the target is
    assert _has(_events("A school was the target of an air strike near the border on Friday."), "FIGHT", None,
                "school")
    assert _has(_events("The bank has become the subject of an SEC investigation."), "INVESTIGATE", "SEC", "bank")
    assert _has(_events("Mr Smith was the victim of a vicious attack by two men."), "ASSAULT", "two men", "Smith")
    got = _events("Jones, the target of a police investigation, resigned on Monday.")
    assert _has(got, "INVESTIGATE", "police", "Jones")


def test_pronouns_of_clauses_under_a_subjectless_or_any_verb():
    # "it" of a clause conjoined under "revealed" (no speech verb) is the revealer
    got = _events("Toyota revealed that sales had fallen and it had become the subject of a Justice Department "
                  "investigation.")
    assert _has(got, "INVESTIGATE", "Justice Department", "Toyota")
    # "they" of the clause reported by "to say", whose subject comes through "called ... to say" (a denied SUPPORT)
    got = _events("Several Republicans called the senator to say they would not vote for Donald Trump.")
    assert _has(got, "SUPPORT", "Republicans", "Trump")


def test_an_agreement_is_made_with_the_party_its_act_names():
    assert _has(_events("Microsoft said it has agreed to acquire Nokia."), "AGREE", "Microsoft", "Nokia")


def test_the_doer_of_an_agentless_passive_in_its_when_clause():
    assert _has(_events("A policeman was killed when gunmen opened fire on his patrol."), "ASSAULT", "gunmen",
                "policeman")
    assert _has(_events("Two officers were injured as protesters threw stones at them."), "ASSAULT", "protesters",
                "officers")
    # a thing subject did nothing: the source stays unknown
    assert not _has(_events("A man was killed when his car hit a tree."), "ASSAULT", "car")


def test_a_confessed_deed_and_a_situation_in_a_place():
    assert _has(_events("The former guard pleaded guilty to the murder of two prisoners."), "ASSAULT", "guard",
                "prisoners")
    assert _has(_events("An 18-year-old man confessed to the murder of a Brooklyn mother."), "ASSAULT", "man",
                "mother")
    got = _events("Federal officials opened an investigation into the chaos in Maricopa County.")
    assert _has(got, "INVESTIGATE", "officials", "Maricopa County")


def test_names_the_parser_hung_elsewhere():
    # the name after "the suspect," is the suspect, though the parser hung it on the verb
    got = _events("Police said two officers shot the suspect, John Smith, after a chase.")
    assert _has(got, "ASSAULT", "officers", "John Smith")
    # a name that is the subject of the next clause is no appositive
    assert not _has(_events("Police said two officers shot the suspect, John Smith said."), "ASSAULT", None, "Smith")


def test_a_feared_situation_in_a_place_and_groups_by_their_phrase():
    got = _events("Washington has voiced concern that the conditions in Tibet have not improved.")
    assert _has(got, "DISAPPROVE", "Washington", "Tibet")
    # a group named through a person or organization is written by its whole phrase, not the name alone
    got = _events("The minister held talks with finance ministers of the G8.")
    assert _has(got, "CONSULT", "minister", "finance ministers of the G8")


def test_a_name_keeps_the_acronym_it_introduces():
    got = _events("Rubio attacked the National Rifle Association (NRA) over its stance.")
    assert _has(got, "DISAPPROVE", "Rubio", "National Rifle Association (NRA)")
