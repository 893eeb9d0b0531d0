"""Actor resolution's components on two cores. Components never meet (pipeline.
actor_components), so they can be resolved in any process: a forked helper resolves about
half of them (it inherits the entities, nothing is sent to it) while this process resolves
the rest, and the links come back in component order — the same links and merges as one
process. The load runs while the NLP workers are idle, so on two cores the second one was
doing nothing during the ~0.5 s CPU of resolving a 1,300-article batch."""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable

from pipeline.actors import ActorIndex

# A smaller load resolves here: the helper only takes the components' resolution, while this
# process still prepares the entities, finds the components, names the clusters and unpickles
# the helper's links, so below ~10k entities this process's own CPU is no less than resolving
# everything itself and the fork, the pool and the pickling are ~130 ms CPU more (20 new
# articles into a 1,300-file warehouse touch ~4,700 entities; a 1,300-file build ~18,000).
MIN_ENTITIES = 10000
_WORK: tuple | None = None  # (resolve, versions, parts, contexts, place): what the forked helper inherits


def _halves(parts: list[set]) -> tuple[list[int], list[int]]:
    """Part numbers for this process and for the helper, each part to the side with fewer
    entities so far (the parts come largest first)."""
    loads, sides = [0, 0], ([], [])
    for number, part in enumerate(parts):
        side = 0 if loads[0] <= loads[1] else 1
        sides[side].append(number)
        loads[side] += len(part)
    return sides


def _resolve_some(numbers: list[int]) -> list[tuple[int, ActorIndex, dict]]:
    """(part number, index, links) of some parts. The index keeps what `ActorIndex.absorb`
    reads (actors, merges): what the caller gets back from the helper."""
    resolve, versions, parts, contexts, place = _WORK
    out = []
    for number in numbers:
        index, links = resolve(versions, parts[number], contexts, place)
        out.append((number, ActorIndex(actors=index.actors, merged_into=index.merged_into,
                                       new_merges=index.new_merges), links))
    return out


def resolve_parts(resolve: Callable, versions: dict, parts: list[set], contexts: dict, place: dict
                  ) -> list[tuple[ActorIndex, dict]]:
    """`resolve(versions, part, contexts, place)` of every part, in order: on two cores
    when the parts hold MIN_ENTITIES entities or more, else here."""
    global _WORK
    if sum(map(len, parts)) < MIN_ENTITIES or (os.cpu_count() or 1) < 2:
        return [resolve(versions, part, contexts, place) for part in parts]
    ours, theirs = _halves(parts)
    _WORK = (resolve, versions, parts, contexts, place)
    try:
        pool = multiprocessing.get_context("fork").Pool(1)
        try:
            pending = pool.apply_async(_resolve_some, (theirs,))
            done = {number: (index, links) for number, index, links in _resolve_some(ours)}
            done.update((number, (index, links)) for number, index, links in pending.get())
            pool.close()  # told to stop, not killed (see pipeline.nlp.annotate_jobs)
            pool.join()
        finally:
            pool.terminate()
    finally:
        _WORK = None
    return [done[number] for number in range(len(parts))]
