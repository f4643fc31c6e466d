"""Humanitarian figures: by category and place, over time, where sources disagree, and the table."""

import streamlit as st

from briefing import queries, reviewing, views
from briefing.downloads import pack_menu, show_chart
from briefing.text import md_escape
from briefing.ui import header, nothing_matches, page_context, show_table

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Humanitarian figures",
        "Refugee, displaced, civilian, resettlement and casualty numbers as the sources cite "
        "them. Dates are the figure's as-of date, else the article's publication date.",
        lambda: pack_menu(ctx, "Humanitarian figures", lambda: views.figures(ctx)),
    )
    table = queries.figures_table(wh, f)
    if table.empty:
        nothing_matches("figures")
    else:
        spread, by_place, over_time = views.figures(ctx)
        st.subheader("Which number to brief?")
        st.caption(
            "Quantities (same category and place) cited with different values, and who cited each."
        )
        show_chart(ctx, spread)

        left, right = st.columns(2, gap="large")
        with left:
            show_chart(ctx, by_place)
        with right:
            show_chart(ctx, over_time)

        st.subheader("Every figure, with its evidence")
        st.caption(
            f"{len(table):,} shown, newest first · {md_escape(ctx.source('figures', 'figures'))}"
        )
        show_table(
            reviewing.with_review_links(table, "figures", "figure_id").drop(
                columns=["article_id", "figure_id"]
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "as_of": st.column_config.TextColumn("as of"),
                "value": st.column_config.NumberColumn("value", format="localized"),
                "evidence": st.column_config.TextColumn("evidence", width="large"),
                "review": reviewing.REVIEW_COLUMN,
            },
        )
