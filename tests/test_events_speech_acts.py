"""Speech-act events (DEMAND, DISAPPROVE, REJECT, SUPPORT) of issue 11, session 21 (pipeline.nlp.events), on made-up
sentences with the real model: demands, criticism, rejection and support told in news prose."""
from __future__ import annotations

from tests.events_helpers import events_of, has_event


def test_a_generic_actor_noun_speaks_about_a_thing():
    # a group named by an actor noun backs or contests a policy: an event with no actor target, as a named one's is
    assert has_event(events_of("Most farmers support the new tax."), "SUPPORT", "farmers")
    assert has_event(events_of("Civil rights groups challenged the ruling."), "DISAPPROVE", "groups")
    # a product is still no supporter of a feature
    assert not has_event(events_of("Most applications support the new display."), "SUPPORT")
    # a refusal of no act by a generic actor noun is no event
    assert not has_event(events_of("The company spokesman declined to comment on the report."), "REJECT")


def test_an_obligation_stated_in_a_reported_clause_is_a_demand():
    # a necessity verb with a to-infinitive states what someone must do, as a modal does
    assert has_event(events_of("Smith warned the government would have to work hard to win back voters."),
                     "DEMAND", "Smith", "government")
    assert has_event(events_of("The minister said the council needs to resign."), "DEMAND", "minister", "council")
    # a clause conjoined to the reported one, with its own subject and modal, names one more party asked
    got = events_of("Jones has said the party needs a new leader and that its members should choose him soon.")
    assert has_event(got, "DEMAND", "Jones", "members")
    # argue and write report demands the way say does
    assert has_event(events_of("Smith argued that the government must act now."), "DEMAND", "Smith", "government")
    # a past necessity tells what happened, and a consequence under a condition is a forecast: no demand
    assert not has_event(events_of("He says the firemen also had to protect nearby buildings."), "DEMAND")
    assert not has_event(events_of("He warned that if bars were allowed to open late the police would have to "
                                   "take officers off day shifts."), "DEMAND")


def test_dismissing_questions_or_criticism_is_a_rejection():
    assert has_event(events_of("Mr Jones brushed aside questions about the missing funds."), "REJECT", "Jones")
    assert has_event(events_of("The White House dismissed concerns about the deal."), "REJECT", "White House")
    # the criticism brushed off is someone else's: no criticism by the one who shrugs it off
    got = events_of("The minister shrugged off the criticism.")
    assert has_event(got, "REJECT", "minister") and not has_event(got, "DISAPPROVE", "minister")
    # a generated phrasal verb still yields to its object noun
    assert has_event(events_of("Militants carried out an attack on the embassy."), "ASSAULT", "Militants", "embassy")


def test_a_document_without_author_makes_its_demand_itself():
    assert has_event(events_of("The report recommends cutting the number of quangos."), "DEMAND", "report")
    assert has_event(events_of("The report called for urgent changes to the voting system."), "DEMAND", "report")
    # a named author still speaks for the document; what a report supports is no stance of an actor
    assert has_event(events_of("A letter from Smith called for urgent changes to the system."), "DEMAND", "Smith")
    assert not has_event(events_of("The report supports the theory."), "SUPPORT")
