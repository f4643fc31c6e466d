"""Questions of the figure pages: most cited, by place, over time, quantities, the spread, the table.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing import quantities
from briefing.filters import Filters
from briefing.queries.connection import CACHE, Warehouse, _frame
from briefing.queries.where import (
    IN,
    _for,
    _only,
    _outlets_in,
    _run,
    _run_newest,
    confidence_label,
    newest_first,
)
from etl import derived

NOT_STATED = derived.NOT_STATED
# A figure as written with its qualifier ("more than 5.6 million"): the one SQL for it.
FIGURE_TEXT = (
    "concat_ws(' ', CASE WHEN qualifier IS NOT NULL AND NOT starts_with(lower(COALESCE("
    "value_text, '')), lower(qualifier)) THEN qualifier END, COALESCE(value_text, "
    "CAST(value AS VARCHAR)))"
)


def _by_outlet_only(f: Filters) -> bool:
    """Whether the figures' filters are outlets and nothing else: the charts then read the
    ETL's per-outlet rows (etl.derived.OUTLET_TOP, agg_outlet_figures_by_place)."""
    kept = _for("figures", f)
    return bool(kept.outlets) and _only(kept, "outlets")


def _outlet_top(wh: Warehouse, f: Filters, table: str, limit: int) -> pd.DataFrame | None:
    """The first `limit` rows of the outlets asked for, from the ETL's first rows of each
    (the first rows of a union of outlets are among each one's first); None when the table
    keeps fewer rows of an outlet than asked for."""
    _tail, order, kept = derived.OUTLET_TOP[table]
    if limit > kept:
        return None
    outlets, params = _outlets_in(f)
    return _frame(
        wh,
        f"SELECT * FROM memory.main.{table} WHERE {outlets} ORDER BY {order} LIMIT ?",
        params + [limit],
    )


def _charted(f: Filters) -> tuple[str, list]:
    """SQL condition for figures drawn on the humanitarian charts: the humanitarian categories
    (troops and `other` are left out) unless the Category filter asks for others."""
    if f.categories:
        return "TRUE", []
    return IN.format(column="category"), [list(quantities.HUMANITARIAN)]


@st.cache_data(**CACHE)
def most_cited_figures(wh: Warehouse, f: Filters, limit: int = derived.MOST_CITED) -> pd.DataFrame:
    """Figures cited by the most articles (same category, place and value)."""
    if _for("figures", f) == Filters() and limit == derived.MOST_CITED:
        # Unfiltered: the ETL's answer, by the same SQL (etl.derived.AGGREGATES).
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_most_cited_figures "
            "ORDER BY citations DESC, value DESC, category, location",
        )
    return _most_cited_figures_detailed(wh, f, limit)


def _most_cited_figures_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`most_cited_figures` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(
        wh,
        "figures",
        f,
        derived.most_cited_figures_sql(charted),
        params + [limit, NOT_STATED],
    )


@st.cache_data(**CACHE)
def figures_by_place(
    wh: Warehouse, f: Filters, limit: int = derived.PLACES_PER_MEASURE
) -> pd.DataFrame:
    """Per measure (people or money), currency, category and place: the largest value cited
    (the `limit` largest of each measure),
    with its text and qualifier, how many figures and articles, and the figures' ids (the
    evidence behind the mark). A speaker's own capital is no place ('unspecified')."""
    if _for("figures", f) == Filters() and limit == derived.PLACES_PER_MEASURE:
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_figures_by_place "
            "ORDER BY largest DESC, measure, currency, category, location",
        )
    if _by_outlet_only(f):
        # By outlet: the ETL's bars of each outlet, added up (derived.outlet_figures_by_place_sql).
        outlets, params = _outlets_in(f)
        return _frame(
            wh,
            f"""WITH parts AS (SELECT * FROM memory.main.agg_outlet_figures_by_place
                               WHERE {outlets})
            {derived.outlet_figures_by_place_sql()}""",
            params + [limit],
        )
    return _figures_by_place_detailed(wh, f, limit)


def _figures_by_place_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`figures_by_place` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(wh, "figures", f, derived.figures_by_place_sql(charted), params + [limit])


@st.cache_data(**CACHE)
def figures_over_time(
    wh: Warehouse, f: Filters, limit: int = derived.OVER_TIME_FIGURES
) -> pd.DataFrame:
    """Dated figures (as-of date, else publication), largest first when capped; `as_of` is the
    first day of the period, `as_of_label` says the precision."""
    if _for("figures", f) == Filters() and limit == derived.OVER_TIME_FIGURES:
        # Unfiltered: the ETL's answer (etl.derived.AGGREGATES), in the same order.
        return _frame(
            wh, "SELECT * FROM memory.main.agg_figures_over_time ORDER BY value DESC, figure_id"
        )
    if _by_outlet_only(f):
        rows = _outlet_top(wh, f, "agg_outlet_figures_over_time", limit)
        if rows is not None:
            return rows
    return _figures_over_time_detailed(wh, f, limit)


def _figures_over_time_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`figures_over_time` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(
        wh, "figures", f, derived.figures_over_time_sql(charted), [NOT_STATED] + params + [limit]
    )


@st.cache_data(**CACHE)
def quantity_figures(wh: Warehouse, f: Filters, limit: int = derived.QUANTITY_ROWS) -> pd.DataFrame:
    """Every figure that may be reconciled under the filters: charted categories with a place
    (dated or not), each with who cited it by name and actor id; newest first when capped
    (the undated last). One query for the Figures page's spread, its links to the Figures
    reconciled page and that page itself."""
    if _for("figures", f) == Filters() and limit == derived.QUANTITY_ROWS:
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_quantity_figures "
            "ORDER BY as_of DESC NULLS LAST, figure_id",
        )
    if _by_outlet_only(f):
        rows = _outlet_top(wh, f, "agg_outlet_quantity_figures", limit)
        if rows is not None:
            return rows
    return _quantity_figures_detailed(wh, f, limit)


def _quantity_figures_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`quantity_figures` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(
        wh, "figures", f, derived.quantity_figures_sql(charted), [NOT_STATED] + params + [limit]
    )


@st.cache_data(**CACHE)
def comparable_figures(wh: Warehouse, f: Filters, limit: int = 5000) -> pd.DataFrame:
    """The figures that may be compared with others: charted categories, with a place and a
    date; one row each, newest first when capped (see briefing.quantities). The dated rows of
    `quantity_figures`, which come before its undated ones: the first `limit` of those hold
    the first `limit` dated figures."""
    rows = quantity_figures(wh, f, limit)
    dated = rows[rows["as_of"].notna()] if len(rows) else rows
    return dated.drop(columns=["cited_by_id"]).reset_index(drop=True)


@st.cache_data(**CACHE)
def figure_spread(wh: Warehouse, f: Filters, limit: int = 12, values: int = 8) -> pd.DataFrame:
    """Quantities cited with different values (the same quantity as briefing.quantities
    defines it: category, population, place, currency and compatible dates), each value with
    who said it, when and what it counted. Per quantity at most about `values` values: the
    lowest, the highest and the most cited."""
    return quantities.compared(comparable_figures(wh, f), limit=limit, values=values)


@st.cache_data(**CACHE)
def figures_table(wh: Warehouse, f: Filters, limit: int = 500) -> pd.DataFrame:
    """Every figure under the filters, newest first: the figure as written with its qualifier
    (`figure`), its numeric value, what it counts and where, who cited it and the sentence."""
    return _run_newest(
        wh,
        "figures",
        f,
        f"""
        SELECT date_label AS as_of, {FIGURE_TEXT} AS figure, category, subject,
               COALESCE(location, 'no place stated') AS location,
               COALESCE(attributed_to, ?) AS cited_by, evidence, value, value_text,
               qualifier, outlet, title, {confidence_label()} AS confidence,
               review_status AS status, article_id, figure_id
        FROM rows ORDER BY {newest_first("figures")} LIMIT ?""",
        [NOT_STATED, limit],
        limit,
        narrowed=False,
    )
