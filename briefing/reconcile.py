"""Figures reconciled: for one quantity, what each source said as of when ("How many Syrian
refugees are there, by whose count, as of when?").

The quantity is briefing.quantities' (category, population, place, measure and currency: its
`Quantity`); this module adds time. A quantity's figures fall into *as-of periods*
(quantities.same_quantities: as-of dates within a month of each other), and two questions are
kept apart:

- **sources disagree at the same time**: one as-of period, different values. `spreads` gives
  each period's lowest and highest value and who said each; qualifiers are kept, and two
  values a qualifier makes compatible ("more than 5 million" and "5.6 million") are said to be
  so rather than called a disagreement;
- **changed over time**: `over_time` compares each as-of period with the one before it, naming
  the sources on each side (the same source twice is a change; two different sources years
  apart are two counts, to be compared with care).

Where an official series is known for a category (`REFERENCE_AGENCIES`: UNHCR for refugees,
IOM for the displaced...) and the articles cite that agency, `reference` picks it and the chart
draws its latest value as the reference line.

Pure pieces (frames in, frames out; unit-tested without a warehouse): `quantity_key`,
`choices`, `points`, `spreads`, `over_time`, `interval`, `reference`, `figure`. The page is
pages/reconcile.py; the URL carries `quantity` (a `quantity_key`).
"""

from __future__ import annotations

import math
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from briefing import charts, quantities, queries, theme
from briefing.evidence import mark_key
from briefing.filters import Filters
from briefing.queries import Warehouse

# Agencies whose counts are the official series for a category, best first (actor ids of
# data/actors.csv). A figure the articles attribute to one of them is that agency's count as
# the article reports it; the line is drawn from those citations, not from the agency's data.
REFERENCE_AGENCIES: dict[str, tuple[str, ...]] = {
    "refugees": ("unhcr", "unrwa"),
    "resettled": ("unhcr", "iom"),
    "displaced": ("iom", "unhcr", "ocha"),
    "civilians": ("ocha", "unhcr"),
    "besieged": ("ocha",),
    "killed": ("ohchr", "who", "ocha"),
    "injured": ("who", "ocha"),
    "aid_money": ("ocha",),
}

# What a qualifier says about the number it stands before (etl/rules/figure_qualifiers.txt):
# a lower bound, an upper bound or an approximation; anything else is taken as exact.
LOWER_BOUNDS = frozenset(
    {
        "more than",
        "over",
        "just over",
        "well over",
        "upwards of",
        "in excess of",
        "at least",
        "no fewer than",
        "no less than",
    }
)
UPPER_BOUNDS = frozenset(
    {"up to", "under", "just under", "fewer than", "less than", "as many as", "nearly", "almost"}
)
APPROXIMATE = frozenset(
    {"about", "around", "roughly", "approximately", "some", "close to", "an estimated", "estimated"}
)
ROUNDING = 0.1  # "about 34,000" is taken to mean 34,000 give or take a tenth
NEARLY = 0.9  # "nearly 5 million" is at least nine tenths of it

# How the values of one as-of period compare.
ONE_FIGURE = "one figure"
AGREE = "sources agree"
COMPATIBLE = "values differ, qualifiers allow both"
DISAGREE = "sources disagree"
VERDICTS = (DISAGREE, COMPATIBLE, AGREE, ONE_FIGURE)

SOURCE_COLOURS = tuple(c for c in theme.COUNTRY_PALETTE if c not in ("#DDDDDD", "#EEDD88"))
REFERENCE_COLOUR = theme.TEXT
SPREAD_COLOUR = "rgba(213, 94, 0, 0.16)"  # Okabe-Ito vermillion, faint: a band, not a mark
SPREAD_EDGE = "#D55E00"
LABELLED_POINTS = 24  # beyond this many points, values are in the hover only


def _text(value: object) -> str:
    return "" if quantities._missing(value) else str(value).strip()


def quantity_key(what: quantities.Quantity) -> str:
    """The quantity as the URL carries it: 'refugees|people|country:syria', and for money
    'aid_money|money $|country:syria' (category, population or money and currency, place)."""
    unit = what.population
    if what.measure == "money":
        unit = f"money {what.currency}".strip()
    return "|".join((what.category, unit, what.place))


def link(key: str | None, filters: Filters | None = None) -> str:
    """The Figures reconciled page for one quantity (its first when `key` is None; a relative
    URL, every value percent-encoded), under the same filters."""
    params: dict[str, object] = {**(filters.to_query_params() if filters else {})}
    if key:
        params["quantity"] = key
    return "reconcile?" + urlencode(params, doseq=True)


def keyed(figures: pd.DataFrame) -> pd.DataFrame:
    """`figures` with `quantity_key` and `quantity_label` (None for a figure that compares with
    nothing: `other`, or without a place)."""
    out = figures.copy()
    for column in ("as_of", "row_date"):
        if column in out:  # an undated figure's NaT reads as missing (None) in quantities
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    found = [quantities.quantity_of(row) for _, row in out.iterrows()]
    out["quantity_key"] = [quantity_key(q) if q else None for q in found]
    out["quantity_label"] = [q.label if q else None for q in found]
    return out


def keys_of_spread(spread: pd.DataFrame, figures: pd.DataFrame) -> dict[str, str]:
    """The quantities a "Which number to brief?" frame (quantities.compared) shows, as
    {quantity_key: label} in its order, found through its figures' ids in `figures`."""
    if spread.empty or figures.empty or "figure_ids" not in spread:
        return {}
    known = keyed(figures).dropna(subset=["quantity_key"])
    by_id = dict(zip(known["figure_id"].astype(str), known["quantity_key"], strict=True))
    labels = dict(zip(known["quantity_key"], known["quantity_label"], strict=True))
    found: dict[str, str] = {}
    for ids in spread["figure_ids"]:
        for figure_id in ids:
            key = by_id.get(str(figure_id))
            if key is not None:
                found.setdefault(key, labels[key])
    return found


def choices(figures: pd.DataFrame) -> pd.DataFrame:
    """The quantities to choose from, one row each: quantity_key, quantity_label, figures,
    sources (named or not), periods (as-of periods) and values; those cited at more than one
    period or with more than one value first (they have something to reconcile), then the
    most cited."""
    columns = ["quantity_key", "quantity_label", "figures", "sources", "periods", "values"]
    if figures.empty:
        return pd.DataFrame(columns=columns)
    rows = quantities.same_quantities(keyed(figures))
    rows = rows[rows["quantity_key"].notna() & rows["quantity"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    out = (
        rows.groupby(["quantity_key", "quantity_label"], as_index=False)
        .agg(
            figures=("value", "size"),
            sources=("cited_by", "nunique"),
            periods=("quantity", "nunique"),
            values=("value", "nunique"),
        )
        .assign(_busy=lambda d: (d["periods"] > 1) | (d["values"] > 1))
        .sort_values(
            ["_busy", "figures", "sources", "quantity_label"], ascending=[False, False, False, True]
        )
    )
    return out[columns].reset_index(drop=True)


def interval(value: float, qualifier: object) -> tuple[float, float]:
    """The values a figure allows, given its qualifier: 'more than 5.6 million' is
    [5.6 million, ∞), 'up to 3,000' is [0, 3,000], 'nearly 5 million' [4.5, 5] million,
    'about 34,000' 34,000 ± a tenth; a figure without a qualifier is exactly its value."""
    words = _text(qualifier).lower()
    if words in LOWER_BOUNDS:
        return value, math.inf
    if words in ("nearly", "almost"):
        return value * NEARLY, value
    if words in UPPER_BOUNDS:
        return 0.0, value
    if words in APPROXIMATE:
        return value * (1 - ROUNDING), value * (1 + ROUNDING)
    return value, value


def _compatible(spans: list[tuple[float, float]]) -> bool:
    """Whether one number could satisfy every figure (their intervals share a point)."""
    return max(lo for lo, _ in spans) <= min(hi for _, hi in spans)


def points(figures: pd.DataFrame, key: str, window_days: int = quantities.WINDOW_DAYS):
    """What each source said of one quantity, as of when: one row per as-of period, source,
    value and qualifier, with `period` (its number, in date order), `period_label`, `as_of`
    (the earliest as-of date of the row's figures), `as_of_label`, `shown` (the figure as
    written, qualifier kept: 'more than 5.6 million'), `cited_by`, `cited_by_id`,
    `citations`, `outlets`, `figure_ids` (the evidence), `low`/`high` (what the qualifier
    allows) and `verdict` (how the period's values compare: see VERDICTS). `figures` holds
    figure rows as queries give them (value, value_text, qualifier, category, subject, place,
    location_country, measure, currency, cited_by, cited_by_id, outlet, as_of, precision,
    as_of_label, figure_id). Undated figures cannot be placed in time: they are left out and
    counted in `attrs["undated"]`, their ids in `attrs["undated_ids"]`."""
    columns = [
        "period",
        "period_label",
        "as_of",
        "as_of_label",
        "value",
        "value_text",
        "qualifier",
        "shown",
        "cited_by",
        "cited_by_id",
        "citations",
        "outlets",
        "figure_ids",
        "article_ids",
        "low",
        "high",
        "verdict",
        "category",
        "measure",
        "currency",
    ]
    empty = pd.DataFrame(columns=columns)
    empty.attrs["undated"] = 0
    empty.attrs["undated_ids"] = []
    if figures.empty:
        return empty
    rows = keyed(figures)
    rows = rows[rows["quantity_key"] == key].copy()
    if rows.empty:
        return empty
    for column, default in (
        ("qualifier", None),
        ("cited_by", quantities.NOT_STATED),
        ("cited_by_id", None),
        ("outlet", None),
        ("figure_id", None),
        ("article_id", None),
        ("measure", quantities.PEOPLE),
        ("currency", ""),
        ("value_text", None),
    ):
        if column not in rows:
            rows[column] = default
    if "as_of" not in rows:
        rows["as_of"] = rows["row_date"]
    if "as_of_label" not in rows:
        rows["as_of_label"] = [
            None if quantities._missing(d) else f"{pd.Timestamp(d):%Y-%m-%d}" for d in rows["as_of"]
        ]
    grouped = quantities.same_quantities(rows, window_days)
    undated_ids = [str(i) for i in grouped.loc[grouped["quantity"].isna(), "figure_id"] if _text(i)]
    undated = int(grouped["quantity"].isna().sum())
    grouped = grouped[grouped["quantity"].notna()].copy()
    if grouped.empty:
        empty.attrs["undated"] = undated
        empty.attrs["undated_ids"] = undated_ids
        return empty
    grouped["as_of"] = pd.to_datetime(grouped["as_of"])
    grouped["period_label"] = grouped["period"]  # same_quantities' 'Dec 2016', '2016'
    # Periods numbered in date order (same_quantities numbers them in date order already
    # within one Quantity; renumbering makes them 0, 1, 2...).
    order = grouped.groupby("quantity")["as_of"].min().sort_values()
    grouped["period"] = grouped["quantity"].map({q: i for i, q in enumerate(order.index)})
    grouped["cited_by"] = grouped["cited_by"].map(lambda c: _text(c) or quantities.NOT_STATED)
    grouped["qualifier"] = grouped["qualifier"].map(lambda q: _text(q).lower() or None)
    grouped["currency"] = grouped["currency"].map(_text)
    grouped["shown"] = [
        quantities.figure_text(t or charts.format_number(v), q, c if m == "money" else None)
        for t, q, c, m, v in zip(
            grouped["value_text"].map(_text),
            grouped["qualifier"],
            grouped["currency"],
            grouped["measure"],
            grouped["value"],
        )
    ]
    grouped["_qualifier"] = grouped["qualifier"].fillna("")

    def joined(series: pd.Series) -> str:
        return ", ".join(dict.fromkeys(_text(v) for v in series if _text(v)))

    ordered = grouped.sort_values(["as_of", "figure_id"], kind="stable")
    out = (
        ordered.groupby(["period", "cited_by", "value", "_qualifier"], sort=False)
        .agg(
            period_label=("period_label", "first"),
            as_of=("as_of", "min"),
            as_of_label=("as_of_label", "first"),
            value_text=("value_text", "first"),
            qualifier=("qualifier", "first"),
            shown=("shown", "first"),
            cited_by_id=("cited_by_id", "first"),
            citations=("value", "size"),
            outlets=("outlet", joined),
            figure_ids=("figure_id", lambda s: [str(v) for v in s if _text(v)]),
            article_ids=("article_id", lambda s: sorted({str(v) for v in s if _text(v)})),
            category=("category", "first"),
            measure=("measure", "first"),
            currency=("currency", "first"),
        )
        .reset_index()
        .drop(columns="_qualifier")
    )
    spans = [interval(float(v), q) for v, q in zip(out["value"], out["qualifier"])]
    out["low"] = [lo for lo, _ in spans]
    out["high"] = [hi for _, hi in spans]
    out["verdict"] = out["period"].map(_verdicts(out))
    out = out.sort_values(["period", "value", "cited_by"], kind="stable").reset_index(drop=True)
    out = out[columns]
    out.attrs["undated"] = undated
    out.attrs["undated_ids"] = undated_ids
    return out


def _verdicts(out: pd.DataFrame) -> dict[int, str]:
    verdicts = {}
    for period, part in out.groupby("period"):
        if part["value"].nunique() > 1:
            spans = list(zip(part["low"], part["high"]))
            verdicts[period] = COMPATIBLE if _compatible(spans) else DISAGREE
        elif part["cited_by"].nunique() > 1:
            verdicts[period] = AGREE
        else:
            verdicts[period] = ONE_FIGURE
    return verdicts


def _said(part: pd.DataFrame) -> str:
    """'25,000 (John McCallum); about 34,000 (source not stated)', lowest first."""
    return "; ".join(
        f"{shown} ({who})"
        for shown, who in zip(part["shown"], part["cited_by"])
        if isinstance(shown, str)
    )


def spreads(found: pd.DataFrame) -> pd.DataFrame:
    """One row per as-of period (sources disagree at the same time, or not): period,
    period_label, as_of (its first day), low, high, low_shown, high_shown, values (how many
    different values), sources, said (every value with who said it) and verdict."""
    columns = [
        "period",
        "period_label",
        "as_of",
        "low",
        "high",
        "low_shown",
        "high_shown",
        "values",
        "sources",
        "said",
        "verdict",
    ]
    if found.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for period, part in found.groupby("period", sort=True):
        part = part.sort_values("value", kind="stable")
        rows.append(
            {
                "period": period,
                "period_label": part["period_label"].iloc[0],
                "as_of": part["as_of"].min(),
                "low": float(part["value"].iloc[0]),
                "high": float(part["value"].iloc[-1]),
                "low_shown": part["shown"].iloc[0],
                "high_shown": part["shown"].iloc[-1],
                "values": int(part["value"].nunique()),
                "sources": int(part["cited_by"].nunique()),
                "said": _said(part),
                "verdict": part["verdict"].iloc[0],
            }
        )
    return pd.DataFrame(rows, columns=columns)


def over_time(found: pd.DataFrame) -> pd.DataFrame:
    """Changed over time: each as-of period beside the one before it. from_period, to_period,
    from_said, to_said (values with who), change (the middle value's relative change: +0.50 is
    half as many again), same_sources (sources cited in both periods: their change is a
    change; with none, two different counts are being compared; an unstated source is never
    the same source) and sources ('UNHCR both
    times' or 'United Nations, then UNHCR')."""
    columns = [
        "from_period",
        "to_period",
        "from_said",
        "to_said",
        "change",
        "same_sources",
        "sources",
    ]
    if found.empty or found["period"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    periods = [part for _, part in found.groupby("period", sort=True)]
    rows = []
    for before, after in zip(periods, periods[1:]):
        was, now = float(before["value"].median()), float(after["value"].median())
        then_sources = list(dict.fromkeys(before["cited_by"]))
        now_sources = list(dict.fromkeys(after["cited_by"]))
        # Two unstated sources are not known to be one source.
        same = [s for s in now_sources if s in then_sources and s != quantities.NOT_STATED]
        if same:
            sources = f"{', '.join(same)} both times"
        else:
            sources = f"{', '.join(then_sources)}, then {', '.join(now_sources)}"
        rows.append(
            {
                "from_period": before["period_label"].iloc[0],
                "to_period": after["period_label"].iloc[0],
                "from_said": _said(before.sort_values("value", kind="stable")),
                "to_said": _said(after.sort_values("value", kind="stable")),
                "change": (now - was) / was if was else math.nan,
                "same_sources": ", ".join(same),
                "sources": sources,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def reference(found: pd.DataFrame) -> tuple[str, str] | None:
    """The official series cited for the quantity, as (actor id, name): the agency of
    REFERENCE_AGENCIES for its category that the figures cite, best first; None when none is
    cited."""
    if found.empty:
        return None
    category = found["category"].iloc[0]
    cited = dict(zip(found["cited_by_id"].map(_text), found["cited_by"].map(_text), strict=True))
    for agency in REFERENCE_AGENCIES.get(category, ()):
        if agency in cited:
            return agency, cited[agency]
    return None


def reference_series(found: pd.DataFrame, agency: str) -> pd.DataFrame:
    """The agency's readings, one per as-of period: its most cited value there (the latest
    when tied), in date order."""
    mine = found[found["cited_by_id"].map(_text) == agency]
    if mine.empty:
        return mine
    best = (
        mine.sort_values(["period", "citations", "as_of"], kind="stable").groupby("period").tail(1)
    )
    return best.sort_values("as_of").reset_index(drop=True)


def _range(period: pd.Series) -> str:
    """A period's values as a sentence says them: '3.73 million' or '25,000 to about 34,000'."""
    if period["values"] == 1:
        return period["low_shown"]
    return f"{period['low_shown']} to {period['high_shown']}"


def summary(found: pd.DataFrame, label: str) -> str:
    """One sentence on the quantity: how many figures, sources and as-of periods, where
    sources disagree, how it changed, and the official series' latest value."""
    if found.empty:
        return f"No dated figures of {label} under these filters."
    band = spreads(found)
    figures = int(found["citations"].sum())
    parts = [
        f"{label}: {figures:,} figure{'s' if figures != 1 else ''} from "
        f"{found['cited_by'].nunique():,} source(s) over {len(band):,} as-of period(s)"
    ]
    split = band[band["verdict"] == DISAGREE]
    if not split.empty:
        widest = split.assign(ratio=split["high"] / split["low"].where(split["low"] > 0)).fillna(
            {"ratio": math.inf}
        )
        top = widest.sort_values("ratio", ascending=False).iloc[0]
        parts.append(
            f"sources disagree in {len(split):,} (widest {top['period_label']}: "
            f"{top['low_shown']} to {top['high_shown']})"
        )
    else:
        parts.append("no two sources disagree at the same time")
    if len(band) > 1:
        first, last = band.iloc[0], band.iloc[-1]
        parts.append(
            f"first {_range(first)} ({first['period_label']}), "
            f"latest {_range(last)} ({last['period_label']})"
        )
    picked = reference(found)
    if picked:
        latest = reference_series(found, picked[0]).iloc[-1]
        parts.append(f"{picked[1]}'s latest: {latest['shown']} as of {latest['as_of_label']}")
    return "; ".join(parts) + "."


def every_figure(found: pd.DataFrame) -> str:
    """The mark (evidence.mark_key) of every figure of the quantity, undated ones included."""
    ids = [i for group in found["figure_ids"] for i in group]
    return mark_key("figures", ids=ids + list(found.attrs.get("undated_ids", [])))


def source_of(found: pd.DataFrame, filters: str = "") -> str:
    """The chart's source line: the quantity's figures, articles and as-of dates."""
    if found.empty:
        return charts.source_line(0, 0, None, None, filters, "figures")
    articles = {a for group in found["article_ids"] for a in group}
    return charts.source_line(
        int(found["citations"].sum()),
        len(articles),
        found.loc[found["as_of"].idxmin(), "as_of_label"],
        found.loc[found["as_of"].idxmax(), "as_of_label"],
        filters,
        "figures",
    )


def export_frame(found: pd.DataFrame) -> pd.DataFrame:
    """What the chart's CSV holds: one row per point, the figure as written and its value."""
    columns = {
        "period_label": "as-of period",
        "as_of_label": "as of",
        "shown": "figure",
        "value": "value",
        "qualifier": "qualifier",
        "cited_by": "cited by",
        "citations": "citations",
        "outlets": "outlets",
        "verdict": "at this period",
    }
    out = found[list(columns)].rename(columns=columns)
    out["figure ids"] = [" ".join(ids) for ids in found["figure_ids"]]
    return out.reset_index(drop=True)


# --- the chart ------------------------------------------------------------------------------


def _colours(sources: list[str], agency_name: str | None) -> dict[str, str]:
    """A colour per source, the reference agency in the text colour and an unstated source in
    grey, so neither is mistaken for another source."""
    colours: dict[str, str] = {}
    palette = iter(SOURCE_COLOURS * (1 + len(sources) // len(SOURCE_COLOURS)))
    for source in sources:
        if source == agency_name:
            colours[source] = REFERENCE_COLOUR
        elif source == quantities.NOT_STATED:
            colours[source] = theme.UNKNOWN
        else:
            colours[source] = next(palette)
    return colours


def _padded(first: pd.Timestamp, last: pd.Timestamp, share: float = 0.08) -> list:
    span = max(last - first, pd.Timedelta(days=60))
    return [first - span * share, last + span * share * 2.5]


def _label_positions(found: pd.DataFrame, x_range: list) -> dict[object, str]:
    """Where each point writes its value: within an as-of period the lowest value below its
    point and the others above (so a spread's labels grow apart, not into each other); a single
    value above its point when it is higher than every value of the period before, below when
    lower, else alternating from one date to the next. Near an edge a value grows
    inwards, so it stays inside the chart on a phone too."""
    span = (x_range[1] - x_range[0]) / pd.Timedelta(days=1)
    placement: dict[object, str] = {}
    before: pd.Series | None = None  # the previous period's values
    for number, (_, part) in enumerate(found.groupby("period", sort=True)):
        ordered = part.sort_values("value", kind="stable")
        for rank, (i, day) in enumerate(ordered["as_of"].items()):
            value = ordered.at[i, "value"]
            if len(ordered) > 1:
                vertical = "bottom" if rank == 0 else "top"
            elif before is not None and value >= before.max():
                vertical = "top"  # away from the previous period's labels
            elif before is not None and value <= before.min():
                vertical = "bottom"
            else:
                vertical = "top" if number % 2 == 0 else "bottom"
            share = ((day - x_range[0]) / pd.Timedelta(days=1)) / span
            side = "right" if share < 0.25 else "left" if share > 0.75 else "center"
            placement[i] = f"{vertical} {side}"
        before = ordered["value"]
    return placement


def figure(found: pd.DataFrame, title: str, source: str) -> go.Figure:
    """Each source's figures over time (one colour and line per source, the figure as written
    on each point), every as-of period where sources disagree as a shaded band from its lowest
    to its highest value, and the official series' latest value as a dashed reference line.
    Each point carries the ids of its figures (evidence.mark_key) for evidence on click."""
    title = charts.plain(title)  # the quantity's label holds a place name from an article
    if found.empty:
        return charts.empty_figure(title, source, "No dated figures of this quantity.")
    lists = ["figure_ids", "article_ids"]
    found = charts.plain_frame(found.drop(columns=lists)).assign(
        **{c: found[c].values for c in lists}
    )
    picked = reference(found)
    agency_name = picked[1] if picked else None
    first, last = found["as_of"].min(), found["as_of"].max()
    x_range = _padded(first, last)
    fig = go.Figure()
    band = spreads(found)
    band = band[band["verdict"] == DISAGREE]
    pad = (x_range[1] - x_range[0]) * 0.015  # a band stays visible when its dates are one day
    for row in band.itertuples(index=False):
        part = found[found["period"] == row.period]
        left, right = part["as_of"].min() - pad, part["as_of"].max() + pad
        fig.add_scatter(
            x=[left, right, right, left, left],
            y=[row.low, row.low, row.high, row.high, row.low],
            fill="toself",
            fillcolor=SPREAD_COLOUR,
            line={"color": SPREAD_EDGE, "width": 1, "dash": "dot"},
            mode="lines",
            name="sources disagree (same as-of period)",
            legendgroup="spread",
            showlegend=bool(row.period == band["period"].iloc[0]),
            hoveron="fills",
            text=f"{row.period_label}: {row.low_shown} to {row.high_shown}, "
            f"{row.sources} source(s)",
            hoverinfo="text",
        )
    sources = list(dict.fromkeys(found.sort_values("as_of")["cited_by"]))
    colours = _colours(sources, agency_name)
    labelled = len(found) <= LABELLED_POINTS
    placement = _label_positions(found, x_range)
    for who in sources:
        part = found[found["cited_by"] == who].sort_values("as_of", kind="stable")
        marks = [mark_key("figures", ids=list(ids)) for ids in part["figure_ids"]]
        official = who == agency_name
        # Figures with no source stated are not one source's series: no line joins them.
        joined = "markers" if who == quantities.NOT_STATED else "lines+markers"
        fig.add_scatter(
            x=part["as_of"],
            y=part["value"],
            mode=f"{joined}+text" if labelled else joined,
            name=f"{who} (official series)" if official else who,
            legendgroup=who,
            line={"color": colours[who], "width": 1.5},
            marker={
                "size": 13 if official else 11,
                "symbol": "diamond" if official else "circle",
                "color": colours[who],
                "line": {"width": 1, "color": "white"},
            },
            text=[f"<b>{s}</b>" for s in part["shown"]] if labelled else None,
            textposition=[placement[i] for i in part.index],
            textfont={"size": theme.SCREEN.label, "color": theme.TEXT},
            # A selected point stands out; the others stay legible (Plotly's default fades
            # them to near white).
            unselected={"marker": {"opacity": 0.45}, "textfont": {"color": theme.MUTED_TEXT}},
            customdata=part[
                [
                    "shown",
                    "cited_by",
                    "as_of_label",
                    "period_label",
                    "outlets",
                    "citations",
                    "verdict",
                ]
            ]
            .fillna("")
            .assign(_mark=marks)
            .to_numpy(),
            hovertemplate=(
                "<b>%{customdata[0]}</b> · cited by %{customdata[1]}<br>"
                "as of %{customdata[2]} (period %{customdata[3]}: %{customdata[6]})<br>"
                "in %{customdata[4]} · %{customdata[5]} citation(s) · click for the sentences"
                "<extra></extra>"
            ),
            cliponaxis=False,
        )
    if picked:
        series = reference_series(found, picked[0])
        latest = series.iloc[-1]
        fig.add_scatter(
            x=x_range,
            y=[latest["value"], latest["value"]],
            mode="lines",
            # Two lines, so the legend fits a phone.
            name=f"reference: {agency_name}'s latest,<br>{latest['shown']} "
            f"({latest['as_of_label']})",
            line={"color": REFERENCE_COLOUR, "width": 1.5, "dash": "dash"},
            hoverinfo="text",
            text=f"{agency_name} (official series, as cited): {latest['shown']} as of "
            f"{latest['as_of_label']}",
        )
    axis = charts.value_axis(found["value"], found["measure"].iloc[0], found["currency"].iloc[0])
    if axis.get("type") != "log":
        axis["range"] = [0, float(found["value"].max()) * 1.25]
    fig.update_yaxes(**axis)
    fig.update_xaxes(range=x_range, title="as-of date (else publication date)")
    fig = charts._finish(fig, title, source, height=540, subtitle="by source and as-of date")
    return charts._legend_on_top(fig.update_layout(margin={"r": 30}), per_line=2)


# --- questions (SQL on the warehouse) ------------------------------------------------------------


def quantity_figures(wh: Warehouse, f: Filters, limit: int = 5000) -> pd.DataFrame:
    """Every figure that may be reconciled under the filters (see `queries.quantity_figures`,
    the same query the Figures page's spread reads)."""
    return queries.quantity_figures(wh, f, limit)


def figure_links(figures: pd.DataFrame, filters: Filters | None = None) -> dict[str, str]:
    """{figure_id: the Figures reconciled page for that figure's quantity} for the figures of
    `figures` (quantity_figures' rows) that compare with others (a known category and place),
    so an analyst goes from one number to every source's number for the same quantity."""
    if figures.empty:
        return {}
    known = keyed(figures).dropna(subset=["quantity_key"])
    return {
        str(i): link(key, filters)
        for i, key in zip(known["figure_id"], known["quantity_key"], strict=True)
    }


QUANTITY_COLUMN = st.column_config.LinkColumn(
    "same quantity",
    display_text="All sources",
    help="Every source's figure for the same quantity (category, people, place) over time",
    width="small",
)
