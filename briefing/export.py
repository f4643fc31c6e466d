"""Taking charts away: slide-sized PNG and SVG rendered server-side, the data as CSV and Excel.

Images come from the same Plotly figure the page shows, finished again for a slide
(`charts.for_slide`: 16:9 at 960×540 layout px, projector type sizes, the active filters as a
subtitle and a source line naming outlets, dates, articles and the day it was made) and drawn
by kaleido in Debian's chromium at 2× (1920×1080 px). One browser is kept warm per dashboard
process, so after the first export a chart takes a fraction of a second.

An export never takes a page down: without kaleido or a browser the image buttons say why and
the data buttons still work; a render that fails or hangs raises ExportError after a timeout,
the browser is restarted on the next try, and the page says what went wrong.
"""

from __future__ import annotations

import asyncio
import atexit
import io
import logging
import os
import re
import shutil
import signal
import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as time_of_day
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from briefing import charts, theme
from briefing.text import inert_cells, readable_columns, xml_safe

log = logging.getLogger(__name__)
# The map outlines the dashboard serves (static/topojson, see briefing/maps.py).
TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "static" / "topojson"

BROWSER_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
)
RENDER_TIMEOUT = float(os.environ.get("BRIEFING_EXPORT_TIMEOUT", "30"))
START_TIMEOUT = 60.0  # seconds for the browser to come up
FAILURE_MEMORY = 120.0  # seconds a failed render is reported on the page


class ExportError(Exception):
    """A chart could not be rendered; the message is written for the analyst."""


@dataclass(frozen=True)
class Credits:
    """What an exported chart says about itself: the filters, and where its rows come from."""

    subtitle: str
    source: str


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "chart"


def make_credits(
    filters: str,
    rows: int,
    noun: str,
    articles: int,
    outlets: tuple[str, ...],
    first: object,
    last: object,
    generated: date | None = None,
) -> Credits:
    """'Filters: …' as the subtitle; 'Source: briefing warehouse · 14 stances from 5 articles
    · outlets: CBC News, RT +2 · 2015-10 to 2020-11-11 · generated 23 Nov 2026' below."""
    source = charts.source_line(
        rows, articles, first, last, noun=noun, outlets=outlets, generated=generated or date.today()
    )
    return Credits(subtitle_for(filters), source)


def subtitle_for(filters: str) -> str:
    """The filters as a chart or deck subtitle (Filters.describe gives 'No filters')."""
    return "All articles (no filters)" if filters == "No filters" else filters


def slide_figure(fig: go.Figure, about: Credits) -> go.Figure:
    return charts.for_slide(fig, about.subtitle, about.source)


# --- data downloads --------------------------------------------------------------------------


def _cell_text(value: object) -> object:
    """Lists and arrays as '; '-joined text, missing values as None."""
    if isinstance(value, list | tuple) or hasattr(value, "tolist") and not isinstance(value, str):
        items = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(items, list):
            return "; ".join(str(v) for v in items)
        value = items
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # an object pd.isna cannot judge is a value
        pass
    return value


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV, its columns headed as on screen (briefing.text.column_label: 'figure as
    written', not 'value_text'). Text cells that a spreadsheet would run as a formula
    ('=HYPERLINK(…)' in an article) get a leading apostrophe, as OWASP advises for CSV
    injection."""
    return inert_cells(readable_columns(df)).to_csv(index=False).encode("utf-8")


def xlsx_bytes(
    df: pd.DataFrame, title: str, about: Credits, evidence: pd.DataFrame | None = None
) -> bytes:
    """An Excel workbook: the data, the `evidence` rows behind it when given (one a stance,
    with its sentence and link), and an 'About' sheet with the chart's title, filters and
    source line. XlsxWriter writes every string as a string: '=cmd|…' or 'http://…' in an
    article stays text, never a formula or a live link."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    _write_sheet(book, "Data", df)
    if evidence is not None:
        _write_sheet(book, "Evidence", evidence)
    bold = book.add_format({"bold": True})
    info = book.add_worksheet("About")
    for r, (label, value) in enumerate(
        (("Chart", title), ("Filters", about.subtitle), ("Source", about.source))
    ):
        info.write_string(r, 0, label, bold)
        info.write_string(r, 1, xml_safe(value))
    info.set_column(0, 0, 10)
    info.set_column(1, 1, 120)
    book.close()
    return out.getvalue()


def _write_sheet(book, name: str, df: pd.DataFrame) -> None:
    """One sheet of `df`: a bold header row, typed cells, columns as wide as their text."""
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    sheet = book.add_worksheet(name)
    columns = [str(c) for c in readable_columns(df).columns]
    sheet.write_row(0, 0, columns, bold)
    widths = [len(c) for c in columns]
    for r, row in enumerate(df.itertuples(index=False, name=None), start=1):
        for c, raw in enumerate(row):
            value = _excel_value(raw)
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, xml_safe(value))
            elif isinstance(value, datetime):
                sheet.write_datetime(r, c, value, moment if value.time() != time_of_day() else day)
            elif isinstance(value, date):
                sheet.write_datetime(r, c, value, day)
            elif isinstance(value, bool):
                sheet.write_boolean(r, c, value)
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, xml_safe(value))
            widths[c] = min(60, max(widths[c], len(str(value))))
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width + 2)
    sheet.freeze_panes(1, 0)


def _excel_value(value: object) -> object:
    value = _cell_text(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().replace(tzinfo=None)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()
    return value


# --- images --------------------------------------------------------------------------------------


def find_browser() -> str | None:
    """$BROWSER_PATH if it names a file, else Debian's chromium or another known browser."""
    chosen = os.environ.get("BROWSER_PATH")
    if chosen:
        return chosen if os.path.isfile(chosen) else None
    return next((p for p in BROWSER_CANDIDATES if os.path.isfile(p)), None) or shutil.which(
        "chromium"
    )


class Renderer:
    """One warm kaleido browser on a thread of its own; renders one figure at a time."""

    def __init__(self, timeout: float = RENDER_TIMEOUT) -> None:
        self.timeout = timeout
        self.start_timeout = START_TIMEOUT
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None
        self._warming = False
        self.last_failure: tuple[float, str] | None = None
        atexit.register(self.close)

    def missing(self) -> str | None:
        """Why images cannot be made on this machine at all (no kaleido, no browser), or None."""
        try:
            import kaleido  # noqa: F401
        except ImportError:
            return "Slide images need the kaleido package, which is not installed."
        if not find_browser():
            where = os.environ.get("BROWSER_PATH") or "/usr/bin/chromium"
            return (
                f"Slide images need Chromium, and none was found at {where} "
                "(install Debian's `chromium` package)."
            )
        return None

    def recent_failure(self) -> str | None:
        """What went wrong with the last image, if it failed in the last two minutes."""
        if self.last_failure and time.monotonic() - self.last_failure[0] < FAILURE_MEMORY:
            return self.last_failure[1]
        return None

    def unavailable(self) -> str | None:
        """Why images cannot be made now, or None when they can (as far as is known)."""
        return self.missing() or self.recent_failure()

    def warm(self) -> None:
        """Start the browser in the background (the first time a page with charts is drawn),
        so the first export is quick and a browser that cannot start is reported on the page
        before anyone presses a button."""
        if self._kaleido is not None or self._warming or self.unavailable():
            return
        self._warming = True

        def start() -> None:
            try:
                with self._lock:
                    self._start()
            except ExportError as error:
                self.last_failure = (time.monotonic(), str(error))
            finally:
                self._warming = False

        threading.Thread(target=start, name="chart-export-warm", daemon=True).start()

    def render(self, fig: go.Figure, fmt: str, scale: float = theme.SLIDE_SCALE) -> bytes:
        """The figure as `fmt` ('png' or 'svg') at its own layout width and height."""
        width = fig.layout.width or theme.SLIDE_LAYOUT[0]
        height = fig.layout.height or theme.SLIDE_LAYOUT[1]
        spec = fig.to_plotly_json()
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        with self._lock:
            try:
                self._start()
                # A map's outlines from the files the dashboard serves, never from a CDN.
                topojson = TOPOJSON_DIR.as_uri() + "/" if "geo" in spec.get("layout", {}) else None
                future = asyncio.run_coroutine_threadsafe(
                    self._kaleido.calc_fig(spec, opts=opts, topojson=topojson), self._loop
                )
                data = future.result(timeout=self.timeout)
            except FutureTimeout:
                future.cancel()
                self._fail(f"Rendering the chart took longer than {self.timeout:.0f} s.")
            except ExportError as error:
                self._fail(str(error))
            except Exception as error:  # noqa: BLE001 - any browser failure, told to the analyst
                log.exception("chart export failed")
                self._fail(f"The browser that draws slide images failed ({error}).")
            self.last_failure = None
        return data if isinstance(data, bytes) else data.encode("utf-8")

    def _start(self) -> None:
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            threading.Thread(
                target=self._loop.run_forever, name="chart-export", daemon=True
            ).start()
        if self._kaleido is not None:
            return
        browser = find_browser()
        if not browser:
            raise ExportError(self.missing() or "No browser found for slide images.")
        settled = threading.Event()
        future = asyncio.run_coroutine_threadsafe(self._open(browser, settled), self._loop)
        try:
            self._kaleido, problem = future.result(timeout=self.start_timeout)
        except FutureTimeout as error:
            future.cancel()
            settled.wait(timeout=20)  # until the half-started browser is shut
            raise ExportError(
                f"The browser for slide images ({browser}) did not start "
                f"in {self.start_timeout:.0f} s."
            ) from error
        if problem is not None:
            raise ExportError(
                f"The browser for slide images ({browser}) could not start: {problem}"
            )

    async def _open(self, browser: str, settled: threading.Event):
        """(kaleido, None) or (None, what went wrong). Never raises, so a start abandoned after
        a timeout leaves no unretrieved exception behind; a browser that started halfway (or
        is cancelled while starting) is closed again, so no chromium is left running."""
        import kaleido

        k = None
        try:
            # No MathJax: it would be fetched from a CDN, and charts do not use it.
            k = kaleido.Kaleido(n=1, timeout=self.timeout, mathjax=False, path=browser)
            await k.open()
        except BaseException as error:  # noqa: BLE001 - reported to the caller as text
            if k is not None:
                await _shut(k)
            first = error.args[0] if error.args else type(error).__name__
            return None, str(first)
        finally:
            settled.set()
        return k, None

    def _fail(self, message: str) -> None:
        """Forget the browser (the next export starts a fresh one) and raise ExportError."""
        self.last_failure = (time.monotonic(), message)
        kaleido, self._kaleido = self._kaleido, None
        if kaleido is not None and self._loop is not None:
            closing = asyncio.run_coroutine_threadsafe(_shut(kaleido), self._loop)
            try:
                closing.result(timeout=15)
            except Exception:  # noqa: BLE001 - _shut kills what will not close
                log.warning("could not close the export browser", exc_info=True)
        raise ExportError(message)

    def close(self) -> None:
        """Close the browser (also at exit, so no chromium outlives the dashboard)."""
        with self._lock:
            kaleido, self._kaleido = self._kaleido, None
            if kaleido is not None and self._loop is not None and self._loop.is_running():
                try:
                    asyncio.run_coroutine_threadsafe(_shut(kaleido), self._loop).result(timeout=15)
                except Exception:  # noqa: BLE001 - closing is best effort
                    log.warning("could not close the export browser", exc_info=True)


async def _shut(browser, grace: float = 5.0) -> None:
    """Close a kaleido browser politely; if it does not go within `grace` seconds (it hangs,
    or never finished starting), kill its process group (chromium and its helpers)."""
    try:
        await asyncio.wait_for(browser.close(), timeout=grace)
    except BaseException:  # noqa: BLE001 - whatever happened, the process goes below
        log.debug("browser did not close cleanly", exc_info=True)
    process = getattr(browser, "subprocess", None)
    if process is not None and process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # started with start_new_session=True
        except (ProcessLookupError, PermissionError):
            process.kill()
        process.wait(timeout=5)


RENDERER = Renderer()


def png_bytes(fig: go.Figure, about: Credits, renderer: Renderer = RENDERER) -> bytes:
    """The chart as a 1920×1080 PNG for a slide."""
    return renderer.render(slide_figure(fig, about), "png")


def svg_bytes(fig: go.Figure, about: Credits, renderer: Renderer = RENDERER) -> bytes:
    """The chart as SVG at slide layout size (960×540), for editing in a deck tool."""
    return renderer.render(slide_figure(fig, about), "svg", scale=1)


def plotly_config(name: str) -> dict:
    """The modebar camera (drawn in the analyst's browser) saves a 16:9 PNG named after the
    chart: the fallback when the server cannot draw images."""
    width, height = theme.SLIDE_LAYOUT
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": slug(name),
            "width": width,
            "height": height,
            "scale": theme.SLIDE_SCALE,
        },
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }
