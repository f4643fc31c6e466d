# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""AppTest runs of the trust controls: the "High confidence only" sidebar choice narrows every
page's rows, lives in the URL and survives page switches; an evidence link opens its article on
the Sources page with the sentence highlighted."""

import html
import re

from tests.dashboard_fixtures import CONFIDENCE, fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import filters_of, shown_text, start

TOGGLE = "flt_confidence"
SELECTED = r'<span class="hl [^"]*hl-selected" title=[^>]*>([^<]*)</span>'  # a marked piece


def table_on(at, page: str, index: int = 0):
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at.dataframe[index].value


def test_high_confidence_only_narrows_the_tables_and_is_in_the_url(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    before = table_on(at, "pages/figures.py")
    assert "confidence" in before.columns and "low · 0.35" in set(before["confidence"])
    at.toggle(key=TOGGLE).set_value(True).run()
    assert not at.exception
    after = at.dataframe[0].value
    assert len(after) == len(before) - len(CONFIDENCE["figures"][1])
    assert set(after["confidence"].str.split(" ").str[0]) == {"high"}
    assert filters_of(at).high_confidence
    assert at.query_params["confidence"] in ("high", ["high"])
    # Another page keeps the choice, and its table is narrowed too.
    events = table_on(at, "pages/events.py")
    assert at.toggle(key=TOGGLE).value is True
    assert len(events) == 3 - len(CONFIDENCE["events"][1])
    # The charts' source lines say so (the caption above the figures table carries it too).
    at.switch_page("pages/figures.py").run()
    captions = " ".join(shown_text(c.value) for c in at.caption)
    assert "Filters: high-confidence rows only (≥ 0.8)" in captions
    specs = [chart.proto.spec for chart in at.get("plotly_chart")]
    assert specs and all("high-confidence rows only" in spec for spec in specs)


def test_a_shared_link_with_confidence_high_sets_the_toggle(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, confidence="high")
    assert at.toggle(key=TOGGLE).value is True
    assert filters_of(at).high_confidence
    at.button(key="flt_reset").click().run()
    assert at.toggle(key=TOGGLE).value is False and "confidence" not in at.query_params


def test_an_evidence_link_opens_its_article_with_the_sentence_highlighted(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch, article="a-aleppo", mark="0-55")
    at.switch_page("pages/sources.py").run()
    assert not at.exception
    assert at.selectbox(key="sources_article").value == "a-aleppo"
    body = at.get("html")[0].proto.body
    selected = re.findall(SELECTED, body)
    assert html.unescape("".join(selected)) == (
        "Canada condemned Russia's bombing of Aleppo on Tuesday."
    )
    # Choosing another article drops the link's article and mark.
    at.selectbox(key="sources_article").select("a-freeland").run()
    assert "article" not in at.query_params and "mark" not in at.query_params
    assert re.findall(SELECTED, at.get("html")[0].proto.body) == []
