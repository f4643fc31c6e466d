"""Sources: every article with metadata and extraction counts; read one with its extractions
highlighted; the files the ETL rejected and why.

A link may open one article: `?article=<article_id>`, and `&mark=<start>-<end>` highlights the
characters [start, end) of its text (a chart's evidence sentence, see briefing/evidence.py).
Below the text, "Review this article" lists its rows with links to review them and adds a row
the machine missed (briefing/article_review.py)."""

import re

import pandas as pd
import streamlit as st

from briefing import queries, theme
from briefing.article_review import review_section
from briefing.downloads import pack_menu
from briefing.text import Highlight, article_html, article_title, md_escape
from briefing.ui import header, nothing_matches, page_context, show_table

_LINKED = "sources_linked"  # the article link this session has already opened


def _forget_link() -> None:
    """Another article chosen: the link's article and mark no longer describe the page."""
    for name in ("article", "mark"):
        if name in st.query_params:
            del st.query_params[name]


def _marked() -> tuple[int, int] | None:
    found = re.fullmatch(r"([0-9]{1,9})-([0-9]{1,9})", st.query_params.get("mark", ""))
    return (int(found[1]), int(found[2])) if found else None


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
        st.caption(md_escape(ctx.source("articles", "articles")))
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
        titles = dict(zip(table["article_id"], table["title"].map(article_title)))
        ids = list(table["article_id"])
        linked = st.query_params.get("article")
        if linked and st.session_state.get(_LINKED) != linked:
            st.session_state[_LINKED] = linked  # open it once; the analyst may pick another
            if linked in ids:
                st.session_state["sources_article"] = linked
        picked = st.selectbox(
            "Read article",
            ids,
            key="sources_article",
            format_func=lambda a: titles.get(a, a),
            help="Or select a row in the table above.",
            on_change=_forget_link,
        )
        chosen = table["article_id"].iloc[rows[0]] if rows and rows[0] < len(table) else picked
        if linked and linked not in ids and not rows:
            st.info("The linked article is not among the articles under the current filters.")
        mark = _marked() if linked == chosen else None
        record = queries.article(wh, chosen)
        if record:
            st.subheader(md_escape(record["title"]))
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
            highlights = [
                Highlight(k, int(s), int(e), lab)
                for k, s, e, lab in zip(spans["kind"], spans["start"], spans["end"], spans["label"])
            ]
            if mark:
                highlights.append(Highlight("selected", *mark))
                st.caption("The evidence you selected is highlighted in yellow.")
            legend = (*theme.ARTICLE_KINDS, "selected") if mark else theme.ARTICLE_KINDS
            st.html(article_html(record["body"] or "", highlights, legend))
            review_section(wh, chosen, record["body"] or "")

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
