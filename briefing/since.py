"""What is new since the last briefing: the articles the warehouse took in on or after a day,
and how the stances in them compare with what the same source said of the same target before.

The day is the `added` filter (Filters.added_since), so every page, chart, download and pack
already shows only what is new when it is set; this module adds the two questions only the
Overview asks: which articles are new, and which stances are new pairs or changed polarity.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pandas as pd
import streamlit as st

from briefing import queries
from briefing.evidence import article_link
from briefing.filters import Filters, added_text, set_added
from briefing.queries import CACHE, Warehouse

# How a new stance compares with the latest earlier one of the same source and target.
NEW_PAIR, CHANGED, SAME = "new pair", "changed", "same as before"
CHANGE_ORDER = {CHANGED: 0, NEW_PAIR: 1, SAME: 2}


def plural(change: str, n: int) -> str:
    return "new pairs" if change == NEW_PAIR and n != 1 else change


@st.cache_data(**CACHE)
def new_articles(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Articles under the filters (with `added`), newest first by when they were taken in."""
    return queries._run(
        wh,
        "articles",
        f,
        """SELECT rows.article_id, rows.title, rows.outlet, rows.date_label AS published,
                  strftime(a.ingested_at, '%Y-%m-%d %H:%M') AS added, rows.statements,
                  rows.stances, rows.figures, rows.events
           FROM rows JOIN wh.articles a ON a.article_id = rows.article_id
           ORDER BY a.ingested_at DESC, rows.article_id""",
    )


@st.cache_data(**CACHE)
def stance_changes(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Each stance under the filters (new ones, when `added` is set) beside the latest earlier
    stance of the same source towards the same target (articles taken in before that day, under
    the same other filters): `change` is "changed", "new pair" or "same as before"."""
    if f.added_since is None:
        return pd.DataFrame()
    before, before_params = queries._filtered(
        wh, "stances", dataclasses.replace(f, added_since=None)
    )
    found = queries._run(
        wh,
        "stances",
        f,
        f""", earlier AS (
                SELECT b.source_id, b.target_id, b.polarity, b.date_label,
                       row_number() OVER (PARTITION BY b.source_id, b.target_id
                                          ORDER BY b.row_date DESC NULLS LAST,
                                                   a.ingested_at DESC, b.stance_id) AS latest
                FROM ({before}) b JOIN wh.articles a ON a.article_id = b.article_id
                WHERE a.ingested_at < ?)
           SELECT r.stance_id, r.source_name, r.target_name, r.polarity,
                  e.polarity AS before,
                  CASE WHEN e.polarity IS NOT NULL THEN COALESCE(e.date_label, 'undated') END
                      AS before_date,
                  CASE WHEN e.polarity IS NULL THEN '{NEW_PAIR}'
                       WHEN e.polarity <> r.polarity THEN '{CHANGED}'
                       ELSE '{SAME}' END AS change,
                  r.evidence, r.date_label AS date, r.outlet, r.article_id, r.char_start,
                  r.char_end
           FROM rows r
           LEFT JOIN earlier e ON e.source_id = r.source_id AND e.target_id = r.target_id
                              AND e.latest = 1""",
        [*before_params, f.added_since],
    )
    if found.empty:
        return found
    found["order"] = found["change"].map(CHANGE_ORDER)
    found = found.sort_values(["order", "source_name", "target_name", "stance_id"])
    return found.drop(columns="order").reset_index(drop=True)


def with_links(data: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """`data` with a `read` column: the link to each row's sentence in its article (or to the
    article), under the same filters."""
    linked = data.copy()
    starts = linked["char_start"] if "char_start" in linked else [None] * len(linked)
    ends = linked["char_end"] if "char_end" in linked else [None] * len(linked)
    linked["read"] = [
        article_link(f, str(a), s, e)
        for a, s, e in zip(linked["article_id"], starts, ends, strict=True)
    ]
    return linked


# --- Streamlit edge --------------------------------------------------------------------------


def choose_since(choices: dict[str, datetime]) -> None:
    """The Overview's "since the last briefing" picker, when no `added` time is set: a day, or
    the time a saved view was last opened; the button sets the sidebar's Added since filter."""
    key = "since_choice"
    with st.container(border=True):
        st.markdown("**What is new since the last briefing?**")
        left, middle, right = st.columns([2, 3, 2], vertical_alignment="bottom")
        picked = left.date_input(
            "Since",
            value=date.today() - timedelta(days=7),
            format="YYYY-MM-DD",
            key=f"{key}_day",
        )
        view = middle.selectbox(
            "or since a saved view was last opened",
            ["", *choices],
            key=f"{key}_view",
            format_func=lambda name: (
                f"{name} (opened {added_text(choices[name], ' ')})"
                if name
                else ("(choose a view)" if choices else "(no saved view opened yet)")
            ),
            disabled=not choices,
        )
        when = choices.get(view) or datetime.combine(picked, datetime.min.time())
        right.button(
            f"Show what is new since {added_text(when, ' ')}",
            key=f"{key}_go",
            on_click=set_added,
            args=(when,),
            type="primary",
            icon=":material/new_releases:",
        )
