"""The subject a verb has or inherits through its clause chain (`subject_of`): at each verb of the chain (the verb,
then the verb or noun its clause depends on, at most four steps) the first of `SUBJECT_RULES` that decides either
names the subjects or climbs one step up.

Why: news states most events in clauses that borrow their subject ("X vowed to defy", "X was charged with killing Y",
"the decision by X to give"); a rule per construction keeps each reading testable on its own."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.nlp.docindex import per_token
from pipeline.nlp.events.actors import ACTOR_LABELS, expand_conj, is_agent, is_nonactor, is_person_noun
from pipeline.nlp.events.lexicon import lexicon


class Step(NamedTuple):
    """What a subject rule decides at one verb of the chain: the subjects (and whether they undergo the verb: a
    passive), or the head to climb to (`climb`)."""
    subjects: list
    passive: bool = False
    climb: object = None


NOT_FOUND = Step([], False)


class Subject(NamedTuple):
    """The subject heads a verb sense takes (`verb_roles.verb_subject`) and whether they undergo it (a passive):
    found once per sense and kept on its `guards.Site` for the role and target rules."""
    heads: list
    passive: bool
    hyphen_agent: tuple = ()  # the agent joined before a participle ("Russian-backed"), `verb_roles.hyphen_agent`


class Owned(NamedTuple):
    """What an own-subject rule reads: the first subject of the verb at this step of the chain, that verb, the verb
    whose subject is sought, and whether the subject undergoes it."""
    subject: object
    clause: object
    verb: object
    passive: bool


# a gerund under one of these on a verb shares the verb's subject: "charged with killing", "after facing criticism"
GERUND_PREPS = ("with", "of", "for", "after", "before", "by", "while", "since", "without", "despite", "upon")


# the clauses whose verb takes the subject of the verb they depend on; a predicative role noun ("X was a supporter of
# Y": attr) takes its copula's
CLIMB_DEPS = ("xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "acomp")


HEADING_MARKS = (":", "--", "\u2014")  # what closes a dateline or heading opening a sentence


def _own_subjects(v) -> list:
    """The verb's own subjects; "New Delhi / Mumbai: An Indian warship foiled ...": a dateline or heading the parser
    made a second subject before the real one is none (only the subjects after the mark that closes it count)."""
    subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")] or _auxiliary_subjects(v)
    if len(subj) > 1:
        marks = [t.i for t in v.doc[subj[0].i:v.i] if t.text in HEADING_MARKS]
        after = [c for c in subj if marks and c.i > marks[-1]]
        return after or subj
    return subj


def _auxiliary_subjects(v) -> list:
    """"Since Trump became the nominee, he has consolidated support": after a fronted clause the parser sometimes hangs
    the subject on the auxiliary instead of its verb; a subject of the verb's auxiliary is the verb's."""
    return [c for a in v.children if a.dep_ in ("aux", "auxpass") and a.i < v.i
            for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]


def _speaker_of(verb, inherit: bool) -> list:
    """The non-pronoun subject of a verb whose complement clause a pronoun opens: its own ("Iran vowed it would"), else
    for a personal pronoun (`inherit`) the one it inherits through its clause chain ("Democrats called her to say they
    will not vote for her"; not "it": "dismissed the parliament, saying it should be replaced")."""
    own = _own_subjects(verb)
    if own:
        return [c for c in own if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if not inherit or verb.dep_ not in ("xcomp", "advcl"):  # a control chain ("called her to say"), not a conjoined
        return []  # verb's guess
    inherited, passive = subject_of(verb)
    return [] if passive else [c for c in inherited[:1] if c.pos_ != "PRON"]


def _expletive_copula(v, verb) -> Step | None:
    """"He pointed out that it was 30 years since ... and urged politicians": an expletive subject of a copula is not
    the subject of a verb conjoined to it; climb past the copula."""
    subj = _own_subjects(v)
    if subj and v.i != verb.i and subj[0].lower_ in ("it", "there") and v.lemma_ == "be" and \
            v.dep_ in ("ccomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
        return Step([], climb=v.head)
    return None


def _is_passive_for(s, v, verb) -> bool:
    """An inherited subject is passive for this verb only when this verb is itself passive: "Rice is set to ask the
    U.N." (active ask), "X was arrested and jailed" (passive jailed)."""
    if v.i == verb.i:
        return s.dep_ == "nsubjpass"
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) or \
        verb.dep_ == "conj" and verb.tag_ == "VBN" and s.dep_ == "nsubjpass"


SUBORDINATORS = {"after", "before", "since", "until", "as", "while", "when", "once"}


def _misparsed(own: Owned) -> Step | None:
    """"Mr Blair's view after the top Catholic ... backed X": the parser made the clause's subject the object of a
    subordinating 'after' inside the previous noun phrase; the subject of the verb is that object when the phrase ends
    right before the verb (auxiliaries/adverbs aside)."""
    s, verb = own.subject, own.verb
    if own.clause.i != verb.i or s.i >= verb.i:
        return None
    for prep in (c for c in s.children if c.dep_ == "prep" and c.lower_ in SUBORDINATORS):
        pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if pobj is None or pobj.i > verb.i:
            continue
        end = max(t.i for t in prep.subtree)
        if all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in s.doc[end + 1:verb.i]):
            return Step(expand_conj(pobj), own.passive)
    return None


def _share_of_whom(subject) -> bool:
    """"all of whom", "most of which": a share word whose "of" phrase is a relative pronoun."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.lower_ in ("whom", "which")
                                                              for p in c.children) for c in subject.children)


def _relative_pronoun(own: Owned) -> Step | None:
    """"his wife, an advocate, who": the noun a relative clause modifies; "Parents and teachers who met Mr Blair":
    each conjoined noun; "X, Y and Z, all of whom opposed the deal": a share of the relative pronoun too."""
    v = own.clause
    if (own.subject.lower_ in ("who", "which", "that") or _share_of_whom(own.subject)) and v.dep_ == "relcl":
        return Step([v.head.head] if v.head.dep_ == "appos" else expand_conj(v.head), own.passive)
    return None


def _said_thing(own: Owned) -> Step | None:
    """"Mr Livingstone said his comments were not racist and refused to apologise": the parser hung a verb conjoined
    to the reporting verb on the reported clause; that clause's subject is a thing (no entity, no actor noun), which
    does nothing, so the conjoined verb is the speaker's: climb to the speaker's verb."""
    s, v, verb, lex = own.subject, own.clause, own.verb, lexicon()
    if not (verb.dep_ == "conj" and verb.head.i == v.i):
        return None
    said = v.dep_ == "ccomp" and v.head.pos_ == "VERB" and v.head.lemma_.lower() in lex.report and \
        s.pos_ == "NOUN" and not s.ent_type_ and not is_agent(s, lex) and not is_person_noun(s, lex)
    return Step([], climb=v.head) if said else None


def _leading_clause(own: Owned) -> Step | None:
    """The antecedent of a subject pronoun in the adverbial clause before it: "When some employees tried to leave,
    they were told by police to stay" (they: a plural noun), "After Smith lost, he resigned" (he/she: a person)."""
    pronoun = own.subject
    if pronoun.lower_ not in ("they", "he", "she"):
        return None
    for clause in (c for c in own.clause.children if c.dep_ == "advcl" and c.i < pronoun.i):
        inner = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if not inner:
            continue
        noun = inner[0]
        if pronoun.lower_ == "they" and (noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)) \
                or pronoun.lower_ in ("he", "she") and noun.ent_type_ == "PERSON":
            return Step(expand_conj(noun), own.passive)
    return None


def _reported_pronoun(own: Owned) -> Step | None:
    """"Iran vowed it would defy": the pronoun subject of a reported clause is the speaker ("Cuban said he": a proper
    noun the tagger left without entity)."""
    s, v = own.subject, own.clause
    if not (s.lower_ in ("it", "they", "he", "she") and v.dep_ == "ccomp" and v.head.pos_ == "VERB"):
        return None
    outer = _speaker_of(v.head, s.lower_ != "it")
    if outer and (s.lower_ in ("it", "they") or outer[0].ent_type_ == "PERSON" or
                  outer[0].pos_ == "PROPN" and outer[0].ent_type_ in ("", "NORP")):
        return Step(expand_conj(outer[0]), own.passive)
    return None


OWN_SUBJECT_RULES = (_misparsed, _relative_pronoun, _said_thing, _leading_clause, _reported_pronoun)  # in order


def _own_subject(v, verb) -> Step | None:
    """The subject the verb of this step has (`OWN_SUBJECT_RULES` read it; else the subject and its conjuncts)."""
    subj = _own_subjects(v)
    if not subj:
        return None
    own = Owned(subj[0], v, verb, _is_passive_for(subj[0], v, verb))
    return next((got for rule in OWN_SUBJECT_RULES if (got := rule(own)) is not None),
                None) or Step(expand_conj(own.subject), own.passive)


def _modified_noun(v, verb) -> Step | None:
    """A relative clause's noun; "X, a supporter of Y": the noun an appositive role noun describes."""
    if v.dep_ == "relcl" or v.dep_ == "appos" and v.i == verb.i and v.pos_ == "NOUN":
        return Step([v.head], False)
    return None


def _charged_participle(v, verb) -> Step | None:
    """"the two youths charged with murdering Horton": the youths murdered."""
    if v.i != verb.i and v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN") and \
            verb.dep_ == "pcomp":
        return Step(expand_conj(v.head), False)
    return None


def _under_gerund(v, verb) -> bool:
    """This step is a preposition of GERUND_PREPS over a gerund, reached from the gerund or a clause under it."""
    return v.dep_ == "prep" and v.pos_ == "ADP" and v.i != verb.i and v.lower_ in GERUND_PREPS and \
        any(c.dep_ == "pcomp" for c in v.children)


def _adjective_gerund_prep(v, verb) -> Step | None:
    """"did not appear concerned about working with X", "is responsible for killing Y": a predicative adjective's only
    preposition climbs to the adjective's verb; not past another phrase of the adjective ("mad at Sanders for
    agreeing": Sanders agreed)."""
    if not (_under_gerund(v, verb) and v.head.pos_ == "ADJ" and v.head.dep_ in ("acomp", "oprd") and
            v.head.head.pos_ in ("VERB", "AUX")):
        return None
    others = any(c.dep_ == "prep" and c.i != v.i for c in v.head.children)
    return None if others else Step([], climb=v.head.head)


def _verb_gerund_prep(v, verb) -> Step | None:
    """"X was charged with / accused of / arrested for killing Y": X killed Y; "after facing"; "charged with trying to
    kill Y": the gerund under a preposition of a verb shares that verb's subject (else climb on from that verb), or
    its person object's (`_object_controller`)."""
    if not (_under_gerund(v, verb) and v.head.pos_ == "VERB"):
        return None
    controller = _object_controller(v)
    if controller is not None:
        return Step(expand_conj(controller), False)
    subj = _own_subjects(v.head)
    return Step(expand_conj(subj[0]), False) if subj else Step([], climb=v.head)


OBJECT_CONTROL_PREPS = ("of", "for", "with")  # "convicted X of / praised X for / charged X with doing": X did it


def _object_controller(prep):
    """"The jury convicted Peterson of murder for killing his wife", "Republicans praised Smith for backing the bill",
    "police charged two men with robbing X": the gerund under an of/for/with phrase of a verb that has a person (or
    organization, country) as its object is done by that object ("with" only after a verb of rules' WITH_CONTROL
    list); "won the election by attacking X", "ended the speech with a call", "surprised the rebels with attacking the
    capital": a thing object, a by/after phrase or another verb's "with" leaves it to the subject."""
    if prep.lower_ not in OBJECT_CONTROL_PREPS or prep.lower_ == "with" and \
            prep.head.lemma_.lower() not in lexicon().words("WITH_CONTROL"):
        return None
    obj = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    if obj is None or is_nonactor(obj):
        return None
    return obj if _personal(obj) else None


def _personal(obj) -> bool:
    return obj.lower_ in ("him", "her", "them", "us", "me") or obj.ent_type_ in ACTOR_LABELS or \
        is_person_noun(obj, lexicon())


def _object_noun_gerund(v, verb) -> Step | None:
    """"A jury convicted the man of murdering his wife", parsed with "of murdering" on the object noun: the person
    object does the act, as when the phrase hangs on the verb (`_object_controller`); a thing object ("ended the
    speech with a call"), a possessed noun ("the pirates' plan of attacking", `_held_by_noun`) or a noun no verb
    governs leaves it to the other rules."""
    if not (v.dep_ == "prep" and v.lower_ in OBJECT_CONTROL_PREPS and v.i != verb.i and verb.dep_ == "pcomp" and
            v.head.dep_ == "dobj" and v.head.head.pos_ == "VERB"):
        return None
    obj = v.head
    if v.lower_ == "with" and obj.head.lemma_.lower() not in lexicon().words("WITH_CONTROL") or is_nonactor(obj) or \
            any(c.dep_ == "poss" for c in obj.children):
        return None
    return Step(expand_conj(obj), False) if _personal(obj) else None


CONTROL_PREPS = ("of", "for")  # "the pirates' intention of attacking X", "his plan for hitting X"


def noun_controller(noun) -> list:
    """Who does the act of a clause that modifies a noun ("the decision by the Supreme Court to give X", "George
    Will's call to abandon X", "the pirates' intention of attacking X"): the noun's possessor (a pronoun too: the
    resolver finds its antecedent), else its "by" phrase; none for a noun that names no one's act or stance."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss[:1]
    return [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"][:1]


def _held_by_noun(v, verb) -> Step | None:
    """"the decision by the Supreme Court to give X", "the pirates' intention of attacking X": when the clause chain
    reaches a noun through an infinitive or participle clause modifying it (a gerund one is `_gerund_acl`'s) or a
    gerund under its "of/for" ("X's approach of seeking"), the noun's controller does the act (`noun_controller`)."""
    if v.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if v.dep_ == "acl" and v.tag_ != "VBG" or v.dep_ == "prep" and v.lower_ in CONTROL_PREPS and verb.dep_ == "pcomp":
        held = noun_controller(v.head)
        return Step(held, False) if held else None
    return None


def _gerund_acl(v, verb) -> Step | None:
    """"a super PAC supporting Rubio": the modified noun acts; "a petition calling on X": a thing does not, the
    subject of the verb governing it does ("Sanders started a petition"; "opened proceedings with a speech
    criticising Tony Blair")."""
    if not (v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i != v.i):
        return None
    h = v.head
    if not is_nonactor(h) and (h.ent_type_ in ACTOR_LABELS or h.pos_ == "PROPN" or
                               h.lower_ in lexicon().agents or h.lemma_.lower() in lexicon().agents):
        return Step(expand_conj(h), False)
    if h.dep_ == "dobj" and h.head.pos_ == "VERB":
        return Step([], climb=h.head)
    if h.dep_ == "pobj" and h.head.lower_ in ("with", "in") and h.head.head.pos_ == "VERB":
        return Step([], climb=h.head.head)
    return NOT_FOUND


def _purpose_acl(v, verb) -> Step | None:
    """"had a work stoppage to protest the cuts": the infinitive of an object noun takes the subject of the verb
    holding that object; another clause on a noun has no subject to inherit."""
    if not (v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i != v.i):
        return None
    if v.head.dep_ == "dobj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
            and v.head.head.pos_ == "VERB":
        return Step([], climb=v.head.head)
    return NOT_FOUND


def _adjective_holder(v, verb) -> Step | None:
    """"conservative donors reluctant to support Trump", "a party eager to attack him": an adjective that modifies a
    noun and takes the verb's clause is said of that noun, which does the act; "leaders appear determined to block
    X": a predicative adjective of a verb (oprd, like acomp) climbs to that verb."""
    if v.pos_ != "ADJ" or v.i == verb.i:
        return None
    if v.dep_ in ("amod", "acl") and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and not is_nonactor(v.head):
        return Step(expand_conj(v.head), False)
    if v.dep_ == "oprd" and v.head.pos_ in ("VERB", "AUX"):
        return Step([], climb=v.head)
    return None


def _climb(v, verb) -> Step | None:
    """A clause that takes the subject of the word it depends on (`CLIMB_DEPS`; "it is willing to withdraw" -> the
    subject of "is"), or a predicative role noun ("X was a supporter of Y": attr) its copula's."""
    if (v.dep_ in CLIMB_DEPS or v.dep_ == "attr" and v.i == verb.i and v.pos_ == "NOUN") and v.head.i != v.i:
        return Step([], climb=v.head)
    return None


# the first that decides, at each step
SUBJECT_RULES = (_expletive_copula, _own_subject, _modified_noun, _charged_participle, _adjective_gerund_prep,
                 _verb_gerund_prep, _adjective_holder, _object_noun_gerund, _held_by_noun, _gerund_acl, _purpose_acl,
                 _climb)


@per_token(copy=lambda found: (list(found[0]), found[1]))  # once per verb, not per trigger sense
def subject_of(verb):
    """Subject tokens of a verb (own, else inherited from the verb it depends on) and whether they undergo it."""
    v = verb
    for _ in range(4):
        step = next((got for rule in SUBJECT_RULES if (got := rule(v, verb)) is not None), NOT_FOUND)
        if step.climb is None:
            return step.subjects, step.passive
        v = step.climb
    return [], False
