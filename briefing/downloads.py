"""The download widgets: each chart's Download menu and each page's Briefing pack button.

Files are made only when a button is pressed (Streamlit's deferred downloads), so drawing a
page never waits for a browser. The image buttons say plainly when images cannot be made here;
the data buttons never depend on the browser.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure

from briefing import charts, deck, evidence, export, pack, page_state
from briefing.filters import Filters
from briefing.text import md_escape
from briefing.ui import PageContext, phone_only, wide_only
from briefing.views import Chart
from etl.inputs import hide_paths

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMAGES = (  # label, renderer, file suffix, MIME type, icon
    ("Slide image (PNG)", export.png_bytes, "png", "image/png", ":material/image:"),
    ("Vector image (SVG)", export.svg_bytes, "svg", "image/svg+xml", ":material/polyline:"),
)


def _shown(message: str | None, *, raw: bool = False) -> str | None:
    """A renderer's message for the page without server paths; a `raw` one (an exception's
    text) also with its Markdown escaped."""
    if not message:
        return None
    return md_escape(hide_paths(message)) if raw else hide_paths(message)


def show_chart(ctx: PageContext, chart: Chart, share: float = 1.0) -> None:
    """Draw a chart, with its Download menu below it and, when the analyst selects one of its
    marks (a chart with `evidence`), the rows behind the mark below that. `share`: the part of
    the page's width its column takes (the source line wraps to it)."""
    widget = f"chart_{chart.key}"
    fresh = widget not in st.session_state  # first drawn, or forgotten on a page switch
    selection = plotly_at_every_width(
        charts.for_column(chart.figure, share),
        chart.for_phone,
        widget,
        export.plotly_config(chart.name),
        selectable=chart.evidence,
    )
    chart_downloads(ctx, chart)
    if not chart.evidence:
        return
    # The selection is in the URL (`pick`): a link, Back or a page switch reopens its evidence.
    marks = page_state.picked_marks(chart.key, evidence.selected_marks(selection), fresh)
    if not marks:
        st.caption("Select a mark (click it) to read the sentences behind it.")
    else:
        title = f"Evidence for the selected mark{'s' if len(marks) > 1 else ''}"
        evidence.list_marks(ctx, chart.key, marks, title)


class _Drawn(BaseFigure):
    """A chart as st.plotly_chart reads it: Streamlit asks a figure for `to_dict()` on every
    view (a deep copy, with every array written out as base64), then writes that as JSON. A
    chart drawn on every view of its page and both of its layouts gives the same dict each
    time, so it is made once (`drawn`). Nothing else of the figure is read; nothing may
    change the dict."""

    def __init__(self, spec: dict) -> None:  # no figure of its own: Plotly's is not needed
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


# Each figure's _Drawn while the figure lives (by id: figures are unhashable), dropped when it
# is collected. Only for figures that do not change once drawn: the shared cache's charts and
# the layouts derived from them (tests/test_chart_cache.py).
_DRAWN: dict[int, _Drawn] = {}
_DRAWN_LOCK = threading.Lock()


def drawn(fig: go.Figure) -> _Drawn:
    """`fig` as st.plotly_chart serialises it, its dict made on its first view only."""
    with _DRAWN_LOCK:
        found = _DRAWN.get(id(fig))
    if found is not None:
        return found
    found = _Drawn(fig.to_dict())
    with _DRAWN_LOCK:
        if id(fig) not in _DRAWN:
            _DRAWN[id(fig)] = found
            weakref.finalize(fig, _DRAWN.pop, id(fig), None)
        return _DRAWN[id(fig)]


def plotly_at_every_width(
    wide: go.Figure, phone: go.Figure, key: str, config: dict, *, selectable: bool = False
) -> dict | None:
    """Draw a chart laid out for wide screens and, when its phone layout differs, that one
    too, each shown at its widths only (a CSS media query: the server does not know the
    screen's width). Returns the selection of whichever the analyst clicked (both carry the
    same marks), as one Plotly selection; None when not `selectable`."""
    options: dict = {"config": config, "width": "stretch"}
    if selectable:
        options.update(on_select="rerun", selection_mode=("points",))
    if phone is wide:
        state = st.plotly_chart(drawn(wide), key=key, **options)
        return state.selection if selectable and state is not None else None
    with st.container(key=f"{key}_wide"):
        state = st.plotly_chart(drawn(wide), key=key, **options)
    wide_only(f"{key}_wide")
    with st.container(key=f"{key}_phone"):
        small = st.plotly_chart(drawn(phone), key=f"{key}_on_phone", **options)
    phone_only(f"{key}_phone")
    if not selectable:
        return None
    picked = [s.selection for s in (state, small) if s is not None and s.selection]
    if not picked:
        return None
    merged: dict = {"points": [], "point_indices": [], "box": [], "lasso": []}
    for sel in picked:
        for name in merged:
            merged[name] += list(sel.get(name) or [])
    return merged


MARKED_COLUMNS = {  # briefing.evidence.rows -> a download's columns
    "subject": "subject",
    "what": "what",
    "evidence": "sentence",
    "who": "who",
    "title": "article",
    "outlet": "outlet",
    "date": "date",
    "link": "link",
    "confidence_label": "confidence",
    "status": "status",
}


def marked_rows_frame(found: pd.DataFrame, filters: Filters, base_url: str = "") -> pd.DataFrame:
    """The rows behind a chart's marks (briefing.evidence.rows) as its download holds them: one
    a figure or event, with its sentence, who, the article, outlet, date, a link to the
    sentence in its article, the confidence and the review status."""
    out = found.assign(link=evidence.sentence_links(found, filters, base_url))
    return out[list(MARKED_COLUMNS)].rename(columns=MARKED_COLUMNS).reset_index(drop=True)


def chart_downloads(ctx: PageContext, chart: Chart) -> None:
    name = export.slug(chart.name)
    about = chart.credits() if chart.credits is not None else ctx.credits(chart.subject)
    menu = st.popover("Download", icon=":material/download:", key=f"download_{chart.key}")
    export.RENDERER.warm()
    missing = _shown(export.RENDERER.missing())
    menu.caption("For slides: 16:9, 1920×1080, with the filters and sources on the image.")
    if missing:
        menu.warning(
            f"{missing} The data below can still be downloaded.",
            icon=":material/image_not_supported:",
        )
    else:
        failed = _shown(export.RENDERER.recent_failure(), raw=True)
        if failed:
            menu.warning(
                f"The last slide image failed: {failed} Try again (the browser is restarted), "
                "or download the data below.",
                icon=":material/image_not_supported:",
            )
        for label, render, suffix, mime, icon in IMAGES:
            menu.download_button(
                label,
                lambda render=render: render(chart.for_slide, about),
                file_name=f"{name}.{suffix}",
                mime=mime,
                key=f"{suffix}_{chart.key}",
                icon=icon,
                on_click="ignore",
                width="stretch",
            )
    menu.download_button(
        "Data (CSV)",
        lambda: export.csv_bytes(chart.data),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv_{chart.key}",
        icon=":material/table_view:",
        on_click="ignore",
        disabled=chart.data.empty,
        width="stretch",
    )
    rows = None
    page_url = evidence.base_url(getattr(st.context, "url", None))
    if chart.rows is not None:
        # The stances behind the chart, one a row with its sentence and a link to it.

        def rows() -> object:
            return evidence.export_frame(chart.rows(), ctx.filters, page_url)

    elif chart.marks:
        # The figures or events behind the chart's marks, likewise.

        def rows() -> object:
            found = evidence.rows(ctx.warehouse, ctx.filters, chart.marks, evidence.EXPORT_ROWS)
            return marked_rows_frame(found, ctx.filters, page_url)

    if rows is not None:
        menu.download_button(
            "Evidence rows (CSV)",
            lambda: export.csv_bytes(rows()),
            file_name=f"{name}-evidence.csv",
            mime="text/csv",
            key=f"evidence_csv_{chart.key}",
            icon=":material/format_quote:",
            on_click="ignore",
            disabled=chart.data.empty,
            width="stretch",
        )
    menu.download_button(
        "Data (Excel)",
        lambda: export.xlsx_bytes(chart.data, chart.name, about, rows() if rows else None),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        key=f"xlsx_{chart.key}",
        icon=":material/grid_on:",
        on_click="ignore",
        disabled=chart.data.empty,
        width="stretch",
    )


def pack_menu(
    ctx: PageContext,
    page: str,
    charts: Callable[[], Sequence[Chart]],
    *,
    quotes: Callable[[], pack.QuoteSlide | None] | None = None,
    whole_dashboard: Callable[[], Sequence[Chart]] | None = None,
) -> None:
    """The page's 'Briefing pack' menu: a deck title and a PowerPoint of this view (and, on the
    Overview, of the whole dashboard). Charts are built when the button is pressed."""
    box = st.popover("Briefing pack", icon=":material/slideshow:", key=f"pack_{page}")
    default = deck.default_topic(ctx)
    topic = box.text_input(
        "Deck title",
        value=default,
        # The default follows the filters: a new default is a new field, not a stale title.
        key=f"pack_topic_{page}_{export.slug(default)}",
        max_chars=120,
    )
    box.caption(
        "A PowerPoint of the current view: a title slide, one slide per chart with the evidence "
        "in the speaker notes, and the sources. Takes a few seconds."
    )
    problem = _shown(export.RENDERER.missing())
    if problem:
        box.warning(f"{problem} The pack will show the charts' data as tables instead.")
    today = date.today()

    def build(scope: str, chosen: Callable[[], Sequence[Chart]], with_quotes: bool) -> bytes:
        return deck.build(
            ctx,
            scope,
            chosen(),
            quotes=quotes() if (quotes and with_quotes) else None,
            topic=topic,
            generated=today,
        )

    scope = f"{page}: current view"
    box.download_button(
        f"{page} (PPTX)",
        lambda: build(scope, charts, True),
        file_name=deck.file_name(page, today),
        mime=PPTX_MIME,
        key=f"pack_page_{page}",
        icon=":material/download:",
        on_click="ignore",
        type="primary",
        width="stretch",
    )
    if whole_dashboard is not None:
        box.download_button(
            "Whole dashboard (PPTX)",
            lambda: build("Whole dashboard", whole_dashboard, True),
            file_name=deck.file_name("whole dashboard", today),
            mime=PPTX_MIME,
            key=f"pack_all_{page}",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )
