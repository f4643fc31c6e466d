"""Chart builders: a frame in, a titled figure with a source line out; colours from the theme."""

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from briefing import charts, network, theme

SOURCE = charts.source_line(7, 4, date(2016, 12, 13), date(2020, 11, 11), "No filters", "stances")
COLOURS = theme.country_colours(["canada", "russia", "syria"])


def annotations_text(fig: go.Figure) -> str:
    return " ".join(a.text or "" for a in fig.layout.annotations)


def assert_slide_ready(fig: go.Figure, title_part: str) -> None:
    assert isinstance(fig, go.Figure)
    assert title_part in fig.layout.title.text.replace("<br>", " ")
    assert "Source: briefing warehouse" in annotations_text(fig)


STANCES = pd.DataFrame(
    {
        "source": ["Canada", "Canada", "Russia", "Russia"],
        "target": ["Russia", "Syria", "Canada", "Syria"],
        "source_id": ["canada", "canada", "russia", "russia"],
        "target_id": ["russia", "syria", "canada", "syria"],
        "polarity": ["critical", "critical", "critical", "supportive"],
        "stances": [3, 1, 1, 2],
    }
)
FIGURES = pd.DataFrame(
    {
        "as_of": pd.to_datetime(["2016-12-13", "2020-11-11"]),
        "value": [3.73e6, 5.6e6],
        "value_text": ["3.73 million", "5.6 million"],
        "category": ["refugees", "refugees"],
        "location": ["Syria", "Syria"],
        "cited_by": ["United Nations", "UNHCR"],
        "outlet": ["The Globe and Mail", "The Globe and Mail"],
        "outlets": ["G&M", "G&M"],
        "citations": [1, 1],
    }
)


def test_source_line_gives_rows_articles_dates_and_filters():
    assert SOURCE == (
        "Source: briefing warehouse · 7 stances from 4 articles · 2016-12-13 to 2020-11-11"
        " · No filters"
    )
    assert "1 article ·" in charts.source_line(1, 1, None, None)
    assert "undated" in charts.source_line(1, 1, None, None)


def test_stance_balance_colours_each_polarity_with_its_theme_colour():
    fig = charts.stance_balance(
        pd.DataFrame({"polarity": ["critical", "supportive"], "stances": [5, 1]}),
        SOURCE,
    )
    assert_slide_ready(fig, "Balance of stances")
    bar = fig.data[0]
    colours = dict(zip(bar.y, bar.marker.color))
    assert colours["critical"] == theme.POLARITY_COLOURS["critical"]
    assert list(bar.y) == list(theme.POLARITY_ORDER)  # a missing polarity shows as zero


def test_stance_bars_stack_polarities_per_source_target_pair():
    fig = charts.stance_bars(STANCES, SOURCE)
    assert_slide_ready(fig, "Who criticises or supports whom")
    assert fig.layout.barmode == "stack"
    assert {t.name for t in fig.data} == {"critical", "supportive"}
    assert "Canada → Russia" in fig.data[0].y


def test_stance_matrix_is_a_heatmap_of_net_tone_with_counts():
    fig = charts.stance_matrix(STANCES, SOURCE)
    assert_slide_ready(fig, "Stance matrix")
    heat = fig.data[0]
    assert isinstance(heat, go.Heatmap)
    assert list(heat.y) == ["Canada", "Russia"]
    row = list(heat.y).index("Russia")
    col = list(heat.x).index("Syria")
    assert heat.z[row][col] == 1.0 and heat.text[row][col] == "+2"
    canada = list(heat.y).index("Canada")
    russia = list(heat.x).index("Russia")
    assert heat.z[canada][russia] == -1.0 and heat.text[canada][russia] == "−3"


def test_country_colours_are_the_same_in_every_chart():
    monthly = pd.DataFrame(
        {
            "month": pd.to_datetime(["2020-01-01", "2020-01-01"]),
            "country_id": ["russia", "canada"],
            "country": ["Russia", "Canada"],
            "statements": [2, 1],
        }
    )
    bars = charts.statements_over_time(monthly, SOURCE, COLOURS)
    by_name = {t.name: t.marker.color for t in bars.data}
    nodes = pd.DataFrame(
        {
            "actor_id": ["russia", "canada"],
            "name": ["Russia", "Canada"],
            "kind": ["country"] * 2,
            "country_id": ["russia", "canada"],
            "country": ["Russia", "Canada"],
            "mentions": [3, 2],
            "x": [0.0, 1.0],
            "y": [0.0, 1.0],
        }
    )
    net = charts.actor_network(nodes, STANCES[STANCES["target_id"] != "syria"], SOURCE, COLOURS)
    node_colours = {t.name: t.marker.color for t in net.data if t.mode == "markers+text"}
    assert by_name["Russia"] == node_colours["Russia"] == COLOURS["russia"]
    assert by_name["Canada"] == node_colours["Canada"] == COLOURS["canada"]
    assert by_name["Russia"] != by_name["Canada"]


def test_country_palette_is_distinct_then_grey():
    many = theme.country_colours([f"c{i}" for i in range(30)])
    distinct = list(many.values())[: len(theme.COUNTRY_PALETTE)]
    assert len(set(distinct)) == len(distinct)
    assert many["c29"] == theme.UNKNOWN
    assert not set(theme.COUNTRY_PALETTE) & set(theme.POLARITY_COLOURS.values())


def test_network_draws_stance_arrows_coloured_by_polarity_and_sized_by_count():
    nodes = pd.DataFrame(
        {
            "actor_id": ["canada", "russia", "syria"],
            "name": ["Canada", "Russia", "Syria"],
            "kind": ["country"] * 3,
            "country_id": ["canada", "russia", "syria"],
            "country": ["Canada", "Russia", "Syria"],
            "mentions": [3, 3, 1],
        }
    )
    graph = network.build_graph(nodes, STANCES)
    placed = network.with_positions(nodes, network.layout(graph))
    fig = charts.actor_network(placed, STANCES, SOURCE, COLOURS, colour_by="kind")
    assert_slide_ready(fig, "Actor network")
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == 4
    widest = max(arrows, key=lambda a: a.arrowwidth)
    assert widest.arrowcolor == theme.POLARITY_COLOURS["critical"]
    assert {t.name for t in fig.data if t.mode == "markers+text"} == {"country"}


def test_network_layout_is_the_same_on_every_run():
    nodes = pd.DataFrame({"actor_id": list("abcd"), "name": list("ABCD"), "mentions": [4, 3, 2, 1]})
    edges = pd.DataFrame(
        {
            "source_id": ["a", "b"],
            "target_id": ["b", "c"],
            "polarity": ["critical"] * 2,
            "stances": [2, 1],
        }
    )
    first = network.layout(network.build_graph(nodes, edges))
    again = network.layout(network.build_graph(nodes.iloc[::-1], edges.iloc[::-1]))
    assert first == again
    assert set(first) == set("abcd")  # the isolated actor is placed too


def test_strongest_ties_come_first():
    nodes = pd.DataFrame(
        {
            "actor_id": ["canada", "russia", "syria"],
            "name": ["Canada", "Russia", "Syria"],
            "mentions": [1, 1, 1],
        }
    )
    ties = network.strongest_ties(network.build_graph(nodes, STANCES), "canada")
    assert list(ties["actor"])[:1] == ["Russia"]
    assert ties["weight"].is_monotonic_decreasing


def test_figure_spread_shows_every_value_and_who_cited_it():
    fig = charts.figure_spread(FIGURES, SOURCE)
    assert_slide_ready(fig, "different numbers")
    points = fig.data[-1]
    assert list(points.x) == [3.73e6, 5.6e6]
    assert "United Nations" in points.text[0] and "UNHCR" in points.text[1]
    span = fig.data[0]
    assert (min(span.x), max(span.x)) == (3.73e6, 5.6e6)


def test_figures_timeline_labels_points_with_who_cited_them():
    fig = charts.figures_timeline(FIGURES, SOURCE)
    assert_slide_ready(fig, "over time")
    assert fig.data[0].marker.color == theme.CATEGORY_COLOURS["refugees"]
    assert fig.data[0].text[1].startswith("UNHCR")


def test_figures_by_place_and_most_cited_use_category_colours():
    by_place = pd.DataFrame(
        {
            "category": ["refugees", "displaced"],
            "location": ["Syria", "Syria"],
            "largest": [5.6e6, 6e6],
            "figures": [2, 1],
            "articles": [2, 1],
        }
    )
    fig = charts.figures_by_place(by_place, SOURCE)
    assert {t.marker.color for t in fig.data} == {
        theme.CATEGORY_COLOURS["refugees"],
        theme.CATEGORY_COLOURS["displaced"],
    }
    cited = pd.DataFrame(
        {
            "category": ["refugees"],
            "location": ["Syria"],
            "value": [5.6e6],
            "value_text": ["5.6 million"],
            "citations": [2],
            "cited_by": ["UNHCR"],
        }
    )
    assert_slide_ready(charts.most_cited_figures(cited, SOURCE), "Most cited")


def test_events_are_placed_by_date_and_type_and_labelled_with_the_place():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2018-09-07", "2020-11-11"]),
            "event_type": ["summit", "conference"],
            "location": ["Tehran", "Damascus"],
            "description": ["d1", "d2"],
            "participants": ["Russia, Turkey", "Russia, Syria"],
        }
    )
    fig = charts.events_timeline(events, SOURCE)
    assert_slide_ready(fig, "Timeline of events")
    assert {t.name for t in fig.data} == {"summit", "conference"}
    assert list(fig.data[0].text) == ["Tehran"]
    assert charts.events_by_place(events, SOURCE).layout.barmode == "stack"


def test_stances_over_time_stack_by_month():
    monthly = pd.DataFrame(
        {
            "month": pd.to_datetime(["2020-11-01", "2020-11-01"]),
            "polarity": ["critical", "supportive"],
            "stances": [2, 1],
        }
    )
    fig = charts.stances_over_time(monthly, SOURCE)
    assert_slide_ready(fig, "Stances per month")
    assert [t.name for t in fig.data] == ["critical", "supportive"]


EMPTY_BUILDERS = [
    lambda df: charts.stance_balance(df, SOURCE),
    lambda df: charts.statements_over_time(df, SOURCE, COLOURS),
    lambda df: charts.most_cited_figures(df, SOURCE),
    lambda df: charts.figures_by_place(df, SOURCE),
    lambda df: charts.figures_timeline(df, SOURCE),
    lambda df: charts.figure_spread(df, SOURCE),
    lambda df: charts.stance_bars(df, SOURCE),
    lambda df: charts.stance_matrix(df, SOURCE),
    lambda df: charts.stances_over_time(df, SOURCE),
    lambda df: charts.actor_network(df, df, SOURCE, COLOURS),
    lambda df: charts.events_timeline(df, SOURCE),
    lambda df: charts.events_by_place(df, SOURCE),
]


@pytest.mark.parametrize("build", EMPTY_BUILDERS)
def test_an_empty_frame_gives_a_titled_figure_that_says_so(build):
    fig = build(pd.DataFrame())
    assert fig.layout.title.text
    assert len(fig.data) == 0
    assert "No " in annotations_text(fig) and "Source:" in annotations_text(fig)


def test_long_source_lines_wrap_instead_of_being_cut_off():
    long = charts.source_line(
        10,
        2,
        date(2020, 1, 1),
        date(2020, 2, 1),
        "Filters: " + "; ".join(["country: X"] * 20),
    )
    fig = charts.stance_balance(pd.DataFrame({"polarity": ["critical"], "stances": [1]}), long)
    assert "<br>" in annotations_text(fig)


def test_numbers_are_shortened_for_labels():
    assert charts.format_number(5_600_000) == "5.6M"
    assert charts.format_number(25_000) == "25K"
    assert charts.format_number(1234) == "1,234"


def test_titles_and_labels_wrap_between_words_to_fit_a_phone():
    assert charts.wrap_label("Short title", 36) == "Short title"
    wrapped = charts.wrap_label("Statements per year, by speaker's country", 36)
    assert wrapped == "Statements per year,<br>by speaker's country"  # even lines, no lone word
    long_word = "Supercalifragilisticexpialidocious" * 2
    assert charts.wrap_label(long_word, 36) == long_word  # never cut inside a word
    assert charts.wrap_label("a<br>b", 36) == "a<br>b"  # breaks already there stay
    assert charts.pair_label("Canada", "Russia") == "Canada → Russia"
    assert charts.pair_label("Alexander Darchiev", "United States") == (
        "Alexander Darchiev →<br>United States"  # broken at the arrow, not inside a name
    )


STANCE_PAIRS = pd.DataFrame(
    {
        "source": ["Canada", "Russia"],
        "target": ["Russia", "Canada"],
        "source_id": ["canada", "russia"],
        "target_id": ["russia", "canada"],
        "polarity": ["critical", "supportive"],
        "stances": [3, 2],
    }
)


def _title_lines(fig) -> list[str]:
    return str(fig.layout.title.text).split("<br>")


def test_a_wide_chart_title_takes_one_line_and_a_phone_one_breaks_to_fit_its_width():
    for fig in (
        charts.stance_bars(STANCE_PAIRS, "Source: x"),
        charts.stance_matrix(STANCE_PAIRS, "Source: x"),
    ):
        assert len(_title_lines(fig)) == 1  # the page's width holds it
        phone = _title_lines(charts.for_phone(fig))
        assert len(phone) == 2 and all(len(line) <= charts.TITLE_CHARS for line in phone)
    slide = charts.for_slide(charts.stance_bars(STANCE_PAIRS, "Source: x"), "No filters", "y")
    assert "<br>" not in slide.layout.title.text  # a slide is wide: the title keeps one line
    # The matrix's colour key runs across the top, so a phone's cells keep the whole width.
    key = charts.stance_matrix(STANCE_PAIRS, "Source: x").data[0].colorbar
    assert key.orientation == "h" and key.yref == "container"


def test_a_title_broken_for_a_narrow_column_moves_its_key_down_and_keeps_the_plot():
    wide = charts.stance_matrix(STANCE_PAIRS, "Source: x")
    narrow = charts.for_column(wide, 0.4)
    lines = _title_lines(narrow)
    assert len(lines) > 1 and all(len(line) <= charts.title_chars(0.4) for line in lines)
    grown = narrow.layout.margin.t - wide.layout.margin.t
    assert grown == round(1.25 * 20) * (len(lines) - 1)

    def plot(fig):
        return fig.layout.height - fig.layout.margin.t - fig.layout.margin.b

    def key_from_top(fig):
        return (1 - fig.data[0].colorbar.y) * fig.layout.height

    assert plot(narrow) == plot(wide)
    # The colour key under the title moves down by the lines the title gained.
    assert round(key_from_top(narrow) - key_from_top(wide)) == grown
    # A legend placed under the title moves with it too.
    monthly = pd.DataFrame(
        {
            "month": ["2020-01-01", "2020-02-01", "2020-02-01"],
            "polarity": ["critical", "supportive", "neutral"],
            "stances": [1, 2, 1],
        }
    )
    timeline = charts.stances_over_time(monthly, "Source: x")
    retitled = charts.retitled(
        timeline, "Stances per month from sources in every country, by their polarity"
    )
    narrow = charts.for_column(retitled, 0.4)
    moved = (retitled.layout.legend.y - narrow.layout.legend.y) * narrow.layout.height
    assert len(_title_lines(narrow)) > len(_title_lines(retitled))
    assert moved > 0 and plot(narrow) == plot(retitled)
