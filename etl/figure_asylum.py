"""Countries of first asylum: people a neighbour of a crisis country takes in are refugees.

GOLD.md counts refugees hosted by a country as `refugees` and people a third country admits
or takes in as `resettled`. The words are the same ("Lebanon has taken in more than 1 million",
"Sweden has taken in 12,000"); what differs is whether the country borders the one people
flee. `etl/rules/figure_neighbours.txt` lists, per crisis country, its neighbours; a
`resettled` figure placed in a neighbour of a crisis country the article names, and not
worded as resettlement, is `refugees`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from etl.types import Figure

NEIGHBOURS_FILE = Path(__file__).parent / "rules" / "figure_neighbours.txt"
# Words that say a figure is about resettlement itself, whatever country it is in.
_RESETTLEMENT = re.compile(r"\bresettl\w*|\bquota\b|\bpledg\w*|\btarget\b", re.IGNORECASE)


@functools.cache
def load_neighbours(path: Path = NEIGHBOURS_FILE) -> Mapping[str, frozenset[str]]:
    """Crisis country (lower case) → its neighbours' names (lower case)."""
    table: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        country, names = line.split(":", 1)
        table[country.strip().lower()] = frozenset(
            n.strip().lower() for n in names.split(",") if n.strip()
        )
    return table


def crisis_countries(body: str, neighbours: Mapping[str, frozenset[str]]) -> set[str]:
    """The crisis countries of the table that the article names."""
    return {
        country
        for country in neighbours
        if re.search(rf"\b{re.escape(country)}", body, re.IGNORECASE)
    }


def hosted_by_neighbours(
    body: str,
    figures: Sequence[Figure],
    neighbours: Mapping[str, frozenset[str]] | None = None,
) -> list[Figure]:
    """The figures, with `resettled` ones placed in a country of first asylum made `refugees`."""
    if not any(f.category == "resettled" for f in figures):
        return list(figures)
    neighbours = load_neighbours() if neighbours is None else neighbours
    crises = crisis_countries(body, neighbours)
    first_asylum = {n for c in crises for n in neighbours[c]} - crises
    out = []
    for figure in figures:
        if (
            figure.category == "resettled"
            and (figure.location or "").lower() in first_asylum
            and not _RESETTLEMENT.search(figure.evidence or "")
        ):
            figure = dataclasses.replace(figure, category="refugees")
        out.append(figure)
    return out
