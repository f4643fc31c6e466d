"""Saved views: every view anyone on this deployment saved (a page and its choices), to open as
a link, rename or delete. Views are saved from the sidebar's "Save this view" on any page and
live beside the warehouse (briefing/saved_views.py), so a rebuild does not erase them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing import saved_views, site
from briefing.filters import Filters
from briefing.text import md_escape
from briefing.ui import header, page_context

FLASH = "saved_views_flash"


def _describe(view: saved_views.SavedView, names: dict[str, str]) -> str:
    parsed, problems = Filters.from_query_params({k: list(v) for k, v in view.params.items()})
    text = parsed.describe(names)
    extra = [f"{k}={', '.join(v)}" for k, v in view.params.items() if k in ("article", "table")]
    return "; ".join([text, *extra]) if extra else text


def _when(value) -> str:
    return "" if value is None or pd.isna(value) else f"{value:%Y-%m-%d %H:%M} UTC"


def show(view: saved_views.SavedView, names: dict[str, str]) -> None:
    """One view as a row: its name as the link that opens it (in a new tab), the page and the
    choices it holds, who saved it and when it was last opened."""
    with st.container(border=True):
        left, right = st.columns([4, 2], vertical_alignment="center")
        # The link is built here from a checked page path and URL-encoded values, never from
        # stored text; the name is escaped, so it is only ever the link's text.
        left.markdown(f"**[{md_escape(view.name)}]({view.link()})** · {site.title_of(view.page)}")
        left.caption(md_escape(_describe(view, names)))
        opened = _when(view.last_opened_at)
        right.caption(
            f"Saved by {md_escape(view.created_by)}, {_when(view.created_at)}  \n"
            + (f"Last opened {opened}" if opened else "Not opened yet")
        )


def manage(store: saved_views.ViewStore, views: list[saved_views.SavedView], who: str) -> None:
    st.subheader("Rename or delete")
    by_id = {v.view_id: v for v in views}
    chosen = st.selectbox(
        "View", list(by_id), format_func=lambda i: by_id[i].name, key="saved_views_chosen"
    )
    view = by_id[chosen]
    with st.form("saved_views_rename", border=False, enter_to_submit=True):
        new_name = st.text_input(
            "New name",
            value=view.name,
            max_chars=saved_views.NAME_CHARS,
            key=f"saved_views_rename_{view.view_id}",
        )
        renamed = st.form_submit_button("Rename", icon=":material/edit:")
    if renamed:
        try:
            store.rename(view.view_id, new_name, by=who)
        except saved_views.ViewError as problem:
            st.error(md_escape(str(problem)))
        else:
            st.session_state[FLASH] = f"Renamed to “{' '.join(new_name.split())}”."
            st.rerun()
    # A label is Markdown: the name (anyone's text) is escaped.
    confirm = st.checkbox(
        f"Yes, delete “{md_escape(view.name)}” for everyone", key="saved_views_confirm"
    )
    if st.button(
        "Delete", key="saved_views_delete", icon=":material/delete:", disabled=not confirm
    ):
        try:
            store.delete(view.view_id, by=who)
        except saved_views.ViewError as problem:
            st.error(md_escape(str(problem)))
        else:
            st.session_state[FLASH] = f"Deleted “{view.name}”."
            st.session_state.pop("saved_views_confirm", None)
            st.rerun()


ctx = page_context()
if ctx:
    header(
        "Saved views",
        "Views anyone on this dashboard saved with **Save this view** in the sidebar: a page "
        "and every filter and choice on it. Open one as a link; it opens in a new tab.",
    )
    store = saved_views.ViewStore.for_warehouse(ctx.warehouse.path)
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(md_escape(flash), icon=":material/check:")
    try:
        views = store.list()
    except (saved_views.ViewError, OSError) as problem:
        st.error(f"The saved views cannot be read: {md_escape(str(problem))}")
        views = []
    if not views:
        st.info(
            "No saved views yet. Set the filters on any page, then press **Save this view** in "
            "the sidebar and give the view a name.",
            icon=":material/bookmarks:",
        )
    else:
        st.caption(
            f"{len(views):,} saved view{'s' if len(views) != 1 else ''}, newest first. "
            "A view opens in a new tab."
        )
        for view in views:
            show(view, ctx.names)
        manage(store, views, saved_views.who())
