"""Indirect quotes: a cue verb (of either use) outside the quotations with a subject and a
clausal complement ("X said (that) …", "X wants to …") — the complement is the content,
without the narrator's additions after it (a conjoined speech verb, a participle or a
though/while clause after a comma); "according to X, …" — the rest of the sentence. Without
a clause, the object of a cue verb is the content ("X praised Y", "X denied the report", "X
called for Y", "X talked about Y", "X referred/pointed to Y", "X sees Y as Z"; `object` use
in speech_verbs.tsv; listeners — "told reporters" — and dates are not content). Noun cues:
the 'that'/'to' clause of a noun of saying or intending ("Trump's claim that …", "announced
a plan to …") or the object of "criticism of", "support for", "call for" …, with the
possessor, the object of 'by' or the subject of the governing verb as speaker (none: left
out). Raising verbs of impression ("X seemed/appears to …", "it appears that …"): subject
through complement, no speaker (the narrator's impression; cue_type stance). A
non-restrictive relative clause or apposition closing the content after a comma is the
narrator's aside and is left out. A parenthetical cue clause ('In the long run, many
economists say, this could …', '…, a spokeswoman said on Saturday.'; parsed as parataxis)
takes the rest of its sentence, before and after it, as one attribution; 'said so/yes/no'
takes the answer word. Cue verbs that mostly introduce nothing reported (continue, sign,
hear, consider …: no_indirect_cues) yield no indirect quote.

Each frame is one rule of INDIRECT_CUE_RULES, tried in order on every token (sentence by
sentence, nearer the root first); the first that applies settles the token."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.nlp.quotes.animacy import inanimate
from pipeline.nlp.quotes.clause_bounds import keeps_its_verb
from pipeline.nlp.quotes.complements import verb_complement
from pipeline.nlp.quotes.content import (
    MORE_OBJECT_CUES, clip_complement, clip_object_report, cut_narrator_tail, cut_trailing_aside, left_clause_start,
    own_sentence, phrasal_prep, runs_through, without_asides,
)
from pipeline.nlp.quotes.context import QuoteContext, Speaker
from pipeline.nlp.quotes.continuations import continued_parts, through_quotation
from pipeline.nlp.quotes.frames import (
    adjective_cue, as_clause, colon_line, hearsay, made_clear, modified_noun, noun_cue, parenthetical, passive_content,
    passive_description, postposed_cue, raising, relative_clause, survey_source, that_clause,
)
from pipeline.nlp.quotes.lexicon import word_set
from pipeline.nlp.quotes.polls import poll_finding
from pipeline.nlp.quotes.speakers import resolve_speaker
from pipeline.nlp.quotes.speakerless import no_description, quoted_as_saying
from pipeline.nlp.quotes.stance_frames import frame_of, is_cue_frame
from pipeline.nlp.quotes.vetoes import nobody, vetoed
from pipeline.nlp.quotes.syntax import (
    ORG_LABELS, PERSON_LABELS, SUBJECT_DEPS, according_object, char_span, is_cue, is_passive, subject_of, trim_range,
)
from pipeline.records import Quote

NO_INDIRECT_CUES = word_set("no_indirect_cues")
RECORD_NOUNS = word_set("record_nouns")
ASKED_CLAUSE_MARKS = word_set("asked_clause_marks")
STANCE_TARGET_PREPS = word_set("stance_target_preps")
STANCE_AGENTS = word_set("stance_agents")


class Candidate(NamedTuple):
    """A report a rule found whose content still goes through the common clipping."""
    subject: object  # the token heading the speaker phrase
    content: tuple[int, int] | None  # token range
    head: object = None  # the head of a reported clause, when the content is one
    source: object = None  # the object of 'according to' or the poll of 'in a poll'
    speakerless: bool = False  # the subject receives the report ('Voters were told that …'): nobody's


HANDLED = Candidate(None, None)  # the rule applied and reported what it found, if anything


@dataclass
class Reporter:
    """The attributions found so far and the text they take (quotations first)."""
    ctx: QuoteContext
    taken: list[tuple[int, int]]
    direct_count: int
    used_cues: set[int]
    direct: list[Quote] = field(default_factory=list)
    out: list[Quote] = field(default_factory=list)
    rule: str = ""  # the rule of INDIRECT_CUE_RULES being tried (or the clipping after it)
    rules: list[str] = field(default_factory=list)  # the rule that found each quote of `out`

    def overlaps(self, start: int, end: int) -> bool:
        """More than half of [start, end) lies in a quotation or an earlier report."""
        size = max(end - start, 1)
        return any(min(end, taken_end) - max(start, taken_start) > 0.5 * size for taken_start, taken_end in self.taken)

    def speaker(self, subject, start: int) -> Speaker:
        return resolve_speaker(self.ctx, subject, self.ctx.text.rfind("\n", 0, start) + 1, self.last_before(start))

    def last_before(self, pos: int) -> str | None:
        """The entity of the last speaker named before `pos` (a quotation's or an earlier
        report's): whom a pronoun there most likely continues, not the article's last speaker."""
        earlier = [quote for quote in self.direct + self.out if quote.speaker_entity_key and quote.start < pos]
        return max(earlier, key=lambda quote: quote.start).speaker_entity_key if earlier else None

    def report(self, start: int, end: int, cue_tok, speaker: Speaker | None = None, cue: str | None = None,
               cue_end: int | None = None) -> None:
        """Record text[start:end] as an indirect attribution of cue `cue_tok` (no speaker by
        default: the narrator's impression, hearsay, an unnamed asker)."""
        speaker = speaker or Speaker()
        self.out.append(Quote(start=start, end=end, text=self.ctx.text[start:end], kind="indirect",
                              speaker_text=speaker.text, speaker_entity_key=speaker.key, cue=cue or cue_tok.text,
                              speaker_start=speaker.start, speaker_end=speaker.end, cue_start=cue_tok.idx,
                              cue_end=cue_end if cue_end is not None else cue_tok.idx + len(cue_tok.text),
                              is_anonymous=speaker.anonymous))
        self.rules.append(self.rule)
        self.taken.append((start, end))


def according_source(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """'according to X, …' / 'In a CNN poll, …': the larger contiguous side of the sentence
    outside the phrase is X's content."""
    source = according_object(tok) or survey_source(tok)
    if source is None:
        return None
    doc = ctx.doc
    phrase_head = tok.head if tok.head.i != tok.i else tok
    phrase = {word.i for word in phrase_head.subtree} if phrase_head.lower_ in ("according",) \
        else {word.i for word in tok.subtree}
    phrase |= {word.i for word in doc[tok.i:tok.i + 2]} | {word.i for word in source.subtree}
    rest = [word.i for word in tok.sent if word.i not in phrase]
    content = None
    if rest:
        left = [index for index in rest if index < tok.i]
        right = [index for index in rest if index > max(phrase)]
        side = right if len(right) >= len(left) else left
        if side:
            content = (side[0], side[-1] + 1)
    return Candidate(source, content, None, source)


def poll_report(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """'Clinton led Sanders more than 2-1 in an NBC News poll': the clause before an 'in … poll'
    phrase after its verb (`polls.poll_finding`) is the poll's content, the poll its source."""
    found = poll_finding(tok)
    return Candidate(found.source, found.span, None, found.source) if found is not None else None


def stance_predicate(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """'Clinton is an outspoken supporter of Roe v. Wade', 'Mr. Ryan is a vocal advocate of trade
    deals', 'She is a Sanders supporter': a noun naming a stance holder (rules stance_agents) as
    the predicate of a copula — the object of its 'of'/'for' (else a name compounded with it)
    is the content, the copula's subject the speaker. (As an
    apposition, 'Jane Doe, a supporter of Trump, …' describes rather than reports: train 2 of 10
    annotated, left out.)"""
    if tok.pos_ != "NOUN" or tok.dep_ != "attr" or tok.lemma_.lower() not in STANCE_AGENTS:
        return None
    prep = next((child for child in tok.children if child.dep_ == "prep" and child.lower_ in STANCE_TARGET_PREPS), None)
    pobj = next((child for child in prep.children if child.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        pobj = next((child for child in tok.children if child.dep_ == "compound" and child.pos_ == "PROPN"), None)
    subject = subject_of(tok.head)
    if pobj is None or subject is None:
        return None
    return Candidate(subject, (pobj.left_edge.i, pobj.right_edge.i + 1))


def raising_impression(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """'X seemed to …' / 'X appears ready …' / 'it appears that …': the narrator's impression
    — the clause (subject and complement) is the content, no speaker."""
    raised = raising(ctx, tok)
    if raised is None:
        return None
    low, high = trim_range(ctx.doc, *raised)
    if high - low >= 2:
        start, end = char_span(ctx.doc, low, high)
        if not reporter.overlaps(start, end):
            reporter.report(start, end, tok)
    return HANDLED


def colon_turn(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """'Sanders: Brexit’s message could draw Trump support in US', 'TAPPER: Do you think …'."""
    found = colon_line(ctx, tok)
    if found is None:
        return None
    subject, (low, high) = found
    start, end = char_span(ctx.doc, low, high)
    if not reporter.overlaps(start, end):
        reporter.report(start, end, tok, reporter.speaker(subject, start))
    return HANDLED


def hearsay_adverb(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """'The Club for Growth is reportedly spending …': hearsay, no speaker."""
    spans = hearsay(ctx, tok)
    if spans is None:
        return None
    parts = [char_span(ctx.doc, low, high) for low, high in spans]
    if not any(reporter.overlaps(start, end) for start, end in parts):
        for start, end in parts:
            reporter.report(start, end, tok)
    return HANDLED


def parenthetical_cue(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """'In his state, Christie said, offenders are sent to …': the sentence around the cue
    clause, one attribution."""
    return _report_parts(ctx, tok, parenthetical(ctx, tok), reporter)


def _report_parts(ctx: QuoteContext, verb, found, reporter: Reporter) -> Candidate | None:
    """Record the content spans a frame found for cue `verb` as one attribution of its subject."""
    if found is None:
        return None
    subject, parts = found
    spans = [char_span(ctx.doc, low, high) for low, high in parts]
    if any(reporter.overlaps(start, end) for start, end in spans) or ctx.inside_quote(subject.idx):
        return HANDLED
    speaker = reporter.speaker(subject, spans[0][0])
    for start, end in spans:
        reporter.report(start, end, verb, speaker)
    return HANDLED


def as_report(ctx: QuoteContext, verb, reporter: Reporter) -> Candidate | None:
    """'As The Atlantic recently noted, trust in government is collapsing …': the clause the
    'as' clause of a cue modifies."""
    return _report_parts(ctx, verb, as_clause(ctx, verb), reporter)


def postposed_report(ctx: QuoteContext, verb, reporter: Reporter) -> Candidate | None:
    """'…, a girl was pepper-sprayed by another bystander, police said.': the words before a
    sentence-closing ', X said' the parser hung elsewhere."""
    return _report_parts(ctx, verb, postposed_cue(ctx, verb), reporter)


def described_report(ctx: QuoteContext, verb, reporter: Reporter) -> Candidate | None:
    """'Twitter is increasingly seen as a source of news', 'Perez has been mentioned as a
    candidate': subject and description, one attribution of the 'by' agent or of nobody."""
    found = passive_description(ctx, verb)
    if found is None:
        return None
    agent, parts = found
    spans = [char_span(ctx.doc, low, high) for low, high in parts if high > low]
    if no_description(verb, agent, parts[-1]) or len(spans) < 2 \
            or any(reporter.overlaps(start, end) for start, end in spans):
        return HANDLED
    speaker = reporter.speaker(agent, spans[0][0]) if agent is not None else None
    for start, end in spans:
        reporter.report(start, end, verb, speaker)
    return HANDLED


def quoted_report(ctx: QuoteContext, verb, reporter: Reporter) -> Candidate | None:
    """'…, the minister has been reported as saying': the clause before (`quoted_as_saying`)."""
    return _report_parts(ctx, verb, quoted_as_saying(ctx, verb), reporter)


def relative_report(ctx: QuoteContext, verb, reporter: Reporter) -> Candidate | None:
    """'a wall, which he said Mexico should pay for', 'the job that many economists say is the
    future': a cue verb in a relative clause whose reported clause begins with the relative
    word — the relative word and the clause after the cue are the content, the speaker the
    cue's subject in between."""
    return _report_parts(ctx, verb, relative_clause(ctx, verb), reporter)


def noun_or_adjective_cue(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """"Trump's claim that …", "criticism of Y", "are concerned that …"."""
    found = noun_cue(tok) or adjective_cue(tok) or made_clear(tok)
    if found is None:
        return None
    return Candidate(found[0], found[1])


def lexicon_frame(ctx: QuoteContext, tok, reporter: Reporter) -> Candidate | None:
    """A noun or adjective in a stance frame of the generated lexicon rules/quote_frames.tsv
    ('questions about Y', 'the decision to …', 'critical of Y'): its complement is the
    content, its possessor or subject the speaker; with nobody named the report has no
    speaker, and is filed only when its content is a clause (`holds_a_clause`)."""
    frame = frame_of(tok) if tok.pos_ in ("NOUN", "ADJ", "VERB") else None
    if frame is None or not is_cue_frame(frame.key):
        return None
    if frame.speaker is not None:
        return Candidate(frame.speaker, frame.content)
    if not holds_a_clause(ctx.doc, frame.content):
        return HANDLED  # 'hopes of a payoff', 'a plan to raise new money': nobody's position
    low, high = trim_range(ctx.doc, *frame.content)
    if high - low >= 1:
        start, end = char_span(ctx.doc, low, high)
        if not reporter.overlaps(start, end):
            reporter.report(start, end, tok)
    return HANDLED


def holds_a_clause(doc, content: tuple[int, int]) -> bool:
    """A frame content that is a clause with a subject of its own ('speculation that the duo
    do not think …', 'questions about whether he can win'), not a noun phrase or a bare
    infinitive ('hopes of a payoff', 'a plan to raise new money'). A frame nobody holds is
    filed only with such a clause (issue 14, session 20: what the warehouse user reads as
    "who said what" is somebody's position; a clause is hearsay, a noun phrase with no holder
    is the narrator's wording)."""
    low, high = content
    return any(tok.dep_ in SUBJECT_DEPS and low <= tok.head.i < high for tok in doc[low:high])


def _unnamed_asker(ctx: QuoteContext, verb, question, reporter: Reporter) -> None:
    """'Asked if he was ever bullied, Trump said …', '…, when asked whether …': the question
    of unnamed askers."""
    doc = ctx.doc
    if verb.lower_ == "asked" and verb.dep_ == "advcl" and question is not None and (
            verb.i == verb.sent.start or doc[verb.i - 1].lower_ in ASKED_CLAUSE_MARKS):
        low, high = trim_range(doc, question.left_edge.i, question.right_edge.i + 1)
        if high - low >= 2 and not reporter.overlaps(*char_span(doc, low, high)):
            reporter.report(*char_span(doc, low, high), verb)


def verb_cue(ctx: QuoteContext, verb, reporter: Reporter) -> Candidate | None:
    """A cue verb with a clausal complement or an object that is content (see module doc)."""
    if not (verb.pos_ == "VERB" and listed_verb(verb)):  # (the part of speech first: it rules out most tokens)
        return None
    return verb_frame(ctx, verb, reporter)


def listed_verb(verb) -> bool:
    """A cue verb of the lexicons (speech_verbs.tsv, more_object_cues, phrasal_cues), not one
    of no_indirect_cues unless it has a 'that' clause."""
    lemma = verb.lemma_.lower()
    return (is_cue(verb, ("direct", "indirect", "object")) or lemma in MORE_OBJECT_CUES
            or phrasal_prep(verb) is not None) and (lemma not in NO_INDIRECT_CUES or that_clause(verb) is not None)


def verb_frame(ctx: QuoteContext, verb, reporter: Reporter) -> Candidate | None:
    """The report of verb `verb` taken as a cue: its complement and its subject (see module doc)."""
    complement = verb_complement(ctx, verb)
    span, head = (complement.span, complement.head) if complement is not None else (None, None)
    passive = passive_content(verb) if span is None else None
    if passive is not None:
        span = passive[1]
    if span is None:
        return HANDLED
    received = passive is None and is_passive(verb)
    if received and not is_cue(verb, ("direct", "indirect")):
        return HANDLED  # 'young people are to be encouraged to …': no speech or stance cue, no report
    subject = passive[0] if passive is not None else (subject_of(verb) or modified_noun(verb))
    parent = verb.head
    if (verb.dep_ == "conj" and not any(child.dep_ in SUBJECT_DEPS for child in verb.children)
            and parent.dep_ == "ccomp" and is_cue(parent.head, ("direct", "indirect", "object"))):
        # 'X said A had happened and said that B': the parser hangs the second
        # "said" on the reported clause; its subject is the first one's
        subject = subject_of(parent.head) or subject
    subject = _object_clause_controller(verb) or subject
    if subject is None:
        _unnamed_asker(ctx, verb, head, reporter)
        return HANDLED
    if span[0] <= subject.i < span[1]:
        return HANDLED  # a subject inside the complement span (content first: "X, sources said")
    if vetoed(verb, subject, head):
        return HANDLED
    return Candidate(subject, span, head, speakerless=received or nobody(verb, subject))


def _object_clause_controller(verb):
    """'Mr Balls rejected the allegation that Mr Brown had been sidelined, saying he was …': a
    subjectless participle of speech after a comma that the parser hangs on the clause of a
    verb's object noun is said by that verb's subject (the one who goes on speaking), not by
    the noun clause's subject."""
    clause = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not is_cue(verb, ("direct",)) \
            or any(child.dep_ in SUBJECT_DEPS for child in verb.children) \
            or verb.i == 0 or verb.doc[verb.i - 1].text not in (",", "-", "--", "—", "–") or clause.dep_ != "acl" \
            or clause.head.dep_ != "dobj":
        return None
    return subject_of(clause.head.head)


INDIRECT_CUE_RULES = [
    poll_report, stance_predicate, according_source, raising_impression, colon_turn, hearsay_adverb,
    parenthetical_cue, as_report, relative_report, postposed_report, quoted_report, described_report,
    noun_or_adjective_cue, lexicon_frame, verb_cue,
]

# the parts of speech a rule can apply to, as its code tests them (its first condition or its frame's: a rule
# returns None for a token of any other); a rule not listed here (word-form rules: 'in … poll', 'according to',
# ':' lines, hearsay adverbs, 'reported as saying') is tried on every token. ~104k tokens per 300 texts reach the
# rules, ~40 % of them determiners, pronouns, particles, numbers, conjunctions, auxiliaries, proper nouns, spaces.
RULE_PARTS_OF_SPEECH = {
    stance_predicate: frozenset({"NOUN"}),
    raising_impression: frozenset({"VERB", "AUX"}),  # (`raising`)
    parenthetical_cue: frozenset({"VERB", "AUX"}),  # (`parenthetical`: a parataxis `is_cue`)
    as_report: frozenset({"VERB", "AUX"}),  # (`as_clause`: an advcl `is_cue`)
    relative_report: frozenset({"VERB"}), postposed_report: frozenset({"VERB"}), described_report: frozenset({"VERB"}),
    noun_or_adjective_cue: frozenset({"NOUN", "ADJ"}),  # (`noun_cue`, `adjective_cue`, `made_clear`)
    lexicon_frame: frozenset({"NOUN", "ADJ", "VERB"}),
    verb_cue: frozenset({"VERB"}),
}


def rules_for(pos: str) -> list:
    """The rules of INDIRECT_CUE_RULES, in order, that can apply to a token of this part of speech."""
    return [rule for rule in INDIRECT_CUE_RULES
            if rule not in RULE_PARTS_OF_SPEECH or pos in RULE_PARTS_OF_SPEECH[rule]]


def says_nothing(ctx: QuoteContext, found: Candidate) -> bool:
    """The subject is a thing that says nothing ('T-shirts portray …', 'a microphone told …'):
    a lower-case common noun of rules/inanimate_nouns.tsv (animacy) that carries no words or
    pictures (rules record_nouns: 'Footage shows …') and is no name — no report (a word
    after a hyphenated prefix is looked up whole: 'The non-profit' is no thing)."""
    subject, doc = found.subject, ctx.doc
    lemma = subject.lemma_.lower()
    if subject.i > 1 and doc[subject.i - 1].text == "-" and len(doc[subject.i - 2].text) > 2:
        lemma = f"{doc[subject.i - 2].lower_}-{lemma}"  # 'The non-profit': the whole word ('T-shirts': the noun)
    return not found.speakerless and found.source is None and subject.pos_ == "NOUN" and not subject.ent_type_ \
        and lemma in inanimate() and lemma not in RECORD_NOUNS \
        and (subject.text[:1].islower() or subject.i == subject.sent.start) \
        and ctx.mention_in(subject.idx, subject.idx + len(subject.text), PERSON_LABELS | ORG_LABELS) is None


def narrator_cuts(ctx: QuoteContext, found: Candidate, low: int, high: int, has_clause: bool,
                  scan_from: int | None = None) -> tuple[int, int]:
    """[low, high) of a candidate's content without what the narrator adds after the report
    (`clip_complement` for a reported clause, `clip_object_report` for an object,
    `cut_narrator_tail` on the clause's head); with `scan_from`, the first two look for cuts only
    after that token."""
    if found.source is None and has_clause:
        low, high = clip_complement(ctx, low, high, scan_from)
    elif found.source is None:
        low, high = clip_object_report(ctx, low, high, scan_from)
    if found.head is not None:
        low, high = cut_narrator_tail(ctx, found.head, low, high)
    return low, high


def report_candidate(ctx: QuoteContext, tok, found: Candidate, reporter: Reporter) -> None:
    """Clip a candidate's content to what its speaker reported and record it."""
    doc, text = ctx.doc, ctx.text
    low, high = found.content
    if high - low < 1:
        return
    has_clause = any(child.dep_ in ("ccomp", "xcomp") for child in tok.children)
    low, high = narrator_cuts(ctx, found, low, high, has_clause)
    low, high = cut_trailing_aside(ctx, low, high)
    low, high = own_sentence(ctx, tok, low, high)
    high = through_quotation(ctx, low, high)
    lead = found.subject.left_edge.i if found.head is not None and found.source is None else low
    if low < lead - 1 < tok.i < high and doc[lead - 1].text == ",":
        low = left_clause_start(ctx, low, lead - 1)  # an interposed cue: 'As …, it is his job, he said, to …'
    # stop before a direct quotation inside the complement ("…, saying, “…”"), not
    # before a fragment the clause runs through ('would continue “to break barriers” across …')
    for quote_start, quote_end in reporter.taken[:reporter.direct_count]:
        if doc[low].idx < quote_start < (doc[high - 1].idx if high > low else 0) \
                and not runs_through(text, quote_start, quote_end, doc[high - 1].idx):
            high = min(high, ctx.token_at(quote_start - 1).i)
    if found.source is None:
        regained = keeps_its_verb(found.head, low, high, found.content[1])
        if regained > high:
            # the verb's phrase may end in what the narrator adds ('…, prompting …', '…, according to …')
            high = narrator_cuts(ctx, found, low, regained, has_clause, scan_from=found.head.i)[1]
    low, high = trim_range(doc, low, high)
    # ('declined to comment', 'refused to answer': the speech verb is the whole content)
    head = found.head
    short_ok = head is not None and head.dep_ == "xcomp" and high - low == 2 and is_cue(head, ("direct", "object"))
    if high - low < (1 if found.source is None and not has_clause or short_ok else 3):
        return
    start, end = char_span(doc, low, high)
    if reporter.overlaps(start, end) or ctx.inside_quote(found.subject.idx) or says_nothing(ctx, found):
        return
    speaker = Speaker() if found.speakerless else reporter.speaker(found.subject, start)
    according = found.source is not None and tok.lower_ == "according"
    parts = without_asides(ctx, low, high)
    if found.head is not None and found.source is None:
        parts = continued_parts(ctx, tok, parts, low, high)
    for part_low, part_high in parts:
        reporter.report(*char_span(doc, part_low, part_high), tok, speaker, cue="according to" if according else None,
                        cue_end=char_span(doc, tok.i, tok.i + 2)[1] if according else None)
