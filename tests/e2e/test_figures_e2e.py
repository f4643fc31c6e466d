"""The Humanitarian figures page in Debian's chromium, on the warehouse the ETL builds from the
shipped corpus, at 1920×1080 and at phone width (390×844): every number written on the
"Which number to brief?" and "by place" charts lies inside its chart (no value clipped at an
edge), carries its qualifier, and the page pairs only the same quantity. Screenshots go to
$BRIEFING_SHOTS (default: a temporary folder)."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright")

from tests.e2e.screenshots import visible_chart, wait_for_app
from tests.e2e.server import needs_chromium

pytestmark = needs_chromium

CHARTS = ("figures_spread", "figures_place")

# Each text of a chart's data labels with its box, and the box of the chart's svg.
_LABEL_BOXES = """
(root) => {
  const svg = root.querySelector('svg.main-svg');
  const frame = svg.getBoundingClientRect();
  const texts = [...root.querySelectorAll('.scatterlayer .textpoint text')];
  return {
    frame: {left: frame.left, right: frame.right},
    labels: texts.map(t => {
      const b = t.getBoundingClientRect();
      // A label broken over lines is one tspan a line: read with a space between them.
      const lines = [...t.querySelectorAll('tspan.line')].map(l => l.textContent);
      const text = lines.length ? lines.join(' ') : t.textContent;
      return {text: text, left: b.left, right: b.right};
    }),
  };
}
"""


def label_boxes(page, chart_key: str) -> dict:
    chart = visible_chart(page, f"chart_{chart_key}")
    chart.scroll_into_view_if_needed()
    chart.locator(".scatterlayer .textpoint text").first.wait_for(timeout=60000)
    return chart.evaluate(_LABEL_BOXES)


@pytest.fixture(params=[(1920, 1080), (390, 844)], ids=["1920x1080", "390x844"])
def sized_page(request, browser):
    width, height = request.param
    tab = browser.new_page(viewport={"width": width, "height": height})
    yield tab, f"{width}x{height}"
    tab.close()


def test_every_figure_label_keeps_its_value_inside_the_chart(
    shipped_server, sized_page, screenshot_dir
):
    page, size = sized_page
    page.goto(f"{shipped_server}/figures")
    wait_for_app(page, timeout=90000)
    for chart_key in CHARTS:
        found = label_boxes(page, chart_key)
        assert found["labels"], chart_key
        for label in found["labels"]:
            if not label["text"]:
                continue
            # A pixel of slack for anti-aliasing.
            assert label["left"] >= found["frame"]["left"] - 1, (size, chart_key, label)
            assert label["right"] <= found["frame"]["right"] + 1, (size, chart_key, label)
    page.screenshot(path=str(screenshot_dir / f"figures-shipped-{size}.png"))
    # The shipped corpus has one real pair: 25,000 (John McCallum, 2016) and about 34,000
    # Syrian refugees resettled in Canada (December 2016); the UN's 3.73 million (2016) and
    # UNHCR's 5.6 million (2020) refugees are years apart and not paired.
    spread = " ".join(t["text"] for t in label_boxes(page, "figures_spread")["labels"])
    assert "about 34,000" in spread and "25,000" in spread
    assert "5.6 million" not in spread
    place = " ".join(t["text"] for t in label_boxes(page, "figures_place")["labels"])
    assert "more than 5.6 million" in place
