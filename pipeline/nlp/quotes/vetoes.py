"""What looks like a report but is none: a cue verb with a subject and content that a reader
would still not file as anybody's words or stance. One named rule each, tried in the order of
NOT_A_REPORT (any that holds vetoes the candidate); each was kept only when it raised the
all-attribution F1 on PolNeAR train (figures in the commit that added it)."""
from __future__ import annotations

from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.syntax import is_cue, is_passive

CONDITION_MARKS = word_set("condition_marks")
PERCEPTION_VERBS = word_set("perception_verbs")
FAILURE_VERBS = word_set("failure_verbs")
OBLIGATION_VERBS = word_set("obligation_verbs")
PERMISSION_VERBS = word_set("permission_verbs")
OBJECT_FREE_THOUGHTS = word_set("object_free_thoughts")
DECIDING_VERBS = word_set("deciding_verbs")
REMINDER_VERBS = word_set("reminder_verbs")
QUESTION_MARKS = word_set("question_marks")
READER_PRONOUNS = word_set("reader_pronouns")
EXHIBIT_VERBS = word_set("exhibit_verbs")
QUESTION_TAGS = {"WDT", "WP", "WP$", "WRB"}
NON_AGENT_ENTITIES = {"DATE", "TIME"}
AMOUNT_ENTITIES = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
MEASURED_ENTITIES = {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"}  # what a figure can be of: a place, a time, a count


def conditional_stance(verb, subject, head) -> bool:
    """'If they plan to stay six months …', '… unless they intended to work in health care':
    a stance verb (not a speech verb) in a condition states a case, not anybody's stance."""
    if is_cue(verb, ("direct",)):
        return False
    clause = verb
    for _climb in range(3):
        if clause.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKS
                                          for child in clause.children):
            return True  # (an 'if' clause that is an object is a question: 'asked if they planned to …')
        if clause.dep_ not in ("conj", "xcomp") or clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


def perceived_event(verb, subject, head) -> bool:
    """'General Motors saw its net profits fall 37%', 'watched him leave': a verb of perception
    with a bare infinitive or participle clause reports an event seen, not a stance (also when
    the parser made the subject of that clause the verb's object: 'Barclays has seen annual
    profits climb to record levels')."""
    if verb.lemma_.lower() not in PERCEPTION_VERBS:
        return False
    if head is None:
        head = next((child for child in verb.children if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i), None)
    if head is None or head.dep_ not in ("ccomp", "xcomp"):
        return False
    if any(child.dep_ in ("mark", "aux") and child.lower_ in ("that", "to") for child in head.children):
        return False
    return head.tag_ in ("VB", "VBG") or _untensed(verb, head)


def _untensed(verb, head) -> bool:
    """A complement verb the tagger gave a tense it cannot have there: a participle with no
    auxiliary ('have seen themselves overtaken by rivals'), or a present form after a past
    perception verb ('GM saw its net profits fall 37%': a bare infinitive)."""
    if any(child.dep_ in ("aux", "auxpass") for child in head.children):
        return False
    return head.tag_ == "VBN" or head.tag_ == "VBP" and verb.tag_ in ("VBD", "VBN")


def adding_to(verb, subject, head) -> bool:
    """'the meeting has only added to the belief that …', 'adding to the pressure': 'add to' is
    no speech."""
    return verb.lemma_.lower() == "add" and any(
        child.dep_ == "prep" and child.lower_ == "to" and child.i == verb.i + 1 for child in verb.children)


def quantity_added(verb, subject, head) -> bool:
    """'The British pound had added 0.5% to break through …', 'added 2,000 jobs': 'add' with an
    amount for its object is a rise, no speech."""
    return verb.lemma_.lower() == "add" and any(
        child.dep_ in ("dobj", "npadvmod") and (child.ent_type_ in AMOUNT_ENTITIES or child.like_num) for child in verb.children)


def failed_act(verb, subject, head) -> bool:
    """'Lord Callaghan failed to predict the mood of the country': a cue under a verb of
    failing ('fail to', rules failure_verbs) was not done, so reports nothing."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FAILURE_VERBS


def required_act(verb, subject, head) -> bool:
    """'Those diagnosed would then need to seek treatment', 'Blair has yet to name the date':
    a cue with an object (no reported clause) under a verb of obligation or permission (rules
    obligation_verbs) is an act required or allowed, not a stance taken."""
    return head is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBLIGATION_VERBS


def granted_right(verb, subject, head) -> bool:
    """'Workers will be permitted to request staying on', 'passengers will be allowed to demand
    compensation': a cue verb under a passive verb of permission (rules permission_verbs) is a
    right given to its subject, not a request or a stance anybody took."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PERMISSION_VERBS and is_passive(verb.head)


def topic_of_a_report(verb, subject, head) -> bool:
    """'Explaining his reason for quitting, Mr McLetchie said: “…”', 'Commenting on the
    decision, a spokesman said …': a participle of a cue with an object (no reported clause)
    leading a speech verb names the topic of that report, which carries the words."""
    return head is None and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i \
        and is_cue(verb.head, ("direct", "indirect"))


def money_given(verb, subject, head) -> bool:
    """'Gordon Brown has offered £960m', 'Mr Gates pledged $750m of his own money': a cue with
    a sum of money for its object (no reported clause) gives or promises the money, it
    reports no words or stance."""
    return head is None and any(child.dep_ == "dobj" and _a_sum(child) for child in verb.children)


def _a_sum(noun) -> bool:
    """A noun phrase headed by a sum of money ('£960m', '$750m', 'a $5bn loan'; not 'support
    worth $5m'): a currency sign or a money entity up to its head."""
    return any(tok.ent_type_ == "MONEY" or tok.tag_ == "$" for tok in noun.subtree if tok.i <= noun.i)


def thing_thought_of(verb, subject, head) -> bool:
    """'prepares to assume the presidency', 'I know Donald Trump', 'the voters will decide the
    nominee': a verb of thinking or deciding (rules object_free_thoughts) with a noun object and
    no reported clause takes on a post, knows a person or settles an outcome — no proposition
    is reported (a question word as object stays: 'what people think of …')."""
    return head is None and verb.lemma_.lower() in OBJECT_FREE_THOUGHTS and any(
        child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN") for child in verb.children)


def open_decision(verb, subject, head) -> bool:
    """'MPs are deciding whether to recommend …', 'the EU will decide whether to start entry
    talks', 'hasn't decided which candidate she will back': a verb of deciding (rules
    deciding_verbs) whose content is an indirect question has not decided — it states no
    position of its subject yet; nor does a cue inside that question ('recommend' above)."""
    if _an_open_question(verb) and _deciding(verb.head.head if verb.head.dep_ == "prep" else verb.head):
        return True
    if not _deciding(verb):
        return False
    clause = head if head is not None else next(
        (tok for tok in verb.subtree if tok.i > verb.i and tok.dep_ in ("ccomp", "xcomp", "pcomp")), None)
    return clause is not None and _an_open_question(clause)


def _deciding(verb) -> bool:
    return verb.lemma_.lower() in DECIDING_VERBS


def _an_open_question(clause) -> bool:
    """A clause opened by 'whether'/'if' or a wh-word ('whether to start …', 'which candidate …')."""
    first = clause.left_edge
    return clause.dep_ in ("ccomp", "xcomp", "pcomp") and (first.lower_ in QUESTION_MARKS or first.tag_ in QUESTION_TAGS)


def reader_reminded(verb, subject, head) -> bool:
    """'It is easy to forget that the regime used to …', 'let's not forget that …', 'it is worth
    remembering that …': a verb of remembering (rules reminder_verbs) said of nobody or of
    'us' is the writer reminding the reader of a fact, nobody's report."""
    return verb.lemma_.lower() in REMINDER_VERBS and (nobody(verb, subject) or subject.lower_ in READER_PRONOUNS)


def exhibited_measure(verb, subject, head) -> bool:
    """'The North East showed the highest rate of inflation', '[of the 12 regions] 11 showed
    stronger growth': a verb of exhibiting (rules exhibit_verbs) with a noun object and no
    reported clause, whose subject is a place, a time or a count — what the figure is of —
    shows that figure; it reports nobody's finding (a record of data still does: 'Figures
    showed a sharp rise', 'The survey showed a fall')."""
    return head is None and verb.lemma_.lower() in EXHIBIT_VERBS and subject.ent_type_ in MEASURED_ENTITIES \
        and any(child.dep_ == "dobj" for child in verb.children)


NOT_A_REPORT = [conditional_stance, perceived_event, adding_to, quantity_added, failed_act, required_act,
                granted_right, topic_of_a_report, money_given, thing_thought_of, open_decision, reader_reminded,
                exhibited_measure]


def vetoed(verb, subject, head) -> bool:
    """True when a rule of NOT_A_REPORT holds for cue `verb` with `subject` and clause `head`."""
    return any(rule(verb, subject, head) for rule in NOT_A_REPORT)


def nobody(verb, subject) -> bool:
    """The subject found for a cue names nobody, though the content is still reported (PolNeAR
    files it): a date or a time ('January saw a fall …'), or the dummy 'it' of an adjective
    the cue hangs on ('it is easy to forget that …', 'make it impossible to dismiss X as …')."""
    if subject.ent_type_ in NON_AGENT_ENTITIES:
        return True
    if subject.lower_ != "it" or subject.head.i == verb.i:
        return False
    governor = subject.head  # 'it is easy to …' (be + adjective), 'make it impossible to …'
    return governor.pos_ == "ADJ" or governor.lemma_ == "be" and any(
        child.dep_ == "acomp" for child in governor.children)
