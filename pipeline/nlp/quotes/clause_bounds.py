"""Guards on the bounds of a reported clause after the common clipping (`indirect.report_candidate`).

Why: the cuts at a dash, a comma or a quotation each end a content at a phrase boundary, which is
right when what follows is the narrator's; when what follows holds the reported clause's own verb,
the cut leaves its subject alone ('believes rap act Raw T - signed to his F4 label, the fourth
incarnation of Factory - will "complete the hat-trick"' reported as 'rap act Raw T - signed to his
F4 label'), a content no reader files; a contrast clause holding another speaker's report is no
part of the first one's content (`contrasted_report`)."""
from __future__ import annotations

from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.syntax import SUBJECT_DEPS, is_cue

CLAUSE_BREAKS = word_set("clause_breaks")


def keeps_its_verb(head, low: int, high: int, limit: int) -> int:
    """The end of a content [low, high) whose reported clause is headed by `head`: when a cut left
    the clause's subject in and its verb out, the content runs on to the end of the verb's phrase
    (never past `limit`, the end the rule found before clipping)."""
    if head is None or head.pos_ not in ("VERB", "AUX") or not high <= head.i < limit:
        return high
    subjects = [child for child in head.children if child.dep_ in SUBJECT_DEPS]
    if not subjects or not all(low <= subject.i < high for subject in subjects):
        return high
    return min(limit, head.right_edge.i + 1)


def contrasted_report(tok) -> bool:
    """'Miner Highland Gold said it regretted any limit on privatisation while BP, a big investor,
    declined to comment': a contrast clause (opened by a word of rules clause_breaks, with or
    without a comma before it) whose verb is a cue of any use with a noun subject of its own
    after that word (a name or a common noun: 'while BP …', 'while its main rival …'; a pronoun
    subject does not count) is the narrator's report of another speaker, not part of the first
    one's content (after the clause it contrasts with: a fronted 'while the report revealed …,
    there were …' is inside the content)."""
    subject = next((child for child in tok.children if child.dep_ in SUBJECT_DEPS and child.i < tok.i), None)
    return tok.dep_ == "advcl" and tok.head.i < tok.left_edge.i and subject is not None \
        and subject.pos_ in ("NOUN", "PROPN") \
        and is_cue(tok, ("direct", "indirect", "object")) \
        and any(child.dep_ == "mark" and child.lower_ in CLAUSE_BREAKS and child.i < subject.i for child in tok.children)
