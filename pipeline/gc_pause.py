"""Python's cyclic garbage collector during the big in-memory stages. A load builds
hundreds of thousands of small row dicts and index lists while the process holds a large
heap (Dagster, spaCy, the batch's annotations); every few hundred allocations the
collector walks the young objects and, now and then, the whole heap: ~20 % of the load's
CPU on the 1,300-file benchmark, freeing nothing (the rows form no cycles). Pausing it
for the stage removes that walk."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees memory);
    one collection after it, so cycles made inside are freed then."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)

