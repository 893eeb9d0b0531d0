"""Rules of issue 11's session 23 (events23b: precision on fresh text, the physical types), on made-up sentences with
the real model."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_release_of_captives_is_a_retreat():
    # PLOVER manual: the actual release of prisoners is RETREAT; a passive without "by" has an unknown source
    assert _has(_events("Some of the detainees could now be released."), "RETREAT", None, "detainees")
    got = _events("Mr Mubanga was one of four Britons who were released from the US camp in January.")
    assert _has(got, "RETREAT", None, "Britons") and not _has(got, "CONCEDE")
    assert _has(_events("Hamas freed the hostages on Friday."), "RETREAT", "Hamas", "hostages")


def test_an_agreement_to_acquire_is_made_with_the_company_acquired():
    got = _events("AMD announced it has signed a definitive agreement to acquire SeaMicro for $334 million.")
    assert _has(got, "AGREE", "AMD", "SeaMicro")
    assert _has(_events("Google agreed to buy Motorola Mobility for $12.5 billion."), "AGREE", "Google", "Motorola")


def test_she_stands_for_the_woman_named_before_her_in_the_sentence():
    got = _events("He was convicted of stabbing his wife and another person while she visited him in prison.")
    assert _has(got, "CONSULT", "wife")
    got = _events("The actress spent time at the Betty Ford Center; a member of the staff ended up suing her.")
    assert _has(got, "DISAPPROVE", "member of the staff", "actress")
    # a woman's noun after her name names her again: the name stays the antecedent
    got = _events("Lindsay Lohan's lawyer says the actress checked into rehab, as the court that ordered her to serve "
                  "90 days of treatment wanted.")
    assert not any("actress" in (a2 or "") for _, _, a2 in got)


def test_deaths_by_falls_illness_and_disasters_are_no_assaults():
    assert not _has(_events("A British man has been killed after falling 2,000ft while climbing."), "ASSAULT")
    assert not _has(_events("Cancer killed her father in 2009."), "ASSAULT")
    assert not _has(_events("Flooding has killed at least 20 people in Bangladesh."), "ASSAULT")
    assert _has(_events("Five soldiers were killed in a roadside bomb attack."), "ASSAULT", None, "soldiers")


def test_a_theft_by_a_named_group_stays_an_event():
    assert _has(_events("Hezbollah fighters looted the warehouse."), "CRIME", "Hezbollah")
    # a named company that was only robbed does not make a heist political
    got = _events("Harry Winston Diamond Corp.'s Paris jewellery store was stormed by four robbers on Thursday.")
    assert not _has(got, "ASSAULT")


def test_modeless_generated_senses_of_every_type_are_dropped_but_the_kept_verbs():
    # CAMEO catch-all codes with no PLOVER mode: "highlight" (SUPPORT), "ensure" (AGREE) name no event
    assert not _has(_events("Mr Brown is visiting Kenya to highlight the plight of many Africans."), "SUPPORT")
    assert not _has(_events("The government would have to work hard to ensure taxpayers get full benefit."), "AGREE")
    # hand rows (rules/event_triggers.tsv): the catch-all code is the act the PLOVER manual defines the type by
    assert _has(_events("Vice-President Moody Awori has declined to resign despite growing pressure."), "REJECT",
                "Moody Awori")
    assert _has(_events("Defence Secretary Tom King has promised to continue military aid to Mozambique."), "AGREE",
                "Tom King")
