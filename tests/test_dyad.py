# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Pair over time: per-article normalisation (one long article is one article), period bins,
links, the page opened from a URL, and the way from a stance mark's evidence to it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from briefing import dyad
from briefing.evidence import pair_of
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import start


def stances(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "row_date", "polarity"])


def test_one_long_article_weighs_as_much_as_one_short_one():
    data = stances(
        *[("long", "2020-01-10", "critical")] * 9,
        ("long", "2020-01-10", "supportive"),
        ("short", "2020-01-20", "supportive"),
    )
    articles = dyad.per_article(data)
    assert articles["article_id"].tolist() == ["long", "short"]
    long, short = articles.to_dict("records")
    assert long["stances"] == 10 and long["critical"] == pytest.approx(0.9)
    assert long["supportive"] == pytest.approx(0.1) and long["tone"] == pytest.approx(-0.8)
    assert short["supportive"] == 1.0 and short["tone"] == 1.0
    january = dyad.by_period(articles, "M").iloc[0]
    assert january["articles"] == 2 and january["stances"] == 11
    # Article-weighted: 0.9 + 0 critical, 0.1 + 1 supportive; not 9 against 2.
    assert january["critical"] == pytest.approx(0.9)
    assert january["supportive"] == pytest.approx(1.1)
    assert january["tone"] == pytest.approx(0.1)


def test_undated_articles_are_counted_apart_not_placed_in_time():
    articles = dyad.per_article(stances(("a", None, "critical"), ("b", "2019-05-01", "neutral")))
    assert articles["article_id"].tolist() == ["b"]
    assert articles.attrs["undated"] == 1
    empty = dyad.per_article(stances())
    assert empty.empty and empty.attrs["undated"] == 0
    assert dyad.by_period(empty).empty


@pytest.mark.parametrize(
    ("first", "last", "size"),
    [
        ("2020-01-01", "2021-04-30", "M"),
        ("2020-01-01", "2021-12-31", "Q"),
        ("2018-01-01", "2021-12-31", "Q"),
        ("2016-01-01", "2021-12-31", "Y"),
        ("2011-03-01", "2024-02-01", "Y"),
    ],
)
def test_periods_grow_with_the_span_so_bars_stay_readable(first, last, size):
    assert dyad.bin_size(pd.Timestamp(first), pd.Timestamp(last)) == size


def test_a_long_pair_never_draws_more_bars_than_a_phone_shows_wide():
    # Six years of quarters were 24 hairline bars on a phone.
    articles = dyad.per_article(
        stances(("a", "2016-02-03", "critical"), ("b", "2021-11-30", "supportive"))
    )
    size = dyad.bin_size(articles["row_date"].min(), articles["row_date"].max())
    assert len(dyad.by_period(articles, size)) <= dyad.MAX_BARS


def test_periods_are_labelled_as_people_say_them():
    articles = dyad.per_article(
        stances(("a", "2016-02-03", "critical"), ("b", "2021-11-30", "supportive"))
    )
    quarters = dyad.by_period(articles, "Q")
    assert quarters["label"].iloc[0] == "2016 Q1" and quarters["label"].iloc[-1] == "2021 Q4"
    assert len(quarters) == 24  # the empty quarters between are kept, so gaps in time show
    assert quarters["articles"].sum() == 2 and quarters["articles"].iloc[1:-1].eq(0).all()
    assert dyad.by_period(articles, "Y")["label"].tolist() == [str(y) for y in range(2016, 2022)]


def test_the_link_carries_the_pair_and_the_filters():
    link = dyad.link("canada", "russia", "country", Filters(polarities=("critical",)))
    assert urlsplit(link).path == "dyad"
    assert parse_qs(urlsplit(link).query) == {
        "polarity": ["critical"],
        "source": ["canada"],
        "target": ["russia"],
        "side": ["country"],
    }
    with pytest.raises(ValueError):
        dyad.link("canada", "russia", "outlet")


def test_only_marks_of_one_pair_lead_to_a_pair_timeline():
    one = {"kind": "stances", "side": "actor", "source": "a", "target": "b"}
    assert pair_of([one]) == ("actor", "a", "b")
    assert pair_of([one, {**one, "polarity": "critical"}]) == ("actor", "a", "b")
    assert pair_of([one, {**one, "target": "c"}]) is None
    assert pair_of([one, {"kind": "event", "event": "e1"}]) is None
    assert pair_of([{"kind": "actor", "actor": "a"}]) is None


def test_the_page_opens_at_the_pair_in_the_url_with_its_evidence(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, source="canada", target="russia", side="country")
    at.switch_page("pages/dyad.py").run()
    assert not at.exception
    assert at.selectbox(key="dyad_source").value == "canada"
    assert at.selectbox(key="dyad_target").value == "russia"
    metrics = {m.label: m.value for m in at.metric}
    # Canada → Russia by country: Canada itself (2016), Freeland (2018), Babcock (2020).
    assert metrics["Articles"] == "3" and metrics["Stance sentences"] == "3"
    assert metrics["Critical (article-weighted)"] == "100%"
    text = " ".join(t.value for t in at.text)
    assert "Russia" in text  # the evidence sentences are listed as plain text
    assert any("Every stance of Canada → Russia" in m.value for m in at.markdown)


def test_choosing_another_pair_updates_the_url(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/dyad.py").run()
    assert not at.exception
    at.segmented_control(key="dyad_side").set_value("actor").run()
    at.selectbox(key="dyad_source").set_value("vladimir-putin").run()
    assert not at.exception
    assert at.query_params["source"] in ("vladimir-putin", ["vladimir-putin"])
    assert at.query_params["side"] in ("actor", ["actor"])
    assert at.selectbox(key="dyad_target").value == "syria"
