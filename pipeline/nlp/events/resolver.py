"""Who an actor head names (`ActorResolver`): an entity mention, a resolved pronoun, a document's author,
a proper name no entity covers, a generic agent ("police") or a human noun kept by its text (pronouns: `coref`)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.events.actors import (
    actor_mention, comma_name, document_antecedents, expand_conj, hyphen_last, initial_name, is_agent, is_nonactor,
    is_person_noun, is_pronoun_text, MentionIndex, named_as, PRONOUNS, proper_name, role_resolver, with_acronym,
)
from pipeline.nlp.events.coref import ANTECEDENT_RULES, antecedent, SENTENCE_RULES
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.senses import counted
from pipeline.records import LocalEntity, Mention

AUTHOR_VERBS = ("attribute", "sign", "write", "issue")  # "a letter attributed to / signed by X"


def document_author(head) -> list:
    """The author of a document noun: its possessor, "from/by X", or the to/by phrase of an
    attributing participle ("a letter attributed to Litvinenko"); pronouns excluded."""
    found = []
    for c in head.children:
        if c.dep_ == "poss":
            found.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
            found += [x for x in c.children if x.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.lemma_.lower() in AUTHOR_VERBS:
            found += [x for y in c.children if y.dep_ == "prep" and y.lower_ in ("to", "by")
                      for x in y.children if x.dep_ == "pobj"]
    return [p for p in found if p.pos_ != "PRON"]


def poll_share(head, lex: Lexicon) -> str | None:
    """"42% backed his legal action", "only 30 percent approve": a percentage or a share word (`POLL_SHARE` rows) that
    is a verb's subject (or the agent of a passive) is the share of the people polled, the actor of the stance; kept by
    its text ("Some 82%"). Read after `senses.counted`: a share that counts a named group ("64 percent of the
    electorate") has already resolved to that group."""
    if head.dep_ not in ("nsubj", "nsubjpass") and not (head.dep_ == "pobj" and head.head.dep_ == "agent"):
        return None
    if head.ent_type_ != "PERCENT" and head.lemma_.lower() not in lex.words("POLL_SHARE"):
        return None
    return head.doc[head.left_edge.i:head.i + 1].text


RELATIVE_TAGS = ("WP", "WDT")  # "who", "whom", "which", "that" opening a relative clause; "what"


def relative_antecedent(head):
    """"the only Republican whom Trump refused to endorse", "the bank that regulators fined": a relative pronoun (as a
    verb's object or subject, through the verbs of its clause) stands for the noun its relative clause modifies, the
    actor to resolve: of conjoined nouns the nearest before the pronoun ("between Mitchell and Sen. Eastland, who ...
    and who supported Nixon": the parser hangs the clause on the first), of an appositive the noun it describes (as
    `subjects._relative_pronoun` does for a relative clause's own subject); a wh-word with no such noun ("what critics
    claim") names no one (False). None: no wh-word."""
    if head.tag_ not in RELATIVE_TAGS:
        return None
    for verb in head.ancestors:
        if verb.dep_ == "relcl":
            noun = verb.head  # a relcl is never the root: its head is another token
            if noun.dep_ == "appos":
                return noun.head
            before = [n for n in expand_conj(noun) if n.i < head.i]
            return before[-1] if before else noun
        if verb.pos_ not in ("VERB", "AUX"):
            return False
    return False


@dataclass
class ActorResolver:
    """Resolves actor heads of one document; `ms` is the mention index of the sentence being read
    (a re-parsed headline has its own)."""
    lex: Lexicon
    ms: MentionIndex
    ent_by_key: dict[str, LocalEntity]
    resolve_role: object
    subjects: list[tuple[int, Mention]]

    @classmethod
    def of_document(cls, doc, entities: list[LocalEntity], ms: MentionIndex, lex: Lexicon) -> "ActorResolver":
        return cls(lex, ms, {e.key: e for e in entities}, role_resolver(doc, entities, ms),
                   document_antecedents(doc, ms))

    def pronoun(self, tok, rules=ANTECEDENT_RULES):
        """(mention, name) of the actor a personal pronoun stands for (`coref.ANTECEDENT_RULES`), or None."""
        return antecedent(tok, self.ms, self.subjects, self.lex.report, lambda t: is_agent(t, self.lex), rules,
                          self.lex.words("FEMALE"))

    def _pronoun_actor(self, head):
        """A personal pronoun resolved to the nearest previous compatible subject of the document, else
        kept by its text without entity ("He", "they"; not "it")."""
        got = self.pronoun(head)
        if got is not None:
            return got
        return (None, head.text) if head.lower_ in PRONOUNS and PRONOUNS[head.lower_] != "it" else None

    def _possessed_agent(self, head):
        """"Russia said its troops had attacked", "Nakatani said his country would help": a generic agent noun owned
        by a pronoun is the agent of the pronoun's antecedent, kept by its text ("Russia's troops", "Gen Nakatani's
        country") without the owner's entity ("Israel withdrew its troops" is no event of Israel on itself)."""
        if head.pos_ != "NOUN" or not is_agent(head, self.lex):
            return None
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        got = self.pronoun(poss, SENTENCE_RULES) if poss is not None else None
        if got is None or got[0] is None:
            return None
        return None, f"{got[1]}'s {head.text}"  # by its text: "Israel withdrew its troops" is no self-event

    def __call__(self, head, allow_text: bool):
        """(mention, text) of an actor head; None when it names no actor. A name followed by its acronym in
        parentheses keeps it ("the Federal Bureau of Investigation (FBI)")."""
        last = hyphen_last(head, self.lex)  # "a co-worker": the split word's last part is its head, the whole word its text
        got = self._resolve(last or head, allow_text)
        if last is not None and got is not None and got[0] is None:
            return None, "".join(t.text for t in head.doc[head.i:last.i + 1])
        return (got[0], with_acronym(got[0], head.sent)) if got is not None and got[0] is not None and \
            got[1] == got[0].text else got

    def _resolve(self, head, allow_text: bool):
        lex = self.lex
        if is_nonactor(head):  # "a previous DUI arrest", "deploy this update"
            return None
        if head.pos_ == "NOUN" and ("N", head.lemma_.lower()) in lex.senses and self.ms.of(head) is None and \
                not is_agent(head, lex):  # an event noun is no actor ("a summit meeting failed to offer hope"),
            return None  # an agent noun with an event sense is ("sit down with the opposition")
        inner = counted(head)  # "hundreds of thousands of people", "two of its nationals"
        if inner:
            return self(inner[-1], allow_text)
        share = poll_share(head, lex)
        if share is not None:
            return None, share
        if head.lemma_.lower() in lex.words("DOCUMENT"):  # "a letter attributed to Litvinenko accused X":
            author = document_author(head)
            if author:  # the document's author is the actor
                return self(author[0], allow_text)
        antecedent_noun = relative_antecedent(head)
        if antecedent_noun is not None:
            return self(antecedent_noun, allow_text) if antecedent_noun else None
        if head.pos_ == "PRON" and head.lower_ not in PRONOUNS and is_person_noun(head, lex):
            return (None, head.text) if allow_text else None  # "anyone with information is asked to call police"
        if head.pos_ == "PRON" or is_pronoun_text(head.text):
            return self._pronoun_actor(head)
        owned = self._possessed_agent(head)
        if owned is not None:
            return owned
        named = named_as(head, self.ms, self.lex)  # "a Muslim woman named Yvonne Hiller"
        if named is not None:
            return named, named.text
        # "Another Charger, receiver Vincent Jackson, was arrested": a named appositive beats a bare proper noun
        named_appos = any(c.dep_ == "appos" and self.ms.of(c) is not None for c in head.children)
        name = None if named_appos else proper_name(head, self.ms)
        if name is not None:
            return None, name
        if initial_name(head, self.lex):
            return None, head.text
        if head.ent_type_ == "NORP" and head.dep_ == "amod" and self.ms.of(head) is None:
            return None, head.text  # "Israeli air strikes": a demonym the entity stage kept no mention of
        m, txt = actor_mention(head, self.ms, self.ent_by_key, self.resolve_role, self.lex)
        if m is not None:
            return m, txt
        if is_agent(head, lex) or (allow_text and is_person_noun(head, lex)):
            named = comma_name(head, self.ms)  # "shot the teenager, Kimani Gray, ..." (the name misparsed)
            return (named, named.text) if named is not None else (None, txt)
        # "by eight plainclothes RCMP officers": a head that names nobody stands for its appositive
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        return self(appos, allow_text) if appos is not None else None
