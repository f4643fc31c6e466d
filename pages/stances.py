"""Stances: who is critical of or supportive towards whom, as bars, a matrix and over time."""

import streamlit as st

from briefing import views
from briefing.downloads import pack_menu, show_chart
from briefing.ui import header, nothing_matches, page_context

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
    side = (
        st.segmented_control(
            "Group sources and targets by",
            ["country", "actor"],
            default="country",
            key="stances_side",
        )
        or "country"
    )
    bars, matrix, monthly = views.stances(ctx, side)
    if bars.data.empty:
        nothing_matches("stances")
    else:
        show_chart(ctx, bars)
        left, right = st.columns([3, 2], gap="large")
        with left:
            show_chart(ctx, matrix)
        with right:
            show_chart(ctx, monthly)
