"""Parse helpers shared by the quote stages: is a token a cue, what is its subject, the
object of 'according to', token ranges to characters. The parser's label sets live here:
they name spaCy's dependency labels and entity types, not words of the language (those are
in rules/quote_*.tsv)."""
from __future__ import annotations

from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import speech_verbs, word_set

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG", "NORP", "GPE"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
TRIM_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # (a modal auxiliary makes its verb finite: "will join")
WH_NOBODY = word_set("wh_nobody")
BARE_SAY_FORMS = word_set("bare_say_forms")


def is_cue(tok, uses=("direct",)) -> bool:
    """A verb whose lemma has one of `uses` in speech_verbs.tsv (a bare say/tell form counts
    as direct whatever its tag)."""
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ not in ("ROOT",):
        return False
    return speech_verbs().get(tok.lemma_.lower()) in uses or (
        tok.lower_ in BARE_SAY_FORMS and "direct" in uses
    )


def subject_of(tok):
    """Subject token of a verb (climbing conj/xcomp/advcl chains), or None."""
    climbed = 0
    verb = tok
    while verb is not None and climbed < 4:
        subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            # two subjects (one a misparse inside the quotation: '“… Trump articulates it
            # differently,” Viguerie notes'): the nearest
            subject = min(subjects, key=lambda child: abs(child.i - verb.i))
            # 'no details on what matters were agreed': a wh-word is nobody
            return None if subject.lower_ in WH_NOBODY else subject
        for child in verb.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            climbed += 1
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
                and verb.head.head.i != verb.head.i:
            # "Obama punctuated his list by saying “…”": the subject of the verb the phrase modifies
            verb = verb.head.head
            climbed += 1
            continue
        break
    return None


def stray_subject(verb, low: int):
    """The subject of a cue verb the parser left without one: the noun phrase right before
    it ('…, her senior policy adviser, Jake Sullivan, said: “…”' with the name parsed as an
    apposition of an earlier noun) — a name, noun or pronoun not inside a prepositional phrase
    of its own, after token `low`."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return None
    index = verb.i - 1
    doc = verb.doc
    while index >= low and (doc[index].is_space or doc[index].text in (",",) or doc[index].dep_ == "advmod"):
        index -= 1
    if index < low:
        return None
    tok = doc[index]
    if tok.pos_ in ("PROPN", "PRON") and tok.dep_ in ("appos", "conj", "compound", "npadvmod", "dep", "ROOT") \
            and tok.head.i < tok.i:
        return tok
    return None


def according_object(tok):
    """The object of "according to", when `tok` is "according"."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in list(nxt.children) + list(tok.children):
        if child.dep_ == "pobj":
            return child
    # parser left the object unattached: the next noun
    for later in tok.doc[nxt.i + 1: nxt.i + 8]:
        if later.pos_ in ("PROPN", "NOUN", "PRON"):
            return later
    return None


def outside_subject(ctx: QuoteContext, verb, low: int):
    """The subject of `verb` when it lies outside the quotations (at or after token `low`);
    for a participle whose parse hangs inside the quotation ("…, telling the crowd, “…”"),
    the subject of the sentence before it."""
    subject = subject_of(verb)
    if subject is not None and not ctx.inside_quote(subject.idx) and subject.i >= low:
        return subject
    if verb.tag_ == "VBG":
        for tok in reversed(list(verb.sent)[: verb.i - verb.sent.start]):
            if tok.dep_ in ("nsubj", "nsubjpass") and not ctx.inside_quote(tok.idx) and tok.i >= low:
                return tok
    return None


def trim_range(doc, low: int, high: int) -> tuple[int, int]:
    """Token range [low, high) without punctuation and white space at either end."""
    while low < high and (doc[low].is_punct or doc[low].is_space):
        low += 1
    while high > low and (doc[high - 1].is_punct or doc[high - 1].is_space):
        high -= 1
    return low, high


def char_span(doc, low: int, high: int) -> tuple[int, int]:
    """Character bounds of the token range [low, high)."""
    return doc[low].idx, doc[high - 1].idx + len(doc[high - 1].text)


def tree_depth(tok) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def is_finite(verb) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS for child in verb.children)


def is_passive(verb) -> bool:
    """A verb in the passive voice ('are being promised', 'are to be encouraged', 'Asked
    whether he would resign, Mr Kennedy said …'): its subject receives the action."""
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children) or _passive_participle(verb)


def _passive_participle(verb) -> bool:
    """A past participle opening an adverbial clause with no subject of its own ('Asked
    about …, X said', 'When pressed on …'): the main clause's subject receives it."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.i > verb.head.i \
            or any(child.dep_ in SUBJECT_DEPS or child.dep_ in ("aux", "auxpass") for child in verb.children):
        return False
    first = verb.left_edge
    return first.i == verb.i or (first.dep_ in ("mark", "advmod") and first.i == verb.i - 1)
