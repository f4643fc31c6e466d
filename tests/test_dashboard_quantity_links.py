"""From one figure to every source's figure for the same quantity: each figure row (the Figures
page's table, the evidence lists under charts) links to the Figures reconciled page for its
quantity (category, people or currency, place)."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

from briefing import reconcile
from briefing.filters import Filters
from tests.test_reconcile import SHIPPED, figure, frame


def test_each_comparable_figure_links_to_its_quantity_under_the_same_filters():
    links = reconcile.figure_links(SHIPPED, Filters(countries=("syria",)))
    assert set(links) == {"un", "unhcr", "mccallum", "globe"}
    assert links["un"] == links["unhcr"]  # the same quantity: one page for both
    assert links["un"] != links["globe"]
    query = parse_qs(urlsplit(links["globe"]).query)
    assert urlsplit(links["globe"]).path == "reconcile"
    assert query["quantity"] == ["resettled|people|country:canada"]
    assert query["country"] == ["syria"]  # the filters go with it


def test_a_figure_that_compares_with_nothing_has_no_link():
    placeless = frame(
        figure("x", 10, "10", date(2020, 1, 1), "X", place=None, country=None),
    )
    assert reconcile.figure_links(placeless) == {}
    assert reconcile.figure_links(SHIPPED.iloc[0:0]) == {}
