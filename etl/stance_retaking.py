"""Ground retaken: a state that moves to retake a place is critical of whoever holds it (issue 9:
policy acts stated as facts; missed on real_dev3 hn07, real_dev5 hq05/hq18, real_dev6 hr16,
real_dev9 hu08).

- "launched a major military offensive to retake Idlib governorate ... one of the last areas
  controlled by anti-government armed groups", "seeks to recapture rebel-held territory": the
  retaker `critical` of the holder its words name ("controlled by X", "X-held", "X stronghold");
- "Assad's final push to retake control of Aleppo", "his forces will recapture the region": a
  place a state retakes, with no holder named, in its own country (or where the place gazetteer
  does not say), is held by that country's armed opposition (the gazetteer's one group of that
  country named "opposition" or "rebels": the Syrian opposition, the Houthis) - `critical` of
  it; a country with no such group (Ukraine retaking Kherson) gets no edge;
- "to recover Idlib ... from rebels": "from" names the holder (`ground_taken` of
  `etl.stance_operations` covers the `[taken from]` verbs; this rule the others).

Only a state retakes here: "Jabhat al-Nusra is attempting to retake Idleb" (an armed group) names
no holder the rule can know. A place an actor's own name stands for is no place ("to retake
control of Syria" is left alone), and a negated retaking yields nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# Verbs of taking back ("take back" and "win back" are "take"/"win" with the particle "back").
RETAKING = {"retake", "recapture", "reclaim", "regain", "recover", "retook", "retaken"}
WITH_BACK = {"take", "win", "claw"}
# Nouns for the control of a place: "retake control of Aleppo".
_CONTROL = {"control", "hold", "possession"}
# Participles that say who holds a place: "rebel-held", "areas controlled by X".
_HOLDING = {"hold", "control", "run", "occupy", "seize"}
# Common nouns of places a state retakes.
_PLACE_NOUNS = {
    "city", "town", "region", "province", "governorate", "territory", "area", "district",
    "village", "enclave", "pocket", "stronghold", "bastion", "port", "airport", "base",
    "border", "crossing", "highway", "road", "countryside", "suburb", "neighbourhood",
    "neighborhood", "north", "south", "east", "west", "northwest", "northeast", "southwest",
    "southeast", "land", "ground", "capital", "outskirts", "valley", "mountain", "hill",
}  # fmt: skip
_STATE_KINDS = {"country", "government"}
# Common nouns of a country's armed opposition in "retake X from the rebels".
_REBELS = {"rebel", "insurgent", "militant", "opposition", "insurgency", "fighter"}
# Verbs under which a retaking is only an intention: "plans to retake", "hopes to recapture"
# ("seeks to", "is preparing an assault to", "will" describe a push already on its way).
_INTENDING = {"plan", "intend", "hope", "want", "wish", "expect", "propose", "offer", "consider"}


def is_retaking(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in RETAKING:
        return True
    return lemma in WITH_BACK and any(c.dep_ == "prt" and c.lower_ == "back" for c in verb.children)


def _places(verb: Token) -> list[Token]:
    """What is retaken: the object, or what its "control of" names, with conjuncts."""
    found = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = [obj]
        if obj.lemma_.lower() in _CONTROL:
            heads = [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        for head in heads:
            found += [head, *head.conjuncts]
    return found


def _named_holders(finder: _StanceFinder, places: list[Token]) -> list[str]:
    """Holders the place's own words name: "rebel-held territory", "areas controlled by armed
    groups" (also in an apposition: "Idlib - one of the last areas controlled by ..."), "the
    rebel stronghold"."""
    words: list[Token] = []
    for place in places:
        for token in place.subtree:
            if token.lemma_.lower() not in _HOLDING or token.dep_ not in ("amod", "acl"):
                continue
            if token.dep_ == "acl":
                words += [t for o in finder.prep_objects(token, {"by"}) for t in o.subtree]
            else:
                words += [t for t in token.subtree if t.i < token.i and t.text not in ("-", "–")]
        if finder.cues.has("stronghold", place):
            words += [t for c in place.children if c.dep_ in ("amod", "compound")
                      for t in c.subtree]  # fmt: skip
    return finder.actors_of(words, as_target=True)


def _a_place(finder: _StanceFinder, place: Token) -> bool:
    """A place, not an actor: a name spaCy tags as a place (or any name that is no actor), or a
    common noun of places ("the region", "rebel-held territory")."""
    named = place.pos_ == "PROPN" or place.text[:1].isupper()  # "Homs" tagged a noun
    mention = finder.mention_at(place) if named else None
    if mention is not None:
        actor = finder.ctx.actors.get(mention.actor_id)
        return actor is None or actor.kind not in _STATE_KINDS | {"armed_group", "person"}
    return named or place.lemma_.lower() in _PLACE_NOUNS


def story_opposition(finder: _StanceFinder, country: str) -> str | None:
    """The gazetteer's armed group of `country` named as its opposition or rebels ("Syrian
    opposition", "Houthi rebels"), when there is exactly one."""
    found = []
    for actor in finder.ctx.actors.values():
        if actor.kind != "armed_group" or actor.country_id != country:
            continue
        names = " ".join((actor.name, *actor.aliases)).lower()
        if "opposition" in names or "rebel" in names:
            found.append(actor.actor_id)
    return found[0] if len(found) == 1 else None


def _place_country(place: Token) -> str | None:
    """The country of a named place ("Aleppo" -> syria), when the place gazetteer knows it."""
    if place.pos_ != "PROPN" and not place.text[:1].isupper():
        return None
    from etl.actors import DEFAULT_GAZETTEER
    from etl.places import default_gazetteer

    words = [t.text for t in place.subtree if t.dep_ == "compound" and t.i < place.i]
    found = default_gazetteer(DEFAULT_GAZETTEER).resolve(" ".join([*words, place.text]))
    return found.place.country_id if found is not None else None


def _retakers(finder: _StanceFinder, verb: Token) -> list[str]:
    """Who retakes: the verb's agents, else the owner of the push or offensive it is the aim of
    ("preparing a major assault to recover Idlib": who prepares the assault)."""
    agents = finder.agents(verb) or []
    noun = verb.head
    if agents or verb.dep_ not in ("acl", "relcl") or noun.pos_ != "NOUN":
        return agents
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return finder.actors_of([t for o in owners for t in finder.phrase(o, deep=False)])
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return finder.agents(noun.head) or []
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        return finder.agents(noun.head.head) or []  # "massing troops for an assault to ..."
    return []


def retaken_ground(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """A state retaking a place: `critical` of the place's holder (see the module docstring)."""
    if verb.pos_ != "VERB" or not is_retaking(verb) or finder.negated(verb):
        return
    if verb.head.lemma_.lower() in _INTENDING and verb.head.i != verb.i:
        return  # "hopes to regain Idlib": not under way
    from_heads = finder.prep_objects(verb, {"from"})
    if from_heads and finder.cues.has("taken from", verb):
        return  # `ground_taken` reads "retook the region from X"
    sources = [
        s
        for s in _retakers(finder, verb)
        if (a := finder.ctx.actors.get(s)) is not None
        and (a.kind in _STATE_KINDS or (a.kind == "person" and a.country_id))
        and s not in finder.opposition
    ]
    if not sources:
        return
    places = [p for p in _places(verb) if _a_place(finder, p)]
    if from_heads:
        targets = finder.actors_of(
            [t for h in from_heads for t in finder.phrase(h, deep=False)], as_target=True
        )
        unnamed = all(h.lemma_.lower() in _REBELS for h in from_heads)
    else:
        targets = _named_holders(finder, places)
        unnamed = bool(places)
    if not targets and unnamed:
        # A state retaking its own ground takes it back from its own armed opposition.
        country = finder.side(sources[0])
        if any(finder.side(s) != country for s in sources[1:]):
            return
        if any(_place_country(p) not in (None, country) for p in places):
            return  # "Turkey retook the Syrian town": not Turkey's own ground
        group = story_opposition(finder, country)
        # Only where the article names that opposition at all: "Syria's army recaptured
        # Palmyra" in a story about ISIS took it from ISIS.
        named = group is not None and any(m.actor_id == group for m in finder.ctx.mentions)
        targets = [group] if named else []
    targets = [
        t for t in dict.fromkeys(targets) if not any(finder.same_side(s, t) for s in sources)
    ]
    if targets:
        yield edge(tuple(dict.fromkeys(sources)), tuple(targets), "critical", verb)
