"""Partners told from one side: acting under a pact with a partner, or with a backer's support.

"The Saudi-led bombing campaign continues in Yemen with US backing": the backer named on the
support noun is supportive of whoever acts with it (the clause's subject).

"The Saudi-led coalition has been at war with the rebels": a war told from one side is each
side's critical stance toward the other.

"Ankara established 12 observation posts under a September 2018 deal with Russia": the one who
acts under the pact and the partner each supportive of the other (the `[pact supportive]` nouns
of `etl/rules/stance_cues.txt`). The partner is the name itself, not what is set off after it
("Russia, a major ally of Syrian President Bashar al-Assad" is Russia). Asked-for, planned,
modal, negated or merely offered acts yield nothing ("urged Turkey to act under a deal with
Russia", "was ready to take back refugees under the agreement with Bangladesh").

(Working "with" a partner stays one-way: the development gold reads it `neutral` in one set and
`supportive` both ways in another.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# Prepositions under which an act follows a pact already made.
_UNDER = {"under", "within"}
# Adjectives that only offer an act: "ready to take back refugees".
_OFFERED = {"ready", "willing", "prepared", "able", "eager"}


def _both_ways(
    finder: _StanceFinder,
    actors: list[str],
    partners: list[str],
    cue: Token,
    edge: Any,
    polarity: str = "supportive",
) -> Iterator[Any]:
    sides: dict[str, str] = {}
    for party in [*actors, *partners]:
        sides.setdefault(finder.side(party), party)
    own = {finder.side(a) for a in actors}
    others = {finder.side(p) for p in partners} - own
    if not own or not others:
        return
    for side, party in sides.items():
        if side in own:
            yield edge((party,), tuple(sides[s] for s in others), polarity, cue)
        elif side in others:
            yield edge((party,), tuple(sides[s] for s in own), polarity, cue)


def _unreal(finder: _StanceFinder, verb: Token) -> bool:
    return finder.unrealised(verb) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _OFFERED
    )


def under_pacts(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "Ankara established observation posts under a deal with Russia"."""
    if noun.pos_ not in ("NOUN", "PROPN") or not finder.cues.has("pact supportive", noun):
        return
    if noun.dep_ != "pobj" or noun.head.lower_ not in _UNDER:
        return
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX") or _unreal(finder, verb):
        return
    named = [t for o in finder.prep_objects(noun, {"with"}) for t in (o, *finder._conjuncts(o))]
    partners = [m.actor_id for t in named if (m := finder.mention_at(t)) is not None]
    if not partners:
        return
    _subject, passive = finder.subject_of(verb)
    if passive:
        return  # "refugees verified under an agreement with Bangladesh": whose act is not said
    actors = finder.agents(verb) or []
    yield from _both_ways(finder, actors, partners, noun, edge)


_BACKING = {"backing", "support", "help", "assistance", "blessing"}


def backed_with(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "The Saudi-led campaign continues with US backing", "attacked with Iranian support",
    "IOM, with support from the US State Department, resettled ..." (the backer in a "from" or
    "of" phrase; the phrase may hang on the subject it describes)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _BACKING:
        return
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return
    verb = noun.head.head
    hung_on = None
    if verb.dep_ in ("nsubj",) and verb.pos_ in ("PROPN", "NOUN"):
        # "IOM, with support from the US, delivered tents": the phrase hung on the subject.
        hung_on, verb = verb, verb.head
    if verb.pos_ not in ("VERB", "AUX") or _unreal(finder, verb) or finder.planned(noun):
        return  # "IOM, with support from the US, plans to deliver ...": not done yet
    backers = finder.modifier_actors(noun)
    # "with support from the US State Department", "with the backing of Turkey"
    backers += [
        a
        for o in finder.prep_objects(noun, {"from", "of"})
        for a in finder.actors_of(finder.phrase(o, deep=False), as_target=True)
        if a not in backers
    ]
    if not backers:
        return
    subject, passive = finder.subject_of(verb)
    if subject is None or passive or (hung_on is not None and subject.i != hung_on.i):
        return
    backed = _led_forces(finder, subject) or finder.actors_of(finder.phrase(subject, deep=False))
    backed = [a for a in backed if a not in backers]
    backed = [a for a in backed if not any(finder.same_side(a, b) for b in backers)]
    if backed:
        yield edge(tuple(backers), tuple(backed), "supportive", noun)


def _led_forces(finder: _StanceFinder, noun: Token) -> list[str]:
    """ "The Saudi-led bombing campaign": the force the article names "Saudi-led ..." (the
    Saudi-led coalition), not Saudi Arabia."""
    found = []
    for participle in noun.children:
        if participle.dep_ != "amod" or not finder.cues.has("patron leader", participle):
            continue
        leaders = {t.text.lower() for t in finder._hyphen_patrons(participle)}
        for mention in finder.ctx.mentions:
            actor = finder.ctx.actors.get(mention.actor_id)
            name = actor.name.lower() if actor is not None else ""
            if "-" in name and name.split("-", 1)[0] in leaders and actor.actor_id not in found:
                if name.split("-", 1)[1].startswith(participle.text.lower()):
                    found.append(actor.actor_id)
    return found


def at_war_with(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "The Saudi-led coalition has been at war with the rebels since March 2015"."""
    if noun.pos_ != "NOUN" or not finder.cues.has("war critical", noun):
        return
    if noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX") or _unreal(finder, verb):
        return
    named = [t for o in finder.prep_objects(noun, {"with"}) for t in (o, *finder._conjuncts(o))]
    enemies = [m.actor_id for t in named if (m := finder.mention_at(t)) is not None]
    if not enemies:
        return
    subject, passive = finder.subject_of(verb)
    if subject is None or passive:
        return
    waging = finder.actors_of(finder.phrase(subject, deep=False))
    yield from _both_ways(finder, waging, enemies, noun, edge, "critical")
