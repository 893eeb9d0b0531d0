"""Events on the seeds (real pipeline), extractor cases, and cross-document identity."""
from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from pipeline.cli_run import run_pipeline
from pipeline.evaluate.events import GSR, evaluate, evaluate_gsr
from pipeline.nlp import annotate_doc, load_model
from tests.conftest import rows

EVENTS = """SELECT DISTINCT e.event_type, e.mode, a1.canonical_name, a2.canonical_name, e.event_date
            FROM event_mentions e JOIN actors a1 ON a1.actor_id = e.actor1_id
            LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id
            JOIN versions v USING (version_id) WHERE v.source_file LIKE ?"""


def _has(found, etype, a, b, mode=None, day=None):
    return any(t == etype and (mode is None or m == mode) and {x, y} == {a, b} and (day is None or str(d) == day)
               for t, m, x, y, d in found)


def test_seed_geneva_meetings(seed_db):
    found = rows(seed_db, EVENTS, "000_%")
    assert _has(found, "CONSULT", "John Kerry", "Staffan de Mistura", "meet")
    assert _has(found, "CONSULT", "John Kerry", "Mohammad Javad Zarif", "meet")


def test_seed_moscow_meetings_dated(seed_db):
    found = rows(seed_db, EVENTS, "002_%")
    assert _has(found, "CONSULT", "John Kerry", "Sergey V. Lavrov", "meet", "2015-12-15")
    assert _has(found, "CONSULT", "John Kerry", "Vladimir V. Putin", "meet", "2015-12-15")
    # "Russia began airstrikes in Syria": air strikes are CAMEO 195, FIGHT on the decided line (session 25)
    assert _has(found, "FIGHT", "Russia", None, None, "2015-09-01") or any(
        t == "FIGHT" and x == "Russia" for t, _, x, _, _ in found)


def test_seed_phone_call(seed_db):
    found = rows(seed_db, EVENTS, "004_%")
    assert _has(found, "CONSULT", "John Kerry", "Sergey V. Lavrov", "phone", "2013-09-05")


def test_events_one_row_per_event_with_mentions(seed_db):
    assert rows(seed_db, "SELECT count(*) FROM event_mentions WHERE event_id NOT IN (SELECT event_id FROM events)")[0][0] == 0
    assert rows(seed_db, "SELECT count(*) FROM events")[0][0] <= rows(seed_db, "SELECT count(*) FROM event_mentions")[0][0]
    assert rows(seed_db, "SELECT count(*) FROM events_timeline WHERE mention_count < 1")[0][0] == 0


def test_extractor_cases():
    nlp = load_model()

    def ev(text, pub="2015-12-16"):
        return [(e.event_type, e.mode, e.status, e.actor1_text, e.actor2_text, e.event_date)
                for e in annotate_doc(nlp(text), pub).events]

    got = ev("Russia, which has backed the Syrian government, is planning to convene talks among the warring "
             "Syrian factions on Jan. 26.")
    assert any(t == "CONSULT" and s == "planned" and a1 == "Russia" and d == "2016-01-26" for t, _, s, a1, _, d in got)
    got = ev("Kerry and Lavrov met in Geneva on Tuesday.")
    assert any(t == "CONSULT" and {a1, a2} == {"Kerry", "Lavrov"} and d == "2015-12-15" for t, _, _, a1, a2, d in got)
    got = ev("Officials said Russia attacked Ukraine last year.")
    assert any(t == "ASSAULT" and a1 == "Russia" and a2 == "Ukraine" and d == "2014-01-01" for t, _, _, a1, a2, d in got)
    got = ev("Obama did not meet Putin.")
    assert any(t == "CONSULT" and s == "denied" for t, _, s, _, _, _ in got)
    assert ev("The weather was expected to be uncomfortable rather than dangerous.") == []


def test_event_dates_follow_the_narrative_reference_time():
    """"The following day" is the day after the date the text established (Tuesday,
    2015-12-15), not after the publication date (2015-12-16)."""
    doc = load_model()("Secretary of State John Kerry met Russian Foreign Minister Sergey Lavrov in Moscow on "
                       "Tuesday. The following day, Mr. Kerry phoned Iran's foreign minister, Mohammad Javad Zarif.")
    got = {(e.mode, e.event_date, e.date_granularity) for e in annotate_doc(doc, "2015-12-16").events}
    assert ("meet", "2015-12-15", "day") in got and ("phone", "2015-12-16", "day") in got


def test_same_event_from_two_articles_is_one_event(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    body = "Secretary of State John Kerry met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday."
    (inbox / "a.json").write_text('{"url": "https://example.com/a", "title": "Kerry in Moscow", '
                                  '"published_at": "2015-12-16", "text": "%s It was their second meeting."}' % body)
    (inbox / "b.json").write_text('{"url": "https://example.org/b", "title": "Talks in Moscow", '
                                  '"published_at": "2015-12-16", "text": "Talks went on. %s"}' % body)
    db = tmp_path / "w.duckdb"
    run_pipeline(str(inbox), str(db), instance=dg.DagsterInstance.ephemeral())
    with duckdb.connect(str(db), read_only=True) as con:
        got = con.sql("""SELECT m.event_id, count(DISTINCT m.article_id) FROM event_mentions m
                         WHERE m.event_type = 'CONSULT' AND m.event_date = DATE '2015-12-15' GROUP BY 1""").fetchall()
        assert len(got) == 1 and got[0][1] == 2
        assert con.sql(f"SELECT count(*) FROM events WHERE event_id = '{got[0][0]}'").fetchall()[0][0] == 1


# ---------------------------------------------------------------- mechanisms (sentences not in the gold file)

_NLP = None


def _ev(text, pub=None):
    global _NLP
    _NLP = _NLP or load_model()
    return [(e.event_type, e.mode, e.status, e.actor1_text, e.actor2_text) for e in annotate_doc(_NLP(text), pub).events]


def test_sport_guard():
    assert not any(t == "CONSULT" for t, *_ in _ev("The top-seeded Spaniard will meet Roger Federer in the semifinal on Sunday."))
    assert not any(t == "ASSAULT" for t, *_ in _ev("Australia's bowlers led the attack against England before the wicket fell."))
    # the same verb outside sport is an event
    assert any(t == "CONSULT" for t, *_ in _ev("Angela Merkel will meet Nicolas Sarkozy in Paris on Sunday."))


def test_sense_constraints():
    got = _ev("The government withdrew its support for the coalition led by Silvio Berlusconi.")
    assert not any(t == "RETREAT" for t, *_ in got) and any(t == "REJECT" for t, *_ in got)
    assert any(t == "RETREAT" for t, *_ in _ev("Israel withdrew its troops from southern Lebanon in May."))
    assert not any(t == "AGREE" for t, *_ in _ev("Michael Owen signed a four-year contract with Newcastle."))
    assert any(t == "AGREE" for t, *_ in _ev("Egypt and Israel signed a peace treaty in Washington."))
    got = _ev("Obama attacked Romney as out of touch with ordinary voters.")
    assert any(t == "DISAPPROVE" and a1 == "Obama" for t, _, _, a1, _ in got) and not any(t == "ASSAULT" for t, *_ in got)
    assert not any(t == "RETREAT" for t, *_ in _ev("Microsoft released a new version of Windows on Tuesday."))
    # PLOVER manual: the actual release of prisoners is RETREAT (a pardon or amnesty is CONCEDE)
    assert any(t == "RETREAT" for t, *_ in _ev("Hamas released two hostages on Friday."))


def test_meeting_between_x_and_y():
    got = _ev("The talks were the first meeting between Indian and Pakistani officials in three years.")
    assert any(t == "CONSULT" and {a1, a2} == {"Indian officials", "Pakistani officials"} for t, _, _, a1, a2 in got)
    got = _ev("Hu Jintao held talks with Vladimir Putin in Beijing.")
    assert any(t == "CONSULT" and {a1, a2} == {"Hu Jintao", "Vladimir Putin"} for t, _, _, a1, a2 in got)


def test_passive_and_nominal_assault():
    got = _ev("Twelve villagers were killed in a rebel attack near Gulu on Monday.")
    assert [(t, a1) for t, _, _, a1, _ in got if t == "ASSAULT"] == [("ASSAULT", "rebel")]
    got = _ev("A journalist was shot dead outside his office in Lagos.")
    assert any(t == "ASSAULT" and a1 is None and "journalist" in a2 for t, _, _, a1, a2 in got)
    got = _ev("The opposition leader was arrested at his home in Harare.")
    assert any(t == "COERCE" and a1 is None and "leader" in a2 for t, _, _, a1, a2 in got)
    # accidents are no assault
    assert _ev("Five people were killed when a truck collided with a bus near Nairobi.") == []


def test_common_noun_actors():
    got = _ev("Police arrested three protesters outside parliament.")
    assert any(t == "COERCE" and a1 == "Police" for t, _, _, a1, _ in got)
    got = _ev("The president urged lawmakers to approve the budget.")
    assert any(t == "DEMAND" and a1 == "The president" and a2 == "lawmakers" for t, _, _, a1, a2 in got)
    got = _ev("Iraq appealed to the Arab League to end the embargo.")
    assert any(t == "DEMAND" and a1 == "Iraq" and "Arab League" in (a2 or "") for t, _, _, a1, a2 in got)


def test_gold_precision():
    P, R, _ = evaluate()["overall"]
    assert P >= 0.85 and R >= 0.80  # issue 11 acceptance (make eval-events prints the figures)


def test_pronoun_sources():
    # a pronoun source with a named target is an event; alone in its text it keeps the pronoun, no entity
    got = _ev("She sharply criticised the Treasury for the delay.")
    assert any(t == "DISAPPROVE" and a1 == "She" and "Treasury" in (a2 or "") for t, _, _, a1, a2 in got)
    # resolved to the nearest previous compatible subject of the document
    doc = _NLP("Angela Merkel arrived in Rome on Monday. She later met Matteo Renzi at the palace.")
    evs = [e for e in annotate_doc(doc, None).events if e.event_type == "CONSULT"]
    assert any(e.actor1_text == "Angela Merkel" and e.actor1_key and "Renzi" in (e.actor2_text or "") for e in evs)
    # two parties told by pronouns only: an event between parties the article names elsewhere (the labelling guide
    # writes it with empty actors: "I support him" in held-out 13), keyed to no entity
    evs = [e for e in annotate_doc(_NLP("He will meet them next week."), None).events if e.event_type == "CONSULT"]
    assert evs and all(e.actor1_key is None and e.actor2_key is None for e in evs)
    # one party alone: nothing
    assert not any(t == "CONSULT" for t, *_ in _ev("He will meet next week."))


def test_passive_without_agent():
    got = _ev("The bishop was sharply criticised for his silence on the scandal.")
    assert any(t == "DISAPPROVE" and a1 is None and "bishop" in (a2 or "") for t, _, _, a1, a2 in got)
    # not for symmetric types: "was called back" is no phone call
    assert not any(t == "CONSULT" for t, *_ in _ev("The goalkeeper was called back into the squad."))


def test_nominal_triggers():
    got = _ev("Merkel's criticism of Erdogan angered Ankara.")
    assert any(t == "DISAPPROVE" and a1 == "Merkel" and a2 == "Erdogan" for t, _, _, a1, a2 in got)
    got = _ev("An investigation by the Serious Fraud Office is under way.")
    assert any(t == "INVESTIGATE" and "Serious Fraud Office" in (a1 or "") for t, _, _, a1, _ in got)
    got = _ev("The arrest of five activists drew crowds to the courthouse.")
    assert any(t == "COERCE" and a1 is None and "activists" in (a2 or "") for t, _, _, a1, a2 in got)
    # the possessor undergoes an arrest or a release
    got = _ev("Ali Hassan's release from prison was delayed again.")
    assert any(t == "RETREAT" and a2 == "Ali Hassan" for t, _, _, _, a2 in got)
    # a product is not released like a prisoner
    assert not any(t == "RETREAT" for t, *_ in _ev("The new phone, which was released in March, sold well."))


def test_idioms_talks_and_protest_purpose():
    got = _ev("Siemens is in talks with Alstom about a merger.")
    assert any(t == "CONSULT" and {a1, a2} == {"Siemens", "Alstom"} for t, _, _, a1, a2 in got)
    got = _ev("The senator took on the protesters at the town hall.")
    assert any(t == "DISAPPROVE" and "protesters" in (a2 or "") for t, _, _, _, a2 in got)
    got = _ev("Nurses held a walkout to protest the hospital closures.")
    assert [t for t, *_ in got].count("PROTEST") == 1 and any(a1 == "Nurses" for t, _, _, a1, _ in got)


def test_headline_case():
    got = _ev("Sarkozy Meets Merkel In Berlin")
    assert any(t == "CONSULT" and {a1, a2} == {"Sarkozy", "Merkel"} for t, _, _, a1, a2 in got)


def test_headline_events_keep_the_version_text():
    """A headline is parsed again re-cased; its events must still quote the version text
    (blocking checks compare sentence and trigger with the text at their spans)."""
    text = "Obama Meets Putin In Moscow For Talks On Syria\n\nThe two leaders met on Tuesday."
    events = annotate_doc(load_model()(text), "2015-12-16").events
    assert any(e.trigger_start is not None and e.trigger_start < 46 for e in events)  # the headline's event
    for e in events:
        assert text[e.start_char:e.end_char] == e.sentence
        assert text[e.trigger_start:e.trigger_end] == e.trigger


# ---------------------------------------------------------------- generalization pass (own sentences)


def _pairs(got, etype):
    return {(a1, a2) for t, _, _, a1, a2 in got if t == etype}


def test_subject_of_the_triggers_own_clause():
    # the parser hangs "the bishop" on "after" inside the first clause's object: he backs, not Mr Brown
    got = _ev("The spokesman repeated Mr Brown's position after the senior bishop in Scotland backed Nick Clegg's plan.")
    assert not any(a1 and "Brown" in a1 for a1, _ in _pairs(got, "SUPPORT"))
    # an expletive "it was ..." is not the subject of a verb conjoined to it
    got = _ev("She said that it was ten years since the treaty and urged lawmakers to pass the bill.")
    assert not any(a1 == "it" for a1, _ in _pairs(got, "DEMAND"))
    # a present participle acts for the noun it modifies
    got = _ev("A union representing nurses, the Royal College of Nursing, endorsed Gordon Brown's budget plan.")
    assert any(a2 and "Gordon Brown" in a2 for _, a2 in _pairs(got, "SUPPORT"))
    got = _ev("A pressure group supporting Nicola Sturgeon held a rally in Glasgow.")
    assert any(a2 == "Nicola Sturgeon" for _, a2 in _pairs(got, "SUPPORT"))


def test_non_actor_nouns():
    got = _ev("Jones, who was on probation for a previous DWI arrest, was stopped again on Friday.")
    assert not any(a1 == "DWI" for a1, _ in _pairs(got, "COERCE"))
    got = _ev("Microsoft urged customers to deploy this security patch quickly.")
    assert not any(t == "MOBILIZE" for t, *_ in got)
    assert any(t == "MOBILIZE" for t, *_ in _ev("Russia deployed 5,000 troops to the border with Ukraine."))


def test_aid_support_reject_consult_patterns():
    got = _ev("Ford and Nissan were given loans worth $2 billion from the government.")
    assert ("the government", "Ford") in _pairs(got, "AID")
    got = _ev("Two police officers gave Mr Smith first aid outside the station.")
    assert any(a2 and "Smith" in a2 for _, a2 in _pairs(got, "AID"))
    got = _ev("The mayor has won strong support among Latinos and Asian Americans.")
    assert any(a1 == "Latinos" and a2 and "mayor" in a2 for a1, a2 in _pairs(got, "SUPPORT"))
    got = _ev("The Supreme Court overturned an appeals court ruling and sided with the state of Texas.")
    assert any(t == "REJECT" for t, *_ in got) and any(a2 and "Texas" in a2 for _, a2 in _pairs(got, "SUPPORT"))
    assert not any(t == "REJECT" for t, *_ in _ev("The Green candidate overturned a large Labour majority in Brighton."))
    got = _ev("Each spring the board sits down with investors and answers their questions.")
    assert ("board", "investors") in _pairs(got, "CONSULT") or ("the board", "investors") in _pairs(got, "CONSULT")


def test_sense_by_complement():
    got = _ev("Sir John Major warned Tony Blair not to call an early election.")
    assert any(t == "DEMAND" for t, *_ in got) and not any(t == "THREATEN" for t, *_ in got)
    got = _ev("Ann Widdecombe clashed with her party leaders over immigration policy.")
    assert any(t == "DISAPPROVE" for t, *_ in got) and not any(t == "FIGHT" for t, *_ in got)
    got = _ev("Nigel Farage attacked bankers, economists and journalists for backing the euro.")
    assert any(t == "DISAPPROVE" for t, *_ in got) and not any(t == "ASSAULT" for t, *_ in got)
    got = _ev("The Liberal Democrats called for Tony Blair to resign.")
    assert any(a2 == "Tony Blair" for _, a2 in _pairs(got, "DEMAND"))


# ---------------------------------------------------------------- recall pass: passives, nominals, guards (own sentences)


def test_accused_of_verb_takes_the_accused_as_subject():
    # "charged with murdering X": the charged person did it
    got = _ev("Police said the three teenagers charged with murdering Peter Walsh would appear in court.")
    assert any(a1 and "teenagers" in a1 and a2 == "Peter Walsh" for a1, a2 in _pairs(got, "ASSAULT"))
    # "accused of killing X": the content of an accusation is no event of its own (labelling decision g of
    # gold/events_dev11.tsv, session 16; the gold files label 8 such contents as no event, 1 as one)
    got = _ev("The two men were accused of killing a policeman in Leeds.")
    assert not _pairs(got, "ASSAULT")
    # the charge is no target: "charged with fraud"
    got = _ev("John Smith was charged with fraud, with Mary Jones named as a witness.")
    assert all(a2 is None or "Mary" not in a2 for _, a2 in _pairs(got, "COERCE"))


def test_agentless_passive_capture_and_object_relative():
    got = _ev("Mr. Kowalski was captured in Warsaw two days later.")
    assert any(a1 is None and a2 and "Kowalski" in a2 for a1, a2 in _pairs(got, "COERCE"))
    got = _ev("Police found the woman the gunmen took hostage in Lagos.")
    assert any(a1 and "gunmen" in a1 and a2 and "woman" in a2 for a1, a2 in _pairs(got, "ASSAULT"))


def test_noun_phrase_source_and_symmetric_passive_light_verb():
    got = _ev("Delegates declaring support for Hillary Clinton filled the hall.")
    assert any(a1 and "Delegates" in a1 and a2 and "Clinton" in a2 for a1, a2 in _pairs(got, "SUPPORT"))
    got = _ev("Ms Lagarde has been locked in talks with Greek officials all week.")
    assert any("Lagarde" in (a1 or "") + (a2 or "") for a1, a2 in _pairs(got, "CONSULT"))
    got = _ev("The senator aired her doubts during a conference call with party donors.")
    assert _pairs(got, "CONSULT")


def test_block_reform_and_refuse_to_say():
    got = _ev("The finance minister tried to block the pension reform.")
    assert any(a1 and "minister" in a1 for a1, _ in _pairs(got, "REJECT"))
    assert not _pairs(_ev("The finance minister blocked the road with his car."), "REJECT")
    assert not _pairs(_ev("Mr Hague refused to say whether Mr Davis would stay."), "REJECT")


def test_guards_meet_targets_dates_and_places():
    # meeting targets is no meeting, also when the object is shared with a conjoined verb
    assert not _pairs(_ev("Ms Chen predicted that Acme would meet or beat all of its sales targets."), "CONSULT")
    assert not _pairs(_ev("Ms Chen said Acme would meet its sales targets."), "CONSULT")
    # a date is no target
    got = _ev("On Friday, the Greens also called for an inquiry.")
    assert all(a2 is None or "Friday" not in a2 for _, a2 in _pairs(got, "DEMAND"))
    # "on a street" of a passive is the place, not the victim
    got = _ev("A teenager was killed by soldiers on a crowded street.")
    assert all(a2 is None or "street" not in a2 for _, a2 in _pairs(got, "ASSAULT"))
    # condolences offered for an attack do not make the speaker its author
    got = _ev("President Hollande offered his condolences for the attack in which a gunman killed two soldiers.")
    assert all(a1 is None or "Hollande" not in a1 for a1, _ in _pairs(got, "ASSAULT"))


COVERAGE_CASES = [  # coverage pass: one sentence (written for the test) per new verb/noun class
    ("Airbus inked a deal with the Royal Saudi Air Force on Tuesday.", "AGREE"),
    ("Israel signed a truce with Hamas after talks with Egypt.", "AGREE"),
    ("Germany struck a deal with France over the budget.", "AGREE"),
    ("Angela Merkel conferred with Emmanuel Macron in Berlin.", "CONSULT"),
    ("Boris Johnson traveled to Moscow on Monday.", "CONSULT"),
    ("Barack Obama praised Angela Merkel and hailed Germany for its leadership.", "SUPPORT"),
    ("Microsoft teamed up with Google to fight spam.", "COOPERATE"),
    ("The European Union rescued Greece with a huge loan.", "AID"),
    ("Toyota apologized to its customers in Japan.", "CONCEDE"),  # PLOVER manual: regret is CONCEDE (crosswalk: 055)
    ("Moscow pulled back its troops from the border.", "RETREAT"),
    ("The FBI looked into Hillary Clinton's email server.", "INVESTIGATE"),
    ("Angela Merkel pressed Greece to accept the reforms.", "DEMAND"),
    ("Apple sued Samsung over patents.", "DISAPPROVE"),
    ("Iran turned down the offer from Washington.", "REJECT"),
    ("France recalled its ambassador from Syria.", "SANCTION"),
    ("A federal grand jury indicted Paul Manafort on Friday.", "COERCE"),
    ("Gunmen opened fire on police in Peshawar.", "ASSAULT"),
    ("John Smith defrauded Barclays Bank of millions.", "CRIME"),
]


def test_coverage_classes():
    for text, etype in COVERAGE_CASES:
        assert any(t == etype for t, *_ in _ev(text)), (text, etype, _ev(text))


def test_coverage_guards():
    # sense guards on the new rows: an object outside the class, or a sport context, gives no event
    assert not any(t == "MOBILIZE" for t, *_ in _ev("The company sent letters to its customers in Ohio."))
    assert not any(t == "SANCTION" for t, *_ in _ev("Ford will suspend production at its Michigan plant."))
    assert not any(t == "REJECT" for t, *_ in _ev("The judge dismissed the jury in London on Friday."))
    assert not any(t == "SUPPORT" for t, *_ in _ev("Chelsea defended well against Arsenal in the Premier League match."))
    assert not any(t == "AGREE" for t, *_ in _ev("Germany struck France hard in the semifinal."))
    assert any(t == "MOBILIZE" for t, *_ in _ev("Russia sent troops to Crimea in March."))


def test_seed_events_keep_their_cameo_code(seed_db):
    got = rows(seed_db, "SELECT count(*), count(cameo_code) FROM events")[0]
    assert got[0] > 0 and got[0] == got[1]
    got = rows(seed_db, "SELECT count(*), count(cameo_code) FROM event_mentions")[0]
    assert got[0] == got[1]


def _types(text):
    return {(t, a1, a2) for t, _, _, a1, a2 in _ev(text)}


def test_generated_cameo_senses():
    # verbs only the CAMEO dictionary knows, with their PLOVER type from the crosswalk
    assert any(t == "DISAPPROVE" and a1 == "The senator" for t, a1, _ in _types("The senator denounced the governor."))
    assert any(t == "COERCE" for t, *_ in _types("The authorities imposed a curfew on the northern city."))
    # a generated verb with a thing as object and no actor is no event ("offered hope", "took measures")
    assert not any(t == "AGREE" for t, *_ in _types("The new budget offered little hope to the region."))
    assert not any(t == "REJECT" for t, *_ in _types("The company spokesman declined to comment on the report."))


def test_refinements_threats_intents_demands():
    got = _types("Syria says it is willing to withdraw its troops from Lebanon.")
    assert any(t == "AGREE" and a1 == "Syria" for t, a1, _ in got)
    got = _types("The union leaders said they would boycott all talks with the ministry.")
    assert any(t == "THREATEN" for t, *_ in got)
    got = _types("The prime minister threatened to ban the opposition newspaper.")
    assert any(t == "THREATEN" and "prime minister" in (a1 or "") for t, a1, _ in got)
    got = _types("The foreign minister said the rebels must lay down their arms.")
    assert any(t == "DEMAND" and "rebels" in (a2 or "") for t, _, a2 in got)
    # the act an appeal asks for has not happened
    got = _types("Iran appealed to the Security Council to lift the sanctions.")
    assert any(t == "DEMAND" for t, *_ in got) and not any(t == "CONCEDE" for t, *_ in got)


def test_refinements_verbal_attack_and_military_fight():
    got = _types("Senator Smith attacked Governor Jones in a television ad on Monday.")
    assert any(t == "DISAPPROVE" for t, *_ in got) and not any(t == "ASSAULT" for t, *_ in got)
    got = _types("Gunmen attacked a police station in Kandahar with rifles, killing two officers.")
    assert any(t == "ASSAULT" for t, *_ in got)
    got = _types("British aircraft killed four fighters near Basra on Sunday.")
    assert any(t == "FIGHT" and "aircraft" in (a1 or "") for t, a1, _ in got)
    got = _types("Security forces tortured dozens of detainees in the prison.")
    assert any(t == "ASSAULT" for t, *_ in got) and not any(t == "FIGHT" for t, *_ in got)


def test_generic_agents_quantities_and_documents():
    got = _types("Hundreds of protesters blocked the main roads into the capital.")
    assert any(t == "PROTEST" and "protesters" in (a1 or "") for t, a1, _ in got)
    got = _types("A letter attributed to the rebel commander accused the army of torture.")
    assert any(t == "DISAPPROVE" and "commander" in (a1 or "") for t, a1, _ in got)
    got = _types("Norway expelled two Russian diplomats for spying.")
    assert any(t == "SANCTION" and a1 == "Norway" for t, a1, _ in got)


def test_plover_gsr_recall_floor():
    if not GSR.exists():
        pytest.skip("../shared/corpora/event-coding/plover-gsr-dev.jsonl not present")
    r = evaluate_gsr(GSR)
    total = sum(r["n"].values())
    # issue 11 acceptance (make eval-events prints the figures)
    assert sum(r["typed"].values()) / total >= 0.85 and sum(r["sourced"].values()) / total >= 0.75
