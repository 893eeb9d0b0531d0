"""The CAMEO -> PLOVER converter (pipeline.nlp.events.cameo) on small dictionaries of its formats, and the
generated trigger table checked against the shared dictionaries it is generated from."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp.events import cameo
from pipeline.nlp.events.lexicon import Trigger
from pipeline.nlp.events.senses import sense_ok
from pipeline.nlp.model import load_model
from pipeline.paths import shared_corpora

CROSSWALK = """# CAMEO to PLOVER conversion table
04: CONSULT
040: CONSULT, ,  # Consult
041: CONSULT, phone,   # Discuss by telephone
09: ACCUSE
090: ACCUSE, investigate,  # Investigate
10: REQUEST
100: REQUEST,  ,  # REQUEST
11: ACCUSE
111: ACCUSE, disapprove,    # Criticize or denounce
13: THREATEN
130: THREATEN,   ,  # Threaten
"""

DICTIONARY = """# test dictionary
####### SYNONYM SETS #######

&WEAPON
+GUN
+ROCKET_LAUNCHER

####### VERB PATTERNS #######

---  WARN   [130]  ---
CAUTION
WARN {WARNS WARNED WARNING}
- * (OF RISK)                                         [012]         # WARN
- * (ABOUT &WEAPON)                                   [090]         # WARNED
- * CRITICISM                                         [:111]        # CAUTION
- GUNMEN * [130]

---  PHONE   [041]  ---
PHONE
+CALL_UP {+CALLED_UP}
- * UP (FOR TALKS)                                    [---]         # PHONE

######## TRANSFORMATIONS ##########
"""


@pytest.fixture()
def dictionaries(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "dict.txt").write_text(DICTIONARY, encoding="utf-8")
    (tmp_path / "cross.txt").write_text(CROSSWALK, encoding="utf-8")
    return tmp_path / "dict.txt", tmp_path / "cross.txt"


def test_crosswalk_names_and_fallbacks(dictionaries):
    walk = cameo.read_crosswalk(dictionaries[1])
    assert walk["090"] == cameo.Plover("INVESTIGATE", "investigate")  # ACCUSE/investigate
    assert walk["111"].type == "DISAPPROVE" and walk["100"].type == "DEMAND"  # ACCUSE, REQUEST renamed
    assert cameo.plover_of("1112", walk).type == "DISAPPROVE"  # parent code
    assert cameo.plover_of("012", walk) is None  # CAMEO 01: no event
    assert cameo.plover_of("023", walk) == cameo.Plover("DEMAND", "appeal")  # CAMEO 02: appeals are demands
    assert cameo.plover_of("999", walk) is None


def test_pattern_parts():
    classes = {"&WEAPON": ["gun", "launcher"]}
    pat = cameo.parse_pattern("- * DOUBT (OVER CLAIM)                  [110]         # CAST", classes)
    assert (pat.objects, pat.preps, pat.pobjs, pat.code, pat.reverse) == (("doubt",), ("over",), ("claim",), "110", False)
    pat = cameo.parse_pattern("- * (ABOUT &WEAPON)    [090]  # WARNED", classes)
    assert pat.pobjs == ("gun", "launcher") and pat.sources == ("warned",)
    pat = cameo.parse_pattern("- * CRITICISM   [:111]  # CAUTION", classes)
    assert pat.reverse and pat.code == "111"
    # words before the verb condition the subject: a word or a class
    assert cameo.parse_pattern("- GUNMEN * [130]", classes).subjects == ("gunmen",)
    pat = cameo.parse_pattern("- &WEAPON * ATTACKS [195]  # STAGE", classes)
    assert pat.subjects == ("gun", "launcher") and pat.objects == ("attacks",)
    assert cameo.parse_pattern("- ABRUPTLY * TALKS [164:164]", classes) is None  # an adverb is no subject
    assert cameo.parse_pattern("- * BITTERLY$ [111]", classes) is None  # nothing a condition can test


def test_convert_rows(dictionaries):
    rows = cameo.convert(*dictionaries)
    warn = [r for r in rows if r.word == "warn"]
    # patterns before the default; a 01 pattern is a no-event sense; the default needs a named target
    assert [r.type for r in warn] == ["-", "INVESTIGATE", "THREATEN", "THREATEN"]
    assert warn[2].flags == ("subj:gunmen", "sport")  # a subject pattern: no 'named' target needed
    assert warn[0].flags[:2] == ("prep:of", "pobj:risk") and warn[-1].cameo == "130" and "named" in warn[-1].flags
    # a pattern found with another verb of the synset ("# CAUTION") is that verb's only
    caution = [r for r in rows if r.word == "caution"]
    assert any("reverse" in r.flags and r.type == "DISAPPROVE" for r in caution)
    assert not any("reverse" in r.flags for r in warn)
    # multi-word verbs keep their particle; a [---] pattern stops the default
    phone = [r for r in rows if r.word == "phone up"]
    assert phone and phone[0].type == "-" and phone[0].flags[:2] == ("prep:for", "pobj:talks")
    assert any(r.word == "call up" and r.type == "CONSULT" and r.mode == "phone" for r in rows)
    assert [r.word for r in rows if r.kind == "WEAPON"] == ["gun", "launcher"]


CORPUS = shared_corpora() / "event-coding"


@pytest.mark.skipif(not (CORPUS / "CAMEO.2.0.txt").exists(), reason="../shared/corpora/event-coding not present")
def test_generated_table_is_current(tmp_path):
    out = tmp_path / "table.tsv"
    assert cameo.main([str(CORPUS), str(out)]) == 0
    assert out.read_text(encoding="utf-8") == cameo.OUTPUT.read_text(encoding="utf-8"), \
        "rules/event_triggers_cameo.tsv is stale: run python -m pipeline.nlp.events.cameo"
    rows = [line.split("\t") for line in cameo.OUTPUT.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    kinds = {r[1] for r in rows}
    assert {"V", "AGENT", "MILITARY", "WEAPON"} <= kinds
    assert all(r[5] != "-" for r in rows if r[1] == "V" and r[2] != "-")  # every event sense keeps its CAMEO code
    assert any(r[0] == "police" and r[1] == "AGENT" for r in rows)


def test_subject_condition_reads_the_subject():
    """A generated sense with a subject condition ("- &MILITARY * ...") holds only with such a subject."""
    nlp = load_model()
    trig = Trigger("advance", "V", "ASSAULT", None, frozenset(), (("subj", frozenset({"troops"})),))
    for text, expected in (("Troops advanced on the town.", True), ("Prices advanced on Monday.", False)):
        verb = next(t for t in nlp(text) if t.lemma_ == "advance")
        assert sense_ok(trig, verb, "V", [], set()) is expected
