"""How the rule lists of this package answer: each rule is a named function, applied in
order; a rule that does not apply returns None, one that does returns a `Verdict` (whose
value may itself be None: "this is a date I recognise but cannot place")."""
from __future__ import annotations

from typing import Callable, NamedTuple


class Verdict(NamedTuple):
    """The answer of the first rule that applies."""

    value: str | None


def first_verdict(rules: tuple[Callable[..., Verdict | None], ...], *args) -> Verdict | None:
    """The verdict of the first rule in `rules` that applies to `args`, or None."""
    for rule in rules:
        verdict = rule(*args)
        if verdict is not None:
            return verdict
    return None
