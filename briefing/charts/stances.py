"""Stances and statements: the balance of stances, statements over time, stance bars per
source → target pair, the stance matrix and stances over time."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from briefing import theme
from briefing.charts.common import (
    HEIGHT,
    TIME_BINS,
    _binned_bars,
    _count_axis,
    _finish,
    _legend_on_top,
    _marks,
    _one_article_key,
    _plain_inputs,
    _short,
    _tall_enough,
    binned,
    empty_figure,
    month_range,
    unit_of,
)


@_plain_inputs
def stance_balance(df: pd.DataFrame, source: str) -> go.Figure:
    """Bars of stances per polarity (columns: polarity, stances)."""
    title = "Balance of stances"
    if df.empty:
        return empty_figure(title, source)
    df = (
        df.set_index("polarity")
        .reindex(list(theme.POLARITY_ORDER))
        .fillna({"stances": 0})
        .reset_index()
    )
    fig = go.Figure(
        go.Bar(
            x=df["stances"],
            y=df["polarity"],
            orientation="h",
            text=df["stances"].astype(int),
            textposition="auto",
            marker_color=[theme.POLARITY_COLOURS[p] for p in df["polarity"]],
            hovertemplate="%{y}: %{x} stances<extra></extra>",
        )
    )
    fig.update_xaxes(title="stances", dtick=1 if df["stances"].max() < 10 else None)
    return _finish(fig, title, source, height=320)


@_plain_inputs
def statements_over_time(
    df: pd.DataFrame, source: str, colours: Mapping[str, str], top: int = 8
) -> go.Figure:
    """Stacked bars of statements by speaker country (month, country_id, country, statements,
    optionally article_id) per month, quarter or year as the span demands (time_bin)."""
    if df.empty:
        return empty_figure("Statements over time, by speaker's country", source)
    unit = unit_of(df)
    title = f"Statements per {unit}, by speaker's country"
    df = df.copy()
    df["country"] = df["country"].fillna(theme.NO_COUNTRY)
    # Most statements first, ties by name (a stable sort of the names' order).
    totals = df.groupby("country")["statements"].sum().sort_values(ascending=False, kind="stable")
    if "period" in df:  # binned by the query, its `top` countries kept and the rest 'other'
        totals = totals.drop(index="other", errors="ignore")
    keep = set(totals.index[:top])
    df.loc[~df["country"].isin(keep), ["country", "country_id"]] = ["other", None]
    df = binned(df, "statements", ["country", "country_id"], unit)
    fig = go.Figure()
    order = [c for c in totals.index if c in keep] + (
        ["other"] if (df["country"] == "other").any() else []
    )
    for country in order:
        part = df[df["country"] == country]
        cid = part["country_id"].iloc[0] if not part.empty else None
        colour = (
            theme.OTHER_GROUP
            if country == "other"
            else theme.colour_for(cid if isinstance(cid, str) else None, colours)
        )
        _binned_bars(fig, part, "statements", country, colour, unit, country)
    _one_article_key(fig, df)
    fig.update_layout(barmode="stack")
    months, tick = TIME_BINS[unit]
    fig.update_xaxes(title=None, tickformat=tick, range=month_range(df["period"], months))
    fig.update_yaxes(**_count_axis(df.groupby("period")["statements"].sum(), "statements"))
    return _keyed_on_top(fig, title, source)


@_plain_inputs
def stance_bars(df: pd.DataFrame, source: str, top: int = 20, side: str = "country") -> go.Figure:
    """Stacked horizontal bars of stances per source → target pair (source, target, polarity, stances)."""
    title = f"Who criticises or supports whom (by {side})"
    if df.empty:
        return empty_figure(title, source)
    df = df.copy()
    # A long pair takes two lines (source →, target) rather than a phone's whole width.
    df["pair"] = [pair_label(s, t) for s, t in zip(df["source"], df["target"])]
    totals = df.groupby("pair")["stances"].sum().sort_values(ascending=False)
    pairs = list(totals.index[:top])
    df = df[df["pair"].isin(pairs)]
    fig = go.Figure()
    for polarity in theme.POLARITY_ORDER:
        part = df[df["polarity"] == polarity]
        if part.empty:
            continue
        marks = _marks(
            part,
            "stances",
            {"side": side},
            source="source_id",
            target="target_id",
            polarity="polarity",
        )
        fig.add_bar(
            x=part["stances"],
            y=part["pair"],
            orientation="h",
            name=polarity,
            marker_color=theme.POLARITY_COLOURS[polarity],
            hovertemplate="%{y}<br>" + polarity + ": %{x}<extra></extra>",
            customdata=None if marks is None else [[m] for m in marks],
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=pairs[::-1], title=None)
    fig.update_xaxes(title="stances", dtick=1 if totals.max() < 10 else None)
    subtitle = f" (top {top} of {len(totals)} pairs)" if len(totals) > top else ""
    row = 34 if any("<br>" in p for p in pairs) else 26

    def finished(height: int) -> go.Figure:
        done = _finish(go.Figure(fig), title + subtitle, source, height, legend_title="polarity")
        return _legend_on_top(done)

    return _tall_enough(finished, row * len(pairs))


PAIR_CHARS = 24  # characters of a 'source → target' label line; a longer pair takes two lines


def pair_label(source: object, target: object) -> str:
    """'Canada → Russia', or for a long pair 'Alexander Darchiev →<br>United States': broken
    at the arrow, so a phone's chart keeps its bars (each name shortened past 26 characters;
    the hover and the data have it whole)."""
    one = f"{_short(source, 26)} → {_short(target, 26)}"
    return one if len(one) <= PAIR_CHARS else f"{_short(source, 26)} →<br>{_short(target, 26)}"


def short_labels(names: list[str], width: int) -> list[str]:
    """Each name shortened to `width` characters with '…', distinct: two names that shorten
    alike are told apart by a number, so no two rows or columns merge into one."""
    out: list[str] = []
    for name in names:
        label = _short(name, width)
        if label in out:
            n = 2
            while f"{_short(name, width - 3)} {n}" in out:
                n += 1
            label = f"{_short(name, width - 3)} {n}"
        out.append(label)
    return out


def _signed(n: int) -> str:
    """'+3', '−2' (a true minus), '0'."""
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"


MATRIX_LABEL = 22  # characters of a row or column name; the hover has it whole


@_plain_inputs
def stance_matrix(
    df: pd.DataFrame,
    source: str,
    top: int = 15,
    side: str = "country",
    label_width: int = MATRIX_LABEL,
    columns: int | None = None,
) -> go.Figure:
    """Source × target heatmap of net tone. Colour and number say the same thing: the number
    is the net count (supportive − critical stances, signed), the colour that net as a share
    of all stances between the pair (−1 all critical … +1 all supportive); the hover gives the
    count of each polarity. Names are shortened (never alike) and slanted so that columns
    never collide; the hover has them whole. The `top` sources (rows) and the `columns`
    (default `top`) targets with most stances; when targets are left out, a subtitle says how
    many are shown."""
    title = f"Stance matrix: source × target (by {side})"
    columns = columns or top
    if df.empty:
        return empty_figure(title, source)
    wide = df.pivot_table(
        index=["source", "target"],
        columns="polarity",
        values="stances",
        aggfunc="sum",
        fill_value=0,
    )
    for polarity in theme.POLARITY_ORDER:
        if polarity not in wide:
            wide[polarity] = 0
    wide["total"] = wide[list(theme.POLARITY_ORDER)].sum(axis=1)
    wide["balance"] = wide["supportive"] - wide["critical"]
    wide["net"] = wide["balance"] / wide["total"]
    wide = wide.reset_index()
    sources = list(wide.groupby("source")["total"].sum().sort_values(ascending=False).index[:top])
    every_target = wide.groupby("target")["total"].sum().sort_values(ascending=False).index
    targets = list(every_target[:columns])
    subtitle = (
        f"the {len(targets)} targets with most stances, of {len(every_target)}"
        if columns < top and len(every_target) > len(targets)
        else None
    )
    wide = wide[wide["source"].isin(sources) & wide["target"].isin(targets)]
    # A source with no stance on any target shown (the busiest few, on a phone) is an empty row.
    sources = [s for s in sources if s in set(wide.loc[wide["total"] > 0, "source"])]
    row_label = dict(zip(sources, short_labels(sources, label_width)))
    column_label = dict(zip(targets, short_labels(targets, label_width)))

    def grid(column: str) -> pd.DataFrame:
        return wide.pivot(index="source", columns="target", values=column).reindex(
            index=sources, columns=targets
        )

    detail = wide.assign(
        d=[
            f"{s} → {t}<br>{c} critical, {n} neutral, {p} supportive<br>"
            f"net {_signed(int(b))} of {int(total)} stance{'s' if total != 1 else ''}"
            for s, t, c, n, p, b, total in zip(
                wide["source"], wide["target"], wide["critical"], wide["neutral"],
                wide["supportive"], wide["balance"], wide["total"],
            )
        ]
    )  # fmt: skip
    fig = go.Figure(
        go.Heatmap(
            z=grid("net").values,
            x=[column_label[t] for t in targets],
            y=[row_label[s] for s in sources],
            zmin=-1,
            zmax=1,
            text=grid("balance").map(lambda v: "" if pd.isna(v) else _signed(int(v))).values,
            texttemplate="%{text}",
            textfont={"size": theme.SCREEN.label + 2},
            customdata=detail.pivot(index="source", columns="target", values="d")
            .reindex(index=sources, columns=targets)
            .fillna("")
            .values,
            colorscale=[
                [0, theme.POLARITY_COLOURS["critical"]],
                [0.5, "#F7F7F7"],
                [1, theme.POLARITY_COLOURS["supportive"]],
            ],
            # Across the top, under the title: at the right it would take a third of a
            # phone's width from the cells.
            colorbar={
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "xref": "paper",
                "len": 1.0,
                "lenmode": "fraction",
                "thickness": 12,
                # Inside the ends, so the end labels are not cut by the chart's edge.
                "tickvals": [-0.8, 0, 0.8],
                "ticktext": ["all critical", "balanced", "all supportive"],
            },
            hovertemplate="%{customdata}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    _selectable_cells(fig, df, wide, side, row_label, column_label)
    fig.update_yaxes(autorange="reversed", title="source")
    # Slanted at 45° a column needs only about 1.5 lines of type across, so names never collide.
    fig.update_xaxes(title="target", side="bottom", tickangle=-45)
    longest = max(len(column_label[t]) for t in targets)
    slant = int(0.55 * (theme.SCREEN.body) * longest * 0.71)
    colour_key = 48  # px between the title and the cells for the colour key
    fig = _finish(
        fig,
        title,
        source,
        height=max(380, 170 + 38 * len(sources)) + slant + colour_key,
        foot=slant,
        key_band=colour_key,
        subtitle=subtitle,
    )
    return fig


def _selectable_cells(
    fig: go.Figure,
    df: pd.DataFrame,
    wide: pd.DataFrame,
    side: str,
    row_label: Mapping[str, str],
    column_label: Mapping[str, str],
) -> None:
    """Plotly cannot select heatmap cells: an invisible square over each filled cell carries
    its evidence key (source → target, all polarities) and its hover, and outlines the cell
    once selected."""
    pairs = df.drop_duplicates(["source", "target"])
    marks = _marks(pairs, "stances", {"side": side}, source="source_id", target="target_id")
    if marks is None or wide.empty:
        return
    key = dict(zip(zip(pairs["source"], pairs["target"]), marks))
    cells = wide[wide["total"] > 0]
    fig.data[0].hoverinfo = "skip"
    fig.add_scatter(
        x=[column_label[t] for t in cells["target"]],
        y=[row_label[s] for s in cells["source"]],
        mode="markers",
        marker={
            "size": 30,
            "symbol": "square-open",
            "color": theme.TEXT,
            "opacity": 0,
            "line": {"width": 3},
        },  # fmt: skip
        selected={"marker": {"opacity": 1}},
        unselected={"marker": {"opacity": 0}},
        customdata=[
            [
                f"{src} → {tgt}<br>{c} critical, {n} neutral, {s} supportive<br>"
                f"net {_signed(int(b))} of {int(total)} stance{'s' if total != 1 else ''}",
                key.get((src, tgt)),
            ]
            for c, n, s, b, total, src, tgt in zip(
                cells["critical"],
                cells["neutral"],
                cells["supportive"],
                cells["balance"],
                cells["total"],
                cells["source"],
                cells["target"],
            )
        ],  # fmt: skip
        hovertemplate="%{customdata[0]}<extra></extra>",
        showlegend=False,
    )


@_plain_inputs
def stances_over_time(df: pd.DataFrame, source: str) -> go.Figure:
    """Stacked bars of stances by polarity (month, polarity, stances, optionally article_id)
    per month, quarter or year as the span demands (time_bin)."""
    if df.empty:
        return empty_figure("Stances over time", source)
    unit = unit_of(df)
    title = f"Stances per {unit}"
    df = binned(df, "stances", ["polarity"], unit)
    fig = go.Figure()
    for polarity in theme.POLARITY_ORDER:
        part = df[df["polarity"] == polarity]
        if not part.empty:
            colour = theme.POLARITY_COLOURS[polarity]
            _binned_bars(fig, part, "stances", polarity, colour, unit, polarity)
    _one_article_key(fig, df)
    fig.update_layout(barmode="stack")
    months, tick = TIME_BINS[unit]
    fig.update_xaxes(title=None, tickformat=tick, range=month_range(df["period"], months))
    fig.update_yaxes(**_count_axis(df.groupby("period")["stances"].sum(), "stances"))
    return _keyed_on_top(fig, title, source, "polarity")


TIME_PLOT = 280  # px of a time chart's bars, whatever its legend takes


def _keyed_on_top(fig: go.Figure, title: str, source: str, legend: str | None = None):
    """A time chart finished with its legend between the title and the bars: at the right, a
    legend of countries takes most of a phone's width from the bars. As tall as the legend's
    lines need, so the bars keep TIME_PLOT px."""

    def finished(height: int) -> go.Figure:
        done = _finish(go.Figure(fig), title, source, height, legend_title=legend)
        return _legend_on_top(done)

    return _tall_enough(finished, TIME_PLOT, least=HEIGHT)
