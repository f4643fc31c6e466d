"""Pass 1 of actor resolution: gazetteer names, aliases, demonyms and capitals.

Capitals count when they act ("Moscow said"), not as places ("in Moscow"), and short all-caps
aliases not in all-caps page furniture; a dateline's capital names the story's home country.
Forces named by their side ("government troops", "regime forces") are those of the country the
story is about; "forces loyal to X" are X's.
"""

from __future__ import annotations

import re

from etl.actor_gazetteer import _PLACE_PREPOSITIONS, Gazetteer, SurfaceForm
from etl.actor_state import _Resolution
from etl.actor_story_countries import _dominant_country

# A wire dateline opening a paragraph: "WEISSENHAUS, Germany --", "GENEVA (Reuters) —".
_DATELINE = re.compile(
    r"(?m)^(?P<city>[A-Z][A-Z .'\u2019-]{2,40})(?:,\s*[A-Z][\w .]{1,30})?"
    r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:--|\u2014|\u2013)\s"
)


def _match_gazetteer(state: _Resolution) -> None:
    text = state.text.replace("\u2019", "'")
    datelines = []
    generic: list[tuple[int, int, SurfaceForm]] = []
    for match in _DATELINE.finditer(text):
        datelines.append(match.span())
        # "OTTAWA —": the capital, written in capitals, names the story's home country.
        city = state.gazetteer.find(match.group("city").strip().title())
        for _s, _e, form in city:
            actor = state.gazetteer.actors[form.actor_id]
            if form.how == "capital" and not state.dateline_country:
                state.dateline_country = actor.actor_id
    for start, end, form in state.gazetteer.find(text):
        if any(s <= start and end <= e for s, e in datelines):
            # The place a story was filed from is not an actor in it, but its country is the
            # likeliest home of officials the story names without a country.
            actor = state.gazetteer.actors[form.actor_id]
            state.dateline_country = state.dateline_country or (
                actor.actor_id if actor.kind == "country" else actor.country_id
            )
            continue
        if _is_furniture_caps(text, start, end) or state.overlaps(start, end):
            continue
        if form.how == "capital" and _is_place(text, start):
            continue
        if (
            form.how == "demonym"
            and end < len(text)
            and text[end : end + 1] == "-"
            and text[start].islower()
        ):
            continue
        if _generic_force(state.gazetteer, form):
            generic.append((start, end, form))
            continue
        state.add(start, end, form.actor_id, form.how)
    # "government forces" names the gazetteer's army only in a story about its country; in a
    # story about Sudan or Yemen they are that country's forces (its government's side).
    for start, end, form in generic:
        home = _force_home(state, start)
        owner = state.gazetteer.actors[form.actor_id].country_id
        state.add(start, end, home if home and home != owner else form.actor_id, form.how)


# "Saudi-backed", "Iran-allied", "US-led": a country named as another force's backer.
_BACKER_SUFFIX = re.compile(r"-(?:backed|led|allied|supported|sponsored|funded|aligned|armed)\b")


def _force_home(state: _Resolution, before: int) -> str | None:
    """The country whose government's forces an unnamed "government forces" are: the story's
    dominant country, not counting a country the story names as someone's backer ("Saudi-backed",
    "US-led")."""
    backers = {m.actor_id for m in state.mentions if _BACKER_SUFFIX.match(state.text, m.char_end)}
    return _dominant_country(state, before, leave_out=backers)


# Armed forces named by their side, not their country: "Government troops", "pro-government
# militias", "regime forces" (the gazetteer's lower-case aliases cover some of these already).
_GOVERNMENT_FORCES = re.compile(
    r"(?<![\w-])(?:[Pp]ro-)?(?:[Gg]overnment|[Rr]egime|[Jj]unta)(?:-(?:allied|aligned|backed))?"
    r"\s+(?:troops|forces|soldiers|militias?|fighters|army|military|units)(?!\w)"
)


def _home_force(state: _Resolution, country: str) -> str:
    """The gazetteer's army of `country` when it has one (its "government forces"), else the country."""
    for actor in state.gazetteer.actors.values():
        if (
            actor.kind == "government"
            and actor.country_id == country
            and any(a == a.lower() and a.split()[-1] in _FORCE_WORDS for a in actor.aliases)
        ):
            return actor.actor_id
    return country


def _match_government_forces(state: _Resolution) -> None:
    """'Government troops' in a story about Ethiopia are Ethiopia's (its government's side)."""
    for match in _GOVERNMENT_FORCES.finditer(state.text):
        start, end = match.span()
        if state.overlaps(start, end):
            continue
        home = _force_home(state, start)
        if home:
            state.add(start, end, _home_force(state, home), "alias")


# "forces loyal to the TPLF", "fighters loyal to Tripoli": the side they are loyal to.
_LOYAL_FORCES = re.compile(
    r"(?<!\w)(?P<phrase>(?:[Ff]orces|[Tt]roops|[Ff]ighters|[Mm]ilitias?|[Ss]oldiers|[Uu]nits|[Gg]unmen)"
    r"\s+(?:loyal|allied)\s+to)\s+(?:the\s+)?"
)


def _match_loyal_forces(state: _Resolution) -> None:
    for match in _LOYAL_FORCES.finditer(state.text):
        start, end = match.span()
        phrase_end = match.end("phrase")
        if state.overlaps(start, phrase_end):
            continue
        actor_id = None
        after = [m for m in state.mentions_within(end, end + 80) if m.char_start == end]
        if after:
            actor_id = after[0].actor_id
        else:
            # A capital after "to" is not kept as a mention (a place), but here it is the side.
            tail = state.text[end : end + 80].replace("\u2019", "'")
            for s, _e, form in state.gazetteer.find(tail):
                if s == 0:
                    actor_id = form.actor_id
                break
        if actor_id:
            state.add(start, phrase_end, actor_id, "reference")


# Last words of a lower-case alias that names a country's armed forces without naming the country.
_FORCE_WORDS = {"forces", "troops", "army", "military"}


def _generic_force(gazetteer: Gazetteer, form: SurfaceForm) -> bool:
    actor = gazetteer.actors[form.actor_id]
    words = form.text.split()
    return (
        form.how == "alias"
        and actor.kind == "government"
        and actor.country_id is not None
        and form.text == form.text.lower()
        and words[-1] in _FORCE_WORDS
    )


def _is_furniture_caps(text: str, start: int, end: int) -> bool:
    """Short all-caps aliases ("US", "WHO") inside an all-caps line are page furniture, not actors."""
    token = text[start:end]
    if not (token.isupper() and len(token.replace(".", "")) <= 3):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > len(token) and all(c.isupper() for c in letters)


# Policy nouns after which a capital is the government they are aimed at ("sanctions on
# Damascus", "relations with Moscow"), not a place.
_POLICY_NOUNS = {
    "sanction", "sanctions", "embargo", "pressure", "restrictions", "ties", "relations", "talks",
    "dialogue", "negotiations", "demands", "ultimatum", "recognition", "support", "backing",
    "criticism", "aid", "assistance", "rapprochement", "engagement",
}  # fmt: skip


def _is_place(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].split()
    if not before or before[-1].lower().strip(",") not in _PLACE_PREPOSITIONS:
        return False
    return not (len(before) >= 2 and before[-2].lower() in _POLICY_NOUNS)
