"""Headline quotes: the title of a version parsed on its own ('Trump: ‘I’m the worst thing
…’', 'More reforms ahead says Milburn', 'Blair defends terror law changes'), every quote
marked `field = "title"` (its offsets index the title), its speaker linked to the actor the
body names the same way — a headline calls people by their surname ('Milburn' is the body's
'Alan Milburn'), or not at all when the body has no such actor. A title in headline case ('Ben
Carson Slams Hillary And The Media') is parsed again sentence-cased (`sentence_cased`): the parser
reads capitalized verbs as names and finds no cue."""
from __future__ import annotations

import dataclasses
import re

from pipeline.nlp.entities import extract_entities
from pipeline.nlp.model import load_model
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.quotes.content import LISTENER_VERBS
from pipeline.nlp.quotes.lexicon import speech_verbs, word_set
from pipeline.nlp.quotes.pieces import find_pieces
from pipeline.records import LocalEntity, Quote

SMALL_WORDS = word_set("small_words")
WORD = re.compile(r"[A-Za-z][\w’'\-]*")

# 'More reforms ahead says Milburn', 'Rates to rise, warns Bank': the headline inversion, a
# speech verb and a short capitalized name ending the line after the words reported
INVERTED = re.compile(r"(?P<content>.*?\w[\w’'\")]*)[,:]? (?P<cue>[a-z]+s) (?P<name>(?:the )?[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3})\s*$")


# '‘ISIS Truther’ Donald Trump Is Like …, Trevor Noah Says', '‘2nd Amendment people’ his secret
# weapon, Trump hints': the words reported, a comma, a short name and a speech verb ending the line
POSTPOSED = re.compile(r"(?P<content>.*?\w[\w’'\")]*), (?P<name>(?:the )?[A-Z][\w’'\-]*(?: [A-Z][\w’'.\-]*){0,3}) "
                       r"(?P<cue>[A-Za-z][a-z]+s)[.;]?\s*$")


def _name_words(name: str) -> list[str]:
    return [word.lower() for word in re.findall(r"[A-Z][\w’'\-]+", name)]


def body_entity_key(speaker_text: str | None, entities: list[LocalEntity]) -> str | None:
    """The body entity a headline speaker names: one whose canonical name or an alias has
    the speaker's last capitalized word (a person's surname, an organization's name);
    of several, the first the body mentions."""
    words = _name_words(speaker_text or "")
    if not words:
        return None
    last = words[-1]
    for entity in entities:
        names = [entity.canonical_name, *entity.aliases]
        if any(last in _name_words(name) for name in names) and entity.actor_type in ("person", "organization", "group"):
            return entity.key
    return None


def inverted_report(title: str) -> Quote | None:
    """'More reforms ahead says Milburn' (or '…, Trevor Noah Says'): the words before a speech
    verb (third person, of `direct` use in speech_verbs.tsv) and the name ending the headline."""
    match = INVERTED.match(title) or POSTPOSED.match(title)
    if match is None or speech_verbs().get(match["cue"][:-1].lower()) != "direct" or len(match["content"].split()) < 2:
        return None
    start, end = match.span("content")
    while start < end and title[start] in "‘“'\" ":
        start += 1
    while end > start and title[end - 1] in "’”'\" ":
        end -= 1
    return Quote(start=start, end=end, text=title[start:end], kind="indirect", speaker_text=match["name"],
                 speaker_entity_key=None, cue=match["cue"], speaker_start=match.start("name"),
                 speaker_end=match.end("name"), cue_start=match.start("cue"), cue_end=match.end("cue"))


def _quoted_in_report(title: str, report: Quote) -> list[Quote]:
    """The words in marks opening an inverted report's content, with its cue and speaker: a
    direct quote, as in the body ('Trump renewed his call for “a total ban” on …'); words in
    marks further inside stay part of the reported content."""
    return [dataclasses.replace(report, start=piece.start, end=piece.end, text=title[piece.start:piece.end], kind="direct")
            for piece in find_pieces(title)
            if piece.para == 0 and piece.start == report.start and report.start < piece.end <= report.end]


def colon_quotation(title_doc, quotes: list[Quote]) -> Quote | None:
    """'Sarah Silverman heckles Sanders supporters: ‘You’re being ridiculous.’', 'Elizabeth
    Warren Hammers Wells Fargo CEO: ‘You Should Be …’': a quotation filling the headline after
    a colon is the words of the name the headline opens with (the parser, reading headline
    case, often finds no verb to be a cue). Only when no quote was found for it."""
    title = title_doc.text
    pieces = [piece for piece in find_pieces(title) if piece.para == 0]
    if len(pieces) != 1 or any(quote.start <= pieces[0].start < quote.end for quote in quotes):
        return None
    piece = pieces[0]
    colon = title[:piece.open_at].rstrip()
    if not colon.endswith(":") or title[piece.close_end:].strip(" .!?") or len(colon) < 2:
        return None
    name = []
    for token in title_doc:
        if token.idx >= len(colon) - 1 or token.pos_ != "PROPN" or not token.text[:1].isupper():
            break
        name.append(token)
    if len(name) < 2:
        return None  # no name opens the headline ('Report: …' is a kicker; 'Reid: …' the body rules')
    speaker_end = name[-1].idx + len(name[-1].text)
    return Quote(start=piece.start, end=piece.end, text=title[piece.start:piece.end], kind="direct",
                 speaker_text=title[:speaker_end], speaker_entity_key=None, cue=":", speaker_start=0,
                 speaker_end=speaker_end, cue_start=len(colon) - 1, cue_end=len(colon))


# the verbs whose object is the one addressed or accused, and the words right after their headline participle when
# nobody addressed follows it (rules/quote_cues.tsv: headline_addressing_verbs, headline_passive_next)
ADDRESSING_VERBS = LISTENER_VERBS | word_set("headline_addressing_verbs")
PASSIVE_HEADLINE_NEXT = word_set("headline_passive_next")


def _unsaid_by_the_one_told(title_doc, quote: Quote) -> Quote:
    """'Blair told to double overseas aid', 'Labour accused of broken pledge': headlines drop the
    passive's 'is', so a past form of a verb that needs the one addressed or accused as object
    (listener verbs, 'accuse') followed straight by 'to'/'of'/'over'/'about' tells what was said
    TO its subject: the subject is no speaker (the body names who told or accused)."""
    cue = next((tok for tok in title_doc if quote.cue_start is not None and tok.idx == quote.cue_start), None)
    if cue is None or quote.speaker_text is None or cue.tag_ not in ("VBN", "VBD") or cue.i + 1 >= len(title_doc) \
            or cue.lemma_.lower() not in ADDRESSING_VERBS \
            or title_doc[cue.i + 1].lower_ not in PASSIVE_HEADLINE_NEXT:
        return quote
    return dataclasses.replace(quote, speaker_text=None, speaker_start=None, speaker_end=None,
                               speaker_entity_key=None)


def title_cased(title: str) -> bool:
    """Headline case ('Ben Carson Slams Hillary And The Media'): after the first word, at least
    three of every four words of four letters or more are capitalized (and two such words)."""
    long_words = [word for word in WORD.findall(title)[1:] if len(word) >= 4]
    return len(long_words) >= 2 and sum(word[0].isupper() for word in long_words) >= 0.75 * len(long_words)


def _speech_verb_form(word: str) -> bool:
    """A third-person present of a verb of speech_verbs.tsv ('Slams', 'Praises', 'Denies'): the tense of headlines."""
    lower, verbs = word.lower(), speech_verbs()
    if not lower.endswith("s") or lower.endswith("ss"):
        return False
    return lower[:-1] in verbs or lower.endswith("es") and lower[:-2] in verbs \
        or lower.endswith("ies") and lower[:-3] + "y" in verbs


def sentence_cased(title: str) -> str:
    """The title with its small words (rules small_words) and the third-person speech verbs after
    its first word in lower case, the same length: what the parser reads as a sentence (in headline
    case it takes 'Slams' and 'Praises' for names and finds no cue)."""
    chars = list(title)
    for match in list(WORD.finditer(title))[1:]:
        word = match.group()
        if word[:1].isupper() and (word.lower() in SMALL_WORDS or _speech_verb_form(word)):
            chars[match.start()] = word[0].lower()
    return "".join(chars)


def _in_headline_case(title_doc):
    """The doc the title's quotes are read from: a headline-case title parsed again sentence-cased
    (`sentence_cased`; offsets unchanged, texts restored by `_original_texts`)."""
    if not title_cased(title_doc.text):
        return title_doc
    cased = sentence_cased(title_doc.text)
    return title_doc if cased == title_doc.text else load_model()(cased)


def _original_texts(title: str, quote: Quote) -> Quote:
    """A quote read from the sentence-cased title, with the title's own words (same offsets)."""
    def span(start, end):
        return title[start:end] if start is not None and end is not None else None
    return dataclasses.replace(quote, text=title[quote.start:quote.end],
                               speaker_text=span(quote.speaker_start, quote.speaker_end) or quote.speaker_text,
                               cue=span(quote.cue_start, quote.cue_end) or quote.cue)


def headline_quotes(title_doc, entities: list[LocalEntity]) -> list[Quote]:
    """The quotes of a parsed title, speakers linked to the body's entities."""
    inverted = inverted_report(title_doc.text)
    if inverted is not None:
        quotes = [inverted] + _quoted_in_report(title_doc.text, inverted)
    else:
        title_text, title_doc = title_doc.text, _in_headline_case(title_doc)
        title_entities, title_mentions = extract_entities(title_doc)
        quotes = [_unsaid_by_the_one_told(title_doc, quote)
                  for quote in extract_quotes(title_doc, title_entities, title_mentions)]
        colon = colon_quotation(title_doc, quotes)
        quotes += [colon] if colon is not None else []
        quotes = [_original_texts(title_text, quote) for quote in quotes]
    for quote in quotes:
        quote.field = "title"
        quote.speaker_entity_key = body_entity_key(quote.speaker_text, entities)
    return quotes
