"""Mediators and helpers stated as facts.

- mediation: "Qatar mediated talks between Israel and Hamas", "the envoy has been brokering a
  deal between the coalition and the rebels" - the mediator addresses each party (neutral); the
  parties' own edges come from the talks or deal themselves (a host is no mediator);
- help named with the act: "the Syrian army, with the help of Russia and Iran, levelled the
  city" - each helper supportive of the actor helped.

`_StanceFinder.edges` calls `mediators` and `helpers` on every verb and noun. Cue words are the
`[mediate neutral]` and `[help noun]` sections of `etl/rules/stance_cues.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl import stance_facts

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder


def _clause_subject(finder: _StanceFinder, verb: Token) -> list[str]:
    """ "he made progress toward brokering a deal": the subject of the clause the act hangs in
    (a pronoun as the resolver resolved it)."""
    current = verb
    for _ in range(4):
        if current.head.i == current.i:
            return []
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            subject, passive = finder.subject_of(current)
            if subject is None or passive:
                return []
            return finder.actors_of(finder.phrase(subject, deep=False))
    return []


def mediators(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if verb.pos_ != "VERB" or not finder.cues.has("mediate neutral", verb):
        return
    if finder._demanded(verb) or finder.has_modal(verb):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    parties = stance_facts.event_parties(finder, objects)
    if len(parties) < 2:
        return
    sources = [s for s in finder.agents(verb) or _clause_subject(finder, verb) if s not in parties]
    sources = [s for s in sources if not any(finder.same_side(s, p) for p in parties)]
    if sources:
        yield edge(tuple(sources), tuple(sorted(parties)), "neutral", verb)


def helpers(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "X, with the help of Russia and Iran, levelled ...": the helpers support X."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or not finder.cues.has("help noun", noun):
        return
    prep = noun.head
    if prep.lower_ != "with" or prep.dep_ != "prep":
        return
    helping = finder.prep_objects(noun, {"of"})
    helpers_found = finder.actors_of(
        [t for h in helping for c in (h, *finder._conjuncts(h)) for t in finder.phrase(c)]
    )
    if not helpers_found:
        return
    carrier = prep.head
    if carrier.pos_ in ("VERB", "AUX"):
        subject, passive = finder.subject_of(carrier)
        helped_heads = [subject] if subject is not None and not passive else []
    elif carrier.dep_ in ("nsubj", "nsubjpass"):
        helped_heads = [carrier]  # "The army, with the help of Russia, levels ..."
    else:
        helped_heads = []
    helped = [
        a
        for a in finder.actors_of([t for h in helped_heads for t in finder.phrase(h, deep=False)])
        if a not in helpers_found
    ]
    if helped:
        yield edge(tuple(helpers_found), tuple(helped), "supportive", noun)
