"""Sense conditions of trigger rows (object, preposition, complement, context) and the targets a
trigger's dependents name."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from pipeline.nlp.docindex import doc_index, per_token
from pipeline.nlp.events.actors import expand_conj
from pipeline.nlp.events.lexicon import Lexicon, Trigger, lexicon
from pipeline.nlp.events.subjects import subject_of


TARGET_PREPS = {"with": None, "between": None, "among": None, "by": None,
                "to": {"CONSULT", "AID", "SUPPORT", "CONCEDE", "DEMAND", "REJECT"},
                "against": {"ASSAULT", "FIGHT", "PROTEST", "SANCTION", "THREATEN", "DISAPPROVE", "COERCE", "CRIME",
                            "REJECT"},
                "on": {"ASSAULT", "SANCTION", "DEMAND", "THREATEN"},  # "drew a gun on him"
                "at": {"THREATEN"},  # "pointed a revolver at them"
                "for": {"DEMAND", "SUPPORT"},
                "into": {"INVESTIGATE", "COERCE"},  # "looked into X", "an inquiry into X", "hack into X"
                "behind": {"SUPPORT"}, "around": {"SUPPORT"},  # "rallied behind X", "threw his support behind X"
                "toward": {"DISAPPROVE", "SUPPORT", "THREATEN"},  # "his rhetoric toward Muslims"
                "towards": {"DISAPPROVE", "SUPPORT", "THREATEN"},
                "from": {"DISAPPROVE"}}  # a verb's "came under fire from X" (reverse: X did it); never a noun's
# "criticism from X": a noun's "from" phrase is its source (noun_roles), not its target; a verb's only for a reverse
# sense or one whose condition names it ("distanced himself from X"): "criticised the plan from prison" names no target
VERB_ONLY_PREPS = {"from"}
# "the opposition to Trump", "a challenge to his leadership": a stance noun's "to" phrase is what it is aimed at; a
# verb's is its addressee ("complained to the council", "objected to the plan": no target of the criticism)
NOUN_TARGET_PREPS = {"to": {"DISAPPROVE"}}


ADJECTIVE_PREPS = {"of", "about", "with", "over", "at"}  # the target of an adjective trigger


def second_object(tok, obj) -> bool:
    """A verb's second direct object is the parser's reading of a list that continues a deeper object ("accused the
    government of persecuting its opponents, their sympathisers and their families": 'sympathisers' hangs on
    'accused'), not a party to the verb's event."""
    return obj.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < obj.i for c in tok.children)


@per_token(copy=list, key=lambda lex, kind, etype=None, word=None, from_ok=False: (id(lex), kind, etype, word, from_ok))
def targets_of(tok, lex: Lexicon, kind: str, etype: str | None = None, word: str | None = None, from_ok: bool = False):
    """Target heads of a trigger: objects and the objects of with/between (any type),
    to/against/on (types where they name a target: "visit to", "attack on"). Never a date or time
    ("called for a delay on Monday"), nor the object noun of a two-word verb entry (`word`: "took
    hostage"). A relative clause with its own subject and no object has the noun it modifies as
    object ("a woman he took hostage", "the man police arrested")."""
    out = []
    rest = word.split()[1:] if word and " " in word else []
    for c in tok.children:
        if kind == "V" and c.dep_ in ("dobj", "dative") and c.pos_ != "ADP":
            if c.lower_ in rest or c.ent_type_ in ("DATE", "TIME") or second_object(tok, c):
                continue
            if etype == "THREATEN" and c.lemma_.lower() in lex.words("WEAPON"):
                continue  # "drew a gun on him": the weapon is the means, the one threatened is "on/at" X
            out.append(c)
        elif c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS and (
                TARGET_PREPS[c.lower_] is None or etype is None or etype in TARGET_PREPS[c.lower_] or
                kind == "N" and etype in NOUN_TARGET_PREPS.get(c.lower_, ())) and (
                c.lower_ not in VERB_ONLY_PREPS or kind == "V" and from_ok):
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                    out.append((c.lower_, p))
    if tok.pos_ == "ADJ" or kind == "V" and tok.pos_ == "NOUN":  # "critical of X", "a fierce supporter of X"
        preps = ADJECTIVE_PREPS if tok.pos_ == "ADJ" else {"of"}
        out += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
    if kind == "V" and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and \
            not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in rest for c in tok.children) and \
            any(c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in tok.children):
        out.append(tok.head)
    return out


def sentence_context(sent, lex: Lexicon) -> set[str]:
    """Domain context of a sentence from the context words: 'sport' (one strong word such as
    'wicket', 'NBA', 'seeded', or two weaker ones such as 'match' and 'round'), 'accident' and 'election'."""
    return context_of_words({t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}, lex)


# the context lists (rules/event_context.tsv) one word of which gives a sentence the context named here
ONE_WORD_CONTEXTS = {"ACCIDENT": "accident", "ELECTION": "election"}


def context_of_words(words: set[str], lex: Lexicon) -> set[str]:
    """`sentence_context` of a sentence's lower-case forms and lemmas."""
    ctx = lex.context or {}
    out = {name for kind, name in ONE_WORD_CONTEXTS.items() if words & ctx.get(kind, frozenset())}
    if words & ctx.get("SPORT", frozenset()) or len(words & ctx.get("SPORT2", frozenset())) >= 2:
        out.add("sport")
    return out


@per_token(copy=list, key=lambda passive_subj: tuple(t.i for t in passive_subj or ()))  # once per trigger
def direct_objects(tok, passive_subj):
    """The objects a sense condition looks at; a quantity stands for what it counts ("two of its nationals",
    "700 kg of medicine")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")] or list(passive_subj or []) or [
        p for c in tok.children if c.dep_ == "prt" for p in c.children if p.dep_ == "pobj"]  # "shrugged off criticism":
    # the parser hangs the object of a phrasal verb on its particle
    # "found Smith guilty" (parsed "Smith" subject of a "guilty" clause): the small clause's adjective is an object word
    objs += [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "JJ" and c not in objs]
    objs = [p for o in objs for p in [o] + counted(o)]
    if not objs and tok.pos_ == "VERB":  # "would meet or even surpass all of its targets": shared object
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                objs = [o for o in c.children if o.dep_ == "dobj"]
                objs = [p for o in objs for q in o.children if o.lower_ in ("all", "some", "most", "any", "each")
                        and q.dep_ == "prep" and q.lower_ == "of" for p in q.children if p.dep_ == "pobj"] or objs
                break
    return objs


def counted(tok) -> list:
    """'nationals' of 'two of its nationals', 'medicine' of '700 kg of medicine', 'people' of 'hundreds of
    thousands of people', 'electorate' of '64 percent of the electorate', 'party' of 'many in the party': what a
    number, a measure or a quantity word counts (the "in" phrase of a GROUP_SHARE word too; not of a number, "two in
    Gaza", nor of a measure, "40 per cent in the poll", "a crowd in the square")."""
    if not (tok.pos_ == "NUM" or tok.lemma_.lower() in lexicon().words("QUANTITY")):
        return []
    for c in tok.children:
        if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "in" and tok.lemma_.lower() in lexicon().words(
                "GROUP_SHARE")):
            for p in c.children:
                if p.dep_ == "pobj":
                    return [p] + counted(p)
    return []


class SenseSite(NamedTuple):
    """One sense of a trigger token with what its conditions read: the objects (`direct_objects`) and the sentence
    context (`sentence_context`)."""
    trig: Trigger
    tok: object
    kind: str
    objs: list
    ctx: set


def _context_fits(s: SenseSite) -> bool:
    """Not in sport context ('sport'), only in an election context ('election'), not in one ('noelection')."""
    flags = s.trig.flags
    return not ("sport" in flags and "sport" in s.ctx or "election" in flags and "election" not in s.ctx or
                "noelection" in flags and "election" in s.ctx)


def _object_words(objs) -> frozenset[str]:
    """The objects' lemmas and forms, and their compound words ("a mediation effort"): read once per Doc and set of
    objects (each sense of a trigger with an object condition reads them: ~80k per 300 texts)."""
    if not objs:
        return frozenset()
    memo = doc_index(objs[0].doc).memo
    slot = ("object_words", tuple(o.i for o in objs))
    found = memo.get(slot)
    if found is None:
        found = memo[slot] = frozenset({o.lemma_.lower() for o in objs} | {o.lower_ for o in objs} | {
            c.lemma_.lower() for o in objs for c in o.children if c.dep_ == "compound"})
    return found


def _object_fits(s: SenseSite) -> bool:
    """Direct object lemma in a list ('obj:'; 'from' in the list accepts an intransitive 'withdrew from X', 'PERSON' a
    person/agent object, 'HUMAN' a WordNet person noun, 'WEAPON' a word of CAMEO's &WEAPON class)."""
    need, objs = s.trig.need("obj"), s.objs
    if need is None:
        return True
    return bool(_object_words(objs) & need) or ("from" in need and not objs and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in s.tok.children)) or (
        "PERSON" in need and any(o.ent_type_ in ("PERSON", "NORP") or o.pos_ == "PROPN" and not o.ent_type_
                                for o in objs)) or (  # not a product: "released Windows", "Snow Leopard"
        "HUMAN" in need and any(o.lemma_.lower() in lexicon().humans for o in objs)) or (  # "his chief of staff"
        "WEAPON" in need and any(o.lemma_.lower() in lexicon().words("WEAPON") for o in objs))  # CAMEO &WEAPON


def _no_excluded_object(s: SenseSite) -> bool:
    """Direct object lemma not in a list ('notobj:')."""
    bad = s.trig.need("notobj")
    return bad is None or not _object_words(s.objs) & bad


def _complement_fits(s: SenseSite) -> bool:
    """No complement verb of a list ('notxcomp:': "refused to say") or one of a list ('withxcomp:': "failed to reach
    agreement")."""
    bad, wanted = s.trig.need("notxcomp"), s.trig.need("withxcomp")
    if bad is None and wanted is None:
        return True  # (most senses: no complement to read)
    comps = [c.lemma_.lower() for c in s.tok.children if c.dep_ in ("xcomp", "ccomp")]
    return (bad is None or not any(c in bad for c in comps)) and (wanted is None or any(c in wanted for c in comps))


def _prep_object_fits(s: SenseSite) -> bool:
    """'pobj:': the object of one of the sense's prepositions has one of these lemmas ("warned of consequences")."""
    pobj, prep = s.trig.need("pobj"), s.trig.need("prep")
    return pobj is None or any(
        p.lemma_.lower() in pobj or p.lower_ in pobj for c in s.tok.children if c.dep_ in ("prep", "agent")
        and c.lower_ in (prep or {c.lower_}) for p in c.children if p.dep_ in ("pobj", "pcomp"))


def _prep_fits(s: SenseSite) -> bool:
    """'prep:': one of these prepositions among its dependents; it may hang on the (last conjoined) object ("attacked
    voters, lawmakers and thinkers for") or on a prepositional object ("clashed with X over Y"), or mark an infinitive
    clause ("called for X to resign")."""
    prep, tok = s.trig.need("prep"), s.tok
    if prep is None:
        return True
    heads = [tok] + [x for o in s.objs if o.i > tok.i for x in expand_conj(o)] + [
        p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    marks = [m for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp") for m in c.children if m.dep_ == "mark"]
    return any(c.dep_ in ("prep", "agent") and c.lower_ in prep for h in heads for c in h.children) or \
        any(m.lower_ in prep for m in marks)


def _modal_fits(s: SenseSite) -> bool:
    """'modal:': "said that Y must return it": a complement clause that states an obligation (`obligation_clauses`)."""
    modal = s.trig.need("modal")
    return modal is None or bool(obligation_clauses(s.tok, modal))


def obligation_clauses(tok, modal) -> list:
    """The complement clauses of a verb (and the clauses conjoined to them with their own subject: "said the House
    needs a Speaker and that peers should lead the way") that state an obligation: one of the `modal` auxiliaries, a
    subjunctive ("suggested that multiple delegations attend": a bare verb with its own subject, no auxiliary) or a
    necessity verb with a to-infinitive ("warned the government would have to work hard", "the party needs to
    change": the NECESSITY list)."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    clauses += [j for c in clauses for j in c.children if j.dep_ == "conj" and j.pos_ in ("VERB", "AUX") and
                any(a.dep_ == "nsubj" for a in j.children)]
    return [c for c in clauses if not _conditioned(c) and (any(
        a.dep_ == "aux" and a.lower_ in modal for a in c.children) or (
        c.tag_ == "VB" and any(a.dep_ == "nsubj" for a in c.children) and
        not any(a.dep_ in ("aux", "auxpass") for a in c.children)) or (
        c.lemma_.lower() in lexicon().words("NECESSITY") and c.tag_ != "VBD" and any(x.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in c.children)))]


def _conditioned(clause) -> bool:
    """"if bars were allowed to open late the police would have to take officers off day shifts": a consequence under
    a condition is a forecast, not an obligation put on anyone."""
    conditions = lexicon().words("CONDITION")
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in conditions for m in c.children)
               for c in clause.children)


def _clause_fits(s: SenseSite) -> bool:
    """'xcomp': a clausal complement; 'toinf': a to-infinitive one ("warned X to", not "that"; a noun's to-infinitive
    is its clause modifier: "George Will's call to abandon Trump")."""
    if "xcomp" in s.trig.flags and not any(c.dep_ in ("xcomp", "ccomp") for c in s.tok.children):
        return False
    return "toinf" not in s.trig.flags or any(c.dep_ == "xcomp" or s.kind == "N" and c.dep_ == "acl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in s.tok.children)


def _benign_fits(s: SenseSite) -> bool:
    """'benignclause': a that-clause naming no hostile act (`benign_clause`)."""
    return "benignclause" not in s.trig.flags or benign_clause(s.tok, lexicon())


def _subject_fits(s: SenseSite) -> bool:
    """'subj:': "&MILITARY * advance", "TALKS * collapse": the subject's lemma (or its title: "Judge Smith ruled")."""
    subj = s.trig.need("subj")
    return subj is None or any(t.lemma_.lower() in subj or t.lower_ in subj
                               for x in subject_of(s.tok)[0] for t in [x] + compounds(x))


# the conditions of `sense_ok`, each a named rule over one SenseSite, tried in order (the first that fails decides)
SENSE_CONDITIONS = (_context_fits, _object_fits, _no_excluded_object, _complement_fits, _prep_object_fits,
                    _prep_fits, _modal_fits, _clause_fits, _benign_fits, _subject_fits)


# the flags and constraint keys each condition reads: a sense naming none of them meets the condition without its
# token being read, so `sense_ok` tries only the conditions a sense names (most senses name none; ~50k senses are
# tested per 300 texts). A condition missing here is always tried.
CONDITION_KEYS = {
    _context_fits: frozenset({"sport", "election", "noelection"}), _object_fits: frozenset({"obj"}),
    _no_excluded_object: frozenset({"notobj"}), _complement_fits: frozenset({"notxcomp", "withxcomp"}),
    _prep_object_fits: frozenset({"pobj"}), _prep_fits: frozenset({"prep"}), _modal_fits: frozenset({"modal"}),
    _clause_fits: frozenset({"xcomp", "toinf"}), _benign_fits: frozenset({"benignclause"}),
    _subject_fits: frozenset({"subj"}),
}


@lru_cache(maxsize=None)
def named_conditions(named: frozenset[str]) -> tuple:
    """The conditions of SENSE_CONDITIONS, in order, that a sense naming these flags and keys must meet."""
    return tuple(condition for condition in SENSE_CONDITIONS
                 if condition not in CONDITION_KEYS or CONDITION_KEYS[condition] & named)


def sense_ok(trig: Trigger, tok, kind: str, objs, ctx: set[str]) -> bool:
    """The conditions a sense puts on its context (lexicon flags; `SENSE_CONDITIONS`, each rule says which)."""
    conditions = named_conditions(trig.named)
    if not conditions:
        return True
    site = SenseSite(trig, tok, kind, objs, ctx)
    return all(condition(site) for condition in conditions)


def compounds(tok) -> list:
    """The compound words before a head ("Judge" of "Judge Smith", "Appeal" of "the Appeal Court")."""
    return [c for c in tok.children if c.dep_ == "compound"]


# the types a threat's content names (PLOVER THREATEN modes: restrict, arrest, relations, expel, territory, violence)
THREAT_CONTENT = {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "RETREAT"}


def benign_clause(tok, lex: Lexicon) -> bool:
    """"warned Blair that the war could be illegal", "warned X the party could not win": a that-clause whose verb,
    objects and prepositional objects name no hostile act is a warning of a risk (CAMEO 012, a pessimistic comment: no
    PLOVER event), not a threat ("warned Iran that it would face new sanctions": THREATEN, coercive with
    repercussions)."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        words = [clause] + [o for o in clause.children if o.dep_ in ("dobj", "attr", "xcomp", "acomp")] + [
            p for c in clause.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        if any(t.type in THREAT_CONTENT for w in words
               for t in lex.senses.get(("V" if w.pos_ == "VERB" else "N", w.lemma_.lower()), ())):
            return False
    return True


def yields_to_object_noun(verb, senses: list[Trigger], lex: Lexicon) -> bool:
    """A verb known only from the generated CAMEO table whose direct object is a noun trigger
    ("imposed sanctions on", "launched an attack on", "staged a protest"): the noun names the
    event and the verb only carries it, as a light verb does. A hand sense that needs a complement clause the verb
    lacks does not count ("ordered X to" is a hand DEMAND; "ordered patrols by police" yields to the patrols)."""
    clause = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    senses = [t for t in senses if clause or "xcomp" not in t.flags]
    if not senses or not all("generated" in t.flags for t in senses):
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if verb.lemma_.lower() in lex.words("REPEL") and (obj.lemma_.lower() in lex.nouns or obj.lower_ in lex.nouns):
            return True  # "thwarted an attack on X": the attack is the event, not the thwarting (REPEL cue words)
        if verb.lemma_.lower() not in lex.light and any(obj.lemma_.lower() in (t.need("obj") or ()) for t in senses):
            return False  # a CAMEO pattern names this very object ("lodged a protest": 110) and decides; a light
            # verb ("offered support", "held meetings") always leaves the event to its object noun
        if obj.lemma_.lower() in lex.nouns or obj.lower_ in lex.nouns:
            return True
    return False


NOT_PHYSICAL = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")


def physical_target(trig: Trigger, tok, lex: Lexicon) -> bool:
    """"foiled an attack on merchant vessels", "attacks against IE", "the attack on the Khobar Towers": an assault hits
    things as well as actors (PLOVER ASSAULT: property, infrastructure); a concrete noun target is kept by its text
    (not an event noun, a date or a number, nor a phrase opening with one) when it is what the assault is aimed at: the object, or "on/against/at X"
    ("assault with a deadly weapon" names a means); the generated senses' verbs ("harm", "target") hit too much else."""
    aimed = tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "at")
    return trig.type == "ASSAULT" and "generated" not in trig.flags and aimed and \
        tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in NOT_PHYSICAL and \
        tok.left_edge.ent_type_ not in NOT_PHYSICAL and \
        tok.lemma_.lower() not in lex.nouns and tok.lower_ not in lex.nouns


def counted_victims(trig: Trigger, tok, lex: Lexicon) -> bool:
    """"The attack, which killed five", "shot a hundred people, killing 49": a bare number object of a killing or
    wounding verb (`VICTIM_COUNT` rows) counts people, the victims (not "killed 5% of the herd": a number with a noun
    or a unit)."""
    verb = tok.head
    return trig.type == "ASSAULT" and tok.dep_ == "dobj" and tok.pos_ == "NUM" and tok.ent_type_ in ("", "CARDINAL") \
        and verb.lemma_.lower() in lex.words("VICTIM_COUNT") and not any(
            c.dep_ in ("prep", "compound", "amod") for c in tok.children)


AIMING_VERBS = ("direct", "aim", "target")  # "attacks directed at X", "sanctions aimed at X", "raids targeting X"


def aimed_at(tok) -> list:
    """"Targeted attacks directed at IE8", "sanctions aimed at Russian banks", "raids targeting militants": the object
    a participle modifying the event noun aims it at is its target."""
    out = []
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING_VERBS):
        out += [p for c in acl.children if c.dep_ == "prep" and c.lower_ in ("at", "against")
                for p in c.children if p.dep_ == "pobj"] + [c for c in acl.children if c.dep_ == "dobj"]
    return out


def counted_event(tok, verb, lex: Lexicon) -> bool:
    """"received a slew of criticism", "faced a wave of attacks": the event noun counted by the verb's object."""
    counter = tok.head.head
    return tok.head.lower_ == "of" and counter.lemma_.lower() in lex.words("EVENT_QUANTITY") and \
        counter.head.i == verb.i


def carrier(noun, verb, lex: Lexicon) -> bool:
    """A verb that carries a noun trigger as a light verb does: a speech verb with the noun as object
    ("announced a suspension of air links"), a generated verb that yields to its object noun ("speeded up the
    withdrawal of forces"), or a verb of gathering with the noun in its for-phrase ("were converging for a rally";
    GATHER cue words)."""
    lemma = verb.lemma_.lower()
    if lemma in lex.words("REPEL"):  # "the warship thwarted an attack on vessels": not the attack's doer
        return False
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return lemma in lex.report or yields_to_object_noun(verb, lex.senses.get(("V", lemma), []), lex)
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.i == verb.i and \
        lemma in lex.words("GATHER")
