"""The map in Debian's chromium with every request off this machine refused (as in a building
without internet access), on a warehouse the real ETL built from the shipped corpus: the map
draws its outlines from the dashboard's own static files, and clicking a place lists the
sentences behind it. A screenshot (1920×1080) goes to $BRIEFING_SHOTS as map.png."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

pytest.importorskip("playwright")

from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import needs_chromium

pytestmark = needs_chromium

CHART = ".st-key-map_chart_both_kind"


@pytest.fixture(scope="module")
def offline(browser, shipped_server):
    """A browser context that aborts every request not to the dashboard; what it tried and
    what the dashboard served are recorded."""
    seen = {"blocked": [], "served": []}
    context = browser.new_context(viewport={"width": 1920, "height": 1080})

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(shipped_server) or url.startswith(("data:", "blob:")):
            seen["served"].append(url)
            request_route.continue_()
        else:
            seen["blocked"].append(url)
            request_route.abort()

    context.route("**/*", route)
    yield context, seen
    context.close()


def test_the_map_draws_its_outlines_offline_and_a_clicked_place_shows_its_evidence(
    offline, shipped_server, shipped_warehouse, screenshot_dir
):
    context, seen = offline
    page = context.new_page()
    page.goto(f"{shipped_server}/map")
    wait_for_app(page)
    chart = page.locator(CHART)
    # Outlines: country borders and land drawn from the topojson the dashboard serves.
    chart.locator(".geo .layer.countries path").first.wait_for(state="attached", timeout=30000)
    assert chart.locator(".geo .layer.countries path").count() > 0
    assert chart.locator(".geo .layer.land path").count() > 0
    assert any("/app/static/topojson/world_110m.json" in url for url in seen["served"])
    assert not [url for url in seen["blocked"] if "plot.ly" in url]
    # The source line counts what the map draws: its figures and its events.
    with duckdb.connect(str(shipped_warehouse), read_only=True) as con:
        placed_events = con.execute(
            """SELECT count(DISTINCT e.event_id) FROM events e JOIN row_places l
                   ON l.table_name = 'events' AND l.row_id = e.event_id
               JOIN places p USING (place_id) WHERE p.lat IS NOT NULL"""
        ).fetchone()[0]
    source = page.locator('[data-testid="stCaptionContainer"]').filter(
        has_text="Source: briefing warehouse"
    )
    assert f"and {placed_events} event" in source.first.inner_text()
    assert "on the map from" in source.first.inner_text()

    bubbles = chart.locator(".scattergeo path.point")
    assert bubbles.count() > 0
    box = bubbles.first.bounding_box()
    assert box, "the bubble is not drawn"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    evidence = page.locator(".st-key-evidence_map")
    evidence.wait_for(timeout=30000)
    wait_for_app(page)

    place = parse_qs(urlsplit(page.url).query).get("place", [None])[0]
    assert place, "the clicked place is not in the address"
    with duckdb.connect(str(shipped_warehouse), read_only=True) as con:
        sentences = {
            row[0]
            for row in con.execute(
                """SELECT f.evidence FROM figures f JOIN row_places l
                       ON l.table_name = 'figures' AND l.row_id = f.figure_id
                   WHERE l.place_id = ?
                   UNION SELECT e.evidence FROM events e JOIN row_places l
                       ON l.table_name = 'events' AND l.row_id = e.event_id
                   WHERE l.place_id = ?""",
                [place, place],
            ).fetchall()
        }
    text = evidence.inner_text()
    assert sentences and any(s in text for s in sentences)
    # The map with the place's sentences beneath it, for the README.
    page.mouse.move(5, 5)
    page.locator(".st-key-map_chart_both_kind").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshot_dir / "map.png"))

    # The address opens the same place in a new tab.
    again = context.new_page()
    again.goto(page.url)
    wait_for_app(again)
    again.locator(".st-key-evidence_map").wait_for(timeout=30000)
    assert any(s in again.locator(".st-key-evidence_map").inner_text() for s in sentences)
    again.close()
    page.close()


def test_back_undoes_a_clicked_place(shipped_server, wide_page):
    page = wide_page
    page.goto(f"{shipped_server}/map")
    wait_for_app(page)
    bubbles = page.locator(CHART).locator(".scattergeo path.point")
    bubbles.first.wait_for(state="attached", timeout=60000)
    box = bubbles.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(lambda url: "place=" in url, timeout=60000)
    page.locator(".st-key-evidence_map").wait_for(timeout=60000)
    page.go_back()
    page.wait_for_url(lambda url: "place=" not in url, timeout=60000)
    wait_for_app(page)
    page.locator(".st-key-evidence_map").wait_for(state="detached", timeout=60000)


def test_no_page_asks_an_outside_host_for_icons_or_fonts(offline, shipped_server):
    # A briefing room without internet: the tab's icon and the Material Symbols used by
    # buttons and the navigation come from the dashboard itself.
    context, seen = offline
    page = context.new_page()
    try:
        for path in ("", "/stances", "/map"):
            page.goto(f"{shipped_server}{path}")
            wait_for_app(page)
        icon = page.evaluate("() => document.querySelector(\"link[rel='shortcut icon']\").href")
        assert icon.startswith(shipped_server), icon
        outside = [u for u in seen["blocked"] if "gstatic" in u or "googleapis" in u]
        assert not outside, outside
        # The navigation's icons are drawn with the font the dashboard itself serves.
        assert any("MaterialSymbols" in u for u in seen["served"])
    finally:
        page.close()
