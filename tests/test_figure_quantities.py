"""Humanitarian figures as a briefing needs them (issue 11): only the same quantity is compared
(category, people counted, place, currency and compatible dates), every number carries its
qualifier and its currency, labels keep their values at the chart's edges, and the encodings do
not mislead (no bars on a log scale, money apart, troops and `other` left out, a speaker's
capital is no place)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from briefing import charts, evidence, quantities, theme
from briefing import queries as q
from briefing.filters import Filters
from tests.dashboard_fixtures import build_warehouse

NONE = Filters()
SOURCE = charts.source_line(9, 1, "2014-01", "2023-05-22", "No filters", "figures")

# --- the pure pieces ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "category", "expected"),
    [
        ("people killed", "killed", "people"),
        ("US service members", "killed", "soldiers and police"),
        ("Canadian Armed Forces members", "killed", "soldiers and police"),
        ("Afghan civilians", "killed", "civilians"),
        ("civilian deaths", "killed", "civilians"),
        ("Canadian diplomats in India", "other", "diplomats"),
        ("medical personnel", "killed", "aid and health workers"),
        ("children", "displaced", "children"),
        ("Rohingya refugees", "refugees", "people"),
        ("money", "aid_money", "money"),
    ],
)
def test_the_population_counted_is_read_from_the_subject(subject, category, expected):
    assert quantities.population(subject, category) == expected


def test_places_written_differently_are_one_place():
    assert quantities.place_key("US", "united-states") == quantities.place_key(
        "United States", "united-states"
    )
    assert quantities.place_key("Idleb Governorate") == quantities.place_key("idleb")
    assert quantities.place_key(None) == ""


def test_a_date_stands_for_its_day_month_or_year():
    assert quantities.period(date(2016, 12, 13), "day") == (date(2016, 12, 13),) * 2
    assert quantities.period(date(2015, 12, 1), "month") == (date(2015, 12, 1), date(2015, 12, 31))
    assert quantities.period(date(2016, 1, 1), "year") == (date(2016, 1, 1), date(2016, 12, 31))
    assert quantities.period(None) is None
    assert quantities.period_label(date(2023, 5, 9), date(2023, 5, 22)) == "May 2023"
    assert quantities.period_label(date(2016, 1, 1), date(2016, 12, 31)) == "2016"
    assert quantities.period_label(date(2015, 12, 1), date(2016, 1, 31)) == "Dec 2015 – Jan 2016"


def _figures(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=[
            "figure_id",
            "value",
            "value_text",
            "qualifier",
            "category",
            "subject",
            "place",
            "measure",
            "currency",
            "cited_by",
            "as_of",
            "precision",
        ],
    ).assign(outlet="Wire", as_of_label=lambda d: d["as_of"].astype(str))


ISSUE_CASES = _figures(
    [
        # 41 diplomats against 770,000 Sikhs, both `other` in Canada: never a pair.
        ("dipl", 41, "41", None, "other", "diplomats", "Canada", "people", "", "India", date(2023, 10, 20), "day"),
        ("sikh", 770_000, "770,000", "about", "other", "Sikhs", "Canada", "people", "", "India", date(2023, 10, 20), "day"),
        # 13 soldiers against 170 civilians, both killed at Kabul airport the same day.
        ("sold", 13, "13", None, "killed", "US service members", "Kabul", "people", "", "Pentagon", date(2021, 8, 26), "day"),
        ("civ", 170, "170", None, "killed", "Afghan civilians", "Kabul", "people", "", "Kabul hospital", date(2021, 8, 26), "day"),
        # One agency's 2014 and 2020 counts: a change over time.
        ("u14", 2.3e6, "2.3 million", "some", "refugees", "refugees", "Syria", "people", "", "UNHCR", date(2014, 1, 22), "day"),
        ("u20", 5.6e6, "5.6 million", "more than", "refugees", "refugees", "Syria", "people", "", "UNHCR", date(2020, 11, 11), "day"),
        # Two sources on Sudan's dead within a fortnight: the pair to brief.
        ("moh", 550, "550", None, "killed", "people killed", "Sudan", "people", "", "Health Ministry", date(2023, 5, 9), "day"),
        ("who", 705, "705", "at least", "killed", "people killed", "Sudan", "people", "", "WHO", date(2023, 5, 22), "day"),
        # Dollars and euros for Sudan on the same day: never one quantity.
        ("usd", 3e9, "$3bn", None, "aid_money", "money", "Sudan", "money", "$", "UN", date(2023, 5, 21), "day"),
        ("eur", 1e9, "€1 billion", None, "aid_money", "money", "Sudan", "money", "€", "EU", date(2023, 5, 21), "day"),
        # A year-only figure pairs with a day inside that year.
        ("y16", 25_000, "25,000", None, "resettled", "Syrian refugees", "Canada", "people", "", "IRCC", date(2016, 1, 1), "year"),
        ("d16", 34_000, "34,000", "about", "resettled", "refugees", "Canada", "people", "", "UNHCR", date(2016, 12, 13), "day"),
        # Undated: paired with nothing.
        ("und", 36_000, "36,000", None, "resettled", "refugees", "Canada", "people", "", "IRCC", None, None),
    ]
)  # fmt: skip


def test_only_the_same_quantity_is_paired():
    grouped = quantities.same_quantities(ISSUE_CASES).set_index("figure_id")["quantity"]

    def paired(a: str, b: str) -> bool:
        return pd.notna(grouped[a]) and grouped[a] == grouped[b]

    assert pd.isna(grouped["dipl"]) and pd.isna(grouped["sikh"])  # `other` never pairs
    assert not paired("sold", "civ")  # soldiers are not civilians
    assert not paired("u14", "u20")  # six years apart
    assert paired("moh", "who")
    assert not paired("usd", "eur")  # dollars are not euros
    assert paired("y16", "d16")  # 2016 holds 13 December 2016
    assert pd.isna(grouped["und"])


def test_no_two_figures_of_a_group_are_further_apart_than_the_window():
    monthly = _figures(
        [
            (f"m{i}", 100 + i, str(100 + i), None, "displaced", "people", "Idlib", "people", "", "OCHA", day, "day")
            for i, day in enumerate(pd.date_range("2020-01-01", periods=6, freq="20D").date)
        ]
    )  # fmt: skip
    grouped = quantities.same_quantities(monthly)
    for _, part in grouped.groupby("quantity"):
        days = pd.to_datetime(part["as_of"])
        assert (days.max() - days.min()).days <= quantities.WINDOW_DAYS
    assert grouped["quantity"].nunique() > 1  # the chain of reports is cut, not one group


def test_compared_keeps_quantities_with_different_values_and_their_qualifiers():
    table = quantities.compared(ISSUE_CASES)
    assert set(table["quantity_label"]) == {
        "killed · people · Sudan",
        "resettled · people · Canada",
    }
    sudan = table[table["quantity_label"] == "killed · people · Sudan"]
    assert list(zip(sudan["value_text"], sudan["qualifier"], sudan["cited_by"])) == [
        ("550", None, "Health Ministry"),
        ("705", "at least", "WHO"),
    ]
    assert set(sudan["period"]) == {"May 2023"}
    assert list(sudan["figure_ids"]) == [["moh"], ["who"]]
    # Head counts come first, the largest first.
    assert list(dict.fromkeys(table["quantity_label"]))[0] == "resettled · people · Canada"


def test_compared_of_nothing_comparable_is_an_empty_frame_with_its_columns():
    assert quantities.compared(ISSUE_CASES.head(2)).empty
    assert "quantity_label" in quantities.compared(ISSUE_CASES.head(0))


@pytest.mark.parametrize(
    ("text", "qualifier", "currency", "expected"),
    [
        ("5.6 million", "more than", "", "more than 5.6 million"),
        ("$500 million", "over", "$", "over $500 million"),
        ("$500 million", None, "$", "$500 million"),
        ("7 billion", None, "€", "€7 billion"),
        ("three billion euros", None, "€", "three billion euros"),
        ("about 34,000", "about", "", "about 34,000"),
        (None, "up to", "", "up to"),
    ],
)
def test_a_figure_is_written_with_its_qualifier_and_currency(text, qualifier, currency, expected):
    assert quantities.figure_text(text, qualifier, currency) == expected


def test_short_numbers_say_billions_not_giga():
    assert quantities.short_number(3.6e9) == "3.6B"
    assert quantities.money_text(5e8, "$") == "$500M"
    assert quantities.short_number(25_000) == "25K"


# --- chart builders --------------------------------------------------------------------------


def test_spread_labels_carry_qualifiers_and_stay_inside_the_chart():
    fig = charts.figure_spread(quantities.compared(ISSUE_CASES), SOURCE)
    points = [t for t in fig.data if t.mode == "markers+text"]
    texts = [t for trace in points for t in trace.text]
    assert "<b>at least 705</b><br>WHO (2023-05-22)" in texts
    assert "<b>about 34,000</b><br>UNHCR (2016-12-13)" in texts
    for trace in points:
        top = fig.layout[trace.xaxis.replace("x", "xaxis")].range[1]
        for value, position in zip(trace.x, trace.textposition):
            # No label grows towards the edge it is near: its value stays on the chart.
            assert not (value / top > 0.65 and position.endswith("right")), (value, position)
            assert not (value / top < 0.35 and position.endswith("left")), (value, position)
        assert trace.textposition[-1].endswith("left")  # the largest sits near the right edge
    titles = " ".join(a.text for a in fig.layout.annotations)
    assert "killed · people · Sudan</b> · May 2023<br>2 values from 2 named sources" in titles
    assert all(a.xanchor == "left" for a in fig.layout.annotations if "<b>" in (a.text or ""))


def test_each_row_names_its_place_and_category_when_the_chart_has_several():
    by_place = pd.DataFrame(
        {
            "measure": ["people"] * 3,
            "currency": [""] * 3,
            "category": ["refugees", "displaced", "refugees"],
            "location": ["Syria", "Syria", "Lebanon"],
            "largest": [5.6e6, 6e6, 1.5e6],
            "largest_text": ["5.6 million", "six million", "1.5 million"],
            "qualifier": [None] * 3,
            "figures": [1] * 3,
            "articles": [1] * 3,
        }
    )
    fig = charts.figures_by_place(by_place, SOURCE)
    rows = {y for t in fig.data for y in t.y}
    assert rows == {"Syria · refugees", "Syria · displaced", "Lebanon · refugees"}
    one = charts.figures_by_place(by_place[by_place["category"] == "refugees"], SOURCE)
    assert {y for t in one.data for y in t.y} == {"Syria", "Lebanon"}


def test_money_is_drawn_as_money_one_currency_per_axis():
    by_place = pd.DataFrame(
        {
            "measure": ["money", "money", "people"],
            "currency": ["$", "€", ""],
            "category": ["aid_money"] * 2 + ["refugees"],
            "location": ["Sudan", "Sudan", "Syria"],
            "largest": [5e8, 1e9, 5.6e6],
            "largest_text": ["$500 million", "€1 billion", "5.6 million"],
            "qualifier": ["over", None, "more than"],
            "figures": [1, 1, 2],
            "articles": [1, 1, 2],
        }
    )
    fig = charts.figures_by_place(by_place, SOURCE)
    assert all(t.type == "scatter" for t in fig.data)  # dots, never bars
    axes = {t.text[0]: t.xaxis for t in fig.data}
    assert len(set(axes.values())) == 3  # people, dollars and euros apart
    dollars = fig.layout[axes["over $500 million"].replace("x", "xaxis")]
    assert fig.layout.showlegend is False  # rows name their category; no legend crowds a phone
    assert dollars.tickprefix == "$" and dollars.exponentformat == "B"
    assert "more than 5.6 million" in axes


def test_a_log_axis_is_labelled_as_one_and_small_counts_get_whole_ticks():
    wide = charts.value_axis(pd.Series([16, 6e6]))
    assert wide["type"] == "log" and "log scale" in wide["title"]
    small = charts.value_axis(pd.Series([2, 5]))
    assert small.get("type") != "log" and small["dtick"] == 1


def test_the_timeline_leaves_money_out_and_labels_with_qualifiers():
    timeline = pd.DataFrame(
        {
            "as_of": pd.to_datetime(["2023-05-09", "2023-05-22", "2023-05-21"]),
            "value": [550, 705, 3e9],
            "value_text": ["550", "705", "$3bn"],
            "qualifier": [None, "at least", None],
            "category": ["killed", "killed", "aid_money"],
            "measure": ["people", "people", "money"],
            "currency": [None, None, "$"],
            "location": ["Sudan"] * 3,
            "cited_by": ["Health Ministry", "WHO", "UN"],
            "outlet": ["Wire"] * 3,
        }
    )
    fig = charts.figures_timeline(timeline, SOURCE)
    assert {t.name for t in fig.data} == {"killed"}
    assert "WHO: at least 705" in list(fig.data[0].text)
    assert fig.layout.legend.orientation == "h"  # above the plot: a legend at the right
    # would take a third of a phone's width


# --- on a warehouse --------------------------------------------------------------------------

SENTENCES = [
    # (figure_id, value, value_text, category, subject, location, attributed, as_of, qualifier)
    ("f-moh", 550, "550", "killed", "people killed", "Sudan", None, date(2023, 5, 9), None,
     "The health ministry said 550 people had been killed in Sudan."),
    ("f-who", 705, "705", "killed", "people killed", "Sudan", "united-nations", date(2023, 5, 22),
     "at least", "At least 705 people have been killed in Sudan, the UN said."),
    ("f-sold", 13, "13", "killed", "US service members", "Kabul", None, date(2021, 8, 26), None,
     "The blast killed 13 US service members at Kabul airport."),
    ("f-civ", 170, "170", "killed", "Afghan civilians", "Kabul", None, date(2021, 8, 26), None,
     "It also killed 170 Afghan civilians at Kabul airport."),
    ("f-dipl", 41, "41", "other", "diplomats", "Canada", None, date(2023, 10, 20), None,
     "Canada withdrew 41 diplomats."),
    ("f-sikh", 770_000, "770,000", "other", "Sikhs", "Canada", None, date(2023, 10, 20), "about",
     "Canada is home to about 770,000 Sikhs."),
    ("f-ottawa", 2_000, "2,000", "resettled", "refugees", "Ottawa", "chrystia-freeland",
     date(2023, 10, 20), "up to", "Freeland said Ottawa would resettle up to 2,000 refugees."),
    ("f-troops", 3_400, "3,400", "troops", "troops", "Europe", None, date(2023, 10, 20), None,
     "Canada has 3,400 troops in Europe."),
    ("f-usd", 5e8, "$500 million", "aid_money", "money", "Sudan", None, date(2023, 5, 21),
     "over", "Donors pledged over $500 million for Sudan."),
]  # fmt: skip


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    """The fixture warehouse plus one article holding the figures of issue 11's examples."""
    path = build_warehouse(tmp_path_factory.mktemp("quantities") / "warehouse.duckdb")
    body = " ".join(s[-1] for s in SENTENCES)
    con = duckdb.connect(str(path))
    con.execute(
        """INSERT INTO articles VALUES ('a-briefing', 'a-briefing.txt', 'Numbers to brief',
        'Wire', NULL, DATE '2023-10-20', 'en', ?, 'sha-briefing', TIMESTAMP '2026-01-01',
        'day')""",
        [body],
    )
    rows = []
    for fid, value, text, category, subject, place, who, as_of, qualifier, sentence in SENTENCES:
        start = body.index(sentence)
        at = body.index(text, start)
        rows.append(
            (fid, float(value), text, category, subject, place, who, as_of, sentence, start,
             start + len(sentence), at, at + len(text), "day", qualifier)
        )  # fmt: skip
    con.executemany(
        "INSERT INTO figures VALUES (?, 'a-briefing', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    con.close()
    return q.locate(str(path))


def test_a_speakers_own_capital_is_no_place_of_the_figure(wh):
    assert q.seats_of_government()["ottawa"] == "canada"
    by_place = q.figures_by_place(wh, NONE)
    resettled = by_place[by_place["category"] == "resettled"]
    assert list(resettled["location"]) == ["unspecified"]
    assert "Ottawa" not in set(q.comparable_figures(wh, NONE)["place"].dropna())
    # The table still says what the article wrote.
    assert "Ottawa" in set(q.figures_table(wh, NONE)["location"])


def test_troops_and_other_stay_out_of_the_charts_unless_asked_for(wh):
    shown = set(q.figures_by_place(wh, NONE)["category"])
    assert not shown & {"troops", "other"}
    assert "troops" in set(q.figures_by_place(wh, Filters(categories=("troops",)))["category"])
    assert {"troops", "other"} <= set(q.figures_table(wh, NONE)["category"])


def test_the_spread_on_the_warehouse_pairs_only_sudans_dead(wh):
    spread = q.figure_spread(wh, NONE)
    assert set(spread["quantity_label"]) == {"killed · people · Sudan"}
    assert list(spread["value_text"]) == ["550", "705"]


def test_every_table_and_evidence_line_writes_the_qualifier(wh):
    table = q.figures_table(wh, NONE).set_index("figure_id")
    assert table.loc["f-usd", "figure"] == "over $500 million"
    assert table.loc["f-sikh", "figure"] == "about 770,000"
    assert table.loc["f-moh", "figure"] == "550"
    notes = q.evidence(wh, NONE, "figures", limit=20)
    assert any(w.startswith("at least 705 killed in Sudan") for w in notes["who"])


def test_spread_points_lead_to_the_sentence_citing_that_value(wh):
    fig = charts.figure_spread(q.figure_spread(wh, NONE), SOURCE)
    points = [t for t in fig.data if t.customdata is not None]
    assert points
    for trace in points:
        for point in trace.customdata:
            key = evidence.parse_key(list(point)[-1])
            found = evidence.rows(wh, NONE, (evidence.mark_key(**key),))
            assert len(found) == 1
            assert point[0].split()[-1] in found["evidence"].iloc[0]
            assert found["who"].iloc[0].startswith(point[0])  # qualifier included


def test_place_dots_lead_to_every_figure_behind_them(wh):
    by_place = q.figures_by_place(wh, NONE)
    fig = charts.figures_by_place(by_place, SOURCE)
    for trace in fig.data:
        for point in trace.customdata:
            key = evidence.parse_key(list(point)[-1])
            assert len(evidence.rows(wh, NONE, (evidence.mark_key(**key),))) == point[0]


# --- counts over time ------------------------------------------------------------------------


def test_the_span_decides_months_quarters_or_years():
    assert charts.time_bin(pd.Series(pd.to_datetime(["2020-01-01", "2022-06-01"]))) == "month"
    assert charts.time_bin(pd.Series(pd.to_datetime(["2015-01-01", "2020-06-01"]))) == "quarter"
    assert charts.time_bin(pd.Series(pd.to_datetime(["2011-03-01", "2024-03-01"]))) == "year"


MONTHLY = pd.DataFrame(
    {
        "month": pd.to_datetime(["2011-03-01", "2016-02-01", "2016-02-01", "2016-07-01", "2024-03-01"]),
        "country_id": ["canada", "canada", "canada", "russia", None],
        "country": ["Canada", "Canada", "Canada", "Russia", None],
        "article_id": ["a1", "a2", "a3", "a4", "a5"],
        "statements": [1, 2, 3, 40, 2],
    }
)  # fmt: skip


def test_binned_counts_add_up_and_mark_a_bar_from_one_article():
    years = charts.binned(MONTHLY, "statements", ["country"], "year").set_index(
        ["period", "country"]
    )
    canada_2016 = years.loc[(pd.Timestamp("2016-01-01"), "Canada")]
    assert (canada_2016["statements"], canada_2016["articles"]) == (5, 2)
    assert not canada_2016["one_article"]
    assert years.loc[(pd.Timestamp("2016-01-01"), "Russia"), "one_article"]  # 40 from a4
    assert years["statements"].sum() == MONTHLY["statements"].sum()


def test_thirteen_years_of_statements_are_yearly_bars_with_whole_ticks_and_a_hatch_key():
    fig = charts.statements_over_time(MONTHLY, SOURCE, {"canada": "#332288", "russia": "#117733"})
    assert fig.layout.title.text.replace("<br>", " ") == "Statements per year, by speaker's country"
    assert fig.layout.yaxis.tickformat == ",d"
    russia = next(t for t in fig.data if t.name == "Russia")
    assert list(russia.marker.pattern.shape) == ["/"]
    assert "from 1 article" in russia.customdata[0]
    assert "hatched: all from one article" in {t.name for t in fig.data}


def test_other_and_no_country_have_colours_far_apart():
    many = pd.DataFrame(
        {
            "month": pd.to_datetime(["2020-01-01"] * 4),
            "country_id": ["canada", "russia", None, "syria"],
            "country": ["Canada", "Russia", None, "Syria"],
            "statements": [5, 4, 3, 1],
        }
    )
    fig = charts.statements_over_time(many, SOURCE, {"canada": "#332288"}, top=3)
    colour = {t.name: t.marker.color for t in fig.data}
    assert colour["other"] == theme.OTHER_GROUP and colour["no country"] == theme.UNKNOWN
    assert colour["other"] != colour["no country"]


def test_labels_of_the_largest_places_grow_inwards_from_the_right_edge():
    by_place = pd.DataFrame(
        {
            "measure": ["people"] * 3,
            "category": ["refugees", "killed", "resettled"],
            "location": ["Syria", "St. Petersburg", "Canada"],
            "largest": [6e6, 16, 34_000],
            "largest_text": ["six million", "16", "34,000"],
            "qualifier": ["more than", None, "about"],
            "figures": [1, 1, 1],
            "articles": [1, 1, 1],
        }
    )
    fig = charts.figures_by_place(by_place, SOURCE)
    position = {t.text[0]: t.textposition[0] for t in fig.data}
    assert position["more than six million"] == "middle left"
    assert position["16"] == "middle right"


def test_a_place_label_never_sits_on_its_dot():
    by_place = pd.DataFrame(
        {
            "measure": ["people"] * 4,
            "category": ["displaced"] * 4,
            "location": ["A", "B", "C", "D"],
            "largest": [1e7, 8e6, 6e6, 1e6],
            "largest_text": ["10 million", "eight million", "6.2 M", "1 million"],
            "figures": [1] * 4,
            "articles": [1] * 4,
        }
    )
    fig = charts.figures_by_place(by_place, SOURCE)
    assert all(p in ("middle left", "middle right") for t in fig.data for p in t.textposition)


def test_most_cited_figures_write_their_qualifier(wh):
    cited = q.most_cited_figures(wh, NONE)
    fig = charts.most_cited_figures(cited, SOURCE)
    assert "at least 705 killed · Sudan" in list(fig.data[0].y)
    assert "over $500 million aid money · Sudan" in list(fig.data[0].y)


def test_time_captions_speak_of_the_bins_the_chart_draws():
    from briefing import views

    caption = views.caption_statements_over_time(MONTHLY)
    assert caption.endswith("busiest year 2016 (45).")
    stances = MONTHLY.rename(columns={"statements": "stances"}).assign(polarity="critical")
    assert views.caption_stances_over_time(stances) == (
        "48 dated stances per year; the peak is 2016 (45)."
    )
