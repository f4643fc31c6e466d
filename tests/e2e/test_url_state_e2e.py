"""The whole view in the URL, in Debian's chromium on the shipped corpus: Back undoes a filter
change, a link copied from one browser opens the same view (selection included) in another,
and a typed date applies on Enter with the URL following at once."""

import re

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import expect

from tests.e2e.server import needs_chromium

pytestmark = needs_chromium
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def settled(page) -> None:
    """Until the script has finished its run and lazily loaded widgets have replaced their
    skeletons (a first run on a busy machine is slow)."""
    page.wait_for_selector(IDLE, timeout=90000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=90000
    )


def sidebar_toggle(page, label: str):
    return (
        page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]')
        .filter(has_text=label)
        .locator("input")
    )


def test_back_undoes_a_filter_change(shipped_server, wide_page):
    wide_page.goto(f"{shipped_server}/stances?country=russia")
    settled(wide_page)
    high = sidebar_toggle(wide_page, "High confidence only")
    expect(high).not_to_be_checked()
    wide_page.locator('[data-testid="stSidebar"]').get_by_text("High confidence only").click()
    wide_page.wait_for_url(re.compile(r"confidence=high"))
    expect(high).to_be_checked(timeout=60000)

    wide_page.go_back()
    wide_page.wait_for_url(re.compile(r"/stances\?country=russia$"))
    settled(wide_page)
    expect(high).not_to_be_checked(
        timeout=60000
    )  # the widget follows the URL, not the other way round
    assert "confidence=" not in wide_page.url

    wide_page.go_forward()
    wide_page.wait_for_url(re.compile(r"confidence=high"))
    expect(high).to_be_checked(timeout=60000)


def test_a_copied_link_opens_the_same_view_with_its_selection_in_another_browser(
    shipped_server, browser
):
    first = browser.new_context(viewport={"width": 1920, "height": 1080})
    second = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = first.new_page()
        page.goto(f"{shipped_server}/network?country=canada")
        settled(page)
        page.get_by_role("combobox", name="Actor", exact=True).click()
        option = page.get_by_role("option").first
        actor = option.inner_text().strip()
        option.click()
        page.wait_for_url(re.compile(r"node="))
        expect(page.get_by_text(f"Strongest ties of {actor}")).to_be_visible(timeout=60000)
        link = page.url

        other = second.new_page()  # another browser profile: no session, no cookies
        other.goto(link)
        settled(other)
        expect(other.get_by_text(f"Strongest ties of {actor}")).to_be_visible(timeout=60000)
        expect(other.get_by_role("combobox", name="Actor", exact=True)).to_have_value(
            actor, timeout=60000
        )
        countries = other.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
        expect(countries.filter(has_text="Countries")).to_contain_text("Canada")
    finally:
        first.close()
        second.close()


def test_a_typed_date_applies_on_enter_and_the_url_follows(shipped_server, wide_page):
    wide_page.goto(f"{shipped_server}/stances")
    settled(wide_page)
    year = wide_page.get_by_role("spinbutton", name="year, Date range start date")
    year.click()
    wide_page.keyboard.type("2018")
    wide_page.keyboard.press("Enter")
    # Only the year was typed: the month and day stay those of the data's first dated row.
    wide_page.wait_for_url(re.compile(r"from=2018-\d\d-\d\d"), timeout=10000)
    settled(wide_page)
    typed = re.search(r"from=(2018-\d\d-\d\d)", wide_page.url).group(1)
    caption = wide_page.locator('[data-testid="stCaptionContainer"]').filter(has_text="Filters:")
    expect(caption.first).to_contain_text(f"{typed} to")


def test_a_filter_change_beside_a_widget_bound_to_the_url_writes_the_filters(
    shipped_server, wide_page
):
    # The Events page's toggle is bound to the URL (bind="query-params"); Streamlit refuses
    # to set or drop a bound parameter, so the filters' write must leave it alone.
    wide_page.goto(f"{shipped_server}/events?country=russia&statement_events=true")
    settled(wide_page)
    wide_page.locator('[data-testid="stSidebar"]').get_by_text("High confidence only").click()
    wide_page.wait_for_url(re.compile(r"confidence=high"))
    settled(wide_page)
    assert wide_page.locator('[data-testid="stException"]').count() == 0
    assert "statement_events=true" in wide_page.url


def _click_first_mark(page, chart_key: str, marks: str) -> None:
    chart = page.locator(f".st-key-chart_{chart_key}")
    chart.scroll_into_view_if_needed()
    mark = chart.locator(marks).first
    mark.wait_for(state="attached", timeout=60000)
    box = mark.bounding_box()
    assert box, "the mark is not drawn"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _evidence_sentences(page, chart_key: str) -> list[str]:
    box = page.locator(f".st-key-evidence_{chart_key}")
    box.wait_for(timeout=60000)
    texts = box.locator('[data-testid="stText"]').all_inner_texts()
    return [t.strip() for t in texts if t.strip()]


# page, chart, its marks: a bar, a network edge's midpoint, a timeline dot
MARKS = [
    ("stances", "stances_bars", ".trace.bars path"),
    ("network", "network", ".scatterlayer .trace .points path"),
    ("events", "events_timeline", ".scatterlayer .trace .points path"),
]


@pytest.mark.parametrize(("path", "chart_key", "marks"), MARKS, ids=[m[1] for m in MARKS])
def test_a_selected_mark_is_in_the_link_and_back_undoes_it(
    shipped_server, browser, path, chart_key, marks
):
    first = browser.new_context(viewport={"width": 1920, "height": 1080})
    second = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = first.new_page()
        page.goto(f"{shipped_server}/{path}")
        settled(page)
        _click_first_mark(page, chart_key, marks)
        page.wait_for_url(re.compile(r"pick="), timeout=60000)
        settled(page)
        shown = _evidence_sentences(page, chart_key)
        assert shown
        link = page.url

        other = second.new_page()  # another browser profile: the link alone reopens it
        other.goto(link)
        settled(other)
        assert _evidence_sentences(other, chart_key) == shown

        page.go_back()  # Back undoes the selection: the link and the evidence go
        page.wait_for_url(lambda url: "pick=" not in url, timeout=60000)
        settled(page)
        expect(page.locator(f".st-key-evidence_{chart_key}")).to_have_count(0, timeout=60000)
    finally:
        first.close()
        second.close()


def test_a_typed_page_name_opens_that_page_whatever_name_it_uses(shipped_server, wide_page):
    # The default page has no path of its own in Streamlit: '/overview' was "Page not found".
    for typed, shown, heading in (
        ("overview?country=russia", r"/\?country=russia$", "Overview"),
        ("Humanitarian-figures", r"/figures$", "Humanitarian figures"),
    ):
        wide_page.goto(f"{shipped_server}/{typed}")
        settled(wide_page)
        wide_page.wait_for_url(re.compile(shown))
        expect(wide_page.locator("h1").first).to_have_text(heading)
        expect(wide_page.get_by_text("Page not found")).to_have_count(0)
