"""Actor network: who takes stances towards whom; pick an actor for its statements and ties."""

import streamlit as st

from briefing import charts, network, queries
from briefing.export import show_chart
from briefing.ui import CLEAR_HINT, header, nothing_matches, page_context

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Actor network",
        "Node size: mentions. Arrows: stances, coloured by polarity, wider when "
        "repeated. The layout is fixed for a given set of actors.",
    )
    c1, c2, c3 = st.columns([2, 2, 3])
    colour_by = (
        c1.segmented_control(
            "Colour actors by",
            ["country", "kind"],
            default="country",
            key="network_colour",
        )
        or "country"
    )
    size = c2.slider("Most mentioned actors to include", 10, 80, 30, step=5, key="network_size")
    with_co = c3.toggle("Show co-mentions (same article)", value=False, key="network_co")

    nodes = queries.network_nodes(wh, f, size)
    if nodes.empty:
        nothing_matches("actors")
    else:
        # Co-mentions always shape the layout (actors reported together sit together);
        # they are drawn only when asked for.
        shown = tuple(sorted(nodes["actor_id"]))
        edges = queries.network_stance_edges(wh, f, shown)
        co_all = queries.co_mentions(wh, f, shown, 1)
        co = co_all if with_co else None
        graph = network.build_graph(nodes, edges, co_all)
        placed = network.with_positions(nodes, network.layout(graph))
        names = dict(zip(nodes["actor_id"], nodes["name"]))
        selected = st.selectbox(
            "Actor",
            list(nodes["actor_id"]),
            index=None,
            key="network_actor",
            format_func=lambda a: names.get(a, a),
            placeholder="Choose an actor to see its statements and ties",
        )
        figure = charts.actor_network(
            placed,
            edges,
            ctx.source("stances", "stances"),
            ctx.colours,
            colour_by,
            co,
            selected,
        )
        if edges.empty:
            st.info(
                "No stances between these actors under the current filters: the chart shows "
                "only who is mentioned. " + CLEAR_HINT,
                icon=":material/filter_alt_off:",
            )
        show_chart(figure, edges, "Actor network", "network")
        if selected:
            left, right = st.columns([2, 3], gap="large")
            with left:
                st.subheader(f"Strongest ties of {names[selected]}")
                ties = network.strongest_ties(graph, selected)
                if ties.empty:
                    st.info(
                        "No stances or co-mentions involve this actor under the current filters. "
                        + CLEAR_HINT
                    )
                else:
                    st.dataframe(ties, hide_index=True, width="stretch")
            with right:
                st.subheader(f"Statements by {names[selected]}")
                said = queries.actor_statements(wh, f, selected)
                if said.empty:
                    st.info(
                        "No statements by this actor under the current filters; it is shown for its "
                        "mentions. Pick another actor, or " + CLEAR_HINT[0].lower() + CLEAR_HINT[1:]
                    )
                else:
                    st.dataframe(
                        said,
                        hide_index=True,
                        width="stretch",
                        column_config={
                            "quote": st.column_config.TextColumn("quote", width="large"),
                        },
                    )
