"""The map's pieces (briefing.maps): counts per place under the sidebar filters, what the map
leaves out and why, the bubbles and their keys, and the evidence behind a place."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pandas as pd
import pytest

from briefing import evidence, maps
from briefing import queries as q
from briefing.filters import Filters
from tests.test_load import make_extraction, write


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    """A warehouse the ETL's writer made: Aleppo (a refugee figure and, in a later article, a
    killed figure), Damascus (an event), Ottawa (a Canadian figure: the speaker's seat) and a
    place no gazetteer knows."""
    first = make_extraction("a1")
    refugees = first.figures[0]
    seat = dataclasses.replace(
        refugees, figure_id="fg-seat", location="Ottawa", attributed_to_id="canada"
    )
    nowhere = dataclasses.replace(refugees, figure_id="fg-nowhere", location="Qwertyville")
    event = dataclasses.replace(first.events[0], location="Damascus")
    first = dataclasses.replace(first, figures=(refugees, seat, nowhere), events=(event,))
    second = make_extraction("a2", sha="sha-2", path="two.txt")
    article = dataclasses.replace(second.article, published_date=date(2025, 1, 10))
    killed = dataclasses.replace(
        second.figures[0], category="killed", evidence="Shelling killed 40 in Aleppo."
    )
    second = dataclasses.replace(second, article=article, figures=(killed,), events=())
    db = tmp_path_factory.mktemp("map") / "w.duckdb"
    write(db, [first, second])
    return q.locate(str(db))


def test_counts_per_place_follow_the_sidebar_filters(wh):
    everything = maps.by_place(maps.place_counts(wh, Filters()))
    aleppo = everything[everything["name"] == "Aleppo"].iloc[0]
    assert (aleppo["kind"], aleppo["figures"], aleppo["events"]) == ("city", 2, 0)
    assert everything.set_index("name").loc["Damascus", "events"] == 1
    # The speaker's seat and the unknown place are not places of the map.
    assert "Ottawa" not in set(everything["name"])
    killed = maps.by_place(maps.place_counts(wh, Filters(categories=("killed",))), "figures")
    assert list(killed["name"]) == ["Aleppo"] and killed["figures"].iloc[0] == 1
    later = maps.by_place(maps.place_counts(wh, Filters(date_from=date(2025, 1, 1))))
    assert list(later["name"]) == ["Aleppo"] and later["category"].iloc[0] == "killed"
    events_only = maps.by_place(maps.place_counts(wh, Filters()), "events")
    assert list(events_only["name"]) == ["Damascus"]


def test_what_the_map_leaves_out_is_counted_with_its_reason(wh):
    missing = maps.unplaced(wh, Filters())
    assert (missing.unknown, missing.unknown_names) == (1, ("Qwertyville",))
    assert missing.seats == 1 and missing.no_point == 0
    assert maps.unplaced(wh, Filters(), "events") == maps.Unplaced(0, (), 0, (), 0)


def test_a_places_evidence_is_its_rows_sentences_under_the_filters(wh):
    counts = maps.place_counts(wh, Filters())
    aleppo = counts[counts["name"] == "Aleppo"]["place_id"].iloc[0]
    keys = tuple(json.dumps(m, sort_keys=True) for m in maps.evidence_marks(aleppo))
    found = evidence.rows(wh, Filters(), keys)
    assert set(found["evidence"]) == {"12,000 people fled Aleppo.", "Shelling killed 40 in Aleppo."}
    found = evidence.rows(wh, Filters(categories=("refugees",)), keys)
    assert list(found["evidence"]) == ["12,000 people fled Aleppo."]


def test_places_without_a_point_are_listed_but_not_drawn():
    counts = pd.DataFrame(
        [
            ("region:CA-ON", "Ontario", "region", "CA", None, None, "figures", "refugees", 3),
            ("city:1", "Aleppo", "city", "SY", 36.2, 37.1, "figures", "refugees", 2),
            ("city:1", "Aleppo", "city", "SY", 36.2, 37.1, "figures", "killed", 1),
            ("city:1", "Aleppo", "city", "SY", 36.2, 37.1, "events", "attack", 4),
        ],
        columns=maps.PLACE_COLUMNS,
    )
    places = maps.by_place(counts)
    assert list(places["name"]) == ["Aleppo", "Ontario"]
    aleppo = places.iloc[0]
    assert (aleppo["figures"], aleppo["events"], aleppo["rows"], aleppo["category"]) == (
        3,
        4,
        7,
        "attack",
    )
    fig = maps.figure(places, "By place")
    assert [t.name for t in fig.data] == ["city"]  # Ontario has no point
    keys = [json.loads(row[-1]) for row in fig.data[0].customdata]
    assert keys == [{"kind": "place", "place": "city:1"}]
    by_category = maps.figure(places, "By place", colour="category")
    assert [t.name for t in by_category.data] == ["attack"]


def test_a_clicked_bubble_names_its_place_and_other_points_are_ignored():
    bubble = {"points": [{"customdata": ["Aleppo", "city", 1, 0, "x", maps.place_key("city:1")]}]}
    assert maps.selected_place(bubble) == "city:1"
    assert maps.selected_place({"points": [{"customdata": ["x", "not json"]}]}) is None
    assert maps.selected_place(None) is None
    assert maps.evidence_marks("city:1", "events") == [{"kind": "event", "place": "city:1"}]


def test_the_view_frames_the_places_about_twice_as_wide_as_high():
    lat, lon = maps.view_of(pd.Series([33.5, 36.2]), pd.Series([36.3, 37.1]))
    assert lat[0] < 33.5 and lat[1] > 36.2 and lon[0] < 36.3 and lon[1] > 37.1
    assert (lon[1] - lon[0]) / (lat[1] - lat[0]) <= 2.2 + 1e-9
    lat, lon = maps.view_of(pd.Series([46.5, 36.2]), pd.Series([-88.7, 37.1]))
    assert lon == [-108.7, 57.1] and lat[1] - lat[0] == pytest.approx(165.8 / 2.2, abs=0.1)


def test_the_outlines_come_from_the_dashboard_not_a_cdn():
    config = maps.plotly_config({"displaylogo": False})
    assert config["topojsonURL"] == "app/static/topojson/" and not config["displaylogo"]
    from briefing import export

    assert (export.TOPOJSON_DIR / "world_110m.json").is_file()
    assert (export.TOPOJSON_DIR / "LICENSE").is_file()


def test_the_maps_source_line_counts_the_figures_and_events_it_draws(wh):
    on_map = maps.drawn(wh, Filters())
    # Aleppo's two figures and Damascus's event; not the seat's or the unknown place's figure.
    assert (on_map.figures, on_map.events, on_map.articles) == (2, 1, 2)
    line = on_map.source_line("both", "No filters")
    assert "2 figures and 1 event on the map from 2 articles" in line
    assert line.startswith("Source: briefing warehouse") and line.endswith("No filters")
    assert "1 event on the map from 1 article" in maps.drawn(wh, Filters(), "events").source_line(
        "events"
    )
    assert maps.drawn(wh, Filters(), "figures").counted("figures") == "2 figures"
