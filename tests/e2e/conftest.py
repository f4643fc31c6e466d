"""One headless Debian chromium per test module, driven by Playwright."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import sync_playwright

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shipped_warehouse(tmp_path_factory) -> Path:
    """A warehouse the real ETL builds from the shipped corpus (data/raw), once per module."""
    db = tmp_path_factory.mktemp("e2e-shipped") / "shipped.duckdb"
    subprocess.run(
        [sys.executable, "-m", "etl", "--input", str(ROOT / "data" / "raw"), "--db", str(db)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return db


@pytest.fixture(scope="module")
def shipped_server(shipped_warehouse):
    with streamlit_server(shipped_warehouse) as url:
        yield url


@pytest.fixture(scope="module")
def screenshot_dir(tmp_path_factory) -> Path:
    """$BRIEFING_SHOTS when set, else a temporary folder."""
    folder = os.environ.get("BRIEFING_SHOTS")
    out = Path(folder) if folder else tmp_path_factory.mktemp("shots")
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def wide_page(browser):
    tab = browser.new_page(viewport={"width": 1920, "height": 1080})
    yield tab
    tab.close()
