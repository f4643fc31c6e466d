"""Mediators named inside the phrase of the talks they broker (round of stances13).

"Talks brokered by Russia, Iran and Turkey brought the Syrian government and some opposition
groups together", "indirect Qatari-led negotiations between Israel and Hamas", "the
Qatar-brokered talks between Israel and Hamas": the mediator is not the subject of a verb of
mediating (`etl.stance_mediation.mediators` reads those) but the agent of a participle on the
talks noun, or the name fused with or set before "-brokered", "-mediated", "-led". GOLD.md's
conventions make a mediator `neutral` toward each party; the parties' own edges come from the
talks noun itself.

Only talks ("contact noun" cues): a truce or deal "brokered by" two states stays their pact, as
the conventions leave it open (hq15 against hp25). The parties must be named in the same
sentence: "between A and B" on the talks noun, or the object the talks brought together. Talks
still to come are dropped at assembly (`planned`), like every neutral edge.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl import stance_facts

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# Participles that make their agent the go-between of talks ("talks led by Qatar" is Qatar's
# mediation; "led" alone is no mediation verb elsewhere, so it is listed here, on talks only).
BROKERING = frozenset({"broker", "mediate", "facilitate", "lead"})
# Verbs by which talks gather their parties: "talks brought A and B together".
_GATHERING = frozenset({"bring", "gather", "unite"})


def talks_brokers(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """Each mediator named in the talks' own phrase -> each party of the talks (neutral)."""
    if noun.pos_ not in ("NOUN", "PROPN") or not finder.cues.has("contact noun", noun):
        return
    brokers = _brokers(finder, noun)
    if not brokers:
        return
    parties = stance_facts.event_parties(finder, [noun]) | set(_gathered(finder, noun))
    if _called_for(finder, noun) or any(
        _country(finder, b) == _country(finder, p) for b in brokers for p in parties
    ):
        # "Syrian-led talks between the government and the opposition", "talks between Russia
        # and Ukraine, led by Russian aide X": led by one of the parties, there is no go-between.
        return
    if parties:
        yield edge(tuple(brokers), tuple(sorted(parties)), "neutral", noun)


def _country(finder: _StanceFinder, actor_id: str) -> str:
    """The country an actor belongs to, else its own side: a go-between shares none with a party
    ("Syrian-led talks between the government and the opposition" have none)."""
    actor = finder.ctx.actors.get(actor_id)
    return (actor.country_id if actor is not None else None) or finder.side(actor_id)


def _called_for(finder: _StanceFinder, noun: Token) -> bool:
    """ "called for Qatari-led talks", "urged Egypt-brokered talks": talks asked for, not held.
    "Calls led by Egypt for a truce between Israel and Hamas" are appeals, not phone calls: a
    "call" noun with "for" (on the noun or on its participle) asks for something (review of the
    events13 round)."""
    if noun.lemma_.lower() == "call" and any(
        t.dep_ == "prep" and t.lower_ == "for" and (t.head.i == noun.i or t.head.head.i == noun.i)
        for t in noun.subtree
    ):
        return True
    head = noun.head
    if head.dep_ == "prep" and head.lower_ == "for":
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in _ASKING


_ASKING = frozenset({"call", "urge", "demand", "propose", "seek", "want", "push", "press"})


def _brokers(finder: _StanceFinder, noun: Token) -> list[str]:
    found: list[str] = []
    for child in noun.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "acl" and child.tag_ == "VBN" and lemma in BROKERING:
            # "talks brokered by Russia, Iran and Turkey"
            if finder.negated(child):
                continue
            for agent in finder.prep_objects(child, {"by"}):
                heads = (agent, *finder._conjuncts(agent))
                phrase = [t for h in heads for t in finder.phrase(h, deep=False)]
                # the whole phrase, demonyms included: "Russian aide X" is Russia's man too
                found += finder.actors_of(phrase) + finder.actors_of(
                    [t for t in phrase if t.dep_ == "amod"], as_target=True
                )
        elif child.dep_ == "amod" and child.tag_ == "VBN" and lemma in BROKERING:
            # "Qatari-led negotiations", "Qatar-brokered talks": the name before the hyphen
            named = [c for c in child.children if c.dep_ in ("npadvmod", "compound", "amod")]
            found += finder.actors_of([t for n in named for t in finder.phrase(n, deep=False)])
        elif child.dep_ == "amod" and _fused_broker(child):
            # one token "Qatar-brokered"
            found += finder.actors_of([child])
    return list(dict.fromkeys(found))


def _fused_broker(token: Token) -> bool:
    """ "Qatar-brokered" written as one token: a name and a brokering participle."""
    head, dash, tail = token.text.rpartition("-")
    return bool(head) and bool(dash) and tail.lower() in {"brokered", "mediated", "led"}


def _gathered(finder: _StanceFinder, noun: Token) -> list[str]:
    """ "Talks ... brought the Syrian government and some opposition groups together": the
    object of the verb the talks are the subject of, when that verb gathers people."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in _GATHERING:
        return []
    if verb.lemma_.lower() == "bring" and not any(c.lower_ == "together" for c in verb.children):
        return []  # "talks brought no result"
    if finder.negated(verb) or finder.has_modal(verb):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    heads = [t for o in objects for t in (o, *finder._conjuncts(o))]
    return finder.actors_of(
        [t for h in heads for t in finder.phrase(h, deep=False)], as_target=True
    )
