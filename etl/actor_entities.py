"""Pass 2 of actor resolution: spaCy PERSON and ORG entities the gazetteer lacks.

They become actors of their own, people with a country inferred from their title or appositive
(`etl.actor_countries`), organisations with a kind read from their name; people named after a
title spaCy missed ("Foreign Minister X") too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from etl.actor_countries import _infer_country_how
from etl.actor_gazetteer import (
    _NAME_PARTICLES,
    _ORG_STOPWORDS,
    _TITLE_WORDS,
    is_known_place,
    particle_aliases,
    slugify,
    variant_key,
    variant_words,
)
from etl.actor_state import _Resolution
from etl.docindex import DocIndex
from etl.types import Actor


def _clean_entity_name(text: str) -> str:
    text = re.sub(r"['\u2019]s$", "", text.strip())
    words = text.split()
    while len(words) > 1 and words[0].lower().strip(".,") in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words).strip(" ,.;:-\u2014")


def _discover_entities(state: _Resolution, known: dict[str, Actor]) -> None:
    """PERSON and ORG entities the gazetteer lacks become actors of their own."""
    country_words = state.gazetteer.country_words()
    for ent in DocIndex.of(state.doc).ents:  # `doc.ents` walks every token on each access
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        name = _clean_entity_name(ent.text)
        start = ent.start_char + ent.text.find(name) if name in ent.text else ent.start_char
        end = start + len(name)
        if not name or state.overlaps(start, end) or "\n" in name:
            continue
        words = name.split()
        label = ent.label_
        if label == "ORG" and _after_title(state, start) and all(_is_name_word(w) for w in words):
            label = "PERSON"  # "spokesperson Leila Navabi" tagged ORG is still a person
        if label == "PERSON":
            if len(words) < 2 or not all(_is_name_word(w) for w in words):
                continue  # a lone given name or surname is too ambiguous to found an actor on
            if words[0].lower() in _NAME_PARTICLES:
                # "Al Bashir said" after "Mohammed Al Bashir": a surname, not a new person.
                earlier = _person_with_surname(state, name, start)
                if earlier is not None:
                    state.add(start, end, earlier, "surname")
                    continue
            kind = "person"
        else:
            if (
                len(words) < 2
                or not name[0].isupper()
                or {w.lower() for w in words} & _ORG_STOPWORDS
            ):
                continue
            kind = "organization"
        gazetteer_id = state.gazetteer.actor_for_name(name)
        if gazetteer_id is None and is_known_place(name):
            continue  # "Eastern Ghouta", "Khan Younis", "Aleppo Governorate": a place, not an actor
        actor_id = gazetteer_id or slugify(name)
        _note_spelling(state, actor_id, name)
        if kind == "person" and actor_id in state.unowned:
            _own_country_later(state, start, end, actor_id, country_words)
        if actor_id not in state.gazetteer.actors and actor_id not in state.new_actors:
            previous = known.get(actor_id)
            country = None
            if kind == "person":
                country, own = _infer_country_how(state, start, end, country_words)
                if not own:
                    state.unowned[actor_id] = start
            if kind == "organization":
                country = _country_inside_name(name, country_words) or _owner_before(
                    state, start, country_words
                )
                kind = _organisation_kind(name, state.text[end : end + 80], country)
            state.new_actors[actor_id] = Actor(
                actor_id=actor_id,
                name=name,
                kind=kind,
                country_id=country or (previous.country_id if previous else None),
                aliases=particle_aliases(name) if kind == "person" else (),
                source="discovered",
            )
        state.add(start, end, actor_id, "name")


def _note_spelling(state: _Resolution, actor_id: str, name: str) -> None:
    """A gazetteer actor the text names by a spelling variant ("Vassily Nebenzya",
    "Volodymyr Zelenskiy"): the variant becomes one of its aliases in the warehouse (the
    gazetteer's copy itself is not changed; `load.merge_actors` adds the alias)."""
    actor = state.actor(actor_id)
    if actor is None or actor.source != "gazetteer" or name == actor.name or name in actor.aliases:
        return
    if state.gazetteer.actors.get(actor_id) is None or variant_key(name) is None:
        return
    state.new_actors[actor_id] = replace(actor, aliases=(*actor.aliases, name))


def _person_with_surname(state: _Resolution, surname: str, before: int) -> str | None:
    """The person named last before `before` whose name ends in `surname`, spelling variants
    folded ("Al Bashir" -> "Mohammed al-Bashir")."""
    tail = variant_words(surname)
    if not tail:
        return None
    for mention in state.mentions_before(before):
        actor = state.actor(mention.actor_id)
        if actor is None or actor.kind != "person":
            continue
        words = variant_words(actor.name)
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            return actor.actor_id
    return None


# Discovered organisations by what their name or description says they are: a force or
# movement that fights is an armed group ("the Forces of Freedom and Justice Militia", "X, a
# paramilitary group"), a union or league of states intergovernmental ("East African Community",
# "International Contact Group"). A country's own "Armed Forces" are its government.
_ARMED_WORDS = re.compile(
    r"\b(?:Forces|Army|Militias?|Brigades?|Battalions?|Front|Guards?|Legion|Corps|Rebels|"
    r"Mujahideen|Fighters|Liberation|Resistance|Insurgents?)\b"
)


_ARMED_DESCRIPTION = re.compile(
    r"^,?\s+(?:an?|the)\s+(?:\w+\s+){0,3}?(?:paramilitary|militia|rebel|armed|insurgent|"
    r"jihadist|separatist|guerrilla)\b",
    re.I,
)


_BLOC_WORDS = re.compile(
    r"\b(?:Union|League|Community|Contact Group|Cooperation Council|Co-operation Council|"
    r"Organi[sz]ation of|Group of)\b"
)


_PARTY_WORDS = re.compile(r"\b(?:Party|Congress|Assembly|Parliament|Coalition|Alliance)\b")


def _organisation_kind(name: str, after: str, country: str | None) -> str:
    """armed_group, government, intergovernmental or organization for a discovered organisation,
    from its name and the description right after it."""
    if _PARTY_WORDS.search(name):
        return "organization"  # a party or parliament: named forces in it are not fighters
    if re.search(r"\bArmed Forces\b|\bArmy\b", name) and country:
        return "government"  # "Sudanese Armed Forces": the country's own military
    if _ARMED_WORDS.search(name) or _ARMED_DESCRIPTION.match(after):
        return "armed_group"
    if _BLOC_WORDS.search(name):
        return "intergovernmental"
    return "organization"


def _after_title(state: _Resolution, start: int) -> bool:
    before = state.text[max(0, start - 40) : start].rstrip(" ,").lower()
    last = before.split()[-1] if before.split() else ""
    return last in state.gazetteer.roles or last in _TITLE_WORDS - {"the"}


def _is_name_word(word: str) -> bool:
    """'Assad', 'al-Saqqaf', 'bin', 'de': a word that can stand in a person's name."""
    head = re.split(r"[-\u2019']", word, maxsplit=1)[0].lower()
    return (
        word[:1].isupper()
        or word.lower() in _NAME_PARTICLES
        or (head in _NAME_PARTICLES and "-" in word)
    )


def _discover_titled_people(state: _Resolution, known: dict[str, Actor]) -> None:
    """Names right after a title that NER missed: "Deputy Foreign Minister, Mehmet Aydın,"."""
    country_words = state.gazetteer.country_words()
    roles = sorted(state.gazetteer.roles, key=len, reverse=True)
    name_word = (
        r"(?:[A-Z][\w\u2019'.-]*[\w.]|(?:al|el|bin|ibn|de|van|von|der|da|di)(?:-[A-Z][\w'-]*)?)"
    )
    pattern = re.compile(
        r"(?<!\w)(?i:" + "|".join(re.escape(r) for r in roles) + r"),?\s+"
        rf"({name_word}(?:\s+{name_word}){{1,3}})(?=[,.;:\s])"
    )
    for match in pattern.finditer(state.text):
        name = _clean_entity_name(match.group(1))
        words = name.split()
        start = match.start(1) + match.group(1).find(name)
        end = start + len(name)
        if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
            continue
        if state.overlaps(start, end) or any(w.strip(".,") in country_words for w in words):
            continue
        if any(
            w.lower().strip(".,") in _TITLE_WORDS or w.lower() in state.gazetteer.roles
            for w in words
        ):
            continue
        gazetteer_id = state.gazetteer.actor_for_name(name)
        if gazetteer_id is None and is_known_place(name):
            continue
        actor_id = gazetteer_id or slugify(name)
        add_discovered_person(state, start, end, actor_id, name, known, country_words)


def add_discovered_person(
    state: _Resolution,
    start: int,
    end: int,
    actor_id: str,
    name: str,
    known: dict[str, Actor],
    country_words: dict[str, str],
) -> None:
    """A person the text names at [start, end): a new actor unless the gazetteer or this article
    already has `actor_id`, with the country the words around the name give (else the one an
    earlier article gave them), and a mention."""
    _note_spelling(state, actor_id, name)
    if actor_id in state.unowned:
        _own_country_later(state, start, end, actor_id, country_words)
    if actor_id not in state.gazetteer.actors and actor_id not in state.new_actors:
        previous = known.get(actor_id)
        country, own = _infer_country_how(state, start, end, country_words)
        if not own:
            state.unowned[actor_id] = start
        state.new_actors[actor_id] = Actor(
            actor_id=actor_id,
            name=name,
            kind="person",
            country_id=country or (previous.country_id if previous else None),
            aliases=particle_aliases(name),
            source="discovered",
        )
    state.add(start, end, actor_id, "name")


def _own_country_later(
    state: _Resolution, start: int, end: int, actor_id: str, country_words: dict[str, str]
) -> None:
    """A later full mention of a discovered person whose first gave no country of their own
    (a headline's "Immigration Minister X Hangs Up", a bare "Prime Minister X" the page's
    country was guessed for): the country this mention's own title or appositive names
    ("Canada's Immigration Minister X, facing ..."), which outranks a guess."""
    actor = state.new_actors.get(actor_id)
    if actor is None or actor.kind != "person" or start == state.unowned.get(actor_id):
        return  # the first mention again, seen by another pass: no new words of its own
    # Its own title only: a person listed beside it ("speeches from X and Y") says nothing new.
    country, own = _infer_country_how(state, start, end, country_words, conjuncts=False)
    if own and country:
        state.new_actors[actor_id] = replace(actor, country_id=country)
        state.unowned.pop(actor_id, None)


def _owner_before(state: _Resolution, start: int, country_words: dict[str, str]) -> str | None:
    """ "India's Ministry of External Affairs", "the Indian Ministry of ...": the country just before."""
    before = state.text[max(0, start - 40) : start].replace("\u2019", "'")
    match = re.search(r"(?:^|\s)((?:[A-Z][\w.-]*\s?){1,3}?)(?:'s)?\s*$", before)
    if not match:
        return None
    return country_words.get(match.group(1).strip())


def _country_inside_name(name: str, country_words: dict[str, str]) -> str | None:
    for word, country in country_words.items():
        # The substring test first: compiling a pattern for each of a thousand words is slow.
        if word in name and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", name):
            return country
    return None
