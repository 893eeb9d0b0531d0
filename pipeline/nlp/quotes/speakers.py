"""Speakers: the subject of the cue (nsubj, the nearest of two; the agent of a passive; the
object of "according to"), trimmed of appositions and relative clauses, mapped to the entity
of a PERSON mention in it, else of an organization mention ("the Russian Foreign Ministry
said"). Pronouns and descriptions resolve in this order: he/she — a compatible person
(gender from Mr./Ms./he/she, `LocalEntity.gender`) who is the previous speaker or the
nearest subject mention before, then the nearest compatible person; "the senator" — the
nearest person with that role. Unnamed sources ("a senior State Department official", "the
official", "sources") are flagged `is_anonymous` with no entity."""
from __future__ import annotations

from pipeline.nlp.quotes.context import QuoteContext, Speaker
from pipeline.nlp.quotes.lexicon import word_map, word_set
from pipeline.nlp.quotes.syntax import ORG_LABELS, PERSON_LABELS, SUBJECT_DEPS, TRIM_DEPS
from pipeline.names import title_heads
from pipeline.records import LocalEntity

PRONOUN_GENDER = {word: values[0] for word, values in word_map("pronoun_gender").items()}
OTHER_PRONOUNS = word_set("other_pronouns")
ANONYMOUS_HEADS = word_set("anonymous_heads")
TITLE_HEADS = title_heads()
PERSON_NOUNS = word_set("person_nouns") | TITLE_HEADS
INDEFINITE_DETERMINERS = word_set("indefinite_determiners")
SPEAKER_PHRASE_PREPS = word_set("speaker_phrase_preps")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
GENDERED_PRONOUNS = word_set("gendered_pronouns")
IT_FORMS = word_set("it_forms")
CONTINUING_PRONOUNS = word_set("continuing_pronouns")


def speaker_span(subject) -> tuple[int, int]:
    """Token range [low, high) of the speaker phrase headed by `subject`, without
    appositions, relative clauses and the like."""
    keep = {subject.i}
    stack = [subject]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in TRIM_DEPS or child.is_space:
                continue
            if child.dep_ == "prep" and child.i > subject.i and child.lower_ not in SPEAKER_PHRASE_PREPS:
                continue
            keep.add(child.i)
            stack.append(child)
    low, high = min(keep), max(keep) + 1
    # contiguous: stop at a comma after the head; never across a line ('Brown ally rejects
    # Budget spree⏎⏎Chancellor Gordon Brown's closest ally has denied …')
    doc = subject.doc
    for index in range(subject.i - 1, low - 1, -1):
        if "\n" in doc[index].text_with_ws:
            low = index + 1
            break
    for index in range(subject.i + 1, high):
        if doc[index].text in (",", "(", "—", "–", "―"):
            high = index
            break
    for index in range(subject.i - 1, low - 1, -1):
        if doc[index].text in (",", ")", "—", "–", "―", "“", "”", '"'):
            low = index + 1
            break
    if high - 1 > low and doc[high - 1].tag_ == "POS":
        high -= 1  # 'the chancellor's plans': the possessor without its 's
    return low, high


def _compatible(entity: LocalEntity | None, gender: str | None) -> bool:
    return entity is not None and entity.actor_type == "person" and (gender is None or entity.gender in (None, gender))


def resolve_pronoun(ctx: QuoteContext, gender: str | None, pos: int, para_start: int, last: str | None) -> str | None:
    before = [
        mention for mention in ctx.mentions
        if mention.end <= pos and mention.label in PERSON_LABELS and not ctx.inside_quote(mention.start)
        and _compatible(ctx.entities.get(mention.entity_key), gender)
    ]
    before.sort(key=lambda mention: mention.start)
    # a subject mention in the current paragraph
    in_para = [mention for mention in before if mention.start >= para_start]
    if last and _compatible(ctx.entities.get(last), gender):
        if not in_para or any(mention.entity_key == last for mention in in_para):
            return last
    for mention in reversed(in_para):
        if mention_root(ctx, mention).dep_ in SUBJECT_DEPS:
            return mention.entity_key
    if last and _compatible(ctx.entities.get(last), gender):
        return last
    if before:
        return before[-1].entity_key
    return None


def resolve_speaker(ctx: QuoteContext, subject, para_start: int, last: str | None) -> Speaker:
    """The speaker a subject token stands for: its phrase, span and entity."""
    doc = ctx.doc
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl" \
            and subject.head.head.i != subject.head.i:
        # 'Russia, which backed the Syrian government': the relative pronoun's antecedent
        return resolve_speaker(ctx, subject.head.head, para_start, last)
    low, high = speaker_span(subject)
    # a leading demonym is an affiliation, not the speaker: "[Syrian] Foreign Minister Walid Muallem"
    while low < subject.i and doc[low].ent_type_ == "NORP" and doc[low].pos_ in ("ADJ", "PROPN"):
        low += 1
    span = doc[low:high]
    lower = subject.lower_
    if subject.pos_ == "PRON" or lower in PRONOUN_GENDER or lower in OTHER_PRONOUNS:
        return _pronoun_speaker(ctx, subject, para_start, last)
    mention = ctx.mention_in(span.start_char, span.end_char, PERSON_LABELS)
    if mention is None:
        # "his spokesman, Jason Miller," / "the economist Jared Bernstein" / "The US
        # agrochemical giant Monsanto": an apposition
        for child in subject.children:
            if child.dep_ == "appos":
                sub = doc[child.left_edge.i:child.right_edge.i + 1]
                if len(sub) <= 6:
                    mention = ctx.mention_in(sub.start_char, sub.end_char, PERSON_LABELS) or (
                        ctx.mention_in(sub.start_char, sub.end_char, {"ORG"}) if child.pos_ == "PROPN" else None)
                    if mention:
                        break
    if mention is not None and _possessor_only(ctx, subject, mention):
        # 'Chancellor Gordon Brown's closest ally', 'Mr Brown's former girlfriend': someone else
        return Speaker(span.text, span.start_char, span.end_char, None)
    if mention is not None:
        return Speaker(span.text, span.start_char, span.end_char, mention.entity_key)
    named = _named_earlier(ctx, subject)
    if named is not None:
        return Speaker(span.text, span.start_char, span.end_char, named)
    return _description_speaker(ctx, subject, span, last)


def _possessor_only(ctx: QuoteContext, subject, mention) -> bool:
    """The person named in the speaker phrase is only the possessor of its head noun."""
    if subject.pos_ != "NOUN" or mention.start <= subject.idx < mention.end:
        return False
    return any(child.dep_ == "poss" and mention.start <= child.idx < mention.end for child in subject.children)


def _named_earlier(ctx: QuoteContext, subject) -> str | None:
    """The person a name the entity recogniser missed stands for ('Mr Balls, who stepped down
    …, had suggested …'): a proper-noun subject equal to the last word of one person's name
    or alias named before it (one person only: two Browns are no match)."""
    if subject.pos_ != "PROPN" or not subject.text[:1].isupper():
        return None
    keys = {entity.key for entity in ctx.entities.values() if entity.actor_type == "person" and any(
        name.split()[-1:] == [subject.text] for name in {entity.canonical_name, *entity.aliases})}
    if len(keys) != 1:
        return None
    key = keys.pop()
    return key if any(mention.entity_key == key and mention.end <= subject.idx for mention in ctx.mentions) else None


def resolve_it(ctx: QuoteContext, pos: int, para_start: int) -> str | None:
    """'it said' / 'its claim': the organization the paragraph (or, failing that, the one
    before) last named as a subject, else the organization it last named."""
    before = [mention for mention in ctx.mentions
              if mention.end <= pos and mention.label in ORG_LABELS and not ctx.inside_quote(mention.start)
              and (ctx.entities.get(mention.entity_key) is None
                   or ctx.entities[mention.entity_key].actor_type == "organization")]
    prev_para = ctx.text.rfind("\n", 0, max(para_start - 1, 0)) + 1 if para_start > 0 else 0
    near = [mention for mention in before if mention.start >= prev_para]
    roots = [mention_root(ctx, mention) for mention in near]
    for mention, root in zip(reversed(near), reversed(roots)):
        if root.dep_ in SUBJECT_DEPS:
            return mention.entity_key
    # else the nearest organization a noun phrase is about, not one modifying a noun ('Shares
    # in Multiplex Group, which is building the new Wembley stadium, fell after it said …')
    heads = [mention for mention, root in zip(near, roots) if root.dep_ not in ("compound", "amod", "nmod", "poss")]
    return (heads or near)[-1].entity_key if near else None


def mention_root(ctx: QuoteContext, mention):
    """The token that heads a mention in the parse (a subject mention's root is the subject)."""
    root = ctx.token_at(mention.start)
    while root.head.i != root.i and mention.start <= root.head.idx < mention.end:
        root = root.head
    return root


def _pronoun_speaker(ctx: QuoteContext, subject, para_start: int, last: str | None) -> Speaker:
    start, end, text = subject.idx, subject.idx + len(subject.text), subject.text
    lower = subject.lower_
    if lower in GENDERED_PRONOUNS:
        return Speaker(text, start, end, resolve_pronoun(ctx, PRONOUN_GENDER[lower], start, para_start, last))
    if lower in IT_FORMS:
        return Speaker(text, start, end, resolve_it(ctx, start, para_start))
    if lower in CONTINUING_PRONOUNS and last:
        return Speaker(text, start, end, last if lower != "i" else None)
    return Speaker(text, start, end, None)


def _has_role(entity: LocalEntity | None, head: str) -> bool:
    return entity is not None and any(head in (role or "").lower().split() for role, _source in entity.roles)


def _description_speaker(ctx: QuoteContext, subject, span, last: str | None) -> Speaker:
    """A subject with no person named in it: an organization, an unnamed source, a role
    noun ('the senator': the previous speaker when that is their role — the quotation run
    goes on — else the nearest person with that role)."""
    start, end, text = span.start_char, span.end_char, span.text
    head = subject.lower_
    determiners = [child.lower_ for child in subject.children if child.dep_ in ("det", "nummod", "amod")]
    org = ctx.mention_in(start, end, ORG_LABELS)
    if subject.pos_ == "PROPN" and org is not None:
        return Speaker(text, start, end, org.entity_key)
    if head in ANONYMOUS_HEADS or (subject.pos_ == "NOUN" and any(det in INDEFINITE_DETERMINERS for det in determiners)):
        return Speaker(text, start, end, None, anonymous=True)
    if org is not None and org.start <= subject.idx < org.end:
        return Speaker(text, start, end, org.entity_key)
    if subject.pos_ == "NOUN" and "the" in determiners:
        if last and _has_role(ctx.entities.get(last), head):
            return Speaker(text, start, end, last)
        earlier = (mention for mention in ctx.mentions if mention.end <= start and mention.label in PERSON_LABELS)
        for mention in sorted(earlier, key=lambda mention: -mention.start):
            if _has_role(ctx.entities.get(mention.entity_key), head):
                return Speaker(text, start, end, mention.entity_key)
    if org is not None and not (subject.pos_ == "NOUN" and org.label in ("GPE", "NORP")):
        return Speaker(text, start, end, org.entity_key)
    # 'The Australian firm', 'The UK's biggest mortgage lender': the place or
    # nationality modifying a noun is not the speaker
    return Speaker(text, start, end, None)
