"""Event-actor coreference: which named actor a pronoun source or target stands for (`antecedent`), by named rules
applied in order (the first that finds one wins). Used by `resolver.ActorResolver`.

Why: news tells most events of a speaker in the speaker's own clause ("The ministry says it is investigating",
"Smith said he would oppose the nominee") or in a clause coordinated with one naming the actor ("Rubio did not
blame X at first, but he did so later"); a pronoun kept as "it" or "he" names nobody and the event was dropped."""
from __future__ import annotations

from typing import Callable, NamedTuple

from pipeline.names import kb_entry
from pipeline.nlp.events.actors import first_conjunct, MentionIndex, PRONOUNS, proper_name

# the mention labels a pronoun of each kind may stand for
PRONOUN_LABELS = {"he": ("PERSON",), "it": ("ORG", "GPE"), "they": ("ORG", "GPE", "NORP")}
SUBJECTS = ("nsubj", "nsubjpass")


NUMBER_TAGS = {"he": ("NN",), "it": ("NN",), "they": ("NNS",)}  # the tag of a common-noun antecedent of each kind


class Antecedent(NamedTuple):
    """What a pronoun stands for: its mention (None for a generic agent noun) and the name to write."""
    mention: object
    text: str


class PronounSite(NamedTuple):
    """A pronoun token with what the rules read: its kind ("he", "it", "they"), the labels it may stand for, the
    sentence's mentions, the document's subject antecedents (token index, mention), the reporting verbs and the
    test of a generic agent noun ("police", "the minister")."""
    tok: object
    kind: str
    labels: tuple
    mentions: MentionIndex
    subjects: list
    report: frozenset
    agent: Callable
    female: frozenset = frozenset()  # nouns of women (FEMALE cue words: "wife", "mother") a "she"/"her" may stand for


def _agent_text(subj, site: PronounSite):
    """(None, text) of a generic agent noun subject agreeing in number with the pronoun ("The pirates ... they")."""
    if subj.pos_ != "NOUN" or subj.tag_ not in NUMBER_TAGS.get(site.kind, ()) or not site.agent(subj):
        return None
    return Antecedent(None, subj.doc[subj.left_edge.i: subj.i + 1].text)


def _mention_of_subject(verb, site: PronounSite):
    """(mention, text) of the subject of `verb` when a mention of a label the pronoun may stand for names it."""
    subj = next((child for child in verb.children if child.dep_ in SUBJECTS), None)
    if subj is None or subj.i == site.tok.i or subj.pos_ == "PRON":
        return None
    mention = site.mentions.of(subj)
    if mention is None:
        return _agent_text(subj, site) or _unlabelled_name(subj, site)
    return Antecedent(mention, mention.text) if mention.label in site.labels or _surname_as_org(mention, subj, site) \
        else None


def _surname_as_org(mention, subj, site: PronounSite) -> bool:
    """"Sanders says his private meeting with Pope Francis ...": the small model often tags a lone surname ORG; a
    he/she pronoun whose clause's subject is such a one-word name (not an acronym, no determiner: not "the Post",
    "NATO") stands for it, as an organization would be "it" — unless the name is an organization of the knowledge base
    ("Reuters reported that he resigned": he is not Reuters) and no person of that surname is named (`_person_named`)."""
    if not (site.kind == "he" and mention.label == "ORG" and subj.is_title and len(mention.text.split()) == 1 and
            not any(c.dep_ == "det" for c in subj.children)):
        return False
    return not _known_organization(mention.text) or _person_named(mention.text, site)


def _known_organization(name: str) -> bool:
    """Whether the knowledge base (Phoenix actors) holds `name` as an organization ("Reuters", "Google")."""
    entry = kb_entry([name])
    return entry is not None and entry.actor_type == "organization"


def _person_named(surname: str, site: PronounSite) -> bool:
    """Whether a PERSON mention of the sentence or a person subject of the document ends with `surname`."""
    people = [m for m in site.mentions.by_char.values()] + [m for _, m in site.subjects]
    return any(m.label == "PERSON" and m.text.split()[-1] == surname for m in people)


def _unlabelled_name(subj, site: PronounSite):
    """(None, name) of a proper-noun subject the entity stage missed ("Rubio opposes X, but he urged ..."): a he/she
    pronoun stands for it when the tagger gave it no entity type (not "Labour ... it", an organization)."""
    if site.kind != "he" or subj.ent_type_ not in ("", "PERSON"):
        return None
    name = proper_name(subj, site.mentions)
    return Antecedent(None, name) if name is not None else None


def _clause_verb(tok):
    """The verb of the clause whose subject (or subject's possessor: "his country would help") the pronoun is."""
    if tok.dep_ in SUBJECTS:
        return tok.head
    if tok.dep_ == "poss" and tok.head.dep_ in SUBJECTS:
        return tok.head.head
    return None


def fronted_antecedent(site: PronounSite):
    """'After announcing his support for X, Rubio said ...': a pronoun in a phrase fronted before the main
    clause's subject stands for that subject (cataphora), not for an earlier sentence's subject."""
    tok = site.tok
    root = tok.sent.root
    subj = next((child for child in root.children if child.dep_ in SUBJECTS), None)
    if subj is None or tok.i >= subj.i or tok.i in {token.i for token in subj.subtree} or tok.dep_ == "nsubj":
        return None
    mention = site.mentions.of(subj)
    if mention is None or mention.label not in site.labels:
        return None
    return Antecedent(mention, mention.text)


def reported_speaker(site: PronounSite):
    """"The ministry says it is investigating", "Smith said he would oppose", "Nakatani said his country would
    help": the subject pronoun (or its possessor) of a clause reported by a speech verb is the speaker."""
    verb = _clause_verb(site.tok)
    if verb is None:
        return None
    verb = first_conjunct(verb)  # "said it would X and would Y"
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in site.report:
        return None
    return _mention_of_subject(verb.head, site)


def governing_subject(site: PronounSite):
    """"The company revealed that its creditors had left and it has become the subject of an inquiry", "Iran vowed
    it would defy the council": the subject pronoun of a clause that is the complement of any verb (a reported clause
    beyond the speech verbs) stands for that verb's subject, unless the verb has an object the pronoun may stand for
    ("warned Russia that it would face sanctions")."""
    verb = site.tok.head if site.tok.dep_ in SUBJECTS else None
    if verb is None:
        return None
    verb = first_conjunct(verb)
    outer = verb.head
    if verb.dep_ != "ccomp" or outer.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("dobj", "dative") for c in outer.children):
        return None
    return _mention_of_subject(outer, site)


def conjunct_subject(site: PronounSite):
    """"Rubio did not blame X at first, but he did so later", "The firm denied it and it said ...": the subject
    pronoun (or the subject's possessor) of a clause coordinated with one whose subject is a compatible mention
    stands for that subject."""
    verb = _clause_verb(site.tok)  # also the subject's possessor: "X used his speech ..., but his battles with Y"
    if verb is None or verb.dep_ != "conj":
        return None
    return _mention_of_subject(verb.head, site)


def conjunct_object(site: PronounSite):
    """"X quit the UK Independence Party and accused it of ...", "spoke to government officials and asked them to
    ...": the object pronoun of a verb coordinated with one whose object (or to/with phrase) is a compatible mention
    or generic agent noun stands for that object."""
    tok = site.tok
    if tok.dep_ != "dobj" or tok.head.dep_ != "conj":
        return None
    other = tok.head.head
    objects = [c for c in other.children if c.dep_ == "dobj"] + [
        p for c in other.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
        for p in c.children if p.dep_ == "pobj"]
    for obj in (o for o in objects if o.pos_ != "PRON"):
        mention = site.mentions.of(obj)
        if mention is None:
            got = _agent_text(obj, site)
            if got is not None:
                return got
        elif mention.label in site.labels:
            return Antecedent(mention, mention.text)
    return None


def possessor_in_sentence(site: PronounSite):
    """"X has completed its investigation": "its"/"their" stands for an earlier subject of its own sentence."""
    tok = site.tok
    if tok.dep_ != "poss" or site.kind not in ("it", "they"):
        return None
    for position, mention in reversed(site.subjects):
        if tok.sent.start <= position < tok.i and mention.label in site.labels:
            return Antecedent(mention, mention.text)
    return None


def untagged_name_before(site: PronounSite):
    """"Trump became the presumptive Republican nominee, he has consolidated support from national party leaders": a
    he/she pronoun stands for the nearest earlier proper-noun subject of its sentence that no mention covers (the small
    model left the lone surname untagged; `actors.proper_name` decides what counts as a name), before any subject of
    an earlier sentence."""
    tok = site.tok
    if site.kind != "he":
        return None
    for token in reversed(tok.sent[: tok.i - tok.sent.start]):
        if token.dep_ in SUBJECTS and token.pos_ == "PROPN" and token.is_title and site.mentions.of(token) is None:
            name = proper_name(token, site.mentions)
            return Antecedent(None, name) if name is not None else None
    return None


def earlier_subject(site: PronounSite):
    """The nearest earlier subject of the document of a compatible label ("it"/"they": of an earlier sentence)."""
    tok = site.tok
    first = tok.sent.start if site.kind != "he" else tok.i
    for position, mention in reversed(site.subjects):
        if position < first and mention.label in site.labels:
            return Antecedent(mention, mention.text)
    return None


def person_before(site: PronounSite):
    """"Warren Jeffs ... since his arrest": a he/she pronoun that is no subject stands for a person named before
    it in its sentence."""
    tok = site.tok
    if site.kind != "he" or tok.dep_ == "nsubj":
        return None
    for token in reversed(tok.sent[: tok.i - tok.sent.start]):
        mention = site.mentions.of(token)
        if mention is not None and mention.label == "PERSON":
            return Antecedent(mention, mention.text)
    return None


def clause_subject(site: PronounSite):
    """"A mafioso committed suicide hours after his arrest", "the senator has fallen out of touch based on his support
    for Trump": a his/her possessor stands for the subject of its own clause (the nearest verb above it that has one,
    before the pronoun) when a singular generic agent noun or a person's name is that subject, before any earlier
    subject of the document (not an object pronoun: "the first member to endorse him" is someone else)."""
    tok = site.tok
    if site.kind != "he" or tok.dep_ != "poss":
        return None
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and any(
        c.dep_ in SUBJECTS for c in a.children)), None)
    if verb is None:
        return None
    subj = next(c for c in verb.children if c.dep_ in SUBJECTS)
    got = _mention_of_subject(verb, site) if subj.i < tok.i else None
    return got if got is None or got.mention is None or got.mention.label == "PERSON" else None


FEMININE = ("she", "her", "hers", "herself")


def woman_before(site: PronounSite):
    """"convicted of stabbing his wife ... while she visited him in prison", "the girl's mother said her daughter":
    a she/her pronoun stands for the nearest earlier singular noun of a woman in its sentence (FEMALE cue words),
    kept by its text ("his wife"), before a name of unknown sex further back; not a noun in the pronoun's own phrase,
    nor a noun without possessor after a person's name, which names that person again ("Lindsay Lohan's lawyer says
    the actress ... ordered her to": the name's rules decide)."""
    tok = site.tok
    if tok.lower_ not in FEMININE or not site.female:
        return None
    own = {t.i for t in tok.head.subtree} if tok.dep_ == "poss" else {tok.i}
    for token in reversed(tok.sent[: tok.i - tok.sent.start]):
        if token.i not in own and token.tag_ == "NN" and token.lemma_.lower() in site.female:
            named_before = any(m.label == "PERSON" for m in (site.mentions.of(t) for t in tok.sent[
                : token.i - tok.sent.start]) if m is not None)
            if named_before and not any(c.dep_ == "poss" for c in token.children):
                return None
            return Antecedent(None, token.doc[token.left_edge.i: token.i + 1].text)
    return None


ANTECEDENT_RULES: tuple[Callable, ...] = (fronted_antecedent, reported_speaker, governing_subject, conjunct_subject,
                                          conjunct_object, possessor_in_sentence, clause_subject, woman_before,
                                          untagged_name_before, earlier_subject, person_before)


# the rules that find an antecedent in the pronoun's own sentence ("Gerasimov ... as saying his country was"), for
# what is named after the antecedent ("his country"): a subject of an earlier sentence is too far a guess there
SENTENCE_RULES: tuple[Callable, ...] = (fronted_antecedent, reported_speaker, governing_subject, conjunct_subject,
                                        conjunct_object, possessor_in_sentence, person_before)


def antecedent(tok, mentions: MentionIndex, subjects: list, report: frozenset, agent: Callable,
               rules: tuple[Callable, ...] = ANTECEDENT_RULES, female: frozenset = frozenset()):
    """The Antecedent a personal pronoun stands for, or None (the first of `rules` that finds one)."""
    kind = PRONOUNS.get(tok.lower_)
    if kind is None:
        return None
    site = PronounSite(tok, kind, PRONOUN_LABELS.get(kind, ()), mentions, subjects, report, agent, female)
    return next((got for rule in rules if (got := rule(site)) is not None), None)
