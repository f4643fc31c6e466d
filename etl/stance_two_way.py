"""Wars (and contacts) told from one side are wars of both: "Russia's war against Ukraine", "pressed the
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
_CONTACT_VERBS = {"meet", "speak", "talk", "phone", "call", "confer", "negotiate"}


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


def _is_contact(finder: _StanceFinder, noun: Token) -> bool:
    """ "talks with Russia", "a phone call with Putin", "a joint press conference with Orban":
    contact is mutual (issue 9: a call or talks are neutral both ways between participants).
    Not "engagement with Russia" (a policy, one way) nor talks someone only hosted."""
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and finder.cues.has("contact noun", noun)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
        and not (noun.dep_ == "dobj" and noun.head.lemma_.lower() == "host")
    )


def go_between(finder: _StanceFinder, actor_id: str) -> bool:
    """An international body or a person who speaks for none of the parties (a UN envoy): the
    parties it talks with take no stance toward it by talking (a mediator addresses them)."""
    actor = finder.ctx.actors.get(finder.side(actor_id))
    if actor is None:
        return False
    return actor.kind == "intergovernmental" or (actor.kind == "person" and not actor.country_id)


def contact_returned(
    finder: _StanceFinder, sources: Iterable[str], targets: Iterable[str], verb: Token, edge: Any
) -> Iterator[Any]:
    """ "Putin spoke with Erdogan", "Griffiths met the rebels' leader": who was met or called
    met or called back - each target neutral toward the sources, go-betweens left out."""
    if verb.lemma_.lower() not in _CONTACT_VERBS:
        return
    sources = [s for s in sources if not go_between(finder, s)]
    for target in targets:
        if go_between(finder, target):
            continue
        others = tuple(s for s in sources if not finder.same_side(s, target))
        if others:
            yield edge((target,), others, "neutral", verb)


def _fellow_participants(
    finder: _StanceFinder, targets: Iterable[str], cue: Token, edge: Any
) -> Iterator[Any]:
    """ "the meeting with the foreign ministers of Turkey and Russia": one meeting of all its
    participants, so those met together are neutral toward each other too."""
    met = finder.one_per_side(t for t in targets if not go_between(finder, t))
    if len(met) < 2:
        return
    for target in met:
        others = tuple(t for t in met if not finder.same_side(t, target))
        if others:
            yield edge((target,), others, "neutral", cue)


def both_ways(finder: _StanceFinder, edges: Iterable[Any], edge: Any) -> Iterator[Any]:
    """Each nominal edge; for a war the enemy's edge back toward the waging side, and for
    contact ("talks with", "a call with") the other participant's edge back."""
    for found in edges:
        yield found
        if found.polarity == "neutral" and _is_contact(finder, found.cue):
            for target in found.targets:
                if go_between(finder, target):
                    continue
                others = tuple(
                    s
                    for s in found.sources
                    if not finder.same_side(s, target) and not go_between(finder, s)
                )
                if others:
                    yield edge((target,), others, "neutral", found.cue)
            yield from _fellow_participants(finder, found.targets, found.cue, edge)
        if found.polarity == "critical" and _is_war(finder, found.cue):
            for target in found.targets:
                waging = tuple(s for s in found.sources if not finder.same_side(s, target))
                if waging:
                    yield edge((target,), waging, "critical", found.cue)
