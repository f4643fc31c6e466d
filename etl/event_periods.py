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
from datetime import date

from etl.dates import relative_period
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
            span = relative_period(match[0], published.value)
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
