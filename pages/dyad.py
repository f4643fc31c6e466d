"""Pair over time: one source's stances towards one target ("Has Canada's line on Russia
hardened?"), each article weighted once, with every evidence sentence beneath. Opened from a
stance mark's evidence ("This pair over time") or as /dyad?source=canada&target=russia&side=country.
"""

from __future__ import annotations

import streamlit as st

from briefing import dyad, evidence, page_state, queries
from briefing.downloads import pack_menu, show_chart
from briefing.ui import header, nothing_matches, page_context
from briefing.views import Chart

EVIDENCE_ROWS = 200


def _choose(label: str, param: str, options: dict[str, str], key: str) -> str | None:
    """A select box of `options` whose choice is in the URL as `param`, like every page's
    choices (briefing/page_state.py): a link, Back and a page switch reopen it."""
    ids = list(options)
    if not ids:
        return None
    page_state.choice(param, key, ids[0], allowed=ids)
    if st.session_state.get(key) not in options:  # the filters have left the old choice out
        st.session_state[key] = ids[0]
    chosen = st.selectbox(label, ids, key=key, format_func=lambda i: options.get(i, i))
    page_state.keep(param, chosen)  # always written: the first choice depends on the data
    return chosen


ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    shown: list[Chart] = []  # the pair's chart once drawn below; the pack reads it when pressed
    header(
        "Pair over time",
        "One source's stances towards one target, per period. Each article counts once, split "
        "by the share of its critical, neutral and supportive sentences about the pair, so one "
        "long article is one article, not a trend.",
        lambda: pack_menu(ctx, "Pair over time", lambda: shown),
    )
    top = st.columns([1, 2, 2], vertical_alignment="bottom")
    # The pair is in the URL (side, source, target) as every page's choices are.
    page_state.choice("side", "dyad_side", "country", allowed=dyad.SIDES)
    with top[0]:
        side = st.segmented_control("Sides are", list(dyad.SIDES), key="dyad_side") or "country"
    page_state.keep("side", side, default="country")
    counts = queries.stance_counts(wh, f, side)
    if counts.empty:
        nothing_matches("stances")
    else:
        by_source = counts.groupby(["source_id", "source"], as_index=False)["stances"].sum()
        by_source = by_source.sort_values(["stances", "source"], ascending=[False, True])
        sources = dict(zip(by_source["source_id"], by_source["source"], strict=True))
        with top[1]:
            source = _choose("Source", "source", sources, "dyad_source")
        of_source = counts[counts["source_id"] == source]
        by_target = of_source.groupby(["target_id", "target"], as_index=False)["stances"].sum()
        by_target = by_target.sort_values(["stances", "target"], ascending=[False, True])
        targets = dict(zip(by_target["target_id"], by_target["target"], strict=True))
        with top[2]:
            target = _choose("Target", "target", targets, "dyad_target")

        names = f"{sources.get(source, source)} → {targets.get(target, target)}"
        stances = dyad.pair_stances(wh, f, side, source, target)
        articles = dyad.per_article(stances)
        cols = st.columns(4)
        cols[0].metric("Articles", f"{stances['article_id'].nunique():,}")
        cols[1].metric("Stance sentences", f"{len(stances):,}")
        if not articles.empty:
            shares = articles[list(dyad.POLARITY_ORDER)].mean()
            cols[2].metric("Critical (article-weighted)", f"{shares['critical']:.0%}")
            cols[3].metric(
                "Mean tone (−1 critical … +1 supportive)", f"{articles['tone'].mean():+.2f}"
            )
            size = dyad.bin_size(articles["row_date"].min(), articles["row_date"].max())
            periods = dyad.by_period(articles, size)
            title = f"{names}: stances per {dyad.PERIODS[size]}"
            pair = evidence.mark_key("stances", side=side, source=source, target=target)
            chart = Chart(
                key="dyad",
                name=f"{names} over time",
                figure=dyad.figure(
                    periods, title, size, dyad.source_line(stances, f.describe(ctx.names))
                ),
                # What the downloads hold: each period's article-weighted polarities.
                data=periods.drop(columns=["period"]).assign(pair=names),
                subject="stances",
                caption=title,
                marks=(pair,),  # the pack's notes and sources: this pair's sentences
            )
            shown.append(chart)
            show_chart(ctx, chart)
        undated = articles.attrs.get("undated", 0)
        if undated:
            st.caption(f"{undated:,} undated article(s) are in the evidence below, not the chart.")
        mark = {"kind": "stances", "side": side, "source": source, "target": target}
        evidence.list_marks(ctx, "dyad", [mark], f"Every stance of {names}", limit=EVIDENCE_ROWS)
