"""Pass 3 of actor resolution, organisations: nouns that refer back to a body.

"the ministry", "the department" (rules/org_references.txt) and group nouns ("the rebels",
"the opposition") resolved to a body the story named or to the story's country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from etl.actor_gazetteer import RULES_DIR
from etl.actor_state import _Resolution
from etl.actor_story_countries import _dominant_country
from etl.docindex import DocIndex
from etl.types import Actor


def load_org_references(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Nouns that refer back to an organisation -> the actor kinds they may mean (rules file)."""
    path = path or RULES_DIR / "org_references.txt"
    refs: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            noun, kinds = line.split(":", 1)
            refs[noun.strip().lower()] = tuple(k.strip() for k in kinds.split(",") if k.strip())
    return refs


def _names_contain(actor: Actor, noun: str) -> bool:
    return any(noun in name.lower() for name in (actor.name, *actor.aliases))


ORG_REFERENCES = load_org_references()


def _match_org_references(state: _Resolution, window: int = 1500) -> None:
    """'The ministry said...' -> the government body named most recently; 'the regime' -> its country."""
    nouns = {n.rstrip("!"): n for n in ORG_REFERENCES}
    alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    # "The Council urged ...", "The Ministry said ...": house styles capitalise the noun too.
    pattern = re.compile(
        r"(?<!\w)[Tt]he\s+((?i:" + alternatives + r"))(?!\w)(?!\s+of\s+(?!\w+ing\b))"
    )
    for match in pattern.finditer(state.text):
        start, end = match.span()
        if state.overlaps(start, end):
            continue
        noun = nouns[match.group(1).lower()]
        kinds = ORG_REFERENCES[noun]
        named = noun.endswith("!")
        noun = noun.rstrip("!")
        for mention in state.mentions_before(start):
            if start - mention.char_start > window:
                break
            actor = state.actor(mention.actor_id)
            if actor is None:
                continue
            if actor.kind not in kinds and not _ministry_named(actor, noun):
                continue
            if (noun == "regime" or named) and not _names_contain(actor, noun):
                continue
            state.add(start, end, actor.actor_id, "reference")
            break
        else:
            if "government" in kinds:
                # "Russian Foreign Minister Lavrov ... The ministry said": the official's government.
                country = _latest_official_country(state, start, window) or _dominant_country(
                    state, start
                )
                if country:
                    # "the army" in a story about Sudan: Sudan's army when the gazetteer has one.
                    body = _national_body(state, country, noun) if named else None
                    state.add(start, end, body or country, "reference")
            elif named:
                # "the opposition" in a story about Syria: Syria's one gazetteer actor so named.
                country = _dominant_country(state, start)
                group = _named_group(state, country, noun, kinds) if country else None
                if group is None and "armed_group" in kinds and match.group(1).islower():
                    # "the Opposition" of a parliament is no armed group of a country named.
                    group = _sentence_group(state, start, end, noun, kinds)
                if group:
                    state.add(start, end, group, "reference")


def _sentence_group(
    state: _Resolution, start: int, end: int, noun: str, kinds: Sequence[str]
) -> str | None:
    """The one gazetteer group named `noun` of a country its own sentence names, when the story's
    leading country has none: "Russian-backed Syrian forces have increased ground against the
    opposition territory in Syria's northwest" in a story that names Russia most."""
    span = state.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sentence = DocIndex.of(state.doc).sentence_of(span.start)
    found = set()
    for mention in state.mentions:
        if not sentence.start_char <= mention.char_start < sentence.end_char:
            continue
        actor = state.actor(mention.actor_id)
        if actor is not None and actor.kind == "country" and mention.how != "capital":
            group = _named_group(state, actor.actor_id, noun, kinds)
            if group:
                found.add(group)
    return found.pop() if len(found) == 1 else None


def _ministry_named(actor: Actor, noun: str) -> bool:
    """ "Britain's Ministry of Defense ... the ministry said", "the Gaza Health Ministry ... the
    ministry": a ministry the gazetteer or discovery keeps as an organisation is still one."""
    return (
        noun in ("ministry", "department")
        and actor.kind in ("organization", "organisation")
        and _names_contain(actor, noun)
    )


# Armed groups named by a common noun, with or without "the": "Rebels in Syria's south said",
# "fighting against militants", "opposition-held areas", "armed opposition groups". Plain
# "opposition groups" may be parties or civic groups, and is left alone.
_GROUP_NOUNS = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+)?(?:(?P<qualifier>anti-[\w-]+|non-state)\s+)?"
    r"(?P<noun>opposition\s+(?:forces|fighters)"
    r"|armed\s+opposition(?:\s+(?:groups|formations|factions|forces|fighters))?"
    r"|(?:armed|militant|rebel)\s+groups"
    r"|[Rr]ebels|[Ii]nsurgents|[Mm]ilitants|[Rr]ebel(?=-held|\s+strongholds?\b)"
    r"|[Oo]pposition(?=-held))(?![\w])"
)


# The opposition named beside the government it opposes, without "the" or a noun of its own:
# "peace talks between the Syrian government and opposition", "the opposition and government
# delegations" (conventions: the story country's armed opposition).
_PAIRED_OPPOSITION = re.compile(
    r"(?:\b(?:government|regime)\s+and\s+(?:the\s+)?(?P<after>opposition)"
    r"|(?<![\w-])(?P<before>opposition)\s+and\s+(?:the\s+)?government)"
    r"(?![\w-])(?!\s+(?:leaders?|part(?:y|ies)|figures?|politicians?|lawmakers?|MPs?|umbrella"
    r"|groups?|coalition|council|committee|bloc|alliance)\b)"
)


# The word a common noun must share with the story country's gazetteer group when no group was
# named just before ("rebels" -> "Syrian rebels", "Houthi rebels").
_GROUP_WORDS = {"rebel": "rebel", "insurgent": "insurgent", "militant": "militant"}


# Militants and insurgents with no group of that name are the story's armed opposition
# ("the United States and Jordan, which support the militants" in a story about Syria).
_FALLBACK_WORDS = {"militant": ("rebel", "opposition"), "insurgent": ("rebel", "opposition")}


def _match_group_nouns(state: _Resolution, window: int = 1500) -> None:
    """A common noun for an armed group: the armed group named last (within a few paragraphs),
    else the one gazetteer armed group of the story's country whose names share the noun
    ("rebels" in a story about Syria are the Syrian opposition). A noun after a capitalised word
    ("Kurdish rebels", "Tuareg militants") names another group and is left alone."""
    for match in _GROUP_NOUNS.finditer(state.text):
        start, end = match.span()
        noun = match.group("noun").lower()
        if match.group("qualifier"):
            # "anti-Damascus militant groups", "non-state armed groups": the groups, not the
            # place their qualifier names.
            start = match.start("noun")
        elif noun in ("armed groups", "rebel groups"):
            continue  # plain "armed groups" may be anyone's
        if state.overlaps(start, end):
            continue
        before = state.text[max(0, start - 40) : start].rstrip()
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        if last[:1].isupper() and not last.endswith((".", ":", "\u201c", '"')) and last != "The":
            continue
        word = next((w for k, w in _GROUP_WORDS.items() if noun.startswith(k)), "opposition")
        found = None
        home = _dominant_country(state, start) if word == "rebel" else None
        for mention in state.mentions_before(start):
            if start - mention.char_start > window:
                break
            actor = state.actor(mention.actor_id)
            if actor is not None and actor.kind == "armed_group":
                if _foreign_to_rebels(actor, home):
                    continue
                # "opposition groups" are not whichever armed group came last (Hezbollah).
                if word != "opposition" or _names_contain(actor, word):
                    found = actor.actor_id
                    break
        for fallback in (word, *_FALLBACK_WORDS.get(word, ())):
            if found is None:
                found = _story_group(state, fallback)
        if found:
            state.add(start, end, found, "reference")
    for match in _PAIRED_OPPOSITION.finditer(state.text):
        name = "after" if match.group("after") else "before"
        start, end = match.span(name)
        if not state.overlaps(start, end):
            group = _story_group(state, "opposition")
            if group:
                state.add(start, end, group, "reference")


def _foreign_to_rebels(actor: Actor, home: str | None) -> bool:
    """An armed group of another country than the story's is not its "rebels": rebels rise
    against their own state, and a foreign group named last is more often the one fighting them
    ("fighting between rebels and Syrian troops backed by ... Hezbollah" in a story about
    Syria). A group called rebels by name ("Houthi rebels") is always one."""
    return bool(
        home
        and actor.country_id
        and actor.country_id != home
        and not _names_contain(actor, "rebel")
    )


def _story_group(state: _Resolution, word: str) -> str | None:
    """The gazetteer armed group named with `word` of the most mentioned country that has one
    ("Rebels in Syria's south" in a story that names Russia more often than Syria)."""
    counts: dict[str, int] = {}
    for mention in state.mentions:
        actor = state.actor(mention.actor_id)
        if actor is not None and actor.kind == "country" and mention.how != "capital":
            counts[actor.actor_id] = counts.get(actor.actor_id, 0) + 1
    for country in sorted(counts, key=lambda c: (-counts[c], c)):
        group = _named_group(state, country, word, ("armed_group",))
        if group:
            return group
    return None


def _named_group(state: _Resolution, country: str, noun: str, kinds: Sequence[str]) -> str | None:
    """The one gazetteer actor of `country` of the first of `kinds` that has one, named `noun`."""
    for kind in kinds:
        found = [
            a.actor_id
            for a in state.gazetteer.actors.values()
            if a.kind == kind and a.country_id == country and _names_contain(a, noun)
        ]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _national_body(state: _Resolution, country: str, noun: str) -> str | None:
    """The one government body of `country` in the gazetteer whose names contain `noun`."""
    bodies = [
        a.actor_id
        for a in state.gazetteer.actors.values()
        if a.kind == "government" and a.country_id == country and _names_contain(a, noun)
    ]
    return bodies[0] if len(bodies) == 1 else None


def _latest_official_country(state: _Resolution, before: int, window: int) -> str | None:
    for mention in state.mentions_before(before):
        if before - mention.char_start > window:
            break
        person = state.people.get(mention.actor_id)
        actor = state.actor(mention.actor_id)
        if (
            person
            and actor
            and actor.country_id
            and {"minister", "official", "spokesperson"} & person.roles
        ):
            country = state.actor(actor.country_id)
            if country is not None and country.kind == "country":
                return country.actor_id
    return None
