"""Evidence and sources behind a chart, for briefing packs and downloads.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.filters import Filters
from briefing.queries.connection import CACHE, Warehouse, _frame, flat
from briefing.queries.figures import FIGURE_TEXT
from briefing.queries.statements import _search_clause
from briefing.queries.where import _filtered, _run, confidence_label

# --- evidence and sources for briefing packs --------------------------------------------------

_EVIDENCE_SQL = {
    # Direct quotes first: they are what a speaker note reads out.
    "statements": """
        SELECT 'quote' AS kind, quote AS text, speaker AS who, outlet, date_label AS "when", {confidence}
        FROM rows WHERE {search} ORDER BY is_direct DESC, row_date DESC NULLS LAST, statement_id LIMIT ?""",
    "stances": """
        SELECT 'stance' AS kind, evidence AS text,
               concat(COALESCE(source_name, '?'), ' → ', COALESCE(target_name, '?'),
                      ' (', COALESCE(polarity, '?'), ')') AS who,
               outlet, date_label AS "when", {confidence}
        FROM rows ORDER BY row_date DESC NULLS LAST, stance_id LIMIT ?""",
    # The figures most articles cite, each once, with the sentence that cites it.
    "figures": """
        SELECT 'figure' AS kind, evidence AS text,
               concat({figure_text}, ' ',
                      replace(COALESCE(category, 'other'), '_', ' '),
                      COALESCE(' in ' || location, ''),
                      ', cited by ', COALESCE(attributed_to, 'an unstated source')) AS who,
               outlet, date_label AS "when", {confidence}
        FROM rows
        QUALIFY row_number() OVER (PARTITION BY category, location, value
                                   ORDER BY row_date DESC NULLS LAST, figure_id) = 1
        ORDER BY count(DISTINCT article_id) OVER (PARTITION BY category, location, value) DESC,
                 value DESC, figure_id
        LIMIT ?""",
    "events": """
        SELECT 'event' AS kind, evidence AS text,
               concat(replace(COALESCE(event_type, 'event'), '_', ' '),
                      COALESCE(' in ' || location, ''),
                      COALESCE(': ' || participants, '')) AS who,
               outlet, date_label AS "when", {confidence}
        FROM rows ORDER BY row_date DESC NULLS LAST, event_id LIMIT ?""",
}


@st.cache_data(**CACHE)
def evidence(
    wh: Warehouse, f: Filters, subject: str, limit: int = 5, search: str = ""
) -> pd.DataFrame:
    """The rows behind a chart, for speaker notes: kind, text, who, outlet, when, confidence
    (its label) and review status. Statements can be narrowed by the Statements page's
    `search`."""
    if subject not in _EVIDENCE_SQL:
        raise ValueError(f"no evidence for {subject!r}")
    if search and subject != "statements":
        raise ValueError("only statements are searched")
    clause, params = _search_clause(search)
    sql = (
        _EVIDENCE_SQL[subject]
        .replace("{search}", clause)
        .replace("{confidence}", f"{confidence_label()} AS confidence, review_status AS status")
        .replace("{figure_text}", FIGURE_TEXT)
    )
    return _run(wh, subject, f, sql, (params if subject == "statements" else []) + [limit])


@st.cache_data(**CACHE)
def sources(wh: Warehouse, f: Filters, limit: int = 500) -> pd.DataFrame:
    """The articles under the filters, oldest first: outlet, published (at its precision),
    title, url."""
    found = _run(
        wh,
        "articles",
        f,
        """
        SELECT outlet, date_label AS published, title, url, article_id
        FROM rows ORDER BY row_date NULLS LAST, outlet, title LIMIT ?""",
        [limit],
    )
    return found.drop(columns=["article_id"])


@st.cache_data(**CACHE)
def sources_behind(
    wh: Warehouse,
    f: Filters,
    subjects: tuple[str, ...] = (),
    article_ids: tuple[str, ...] = (),
    limit: int = 500,
) -> tuple[pd.DataFrame, int]:
    """The articles behind a view's rows, oldest first (outlet, published, title, url), and
    how many there are: those with rows of the `subjects` under the filters, and the given
    `article_ids` (the rows a chart itself lists). So a pack's sources are exactly the articles
    its page counts ("7 figures from 4 articles")."""
    parts, params = ["SELECT unnest(?::VARCHAR[]) AS article_id"], [list(article_ids)]
    for subject in subjects:
        sql, subject_params = _filtered(wh, subject, f)
        parts.append(f"SELECT article_id FROM ({sql})")
        params += subject_params
    ids = " UNION ".join(parts)
    found = _frame(
        wh,
        f"""WITH ids AS ({ids})
        SELECT outlet, date_label AS published, title, url, article_id,
               count(*) OVER () AS total
        FROM {flat("articles")} SEMI JOIN ids USING (article_id)
        ORDER BY row_date NULLS LAST, outlet, title LIMIT ?""",
        params + [limit],
    )
    total = int(found["total"].iloc[0]) if not found.empty else 0
    return found.drop(columns=["total", "article_id"]), total
