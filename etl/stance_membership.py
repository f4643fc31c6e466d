"""Membership stated as a fact: "Canada has been working closely as a member of the Lima Group",
"Peru, a member of the bloc, ...", "Kenya is a member of the East African Community" - the
member supportive of the body it belongs to. `_StanceFinder.edges` calls `memberships` on every
noun. The member nouns are the `[member noun]` section of `etl/rules/stance_cues.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder


def _bodies(finder: _StanceFinder, noun: Token) -> list[str]:
    heads = finder.prep_objects(noun, {"of"})
    found = finder.actors_of([t for h in heads for t in finder.phrase(h, deep=False)])
    return [
        a
        for a in found
        if (actor := finder.ctx.actors.get(a)) is not None and actor.kind == "intergovernmental"
    ]


def _holders(finder: _StanceFinder, noun: Token) -> list[str]:
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        # "working closely as a member of the Lima Group": the clause's subject.
        verb = finder.clause_verb(noun.head)
        subject, passive = finder.subject_of(verb)
        if subject is None or passive:
            return []
        return finder.actors_of(finder.phrase(subject, deep=False))
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject, passive = finder.subject_of(noun.head)
        return finder.actors_of(finder.phrase(subject, deep=False)) if subject else []
    holder = finder._apposed_to(noun)
    return finder.actors_of(finder.phrase(holder, deep=False)) if holder is not None else []


def memberships(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if noun.pos_ != "NOUN" or not finder.cues.has("member noun", noun):
        return
    bodies = _bodies(finder, noun)
    if not bodies:
        return
    members = [m for m in _holders(finder, noun) if m not in bodies]
    if members:
        yield edge(tuple(members), tuple(bodies), "supportive", noun)
