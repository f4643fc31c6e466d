"""Stances: who is critical of or supportive towards whom, as bars, a matrix and over time."""

import streamlit as st

from briefing import charts, queries
from briefing.export import show_chart
from briefing.ui import header, nothing_matches, page_context

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Stances",
        "Critical, supportive and neutral stances from a source towards a target, "
        "each traced to its evidence sentence.",
    )
    side = (
        st.segmented_control(
            "Group sources and targets by",
            ["country", "actor"],
            default="country",
            key="stances_side",
        )
        or "country"
    )
    counts = queries.stance_counts(wh, f, side)
    if counts.empty:
        nothing_matches("stances")
    else:
        source = ctx.source("stances", "stances")
        show_chart(
            charts.stance_bars(counts, source, side=side),
            counts,
            f"Stances by {side}",
            "stances_bars",
        )
        left, right = st.columns([3, 2], gap="large")
        with left:
            show_chart(
                charts.stance_matrix(counts, source, side=side),
                counts,
                f"Stance matrix by {side}",
                "stances_matrix",
            )
        with right:
            monthly = queries.stances_over_time(wh, f)
            show_chart(
                charts.stances_over_time(monthly, source),
                monthly,
                "Stances per month",
                "stances_time",
            )
