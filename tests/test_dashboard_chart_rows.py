"""The rows behind every chart whose marks lead to evidence, not only the stance charts: a
figures or events chart stands for the rows behind its own marks, in its download (one a row,
with its sentence and a link to it) and in its slide's speaker notes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from briefing import deck, evidence, queries, ui, views
from briefing.downloads import MARKED_COLUMNS, marked_rows_frame
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401


@pytest.fixture
def ctx(fixture_warehouse):  # noqa: F811
    wh = queries.locate(str(fixture_warehouse))
    return ui.build_context(wh, Filters(), queries.filter_options(wh))


def test_every_chart_with_evidence_stands_for_the_rows_behind_its_marks(ctx):
    built = [*views.figures(ctx), *views.events(ctx)]
    marked = [c for c in built if c.evidence and not c.data.empty]
    assert len(marked) >= 2
    for chart in marked:
        assert chart.marks, chart.key
        assert list(chart.marks) == list(dict.fromkeys(chart.marks))  # each mark once
        assert all(evidence.parse_key(m) for m in chart.marks)
    spread = next(c for c in built if c.key == "figures_spread")
    if not spread.data.empty:
        behind = evidence.rows(ctx.warehouse, ctx.filters, spread.marks, evidence.EXPORT_ROWS)
        cited = {i for ids in spread.data["figure_ids"] for i in ids}
        assert set(behind["row_id"]) == cited


def test_a_figures_download_holds_each_row_with_its_sentence_and_a_link(ctx):
    chart = next(c for c in views.figures(ctx) if c.evidence and c.marks)
    found = evidence.rows(ctx.warehouse, ctx.filters, chart.marks, evidence.EXPORT_ROWS)
    table = marked_rows_frame(found, ctx.filters, "http://example.org/app/")
    assert list(table.columns) == list(MARKED_COLUMNS.values())
    assert len(table) == len(found) > 0
    assert table["sentence"].notna().all()
    link = urlsplit(table.iloc[0]["link"])
    assert table.iloc[0]["link"].startswith("http://example.org/app/sources?")
    assert parse_qs(link.query)["article"]


def test_two_figure_slides_read_out_the_rows_behind_their_own_charts(ctx):
    notes = {
        c.key: {e.text for e in deck.chart_evidence(ctx, c)} for c in views.figures(ctx) if c.marks
    }
    assert notes and all(notes.values())
    for chart in views.figures(ctx):
        if chart.marks:
            behind = evidence.rows(ctx.warehouse, ctx.filters, chart.marks, evidence.EXPORT_ROWS)
            assert notes[chart.key] <= set(behind["evidence"]), chart.key
