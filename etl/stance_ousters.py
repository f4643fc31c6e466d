"""Demands that a leader go: "is demanding that President Maduro resign", "called for Assad to
step down", "demanded Maduro's resignation" - the demanding side critical of the leader (and so
of the government the leader stands for). `_StanceFinder.edges` calls `ousters` on every verb
and noun.

Cue words are sections of `etl/rules/stance_cues.txt`: `[ouster]` (the leaving verbs),
`[ouster noun]` (their nouns) and `[ouster demand]` (the verbs that ask for it, beside every
`[demand ...]` verb).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_SUBJECTS = {"nsubj", "nsubjpass"}


def _is_demand(finder: _StanceFinder, verb: Token) -> bool:
    return finder.cues.has("ouster demand", verb) or any(
        finder.cues.has(section, verb) for section, _ in finder.cues.polarity_sections("demand")
    )


def _demander(finder: _StanceFinder, token: Token) -> Token | None:
    """The demand verb above a leaving verb or noun: "demanding that X resign", "calling for X to
    step down", "urged X to quit", "demanded X's resignation"."""
    current = token
    for _ in range(3):
        if current.head.i == current.i:
            return None
        if current.dep_ not in ("ccomp", "xcomp", "advcl", "dobj", "pobj", "prep", "pcomp"):
            return None
        clause, current = current, current.head
        if current.pos_ in ("VERB", "NOUN") and _is_demand(finder, current):
            return current
        if (
            current.pos_ == "VERB"
            and current.lemma_.lower() in _CALL_FOR
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
        ):
            return current  # "called for Assad to step down": "for" hangs on the clause
    return None


_CALL_FOR = {"call", "push", "press", "appeal", "clamour", "clamor"}


def _leaders(finder: _StanceFinder, token: Token, demand: Token) -> list[str]:
    """Who is to go: the leaving verb's subject ("that Maduro resign"), the object of the demand
    ("urged Assad to step down", "called for Assad to ..."), or the noun's possessor ("Maduro's
    resignation")."""
    heads = [c for c in token.children if c.dep_ in _SUBJECTS | {"poss"}]
    if not heads and token.pos_ == "NOUN" and finder.cues.has("ouster", token):
        heads = [c for c in token.children if c.dep_ == "compound"]  # the mis-tagged verb's subject
    heads += [
        c for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for c in c.children
    ]
    if not heads:
        heads = [c for c in demand.children if c.dep_ in ("dobj", "dative")]
        heads += finder.prep_objects(demand, {"for", "on", "upon"})
    people = [t for h in heads for t in finder.phrase(h, deep=False)]
    return finder.actors_of(people, as_target=True)


def ousters(finder: _StanceFinder, token: Token, edge: Any) -> Iterator[Any]:
    # "demanding that President Maduro resign": the tagger may take a bare "resign" for a noun.
    leaving = (
        token.pos_ in ("VERB", "AUX") or token.dep_ in ("ccomp", "xcomp")
    ) and finder.cues.has("ouster", token)
    ousting = token.pos_ == "NOUN" and finder.cues.has("ouster noun", token)
    if not (leaving or ousting) or finder.negated(token):
        return
    demand = _demander(finder, token)
    if demand is None or finder.negated(demand):
        return
    targets = _leaders(finder, token, demand)
    if not targets:
        return
    # "an Arab League plan calling for ...": the plan's owner demands.
    plan = demand if demand.pos_ == "NOUN" else demand.head if demand.dep_ == "acl" else None
    owners = [c for c in plan.children if c.dep_ in ("poss", "compound", "amod")] if plan else []
    sources = finder.actors_of([t for o in owners for t in finder.phrase(o, deep=False)])
    if not sources and demand.pos_ != "NOUN":
        sources = finder.agents(demand) or []
    sources = [s for s in sources if s not in targets]
    if sources:
        yield edge(tuple(sources), tuple(targets), "critical", token)
