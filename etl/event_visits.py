"""A meeting is one of actors: visits to places and meetings with ordinary people are not.

"Win Myat Aye visited a Rohingya camp in Cox's Bazar", "Grandi warned after visiting the Moldovan
border": a visit to a place that is no actor is an `other` event of its date (real_dev7 hs23, hs26,
real_dev8 ht23). "the children I met in June", "met families in the camp": people who are no
actors make no meeting (real_dev10 hv05). A visit to a country or a capital, and a meeting with
anyone the text names as an actor, stay meetings. Word lists in `etl/rules/event_context.txt`
(`visited_places`, `ordinary_people`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from etl.context import ArticleContext

_MEETING_LEMMAS = frozenset({"visit", "meet"})
_DESTINATION_PREPS = frozenset({"to", "with"})


def no_meeting_of_actors(
    ctx: ArticleContext,
    tokens: Iterable[Token],
    places: frozenset[str],
    people: frozenset[str],
) -> str | None:
    """ "place" when a visit's or meeting's only destinations are places of `places`, "people"
    when they are only people of `people`, else None (a meeting of actors, or nothing known)."""
    tokens = tuple(tokens)
    if len(tokens) != 1 or tokens[0].lemma_.lower() not in _MEETING_LEMMAS:
        return None
    destinations = _destinations(tokens[0])
    if not destinations or any(_names_an_actor(ctx, d) for d in destinations):
        return None
    kinds = {_kind(d, places, people) for d in destinations}
    if len(kinds) == 1:
        return kinds.pop()
    return None


def _kind(noun: Token, places: frozenset[str], people: frozenset[str]) -> str | None:
    forms = {noun.lower_, noun.lemma_.lower()}
    if forms & places:
        return "place"
    if forms & people:
        return "people"
    return None


def _destinations(head: Token) -> list[Token]:
    """Whom or what a visit or meeting is with: the verb's object ("visited a camp"), its "to" or
    "with" phrase ("a visit to the camp", "met with families"), or the noun a relative clause
    of the verb qualifies ("the children I met")."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "dobj":
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in _DESTINATION_PREPS:
            found.extend(g for g in child.children if g.dep_ == "pobj")
    if not found and head.dep_ == "relcl" and head.head.pos_ in {"NOUN", "PROPN"}:
        found.append(head.head)
    return [*found, *(c for f in found for c in f.conjuncts)]


def _names_an_actor(ctx: ArticleContext, noun: Token) -> bool:
    """The noun or the words that name it ("the Domiz refugee camp", "UNHCR staff") hold an
    actor's mention."""
    words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "poss", "flat"})]
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    return bool(ctx.mentions_in(start, end))
