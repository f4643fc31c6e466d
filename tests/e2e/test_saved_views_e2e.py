"""Saved views in Debian's chromium: a view saved in one browser context (one analyst) is listed
in another (a colleague) and opens from its link with the same page and filters.

Screenshots (1920×1080) go to $BRIEFING_SHOTS (default: the test's temporary folder)."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright")

from tests.dashboard_fixtures import build_warehouse
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import needs_chromium, streamlit_server

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_warehouse(tmp_path_factory.mktemp("saved-views") / "warehouse.duckdb")
    with streamlit_server(db) as url:
        yield url


def local_only(context, url: str) -> None:
    """Nothing leaves the machine: every request to another address is refused."""
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(url) else route.abort(),
    )


def test_a_view_saved_by_one_analyst_opens_for_another(browser, server, screenshot_dir):
    ana = browser.new_context(viewport={"width": 1920, "height": 1080})
    ben = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        for context in (ana, ben):
            local_only(context, server)
        page = ana.new_page()
        page.goto(f"{server}/stances?country=canada&polarity=critical")
        wait_for_app(page)
        page.get_by_role("button", name="Save this view").click()
        page.get_by_role("textbox", name="Name of the view").fill("Canada, critical <b>only</b>")
        page.get_by_role("textbox", name="Your name").fill("Ana")
        page.get_by_role("button", name="Save", exact=True).click()
        page.get_by_text("Everyone finds it under").wait_for()
        page.screenshot(path=str(screenshot_dir / "saved-view-saved-1920x1080.png"))

        other = ben.new_page()
        other.goto(f"{server}/views")
        wait_for_app(other)
        link = other.get_by_role("link", name="Canada, critical <b>only</b>")
        link.wait_for()
        other.screenshot(path=str(screenshot_dir / "saved-views-list-1920x1080.png"))
        href = link.get_attribute("href")
        assert href and href.startswith("./stances?") and "view=" in href
        # A view opens in a new tab of the colleague's browser, where the sidebar starts afresh.
        with ben.expect_page() as new_tab:
            link.click()
        opened = new_tab.value
        wait_for_app(opened)
        assert "/stances" in opened.url
        sidebar = opened.locator('[data-testid="stSidebar"]').inner_text()
        assert "Saved view Canada, critical <b>only</b>" in sidebar
        assert opened.locator("h1").first.inner_text().startswith("Stances")
        chosen = opened.locator('[data-testid="stMultiSelect"]').all_inner_texts()
        assert any("Canada" in text for text in chosen)
        assert "country=canada" in opened.url and "polarity=critical" in opened.url
        opened.screenshot(path=str(screenshot_dir / "saved-view-opened-1920x1080.png"))
    finally:
        ana.close()
        ben.close()
