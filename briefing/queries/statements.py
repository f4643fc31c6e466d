"""Questions of the Statements page: an actor's statements, the searchable table, a statement's context, statements over time.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.filters import Filters
from briefing.queries.connection import CACHE, Warehouse, _frame, flat
from briefing.queries.overview import _text
from briefing.queries.where import _for, _run, _run_newest, confidence_label, newest_first
from briefing.text import word_window
from etl import derived


@st.cache_data(**CACHE)
def actor_statements(wh: Warehouse, f: Filters, actor_id: str, limit: int = 50) -> pd.DataFrame:
    return _run(
        wh,
        "statements",
        f,
        f"""
        SELECT date_label AS date, quote, is_direct, outlet, title,
               {confidence_label()} AS confidence, article_id
        FROM rows WHERE speaker_id = ? ORDER BY row_date DESC NULLS LAST LIMIT ?""",
        [actor_id, limit],
    )


def _search_clause(search: str) -> tuple[str, list]:
    if not search.strip():
        return "TRUE", []
    # ILIKE with the analyst's words escaped: % and _ are literal.
    pattern = (
        "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    )
    return (
        "(quote ILIKE ? ESCAPE '\\' OR speaker ILIKE ? ESCAPE '\\' "
        "OR speaker_text ILIKE ? ESCAPE '\\')"
    ), [pattern] * 3


@st.cache_data(**CACHE)
def statements_table(wh: Warehouse, f: Filters, search: str = "", limit: int = 500) -> pd.DataFrame:
    """Statements, newest first, with their stance targets and polarities."""
    clause, params = _search_clause(search)
    return _run_newest(
        wh,
        "statements",
        f,
        f"""
        SELECT statement_id, date_label AS date, speaker, country, quote, is_direct, targets,
               polarity, outlet, cue, {confidence_label()} AS confidence,
               review_status AS status, article_id
        FROM rows WHERE {clause}
        ORDER BY {newest_first("statements")} LIMIT ?""",
        params + [limit],
        limit,
        narrowed=bool(params),  # a search keeps rows beyond the newest
    )


@st.cache_data(**CACHE)
def statements_count(wh: Warehouse, f: Filters, search: str = "") -> int:
    clause, params = _search_clause(search)
    return int(
        _run(
            wh,
            "statements",
            f,
            f"SELECT count(*) AS n FROM rows WHERE {clause}",
            params,
        )["n"].iloc[0]
    )


@st.cache_data(**CACHE)
def statement_context(wh: Warehouse, statement_id: str, window: int = 400) -> dict | None:
    """The text around a statement (its span re-based to the excerpt), and its stances."""
    df = _frame(
        wh,
        f"""
        SELECT s.char_start, s.char_end, a.body, a.title, a.outlet, a.url, fa.date_label,
               a.article_id
        FROM statements s JOIN articles a ON a.article_id = s.article_id
        JOIN {flat("articles")} fa ON fa.article_id = s.article_id
        WHERE s.statement_id = ?""",
        [statement_id],
    )
    if df.empty:
        return None
    row = df.iloc[0]
    body, start, end = row["body"], int(row["char_start"]), int(row["char_end"])
    lo, hi = word_window(body, start, end, window)
    stances = _frame(
        wh,
        f"""
        SELECT polarity, source_name AS source, target_name AS target, evidence,
               {confidence_label()} AS confidence, char_start, char_end
        FROM {flat("stances")} WHERE statement_id = ? ORDER BY stance_id""",
        [statement_id],
    )
    return {
        "excerpt": body[lo:hi],
        "start": start - lo,
        "end": end - lo,
        "clipped_before": lo > 0,
        "clipped_after": hi < len(body),
        "title": row["title"],
        "outlet": row["outlet"],
        "url": row["url"],
        "published": _text(row["date_label"]),
        "stances": stances,
        "stance_spans": [
            (int(s) - lo, int(e) - lo)
            for s, e in zip(stances["char_start"], stances["char_end"])
            if lo <= int(s) and int(e) <= hi
        ],
    }


@st.cache_data(**CACHE)
def statements_over_time(
    wh: Warehouse, f: Filters, top: int = derived.OVER_TIME_COUNTRIES
) -> pd.DataFrame:
    """The bars of "statements over time", binned here as the chart draws them: `unit`
    (month, quarter or year, by the span of the rows), `period` (the bin's first day),
    `country` and `country_id` (the `top` countries by statements, the rest together as
    'other', speakers of no known country as 'no country'), `statements` and `articles` (how
    many articles the bar's statements come from). See etl.derived.statements_over_time_sql."""
    if _for("statements", f) == Filters() and top == derived.OVER_TIME_COUNTRIES:
        return _frame(wh, "SELECT * FROM memory.main.agg_statements_over_time ORDER BY ALL")
    return _run(wh, "statements", f, derived.statements_over_time_sql(), [top])


def _statements_monthly(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Statements per month, speaker country and article: what the chart binned itself before
    the query did (the reference the tests compare `statements_over_time` with)."""
    return _run(
        wh,
        "statements",
        f,
        """
        SELECT date_trunc('month', row_date)::DATE AS month, country_id, country, article_id,
               count(*) AS statements
        FROM rows WHERE row_date IS NOT NULL GROUP BY ALL ORDER BY month, article_id""",
        many=True,
    )
