"""The content of an indirect attribution: the object a cue verb carries, and the bounds of
a reported clause without what the narrator adds around it."""
from __future__ import annotations

from pipeline.nlp.noun_tables import human_nouns
from pipeline.nlp.quotes.clause_bounds import contrasted_report
from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import word_map, word_set
from pipeline.nlp.quotes.syntax import SUBJECT_DEPS, is_cue, is_finite, is_passive, subject_of

LISTENER_VERBS = word_set("listener_verbs")
TOPIC_OBJECT_VERBS = word_set("topic_object_verbs")
OBJECT_PREPS = word_set("object_preps")
NO_OBJECT_CUES = word_set("no_object_cues")
MORE_OBJECT_CUES = word_set("more_object_cues")
OBJECT_STOP = word_set("object_stop")
CIRCUMSTANCE_PREPS = word_set("circumstance_preps")
MEDIUM_NOUNS = word_set("medium_nouns")
PHRASAL_CUES = word_map("phrasal_cues")
CLAUSE_BREAKS = word_set("clause_breaks")
TO_OBJECT_VERBS = word_set("to_object_verbs")
MEDIUM_PREPS = word_set("medium_preps")
CAUSE_PREPS = word_set("cause_preps")
COORDINATORS = word_set("coordinators")
OBJECT_RELATIVES = word_set("object_relatives")
NAMING_VERBS = word_set("naming_verbs")
FRONTED_DEPS = {"advcl", "prep", "npadvmod", "advmod", "punct"}  # what may lead a clause in


def _object_tail(verb, high: int) -> int:
    """End of an object content ending at `high` with the complements of cue verb `verb` that
    follow it: PolNeAR's content is the object with what is said of it ('criticized Clinton
    for accepting …', 'accuses Sanders of …', 'praised X's leadership in the aftermath of
    …'), not a circumstance of the report ('… during Obamacare talks')."""
    for child in verb.children:
        if child.i < high:
            continue
        pobj = next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ not in CIRCUMSTANCE_PREPS and child.ent_type_ not in ("DATE", "TIME") \
                and (pobj is None or pobj.ent_type_ not in ("DATE", "TIME") and not names_a_medium(pobj)) \
                or child.dep_ == "xcomp" or child.dep_ in ("appos", "conj", "dobj") and child.pos_ in ("NOUN", "PROPN"):
            # (a noun the parser hung on the verb continues the object: 'spoke of the malaise …,
            # the lack of jobs …', 'blaming the migrants or the politicians')
            gap = verb.doc[high:child.left_edge.i]  # (what lies between the content and the phrase)
            if not any(tok.text in (";", ":") for tok in gap) and len(gap) <= 2:
                high = max(high, child.right_edge.i + 1)
    return high


def names_a_medium(pobj) -> bool:
    """The object of a preposition names where or how something was said, not what: its noun
    or a noun modifying it is a medium noun (rules medium_nouns) — 'on his radio show', 'on
    BBC Radio 4', 'on Radio 4's Today programme' (session 20's BBC precision sample:
    'Speaking on BBC Radio 4's Thought for the Day slot' was filed as the content)."""
    words = [pobj] + [child for child in pobj.children if child.dep_ in ("compound", "poss")]
    return any(word.lemma_.lower() in MEDIUM_NOUNS or word.lower_ in MEDIUM_NOUNS for word in words)


def said_on_a_medium(prep, pobj) -> bool:
    """An 'on'/'over' phrase naming a medium ('comments on BBC Radio 4', 'speaking over the
    phone'): where the words were said, never what they were about."""
    return prep.lower_ in MEDIUM_PREPS and names_a_medium(pobj)


def _infinitive_tail(verb, high: int) -> int:
    """'calling on Democratic candidates to support the $15 minimum wage': an infinitive the
    parser hung on the cue verb right after its object says what the object is asked to do."""
    doc = verb.doc
    if high >= len(doc) or doc[high].lower_ != "to" or doc[high].dep_ != "aux":
        return high
    return next((child.right_edge.i + 1 for child in verb.children if child.dep_ in ("advcl", "xcomp")
                 and child.pos_ in ("VERB", "AUX") and child.left_edge.i == high), high)


def phrasal_prep(verb) -> str | None:
    """The preposition of a phrasal cue verb `verb` ('went after', 'fired back at'), when it
    has one with an object; else None."""
    preps = PHRASAL_CUES.get(verb.lemma_.lower())
    if not preps:
        return None
    return next((child.lower_ for child in verb.children if child.dep_ == "prep" and child.lower_ in preps
                 and child.i > verb.i
                 and any(grandchild.dep_ in ("pobj", "pcomp") for grandchild in child.children)), None)


def _as_phrase(verb, kids: list):
    """'sees Cruz as a uniter': the 'as' phrase (or 'as' clause with no subject) after the verb."""
    return next((child for child in kids if child.i > verb.i and (
        child.dep_ == "prep" and child.lower_ == "as" or child.dep_ == "advcl" and any(
            mark.dep_ == "mark" and mark.lower_ == "as" and mark.i < child.i for mark in child.children)
        and not any(mark.dep_ in SUBJECT_DEPS for mark in child.children))), None)


def _naming_content(verb, kids: list, dobj, oprd) -> tuple[int, int] | None:
    """'called it a disgrace', 'called her fallen son her hero', 'calling Trump a fascist' (the
    parser's three shapes of the one named and the name): both are the content."""
    if dobj is not None and oprd is not None:
        return dobj.left_edge.i, oprd.right_edge.i + 1
    if dobj is not None:
        name = next((child for child in dobj.children if child.dep_ == "appos" and child.i > dobj.i
                     and not any(tok.is_punct for tok in verb.doc[dobj.i:child.left_edge.i])), None)
        if name is not None:
            return dobj.left_edge.i, name.right_edge.i + 1
        if any(tok.is_quote for tok in verb.doc[dobj.left_edge.i + 1:dobj.right_edge.i + 1]):
            # 'called Mr. Trump's comments “racially toxic”', 'called protesters “illegals”': the
            # name in marks parsed inside the object phrase
            return dobj.left_edge.i, dobj.right_edge.i + 1
    if oprd is not None and verb.i < oprd.left_edge.i < oprd.i and not oprd.left_edge.is_punct \
            and not verb.doc[oprd.left_edge.i - 1].is_quote:
        # 'called the Republican frontrunner “ISIS’ best recruiter”': the one named parsed
        # inside the name (outside the marks: 'called ''our No.1 foe''' names nobody)
        return oprd.left_edge.i, oprd.right_edge.i + 1
    named = next((child for child in kids if child.dep_ == "xcomp" and child.i > verb.i
                  and child.pos_ in ("PROPN", "NOUN", "PRON")
                  and any(grandchild.dep_ in ("dobj", "attr", "oprd") for grandchild in child.children)), None)
    return (named.left_edge.i, named.right_edge.i + 1) if named is not None else None


def _listener(verb, dobj) -> bool:
    """The object of a listener verb (rules listener_verbs) is the one told or asked ('told
    reporters', 'asked Mr. Blair', 'thanked voters') when it may be a person or a group: a name
    or pronoun, or a noun of rules/human_nouns_wordnet.tsv. Any other noun is what was said,
    asked or questioned ('questioned his sincerity', 'addressed the controversy', 'told a
    different tale', 'asked a simple question: …'; train 70 of 107 such objects attributed) —
    for the verbs of rules topic_object_verbs only: the others take an audience or an act
    ('called a snap election', 'warned the cabinet'). A phrasal verb is another verb: 'called
    off its plan' reports nothing."""
    if verb.lemma_.lower() not in LISTENER_VERBS:
        return False
    if verb.lemma_.lower() not in TOPIC_OBJECT_VERBS or any(child.dep_ == "prt" for child in verb.children):
        return True
    return dobj.pos_ != "NOUN" or bool(dobj.ent_type_) or dobj.lemma_.lower() in human_nouns()


def object_content(verb) -> tuple[int, int] | None:
    """Token range of the attributed content carried by the object of cue verb `verb`: its
    direct object (with an object predicate: 'called it “a disgrace”'), else the object of
    about/for/against/on/over/of ('talked about Y', 'called for Y', 'apologized for Y');
    with a listener verb ('told reporters', 'thanked him for Y') only the prepositional one."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    dobj = next((child for child in kids if child.dep_ == "dobj"), None)
    as_phrase = _as_phrase(verb, kids)
    if dobj is not None and as_phrase is not None and dobj.i < as_phrase.i and lemma not in LISTENER_VERBS:
        # 'sees Cruz as a uniter', 'described himself as a pro-life Catholic'
        return dobj.left_edge.i, as_phrase.right_edge.i + 1
    if lemma in NO_OBJECT_CUES:
        # 'wrote a letter', 'pushed the bill' carry no content; with no direct object the object
        # of about/for/against … of an active verb still does: 'has written about Census
        # controversies', 'pushed for new negotiations', 'pushed back on those claims' (not
        # 'Maniffesto can be seen on S4C', whose object is its subject)
        return _prep_object_content(verb, lemma, kids, dobj) if dobj is None and not is_passive(verb) else None
    oprd = next((child for child in kids if child.dep_ == "oprd"), None)
    if (dobj is not None and not _listener(verb, dobj) and dobj.lower_ not in OBJECT_STOP and dobj.pos_ != "PRON"
            and dobj.ent_type_ not in ("DATE", "TIME")):
        high = (oprd or dobj).right_edge.i + 1
        return dobj.left_edge.i, _object_tail(verb, high)
    if lemma in NAMING_VERBS:
        named = _naming_content(verb, kids, dobj, oprd)
        if named is not None:
            return named
    if dobj is not None and dobj.lower_ in OBJECT_RELATIVES and verb.dep_ == "relcl" and dobj.i < verb.i \
            and lemma not in LISTENER_VERBS:
        # 'the bill, which Clinton also supports': the relative pronoun stands for the content
        return dobj.i, dobj.i + 1
    return _prep_object_content(verb, lemma, kids, dobj)


def _prep_object_content(verb, lemma: str, kids: list, dobj) -> tuple[int, int] | None:
    preps = OBJECT_PREPS | ({"to"} if lemma in TO_OBJECT_VERBS else set()) \
        | ({phrasal_prep(verb)} - {None})
    for prep in kids:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i > verb.i:
            pobj = next((child for child in prep.children if child.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.lower_ not in OBJECT_STOP and pobj.ent_type_ not in ("DATE", "TIME") \
                    and not said_on_a_medium(prep, pobj):
                high = pobj.right_edge.i + 1
                # 'referred to Rubio as “a bright leader”', 'pointed to China as the regional
                # enforcer': the description goes with it
                as_phrase = next((child for child in kids if child.dep_ == "prep" and child.lower_ == "as"
                                  and child.i >= high), None)
                if as_phrase is not None:
                    high = as_phrase.right_edge.i + 1
                high = _infinitive_tail(verb, high)
                if dobj is not None and verb.i < dobj.i < prep.i and prep.lower_ in CAUSE_PREPS:
                    # 'thanked his supporters for delivering …', 'accused him of …': the one
                    # thanked or accused goes with it
                    return dobj.left_edge.i, high
                return pobj.left_edge.i, high
    return None


def clip_complement(ctx: QuoteContext, low: int, high: int, scan_from: int | None = None) -> tuple[int, int]:
    """Bounds of a reported clause [low, high) without the narrator's additions after it: a
    conjoined verb of speech ('… momentum and said that …'; a conjoined stance or object cue
    stays in the clause, as PolNeAR files it: 'said the group is not an advocacy group and
    supports candidates on both sides'), a conjoined report with a subject of its own
    (`_another_report`), a participle after a comma ('…, referring to …'), a contrast ('…,
    though voters …'), a perfect participle after a comma ('…, having earlier criticised …').
    (Running a clause the parser cut at a quotation mark on to the
    sentence end was tried: it lowered PolNeAR recall.) With `scan_from`, only cuts after that
    token are looked for (the tail a content regained by `clause_bounds.keeps_its_verb`)."""
    doc = ctx.doc
    for index in range(max(low, scan_from or low) + 1, high):
        tok = doc[index]
        if ctx.inside_quote(tok.idx):
            continue
        before = ctx.text[doc[low].idx:tok.idx].rstrip()
        prev = before.rstrip("”\"’'")[-1:] if before.endswith(("”", '"')) else doc[index - 1].text
        if tok.dep_ == "conj" and tok.pos_ == "VERB" and subject_of(tok) is not None \
                and is_cue(tok, ("direct",)) \
                and not any(child.dep_ in SUBJECT_DEPS for child in tok.children):
            high = index
        elif _another_report(tok, low) or contrasted_report(tok):
            high = tok.left_edge.i
        elif prev in (",", "—", "–", "--", "-") and (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj")
                                                     or tok.lower_ in CLAUSE_BREAKS or _perfect_participle(tok)):
            high = index
        else:
            continue
        break
    while high > low + 1 and (doc[high - 1].is_punct or doc[high - 1].lower_ in COORDINATORS) \
            and not ctx.inside_quote(doc[high - 1].idx):
        high -= 1
    return low, high


def clip_object_report(ctx: QuoteContext, low: int, high: int, scan_from: int | None = None) -> tuple[int, int]:
    """Bounds of an object content [low, high) without a participle of speech after a comma or
    dash ('rejected the allegation that …, saying he was playing a “different” role'): the
    participle is the speaker's next report, with a content of its own (a reported clause
    gets the wider cut of `clip_complement`; `scan_from` as there)."""
    doc = ctx.doc
    for index in range(max(low, scan_from or low) + 1, high):
        tok = doc[index]
        if ctx.inside_quote(tok.idx) or doc[index - 1].text not in (",", "—", "–", "--", "-"):
            continue
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") and is_cue(tok, ("direct",)) \
                and any(child.dep_ in ("ccomp", "xcomp") for child in tok.children):
            return low, index - 1
    return low, high


def _another_report(tok, low: int) -> bool:
    """'Halifax said house prices rose by 0.8% and Nationwide reported a rise of 0.4%': a
    speech verb conjoined to the head of the reported clause, with a noun subject of its own (a
    name or a common noun, no pronoun) and no 'that' (not '… and that she wanted …', the same
    report's second clause), is the narrator's next report, not part of the first one's content."""
    subject = next((child for child in tok.children if child.dep_ in SUBJECT_DEPS and child.i < tok.i), None)
    return tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.left_edge.i <= low + 1 \
        and subject is not None and subject.pos_ in ("NOUN", "PROPN") and is_cue(tok, ("direct",)) \
        and not any(child.dep_ == "mark" for child in tok.children)


def _perfect_participle(tok) -> bool:
    """'having' opening a participle clause ('having earlier criticised the decision')."""
    return tok.lower_ == "having" and tok.dep_ == "aux" and tok.head.tag_ == "VBN" and tok.head.left_edge.i == tok.i


def own_sentence(ctx: QuoteContext, verb, low: int, high: int) -> tuple[int, int]:
    """[low, high) within the sentence of cue `verb` when the parser ran two sentences into
    one: cut at a line break or a sentence end (. ! ? outside quotation marks) between the
    cue and the far end of the content."""
    doc = ctx.doc

    def ends(tok) -> bool:
        return "\n" in tok.text or tok.text in (".", "!", "?") and not ctx.inside_quote(tok.idx)

    if low > verb.i:
        for index in range(low, high - 1):
            if ends(doc[index]):
                return low, index
    elif high <= verb.i:
        for index in range(high - 2, low - 1, -1):
            if ends(doc[index]):
                return index + 1, high
    return low, high


def sentence_break(verb, child) -> bool:
    """True when a sentence end (. ! ? or a line break) separates token `verb` from the subtree
    of its dependent `child`: the parser joined two sentences."""
    doc = verb.doc
    low, high = (verb.i + 1, child.left_edge.i) if child.i > verb.i else (child.right_edge.i + 1, verb.i)
    return any(tok.text in (".", "!", "?") or "\n" in tok.text for tok in doc[low:high])


def cut_trailing_aside(ctx: QuoteContext, low: int, high: int) -> tuple[int, int]:
    """[low, high) without a narrator's aside that closes it after a comma: a non-restrictive
    relative clause or apposition running to the end ('… it would be Trump, who has a
    significant delegate lead …', '… voted for Ben Carson, a neurosurgeon who …'); an
    apposition that is a name stays (`_name_apposition`)."""
    doc = ctx.doc
    for tok in doc[low:high]:
        if tok.dep_ not in ("relcl", "appos") or ctx.inside_quote(tok.idx) or _name_apposition(tok) \
                or _list_item(tok):
            continue
        aside_start = tok.left_edge.i
        index = aside_start - 1
        while index > low and doc[index].is_punct and doc[index].text != ",":
            index -= 1  # '… the “Charleston loophole,” a flaw …': the comma inside the closing mark
        if index <= low or doc[index].text != "," or tok.head.i >= aside_start:
            continue
        aside_start = index + 1
        aside_end = tok.right_edge.i + 1
        while aside_end < high and (doc[aside_end].is_punct or doc[aside_end].is_space):
            aside_end += 1
        if aside_end >= high:
            return low, aside_start - 1
    return low, high


def _list_item(tok) -> bool:
    """An 'apposition' that is the next item of a list ('noted the Sept. 11 attacks, her
    support for first responders and her work …'): it opens with a possessive."""
    return tok.dep_ == "appos" and tok.left_edge.dep_ == "poss" and tok.left_edge.pos_ == "PRON"


def _name_apposition(tok) -> bool:
    """An apposition that is a name ('…, the senator from Florida, Marco Rubio'): it says whom
    the content speaks of, no aside of the narrator's (PolNeAR train, keeping it: 5 more
    matches, 2 fewer predictions)."""
    return tok.dep_ == "appos" and tok.pos_ == "PROPN"


def without_asides(ctx: QuoteContext, low: int, high: int) -> list[tuple[int, int]]:
    """[low, high) as spans without an aside set off by commas inside it that reports someone
    else's words or stance: a non-restrictive relative clause or apposition with a cue verb
    ('whether candidates like Mr. Carson, who claimed at one point that …, and …' —
    PolNeAR leaves that attribution out of the content it sits in)."""
    doc = ctx.doc
    cuts = []
    for tok in doc[low:high]:
        if tok.dep_ not in ("relcl", "appos") or ctx.inside_quote(tok.idx) or tok.head.i >= tok.i:
            continue
        aside_start, aside_end = tok.left_edge.i, tok.right_edge.i + 1
        if aside_start - 1 <= low or doc[aside_start - 1].text != "," or aside_end >= high - 1 \
                or doc[aside_end].text != ",":
            continue
        if any(cut[0] <= aside_start - 1 < cut[1] for cut in cuts):
            continue
        if not any(is_cue(word, ("direct", "indirect", "object")) and word.pos_ == "VERB"
                   for word in doc[aside_start:aside_end]):
            continue
        cuts.append((aside_start - 1, aside_end + 1))
    spans, index = [], low
    for cut_start, cut_end in sorted(cuts):
        if cut_start > index:
            spans.append((index, cut_start))
        index = max(index, cut_end)
    spans.append((index, high))
    return [(start, end) for start, end in spans if end > start]


def runs_through(text: str, quote_start: int, quote_end: int, end: int) -> bool:
    """True when the quotation [quote_start, quote_end) sits inside a clause running on after
    it: a word right before its opening mark and the clause going on past its closing mark
    to `end`."""
    before = text[:quote_start].rstrip().rstrip("“\"‘'").rstrip()
    return before[-1:].isalnum() and quote_end < end


def cut_narrator_tail(ctx: QuoteContext, head, low: int, high: int) -> tuple[int, int]:
    """[low, high) of the reported clause headed by `head` without what the narrator adds at
    its end, which the parser hangs on the reported verb: 'according to …' ('…, according to
    exit polls'), or a finite verb phrase with no subject of its own after a non-finite
    reported clause — the reporter's next action ('urged X to coalesce around them and tried
    to make the case …', 'proposed that more forces be left in Iraq, and pushed to …')."""
    doc = ctx.doc
    for child in head.children:
        if child.i <= head.i or child.i >= high or ctx.inside_quote(child.idx) or child.right_edge.i + 1 < high:
            continue
        tail = None
        if child.dep_ == "prep" and child.lower_ == "according":
            tail = child.i
        elif child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and is_finite(child) and not is_finite(head) \
                and not any(kid.dep_ in SUBJECT_DEPS or kid.dep_ == "expl" for kid in child.children):
            conjunction = next((kid for kid in head.children if kid.dep_ == "cc" and head.i < kid.i < child.i), None)
            tail = conjunction.i if conjunction is not None else child.left_edge.i
        if tail is not None and tail > low + 2:
            high = tail
            break
    while high > low + 1 and doc[high - 1].is_punct and not ctx.inside_quote(doc[high - 1].idx):
        high -= 1
    return low, high


def left_clause_start(ctx: QuoteContext, start: int, end: int) -> int:
    """Where the reported clause before an interposed cue ('…, he said, …') begins in tokens
    [start, end): after the last dash or semicolon ('He had a rally that night - and the
    permit, his campaign said, had been hard to get'), and after the last comma when the part
    opens with a fronted modifier and that comma is followed by a noun phrase ('Bound together
    by …, the two nations, Xi said, now have …') — PolNeAR leaves the narrator's lead-in out."""
    doc = ctx.doc
    for index in range(end - 1, start, -1):
        if doc[index].text in ("—", "–", "-", "--", ";") and doc[index].whitespace_ \
                and not ctx.inside_quote(doc[index].idx):
            start = index + 1
            while start < end and doc[start].dep_ == "cc":
                start += 1
            break
    lead = doc[start]
    while start <= lead.head.i < end and lead.head.i != lead.i:
        lead = lead.head
    if lead.dep_ not in FRONTED_DEPS or lead.dep_ == "punct":
        return start
    last_comma = next((index for index in range(end - 1, start, -1) if doc[index].text == ","
                       and not ctx.inside_quote(doc[index].idx)), None)
    if last_comma is not None and end - last_comma > 2 \
            and doc[last_comma + 1].pos_ in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ"):
        start = last_comma + 1
    return start
