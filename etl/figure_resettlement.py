"""Resettlement articles: refugees a country is said to take in are `resettled` (GOLD.md).

In an article about a third country's resettlement programme ("Ontario has welcomed 19,630
refugees", "4,000 Afghan refugees have already arrived in Canada"), refugees counted in that
country are refugees it has taken in. The country is the one the article's `resettled` figures
are placed in (the resettling country), else the country the article is mostly about.

What stays `refugees`: people who fled ("2.8 million people have fled Syria", and later counts
that refer back to them), refugees counted in another country (a country of first asylum), and
every refugee figure of an article about refugee camps, about a country where people are killed
or displaced, or about several resettling countries at once.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Collection

from etl.context import ArticleContext
from etl.types import Figure

# Words that make an article one about a third country's resettlement programme.
RESETTLEMENT_WORDS = re.compile(
    r"\b(?:re-?settl\w*|sponsor(?:ed|ship|s)?|privately[- ]sponsored|government[- ]assisted)\b",
    re.IGNORECASE,
)
_CAMP_WORDS = re.compile(r"\bcamps?\b", re.IGNORECASE)
# Figures that make a country the scene of the crisis rather than one that resettles refugees.
_CRISIS_CATEGORIES = ("killed", "injured", "displaced", "besieged")
_RESETTLEMENT_FRAME = 3  # mentions of resettlement that make an article one about it


def _country_names(ctx: ArticleContext) -> dict[str, str]:
    """Every name and alias of a country actor (lower case) → the country's name."""
    return {
        name.lower(): actor.name
        for actor in ctx.actors.values()
        if actor.kind == "country"
        for name in (actor.name, *actor.aliases)
    }


def resettling_country(
    ctx: ArticleContext, figures: list[Figure], main_country: str | None
) -> tuple[str | None, bool]:
    """(the host, whether it is the article's main country or stands in for it). The host is the
    one country the `resettled` figures are placed in; None when they are placed in several."""
    countries = _country_names(ctx)
    placed = Counter(
        countries[(f.location or "").lower()]
        for f in figures
        if f.category == "resettled" and (f.location or "").lower() in countries
    )
    if len(placed) > 1:
        return None, False  # several resettling countries: pledges, not one programme
    if placed:
        host = next(iter(placed))
        return host, main_country is None or main_country == host
    return main_country, True


# "the UNHCR's estimated 1.2 million refugees worldwide": a count of the whole world is placed in
# no host, whatever country a speaker of the article stands for.
_WORLDWIDE = re.compile(
    r"[^.;:,]{0,40}?\b(?:worldwide|globally|around the world|across the world|in the world)\b",
    re.IGNORECASE,
)


def counted_worldwide(ctx: ArticleContext, figure: Figure) -> bool:
    """Is the figure's count said, right after its number, to be the world's?"""
    if figure.value_end is None:
        return False
    return bool(_WORLDWIDE.match(ctx.body, figure.value_end))


def resettled_in_host(
    ctx: ArticleContext,
    figures: list[Figure],
    main_country: Callable[[ArticleContext], str | None],
    fled: Collection[str] = (),
    nationals: Collection[str] = (),
) -> list[Figure]:
    """The figures, with refugees counted in a resettlement article's host made `resettled`
    (see module doc). `fled` holds the ids of figures of people who fled; `nationals` those
    that count a nation's people ("20,000 vulnerable Syrians"), which count as refugees here."""
    if not any(f.category in ("refugees", "civilians") for f in figures):
        return figures
    if len(RESETTLEMENT_WORDS.findall(ctx.body)) < _RESETTLEMENT_FRAME:
        return figures
    if len(_CAMP_WORDS.findall(ctx.body)) >= 2:
        return figures  # refugee camps: the article is about a country of first asylum
    host, is_main = resettling_country(ctx, figures, main_country(ctx))
    if host is None:
        return figures
    if any(
        f.category in _CRISIS_CATEGORIES and (f.location or "").lower() == host.lower()
        for f in figures
    ):
        return figures  # people die or are displaced there: the country refugees flee, not a host
    countries = _country_names(ctx)
    out = []
    for figure in figures:
        place = (figure.location or "").lower()
        in_host = countries.get(place) == host or (is_main and place not in countries)
        # "a new start to a total of 20,000 vulnerable Syrians": a nation's people placed
        # nowhere, in an article about taking them in
        nationals_taken_in = (
            figure.category == "civilians" and figure.figure_id in nationals and not place
        )
        taken_in = (
            figure.category == "refugees" and in_host and not counted_worldwide(ctx, figure)
        ) or nationals_taken_in
        if taken_in and figure.figure_id not in fled:
            figure = dataclasses.replace(figure, category="resettled")
        out.append(figure)
    return out
