"""Events: dated events on a timeline by type and place, with their participants."""

import streamlit as st

from briefing import chart_cache, queries, reviewing, views
from briefing.downloads import pack_menu, show_chart
from briefing.ui import header, nothing_matches, page_context, show_table

ctx = page_context()
if ctx:
    header(
        "Events",
        "Summits, meetings, attacks, ceasefires and other dated events, with who took part.",
        lambda: pack_menu(ctx, "Events", lambda: views.events(ctx)),
    )
    timeline, by_place = chart_cache.charts(views.events, ctx)
    if timeline.data.empty:
        nothing_matches("events")
    else:
        show_chart(ctx, timeline)
        show_chart(ctx, by_place)
        st.subheader("Event list")
        listed = queries.events_table(ctx.warehouse, ctx.filters)
        show_table(
            reviewing.with_review_links(listed, "events", "event_id").drop(
                columns=["article_id", "date", "event_id"]
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "date_label": st.column_config.TextColumn("date"),
                "date_precision": st.column_config.TextColumn("known to the"),
                "evidence": st.column_config.TextColumn("evidence", width="large"),
                "review": reviewing.REVIEW_COLUMN,
            },
        )
