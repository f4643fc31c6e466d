"""Pass 3 of actor resolution, people: later references to the people an article named in full.

Their roles and gender ("Mrs", "the minister"), then surnames ("Mr. Dion", "Darchiev") and
titles ("the diplomat", "Canada's Foreign Minister").
"""

from __future__ import annotations

import re

from etl import leadscan
from etl.actor_gazetteer import (
    _FEMALE_HONORIFICS,
    _HONORIFICS,
    _NAME_PARTICLES,
    Gazetteer,
    _apostrophe_variants,
)
from etl.actor_pronouns import _latest_person
from etl.actor_state import _Person, _Resolution


def _collect_person_profiles(state: _Resolution) -> None:
    """Roles and gender of each person named in full, for later titles and pronouns."""
    text = state.text
    role_words = sorted(state.gazetteer.roles, key=len, reverse=True)
    role_pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(r) for r in role_words) + r")(?!\w)", re.I
    )
    for mention in state.mentions:
        actor = state.actor(mention.actor_id)
        if actor is None or actor.kind != "person" or mention.how not in ("name", "alias"):
            continue
        person = state.people.setdefault(actor.actor_id, _Person(actor.actor_id))
        before = text[max(0, mention.char_start - 70) : mention.char_start]
        before = re.split(r"[.;!?\"\u201c\u201d]|\b(?:and|said|says|told)\b", before)[-1]
        after = re.match(
            r",\s+(?:the|a|an|who is)\s+([^,.;]{3,80})",
            text[mention.char_end : mention.char_end + 90],
        )
        for phrase in (before, after.group(1) if after else ""):
            for match in role_pattern.finditer(phrase):
                person.roles.update(state.gazetteer.roles[match.group(1).lower()])
                person.roles.add(match.group(1).lower())
        honorific = re.search(
            rf"({_HONORIFICS})\s*$", text[max(0, mention.char_start - 6) : mention.char_start]
        )
        if honorific:
            person.gender = "f" if honorific.group(1).rstrip(".") in _FEMALE_HONORIFICS else "m"
    # Gender from a possessive right after the name with no other person between.
    for mention in state.mentions:
        person = state.people.get(mention.actor_id)
        if person is None or person.gender:
            continue
        window = text[mention.char_end : mention.char_end + 80]
        window = re.split(r"[.;!?]", window)[0]
        match = re.search(r"\b(his|her|he|she)\b", window, re.I)
        if match and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", window[: match.start()]):
            person.gender = "m" if match.group(1).lower() in ("his", "he") else "f"


def _surname(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    # Keep particles with the surname: "Ferry de Kerckhove" -> "de Kerckhove".
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _NAME_PARTICLES:
        i -= 1
    surname = " ".join(words[i:])
    return surname if len(surname) > 2 else None


def _add_surname(surnames: dict[str, str], name: str, actor_id: str) -> None:
    """The surname of `name` and its short forms, as keys for `actor_id` (the first kept)."""
    surname = _surname(name)
    if not surname:
        return
    for variant in _apostrophe_variants(surname):
        surnames.setdefault(variant, actor_id)
        if variant.lower().startswith(("al-", "al ", "el-", "el ", "de ", "van ", "von ")):
            short = (
                variant.split("-", 1)[-1]
                if variant.lower().startswith(("al-", "el-"))
                else variant.split(" ", 1)[-1]
            )
            surnames.setdefault(short, actor_id)
            surnames.setdefault(short[0].upper() + short[1:], actor_id)


def _match_surnames(state: _Resolution) -> None:
    """Later surname mentions ("Mr. Dion", "Darchiev said") of people named in full."""
    surnames: dict[str, str] = {}
    # The names the article itself wrote for each person, a spelling variant of the gazetteer's
    # among them ("Vassily Nebenzya ... Nebenzya added").
    written: dict[str, list[str]] = {}
    for mention in state.mentions:
        if mention.how == "name" and mention.actor_id in state.people:
            written.setdefault(mention.actor_id, []).append(mention.text)
    for actor_id in list(state.people):
        actor = state.actor(actor_id)
        if actor is None:
            continue
        for name in dict.fromkeys([actor.name, *written.get(actor_id, ())]):
            _add_surname(surnames, name, actor_id)
    if not surnames:
        return
    pattern = re.compile(
        rf"(?<!\w)(?:{_HONORIFICS}\s+)?("
        + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
        + r")(?!\w)"
    )
    first_named = {m.actor_id: m.char_start for m in state.mentions if m.actor_id in state.people}
    for match in pattern.finditer(state.text):
        start, end = match.span()
        actor_id = surnames[match.group(1)]
        if state.overlaps(start, end) or start < first_named.get(actor_id, 0):
            continue
        state.add(start, end, actor_id, "surname")


def _titles_pattern(gazetteer: Gazetteer) -> re.Pattern:
    """Roles, after "the" (and a demonym) or a country's possessive: built once per gazetteer."""
    if gazetteer._titles is None:
        words = sorted(
            {w for ws in gazetteer.roles.values() for w in ws} | set(gazetteer.roles),
            key=len,
            reverse=True,
        )
        country_words = gazetteer.country_words()
        owner = "|".join(re.escape(w) for w in sorted(country_words, key=len, reverse=True))
        gazetteer._titles = re.compile(
            rf"(?<!\w)(?:(?P<the>[Tt]he)\s+(?:(?P<demonym>{owner})\s+)?|(?P<owner>{owner})['\u2019]s\s+)"
            rf"(?P<role>(?i:" + "|".join(re.escape(w) for w in words) + r"))(?!\w)(?!\s+[A-Z][a-z])"
        )
        # Where a match can start: "the"/"The" and a space, or a country word's first letter
        # with a possessive "'s" close enough behind it to end that word.
        leads = "".join(sorted({w[0] for w in country_words if w}))
        longest = max((len(w) for w in country_words), default=0)
        # (Without country words, only "the" can start one: an empty character class would not
        # compile.)
        owned = rf"|[{re.escape(leads)}](?=[\s\S]{{0,{longest}}}['\u2019]s\s)" if leads else ""
        gazetteer._title_starts = re.compile(rf"(?<!\w)(?:[Tt]he\s{owned})")
    return gazetteer._titles


def _match_titles(state: _Resolution) -> None:
    """'the diplomat', 'the Russian leader', "Canada's Foreign Minister" -> a person named earlier."""
    if not state.people:
        return
    country_words = state.gazetteer.country_words()
    pattern = _titles_pattern(state.gazetteer)
    text = state.text
    for match in leadscan.scan(pattern, state.gazetteer._title_starts, text):
        start, end = match.span()
        if state.overlaps(match.start("role"), match.end("role")):
            continue
        if (
            match.group("the")
            and state.overlaps(start, match.start("role"))
            and not match.group("demonym")
        ):
            continue
        country_text = match.group("demonym") or match.group("owner")
        country = country_words.get(country_text) if country_text else None
        if country_text and country is None:
            country = country_words.get(country_text[0].upper() + country_text[1:])
        person = _latest_person(state, start, role=match.group("role").lower(), country=country)
        if person:
            # The span is the role itself, so "Canada" in "Canada's Foreign Minister" stays a mention.
            state.add(match.start("role"), end, person, "title")
