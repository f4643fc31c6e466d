"""What is new since the last briefing, in Debian's chromium on a warehouse the real ETL built in
two runs: four shipped articles taken in two days ago, the fifth today. Picking yesterday on the
Overview lists only the fifth, and the filter follows to the other pages.

Screenshots (1920×1080) go to $BRIEFING_SHOTS (default: the test's temporary folder)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

pytest.importorskip("playwright")

from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import ROOT, needs_chromium, streamlit_server

pytestmark = needs_chromium


def etl(folder, db) -> None:
    subprocess.run(
        [sys.executable, "-m", "etl", "--input", str(folder), "--db", str(db)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("since")
    raw, db = work / "raw", work / "warehouse.duckdb"
    raw.mkdir()
    seeds = sorted(
        p for p in (ROOT / "data" / "raw").iterdir() if p.suffix in (".txt", ".json", ".html")
    )
    for seed in seeds[:-1]:
        shutil.copy(seed, raw / seed.name)
    etl(raw, db)
    con = duckdb.connect(str(db))  # the first batch came in two days ago
    con.execute("UPDATE articles SET ingested_at = ingested_at - INTERVAL 2 DAY")
    con.close()
    shutil.copy(seeds[-1], raw / seeds[-1].name)
    etl(raw, db)
    con = duckdb.connect(str(db), read_only=True)
    newest = con.execute("SELECT title FROM articles ORDER BY ingested_at DESC LIMIT 1").fetchone()[
        0
    ]
    counts = con.execute(
        "SELECT count(*) FILTER (WHERE ingested_at >= now()::TIMESTAMP - INTERVAL 1 DAY), "
        "count(*) FROM articles"
    ).fetchone()
    con.close()
    assert counts == (1, len(seeds))
    return db, newest


def test_the_overview_lists_what_was_added_after_the_chosen_day(browser, two_runs, screenshot_dir):
    db, newest = two_runs
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date()
    with streamlit_server(db) as url:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        try:
            page.goto(url)
            wait_for_app(page)
            # Typed as an analyst would: year, month and day segments; the field takes the date
            # when it loses focus.
            page.get_by_role("spinbutton", name="year, Since", exact=True).click()
            page.keyboard.type(f"{yesterday:%Y%m%d}")
            page.locator("h1").first.click()
            wait_for_app(page)
            page.get_by_role("button", name=f"Show what is new since {yesterday:%Y-%m-%d}").click()
            page.get_by_role("heading", name=f"New since {yesterday:%Y-%m-%d}").wait_for()
            wait_for_app(page)
            assert f"added={yesterday:%Y-%m-%d}" in page.url
            assert "New articles: 1" in page.inner_text("body")
            metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
            assert metrics[0] == "1"  # Articles
            page.screenshot(path=str(screenshot_dir / "since-1920x1080.png"), full_page=True)
            # The one new article is what the Sources page lists under the same filter.
            page.get_by_role("link", name="Sources").first.click()
            wait_for_app(page)
            assert f"added={yesterday:%Y-%m-%d}" in page.url
            assert newest[:40] in page.inner_text("body")
        finally:
            page.close()
