"""Actor network: who takes stances towards whom; pick an actor for its statements and ties."""

import streamlit as st

from briefing import chart_cache, network, page_state, queries, views
from briefing.downloads import pack_menu, show_chart
from briefing.text import md_escape
from briefing.ui import (
    CLEAR_HINT,
    header,
    nothing_matches,
    page_context,
    phone_only,
    show_table,
    wide_only,
)

COLOURINGS = ["country", "kind"]
SIZE, SIZES = 30, range(10, 81, 5)  # the slider's default and its steps

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    # Defaults until the controls below are drawn; the pack reads them when pressed.
    size, colour_by, with_co, selected = 30, "country", False, None
    header(
        "Actor network",
        "Node size: mentions. Arrows: stances, coloured by polarity, wider when "
        "repeated. The layout is fixed for a given set of actors.",
        # Built when pressed, with the settings chosen below.
        lambda: pack_menu(
            ctx,
            "Actor network",
            lambda: [views.actor_network(ctx, size, colour_by, with_co, selected).chart],
        ),
    )
    c1, c2, c3 = st.columns([2, 2, 3])
    # Every choice is in the URL (briefing/page_state.py): colour, size, co-mentions, actor.
    page_state.choice("colour_by", "network_colour", "country", allowed=COLOURINGS)
    colour_by = c1.segmented_control("Colour actors by", COLOURINGS, key="network_colour")
    colour_by = colour_by or "country"
    page_state.keep("colour_by", colour_by, default="country")
    page_state.choice("top", "network_size", SIZE, allowed=SIZES, convert=int)
    size = c2.slider("Most mentioned actors to include", 10, 80, step=5, key="network_size")
    page_state.keep("top", size, default=SIZE)
    page_state.choice("co", "network_co", False, convert=page_state.yes)
    with_co = c3.toggle("Show co-mentions (same article)", key="network_co")
    page_state.keep("co", with_co, default=False)

    nodes = queries.network_nodes(wh, f, size)
    if nodes.empty:
        nothing_matches("actors")
    else:
        names = dict(zip(nodes["actor_id"], nodes["name"]))
        page_state.choice("node", "network_actor", None, allowed=names)
        selected = st.selectbox(
            "Actor",
            list(nodes["actor_id"]),
            key="network_actor",
            format_func=lambda a: names.get(a, a),
            placeholder="Choose an actor to see its statements and ties",
        )
        page_state.keep("node", selected)
        shown = chart_cache.charts(views.actor_network, ctx, size, colour_by, with_co, selected)
        if shown.edges.empty:
            st.info(
                "No stances between these actors under the current filters: the chart shows "
                "only who is mentioned. " + CLEAR_HINT,
                icon=":material/filter_alt_off:",
            )
        # On a phone the drawn network of many actors is a tangle: its strongest ties come
        # first as ranked bars, and the drawing only when asked for (ui.phone_only's widths).
        if not shown.edges.empty and shown.ties is not None:
            with st.container(key="network_phone"):
                show_chart(ctx, shown.ties)
                drawn = st.toggle("Draw the network", key="network_drawn_on_phone")
            phone_only("network_phone")
            if not drawn:
                wide_only("network_drawing")
        with st.container(key="network_drawing"):
            show_chart(ctx, shown.chart)
            meta = shown.chart.figure.layout.meta or {}
            if meta.get("labelled", 0) < meta.get("actors", 0):
                st.caption(
                    f"Names drawn for {meta['labelled']:,} of {meta['actors']:,} actors (the "
                    "most connected first, wherever a name fits without covering another); "
                    "hover a circle for the others, or choose one in the Actor box to name and "
                    "highlight it."
                )
        if not selected and not shown.edges.empty:
            # Readable at any width, where a drawn network of many actors is not (a phone).
            st.subheader("Strongest ties")
            show_table(network.strongest_stance_ties(shown.edges), hide_index=True)
        if selected:
            left, right = st.columns([2, 3], gap="large")
            with left:
                st.subheader(f"Strongest ties of {md_escape(names[selected])}")
                ties = network.strongest_ties(shown.graph, selected, co_mentions=with_co)
                if ties.empty:
                    st.info(
                        (
                            "No stances or co-mentions involve this actor under the current "
                            "filters. "
                            if with_co
                            else "No stances involve this actor under the current filters "
                            "(turn on co-mentions to see who it is reported with). "
                        )
                        + CLEAR_HINT
                    )
                else:
                    show_table(ties, hide_index=True, width="stretch")
            with right:
                st.subheader(f"Statements by {md_escape(names[selected])}")
                said = queries.actor_statements(wh, f, selected)
                if said.empty:
                    st.info(
                        "No statements by this actor under the current filters; it is shown for its "
                        "mentions. Pick another actor, or " + CLEAR_HINT[0].lower() + CLEAR_HINT[1:]
                    )
                else:
                    show_table(
                        said.drop(columns=["article_id"]),
                        hide_index=True,
                        width="stretch",
                        column_config={
                            "quote": st.column_config.TextColumn("quote", width="large"),
                        },
                    )
