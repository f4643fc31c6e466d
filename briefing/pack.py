"""Briefing packs: a PowerPoint deck of the current view, built with python-pptx.

A deck is a title slide, a "What changed" slide when the view is limited to what is new since a
day, one slide per chart (its slide-sized picture and a caption of what it
shows, with the evidence behind it in the speaker notes), optional quote slides, and closing
slides listing the source articles. Everything here is pure: the caller (the dashboard, a test,
the benchmark) gathers the content and the pictures; this module lays them out.

Laid out for a projector: 16:9, Arial, nothing under 14pt on a slide, and every text box a
fixed size with its text shortened to fit (the full text goes to the speaker notes). Article
text is untrusted: it only ever goes into text runs, stripped of characters XML cannot hold.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from io import BytesIO
from numbers import Integral, Real

import pandas as pd
from PIL import Image, UnidentifiedImageError
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from briefing.text import article_title, column_label, quoted, xml_safe
from briefing.theme import ACCENT, DECK_FONT, MUTED_TEXT, TEXT


@dataclass(frozen=True)
class Evidence:
    """One item behind a chart: a quote, a figure, a stance or an event sentence."""

    kind: str  # "quote" | "figure" | "stance" | "event"
    text: str  # the quote or the evidence sentence, as extracted (untrusted text)
    who: str | None = None  # speaker / who cited the figure / "Canada → Russia (critical)"
    outlet: str | None = None
    when: str | None = None  # date label at its precision: "2016-02-05", "2015-10"
    confidence: str | None = None  # "high · 0.94" (queries.confidence_label)
    status: str | None = None  # review status: machine, confirmed, corrected, added


@dataclass(frozen=True)
class ChartSlide:
    """One chart. `image` is the slide PNG (16:9, 1920×1080) or None when it could not be
    rendered; then the slide shows `problem` and the first rows of `data` as a table instead."""

    title: str
    caption: str  # one or two sentences: what the chart shows
    image: bytes | None
    data: pd.DataFrame
    evidence: tuple[Evidence, ...] = ()
    problem: str | None = None  # why there is no image


@dataclass(frozen=True)
class QuoteSlide:
    """Quotes laid out as text (the Statements page has no chart)."""

    title: str
    quotes: tuple[Evidence, ...]


@dataclass(frozen=True)
class Change:
    """One stance in an article added since the last briefing, beside the latest earlier
    stance of the same source towards the same target (briefing.since.stance_changes)."""

    change: str  # "changed" | "new pair"
    source: str
    target: str
    polarity: str
    before: str | None  # the earlier polarity; None for a new pair
    before_date: str | None
    evidence: Evidence


@dataclass(frozen=True)
class ChangesSlide:
    """What changed since a day: new stance changes and new pairs, a table on the slide and
    each one's evidence sentence in the speaker notes."""

    title: str  # "What changed since 2026-11-30"
    summary: str  # "1 new article · 2 stances changed · 1 new pair"
    changes: tuple[Change, ...]
    total: int  # changes found; `changes` may hold fewer


@dataclass(frozen=True)
class Source:
    outlet: str | None
    published: str | None  # date label
    title: str | None
    url: str | None = None


@dataclass(frozen=True)
class Pack:
    topic: str  # big title on the first slide
    scope: str  # "Stances — current view", "Whole dashboard"
    filters: str  # Filters.describe(): "Filters: 2016-01-01 to …; countries: Canada"
    generated: date
    summary: str  # one line under the title: "12 articles from 4 outlets, 2015-10 to 2020-11"
    slides: tuple[ChartSlide | QuoteSlide | ChangesSlide, ...] = ()
    sources: tuple[Source, ...] = field(default_factory=tuple)
    # How many articles the view holds when `sources` was capped (None: all are listed).
    source_total: int | None = None


def build(pack: Pack) -> bytes:
    """The deck as .pptx bytes: title, one slide per chart, quote slides, then the sources."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _add_title_slide(deck, pack)
    for item in pack.slides:
        if isinstance(item, ChangesSlide):
            _add_changes_slides(deck, item)
        elif isinstance(item, QuoteSlide):
            _add_quote_slides(deck, item)
        else:
            _add_chart_slide(deck, item)
    _add_source_slides(deck, pack.sources, pack.source_total)
    out = BytesIO()
    deck.save(out)
    return out.getvalue()


# --- Layout -----------------------------------------------------------------------------------

SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
FONT = DECK_FONT  # Arial: on every platform; LibreOffice maps it to Liberation Sans
ROW_SHADE = "#F2F2F2"
WHITE = "#FFFFFF"

PICTURE_WIDTH, PICTURE_HEIGHT = Inches(10.667), Inches(6.0)
PICTURE_TOP = Inches(0.15)
CAPTION_TOP = Inches(6.22)
CAPTION_HEIGHT = SLIDE_HEIGHT - CAPTION_TOP - Inches(0.1)
HEADING_TOP, HEADING_HEIGHT = Inches(0.35), Inches(0.75)

TABLE_TOP, TABLE_CAPTION_TOP = Inches(1.75), Inches(6.65)
QUOTES_TOP = Inches(1.3)
QUOTES_HEIGHT = SLIDE_HEIGHT - QUOTES_TOP - Inches(0.3)

# Longest texts shown on a slide, whatever the room (the notes hold the full text); each box
# also shortens its text to the lines it has room for (see _fit).
CELL_CHARS = 60
QUOTE_CHARS = 280
SOURCE_TITLE_CHARS = 90

LINE_SPACING = 1.2
BOLD_WIDTH = 1.08  # bold Arial runs this much wider
NARROW_CHARS = frozenset(" .,:;'!|()[]/-fijlrtI")
WIDE_CHARS = frozenset("mwMW@%")
TEXT_INSETS = Inches(0.2)  # python-pptx's default left + right inset of text boxes and cells
TABLE_ROWS, TABLE_COLUMNS = 8, 5
TABLE_ROW_HEIGHT = Inches(0.4)
QUOTES_PER_SLIDE = 4
SOURCES_PER_SLIDE, MAX_SOURCE_SLIDES = 12, 5
CHANGE_SLIDES = 3  # "what changed" slides at most (eight changes each)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EVIDENCE_LABELS = {"quote": "Quote", "figure": "Figure", "stance": "Stance", "event": "Event"}


@dataclass(frozen=True)
class _Line:
    """One paragraph of a text box and how it looks."""

    text: str
    size: int
    colour: str = TEXT
    bold: bool = False
    italic: bool = False
    space_before: int = 0  # points


# --- Slides -----------------------------------------------------------------------------------


def _add_title_slide(deck: Deck, pack: Pack) -> None:
    slide = _blank_slide(deck)
    left, width = Inches(0.9), SLIDE_WIDTH - Inches(1.8)
    _add_text(
        slide,
        (left, Inches(0.7), width, Inches(2.1)),
        [_Line(_fit(pack.topic, width, 40, lines=3, bold=True), 40, bold=True)],
        anchor=MSO_ANCHOR.BOTTOM,
    )
    _add_rule(slide, (left, Inches(2.95), Inches(2.5), Inches(0.07)))
    _add_text(
        slide,
        (left, Inches(3.2), width, Inches(3.6)),
        [
            _Line(_fit(pack.scope, width, 24, lines=2), 24),
            _Line(_fit(pack.filters, width, 18, lines=4), 18, MUTED_TEXT, space_before=14),
            _Line(_fit(pack.summary, width, 18, lines=2), 18, space_before=10),
            _Line(f"Generated {_long_date(pack.generated)}", 16, MUTED_TEXT, space_before=18),
        ],
    )


def _add_chart_slide(deck: Deck, chart: ChartSlide) -> None:
    slide = _blank_slide(deck)
    picture = _readable_image(chart.image)
    if picture is not None:
        _add_picture(slide, chart.image, picture)
        _add_caption(slide, chart.caption)
    else:
        problem = chart.problem or "Chart image unavailable."
        if chart.image is not None:
            problem = "Chart image unavailable: the picture could not be read."
        _add_table_instead(slide, chart, problem)
    _set_notes(slide, _chart_notes(chart))


def _add_picture(slide: Slide, image: bytes, size: tuple[int, int]) -> None:
    """The picture as large as the 16:9 box allows, centred, keeping its own aspect ratio."""
    scale = min(PICTURE_WIDTH / size[0], PICTURE_HEIGHT / size[1])
    width, height = Emu(int(size[0] * scale)), Emu(int(size[1] * scale))
    left = (SLIDE_WIDTH - width) // 2
    top = PICTURE_TOP + (PICTURE_HEIGHT - height) // 2
    slide.shapes.add_picture(BytesIO(image), left, top, width, height)


def _add_caption(slide: Slide, caption: str) -> None:
    _add_text(
        slide,
        (MARGIN, CAPTION_TOP, CONTENT_WIDTH, CAPTION_HEIGHT),
        [_Line(_fit(caption, CONTENT_WIDTH, 18, lines=3), 18)],
    )


def _add_table_instead(slide: Slide, chart: ChartSlide, problem: str) -> None:
    """Without a picture: the chart's title, why there is no picture, and its first rows."""
    _add_heading(slide, chart.title)
    _add_text(
        slide,
        (MARGIN, Inches(1.05), CONTENT_WIDTH, Inches(0.65)),
        [_Line(_fit(problem, CONTENT_WIDTH, 16, lines=2), 16, MUTED_TEXT)],
    )
    if chart.data.empty:
        _add_text(
            slide,
            (MARGIN, TABLE_TOP, CONTENT_WIDTH, Inches(0.6)),
            [_Line("No rows under these filters.", 18)],
        )
        return
    data = chart.data.iloc[:TABLE_ROWS, :TABLE_COLUMNS]
    header = [_clean(column_label(column)) for column in data.columns]
    rows = [[_cell_text(value) for value in row] for row in data.itertuples(index=False)]
    widths = _column_widths([header, *rows], size=14)
    # At most two lines a cell, so eight rows stay clear of the caption below.
    header = [_fit(text, width, 14, bold=True) for text, width in zip(header, widths)]
    rows = [[_fit(text, width, 14, lines=2) for text, width in zip(row, widths)] for row in rows]
    _add_table(slide, TABLE_TOP, header, rows, widths, size=14)
    _add_text(
        slide,
        (MARGIN, TABLE_CAPTION_TOP, CONTENT_WIDTH, SLIDE_HEIGHT - TABLE_CAPTION_TOP - Inches(0.1)),
        [_Line(_fit(chart.caption, CONTENT_WIDTH, 16, lines=2), 16)],
    )


def _add_quote_slides(deck: Deck, quotes: QuoteSlide) -> None:
    """Up to four quotes a slide (fewer when they are long); more continue on "<title> (cont.)"
    slides."""
    pages = _quote_pages(quotes.quotes) or [()]
    for number, page in enumerate(pages):
        slide = _blank_slide(deck)
        title = _fit(quotes.title, CONTENT_WIDTH - Inches(1.5), 28, bold=True)
        _add_heading(slide, title if number == 0 else f"{title} (cont.)")
        lines = [_Line("No quotes under these filters.", 18)] if not page else []
        for index, quote in enumerate(page):
            lines.append(
                _Line(
                    quoted(_quote_text(quote)),
                    18,
                    italic=True,
                    space_before=0 if index == 0 else 16,
                )
            )
            attribution = _fit(_attribution(quote), CONTENT_WIDTH, 14, lines=2) or "unattributed"
            lines.append(_Line(f"— {attribution}", 14, MUTED_TEXT, space_before=4))
        _add_text(slide, (MARGIN, QUOTES_TOP, CONTENT_WIDTH, QUOTES_HEIGHT), lines)
        _set_notes(slide, "\n".join(_evidence_line(quote) for quote in page))


def _add_changes_slides(deck: Deck, changes: ChangesSlide) -> None:
    """The changes as a table, eight a slide (at most CHANGE_SLIDES slides; the rest are
    counted), changed stances first; the notes read out each row's evidence in full."""
    pages = _chunks(changes.changes, TABLE_ROWS)[:CHANGE_SLIDES] or [()]
    shown = sum(len(page) for page in pages)
    for number, page in enumerate(pages):
        slide = _blank_slide(deck)
        title = _fit(changes.title, CONTENT_WIDTH - Inches(1.5), 28, bold=True)
        _add_heading(slide, title if number == 0 else f"{title} (cont.)")
        _add_text(
            slide,
            (MARGIN, Inches(1.05), CONTENT_WIDTH, Inches(0.6)),
            [_Line(_fit(changes.summary, CONTENT_WIDTH, 18), 18, MUTED_TEXT)],
        )
        if not page:
            _add_text(
                slide,
                (MARGIN, TABLE_TOP, CONTENT_WIDTH, Inches(0.6)),
                [_Line("No stance changed and no new pair in the new articles.", 18)],
            )
            _set_notes(slide, changes.summary)
            continue
        widths = [Inches(1.6), Inches(5.0), Inches(2.2), CONTENT_WIDTH - Inches(8.8)]
        rows = [
            [
                _fit(item.change, widths[0], 14),
                _fit(f"{item.source} → {item.target}", widths[1], 14),
                _fit(item.polarity, widths[2], 14),
                _fit(
                    f"{item.before} ({item.before_date or 'undated'})" if item.before else "—",
                    widths[3],
                    14,
                ),
            ]
            for item in page
        ]
        header = ["Change", "Source → target", "Now", "Before"]
        _add_table(slide, TABLE_TOP, header, rows, widths, size=14)
        more = ""
        if number == len(pages) - 1 and changes.total > shown:
            more = f"… and {changes.total - shown:,} more on the dashboard's Overview. "
        _add_text(
            slide,
            (MARGIN, Inches(6.85), CONTENT_WIDTH, Inches(0.5)),
            [_Line(f"{more}Each row's evidence sentence is in the speaker notes.", 16, MUTED_TEXT)],
        )
        _set_notes(slide, _changes_notes(changes.summary, page))


def _changes_notes(summary: str, page: tuple[Change, ...]) -> str:
    lines = [f"What changed: {_clean(summary)}", "Evidence:"]
    for item in page:
        before = f", was {item.before} ({item.before_date or 'undated'})" if item.before else ""
        lines.append(
            f"• {_clean(item.change)}: {_clean(item.source)} → {_clean(item.target)} "
            f"now {_clean(item.polarity)}{_clean(before)}. {_evidence_line(item.evidence)}"
        )
    return "\n".join(lines)


def _add_source_slides(deck: Deck, sources: tuple[Source, ...], total: int | None = None) -> None:
    """Twelve articles a slide, at most five slides; the rest (of `total`, when the caller
    capped `sources`) are counted on the last one."""
    if not sources:
        slide = _blank_slide(deck)
        _add_heading(slide, "Sources")
        _add_text(
            slide,
            (MARGIN, Inches(1.3), CONTENT_WIDTH, Inches(0.6)),
            [_Line("No source articles under these filters.", 18)],
        )
        return
    pages = _chunks(sources, SOURCES_PER_SLIDE)[:MAX_SOURCE_SLIDES]
    left_out = max(total or 0, len(sources)) - sum(len(page) for page in pages)
    for number, page in enumerate(pages):
        slide = _blank_slide(deck)
        _add_heading(slide, "Sources" if number == 0 else "Sources (cont.)")
        widths = [Inches(2.4), Inches(1.5), CONTENT_WIDTH - Inches(3.9)]
        # One line a row, so twelve rows always fit.
        rows = [
            [
                _fit(source.outlet or "not recorded", widths[0], 14),
                _fit(source.published or "", widths[1], 14),
                _fit(
                    _shorten(
                        article_title(source.title, source.outlet, source.published),
                        SOURCE_TITLE_CHARS,
                    ),
                    widths[2],
                    14,
                ),
            ]
            for source in page
        ]
        table = _add_table(slide, Inches(1.2), ["Outlet", "Published", "Title"], rows, widths, 14)
        for row_index, source in enumerate(page, start=1):
            _link_title(table.cell(row_index, 2), source.url)
        if left_out and number == len(pages) - 1:
            _add_text(
                slide,
                (MARGIN, Inches(6.85), CONTENT_WIDTH, Inches(0.5)),
                [_Line(f"… and {left_out:,} more articles.", 16, MUTED_TEXT)],
            )


# --- Notes ------------------------------------------------------------------------------------


def _chart_notes(chart: ChartSlide) -> str:
    lines = [f"What it shows: {_clean(chart.caption)}", "Evidence:"]
    if chart.evidence:
        lines += [f"• {_evidence_line(item)}" for item in chart.evidence]
    else:
        lines.append("No evidence rows under these filters.")
    count = len(chart.data)
    rows = "1 row" if count == 1 else f"{count:,} rows"
    lines.append(f"Data: {rows}; download the chart's CSV/Excel for all of them.")
    return "\n".join(lines)


def _evidence_line(item: Evidence) -> str:
    """`Quote: “text” — who, outlet, when`, untruncated, leaving out what is unknown."""
    label = EVIDENCE_LABELS.get(item.kind)
    text = quoted(_clean(item.text))
    attribution = _attribution(item)
    line = f"{label}: {text}" if label else text
    return f"{line} — {attribution}" if attribution else line


def _attribution(item: Evidence) -> str:
    parts = [_clean(part or "") for part in (item.who, item.outlet, item.when)]
    if item.confidence:
        parts.append(f"confidence {_clean(item.confidence)}")
    if item.status:
        parts.append(f"status {_clean(item.status)}")
    return ", ".join(part for part in parts if part)


def _set_notes(slide: Slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


# --- Shapes -----------------------------------------------------------------------------------


def _blank_slide(deck: Deck) -> Slide:
    return deck.slides.add_slide(deck.slide_layouts[6])  # "Blank": no placeholders


def _add_heading(slide: Slide, title: str) -> None:
    _add_text(
        slide,
        (MARGIN, HEADING_TOP, CONTENT_WIDTH, HEADING_HEIGHT),
        [_Line(_fit(title, CONTENT_WIDTH, 28, bold=True), 28, bold=True)],
    )


def _add_text(
    slide: Slide,
    box: tuple[int, int, int, int],
    lines: list[_Line],
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
    """A fixed-size, wrapping text box: its size never changes with the text."""
    frame = slide.shapes.add_textbox(*box).text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_before = Pt(line.space_before)
        _style_run(paragraph.add_run(), line)


def _style_run(run, line: _Line) -> None:
    run.text = _clean(line.text)
    font = run.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(line.size), line.bold, line.italic
    font.color.rgb = _rgb(line.colour)


def _add_rule(slide: Slide, box: tuple[int, int, int, int]) -> None:
    rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box)
    rule.fill.solid()
    rule.fill.fore_color.rgb = _rgb(ACCENT)
    rule.line.fill.background()
    rule.shadow.inherit = False


def _add_table(
    slide: Slide,
    top: int,
    header: list[str],
    rows: list[list[str]],
    widths: list[int],
    size: int,
):
    """A plain table with explicit colours (not the theme's), so every application draws it
    the same: a blue header row and lightly banded body rows."""
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), MARGIN, top, sum(widths), TABLE_ROW_HEIGHT * (len(rows) + 1)
    )
    table = shape.table
    for index, width in enumerate(widths):
        table.columns[index].width = width
    for row_index, cells in enumerate([header, *rows]):
        is_header = row_index == 0
        fill = ACCENT if is_header else (ROW_SHADE if row_index % 2 == 0 else WHITE)
        colour = WHITE if is_header else TEXT
        for column_index, text in enumerate(cells):
            cell = table.cell(row_index, column_index)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(fill)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            frame = cell.text_frame
            frame.word_wrap = True
            _style_run(frame.paragraphs[0].add_run(), _Line(text, size, colour, bold=is_header))
    return table


def _column_widths(cells: list[list[str]], size: int) -> list[int]:
    """Columns that need less than a fair share of the width get what they need (numbers, dates,
    names stay on one line); the long-text columns share what is left."""
    need = [
        Pt(max(_ems(row[index]) for row in cells) * size * BOLD_WIDTH) + TEXT_INSETS
        for index in range(len(cells[0]))
    ]
    widths = list(need)
    pending = sorted(range(len(need)), key=need.__getitem__)
    room = CONTENT_WIDTH
    while pending and need[pending[0]] <= room / len(pending):
        room -= need[pending[0]]
        pending.pop(0)
    for index in pending:
        widths[index] = room / len(pending)
    stretch = CONTENT_WIDTH / sum(widths)  # spare room goes to every column alike
    return [Emu(int(width * stretch)) for width in widths]


def _link_title(cell, url: str | None) -> None:
    """Only web links become hyperlinks; anything else stays plain text."""
    url = _clean(url or "").strip()
    if re.match(r"https?://", url, re.IGNORECASE):
        cell.text_frame.paragraphs[0].runs[0].hyperlink.address = url


# --- Text -------------------------------------------------------------------------------------


# Characters XML 1.0 cannot hold (and DEL), which a scraped page can carry.
def _clean(text: str) -> str:
    """Text safe for a slide: no XML-invalid characters, whitespace runs collapsed."""
    return " ".join(xml_safe(text).split())


def _shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary and ending in an ellipsis."""
    text = _clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-—") + "…"


def _cell_text(value: object) -> str:
    """A table cell: numbers with thousands separators, dates as ISO, missing as empty."""
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Integral):
        return f"{int(value):,}"
    if isinstance(value, Real):
        number = float(value)
        return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}".rstrip("0")
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return _shorten(str(value), CELL_CHARS)


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes have no single truth value
        return False


def _fit(text: str, width: int, size: int, lines: int = 1, bold: bool = False) -> str:
    """`text` shortened (with an ellipsis) to what fits in `lines` lines of a box `width` wide
    at `size` points. Each wrapped line is taken to waste up to the longest word."""
    text = _clean(text)
    points_per_em = size * (BOLD_WIDTH if bold else 1.0)
    usable = Emu(width - TEXT_INSETS).pt
    longest_word = max((_ems(word) for word in text.split()), default=0.0) * points_per_em
    room = lines * usable - (lines - 1) * min(longest_word, usable / 2)
    if _ems(text) * points_per_em <= room:
        return text
    used = _ems("…") * points_per_em
    for index, char in enumerate(text):
        used += _ems(char) * points_per_em
        if used > room:
            return _shorten(text, index + 1)
    return text


def _ems(text: str) -> float:
    """Width of `text` in Arial, in ems, erring wide: per-character classes, not real metrics."""
    return sum(_char_ems(char) for char in text)


def _char_ems(char: str) -> float:
    if char in NARROW_CHARS:
        return 0.3
    if char in WIDE_CHARS:
        return 0.9
    if ord(char) >= 0x2E80:  # CJK and other full-width scripts
        return 1.0
    if char.isupper() or char.isdigit():
        return 0.7
    return 0.56


def _line_count(text: str, width: int, size: int) -> int:
    """Lines `text` takes when wrapped in a box `width` wide, by the same estimate as _fit."""
    usable = Emu(width - TEXT_INSETS).pt
    longest_word = max((_ems(word) for word in text.split()), default=0.0) * size
    per_line = usable - min(longest_word, usable / 2)
    return max(math.ceil(_ems(text) * size / per_line), 1)


def _quote_text(quote: Evidence) -> str:
    """A quote as the slide shows it: at most four lines at 18pt, and ~280 characters."""
    return _fit(_shorten(quote.text, QUOTE_CHARS), CONTENT_WIDTH, 18, lines=4)


def _quote_pages(quotes: tuple[Evidence, ...]) -> list[tuple[Evidence, ...]]:
    """Quotes in slide-sized groups: at most four, and no more than fit the slide's height."""
    pages: list[tuple[Evidence, ...]] = []
    page: list[Evidence] = []
    used = 0.0
    room = Emu(QUOTES_HEIGHT).pt
    for quote in quotes:
        height = (
            _line_count(_quote_text(quote), CONTENT_WIDTH, 18) * 18 * LINE_SPACING
            + _line_count(_attribution(quote), CONTENT_WIDTH, 14) * 14 * LINE_SPACING
            + 20  # the space before the quote and before its attribution
        )
        if page and (len(page) == QUOTES_PER_SLIDE or used + height > room):
            pages.append(tuple(page))
            page, used = [], 0.0
        page.append(quote)
        used += height
    if page:
        pages.append(tuple(page))
    return pages


def _long_date(day: date) -> str:
    """ "23 November 2026", whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _chunks(items: tuple, size: int) -> list[tuple]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def _readable_image(image: bytes | None) -> tuple[int, int] | None:
    """The picture's pixel size, or None when there is no picture or it cannot be read."""
    if image is None:
        return None
    try:
        with Image.open(BytesIO(image)) as picture:
            return picture.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
