"""Takeovers: an armed group that takes a country's capital, its seat of government or its
territory acts against that country's government ("The Taliban took Kabul", "The Taliban took
control of the presidential palace", "the insurgents encircled the capital", "the Houthi rebels
seized control of much of the country's north") - a stated hostile act, `critical` of the
country (GOLD.md: a stance "by a stated policy act"). Power seized "from" someone is critical
of whom it was taken from ("seized power from the elected government of Aung San Suu Kyi").

A government retaking its own ground is no stance toward its own country, so the taker must be
an armed group; a takeover only planned, asked for or denied is none. Cue words are the
`[takeover]` and `[taken place]` sections of `etl/rules/stance_cues.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl.stance_actors import fused_patron

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_HELD = {"control", "power", "hold"}


def _places(verb: Token) -> list[Token]:
    """What was taken: the objects, through "control of", "outskirts of", "much of"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    found, stack = [], list(objects)
    while stack:
        token = stack.pop()
        found.append(token)
        # Down the phrase and its "of" ("control of much of the country"), not into other
        # prepositions or clauses ("a city on the border with Saudi Arabia", "a province,
        # which borders Saudi Arabia").
        stack.extend(
            c
            for c in token.children
            if (c.dep_ != "prep" or c.lower_ == "of") and c.dep_ not in ("relcl", "acl")
        )
    return sorted(found, key=lambda t: t.i)


def _countries(finder: _StanceFinder, tokens: list[Token], home: str | None) -> list[str]:
    """The countries whose capital, seat or land the tokens name; "the capital" and "the
    country's north" are the taker's own country (`home`)."""
    found: list[str] = []
    for token in tokens:
        if fused_patron(token) or finder._is_patron(token):
            continue  # "took over the U.S.-backed government": the patron's is not the land taken
        mention = finder.mention_at(token)
        actor = finder.ctx.actors.get(mention.actor_id) if mention is not None else None
        country = None
        if actor is not None and actor.kind == "country" and mention.how != "demonym":
            country = actor.actor_id  # "took Kabul" (a capital), "seized Afghanistan"
        elif (
            mention is None
            and token.pos_ == "NOUN"
            and finder.cues.has("taken place", token)
            and any(c.dep_ in ("det", "poss") or c.lower_ == "all" for c in token.children)
        ):
            country = home  # "the capital", "the country's north"
        if country and country not in found:
            found.append(country)
    return found


def takeovers(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if not finder.cues.has("takeover", verb):
        return
    if finder.has_modal(verb) or finder.planned(verb) or finder._demanded(verb):
        return
    takers = [
        a
        for a in finder.agents(verb) or []
        if (actor := finder.ctx.actors.get(a)) is not None and actor.kind == "armed_group"
    ]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() == "power" for o in objects):
        # "seized power from the elected government of Aung San Suu Kyi".
        ousted = finder.actors_of(
            [t for o in finder.prep_objects(verb, {"from"}) for t in o.subtree], as_target=True
        )
        sources = finder.agents(verb) or []
        ousted = [o for o in ousted if not any(finder.same_side(o, s) for s in sources)]
        if sources and ousted:
            yield edge(tuple(sources), tuple(ousted), "critical", verb, context=True)
        return
    if not takers:
        return
    for taker in takers:
        home = finder.ctx.actors[taker].country_id
        targets = [c for c in _countries(finder, _places(verb), home) if c != taker]
        if targets:
            yield edge((taker,), tuple(targets), "critical", verb, context=True)
