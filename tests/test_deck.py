"""Briefing packs built from a real warehouse: slides, pictures and notes follow the filters.

Uses the fixture warehouse, Debian's chromium (through kaleido) for the pictures and
LibreOffice for the rendering check; each skips when its tool is missing unless
BRIEFING_REQUIRE_TOOLS=1 (set by CI), which turns the skip into a failure.
"""

from __future__ import annotations

import io
import time
from datetime import date

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefing import deck, export, queries, ui, views
from briefing import evidence as briefing_evidence
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.tools import libreoffice_pdf_pages, require_tool

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def renderer():
    require_tool(export.find_browser() is None, "Debian chromium")
    made = export.Renderer()
    yield made
    made.close()


def context(warehouse, filters: Filters | None = None) -> ui.PageContext:
    wh = queries.locate(str(warehouse))
    return ui.build_context(wh, filters or Filters(), queries.filter_options(wh))


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def table_text(slide) -> str:
    return "\n".join(
        cell.text for s in slide.shapes if s.has_table for row in s.table.rows for cell in row.cells
    )


def pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def test_a_stances_pack_under_a_country_filter(fixture_warehouse, renderer):  # noqa: F811
    ctx = context(fixture_warehouse, Filters(countries=("canada",)))
    charts = views.stances(ctx)
    data = deck.build(ctx, "Stances: current view", charts, renderer=renderer, generated=TODAY)
    pres = open_deck(data)
    slides = list(pres.slides)

    # Title, one slide per chart, one sources slide (three articles mention Canada).
    assert len(slides) == 1 + len(charts) + 1
    title = texts(slides[0])
    assert "Briefing: Canada" in title and "Stances: current view" in title
    assert "Filters: country: Canada" in title and "23 November 2026" in title
    assert "3 articles from 2 outlets" in title

    for slide, chart in zip(slides[1:], charts):
        shown = pictures(slide)
        assert len(shown) == 1, chart.key
        assert Image.open(io.BytesIO(shown[0].image.blob)).size == (1920, 1080)
        assert chart.caption in texts(slide)
        said = notes(slide)
        assert said.startswith(f"What it shows: {chart.caption}")
        # The notes read out the rows behind this chart: one from each of its largest marks.
        behind = briefing_evidence.for_notes(chart.rows(), deck.EVIDENCE_PER_SLIDE)
        assert len(behind) >= 1
        for row in behind.itertuples():
            assert row.evidence in said and row.outlet in said
            assert f"{row.source_actor} → {row.target_actor} ({row.polarity})" in said
            assert f"status {row.status}" in said  # machine, confirmed, corrected or added
        assert f"Data: {len(chart.data)} row" in said
    # Only stances of the filtered view reach the notes: Syria's one about Turkey does not.
    assert not any("alert(" in notes(s) for s in slides)

    sources = table_text(slides[-1])
    # Exactly the articles behind the stances shown, as the page counts them.
    expected = set(queries.stances_table(ctx.warehouse, ctx.filters)["article_id"])
    titles = queries.articles_table(ctx.warehouse, Filters()).set_index("article_id")
    listed = sum(len(s.table.rows) - 1 for s in slides[-1].shapes if s.has_table)
    assert listed == len(expected)
    assert ctx.source("stances").count(f"from {len(expected)} article") == 1
    for article in expected:
        assert titles.loc[article, "title"] in sources
    assert "Undated wire copy" not in sources  # an article that does not mention Canada


def test_the_whole_dashboard_pack_holds_every_chart_the_quotes_and_the_sources(
    fixture_warehouse,  # noqa: F811
    renderer,
):
    ctx = context(fixture_warehouse)
    charts = views.whole_dashboard(ctx)
    quotes = deck.quote_slide(ctx)
    data = deck.build(
        ctx, "Whole dashboard", charts, quotes=quotes, renderer=renderer, generated=TODAY
    )
    slides = list(open_deck(data).slides)
    assert len(slides) == 1 + len(charts) + 2 + 1  # five quotes take two slides
    assert sum(len(pictures(s)) for s in slides) == len(charts)
    quote_text = texts(slides[1 + len(charts)]) + texts(slides[2 + len(charts)])
    for row in queries.evidence(ctx.warehouse, ctx.filters, "statements", 8).itertuples():
        assert row.text[:40] in quote_text
    # A <script> from an article is plain text in the deck, never markup.
    assert "<script>alert('owned')</script>" in "\n".join(notes(s) for s in slides) + quote_text


def test_a_pack_without_a_browser_shows_each_chart_as_a_table(
    fixture_warehouse,  # noqa: F811
    monkeypatch,
    tmp_path,
):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    ctx = context(fixture_warehouse)
    charts = views.overview(ctx)
    data = deck.build(ctx, "Overview", charts, renderer=export.Renderer(), generated=TODAY)
    slides = list(open_deck(data).slides)
    assert len(slides) == 1 + len(charts) + 1
    for slide, chart in zip(slides[1:], charts):
        assert not pictures(slide)
        assert "Chart image unavailable" in texts(slide) and "Chromium" in texts(slide)
        assert chart.name in texts(slide)
        if not chart.data.empty:
            assert any(s.has_table for s in slide.shapes)


def test_a_browser_that_hangs_costs_one_timeout_per_pack_not_one_per_chart(
    fixture_warehouse,  # noqa: F811
    monkeypatch,
    tmp_path,
):
    hang = tmp_path / "chromium"
    hang.write_text("#!/bin/sh\nexec sleep 60\n")
    hang.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(hang))
    made = export.Renderer(timeout=2)
    made.start_timeout = 2
    ctx = context(fixture_warehouse)
    charts = views.whole_dashboard(ctx)
    started = time.monotonic()
    data = deck.build(ctx, "Whole dashboard", charts, renderer=made, generated=TODAY)
    assert time.monotonic() - started < 20  # one failed start, not twelve
    slides = list(open_deck(data).slides)
    assert not any(pictures(s) for s in slides)
    assert all("did not start" in texts(s) for s in slides[1 : 1 + len(charts)])


def test_the_statements_pack_follows_the_search(fixture_warehouse):  # noqa: F811
    ctx = context(fixture_warehouse)
    quotes = deck.quote_slide(ctx, "Aleppo")
    assert [q.who for q in quotes.quotes] == ["Canada"]
    data = deck.build(ctx, "Statements", [], quotes=quotes, generated=TODAY)
    slides = list(open_deck(data).slides)
    assert len(slides) == 3
    assert "What was said: “Aleppo”" in texts(slides[1])
    assert "Canada condemned Russia's bombing of Aleppo" in texts(slides[1])


def test_an_empty_view_still_makes_a_deck(fixture_warehouse, renderer):  # noqa: F811
    ctx = context(fixture_warehouse, Filters(date_from=date(1990, 1, 1), date_to=date(1990, 2, 1)))
    charts = views.overview(ctx)
    data = deck.build(ctx, "Overview", charts, renderer=renderer, generated=TODAY)
    slides = list(open_deck(data).slides)
    assert "0 articles" in texts(slides[0])
    assert "No source articles" in texts(slides[-1])


def test_default_topic_names_the_filtered_or_most_mentioned_countries(fixture_warehouse):  # noqa: F811
    assert deck.default_topic(context(fixture_warehouse)).startswith("Briefing: ")
    ctx = context(fixture_warehouse, Filters(countries=("russia", "syria")))
    assert deck.default_topic(ctx) == "Briefing: Russia and Syria"
    assert deck.file_name("Whole dashboard", TODAY) == "briefing-whole-dashboard-2026-11-23.pptx"


def test_libreoffice_renders_the_whole_dashboard_pack(fixture_warehouse, renderer, tmp_path):  # noqa: F811
    ctx = context(fixture_warehouse)
    charts = views.whole_dashboard(ctx)
    data = deck.build(
        ctx,
        "Whole dashboard",
        charts,
        quotes=deck.quote_slide(ctx),
        renderer=renderer,
        generated=TODAY,
    )
    path = tmp_path / "pack.pptx"
    path.write_bytes(data)
    assert libreoffice_pdf_pages(path, tmp_path) == len(open_deck(data).slides)
