"""Questions of the page for adding articles.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.queries.connection import CACHE, Warehouse, _frame, flat

# --- the page for adding articles ------------------------------------------------------------


@st.cache_data(**CACHE)
def article_titles(wh: Warehouse) -> dict[str, str]:
    """Every article's id and title, to tell an upload that it is already loaded."""
    df = _frame(wh, "SELECT article_id, COALESCE(title, '') AS title FROM articles")
    return dict(zip(df["article_id"], df["title"], strict=True))


@st.cache_data(**CACHE)
def articles_from_files(wh: Warehouse, files: tuple[str, ...]) -> pd.DataFrame:
    """The articles read from these files (relative paths; a bundle's records count as its own)."""
    return _frame(
        wh,
        f"""SELECT a.article_id, a.source_path, a.title, a.outlet, fa.date_label AS published,
               a.url
        FROM articles a JOIN {flat("articles")} fa ON fa.article_id = a.article_id
        WHERE list_contains(?, split_part(a.source_path, '#', 1)) ORDER BY a.source_path""",
        [list(files)],
    )


@st.cache_data(**CACHE)
def rows_per_table(wh: Warehouse, article_ids: tuple[str, ...]) -> pd.DataFrame:
    """How many rows of each extraction table these articles gave."""
    tables = ("articles", "mentions", "statements", "stances", "figures", "events")
    sql = " UNION ALL ".join(
        f'SELECT \'{t}\' AS "table", count(*) AS "rows" FROM {t} WHERE list_contains(?, article_id)'
        for t in tables
    )
    return _frame(wh, sql, [list(article_ids)] * len(tables))


@st.cache_data(**CACHE)
def rejected_files(wh: Warehouse, files: tuple[str, ...]) -> pd.DataFrame:
    """What the ETL turned away among these files, and why."""
    return _frame(
        wh,
        """SELECT source_path, reason, detail FROM rejected
        WHERE list_contains(?, split_part(source_path, '#', 1)) ORDER BY source_path""",
        [list(files)],
    )
