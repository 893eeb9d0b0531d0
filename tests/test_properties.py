"""Property-based tests (hypothesis) over the text logic, on arbitrary text and on
news-shaped text built from names, quotation marks, dates and cue verbs: the cleaner,
the quote, actor and event extractors and the date resolver never raise; every span
lies inside its text; every quote's (and mention's, event sentence's) text equals the
text at its span."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline import clean
from pipeline.actor_resolution import resolve_corpus
from pipeline.nlp import annotate_doc, load_model
from pipeline.nlp.dates import resolve_date, timex_value
from pipeline.records import InboxFile, ParsedDocument, RawVersion

NAMES = ["John Kerry", "Mr. Kerry", "Sergey Lavrov", "the United Nations", "Russia", "Maria Okafor", "He", "she",
         "a spokesman", "Reuters", "Geneva", "President Putin", "the ministry"]
CUES = ["said", "told reporters", "added", "warned", "according to", "said on Tuesday", ":", "believes that"]
WORDS = ["talks", "the", "war", "on", "Monday", "in", "2015", "peace", "agreed", "to", "meet", "attacked",
         "next week", "last year", "December 3", "yesterday", "—", ",", ".", "\n\n", "'s", "n't", "(AP)"]
QUOTES = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("“", ""), ("", "”")]

token = st.one_of(st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(WORDS),
                  st.text(max_size=8))


@st.composite
def news_text(draw) -> str:
    """Sentences of names, cue verbs, words, dates and (sometimes unbalanced) quotes."""
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        opening, closing = draw(st.sampled_from(QUOTES))
        said = " ".join(draw(st.lists(token, min_size=1, max_size=8)))
        frame = draw(st.sampled_from(["{q} {n} {c}.", "{n} {c} {q}", "{n} {c} that {w}.", "{w} {q}", "{q}"]))
        parts.append(frame.format(q=f"{opening}{said}{closing}", n=draw(st.sampled_from(NAMES)),
                                  c=draw(st.sampled_from(CUES)), w=" ".join(draw(st.lists(token, max_size=6)))))
    return draw(st.sampled_from([" ", "\n", "\n\n"])).join(parts)


any_text = st.one_of(news_text(), st.text(max_size=300))
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(text: str, start, end) -> bool:
    return start is None or (0 <= start <= end <= len(text))


@PROPERTY_SETTINGS
@given(text=any_text)
def test_cleaner_never_raises_and_keeps_a_string(text):
    f = InboxFile("/nowhere/x.txt", "x.txt", len(text), "0" * 64, 0.0, "text")
    article = clean.clean_document(ParsedDocument(file=f, record_no=0, versions=[RawVersion(text=text)]))
    for version in article.versions:
        assert isinstance(version.text, str)
        assert len(version.text) <= len(text) + text.count("\n") + 2  # cleaning never invents text


@PROPERTY_SETTINGS
@given(text=any_text)
@example(text='“John Kerry” John Kerry said.\n\'1:";\x84\' John Kerry said.\n“John Kerry” John Kerry said.')  # colon inside the cue token gave cue_start -1
def test_extractors_keep_every_span_inside_the_text(text):
    doc = load_model()(text)
    ann = annotate_doc(doc, "2015-12-15")
    for m in ann.mentions:
        assert _inside(text, m.start, m.end) and text[m.start:m.end] == m.text
    for q in ann.quotes:
        assert _inside(text, q.start, q.end) and text[q.start:q.end] == q.text
        assert _inside(text, q.speaker_start, q.speaker_end) and _inside(text, q.cue_start, q.cue_end)
    for e in ann.events:
        assert _inside(text, e.start_char, e.end_char) and text[e.start_char:e.end_char] == e.sentence
        assert _inside(text, e.trigger_start, e.trigger_end)
        if e.trigger_start is not None:
            assert e.start_char <= e.trigger_start and e.trigger_end <= e.end_char
    resolution = resolve_corpus({"version": ann.entities}, [])  # actor resolution on whatever came out
    assert len(resolution.links) == len(ann.entities)


@PROPERTY_SETTINGS
@given(expr=st.one_of(st.sampled_from(WORDS + ["the day before", "two weeks ago", "mid-1990s", "3/4/05"]),
                      st.text(max_size=40)),
       published=st.one_of(st.none(), st.dates().map(str)))
def test_dates_never_raise(expr, published):
    date, granularity = resolve_date(expr, published)
    assert date is None or len(date) >= 4
    timex_value(expr)
