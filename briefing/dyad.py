"""A dyad: one source's stances towards one target over time ("Has Canada's line on Russia
hardened?"), each article weighted once, so one long article with many critical sentences is one
article's worth of criticism, not a trend.

Pure pieces (tested on frames, no warehouse): `per_article` (each article's share of critical,
neutral and supportive stances of the pair), `bin_size` and `by_period` (those shares summed per
month, quarter or year, chosen from the span), `figure` (the chart). The page is
pages/dyad.py; the URL carries `source`, `target` and `side` (country or actor).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from briefing import queries, theme
from briefing.filters import Filters
from briefing.queries import CACHE, Warehouse

SIDES = ("country", "actor")
POLARITY_ORDER = ("critical", "neutral", "supportive")
TONE = {"critical": -1.0, "neutral": 0.0, "supportive": 1.0}
PERIODS = {"M": "month", "Q": "quarter", "Y": "year"}


def link(source: str, target: str, side: str = "country", filters: Filters | None = None) -> str:
    """The dyad page for source → target (a relative URL, every value percent-encoded)."""
    if side not in SIDES:
        raise ValueError(f"a dyad is between countries or actors, not {side!r}")
    params: dict[str, object] = {**(filters.to_query_params() if filters else {})}
    params.update(source=source, target=target, side=side)
    return "dyad?" + urlencode(params, doseq=True)


def per_article(stances: pd.DataFrame) -> pd.DataFrame:
    """One row per article: its date, its stance count and the share of each polarity among the
    pair's stances in it (shares sum to 1), and its tone (supportive 1, neutral 0, critical -1,
    averaged). `stances` has article_id, row_date and polarity; undated articles are dropped
    (they cannot be placed in time) and counted in `attrs["undated"]`."""
    columns = ["article_id", "row_date", "stances", *POLARITY_ORDER, "tone"]
    if stances.empty:
        out = pd.DataFrame(columns=columns)
        out.attrs["undated"] = 0
        return out
    data = stances.copy()
    data["row_date"] = pd.to_datetime(data["row_date"])
    # An article is placed at the date of its pair's stances (the latest, when they differ).
    dated = data.dropna(subset=["row_date"])
    undated = data.loc[~data["article_id"].isin(dated["article_id"]), "article_id"].nunique()
    counts = pd.crosstab(dated["article_id"], dated["polarity"]).reindex(
        columns=list(POLARITY_ORDER), fill_value=0
    )
    total = counts.sum(axis=1)
    shares = counts.div(total, axis=0)
    out = shares.assign(
        stances=total,
        row_date=dated.groupby("article_id")["row_date"].max(),
        tone=sum(shares[p] * TONE[p] for p in POLARITY_ORDER),
    ).reset_index()
    out = out[columns].sort_values(["row_date", "article_id"]).reset_index(drop=True)
    out.attrs["undated"] = int(undated)
    return out


# The most bars a period chart draws before it takes longer periods: at a phone's width (about
# 330 px of plot) sixteen bars stay about 15 px wide, never hairlines.
MAX_BARS = 16


def bin_size(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """The shortest period (month, quarter, year) that spans first..last in at most MAX_BARS
    bars, empty periods included; years beyond that: bars stay readable on a phone."""
    for size in ("M", "Q"):
        periods = len(pd.period_range(first.to_period(size), last.to_period(size), freq=size))
        if periods <= MAX_BARS:
            return size
    return "Y"


def by_period(articles: pd.DataFrame, size: str | None = None) -> pd.DataFrame:
    """Per period: articles, stances, the article-weighted count of each polarity (an article
    whose pair's stances are 2 critical and 1 supportive adds 2/3 and 1/3) and mean tone."""
    columns = ["period", "label", "articles", "stances", *POLARITY_ORDER, "tone"]
    if articles.empty:
        return pd.DataFrame(columns=columns)
    size = size or bin_size(articles["row_date"].min(), articles["row_date"].max())
    period = articles["row_date"].dt.to_period(size)
    grouped = articles.assign(period=period).groupby("period")
    out = grouped[list(POLARITY_ORDER)].sum()
    out["articles"] = grouped.size()
    out["stances"] = grouped["stances"].sum()
    out["tone"] = grouped["tone"].mean()
    # Every period between the first and the last, empty ones too, so gaps in time show.
    every = pd.period_range(out.index.min(), out.index.max(), freq=out.index.freq)
    out = out.reindex(every).rename_axis("period")
    out[[*POLARITY_ORDER, "articles", "stances"]] = out[
        [*POLARITY_ORDER, "articles", "stances"]
    ].fillna(0)
    out[["articles", "stances"]] = out[["articles", "stances"]].astype(int)
    out = out.reset_index()
    out["label"] = [_label(p, size) for p in out["period"]]
    out["period"] = out["period"].dt.start_time
    return out[columns]


def _label(period: pd.Period, size: str) -> str:
    if size == "M":
        return f"{period.start_time:%Y-%m}"
    if size == "Q":
        return f"{period.year} Q{period.quarter}"
    return str(period.year)


def figure(periods: pd.DataFrame, title: str, size: str, source: str) -> go.Figure:
    """Stacked bars: article-weighted stances per period by polarity, each bar as tall as the
    number of articles; the hover gives the raw stance counts and the mean tone. Finished as
    every chart is (briefing.charts: a title that fits a phone, the `source` line at its foot),
    so its slide image and pack slide stand alone."""
    from briefing import charts

    title = charts.plain(title)  # the pair's names come from the warehouse
    fig = go.Figure()
    for polarity in POLARITY_ORDER:
        fig.add_bar(
            x=periods["label"],
            y=periods[polarity],
            name=polarity,
            marker_color=theme.POLARITY_COLOURS[polarity],
            customdata=periods[["articles", "stances", "tone"]].to_numpy(),
            hovertemplate=(
                f"%{{x}} · {polarity}: %{{y:.2f}} of %{{customdata[0]}} article(s)<br>"
                "%{customdata[1]} stance sentence(s) · mean tone %{customdata[2]:+.2f}"
                "<extra></extra>"
            ),
        )
    if len(periods) < 6:  # a few bars stay bar-shaped rather than filling the width
        fig.update_traces(width=0.5)
    fig.update_layout(
        barmode="stack",
        xaxis_title=PERIODS[size],
        yaxis_title="articles (split by polarity)",
        yaxis={"rangemode": "tozero", "tickformat": ",d", "dtick": 1}
        if periods["articles"].max() <= 10
        else {"rangemode": "tozero"},
        xaxis={"type": "category"},
    )
    # Many periods slant their labels on a narrow screen: room below the axis for them, so
    # the source line never sits on them.
    slant = 36 if len(periods) > 6 else 0
    # Its source line runs to four or five rows (the weighting note): room for them on top of
    # the usual height, so the bars keep a readable height.
    fig = charts._finish(
        fig, title, source, legend_title="polarity", foot=slant, height=charts.HEIGHT + 100
    )
    return charts._legend_on_top(fig)


def source_line(stances: pd.DataFrame, filters: str) -> str:
    """The chart's source line: the pair's stance sentences and articles, their dates, the
    filters, and how articles are weighted."""
    from briefing import charts

    dated = stances.dropna(subset=["row_date"])["row_date"]
    first = f"{dated.min():%Y-%m-%d}" if not dated.empty else None
    last = f"{dated.max():%Y-%m-%d}" if not dated.empty else None
    line = charts.source_line(
        len(stances), stances["article_id"].nunique(), first, last, filters, "stance sentences"
    )
    return f"{line} · each article counts once, split by its sentences' polarities"


# --- questions (SQL on the warehouse) ------------------------------------------------------------


@st.cache_data(**CACHE)
def pair_stances(wh: Warehouse, f: Filters, side: str, source: str, target: str) -> pd.DataFrame:
    """The pair's stances under the filters: article_id, row_date, polarity, stance_id."""
    from briefing.evidence import SIDE_ID

    source_sql, target_sql = SIDE_ID[side]
    return queries._run(
        wh,
        "stances",
        f,
        f"""SELECT article_id, row_date, polarity, stance_id FROM rows
            WHERE {source_sql} = ? AND {target_sql} = ?
            ORDER BY row_date NULLS LAST, stance_id""",
        [source, target],
    )
