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
cross-document resolution uses too.

Modules: `lexicon` (word lists from rules/entity_words.tsv), `text`, `spans` (cleaning),
`roles`, `candidates` (types decided by context), `linking` (one `DocumentLinker` per
document), `merges` (late full names) and `descriptions`.
"""
from __future__ import annotations

from pipeline.names import country_of
from pipeline.nlp.entities.candidates import find_candidates
from pipeline.nlp.entities.descriptions import description_mentions, link_descriptions
from pipeline.nlp.entities.lexicon import ACTOR_TYPES, DETERMINERS, ENTITY_LABELS, PRONOUNS
from pipeline.nlp.entities.linking import DocumentLinker
from pipeline.nlp.entities.merges import merge_late_full_names, merge_late_org_names
from pipeline.records import LocalEntity, Mention

__all__ = ["ACTOR_TYPES", "DETERMINERS", "ENTITY_LABELS", "PRONOUNS", "country_of", "extract_entities", "link_spans"]


def link_spans(doc, spans=None) -> tuple[list[LocalEntity], list[Mention], list[str | None]]:
    """Entities and mentions for the given spans (default: the NER's `doc.ents`), plus for
    each input span the key of the entity it was linked to (None when it was dropped)."""
    spans = list(doc.ents) if spans is None else list(spans)
    candidates, descriptions = find_candidates(doc, spans)
    linker = DocumentLinker(doc, len(spans), candidates)
    for order, candidate in enumerate(sorted(candidates, key=lambda candidate: (candidate.start, -candidate.end))):
        linker.add(order, candidate)
    for entity in linker.entities.values():  # a role known with its affiliation needs no bare copy
        entity.roles = [role for role in entity.roles
                        if role[1] is not None or not any(other[0] == role[0] and other[1] for other in entity.roles)]
    merge_late_full_names(linker)
    merge_late_org_names(linker)
    link_descriptions(linker, descriptions)
    linker.mentions.extend(description_mentions(doc, linker.entities, linker.mentions))
    linker.mentions.sort(key=lambda mention: (mention.start, mention.end))
    return list(linker.entities.values()), linker.mentions, linker.span_keys


def extract_entities(doc, spans=None) -> tuple[list[LocalEntity], list[Mention]]:
    """Entities and mentions of a parsed document (`link_spans` without the span keys)."""
    entities, mentions, _ = link_spans(doc, spans)
    return entities, mentions
