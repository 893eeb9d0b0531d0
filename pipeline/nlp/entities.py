"""Entity mentions and first-cut actors inside one version.

spaCy's NER gives candidate spans; this module
- cleans each span (determiners, possessives, "(GM)" acronyms, "U.S. automaker GM"
  descriptors, a dateline glued to a byline: "Anne BarnardGENEVA"),
- corrects the type where context decides (an honorific or a title makes a person:
  "Mr. de Mistura"; a name that is a person's surname elsewhere in the document is that
  person: "Lavrov" tagged ORG; "the city of Aleppo" is a place; "n’t" is nothing),
- maps country names and demonyms through `rules/demonyms.tsv`: "U.S." is the actor
  United States; "Russian" is a mention (label NORP) of the actor Russia — an
  affiliation, never a speaker (quotes only take PERSON/ORG mentions),
- links surname, honorific and given-name mentions ("Kerry", "Mr. Kerry", "Assad" for
  "Bashar al-Assad") and acronyms/short names of organizations ("FSA", "Northrop") to the
  full name of the same document, and "the secretary"-style descriptions to the one
  person holding that title in the document,
- reads roles from titles and appositives (`rules/titles.tsv`): "Secretary of State John
  Kerry", "State Department spokeswoman Jen Psaki", "Russia’s foreign minister, Sergey V.
  Lavrov", "Staffan de Mistura, the United Nations envoy".

Each `LocalEntity` is one real-world actor of the document; `pipeline.actors` maps it
to a persistent actor ID. Names are read and compared by `pipeline.names`, the module
cross-document resolution uses too."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.names import (
    CONNECTORS,
    HONORIFICS,
    ORG_WORDS,
    PARTICLE_PREFIX,
    PARTICLES,
    affiliation_name,
    country_of,
    entity_key,
    fold,
    given_names_compatible,
    group_key,
    honorific_gender,
    initials,
    is_acronym,
    is_not_entity,
    is_short_form,
    normalize_name,
    org_key,
    org_variant,
    person_name_parts,
    title_heads,
    title_words,
    titles,
)
from pipeline.nlp.docindex import doc_text
from pipeline.records import LocalEntity, Mention

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
ACTOR_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "who", "which", "me"}
POSSESSIVE = {"'s", "’s", "'", "’"}
# A lower-case word here ends a name ("Moscone Center in San Francisco" -> "Moscone Center").
CUT_WORDS = {"in", "at", "near", "from", "with", "which", "that", "who", "located", "serving", "on", "by", "to"}
# Words that make a span an organization, whatever the tagger said.
PLACE_TRAILERS = {"government", "governments", "administration"}
PLACE_CUES = {("city", "of"), ("town", "of"), ("village", "of"), ("province", "of"), ("region", "of")}
# Words before a title that belong to the role (kept) or only qualify it in time (dropped).
# "Former home secretary" is not the home secretary: "former" stays in the role, like "shadow".
KEPT_MODIFIERS = {"deputy", "shadow", "acting", "interim", "chief", "vice", "assistant", "junior", "senior", "first",
                  "former"}
ROLE_MODIFIERS = KEPT_MODIFIERS | {"new", "then", "outgoing", "incoming", "late", "current"}
# Titles that make the name after them a person even when the tagger said ORG or GPE.
PERSON_TITLES = {"president", "secretary", "minister", "senator", "sen.", "rep.", "gov.", "governor", "mayor",
                 "chancellor", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "premier",
                 "king", "queen", "prince", "princess", "sheikh", "ayatollah", "pope", "ceo", "chairman",
                 "chairwoman", "congressman", "congresswoman", "judge", "gen.", "adm.", "col."}
GLUED_DATELINE = re.compile(r"(?<=[a-z])[A-Z]{3,}$")



# --- span cleaning ------------------------------------------------------------------------


@dataclass
class _Cand:
    index: int  # position of the input span
    start: int  # token range of the name
    end: int
    label: str
    name: str
    honorific: str | None = None  # the honorific token text ("Mr.")
    title_start: int | None = None  # token range of a title inside the span ("Apple CEO Steve Jobs")
    acronym: str | None = None  # "(GM)" after the name
    demonym_of: str | None = None  # country of a demonym mention
    strong: bool = False  # type decided by context (honorific, title, "city of")
    roles: list[tuple[str, str | None]] = field(default_factory=list)


def _has_upper(doc, start: int, end: int) -> bool:
    return any(re.search(r"[A-Z]", doc[i].text) for i in range(start, end))


def _text(doc) -> str:
    """`doc.text` joins every token on each call: the one the extractors share."""
    return doc_text(doc)


def _has_name(doc, start: int, end: int) -> bool:
    """A capitalized word that is a name, not just a capitalized sentence start ("Another automaker")."""
    return any(re.search(r"[A-Z]", t.text) and t.lower_ not in DETERMINERS
               and (t.pos_ in ("PROPN", "NOUN", "X", "NUM") or not t.is_sent_start or not t.text[1:].islower())
               for t in doc[start:end])


def _is_title_word(tok) -> bool:
    return tok.lower_ in title_words()


def _clean_span(doc, start: int, end: int, label: str) -> tuple[int, int, str | None] | None:
    """Token range of the name inside a span, plus an acronym given in parentheses."""
    acronym = None
    for i in range(start, end):  # "General Motors ( GM )"
        if doc[i].text == "(":
            inner = [t.text for t in doc[i + 1:end] if t.text != ")"]
            if len(inner) == 1 and is_acronym(inner[0]):
                acronym = inner[0]
            end = i
            break
    if end < len(doc) and doc[end].text == "(" and end + 2 < len(doc) and doc[end + 2].text == ")" \
            and is_acronym(doc[end + 1].text):
        acronym = doc[end + 1].text
    # cut at a comma: keep the first part holding a name ("Toulouse, France", "Ryanair CEO, Michael O'Leary")
    parts, s = [], start
    for i in range(start, end):
        if doc[i].text in (",", ";", "—", "--", ":") or (doc[i].text in ("-", "–") and doc[i].whitespace_
                                                           and i > 0 and doc[i - 1].whitespace_):
            parts.append((s, i))
            s = i + 1
    parts.append((s, end))
    for s, e in parts:
        if _has_name(doc, s, e) and not all(_is_title_word(doc[i]) or doc[i].ent_type_ in ("ORG",)
                                               for i in range(s, e) if doc[i].is_alpha):
            start, end = s, e
            break
    else:
        start, end = parts[0]
    # the name after a possessive: "The Beatles' Apple Corps", "today's GM"
    for i in range(end - 1, start, -1):
        if doc[i].text in POSSESSIVE and i + 1 < end and _has_upper(doc, i + 1, end):
            start = i + 1
            break
    # a name ends at a preposition or relative word ("Moscone Center in San Francisco")
    for i in range(start + 1, end):
        if doc[i].lower_ in CUT_WORDS and doc[i].text.islower() and _has_upper(doc, start, i):
            end = i
            break
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].text in ("“", '"', "``", "'", "-")
                           or re.match(r"\d", doc[start].text)):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].text in (",", ".", "-", ")", '"', "”", "''")):
        end -= 1
    if label != "PERSON":
        # a descriptor before the name: "U.S. automaker GM", "Los Angeles based Northrop Grumman"
        for i in range(end - 1, start - 1, -1):
            t = doc[i].text
            if t.islower() and t.isalpha() and t not in CONNECTORS and _has_upper(doc, i + 1, end):
                start = i + 1
                break
        while start < end and doc[start].lower_ in ("of", "and", "&", "for", "the"):
            start += 1
        while end > start + 1 and doc[end - 1].lower_ in PLACE_TRAILERS and (
                label in ("GPE", "LOC") or country_of(doc[start:end - 1].text)):
            end -= 1  # "the U.S. government" acts as the country
        while end > start + 1 and doc[end - 1].lower_ in title_heads() and doc[end - 1].lower_ not in ORG_WORDS:
            end -= 1  # "Boeing Executive", "Apple CEO" before a person's name
    if start >= end or not _has_name(doc, start, end):
        return None
    text = _text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]
    if (fold(text) in PRONOUNS and not text.isupper()) or len(text.strip()) < 2:
        return None
    return start, end, acronym


def _name_text(doc, start: int, end: int) -> str:
    return _text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]


# --- roles from titles and appositives ------------------------------------------------------


def _find_title(words: list[str], must_end: bool) -> tuple[int, int, str, str] | None:
    """Longest title phrase in the words (ending at the last word when `must_end`)."""
    best = None
    table = titles()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            key = tuple(words[i:j])
            if key in table and (not must_end or j == len(words)):
                if best is None or (j - i) > (best[1] - best[0]) or ((j - i) == (best[1] - best[0]) and i > best[0]):
                    best = (i, j, *table[key])
                break
    return best


def _affiliation(doc, toks: list) -> str | None:
    for k, t in enumerate(toks):  # "Britain's Europe director": the owner is the affiliation
        if t.text in POSSESSIVE and k > 0:
            toks = toks[:k]
            break
    names = [t for t in toks if (t.pos_ == "PROPN" or t.ent_type_ or t.text[:1].isupper())
             and t.lower_ not in DETERMINERS and t.text not in POSSESSIVE]
    while names and names[-1].lower_ in ("of", "for"):
        names = names[:-1]
    if not names:
        return None
    text = _text(doc)[names[0].idx:names[-1].idx + len(names[-1].text)]
    text = re.sub(r"\s*(?:'s|’s|'|’)$", "", text).strip()
    return affiliation_name(text) if re.search(r"[A-Z]", text) else None


def _role_from_tokens(doc, toks: list, adjacent_end: bool) -> tuple[str, str | None] | None:
    words = [t.lower_ for t in toks]
    hit = _find_title(words, must_end=adjacent_end)
    if not hit and adjacent_end and "of" in words:  # "the foreign minister of Iran, Mohammad Javad Zarif"
        hit = _find_title(words[:words.index("of")], must_end=True)
    if not hit:
        return None
    i, j, role, _ = hit
    while i > 0 and toks[i - 1].lower_ in ROLE_MODIFIERS:  # "Deputy Prime Minister", "shadow home secretary"
        i -= 1
        if toks[i].lower_ in KEPT_MODIFIERS:
            role = f"{toks[i].lower_} {role}"
    if not role.startswith("former") and any(t.lower_ == "former" for t in toks[:i]):
        role = f"former {role}"  # "the former Iraqi prime minister"
    aff = _affiliation(doc, toks[:i])
    if aff is None and j + 1 < len(toks) and toks[j].lower_ == "of":  # "president of Syria"
        aff = _affiliation(doc, [t for t in toks[j + 1:] if t.lower_ not in DETERMINERS])
    return role, aff


def _left_context(doc, end: int, limit: int = 8) -> list:
    """Tokens before `end` that can form a title: title words, proper names, "of", possessives."""
    sent_start = doc[end - 1].sent.start if end > 0 and doc.has_annotation("SENT_START") else 0
    out = []
    i = end - 1
    while i >= sent_start and len(out) < limit:
        t = doc[i]
        if _is_title_word(t) or t.lower_ in ("of", "for") or t.lower_ in ROLE_MODIFIERS or t.text in POSSESSIVE or (
                (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP") or re.fullmatch(r"(?:[A-Z]\.)+", t.text))
                and t.lower_ not in HONORIFICS and t.text[:1].isupper()):
            out.append(t)
            i -= 1
            continue
        break
    out.reverse()
    while out and out[0].lower_ in ("of", "for") or (out and out[0].text in POSSESSIVE):
        out = out[1:]
    return out


def _roles_around(doc, start: int, end: int) -> list[tuple[str, str | None]]:
    """Roles of a person mention at tokens [start, end): a title right before it, an
    appositive after it (", the United Nations envoy"), or one before it ("Russia's foreign
    minister, Sergey V. Lavrov")."""
    roles = []
    left = _left_context(doc, start)
    r = _role_from_tokens(doc, left, adjacent_end=True) if left else None
    if r:
        roles.append(r)
    elif start >= 2 and doc[start - 1].text == ",":
        left = _left_context(doc, start - 1)
        r = _role_from_tokens(doc, left, adjacent_end=True) if left else None
        if r and left and not (left[0].i > 0 and doc[left[0].i - 1].lower_ in ("of", "to", "than")):
            roles.append(r)
    if end < len(doc) - 1 and doc[end].text == ",":
        toks = []
        for t in doc[end + 1:min(len(doc), end + 14)]:
            if t.is_punct and t.text not in POSSESSIVE and t.text not in ("-", "."):
                break
            if t.pos_ in ("VERB", "AUX", "PRON") and not _is_title_word(t):
                break
            toks.append(t)
        if toks and (toks[0].lower_ in DETERMINERS or toks[0].pos_ == "PROPN" or _is_title_word(toks[0])) \
                and not (toks[0].ent_type_ == "PERSON" or toks[0].lower_ in HONORIFICS):
            r = _role_from_tokens(doc, toks, adjacent_end=False)
            if r and r not in roles:
                roles.append(r)
    return roles


# --- linking inside one document ------------------------------------------------------------


def _decide_label(doc, c: _Cand, label: str) -> str:
    start = c.start
    if c.honorific or c.title_start is not None:
        c.strong = True
        return "PERSON"
    variant = org_variant(c.name)
    if variant:  # "Tories", "Lib Dems", "MoD": the organization itself, whatever the tagger said
        c.name, c.strong = variant[0], True
        return "ORG"
    prev = doc[start - 1] if start > 0 else None
    prev2 = (doc[start - 2].lower_, doc[start - 1].lower_) if start > 1 else None
    hit = country_of(c.name)
    if hit:
        if hit[1] == "demonym" and label in ("NORP", "GPE", "LOC", "ORG", "PERSON"):
            c.demonym_of = hit[0]
            return "NORP"
        return "GPE"
    if prev2 in PLACE_CUES:
        c.strong = True
        return "GPE"
    words = [w.lower() for w in c.name.split()]
    if label in ("ORG", "GPE", "NORP", "FAC") and prev is not None and _is_title_word(prev) \
            and prev.text[:1].isupper() and not any(w in ORG_WORDS for w in words) \
            and all(w[:1].isupper() or w.lower() in PARTICLES for w in c.name.split()):
        c.strong = True
        return "PERSON"  # "Secretary Kerry" tagged ORG
    if label == "PERSON" and any(w in ORG_WORDS for w in words) and len(words) > 1:
        return "ORG"
    return label


def _role_for_title_inside(doc, c: _Cand) -> None:
    if c.title_start is not None:
        r = _role_from_tokens(doc, list(doc[c.title_start:c.start]), adjacent_end=True)
        if r:
            c.roles.append(r)


def _inside_title(doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are a word of a longer title phrase around them."""
    lo, hi = max(0, start - 3), min(len(doc), end + 3)
    words = [t.lower_ for t in doc[lo:hi]]
    table = titles()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            if tuple(words[i:j]) in table and lo + i <= start and end <= lo + j:
                return True
    return False


def _strip_person_prefix(doc, start: int, end: int) -> tuple[int, str | None, int | None]:
    """Leading honorific and title inside a PERSON span ("Mr. Kerry", "Apple CEO Steve Jobs")."""
    honorific = None
    title_start = None
    first_title = None
    for i in range(start, end):
        if _is_title_word(doc[i]) and any(
                not _is_title_word(doc[k]) and doc[k].text[:1].isupper() and doc[k].lower_ not in HONORIFICS
                for k in range(i + 1, end)):
            first_title = i
            break
    if first_title is not None:
        # the whole title phrase ("Chief Executive Officer", "Secretary of State"), then more
        # titles joined by "and"; what follows "of" is an affiliation, not the name
        j = first_title
        while j < end:
            hit = _find_title([t.lower_ for t in doc[j:end]], must_end=False)
            if hit and hit[0] == 0:
                j += hit[1]
            elif _is_title_word(doc[j]) or (doc[j].lower_ == "and" and j + 1 < end and _is_title_word(doc[j + 1])):
                j += 1
            else:
                break
        title_start, start = start, j
        after_of = start < end and doc[start].lower_ == "of"
        while start < end and doc[start].lower_ in {"of", "the", *HONORIFICS}:
            if doc[start].lower_ in HONORIFICS:
                honorific = doc[start].text
            start += 1
        if after_of:  # "President of the United States Barack Obama": skip the country
            for k in range(end, start, -1):
                if country_of(doc[start:k].text):
                    start = k
                    break
            else:
                start = end  # "CEO of GM": a description, the rest is the affiliation
    while start < end - 1 and doc[start].lower_ in HONORIFICS:
        honorific = doc[start].text
        start += 1
    return start, honorific, title_start


# --- junk spans and venues -----------------------------------------------------------------

GLUED_WORD = re.compile(r"^(?:of|the|and|in|to|for|on|at|by|with|from|as|or)[A-Z]")
# "told BBC Radio 4", "in an interview with the Times": the outlet is where it was said
VENUE_CUES = ({"told"}, {"interview", "with"}, {"speaking", "on"}, {"appearing", "on"}, {"writing", "in"})


def _is_junk(doc, start: int, end: int, name: str, label: str) -> bool:
    """A span that is no actor: a word glued to the name ("ofNew Labour"), a time zone
    ("GMT"), or a person span ending in an honorific ("Tory Treasurer Lord")."""
    if GLUED_WORD.match(name) or is_not_entity(name):
        return True
    return label == "PERSON" and doc[end - 1].lower_ in HONORIFICS


def _strip_org_prefix(doc, start: int, end: int, name: str) -> tuple[int, str]:
    """"Lib Dem Norman Baker": a party named before a person's full name is an affiliation."""
    for n in (3, 2, 1):
        if end - start - n >= 2 and org_variant(doc[start:start + n].text) \
                and all(t.text[:1].isupper() for t in doc[start + n:end]):
            return start + n, normalize_name(_name_text(doc, start + n, end))
    return start, name


def _extend_to_org_variant(doc, start: int, end: int, name: str) -> tuple[int, str]:
    """"Liberal" + "Democrat" tagged apart: capitalized words right before the span that
    make it a known organization name ("Liberal Democrat") join it."""
    for n in (2, 1):
        if start - n >= 0 and all(t.text[:1].isupper() for t in doc[start - n:start]) \
                and org_variant(_name_text(doc, start - n, end)):
            return start - n, normalize_name(_name_text(doc, start - n, end))
    return start, name


def _is_venue(doc, start: int) -> bool:
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    before = {doc[i].lower_} | ({doc[i - 1].lower_} if i > 0 else set())
    return any(cue <= before for cue in VENUE_CUES if len(cue) == 2) or doc[i].lower_ == "told"


def link_spans(doc, spans=None) -> tuple[list[LocalEntity], list[Mention], list[str | None]]:
    """Entities and mentions for the given spans (default: the NER's `doc.ents`), plus for
    each input span the key of the entity it was linked to (None when it was dropped)."""
    spans = list(doc.ents) if spans is None else list(spans)
    cands: list[_Cand] = []
    descs: list[tuple[int, int, int, tuple[str, str | None]]] = []  # (span index, start, end, role)
    org_words = {fold(w) for sp in spans if sp.label_ == "ORG" for w in sp.text.split()}
    for idx, ent in enumerate(spans):
        label = ent.label_
        if label not in ENTITY_LABELS:
            continue
        cleaned = _clean_span(doc, ent.start, ent.end, label)
        if cleaned is None:
            continue
        start, end, acronym = cleaned
        if label != "PERSON" and _inside_title(doc, start, end):
            continue  # "State" in "Secretary of State", "Defense" in "Defense Secretary"
        honorific, title_start = None, None
        if label in ("PERSON", "ORG", "GPE", "NORP"):
            s2, honorific, title_start = _strip_person_prefix(doc, start, end)
            if title_start is not None and label != "PERSON" and not all(
                    doc[k].text[:1].isupper() or doc[k].lower_ in PARTICLES for k in range(s2, end)):
                s2, honorific, title_start = start, None, None
            if label != "PERSON" and title_start is not None and (
                    any(doc[k].lower_ in ORG_WORDS for k in range(s2, end))
                    or not any(doc[k].lower_ in PERSON_TITLES for k in range(title_start, s2))
                    or s2 >= end or doc[s2 - 1].lower_ in ("of", "the")):
                s2, honorific, title_start = start, None, None  # "General Motors", "Bank of America"
            start = s2
        if honorific is None and start > 0 and doc[start - 1].lower_ in HONORIFICS:
            honorific = doc[start - 1].text
        if label == "PERSON" and (start >= end or country_of(_name_text(doc, start, end)) or (
                _is_title_word(doc[end - 1]) and all(
                    _is_title_word(t) or t.lower_ in ("of", "the", "and") or country_of(t.text) or t.text in POSSESSIVE
                    or t.ent_type_ in ("ORG", "GPE", "NORP") or fold(t.text) in org_words for t in doc[start:end]))):
            # "Apple CEO", "President of the United States": a description, not a name
            r = _role_from_tokens(doc, list(doc[ent.start:ent.end]), adjacent_end=False)
            if r:
                descs.append((idx, doc[ent.start].idx, doc[ent.end - 1].idx + len(doc[ent.end - 1].text), r))
            continue
        if start >= end:
            continue
        name = _name_text(doc, start, end)
        m = GLUED_DATELINE.search(name)  # "Anne BarnardGENEVA"
        if m and label == "PERSON":
            name = name[:m.start()]
        name = normalize_name(name)
        if not name or not re.search(r"[A-Z]", name) or (fold(name) in PRONOUNS and not name.isupper()) \
                or _is_junk(doc, start, end, name, label):
            continue
        if label == "PERSON":
            start, name = _strip_org_prefix(doc, start, end, name)
        start, name = _extend_to_org_variant(doc, start, end, name)
        c = _Cand(idx, start, end, label, name, honorific=honorific, title_start=title_start, acronym=acronym)
        c.label = _decide_label(doc, c, label)
        cands.append(c)

    # a name that is a person's surname or full name elsewhere in the document is that person
    person_names = {fold(c.name) for c in cands if c.label == "PERSON" and (len(c.name.split()) > 1 or c.strong)}
    person_surnames = {person_name_parts(c.name)[1] for c in cands if c.label == "PERSON"
                       and (c.strong or len(person_name_parts(c.name)[0]) > 0)}
    for c in cands:
        if c.label in ("ORG", "GPE", "NORP", "FAC", "LOC") and not c.demonym_of and not c.strong \
                and not country_of(c.name) and not any(w.lower() in ORG_WORDS for w in c.name.split()):
            given, sur = person_name_parts(c.name)
            tokens_ok = all(w[:1].isupper() or w.lower() in PARTICLES or PARTICLE_PREFIX.match(w) for w in c.name.split())
            org_named = any(o is not c and o.label == "ORG" and org_key(o.name) == org_key(c.name)
                            and len(o.name.split()) > len(c.name.split()) for o in cands)
            if tokens_ok and not org_named and (
                    fold(c.name) in person_names or (sur in person_surnames and len(c.name.split()) <= 4)):
                c.label = "PERSON"
    # the same surface form gets one type in a document (context-decided ones win)
    by_text: dict[str, list[_Cand]] = {}
    for c in cands:
        if not c.demonym_of:
            by_text.setdefault(fold(c.name), []).append(c)
    for group in by_text.values():
        strong = [c.label for c in group if c.strong]
        labels = strong or [c.label for c in group]
        best = max(sorted(set(labels)), key=labels.count)
        if best == "NORP" and any(ACTOR_TYPES[c.label] == "place" for c in group):
            best = next(c.label for c in group if ACTOR_TYPES[c.label] == "place")
        for c in group:
            c.label = best
    for c in cands:  # a tagger "group" that is no demonym nor plural people is a place when cued
        if c.label == "PERSON" and not c.strong and len(c.name.split()) == 1 and c.start > 1 \
                and (doc[c.start - 2].lower_, doc[c.start - 1].lower_) in PLACE_CUES:
            c.label = "GPE"

    entities: dict[str, LocalEntity] = {}
    mentions: list[Mention] = []
    surname_only: dict[tuple[str, str | None], str] = {}  # (surname key, gender) -> surname-only entity
    surname_genders: dict[str, set[str]] = {}  # genders of the honorifics before a bare surname
    for c in cands:
        if c.label == "PERSON" and honorific_gender(c.honorific) and not person_name_parts(c.name)[0]:
            surname_genders.setdefault(person_name_parts(c.name)[1], set()).add(honorific_gender(c.honorific))
    span_keys: list[str | None] = [None] * len(spans)
    persons: list[tuple[str, list[str], str]] = []  # (key, given names, surname key) of full names, in order
    orgs: dict[str, str] = {}  # org key -> entity key
    acronyms: dict[str, str] = {}  # acronym -> entity key
    last_seen: dict[str, int] = {}

    def new_entity(key: str, name: str, actor_type: str) -> LocalEntity:
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = LocalEntity(key=key, canonical_name=name, actor_type=actor_type)
        return ent

    for n, c in enumerate(sorted(cands, key=lambda c: (c.start, -c.end))):
        label = c.label
        actor_type = ACTOR_TYPES[label]
        entity_name = c.name
        if c.demonym_of:
            key = entity_key(c.demonym_of, "place")
            new_entity(key, c.demonym_of, "place")
        elif label == "PERSON":
            given, sur = person_name_parts(c.name)
            gender = honorific_gender(c.honorific)

            def fits(k: str) -> bool:  # Mrs Howard is not Michael Howard once he is Mr Howard
                return gender is None or entities[k].gender in (None, gender)

            if given:
                match = [k for k, g, s in persons if s == sur and given_names_compatible(g, given) > 0 and fits(k)]
                key = max(match, key=lambda k: last_seen.get(k, -1)) if match else entity_key(c.name, actor_type)
                if not match:
                    persons.append((key, given, sur))
            else:
                match = [k for k, g, s in persons if s == sur and fits(k)]
                if not match and len(c.name.split()) == 1:  # a given name used alone ("Steve")
                    match = [k for k, g, s in persons if g and fold(g[0]) == fold(c.name)]
                    match = match if len(match) == 1 and fold(c.name) not in {s for s, _ in surname_only} else []
                if gender and len(surname_genders.get(sur, ())) > 1:
                    match = [k for k in match if entities[k].gender == gender]  # Mr and Mrs Howard in one text
                if match:
                    key = max(match, key=lambda k: last_seen.get(k, -1))
                else:  # one surname-only entity per gender: "Mrs Howard" and "Mr Howard" stay two
                    entity_name = f"{c.honorific} {c.name}" if gender else c.name
                    key = surname_only.setdefault((sur, gender), entity_key(entity_name, actor_type))
        elif label == "ORG":
            k = org_key(c.name)
            key = orgs.get(k) or (acronyms.get(c.name.replace(".", "")) if is_acronym(c.name) else None)
            if key is None and is_acronym(c.name):
                hits = {ek for ok, ek in orgs.items() if initials(entities[ek].canonical_name) == c.name.replace(".", "")}
                key = next(iter(hits)) if len(hits) == 1 else None
            short_form = False
            if key is None and len(c.name.split()) <= 2:
                hits = {ek for ek in orgs.values() if is_short_form(c.name, entities[ek].canonical_name)}
                key = next(iter(hits)) if len(hits) == 1 else None
                short_form = key is not None
            key = key or entity_key(c.name, actor_type)
            if not short_form:  # "Apple" as a short "Apple Corps" must not claim the key "apple"
                orgs.setdefault(k, key)
            if c.acronym:
                acronyms.setdefault(c.acronym.replace(".", ""), key)
        elif actor_type == "group":
            key = entity_key(group_key(c.name), actor_type)
        else:
            hit = country_of(c.name)
            name = hit[0] if hit else c.name
            key = entity_key(fold(name), "place")
            c.name = name if hit else c.name
            entity_name = c.name
        ent = new_entity(key, entity_name, actor_type if not c.demonym_of else "place")
        last_seen[key] = n
        if not c.demonym_of:
            ent.aliases.add(c.name)
            raw = normalize_name(_name_text(doc, c.start, c.end))
            if raw and raw != c.name and not GLUED_DATELINE.search(raw):
                ent.aliases.add(raw)
        if c.acronym:
            ent.aliases.add(c.acronym)
        mstart, mend = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        glued = GLUED_DATELINE.search(_name_text(doc, c.start, c.end)) if label == "PERSON" else None
        if glued:
            mend -= len(glued.group())
        if c.honorific and c.start > 0 and doc[c.start - 1].text == c.honorific:
            mstart = doc[c.start - 1].idx
            ent.aliases.add(f"{c.honorific} {c.name}")
            g = HONORIFICS.get(c.honorific.lower())
            if g and not ent.gender:
                ent.gender = g
        elif c.honorific:
            ent.aliases.add(f"{c.honorific} {c.name}")
            g = HONORIFICS.get(c.honorific.lower())
            if g and not ent.gender:
                ent.gender = g
        if label == "PERSON" and ent.actor_type == "person":
            _role_for_title_inside(doc, c)
            for r in c.roles + _roles_around(doc, c.start if c.title_start is None else c.title_start, c.end):
                if r not in ent.roles:
                    ent.roles.append(r)
        mention_label = "VENUE" if label == "ORG" and _is_venue(doc, c.start) else label
        mentions.append(Mention(start=mstart, end=mend, text=_text(doc)[mstart:mend], label=mention_label,
                                entity_key=key))
        span_keys[c.index] = key

    for ent in entities.values():  # a role known with its affiliation needs no bare copy
        ent.roles = [r for r in ent.roles if r[1] is not None or not any(o[0] == r[0] and o[1] for o in ent.roles)]
    _merge_late_full_names(entities, mentions, span_keys, persons, surname_only)
    _merge_late_org_names(entities, mentions, span_keys)
    for idx, s_char, e_char, (role, aff) in descs:
        holders = [e for e in entities.values() if e.actor_type == "person" and any(r == role for r, _ in e.roles)]
        if len(holders) > 1 and aff:
            holders = [e for e in holders if any(r == role and a == aff for r, a in e.roles)]
        if len(holders) == 1:
            mentions.append(Mention(start=s_char, end=e_char, text=_text(doc)[s_char:e_char], label="PERSON",
                                    entity_key=holders[0].key))
            span_keys[idx] = holders[0].key
    mentions.extend(_descriptions(doc, entities, mentions))
    mentions.sort(key=lambda m: (m.start, m.end))
    return list(entities.values()), mentions, span_keys


def _absorb(entities, mentions, span_keys, src: str, dst: str) -> None:
    target, ent = entities[dst], entities[src]
    target.aliases |= ent.aliases
    target.gender = target.gender or ent.gender
    target.roles.extend(r for r in ent.roles if r not in target.roles)
    for m in mentions:
        if m.entity_key == src:
            m.entity_key = dst
    for i, k in enumerate(span_keys):
        if k == src:
            span_keys[i] = dst
    del entities[src]


def _merge_late_full_names(entities, mentions, span_keys, persons, surname_only) -> None:
    """"Kerry" seen before "John Kerry": the surname-only entity joins the one full name
    with that surname (left alone when two full names share it)."""
    for (sur, gender), key in sorted(surname_only.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        full = {k for k, g, s in persons if s == sur and k in entities}
        if len(full) != 1 or key not in entities or key in full:
            continue
        target = entities[next(iter(full))]
        genders = {g for (s, g) in surname_only if s == sur and g} | ({target.gender} - {None})
        if gender and target.gender not in (None, gender) or len(genders) > 1 and target.gender is None:
            continue  # "Mrs Howard" does not join Michael Howard, nor does either of Mr and Mrs
        _absorb(entities, mentions, span_keys, key, target.key)


def _merge_late_org_names(entities, mentions, span_keys) -> None:
    """An acronym or short name seen before the full organization name joins it."""
    orgs = [e for e in entities.values() if e.actor_type == "organization"]
    for e in orgs:
        if e.key not in entities:
            continue
        name = e.canonical_name
        if is_acronym(name):
            hits = [o for o in orgs if o is not e and o.key in entities and initials(o.canonical_name) == name.replace(".", "")]
        elif len(name.split()) <= 2:
            hits = [o for o in orgs if o is not e and o.key in entities
                    and all(is_short_form(a, o.canonical_name) for a in e.aliases | {name})]
        else:
            hits = []
        if len(hits) == 1:
            _absorb(entities, mentions, span_keys, e.key, hits[0].key)


def _descriptions(doc, entities: dict[str, LocalEntity], mentions: list[Mention]) -> list[Mention]:
    """"the secretary", "the envoy": a mention of the one person of the document whose
    role has that head word, when that person was named before."""
    heads: dict[str, list[str]] = {}
    for e in entities.values():
        if e.actor_type != "person":
            continue
        for role, _ in e.roles:
            for phrase, (r, head) in titles().items():
                if r == role:
                    heads.setdefault(head, [])
                    if e.key not in heads[head]:
                        heads[head].append(e.key)
    if not heads:
        return []
    first_at = {}
    for m in mentions:
        first_at.setdefault(m.entity_key, m.start)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for t in doc:
        if t.lower_ != "the" or t.i + 1 >= len(doc):
            continue
        words = [x.lower_ for x in doc[t.i + 1:t.i + 5]]
        hit = _find_title(words, must_end=False)
        if not hit or hit[0] != 0:
            continue
        end_tok = t.i + 1 + hit[1]
        nxt = doc[end_tok] if end_tok < len(doc) else None
        if nxt is not None and (nxt.lower_ in ("of", "for", "'s", "’s", "general") or nxt.pos_ == "PROPN"
                                or nxt.text[:1].isupper()):
            continue
        keys = heads.get(hit[3], [])
        if len(keys) != 1 or first_at.get(keys[0], 10**9) > t.idx:
            continue
        s, e = t.idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(Mention(start=s, end=e, text=_text(doc)[s:e], label="PERSON", entity_key=keys[0]))
    return out


def extract_entities(doc, spans=None) -> tuple[list[LocalEntity], list[Mention]]:
    entities, mentions, _ = link_spans(doc, spans)
    return entities, mentions
