"""The Review page in Debian's chromium, on a warehouse the ETL builds from the shipped corpus
(data/raw): an analyst gives her name, rejects the first stance of the queue with its keyboard
shortcut and fixes the category of the first figure through the Fix form; after a reload the
Stances page counts one stance fewer and the figure shows its new category, corrected; both
still hold after the ETL runs again, also as a new ETL version that reanalyses everything. A
1920×1080 screenshot of the queue goes to $BRIEFING_SHOTS (default: a temporary folder) as
review-queue-1920.png."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("playwright")

from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import ROOT, needs_chromium

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def warehouse(shipped_warehouse) -> Path:
    return shipped_warehouse


@pytest.fixture(scope="module")
def server(shipped_server):
    return shipped_server


@pytest.fixture(scope="module")
def shots(screenshot_dir) -> Path:
    return screenshot_dir


@pytest.fixture
def page(wide_page):
    return wide_page


def first(warehouse: Path, sql: str, *params) -> tuple:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchone()


def sign(page, name: str = "Ana Analyst") -> None:
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Start reviewing").click()
    page.locator(".st-key-review_card").wait_for(timeout=30000)
    wait_for_app(page)


def stances_shown(page) -> int:
    caption = page.get_by_text(re.compile(r"[0-9,]+ shown, newest first")).first
    caption.wait_for(timeout=30000)
    return int(re.match(r"([0-9,]+) shown", caption.inner_text())[1].replace(",", ""))


def test_reject_a_stance_and_fix_a_figure_through_the_review_page(
    server, warehouse, page, shots, monkeypatch
):
    page.goto(f"{server}/stances")
    wait_for_app(page)
    stances_before = stances_shown(page)

    # The queue's first stance is the least confident one.
    stance_id, = first(
        warehouse, "SELECT stance_id FROM stances ORDER BY confidence, stance_id LIMIT 1"
    )  # fmt: skip
    page.goto(f"{server}/review?table=stances")
    wait_for_app(page)
    sign(page)
    card = page.locator(".st-key-review_card")
    assert card.locator(".article-text .hl-stance").count() == 1  # the span, marked in context
    assert f"0 of {stances_before} stances reviewed" in page.inner_text("body")
    page.screenshot(path=str(shots / "review-queue-1920.png"))

    page.locator("h1").first.click()  # focus out of any field, then the shortcut
    page.keyboard.press("x")
    page.get_by_text("Rejected stance").wait_for(timeout=60000)
    wait_for_app(page)
    assert f"1 of {stances_before} stances reviewed (1 rejected)" in page.inner_text("body")

    # The figures queue, in the same session (the name is kept).
    page.locator(".st-key-review_table").get_by_text("Figures", exact=True).click()
    page.locator(".st-key-review_card").wait_for(timeout=30000)
    wait_for_app(page)
    page.locator(".st-key-review_fix button").first.click()
    field = page.locator('[class*="st-key-fix_"][class*="_category"]')
    field.wait_for(timeout=30000)
    figure_id = re.search(r"st-key-fix_(\S+)_category", field.get_attribute("class"))[1]
    (category,) = first(warehouse, "SELECT category FROM figures WHERE figure_id = ?", figure_id)
    new_category = "killed" if category != "killed" else "injured"
    combo = field.get_by_role("combobox")
    combo.click()
    combo.fill(new_category)  # the list narrows to the typed option
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([el, v]) => el.value === v", arg=[combo.element_handle(), new_category], timeout=10000
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "review-fix-1920.png"))
    page.locator(f".st-key-fix_save_{figure_id} button").first.click()
    page.get_by_text("Fixed figure").wait_for(timeout=60000)

    # Reload: a new browser session reads the replaced warehouse.
    page.goto(f"{server}/stances")
    wait_for_app(page)
    assert stances_shown(page) == stances_before - 1
    page.goto(f"{server}/review?table=figures&row={figure_id}")
    wait_for_app(page)
    sign(page, "Bo Reviewer")
    text = page.locator(".st-key-review_card").inner_text()
    assert "status: corrected" in text and new_category in text
    assert_reviews_applied(warehouse, stance_id, figure_id, new_category)

    # The ETL runs again over the same folder, then as a new ETL version that reanalyses every
    # article: both reviews still hold, in the warehouse and on the page.
    from etl import load
    from etl.run import run_etl

    run_etl(ROOT / "data" / "raw", warehouse)
    assert_reviews_applied(warehouse, stance_id, figure_id, new_category)
    monkeypatch.setattr(load, "etl_version", lambda *args, **kwargs: "a-new-etl-version")
    summary = run_etl(ROOT / "data" / "raw", warehouse)
    assert summary.articles_reused == 0 and summary.articles_new == 5
    assert_reviews_applied(warehouse, stance_id, figure_id, new_category)
    page.goto(f"{server}/stances")
    wait_for_app(page)
    assert stances_shown(page) == stances_before - 1


def assert_reviews_applied(warehouse: Path, stance_id: str, figure_id: str, category: str):
    assert first(warehouse, "SELECT count(*) FROM stances WHERE stance_id = ?", stance_id) == (0,)
    assert first(
        warehouse, "SELECT category, review_status FROM figures WHERE figure_id = ?", figure_id
    ) == (category, "corrected")


def test_review_it_under_a_chart_opens_the_review_page_at_that_row(server, warehouse, page):
    from tests.e2e.test_evidence_e2e import click_first_mark

    page.goto(f"{server}/stances")
    wait_for_app(page)
    click_first_mark(page, "stances_bars", ".trace.bars path")
    box = page.locator(".st-key-evidence_stances_bars")
    box.wait_for(timeout=30000)
    wait_for_app(page)
    href = box.get_by_role("link", name="review it").first.get_attribute("href")
    assert href and href.startswith("review?") and "table=stances" in href
    row_id = re.search(r"[?&]row=([0-9a-f]+)", href)[1]
    sentence = box.locator('[data-testid="stText"]').first.inner_text().strip()
    page.goto(f"{server}/{href}")
    wait_for_app(page)
    sign(page)
    card = page.locator(".st-key-review_card")
    marked = " ".join(card.locator(".article-text .hl-stance").all_inner_texts())
    assert " ".join(marked.split()) == " ".join(sentence.split())
    assert first(warehouse, "SELECT count(*) FROM stances WHERE stance_id = ?", row_id) == (1,)
