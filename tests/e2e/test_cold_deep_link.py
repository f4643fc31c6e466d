"""A shared link to an inner page opened on a server nobody has visited yet.

Streamlit decides per server whether the app uses `st.navigation` only once app.py has run; until
then a `pages/` folder makes it run the requested page file alone. The page must still come up
with the navigation, the sidebar filters and the link's filters, not a "not loaded" notice.
"""

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import sync_playwright

from tests.dashboard_fixtures import build_warehouse
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, needs_chromium, streamlit_server

pytestmark = needs_chromium


def test_first_visit_to_a_deep_link_draws_that_page_with_its_filters(tmp_path):
    warehouse = build_warehouse(tmp_path / "warehouse.duckdb")
    with streamlit_server(warehouse) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"{url}/stances?country=russia")
        wait_for_app(page)
        main = page.locator('[data-testid="stMain"]').inner_text()
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        browser.close()
    assert "not loaded" not in main
    assert "Stances" in main
    assert "Actor network" in sidebar  # st.navigation's titles, not the page files' names
    assert "Russia" in sidebar
