"""The review queue's questions (read-only SQL on the warehouse) and the links that open it.

The queue of a table is its unreviewed rows (`review_status = 'machine'`) under the sidebar
filters, lowest confidence first, then what matters most for a briefing: statements of the
most-cited speakers, stances between the most-cited actors, the largest figures, events whose
participants are cited most. Writing a review goes through `etl.review.submit` (pages/review.py);
the warehouse it replaces is picked up by `queries.locate` on the next run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from briefing import auth, queries
from briefing.filters import Filters
from briefing.queries import CACHE, Warehouse, confidence_label

TABLES = ("statements", "stances", "figures", "events")
ID = {
    "statements": "statement_id",
    "stances": "stance_id",
    "figures": "figure_id",
    "events": "event_id",
}
NOUN = {"statements": "statement", "stances": "stance", "figures": "figure", "events": "event"}
# How often an actor is mentioned in the warehouse: the weight of its rows in the queue.
_CITED = "(SELECT count(*) FROM wh.mentions m WHERE m.actor_id = {column})"
WEIGHT = {
    "statements": _CITED.format(column="rows.speaker_id"),
    "stances": f"{_CITED.format(column='rows.source_id')} + {_CITED.format(column='rows.target_id')}",
    "figures": "COALESCE(rows.value, 0)",
    "events": "(SELECT count(*) FROM wh.mentions m "
    "WHERE list_contains(COALESCE(rows.participant_ids, []), m.actor_id))",
}
# What a row is, in a line a person reads (names as the flattened tables carry them).
SUMMARY = {
    "statements": "concat(COALESCE(speaker, '?'), ': ', COALESCE(quote, ''))",
    "stances": "concat(COALESCE(source_name, '?'), ' → ', COALESCE(target_name, '?'), "
    "': ', COALESCE(polarity, '?'))",
    "figures": "concat(COALESCE(value_text, CAST(value AS VARCHAR)), ' ', "
    "replace(COALESCE(category, 'other'), '_', ' '), COALESCE(' in ' || location, ''), "
    "', cited by ', COALESCE(attributed_to, 'an unstated source'))",
    "events": "concat(replace(COALESCE(event_type, 'event'), '_', ' '), "
    "COALESCE(' in ' || location, ''), COALESCE(': ' || participants, ''))",
}
# The sentence a row stands on: a statement's quote, the evidence of the others.
SENTENCE = {
    "statements": "quote",
    "stances": "evidence",
    "figures": "evidence",
    "events": "evidence",
}
CONTEXT_CHARS = 300  # shown on each side of the span


def _check(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")


def review_link(table: str, row_id: str, filters: Filters | None = None) -> str:
    """The Review page opened at one row (a relative URL, every value percent-encoded), under
    the same filters when given."""
    _check(table)
    params: dict[str, object] = {**(filters.to_query_params() if filters else {})}
    params.update(table=table, row=row_id)
    return "review?" + urlencode(params, doseq=True)


def _select(table: str) -> str:
    return f"""
        SELECT {ID[table]} AS row_id, article_id, {SUMMARY[table]} AS summary,
               {SENTENCE[table]} AS sentence, char_start, char_end, confidence,
               {confidence_label()} AS confidence_label, review_status,
               date_label, outlet, title"""


def with_review_links(data: pd.DataFrame, table: str, id_column: str) -> pd.DataFrame:
    """`data` with a `review` column: the link that opens each row on the Review page."""
    linked = data.copy()
    linked["review"] = [review_link(table, str(i)) for i in linked[id_column]]
    return linked


REVIEW_COLUMN = st.column_config.LinkColumn(
    "review", display_text="Review", help="Open this row on the Review page", width="small"
)


@st.cache_data(**CACHE)
def queue(wh: Warehouse, f: Filters, table: str, limit: int = 500) -> pd.DataFrame:
    """The table's unreviewed rows under the filters, in the order they are reviewed."""
    _check(table)
    return queries._run(
        wh,
        table,
        f,
        f"""{_select(table)}, {WEIGHT[table]} AS weight
        FROM rows WHERE review_status = 'machine'
        ORDER BY confidence ASC NULLS LAST, weight DESC, row_date DESC NULLS LAST, row_id
        LIMIT ?""",
        [limit],
    )


@dataclass(frozen=True)
class Progress:
    reviewed: int  # rows under the filters an analyst confirmed, corrected or added
    total: int  # rows under the filters
    rejected: int  # rows of the table analysts rejected (gone from it; not filtered)


@st.cache_data(**CACHE)
def progress(wh: Warehouse, f: Filters, table: str) -> Progress:
    _check(table)
    counts = queries._run(
        wh,
        table,
        f,
        "SELECT count(*) FILTER (WHERE review_status <> 'machine') AS reviewed, "
        "count(*) AS total FROM rows",
    ).iloc[0]
    rejected = 0
    if "reviews" in queries.columns(wh):
        rejected = int(
            queries._frame(
                wh,
                f"""SELECT count(DISTINCT attached_row_id) AS n FROM reviews
                WHERE table_name = ? AND attached_row_id IS NOT NULL
                  AND attached_row_id NOT IN (SELECT {ID[table]} FROM {table})""",
                [table],
            )["n"].iloc[0]
        )
    return Progress(int(counts["reviewed"]), int(counts["total"]), rejected)


@st.cache_data(**CACHE)
def row(wh: Warehouse, table: str, row_id: str) -> dict | None:
    """One row as the tables show it (any status, no filters), or None when it is not in the
    warehouse (rejected, or gone)."""
    _check(table)
    found = queries._frame(
        wh, f"{_select(table)} FROM {queries.flat(table)} WHERE {ID[table]} = ?", [row_id]
    )
    return None if found.empty else found.iloc[0].to_dict()


@st.cache_data(**CACHE)
def context(wh: Warehouse, article_id: str, start: int, end: int) -> dict | None:
    """The span [start, end) of an article's body with CONTEXT_CHARS on each side: `text`, the
    span's `start` and `end` in it, and whether text was clipped before or after."""
    found = queries._frame(wh, "SELECT body FROM articles WHERE article_id = ?", [article_id])
    if found.empty or not isinstance(found["body"].iloc[0], str):
        return None
    body = found["body"].iloc[0]
    start, end = max(0, int(start)), min(len(body), int(end))
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(body), end + CONTEXT_CHARS)
    return {
        "text": body[lo:hi],
        "start": start - lo,
        "end": end - lo,
        "clipped_before": lo > 0,
        "clipped_after": hi < len(body),
    }


@st.cache_data(**CACHE)
def actor_names(wh: Warehouse) -> dict[str, str]:
    """Every actor of the warehouse: id -> name, by name."""
    found = queries._frame(
        wh,
        "SELECT actor_id, any_value(name) AS name FROM actors GROUP BY actor_id ORDER BY name",
    )
    return dict(zip(found["actor_id"], found["name"], strict=True))


def ask_reviewer() -> str | None:
    """The name reviews are recorded under: the signed-in name, else one the analyst gives
    once per browser session."""
    ss = st.session_state
    if ss.get(auth.REVIEWER):
        return ss[auth.REVIEWER]
    with st.form("review_name_form", enter_to_submit=True):
        st.markdown(
            "**Reviews are recorded under your name.** Enter it once for this browser session."
        )
        name = st.text_input("Your name", key="review_name", max_chars=auth.NAME_CHARS)
        given = st.form_submit_button("Start reviewing", key="review_name_submit", type="primary")
    if given:
        if name.strip():
            ss[auth.REVIEWER] = name.strip()
            st.rerun()
        st.error("Enter your name.")
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n[^\S\n]*\n\s*")


def sentences(body: str) -> list[tuple[int, int]]:
    """The sentences of an article's body as exact [start, end) offsets: a sentence ends at
    `.`, `!` or `?` followed by whitespace, or at a blank line (a paragraph without a full
    stop, such as a title); a single line break inside a sentence does not end it. The
    whitespace between sentences belongs to none."""
    bounds, at = [], 0
    for gap in _SENTENCE_END.finditer(body):
        bounds.append((at, gap.start()))
        at = gap.end()
    bounds.append((at, len(body)))
    spans = []
    for start, end in bounds:  # without the whitespace at either end; none when all blank
        text = body[start:end]
        lead = len(text) - len(text.lstrip())
        if lead < len(text):
            spans.append((start + lead, start + len(text.rstrip())))
    return spans


@st.cache_data(**CACHE)
def article_rows(wh: Warehouse, article_id: str) -> pd.DataFrame:
    """Every statement, stance, figure and event of one article (any status, no filters), in
    the order of the text: table, row_id, summary, review_status, confidence_label, span."""
    parts = [
        f"""SELECT '{table}' AS "table", {ID[table]} AS row_id, {SUMMARY[table]} AS summary,
               review_status, {confidence_label()} AS confidence_label, char_start, char_end
        FROM {queries.flat(table)} WHERE article_id = ?"""
        for table in TABLES
    ]
    return queries._frame(
        wh,
        " UNION ALL ".join(parts) + ' ORDER BY char_start NULLS LAST, "table", row_id',
        [article_id] * len(TABLES),
    )
