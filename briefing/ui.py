"""What every page shares: the warehouse, the filters and the colours of this run, plus the
source line and empty-result message every chart needs. briefing.site.run sets it; pages read
it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from briefing import charts, export, queries, theme
from briefing.filters import FilterOptions, Filters
from briefing.text import column_label, inert_cells, md_escape, readable_cells, web_link

_KEY = "briefing_page_context"
CLEAR_HINT = "Widen the date range or press **Reset filters** in the sidebar."


@dataclass(frozen=True)
class PageContext:
    warehouse: queries.Warehouse
    filters: Filters
    options: FilterOptions
    colours: Mapping[str, str]  # country actor_id -> colour

    @property
    def names(self) -> dict[str, str]:
        return {**self.options.actors, **self.options.countries}

    def source(self, subject: str, noun: str | None = None) -> str:
        """The provenance line for charts drawn from `subject` rows under the current filters."""
        prov = queries.provenance(self.warehouse, self.filters, subject)
        return charts.source_line(
            prov.rows,
            prov.articles,
            prov.first_label or prov.first,
            prov.last_label or prov.last,
            self.filters.describe(self.names),
            noun or subject,
        )

    def credits(self, subject: str, generated: date | None = None) -> export.Credits:
        """What a chart exported from `subject` rows says about itself: the filters as its
        subtitle, and a source line naming outlets, dates, articles and the day it was made."""
        prov = queries.provenance(self.warehouse, self.filters, subject)
        return export.make_credits(
            self.filters.describe(self.names),
            prov.rows,
            subject,
            prov.articles,
            prov.outlets,
            prov.first_label or prov.first,
            prov.last_label or prov.last,
            generated,
        )


def build_context(wh: queries.Warehouse, filters: Filters, options: FilterOptions) -> PageContext:
    colours = theme.country_colours(queries.country_ranking(wh))
    return PageContext(wh, filters, options, colours)


def set_context(ctx: PageContext | None) -> None:
    st.session_state[_KEY] = ctx


def page_context() -> PageContext | None:
    """This run's context; None (with a message shown) when the page cannot draw anything."""
    ctx = st.session_state.get(_KEY)
    if ctx is None:
        if _legacy_deep_link():
            # A shared link to /stances on a server nobody has opened yet: Streamlit ran the page
            # file alone (its pre-navigation mode, chosen because a pages/ folder exists). Run the
            # app instead: st.navigation takes over and draws this page with the sidebar filters.
            # (Imported here: briefing.site imports this module to draw every page.)
            from briefing import site

            site.run()
            return None
        st.info("Open the dashboard through `streamlit run app.py`; the warehouse is not loaded.")
    return ctx


def _legacy_deep_link() -> bool:
    from streamlit.runtime.pages_manager import PagesManager

    return bool(PagesManager.uses_pages_directory)


def nothing_matches(what: str) -> None:
    st.info(
        f"No {what} match the current filters. {CLEAR_HINT}",
        icon=":material/filter_alt_off:",
    )


def _is_link(config: object) -> bool:
    return isinstance(config, Mapping) and (config.get("type_config") or {}).get("type") == "link"


def blank_links(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """`frame` with a missing link in `columns` as an empty cell, not the grid's grey 'None'."""
    out = frame.copy()
    for column in columns:
        if column in out:
            out[column] = out[column].map(lambda v: v if isinstance(v, str) else "")
    return out


def show_table(data: pd.DataFrame, *, links: Sequence[str] = (), **kwargs):
    """st.dataframe for rows holding article text: every text cell made safe to open in a
    spreadsheet (the table toolbar's CSV download writes the cells as shown), and the `links`
    columns keep only http(s) URLs, so a javascript: or data: URL is never a link. Columns are
    headed for readers (briefing.text.column_label) unless `column_config` names them, a
    missing text cell says what is missing instead of 'None' and a missing link is blank."""
    shown = data.copy()
    for column in links:
        shown[column] = shown[column].map(web_link)
    config = dict(kwargs.pop("column_config", None) or {})
    linked = [*links, *(c for c, v in config.items() if _is_link(v))]
    shown = readable_cells(shown, linked)
    shown = blank_links(shown, linked)
    for column in shown.columns:
        given = config.get(column)
        if given is None:
            config[column] = column_label(column)
        elif isinstance(given, Mapping) and not given.get("label"):
            config[column] = {**given, "label": column_label(column)}
    return st.dataframe(inert_cells(shown), column_config=config, **kwargs)


def header(title: str, caption: str, actions: Callable[[], None] | None = None) -> None:
    """The page title and what the page shows (both Markdown: escape any untrusted text put in
    them with briefing.text.md_escape); `actions` draws buttons beside the title."""
    if actions is None:
        st.title(title)
    else:
        left, right = st.columns([5, 1], vertical_alignment="center")
        with left:
            st.title(title)
        with right:
            actions()
    st.caption(caption)
    ctx = st.session_state.get(_KEY)
    if ctx is not None:
        # The sidebar is folded away on a phone: the page itself says what it is filtered by.
        st.caption(f":material/filter_alt: {md_escape(ctx.filters.describe(ctx.names))}")


PHONE_MAX_PX = 640  # widths at and below which a page shows its phone forms


def phone_only(key: str) -> None:
    """Show the container with `key` only at phone widths (a CSS media query: the server does
    not know the screen's width)."""
    st.html(
        f"<style>@media (min-width: {PHONE_MAX_PX + 1}px) "
        f"{{ .st-key-{key} {{ display: none; }} }}</style>"
    )


def wide_only(key: str) -> None:
    """Hide the container with `key` at phone widths (see phone_only)."""
    st.html(
        f"<style>@media (max-width: {PHONE_MAX_PX}px) {{ .st-key-{key} {{ display: none; }} }}</style>"
    )
