"""Overview: headline numbers, latest statements, balance of stances, most cited figures."""

import streamlit as st

from briefing import deck, queries, views
from briefing.downloads import pack_menu, show_chart
from briefing.text import md_escape
from briefing.ui import header, nothing_matches, page_context, show_table

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Overview",
        f"{md_escape(f.describe(ctx.names))}. Every number below follows the sidebar filters.",
        lambda: pack_menu(
            ctx,
            "Overview",
            lambda: views.overview(ctx),
            quotes=lambda: deck.quote_slide(ctx),
            whole_dashboard=lambda: views.whole_dashboard(ctx),
        ),
    )
    numbers = queries.headline(wh, f)
    cols = st.columns(6)
    span = f"{numbers['first_label']} – {numbers['last_label']}" if numbers["first"] else "undated"
    cols[0].metric("Articles", f"{numbers['articles']:,}")
    cols[1].metric("Outlets", f"{numbers['outlets']:,}")
    cols[2].metric("Statements", f"{numbers['statements']:,}")
    cols[3].metric("Actors", f"{numbers['actors']:,}")
    cols[4].metric("Figures", f"{numbers['figures']:,}")
    cols[5].metric("Stances", f"{numbers['stances']:,}")
    st.caption(f"Articles published {span} · {numbers['events']:,} dated events")

    if not any(numbers[k] for k in ("articles", "statements", "stances", "figures", "events")):
        nothing_matches("articles or extractions")
    else:
        balance, monthly, cited = views.overview(ctx)
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.subheader("Latest statements")
            latest = queries.latest_statements(wh, f)
            if latest.empty:
                nothing_matches("statements")
            else:
                show_table(
                    latest,
                    hide_index=True,
                    width="stretch",
                    column_config={
                        "quote": st.column_config.TextColumn("quote", width="large"),
                    },
                )
            st.page_link(
                "pages/statements.py",
                label="All statements",
                icon=":material/arrow_forward:",
            )
        with right:
            show_chart(ctx, balance)
            st.page_link(
                "pages/stances.py",
                label="Stances in detail",
                icon=":material/arrow_forward:",
            )

        left, right = st.columns([3, 2], gap="large")
        with left:
            show_chart(ctx, monthly)
        with right:
            show_chart(ctx, cited)
            st.page_link(
                "pages/figures.py",
                label="Humanitarian figures",
                icon=":material/arrow_forward:",
            )
