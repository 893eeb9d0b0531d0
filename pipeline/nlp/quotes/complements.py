"""What a cue verb reports: its content (a token range) and the head of the reported clause,
found by the first rule of COMPLEMENT_RULES that finds one — a clausal complement, an object
that is content, the clause that governs the verb, an answer word of 'say', a question of
'ask' — then, when the content is a clause, the one asked or told joins it
(`_with_addressee`)."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.nlp.quotes.content import LISTENER_VERBS, object_content, sentence_break
from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.frames import (
    clause_start, for_to_clause, governing_clause, infinitive_clause, stranded_that_clause,
)
from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.stance_frames import frame_of, is_cue_frame
from pipeline.nlp.quotes.syntax import SUBJECT_DEPS, is_cue

ANSWER_WORDS = word_set("answer_words")
LIGHT_REPORT_VERBS = word_set("light_report_verbs")
QUESTION_MARKS = word_set("question_marks")


class Complement(NamedTuple):
    span: tuple[int, int]  # token range of the content
    head: object = None  # the head of the reported clause, when the content is one


def clausal_complement(ctx: QuoteContext, verb) -> Complement | None:
    """A ccomp/xcomp, an infinitive or for-to clause, a stranded 'that' clause. With two
    complements (the parser ran the sentence before, often a quotation, into this one:
    '“… with Trump.” / Moments earlier, Trump said he was …') the one after the verb."""
    comps = sorted((child for child in verb.children if child.dep_ in ("ccomp", "xcomp")
                    and not _misparsed_lead_clause(verb, child)),
                   key=lambda child: (sentence_break(verb, child), ctx.inside_quote(child.idx), child.i < verb.i)) \
        or infinitive_clause(verb) or for_to_clause(verb) or stranded_that_clause(verb)
    if not comps or comps[0].dep_ == "xcomp" and comps[0].pos_ not in ("VERB", "AUX"):
        return None
    return Complement((clause_start(comps[0]), comps[0].right_edge.i + 1), comps[0])


def _misparsed_lead_clause(verb, child) -> bool:
    """A clause before the verb that the parser hung on it as its complement, though the verb
    opens a subordinate clause of its own ('Viguerie is upbeat about …, in part because he
    sees Cruz as a uniter') or carries its own object ('… a partisan tilt: 41% identify with
    the Democratic Party'): the clause is the narrator's, not what the verb reports ('“…,” she
    told reporters' keeps its quotation: the listener is no object)."""
    if child.i > verb.i:
        return False
    if any(kid.dep_ == "mark" and child.i < kid.i < verb.i for kid in verb.children):
        return True
    return any(kid.dep_ == "dobj" and kid.i > verb.i and kid.pos_ in ("NOUN", "PROPN")
               for kid in verb.children) and verb.lemma_.lower() not in LISTENER_VERBS


def object_complement(ctx: QuoteContext, verb) -> Complement | None:
    """An object that is content ('denied the charges', `content.object_content`)."""
    span = object_content(verb)
    return Complement(span) if span is not None else None


def light_verb_frame(ctx: QuoteContext, verb) -> Complement | None:
    """A light verb of rules light_report_verbs whose object is a stance noun of the frame
    lexicon reports that noun's complement: the verb and noun together are the cue ('offered
    an emotional defense of the city', 'are expressing concern about Trump', 'voiced confidence
    that Clinton would be easy to defeat')."""
    if verb.lemma_.lower() not in LIGHT_REPORT_VERBS:
        return None
    dobj = next((child for child in verb.children if child.dep_ == "dobj" and child.i > verb.i), None)
    frame = frame_of(dobj) if dobj is not None and dobj.pos_ == "NOUN" else None
    return Complement(frame.content) if frame is not None and is_cue_frame(frame.key) else None


def governed_clause(ctx: QuoteContext, verb) -> Complement | None:
    """A speech or stance verb with no complement of its own reports the clause that governs it."""
    governed = governing_clause(verb) if is_cue(verb, ("direct", "indirect")) else None
    return Complement((verb.right_edge.i + 1, governed.right_edge.i + 1), governed) if governed is not None else None


def answer_word(ctx: QuoteContext, verb) -> Complement | None:
    """'half said so', '75 percent said yes', 'the candidate said no': the answer word."""
    if verb.lemma_.lower() != "say":
        return None
    answer = next((child for child in verb.children if child.i > verb.i and child.lower_ in ANSWER_WORDS), None)
    return Complement((answer.i, answer.i + 1)) if answer is not None else None


def asked_question(ctx: QuoteContext, verb) -> Complement | None:
    """'asked if he was ever bullied': the question parsed as an adverbial clause."""
    if verb.lemma_.lower() != "ask":
        return None
    head = next((child for child in verb.children if child.dep_ == "advcl" and child.i > verb.i and any(
        mark.dep_ == "mark" and mark.lower_ in QUESTION_MARKS for mark in child.children)), None)
    return Complement((head.left_edge.i, head.right_edge.i + 1), head) if head is not None else None


COMPLEMENT_RULES = [
    clausal_complement, light_verb_frame, object_complement, governed_clause, answer_word, asked_question,
]


def _with_addressee(verb, found: Complement) -> Complement:
    """'urged voters to …', 'asked the campaign to …': the one asked goes with the clause;
    'records show the $204,202 that Clinton has raised … is by far the most': a subject the
    parser took for the verb's object."""
    head = found.head
    if head is None or head.dep_ not in ("xcomp", "ccomp") or head.dep_ == "ccomp" and (head.i < verb.i or any(
            child.dep_ in SUBJECT_DEPS or child.dep_ == "expl" for child in head.children)):
        return found
    dobj = next((child for child in verb.children if child.dep_ == "dobj" and verb.i < child.i < head.left_edge.i),
                None)
    return found._replace(span=(dobj.left_edge.i, found.span[1])) if dobj is not None else found


def verb_complement(ctx: QuoteContext, verb) -> Complement | None:
    """What a cue verb reports (content token range and reported clause head), or None."""
    found = next((complement for rule in COMPLEMENT_RULES if (complement := rule(ctx, verb)) is not None), None)
    return _with_addressee(verb, found) if found is not None else None
