"""The days a relative period spans, so that a happening it dates is not merged into another
(`etl.event_merges`, events16).

"Canada had already applied sanctions against 27 officials earlier this month" in a page of
Friday 21 April is dated April (month precision), and April holds the Friday on which "Canada
placed new sanctions on Syria": the merge of a coarser date into a finer one it holds would make
the two one happening. But "earlier this month" names days before the publication day, and "last
week" the Monday to Sunday before the publication's week ("the United States, which vetoed a
similar resolution at the Security Council last week" beside the Assembly's vote "on Tuesday"):
a day outside the period the phrase names is another happening, and the two rows stay apart.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from etl.dates import _majority_month  # noqa: PLC2701  (one rule for a span's month)
from etl.types import Event, PartialDate

# events16 (issue 9): a happening dated by a relative period is merged only with one of a day
# inside that period (`period_spans`, `etl.event_merges._same_happening`)
PERIOD_SPANS = True

# Only periods that end before the publication day ("earlier this month", "last week"): "this
# week" holds the page's own day (and "this week's trade mission" names a thing, not when a
# happening was), so it parts nothing.
_PERIOD = re.compile(
    r"\b(?:(?P<earlier>earlier)\s+(?P<this>this)|(?P<which>last))\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)


def _span(match: re.Match[str], published: date) -> tuple[PartialDate, date, date] | None:
    """The period's value as the date finder resolves it (`etl.dates`), and its first and last
    day."""
    unit = match["unit"].lower()
    last = match["which"] is not None
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        if last:
            first, end = monday - timedelta(days=7), monday - timedelta(days=1)
            value = _majority_month(first, end)
        else:
            # valued as `etl.dates` values "this week" (Monday to publication), one day shorter
            first, end = monday, published - timedelta(days=1)
            value = _majority_month(monday, published)
        return None if end < first else (value, first, end)
    if unit == "month":
        first = published.replace(day=1)
        if last:
            end = first - timedelta(days=1)
            first = end.replace(day=1)
        else:
            end = published - timedelta(days=1)
        return None if end < first else (PartialDate(first, "month"), first, end)
    first = date(published.year - 1 if last else published.year, 1, 1)
    end = date(first.year, 12, 31) if last else published - timedelta(days=1)
    return None if end < first else (PartialDate(first, "year"), first, end)


def period_spans(
    events: list[Event], published: PartialDate | None
) -> dict[str, tuple[date, date]]:
    """For each event dated by a relative period of its evidence ("earlier this month", "last
    week"), the first and last day of that period, by event id. Only in a page with a publication
    day; an evidence whose period phrases span different days is left out."""
    if not PERIOD_SPANS or published is None or published.precision != "day":
        return {}
    spans: dict[str, tuple[date, date]] = {}
    for event in events:
        if event.date_precision == "day":
            continue
        value = PartialDate(event.event_date, event.date_precision)
        found = set()
        for match in _PERIOD.finditer(event.evidence):
            span = _span(match, published.value)
            if span is not None and span[0] == value:
                found.add(span[1:])
        if len(found) == 1:
            spans[event.event_id] = found.pop()
    return spans


def outside_period(spans: dict[str, tuple[date, date]], a: Event, b: Event) -> bool:
    """Whether one event is dated by a period and the other to a day outside it."""
    for coarse, fine in ((a, b), (b, a)):
        span = spans.get(coarse.event_id)
        if span is not None and fine.date_precision == "day":
            if not span[0] <= fine.event_date <= span[1]:
                return True
    return False
