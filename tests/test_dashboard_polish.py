# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Fixes from looking at the dashboard on the real warehouse: blocs and countries are their own
country, dates keep their precision, money stays apart from head counts, and the network and
time charts stay legible."""

from datetime import date

import duckdb
import pandas as pd
import pytest

from briefing import queries as q
from briefing.filters import Filters
from tests.dashboard_fixtures import build_warehouse

NONE = Filters()


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    """The fixture warehouse plus a bloc that speaks, an envoy of the bloc, dates known only to
    the month or year, and sums of money."""
    path = build_warehouse(tmp_path_factory.mktemp("polish") / "warehouse.duckdb")
    con = duckdb.connect(str(path))
    con.executemany(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?)",
        [
            ("european-union", "European Union", "intergovernmental", None, ["EU"]),
            ("eu-envoy", "Anna Lindqvist", "person", "european-union", []),
            ("free-militia", "Free Militia", "armed_group", None, []),
        ],
    )
    con.execute(
        """INSERT INTO articles VALUES ('a-bloc', 'a-bloc.txt', 'The bloc pledges aid',
        'Wire', NULL, DATE '2015-10-01', 'en',
        'The European Union said returns must be voluntary. Anna Lindqvist criticised Syria.',
        'sha-bloc', TIMESTAMP '2026-01-01', 'month')"""
    )
    con.executemany(
        "INSERT INTO statements VALUES (?, 'a-bloc', ?, ?, ?, FALSE, ?, 0, 10, ?, 'said')",
        [
            (
                "s-eu",
                "european-union",
                "The European Union",
                "returns must be voluntary",
                date(2015, 10, 1),
                "month",
            ),
            ("s-envoy", "eu-envoy", "Anna Lindqvist", "Syria must stop", None, None),
        ],
    )
    con.executemany(
        "INSERT INTO stances VALUES (?, 'a-bloc', 's-envoy', 'eu-envoy', ?, 'critical', "
        "'Anna Lindqvist criticised Syria.', 52, 84, 'criticised')",
        [("t-envoy", "syria"), ("t-militia", "free-militia")],
    )
    con.executemany(
        """INSERT INTO figures VALUES (?, 'a-bloc', ?, ?, ?, 'aid', ?, 'european-union', ?,
        'evidence', 0, 10, 0, 5, ?, NULL)""",
        [
            ("f-usd", 5e8, "$500 million", "other", None, date(2016, 1, 1), "year"),
            ("f-eur", 7e9, "€7 billion", "aid_money", "Turkey", date(2016, 3, 1), "month"),
            ("f-eur-words", 3e9, "three billion euros", "aid_money", "Turkey", None, None),
        ],
    )
    con.execute(
        """INSERT INTO events VALUES ('e-bloc', 'a-bloc', DATE '2015-10-01', 'month', 'summit',
        'EU summit', 'Brussels', ['european-union'], 'evidence', 0, 10)"""
    )
    con.close()
    return q.locate(str(path))


# --- countries ------------------------------------------------------------------------------


def test_a_bloc_is_its_own_country_wherever_it_speaks(wh):
    table = q.statements_table(wh, NONE).set_index("statement_id")
    assert table.loc["s-eu", "country"] == "European Union"
    assert table.loc["s-canada", "country"] == "Canada"  # a country is its own country too
    nodes = q.network_nodes(wh, NONE, limit=50).set_index("actor_id")
    assert nodes.loc["united-nations", "country"] == "United Nations"
    assert nodes.loc["canada", "country"] == "Canada"


def test_an_actors_country_is_whatever_its_country_id_points_at(wh):
    table = q.statements_table(wh, NONE).set_index("statement_id")
    assert table.loc["s-envoy", "country"] == "European Union"
    counts = q.stance_counts(wh, NONE, "country")
    assert ("European Union", "Syria") in set(zip(counts["source"], counts["target"]))
    assert "no country" not in set(counts["source"]) | set(counts["target"])


def test_an_actor_of_no_country_stands_for_itself_among_countries(wh):
    counts = q.stance_counts(wh, NONE, "country")
    pairs = set(zip(counts["source_id"], counts["target_id"]))
    assert ("european-union", "free-militia") in pairs


def test_filtering_by_a_bloc_keeps_the_bloc_and_its_people(wh):
    table = q.statements_table(wh, Filters(countries=("european-union",)))
    assert set(table["speaker"]) == {"European Union", "Anna Lindqvist"}
    assert "european-union" in q.filter_options(wh).countries


def test_blocs_get_a_colour_of_their_own(wh):
    assert "european-union" in q.country_ranking(wh)[:17]


# --- date precision -------------------------------------------------------------------------


def test_dates_are_written_at_their_precision_in_every_table(wh):
    statements = q.statements_table(wh, NONE).set_index("statement_id")
    assert statements.loc["s-eu", "date"] == "2015-10"
    assert statements.loc["s-envoy", "date"] == "2015-10"  # the article's month
    assert statements.loc["s-freeland", "date"] == "2018-09-06"
    figures = q.figures_table(wh, NONE).set_index("value_text")
    assert figures.loc["$500 million", "as_of"] == "2016"
    assert figures.loc["€7 billion", "as_of"] == "2016-03"
    events = q.events_table(wh, NONE).set_index("event_id")
    assert events.loc["e-bloc", "date_label"] == "2015-10"
    assert events.loc["e-bloc", "date"] == pd.Timestamp("2015-10-01")  # placed at its first day
    articles = q.articles_table(wh, NONE).set_index("article_id")
    assert articles.loc["a-bloc", "published"] == "2015-10"
    assert q.latest_statements(wh, Filters(actors=("european-union",)))["date"].tolist() == [
        "2015-10"
    ]


def test_provenance_and_headline_say_dates_at_their_precision(wh):
    prov = q.provenance(wh, NONE, "statements")
    assert (prov.first, prov.first_label) == (date(2015, 10, 1), "2015-10")
    assert q.headline(wh, NONE)["first_label"] == "2015-10"
    # "$500 million" is an `other` sum: charted only when the Category filter asks for it.
    over_time = q.figures_over_time(wh, Filters(categories=("other",))).set_index("value_text")
    assert over_time.loc["$500 million", ["as_of_label", "precision"]].tolist() == [
        "2016",
        "year",
    ]


# --- money and people -----------------------------------------------------------------------


def test_money_is_told_from_people_and_keeps_its_currency(wh):
    assert set(q.figures_by_place(wh, NONE).query("measure == 'money'")["currency"]) == {"€"}
    by_place = q.figures_by_place(wh, Filters(categories=("other", "aid_money", "refugees")))
    money = by_place[by_place["measure"] == "money"]
    assert set(zip(money["location"], money["currency"])) == {
        ("unspecified", "$"),
        ("Turkey", "€"),
    }
    people = by_place[by_place["measure"] == "people"]
    assert set(people["category"]) == {"refugees"}
    turkey = money[money["location"] == "Turkey"].iloc[0]
    assert turkey["largest_text"] == "€7 billion"


def test_the_spread_does_not_pair_sums_five_months_apart(wh):
    # "three billion euros" (Oct 2015, the article's month) and "€7 billion" (March 2016) for
    # Turkey are a change over time, not two sources disagreeing.
    comparable = q.comparable_figures(wh, NONE)
    assert set(comparable.query("place == 'Turkey'")["value_text"]) == {
        "three billion euros",
        "€7 billion",
    }
    assert q.figure_spread(wh, NONE).empty


def test_figures_without_a_named_source_say_so(wh):
    cited = q.most_cited_figures(wh, NONE)
    assert "source not stated" in set(cited["cited_by"])
    assert "unattributed" not in " ".join(cited["cited_by"])


# --- network --------------------------------------------------------------------------------


def test_network_edges_can_be_limited_to_the_actors_drawn(wh):
    edges = q.network_stance_edges(wh, NONE, ("canada", "russia"))
    assert set(zip(edges["source_id"], edges["target_id"])) == {("canada", "russia")}
    assert len(q.network_stance_edges(wh, NONE)) > len(edges)


def test_network_nodes_are_the_most_mentioned_and_the_ends_of_the_strongest_pairs(wh):
    nodes = q.network_nodes(wh, NONE, limit=1, pairs=1)
    strongest = q.network_stance_edges(wh, NONE).iloc[0]
    assert {strongest["source_id"], strongest["target_id"]} <= set(nodes["actor_id"])
    assert len(nodes) <= 3


# --- charts ---------------------------------------------------------------------------------

from briefing import charts, network, theme  # noqa: E402

SOURCE = charts.source_line(3, 2, "2015-10", "2020-11-11", "No filters", "figures")


def test_source_lines_keep_the_precision_of_their_dates():
    assert "2015-10 to 2020-11-11" in SOURCE


def test_time_bars_have_a_bin_of_room_on_each_side():
    months = pd.to_datetime(["2015-10-01", "2020-11-01"])
    statements = pd.DataFrame(
        {
            "month": months,
            "country_id": ["canada", "european-union"],
            "country": ["Canada", "European Union"],
            "statements": [3, 4],
        }
    )
    stances = pd.DataFrame(
        {"month": months, "polarity": ["critical", "neutral"], "stances": [1, 2]}
    )
    for fig in (
        charts.statements_over_time(statements, SOURCE, {"canada": "#332288"}),
        charts.stances_over_time(stances, SOURCE),
    ):
        # Five years of data: quarterly bars, a quarter of room before the first (Oct 2015)
        # and after the last (the quarter from Oct 2020).
        low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
        assert low == pd.Timestamp("2015-07-01")
        assert high == pd.Timestamp("2021-04-01")


def test_dates_in_hovers_say_their_precision():
    assert charts.when("2015-10", "month") == "2015-10 (month only)"
    assert charts.when("2016", "year") == "2016 (year only)"
    assert charts.when("2016-12-13", "day") == "2016-12-13"
    assert charts.when(None) == "undated"


BY_PLACE = pd.DataFrame(
    {
        "measure": ["money", "people", "people"],
        "currency": ["$", "", ""],
        "category": ["other", "refugees", "resettled"],
        "location": ["unspecified", "Syria", "Canada"],
        "largest": [5e8, 5.6e6, 34_000],
        "largest_text": ["$500 million", "5.6 million", "34,000"],
        "figures": [1, 2, 2],
        "articles": [1, 2, 1],
    }
)


def test_people_and_money_are_drawn_on_separate_axes():
    fig = charts.figures_by_place(BY_PLACE, SOURCE)
    axes = {t.name: t.xaxis for t in fig.data}
    assert axes["refugees"] == axes["resettled"] != axes["other"]
    money_axis = fig.layout[axes["other"].replace("x", "xaxis")]
    assert money_axis.tickprefix == "$"
    people_axis = fig.layout[axes["refugees"].replace("x", "xaxis")]
    assert people_axis.range[1] < 1e7  # the $500 million does not stretch the head counts
    money = next(t for t in fig.data if t.name == "other")
    assert list(money.text) == ["$500 million"]


def test_an_only_people_chart_has_one_panel():
    fig = charts.figures_by_place(BY_PLACE[BY_PLACE["measure"] == "people"], SOURCE)
    assert {t.xaxis for t in fig.data} == {"x"}


def test_labels_are_kept_only_where_they_do_not_collide():
    chosen = charts.spaced_labels([0.5, 0.52, 0.9, 0.5], [0.9, 0.9, 0.9, 0.2], [0.2] * 4)
    assert chosen == [True, False, True, True]


TIMELINE = pd.DataFrame(
    {
        "as_of": pd.to_datetime(["2016-12-13", "2016-12-13", "2020-11-11", "2015-10-01"]),
        "as_of_label": ["2016-12-13", "2016-12-13", "2020-11-11", "2015-10"],
        "precision": ["day", "day", "day", "month"],
        "value": [34_000, 33_000, 5.6e6, 5e8],
        "value_text": ["34,000", "33,000", "5.6 million", "$500 million"],
        "category": ["resettled", "resettled", "refugees", "other"],
        "measure": ["people", "people", "people", "money"],
        "currency": [None, None, None, "$"],
        "location": ["Canada", "Canada", "Syria", "unspecified"],
        "cited_by": ["source not stated", "IRCC", "UNHCR", "source not stated"],
        "outlet": ["G&M"] * 4,
    }
)


def test_figures_over_time_label_the_largest_of_colliding_points_and_leave_money_out():
    fig = charts.figures_timeline(TIMELINE, SOURCE)
    resettled = next(t for t in fig.data if t.name == "resettled")
    assert list(resettled.text) == ["source not stated: 34,000", ""]  # 33,000 only in hover
    assert all("cited by" in t.hovertemplate for t in fig.data)
    assert "other" not in {t.name for t in fig.data}  # money has a chart of its own
    assert "2016-12-13" in [row[4] for row in resettled.customdata]


SPREAD = pd.DataFrame(
    {
        "measure": ["people"] * 4,
        "currency": [None] * 4,
        "category": ["refugees", "refugees", "resettled", "resettled"],
        "location": ["Syria", "Syria", "Canada", "Canada"],
        "value": [3.73e6, 5.6e6, 25_000, 34_000],
        "value_text": ["3.73 million", "5.6 million", "25,000", "34,000"],
        "cited_by": ["United Nations", "UNHCR", "IRCC", "IRCC"],
        "subject": ["refugees"] * 4,
        "outlets": ["G&M"] * 4,
        "as_of": pd.to_datetime(["2016-12-13", "2020-11-11", "2016-01-01", "2016-12-13"]),
        "as_of_label": ["2016-12-13", "2020-11-11", "2016", "2016-12-13"],
        "citations": [1] * 4,
    }
)


def test_each_quantity_in_the_spread_has_its_own_scale_and_alternating_labels():
    fig = charts.figure_spread(SPREAD, SOURCE)
    points = [t for t in fig.data if t.mode == "markers+text"]
    assert len(points) == 2 and points[0].xaxis != points[1].xaxis
    canada = next(t for t in points if 25_000 in list(t.x))
    assert fig.layout[canada.xaxis.replace("x", "xaxis")].range[1] < 100_000
    # The highest label grows leftwards, away from the right edge: it never leaves the chart.
    assert list(canada.textposition) == ["top center", "bottom left"]
    titles = " ".join(a.text for a in fig.layout.annotations)
    assert "2 values, every one from IRCC" in titles
    assert "(2016)" in canada.text[0]


def test_most_cited_figures_keep_labels_inside_and_name_a_missing_source():
    cited = pd.DataFrame(
        {
            "category": ["refugees", "resettled"],
            "location": ["Syria", "Canada"],
            "value": [5.6e6, 34_000],
            "value_text": ["5.6 million", "34,000"],
            "citations": [2, 1],
            "cited_by": ["UNHCR", "source not stated"],
        }
    )
    bar = charts.most_cited_figures(cited, SOURCE).data[0]
    assert bar.textposition == "inside"
    assert list(bar.text) == ["source not stated", "cited by UNHCR"]


def test_light_bars_get_dark_text_and_dark_bars_white_text():
    assert theme.text_on("#F0E442") == theme.TEXT
    assert theme.text_on("#332288") == "#FFFFFF"


def test_the_network_names_only_its_busiest_actors_and_the_selected_one():
    ids = [f"a{i}" for i in range(20)]
    nodes = pd.DataFrame(
        {
            "actor_id": ids,
            "name": [f"Actor {i}" for i in range(20)],
            "kind": ["person"] * 20,
            "country_id": ["european-union"] * 10 + [None] * 10,
            "country": ["European Union"] * 10 + ["no country"] * 10,
            "mentions": list(range(20, 0, -1)),
            "x": [i / 20 for i in range(20)],
            "y": [0.0] * 20,
        }
    )
    edges = pd.DataFrame(
        {"source_id": ["a19"], "target_id": ["a0"], "polarity": ["critical"], "stances": [30]}
    )
    colours = theme.country_colours(["european-union"])
    fig = charts.actor_network(nodes, edges, SOURCE, colours, labels=3, selected="a10")
    shown = [t for trace in fig.data if trace.mode == "markers+text" for t in trace.text if t]
    assert sorted(shown) == ["Actor 0", "Actor 1", "Actor 10", "Actor 19"]
    groups = [t.name for t in fig.data if t.mode == "markers+text"]
    assert groups == ["European Union", charts.OTHER_COUNTRIES]


def test_the_layout_keeps_busy_actors_from_sitting_on_each_other():
    nodes = pd.DataFrame(
        {"actor_id": list("abcdef"), "name": list("ABCDEF"), "mentions": [50, 40, 30, 5, 2, 1]}
    )
    edges = pd.DataFrame(
        {
            "source_id": ["a", "a", "b", "c", "a"],
            "target_id": ["b", "c", "c", "a", "d"],
            "polarity": ["critical"] * 5,
            "stances": [40, 30, 30, 20, 1],
        }
    )
    positions = network.layout(network.build_graph(nodes, edges))
    busy = [positions[a] for a in "abc"]
    gaps = [
        ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5
        for i, (x1, y1) in enumerate(busy)
        for (x2, y2) in busy[i + 1 :]
    ]
    assert min(gaps) > 0.2  # two of the largest markers side by side


def test_the_readme_lists_every_url_parameter_with_an_example():
    from pathlib import Path

    from briefing.filters import URL_PARAMS

    readme = (Path(__file__).resolve().parents[1] / "briefing" / "README.md").read_text()
    section = readme.split("## Dashboard", 1)[1].split("\n## ", 1)[0]
    for name in URL_PARAMS:
        assert f"`{name}`" in section and f"{name}=" in section, name


def test_event_places_are_labelled_only_when_known_and_clear_of_each_other():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2017-06-01", "2017-06-15", "2020-11-01", "2012-03-01"]),
            "date_label": ["2017-06", "2017-06-15", "2020-11", "2012-03-01"],
            "date_precision": ["month", "day", "month", "day"],
            "event_type": ["attack"] * 3 + ["other"],
            "location": ["St. Petersburg", "Aleppo", "unspecified", "Damascus"],
            "description": ["d"] * 4,
            "participants": [""] * 4,
        }
    )
    fig = charts.events_timeline(events, SOURCE)
    attack = next(t for t in fig.data if t.name == "attack")
    assert list(attack.text) == ["St. Petersburg", "", ""]
    assert "2017-06 (month only)" == attack.customdata[0][3]
    assert list(next(t for t in fig.data if t.name == "other").text) == ["Damascus"]
