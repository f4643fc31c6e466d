"""The real server in Debian's chromium behind the password gate, on a copy of the data folder:
after sign-in, a file chosen in the Add
articles page's file input is checked (a French article and a zip member named '../' are
turned away), added and analysed, and its article is then on the
Sources page, in this tab and in one opened before, without restarting the server; leaving
the page while the run goes on does not stop it.

Screenshots (1920×1080) go to $BRIEFING_SCREENSHOTS when set, else to the test's tmp folder."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("playwright")

from etl.run import run_etl
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import ROOT, needs_chromium, streamlit_server

pytestmark = needs_chromium

TITLE = "Ottawa pledges winter aid for families displaced in Idlib"
ARTICLE = f"""\
{TITLE}

June 16, 2017

OTTAWA — Canada will send winter supplies to families displaced by the fighting in northern
Syria, International Development Minister Marie-Claude Bibeau said on Friday.

"No family should face the winter without shelter," Ms. Bibeau told reporters in Ottawa. She
said Canada would give $12 million to the United Nations refugee agency for tents and fuel.

According to the UNHCR, more than 900,000 people have fled their homes in Idlib province.
"""
FRENCH = (
    "Le ministre canadien des Affaires étrangères a déclaré lundi que le Canada était "
    "profondément préoccupé par le bombardement des hôpitaux à Idlib et par le sort des civils."
)
RUN_TIMEOUT = 240_000  # ms: the server loads spaCy for the first run
PASSWORD = "a team's shared passphrase"


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    """A copy of the repository's data folder with its warehouse built (never data/ itself)."""
    data = tmp_path_factory.mktemp("e2e-add") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    run_etl(data / "raw", data / "warehouse.duckdb")
    return data


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("BRIEFING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_article_titles(page) -> list[str]:
    """The titles offered by the Sources page's "Read article" box."""
    select = page.locator('[data-testid="stSelectbox"]').filter(has_text="Read article")
    select.click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return options


def signed_in(page, url: str):
    """Open `url` and pass the password gate, as a colleague on a shared deployment would."""
    page.goto(url)
    wait_for_app(page)
    page.get_by_role("textbox", name="Your name").fill("Ana")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector('[data-testid="stSidebar"]')
    wait_for_app(page)


def test_an_uploaded_article_appears_on_the_sources_page_without_a_restart(
    data_copy, shots, browser, tmp_path
):
    article = tmp_path / "winter aid.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    french = tmp_path / "communiqué.txt"
    french.write_text(FRENCH, encoding="utf-8")
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("../escape.txt", ARTICLE)
    env = {"BRIEFING_RAW": None, "DASHBOARD_PASSWORD": PASSWORD}
    with streamlit_server(data_copy / "warehouse.duckdb", env=env) as url:
        earlier = browser.new_page(viewport={"width": 1440, "height": 900})
        signed_in(earlier, f"{url}/sources")
        assert TITLE not in read_article_titles(earlier)

        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        signed_in(page, f"{url}/add")
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=str(shots / "add-articles-before.png"))

        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            [str(article), str(french), str(archive)]
        )
        page.get_by_text("1 file accepted, 2 rejected").wait_for(timeout=60_000)
        wait_for_app(page)
        assert not list((data_copy / "raw").glob("uploads/*/*"))  # checked, nothing written
        page.screenshot(path=str(shots / "add-articles-checked.png"))

        page.get_by_role("button", name="Add 1 file").click()
        page.locator('[data-testid="stProgress"]').wait_for(timeout=60_000)
        page.screenshot(path=str(shots / "add-articles-running.png"))
        # Leaving the page mid-run does not stop the run; coming back shows its outcome.
        page.get_by_role("link", name="Overview").first.click()
        wait_for_app(page)
        page.get_by_role("link", name="Add articles").first.click()
        page.get_by_text("1 article from 1 file in the warehouse").wait_for(timeout=RUN_TIMEOUT)
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=str(shots / "add-articles-after.png"), full_page=True)
        (stored,) = (data_copy / "raw").glob("uploads/*/winter_aid-*.txt")
        assert stored.read_text(encoding="utf-8") == ARTICLE

        page.get_by_role("link", name="Sources").first.click()
        wait_for_app(page)
        assert TITLE in read_article_titles(page)

        # The tab opened before the upload sees the new article on its next rerun.
        earlier.get_by_role("link", name="Sources").first.click()
        wait_for_app(earlier)
        assert TITLE in read_article_titles(earlier)
