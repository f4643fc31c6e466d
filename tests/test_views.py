"""The charts of each page and their captions: built once for page, downloads and packs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from briefing import queries, ui, views
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401


@pytest.fixture
def ctx(fixture_warehouse):  # noqa: F811
    wh = queries.locate(str(fixture_warehouse))
    return ui.build_context(wh, Filters(), queries.filter_options(wh))


def test_the_whole_dashboard_is_every_pages_charts_with_unique_keys(ctx):
    charts = views.whole_dashboard(ctx)
    keys = [c.key for c in charts]
    assert len(keys) == len(set(keys)) == 13
    assert {c.subject for c in charts} == {"statements", "stances", "figures", "events"}
    for chart in charts:
        assert chart.caption.endswith(".") and chart.name
        assert chart.figure.layout.title.text


def test_captions_say_what_the_fixture_charts_show(ctx):
    by_key = {c.key: c for c in views.whole_dashboard(ctx)}
    assert by_key["overview_balance"].caption == "7 stances: 5 critical, 1 supportive, 1 neutral."
    assert "most from Canada" in by_key["overview_statements"].caption
    # 3.73 million (2016) and 5.6 million (2020) refugees from Syria are years apart.
    assert by_key["figures_spread"].caption.startswith("No quantity was cited with different")
    assert "more than 5.6 million refugees in Syria" in by_key["figures_place"].caption
    assert by_key["stances_matrix"].caption.startswith("Who stands where, by country")


def test_the_stance_view_follows_its_grouping(ctx):
    by_actor = views.stances(ctx, "actor")
    assert [c.name for c in by_actor[:2]] == ["Stances by actor", "Stance matrix by actor"]
    assert "by actor" in by_actor[0].caption


def test_a_filtered_view_has_filtered_data(ctx):
    narrowed = ui.build_context(ctx.warehouse, Filters(countries=("turkey",)), ctx.options)
    bars = views.stances(narrowed)[0]
    assert set(bars.data["target"]) | set(bars.data["source"]) >= {"Turkey"}
    assert bars.data["stances"].sum() == 1


@pytest.mark.parametrize(
    "caption, frame",
    [
        (views.caption_stance_balance, pd.DataFrame({"polarity": [], "stances": []})),
        (views.caption_statements_over_time, pd.DataFrame()),
        (views.caption_events_timeline, pd.DataFrame()),
        (views.caption_events_by_place, pd.DataFrame()),
        (views.caption_most_cited_figures, pd.DataFrame()),
    ],
)
def test_empty_frames_get_a_sentence_saying_so(caption, frame):
    assert caption(frame).startswith("No ")


def test_odd_rows_fall_back_to_a_count_instead_of_failing():
    nameless = pd.DataFrame(
        {"source": [None], "target": [None], "polarity": ["critical"], "stances": [2]}
    )
    assert views.caption_stances(nameless, "actor") == "1 row under these filters."
    untyped = pd.DataFrame(
        {"date": [pd.NaT], "date_label": [None], "event_type": [None], "location": ["x"]}
    )
    assert views.caption_events_timeline(untyped) == "1 row under these filters."


def test_balance_adds_up_repeated_polarities():
    df = pd.DataFrame({"polarity": ["critical", "critical", "neutral"], "stances": [2, 3, 1]})
    assert views.caption_stance_balance(df) == "6 stances: 5 critical, 1 neutral."


def test_spread_prefers_a_quantity_cited_as_zero_by_one_source():
    df = pd.DataFrame(
        {
            "measure": ["people"] * 4,
            "category": ["killed", "killed", "refugees", "refugees"],
            "location": ["Idlib", "Idlib", "Syria", "Syria"],
            "value": [0.0, 12.0, 3.73e6, 5.6e6],
            "value_text": ["no one", "12", "3.73 million", "5.6 million"],
            "cited_by": ["Russia", "SOHR", "UN", "UNHCR"],
        }
    )
    assert "killed in Idlib, from no one (Russia) to 12 (SOHR)" in views.caption_figure_spread(df)


def test_one_dated_event_is_on_a_day_not_from_and_to_it():
    df = pd.DataFrame(
        {
            "date": [pd.Timestamp("2020-11-11")],
            "date_label": ["2020-11-11"],
            "event_type": ["conference"],
            "location": ["Damascus"],
        }
    )
    assert views.caption_events_timeline(df) == "1 event on 2020-11-11; most are conferences (1)."


def test_figures_each_cited_once_name_the_largest_head_count():
    df = pd.DataFrame(
        {
            "category": ["other", "refugees"],
            "location": [None, "Syria"],
            "value": [5e8, 5.6e6],
            "value_text": ["$500 million", "5.6 million"],
            "measure": ["money", "people"],
            "citations": [1, 1],
            "cited_by": [np.nan, "UNHCR"],
        }
    )
    assert views.caption_most_cited_figures(df) == (
        "2 figures, each cited by one article; the largest head count is "
        "5.6 million refugees in Syria (cited by UNHCR)."
    )


def test_a_slide_shows_what_fits_and_says_what_it_left_out():
    from briefing import charts

    spread = pd.DataFrame(
        {
            "measure": ["money", "money"] + ["people"] * 8,
            "currency": ["$", "$"] + [None] * 8,
            "category": ["aid_money", "aid_money"] + ["refugees"] * 8,
            "location": ["Syria", "Syria", "A", "A", "B", "B", "C", "C", "D", "D"],
            "value": [1e9, 2e9, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0],
            "value_text": ["$1bn", "$2bn", "10", "20", "30", "40", "50", "60", "70", "80"],
            "cited_by": ["x"] * 10,
            "subject": ["s"] * 10,
            "outlets": ["o"] * 10,
            "as_of": [pd.Timestamp("2020-01-01")] * 10,
            "as_of_label": ["2020-01-01"] * 10,
            "citations": [1] * 10,
        }
    )
    cut = views._fewer_quantities(spread, "Source: test")
    slide = charts.for_slide(cut, "All articles (no filters)", "Source: slide")
    assert slide.layout.title.subtitle.text == (
        "All articles (no filters) · 3 of 5 quantities, head counts first"
    )
    shown = " ".join(a.text for a in slide.layout.annotations)
    # Head counts come first: the largest three places, not the money.
    assert "D" in shown and "C" in shown and "B" in shown and "aid money" not in shown

    counts = pd.DataFrame(
        {
            "source": [f"S{i}" for i in range(15)],
            "target": ["T"] * 15,
            "source_id": [f"s{i}" for i in range(15)],
            "target_id": ["t"] * 15,
            "polarity": ["critical"] * 15,
            "stances": list(range(15, 0, -1)),
        }
    )
    bars = charts.stance_bars(counts, "Source", top=views.SLIDE_BARS)
    assert len({y for trace in bars.data for y in trace.y}) == views.SLIDE_BARS
    assert views._fewer_sides(counts.head(5), "Source", "country") is None  # fits already


def test_chart_for_slide_falls_back_to_the_page_figure(ctx):
    for chart in views.whole_dashboard(ctx):  # the fixture is small: every chart fits a slide
        assert chart.for_slide is chart.figure or chart.key == "stances_bars"
