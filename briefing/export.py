"""Taking charts away: CSV of each chart's data, PNG at slide size, and Plotly's own camera.

PNG goes through kaleido and Debian's chromium (BROWSER_PATH); it is rendered only when the
button is clicked (a few seconds), so drawing a page never waits for it. Without kaleido or a
browser the PNG button is left out and Plotly's camera button (client-side) still works.
"""

from __future__ import annotations

import os
import re
import shutil
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from briefing.charts import SLIDE_HEIGHT, SLIDE_WIDTH

BROWSER_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "chart"


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8")


def plotly_config(name: str) -> dict:
    """Modebar camera exports a slide-sized PNG named after the chart."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": slug(name),
            "width": SLIDE_WIDTH,
            "height": SLIDE_HEIGHT,
            "scale": 1,
        },
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


@lru_cache(maxsize=1)
def png_export_available() -> bool:
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False
    if not os.environ.get("BROWSER_PATH"):
        found = next((p for p in BROWSER_CANDIDATES if os.path.exists(p)), None) or shutil.which(
            "chromium"
        )
        if not found:
            return False
        os.environ["BROWSER_PATH"] = found
    return True


def png_bytes(fig: go.Figure) -> bytes:
    """The figure at slide size (1600×900) as PNG."""
    png_export_available()  # sets BROWSER_PATH when needed
    return fig.to_image(format="png", width=SLIDE_WIDTH, height=SLIDE_HEIGHT)


def show_chart(fig: go.Figure, data: pd.DataFrame, name: str, key: str) -> None:
    """Draw a chart with its CSV (and, when possible, PNG) download buttons below it."""
    import streamlit as st

    st.plotly_chart(fig, config=plotly_config(name), key=f"chart_{key}", width="stretch")
    row = st.container(horizontal=True)
    row.download_button(
        "Data (CSV)",
        csv_bytes(data),
        file_name=f"{slug(name)}.csv",
        mime="text/csv",
        key=f"csv_{key}",
        icon=":material/download:",
        on_click="ignore",
        disabled=data.empty,
    )
    if png_export_available():
        row.download_button(
            "Image (PNG)",
            lambda: png_bytes(fig),
            file_name=f"{slug(name)}.png",
            mime="image/png",
            key=f"png_{key}",
            icon=":material/image:",
            on_click="ignore",
        )
