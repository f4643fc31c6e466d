"""When two humanitarian figures count the same thing, and how a figure is written.

One definition, used wherever the dashboard compares numbers ("Which number to brief?", and
any later reconciliation): two figures are the *same quantity* when they have

- the same measure (head counts or money) and, for money, the same currency;
- the same category (refugees, killed...); `other` never pairs, since what it counts is
  unknown ("41 diplomats" and "770,000 Sikhs" are both `other`);
- the same population: people, civilians, children, soldiers, diplomats... read from the
  figure's subject ("13 US service members" and "170 Afghan civilians" are both `killed`);
- the same place (a place naming a country counts as that country: "US", "U.S.");
- compatible dates: their as-of periods (a day, a month or a year; else the article's
  publication date) lie within `WINDOW_DAYS` of each other. One agency's 2014 and 2020 counts
  are a change over time, not two sources. Undated figures are never paired.

Everything here is pure (frames and values in, frames and text out), so it is unit-tested
without a warehouse or a browser.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from etl import derived

# Categories whose figures are humanitarian: charts show these unless the analyst asks for
# others (troops, other) in the Category filter (defined with the ETL's unfiltered answers,
# from the one category list).
NOT_HUMANITARIAN = derived.NOT_HUMANITARIAN
HUMANITARIAN = derived.HUMANITARIAN
# What these count is not known, so no two of them are the same quantity.
UNCOMPARABLE = ("other",)
WINDOW_DAYS = 31  # as-of periods further apart than this are a change over time
NOT_STATED = derived.NOT_STATED
PEOPLE = "people"

# Populations read from a figure's subject, first match wins (so "medical personnel" are
# health workers, not soldiers). Words match whole, with an optional plural "s". Anything
# else counted in heads is "people".
POPULATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "aid and health workers",
        (
            "aid worker",
            "health worker",
            "humanitarian worker",
            "relief worker",
            "medical personnel",
            "medical staff",
            "doctor",
            "nurse",
            "medic",
            "paramedic",
        ),
    ),
    ("journalists", ("journalist", "reporter")),
    ("diplomats", ("diplomat", "envoy", "embassy staff")),
    (
        "soldiers and police",
        (
            "soldier",
            "troop",
            "service member",
            "servicemember",
            "servicemen",
            "armed forces",
            "personnel",
            "peacekeeper",
            "police",
            "police officer",
            "marine",
            "military",
        ),
    ),
    ("fighters", ("militant", "fighter", "rebel", "combatant", "insurgent", "jihadist")),
    ("hostages and detainees", ("hostage", "detainee", "prisoner", "captive")),
    ("children", ("child", "children", "minor", "kid")),
    ("women", ("woman", "women")),
    ("civilians", ("civilian",)),
)
_POPULATION_PATTERNS = tuple(
    (name, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")s?\b"))
    for name, words in POPULATIONS
)
# Words a place name carries that do not make it another place ("Idleb Governorate").
_PLACE_SUFFIX = re.compile(r"\s+(?:governorate|province|region|district|city|state)$")


def _missing(value: object) -> bool:
    # NaN is the one float unequal to itself (math.isnan, a call a value, cost more).
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value).strip()


def population(subject: object, category: object = None, measure: object = PEOPLE) -> str:
    """Who a figure counts, as a population name: 'soldiers and police', 'civilians',
    'children'... or 'people'; a sum of money is 'money'."""
    if measure == "money" or category == "aid_money":
        return "money"
    return _population_of(_text(subject).lower())


@functools.lru_cache(maxsize=4096)
def _population_of(words: str) -> str:
    """The population a subject's words (lower case) name: a few subjects recur in thousands
    of figures, and matching every pattern is most of the cost of grouping them."""
    for name, pattern in _POPULATION_PATTERNS:
        if pattern.search(words):
            return name
    return PEOPLE


def place_key(location: object, country: object = None) -> str:
    """The place a figure is about, as a key two spellings share: the country id when the place
    names a country ('US', 'United States'), else the name in lower case without 'the' and
    administrative suffixes. '' when there is no place."""
    if not _missing(country) and str(country):
        return f"country:{country}"
    words = _text(location).lower()
    words = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", words))
    return _PLACE_SUFFIX.sub("", words)


def period(day: object, precision: object = "day") -> tuple[date, date] | None:
    """The days an as-of date stands for: the day itself, its month or its year."""
    if _missing(day):
        return None
    # A plain date (as `_days` gives them) as it is: a Timestamp a row cost most of grouping.
    start = day if type(day) is date else pd.Timestamp(day).date()
    if precision == "year":
        return date(start.year, 1, 1), date(start.year, 12, 31)
    if precision == "month":
        after = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return date(start.year, start.month, 1), after - timedelta(days=1)
    return start, start


def period_label(start: date, end: date) -> str:
    """A span of as-of dates as a briefing says it: 'May 2023', '2016', 'Dec 2015 – Jan 2016'."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%b %Y}"
    if start.year == end.year and (start.month, end.month) == (1, 12):
        return str(start.year)
    if start.year == end.year:
        return f"{start:%b} – {end:%b %Y}"
    return f"{start:%b %Y} – {end:%b %Y}"


@dataclass(frozen=True)
class Quantity:
    """What a figure counts, without its date: figures of one Quantity and compatible dates
    are the same quantity."""

    measure: str  # people | money
    currency: str  # '$', '€'... for money; '' for people or an unstated currency
    category: str
    population: str
    place: str  # place_key
    place_name: str  # as first written

    @property
    def label(self) -> str:
        what = self.category.replace("_", " ")
        if self.measure == "money":
            unit = f"money ({self.currency})" if self.currency else "money (currency not stated)"
        else:
            unit = self.population
        return f"{what} · {unit} · {self.place_name}"


def quantity_of(row: pd.Series | dict) -> Quantity | None:
    """The Quantity a figure row counts, or None when it cannot be compared with any other:
    an `other` figure, or one without a place. The row needs category and location; measure,
    currency, subject and location_country are used when present."""
    get = row.get
    category = _text(get("category"))
    place_name = _text(get("place", get("location")))
    if not category or category in UNCOMPARABLE or not place_name:
        return None
    if place_name == "unspecified":
        return None
    measure = _text(get("measure")) or PEOPLE
    return Quantity(
        measure=measure,
        currency=_text(get("currency")) if measure == "money" else "",
        category=category,
        population=population(get("subject"), category, measure),
        place=place_key(place_name, get("location_country")),
        place_name=place_name,
    )


def _days(values: pd.Series) -> list:
    """A column's dates as Python values: a datetime column's as datetime.date (None for NaT),
    converted by numpy at once (a Timestamp a row costs more than grouping the row); others as
    they are. `period` reads either alike."""
    if pd.api.types.is_datetime64_dtype(values):
        return values.to_numpy().astype("datetime64[D]").tolist()
    return values.astype(object).tolist()


def same_quantities(figures: pd.DataFrame, window_days: int = WINDOW_DAYS) -> pd.DataFrame:
    """Each figure row with the quantity it belongs to: `quantity` (a number shared by the
    rows that are the same quantity, <NA> for rows that pair with nothing: `other`, no place,
    undated), `quantity_label` ('killed · civilians · Sudan') and `period` ('May 2023').

    Dates come from `as_of` (else `row_date`) with `precision` (else `row_precision`, else
    day). Within one Quantity, rows are taken in date order and a row joins the open group
    only while its period starts within `window_days` of the end of every period already in
    it; so no two rows of a group are further apart than the window."""
    out = figures.copy()
    out["quantity"] = pd.array([pd.NA] * len(out), dtype="Int64")
    out["quantity_label"] = None
    out["period"] = None
    if out.empty:
        return out
    day_col = "as_of" if "as_of" in out else "row_date"
    precision_col = "precision" if "precision" in out else "row_precision"
    candidates: dict[Quantity, list[tuple[date, date, int]]] = {}
    # Plain dicts, not iterrows(): a Series per row costs more than the grouping itself.
    needed = ("category", "place", "location", "measure", "currency", "subject")
    read = [c for c in (*needed, "location_country") if c in out]
    days = out[day_col] if day_col in out else pd.Series([None] * len(out), index=out.index)
    precisions = (
        out[precision_col]
        if precision_col in out
        else pd.Series([None] * len(out), index=out.index)
    )
    # Many figures share what they count and their dates: each is read once, and the rows of
    # one quantity go to its list without hashing the Quantity again.
    slots: dict[tuple, list | None] = {}
    periods: dict[tuple, tuple[date, date] | None] = {}
    columns = [out[c].astype(object).tolist() for c in read]
    for position, (values, day, precision) in enumerate(
        zip(zip(*columns), _days(days), precisions.astype(object).tolist())
    ):
        slot = slots.get(values, False)
        if slot is False:
            what = quantity_of(dict(zip(read, values)))
            slot = slots[values] = None if what is None else candidates.setdefault(what, [])
        if slot is None:
            continue
        when = (None if _missing(day) else day, precision or "day")
        if when not in periods:
            periods[when] = period(*when)
        span = periods[when]
        if span is None:
            continue
        slot.append((span[0], span[1], position))
    window = timedelta(days=window_days)
    quantity: list = [pd.NA] * len(out)
    label: list = [None] * len(out)
    when: list = [None] * len(out)
    number = 0
    for what in sorted(candidates, key=lambda q: (q.measure, q.category, q.population, q.place)):
        if not candidates[what]:
            continue  # its rows are all undated
        text = what.label
        spans = sorted(candidates[what], key=lambda s: (s[0], s[1]))
        groups: list[list[tuple[date, date, int]]] = []
        first_end = None  # the earliest end of a period in the open group
        for span in spans:
            if groups and span[0] - first_end <= window:
                groups[-1].append(span)
                first_end = min(first_end, span[1])
            else:
                groups.append([span])
                first_end = span[1]
        for group in groups:
            shown = period_label(min(s for s, _, _ in group), max(e for _, e, _ in group))
            for _, _, position in group:
                quantity[position], label[position], when[position] = number, text, shown
            number += 1
    # Whole columns at once: one .loc assignment per group was most of the time at size.
    out["quantity"] = pd.array(quantity, dtype="Int64")
    out["quantity_label"] = pd.Series(label, index=out.index, dtype=object)
    out["period"] = pd.Series(when, index=out.index, dtype=object)
    return out


SPREAD_COLUMNS = (
    "quantity",
    "quantity_label",
    "period",
    "measure",
    "currency",
    "category",
    "population",
    "location",
    "value",
    "value_text",
    "qualifier",
    "cited_by",
    "subject",
    "outlets",
    "as_of",
    "as_of_label",
    "citations",
    "figure_ids",
)
# Columns of `compared` whose text pandas infers as strings; the others stay Python objects
# (None where missing), as the reference's groupings leave them.
_INFERRED = ("currency", "population", "cited_by", "subject", "outlets")


def compared(
    figures: pd.DataFrame,
    limit: int = 12,
    values: int = 8,
    window_days: int = WINDOW_DAYS,
) -> pd.DataFrame:
    """The quantities cited with different values, for "Which number to brief?": one row per
    quantity, value and source, with `citations`, `outlets`, `subject`, `qualifier`,
    `as_of_label`, `figure_ids` and the `quantity`, `quantity_label`, `period` of
    `same_quantities`. Head counts come before money, then the largest quantities, at most
    `limit` of them; of each at most `values` values: the lowest, the highest and the most
    cited between them. `figures` holds one row per figure (figure_id, value, value_text,
    qualifier, category, subject, location or place, measure, currency, cited_by, outlet,
    as_of or row_date, precision, as_of_label).

    In plain Python over the rows' values, one pass each: the Figures page asks it on every
    filter change, and pandas groupings of a few thousand rows cost ten times as much
    (`_compared_by_frames` is the same with them, the tests' reference)."""
    if figures.empty:
        return pd.DataFrame(columns=list(SPREAD_COLUMNS))
    rows = same_quantities(figures, window_days)
    n = len(rows)

    def column(name: str, default: object = None) -> list:
        return rows[name].astype(object).tolist() if name in rows else [default] * n

    numbers = column("quantity")
    kept = [i for i in range(n) if not _missing(numbers[i])]
    if not kept:
        return pd.DataFrame(columns=list(SPREAD_COLUMNS))
    value = column("value")
    measure = column("measure", PEOPLE)
    category = column("category")
    subject = column("subject", "")
    dates = rows["as_of"] if "as_of" in rows else rows.get("row_date")
    datetimes = dates is not None and pd.api.types.is_datetime64_dtype(dates)
    if datetimes:
        # Ordered by their integers (NaT, the least, first, as pandas puts missing dates).
        stamps = dates.to_numpy()
        as_of = stamps.view("int64").tolist()
        undated = set(np.flatnonzero(np.isnat(stamps)).tolist())
    else:
        as_of = column("as_of") if "as_of" in rows else column("row_date")
        undated = {i for i in range(n) if _missing(as_of[i])}
    place = column("place") if "place" in rows else column("location")
    # The quantities whose rows cite more than one value; head counts first, then the largest.
    seen: dict[int, dict] = {}
    for i in kept:
        entry = seen.setdefault(
            int(numbers[i]), {"rows": [], "values": set(), "money": False, "largest": None}
        )
        entry["rows"].append(i)
        entry["money"] = entry["money"] or measure[i] == "money"
        v = value[i]
        if not _missing(v):
            entry["values"].add(v)
            entry["largest"] = v if entry["largest"] is None else max(entry["largest"], v)
    differing = sorted(q for q, e in seen.items() if len(e["values"]) > 1)
    if not differing:
        return pd.DataFrame(columns=list(SPREAD_COLUMNS))
    # Stable sorts, last key first: money last, the largest first (none at the end).
    order = sorted(
        differing, key=lambda q: -seen[q]["largest"] if seen[q]["largest"] is not None else 0
    )
    order = sorted(order, key=lambda q: seen[q]["largest"] is None)
    order = sorted(order, key=lambda q: seen[q]["money"])[:limit]
    chosen: list[int] = []
    for q in order:
        part = seen[q]["rows"]
        counts: dict = {}
        for i in part:
            if not _missing(value[i]):
                counts[value[i]] = counts.get(value[i], 0) + 1
        keep = {min(counts), max(counts)}
        for v in sorted(sorted(counts), key=lambda v: -counts[v]):
            if len(keep) >= values:
                break
            keep.add(v)
        chosen += [i for i in part if value[i] in keep]
    # The latest row of each group last (a stable sort by date, undated first).
    chosen = sorted(chosen, key=lambda i: (i not in undated, 0 if i in undated else as_of[i]))
    labels, periods = column("quantity_label"), column("period")
    currency, cited = [_text(c) for c in column("currency", "")], column("cited_by")
    value_text, qualifier = column("value_text"), column("qualifier")
    outlet, ids, as_of_label = column("outlet"), column("figure_id"), column("as_of_label")
    groups: dict[tuple, list[int]] = {}
    for i in chosen:
        groups.setdefault((int(numbers[i]), value[i], _text(cited[i]) or NOT_STATED), []).append(i)

    def first(members: list[int], values: list, blank: bool = False) -> object:
        return next(
            (
                values[i]
                for i in members
                if not _missing(values[i]) and not (blank and values[i] == "")
            ),
            None,
        )

    def last(members: list[int], values: list) -> object:
        return first(members[::-1], values)

    def joined(members: list[int], values: list, sep: str) -> str:
        return sep.join(dict.fromkeys(_text(values[i]) for i in members if _text(values[i])))

    rank = {q: r for r, q in enumerate(order)}
    out: dict[str, list] = {name: [] for name in SPREAD_COLUMNS}
    for (q, v, who), members in sorted(
        groups.items(), key=lambda g: (rank[g[0][0]], g[0][1], g[0][2])
    ):
        out["quantity"].append(q)
        out["quantity_label"].append(first(members, labels))
        out["period"].append(first(members, periods))
        out["measure"].append(first(members, measure))
        out["currency"].append(currency[members[0]])
        out["category"].append(first(members, category))
        out["population"].append(
            population(subject[members[0]], category[members[0]], measure[members[0]])
        )
        out["location"].append(first(members, place))
        out["value"].append(v)
        out["value_text"].append(first(members, value_text, blank=True))
        out["qualifier"].append(first(members, qualifier, blank=True))
        out["cited_by"].append(who)
        out["subject"].append(joined(members, subject, "; "))
        out["outlets"].append(joined(members, outlet, ", "))
        # The latest date's position (undated: none), read from the column below.
        out["as_of"].append(next((i for i in reversed(members) if i not in undated), None))
        out["as_of_label"].append(last(members, as_of_label))
        out["citations"].append(len(members))
        out["figure_ids"].append([str(x) for x in (ids[i] for i in members) if not _missing(x)])
    at = out["as_of"]
    out["as_of"] = [None if i is None or datetimes else as_of[i] for i in at]
    frame = pd.DataFrame(
        {
            name: pd.Series(out[name], dtype=None if name in _INFERRED else object)
            for name in SPREAD_COLUMNS
        }
    )
    if datetimes:
        taken = dates.iloc[[0 if i is None else i for i in at]].reset_index(drop=True)
        frame["as_of"] = taken.where(pd.Series([i is not None for i in at]))
    elif dates is not None:
        frame["as_of"] = frame["as_of"].astype(dates.dtype)
    frame["quantity"] = frame["quantity"].astype("Int64")
    frame["value"] = frame["value"].astype(rows["value"].dtype)
    frame["citations"] = frame["citations"].astype("int64")
    return frame


def _compared_by_frames(
    figures: pd.DataFrame,
    limit: int = 12,
    values: int = 8,
    window_days: int = WINDOW_DAYS,
) -> pd.DataFrame:
    """`compared` with pandas groupings (the reference the tests compare `compared` with:
    the same rows, at ten times the CPU). The quantities cited with different values: one row per
    quantity, value and source, with `citations`, `outlets`, `subject`, `qualifier`,
    `as_of_label`, `figure_ids` and the `quantity`, `quantity_label`, `period` of
    `same_quantities`. Head counts come before money, then the largest quantities, at most
    `limit` of them; of each at most `values` values: the lowest, the highest and the most
    cited between them. `figures` holds one row per figure (figure_id, value, value_text,
    qualifier, category, subject, location or place, measure, currency, cited_by, outlet,
    as_of or row_date, precision, as_of_label)."""
    columns = list(SPREAD_COLUMNS)
    if figures.empty:
        return pd.DataFrame(columns=columns)
    # Plain Python strings: grouping and picking rows of Arrow-backed text costs twice as much.
    figures = figures.astype({c: object for c in figures.columns if figures[c].dtype == "str"})
    rows = same_quantities(figures, window_days)
    rows = rows[rows["quantity"].notna()].copy()
    if rows.empty:
        return pd.DataFrame(columns=columns)
    for column, default in (
        ("measure", PEOPLE),
        ("currency", ""),
        ("subject", ""),
        ("qualifier", None),
        ("outlet", None),
        ("figure_id", None),
        ("as_of_label", None),
    ):
        if column not in rows:
            rows[column] = default
    if "as_of" not in rows:
        rows["as_of"] = rows["row_date"]
    if "place" in rows:
        rows["location"] = rows["place"]
    rows["cited_by"] = rows["cited_by"].map(lambda c: _text(c) or NOT_STATED)
    rows["currency"] = rows["currency"].map(_text)
    rows["population"] = [
        population(s, c, m) for s, c, m in zip(rows["subject"], rows["category"], rows["measure"])
    ]
    differing = rows.groupby("quantity")["value"].nunique()
    rows = rows[rows["quantity"].isin(differing[differing > 1].index)]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    # Head counts first, then the largest quantities.
    order = (
        rows.assign(_money=rows["measure"] == "money")
        .groupby("quantity")
        .agg(money=("_money", "any"), largest=("value", "max"))
        .sort_values(["money", "largest"], ascending=[True, False])
        .head(limit)
    )
    picked = []
    for quantity in order.index:
        part = rows[rows["quantity"] == quantity]
        by_value = part.groupby("value").size().sort_values(ascending=False, kind="stable")
        keep = {part["value"].min(), part["value"].max()}
        for value in by_value.index:
            if len(keep) >= values:
                break
            keep.add(value)
        picked.append(part[part["value"].isin(keep)])
    chosen = pd.concat(picked)

    def joined(series: pd.Series) -> str:
        return "; ".join(dict.fromkeys(_text(v) for v in series if _text(v)))

    def first(series: pd.Series) -> object:
        present = [v for v in series if not _missing(v) and v != ""]
        return present[0] if present else None

    latest = chosen.sort_values("as_of", na_position="first", kind="stable")
    out = (
        latest.groupby(["quantity", "value", "cited_by"], sort=False)
        .agg(
            quantity_label=("quantity_label", "first"),
            period=("period", "first"),
            measure=("measure", "first"),
            currency=("currency", "first"),
            category=("category", "first"),
            population=("population", "first"),
            location=("location", "first"),
            value_text=("value_text", first),
            qualifier=("qualifier", first),
            subject=("subject", joined),
            outlets=("outlet", lambda s: ", ".join(dict.fromkeys(_text(v) for v in s if _text(v)))),
            as_of=("as_of", "last"),
            as_of_label=("as_of_label", "last"),
            citations=("value", "size"),
            figure_ids=("figure_id", lambda s: [str(v) for v in s if not _missing(v)]),
        )
        .reset_index()
    )
    for column in ("qualifier", "value_text"):  # missing is None, as the warehouse has it
        out[column] = pd.Series(
            [None if _missing(v) else v for v in out[column].astype(object)],
            index=out.index,
            dtype=object,
        )
    rank = {q: i for i, q in enumerate(order.index)}
    out["_rank"] = out["quantity"].map(rank)
    out = out.sort_values(["_rank", "value", "cited_by"], kind="stable").drop(columns="_rank")
    return out[columns].reset_index(drop=True)


# --- writing a figure ---------------------------------------------------------------------


def figure_text(value_text: object, qualifier: object = None, currency: object = None) -> str:
    """A figure as a briefing writes it, qualifier included: 'more than 5.6 million',
    'about 34,000', '$500 million'. A sum of money whose text lacks its currency gets the
    sign ('€' + '7 billion'); the qualifier is not repeated when the text already has it."""
    text = _text(value_text)
    sign = _text(currency)
    if sign and text and not _has_currency(text):
        text = f"{sign}{text}"
    words = _text(qualifier)
    if words and not text.lower().startswith(words.lower()):
        text = f"{words} {text}".strip()
    return text


def _has_currency(text: str) -> bool:
    return bool(
        re.search(r"[$€£¥]|\b(?:dollars?|euros?|pounds?|yen|yuan|usd|eur|gbp)\b", text, re.I)
    )


def short_number(value: float) -> str:
    """5600000 -> '5.6M', 25000 -> '25K', 3.6e9 -> '3.6B', 1234 -> '1,234'."""
    if _missing(value):
        return ""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    if abs(value) >= 1e4:
        return f"{value / 1e3:,.0f}K"
    return f"{value:,.0f}"


def money_text(value: float, currency: object = None) -> str:
    """A sum for an axis or a short label: '$500M', '€3.6B'; without a currency, '500M
    (currency not stated)' is left to the caller's title, so just '500M'."""
    return f"{_text(currency)}{short_number(value)}"
