"""Partial quotes inside a report's content: 'Mr Howard argues government is too big and
cannot continue “down the path of ever rising taxes”', 'called Mr. Trump's comments “racially
toxic”'. The words in marks are part of what the report's speaker said, so the partial
quote takes the report's cue and speaker: one attribution (PolNeAR files the clause with its
quoted words as one Content), not a second one hung on a verb inside the clause (on PolNeAR
train a partial quote nested in another attribution matched a gold attribution of its own
in 13 of 184 cases).

One named rule each, applied in the order of NESTING_RULES to every partial quote with the
reports that contain it."""
from __future__ import annotations

import re

from pipeline.records import Quote

INSIDE = 0.8  # share of the partial quote's characters the report's content must cover
GAP_WORDS = 5  # at most this many words between a report's content and a partial quote it runs on into


def _covered(inner: Quote, outer: Quote) -> bool:
    size = max(inner.end - inner.start, 1)
    return min(inner.end, outer.end) - max(inner.start, outer.start) >= INSIDE * size


def _same_speaker(inner: Quote, outer: Quote) -> bool:
    if inner.speaker_entity_key and inner.speaker_entity_key == outer.speaker_entity_key:
        return True
    return inner.speaker_start is not None and inner.speaker_start == outer.speaker_start


def cue_outside_content(partial: Quote, report: Quote, reporting_cues: set[int]) -> bool:
    """The partial quote's cue lies outside the report's content (before or after it): the
    report's own clause or object holds the quotation."""
    return partial.cue_start is None or not report.start <= partial.cue_start < report.end


def same_speaker_inside(partial: Quote, report: Quote, reporting_cues: set[int]) -> bool:
    """A verb inside the content governs the quotation, but its subject is the report's
    speaker ('Pence pledged that Trump “really is” in favor of free trade, but wants “smarter
    and tougher” trade deals' as resolved to Pence): still the speaker's own words."""
    return _same_speaker(partial, report)


def no_report_of_its_own(partial: Quote, report: Quote, reporting_cues: set[int]) -> bool:
    """The verb inside the content that governs the quotation reported nothing of its own (its
    clause lies in the report's content, which took it: 'it does say that Japan agrees to
    “renounce war”', 'said Clinton called on members to be “closely coordinated”'): the
    quotation is part of what the report's speaker is reported to have said, not a second
    attribution (PolNeAR train: all-attribution F1 0.7299 -> 0.7310, 70 fewer predicted
    rows; BBC precision 0.836 -> 0.838)."""
    return partial.cue_start not in reporting_cues


NESTING_RULES = [cue_outside_content, same_speaker_inside, no_report_of_its_own]


def runs_on_into(text: str, partial: Quote, report: Quote) -> bool:
    """'Mr Straw promised to continue to ensure the UK's budget rebate, secured in 1984 by
    Margaret Thatcher, was “fully justified”': the report's content stops short of a partial
    quote that closes its clause — the partial's cue is a verb inside the content, a few words
    of the same sentence lie between, and the partial has no other speaker of its own."""
    if partial.cue_start is None or not report.start <= partial.cue_start < report.end or partial.start < report.end:
        return False
    gap = text[report.end:partial.start]
    if re.search(r"[.!?;:]", gap) or len(re.findall(r"\w+", gap)) > GAP_WORDS:
        return False
    return partial.speaker_start is None or _same_speaker(partial, report)


def _run_on(text: str, partial: Quote, reports: list[Quote]) -> Quote | None:
    """The report a partial quote closes (runs_on_into); None when there is none."""
    return next((report for report in reports if report.cue_start is not None
                 and runs_on_into(text, partial, report)), None)


def join_nested_partials(quotes: list[Quote], reports: list[Quote], text: str) -> None:
    """Give every partial quote lying inside a report's content (an indirect quote with a cue)
    the cue and speaker of the innermost such report, when a rule of NESTING_RULES holds; a
    partial that closes a report's clause (runs_on_into in the version's `text`) extends that
    report's content to the partial's end and joins it."""
    reporting_cues = {report.cue_start for report in reports if report.cue_start is not None}
    for partial in quotes:
        if partial.kind != "partial":
            continue
        holders = [report for report in reports if report.cue_start is not None and _covered(partial, report)
                   and (report.cue_start, report.speaker_start) != (partial.cue_start, partial.speaker_start)]
        if holders:
            report = min(holders, key=lambda holder: holder.end - holder.start)
            if not any(rule(partial, report, reporting_cues) for rule in NESTING_RULES):
                continue
        else:
            report = _run_on(text, partial, reports)
            if report is None:
                continue
            report.end, report.text = partial.end, text[report.start:partial.end]
        partial.cue, partial.cue_start, partial.cue_end = report.cue, report.cue_start, report.cue_end
        partial.speaker_text, partial.speaker_entity_key = report.speaker_text, report.speaker_entity_key
        partial.speaker_start, partial.speaker_end = report.speaker_start, report.speaker_end
        partial.is_anonymous = report.is_anonymous
