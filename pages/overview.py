"""Overview: headline numbers, latest statements, balance of stances, most cited figures."""

import streamlit as st

from briefing import chart_cache, deck, queries, saved_views, since, views
from briefing.downloads import pack_menu, show_chart
from briefing.filters import added_text
from briefing.ui import header, nothing_matches, page_context, show_table


def opened_views(ctx) -> dict[str, object]:
    """Saved views that were opened before this session, by name: when each was last opened."""
    try:
        views_ = saved_views.ViewStore.for_warehouse(ctx.warehouse.path).list()
    except (saved_views.ViewError, OSError):
        return {}
    opened = {v.name: saved_views.briefed_at(v) for v in views_}
    return {name: when for name, when in opened.items() if when is not None}


def whats_new(ctx) -> None:
    """The articles added since the `added` day and how their stances compare with before."""
    wh, f = ctx.warehouse, ctx.filters
    st.subheader(f"New since {added_text(f.added_since, ' ')}")
    st.caption(
        "Every number, chart and briefing pack on every page now shows only what came from "
        "articles added on or after that day (the sidebar's **Added since**; clear it to see "
        "everything)."
    )
    changes = since.stance_changes(wh, f)
    if not changes.empty:
        counts = changes["change"].value_counts()
        st.markdown(
            "**Stances in the new articles**: "
            + " · ".join(
                f"{counts.get(c, 0):,} {since.plural(c, counts.get(c, 0))}"
                for c in (since.CHANGED, since.NEW_PAIR, since.SAME)
            )
            + " (compared with the latest earlier stance of the same source towards the same "
            "target)"
        )
        show_table(
            since.with_links(changes, f).fillna({"before": "—", "before_date": "—"})[
                [
                    "change",
                    "source_name",
                    "target_name",
                    "polarity",
                    "before",
                    "before_date",
                    "evidence",
                    "date",
                    "outlet",
                    "read",
                ]
            ],
            hide_index=True,
            width="stretch",
            column_config={
                "source_name": "source",
                "target_name": "target",
                "before": st.column_config.TextColumn(
                    "before", help="The latest earlier stance of this source towards this target"
                ),
                "before_date": "before (date)",
                "evidence": st.column_config.TextColumn("evidence", width="large"),
                "read": st.column_config.LinkColumn(
                    "read", display_text="Read it", help="The sentence in its article"
                ),
            },
        )
    articles = since.new_articles(wh, f)
    st.markdown(f"**New articles**: {len(articles):,}")
    if articles.empty:
        nothing_matches("articles added since that day")
    else:
        show_table(
            since.with_links(articles, f).drop(columns="article_id"),
            hide_index=True,
            width="stretch",
            column_config={
                "added": st.column_config.TextColumn("added (UTC)"),
                "read": st.column_config.LinkColumn("read", display_text="Open"),
            },
        )


ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Overview",
        "Every number below follows the sidebar filters.",
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
    span = (
        f"Articles published {numbers['first_label']} – {numbers['last_label']}"
        if numbers["first"]
        else "No article dates known"
    )
    cols[0].metric("Articles", f"{numbers['articles']:,}")
    cols[1].metric("Outlets", f"{numbers['outlets']:,}")
    cols[2].metric("Statements", f"{numbers['statements']:,}")
    cols[3].metric("Actors", f"{numbers['actors']:,}")
    cols[4].metric("Figures", f"{numbers['figures']:,}")
    cols[5].metric("Stances", f"{numbers['stances']:,}")
    st.caption(f"{span} · {numbers['events']:,} dated events")
    if f.added_since:
        whats_new(ctx)
    else:
        since.choose_since(opened_views(ctx))

    if not any(numbers[k] for k in ("articles", "statements", "stances", "figures", "events")):
        nothing_matches("articles or extractions")
    else:
        balance, monthly, cited = chart_cache.charts(views.overview, ctx)
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
            show_chart(ctx, balance, share=0.4)
            st.page_link(
                "pages/stances.py",
                label="Stances in detail",
                icon=":material/arrow_forward:",
            )

        left, right = st.columns([3, 2], gap="large")
        with left:
            show_chart(ctx, monthly, share=0.6)
        with right:
            show_chart(ctx, cited, share=0.4)
            st.page_link(
                "pages/figures.py",
                label="Humanitarian figures",
                icon=":material/arrow_forward:",
            )
