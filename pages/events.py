"""Events: dated events on a timeline by type and place, every event listed in full below, and
the table to sort them."""

import streamlit as st

from briefing import chart_cache, evidence, page_state, queries, reviewing, views
from briefing.downloads import pack_menu, show_chart
from briefing.ui import header, nothing_matches, page_context, show_table

ctx = page_context()
if ctx:
    with_statements = False  # until the toggle below is drawn
    header(
        "Events",
        "Summits, meetings, attacks, ceasefires and other dated events, with who took part.",
        lambda: pack_menu(ctx, "Events", lambda: views.events(ctx, with_statements)),
    )
    # A statement event is a statement's day: the Statements page lists them with their words.
    # In the URL as `statement_events=true`, like every page's choices (briefing/page_state.py).
    page_state.choice("statement_events", "statement_events", False, convert=page_state.yes)
    with_statements = st.toggle(
        "Include statement events",
        key="statement_events",
        help="Statements and press briefings are also events of their day. They are listed on "
        "the Statements page, so they are left out here unless you include them.",
    )
    page_state.keep("statement_events", "true" if with_statements else None)
    timeline, by_place = chart_cache.charts(views.events, ctx, with_statements)
    if timeline.data.empty:
        nothing_matches("events" if with_statements else "events other than statements")
    else:
        show_chart(ctx, timeline)
        show_chart(ctx, by_place)
        table = queries.events_table(ctx.warehouse, ctx.filters, with_statements=with_statements)
        # Each event as its full sentence, readable at any width (a table cuts long sentences).
        evidence.list_marks(
            ctx,
            "events_list",
            [{"kind": "event", "ids": sorted(table["event_id"])}],
            "Every event, newest first",
            limit=len(table) + 1,  # room for all of them: the list is never "the newest N"
        )
        with st.expander("Event table (sort, filter, download)"):
            show_table(
                reviewing.with_review_links(table, "events", "event_id").drop(
                    columns=["article_id", "date", "event_id", "evidence"]
                ),
                hide_index=True,
                width="stretch",
                column_config={
                    "description": st.column_config.TextColumn("what happened", width="large"),
                    "review": reviewing.REVIEW_COLUMN,
                },
            )
