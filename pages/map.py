"""Map: figures and events by the place they name ("Where is this happening?"), with the
sentences behind a place when it is clicked. Opened as /map?place=city:170063&show=figures."""

from __future__ import annotations

from datetime import date

import streamlit as st

from briefing import evidence, export, maps, page_state
from briefing.downloads import chart_downloads, plotly_at_every_width
from briefing.text import md_escape
from briefing.ui import header, nothing_matches, page_context, show_table
from briefing.views import Chart

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    ss = st.session_state
    header(
        "Map",
        "Where the figures and events are: each place as the text names it (a city, a region "
        "or a country), the bubble's area the number of rows there. Click a place to read the "
        "sentences behind it. A figure placed at its own speaker's seat of government "
        "(\u201cOttawa\u201d in a Canadian minister's figure) is not placed.",
    )
    if not maps.has_places(wh):
        st.info(
            "This warehouse was written before the ETL recorded places. Rebuild it with "
            "`python -m etl` to see the map.",
            icon=":material/map:",
        )
        st.stop()
    # Every choice is in the URL as every page's is (briefing/page_state.py): a link reopens
    # it, a page switch keeps it, Back and Forward undo it.
    page_state.choice("show", "map_show", "both", allowed=maps.SHOW)
    page_state.choice("colour", "map_colour", "kind", allowed=maps.COLOUR)
    top = st.columns([2, 2, 3], vertical_alignment="bottom")
    with top[0]:
        show = (
            st.segmented_control("Show", list(maps.SHOW), format_func=maps.SHOW.get, key="map_show")
            or "both"
        )
    page_state.keep("show", show, default="both")
    with top[1]:
        colour = (
            st.segmented_control(
                "Colour by", list(maps.COLOUR), format_func=maps.COLOUR.get, key="map_colour"
            )
            or "kind"
        )
    page_state.keep("colour", colour, default="kind")

    counts = maps.place_counts(wh, f)
    places = maps.by_place(counts, show)
    missing = maps.unplaced(wh, f, show)
    if places.empty and not (missing.unknown or missing.seats):
        nothing_matches("located figures or events")
        st.stop()
    noun = maps.SHOW[show].lower()
    fig = maps.figure(places, f"{maps.SHOW[show]} by place", colour)
    # The source line counts what the map draws: figures and events at places it can draw.
    on_map = maps.drawn(wh, f, show)
    described = f.describe(ctx.names)
    chart = Chart(
        key="map",
        name=f"{maps.SHOW[show]} by place",
        figure=fig,
        data=places.drop(columns=["place_id"]),
        subject="events" if show == "events" else "figures",
        caption="",
        credits=lambda: export.Credits(
            export.subtitle_for(described),
            on_map.source_line(show, outlets=on_map.outlets, generated=date.today()),
        ),
    )
    selection = plotly_at_every_width(
        fig,
        maps.for_phone(fig),
        f"map_chart_{show}_{colour}",
        maps.plotly_config(export.plotly_config(chart.name)),
        selectable=True,
    )
    chart_downloads(ctx, chart)
    drawn = places.dropna(subset=["lat", "lon"])
    st.caption(
        md_escape(
            f"{on_map.counted(show)} at {len(drawn):,} places on the map "
            "(a row naming two places is drawn at both)."
        )
    )
    st.caption(md_escape(on_map.source_line(show, described)))
    # Never dropped silently: what the map cannot draw, and why.
    left_out = []
    if missing.unknown:
        left_out.append(
            f"{missing.unknown:,} name a place the gazetteer does not know "
            f"({', '.join(missing.unknown_names)})"
        )
    if missing.no_point:
        left_out.append(
            f"{missing.no_point:,} are at places without coordinates "
            f"({', '.join(missing.no_point_names)}); they are in the table below"
        )
    if missing.seats:
        left_out.append(
            f"{missing.seats:,} figure{' is' if missing.seats == 1 else 's are'} placed at "
            "their speaker's seat of government"
        )
    if left_out:
        st.caption(md_escape("Not on the map: " + "; ".join(left_out) + "."))

    # The place whose evidence is listed: a clicked bubble, else the Place box, else the URL's.
    names = dict(zip(places["place_id"], places["name"], strict=True))
    kinds = dict(zip(places["place_id"], places["kind"], strict=True))
    page_state.choice("place", "map_place", None, allowed=names)
    picked = maps.selected_place(selection)
    if picked and picked != ss.get("map_picked") and picked in names:
        ss["map_place"] = picked  # a bubble clicked in this run
    ss["map_picked"] = picked
    if ss.get("map_place") not in names:
        ss["map_place"] = None
    with top[2]:
        place = st.selectbox(
            "Evidence for the place",
            list(places["place_id"]),
            key="map_place",
            format_func=lambda p: f"{names[p]} ({kinds[p]})",
            placeholder="Click a place on the map, or choose it here",
        )
    page_state.keep("place", place)

    if place:
        evidence.list_marks(
            ctx,
            "map",
            maps.evidence_marks(place, show),
            f"{noun.capitalize()} at {names[place]} ({kinds[place]})",
        )
    else:
        st.caption("Click a place (or choose it above) to read the sentences behind it.")

    st.subheader("Places")
    show_table(
        places.drop(columns=["place_id", "country_code"]).assign(
            category=places["category"].str.replace("_", " ")
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "lat": st.column_config.NumberColumn("lat", format="%.2f"),
            "lon": st.column_config.NumberColumn("lon", format="%.2f"),
            "category": st.column_config.TextColumn("mostly"),
        },
    )
