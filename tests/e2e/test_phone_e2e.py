"""Phone width (390×844) and the events page in Debian's chromium, on the warehouse the ETL builds
from the shipped corpus: Plotly's toolbar never covers a chart's title, the timeline's place
labels do not overlap, the events legend needs no scrollbar, the active filters are said at the
top of the page, and every event is listed as its sentence. Screenshots go to $BRIEFING_SHOTS
(default: a temporary folder)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright")

from tests.e2e.screenshots import visible_chart, wait_for_app
from tests.e2e.server import needs_chromium

pytestmark = needs_chromium

EVENTS = "/events?statement_events=true&country=russia"


@pytest.fixture
def phone(browser):
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    yield tab
    tab.close()


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None
    return box


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def _toolbar_and_title(page, chart_key: str) -> tuple[dict, dict]:
    chart = visible_chart(page, f"chart_{chart_key}")
    chart.scroll_into_view_if_needed()
    chart.locator(".gtitle").wait_for(timeout=60000)
    chart.locator(".nsewdrag").first.hover()  # the toolbar shows while the pointer is over it
    bar = chart.locator(".modebar")
    bar.wait_for(state="visible", timeout=10000)
    return _box(bar), _box(chart.locator(".gtitle"))


@pytest.mark.parametrize("size", [(390, 844), (1920, 1080)], ids=["phone", "wide"])
def test_plotlys_toolbar_never_covers_a_chart_title(browser, shipped_server, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        page.goto(shipped_server + EVENTS)
        wait_for_app(page, 60000)
        for key in ("events_timeline", "events_place"):
            bar, title = _toolbar_and_title(page, key)
            assert not _overlap(bar, title), (key, bar, title)
    finally:
        page.close()


def test_at_phone_width_the_events_read_without_overlaps_or_scrollbars(
    phone, shipped_server, screenshot_dir
):
    phone.goto(shipped_server + EVENTS)
    wait_for_app(phone, 60000)
    phone.screenshot(path=str(screenshot_dir / "events-phone.png"), full_page=True)

    # The filters are said under the title, in the first screenful.
    said = (
        phone.locator('[data-testid="stCaptionContainer"]')
        .filter(has_text=re.compile(r"Filters: .*Russia"))
        .first
    )
    assert said.is_visible() and _box(said)["y"] < 844

    timeline = visible_chart(phone, "chart_events_timeline")
    timeline.locator(".scatterlayer").first.wait_for(timeout=60000)
    labels = [
        _box(t)
        for t in timeline.locator(".scatterlayer .textpoint text").all()
        if (t.text_content() or "").strip()
    ]
    assert labels, "some events are labelled with their place"
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlap(a, b), (a, b)

    by_place = visible_chart(phone, "chart_events_place")
    by_place.locator(".legend").wait_for(timeout=60000)
    scrollbars = by_place.locator(".legend .scrollbar").all()
    assert all(float(s.get_attribute("height") or 0) == 0 for s in scrollbars)

    # Every event is listed as its sentence, not only inside the dots' hover.
    listed = phone.locator(".st-key-evidence_events_list")
    assert "Every event, newest first" in listed.inner_text()
    assert listed.locator('[data-testid="stText"]').count() >= 3


@pytest.mark.parametrize("size", [(390, 844), (1920, 1080)], ids=["phone", "wide"])
def test_the_network_is_its_ranked_ties_on_a_phone_and_the_drawing_when_wide(
    browser, shipped_server, size
):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        page.goto(shipped_server + "/network")
        wait_for_app(page, 60000)
        ties = visible_chart(page, "chart_network_ties")
        drawing = visible_chart(page, "chart_network")
        if size[0] < 640:
            ties.locator(".gtitle").wait_for(timeout=60000)
            assert ties.is_visible() and not drawing.is_visible()
            # Every tie's label is inside the chart (none cut at the left edge).
            chart = _box(ties)
            for label in ties.locator(".ytick text").all():
                assert _box(label)["x"] >= chart["x"] - 1, label.inner_text()
            page.get_by_text("Draw the network").click()  # the drawing, when asked for
            drawing.locator(".gtitle").wait_for(state="visible", timeout=60000)
            assert drawing.is_visible()
        else:
            drawing.locator(".gtitle").wait_for(timeout=60000)
            assert drawing.is_visible() and not ties.is_visible()
    finally:
        page.close()


def test_at_phone_width_legends_sit_below_the_plot_without_overlaps(
    phone, shipped_server, screenshot_dir
):
    phone.goto(shipped_server + "/")
    wait_for_app(phone, 60000)
    chart = visible_chart(phone, "chart_overview_statements")
    chart.scroll_into_view_if_needed()
    chart.locator(".legend .traces").first.wait_for(timeout=60000)
    plot = _box(chart.locator(".nsewdrag").first)
    entries = [_box(t) for t in chart.locator(".legend .traces").all()]
    assert len(entries) > 2
    # Below the plot (and its axis labels), two entries a row, none on another.
    assert min(e["y"] for e in entries) > plot["y"] + plot["height"]
    assert len({round(e["y"]) for e in entries}) <= (len(entries) + 1) // 2
    for i, a in enumerate(entries):
        for b in entries[i + 1 :]:
            assert not _overlap(a, b), (a, b)
    # The bars keep a readable height, and the source line lies under the legend.
    assert plot["height"] >= 200
    source = _box(chart.locator(".annotation").filter(has_text="Source:").first)
    assert source["y"] >= max(e["y"] + e["height"] for e in entries) - 1
    frame = _box(chart)
    assert source["x"] >= frame["x"] - 1 and source["x"] + source["width"] <= frame["x"] + 391
    chart.screenshot(path=str(screenshot_dir / "overview-monthly-phone.png"))


def test_on_a_wide_screen_a_source_line_wraps_to_its_charts_width(browser, shipped_server):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        page.goto(shipped_server + "/stances")
        wait_for_app(page, 60000)
        chart = visible_chart(page, "chart_stances_bars")  # the page's whole width
        source = chart.locator(".annotation-text").filter(has_text="Source:").first
        source.wait_for(timeout=60000)
        rows = source.locator("tspan.line").count() or 1
        width = _box(source)["width"]
        frame = _box(chart)
        # Longer rows than a phone's (56 characters were about 330 px), inside the chart.
        assert rows <= 2 and width > 400 and width < frame["width"], (rows, width)
    finally:
        page.close()


@pytest.mark.parametrize("path", ["/", "/stances", "/figures", "/events"])
def test_on_a_wide_screen_every_chart_title_takes_one_line_inside_its_chart(
    wide_page, shipped_server, path
):
    wide_page.goto(shipped_server + path)
    wait_for_app(wide_page, 60000)
    charts = wide_page.locator('[data-testid="stPlotlyChart"]:visible')
    charts.first.locator(".gtitle").wait_for(timeout=60000)
    seen = 0
    for chart in charts.all():
        title = chart.locator(".gtitle")
        if not title.count():
            continue
        seen += 1
        # Plotly draws a title broken with <br> as one tspan.line a line.
        assert title.locator("tspan.line").count() <= 1, title.text_content()
        box, frame = _box(title), _box(chart)
        assert box["x"] >= frame["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
    assert seen >= 1


def test_at_phone_width_the_stance_matrix_fits_the_screen_with_its_busiest_targets(
    phone, shipped_server, screenshot_dir
):
    phone.goto(shipped_server + "/stances")
    wait_for_app(phone, 60000)
    matrix = visible_chart(phone, "chart_stances_matrix")
    matrix.scroll_into_view_if_needed()
    matrix.locator(".heatmaplayer").first.wait_for(timeout=60000)
    matrix.screenshot(path=str(screenshot_dir / "stances-matrix-phone.png"))
    frame = _box(matrix)
    assert frame["x"] >= 0 and frame["x"] + frame["width"] <= 390
    # Nothing of the chart runs past the screen's right edge, and the page never scrolls
    # sideways to reach it.
    for part in (".heatmaplayer", ".xtick text", ".ytick text", ".gtitle", ".colorbar"):
        for element in matrix.locator(part).all():
            box = element.bounding_box()
            if box and box["width"]:
                assert box["x"] + box["width"] <= 391, (part, element.text_content())
    wider = phone.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
    assert wider <= 390
    columns = matrix.locator(".xtick text").count()
    assert 2 <= columns <= 5
    # Each cell keeps room for its signed count.
    cells = _box(matrix.locator(".heatmaplayer").first)
    assert cells["width"] / columns >= 30
    # The targets left out are said, not silently dropped.
    assert "targets with most stances, of" in (matrix.locator(".infolayer").text_content() or "")
