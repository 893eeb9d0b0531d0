"""Cross-document actor resolution: map local entities (`LocalEntity`, one per real-world
actor of a version) onto actors. `pipeline.actor_resolution` runs it over every version the
warehouse holds, in an order fixed by the data, so the clusters do not depend on arrival
order or batch split.

Rules, in order (each link keeps its method, confidence and evidence in `actor_links`):
0. the knowledge base: an entity one of whose names is a Phoenix dictionary actor
   (`rules/phoenix_actors.tsv`) joins the actor of that entry; the entry and its dated role
   codes are cited in the evidence: confidence 0.95;
1. same name (type + comparison form of the name; organizations without corporate
   suffixes, "Apple Inc." = "Apple Computer" = "Apple"; party variants were already mapped
   to the party by `pipeline.names`): confidence 1.0;
2. a full-name alias already seen for exactly one actor ("Sergey V. Lavrov"; an acronym
   spelled from the name, "GM" for "General Motors"): 0.9-0.95;
3. a person's variant name: same surname and compatible given names (middle initials,
   transliterations Sergei/Sergey, Mohammad/Mohammed; "Jr." is another person) — scored
   0.85 (same first name) or 0.6 (variant) plus evidence: same role +0.2, same affiliation
   +0.15, an alias seen before +0.15, a name of its version seen with the actor before
   +0.05 each (max 0.1);
   linked at 0.75 or more;
4. a surname alone ("Kerry", "Mr Howard"): 0.6 plus the same evidence, so it needs an alias
   seen before or a role; two candidates with equal evidence (two Smiths) stay apart;
5. an organization's acronym ("GM") or short name ("Northrop", with evidence);
6. the same name under another tagger type ("Boeing" tagged GPE here): 0.6.
Honorifics block merges: a person known as "Mr Howard" never takes "Mrs Howard" (rules 2-4
and the surname-only merge below). Otherwise a new actor. When later evidence shows two
actors are one (a surname-only actor "Obama" and the later "Barack Obama" with the same
role; "GM" and "General Motors" named as one in a document), the decision is recorded as
an internal merge; the load stage turns moved entities into `actor_merges` rows and
repoints the rows that pointed at the old ID: IDs never change silently."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.actor_kb import entity_kb
from pipeline.ids import stable_id
from pipeline.names import (
    comparison_key,
    honorific_gender,
    fold,
    given_names_compatible,
    initials,
    is_acronym,
    is_short_form,
    org_key,
    person_name_parts,
    spelled_acronym,
)
from pipeline.records import LocalEntity


ACCEPT = 0.75  # minimum confidence to link a variant name to an existing actor


@dataclass
class Link:
    """How one LocalEntity was resolved."""

    actor_id: str
    is_new: bool
    method: str  # same_name | alias | name_variant | surname | acronym | short_name | same_name_other_type | new
    confidence: float
    evidence: str


@dataclass
class _Actor:
    actor_id: str
    name: str
    actor_type: str
    given: list[str] = field(default_factory=list)
    surname: str = ""
    roles: set[tuple[str, str | None]] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)  # from honorifics seen with the name ("Mr Howard")

    def conflicts(self, entity: LocalEntity) -> bool:
        """Mrs Howard is not Michael Howard (Mr Howard elsewhere): honorifics disagree."""
        mine = {entity.gender} - {None} if entity.gender else {honorific_gender(a.split()[0])
                                                              for a in entity.aliases if len(a.split()) > 1} - {None}
        return bool(mine and self.genders and not mine & self.genders)


@dataclass
class ActorIndex:
    """What the warehouse already knows, plus what this batch adds."""

    actors: dict[str, _Actor] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, comparison key) -> actor_id
    aliases: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (type, alias key) -> actor_ids
    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # person surname -> actor_ids
    org_initials: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    org_acronyms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    org_first_word: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    merged_into: dict[str, str] = field(default_factory=dict)
    kb_actors: dict[str, str] = field(default_factory=dict)  # knowledge-base entry -> actor_id
    new_merges: list[dict] = field(default_factory=list)
    # actor_id -> context keys (folded names) of the other entities of the versions it was seen in
    neighbors: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    context_names: dict[str, str] = field(default_factory=dict)  # context key -> a name to show

    # --- building ---------------------------------------------------------------------

    @classmethod
    def from_rows(cls, actors: list[dict], aliases: list[dict], roles: list[dict] | None = None,
                  merges: list[dict] | None = None) -> "ActorIndex":
        idx = cls()
        for a in actors:
            idx._add_actor(a["actor_id"], a["canonical_name"], a["actor_type"])
        for al in aliases:
            actor = idx.actors.get(al["actor_id"])
            if actor:
                idx._add_alias(actor, al["alias"])
        for r in roles or []:
            actor = idx.actors.get(r["actor_id"])
            if actor:
                actor.roles.add((r["role"], r.get("affiliation")))
        for m in merges or []:
            idx.merged_into[m["from_actor_id"]] = m["to_actor_id"]
        return idx

    def _add_actor(self, actor_id: str, name: str, actor_type: str) -> _Actor:
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = self.actors[actor_id] = _Actor(actor_id, name, actor_type)
            if actor_type == "person":
                actor.given, actor.surname = person_name_parts(name)
                self.surnames[actor.surname].add(actor_id)
            self.names.setdefault((actor_type, comparison_key(name, actor_type)), actor_id)
            if actor_type == "organization":  # lookups for acronyms and short names
                self.org_initials[initials(name)].add(actor_id)
                if is_acronym(name):
                    self.org_acronyms[name.replace(".", "")].add(actor_id)
                if name.split():
                    self.org_first_word[fold(name).split()[0]].add(actor_id)
            self._add_alias(actor, name)
        return actor

    def _add_alias(self, actor: _Actor, alias: str) -> None:
        self.aliases.setdefault((actor.actor_type, comparison_key(alias, actor.actor_type)), set()).add(actor.actor_id)
        if actor.actor_type == "person" and len(alias.split()) > 1 and honorific_gender(alias.split()[0]):
            actor.genders.add(honorific_gender(alias.split()[0]))
        if actor.actor_type == "person" and actor.given == []:
            given, sur = person_name_parts(alias)
            if given and sur == actor.surname:  # a surname-only actor later seen with its full name
                actor.given = given

    def _alias_names(self, actor: _Actor) -> set[str]:
        """The gendered honorific forms of a person actor ("Mrs Howard")."""
        return {f"{'Mr' if g == 'm' else 'Mrs'} {actor.surname}" for g in actor.genders}

    def final(self, actor_id: str) -> str:
        if actor_id not in self.merged_into:  # most actors were never merged
            return actor_id
        seen = set()
        while actor_id in self.merged_into and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.merged_into[actor_id]
        return actor_id

    # --- evidence ----------------------------------------------------------------------

    def _evidence(self, actor: _Actor, entity: LocalEntity, context: set[str]) -> tuple[float, list[str]]:
        bonus, why = 0.0, []
        mine = {r for r, _ in entity.roles}
        affs = {fold(a) for _, a in entity.roles if a}
        if mine & {r for r, _ in actor.roles}:
            bonus += 0.2
            why.append("same role " + ", ".join(sorted(mine & {r for r, _ in actor.roles})))
        if affs & {fold(a) for _, a in actor.roles if a}:
            bonus += 0.15
            why.append("same affiliation")
        seen = sorted(al for al in entity.aliases | {entity.canonical_name}
                      if actor.actor_id in self.aliases.get((actor.actor_type, comparison_key(al, actor.actor_type)), ()))
        if seen:
            bonus += 0.15
            why.append(f"alias '{seen[0]}' seen before")
        shared = context & self.neighbors.get(actor.actor_id, set())
        if shared:
            bonus += min(0.1, 0.05 * len(shared))  # popular actors co-occur with everyone: weak
            names = sorted(self.context_names.get(k, k) for k in shared)[:3]
            why.append("seen with " + ", ".join(names))
        return bonus, why

    # --- resolution --------------------------------------------------------------------

    def resolve_version(self, entities: list[LocalEntity], context: dict[str, str] | None = None) -> list[Link]:
        """Links for entities of one version; `context`: the context keys (folded names) of
        all the version's entities with a name each (`actor_components.context_keys`) —
        fixed by the data, so evidence from company kept never depends on how other
        entities resolved. Unambiguous names first."""
        context = context or {}
        self.context_names.update((k, n) for k, n in context.items() if k not in self.context_names)
        links: list[tuple[int, Link]] = []
        order = sorted(range(len(entities)), key=lambda i: self._direct(entities[i]) is None)
        for i in order:
            own = fold(entities[i].canonical_name)
            links.append((i, self.resolve(entities[i], set(context) - {own})))
        links.sort(key=lambda x: x[0])
        for i, link in links:
            self.neighbors[link.actor_id] |= set(context) - {fold(entities[i].canonical_name)}
        return [link for _, link in links]

    def _direct(self, entity: LocalEntity) -> str | None:
        hit = self.names.get((entity.actor_type, comparison_key(entity.canonical_name, entity.actor_type)))
        return self.final(hit) if hit else None

    def resolve(self, entity: LocalEntity, context: set[str] | None = None) -> Link:
        """The actor of a local entity; registers a new actor when none fits."""
        context = context or set()
        t = entity.actor_type
        kb = entity_kb(entity)
        known = self.kb_actors.get(kb.entry) if kb else None
        link = Link(self.final(known), False, "knowledge_base", 0.95, f"same knowledge-base actor '{kb.canonical}'") \
            if known else self._match(entity, context)
        if link is None:
            actor_id = stable_id("actor", t, entity.canonical_name.lower())
            known = actor_id in self.actors
            self._add_actor(actor_id, entity.canonical_name, t)
            link = Link(self.final(actor_id), not known, "new" if not known else "same_name", 1.0,
                        "first sighting" if not known else "same name")
            if not known:
                self._merge_surname_only_into(self.actors[actor_id], entity, context)
        actor = self.actors[link.actor_id]
        if kb:  # the dictionary entry is the evidence: canonical name, type, dated roles
            self.kb_actors.setdefault(kb.entry, link.actor_id)
            link.evidence = f"{link.evidence}; {kb.evidence()}"
        for alias in entity.aliases | {entity.canonical_name}:
            self._add_alias(actor, alias)
        actor.roles |= set(entity.roles)
        if entity.gender and actor.actor_type == "person":
            actor.genders.add(entity.gender)
        return link

    def _named(self, entity: LocalEntity) -> list[str]:
        """Actors whose own name is one of the entity's full names (organizations, places,
        groups). A short form ("Apple" beside "Apple Corps") is no evidence; an acronym
        spelled from the name ("GM" for "General Motors") is."""
        t, out = entity.actor_type, []
        for alias in [entity.canonical_name] + sorted(entity.aliases - {entity.canonical_name}):
            if t == "organization" and alias != entity.canonical_name:
                spelled = spelled_acronym(alias, entity.canonical_name)
                short = org_key(entity.canonical_name).startswith(org_key(alias) + " ")
                if not spelled and (short or len(alias.split()) < 2):
                    continue
            hit = self.names.get((t, comparison_key(alias, t)))
            if hit and self.final(hit) not in out:
                out.append(self.final(hit))
        return out

    def _match(self, entity: LocalEntity, context: set[str]) -> Link | None:
        link = self._match_same_type(entity, context)
        return link or self._match_other_type(entity)

    def _match_other_type(self, entity: LocalEntity) -> Link | None:
        """The tagger's type differs between documents ("Boeing" as ORG here, GPE or PERSON
        there): the exact name of one actor of another type, when nothing of the entity's own
        type fits — never for a person named with an honorific or a given name."""
        t = entity.actor_type
        if t == "person":
            given, _ = person_name_parts(entity.canonical_name)
            if given or any(a.split()[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr") for a in entity.aliases):
                return None
            others = ("organization", "place")
        elif t in ("organization", "place"):
            others = ("place", "person") if t == "organization" else ("organization", "person")
        else:
            return None
        hits = {self.final(h) for o in others
                if (h := self.names.get((o, comparison_key(entity.canonical_name, o))))}
        # a person actor only when it was a bare single name (a mistyped "Ryanair")
        hits = {h for h in hits if self.actors[h].actor_type != "person"
                or (not self.actors[h].given and len(self.actors[h].name.split()) == 1)}
        if len(hits) == 1:
            hit = next(iter(hits))
            return Link(hit, False, "same_name_other_type", 0.6,
                        f"same name '{entity.canonical_name}' as {self.actors[hit].actor_type} "
                        f"(tagged {t} here)")
        return None

    def _match_same_type(self, entity: LocalEntity, context: set[str]) -> Link | None:
        t = entity.actor_type
        direct = self._direct(entity)
        if t != "person":
            named = self._named(entity)
            if named:
                target = direct or named[0]
                if t == "organization":
                    for other in named:
                        if other != target and is_acronym(self.actors[other].name) != is_acronym(self.actors[target].name):
                            self._record_merge(other, target, f"one document names '{self.actors[other].name}' "
                                                              f"and '{self.actors[target].name}' as one organization")
                if target == direct:
                    return Link(direct, False, "same_name", 1.0, f"same name '{entity.canonical_name}'")
                return Link(target, False, "alias", 0.9, f"'{self.actors[target].name}' is one of its names here")
        if direct:
            return Link(direct, False, "same_name", 1.0, f"same name '{entity.canonical_name}'")
        # a multi-word alias seen for exactly one actor
        strong = set()
        for alias in sorted(entity.aliases | {entity.canonical_name}):
            if t == "person" and not person_name_parts(alias)[0]:
                continue  # "Mr. Kerry" is as weak as "Kerry": left to the surname rule
            if t == "organization" and alias != entity.canonical_name and is_acronym(alias) \
                    and not spelled_acronym(alias, entity.canonical_name):
                continue  # "NBC" beside "NBC News" is a short form, not an acronym of it
            if len(alias.split()) > 1 or (t != "person" and (is_acronym(alias) or t == "place")):
                strong |= {self.final(a) for a in self.aliases.get((t, comparison_key(alias, t)), ())}
        if t == "person":
            strong = {a for a in strong if self._person_compatible(self.actors[a], entity) > 0}
        if len(strong) == 1:
            return Link(next(iter(strong)), False, "alias", 0.95, "alias seen before")
        if t == "person":
            return self._match_person(entity, context, strong)
        if t == "organization":
            return self._match_org(entity, context)
        return None

    def _person_compatible(self, actor: _Actor, entity: LocalEntity) -> float:
        given, sur = person_name_parts(entity.canonical_name)
        if sur != actor.surname or actor.conflicts(entity):
            return 0.0
        return given_names_compatible(actor.given, given)

    def _match_person(self, entity: LocalEntity, context: set[str], preferred: set[str]) -> Link | None:
        given, sur = person_name_parts(entity.canonical_name)
        candidates = {self.final(a) for a in self.surnames.get(sur, ())}
        candidates = {a for a in candidates if self.actors[a].actor_type == "person"}
        if preferred:
            candidates &= preferred
        scored = []
        for a in sorted(candidates):
            actor = self.actors[a]
            name_score = given_names_compatible(actor.given, given)
            if name_score == 0.0 or actor.conflicts(entity):
                continue  # Barack Obama vs Michelle Obama; two Smiths with different first names
            if given and not actor.given:
                continue  # a full name gets its own actor; the surname-only one is merged into it
            bonus, why = self._evidence(actor, entity, context)
            if not given:  # a surname alone
                base = 0.6 if actor.given else 0.9
                method = "surname"
                why.insert(0, f"surname '{entity.canonical_name}'")
            elif not actor.given:  # a full name for a surname-only actor
                base, method = 0.7, "surname"
                why.insert(0, f"full name of surname-only actor '{actor.name}'")
            else:
                base = 0.85 if name_score == 1.0 else 0.6
                method = "name_variant"
                why.insert(0, f"'{entity.canonical_name}' ~ '{actor.name}' (same surname, compatible given names)")
            scored.append((min(1.0, base + bonus), bonus, a, method, why))
        if not scored:
            return None
        scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
        best = scored[0]
        if best[0] < ACCEPT:
            return None
        if len(scored) > 1 and scored[1][0] >= best[0] and scored[1][1] >= best[1]:
            return None  # two equally good candidates: no evidence to choose, keep apart
        return Link(best[2], False, best[3], round(best[0], 2), "; ".join(best[4]))

    def _match_org(self, entity: LocalEntity, context: set[str]) -> Link | None:
        name = entity.canonical_name
        def live(ids) -> list[_Actor]:
            return [self.actors[a] for a in sorted(ids) if a not in self.merged_into]

        if is_acronym(name):
            hits = {a.actor_id for a in live(self.org_initials.get(name.replace(".", ""), ()))}
            if len(hits) == 1:
                return Link(next(iter(hits)), False, "acronym", 0.8, f"'{name}' = initials of the actor's name")
        elif len(initials(name)) >= 2:  # "General Motors" for an actor known as "GM"
            hits = {a.actor_id for a in live(self.org_acronyms.get(initials(name), ()))}
            if len(hits) == 1:
                return Link(next(iter(hits)), False, "acronym", 0.8, f"the actor's name = initials of '{name}'")
        if len(name.split()) <= 2:
            first = fold(name).split()[0] if name.split() else ""
            hits = {a.actor_id for a in live(self.org_first_word.get(first, ())) if is_short_form(name, a.name)}
            if len(hits) == 1:
                hit = next(iter(hits))
                bonus, why = self._evidence(self.actors[hit], entity, context)
                if 0.65 + bonus >= ACCEPT:  # "Harvard" is not always "Harvard Law School"
                    return Link(hit, False, "short_name", round(min(1.0, 0.65 + bonus), 2),
                                "; ".join([f"'{name}' starts the actor's name"] + why))
        return None

    def _record_merge(self, src: str, dst: str, reason: str) -> None:
        if src == dst or self.final(dst) == src:
            return
        self.merged_into[src] = dst
        self.new_merges.append({"from_actor_id": src, "to_actor_id": dst, "reason": reason})

    def _merge_surname_only_into(self, actor: _Actor, entity: LocalEntity, context: set[str]) -> None:
        """A new full-name person: a surname-only actor of the same surname is the same
        person when this is the only full name with that surname. Recorded, never silent."""
        if actor.actor_type != "person" or not actor.given:
            return
        same = [self.actors[a] for a in self.surnames.get(actor.surname, ()) if a != actor.actor_id
                and a not in self.merged_into]
        full = [a for a in same if a.given]
        if full:
            return
        for a in same:
            if actor.conflicts(LocalEntity("", a.name, "person", aliases=self._alias_names(a))):
                continue  # "Mrs Howard" seen alone is not the later "Michael Howard" (Mr Howard)
            bonus, why = self._evidence(a, entity, context)
            if a.actor_type == "person" and not a.given and bonus >= 0.15:  # a role, an alias, or company kept
                self._record_merge(a.actor_id, actor.actor_id,
                                   f"surname-only actor '{a.name}' is '{actor.name}': the only full name with that "
                                   f"surname; " + "; ".join(why))

    def absorb(self, other: "ActorIndex") -> None:
        """The actors and merges of an index over another component (pipeline.actor_components)."""
        self.actors.update(other.actors)
        self.merged_into.update(other.merged_into)
        self.new_merges.extend(other.new_merges)

    def add_aliases(self, actor_id: str, entity: LocalEntity) -> None:
        actor = self.actors[actor_id]
        for alias in entity.aliases:
            self._add_alias(actor, alias)
