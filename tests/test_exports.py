"""Chart exports: slide figures, credits, CSV/Excel downloads and the browser renderer.

The renderer tests use Debian's chromium through kaleido (a real browser, no mocks); they skip
when it is missing, unless BRIEFING_REQUIRE_TOOLS=1 (set by CI) turns the skip into a failure.
"""

from __future__ import annotations

import io
import stat
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image

from briefing import charts, export, theme, ui, views
from briefing import queries as q
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.tools import require_tool

ABOUT = export.Credits("Filters: countries: Russia", "Source: briefing warehouse · test")


def require_browser() -> None:
    require_tool(export.find_browser() is None, "Debian chromium")


@pytest.fixture(scope="module")
def renderer():
    require_browser()
    made = export.Renderer()
    yield made
    made.close()


@pytest.fixture
def ctx(fixture_warehouse):  # noqa: F811
    wh = q.locate(str(fixture_warehouse))
    return ui.build_context(wh, Filters(), q.filter_options(wh))


def balance_figure():
    df = pd.DataFrame({"polarity": ["critical", "supportive"], "stances": [5, 2]})
    return charts.stance_balance(df, "Source: briefing warehouse · 7 stances from 3 articles")


# --- slide figures -------------------------------------------------------------------------------


def test_a_slide_figure_is_16_9_with_projector_type_and_the_new_credits():
    screen = balance_figure()
    slide = export.slide_figure(screen, ABOUT)
    assert (slide.layout.width, slide.layout.height) == theme.SLIDE_LAYOUT
    assert slide.layout.width / slide.layout.height == pytest.approx(16 / 9)
    assert slide.layout.title.text == screen.layout.title.text == "Balance of stances"
    assert slide.layout.title.subtitle.text == ABOUT.subtitle
    assert slide.layout.font.size == theme.SLIDE.body > theme.SCREEN.body
    assert slide.layout.title.font.size == theme.SLIDE.title
    sources = [a for a in slide.layout.annotations if a.name == charts.SOURCE_ANNOTATION]
    assert [a.text for a in sources] == [ABOUT.source]
    # The page's figure is not touched.
    assert screen.layout.width is None
    assert [a.text for a in screen.layout.annotations if a.name == "source"] == [
        "Source: briefing warehouse · 7 stances from 3 articles"
    ]


def test_text_on_marks_grows_for_the_slide():
    screen = charts.figures_by_place(
        pd.DataFrame(
            {
                "measure": ["people"],
                "currency": [""],
                "category": ["refugees"],
                "location": ["Syria"],
                "largest": [5.6e6],
                "largest_text": ["5.6 million"],
                "figures": [2],
                "articles": [2],
            }
        ),
        "Source: x",
    )
    slide = charts.for_slide(screen, "No filters", "Source: y")
    before = [t.textfont.size for t in screen.data if t.textfont.size]
    after = [t.textfont.size for t in slide.data if t.textfont.size]
    assert before and all(a > b for a, b in zip(after, before))


def test_an_empty_chart_still_exports_with_its_message():
    empty = charts.empty_figure("Balance of stances", "Source: nothing")
    slide = export.slide_figure(empty, ABOUT)
    texts = [a.text for a in slide.layout.annotations]
    assert ABOUT.source in texts
    assert any("No rows under these filters" in t for t in texts)


def test_credits_name_outlets_dates_articles_and_the_day_made():
    about = export.make_credits(
        "No filters",
        14,
        "stances",
        5,
        ("CBC News", "RT", "The Globe and Mail", "TASS", "Reuters", "AP"),
        "2015-10",
        "2020-11-11",
        date(2026, 11, 23),
    )
    assert about.subtitle == "All articles (no filters)"
    assert about.source == (
        "Source: briefing warehouse · 14 stances from 5 articles · outlets: CBC News, RT, "
        "The Globe and Mail, TASS +2 · 2015-10 to 2020-11-11 · generated 23 Nov 2026"
    )
    one = export.make_credits("Filters: outlet: RT", 1, "figures", 1, ("RT",), None, None)
    assert "1 figure from 1 article ·" in one.source and "outlet: RT" in one.source
    assert "undated" in one.source and one.subtitle == "Filters: outlet: RT"


def test_credits_for_a_view_follow_its_filters(ctx):

    about = ctx.credits("stances", date(2026, 11, 23))
    assert "7 stances from 4 articles" in about.source
    assert "generated 23 Nov 2026" in about.source
    narrowed = ui.build_context(ctx.warehouse, Filters(outlets=("CBC News",)), ctx.options)
    about = narrowed.credits("stances")
    assert "1 stance from 1 article ·" in about.source and "outlet: CBC News" in about.source
    assert about.subtitle == "Filters: outlet: CBC News"


# --- data downloads ------------------------------------------------------------------------------


def test_csv_defuses_formulas_but_keeps_numbers_and_plain_text():
    df = pd.DataFrame(
        {"quote": ['=HYPERLINK("http://x")', "+1 call", "plain", None], "n": [1, -2, 3, 4]}
    )
    text = export.csv_bytes(df).decode("utf-8")
    assert "'=HYPERLINK" in text and "'+1 call" in text
    assert "\nplain,3\n" in text and ",-2\n" in text


def test_excel_keeps_text_as_text_and_carries_the_credits():
    df = pd.DataFrame(
        {
            "quote": ["=cmd|' /C calc'!A0", "Canada \x07condemned"],
            "value": [5.6e6, 25000],
            "when": [pd.Timestamp("2016-12-13"), pd.NaT],
            "participants": [["canada", "russia"], []],
            "count": pd.array([1, None], dtype="Int64"),
        }
    )
    book = load_workbook(io.BytesIO(export.xlsx_bytes(df, "Most cited figures", ABOUT)))
    data = book["Data"]
    assert [c.value for c in data[1]] == ["quote", "value", "when", "participants", "count"]
    assert data["A2"].value == "=cmd|' /C calc'!A0" and data["A2"].data_type == "s"
    assert data["A3"].value == "Canada condemned"
    assert data["B2"].value == 5.6e6 and data["B3"].value == 25000
    assert data["C2"].value.date() == date(2016, 12, 13) and data["C3"].value is None
    assert data["D2"].value == "canada; russia"
    assert data["E2"].value == 1 and data["E3"].value is None
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about == {
        "Chart": "Most cited figures",
        "Filters": ABOUT.subtitle,
        "Source": ABOUT.source,
    }


def test_every_view_chart_exports_its_data(ctx):
    for chart in views.whole_dashboard(ctx):
        book = load_workbook(io.BytesIO(export.xlsx_bytes(chart.data, chart.name, ABOUT)))
        assert book["Data"].max_row == len(chart.data) + 1, chart.key
        back = pd.read_csv(io.BytesIO(export.csv_bytes(chart.data)))
        assert len(back) == len(chart.data), chart.key


# --- images --------------------------------------------------------------------------------------


def test_png_is_1920_by_1080(renderer):
    png = export.png_bytes(balance_figure(), ABOUT, renderer)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1920, 1080)


def test_svg_parses_and_carries_the_title_and_credits(renderer):
    svg = export.svg_bytes(balance_figure(), ABOUT, renderer)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert (root.get("width"), root.get("height")) == ("960", "540")
    text = " ".join(t for t in root.itertext())
    assert "Balance of stances" in text and ABOUT.subtitle in text
    assert "Source: briefing warehouse" in text


def test_every_dashboard_chart_renders_for_a_slide(renderer, ctx):
    started = time.monotonic()
    charts_ = views.whole_dashboard(ctx)
    for chart in charts_:
        png = export.png_bytes(chart.figure, ABOUT, renderer)
        assert Image.open(io.BytesIO(png)).size == (1920, 1080), chart.key
    assert len(charts_) >= 10
    # Not a speed test (see benchmarks/bench_export.py); a warm browser must not restart per chart.
    assert time.monotonic() - started < 120


def test_no_browser_is_a_clear_message_not_a_crash(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    made = export.Renderer()
    reason = made.unavailable()
    assert reason and "Chromium" in reason and "no-such-chromium" in reason
    with pytest.raises(export.ExportError, match="Chromium"):
        export.png_bytes(balance_figure(), ABOUT, made)


def running(marker: str) -> list[str]:
    """Command lines of live processes that mention `marker`."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                line = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                state = (proc / "stat").read_text().split()[2]
            except OSError:
                continue
            if marker in line and state != "Z":
                found.append(line)
    return found


def test_a_hanging_browser_times_out_and_is_reported(monkeypatch, tmp_path):
    hang = tmp_path / "chromium"
    hang.write_text("#!/bin/sh\nexec sleep 60\n")
    hang.chmod(hang.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("BROWSER_PATH", str(hang))
    made = export.Renderer(timeout=2)
    made.start_timeout = 3
    started = time.monotonic()
    with pytest.raises(export.ExportError) as error:
        export.png_bytes(balance_figure(), ABOUT, made)
    assert time.monotonic() - started < 30
    assert str(hang) in str(error.value)
    # The data buttons do not depend on any of this.
    # The page can say why; the browser is there, so the buttons stay for a retry.
    assert made.recent_failure() == made.unavailable() == str(error.value)
    assert made.missing() is None
    assert export.csv_bytes(pd.DataFrame({"a": [1]}))
    # The abandoned browser is closed, not left running.
    deadline = time.monotonic() + 15
    while running(str(hang)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert running(str(hang)) == []


def test_article_markup_in_a_chart_is_shown_as_text_not_drawn(renderer):
    evil = '<a href="https://evil.example/x">Canada</a>'
    style = '<span style="font-size:80px;fill:red">TASS</span>'
    df = pd.DataFrame(
        {
            "source": [evil],
            "target": ["Russia"],
            "source_id": ["canada"],
            "target_id": ["russia"],
            "polarity": ["critical"],
            "stances": [3],
        }
    )
    figure = charts.stance_bars(df, f"Source: briefing warehouse · outlets: {style}")
    assert df["source"].iloc[0] == evil  # the caller's frame (the CSV) keeps the text as written
    about = export.make_credits(f"Filters: outlet: {style}", 3, "stances", 1, (style,), None, None)
    svg = export.svg_bytes(figure, about, renderer)
    root = ET.fromstring(svg)
    links = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "a"]
    assert links == []
    assert not any("80px" in (e.get("style") or "") for e in root.iter())  # no injected style
    words = " ".join(root.itertext())
    assert '<a href="https://evil.' in words and "TASS</span>" in words


def test_the_renderer_recovers_after_a_failure(renderer, monkeypatch):
    require_browser()
    with pytest.raises(export.ExportError, match="failed"):
        renderer.render(balance_figure(), "bmp")  # kaleido refuses the format
    png = export.png_bytes(balance_figure(), ABOUT, renderer)
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)
    assert renderer.unavailable() is None


def test_find_browser_prefers_browser_path(monkeypatch, tmp_path):
    fake = tmp_path / "chrome"
    fake.write_text("")
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert export.find_browser() == str(fake)
    monkeypatch.setenv("BROWSER_PATH", str(Path(tmp_path) / "missing"))
    assert export.find_browser() is None
