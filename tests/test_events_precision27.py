"""Session 27 actor-precision rules and review leftovers (events27b): each test fails without its rule."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_he_is_no_organization_of_the_knowledge_base():
    # 'Reuters' is an organization of the knowledge base: 'he' is someone else, not the news agency
    got = _events("Reuters reported that he had criticized the government.")
    assert _has(got, "DISAPPROVE") and not _has(got, "DISAPPROVE", "Reuters")
    assert not _has(_events("Reuters said he would meet the prime minister on Friday."), "CONSULT", "Reuters")
    # a lone surname the small model tags ORG still stands for the person
    assert _has(_events("Sanders says he will meet Pope Francis on Friday."), "CONSULT", "Sanders", "Francis")


def test_a_participle_on_a_possessed_thing_targets_its_holder():
    # the participle's subject is the noun it modifies ('his plan'), not the clause's subject: Obama is the target
    got = _events("Obama defended his plan, criticized by Republicans.")
    assert _has(got, "DISAPPROVE", "Republicans", "Obama")
    assert _has(_events("Smith said his proposal, backed by the mayor, would pass."), "SUPPORT", "mayor", "Smith")
    # the verb's own subject stays no target of itself
    assert not _has(_events("Obama defended his plan."), "SUPPORT", "Obama", "Obama")


def test_a_relative_pronoun_stands_for_the_noun_its_clause_modifies():
    got = _events("Kemp was the only governor whom the president refused to endorse.")
    assert _has(got, "REJECT", "president", "governor") and not _has(got, "REJECT", "president", "whom")
    assert _has(_events("The company, which regulators fined last year, appealed."), "COERCE", "regulators", "company")
    assert _has(_events("She praised the senator whom Trump had attacked."), "DISAPPROVE", "Trump", "senator")
    # of conjoined nouns, the nearest before the pronoun ("and who" clause conjoined to the relative clause)
    got = _events("She called Baker and Judge Robert Ames, who led the inquiry and who backed Carter.")
    assert _has(got, "SUPPORT", "Ames", "Carter") and not _has(got, "SUPPORT", "Baker")


def test_a_full_name_and_a_bare_surname_of_one_entity_are_two_people():
    # the entity stage joins the lone 'Peterson' to 'Laci Peterson': the event is kept, the surname by its text
    got = _events("Peterson was charged with murdering Laci Peterson.")
    assert _has(got, "ASSAULT", "Peterson", "Laci Peterson")
    # one person named twice in full is still no event on itself
    assert not _has(_events("Laci Peterson said Laci Peterson would not criticize herself."), "DISAPPROVE",
                    "Laci Peterson", "Laci Peterson")


def test_a_he_stands_for_an_untagged_name_subject_before_it_in_its_sentence():
    got = _events("Rubio won the primary, he has gained support from party leaders.")
    assert _has(got, "SUPPORT", "party leaders", "Rubio") and not _has(got, "SUPPORT", None, "he")
    # an organization of the knowledge base is no 'he'
    assert not _has(_events("Google said he would meet the mayor."), "CONSULT", "Google")
