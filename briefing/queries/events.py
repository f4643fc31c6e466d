"""Questions of the Events page: the events shown, with or without statement events.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.filters import Filters
from briefing.queries.connection import CACHE, Warehouse
from briefing.queries.where import _for, _run, confidence_label
from etl import derived


@st.cache_data(**CACHE)
def events_table(
    wh: Warehouse, f: Filters, limit: int = derived.EVENT_ROWS, with_statements: bool = True
) -> pd.DataFrame:
    """Events, newest first: `date` is the period's first day (for the timeline), `date_label`
    the date at its precision. One sentence's identical events (same type, date and place)
    are one row, the one naming most participants: an extraction that repeats itself must not
    read as several events. Without `with_statements`, "statement" events (what the
    Statements page lists) are left out."""
    if _for("events", f) == Filters() and limit == derived.EVENT_ROWS:
        # Unfiltered: the ETL's rows (etl.derived.AGGREGATES), by the same SQL.
        shown = (
            "SELECT event_id, row_date FROM memory.main.agg_events_shown WHERE with_statements = ?"
        )
        params = [with_statements]
    else:
        shown, params = derived.events_shown_sql(with_statements), [limit]
    return _run(wh, "events", f, _events_of(shown), params)


def _events_of(shown: str) -> str:
    """SQL tail after `WITH rows AS (<events>)`: the columns of the events `shown` selects."""
    return f"""
        , shown AS ({shown})
        SELECT event_id, row_date AS date, date_label, row_precision AS date_precision,
               event_type, COALESCE(location, 'unspecified') AS location, description,
               participants, outlet, evidence, {confidence_label()} AS confidence,
               review_status AS status, article_id
        FROM rows SEMI JOIN shown USING (event_id)
        ORDER BY row_date DESC NULLS LAST, event_id"""


def _events_table_detailed(
    wh: Warehouse, f: Filters, limit: int = derived.EVENT_ROWS, with_statements: bool = True
) -> pd.DataFrame:
    """`events_table` from the events themselves (any filters; the tests' reference)."""
    return _run(wh, "events", f, _events_of(derived.events_shown_sql(with_statements)), [limit])
