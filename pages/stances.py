"""Stances: who is critical of or supportive towards whom, as bars, a matrix and over time."""

import streamlit as st

from briefing import chart_cache, evidence, page_state, queries, reviewing, views
from briefing.downloads import pack_menu, show_chart
from briefing.text import md_escape
from briefing.ui import header, nothing_matches, page_context, show_table

GROUPINGS = ["country", "actor"]

ctx = page_context()
if ctx:
    # The pack is built when its button is pressed, with the grouping chosen below.
    side = "country"
    header(
        "Stances",
        "Critical, supportive and neutral stances from a source towards a target, "
        "each traced to its evidence sentence.",
        lambda: pack_menu(ctx, "Stances", lambda: views.stances(ctx, side)),
    )
    page_state.choice("group", "stances_side", "country", allowed=GROUPINGS)
    side = (
        st.segmented_control("Group sources and targets by", GROUPINGS, key="stances_side")
        or "country"
    )
    page_state.keep("group", side, default="country")
    bars, matrix, monthly = chart_cache.charts(views.stances, ctx, side)
    if bars.data.empty:
        nothing_matches("stances")
    else:
        show_chart(ctx, bars)
        left, right = st.columns([3, 2], gap="large")
        with left:
            show_chart(ctx, matrix, share=0.6)
            st.caption(views.MATRIX_ENCODING + " Hover a cell for the count of each polarity.")
        with right:
            show_chart(ctx, monthly, share=0.4)
        table = queries.stances_table(ctx.warehouse, ctx.filters)
        st.subheader("Every stance, with its evidence")
        st.caption(
            f"{len(table):,} shown, newest first · {md_escape(ctx.source('stances', 'stances'))}"
        )
        picked = show_table(
            reviewing.with_review_links(table, "stances", "stance_id").drop(
                columns=["article_id", "stance_id"]
            ),
            hide_index=True,
            width="stretch",
            key="stances_table",
            column_config={
                "evidence": st.column_config.TextColumn("evidence", width="large"),
                "review": reviewing.REVIEW_COLUMN,
            },
            on_select="rerun",
            selection_mode="multi-row",
        )
        evidence.table_selection(ctx, "stances_table", "stances", table, "stance_id", picked)
