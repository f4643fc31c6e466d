"""Sources: every article with metadata and extraction counts; read one with its extractions
highlighted; the files the ETL rejected and why."""

import pandas as pd
import streamlit as st

from briefing import queries
from briefing.downloads import pack_menu
from briefing.text import Highlight, article_html, md_escape
from briefing.ui import header, nothing_matches, page_context, show_table

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    header(
        "Sources",
        "The articles behind every number. Select one to read its cleaned text with "
        "each extraction highlighted.",
        lambda: pack_menu(ctx, "Sources", list),
    )
    table = queries.articles_table(wh, f)
    if table.empty:
        nothing_matches("articles")
    else:
        st.caption(f"{len(table):,} articles · {md_escape(ctx.source('articles', 'articles'))}")
        event = show_table(
            table.drop(columns=["article_id"]),
            links=["url"],
            hide_index=True,
            width="stretch",
            on_select="rerun",
            selection_mode="single-row",
            key="sources_table",
            column_config={
                "url": st.column_config.LinkColumn("url"),
                "title": st.column_config.TextColumn("title", width="large"),
            },
        )
        rows = event.selection.rows if event is not None else []
        titles = dict(zip(table["article_id"], table["title"].fillna("(untitled)")))
        picked = st.selectbox(
            "Read article",
            list(table["article_id"]),
            key="sources_article",
            format_func=lambda a: titles.get(a, a),
            help="Or select a row in the table above.",
        )
        chosen = table["article_id"].iloc[rows[0]] if rows and rows[0] < len(table) else picked
        record = queries.article(wh, chosen)
        if record:
            st.subheader(md_escape(record["title"] or "(untitled)"))
            published = record.get("published")
            published = None if published is None or pd.isna(published) else published
            st.caption(
                " · ".join(
                    md_escape(v)
                    for v in (
                        record.get("outlet"),
                        published,
                        record.get("source_path"),
                        record.get("url"),
                    )
                    if v
                )
            )
            spans = queries.article_extractions(wh, chosen)
            st.html(
                article_html(
                    record["body"] or "",
                    [
                        Highlight(k, int(s), int(e), lab)
                        for k, s, e, lab in zip(
                            spans["kind"], spans["start"], spans["end"], spans["label"]
                        )
                    ],
                )
            )

    st.subheader("Rejected files")
    bad = queries.rejected(wh)
    if bad.empty:
        st.caption("The ETL rejected no files.")
    else:
        show_table(
            bad,
            hide_index=True,
            width="stretch",
            column_config={"detail": st.column_config.TextColumn("detail", width="large")},
        )
