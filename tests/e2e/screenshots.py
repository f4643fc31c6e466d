"""Screenshots of every page at laptop (1440×900) and projector (1920×1080) sizes.

    python -m tests.e2e.screenshots [WAREHOUSE] [OUT_DIR] [QUERY]
Defaults: a fresh fixture warehouse, /tmp/shots, no filters.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.dashboard_fixtures import build_warehouse
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

PAGES = ("overview", "figures", "stances", "network", "statements", "events", "sources")
SIZES = {"laptop": (1440, 900), "projector": (1920, 1080)}


def wait_for_app(page, timeout: int = 30000) -> None:
    """Until the script has finished and lazily loaded elements have replaced their skeletons."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout
    )
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout
    )
    page.wait_for_timeout(700)


def visible_chart(page, key: str):
    """The chart drawn with widget `key` as the page shows it at its width: the wide layout,
    or the phone one (`key`_on_phone), which a CSS media query shows instead
    (briefing.downloads.plotly_at_every_width)."""
    return page.locator(f".st-key-{key}:visible, .st-key-{key}_on_phone:visible").first


def content_height(page) -> int:
    return page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"] *')]"
        ".slice(0, 1).map(() => document.querySelector('[data-testid=\"stMainBlockContainer\"]')"
        ".scrollHeight)) + 120"
    )


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path("/tmp/shots")
    query = argv[2] if len(argv) > 2 else ""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = (
            Path(argv[0]) if argv and argv[0] != "-" else build_warehouse(Path(tmp) / "w.duckdb")
        )
        with streamlit_server(warehouse) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size, (width, height) in SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for name in PAGES:
                    page.goto(f"{url}/{'' if name == 'overview' else name}{query}")
                    wait_for_app(page)
                    page.screenshot(path=str(out / f"{name}-{size}.png"))
                    if size == "laptop":  # the whole page, to check what lies below the fold
                        page.set_viewport_size(
                            {
                                "width": width,
                                "height": max(height, content_height(page)),
                            }
                        )
                        page.wait_for_timeout(900)
                        page.screenshot(path=str(out / f"{name}-{size}-full.png"))
                        page.set_viewport_size({"width": width, "height": height})
                page.close()
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
