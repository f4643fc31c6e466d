"""When two event rows tell one happening: the spokesman's statement and the country's.

`_merge` in `etl.event_merges` joins rows of one type and date. A statement is one per speaker,
but a country speaks through its ministers: "Canada had strong words for the Council Saturday" and
"he said in a statement Saturday" (its foreign minister) are one statement, as are "sanctions
announced this week" by Canada and the prime minister's announcement today. Two named people of
one country remain two statements (a prime minister and a general speaking the same day). A
person whose country is not known (a name found only in the article) may be the country's voice,
and so may a ministry named without its country ("The Ministry of Foreign Affairs on Friday said
this in a statement" beside the same statement given to the country).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from etl.types import Actor

_MINISTRY_BODY = re.compile(r"\b(?:ministry|department|foreign office|presidency)\b", re.I)


def voices_of_one_country(
    a: tuple[str, ...], b: tuple[str, ...], actors: Mapping[str, Actor]
) -> bool:
    """Whether one side speaks as a single country and the other's speakers all belong to it."""
    return _speaks_for(a, b, actors) or _speaks_for(b, a, actors)


def _speaks_for(
    country_side: tuple[str, ...], voices: tuple[str, ...], actors: Mapping[str, Actor]
) -> bool:
    countries = {
        i for i in country_side if (x := actors.get(i)) is not None and x.kind == "country"
    }
    if len(countries) != 1 or len(country_side) != 1 or not voices:
        return False
    for voice in voices:
        actor = actors.get(voice)
        if actor is None or actor.kind == "country":
            return False
        if actor.country_id not in countries and not (
            actor.country_id is None and (actor.kind == "person" or _countryless_ministry(actor))
        ):
            return False
    return True


def _countryless_ministry(actor: Actor) -> bool:
    return actor.kind in ("organization", "organisation") and bool(
        _MINISTRY_BODY.search(actor.name)
    )
