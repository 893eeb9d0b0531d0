"""Events: who did what to whom, where and when, typed with PLOVER.

- `lexicon`: the trigger tables as data (hand rows over the rows generated from the CAMEO verb
  dictionary by `cameo`, the converter) and the context word lists;
- `extract`: the extraction loop over the sentences of a document (`extract_events`);
- `pairs`: the source/target pairs one sense of a trigger gives (`sense_pairs`);
- `guards`: the ordered guards that reject pairs which make no event (`PAIR_GUARDS`);
- `senses`: the conditions a trigger sense puts on its context, and the targets it names;
- `refine`: sense decisions on a found event, ordered named rules (threats, intents, verbal attacks, FIGHT);
- `actors`: who the source and target of an event are (noun phrases, subjects, agents, roles);
- `resolver`: what an actor head names (`ActorResolver`: mention, pronoun, author, agent noun);
- `status`: status, place and date of an event.
"""
from pipeline.event_symmetry import is_symmetric
from pipeline.nlp.events.extract import extract_events
from pipeline.nlp.events.lexicon import lexicon
from pipeline.nlp.events.status import dateline_city, document_dates

__all__ = ["extract_events", "is_symmetric", "lexicon", "dateline_city", "document_dates"]
