"""Downloads from the real server in Debian's chromium: a chart's slide PNG, SVG, CSV and Excel,
and briefing packs from a page and from the Overview; with no browser for images, the page
says so and the data and the pack still download."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("playwright")
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests.dashboard_fixtures import build_warehouse
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import needs_chromium, streamlit_server

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return build_warehouse(tmp_path_factory.mktemp("e2e-export") / "warehouse.duckdb")


@pytest.fixture(scope="module")
def server(warehouse):
    with streamlit_server(warehouse) as url:
        yield url


def open_menu(page, label: str) -> None:
    page.locator('[data-testid="stPopover"]').filter(has_text=label).first.locator(
        "button"
    ).first.click()
    page.wait_for_timeout(400)


def download(
    page, button: str, tmp_path: Path, menu: str = "Download", timeout: int = 90000
) -> bytes:
    """Press `button` in the first `menu` popover (opening it if it is closed); the file."""
    if not page.get_by_role("button", name=button).is_visible():
        open_menu(page, menu)
    with page.expect_download(timeout=timeout) as caught:
        page.get_by_role("button", name=button).click()
    path = tmp_path / caught.value.suggested_filename
    caught.value.save_as(path)
    return path.read_bytes()


def test_a_chart_downloads_as_slide_png_svg_csv_and_excel(server, browser, tmp_path):
    url = server
    if True:
        page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
        page.goto(f"{url}/stances?country=russia")
        wait_for_app(page)

        open_menu(page, "Download")
        png = download(page, "Slide image (PNG)", tmp_path)
        assert Image.open(io.BytesIO(png)).size == (1920, 1080)

        svg = ET.fromstring(download(page, "Vector image (SVG)", tmp_path))
        words = " ".join(svg.itertext())
        assert "Filters: country: Russia" in words and "generated" in words

        table = pd.read_csv(io.BytesIO(download(page, "Data (CSV)", tmp_path)))
        assert set(table["polarity"]) <= {"critical", "supportive", "neutral"}
        assert table["stances"].sum() == 5  # the stances with Russia (or a Russian) on a side

        rows = pd.read_csv(io.BytesIO(download(page, "Evidence rows (CSV)", tmp_path)))
        assert len(rows) == 5  # one a stance, with its sentence and a link to it
        assert rows["sentence"].notna().all()
        assert (
            rows["link"].str.startswith("http://").all()
            and rows["link"].str.contains("article=").all()
        )

        book = io.BytesIO(download(page, "Data (Excel)", tmp_path))
        sheet = pd.read_excel(book, "Data")
        assert sheet["stances"].sum() == 5
        assert len(pd.read_excel(book, "Evidence")) == 5
        page.close()


def test_briefing_packs_from_a_page_and_from_the_overview(warehouse, browser, tmp_path):
    with streamlit_server(warehouse) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
        page.goto(f"{url}/events?country=canada")
        wait_for_app(page)
        deck = Presentation(
            io.BytesIO(download(page, "Events (PPTX)", tmp_path, menu="Briefing pack"))
        )
        slides = list(deck.slides)
        assert len(slides) == 1 + 2 + 1  # title, two event charts, sources
        assert "Filters: country: Canada" in slides[0].shapes[0].text_frame.text + "".join(
            s.text_frame.text for s in slides[0].shapes if s.has_text_frame
        )
        assert all(
            any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes)
            for slide in slides[1:3]
        )
        assert "Evidence:" in slides[1].notes_slide.notes_text_frame.text

        page.goto(f"{url}/")
        wait_for_app(page)
        open_menu(page, "Briefing pack")
        page.get_by_label("Deck title").fill("Syria: where Canada and Russia stand")
        page.get_by_label("Deck title").press("Enter")
        wait_for_app(page)
        deck = Presentation(
            io.BytesIO(download(page, "Whole dashboard (PPTX)", tmp_path, menu="Briefing pack"))
        )
        slides = list(deck.slides)
        title = "".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
        assert "Syria: where Canada and Russia stand" in title
        pictures = sum(
            1 for slide in slides for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE
        )
        assert pictures >= 10  # every page's charts
        page.close()


def test_without_a_browser_images_say_why_and_data_still_downloads(warehouse, browser, tmp_path):
    with streamlit_server(warehouse, env={"BROWSER_PATH": "/nonexistent/chromium"}) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
        page.goto(f"{url}/stances")
        wait_for_app(page)
        open_menu(page, "Download")
        menu = page.locator('[data-testid="stPopoverBody"]')
        assert "need Chromium" in menu.inner_text()
        assert page.get_by_role("button", name="Slide image (PNG)").count() == 0
        table = pd.read_csv(io.BytesIO(download(page, "Data (CSV)", tmp_path)))
        assert len(table) > 0

        page.keyboard.press("Escape")
        deck = Presentation(
            io.BytesIO(download(page, "Stances (PPTX)", tmp_path, menu="Briefing pack"))
        )
        slides = list(deck.slides)
        assert len(slides) == 1 + 3 + 1
        assert any(s.has_table for s in slides[1].shapes)
        text = "".join(s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
        assert "Chart image unavailable" in text
        # The page itself is still whole.
        assert page.locator('[data-testid="stException"]').count() == 0
        page.close()


def test_the_pair_over_time_downloads_and_packs_like_every_chart(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    try:
        page.goto(f"{server}/dyad?source=canada&target=russia&side=country")
        wait_for_app(page)
        png = download(page, "Slide image (PNG)", tmp_path)
        assert Image.open(io.BytesIO(png)).size == (1920, 1080)
        table = pd.read_csv(io.BytesIO(download(page, "Data (CSV)", tmp_path)))
        assert {"label", "articles", "critical", "supportive", "pair"} <= set(table.columns)
        assert set(table["pair"]) == {"Canada → Russia"}
        deck = Presentation(
            io.BytesIO(download(page, "Pair over time (PPTX)", tmp_path, menu="Briefing pack"))
        )
        slides = list(deck.slides)
        assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slides[1].shapes)
        notes = slides[1].notes_slide.notes_text_frame.text
        assert "Evidence:" in notes and "Canada" in notes  # the pair's own sentences
    finally:
        page.close()
