"""Evidence on click in Debian's chromium, on a warehouse the ETL builds from the shipped corpus
(data/raw): clicking a mark of the first chart on the Stances, Humanitarian figures, Actor
network and Events pages lists the sentences behind it below the chart, with their confidence,
and the link opens the article with the sentence highlighted. Screenshots (1920×1080) of each
page with its selected mark go to $BRIEFING_SHOTS (default: a temporary folder)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

pytest.importorskip("playwright")

from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import needs_chromium

pytestmark = needs_chromium

# page path, key of its first chart, table whose evidence sentences it shows, what to click
PAGES = [
    ("stances", "stances_bars", "stances", ".trace.bars path"),
    ("stances", "stances_matrix", "stances", ".scatterlayer .trace .points path"),
    ("figures", "figures_spread", "figures", ".scatterlayer .trace .points path"),
    ("network", "network", "stances", ".scatterlayer .trace .points path"),
    ("events", "events_timeline", "events", ".scatterlayer .trace .points path"),
]


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


def sentences(warehouse: Path, table: str) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {r[0] for r in con.execute(f"SELECT evidence FROM {table}").fetchall() if r[0]}


def click_first_mark(page, chart_key: str, marks: str) -> None:
    """Click the middle of the first mark of a chart (Plotly's drag layer lies over its marks,
    so the mouse clicks where the mark is drawn, as an analyst would)."""
    chart = page.locator(f".st-key-chart_{chart_key}")
    chart.scroll_into_view_if_needed()
    mark = chart.locator(marks).first
    mark.wait_for(state="attached", timeout=30000)
    box = mark.bounding_box()
    assert box, "the mark is not drawn"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize(("path", "chart_key", "table", "marks"), PAGES, ids=[p[1] for p in PAGES])
def test_clicking_a_mark_of_the_first_chart_shows_its_evidence_sentences(
    server, warehouse, page, shots, path, chart_key, table, marks
):
    page.goto(f"{server}/{path}")
    wait_for_app(page)
    box = page.locator(f".st-key-evidence_{chart_key}")
    assert box.count() == 0  # nothing selected yet
    click_first_mark(page, chart_key, marks)
    box.wait_for(timeout=30000)
    wait_for_app(page)
    text = box.inner_text()
    assert "Evidence for the selected mark" in text
    shown = [
        t.strip() for t in box.locator('[data-testid="stText"]').all_inner_texts() if t.strip()
    ]
    assert shown, text
    known = sentences(warehouse, table)
    assert shown[0] in known, shown[0]  # the whole sentence, as the ETL stored it
    assert "confidence high · " in text or "confidence medium · " in text
    # Each row names its article (its headline, or what stands in for a missing one).
    with duckdb.connect(str(warehouse), read_only=True) as con:
        titles = {r[0][:30] for r in con.execute("SELECT title FROM articles").fetchall() if r[0]}
    assert any(title in text for title in titles) or "[no headline]" in text, text
    # The chart with its selected mark, and the evidence below it.
    page.locator(f".st-key-chart_{chart_key}").evaluate("e => e.scrollIntoView()")
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / f"evidence-{chart_key}-1920.png"))
    # The link opens the Sources page's article view with that sentence highlighted.
    link = box.get_by_role("link", name="read it in its article").first
    href = link.get_attribute("href")
    assert href and href.startswith("sources?") and "article=" in href and "mark=" in href
    page.goto(f"{server}/{href}")
    wait_for_app(page)
    marked = page.locator(".article-text .hl-selected").all_inner_texts()
    assert "".join(marked).strip() == shown[0].strip()
    if chart_key == "stances_bars":
        page.locator(".article-text .hl-selected").first.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "evidence-sources-article-1920.png"))


def test_high_confidence_only_is_said_on_the_chart_and_kept_in_the_link(server, page):
    page.goto(f"{server}/stances?confidence=high")
    wait_for_app(page)
    assert "confidence=high" in page.url
    # The source line: one row on a wide screen, rows (tspans) when it wraps.
    lines = page.locator(".st-key-chart_stances_bars .annotation-text").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    source = " ".join(" ".join(lines).split())  # the wrapped source line, unwrapped
    assert "Filters: high-confidence rows only (≥ 0.8)" in source, source


def test_a_matrix_cell_opens_its_pair_over_time_with_the_evidence(server, warehouse, page, shots):
    page.goto(f"{server}/stances")
    wait_for_app(page)
    click_first_mark(page, "stances_matrix", ".scatterlayer .trace .points path")
    box = page.locator(".st-key-evidence_stances_matrix")
    box.wait_for(timeout=30000)
    wait_for_app(page)
    link = box.get_by_role("link", name="This pair over time")
    href = link.get_attribute("href")
    assert href and href.startswith("dyad?") and "source=" in href and "target=" in href
    cell_sentences = [
        t.strip() for t in box.locator('[data-testid="stText"]').all_inner_texts() if t.strip()
    ]
    page.goto(f"{server}/{href}")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().startswith("Pair over time")
    assert "source=" in page.url and "target=" in page.url
    timeline = page.locator(".st-key-evidence_dyad")
    assert "Every stance of" in timeline.inner_text()
    listed = {t.strip() for t in timeline.locator('[data-testid="stText"]').all_inner_texts()}
    # The pair's evidence holds the cell's sentences (the cell may be one polarity of the pair).
    assert set(cell_sentences) <= listed
    assert listed <= sentences(warehouse, "stances")
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for()
    page.screenshot(path=str(shots / "dyad-1920.png"), full_page=True)
