"""Events: dated events on a timeline by type and place, with their participants."""

import streamlit as st

from briefing import charts, queries
from briefing.export import show_chart
from briefing.ui import header, nothing_matches, page_context

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Events",
        "Summits, meetings, attacks, ceasefires and other dated events, with who took part.",
    )
    table = queries.events_table(wh, f)
    if table.empty:
        nothing_matches("events")
    else:
        source = ctx.source("events", "events")
        show_chart(
            charts.events_timeline(table, source),
            table.drop(columns=["event_id"]),
            "Timeline of events",
            "events_timeline",
        )
        show_chart(
            charts.events_by_place(table, source),
            table.drop(columns=["event_id"]),
            "Events by place",
            "events_place",
        )
        st.subheader("Event list")
        st.dataframe(
            table.drop(columns=["event_id", "article_id", "date"]),
            hide_index=True,
            width="stretch",
            column_config={
                "date_label": st.column_config.TextColumn("date"),
                "date_precision": st.column_config.TextColumn("known to the"),
                "evidence": st.column_config.TextColumn("evidence", width="large"),
            },
        )
