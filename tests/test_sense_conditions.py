"""`sense_ok` tries only the conditions a sense names (`senses.CONDITION_KEYS`): a condition skipped for a sense
that names none of its keys must hold for such a sense whatever the token, or skipping it would change events."""
from pipeline.evaluate.events import GOLD, read_gold
from pipeline.nlp.events.lexicon import Trigger, lexicon
from pipeline.nlp.events.senses import CONDITION_KEYS, SENSE_CONDITIONS, SenseSite, _object_words, direct_objects, sense_ok
from pipeline.nlp.model import load_model

TEXT = ("The rebels attacked the army base on Monday, and police said the minister had warned Iran that it would "
        "face sanctions. Troops withdrew from the town; he called for talks with the opposition over the budget.")


def test_a_skipped_condition_holds_for_a_sense_that_names_none_of_its_keys():
    plain = Trigger("attack", "V", "ASSAULT", None, frozenset())
    doc = load_model()(TEXT)
    for tok in doc:
        site = SenseSite(plain, tok, "V" if tok.pos_ == "VERB" else "N", direct_objects(tok, None), set())
        for condition in CONDITION_KEYS:
            assert condition(site), (condition.__name__, tok.text)


def test_the_gated_sense_ok_equals_all_conditions_for_every_sense_on_real_tokens():
    """Every sense of the lexicon on every verb and noun of real sentences (the first gold file's sentences 4, 5 and 10:
    a denial with a complement, a demand with a to-clause, imposed sanctions), in no context and in a sport and
    election one: `sense_ok`, which tries only the conditions a sense names, decides as all of SENSE_CONDITIONS do."""
    assert set(CONDITION_KEYS) <= set(SENSE_CONDITIONS)
    gold = read_gold(GOLD)
    senses = [t for forms in lexicon().senses.values() for t in forms]
    outcomes = set()
    for doc in load_model().pipe([gold[3]["sentence"], gold[4]["sentence"], gold[9]["sentence"]]):
        for tok in (t for t in doc if t.pos_ in ("VERB", "NOUN")):
            kind, objs = "V" if tok.pos_ == "VERB" else "N", direct_objects(tok, None)
            for ctx, trig in ((ctx, trig) for ctx in (set(), {"sport", "election"}) for trig in senses):
                gated = sense_ok(trig, tok, kind, objs, ctx)
                assert gated == all(c(SenseSite(trig, tok, kind, objs, ctx)) for c in SENSE_CONDITIONS), \
                    (trig.word, trig.type, sorted(trig.named), tok.text)
                outcomes.add(gated)
    assert outcomes == {True, False}  # the sentences make some senses fail and others hold


def test_a_sense_meets_the_conditions_it_names():
    doc = load_model()(TEXT)
    verb = next(t for t in doc if t.lemma_ == "withdraw")
    from_sense = Trigger("withdraw", "V", "RETREAT", None, frozenset(), (("obj", frozenset({"from"})),))
    wrong_object = Trigger("withdraw", "V", "RETREAT", None, frozenset(), (("obj", frozenset({"troops"})),))
    assert sense_ok(from_sense, verb, "V", direct_objects(verb, None), set())
    assert not sense_ok(wrong_object, verb, "V", direct_objects(verb, None), set())


def test_object_words_are_read_once_per_doc_and_objects():
    doc = load_model()(TEXT)
    objs = direct_objects(next(t for t in doc if t.lemma_ == "attack"), None)
    words = _object_words(objs)
    assert {"base", "army"} <= words and _object_words(objs) is words and _object_words([]) == frozenset()
