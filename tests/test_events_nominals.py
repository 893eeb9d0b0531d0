"""Issue 11: the nominal-event table generated from the CAMEO verbs and WordNet (`pipeline.nlp.events.nominals`), the
hand overrides on it, and event-actor coreference (`pipeline.nlp.events.coref`) on real spaCy parses."""
from __future__ import annotations

import pytest

from pipeline.nlp import annotate_doc, parse_texts
from pipeline.nlp.events.lexicon import lexicon, NOMINAL_TRIGGERS_PATH
from pipeline.nlp.events.nominals import nominal_rows, TYPES, WORDNET


def _rows() -> dict[str, list[str]]:
    return {line.split("\t")[0]: line.split("\t") for line in NOMINAL_TRIGGERS_PATH.read_text(encoding="utf-8")
            .splitlines() if line and not line.startswith("#")}


def _events(sentence: str) -> list[tuple]:
    doc = next(iter(parse_texts([sentence])))
    return [(e.event_type, e.actor1_text, e.actor2_text) for e in annotate_doc(doc, None).events]


def test_generated_nouns_are_nominalizations_of_cameo_verbs():
    rows = _rows()
    assert rows["assassination"][2:4] == ["ASSAULT", "assassinate"] and rows["assassination"][6] == "wordnet:assassinate"
    assert rows["condemnation"][2] == "DISAPPROVE" and rows["mockery"][2] == "DISAPPROVE"
    assert "critic" not in rows and "death" not in rows and "bomb" not in rows  # a person, an event, an artifact
    assert all(r[1] == "N" and r[2] in TYPES and "named" in r[4].split(",") for r in rows.values())


@pytest.mark.skipif(not (WORDNET / "data.verb").exists(), reason="needs WordNet (Debian wordnet-base) to regenerate")
def test_generated_table_is_what_the_generator_writes():
    assert [r.line().split("\t") for r in nominal_rows()] == list(_rows().values())


def test_hand_rows_override_generated_nouns():
    lex = lexicon()
    assert ("N", "claim") not in lex.senses  # NOUN_DROP: a statement, not criticism
    assert ("N", "mockery") in lex.senses and "generated" in lex.senses[("N", "mockery")][0].flags
    assert "generated" not in lex.senses[("N", "support")][0].flags  # the hand row decides


def test_nominal_event_takes_possessor_and_of_phrase():
    assert ("DISAPPROVE", "Thiel", "Trump") in _events("Thiel's mockery of Trump was noted.")


def test_pronoun_of_a_coordinated_clause_is_the_first_subject():
    assert ("ASSAULT", "Hamas", "Egypt") in _events("Hamas did not attack Israel in May, but it attacked Egypt in June.")


def test_agent_noun_antecedent_and_confession_as_light_verb():
    got = _events("The pirates were caught after the commandos boarded the ship, and they later confessed to the "
                  "murder of a Brooklyn mother.")
    assert ("ASSAULT", "The pirates", "a Brooklyn mother") in got


def test_pronoun_owned_agent_is_the_owner():
    assert _events("Russia said its troops had attacked Ukrainian positions.")[0][1] == "Russia's troops"


def test_answered_accusation_targets_the_subject():
    assert _events("John Smith was determined to counter that accusation.") == [("DISAPPROVE", None, "John Smith")]
