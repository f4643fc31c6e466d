"""Questions of the Stances page: counts, the table, stances over time.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.filters import Filters
from briefing.queries.connection import CACHE, Warehouse, _frame
from briefing.queries.where import _for, _run, confidence_label
from etl import derived

NO_COUNTRY = derived.NO_COUNTRY


@st.cache_data(**CACHE)
def stance_counts(wh: Warehouse, f: Filters, by: str = "country") -> pd.DataFrame:
    """Stances per source, target and polarity; sides are countries or actors."""
    if by == "country" and _for("stances", f) == Filters():
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_stance_counts "
            "ORDER BY stances DESC, source_id, target_id, polarity, source, target",
            many=True,
        )
    return _stance_counts_detailed(wh, f, by)


def _stance_counts_detailed(wh: Warehouse, f: Filters, by: str = "country") -> pd.DataFrame:
    """`stance_counts` from the stances themselves (any filters; the tests' reference)."""
    return _run(wh, "stances", f, derived.stance_counts_sql(by), many=True)


@st.cache_data(**CACHE)
def stances_table(wh: Warehouse, f: Filters, limit: int = 500) -> pd.DataFrame:
    """Stances, newest first, each with its evidence sentence and review status."""
    return _run(
        wh,
        "stances",
        f,
        f"""
        SELECT date_label AS date, source_name AS source, polarity, target_name AS target,
               evidence, outlet, {confidence_label()} AS confidence, review_status AS status,
               article_id, stance_id
        FROM rows ORDER BY row_date DESC NULLS LAST, stance_id LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def stances_over_time(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """The bars of "stances over time", binned here as the chart draws them: `unit`, `period`,
    `polarity`, `stances` and `articles` (see `statements_over_time`)."""
    if _for("stances", f) == Filters():
        return _frame(wh, "SELECT * FROM memory.main.agg_stances_over_time ORDER BY ALL")
    return _run(wh, "stances", f, derived.stances_over_time_sql())


def _stances_monthly(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Stances per month, polarity and article (the tests' reference, as `_statements_monthly`)."""
    return _run(
        wh,
        "stances",
        f,
        """
        SELECT date_trunc('month', row_date)::DATE AS month, polarity, article_id,
               count(*) AS stances
        FROM rows WHERE row_date IS NOT NULL GROUP BY ALL ORDER BY month, article_id""",
        many=True,
    )
