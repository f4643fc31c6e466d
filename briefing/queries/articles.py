"""Questions about articles: the Sources table, one article, what was extracted from it, rejected files.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.filters import Filters
from briefing.queries.connection import CACHE, Warehouse, _frame, flat
from briefing.queries.where import _run_newest, newest_first


@st.cache_data(**CACHE)
def articles_table(wh: Warehouse, f: Filters, limit: int = 1000) -> pd.DataFrame:
    """Articles with their metadata and how many rows were extracted from each."""
    return _run_newest(
        wh,
        "articles",
        f,
        f"""
        SELECT article_id, date_label AS published, title, outlet, url, source_path, language,
               mentions, statements, stances, figures, events
        FROM rows ORDER BY {newest_first("articles")} LIMIT ?""",
        [limit],
        limit,
        narrowed=False,
    )


@st.cache_data(**CACHE)
def article(wh: Warehouse, article_id: str) -> dict | None:
    """One article's row, with `published` written at its precision."""
    df = _frame(
        wh,
        f"""SELECT a.*, fa.date_label AS published FROM articles a
        JOIN {flat("articles")} fa ON fa.article_id = a.article_id WHERE a.article_id = ?""",
        [article_id],
    )
    return None if df.empty else df.iloc[0].to_dict()


@st.cache_data(**CACHE)
def article_extractions(wh: Warehouse, article_id: str) -> pd.DataFrame:
    """Every highlighted span of one article: kind, start, end, label."""
    return _frame(
        wh,
        f"""
        SELECT 'actor' AS kind, m.char_start AS start, m.char_end AS "end",
               COALESCE(a.name, m.actor_id) AS label
        FROM mentions m LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE m.article_id = ?
        UNION ALL
        SELECT 'quote', char_start, char_end, 'statement by ' || COALESCE(speaker_text, '?')
        FROM statements WHERE article_id = ?
        UNION ALL
        SELECT 'figure', COALESCE(value_start, char_start), COALESCE(value_end, char_end),
               category || ': ' || value_text
        FROM {flat("figures")} WHERE article_id = ?
        UNION ALL
        SELECT 'event', char_start, char_end,
               event_type || ' on ' || COALESCE(date_label, 'an unknown date')
        FROM {flat("events")} WHERE article_id = ?
        ORDER BY start, "end" DESC""",
        [article_id] * 4,
    )


@st.cache_data(**CACHE)
def rejected(wh: Warehouse) -> pd.DataFrame:
    return _frame(
        wh,
        "SELECT source_path, reason, detail, rejected_at FROM rejected ORDER BY source_path",
    )
