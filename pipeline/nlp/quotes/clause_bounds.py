"""Guards on the bounds of a reported clause after the common clipping (`indirect.report_candidate`).

Why: the cuts at a dash, a comma or a quotation each end a content at a phrase boundary, which is
right when what follows is the narrator's; when what follows holds the reported clause's own verb,
the cut leaves its subject alone ('believes rap act Raw T - signed to his F4 label, the fourth
incarnation of Factory - will "complete the hat-trick"' reported as 'rap act Raw T - signed to his
F4 label'), a content no reader files."""
from __future__ import annotations

from pipeline.nlp.quotes.syntax import SUBJECT_DEPS


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
