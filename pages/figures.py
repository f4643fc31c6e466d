"""Humanitarian figures: by category and place, over time, where sources disagree, and the table."""

import streamlit as st

from briefing import charts, queries
from briefing.export import show_chart
from briefing.ui import header, nothing_matches, page_context

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Humanitarian figures",
        "Refugee, displaced, civilian, resettlement and casualty numbers as the sources cite "
        "them. Dates are the figure's as-of date, else the article's publication date.",
    )
    source = ctx.source("figures", "figures")
    table = queries.figures_table(wh, f)
    if table.empty:
        nothing_matches("figures")
    else:
        spread = queries.figure_spread(wh, f)
        st.subheader("Which number to brief?")
        st.caption(
            "Quantities (same category and place) cited with different values, and who cited each."
        )
        show_chart(
            charts.figure_spread(spread, source),
            spread,
            "Figure spread",
            "figures_spread",
        )

        left, right = st.columns(2, gap="large")
        with left:
            by_place = queries.figures_by_place(wh, f)
            show_chart(
                charts.figures_by_place(by_place, source),
                by_place,
                "Figures by category and place",
                "figures_place",
            )
        with right:
            over_time = queries.figures_over_time(wh, f)
            show_chart(
                charts.figures_timeline(over_time, source),
                over_time,
                "Figures over time",
                "figures_time",
            )

        st.subheader("Every figure, with its evidence")
        st.caption(f"{len(table):,} shown, newest first · {source}")
        st.dataframe(
            table.drop(columns=["article_id"]),
            hide_index=True,
            width="stretch",
            column_config={
                "as_of": st.column_config.TextColumn("as of"),
                "value": st.column_config.NumberColumn("value", format="localized"),
                "evidence": st.column_config.TextColumn("evidence", width="large"),
            },
        )
