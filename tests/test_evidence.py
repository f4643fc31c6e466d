# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Evidence on click and trust shown: every selectable mark carries the keys of the rows behind
it, one evidence query returns those rows (with their confidence) under the filters, and the
"high confidence only" filter reaches every query, the URL and the source line."""

from urllib.parse import parse_qs

import pandas as pd
import pytest

from briefing import charts, evidence, network
from briefing import queries as q
from briefing.filters import HIGH_CONFIDENCE, Filters
from tests.dashboard_fixtures import CONFIDENCE, fixture_warehouse  # noqa: F401

NONE = Filters()
HIGH = Filters(high_confidence=True)


@pytest.fixture
def wh(fixture_warehouse):
    return q.locate(str(fixture_warehouse))


def keys_of(trace) -> list[dict]:
    """The evidence keys of each point of a trace (its customdata's last column)."""
    return [evidence.parse_key(list(point)[-1]) for point in trace.customdata]


def rows_for(wh, f, key: dict) -> pd.DataFrame:
    return evidence.rows(wh, f, (evidence.mark_key(**key),))


# --- the filter ------------------------------------------------------------------------------


def test_high_confidence_round_trips_through_the_url_and_says_so_in_the_description():
    assert HIGH.to_query_params() == {"confidence": "high"}
    parsed, problems = Filters.from_query_params({"confidence": ["high"]})
    assert parsed == HIGH and problems == []
    assert "high-confidence rows only (≥ 0.8)" in HIGH.describe()
    assert "confidence" not in NONE.describe()


def test_an_unknown_confidence_value_is_reported_and_ignored():
    parsed, problems = Filters.from_query_params({"confidence": ["medium"]})
    assert parsed == NONE
    assert problems == ["Ignored confidence=medium: the only choice is confidence=high."]


def test_high_confidence_drops_low_confidence_rows_from_every_subject(wh):
    low_stances = set(CONFIDENCE["stances"][1])
    all_stances = int(q.stance_counts(wh, NONE)["stances"].sum())
    high_stances = int(q.stance_counts(wh, HIGH)["stances"].sum())
    assert high_stances == all_stances - len(low_stances)
    # Zakharova's low-confidence critical stance towards Canada is the only Russia → Canada one.
    pairs = q.stance_counts(wh, HIGH)
    assert not ((pairs["source_id"] == "russia") & (pairs["target_id"] == "canada")).any()
    for table, subject in (
        (q.figures_table, "figures"),
        (q.events_table, "events"),
        (q.statements_table, "statements"),
    ):
        everything, high = table(wh, NONE), table(wh, HIGH)
        assert len(high) == len(everything) - len(CONFIDENCE[subject][1]), subject
        assert high["confidence"].str.startswith("high · ").all(), subject
    headline = q.headline(wh, HIGH)
    assert headline["stances"] == all_stances - len(low_stances)


def test_tables_show_confidence_as_a_band_with_its_number(wh):
    figures = q.figures_table(wh, NONE).set_index("value_text")["confidence"]
    assert figures["3.6 million"] == "low · 0.35"
    assert figures["3.73 million"] == "high · 0.90"
    statements = q.statements_table(wh, NONE).set_index("statement_id")["confidence"]
    assert statements["s-canada"] == "medium · 0.62"
    assert "confidence" in q.latest_statements(wh, NONE)
    assert "confidence" in q.actor_statements(wh, NONE, "chrystia-freeland")


def test_the_source_line_says_only_high_confidence_rows_are_counted(wh):
    prov = q.provenance(wh, HIGH, "stances")
    line = charts.source_line(
        prov.rows, prov.articles, prov.first, prov.last, HIGH.describe(), "stances"
    )
    assert f"{prov.rows} stances" in line and "high-confidence rows only" in line
    assert prov.rows == q.provenance(wh, NONE, "stances").rows - len(CONFIDENCE["stances"][1])
    assert HIGH_CONFIDENCE == 0.8


# --- marks carry their keys ------------------------------------------------------------------


def test_stance_bars_carry_source_target_and_polarity_of_each_bar(wh):
    counts = q.stance_counts(wh, NONE, "country")
    fig = charts.stance_bars(counts, "Source: test")
    critical = next(t for t in fig.data if t.name == "critical")
    keys = keys_of(critical)
    assert {"kind": "stances", "side": "country", "source": "canada", "target": "russia",
            "polarity": "critical"} in keys  # fmt: skip
    assert len(keys) == len(critical.y)


def test_every_stance_bar_leads_to_as_many_rows_as_it_counts(wh):
    for side in ("country", "actor"):
        counts = q.stance_counts(wh, NONE, side)
        fig = charts.stance_bars(counts, "Source: test", side=side)
        for trace in fig.data:
            for key, count in zip(keys_of(trace), trace.x):
                assert len(rows_for(wh, NONE, key)) == count, (side, key)


def test_a_stance_bar_lists_its_evidence_sentences_with_confidence(wh):
    key = {"kind": "stances", "side": "country", "source": "canada", "target": "russia",
           "polarity": "critical"}  # fmt: skip
    found = rows_for(wh, NONE, key)
    assert set(found["evidence"]) == {
        "Russia is complicit in the Assad regime\u2019s attacks on civilians in Idlib.",
        "Canada condemned Russia's bombing of Aleppo on Tuesday.",
        "We are concerned by Russia and Syria\u2019s attempt",
    }
    assert list(found["date"]) == ["2020-11-11", "2018-09-06", "2016-12-13"]  # newest first
    aleppo = found[found["article_id"] == "a-aleppo"].iloc[0]
    assert aleppo["confidence_label"] == "medium · 0.62"
    assert aleppo["outlet"] == "The Globe and Mail" and aleppo["who"] == "Canada → Russia"
    # High confidence only: the medium row drops out of the evidence as from the chart.
    assert "a-aleppo" not in set(rows_for(wh, HIGH, key)["article_id"])


def test_every_stance_matrix_cell_leads_to_all_its_stances(wh):
    counts = q.stance_counts(wh, NONE, "country")
    fig = charts.stance_matrix(counts, "Source: test")
    heatmap, cells = fig.data
    assert heatmap.hoverinfo == "skip"  # the cells' squares carry the hover instead
    totals = counts.groupby(["source", "target"])["stances"].sum()
    assert len(cells.customdata) == len(totals)
    for (source, target), (_detail, key) in zip(zip(cells.y, cells.x), cells.customdata):
        mark = evidence.parse_key(key)
        assert "polarity" not in mark  # a cell holds every polarity
        assert len(rows_for(wh, NONE, mark)) == totals[(source, target)], (source, target)
    assert set(fig.data[1].marker.to_plotly_json()) >= {"opacity", "symbol"}


def test_figures_by_place_dots_lead_to_every_figure_of_that_quantity(wh):
    # (The spread's points: tests/test_figure_quantities.py, on a warehouse with a real pair.)
    by_place = q.figures_by_place(wh, NONE)
    fig = charts.figures_by_place(by_place, "Source: test")
    for trace in fig.data:
        for key, (count, *_rest) in zip(keys_of(trace), trace.customdata):
            assert len(rows_for(wh, NONE, key)) == count, key


def test_network_nodes_and_edge_markers_lead_to_their_stances(wh):
    nodes = q.network_nodes(wh, NONE, 30)
    edges = q.network_stance_edges(wh, NONE, tuple(sorted(nodes["actor_id"])))
    placed = network.with_positions(nodes, network.layout(network.build_graph(nodes, edges)))
    fig = charts.actor_network(placed, edges, "Source: test", {})
    keys = [k for t in fig.data if t.customdata is not None for k in keys_of(t)]
    freeland = {"kind": "actor", "actor": "chrystia-freeland"}
    assert freeland in keys
    assert set(rows_for(wh, NONE, freeland)["evidence"]) == {
        "Russia is complicit in the Assad regime\u2019s attacks on civilians in Idlib."
    }
    edge = {"kind": "stances", "side": "actor", "source": "vladimir-putin", "target": "syria",
            "polarity": "supportive"}  # fmt: skip
    assert edge in keys
    assert list(rows_for(wh, NONE, edge)["evidence"]) == [
        "Vladimir Putin said Russia supports Syria in rebuilding the country."
    ]


def test_event_dots_lead_to_their_event(wh):
    table = q.events_table(wh, NONE)
    fig = charts.events_timeline(table, "Source: test")
    keys = [k for t in fig.data for k in keys_of(t)]
    assert {k["event"] for k in keys} == set(table["event_id"])
    found = rows_for(wh, NONE, {"kind": "event", "event": "e-summit"})
    assert list(found["evidence"]) == [
        "The presidents of Russia and Turkey met at a summit in Tehran on September 7, 2018."
    ]
    assert found["who"].iloc[0] == "summit in Tehran: Russia, Turkey"


def test_hover_templates_still_read_their_own_columns(wh):
    """The key is appended after the hover columns, so customdata[0..] keep their meaning."""
    table = q.events_table(wh, NONE)
    trace = charts.events_timeline(table, "Source: test").data[0]
    assert trace.customdata.shape[1] == 5 and "%{customdata[3]}" in trace.hovertemplate


def test_charts_drawn_from_frames_without_ids_still_draw_without_keys():
    frame = pd.DataFrame(
        {"source": ["A"], "target": ["B"], "polarity": ["critical"], "stances": [2]}
    )
    fig = charts.stance_bars(frame, "Source: test")
    assert fig.data[0].customdata is None


# --- the selection and the link --------------------------------------------------------------


def test_a_streamlit_selection_yields_each_marks_keys_once():
    key = evidence.mark_key("event", event="e-1")
    selection = {
        "points": [
            {"curve_number": 0, "point_index": 0, "customdata": ["a summit", "", "", "", key]},
            {"curve_number": 0, "point_index": 0, "customdata": ["a summit", "", "", "", key]},
            {"curve_number": 1, "point_index": 2, "customdata": ["no key here"]},
            {"curve_number": 2, "point_index": 0},
        ],
        "point_indices": [0, 0, 2, 0],
        "box": [],
        "lasso": [],
    }
    assert evidence.selected_marks(selection) == [{"kind": "event", "event": "e-1"}]
    assert evidence.selected_marks({"points": []}) == []
    assert evidence.parse_key('{"kind": "drop table"}') is None


def test_unknown_kinds_and_sides_are_refused(wh):
    with pytest.raises(ValueError):
        evidence.mark_key("everything")
    bad = '{"kind": "stances", "side": "1; DROP TABLE stances", "source": "a", "target": "b"}'
    with pytest.raises(ValueError):
        evidence.rows(wh, NONE, (bad,))


def test_key_values_are_parameters_not_sql(wh):
    sneaky = {"kind": "event", "event": "x' OR '1'='1"}
    assert rows_for(wh, NONE, sneaky).empty


def test_the_article_link_keeps_the_filters_and_marks_the_sentence():
    f = Filters(countries=("canada",), high_confidence=True)
    link = evidence.article_link(f, "a b&c", 66, 138)
    path, query = link.split("?", 1)
    assert path == "sources"
    assert parse_qs(query) == {
        "country": ["canada"],
        "confidence": ["high"],
        "article": ["a b&c"],
        "mark": ["66-138"],
    }
    assert "mark" not in evidence.article_link(NONE, "a", None, None)


def test_a_statements_stances_show_their_confidence(wh):
    context = q.statement_context(wh, "s-zakharova")
    assert list(context["stances"]["confidence"]) == ["low · 0.42"]
