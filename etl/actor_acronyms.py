"""Organisations an article defines with an acronym: "the Libyan National Army (LNA)".

The first pass of actor resolution, before the gazetteer's: the defined name and every later use
of its acronym are one actor, and the demonym inside the name does not stand for the country.
"""

from __future__ import annotations

import re

from etl.actor_entities import _country_inside_name, _organisation_kind, _owner_before
from etl.actor_gazetteer import _ORG_STOPWORDS, slugify
from etl.actor_state import _Resolution
from etl.types import Actor

# "The Libyan National Army (LNA)": a name defined with its acronym in brackets. Connectors
# may sit inside the name ("Tigray People's Liberation Front", "Forces of Freedom and Change").
_ACRONYM_DEFINITION = re.compile(r"(?<=\s)\((?P<acronym>[A-Z][A-Za-z]?[A-Z]{1,6})\)")


_NAME_CONNECTORS = {"of", "for", "and", "the", "de", "du", "des", "la", "al", "el", "&"}


def _defined_name(before: str, acronym: str) -> str | None:
    """The shortest run of capitalised words ending `before` whose initials spell `acronym`."""
    words = before.split()
    if not words:
        return None
    for n in range(1, min(len(words), 10) + 1):
        run = words[-n:]
        if run[0].lower() in _NAME_CONNECTORS:
            continue
        capitalised = [w for w in run if w.lower() not in _NAME_CONNECTORS]
        if any(not w[0].isupper() or not w[0].isalpha() for w in capitalised):
            return None
        initials = "".join(w[0] for w in capitalised)
        if initials.upper() == acronym.upper():
            return " ".join(run)
        if len(initials) > len(acronym):
            return None
    return None


# Names that make a side of a conflict or a politics: forces, movements, parties, blocs (a
# "Prime Minister's Office (PMO)" is left to the government's own references).
_SIDE_WORDS = re.compile(
    r"\b(?:Forces|Army|Militias?|Brigades?|Battalions?|Front|Guards?|Legion|Corps|Rebels|"
    r"Mujahideen|Fighters|Liberation|Resistance|Movement|Party|Congress|Alliance|Coalition|"
    r"Union|League|Community|Group)\b"
)


def _match_acronym_definitions(state: _Resolution, known: dict[str, Actor]) -> None:
    """An organisation the gazetteer lacks, defined with its acronym, is an actor: its name and
    every later use of the acronym ("the LNA claims") are its mentions. Without this pass the
    demonym inside the name ("Libyan") would stand for the country."""
    text = state.text.replace("\u2019", "'")
    gazetteer = state.gazetteer
    country_words: dict[str, str] | None = None
    for match in _ACRONYM_DEFINITION.finditer(text):
        acronym = match.group("acronym")
        line_start = text.rfind("\n", 0, match.start()) + 1
        name = _defined_name(text[max(line_start, match.start() - 120) : match.start()], acronym)
        if not name or len(name.split()) < 2:
            continue
        if (
            gazetteer._by_text.get(name)
            or gazetteer._by_lower.get(name.lower())
            or gazetteer._by_text.get(acronym)
            or {w.lower() for w in name.split()} & _ORG_STOPWORDS
            or not _SIDE_WORDS.search(name)
        ):
            continue  # the gazetteer's own names resolve in the next pass
        start = match.start() - 1 - len(name)
        if text[start : start + len(name)] != name:
            continue
        actor_id = slugify(name)
        if actor_id not in state.new_actors:
            if country_words is None:
                country_words = gazetteer.country_words()
            country = _country_inside_name(name, country_words) or _owner_before(
                state, start, country_words
            )
            previous = known.get(actor_id)
            state.new_actors[actor_id] = Actor(
                actor_id=actor_id,
                name=name,
                kind=_organisation_kind(name, "", country),
                country_id=country or (previous.country_id if previous else None),
                aliases=(acronym,),
                source="discovered",
            )
        uses = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])|(?<![\w-]){acronym}(?![\w-])")
        for use in uses.finditer(text, start):
            if not state.overlaps(*use.span()):
                state.add(
                    use.start(), use.end(), actor_id, "name" if use.group(0) == name else "alias"
                )
