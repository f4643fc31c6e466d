"""Briefing packs: the deck opens, has the slides the content calls for, carries the pictures,
captions, evidence and sources, survives hostile article text, and LibreOffice can render it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from briefing.pack import ChartSlide, Evidence, Pack, QuoteSlide, Source, build
from tests.tools import libreoffice_pdf_pages


def png(colour: str = "white") -> bytes:
    out = BytesIO()
    Image.new("RGB", (1920, 1080), colour).save(out, format="PNG")
    return out.getvalue()


def stance_rows(count: int = 14) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": [f"Country {i}" for i in range(count)],
            "target": ["Russia"] * count,
            "stances": [1000 + i for i in range(count)],
        }
    )


def quote(number: int, text: str | None = None) -> Evidence:
    return Evidence(
        "quote",
        text or f"Quote number {number} about Aleppo.",
        "Stéphane Dion",
        "CBC",
        "2016-02-05",
    )


def sources(count: int) -> tuple[Source, ...]:
    return tuple(
        Source("Reuters", "2016-02-05", f"Article {i}", f"https://example.org/{i}")
        for i in range(count)
    )


def make_pack(slides=(), source_count: int = 3) -> Pack:
    return Pack(
        topic="Syria: who criticises whom",
        scope="Stances — current view",
        filters="Filters: 2016-01-01 to 2016-12-31; countries: Canada",
        generated=date(2026, 11, 23),
        summary="12 articles from 4 outlets, 2015-10 to 2020-11",
        slides=tuple(slides),
        sources=sources(source_count),
    )


def open_deck(pack: Pack):
    return Presentation(BytesIO(build(pack)))


def slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def tables(slide) -> list:
    return [shape.table for shape in slide.shapes if shape.has_table]


CHART = ChartSlide(
    "Stances by country",
    "Who was critical of whom, by number of reported stances.",
    png("navy"),
    stance_rows(),
    (
        Evidence("stance", "Canada condemned the strikes.", "Canada → Russia", "CBC", "2016-02-05"),
        Evidence("figure", "4.6 million refugees have fled.", "UNHCR", "Reuters", "2015-10"),
    ),
)
NO_IMAGE = ChartSlide(
    "Network of stances",
    "Who talks about whom.",
    None,
    stance_rows(),
    problem="Chart image unavailable: kaleido could not start a browser.",
)


def test_deck_is_16_by_9_with_one_slide_per_item():
    deck = open_deck(make_pack([CHART, NO_IMAGE, QuoteSlide("Statements", (quote(1),))]))

    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    assert len(deck.slides) == 1 + 2 + 1 + 1


def test_title_slide_names_topic_scope_filters_and_date():
    text = slide_text(open_deck(make_pack()).slides[0])

    for expected in (
        "Syria: who criticises whom",
        "Stances — current view",
        "Filters: 2016-01-01 to 2016-12-31; countries: Canada",
        "12 articles from 4 outlets",
        "Generated 23 November 2026",
    ):
        assert expected in text


def test_chart_slide_has_its_picture_caption_and_evidence_notes():
    slide = open_deck(make_pack([CHART])).slides[1]

    [picture] = pictures(slide)
    assert picture.image.blob == CHART.image
    assert picture.width / picture.height == pytest.approx(16 / 9, rel=0.01)
    assert CHART.caption in slide_text(slide)
    text = notes(slide)
    assert text.startswith(f"What it shows: {CHART.caption}")
    for item in CHART.evidence:
        assert item.text in text and item.outlet in text and item.when in text
    assert "Data: 14 rows" in text


def test_chart_without_evidence_says_so_in_the_notes():
    chart = ChartSlide("Figures", "Figures over time.", png(), stance_rows(1))

    text = notes(open_deck(make_pack([chart])).slides[1])

    assert "No evidence rows under these filters." in text
    assert "Data: 1 row;" in text


def test_chart_without_image_shows_problem_and_first_rows_as_a_table():
    slide = open_deck(make_pack([NO_IMAGE])).slides[1]

    assert pictures(slide) == []
    text = slide_text(slide)
    assert "Network of stances" in text
    assert "Chart image unavailable: kaleido could not start a browser." in text
    [table] = tables(slide)
    assert len(table.rows) == 1 + 8
    assert [cell.text for cell in table.rows[0].cells] == ["source", "target", "stances"]
    assert [cell.text for cell in table.rows[1].cells] == ["Country 0", "Russia", "1,000"]
    assert "Data: 14 rows" in notes(slide)


def test_table_cells_format_numbers_dates_and_missing_values():
    data = pd.DataFrame(
        {
            "count": [1234567, None],
            "share": [0.25, float("nan")],
            "day": pd.to_datetime(["2016-02-05", None]),
            "text": ["x" * 200, None],
        }
    )
    chart = ChartSlide("Figures", "Figures.", None, data, problem="Chart image unavailable.")

    [table] = tables(open_deck(make_pack([chart])).slides[1])

    first = [cell.text for cell in table.rows[1].cells]
    assert first[:3] == ["1,234,567", "0.25", "2016-02-05"]
    assert first[3].endswith("…") and len(first[3]) <= 60
    assert [cell.text for cell in table.rows[2].cells] == ["", "", "", ""]


def test_chart_without_image_or_rows_says_there_are_none():
    chart = ChartSlide(
        "Events", "Events.", None, pd.DataFrame(), problem="Chart image unavailable."
    )

    slide = open_deck(make_pack([chart])).slides[1]

    assert tables(slide) == [] and pictures(slide) == []
    assert "No rows under these filters." in slide_text(slide)


def test_unreadable_image_falls_back_to_the_table():
    chart = ChartSlide("Stances", "Stances.", b"not a png", stance_rows())

    slide = open_deck(make_pack([chart])).slides[1]

    assert pictures(slide) == [] and len(tables(slide)) == 1
    assert "Chart image unavailable" in slide_text(slide)


def test_quotes_continue_four_to_a_slide_with_full_text_in_notes():
    long_quote = "We will not stand by. " * 30
    quotes = (quote(1, long_quote), *(quote(n) for n in range(2, 7)))

    deck = open_deck(make_pack([QuoteSlide("Statements", quotes)]))

    first, second = deck.slides[1], deck.slides[2]
    assert len(deck.slides) == 1 + 2 + 1
    assert "Statements" in slide_text(first)
    assert "Statements (cont.)" in slide_text(second)
    assert "Quote number 6" in slide_text(second)
    assert "…" in slide_text(first)  # the long quote is shortened on the slide
    assert long_quote.strip() in notes(first)  # and whole in the notes
    assert "Stéphane Dion, CBC, 2016-02-05" in slide_text(first)


@pytest.mark.parametrize(
    ("count", "source_slides"), [(0, 1), (1, 1), (12, 1), (13, 2), (30, 3), (60, 5), (100, 5)]
)
def test_sources_are_paginated_twelve_to_a_slide_up_to_five(count, source_slides):
    deck = open_deck(make_pack(source_count=count))

    assert len(deck.slides) == 1 + source_slides
    last = slide_text(deck.slides[-1])
    if count == 0:
        assert "No source articles under these filters." in last
    if count == 100:
        assert "… and 40 more articles." in last
    else:
        assert "more articles" not in last


def test_a_capped_source_list_counts_every_article_of_the_view():
    # The dashboard lists at most 200 sources; the view may hold 1,000 articles.
    pack = replace(make_pack(source_count=100), source_total=1000)
    assert "… and 940 more articles." in slide_text(open_deck(pack).slides[-1])


def test_sources_table_links_titles_to_their_urls():
    deck = open_deck(make_pack(source_count=13))

    [table] = tables(deck.slides[1])
    assert [cell.text for cell in table.rows[0].cells] == ["Outlet", "Published", "Title"]
    assert [cell.text for cell in table.rows[1].cells] == ["Reuters", "2016-02-05", "Article 0"]
    run = table.cell(1, 2).text_frame.paragraphs[0].runs[0]
    assert run.hyperlink.address == "https://example.org/0"
    assert "Sources (cont.)" in slide_text(deck.slides[2])


def test_only_web_urls_become_links():
    pack = make_pack()
    pack = Pack(**{**pack.__dict__, "sources": (Source("X", None, "T", "javascript:alert(1)"),)})

    [table] = tables(open_deck(pack).slides[1])

    assert table.cell(1, 2).text_frame.paragraphs[0].runs[0].hyperlink.address is None


def test_hostile_article_text_stays_text_and_the_file_opens():
    hostile = "<script>alert('x')</script> bell\x07 nul\x00 & </a:t>"
    chart = ChartSlide(hostile, hostile, None, pd.DataFrame({"c": [hostile]}), (quote(1, hostile),))

    deck = open_deck(make_pack([chart, QuoteSlide(hostile, (quote(1, hostile),))]))

    expected = "<script>alert('x')</script> bell nul & </a:t>"
    assert expected in slide_text(deck.slides[2])
    assert expected in notes(deck.slides[1])
    assert "\x00" not in notes(deck.slides[1]) and "\x07" not in slide_text(deck.slides[2])


def test_libreoffice_renders_one_page_per_slide(tmp_path):
    pack = make_pack([CHART, NO_IMAGE, QuoteSlide("Statements", (quote(1),))], source_count=13)
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(build(pack))
    assert libreoffice_pdf_pages(deck, tmp_path) == 1 + 2 + 1 + 2


def test_every_slide_uses_arial_at_projector_sizes_inside_the_slide():
    long_text = "Intergovernmental negotiations regarding the ceasefire " * 20
    chart = ChartSlide(long_text, long_text, png(), stance_rows(), (quote(1, long_text),))
    deck = open_deck(make_pack([chart, NO_IMAGE, QuoteSlide(long_text, (quote(1, long_text),))]))

    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= deck.slide_width
            assert shape.top + shape.height <= deck.slide_height
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            runs = [run for frame in frames for p in frame.paragraphs for run in p.runs]
            for run in runs:
                assert run.font.name == "Arial"
                assert run.font.size.pt >= 14
