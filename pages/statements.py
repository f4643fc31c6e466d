"""Statements: searchable table; pick one to read its evidence highlighted in context."""

import streamlit as st

from briefing import deck, page_state, queries, reviewing
from briefing.downloads import pack_menu
from briefing.filters import MAX_VALUE_CHARS
from briefing.text import Highlight, article_html, md_escape
from briefing.ui import header, nothing_matches, page_context, show_table

LIMIT = 500

ctx = page_context()
if ctx:
    wh, f = ctx.warehouse, ctx.filters
    search = ""  # until the search box below is drawn
    header(
        "Statements",
        "What was said, by whom, when and where it was reported. "
        "Select a row to read it in context.",
        # Built when pressed, with the search typed below.
        lambda: pack_menu(ctx, "Statements", list, quotes=lambda: deck.quote_slide(ctx, search)),
    )
    page_state.choice("q", "statements_search", "")
    search = st.text_input(
        "Search quotes and speakers",
        key="statements_search",
        placeholder="e.g. refugees, Lavrov, ceasefire",
        max_chars=MAX_VALUE_CHARS,
    )
    page_state.keep("q", search.strip(), default="")
    total = queries.statements_count(wh, f, search)
    table = queries.statements_table(wh, f, search, LIMIT)
    if table.empty:
        nothing_matches("statements" + (f" containing “{md_escape(search)}”" if search else ""))
    else:
        shown = f"{len(table):,} of {total:,}" if total > len(table) else f"{total:,}"
        st.caption(
            f"{shown} statements, newest first · "
            + md_escape(ctx.source("statements", "statements"))
        )
        event = show_table(
            reviewing.with_review_links(table, "statements", "statement_id").drop(
                columns=["statement_id", "article_id"]
            ),
            hide_index=True,
            width="stretch",
            on_select="rerun",
            selection_mode="single-row",
            key="statements_table",
            column_config={
                "quote": st.column_config.TextColumn("quote", width="large"),
                "is_direct": st.column_config.CheckboxColumn("direct"),
                "review": reviewing.REVIEW_COLUMN,
            },
        )
        # The statement read in context: the row selected in the table, else the link's
        # (`statement=`, when it is among the rows shown), else the newest.
        rows = event.selection.rows if event is not None else []
        ids = list(table["statement_id"])
        page_state.choice("statement", "statements_read", None, allowed=ids)
        picked = ids[rows[0]] if rows and rows[0] < len(ids) else None
        if picked is not None and picked != st.session_state.get("statements_picked"):
            st.session_state["statements_read"] = picked  # a row selected just now
        st.session_state["statements_picked"] = picked
        read = st.session_state.get("statements_read")
        chosen = table.iloc[ids.index(read) if read in ids else 0]
        page_state.keep("statement", read if read in ids else None)
        said_on = chosen["date"] if isinstance(chosen["date"], str) else "undated"
        st.subheader(md_escape(f"{chosen['speaker']}, {said_on}"))
        context = queries.statement_context(wh, chosen["statement_id"])
        if context:
            spans = [Highlight("quote", context["start"], context["end"], "the statement")]
            spans += [
                Highlight("stance", s, e, "stance evidence") for s, e in context["stance_spans"]
            ]
            text = (
                ("… " if context["clipped_before"] else "")
                + context["excerpt"]
                + (" …" if context["clipped_after"] else "")
            )
            shift = 2 if context["clipped_before"] else 0
            spans = [Highlight(h.kind, h.start + shift, h.end + shift, h.label) for h in spans]
            st.html(article_html(text, spans, legend=("quote", "stance")))
            meta = f"{context['outlet'] or 'unknown outlet'} · {context['title'] or ''}"
            st.caption(md_escape(meta))
            if not context["stances"].empty:
                show_table(
                    context["stances"][["polarity", "source", "target", "evidence", "confidence"]],
                    hide_index=True,
                    width="stretch",
                )
