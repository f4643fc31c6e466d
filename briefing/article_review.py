"""The article view's "Review this article" section (pages/sources.py): the article's rows with
their status and a link to review each, and a form that adds a row the machine missed, stored
with the sentence (or the span of it) the analyst chose (docs/reviews.md)."""

from __future__ import annotations

import streamlit as st

from briefing import reviewing
from briefing.queries import Warehouse
from briefing.text import md_escape
from briefing.ui import show_table
from etl import review
from etl.types import DATE_PRECISIONS, EVENT_TYPES, FIGURE_CATEGORIES, POLARITIES

FLASH = "article_review_flash"  # (kind, message) shown once on the next run
VOCABULARY = {
    "polarity": POLARITIES,
    "category": FIGURE_CATEGORIES,
    "event_type": EVENT_TYPES,
    "precision": DATE_PRECISIONS,
}
EXCERPT_CHARS = 90


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A sentence shortened for a select box option, on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def label(name: str) -> str:
    return name.removesuffix("_id").removesuffix("_ids").replace("_", " ")


def narrow(body: str, sentence: tuple[int, int], wanted: str) -> tuple[int, int] | str:
    """The span of `wanted` (exact text) within the sentence, or a message saying why not.
    Empty `wanted`: the whole sentence."""
    start, end = sentence
    if not wanted.strip():
        return start, end
    wanted = wanted.strip()
    found = body.find(wanted, start, end)
    if found < 0:
        return "The span must be text copied exactly from the chosen sentence."
    return found, found + len(wanted)


def rows_table(wh: Warehouse, article_id: str) -> None:
    found = reviewing.article_rows(wh, article_id)
    st.markdown("**Rows of this article**")
    if found.empty:
        st.caption("The machine found no statements, stances, figures or events here.")
        return
    found["review"] = [
        reviewing.review_link(t, str(r)) for t, r in zip(found["table"], found["row_id"])
    ]
    shown = found.rename(columns={"review_status": "status", "confidence_label": "confidence"})
    show_table(
        shown[["table", "summary", "status", "confidence", "char_start", "char_end", "review"]],
        hide_index=True,
        width="stretch",
        key="article_rows",
        column_config={
            "summary": st.column_config.TextColumn("row", width="large"),
            "review": reviewing.REVIEW_COLUMN,
        },
    )


def field_input(name: str, kind: str, names: dict[str, str], table: str) -> object:
    key = f"article_add_{table}_{name}"
    kind = kind.rstrip("?")
    if kind == "actor":
        return st.selectbox(
            label(name),
            list(names),
            index=None,
            format_func=lambda v: names.get(v, v),
            accept_new_options=True,
            placeholder="Choose an actor, or type an actor id or name",
            key=key,
        )
    if kind == "actors":
        return st.multiselect(
            label(name), list(names), format_func=lambda v: names.get(v, v), key=key
        )
    if kind in VOCABULARY:
        return st.selectbox(
            label(name),
            list(VOCABULARY[kind]),
            index=None,
            format_func=lambda v: str(v).replace("_", " "),
            key=key,
        )
    if kind == "number":
        return st.number_input(label(name), value=None, step=1.0, format="%f", key=key)
    if kind == "bool":
        return st.checkbox(label(name), key=key)
    hint = "YYYY-MM-DD" if kind == "date" else None
    return st.text_input(label(name), placeholder=hint, key=key)


def add_form(wh: Warehouse, article_id: str, body: str, me: str) -> None:
    st.markdown("**Add a row the machine missed**")
    table = st.selectbox(
        "Table", reviewing.TABLES, format_func=str.capitalize, key="article_add_table"
    )
    spans = reviewing.sentences(body)
    if not spans:
        st.caption("This article has no text to add a row from.")
        return
    names = reviewing.actor_names(wh)
    with st.form(f"article_add_{table}"):
        chosen = st.selectbox(
            "Sentence",
            spans,
            format_func=lambda s: f"{s[0]}–{s[1]}: {excerpt(body[s[0] : s[1]])}",
            key="article_add_sentence",
        )
        wanted = st.text_input(
            "Span within the sentence (optional)",
            key="article_add_span",
            help="Type or paste the exact words of the sentence the row stands on; leave empty "
            "for the whole sentence.",
        )
        values = {}
        columns = st.columns(2)
        for i, name in enumerate(review.REQUIRED_FOR_ADD[table]):
            with columns[i % 2]:
                values[name] = field_input(name, review.EDITABLE[table][name], names, table)
        note = st.text_input("Note (optional)", key="article_add_note", max_chars=500)
        added = st.form_submit_button("Add", type="primary", key="article_add_submit")
    if not added:
        return
    span = narrow(body, chosen, wanted)
    if isinstance(span, str):
        st.error(span)
        return
    changes = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    missing = [label(k) for k, v in changes.items() if v is None or v == "" or v == []]
    if missing:
        st.error("Fill in: " + ", ".join(missing) + ".")
        return
    request = review.ReviewRequest(
        table,
        "add",
        me,
        article_id=article_id,
        char_start=span[0],
        char_end=span[1],
        changes=changes,
        note=note.strip() or None,
    )
    noun = reviewing.NOUN[table]
    try:
        review.submit(wh.path, [request], apply=True, apply_timeout=review.PAGE_APPLY_TIMEOUT)
    except review.WarehouseBusy as exc:
        st.session_state[FLASH] = ("warning", f"Recorded, but not applied yet: {exc}")
    except review.ReviewError as exc:  # RequestErrors, ReviewConflict, StoreBusy
        errors = getattr(exc, "errors", None)
        st.text("Not added: " + ("; ".join(errors) if errors else str(exc)))
        return
    else:
        st.session_state[FLASH] = ("success", f"Added {noun} at {span[0]}–{span[1]}.")
    st.rerun()  # the replaced warehouse shows the new row


def review_section(wh: Warehouse, article_id: str, body: str) -> None:
    """Below the article text: its rows, and the form to add one."""
    st.subheader("Review this article")
    kind, message = st.session_state.pop(FLASH, (None, None))
    if message:
        (st.success if kind == "success" else st.warning)(md_escape(message))
    rows_table(wh, article_id)
    me = reviewing.ask_reviewer()
    if me:
        add_form(wh, article_id, body, me)
