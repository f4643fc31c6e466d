"""Every row behind a stance chart: in its downloads (with the sentence and a link to it), in
its slide's speaker notes (that chart's largest marks, not the newest rows of the warehouse)
and, through their articles, on the pack's Sources slides, which agree with the page's count."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from openpyxl import load_workbook

from briefing import deck, evidence, export, queries, ui, views
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401

ABOUT = export.make_credits("All articles (no filters)", 3, "stances", 2, ("Outlet",), None, None)


@pytest.fixture
def ctx(fixture_warehouse):  # noqa: F811
    wh = queries.locate(str(fixture_warehouse))
    return ui.build_context(wh, Filters(), queries.filter_options(wh))


@pytest.mark.parametrize("side", ["country", "actor"])
def test_a_stance_chart_lists_one_row_per_stance_behind_its_counts(ctx, side):
    bars = next(c for c in views.stances(ctx, side) if c.key == "stances_bars")
    rows = bars.rows()
    assert len(rows) == int(bars.data["stances"].sum())
    by_pair = rows.groupby(["source", "target", "polarity"]).size()
    counted = bars.data.set_index(["source", "target", "polarity"])["stances"]
    assert by_pair.sort_index().to_dict() == counted.sort_index().to_dict()
    # Largest marks first, each mark's rows together.
    assert rows["mark_rows"].is_monotonic_decreasing


def test_the_download_holds_the_sentence_article_outlet_date_and_a_link(ctx):
    bars = views.stances(ctx)[0]
    table = evidence.export_frame(bars.rows(), ctx.filters, "http://example.org/app/")
    assert list(table.columns) == evidence.EXPORT_COLUMNS
    assert table["sentence"].notna().all() and table["link"].str.len().gt(0).all()
    first = table.iloc[0]
    link = urlsplit(first["link"])
    assert first["link"].startswith("http://example.org/app/sources?")
    query = parse_qs(link.query)
    assert query["article"] and query["mark"][0].count("-") == 1
    back = pd.read_csv(io.BytesIO(export.csv_bytes(table)))
    assert len(back) == len(table)
    book = load_workbook(io.BytesIO(export.xlsx_bytes(bars.data, bars.name, ABOUT, table)))
    assert book.sheetnames == ["Data", "Evidence", "About"]
    assert book["Evidence"].max_row == len(table) + 1
    assert book["Data"].max_row == len(bars.data) + 1
    header = [c.value for c in book["Evidence"][1]]
    assert header[:8] == ["source", "target", "polarity", "sentence", "article", "outlet",
                          "date", "link"]  # fmt: skip


def test_the_network_download_holds_only_stances_between_its_actors(ctx):
    shown = views.actor_network(ctx, size=10)
    rows = shown.chart.rows()
    actors = set(shown.nodes["name"])
    assert set(rows["source_actor"]) <= actors and set(rows["target_actor"]) <= actors
    assert len(rows) == int(shown.edges["stances"].sum())


def test_each_slide_reads_out_the_rows_behind_its_own_chart(ctx):
    bars, matrix, monthly = views.stances(ctx, "actor")
    network = views.actor_network(ctx).chart
    notes = {c.key: deck.chart_evidence(ctx, c) for c in (bars, monthly, network)}
    for key, items in notes.items():
        assert 1 <= len(items) <= deck.EVIDENCE_PER_SLIDE, key
    # The bars' notes start with the largest pair, one row per pair before any second one.
    rows = bars.rows()
    top = rows.iloc[0]
    assert (
        notes["stances_bars"][0].who == f"{top.source_actor} → {top.target_actor} ({top.polarity})"
    )
    picked = evidence.for_notes(rows, deck.EVIDENCE_PER_SLIDE)
    marks = list(picked["mark"])
    assert len(set(marks)) == min(len(marks), rows["mark"].nunique())
    # The over-time chart reads out its busiest bar first, not the newest stances: the first
    # row's month lies in the period (month, quarter or year, as the chart is binned) with most
    # stances.
    month = pd.Period(monthly.rows().iloc[0]["mark"], "M")
    busiest = monthly.data.groupby("period")["stances"].sum()
    assert (busiest == busiest.max()).sum() == 1
    unit = {"month": "M", "quarter": "Q", "year": "Y"}[monthly.data["unit"].iloc[0]]
    assert month.asfreq(unit) == pd.Period(busiest.idxmax(), unit)


def test_for_notes_takes_one_row_from_each_mark_before_a_second():
    found = pd.DataFrame(
        {"mark": ["a", "a", "a", "b", "b", "c"], "mark_rows": [3, 3, 3, 2, 2, 1],
         "nth": [1, 2, 3, 1, 2, 1]}
    )  # fmt: skip
    assert list(evidence.for_notes(found, 4)["mark"]) == ["a", "b", "c", "a"]


@pytest.mark.parametrize(
    ("page", "subject"),
    [(views.figures, "figures"), (views.events, "events"), (views.stances, "stances")],
)
def test_a_packs_sources_are_the_articles_its_page_counts(ctx, page, subject):
    listed, total = deck.sources(ctx, page(ctx))
    prov = queries.provenance(ctx.warehouse, ctx.filters, subject)
    assert total == len(listed) == prov.articles
    assert f"from {prov.articles} article" in ctx.source(subject)


def test_the_dashboards_address_for_links_in_downloads():
    assert evidence.base_url("http://host:8501/stances?country=x") == "http://host:8501/"
    assert evidence.base_url("https://example.org/app/network") == "https://example.org/app/"
    assert evidence.base_url("http://host:8501/") == "http://host:8501/"
    assert evidence.base_url(None) == "" and evidence.base_url("stances") == ""


def test_the_slide_matrix_keeps_rows_legible_with_fewer_shorter_names(ctx):
    matrix = next(c for c in views.stances(ctx, "actor") if c.key == "stances_matrix")
    heat = matrix.for_slide.data[0]
    assert len(heat.y) <= views.SLIDE_MATRIX and len(heat.x) <= views.SLIDE_MATRIX
    assert max(len(label) for label in [*heat.x, *heat.y]) <= views.SLIDE_MATRIX_LABEL
