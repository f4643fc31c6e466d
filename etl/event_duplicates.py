"""When two event rows tell one happening: the spokesman's statement and the country's.

`_merge` in `etl.events` joins rows of one type and date. A statement is one per speaker, but a
country speaks through its ministers: "Canada had strong words for the Council Saturday" and
"he said in a statement Saturday" (its foreign minister) are one statement, as are "sanctions
announced this week" by Canada and the prime minister's announcement today. Two named people of
one country remain two statements (a prime minister and a general speaking the same day). A
person whose country is not known (a name found only in the article) may be the country's voice.
"""

from __future__ import annotations

from collections.abc import Mapping

from etl.types import Actor


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
            actor.kind == "person" and actor.country_id is None
        ):
            return False
    return True
