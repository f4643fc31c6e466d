"""Events: the timeline (dots with their place and description) and events by place."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from briefing import theme
from briefing.charts.common import (
    _count_axis,
    _finish,
    _legend_on_top,
    _marks,
    _plain_inputs,
    _short,
    _with_marks,
    _wrap_words,
    empty_figure,
    spaced_labels,
    when,
)

# Labels on the timeline are placed for the narrowest screen, a phone's plot (px) with a 12 px
# font (px a character), so they never overlap there; wider screens show the same labels with
# more room. Every event is also listed in full below the chart (pages/events.py).
PHONE_PLOT_PX = 220
LABEL_CHAR_PX = 7.0
NO_PLACE = "unspecified"  # events_table's location for an event whose place is not stated


def _event_range(dates: pd.Series) -> list:
    """An x range that ends near the first and last event (3% of the span, at least 20 days):
    an axis running years past the last event suggests events that are not there."""
    days = pd.to_datetime(dates.dropna())
    if days.empty:
        return [None, None]
    lo, hi = days.min(), days.max()
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=20))
    return [lo - pad, hi + pad]


def _label_side(share: float) -> str:
    """A dot's label grows away from the nearer edge, so the first and last are not cut."""
    return "top right" if share < 0.08 else "top left" if share > 0.92 else "top center"


@_plain_inputs
def events_timeline(df: pd.DataFrame, source: str) -> go.Figure:
    """Events on a time axis, one row per type, labelled with their place where the label has
    room at phone width (date, event_type, location, description, participants)."""
    title = "Timeline of events by type and place"
    if df.empty:
        return empty_figure(title, source)
    df = df.copy()
    times = pd.to_datetime(df["date"])
    x_range = _event_range(times)
    if times.notna().all() and x_range[0] is not None:
        span = (x_range[1] - x_range[0]).total_seconds() or 1.0
        df["x_share"] = [(t - x_range[0]).total_seconds() / span for t in times]
    else:
        df["x_share"] = 0.5
    df["row"] = df["event_type"].map({t: i for i, t in enumerate(df["event_type"].unique())})
    known = df[df["location"].fillna(NO_PLACE) != NO_PLACE]
    # A label centred on its dot takes half its width each side; one at an edge grows inwards.
    widths = [
        (LABEL_CHAR_PX * len(_short(loc, 20)) + 8) / PHONE_PLOT_PX for loc in known["location"]
    ]
    centres = [
        x
        + (
            w / 2
            if _label_side(x) == "top right"
            else -w / 2
            if _label_side(x) == "top left"
            else 0
        )
        for x, w in zip(known["x_share"], widths)
    ]
    fits = spaced_labels(centres, list(known["row"]), widths, height=0.5)
    df["show_label"] = False
    df.loc[known.index, "show_label"] = fits
    if "date_label" not in df:
        df["date_label"] = pd.to_datetime(df["date"]).dt.strftime("%Y-%m-%d")
    precision = df["date_precision"] if "date_precision" in df else pd.Series("day", index=df.index)
    df["when"] = [when(lab, p) for lab, p in zip(df["date_label"], precision)]
    df["place"] = df["location"].fillna(NO_PLACE).replace(NO_PLACE, "place not stated")
    df["hover_text"] = df["description"].fillna("").map(lambda v: _wrap_words(_short(v, 200), 60))
    df["who"] = df["participants"].fillna("").map(lambda v: _short(v, 90) or "none named")
    fig = go.Figure()
    for event_type, part in df.groupby("event_type", sort=False):
        fig.add_scatter(
            x=part["date"],
            y=[event_type.replace("_", " ")] * len(part),
            mode="markers+text",
            name=event_type.replace("_", " "),
            marker={
                "size": 14,
                "color": theme.EVENT_COLOURS.get(event_type, theme.UNKNOWN),
                "line": {"width": 1, "color": "white"},
            },
            text=[
                _short(loc, 20) if show else ""
                for loc, show in zip(part["location"], part["show_label"])
            ],
            textposition=[_label_side(x) for x in part["x_share"]],
            textfont={"size": theme.SCREEN.label},
            unselected={"marker": {"opacity": 0.35}, "textfont": {"color": theme.MUTED_TEXT}},
            customdata=_with_marks(
                part[["hover_text", "who", "place", "when"]],
                _marks(part, "event", event="event_id"),
            ),
            hovertemplate="%{customdata[3]} · %{customdata[2]}<br>%{customdata[0]}"
            "<br>participants: %{customdata[1]}<extra></extra>",
            showlegend=False,
        )
    fig.update_traces(cliponaxis=False)
    n = df["event_type"].nunique()
    fig.update_xaxes(title=None, range=x_range)
    fig.update_yaxes(title=None, range=[-0.5, n - 0.3])
    return _finish(fig, title, source, height=max(320, 160 + 55 * n))


def event_place(df: pd.DataFrame) -> pd.Series:
    """Each event's place for grouping: its resolved place (`place`) when the table has one,
    else (a warehouse without places) its location as written; missing when it has none."""
    if "place" in df.columns:
        return df["place"].where(df["place"].map(lambda v: isinstance(v, str) and bool(v)))
    located = df["location"].where(df["location"].fillna(NO_PLACE) != NO_PLACE)
    return located.astype(object)


def no_place_note(total: int, placeless: int) -> str:
    """'38 of 54 events name no known place (not drawn)' for a chart of events by place: no
    place stated, or none the gazetteer knows."""
    if not placeless:
        return ""
    noun = "event names" if total == 1 else "events name"
    return f"{placeless:,} of {total:,} {noun} no known place (not drawn)"


@_plain_inputs
def events_by_place(df: pd.DataFrame, source: str, top: int = 15) -> go.Figure:
    """Stacked bars: how many events of each type per place (location, event_type). Events
    with no stated place are not a bar (they would dwarf every place) but are counted under the
    axis, so the chart never hides them."""
    title = "Events by place and type"
    if df.empty:
        return empty_figure(title, source)
    placed = df.assign(location=event_place(df)).dropna(subset=["location"])
    note = no_place_note(len(df), len(df) - len(placed))
    if placed.empty:
        return empty_figure(title, source, f"None of the {len(df):,} events names a known place.")
    counts = placed.groupby(["location", "event_type"], as_index=False).size()
    order = list(counts.groupby("location")["size"].sum().sort_values(ascending=False).index[:top])
    counts = counts[counts["location"].isin(order)]
    fig = go.Figure()
    for event_type, part in counts.groupby("event_type", sort=False):
        fig.add_bar(
            x=part["size"],
            y=part["location"],
            orientation="h",
            name=event_type.replace("_", " "),
            marker_color=theme.EVENT_COLOURS.get(event_type, theme.UNKNOWN),
            hovertemplate="%{y}: %{x} " + event_type.replace("_", " ") + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title=None)
    totals = counts.groupby("location")["size"].sum()
    fig.update_xaxes(**_count_axis(totals, "events" + (f"<br>{note}" if note else "")))
    # The legend above takes a line per three types at phone width: the bars keep their room.
    legend_lines = math.ceil(counts["event_type"].nunique() / 3) if len(fig.data) > 1 else 0
    height = max(320, 140 + 30 * len(order)) + 24 * legend_lines
    fig = _finish(fig, title, source, height=height, foot=18 if note else 0)
    # Above the plot, where a legend of every type fits at phone width without a scrollbar.
    return _legend_on_top(fig)
