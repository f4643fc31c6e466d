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
    assert len(keys) == len(set(keys)) == 12
    assert {c.subject for c in charts} == {"statements", "stances", "figures", "events"}
    for chart in charts:
        assert chart.caption.endswith(".") and chart.name
        assert chart.figure.layout.title.text


def test_captions_say_what_the_fixture_charts_show(ctx):
    by_key = {c.key: c for c in views.whole_dashboard(ctx)}
    assert by_key["overview_balance"].caption == "7 stances: 5 critical, 1 supportive, 1 neutral."
    assert "most from Canada" in by_key["overview_statements"].caption
    assert by_key["figures_spread"].caption.startswith("1 quantity cited with different values")
    assert "3.73 million" in by_key["figures_spread"].caption
    assert "5.6 million" in by_key["figures_spread"].caption
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
