"""The real server in Debian's chromium: a shared URL applies its filters, filters survive page
switches, reset clears them, and a <script> in article text is shown as text."""

import pytest

pytest.importorskip("playwright")

from tests.dashboard_fixtures import build_warehouse
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import needs_chromium, streamlit_server

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    warehouse = build_warehouse(tmp_path_factory.mktemp("e2e") / "warehouse.duckdb")
    with streamlit_server(warehouse) as url:
        yield url


@pytest.fixture
def page(browser):
    tab = browser.new_page(viewport={"width": 1440, "height": 900})
    yield tab
    tab.close()


def sidebar_choices(page, label: str) -> str:
    return (
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
        .filter(has_text=label)
        .inner_text()
    )


def test_a_shared_url_reproduces_the_filtered_view_and_survives_page_switches(server, page):
    page.goto(f"{server}/?from=2018-01-01&to=2020-12-31&country=russia")
    wait_for_app(page)
    assert "Russia" in sidebar_choices(page, "Countries")
    dates = (
        page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]')
        .filter(has_text="Date range")
        .locator("input")
    )
    assert [dates.nth(i).input_value() for i in range(dates.count())] == [
        "2018-01-01",
        "2020-12-31",
    ]
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert metrics[0] == "2"  # two articles mention Russia in that window

    page.get_by_role("link", name="Stances").first.click()
    wait_for_app(page)
    assert "/stances" in page.url
    assert "country=russia" in page.url and "from=2018-01-01" in page.url
    assert "Russia" in sidebar_choices(page, "Countries")

    page.get_by_role("button", name="Reset filters").click()
    wait_for_app(page)
    assert "country=" not in page.url and "from=" not in page.url
    assert "Russia" not in sidebar_choices(page, "Countries")


def test_everything_filtered_out_shows_a_message_not_a_traceback(server, page):
    page.goto(f"{server}/figures?from=1990-01-01&to=1990-12-31")
    wait_for_app(page)
    assert "Reset filters" in page.locator('[data-testid="stAlert"]').first.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_script_tags_in_articles_are_shown_as_text(server, page):
    page.goto(f"{server}/sources")
    wait_for_app(page)
    page.on("dialog", lambda dialog: pytest.fail(f"article script ran: {dialog.message}"))
    select = page.locator('[data-testid="stSelectbox"]').filter(has_text="Read article")
    select.click()
    page.get_by_role("option", name="Undated wire copy").click()
    wait_for_app(page)
    text = page.locator(".article-text").inner_text()
    assert "<script>alert('owned')</script>" in text
    assert page.locator(".article-text script").count() == 0
