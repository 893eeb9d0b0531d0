"""The indirect step tries a rule only on the parts of speech it can apply to
(`indirect.RULE_PARTS_OF_SPEECH`, read from each rule's code): every rule run on every token of
real and constructed texts must find nothing on a token whose part of speech its declaration
leaves out, and the quotes must be the ones found with every rule tried on every token."""
from __future__ import annotations

import random

import pytest

from pipeline.nlp.entities import extract_entities
from pipeline.nlp.model import load_model
from pipeline.nlp.quotes import extract_quotes, indirect, indirect_step
from tests.conftest import corpus

TEXTS = [
    "According to police, the man fled the scene. In a CNN poll, Clinton led Sanders more than 2-1.",
    "Sanders: Brexit's message could draw Trump support in US.\nTAPPER: Do you think he will win?",
    "The Club for Growth is reportedly spending millions. In his state, Christie said, offenders are sent to prison.",
    "As The Atlantic recently noted, trust in government is collapsing. It is a wall, which he said Mexico "
    "should pay for.",
    "A girl was pepper-sprayed by another bystander, police said. Women will be employed in the ministry, the "
    "minister has been reported as saying.",
    "Twitter is increasingly seen as a source of news. Trump's claim that the election was rigged angered many.",
    "Republicans are concerned that the deal is weak. Trump made it clear that he would not back down.",
    "Clinton is an outspoken supporter of Roe v. Wade. The senator seemed to confirm critiques of the plan, and "
    "it appears that the vote will fail.",
    "GOP Candidates Resoundingly Reject The Idea Of A Tax Rise, According To Aides",
    "He denied the report and called for an inquiry into the criticism of the police by local leaders.",
]


def _texts() -> list[str]:
    try:
        files = sorted(corpus("bbc-news/politics").glob("*.txt"))
    except pytest.skip.Exception:
        return TEXTS
    return TEXTS + [path.read_text(encoding="utf-8", errors="replace") for path in random.Random(26).sample(files, 25)]


def test_no_rule_applies_outside_its_declared_parts_of_speech(monkeypatch):
    strays: list[str] = []

    def checked(rule):
        def run(ctx, tok, reporter):
            found = rule(ctx, tok, reporter)
            taken = indirect.RULE_PARTS_OF_SPEECH.get(rule)
            if found is not None and taken is not None and tok.pos_ not in taken:
                strays.append(f"{rule.__name__} on {tok.text!r} ({tok.pos_})")
            return found
        run.__name__ = rule.__name__
        return run

    every_rule = [checked(rule) for rule in indirect.INDIRECT_CUE_RULES]
    nlp = load_model()
    for text in _texts():
        doc = nlp(text)
        entities, mentions = extract_entities(doc)
        gated = extract_quotes(doc, entities, mentions)
        with monkeypatch.context() as patch:
            patch.setattr(indirect_step, "rules_for", lambda pos: every_rule)
            tried_everywhere = extract_quotes(doc, entities, mentions)
        assert gated == tried_everywhere, text[:80]
    assert not strays


def test_an_undeclared_rule_is_tried_on_every_part_of_speech():
    declared = set(indirect.RULE_PARTS_OF_SPEECH)
    assert declared <= set(indirect.INDIRECT_CUE_RULES)
    for pos in ("DET", "PROPN", "PUNCT", "ADP", "VERB"):
        rules = indirect.rules_for(pos)
        assert [rule for rule in indirect.INDIRECT_CUE_RULES if rule not in declared] == \
            [rule for rule in rules if rule not in declared]
        assert rules == [rule for rule in indirect.INDIRECT_CUE_RULES if rule in rules]  # the list's order
    assert indirect.verb_cue in indirect.rules_for("VERB") and indirect.verb_cue not in indirect.rules_for("NOUN")
