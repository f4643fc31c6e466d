"""Chart builders: a DataFrame in, a Plotly figure out, nothing else.

Every figure carries a title and a source line (rows, articles, date range, filters) at its foot,
so a screenshot stands alone on a slide. An empty frame gives a figure that says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from briefing import theme

HEIGHT = 460
SLIDE_WIDTH, SLIDE_HEIGHT = 1600, 900
MONTH_MS = 25 * 24 * 3600 * 1000  # bar width for monthly bars on a date axis


def source_line(
    rows: int,
    articles: int,
    first: date | None,
    last: date | None,
    filters: str = "",
    noun: str = "rows",
) -> str:
    """'Source: briefing warehouse · 12 statements from 5 articles · 2015-10-01 to 2020-11-11 · …'"""
    span = f"{first} to {last}" if first and last else "undated"
    plural = "" if articles == 1 else "s"
    parts = [
        f"Source: briefing warehouse · {rows:,} {noun} from {articles:,} article{plural} · {span}"
    ]
    if filters:
        parts.append(filters)
    return " · ".join(parts)


def _finish(
    fig: go.Figure,
    title: str,
    source: str,
    height: int = HEIGHT,
    legend_title: str | None = None,
) -> go.Figure:
    wrapped = _wrap(source, 78)
    lines = wrapped.count("<br>") + 1
    fig.update_layout(
        template="plotly_white",
        title={
            "text": title,
            "x": 0.01,
            "xanchor": "left",
            "font": {"size": 20, "color": theme.TEXT},
        },
        font={"family": theme.FONT, "size": 14, "color": theme.TEXT},
        height=height,
        margin={"l": 20, "r": 20, "t": 70, "b": 70 + 16 * lines},
        legend={
            "title": {"text": legend_title} if legend_title else None,
            "orientation": "v",
            "yanchor": "top",
            "y": 1.0,
            "xanchor": "left",
            "x": 1.01,
        },
        hoverlabel={"font_size": 13},
    )
    fig.add_annotation(
        text=wrapped,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-52,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 12, "color": theme.MUTED_TEXT},
    )
    fig.update_xaxes(automargin=True, title_standoff=8)
    fig.update_yaxes(automargin=True, title_standoff=8)
    return fig


def _wrap(text: str, width: int) -> str:
    """Break a long line at ' · ' separators with <br> so it is not cut off."""
    lines, line = [], ""
    for piece in text.split(" · "):
        candidate = f"{line} · {piece}" if line else piece
        if len(candidate) > width and line:
            lines.append(line)
            line = piece
        else:
            line = candidate
    lines.append(line)
    return "<br>".join(lines)


def _short(text: object, width: int = 40) -> str:
    text = (
        ""
        if text is None or (isinstance(text, float) and math.isnan(text))
        else str(text)
    )
    return text if len(text) <= width else text[: width - 1] + "…"


def _padded_dates(values: pd.Series, share: float = 0.15) -> list:
    """An x range a little wider than the data so end labels are not cut off."""
    dates = pd.to_datetime(values.dropna())
    if dates.empty:
        return [None, None]
    lo, hi = dates.min(), dates.max()
    pad = max((hi - lo) * share, pd.Timedelta(days=20))
    return [lo - pad, hi + pad]


def empty_figure(
    title: str,
    source: str,
    message: str = "No rows under these filters. "
    "Widen the dates or clear filters in the sidebar.",
) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": theme.MUTED_TEXT},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, title, source, height=300)


def format_number(value: float) -> str:
    """5600000 -> '5.6M', 25000 -> '25K', 1234 -> '1,234'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    for size, suffix in ((1e9, "B"), (1e6, "M")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    if abs(value) >= 1e4:
        return f"{value / 1e3:,.0f}K"
    return f"{value:,.0f}"


# --- Overview ----------------------------------------------------------------------------


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
    fig.update_xaxes(title="stances")
    return _finish(fig, title, source, height=320)


def statements_over_time(
    df: pd.DataFrame, source: str, colours: Mapping[str, str], top: int = 8
) -> go.Figure:
    """Stacked monthly bars of statements by speaker country (month, country_id, country, statements)."""
    title = "Statements per month, by speaker's country"
    if df.empty:
        return empty_figure(title, source)
    df = df.copy()
    df["country"] = df["country"].fillna("no country")
    totals = df.groupby("country")["statements"].sum().sort_values(ascending=False)
    keep = set(totals.index[:top])
    df.loc[~df["country"].isin(keep), ["country", "country_id"]] = ["other", None]
    df = df.groupby(["month", "country", "country_id"], dropna=False, as_index=False)[
        "statements"
    ].sum()
    fig = go.Figure()
    order = [c for c in totals.index if c in keep] + (
        ["other"] if (df["country"] == "other").any() else []
    )
    for country in order:
        part = df[df["country"] == country]
        cid = part["country_id"].iloc[0] if not part.empty else None
        fig.add_bar(
            x=part["month"],
            y=part["statements"],
            name=country,
            width=MONTH_MS,
            xperiod="M1",
            xperiodalignment="middle",
            marker_color=theme.colour_for(
                cid if isinstance(cid, str) else None, colours
            ),
            hovertemplate=f"{country}<br>%{{x|%b %Y}}: %{{y}} statements<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=None, tickformat="%b %Y")
    fig.update_yaxes(title="statements")
    return _finish(fig, title, source)


def most_cited_figures(df: pd.DataFrame, source: str) -> go.Figure:
    """Horizontal bars of the figures cited by most articles (category, location, value,
    value_text, citations, cited_by)."""
    title = "Most cited humanitarian figures"
    if df.empty:
        return empty_figure(title, source)
    df = df.iloc[::-1].copy()
    labels = [
        f"{_short(v, 18)} {c.replace('_', ' ')} · {_short(loc, 22) or 'unspecified'}"
        for v, c, loc in zip(df["value_text"], df["category"], df["location"])
    ]
    fig = go.Figure(
        go.Bar(
            x=df["citations"],
            y=labels,
            orientation="h",
            marker_color=[
                theme.CATEGORY_COLOURS.get(c, theme.UNKNOWN) for c in df["category"]
            ],
            text=[f"cited by {_short(w, 40)}" for w in df["cited_by"]],
            textposition="auto",
            hovertemplate="%{y}<br>%{x} article(s)<br>%{text}<extra></extra>",
        )
    )
    fig.update_xaxes(
        title="articles citing it", dtick=1 if df["citations"].max() < 10 else None
    )
    return _finish(fig, title, source, height=max(340, 120 + 34 * len(df)))


# --- Humanitarian figures ----------------------------------------------------------------


def figures_by_place(df: pd.DataFrame, source: str) -> go.Figure:
    """Largest value cited per category and location (category, location, largest, figures)."""
    title = "Largest figure cited, by category and place"
    if df.empty:
        return empty_figure(title, source)
    fig = go.Figure()
    places = list(df.sort_values("largest")["location"].drop_duplicates())
    for category, part in df.groupby("category", sort=False):
        fig.add_bar(
            x=part["largest"],
            y=part["location"],
            orientation="h",
            name=category.replace("_", " "),
            marker_color=theme.CATEGORY_COLOURS.get(category, theme.UNKNOWN),
            text=[format_number(v) for v in part["largest"]],
            textposition="auto",
            customdata=part[["figures", "articles"]],
            hovertemplate="%{y} · " + category + "<br>largest %{x:,.0f}"
            "<br>%{customdata[0]} figures in %{customdata[1]} articles<extra></extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(categoryorder="array", categoryarray=places)
    fig.update_xaxes(title="people (largest value cited)")
    return _finish(
        fig, title, source, height=max(360, 90 + 30 * len(df)), legend_title="category"
    )


def figures_timeline(df: pd.DataFrame, source: str) -> go.Figure:
    """Figures by as-of date, one point per citation labelled with who cited it
    (as_of, value, value_text, category, location, cited_by, outlet)."""
    title = "Humanitarian figures over time (as-of date)"
    if df.empty:
        return empty_figure(title, source)
    fig = go.Figure()
    label_points = len(df) <= 30  # labels on every point only while they stay legible
    for category, part in df.groupby("category", sort=False):
        fig.add_scatter(
            x=part["as_of"],
            y=part["value"],
            mode="markers+text" if label_points else "markers",
            name=category.replace("_", " "),
            marker={
                "size": 12,
                "color": theme.CATEGORY_COLOURS.get(category, theme.UNKNOWN),
                "line": {"width": 1, "color": "white"},
            },
            text=[
                f"{_short(c, 24)}: {_short(v, 16)}"
                for c, v in zip(part["cited_by"], part["value_text"])
            ],
            textposition="top center",
            textfont={"size": 12},
            customdata=part[["value_text", "location", "cited_by", "outlet"]].fillna(
                ""
            ),
            hovertemplate="%{customdata[0]} " + category + " · %{customdata[1]}"
            "<br>cited by %{customdata[2]} in %{customdata[3]}<br>as of %{x|%Y-%m-%d}"
            "<extra></extra>",
        )
    fig.update_traces(cliponaxis=False)
    values = df["value"][df["value"] > 0]
    if not values.empty and values.max() / max(values.min(), 1) > 100:
        fig.update_yaxes(type="log")
    else:
        fig.update_yaxes(range=[0, df["value"].max() * 1.15])
    fig.update_yaxes(title="people", tickformat="~s")
    fig.update_xaxes(title=None, range=_padded_dates(df["as_of"]))
    return _finish(fig, title, source, height=500, legend_title="category")


def figure_spread(df: pd.DataFrame, source: str) -> go.Figure:
    """Where sources disagree: for each quantity (category, location), every value cited and who
    cited it, with a line spanning the lowest to the highest."""
    title = "Same quantity, different numbers: who cited which value"
    if df.empty:
        return empty_figure(
            title,
            source,
            "No quantity is cited with different values under these filters.",
        )
    df = df.copy()
    df["quantity"] = [
        f"{c.replace('_', ' ')} · {_short(loc, 28)}"
        for c, loc in zip(df["category"], df["location"])
    ]
    fig = go.Figure()
    for quantity, part in df.groupby("quantity", sort=False):
        fig.add_scatter(
            x=[part["value"].min(), part["value"].max()],
            y=[quantity, quantity],
            mode="lines",
            line={"color": "#BBBBBB", "width": 6},
            showlegend=False,
            hoverinfo="skip",
        )
    year = [str(d)[:4] if pd.notna(d) else "undated" for d in df["as_of"]]
    fig.add_scatter(
        x=df["value"],
        y=df["quantity"],
        mode="markers+text",
        showlegend=False,
        marker={
            "size": 14,
            "color": [
                theme.CATEGORY_COLOURS.get(c, theme.UNKNOWN) for c in df["category"]
            ],
            "line": {"width": 1, "color": "white"},
        },
        text=[
            f"{_short(v, 14)} — {_short(c, 22)} ({y})"
            for v, c, y in zip(df["value_text"], df["cited_by"], year)
        ],
        textposition="top center",
        textfont={"size": 12},
        customdata=df[["value_text", "cited_by", "outlets", "citations"]].fillna(""),
        hovertemplate="%{customdata[0]} — %{y}<br>cited by %{customdata[1]}"
        "<br>in %{customdata[2]} (%{customdata[3]} citation(s))<extra></extra>",
    )
    fig.update_traces(cliponaxis=False)
    fig.update_xaxes(
        title="people", tickformat="~s", range=[0, df["value"].max() * 1.25]
    )
    n = df["quantity"].nunique()
    fig.update_yaxes(title=None, range=[-0.6, n - 0.2])
    return _finish(fig, title, source, height=max(300, 170 + 90 * n))


# --- Stances -----------------------------------------------------------------------------


def stance_bars(
    df: pd.DataFrame, source: str, top: int = 20, side: str = "country"
) -> go.Figure:
    """Stacked horizontal bars of stances per source → target pair (source, target, polarity, stances)."""
    title = f"Who criticises or supports whom (by {side})"
    if df.empty:
        return empty_figure(title, source)
    df = df.copy()
    df["pair"] = [
        f"{_short(s, 26)} → {_short(t, 26)}" for s, t in zip(df["source"], df["target"])
    ]
    totals = df.groupby("pair")["stances"].sum().sort_values(ascending=False)
    pairs = list(totals.index[:top])
    df = df[df["pair"].isin(pairs)]
    fig = go.Figure()
    for polarity in theme.POLARITY_ORDER:
        part = df[df["polarity"] == polarity]
        if part.empty:
            continue
        fig.add_bar(
            x=part["stances"],
            y=part["pair"],
            orientation="h",
            name=polarity,
            marker_color=theme.POLARITY_COLOURS[polarity],
            hovertemplate="%{y}<br>" + polarity + ": %{x}<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=pairs[::-1], title=None)
    fig.update_xaxes(title="stances")
    subtitle = f" (top {top} of {len(totals)} pairs)" if len(totals) > top else ""
    return _finish(
        fig,
        title + subtitle,
        source,
        height=max(340, 130 + 30 * len(pairs)),
        legend_title="polarity",
    )


def stance_matrix(
    df: pd.DataFrame, source: str, top: int = 15, side: str = "country"
) -> go.Figure:
    """Source × target heatmap: colour is the net tone (supportive − critical) / all stances,
    the number in the cell is how many stances there are."""
    title = f"Stance matrix: source {side} (rows) × target (columns)"
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
    wide["net"] = (wide["supportive"] - wide["critical"]) / wide["total"]
    wide = wide.reset_index()
    sources = list(
        wide.groupby("source")["total"].sum().sort_values(ascending=False).index[:top]
    )
    targets = list(
        wide.groupby("target")["total"].sum().sort_values(ascending=False).index[:top]
    )
    wide = wide[wide["source"].isin(sources) & wide["target"].isin(targets)]
    net = wide.pivot(index="source", columns="target", values="net").reindex(
        index=sources, columns=targets
    )
    total = wide.pivot(index="source", columns="target", values="total").reindex(
        index=sources, columns=targets
    )
    detail = wide.assign(
        d=[
            f"{c} critical, {n} neutral, {s} supportive"
            for c, n, s in zip(wide["critical"], wide["neutral"], wide["supportive"])
        ]
    )
    detail = detail.pivot(index="source", columns="target", values="d").reindex(
        index=sources, columns=targets
    )
    fig = go.Figure(
        go.Heatmap(
            z=net.values,
            x=[_short(t, 22) for t in targets],
            y=[_short(s, 22) for s in sources],
            zmin=-1,
            zmax=1,
            text=total.map(lambda v: "" if pd.isna(v) else f"{int(v)}").values,
            texttemplate="%{text}",
            textfont={"size": 14},
            customdata=detail.fillna("").values,
            colorscale=[
                [0, theme.POLARITY_COLOURS["critical"]],
                [0.5, "#F7F7F7"],
                [1, theme.POLARITY_COLOURS["supportive"]],
            ],
            colorbar={
                "title": {"text": "net tone"},
                "tickvals": [-1, 0, 1],
                "ticktext": ["critical", "mixed", "supportive"],
            },
            hovertemplate="%{y} → %{x}<br>%{customdata}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", title="source")
    fig.update_xaxes(title="target", side="bottom", tickangle=-30)
    return _finish(fig, title, source, height=max(380, 170 + 38 * len(sources)))


def stances_over_time(df: pd.DataFrame, source: str) -> go.Figure:
    """Stacked monthly bars of stances by polarity (month, polarity, stances)."""
    title = "Stances per month"
    if df.empty:
        return empty_figure(title, source)
    fig = go.Figure()
    for polarity in theme.POLARITY_ORDER:
        part = df[df["polarity"] == polarity]
        if not part.empty:
            fig.add_bar(
                x=part["month"],
                y=part["stances"],
                name=polarity,
                width=MONTH_MS,
                xperiod="M1",
                xperiodalignment="middle",
                marker_color=theme.POLARITY_COLOURS[polarity],
                hovertemplate="%{x|%b %Y}: %{y} " + polarity + "<extra></extra>",
            )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=None, tickformat="%b %Y")
    fig.update_yaxes(title="stances")
    return _finish(fig, title, source, legend_title="polarity")


# --- Actor network -----------------------------------------------------------------------


def actor_network(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    source: str,
    colours: Mapping[str, str],
    colour_by: str = "country",
    co_edges: pd.DataFrame | None = None,
    selected: str | None = None,
) -> go.Figure:
    """Actors placed at (x, y); node size by mentions; stance arrows coloured by polarity and
    as wide as their count; optional grey co-mention lines.

    nodes: actor_id, name, kind, country_id, country, mentions, x, y
    edges: source_id, target_id, polarity, stances
    co_edges: source_id, target_id, articles
    """
    title = "Actor network: stances between actors"
    if nodes.empty:
        return empty_figure(title, source)
    pos = {a: (x, y) for a, x, y in zip(nodes["actor_id"], nodes["x"], nodes["y"])}
    names = dict(zip(nodes["actor_id"], nodes["name"]))
    fig = go.Figure()
    if co_edges is not None and not co_edges.empty:
        xs, ys = [], []
        for s, t in zip(co_edges["source_id"], co_edges["target_id"]):
            if s in pos and t in pos:
                xs += [pos[s][0], pos[t][0], None]
                ys += [pos[s][1], pos[t][1], None]
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            name="mentioned together",
            line={"color": "#DDDDDD", "width": 1},
            hoverinfo="skip",
        )
    biggest = max(edges["stances"].max(), 1) if not edges.empty else 1
    for polarity in theme.POLARITY_ORDER:
        part = edges[edges["polarity"] == polarity] if not edges.empty else edges
        mid_x, mid_y, hover = [], [], []
        for s, t, n in zip(
            part.get("source_id", []),
            part.get("target_id", []),
            part.get("stances", []),
        ):
            if s not in pos or t not in pos or s == t:
                continue
            (x0, y0), (x1, y1) = pos[s], pos[t]
            fig.add_annotation(
                x=x1,
                y=y1,
                ax=x0,
                ay=y0,
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=2,
                arrowsize=1,
                standoff=12,
                startstandoff=8,
                arrowwidth=1.5 + 5 * n / biggest,
                arrowcolor=theme.POLARITY_COLOURS[polarity],
                opacity=0.75,
                text="",
            )
            mid_x.append((x0 + x1) / 2)
            mid_y.append((y0 + y1) / 2)
            hover.append(f"{names[s]} → {names[t]}: {n} {polarity}")
        # A legend entry and hover targets for the arrows (annotations have neither).
        fig.add_scatter(
            x=mid_x or [None],
            y=mid_y or [None],
            mode="markers",
            name=f"{polarity} stance",
            marker={
                "size": 9,
                "color": theme.POLARITY_COLOURS[polarity],
                "symbol": "diamond",
            },
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            showlegend=bool(mid_x),
        )
    size = 14 + 36 * (nodes["mentions"] / max(nodes["mentions"].max(), 1)) ** 0.5
    groups = nodes.groupby(
        "country" if colour_by == "country" else "kind", sort=False, dropna=False
    )
    for group, part in groups:
        if colour_by == "country":
            cid = part["country_id"].iloc[0]
            colour = theme.colour_for(cid if isinstance(cid, str) else None, colours)
        else:
            colour = theme.KIND_COLOURS.get(group, theme.UNKNOWN)
        line_width = [4 if a == selected else 1 for a in part["actor_id"]]
        fig.add_scatter(
            x=part["x"],
            y=part["y"],
            mode="markers+text",
            name=str(group).replace("_", " "),
            marker={
                "size": size[part.index],
                "color": colour,
                "line": {"width": line_width, "color": "#222222"},
            },
            text=[_short(n, 24) for n in part["name"]],
            textposition="bottom center",
            textfont={"size": 13},
            customdata=part[["kind", "country", "mentions"]],
            hovertemplate="<b>%{text}</b><br>%{customdata[0]} · %{customdata[1]}"
            "<br>%{customdata[2]} mentions<extra></extra>",
        )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    fig.update_layout(
        legend={
            "orientation": "v",
            "x": 1.01,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
        }
    )
    fig = _finish(fig, title, source, height=680, legend_title=colour_by)
    fig.update_layout(
        legend={
            "orientation": "v",
            "x": 1.01,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
        },
        margin={"r": 180},
    )
    return fig


# --- Events ------------------------------------------------------------------------------


def events_timeline(df: pd.DataFrame, source: str) -> go.Figure:
    """Events on a time axis, one row per type, labelled with their place
    (date, event_type, location, description, participants)."""
    title = "Timeline of events by type and place"
    if df.empty:
        return empty_figure(title, source)
    label = len(df) <= 40
    fig = go.Figure()
    for event_type, part in df.groupby("event_type", sort=False):
        fig.add_scatter(
            x=part["date"],
            y=[event_type.replace("_", " ")] * len(part),
            mode="markers+text" if label else "markers",
            name=event_type.replace("_", " "),
            marker={
                "size": 14,
                "color": theme.EVENT_COLOURS.get(event_type, theme.UNKNOWN),
                "line": {"width": 1, "color": "white"},
            },
            text=[_short(loc, 20) for loc in part["location"]],
            textposition="top center",
            textfont={"size": 12},
            customdata=part[["description", "participants", "location"]]
            .fillna("")
            .map(lambda v: _short(v, 90)),
            hovertemplate="%{x|%Y-%m-%d} · %{customdata[2]}<br>%{customdata[0]}"
            "<br>participants: %{customdata[1]}<extra></extra>",
            showlegend=False,
        )
    fig.update_traces(cliponaxis=False)
    n = df["event_type"].nunique()
    fig.update_xaxes(title=None, range=_padded_dates(df["date"]))
    fig.update_yaxes(title=None, range=[-0.5, n - 0.3])
    return _finish(fig, title, source, height=max(320, 160 + 55 * n))


def events_by_place(df: pd.DataFrame, source: str, top: int = 15) -> go.Figure:
    """Stacked bars: how many events of each type per place (location, event_type)."""
    title = "Events by place and type"
    if df.empty:
        return empty_figure(title, source)
    counts = df.groupby(["location", "event_type"], as_index=False).size()
    order = list(
        counts.groupby("location")["size"]
        .sum()
        .sort_values(ascending=False)
        .index[:top]
    )
    counts = counts[counts["location"].isin(order)]
    fig = go.Figure()
    for event_type, part in counts.groupby("event_type", sort=False):
        fig.add_bar(
            x=part["size"],
            y=part["location"],
            orientation="h",
            name=event_type.replace("_", " "),
            marker_color=theme.EVENT_COLOURS.get(event_type, theme.UNKNOWN),
            hovertemplate="%{y}: %{x} " + event_type + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title=None)
    fig.update_xaxes(title="events", dtick=1 if counts["size"].max() < 10 else None)
    return _finish(
        fig, title, source, height=max(320, 140 + 30 * len(order)), legend_title="type"
    )
