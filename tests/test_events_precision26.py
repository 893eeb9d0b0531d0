"""Session 26 precision rules on fresh text (events26b): each test fails without its rule."""
from __future__ import annotations

from tests.events_helpers import events_of as _events, has_event as _has


def test_a_casualty_toll_with_no_violence_told_is_no_assault():
    got = _events("In neighbouring Central Aceh district, 10 people were killed, 140 were injured and about 1,500 houses "
                  "and buildings were damaged, Nugroho said.")
    assert not _has(got, "ASSAULT")
    assert not _has(_events("Ten people are killed and about 50 hurt."), "ASSAULT")
    # a toll beside an attack, a killing alone and a shooting keep their events
    got = _events("Nine people were killed and nine others injured in a violent militant attack in Thailand.")
    assert _has(got, "ASSAULT", None, "people")
    assert _has(_events("Sheriff Deputy Ortiz was killed June 24 outside an apartment."), "ASSAULT", None, "Ortiz")
    got = _events("The receptionist was shot dead and two managers were wounded.")
    assert _has(got, "ASSAULT", None, "receptionist")


def test_a_shooting_that_retells_the_killing_is_one_event():
    got = _events("A 35-year-old sheriff's deputy working with an anti-gang unit was killed Friday when he knocked on "
                  "the door of a home and someone shot him.")
    assert _has(got, "ASSAULT", None, "deputy")
    assert not _has(got, "ASSAULT", "someone")
    # a when-clause attack naming its own target stays
    got = _events("Two officers were wounded when gunmen shot a bus driver.")
    assert _has(got, "ASSAULT", "gunmen", "driver")


def test_a_noun_event_whose_only_source_is_an_unresolved_possessive_is_dropped():
    assert not _has(_events("The director denied reports that his talks with the studio, Lionsgate, hit a snag."),
                    "CONSULT", "his")
    # a possessive resolved to a named person keeps the event
    got = _events("Obama said his meeting with Putin had been useful.")
    assert _has(got, "CONSULT", "Obama", "Putin")


def test_help_x_do_y_with_nothing_material_is_no_aid():
    got = _events("Clark's hot start helped Louisville to jump out on Ole Miss by a score of 32-14.")
    assert not _has(got, "AID")
    assert not _has(_events("The US is bound by law to help Taiwan defend itself."), "AID")
    # a need or a supply named keeps AID; help with no action clause keeps it too
    assert _has(_events("The US helped Bosnia rebuild its economy."), "AID", "US", "Bosnia")
    assert _has(_events("Oxfam helped the Red Cross deliver food to Gaza."), "AID", "Oxfam", "Red Cross")
    assert _has(_events("Several neighbors ran outside to try to help the woman."), "AID", "neighbors", "woman")


def test_a_punished_organization_named_by_a_common_noun_is_the_target():
    assert _has(_events("Regulators fined the bank."), "COERCE", "Regulators", "bank")  # 'fined' was lemmatized 'fin'
    assert _has(_events("The bank was fined $5 million."), "COERCE", None, "bank")
    assert _has(_events("UEFA banned the club."), "COERCE", "UEFA", "club")
    assert _has(_events("A former aide was sentenced to five years in prison."), "SANCTION", None, "aide")
    # a thing is no recipient
    assert not _has(_events("The government banned the sale of alcohol."), "COERCE")


def test_an_air_attack_is_military_force():
    got = _events("Education programmes have been suspended since the start of Israeli air attacks on Gaza.")
    assert _has(got, "FIGHT", "Israeli", "Gaza") and not _has(got, "ASSAULT", "Israeli")


def test_conducting_a_study_is_no_investigation():
    got = _events("Prof Joni Lovenduski, who conducted the study with the help of Margaret Moran MP, said she was shocked.")
    assert not _has(got, "INVESTIGATE")
    got = _events("Lord Scarman, who conducted the inquiry into the 1981 Brixton riots, has died.")
    assert _has(got, "INVESTIGATE", "Scarman")


def test_help_received_from_no_one_named_is_no_aid():
    assert not _has(_events("The good news is that Tara Reid is getting help, according to People Magazine."), "AID")
    # help from a named giver stays
    assert _has(_events("The refugees received aid from the Red Cross."), "AID", "Red Cross", "refugees")
