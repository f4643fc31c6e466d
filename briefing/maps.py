"""The map: figures and events by the place they name ("Where is this happening?").

Each located figure and event has its place in the warehouse (`row_places` -> `places`, written
by the ETL, see etl/places.py). Counts follow every sidebar filter, as the Humanitarian figures
and Events pages count them; a figure placed at the seat of its own speaker's government
("Ottawa" in a Canadian minister's figure) is not placed (`flat_figures.seat_of_speaker`).

The outlines are served by the dashboard itself (static/topojson, `TOPOJSON_URL`), never from
Plotly's CDN, so the map draws without internet access.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from briefing import charts, queries, theme
from briefing.filters import Filters
from briefing.queries import CACHE, Warehouse
from etl import safe_json

# Relative to the page (/map -> /app/static/topojson/), so a dashboard served under a path
# prefix finds it too. Streamlit serves static/ there (server.enableStaticServing).
TOPOJSON_URL = "app/static/topojson/"
SHOW = {"both": "Figures and events", "figures": "Figures", "events": "Events"}
COLOUR = {"kind": "Place kind", "category": "Category"}
KIND_COLOURS = {"country": "#0072B2", "region": "#E69F00", "city": "#CC79A7"}
KIND_ORDER = ("country", "region", "city")
MAX_BUBBLE = 48  # px: the largest bubble's diameter
PLACE_COLUMNS = [
    "place_id",
    "name",
    "kind",
    "country_code",
    "lat",
    "lon",
    "subject",
    "category",
    "rows",
]


@dataclass(frozen=True)
class Unplaced:
    """Located rows the map cannot draw, by reason, with the most frequent names."""

    unknown: int  # a location the gazetteer does not know
    unknown_names: tuple[str, ...]
    no_point: int  # a place without coordinates (a region with no city of its name)
    no_point_names: tuple[str, ...]
    seats: int  # a figure placed at its own speaker's seat of government


def has_places(wh: Warehouse) -> bool:
    """Whether the warehouse records places (written by an ETL from before the map has none)."""
    present = queries.columns(wh)
    return "places" in present and "row_places" in present


_FIGURES = """
    SELECT p.place_id, p.name, p.kind, p.country_code, p.lat, p.lon,
           'figures' AS subject, r.category AS category, count(*) AS rows
    FROM rows r
    JOIN row_places l ON l.table_name = 'figures' AND l.row_id = r.figure_id
    JOIN places p ON p.place_id = l.place_id
    WHERE NOT COALESCE(r.seat_of_speaker, FALSE)
    GROUP BY ALL"""
_EVENTS = """
    SELECT p.place_id, p.name, p.kind, p.country_code, p.lat, p.lon,
           'events' AS subject, r.event_type AS category, count(*) AS rows
    FROM rows r
    JOIN row_places l ON l.table_name = 'events' AND l.row_id = r.event_id
    JOIN places p ON p.place_id = l.place_id
    GROUP BY ALL"""


@st.cache_data(**CACHE)
def place_counts(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Rows per place, subject (figures, events) and category (a figure's category, an
    event's type) under the filters: PLACE_COLUMNS."""
    frames = [queries._run(wh, "figures", f, _FIGURES), queries._run(wh, "events", f, _EVENTS)]
    found = (
        pd.concat([x for x in frames if not x.empty], ignore_index=True)
        if any(not x.empty for x in frames)
        else pd.DataFrame(columns=PLACE_COLUMNS)
    )
    return found[PLACE_COLUMNS].reset_index(drop=True)


@st.cache_data(**CACHE)
def event_places(wh: Warehouse, event_ids: tuple[str, ...]) -> pd.DataFrame:
    """Each of these events whose location the gazetteer resolves (event_id, place_id, place:
    the place's own name), so events are grouped by the place, not by how an article spelled it
    ("Idleb" and "Idlib" are one city; "Hadi", a name, is no place). Only the events a page
    lists are looked up (at most its thousand rows, not every event under the filters). Empty
    (with these columns) for a warehouse written before places were recorded."""
    if not has_places(wh) or not event_ids:
        return pd.DataFrame(columns=["event_id", "place_id", "place"])
    return queries._frame(
        wh,
        """
        SELECT l.row_id AS event_id, p.place_id, p.name AS place
        FROM row_places l
        JOIN (SELECT unnest(?::VARCHAR[]) AS event_id) listed ON listed.event_id = l.row_id
        JOIN places p ON p.place_id = l.place_id
        WHERE l.table_name = 'events'
        ORDER BY l.row_id, p.place_id""",
        [list(event_ids)],
    )


@st.cache_data(**CACHE)
def unplaced(wh: Warehouse, f: Filters, show: str = "both") -> Unplaced:
    """What the map leaves out under the filters, and why (never dropped silently)."""
    parts = {
        "figures": (
            "figures",
            "figure_id",
            ", COALESCE(r.seat_of_speaker, FALSE) AS seat",
        ),
        "events": ("events", "event_id", ", FALSE AS seat"),
    }
    frames = []
    for subject, (table, key, seat) in parts.items():
        if show not in ("both", subject):
            continue
        frames.append(
            queries._run(
                wh,
                subject,
                f,
                f"""
                SELECT l.location, l.place_id, p.lat IS NULL AND l.place_id IS NOT NULL AS no_point
                       {seat}
                FROM rows r
                JOIN row_places l ON l.table_name = '{table}' AND l.row_id = r.{key}
                LEFT JOIN places p ON p.place_id = l.place_id""",
            )
        )
    rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if rows.empty:
        return Unplaced(0, (), 0, (), 0)
    seats = rows["seat"].astype(bool)
    unknown = rows[rows["place_id"].isna() & ~seats]
    no_point = rows[rows["no_point"].astype(bool) & ~seats]

    def top(frame: pd.DataFrame) -> tuple[str, ...]:
        return tuple(frame["location"].value_counts().head(5).index)

    return Unplaced(len(unknown), top(unknown), len(no_point), top(no_point), int(seats.sum()))


@dataclass(frozen=True)
class Drawn:
    """What the map draws under the filters: figures and events at places with coordinates,
    the articles they come from (most first, by outlet) and their dates."""

    figures: int
    events: int
    articles: int
    outlets: tuple[str, ...]
    first: str | None
    last: str | None

    def counted(self, show: str = "both") -> str:
        """'12 figures and 7 events': what the map shows, each counted."""
        parts = []
        if show in ("both", "figures"):
            parts.append(f"{self.figures:,} figure{'' if self.figures == 1 else 's'}")
        if show in ("both", "events"):
            parts.append(f"{self.events:,} event{'' if self.events == 1 else 's'}")
        return " and ".join(parts)

    def source_line(self, show: str, filters: str = "", **extra) -> str:
        """The map's source line, counting what it draws (charts.source_line's other parts)."""
        from briefing import charts

        return charts.source_line(
            self.figures * (show != "events") + self.events * (show != "figures"),
            self.articles,
            self.first,
            self.last,
            filters,
            counted=f"{self.counted(show)} on the map",
            **extra,
        )


_DRAWN = {
    "figures": """
        SELECT 'figures' AS subject, r.figure_id AS row_id, r.article_id, r.outlet, r.row_date,
               r.date_label
        FROM rows r
        JOIN row_places l ON l.table_name = 'figures' AND l.row_id = r.figure_id
        JOIN places p ON p.place_id = l.place_id
        WHERE NOT COALESCE(r.seat_of_speaker, FALSE) AND p.lat IS NOT NULL AND p.lon IS NOT NULL""",
    "events": """
        SELECT 'events' AS subject, r.event_id AS row_id, r.article_id, r.outlet, r.row_date,
               r.date_label
        FROM rows r
        JOIN row_places l ON l.table_name = 'events' AND l.row_id = r.event_id
        JOIN places p ON p.place_id = l.place_id
        WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL""",
}


@st.cache_data(**CACHE)
def drawn(wh: Warehouse, f: Filters, show: str = "both") -> Drawn:
    """What the map draws under the filters (a row at two places counts once), for its source
    line: the rows it counts are the rows it draws, figures and events alike."""
    frames = [
        queries._run(wh, subject, f, sql)
        for subject, sql in _DRAWN.items()
        if show in ("both", subject)
    ]
    rows = pd.concat([x for x in frames if not x.empty], ignore_index=True) if frames else None
    if rows is None or rows.empty:
        return Drawn(0, 0, 0, (), None, None)
    rows = rows.drop_duplicates(["subject", "row_id"])
    by_subject = rows["subject"].value_counts()
    per_outlet = (
        rows.dropna(subset=["outlet"])
        .groupby("outlet")["article_id"]
        .nunique()
        .sort_values(ascending=False, kind="stable")
    )
    dated = rows.dropna(subset=["row_date"])
    first = dated.loc[dated["row_date"].idxmin(), "date_label"] if not dated.empty else None
    last = dated.loc[dated["row_date"].idxmax(), "date_label"] if not dated.empty else None
    return Drawn(
        int(by_subject.get("figures", 0)),
        int(by_subject.get("events", 0)),
        int(rows["article_id"].nunique()),
        tuple(per_outlet.index),
        first,
        last,
    )


def by_place(counts: pd.DataFrame, show: str = "both") -> pd.DataFrame:
    """One row per place: name, kind, lat, lon, figures, events, rows (both), category (the
    most frequent category there, ties by name) and what it lists."""
    if show not in SHOW:
        raise ValueError(f"the map shows {', '.join(SHOW)}, not {show!r}")
    chosen = counts if show == "both" else counts[counts["subject"] == show]
    columns = ["place_id", "name", "kind", "country_code", "lat", "lon"]
    if chosen.empty:
        return pd.DataFrame(columns=[*columns, "figures", "events", "rows", "category"])
    totals = chosen.groupby(columns, as_index=False, dropna=False, sort=False).agg(
        figures=("rows", lambda r: int(r[chosen.loc[r.index, "subject"] == "figures"].sum())),
        events=("rows", lambda r: int(r[chosen.loc[r.index, "subject"] == "events"].sum())),
    )
    totals["rows"] = totals["figures"] + totals["events"]
    top = (
        chosen.groupby(["place_id", "category"], as_index=False, dropna=False)["rows"]
        .sum()
        .sort_values(["place_id", "rows", "category"], ascending=[True, False, True])
        .drop_duplicates("place_id")
        .rename(columns={"rows": "top_rows"})
    )
    out = totals.merge(top[["place_id", "category"]], on="place_id", how="left")
    out["category"] = out["category"].fillna("other").astype(str)
    out = out.sort_values(["rows", "name"], ascending=[False, True], kind="stable")
    return out[[*columns, "figures", "events", "rows", "category"]].reset_index(drop=True)


def place_key(place_id: str) -> str:
    """The JSON a bubble carries in its customdata's last column."""
    return json.dumps({"kind": "place", "place": place_id}, sort_keys=True)


def selected_place(selection: object) -> str | None:
    """The place id of the first selected bubble, or None."""
    try:
        points = list(selection["points"])  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    for point in points:
        custom = point.get("customdata") if isinstance(point, Mapping) else None
        last = custom[-1] if isinstance(custom, list | tuple) and custom else custom
        try:
            keys = safe_json.loads(last) if isinstance(last, str) else None
        except ValueError:
            continue
        if isinstance(keys, dict) and keys.get("kind") == "place" and keys.get("place"):
            return str(keys["place"])
    return None


def evidence_marks(place_id: str, show: str = "both") -> list[dict]:
    """The evidence marks (briefing.evidence) of the rows at a place."""
    marks = []
    if show in ("both", "figures"):
        marks.append({"kind": "figures", "place": place_id})
    if show in ("both", "events"):
        marks.append({"kind": "event", "place": place_id})
    return marks


def figure(places: pd.DataFrame, title: str, colour: str = "kind") -> go.Figure:
    """Bubbles at the places with a point: area by rows, colour by place kind or by the most
    frequent category there; each bubble carries its place key (`place_key`)."""
    if colour not in COLOUR:
        raise ValueError(f"bubbles are coloured by {', '.join(COLOUR)}, not {colour!r}")
    drawn = places.dropna(subset=["lat", "lon"])
    fig = go.Figure()
    biggest = max(int(drawn["rows"].max()), 1) if not drawn.empty else 1
    sizeref = 2.0 * biggest / (MAX_BUBBLE**2)
    if colour == "kind":
        groups = [(k, drawn[drawn["kind"] == k], KIND_COLOURS[k]) for k in KIND_ORDER]
    else:
        cats = sorted(drawn["category"].unique()) if not drawn.empty else []
        groups = [
            (
                c.replace("_", " "),
                drawn[drawn["category"] == c],
                theme.CATEGORY_COLOURS.get(c) or theme.EVENT_COLOURS.get(c) or theme.UNKNOWN,
            )
            for c in cats
        ]
    for label, group, fill in groups:
        if group.empty:
            continue
        custom = list(
            zip(
                group["name"],
                group["kind"],
                group["figures"],
                group["events"],
                group["category"].str.replace("_", " "),
                [place_key(p) for p in group["place_id"]],
                strict=True,
            )
        )
        fig.add_trace(
            go.Scattergeo(
                lat=group["lat"],
                lon=group["lon"],
                name=str(label),
                mode="markers",
                marker={
                    "size": group["rows"],
                    "sizemode": "area",
                    "sizeref": sizeref,
                    "sizemin": 5,
                    "color": fill,
                    "opacity": 0.75,
                    "line": {"width": 1, "color": "#FFFFFF"},
                },
                customdata=custom,
                unselected={"marker": {"opacity": 0.35}},
                hovertemplate=(
                    "<b>%{customdata[0]}</b> (%{customdata[1]})<br>"
                    "figures: %{customdata[2]:,}<br>events: %{customdata[3]:,}<br>"
                    "mostly: %{customdata[4]}<extra></extra>"
                ),
            )
        )
    fig.update_geos(
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#B8BEC6",
        showland=True,
        landcolor="#F3F5F7",
        showocean=True,
        oceancolor="#EAF2F8",
        showcoastlines=True,
        coastlinecolor="#9AA3AD",
        showframe=False,
        resolution=110,
    )
    if not drawn.empty:
        lat_range, lon_range = view_of(drawn["lat"].astype(float), drawn["lon"].astype(float))
        fig.update_geos(lataxis_range=lat_range, lonaxis_range=lon_range)
    fig.update_layout(
        title={"text": title},
        height=WIDE_HEIGHT,
        margin={"l": 0, "r": 0, "t": 84, "b": 0},
        # Above the map, not beside it: at the right it takes a third of a phone's width.
        legend={
            "title": {"text": COLOUR[colour]},
            "itemsizing": "constant",
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
        },
        clickmode="event+select",
    )
    return fig


WIDE_HEIGHT = 560  # px of the map on a wide screen
MAP_TOP = 84  # px above the map: its title and, on a wide screen, its legend
ASPECT = 2.2  # the map's width over its height (view_of)


def for_phone(fig: go.Figure) -> go.Figure:
    """The map sized to a phone's width (charts.PHONE_CHART_PX), not a wide screen's fixed
    height, which leaves a strip of map in a tall empty box; its legend below it, two entries
    a row (charts.phone_legend_rows), where a row of entries above it would run into the
    title. `fig` itself is left as it is."""
    from briefing.charts import common  # the phone sizes every chart shares

    entries = common.legend_entries(fig)
    columns, chars = common.phone_legend_layout(common.PHONE_CHART_PX)
    rows = common.phone_legend_rows([str(t.name) for t in entries], columns, chars)
    legend_px = (common.PHONE_LEGEND_LINE * (sum(rows) + 1) + 6 * len(rows) + 10) if rows else 0
    drawn = round(common.PHONE_CHART_PX / ASPECT)
    phone = common.copy_figure(fig)
    for trace in phone.data:
        trace.name = charts.wrap_label(str(trace.name), chars)
    height = MAP_TOP - 30 + drawn + legend_px
    phone.update_layout(
        title={"text": charts.wrap_label(str(fig.layout.title.text or ""), charts.TITLE_CHARS)},
        height=height,
        margin={"t": MAP_TOP - 30, "b": legend_px},
        # Placed in the figure's own pixels (container), so it takes no room from the map.
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": (legend_px - 4) / height,
            "yanchor": "top",
            "entrywidthmode": "fraction",
            "entrywidth": 0.95 / columns,
            "font": {"size": common.PHONE_LEGEND_FONT},
            "title": {"side": "top left"},
        },
    )
    return phone


def view_of(lat: pd.Series, lon: pd.Series) -> tuple[list[float], list[float]]:
    """The latitude and longitude ranges that show these points with a margin, about twice as
    wide as high (a strip of the world reads badly), within the inhabited world."""
    west, east = max(lon.min() - 20, -180), min(lon.max() + 20, 180)
    south, north = lat.min() - 10, lat.max() + 10
    tall = max(north - south, (east - west) / 2.2)
    middle = (north + south) / 2
    south, north = max(middle - tall / 2, -60), min(middle + tall / 2, 85)
    return [round(south, 2), round(north, 2)], [round(west, 2), round(east, 2)]


def plotly_config(base: Mapping) -> dict:
    """A chart config (briefing.export.plotly_config) with the outlines served locally."""
    return {**base, "topojsonURL": TOPOJSON_URL}
