"""Figures reconciled: one quantity (category, people, place), what each source said as of
when. Sources that disagree at the same time are kept apart from a count that changed over
time; the official series, where the articles cite one, is the reference line. Opened from the
Humanitarian figures page ("Which number to brief?") or as /reconcile?quantity=<key>.
"""

from __future__ import annotations

import json

import streamlit as st

from briefing import evidence, page_state, reconcile
from briefing.downloads import pack_menu, show_chart
from briefing.text import md_escape
from briefing.ui import header, nothing_matches, page_context, show_table
from briefing.views import Chart

EVIDENCE_ROWS = 200
KEY = "reconcile_quantity"


def choose(options: dict[str, str]) -> str | None:
    """The quantity select box, its choice in the URL as `quantity` like every page's choices
    (briefing/page_state.py): a link, Back and a page switch reopen it."""
    ids = list(options)
    ss = st.session_state
    page_state.choice("quantity", KEY, ids[0], allowed=ids)
    if ss.get(KEY) not in options:  # the filters have left the old choice out
        ss[KEY] = ids[0]
    chosen = st.selectbox(
        "Quantity (category · people or currency · place)",
        ids,
        key=KEY,
        format_func=lambda key: options.get(key, key),
        help="Figures count the same quantity when they have the same category, the same "
        "people (civilians, soldiers, children\u2026) or currency and the same place.",
    )
    page_state.keep("quantity", chosen)  # always written: the first choice depends on the data
    return chosen


def chart_of(ctx, found, label: str) -> Chart:
    source = reconcile.source_of(found, ctx.filters.describe(ctx.names))
    return Chart(
        "reconcile",
        "Figures reconciled",
        reconcile.figure(found, label, source),
        reconcile.export_frame(found),
        "figures",
        reconcile.summary(found, label),
        evidence=True,
        # The pack's notes and sources are this quantity's figures, not every figure.
        marks=(reconcile.every_figure(found),),
    )


ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    # The quantity a link asked for, to say so when the filters leave it out.
    wanted = page_state.url_params().get("quantity")
    figures = reconcile.quantity_figures(wh, f)
    options = reconcile.choices(figures)
    labels = dict(zip(options["quantity_key"], options["quantity_label"], strict=True))
    found, label = None, None  # set once a quantity is chosen; the pack reads them then
    header(
        "Figures reconciled",
        "What each source said of one quantity, as of when. Different values for the same "
        "as-of period are a disagreement (the shaded spread); the same count at a later date "
        "is a change over time. Qualifiers (\u201cmore than\u201d, \u201cabout\u201d) are kept, "
        "and two values they make compatible are not called a disagreement.",
        lambda: pack_menu(
            ctx,
            "Figures reconciled",
            lambda: [chart_of(ctx, found, label)] if found is not None else [],
        ),
    )
    if options.empty:
        nothing_matches("figures with a place")
    else:
        if wanted and wanted not in labels and KEY not in st.session_state:
            st.warning(
                "The link's quantity is not among the figures under these filters; showing "
                "the first one instead.",
                icon=":material/info:",
            )
        chosen = choose(labels)
        label = labels[chosen]
        found = reconcile.points(figures, chosen)
        band = reconcile.spreads(found)
        cols = st.columns(4)
        cols[0].metric("Figures", f"{int(found['citations'].sum()) if not found.empty else 0:,}")
        cols[1].metric("Sources", f"{found['cited_by'].nunique():,}")
        cols[2].metric("As-of periods", f"{len(band):,}")
        cols[3].metric(
            "Periods where sources disagree",
            f"{int((band['verdict'] == reconcile.DISAGREE).sum()):,}",
        )
        picked = reconcile.reference(found)
        if picked is None and not found.empty:
            known = reconcile.REFERENCE_AGENCIES.get(found["category"].iloc[0], ())
            st.caption(
                "No official series is cited for this quantity"
                + (
                    f" (for {md_escape(found['category'].iloc[0].replace('_', ' '))}: "
                    f"{', '.join(known).upper()})."
                    if known
                    else "."
                )
            )
        undated = found.attrs.get("undated", 0)
        if undated:
            st.caption(
                f"{undated:,} undated figure(s) of this quantity cannot be placed in time; they "
                "are in the list of every figure at the foot of the page."
            )
        show_chart(ctx, chart_of(ctx, found, label))

        st.subheader("Sources disagree at the same time")
        st.caption(
            "Each as-of period (as-of dates within a month of each other) with every value cited "
            "for it. A lower bound (\u201cmore than 5 million\u201d) and a higher value "
            "(\u201c5.6 million\u201d) are compatible, not a disagreement."
        )
        show_table(
            band[["period_label", "said", "low", "high", "verdict"]],
            hide_index=True,
            width="stretch",
            column_config={
                "period_label": "as-of period",
                "said": st.column_config.TextColumn("what was said (who)", width="large"),
                "low": st.column_config.NumberColumn("lowest", format="compact"),
                "high": st.column_config.NumberColumn("highest", format="compact"),
                "verdict": "at this period",
            },
        )
        st.subheader("Changed over time")
        changes = reconcile.over_time(found)
        if changes.empty:
            st.caption("Cited for one as-of period only: nothing to compare over time.")
        else:
            st.caption(
                "Each as-of period beside the one before it. The same source on both sides is a "
                "change in its count; different sources are different counts, compare with care."
            )
            show_table(
                changes.drop(columns="same_sources"),
                hide_index=True,
                width="stretch",
                column_config={
                    "from_period": "from",
                    "to_period": "to",
                    "from_said": st.column_config.TextColumn("then (who)", width="medium"),
                    "to_said": st.column_config.TextColumn("later (who)", width="medium"),
                    "change": st.column_config.NumberColumn(
                        "change", help="Of the middle value", format="percent"
                    ),
                    "sources": "sources",
                },
            )
        evidence.list_marks(
            ctx,
            "reconcile_all",
            [json.loads(reconcile.every_figure(found))],
            f"Every figure of {label}",
            limit=EVIDENCE_ROWS,
        )
