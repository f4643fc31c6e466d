"""The real server in Debian's chromium, as a team would reach it: with DASHBOARD_PASSWORD set
nothing of the data shows before sign-in and a wrong password keeps the user out; article titles
written as Markdown show as plain text; and the project's own config listens on localhost only.

Screenshots (1920×1080) go to $BRIEFING_SHOTS (default: the test's temporary folder)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("playwright")

from tests.dashboard_fixtures import build_warehouse
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import ROOT, free_port, needs_chromium, streamlit_server
from tests.test_dashboard_security import HOSTILE_SPEAKER, IMAGE_TITLE, LINK_TITLE, hostile

pytestmark = needs_chromium

PASSWORD = "correct horse battery"
PAGE_TITLES = ("Humanitarian figures", "Stances", "Actor network", "Statements", "Events")
ARTICLE_TITLES = ("Canada and Russia trade barbs", "Undated wire copy", "Session expired")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = build_warehouse(tmp_path_factory.mktemp("security") / "warehouse.duckdb")
    hostile(path)
    return path


@pytest.fixture(scope="module")
def gated(warehouse):
    with streamlit_server(warehouse, env={"DASHBOARD_PASSWORD": PASSWORD}) as url:
        yield url


@pytest.fixture
def page(browser):
    tab = browser.new_page(viewport={"width": 1920, "height": 1080})
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("BRIEFING_SHOTS")
    out = Path(folder) if folder else tmp_path_factory.mktemp("shots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def assert_nothing_of_the_data(page):
    html = page.content()
    # Under load the browser may keep an empty sidebar shell after sign-out (a Streamlit
    # frontend race); what matters is that nothing is drawn in it.
    assert (
        page.locator(
            '[data-testid="stSidebarUserContent"] [data-testid="stElementContainer"]'
        ).count()
        == 0
    )
    assert page.locator('[data-testid="stSidebarNav"], [data-testid="stTopNav"]').count() == 0
    links = [a.get_attribute("href") or "" for a in page.locator("a").all()]
    assert not any(part in href for href in links for part in ("stances", "sources", "figures"))
    for text in PAGE_TITLES + ARTICLE_TITLES:
        assert text not in html, text
    assert page.locator('[data-testid="stMetric"], [data-testid="stDataFrame"]').count() == 0


def visible(text: str) -> str:
    """Text as a reader sees it (without the invisible word joiners that stop emoji codes)."""
    return text.replace("\u2060", "")


def sign_in(page, name: str, password: str) -> None:
    page.get_by_role("textbox", name="Your name").fill(name)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    wait_for_app(page)


def test_nothing_shows_before_sign_in_and_a_wrong_password_keeps_the_user_out(gated, page, shots):
    page.goto(f"{gated}/sources?country=canada")
    wait_for_app(page)
    assert page.get_by_role("button", name="Sign in").is_visible()
    assert_nothing_of_the_data(page)
    page.screenshot(path=str(shots / "sign-in-1920x1080.png"))

    sign_in(page, "Ana", "wrong password")
    assert "Wrong password." in page.locator('[data-testid="stAlert"]').inner_text()
    assert_nothing_of_the_data(page)
    page.screenshot(path=str(shots / "sign-in-wrong-password-1920x1080.png"))

    sign_in(page, "Ana", PASSWORD)
    page.wait_for_selector('[data-testid="stSidebar"]')
    wait_for_app(page)
    # The deep link and its filter survive the sign-in.
    assert "/sources" in page.url and "country=canada" in page.url
    assert page.locator("h1").first.inner_text().startswith("Sources")
    assert "Signed in as Ana" in page.locator('[data-testid="stSidebar"]').inner_text()
    # The selector assert_nothing_of_the_data counts does find what a signed-in sidebar holds.
    assert (
        page.locator(
            '[data-testid="stSidebarUserContent"] [data-testid="stElementContainer"]'
        ).count()
        > 3
    )
    page.get_by_role("link", name="Stances").first.click()
    wait_for_app(page)
    assert "/stances" in page.url and page.get_by_role("button", name="Sign in").count() == 0

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in").wait_for()
    wait_for_app(page)
    assert_nothing_of_the_data(page)


def test_markdown_in_titles_shows_as_plain_text(gated, page, shots):
    page.goto(f"{gated}/sources")
    wait_for_app(page)
    sign_in(page, "Ana", PASSWORD)
    page.wait_for_selector('[data-testid="stSidebar"]')
    wait_for_app(page)
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran: {dialog.message}"))
    # The newest article, read by default, has the link title; its subheader shows it as text.
    heading = page.locator('[data-testid="stHeading"]').filter(has_text="Session expired")
    assert LINK_TITLE in visible(heading.first.inner_text())
    page.screenshot(path=str(shots / "markdown-title-1920x1080.png"))

    select = page.locator('[data-testid="stSelectbox"]').filter(has_text="Read article")
    select.click()
    page.get_by_role("option", name=IMAGE_TITLE).click()
    wait_for_app(page)
    heading = page.locator('[data-testid="stHeading"]').filter(has_text="onerror")
    assert visible(heading.first.inner_text()).strip() == IMAGE_TITLE

    page.goto(f"{gated}/statements")
    wait_for_app(page)
    if page.get_by_role("button", name="Sign in").count():  # a reload is a new session
        sign_in(page, "Ana", PASSWORD)
        page.wait_for_selector('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
        wait_for_app(page)
    headings = [visible(h) for h in page.locator('[data-testid="stHeading"]').all_inner_texts()]
    assert f"{HOSTILE_SPEAKER}, 2020-11-11" in headings, headings
    page.screenshot(path=str(shots / "markdown-speaker-1920x1080.png"))

    hrefs = [a.get_attribute("href") or "" for a in page.locator("a").all()]
    assert not any("example.invalid" in h or h.startswith("javascript:") for h in hrefs), hrefs
    sources = [i.get_attribute("src") or "" for i in page.locator("img").all()]
    assert not any("127.0.0.1:9" in s for s in sources), sources


def test_the_project_config_listens_on_localhost_only(warehouse):
    """`streamlit run app.py` with nothing but .streamlit/config.toml: no Network URL printed,
    reachable on 127.0.0.1, not on this machine's network address."""
    port = free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=ROOT,
        env={**os.environ, "BRIEFING_DB": str(warehouse)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        own = network_address()
        if own:
            with pytest.raises(OSError), socket.create_connection((own, port), timeout=2):
                pass
        log.seek(0)
        output = log.read().decode(errors="replace")
        assert "Network URL" not in output and "External URL" not in output
        assert f"http://localhost:{port}" in output
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def network_address() -> str | None:
    """This machine's address on its network (not loopback), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # no packet is sent for UDP connect
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address
