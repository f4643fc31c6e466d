"""One headless Debian chromium per test module, driven by Playwright."""

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import sync_playwright

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
