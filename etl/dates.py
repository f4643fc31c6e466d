"""Dates in news text: explicit, weekday and relative dates resolved against the publication date.

`find_dates(text, published)` returns every date mention it can resolve. Resolution rules, the
ones a reader of wire copy applies:

- Explicit dates ("September 7, 2018", "7 September 2018", "2020-11-11", "Nov. 11, 2020") stand
  alone. A day or month without a year ("Dec. 1", "in April") is the latest such day or month
  not after publication; a day up to `UPCOMING_DAYS` after publication stays in the publication
  year, because news writes upcoming dates without a year ("talks on Dec. 20").
- A bare year counts only where it reads as a date ("in 2015", "since 2011", "by the end of
  2016"), never as a count ("25,000", "2015 refugees"). Decades ("the 1990s") are not dates.
- A weekday ("Tuesday", "on Wednesday", "Thursday's meeting") is the most recent such day on or
  before publication; the publication day itself counts. "last Tuesday" is strictly before,
  "next Tuesday" strictly after. Weekdays need a publication date known to the day: with only a
  month known, "Wednesday" could fall in that month or the one before (a seed published in
  "2015-10" dates its "Wednesday" to September 30), so it resolves to nothing.
- "a week ago Sunday" is the Sunday a week before the most recent one; "two days
  ago", "a week ago" count back from publication (to the day). The weekend ("this weekend", "at
  the weekend", "an unusual weekend session") is the publication day when that falls on a
  Saturday or Sunday, else the Saturday before ("this weekend", "next weekend": the one after).
- Relative words: "today", "tonight", "yesterday" (day precision; need a known day); "this
  week", "last week" resolve to the month holding most of that week's days up to publication
  (month precision, because the day is not said); "this month", "earlier this month", "last
  month" (month precision); "this year", "earlier this year", "last year" (year precision).
  "next week", "next month", "next year" look forward the same way ("talks resume next week":
  the month holding most of the coming Monday-to-Sunday).
- A month with a relative year ("in March this year", "last August") takes that year, month
  precision. A year written before a noun ("a 2017 bilateral agreement", "the 2012 communique")
  dates the thing the noun names, year precision.
- Without a publication date, nothing relative resolves.
- Looking forward: `resolve_forward(mention, published)` re-reads a relative mention as the
  coming day or month ("will meet on Friday" is the Friday on or after publication); the caller
  decides from the grammar (future tense, a schedule) when a date points forward.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from etl.types import PartialDate

# A day written without a year may lie this far after publication and keep the publication year.
UPCOMING_DAYS = 31

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A range's second day ("Nov. 11-12, 2020") is swallowed: the mention dates the range's start.
_DAY_RANGE = _DAY + r"(?:\s*[-\u2013]\s*[0-3]?\d)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_NOT_NUMBER_AFTER = r"(?![\d%]|[.,:/]\d|-\d)"

_ISO = re.compile(r"(?<![\d-])" + r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})" + r"(?![\d-])")
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+" + _DAY_RANGE + r"\b,?\s+" + _YEAR + r"\b" + _NOT_NUMBER_AFTER
)
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\d,.])\b"
    + _DAY_RANGE
    + r"(?:\s+of)?\s+"
    + _MONTH
    + r",?\s+"
    + _YEAR
    + r"\b"
    + _NOT_NUMBER_AFTER
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b" + _NOT_NUMBER_AFTER)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+" + _DAY_RANGE + r"\b(?![:.,]?\d)")
_DAY_MONTH = re.compile(
    r"(?<![\d,.$])\b" + _DAY_RANGE + r"(?:\s+of)?\s+" + _MONTH + r"(?!\s*,?\s*\d)"
)
# Words after which a bare month or year reads as a date ("in April", "since 2011", "end of 2016").
# ("Theresa May" and "to May" are names, so "and", "to" and "with" are not leads for a month.)
_MONTH_LEAD = (
    r"(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]efore|[Aa]fter|[Oo]f|"
    r"[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]hrough(?:out)?|[Ll]ast|[Tt]his|[Nn]ext|[Ss]tarting|[Aa]s of|[Bb]etween)"
)
_YEAR_LEAD = _MONTH_LEAD[:-1] + r"|[Tt]o|and|or)"
_LEAD_MONTH = re.compile(
    r"\b(?P<lead>"
    + _MONTH_LEAD
    + r")(?:\s+|(?<=-))"
    + _MONTH
    + r"(?:'s|\u2019s)?(?![\w-]|\s*[-\u2013]?\d)"
)
_LEAD_YEAR = re.compile(
    r"\b(?P<lead>"
    + _YEAR_LEAD
    + r")\s+(?:the\s+(?:end|start|beginning|middle|spring|summer|autumn|fall|winter)\s+of\s+)?"
    + r"(?<![\d,.$])"
    + _YEAR
    + r"(?:'s|\u2019s)?"
    + r"(?![\d%s]|[.,:/]\d|-\d|\s+(?:people|persons|refugees|troops|soldiers|civilians|migrants|children|deaths|casualties|residents|families|homes|tonnes|tons|km|kilometres|kilometers|miles|dollars|euros)\b)"
)
_MONTH_RELATIVE_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+(?:of\s+)?(?P<which>this|last|next)\s+year\b"
)
# "a 2017 bilateral agreement", "the 2012 communique": a year between a determiner and a noun.
_YEAR_BEFORE_NOUN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)\s+"
    + _YEAR
    + r"(?=\s+[a-z])(?!\s+(?:people|persons|refugees|troops|soldiers|civilians|migrants|children|"
    r"deaths|casualties|residents|families|homes|tonnes|tons|km|kilometres|kilometers|miles|"
    r"dollars|euros|of|to|and|or)\b)"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|next|this|Last|Next|This)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|\u2019s)?\b"
)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT = r"(?P<count>an?|one|two|three|four|five|six|[1-9])"
# "a week ago Sunday", "two weeks ago Monday": that weekday, so many weeks further back.
_WEEKS_AGO_WEEKDAY = re.compile(
    r"\b" + _COUNT + r"\s+weeks?\s+ago,?\s+(?:(?:last|on)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE,
)
# "two days ago", "a week ago": counted back from publication (years ago stay bounds).
_DAYS_AGO = re.compile(r"\b" + _COUNT + r"\s+(?P<unit>days?|weeks?)\s+ago\b", re.IGNORECASE)
# "this weekend", "at the weekend", "an unusual weekend session": the weekend of publication.
_WEEKEND = re.compile(r"\b(?:(?P<mod>this|last|next|the|that)\s+)?weekend(?:'s|\u2019s)?\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<phrase>[Tt]oday|[Tt]onight|[Yy]esterday|"
    r"(?:[Ee]arlier|[Ll]ater)\s+this\s+(?:week|month|year)|"
    r"(?:[Tt]his|[Ll]ast)\s+(?:week|month|year|morning|afternoon|evening)|"
    r"[Nn]ext\s+(?:week|month|year))(?:'s|\u2019s)?\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date found in text: its span (offset added), the words, and the date they resolve to."""

    char_start: int
    char_end: int
    text: str
    value: PartialDate
    # resolved against the publication date (weekday, "last week", "in April")
    relative: bool


def parse_partial_date(text: str | None) -> PartialDate | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a PartialDate; None when it is none of these."""
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", text)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return PartialDate(date(int(year), int(month), int(day)), "day")
        if month:
            return PartialDate(date(int(year), int(month), 1), "month")
        return PartialDate(date(int(year), 1, 1), "year")
    except ValueError:
        return None


def resolve_weekday(
    name: str,
    published: PartialDate | None,
    *,
    modifier: str | None = None,
    forward: bool = False,
) -> date | None:
    """The most recent `name` day on or before publication ("last": strictly before; "next": after).

    `forward` (a future or scheduled event) gives the `name` day on or after publication instead.
    """
    if published is None or published.precision != "day":
        return None
    try:
        target = _WEEKDAYS.index(name.strip().lower())
    except ValueError:
        return None
    pub = published.value
    back = (pub.weekday() - target) % 7
    mod = (modifier or "").lower()
    if mod == "last" and back == 0:
        back = 7
    if mod == "next":
        return pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
    if forward and mod != "last":
        return pub + timedelta(days=(target - pub.weekday()) % 7)
    return pub - timedelta(days=back)


def resolve_forward(mention: DateMention, published: PartialDate | None) -> DateMention:
    """The mention read as pointing forward: a weekday, a day or a month without a year is the
    first such one on or after publication. Explicit and other relative dates are unchanged."""
    if not mention.relative or published is None:
        return mention
    value: PartialDate | None = None
    text = mention.text
    weekday = _WEEKDAY.search(text)
    if weekday and weekday.start() == 0:
        day = resolve_weekday(weekday["weekday"], published, modifier=weekday["mod"], forward=True)
        value = PartialDate(day, "day") if day else None
    elif (m := _MONTH_DAY.fullmatch(text) or _DAY_MONTH.fullmatch(text)) is not None:
        start = published.value
        for year in (start.year, start.year + 1):
            candidate = _day(year, _month_number(m["month"]), int(m["day"]))
            if candidate is not None and candidate.value >= start:
                value = candidate
                break
    elif (m := re.fullmatch(_MONTH + r"(?:'s|\u2019s)?", text)) is not None:
        month = _month_number(m["month"])
        pub = published.value
        if published.precision != "year":
            value = _month(pub.year + (month < pub.month), month)
    if value is None or value == mention.value:
        return mention
    return DateMention(mention.char_start, mention.char_end, text, value, True)


def find_dates(text: str, published: PartialDate | None, offset: int = 0) -> list[DateMention]:
    """Every date mention in `text` that resolves, in text order; spans are shifted by `offset`.

    The extractors ask again about the same sentence (events, statements' dates, confidence):
    the mentions of a (text, publication date) pair are found once and shifted per call."""
    found = _dates_in(text, published)
    if not offset:
        return list(found)
    return [
        DateMention(m.char_start + offset, m.char_end + offset, m.text, m.value, m.relative)
        for m in found
    ]


@functools.lru_cache(maxsize=4096)
def _dates_in(text: str, published: PartialDate | None) -> tuple[DateMention, ...]:
    return tuple(_find_dates(text, published))


# What the patterns cannot match without (`_could_match`): a digit (a day or a year), a
# month's name or abbreviation (every full name starts with its abbreviation), a weekday's
# name, "year" (a month in a relative year); "ago" and "weekend" in the lower-cased text, as
# those patterns ignore case.
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DIGIT = re.compile(r"\d")
GATES = frozenset({"digit", "month", "weekday", "year", "ago", "weekend"})


def _could_match(text: str) -> frozenset[str]:
    """The `GATES` whose words `text` holds: a pattern needing a gate missing here is not run."""
    low = text.lower()
    return frozenset(
        gate
        for gate, present in (
            ("digit", _DIGIT.search(text) is not None),
            ("month", any(stem in text for stem in _MONTH_STEMS)),
            ("weekday", "day" in text),
            ("year", "year" in text),
            ("ago", "ago" in low),
            ("weekend", "weekend" in low),
        )
        if present
    )


def _find_dates(text: str, published: PartialDate | None) -> list[DateMention]:
    offset = 0
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: PartialDate | None, relative: bool) -> None:
        if value is None or any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(DateMention(start + offset, end + offset, text[start:end], value, relative))

    # Each pattern runs only where the words it cannot match without are (`_could_match`):
    # most sentences name no month, weekday or year, and the patterns' scans are most of the
    # time dates cost. The mentions found are the same.
    gates = _could_match(text)
    digit, month = "digit" in gates, "month" in gates
    # Most specific patterns first; a later pattern never overlaps an earlier mention.
    for m in _ISO.finditer(text) if digit else ():
        add(
            m.start(),
            m.end(),
            _day(int(m["year"]), int(m["mon"]), int(m["day"])),
            False,
        )
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR) if month and digit else ():
        for m in pattern.finditer(text):
            add(
                m.start(),
                m.end(),
                _day(int(m["year"]), _month_number(m["month"]), int(m["day"])),
                False,
            )
    for m in _MONTH_RELATIVE_YEAR.finditer(text) if month and "year" in gates else ():
        add(m.start(), m.end(), _month_of_relative_year(m, published), True)
    for m in _MONTH_YEAR.finditer(text) if month and digit else ():
        add(m.start(), m.end(), _month(int(m["year"]), _month_number(m["month"])), False)
    for pattern in (_MONTH_DAY, _DAY_MONTH) if month and digit else ():
        for m in pattern.finditer(text):
            add(
                m.start(),
                m.end(),
                _day_without_year(_month_number(m["month"]), int(m["day"]), published),
                True,
            )
    for m in _LEAD_MONTH.finditer(text) if month else ():
        lead = m["lead"].lower()
        value = _month_without_year(_month_number(m["month"]), published, lead)
        add(m.start("month"), m.end(), value, True)
    for m in _LEAD_YEAR.finditer(text) if digit else ():
        add(
            m.start("year"),
            m.end(),
            PartialDate(date(int(m["year"]), 1, 1), "year"),
            False,
        )
    for m in _YEAR_BEFORE_NOUN.finditer(text) if digit else ():
        add(m.start("year"), m.end("year"), PartialDate(date(int(m["year"]), 1, 1), "year"), False)
    for m in _WEEKS_AGO_WEEKDAY.finditer(text) if "ago" in gates else ():
        add(m.start(), m.end(), _weeks_ago_weekday(m, published), True)
    for m in _DAYS_AGO.finditer(text) if "ago" in gates else ():
        add(m.start(), m.end(), _days_ago(m, published), True)
    for m in _WEEKDAY.finditer(text) if "weekday" in gates else ():
        day = resolve_weekday(m["weekday"], published, modifier=m["mod"])
        add(m.start(), m.end(), PartialDate(day, "day") if day else None, True)
    for m in _WEEKEND.finditer(text) if "weekend" in gates else ():
        add(m.start(), m.end(), _weekend(m["mod"], published), True)
    for m in _RELATIVE.finditer(text):
        add(m.start(), m.end(), _relative(m["phrase"], published), True)
    found.sort(key=lambda d: d.char_start)
    return _merge_weekday_with_date(found, text, offset)


def _merge_weekday_with_date(found: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """ "Monday, Nov. 9, 2020" is one date: the explicit date wins over its weekday."""
    merged: list[DateMention] = []
    for mention in found:
        if merged:
            prev = merged[-1]
            gap = text[prev.char_end - offset : mention.char_start - offset]
            if prev.text.rstrip("'s\u2019").lower() in _WEEKDAYS and re.fullmatch(r",?\s*", gap):
                merged[-1] = DateMention(
                    prev.char_start, mention.char_end, text[prev.char_start - offset : mention.char_end - offset],
                    mention.value, mention.relative,
                )  # fmt: skip
                continue
        merged.append(mention)
    return merged


def _month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _day(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate(date(year, month, day), "day")
    except ValueError:
        return None


def _month(year: int, month: int) -> PartialDate | None:
    if not 1 <= month <= 12:
        return None
    return PartialDate(date(year, month, 1), "month")


def _period_end(published: PartialDate) -> date:
    """The last day of the period a publication date stands for."""
    value = published.value
    if published.precision == "day":
        return value
    if published.precision == "month":
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    return value.replace(month=12, day=31)


def _day_without_year(month: int, day: int, published: PartialDate | None) -> PartialDate | None:
    if published is None:
        return None
    latest = _period_end(published) + timedelta(days=UPCOMING_DAYS)
    for year in (latest.year, latest.year - 1):
        candidate = _day(year, month, day)
        if candidate is not None and candidate.value <= latest:
            return candidate
    return None


def _month_without_year(month: int, published: PartialDate | None, lead: str) -> PartialDate | None:
    if published is None or published.precision == "year":
        return None
    pub = published.value
    year = pub.year
    if lead == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif month > pub.month or (lead == "last" and month == pub.month):
        year -= 1
    return _month(year, month)


def _month_of_relative_year(m: re.Match[str], published: PartialDate | None) -> PartialDate | None:
    """ "March this year", "August last year": the month in the year the phrase names."""
    if published is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1}[m["which"].lower()]
    return _month(published.value.year + shift, _month_number(m["month"]))


def _majority_month(first: date, last: date) -> PartialDate:
    """The month holding most days of first..last (ties go to the later month)."""
    counts: dict[tuple[int, int], int] = {}
    day = first
    while day <= last:
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
        day += timedelta(days=1)
    year, month = max(counts, key=lambda ym: (counts[ym], ym))
    return PartialDate(date(year, month, 1), "month")


def relative_period(phrase: str, published: date) -> tuple[PartialDate, date, date] | None:
    """ "earlier this week/month/year", "last week/month/year": the value the date finder gives
    the phrase and the first and last day of the period it names before `published`; None when
    it names no day ("earlier this month" on the 1st, "earlier this week" on a Monday)."""
    words = phrase.lower().split()
    unit, last = words[-1], words[0] == "last"
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        first = monday - timedelta(days=7) if last else monday
        end = monday - timedelta(days=1) if last else published - timedelta(days=1)
    elif unit == "month":
        first, end = published.replace(day=1), published - timedelta(days=1)
        if last:
            end = first - timedelta(days=1)
            first = end.replace(day=1)
    else:
        first = date(published.year - last, 1, 1)
        end = date(first.year, 12, 31) if last else published - timedelta(days=1)
    value = _relative(phrase, PartialDate(published, "day"))
    return None if end < first or value is None else (value, first, end)


def _relative(phrase: str, published: PartialDate | None) -> PartialDate | None:
    if published is None:
        return None
    words = phrase.lower().split()
    pub = published.value
    following = words[0] == "next"
    unit = words[-1]
    needs_day = unit in {
        "today",
        "tonight",
        "yesterday",
        "week",
        "morning",
        "afternoon",
        "evening",
    }
    if needs_day and published.precision != "day":
        return None
    if unit == "month" and published.precision == "year":
        return None
    if unit in {"today", "tonight", "morning", "afternoon", "evening"}:
        return PartialDate(pub, "day")
    if unit == "yesterday":
        return PartialDate(pub - timedelta(days=1), "day")
    last = words[0] == "last"
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday())
        if last:
            return _majority_month(monday - timedelta(days=7), monday - timedelta(days=1))
        if following:
            return _majority_month(monday + timedelta(days=7), monday + timedelta(days=13))
        return _majority_month(monday, pub)
    if unit == "month":
        first = pub.replace(day=1)
        if last:
            first = (first - timedelta(days=1)).replace(day=1)
        elif following:
            first = (first + timedelta(days=32)).replace(day=1)
        return PartialDate(first, "month")
    year = pub.year - 1 if last else pub.year + following
    return PartialDate(date(year, 1, 1), "year")


def _weeks_ago_weekday(m: re.Match[str], published: PartialDate | None) -> PartialDate | None:
    day = resolve_weekday(m["weekday"], published)
    if day is None:
        return None
    return PartialDate(day - timedelta(days=7 * _count(m["count"])), "day")


def _count(word: str) -> int:
    return _COUNT_WORDS.get(word.lower()) or int(word)


def _days_ago(m: re.Match[str], published: PartialDate | None) -> PartialDate | None:
    if published is None or published.precision != "day":
        return None
    days = _count(m["count"]) * (7 if m["unit"].lower().startswith("week") else 1)
    return PartialDate(published.value - timedelta(days=days), "day")


def _weekend(modifier: str | None, published: PartialDate | None) -> PartialDate | None:
    """The weekend of publication: the publication day when it falls on one ("an unusual weekend
    session" in Saturday's paper), else the Saturday before ("last weekend", "at the weekend") or,
    for "this weekend" and "next weekend", the Saturday after (a plan, left out by the events)."""
    if published is None or published.precision != "day":
        return None
    pub = published.value
    mod = (modifier or "").lower()
    if pub.weekday() >= 5 and mod not in {"last", "next"}:
        return PartialDate(pub, "day")
    if mod in {"this", "next"}:
        ahead = (5 - pub.weekday()) % 7 or 7
        return PartialDate(
            pub + timedelta(days=ahead + (7 if mod == "next" and pub.weekday() >= 5 else 0)), "day"
        )
    back = (pub.weekday() - 5) % 7 or 7
    return PartialDate(pub - timedelta(days=back), "day")
