"""Stance refinements of a found event (read by `refine.refine` from its ordered `REFINEMENTS`): what a denied
wish or demand states about its target.

Why: opinion and campaign prose states opposition as a wish denied ("Lawyers for Simpson don't want prosecutors to
be able to use the records", "she did not want him on the ticket"): the labellers code the one not wanted as
DISAPPROVE'd (decision am of the labelling guide), where the wish row alone gives a denied DEMAND nobody made."""
from __future__ import annotations

from pipeline.nlp.events.found import Found, Sense
from pipeline.nlp.events.lexicon import Lexicon


def unwanted_act(found: Found, lex: Lexicon) -> Sense | None:
    """'don't want prosecutors to use the records': a wish verb (WISH cue words) negated, with a person or
    organization it is about, is opposition to them: DISAPPROVE (CAMEO 110)."""
    if found.status != "denied" or found.trig.type != "DEMAND" or found.tok.lemma_.lower() not in lex.words("WISH"):
        return None
    if not found.targets:  # 'does not want elections': nobody it is about
        return None
    return Sense("DISAPPROVE", "disapprove", "110")


STANCE_REFINEMENTS = (unwanted_act,)
