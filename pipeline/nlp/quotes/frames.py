"""The frames an indirect attribution comes in, one detector each: a noun or adjective of
saying or stance, a raising verb of impression, a 'Name: text' line, an adverb of hearsay, a
parenthetical cue clause, a poll, the clause a cue verb's parse hangs elsewhere. Each
returns the speaker token and content token range(s) it finds, or None."""
from __future__ import annotations

from pipeline.nlp.quotes.content import MORE_OBJECT_CUES, left_clause_start, said_on_a_medium
from pipeline.nlp.quotes.context import QuoteContext
from pipeline.nlp.quotes.lexicon import word_map, word_set
from pipeline.nlp.quotes.speakerless import described_thing, reported_report
from pipeline.nlp.quotes.syntax import SUBJECT_DEPS, is_cue, trim_range

CLAUSE_NOUNS = word_set("clause_nouns")
PREP_NOUNS = word_map("prep_nouns")
STANCE_ADJS = word_map("stance_adjectives")
COPULA_NOUNS = word_set("copula_nouns")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
THING_PRONOUNS = word_set("thing_pronouns")
DUMMY_SUBJECTS = word_set("dummy_subjects")
NO_SPEAKER_SUBJECTS = THING_PRONOUNS | DUMMY_SUBJECTS  # an adjective cue's subject that says nothing
NOUN_CLAUSE_MARKS = word_set("noun_clause_marks")
PERSONAL_POSSESSIVES = word_set("personal_possessives")
DEMONSTRATIVE_PRONOUNS = word_set("demonstrative_pronouns")
RAISING_VERBS = word_set("raising_verbs")
COLON_STOP = word_set("colon_stop")
HEARSAY_ADVERBS = word_set("hearsay_adverbs")
SURVEY_NOUNS = word_set("survey_nouns")
QUOTE_CHARS = set("“”\"‘’«»") | {"''", "``"}


def infinitive_clause(verb) -> list:
    """['step'] for 'is calling the United States to step up …', 'called all candidates to lay
    out …': a 'to' clause with its own subject (the one called on) that the parser hangs on
    the cue verb as an adverbial clause right after it; else []."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.i <= verb.i + 2 and child.tag_ == "VB" \
                and any(kid.dep_ == "aux" and kid.lower_ == "to" for kid in child.children) \
                and any(kid.dep_ in ("nsubj", "nsubjpass") and kid.i < child.i for kid in child.children):
            return [child]
    return []


def that_clause(verb):
    """The clause a verb governs with the conjunction 'that' after it ('Critics charged that
    the hearing failed …'): a report whatever the verb's other uses; else None."""
    return next((child for child in verb.children if child.dep_ == "ccomp" and child.i > verb.i and any(
        mark.dep_ == "mark" and mark.lower_ == "that" for mark in child.children)), None)


def for_to_clause(verb) -> list:
    """[clause head] for 'called for the minimum wage to be raised', 'pushed for her
    messages to be made public': a 'for … to' clause the parser hangs on the cue verb as an
    adverbial clause right after it; else []."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ == "for" \
                and child.left_edge.dep_ == "mark" and child.left_edge.i <= verb.i + 2 \
                and any(kid.dep_ in ("aux", "auxpass") and kid.lower_ == "to" for kid in child.children):
            return [child]
    return []


def clause_start(head) -> int:
    """First token of the content a clause carries: its left edge, without the 'for' of a
    'for … to' clause (PolNeAR's content starts after it)."""
    first = head.left_edge
    return first.i + 1 if first.lower_ == "for" and first.dep_ == "mark" else first.i


def stranded_that_clause(verb) -> list:
    """[clause head] for the 'that' clause of a cue verb the parser hangs on a noun of an
    adjunct between them ('said in a statement that …', 'said for the first time that some
    emails …', 'said during a news conference that he may wait …'): a clause opened by the
    conjunction 'that' (not the relative pronoun) with a subject of its own, inside a
    prepositional phrase of the verb; else []."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for clause in prep.subtree:
            if clause.dep_ not in ("acl", "ccomp", "relcl") or clause.pos_ not in ("VERB", "AUX"):
                continue
            opener = clause.left_edge
            if opener.lower_ == "that" and opener.pos_ == "SCONJ" and opener.head.i == clause.i \
                    and any(child.dep_ in SUBJECT_DEPS for child in clause.children):
                return [clause]
    return []


def governing_clause(verb):
    """The clause a cue verb the parser hung on its own reported clause introduces ('after
    Trump told The Washington Post he was “not quite there yet”', parsed as 'after … told'
    modifying 'was'): the verb's head, when its subject comes right after the cue's phrase;
    else None."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((child for child in head.children if child.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.left_edge.i != verb.right_edge.i + 1:
        return None
    return head


def passive_content(verb):
    """(agent, token range of the subject) of a passive cue verb with a 'by' agent: the
    subject is what the agent said or did ('The meeting was first reported by Politico',
    'Clinton's attacks were echoed by her campaign'), or None."""
    passive_subject = next((child for child in verb.children if child.dep_ == "nsubjpass" and child.i < verb.i), None)
    agent = next((child for child in verb.children if child.dep_ == "agent"), None)
    agent_object = next((child for child in agent.children if child.dep_ == "pobj"), None) \
        if agent is not None else None
    if passive_subject is None or agent_object is None or passive_subject.lower_ in RELATIVE_PRONOUNS:
        return None
    return agent_object, (passive_subject.left_edge.i, passive_subject.right_edge.i + 1)


def passive_description(ctx: QuoteContext, verb):
    """(agent or None, [subject range, description range]) of a passive cue verb that says
    what its subject is taken for: 'Twitter is increasingly seen as a source of news', 'Perez
    has been mentioned as a candidate', 'Sanders is expected to win' — the subject and the
    description together are the content, the 'by' agent (if any) the speaker; else None."""
    if verb.tag_ != "VBN" or verb.pos_ != "VERB" or not is_cue(verb, ("direct", "indirect", "object")):
        return None
    subject = next((child for child in verb.children if child.dep_ == "nsubjpass" and child.i < verb.i), None)
    if subject is None or ctx.inside_quote(subject.idx):
        return None
    description = None
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "prep" and child.lower_ == "as" \
                and any(kid.dep_ in ("pobj", "pcomp") for kid in child.children):
            description = (child.i + 1, child.right_edge.i + 1)
        elif child.dep_ in ("xcomp", "oprd"):
            description = (child.left_edge.i, child.right_edge.i + 1)
        if description is not None:
            break
    if description is None:
        return None
    agent = next((kid for child in verb.children if child.dep_ == "agent" for kid in child.children
                  if kid.dep_ == "pobj"), None)
    return agent, [trim_range(ctx.doc, subject.left_edge.i, subject.right_edge.i + 1),
                   trim_range(ctx.doc, *description)]


def modified_noun(verb):
    """The noun a cue participle modifies, which is its subject ('a super PAC backing Jeb Bush',
    'a poll showing Trump ahead'), or None."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
        return verb.head
    return None


def adjective_cue(tok):
    """(subject, content token range) for a stance adjective predicated of a subject:
    its 'that'/'to' clause or its prepositional object ('Republicans are concerned that …',
    'has been critical of Mr. Trump', 'was eager to assuage …'); else None."""
    lemma = tok.lower_
    if tok.pos_ != "ADJ" or lemma not in STANCE_ADJS or tok.dep_ != "acomp":
        return None
    subject = next((child for child in tok.head.children if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i),
                   None)
    if subject is None or subject.lower_ in NO_SPEAKER_SUBJECTS:
        return None
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ in ("ccomp", "xcomp") or child.dep_ == "prep" and child.lower_ in STANCE_ADJS[lemma]:
            low = child.left_edge.i if child.dep_ != "prep" else child.i + 1
            if child.dep_ == "prep" and not any(kid.dep_ in ("pobj", "pcomp") for kid in child.children):
                continue
            return subject, (low, child.right_edge.i + 1)
    return None


def made_clear(tok):
    """(subject, clause token range) for a stance adjective made the complement of 'make'
    ('Trump made it clear that he would not back down', 'has made clear she will fight on'):
    the subject of 'make' states the clause the adjective governs; else None."""
    verb = tok.head
    if tok.pos_ != "ADJ" or tok.lower_ not in STANCE_ADJS or tok.dep_ not in ("ccomp", "oprd") \
            or verb.lemma_.lower() != "make" or verb.i > tok.i:
        return None
    subject = next((child for child in verb.children if child.dep_ == "nsubj" and child.i < verb.i), None)
    clause = next((child for child in tok.children if child.i > tok.i and child.dep_ in ("ccomp", "advcl")
                   and any(kid.dep_ in ("nsubj", "nsubjpass", "mark") for kid in child.children)), None)
    if subject is None or clause is None:
        return None
    return subject, (clause.left_edge.i, clause.right_edge.i + 1)


def _noun_content(tok) -> tuple[int, int] | None:
    """The content a noun cue carries: its clause, the clause predicated of it, or the
    object of its preposition."""
    lemma = tok.lemma_.lower()
    if lemma in CLAUSE_NOUNS:
        clause = next((child for child in tok.children if child.dep_ in ("acl", "ccomp") and child.i > tok.i and (
            any(mark.dep_ == "mark" and mark.lower_ in NOUN_CLAUSE_MARKS for mark in child.children)
            or any(mark.dep_ == "aux" and mark.lower_ == "to" and mark.i < child.i for mark in child.children))), None)
        if clause is not None:
            return clause.left_edge.i, clause.right_edge.i + 1
    if (lemma in CLAUSE_NOUNS or lemma in COPULA_NOUNS) and tok.dep_ == "nsubj" \
            and tok.head.lemma_ == "be" and tok.head.i > tok.i:
        # 'His response was that …', 'My view is that …': the clause predicated of the noun
        clause = next((child for child in tok.head.children if child.dep_ in ("ccomp", "attr")
                       and child.i > tok.head.i and child.pos_ in ("VERB", "AUX")
                       and (child.dep_ == "ccomp" or any(mark.dep_ == "mark" for mark in child.children))), None)
        if clause is not None:
            return clause.left_edge.i, clause.right_edge.i + 1
    if lemma in PREP_NOUNS:
        prep = next((child for child in tok.children if child.dep_ == "prep" and child.lower_ in PREP_NOUNS[lemma]
                     and child.i == tok.i + 1), None)
        pobj = next((child for child in prep.children if child.dep_ in ("pobj", "pcomp")), None) \
            if prep is not None else None
        if pobj is not None and pobj.pos_ != "PRON" and not said_on_a_medium(prep, pobj):
            return pobj.left_edge.i, pobj.right_edge.i + 1  # (not 'comments on BBC Radio 4': where they were made)
    return None


def noun_cue(tok):
    """(speaker token, content token range) for a noun cue: its clause ('X's view that …',
    'the decision to …') or its 'of/for/to' object ('criticism of Y', 'a call for Y'); the
    speaker is the possessor, the object of 'by', or the subject of the verb it is the object
    of ('X announced a plan to …'). None without a speaker."""
    if tok.pos_ != "NOUN":
        return None
    content = _noun_content(tok)
    if content is None:
        return None
    speaker = next((child for child in tok.children if child.dep_ == "poss" and child.pos_ != "PRON"
                    or child.dep_ == "poss" and child.lower_ in PERSONAL_POSSESSIVES), None)
    if speaker is None:
        by_phrase = next((child for child in tok.children if child.dep_ == "prep" and child.lower_ == "by"), None)
        speaker = next((child for child in by_phrase.children if child.dep_ == "pobj"), None) \
            if by_phrase is not None else None
    if speaker is None and tok.dep_ == "dobj":
        speaker = next((child for child in tok.head.children if child.dep_ == "nsubj"), None)
    if speaker is None or speaker.lower_ in THING_PRONOUNS:
        return None
    return speaker, content


def raising(ctx: QuoteContext, verb) -> tuple[int, int] | None:
    """Token range [low, high) of the clause under a raising verb of impression: its subject
    through its complement ('Trump's supporters seemed equally unperturbed', 'X appears to be
    moving …'), or the 'that' clause of 'it appears that …'; None when `verb` is no such verb
    ('appeared on television')."""
    if verb.lemma_.lower() not in RAISING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(verb.children)
    complement = next((child for child in kids if child.i > verb.i and (
        child.dep_ in ("xcomp", "acomp", "oprd", "attr") or child.dep_ == "prep" and child.lower_ == "like")), None)
    subject = next((child for child in kids if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ == "it" and complement is None:
        clause = next((child for child in kids if child.dep_ == "ccomp" and child.i > verb.i), None)
        return (clause.left_edge.i, clause.right_edge.i + 1) if clause is not None else None
    if complement is None or subject is None or subject.lower_ in DUMMY_SUBJECTS or ctx.inside_quote(subject.idx):
        return None
    # 'the Republican seemed to confirm critiques of …', 'appeared to imply that …': a speech
    # or object cue in the complement reports the subject's words itself — left to that cue
    inner = complement
    while inner is not None:
        if (is_cue(inner, ("direct", "object")) or inner.lemma_.lower() in MORE_OBJECT_CUES) and inner.pos_ == "VERB":
            return None
        inner = next((child for child in inner.children if child.dep_ in ("xcomp", "acomp")), None)
    return subject.left_edge.i, complement.right_edge.i + 1


def colon_line(ctx: QuoteContext, tok):
    """(speaker token, token range) for a line 'Name: text' — a headline or a transcript
    turn ('Sanders: Brexit’s message could …', 'TAPPER: Do you think …'): a colon after
    a short name at the start of its line (proper nouns or capitals, no verb or pronoun),
    followed by narration (not a quotation mark) to the line end; else None."""
    if tok.text != ":" or ctx.inside_quote(tok.idx):
        return None
    doc, text = ctx.doc, ctx.text
    line_start = text.rfind("\n", 0, tok.idx) + 1
    line_end = text.find("\n", tok.idx)
    line_end = len(text) if line_end < 0 else line_end
    name = [word for word in doc[ctx.token_at(line_start).i:tok.i] if not word.is_space]
    words = [word for word in name if not word.is_punct]
    if not words or len(words) > 5 or name[0].idx < line_start:
        return None
    if any(word.pos_ in ("VERB", "AUX", "PRON") or word.lower_ in COLON_STOP for word in words):
        return None
    if len(words) == 1 and len(words[0].text) == 1 or all(word.ent_type_ in ("GPE", "LOC") for word in words):
        return None  # 'Q:' / 'A:' name nobody; 'Iowa: Tim Albrecht, …' is a list
    if not any(word.pos_ == "PROPN" or word.text.isupper() and word.is_alpha
               or word.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for word in words) \
            and not (len(words) <= 3 and all(word.text[:1].isupper() for word in words)):
        return None
    rest = text[tok.idx + 1:line_end]
    if not rest.strip() or rest.lstrip()[0] in "“\"‘'" or len(rest.split()) < 3:
        return None
    low = tok.i + 1
    while low < len(doc) and doc[low].is_space:
        low += 1
    high = ctx.token_at(max(line_end - 1, 0)).i + 1
    low, high = trim_range(doc, low, high)
    if high - low < 3:
        return None
    speaker = next((word for word in reversed(words) if word.pos_ == "PROPN"), words[-1])
    return speaker, (low, high)


def hearsay(ctx: QuoteContext, tok) -> list[tuple[int, int]] | None:
    """Token spans of the clause an adverb of hearsay qualifies ('The Club for Growth is
    reportedly spending …', 'X allegedly grabbed …'), without the adverb; else None."""
    if tok.lower_ not in HEARSAY_ADVERBS or tok.dep_ != "advmod" or ctx.inside_quote(tok.idx):
        return None
    verb = tok.head
    subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS and child.i < verb.i), None)
    if verb.pos_ not in ("VERB", "AUX") or subject is None or reported_report(verb) or described_thing(verb):
        return None
    low, high = subject.left_edge.i, verb.right_edge.i + 1
    spans = [trim_range(ctx.doc, low, tok.i), trim_range(ctx.doc, tok.i + 1, high)] if low < tok.i \
        else [trim_range(ctx.doc, tok.i + 1, high)]
    spans = [(start, end) for start, end in spans if end > start]
    return spans if sum(end - start for start, end in spans) >= 3 else None


def parenthetical(ctx: QuoteContext, verb):
    """'In his state, Christie said, offenders are sent to …' / '…, he said.': a cue verb the
    parser hangs on the main clause as parataxis, with its subject right after a comma —
    the sentence around the cue clause is the content (before it and, when the cue clause
    ends in a comma, after it), quoted fragments included ('The club's investment, he said,
    “is a perfect example of adapting” to …'; a side that is mostly a direct quotation is
    left to it by the caller's overlap test). Returns (subject, [(low, high), …]) token
    spans, or None."""
    if verb.dep_ != "parataxis" or not is_cue(verb, ("direct",)) or verb.head.i == verb.i:
        return None
    subject = next((child for child in verb.children if child.dep_ in ("nsubj",) and child.i < verb.i), None)
    if subject is None:
        return None
    doc = ctx.doc
    sent = verb.sent
    clause_start = subject.left_edge.i
    if clause_start - 1 <= sent.start or doc[clause_start - 1].text != ",":
        return None
    # the cue clause ends at the next comma (', said on Saturday,') or the sentence end
    clause_end = verb.i + 1
    while clause_end < sent.end and doc[clause_end].text != "," and clause_end - verb.i <= 5 \
            and not doc[clause_end].is_sent_end:
        clause_end += 1
    spans = [(left_clause_start(ctx, sent.start, clause_start - 1), clause_start - 1)]
    if clause_end < sent.end and doc[clause_end].text == ",":
        spans.append((clause_end + 1, sent.end))
    elif clause_end < sent.end - 1:
        return None
    out = []
    for low, high in spans:
        low, high = trim_range(doc, low, high)
        if high - low >= 2:
            out.append((low, high))
    if not out or sum(high - low for low, high in out) < 4:
        return None
    return subject, out


def survey_source(tok):
    """The poll of 'In a CNN poll, Clinton held a 24-point lead …': 'in' + a poll or survey
    before the clause it sources; else None."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX") or tok.i > tok.head.i:
        return None
    pobj = next((child for child in tok.children if child.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in SURVEY_NOUNS and pobj.lower_ not in SURVEY_NOUNS:
        return None
    return pobj


def relative_clause(ctx: QuoteContext, verb):
    """(subject, [relative word span, clause span]) for a cue verb heading a relative clause
    whose reported clause starts with the relative word before the cue's subject ('which he
    said Mexico should pay for', 'that economists say is the future'); else None."""
    if verb.dep_ != "relcl" or not is_cue(verb, ("direct", "indirect")) or verb.pos_ != "VERB":
        return None
    subject = next((child for child in verb.children if child.dep_ == "nsubj" and child.i < verb.i), None)
    clause = next((child for child in verb.children if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i), None)
    if subject is None or clause is None or clause.left_edge.i >= subject.left_edge.i:
        return None
    relative = clause.left_edge
    if relative.tag_ not in ("WDT", "WP", "WP$") and relative.lower_ != "that" or ctx.inside_quote(relative.idx):
        return None
    low, high = trim_range(ctx.doc, verb.i + 1, clause.right_edge.i + 1)
    if high - low < 2:
        return None
    return subject, [(relative.i, relative.i + 1), (low, high)]


def as_clause(ctx: QuoteContext, verb):
    """(speaker, [token span]) for 'As The Atlantic recently noted, trust in government is
    collapsing …', 'As reported by Western Journalism, there are …', '…, as Trump said': a
    cue verb in an 'as' clause — the clause it modifies, without the 'as' clause, is the
    content, the cue's subject or agent the speaker; else None."""
    if verb.dep_ != "advcl" or not is_cue(verb, ("direct", "indirect")) or verb.head.i == verb.i:
        return None
    mark = next((child for child in verb.children if child.dep_ == "mark" and child.lower_ == "as"), None)
    if mark is None or mark.i != verb.left_edge.i:
        return None
    if any(child.dep_ in ("ccomp", "dobj", "xcomp") for child in verb.children):
        return None  # 'as he told reporters that …', 'as she described it': a report of its own
    speaker = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    agent = next((child for child in verb.children if child.dep_ == "agent"), None)
    if speaker is None and agent is not None:
        speaker = next((child for child in agent.children if child.dep_ == "pobj"), None)
    if speaker is None or speaker.pos_ == "PRON" and speaker.lower_ in DEMONSTRATIVE_PRONOUNS:
        return None
    main = verb.head
    low, high = main.left_edge.i, main.right_edge.i + 1
    clause_low, clause_high = verb.left_edge.i, verb.right_edge.i + 1
    spans = [trim_range(ctx.doc, low, clause_low), trim_range(ctx.doc, clause_high, high)]
    spans = [(start, end) for start, end in spans if end - start >= 3]
    if len(spans) != 1 or any(ctx.inside_quote(tok.idx) for tok in ctx.doc[spans[0][0]:spans[0][1]]):
        return None
    return speaker, spans


def postposed_cue(ctx: QuoteContext, verb):
    """(subject, [token span]) for a speech verb closing its sentence after a comma with its
    subject, the words before it being what was said ('…, a 15-year-old girl was
    pepper-sprayed by another bystander, police said.', '…, the poll found.') when the parser
    hung that clause elsewhere; else None."""
    if verb.pos_ != "VERB" or not is_cue(verb, ("direct", "indirect")):
        return None
    if any(child.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "prep") and child.i > verb.i for child in verb.children) \
            or any(child.dep_ in ("ccomp",) for child in verb.children):
        return None
    subject = next((child for child in verb.children if child.dep_ == "nsubj" and child.i < verb.i), None)
    doc, sent = ctx.doc, verb.sent
    if subject is None or subject.left_edge.i - 1 <= sent.start or doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(not (tok.is_punct or tok.is_space) for tok in doc[verb.i + 1:sent.end]):
        return None
    if any(tok.dep_ not in ("aux", "neg", "advmod") for tok in doc[subject.right_edge.i + 1:verb.i]):
        return None
    low, high = trim_range(doc, sent.start, subject.left_edge.i - 1)
    if high - low < 3 or any(tok.text in QUOTE_CHARS or ctx.inside_quote(tok.idx) for tok in doc[low:high]):
        return None
    return subject, [(low, high)]
