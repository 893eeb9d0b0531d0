"""Rules of issue 11's session 25 (events25b: the decided FIGHT/ASSAULT line, precision on fresh text), on made-up
sentences with the real model."""
from __future__ import annotations

from pipeline.nlp import annotate_doc
from tests.events_helpers import _nlp, events_of as _events, has_event as _has


def _codes(text: str) -> set[tuple[str, str]]:
    """(PLOVER type, CAMEO code) of every event of one sentence."""
    return {(e.event_type, e.cameo_code or "") for e in annotate_doc(_nlp()(text), None).events}


def test_military_means_are_fight_whoever_uses_them():
    # CAMEO 194/195/192: shelling, air strikes and invasions are conventional military force, with or without a doer
    assert _has(_events("Sudanese rebels shelled the town of Juba on Sunday."), "FIGHT", "rebels", "Juba")
    assert _has(_events("A refugee camp was the target of an air strike on Thursday."), "FIGHT")
    got = _events("Iraq invaded Kuwait in 1990.")
    assert _has(got, "FIGHT", "Iraq", "Kuwait") and not _has(got, "ASSAULT")


def test_an_organized_armed_force_fights_whoever_its_target_is():
    assert _has(_events("Security forces in Guinea killed 12 refugees."), "FIGHT", "forces", "refugees")
    assert _has(_events("Government troops killed 30 rebels in the north."), "FIGHT", "troops", "rebels")


def test_irregular_forces_fight_only_in_armed_combat():
    # rebels against soldiers or an army convoy: combat (FIGHT); against a chief or a camp: CAMEO 18 (ASSAULT)
    assert _has(_events("Rebels killed twelve soldiers in an ambush near the border."), "FIGHT", "Rebels", "soldiers")
    assert _has(_events("Insurgents attacked an army convoy near Kandahar."), "FIGHT", "Insurgents", "convoy")
    got = _events("Rebels killed a village chief on Sunday.")
    assert _has(got, "ASSAULT", "Rebels", "chief") and not _has(got, "FIGHT")


def test_cameo_18_deeds_stay_assault_and_codes_agree_with_types():
    # beating and torture are CAMEO 18 even by soldiers; a gunman's shooting is ASSAULT with CAMEO 180, not 190
    got = _events("Israeli soldiers beat up Palestinian detainees in the prison.")
    assert _has(got, "ASSAULT", "soldiers", "detainees") and not _has(got, "FIGHT")
    assert ("ASSAULT", "180") in _codes("A gunman shot two people outside a bar on Friday.")
    for text in ("Government troops killed 30 rebels in the north.", "A gunman shot two people outside a bar."):
        for etype, code in _codes(text):
            assert etype != "FIGHT" or code.startswith("19")
            assert etype != "ASSAULT" or not code.startswith("19")


def test_a_fight_with_no_armed_side_is_no_event():
    # a contest, a campaign or a figure of speech: no weapon, armed actor or casualty, no state or people as a side
    assert not _has(_events("Trump is virtually guaranteed to lose delegate battles."), "FIGHT")
    assert not _has(_events("Congress will allocate funds to fight Zika before the recess."), "FIGHT")
    # states and peoples, or armed actors, keep their fight
    assert _has(_events("The conflict between Armenia and Azerbaijan has lasted for decades."), "FIGHT")
    assert _has(_events("Police fought with gunmen outside the bank on Friday."), "FIGHT")


def test_support_for_anyone_is_no_event():
    got = _events("Superdelegates are party leaders who can support any candidate at the convention.")
    assert not _has(got, "SUPPORT")
    # an appeal to anyone with information is addressed to the public: still a DEMAND
    assert _has(_events("Anyone with information is asked to call police."), "DEMAND")
    # 'any' under a negation is no free choice: the denied agreement stays
    assert _has(_events("Syria says it will not accept any more refugees if war starts in Iraq."), "REJECT", "Syria")
