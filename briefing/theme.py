"""Colours and type: the one place that decides them, so a country looks the same everywhere.

Palettes are colour-blind-safe: Paul Tol's "muted" and "light" schemes for countries (up to 17
distinct, handed out by how often a country is mentioned in the whole warehouse, so the order
does not change with filters), and Okabe-Ito vermillion/blue for stance polarity, which no
country colour uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

FONT = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"
# Exports and decks: Arial where the deck is opened (PowerPoint, Google Slides); Debian's
# chromium and LibreOffice draw it with the metric-compatible Liberation Sans.
SLIDE_FONT = "Arial, Liberation Sans, Helvetica, sans-serif"
DECK_FONT = "Arial"
TEXT = "#222222"
MUTED_TEXT = "#555555"
ACCENT = "#0072B2"  # Okabe-Ito blue: rules and headings in decks
UNKNOWN = "#BBBBBB"  # no country / beyond the palette
OTHER_GROUP = "#6E6E6E"  # "other" (the rest, grouped): darker than UNKNOWN, never confused
NO_COUNTRY = "no country"


@dataclass(frozen=True)
class TypeScale:
    """Font and sizes (CSS px of the figure's layout) for one medium."""

    font: str
    title: int
    subtitle: int
    body: int  # axis labels and ticks
    legend: int
    small: int  # the source line
    label: int  # the base for text on bars and markers (charts scale their own from it)
    note: int  # the message on an empty chart
    source_wrap: int  # characters per source-line row before it wraps


# On screen a chart sits in a column of a laptop browser.
SCREEN = TypeScale(
    FONT, title=20, subtitle=14, body=14, legend=14, small=12, label=12, note=16, source_wrap=56
)
# On a slide the figure is laid out at 960×540 and rendered at 2× (1920×1080 px): at that
# size 17 px is about 17 pt on a 16:9 slide, readable from the back of a briefing room.
SLIDE = TypeScale(
    SLIDE_FONT,
    title=28,
    subtitle=18,
    body=17,
    legend=15,
    small=13,
    label=15,
    note=22,
    source_wrap=118,
)
# Height (px) of Plotly's toolbar band at the top of a chart on screen: titles start below it.
MODEBAR_BAND = 40
SLIDE_LAYOUT = (960, 540)  # width, height in layout px
SLIDE_SCALE = 2  # -> 1920×1080 px PNG

# Paul Tol, "muted" then "light" (https://personal.sron.nl/~pault/), minus its grey.
COUNTRY_PALETTE = (
    "#332288",
    "#117733",
    "#CC6677",
    "#88CCEE",
    "#DDCC77",
    "#AA4499",
    "#44AA99",
    "#882255",
    "#999933",
    "#77AADD",
    "#EE8866",
    "#EEDD88",
    "#FFAABB",
    "#99DDFF",
    "#44BB99",
    "#AAAA00",
    "#DDDDDD",
)

# Okabe-Ito: critical vermillion, supportive blue, neutral grey.
POLARITY_COLOURS = {
    "critical": "#D55E00",
    "supportive": "#0072B2",
    "neutral": "#8C8C8C",
}
POLARITY_ORDER = ("critical", "neutral", "supportive")

# Okabe-Ito (without black), then Tol's sand and grey: one colour per figure category.
CATEGORY_COLOURS = {
    "refugees": "#0072B2",
    "displaced": "#E69F00",
    "civilians": "#009E73",
    "resettled": "#56B4E9",
    "killed": "#D55E00",
    "injured": "#CC79A7",
    "besieged": "#F0E442",
    "aid_money": "#117733",
    "troops": "#332288",
    "other": "#999999",
}
EVENT_COLOURS = {
    "summit": "#0072B2",
    "meeting": "#56B4E9",
    "conference": "#009E73",
    "statement": "#999999",
    "military_operation": "#D55E00",
    "attack": "#CC79A7",
    "ceasefire": "#E69F00",
    "agreement": "#117733",
    "vote": "#332288",
    "other": "#BBBBBB",
}
KIND_COLOURS = {
    "country": "#332288",
    "government": "#88CCEE",
    "person": "#44AA99",
    "organization": "#DDCC77",
    "intergovernmental": "#CC6677",
    "armed_group": "#882255",
    "media": "#999933",
}

# Extraction kinds in the article reader: each uses a different CSS property so they combine.
HIGHLIGHT_CSS = {
    "quote": "background-color: #DCEBF7;",
    "actor": "font-weight: 600; border-bottom: 2px solid #CC6677;",
    "figure": "background-color: #FCE9C5; outline: 1px solid #E69F00;",
    "event": "text-decoration: underline wavy #117733; text-underline-offset: 3px;",
    "stance": "text-decoration: underline solid #D55E00 2px; text-underline-offset: 4px;",
    # The sentence a chart's evidence link points at (the Sources page's `mark` parameter).
    "selected": "background-color: #FFE08A; box-shadow: 0 2px 0 #D55E00;",
}
HIGHLIGHT_NAMES = {
    "actor": "actor mention",
    "quote": "quote",
    "figure": "figure",
    "event": "event",
    "stance": "stance evidence",
    "selected": "the evidence you selected",
}
ARTICLE_KINDS = ("actor", "quote", "figure", "event")


def country_colours(ranked_country_ids: Iterable[str]) -> dict[str, str]:
    """Map country ids (most mentioned first) to colours; the rest get the 'unknown' grey."""
    ranked = list(dict.fromkeys(ranked_country_ids))
    return {
        cid: COUNTRY_PALETTE[i] if i < len(COUNTRY_PALETTE) else UNKNOWN
        for i, cid in enumerate(ranked)
    }


def text_on(background: str) -> str:
    """Whichever of white and the dark text colour contrasts more with `background` (WCAG)."""
    r, g, b = (int(background.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    dark = 0.0159  # relative luminance of TEXT (#222222)
    return TEXT if (luminance + 0.05) / (dark + 0.05) > 1.05 / (luminance + 0.05) else "#FFFFFF"


def colour_for(key: str | None, colours: Mapping[str, str]) -> str:
    return colours.get(key, UNKNOWN) if key else UNKNOWN
