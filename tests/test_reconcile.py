# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Figures reconciled (issue 14): for one quantity, what each source said as of when. A later
count is a change over time, different values for one as-of period are a spread, qualifiers stay
on every value (and a bound is not a disagreement), and the official series is the agency the
category names. The page opens from the URL and from "Which number to brief?"."""

from __future__ import annotations

import io
import json
import math
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from pptx import Presentation

from briefing import deck, evidence, export, quantities, queries, reconcile, ui
from briefing.filters import Filters
from briefing.views import Chart
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import start

SYRIA = "refugees|people|country:syria"
CANADA = "resettled|people|country:canada"
QUANTITY_BOX = "reconcile_quantity"  # the page's select box


def figure(
    figure_id: str,
    value: float,
    text: str,
    as_of: date | None,
    cited_by: str,
    cited_by_id: str | None = None,
    *,
    qualifier: str | None = None,
    category: str = "refugees",
    place: str = "Syria",
    country: str | None = "syria",
    subject: str = "refugees",
    precision: str = "day",
    outlet: str = "The Globe and Mail",
    measure: str = "people",
    currency: str = "",
) -> dict:
    return {
        "figure_id": figure_id,
        "article_id": f"a-{figure_id}",
        "value": float(value),
        "value_text": text,
        "qualifier": qualifier,
        "category": category,
        "subject": subject,
        "place": place,
        "location_country": country,
        "measure": measure,
        "currency": currency,
        "cited_by": cited_by,
        "cited_by_id": cited_by_id,
        "outlet": outlet,
        "as_of": pd.Timestamp(as_of) if as_of else pd.NaT,
        "precision": precision if as_of else None,
        "as_of_label": (
            None
            if as_of is None
            else f"{as_of:%Y}"
            if precision == "year"
            else f"{as_of:%Y-%m}"
            if precision == "month"
            else f"{as_of:%Y-%m-%d}"
        ),
    }


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


# The shipped corpus's two questions: Syria's refugees counted years apart by the UN and UNHCR,
# and Syrians resettled in Canada, 25,000 and about 34,000 in the same year.
SHIPPED = frame(
    figure("un", 3_730_000, "3.73 million", date(2016, 12, 13), "United Nations", "united-nations"),
    figure(
        "unhcr",
        5_600_000,
        "5.6 million",
        date(2020, 11, 11),
        "UNHCR",
        "unhcr",
        qualifier="more than",
    ),
    figure(
        "mccallum",
        25_000,
        "25,000",
        date(2016, 1, 1),
        "John McCallum",
        "john-mccallum",
        category="resettled",
        place="Canada",
        country="canada",
        precision="year",
    ),
    figure(
        "globe",
        34_000,
        "34,000",
        date(2016, 12, 13),
        quantities.NOT_STATED,
        category="resettled",
        place="Canada",
        country="canada",
        qualifier="about",
    ),
)


# --- the pure pieces ----------------------------------------------------------------------


def test_the_quantity_is_the_one_quantities_defines():
    same = frame(
        figure("a", 10, "10", date(2020, 1, 1), "X", place="US", country="united-states"),
        figure(
            "b", 12, "12", date(2020, 1, 2), "Y", place="United States", country="united-states"
        ),
        figure(
            "c",
            5,
            "5",
            date(2020, 1, 2),
            "Z",
            subject="US soldiers",
            place="US",
            country="united-states",
        ),
        figure(
            "d",
            5,
            "$5 million",
            date(2020, 1, 2),
            "Z",
            category="aid_money",
            measure="money",
            currency="$",
        ),
    )
    keys = reconcile.keyed(same)["quantity_key"].tolist()
    assert keys[0] == keys[1] == "refugees|people|country:united-states"
    assert keys[2] == "refugees|soldiers and police|country:united-states"  # other people
    assert keys[3] == "aid_money|money $|country:syria"
    # The key is the same Quantity briefing.quantities compares on "Which number to brief?".
    assert reconcile.quantity_key(quantities.quantity_of(same.iloc[0])) == keys[0]


def test_a_later_count_is_a_change_over_time_not_a_disagreement():
    found = reconcile.points(SHIPPED, SYRIA)
    assert found["period_label"].tolist() == ["Dec 2016", "Nov 2020"]
    assert set(found["verdict"]) == {reconcile.ONE_FIGURE}
    assert not (reconcile.spreads(found)["verdict"] == reconcile.DISAGREE).any()
    changed = reconcile.over_time(found)
    assert len(changed) == 1
    row = changed.iloc[0]
    assert (row["from_period"], row["to_period"]) == ("Dec 2016", "Nov 2020")
    assert row["from_said"] == "3.73 million (United Nations)"
    assert row["to_said"] == "more than 5.6 million (UNHCR)"
    assert row["change"] == pytest.approx(5.6 / 3.73 - 1)
    # Two different sources: two counts to compare with care, not one source's change.
    assert row["same_sources"] == "" and row["sources"] == "United Nations, then UNHCR"


def test_different_values_for_one_as_of_period_are_a_spread():
    found = reconcile.points(SHIPPED, CANADA)
    assert found["period"].nunique() == 1  # 2016 and 13 December 2016 are one period
    band = reconcile.spreads(found)
    assert len(band) == 1
    row = band.iloc[0]
    assert row["verdict"] == reconcile.DISAGREE
    assert (row["low"], row["high"]) == (25_000, 34_000)
    assert (row["low_shown"], row["high_shown"]) == ("25,000", "about 34,000")
    assert row["said"] == "25,000 (John McCallum); about 34,000 (source not stated)"
    assert (row["values"], row["sources"]) == (2, 2)
    assert reconcile.over_time(found).empty  # one period: nothing changed over time


def test_qualifiers_stay_on_every_value_and_a_bound_is_not_a_disagreement():
    rows = frame(
        figure(
            "a", 5_000_000, "5 million", date(2021, 3, 1), "UNHCR", "unhcr", qualifier="more than"
        ),
        figure("b", 5_600_000, "5.6 million", date(2021, 3, 9), "IOM", "iom"),
    )
    found = reconcile.points(rows, SYRIA)
    assert found["shown"].tolist() == ["more than 5 million", "5.6 million"]
    band = reconcile.spreads(found).iloc[0]
    assert band["verdict"] == reconcile.COMPATIBLE
    assert band["low_shown"] == "more than 5 million"
    # An upper bound below the other value is a real disagreement.
    rows.loc[0, "qualifier"] = "fewer than"
    assert reconcile.spreads(reconcile.points(rows, SYRIA)).iloc[0]["verdict"] == (
        reconcile.DISAGREE
    )


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        (None, (100.0, 100.0)),
        ("more than", (100.0, math.inf)),
        ("at least", (100.0, math.inf)),
        ("up to", (0.0, 100.0)),
        ("nearly", (90.0, 100.0)),
        ("about", (90.0, 110.00000000000001)),
        ("a further", (100.0, 100.0)),
    ],
)
def test_a_qualifier_says_which_values_a_figure_allows(qualifier, expected):
    assert reconcile.interval(100.0, qualifier) == pytest.approx(expected)


def test_the_same_value_from_two_sources_agrees_and_the_same_source_later_is_a_change():
    rows = frame(
        figure("a", 5_600_000, "5.6 million", date(2020, 11, 11), "UNHCR", "unhcr"),
        figure("b", 5_600_000, "5.6m", date(2020, 11, 20), "Reuters tally", "reuters"),
        figure("c", 6_600_000, "6.6 million", date(2022, 2, 1), "UNHCR", "unhcr"),
    )
    found = reconcile.points(rows, SYRIA)
    band = reconcile.spreads(found)
    assert band["verdict"].tolist() == [reconcile.AGREE, reconcile.ONE_FIGURE]
    changed = reconcile.over_time(found).iloc[0]
    assert changed["same_sources"] == "UNHCR" and changed["sources"] == "UNHCR both times"
    assert changed["change"] == pytest.approx(1_000_000 / 5_600_000)
    # Two figures with no source stated are not one source's change.
    unstated = rows.assign(cited_by=quantities.NOT_STATED, cited_by_id=None)
    changed = reconcile.over_time(reconcile.points(unstated, SYRIA)).iloc[0]
    assert changed["same_sources"] == ""
    assert changed["sources"] == "source not stated, then source not stated"


def test_one_point_per_period_source_and_value_with_every_figure_behind_it():
    rows = frame(
        figure(
            "a",
            5_600_000,
            "5.6 million",
            date(2020, 11, 11),
            "UNHCR",
            "unhcr",
            qualifier="more than",
        ),
        figure(
            "b",
            5_600_000,
            "5.6 million",
            date(2020, 11, 12),
            "UNHCR",
            "unhcr",
            qualifier="more than",
            outlet="CBC",
        ),
    )
    found = reconcile.points(rows, SYRIA)
    assert len(found) == 1
    row = found.iloc[0]
    assert row["citations"] == 2 and sorted(row["figure_ids"]) == ["a", "b"]
    assert row["outlets"] == "The Globe and Mail, CBC"
    assert row["as_of_label"] == "2020-11-11"  # the earliest as-of date of the point


def test_the_official_series_is_the_agency_the_category_names():
    assert reconcile.reference(reconcile.points(SHIPPED, SYRIA)) == ("unhcr", "UNHCR")
    # No agency of the category cited (a minister, an unstated source): no reference line.
    assert reconcile.reference(reconcile.points(SHIPPED, CANADA)) is None
    displaced = frame(
        figure(
            "a", 6_000_000, "6 million", date(2020, 1, 1), "UNHCR", "unhcr", category="displaced"
        ),
        figure("b", 6_200_000, "6.2 million", date(2020, 1, 5), "IOM", "iom", category="displaced"),
    )
    found = reconcile.points(displaced, "displaced|people|country:syria")
    assert reconcile.reference(found) == ("iom", "IOM")  # IOM counts the displaced first
    # Its series: one reading per period, the most cited there.
    series = reconcile.reference_series(reconcile.points(SHIPPED, SYRIA), "unhcr")
    assert series["shown"].tolist() == ["more than 5.6 million"]


def test_undated_figures_are_counted_not_placed_in_time():
    rows = frame(
        figure(
            "a", 3_600_000, "3.6 million", None, "UNHCR", "unhcr", place="Turkey", country="turkey"
        ),
        figure(
            "b",
            3_700_000,
            "3.7 million",
            date(2021, 1, 1),
            "UNHCR",
            "unhcr",
            place="Turkey",
            country="turkey",
        ),
    )
    found = reconcile.points(rows, "refugees|people|country:turkey")
    assert found["figure_ids"].tolist() == [["b"]]
    assert found.attrs["undated"] == 1 and found.attrs["undated_ids"] == ["a"]


def test_quantities_with_something_to_reconcile_come_first():
    listed = reconcile.choices(
        pd.concat([SHIPPED, frame(figure("t", 16, "16", date(2017, 4, 1), "X", category="killed"))])
    )
    assert listed["quantity_key"].tolist()[:2] == [SYRIA, CANADA]
    assert listed.set_index("quantity_key").loc[SYRIA, "periods"] == 2
    assert listed.set_index("quantity_key").loc[CANADA, "values"] == 2


def test_which_number_to_brief_links_each_quantity_it_shows():
    spread = quantities.compared(SHIPPED.rename(columns={"place": "location"}))
    assert reconcile.keys_of_spread(spread, SHIPPED) == {CANADA: "resettled · people · Canada"}
    link = reconcile.link(CANADA, Filters(countries=("canada",)))
    path, query = link.split("?")
    assert path == "reconcile"
    assert parse_qs(query) == {"country": ["canada"], "quantity": [CANADA]}
    assert "quantity" not in reconcile.link(None)


def test_the_chart_shows_spreads_sources_qualifiers_and_the_reference_line():
    found = reconcile.points(SHIPPED, SYRIA)
    fig = reconcile.figure(found, "refugees", "Source: test")
    names = [t.name for t in fig.data]
    assert "United Nations" in names and "UNHCR (official series)" in names
    reference = next(t for t in fig.data if str(t.name).startswith("reference"))
    assert reference.line.dash == "dash" and set(reference.y) == {5_600_000}
    assert "more than 5.6 million" in reference.text
    labels = " ".join(
        t for trace in fig.data if trace.mode and "text" in trace.mode for t in trace.text
    )
    assert "more than 5.6 million" in labels and "3.73 million" in labels
    # Every point carries its figures' ids: a click lists their sentences.
    keys = [
        evidence.parse_key(row[-1])
        for trace in fig.data
        if trace.customdata is not None
        for row in trace.customdata
    ]
    assert {tuple(k["ids"]) for k in keys} == {("un",), ("unhcr",)}

    spread = reconcile.figure(reconcile.points(SHIPPED, CANADA), "resettled", "Source: test")
    band = [t for t in spread.data if t.fill == "toself"]
    assert len(band) == 1 and min(band[0].y) == 25_000 and max(band[0].y) == 34_000
    assert "about 34,000" in band[0].text


def test_article_text_in_a_label_is_inert():
    rows = frame(figure("x", 10, "<b>10</b>", date(2020, 1, 1), "<script>x</script>"))
    fig = reconcile.figure(reconcile.points(rows, SYRIA), "refugees · people · <b>x</b>", "s")
    assert "<b>" not in fig.layout.title.text
    assert not any("<script>" in str(t.name) for t in fig.data)
    assert all("<b>10</b>" not in str(t.text) for t in fig.data)


def test_the_summary_says_disagreement_change_and_the_official_value():
    said = reconcile.summary(reconcile.points(SHIPPED, SYRIA), "refugees · people · Syria")
    assert "no two sources disagree at the same time" in said
    assert "first 3.73 million (Dec 2016), latest more than 5.6 million (Nov 2020)" in said
    assert "UNHCR's latest: more than 5.6 million as of 2020-11-11" in said
    said = reconcile.summary(reconcile.points(SHIPPED, CANADA), "resettled · people · Canada")
    assert "sources disagree in 1 (widest 2016: 25,000 to about 34,000)" in said


# --- the page (AppTest) -------------------------------------------------------------------


def test_the_page_opens_on_the_quantity_in_the_url(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, quantity=SYRIA)  # a link followed
    at.switch_page("pages/reconcile.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key=QUANTITY_BOX).value == SYRIA
    shown = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "Every figure of refugees · people · Syria" in shown
    # Both sentences behind the quantity are listed beneath, as plain text.
    texts = [t.value for t in at.text]
    assert any("3.73 million people have fled Syria" in t for t in texts)
    assert any("More than 5.6 million people" in t for t in texts)
    tables = [t.value for t in at.dataframe]
    assert any(
        "more than 5.6 million (UNHCR)" in " ".join(map(str, t.to_numpy().ravel())) for t in tables
    )


def test_an_unknown_quantity_in_the_url_is_said_and_the_first_one_shown(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch, quantity="refugees|people|atlantis")
    at.switch_page("pages/reconcile.py").run()
    assert not at.exception
    assert any("not among the figures" in w.value for w in at.warning)
    assert at.selectbox(key=QUANTITY_BOX).value == SYRIA


def test_the_figures_page_links_to_the_reconciled_view(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/figures.py").run()
    assert not at.exception
    links = [m.value for m in at.markdown if "Over time, by source" in m.value]
    assert len(links) == 1
    target = links[0].split("](", 1)[1].rstrip(")")
    assert urlsplit(target).path == "reconcile"


def test_a_point_mark_is_the_figure_ids_kind_evidence_reads():
    found = reconcile.points(SHIPPED, CANADA)
    fig = reconcile.figure(found, "t", "s")
    marks = [
        row[-1] for trace in fig.data if trace.customdata is not None for row in trace.customdata
    ]
    keys = [json.loads(m) for m in marks]
    assert all(k["kind"] == "figures" and k["ids"] for k in keys)
    assert evidence._subject_sql(keys[0])[0] == "figures"


# --- the briefing pack --------------------------------------------------------------------


class NoBrowser(export.Renderer):
    """A renderer on a machine without Chromium: the pack shows the chart's data instead."""

    def missing(self) -> str | None:
        return "no browser in this test"


def test_the_pack_reads_out_this_quantitys_figures_and_lists_their_articles(fixture_warehouse):
    wh = queries.locate(str(fixture_warehouse))
    ctx = ui.build_context(wh, Filters(), queries.filter_options(wh))
    found = reconcile.points(reconcile.quantity_figures(wh, ctx.filters), SYRIA)
    chart = Chart(
        "reconcile",
        "Figures reconciled",
        reconcile.figure(found, "refugees · people · Syria", "s"),
        reconcile.export_frame(found),
        "figures",
        reconcile.summary(found, "refugees · people · Syria"),
        evidence=True,
        marks=(reconcile.every_figure(found),),
    )
    renderer = NoBrowser()
    data = deck.build(ctx, "Figures reconciled", [chart], renderer=renderer)
    slides = list(Presentation(io.BytesIO(data)).slides)
    said = slides[1].notes_slide.notes_text_frame.text
    assert "3.73 million people have fled Syria" in said
    assert "More than 5.6 million people have fled Syria" in said
    assert "Turkey hosts" not in said  # another quantity's figure
    assert "refugees in Syria, cited by UNHCR" in said
    listed = "\n".join(
        cell.text
        for s in slides[-1].shapes
        if s.has_table
        for row in list(s.table.rows)[1:]
        for cell in row.cells
    )
    titles = queries.articles_table(wh, Filters()).set_index("article_id")["title"]
    assert titles["a-aleppo"] in listed and titles["a-conference"] in listed
    assert titles["a-script"] not in listed  # Turkey's article
