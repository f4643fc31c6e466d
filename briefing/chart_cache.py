"""The pages' charts, built once per warehouse version, filters and settings, then shared.

Building a Plotly figure (validation, the theme's template) costs a page view far more server
CPU than its cached queries; a room of people looking at the same briefing would pay it on
every view. `charts(view, ctx, *args)` returns what `view(ctx, *args)` returns (a list of
`views.Chart`, or a `views.NetworkView`), built on the first call for that warehouse version,
filters and arguments and the same objects after. Everything else in a page context (the
filter options, the country colours) follows from the warehouse version, so the key is whole.

The objects are shared between sessions, so nothing may change them after they are built:
Streamlit serialises a figure without changing it, and slides are drawn on copies
(`charts.for_slide`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from briefing.filters import Filters
from briefing.queries import Warehouse
from briefing.ui import PageContext

T = TypeVar("T")


@st.cache_resource(show_spinner=False, max_entries=256, ttl=6 * 3600)
def _built(view: str, wh: Warehouse, f: Filters, args: tuple, _build: Callable[[], T]) -> T:
    return _build()


def charts(view: Callable[..., T], ctx: PageContext, *args) -> T:
    """`view(ctx, *args)`, shared by every session with the same warehouse, filters and args."""
    name = f"{view.__module__}.{view.__qualname__}"
    return _built(name, ctx.warehouse, ctx.filters, args, lambda: view(ctx, *args))
