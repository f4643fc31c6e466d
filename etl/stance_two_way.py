"""Wars told from one side are wars of both: "Russia's war against Ukraine", "pressed the
coalition to end the war against the Houthis" - the waging side critical of its enemy and the
enemy critical of it. `_StanceFinder.edges` passes the nominal edges through `both_ways`, and the
nominal rule asks `war_wager` who wages a war named as the object of an asked-for act.

The war nouns are the `[war critical]` section of `etl/rules/stance_cues.txt`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_AIMED = {"against", "on", "with"}


def _is_war(finder: _StanceFinder, noun: Token) -> bool:
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and finder.cues.has("war critical", noun)
        and any(c.dep_ == "prep" and c.lower_ in _AIMED for c in noun.children)
    )


def war_wager(finder: _StanceFinder, noun: Token, verb: Token) -> list[str]:
    """ "pressed the coalition to end the war against the Houthis": the one asked to end (or
    wind down) a war is the one waging it - the object of the verb that asks."""
    if not _is_war(finder, noun) or verb.dep_ != "xcomp" or noun.dep_ != "dobj":
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    asked = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
    return finder.actors_of([t for a in asked for t in finder.phrase(a, deep=False)])


def both_ways(finder: _StanceFinder, edges: Iterable[Any], edge: Any) -> Iterator[Any]:
    """Each nominal edge, and for a war the enemy's edge back toward the waging side."""
    for found in edges:
        yield found
        if found.polarity == "critical" and _is_war(finder, found.cue):
            for target in found.targets:
                waging = tuple(s for s in found.sources if not finder.same_side(s, target))
                if waging:
                    yield edge((target,), waging, "critical", found.cue)
