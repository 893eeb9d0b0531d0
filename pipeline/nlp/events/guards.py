"""The guards on an event's actor pairs (`PAIR_GUARDS`, applied in order by `pairs`): each rule rejects the pairs of
one sense when its actors do not make an event (a pronoun alone, a generated sense without recipient, a lone
"agree"...). `Resolved` holds the resolved sources and targets the guards read."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.events.actors import (
    ACTOR_LABELS, first_conjunct, is_agent, is_pronoun_text, MentionIndex, PRONOUNS, STRONG_LABELS,
)
from pipeline.nlp.events.lexicon import Lexicon, Trigger
from pipeline.nlp.events.subjects import Subject, subject_of

# types whose "person" senses also take a country as target (PLOVER actors are states as well as people)
COUNTRY_TARGETS = {"SUPPORT", "DEMAND", "THREATEN", "DISAPPROVE", "REJECT", "CONSULT", "AGREE", "AID", "SANCTION",
                   "COOPERATE"}
STATEMENT_TYPES = {"AGREE", "REJECT", "THREATEN"}  # types whose verb may state its act in a complement
# types whose generated senses may have no recipient (PLOVER: a protest, a mobilization, a retreat, an intent)
UNTARGETED = {"PROTEST", "MOBILIZE", "RETREAT", "AGREE", "REJECT", "THREATEN", "CONCEDE", "SANCTION", "ASSAULT",
              "COERCE", "INVESTIGATE"}


@dataclass
class Site:
    """One sense of one trigger in its sentence, with what the role rules read."""
    tok: object
    trig: Trigger
    kind: str
    verb: object
    lex: Lexicon
    ms: MentionIndex
    ctx: set[str]
    actor: object
    consumed: set[int]
    tgt_heads: list
    agents: list | None = None  # `_agent_subjects`, computed the first time a guard asks
    subject: Subject | None = None  # a verb sense's subject: `verb_roles.verb_subject`, set before the target rules


@dataclass
class Resolved:
    """Sources and targets resolved to (mention, text) actors, with what the guards read."""
    src: list
    tgt_ok: list  # targets that are actors
    tgt: list  # targets kept by their text only
    named: list  # an entity or an actor noun
    proper: list  # a bare proper noun
    targets: list  # the target heads
    pronoun_source: bool
    anon: bool


def _unnamed_pronoun_source(site: Site, r: Resolved) -> bool:
    """A pronoun source (resolved or not) needs a target."""
    return r.pronoun_source and not r.tgt_ok


# "he was arrested", "he is being investigated", "she's accused of": an event whatever the pronoun stands for
PRONOUN_VICTIM_TYPES = {"COERCE", "ASSAULT", "SANCTION", "INVESTIGATE", "DISAPPROVE"}
# third-person pronouns of people ("he", "them"); "it" stands for a thing as often as for an organization
PERSONAL_PRONOUNS = frozenset(word for word, kind in PRONOUNS.items() if kind in ("he", "they"))


def _pronoun_victim(site: Site, r: Resolved) -> bool:
    """An agentless arrest, attack, sanction, investigation, accusation or criticism of a third-person pronoun ("he
    was arrested", "she is accused of", "they were criticised") is an event whose target the article names elsewhere;
    the labelling guide writes it with empty actors (held-out 14, decision u: "is accused of gunning down" is
    DISAPPROVE of the accused)."""
    return r.anon and site.kind == "V" and site.trig.type in PRONOUN_VICTIM_TYPES and any(
        (t or "").lower() in PERSONAL_PRONOUNS for _, t in r.tgt_ok)


def _two_parties(r: Resolved) -> bool:
    """A source and a target both told ("I support him", "we need to help these countries", "I met with some of the
    rating agencies"): an event between two parties the article names elsewhere, written with empty actors by the
    labelling guide, even when a pronoun tells each; not "it", which names a policy or a thing as often as a party
    ("It will help them")."""
    return not r.anon and bool(r.src) and bool(r.tgt_ok) and all(
        t and PRONOUNS.get(t.lower()) != "it" for _, t in r.src + r.tgt_ok)


def _no_named_actor(site: Site, r: Resolved) -> bool:
    """No named actor on either side and only one party told ("his criticisms", "the allegations", "he called" with no
    one called) is no event (but see `_pronoun_victim` and `_two_parties`)."""
    weak = r.pronoun_source and any(m is None for m, _ in r.src) or all(
        m is None and (t is None or is_pronoun_text(t)) for m, t in r.src)
    if _pronoun_victim(site, r) or _two_parties(r):
        return False
    return (r.anon or weak) and not r.proper and not any(m is not None or (t or "").lower() not in PRONOUNS
                                                         for m, t in r.named)  # "Marvel received criticism": a name


def _speaker_source(site: Site, r: Resolved) -> bool:
    """A speaker's "I respect the jury": a generated sense needs a third-party source."""
    return "generated" in site.trig.flags and any(m is None and (t or "").lower() in ("i", "we", "you")
                                                  for m, t in r.src)


# a named actor criticizing, rejecting or investigating a thing ("the plan", "the situation") is an event
VERBAL_TYPES = {"DISAPPROVE", "REJECT"}
# the same for the hand senses of demands ("says the advice should be published"), of backing a policy ("Sanders has
# supported stem cell research", "Kennedy, who backs the constitution": gold SUPPORT with the thing as no actor) and of
# investigating ("Royal Mail is investigating the situation"; not the generated study/search/monitor senses: "English
# students studying in Scotland", "families searching for relatives")
HAND_VERBAL_TYPES = {"DEMAND", "SUPPORT", "INVESTIGATE"}


def _agent_subjects(site: Site) -> list:
    """The subject heads of a trigger that are generic actor nouns ("Most city-dwellers", "The former secretary of
    state", "Environmental groups"; `actors.is_agent`); none when its complement is no act ("The spokesman declined to
    comment": NO_ACT cue words); computed once per site."""
    if site.agents is None:
        no_act = site.lex.words("NO_ACT")
        no_act_clause = any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in no_act for c in site.tok.children)
        site.agents = [] if no_act_clause else [
            s for s in subject_of(site.tok)[0] if s.pos_ == "NOUN" and is_agent(s, site.lex)]
    return site.agents


def _named_speaker(site: Site, r: Resolved) -> bool:
    """"That has been attacked by the Tories as too little", "Europe, which disputes the claim": criticism or rejection
    (a verb) by a named person, organization, country or region is an event whose target may be a thing (a plan, a
    policy, a pronoun): the labelling guide codes an event when one participant is named. A generic actor noun as
    subject names its participant too ("Most city-dwellers support the ban", "Environmental groups challenged
    opinions"; issue 11, session 21: 5 of 8 such events right on the pooled development gold)."""
    verbal = site.trig.type in VERBAL_TYPES or \
        site.trig.type in HAND_VERBAL_TYPES and "generated" not in site.trig.flags
    if site.kind != "V" or not verbal:
        return False
    # "argued that his client was innocent", "claims to have seen": a disapproval verb with a clause states, not blames
    if site.trig.type == "DISAPPROVE" and any(c.dep_ in ("ccomp", "xcomp") for c in site.tok.children):
        return False
    # "Mac applications support the Retina display": a product named by its maker supports a feature, not a policy
    # (a noun subject that is no actor noun); "to defend itself": no one else's cause
    agents = _agent_subjects(site)
    things = [s for s in subject_of(site.tok)[0] if s.pos_ == "NOUN" and s not in agents]
    if site.trig.type == "SUPPORT" and (things or any(
            c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in site.tok.children)):
        return False
    return any(m is not None and m.label in ACTOR_LABELS[:5] for m, _ in r.src) or bool(agents)


def _generated_without_recipient(site: Site, r: Resolved) -> bool:
    """PETRARCH codes an event only between actors it knows: a generated sense of a type that needs a
    recipient ("raised concerns", "issued a statement for its part", "offered hope") needs a named target."""
    return "generated" in site.trig.flags and site.trig.type not in UNTARGETED and not (r.named or r.proper) and \
        not _named_speaker(site, r)


def _named_without_target(site: Site, r: Resolved) -> bool:
    """A "named" sense needs a named target, unless it is a promise, refusal or threat of the act in its
    complement ("promised to democratize", "declined to resign"; not "declined to comment")."""
    tok, lex = site.tok, site.lex
    return "named" in site.trig.flags and not (r.named or r.proper) and not _named_speaker(site, r) and (
        r.targets or r.tgt or site.trig.type not in STATEMENT_TYPES or not any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() not in lex.words("NO_ACT") for c in tok.children))


def _support_for_a_thing(site: Site, r: Resolved) -> bool:
    """"The plan won broad support from opposition parties": the support a named actor gives to a thing (the subject of
    a receiving verb, RECEIVE cue words) is SUPPORT with no actor target, as the criticism a thing draws is
    DISAPPROVE."""
    verb = site.verb
    return site.trig.type == "SUPPORT" and site.kind == "N" and verb is not None and \
        verb.lemma_.lower() in site.lex.receive and not r.tgt_ok and \
        any(m is not None or t and not is_pronoun_text(t) for m, t in r.src)


def _target_missing(site: Site, r: Resolved) -> bool:
    return "target" in site.trig.flags and not r.tgt_ok and not _named_speaker(site, r) and \
        not _support_for_a_thing(site, r)


def _intransitive_with_object(site: Site, r: Resolved) -> bool:
    return "intrans" in site.trig.flags and any(c.dep_ == "dobj" for c in site.tok.children)


def _person_target_missing(site: Site, r: Resolved) -> bool:
    """A "person" sense needs a person-like target (a person, organization, group; a country for the verbal and
    diplomatic types: "urged Israel not to build", "warned Iran that ...", not "killed Iran")."""
    if "person" not in site.trig.flags or site.trig.type == "SUPPORT" and not r.tgt_ok and (
            _named_speaker(site, r) or _support_for_a_thing(site, r)):
        return False  # "Kennedy, who backs the constitution": a named actor backing a policy (HAND_VERBAL_TYPES)
    return not r.tgt_ok or not any(
        m is None or m.label in STRONG_LABELS + ("NORP",) or (m.label in ("GPE",) and site.trig.type in COUNTRY_TARGETS)
        for m, _ in r.tgt_ok)


def _lone_agreement(site: Site, r: Resolved) -> bool:
    """"critics seemed to agree on one thing", "agreed that it was wrong": one actor agreeing with no partner,
    no act to do and no accord is an opinion, not an AGREE ("Iran agreed to talks", "A and B agreed" are)."""
    tok = site.tok
    if site.trig.type != "AGREE" or site.kind != "V" or tok.lemma_.lower() != "agree":
        return False
    acts = [c for c in tok.children if c.dep_ == "xcomp" or c.dep_ in ("dobj", "prep") and c.lower_ != "on" or
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("should", "would", "will") for a in c.children)]
    return len(r.src) < 2 and not (r.tgt_ok or r.tgt) and not acts


def _attributive_source_only(site: Site, r: Resolved) -> bool:
    """"its biggest fall since the September 11 terrorist attacks", "a militant attack": a noun event whose only actor
    is an attributive adjective of the noun (no entity: not "Russian airstrikes") and that has no actor target names
    no participant; like an event noun used as a time anchor, it reports no event between actors (labelling guide in
    gold/events.tsv, rule 3)."""
    if site.kind != "N" or r.tgt_ok:
        return False
    adjectives = {c.text for c in site.tok.children if c.dep_ == "amod" and c.text.islower() and site.ms.of(c) is None}
    return bool(adjectives) and all(m is None and t in adjectives for m, t in r.src)


def _enabling_help(site: Site, r: Resolved) -> bool:
    """"HP will help customers to transform their data centers", "an e-mail helped officials realize": an aid verb whose
    complement clause says what the help enables, with no entity as beneficiary, tells an effect, not a provision of
    aid to an actor (PLOVER AID); "helped Bosnia rebuild" keeps its named beneficiary."""
    if site.trig.type != "AID" or site.kind != "V" or not any(c.dep_ in ("xcomp", "ccomp") for c in site.tok.children):
        return False
    return not any(m is not None for m, _ in r.tgt_ok)


def _accused_act(site: Site, r: Resolved) -> bool:
    """"accused the government of backing militias", "was accused of attacking a staffer": the act an accuser accuses
    someone of is the content of the accusation, no event of its own (ACCUSE_OF cue words)."""
    tok = first_conjunct(site.tok)  # "of telling lies ... and then attacking the lies"
    return site.kind == "V" and tok.dep_ == "pcomp" and tok.head.lower_ == "of" and \
        tok.head.head.lemma_.lower() in site.lex.words("ACCUSE_OF")


PAIR_GUARDS = (_unnamed_pronoun_source, _no_named_actor, _speaker_source, _generated_without_recipient,
               _named_without_target, _target_missing, _intransitive_with_object, _person_target_missing,
               _lone_agreement, _attributive_source_only, _enabling_help, _accused_act)
