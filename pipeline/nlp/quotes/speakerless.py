"""Speakerless reports (issue 14, session 24): on fresh BBC text the predictions without a
speaker were the least precise (`quotes_bbc_precision --sample 24`, judged before these rules).
What is no report there, one named rule each: a name given ('which was formerly known as
Worldcom', 'what are called "qualified industrial zones"'), a status assigned ('was found
guilty of', session 26), a hearsay adverb on a verb that reports by itself ('…, the minister
has reportedly said') or in a relative clause ('the euros it supposedly held'). And one frame
that gives such a report its speaker: 'Women will be employed …, the minister has been reported
as saying'."""
from __future__ import annotations

from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.syntax import SUBJECT_DEPS, is_cue, is_passive, trim_range

PASSIVE_NAMING_VERBS = word_set("passive_naming_verbs")
QUOTING_VERBS = word_set("quoting_verbs")
STATUS_VERBS = word_set("status_verbs")
JUDGEMENT_ARTICLES = word_set("judgement_articles")
GRADED_TAGS = ("JJR", "JJS")  # comparative, superlative: a grade, not a plain description
GRADING_ADVERB_TAGS = ("RBR", "RBS")  # 'more/most dangerous'


def given_name(verb, agent, description: tuple[int, int]) -> bool:
    """'MCI, which was formerly known as Worldcom', 'They are usually called CSR reports', 'what
    are called "qualified industrial zones"': a passive verb of naming (rules passive_naming_verbs) with
    no 'by' agent and a noun for its description gives a thing its name — nobody's words or
    stance (not a judgement: 'has been called a liar', 'was called racist', `_judgement`)."""
    if agent is not None or verb.lemma_.lower() not in PASSIVE_NAMING_VERBS or description[1] <= description[0]:
        return False
    words = verb.doc[description[0]:description[1]]
    return words.root.pos_ in ("NOUN", "PROPN") and not _judgement(words)


def _judgement(words) -> bool:
    """'has been called a liar' (an indefinite description: rules judgement_articles), 'has been
    called the worst president in history' (a definite common noun an adjective grades): a
    judgement of someone's, not a name ('known as the euro', 'known as the Big Four' stay names)."""
    if words[0].lower_ in JUDGEMENT_ARTICLES:
        return True
    return words[0].pos_ == "DET" and words.root.pos_ == "NOUN" and any(
        child.dep_ == "amod" and _graded(child) for child in words.root.children)


def _graded(adjective) -> bool:
    """'worst', 'greater', 'most dangerous': an adjective that grades ('the central bank', 'the
    new system' only describe, so they stay names)."""
    return adjective.tag_ in GRADED_TAGS or any(
        child.tag_ in GRADING_ADVERB_TAGS for child in adjective.children)


def assigned_status(verb, agent, description: tuple[int, int]) -> bool:
    """'was found guilty of fraud', 'Parmalat was declared insolvent': a passive verb of formal finding
    (rules status_verbs) with no 'by' agent and an adjective for its description assigns a legal or
    official status — the outcome of a verdict or a filing, nobody's words or stance ('was seen as
    capable', 'was branded irresponsible' stay judgements: their verbs are not verbs of finding)."""
    if agent is not None or verb.lemma_.lower() not in STATUS_VERBS or description[1] <= description[0]:
        return False
    return verb.doc[description[0]:description[1]].root.pos_ == "ADJ"


NOT_A_DESCRIPTION = [given_name, assigned_status]


def no_description(verb, agent, description: tuple[int, int]) -> bool:
    """True when a rule of NOT_A_DESCRIPTION holds for the passive description of cue `verb`
    (`description`: its token range)."""
    return any(rule(verb, agent, description) for rule in NOT_A_DESCRIPTION)


def reported_report(verb) -> bool:
    """'…, Economics Minister Aburizal Bakrie has reportedly said': a hearsay adverb on a
    speech verb qualifies that verb's report, which is the attribution (with its speaker);
    the adverb makes no second one."""
    return is_cue(verb, ("direct",))


def described_thing(verb) -> bool:
    """'the 4bn euros it supposedly held in an offshore account did not exist': a hearsay adverb
    in a relative clause doubts the description of the noun the clause modifies — the writer's
    reserve about a thing, not the clause of anybody's report."""
    return verb.dep_ == "relcl"


def quoted_as_saying(ctx, verb):
    """'Women will be employed in the ministry …, Foreign Minister Prince Saud Al-Faisal has been
    reported as saying': a passive verb of quoting (rules quoting_verbs) with 'as saying' and
    a clause before its subject — the clause is the content, the subject the speaker.
    Returns (subject, [(low, high)]) token spans, or None."""
    if verb.lemma_.lower() not in QUOTING_VERBS or not is_passive(verb):
        return None
    subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS and child.i < verb.i), None)
    clause = next((child for child in verb.children if child.dep_ == "ccomp" and child.i < verb.i), None)
    if subject is None or clause is None or clause.i > subject.i or not _as_saying(verb):
        return None
    low, high = trim_range(ctx.doc, clause.left_edge.i, clause.right_edge.i + 1)
    return (subject, [(low, high)]) if high - low >= 2 and high <= subject.left_edge.i else None


def _as_saying(verb) -> bool:
    """The verb has 'as' with a speech verb's participle after it ('reported as saying')."""
    return any(child.dep_ == "prep" and child.lower_ == "as" and any(
        kid.dep_ == "pcomp" and kid.tag_ == "VBG" and is_cue(kid, ("direct",)) for kid in child.children)
        for child in verb.children)
