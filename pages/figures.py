"""Humanitarian figures: which number to brief, head counts and money by place, head counts over
time, and every figure with its evidence."""

import streamlit as st

from briefing import chart_cache, evidence, queries, reconcile, reviewing, views
from briefing.downloads import pack_menu, show_chart
from briefing.text import md_escape
from briefing.ui import header, nothing_matches, page_context, show_table

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Humanitarian figures",
        "Refugee, displaced, civilian, resettlement and casualty numbers, and aid money, as the "
        "sources cite them, with their qualifiers (\u201cmore than\u201d, \u201cabout\u201d). "
        "Dates are the figure's as-of date, else the article's publication date.",
        lambda: pack_menu(ctx, "Humanitarian figures", lambda: views.figures(ctx)),
    )
    table = queries.figures_table(wh, f)
    if table.empty:
        nothing_matches("figures")
    else:
        spread, people, money, over_time = chart_cache.charts(views.figures, ctx)
        if not f.categories:
            st.caption(
                "Charts show the humanitarian categories only; troops and other figures are "
                "left out unless chosen under Figure category. The table lists every figure."
            )
        st.subheader("Which number to brief?")
        st.caption(
            "Values cited for the same quantity: the same category, the same people (civilians, "
            "soldiers, diplomats\u2026) or currency, the same place, and as-of dates within a "
            "month of each other. The same count a year later is a change, not a second source."
        )
        show_chart(ctx, spread)
        # Each quantity above over time, every source and as-of date: the Figures reconciled page.
        reconciled = reconcile.keys_of_spread(spread.data, reconcile.quantity_figures(wh, f))
        st.markdown(
            "**Over time, by source:** "
            + (
                " · ".join(
                    f"[{md_escape(label)}]({reconcile.link(key, f)})"
                    for key, label in reconciled.items()
                )
                or f"[every quantity]({reconcile.link(None, f)})"
            )
        )

        left, right = st.columns(2, gap="large")
        with left:
            show_chart(ctx, people, share=0.5)
        with right:
            show_chart(ctx, money, share=0.5)
        show_chart(ctx, over_time)

        st.subheader("Every figure, with its evidence")
        st.caption(
            f"{len(table):,} shown, newest first · {md_escape(ctx.source('figures', 'figures'))}"
        )
        # Each figure's quantity on the Figures reconciled page: all sources' numbers for it.
        quantity = reconcile.figure_links(reconcile.quantity_figures(wh, f), f)
        linked = reviewing.with_review_links(table, "figures", "figure_id").assign(
            same_quantity=[quantity.get(str(i)) for i in table["figure_id"]]
        )
        picked = show_table(
            linked.drop(columns=["article_id", "figure_id", "value_text", "qualifier"]),
            hide_index=True,
            width="stretch",
            column_config={
                "as_of": st.column_config.TextColumn("as of"),
                "figure": st.column_config.TextColumn(
                    "figure", help="As written, with its qualifier", width="medium"
                ),
                "value": st.column_config.NumberColumn(
                    "value", help="The number, for sorting", format="compact", width="small"
                ),
                "cited_by": st.column_config.TextColumn("cited by"),
                "evidence": st.column_config.TextColumn("evidence", width="large"),
                "review": reviewing.REVIEW_COLUMN,
                "same_quantity": reconcile.QUANTITY_COLUMN,
            },
            on_select="rerun",
            selection_mode="multi-row",
            key="figures_table",
        )
        evidence.table_selection(ctx, "figures_table", "figures", table, "figure_id", picked)
