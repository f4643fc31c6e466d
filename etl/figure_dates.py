"""The as-of date of a figure.

`as_of` reads the first explicit date in the figure's sentence, at the precision written
("by the end of 2016" → 2016-01-01, year), skipping dates that open a period ("since 2011");
a month without a year is the latest such month not after publication. Without one, the figure
is as of the article's published date, at that date's precision.
"""

from __future__ import annotations

import re
from datetime import date

from etl.numbers import MONTHS

_MONTH_NUMBERS = {m: i for i, m in enumerate(MONTHS.split("|")[:12], start=1)}
_MONTH_NUMBERS.update({m: _MONTH_NUMBERS[f] for m, f in (
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "september"), ("sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december"))})  # fmt: skip
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATE_RE = re.compile(
    r"(?P<lead>\b(?:since|from|between|after|before)\s+(?:the\s+)?(?:(?:end|start|beginning)\s+of\s+)?)?"
    rf"\b(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{MONTHS})\.?,?\s+(?P<year1>(?:19|20)\d\d)"
    rf"|(?P<month2>{MONTHS})\.?\s+(?:(?P<day2>\d{{1,2}}),?\s+)?(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<month3>(?-i:{_MONTH_NAMES}))(?:\s+(?P<day3>\d{{1,2}}))?(?![\s,]+\d)"
    r"|(?P<year3>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def as_of(
    sentence: str, published: date | None, published_precision: str | None
) -> tuple[date | None, str | None]:
    """The date a figure holds at: the first explicit date in its sentence that does not open a
    period ("since 2011"), else the published date (see module doc)."""
    for match in _DATE_RE.finditer(sentence):
        if match.group("lead"):
            continue
        year = match.group("year1") or match.group("year2") or match.group("year3")
        month_name = (
            match.group("month1") or match.group("month2") or match.group("month3") or ""
        ).lower()
        day = match.group("day1") or match.group("day2") or match.group("day3")
        month = _MONTH_NUMBERS.get(month_name.rstrip("."))
        if month_name and month is None:
            continue
        if year is None:
            if published is None or month is None or month_name in ("may", "march"):
                continue  # "may" and "march" are too often verbs to be read alone
            # "in April" in a June article is this April; in a February one, last year's
            year_value = published.year if month <= published.month else published.year - 1
            if day:
                try:
                    return date(year_value, month, int(day)), "day"
                except ValueError:
                    continue
            return date(year_value, month, 1), "month"
        try:
            if day and month:
                return date(int(year), month, int(day)), "day"
            if month:
                return date(int(year), month, 1), "month"
            return date(int(year), 1, 1), "year"
        except ValueError:
            continue
    return published, published_precision if published else None
