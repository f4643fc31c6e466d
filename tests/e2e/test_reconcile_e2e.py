"""Figures reconciled in Debian's chromium, on the warehouse the ETL builds from the shipped
corpus: the figures page's "Which number to brief?" links to the view; the view draws each
source's figures with their qualifiers, the spread of one as-of period and UNHCR's reference
line; clicking a point lists the sentence behind it. Screenshots at 1920×1080 and 390×844 go to
$BRIEFING_SHOTS (default: a temporary folder)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest

pytest.importorskip("playwright")

from tests.e2e.screenshots import visible_chart, wait_for_app
from tests.e2e.server import needs_chromium

pytestmark = needs_chromium

SYRIA = quote("refugees|people|country:syria", safe="")


def chart_of(page):
    """The reconciled chart as drawn at the page's width (wide or phone layout)."""
    return visible_chart(page, "chart_reconcile")


def figure_sentences(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {r[0] for r in con.execute("SELECT evidence FROM figures").fetchall() if r[0]}


def chart_texts(page, selector: str) -> list[str]:
    # A text wrapped into lines (a phone's legend) is read with its lines joined by spaces.
    return (
        chart_of(page)
        .locator(selector)
        .evaluate_all(
            "els => els.map(e => { const lines = [...e.querySelectorAll('tspan.line')];"
            " return lines.length ? lines.map(t => t.textContent).join(' ') : e.textContent; })"
        )
    )


def test_which_number_to_brief_opens_the_quantity_with_its_spread(shipped_server, wide_page):
    page = wide_page
    page.goto(f"{shipped_server}/figures")
    wait_for_app(page, timeout=90000)
    # The shipped corpus's one disagreement: Syrians resettled in Canada, 25,000 and about
    # 34,000 in 2016.
    href = page.get_by_role("link", name="resettled · people · Canada").get_attribute("href")
    assert href and href.startswith("reconcile?") and "quantity=" in href
    page.goto(f"{shipped_server}/{href}")
    wait_for_app(page, timeout=90000)
    assert page.locator("h1").first.inner_text().startswith("Figures reconciled")
    chart_of(page).locator(".scatterlayer .trace .points path").first.wait_for(timeout=60000)
    labels = " ".join(chart_texts(page, ".scatterlayer .textpoint text"))
    assert "25,000" in labels and "about 34,000" in labels  # the qualifier is kept
    legend = " ".join(chart_texts(page, ".legendtext"))
    assert "sources disagree (same as-of period)" in legend


def test_the_view_draws_the_reference_line_and_a_point_shows_its_evidence(
    shipped_server, shipped_warehouse, browser, screenshot_dir
):
    for width, height in ((1920, 1080), (390, 844)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(f"{shipped_server}/reconcile?quantity={SYRIA}")
        wait_for_app(page, timeout=90000)
        chart = chart_of(page)
        chart.scroll_into_view_if_needed()
        chart.locator(".scatterlayer .trace .points path").first.wait_for(timeout=60000)
        labels = " ".join(chart_texts(page, ".scatterlayer .textpoint text"))
        assert "3.73 million" in labels and "more than 5.6 million" in labels
        legend = " ".join(chart_texts(page, ".legendtext"))
        assert "UNHCR (official series)" in legend
        assert "reference: UNHCR's latest," in legend
        assert "more than 5.6 million (2020-11-11)" in legend
        # Every value written on the chart lies inside it (a pixel of slack for anti-aliasing).
        frame = chart.locator("svg.main-svg").first.bounding_box()
        for label in chart.locator(".scatterlayer .textpoint text").all():
            drawn = label.bounding_box()
            if drawn and label.text_content():
                assert drawn["x"] >= frame["x"] - 1, (width, label.text_content())
                assert drawn["x"] + drawn["width"] <= frame["x"] + frame["width"] + 1, (
                    width,
                    label.text_content(),
                )
        page.wait_for_timeout(300)
        chart.screenshot(path=str(screenshot_dir / f"reconcile-chart-{width}x{height}.png"))
        if width == 1920:
            box = page.locator(".st-key-evidence_reconcile")
            assert box.count() == 0  # nothing selected yet
            # The UNHCR point (the last drawn): Plotly's drag layer lies over the marks, so
            # the mouse clicks where the mark is drawn.
            mark = chart.locator(".scatterlayer .trace .points path").last.bounding_box()
            assert mark, "the point is not drawn"
            page.mouse.click(mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
            box.wait_for(timeout=30000)
            wait_for_app(page)
            text = box.inner_text()
            assert "Evidence for the selected mark" in text
            shown = [
                t.strip()
                for t in box.locator('[data-testid="stText"]').all_inner_texts()
                if t.strip()
            ]
            assert shown and shown[0] in figure_sentences(shipped_warehouse)
            assert "UNHCR" in shown[0] and "5.6 million" in shown[0]
            chart.evaluate("e => e.scrollIntoView()")
            page.wait_for_timeout(500)
        page.screenshot(path=str(screenshot_dir / f"reconcile-{width}x{height}.png"))
        page.close()


def test_a_figures_evidence_leads_to_every_source_for_its_quantity(shipped_server, wide_page):
    page = wide_page
    page.goto(f"{shipped_server}/figures")
    wait_for_app(page, timeout=90000)
    chart = page.locator(".st-key-chart_figures_spread")
    chart.scroll_into_view_if_needed()
    mark = chart.locator(".scatterlayer .trace .points path").first
    mark.wait_for(state="attached", timeout=60000)
    box = mark.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    evidence = page.locator(".st-key-evidence_figures_spread")
    evidence.wait_for(timeout=60000)
    link = evidence.get_by_role("link", name="all sources for this quantity").first
    link.wait_for(timeout=60000)
    href = link.get_attribute("href")
    assert href and href.startswith("reconcile?") and "quantity=" in href
    page.goto(f"{shipped_server}/{href}")
    wait_for_app(page, timeout=90000)
    assert page.locator("h1").first.inner_text().startswith("Figures reconciled")
    chart_of(page).locator(".scatterlayer .trace .points path").first.wait_for(timeout=60000)
