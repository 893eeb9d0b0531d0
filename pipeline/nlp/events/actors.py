"""Who an event's source and target are: entity mentions, appositives, names inside a noun
phrase, generic actor nouns ("police"), person nouns, roles ("his Russian counterpart"); the subject a verb has or
inherits through its clause chain is `subjects.subject_of`."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from pipeline.nlp.entities import country_of
from pipeline.nlp.events.lexicon import Lexicon, lexicon, RULES
from pipeline.records import LocalEntity, Mention


ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


STRONG_LABELS = ("PERSON", "ORG")


class MentionIndex:
    """Mention lookup by token."""

    def __init__(self, mentions: list[Mention]):
        self.by_char = {}
        for m in mentions:
            for c in range(m.start, m.end):
                self.by_char.setdefault(c, m)

    def of(self, tok) -> Mention | None:
        return self.by_char.get(tok.idx)

    def label_of(self, tok) -> str | None:
        """The label of the mention covering `tok` (None when no mention does): "is it a named actor?" in one call."""
        m = self.by_char.get(tok.idx)
        return m.label if m is not None else None


def _np_tokens(head):
    """Tokens of the noun phrase of `head` without clauses and prepositional phrases
    other than "of" (names inside "the foreign minister of Iran" count, relative clauses not), nor an adjective
    after the noun with its own complement ("donors reluctant to support Trump")."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "cc", "conj", "punct", "prep") and \
                    not (c.dep_ == "prep" and c.lower_ == "of" and t.i == head.i):
                continue
            if c.pos_ == "ADJ" and c.i > t.i and c.n_lefts + c.n_rights > 0:
                continue
            stack.append(c)
    return out


def actor_mention(head, ms: MentionIndex, entities: dict[str, LocalEntity], roles_ctx,
                 lex: Lexicon) -> tuple[Mention | None, str]:
    """(mention, text) of the actor a noun phrase headed by `head` names."""
    m = ms.of(head)
    if m is not None and m.label in ACTOR_LABELS and not (m.label == "NORP" and head.dep_ == "amod"):
        return m, m.text
    appos = [c for c in head.children if c.dep_ == "appos"]
    for a in appos:
        am = ms.of(a)
        if am is not None and am.label in STRONG_LABELS:
            return am, am.text
    toks = sorted(_np_tokens(head), key=lambda t: t.i)
    found = [ms.of(t) for t in toks]
    strong = next(((x, t) for x, t in zip(found, toks) if x is not None and x.label in STRONG_LABELS
                   and t.dep_ in ("compound", "appos", "pobj", "nmod", "poss") and t.head.dep_ != "poss"), None)
    # "The senator's support": the possessive marker closing the phrase is no part of the actor's name
    words = [t for t in toks if not (t.dep_ == "case" and t.i == toks[-1].i)]
    text = " ".join(t.text for t in words) if len(toks) <= 8 else head.text
    if strong is not None:
        mention, named = strong
        # "Barack Obama's administration", "finance ministers of the G8": a group noun is written by its phrase when
        # the entity modifies the head itself (not "troops" in "accused Angolan troops of attacking its Bas-Zaire
        # province")
        if len(toks) > 8 or head.i not in (named.head.i, named.head.head.i) or not is_agent(head, lex):
            return mention, mention.text
        apposed = {x.i for c in toks if c.dep_ == "appos" for x in c.subtree}  # "X's campaign, the latest chapter"
        return mention, " ".join(t.text for t in words if t.i not in apposed)
    resolved = roles_ctx(head, toks)
    if resolved is not None:
        return resolved, text
    if head.pos_ in ("PRON",):
        return None, text
    weak = [x for x in found if x is not None and x.label in ("GPE", "NORP", "ORG", "PERSON")]
    if weak:  # "the Russian foreign minister" -> Russia; "Syrian rebels" -> Syria
        return weak[0], text
    return None, text


def hyphen_last(tok, lex: Lexicon):
    """"A co-worker has been charged", "his ex-wife": the tokenizer splits a hyphenated person noun and the parser gives
    each part the same dependency on the same head ("co", "-", "worker" all subjects); the last part is the word's head
    (None when `tok` opens no such split word, or when its last part is no person noun: "a cost - benefit analysis")."""
    doc, k = tok.doc, tok.i
    while k + 2 < len(doc) and doc[k + 1].text == "-" and doc[k + 2].dep_ == tok.dep_ and \
            doc[k + 2].head.i == tok.head.i != tok.i and doc[k + 2].pos_ == "NOUN":
        k += 2
    return doc[k] if k > tok.i and is_person_noun(doc[k], lex) else None


def is_nonactor(tok) -> bool:
    """A noun that never names an actor (an offence, a product, software, a document or measure:
    `NONACTOR` rows of rules/event_context.tsv), whatever label the tagger gives it. Like `_named_examples` it reads
    the module-level `lexicon()` (the process's one cached Lexicon, the same object every caller's `lex` is): these
    token helpers sit under `expand_conj`, the conjunct walk of some 37 call sites that take no lexicon, and
    threading one through them would change every actor finder's signature for no other reader."""
    na = lexicon().nonactors
    return tok.lower_ in na or tok.lemma_.lower() in na


def _companions(tok) -> list:
    """"Kaufman, along with senator Mark Warner, called on ...", "Russia together with China vetoed",
    "X alongside Y": the "along with / together with / alongside" phrase of a noun names a co-actor."""
    out = []
    for c in (c for c in tok.children if c.dep_ == "prep"):
        if c.lower_ == "alongside" or c.lower_ == "with" and any(
                a.lower_ == "together" for a in c.children if a.dep_ == "advmod"):
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.lower_ == "along":
            out += [p for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
                    for p in w.children if p.dep_ == "pobj"]
    return [p for p in out if p.pos_ in ("PROPN", "NOUN")]


def _named_examples(tok) -> list:
    """"criticised by road safety campaigners, including Labour backbencher Gwyneth Dunwoody": the names a person or
    group noun's (or a party's: "Senate Democrats") "including", "such as" or "like" phrase gives are actors of the
    event too (the labelling guide codes the named ones)."""
    group = tok.pos_ == "NOUN" and is_person_noun(tok, lexicon()) or \
        tok.tag_ == "NNPS" and tok.ent_type_ == "NORP"
    if not group:  # not "figures, including Buckingham Palace"; "top Senate Democrats, including Harry Reid": a party
        return []
    # "groups such as the League Against Cruel Sports" ("such" hangs on "as"), "politicians like John Kerry"
    preps = lexicon().words("EXAMPLE_PREP")
    return [p for c in tok.children if c.dep_ == "prep" and (
            c.lower_ in preps or any(f"{x.lower_} {c.lower_}" in preps for x in c.children))
            for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN" and p.ent_type_ in ACTOR_LABELS]


def _named_list(tok) -> list:
    """"Trailing contenders Ted Cruz and John Kasich", "the two leaders, Blair and Chirac": a plural noun whose
    appositive is a list of names stands for the names (each is an actor; the noun alone would give only the first)."""
    if tok.tag_ != "NNS":
        return []
    return next(([c] for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and
                 any(x.dep_ == "conj" and x.pos_ == "PROPN" for x in c.children)), [])


def expand_conj(tok) -> list:
    """The noun and the nouns conjoined with it, named as its companions ("X and Y", "X, along with Y") or as its
    named examples ("campaigners, including X"); a plural noun before a list of names, the names."""
    named = _named_list(tok)
    out = expand_conj(named[0]) if named else [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out += expand_conj(c)
    for c in _companions(tok) + _named_examples(tok):
        out += expand_conj(c)
    return out


def first_conjunct(tok):
    """The first of a chain of conjoined words ("said it would X and would Y" -> "said"): the one whose dependency
    the others share."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def appositive_holder(noun):
    """"James McCord, one of the men arrested": the named head a "one/two/some of the N" appositive describes,
    else the noun itself."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return noun
    quant = prep.head
    if quant.dep_ == "appos" and (quant.pos_ == "NUM" or quant.lower_ in ("some", "many", "several", "few")):
        return quant.head
    return noun


def governing_verb(tok, max_steps: int = 4):
    """The verb a noun depends on through dobj/pobj/prep/attr links (or None)."""
    t = tok
    for _ in range(max_steps):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.pos_ not in ("ADP", "NOUN", "PROPN"):
            return None
    return None


def role_resolver(doc, entities: list[LocalEntity], ms: MentionIndex):
    """'his Russian counterpart' -> the one person entity with a role for Russia."""
    by_key = {e.key: e for e in entities}

    def resolve(head, toks):
        if head.lemma_.lower() not in ("counterpart", "minister", "president", "leader", "envoy", "premier",
                                       "chancellor", "ambassador", "secretary", "spokesman", "spokeswoman"):
            return None
        country = None
        for t in toks:
            c = country_of(t.text)
            if c:
                country = c[0] if isinstance(c, tuple) else c
                break
        if not country:
            return None
        cands = [e for e in entities if e.actor_type == "person" and any(
            aff and country.lower() in aff.lower() for _, aff in e.roles)]
        if head.lemma_.lower() != "counterpart":
            cands = [e for e in cands if any(head.lemma_.lower() in (r or "").lower() for r, _ in e.roles)]
        if len(cands) != 1:
            return None
        ent = cands[0]
        return Mention(start=head.idx, end=head.idx + len(head.text), text=ent.canonical_name, label="PERSON",
                       entity_key=ent.key)

    return resolve


def is_agent(tok, lex: Lexicon) -> bool:
    """A generic actor noun ("police", "the president", "Human rights groups"; a person or social-group noun of
    WordNet: "environmental organizations", "shippers")."""
    lemma = tok.lemma_.lower()
    return tok.lower_ in lex.agents or lemma in lex.agents or tok.pos_ == "NOUN" and lemma in lex.humans


def is_person_noun(tok, lex: Lexicon) -> bool:
    """A human noun ("people", "his wife", "the 10-year-old"; "his wife, an advocate, who"): a
    possible victim or detainee."""
    for t in (tok, tok.head) if tok.dep_ == "appos" else (tok,):
        if is_agent(t, lex) or t.lower_ in lex.persons or t.lemma_.lower() in lex.persons:
            return True
    return bool(re.search(r"\byears?\s*-?\s*old\b", " ".join(t.text for t in tok.subtree)))  # "an 18 - year old male"


def _by_on_undergoer(noun) -> list:
    """"the arrest of 23 pirates by the Indian navy", "the bailout of AIG by the Federal Reserve": the parser often
    hangs a noun event's "by" phrase on its "of" object (a noun: not "a man wanted by police", whose "by" is the
    participle's); it is the noun's doer."""
    return [p for o in noun.children if o.dep_ == "prep" and o.lower_ == "of"
            for x in o.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN")
            for c in x.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"][:1]


def _light_agent(noun, lex: Lexicon) -> list:
    """"the claim made by some campaign groups", "an official complaint has been made ... by the Board of Deputies":
    the "by" phrase of a light verb that carries the noun passively (its participle modifier, or the passive verb the
    noun is the subject of) is the noun's doer."""
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    verbs += [noun.head] if noun.dep_ == "nsubjpass" else []
    return [p for v in verbs if v.lemma_.lower() in lex.light for c in v.children if c.dep_ == "agent"
            for p in c.children if p.dep_ == "pobj"][:1]


def noun_sources(noun, ms: MentionIndex, lex: Lexicon) -> list:
    """Source heads a noun trigger names itself: possessor, 'by X', a demonym/organisation/person
    modifier ('Russian airstrikes') or an actor-noun modifier ('militant attack', 'police raid')."""
    poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if poss:
        return poss[:1]
    by = [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
          for p in c.children if p.dep_ == "pobj"] or _by_on_undergoer(noun) or _light_agent(noun, lex)
    if by:
        return expand_conj(by[0])
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and not is_nonactor(c)
            and (((m := ms.of(c)) is not None and m.label in ("NORP", "ORG", "PERSON")) or
                 c.ent_type_ == "NORP" and m is None and c.dep_ == "amod" or  # "Israeli air strikes": no mention kept
                 is_agent(c, lex) and not (c.pos_ == "ADJ" and c.lower_ in lex.words("ADJ_NOT_AGENT")))]
    # ("police raid", "militant attack"; not "general strike")
    return mods[:1]


def comma_name(head, ms: MentionIndex) -> Mention | None:
    """"two officers fatally shot the teenager, Kimani Gray, just before 11:30": a common noun followed by a comma and a
    person's name closed by a comma or the sentence's end is that person even when the parser hung the name elsewhere
    than on the noun (as an adverbial of the verb); not a name that is a subject or a list member ("the minister,
    John and Mary")."""
    doc, end = head.doc, head.right_edge.i
    if head.pos_ != "NOUN" or ms.of(head) is not None or end + 2 >= head.sent.end or doc[end + 1].text != ",":
        return None
    m = ms.of(doc[end + 2])
    if m is None or m.label != "PERSON" or m.start != doc[end + 2].idx:
        return None
    name = [t for t in doc[end + 2: head.sent.end] if t.idx < m.end]
    after = name[-1].i + 1
    if after < head.sent.end and doc[after].text not in (",", ".", ";") or any(
            t.dep_ in ("nsubj", "nsubjpass", "conj", "cc") or t.head.i == head.i for t in name):
        return None
    return m


def named_as(head, ms: MentionIndex, lex: Lexicon) -> Mention | None:
    """"a Muslim woman named Yvonne Hiller shot and killed two co-workers": a common noun that a naming participle gives
    a person's name is that person."""
    if head.pos_ != "NOUN":
        return None
    naming = lex.words("NAMING_VERB")
    names = [o for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in naming
             for o in c.children if o.dep_ in ("oprd", "dobj", "attr")]
    mention = ms.of(names[0]) if names else None
    return mention if mention is not None and mention.label == "PERSON" else None


def with_acronym(mention: Mention, sent) -> str:
    """"the Federal Bureau of Investigation (FBI)", "the National Rifle Association (NRA)": a name introducing its
    acronym in parentheses is written with it (articles name the actor by either afterwards)."""
    after = list(islice((t for t in sent if t.idx >= mention.end), 3))  # the three tokens after the name
    if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper() and \
            after[1].is_alpha and 2 <= len(after[1].text) <= 6 and after[1].text != mention.text:
        return f"{mention.text} ({after[1].text})"
    return mention.text


def proper_name(head, ms: MentionIndex) -> str | None:
    """'Lord Falconer' of 'then Home Office Minister Lord Falconer' when no entity covers the
    proper-noun head: the proper nouns ending at the head outside other mentions."""
    if head.pos_ != "PROPN" or ms.of(head) is not None or not head.text[:1].isupper() or \
            head.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP"):
        return None
    toks = [head]
    for c in sorted((c for c in head.children if c.dep_ == "compound" and c.i < head.i), key=lambda t: -t.i):
        if c.pos_ != "PROPN" or ms.of(c) is not None or c.i != toks[0].i - 1:
            break
        toks.insert(0, c)
    return " ".join(t.text for t in toks)


COMMON_NOUNS_PATH = RULES / "common_nouns_wordnet.tsv"  # generated by pipeline.nlp.events.nominals


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """Everyday English nouns (WordNet lemmas with a tagged sense): no unknown name."""
    return frozenset(line.strip() for line in COMMON_NOUNS_PATH.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


NAME_TAGS = ("NN", "NNS", "NNP", "JJ")  # what the tagger calls a surname it does not know opening a sentence


def initial_name(head, lex: Lexicon) -> bool:
    """'Contreras had urged the department', 'Lopez has been charged': a bare capitalized subject opening its
    sentence, which the model read as a common noun or adjective ("contreras" NNS, "trump" NN, "lopez" JJ) and no
    entity covers, is a name when its lower-case form is no word the lexicons know (an event noun, an agent or human
    noun, a non-actor) nor an everyday English noun ("Crews were called": rules/common_nouns_wordnet.tsv)."""
    low, lemma = head.lower_, head.lemma_.lower()
    if head.i != head.sent.start or not head.is_title or not head.is_alpha or head.tag_ not in NAME_TAGS or \
            head.dep_ not in ("nsubj", "nsubjpass") or head.n_lefts + head.n_rights > 0 or head.ent_type_:
        return False
    known = lex.nouns.keys() | lex.agents | lex.persons | lex.nonactors
    common = common_nouns()
    return low not in known and lemma not in known and ("N", lemma) not in lex.senses and \
        low not in common and lemma not in common


# personal pronouns that can stand for an actor -> the kind of antecedent they take ("i"/"we"/"you": none)
PRONOUNS = {"he": "he", "she": "he", "him": "he", "his": "he", "her": "he", "hers": "he",
            "it": "it", "its": "it", "they": "they", "them": "they", "their": "they",
            "i": "i", "we": "we", "us": "we", "our": "we", "my": "i", "me": "i"}


def is_pronoun_text(text: str | None) -> bool:
    """A personal pronoun by its text; an upper-case abbreviation is a name ("US" is no "us")."""
    return bool(text) and text.lower() in PRONOUNS and not (len(text) > 1 and text.isupper())


def document_antecedents(doc, ms: MentionIndex) -> list[tuple[int, Mention]]:
    """(token index, mention) of every subject of the document naming a person, organization or
    country, in text order: the antecedents a pronoun source can take."""
    out = []
    strings = doc.vocab.strings
    deps, tags = {strings["nsubj"], strings["nsubjpass"]}, {strings["PROPN"], strings["NOUN"]}
    for i, (dep, pos) in enumerate(doc.to_array(["DEP", "POS"]).tolist()):  # a Token only for a subject
        if dep in deps and pos in tags:
            m = ms.of(doc[i])
            if m is not None and m.label in ("PERSON", "ORG", "GPE", "NORP"):
                out.append((i, m))
    return out
