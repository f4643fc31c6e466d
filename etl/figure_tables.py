"""Tables and lists of numbers: where a number's meaning comes from a heading or a row label.

GOLD.md: "A table or list of numbers under a heading that names what they count ... holds one
figure per row, each with the heading's category." News pages, situation reports and
aggregator pages write such lists in a few shapes, which this module finds in the text alone
(no parse; one pass over the lines, so the cost is linear in the article's length):

- pipe tables (``Bekaa | 344,013 | 37.8% |``) under a header row and a caption line;
- label-and-number lines (``Turkey 1,200,000``, ``Iraq: 45,300``, ``Returnees 216,200``)
  in a block of such lines under a heading line;
- number-first lines (``25,000: Number of refugees the government committed to resettle``),
  whose own description says what is counted.

`find_rows(body, quantities)` returns, for each quantity that is a row's number, the row: the
character spans of its label and of the heading that may say what is counted. What a label or
heading says (the category) is read in `etl.figure_lists`, with the same cue words as prose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from etl.numbers import Quantity

# A table cell or a line's end that holds only a number (and a unit or currency mark).
_UNIT = r"(?:\s*(?:M|K|B|m|k|mn|bn|million|billion|thousand))?(?:\s*\((?:US\$|USD|\$|€)\))?"
_NUMBER_ONLY = re.compile(
    rf"^\s*(?:US\$|\$|€|£)?\s*[~≈]?\s*\d[\d,.]*{_UNIT}\s*(?:\([^)]{{0,20}}\))?\s*$"
)
# "Label 1,200,000", "Label: 45,300", "- Label - 45,300": a short label (after a bullet, if any),
# then the number, at the end of the line.
_LABEL_NUMBER = re.compile(
    rf"^(?:\s*[-–•●▪·*]\s+)?(?P<label>[^|]{{2,100}}?)\s*[:–—-]?\s*(?P<num>(?:US\$|\$|€|£)?\d[\d,.]*{_UNIT})"
    r",?\s*(?:\([^)]{0,30}\))?\s*$"
)
# A bulleted row of a list written as one sentence ("- Italy: 83,200 (7%) and", "- France:
# 70,600 (6%)."): the joining word or the full stop after its number is no prose.
_BULLET = re.compile(r"^\s*[-–•●▪·*]\s+")
_LIST_JOINT = re.compile(r"(?:\s*[,;.]|\s+(?:and|or))+\s*$")
# "25,000: Number of ...", "3067 – Number of ...": a number opening the line, then a label.
_NUMBER_FIRST = re.compile(r"^\s*(?P<num>[$€£]?\d[\d,.]*(?:\s*(?:million|billion))?)\s*[:–—]\s+\S")
# "3.32 billion requested (US$)": a number, then a few words naming it, on a line of its own.
_NUMBER_THEN_WORDS = re.compile(
    r"^\s*(?P<num>[$€£]?\d[\d,.]*(?:\s*(?:million|billion|M))?)\s+[A-Za-z][A-Za-z ()$]{0,40}$"
)
# A table cell that opens with a number and says in a few words what it counts ("Over 180,000
# people", "12,511 people – IOM", "1,250,000 ppl reached/month").
_NUMBER_LEADS = re.compile(
    r"^\s*(?:(?:over|almost|nearly|about|around|approximately|some|more than|up to|at least)\s+)?"
    rf"(?P<num>(?:US\$|\$|€|£)?\d[\d,.]*{_UNIT})(?=[\s,]|$)(?P<words>[^|]*)$",
    re.IGNORECASE,
)
_MAX_CELL_WORDS = 8  # words after a cell's number that still describe it, not a sentence
_SEPARATOR = re.compile(r"^[\s|:\-–—+=]*$")
_SENTENCE_END = re.compile(r"[.!?;\"”]\s*$")
_MAX_HEADING_GAP = 6  # lines between a heading and the first row of its block
_MAX_STRAY_WORDS = 6  # a short line with a number inside a block is a row it failed to read


@dataclass(frozen=True)
class Row:
    """One row of a table or list: its number's label and the heading above the block."""

    label: tuple[int, int] | None  # span of the row's own words (a place, or what is counted)
    heading: tuple[int, int] | None  # span of the caption or heading line(s) above
    column: tuple[int, int] | None = None  # span of the column's header cell, in a pipe table
    label_first: bool = False  # the label is a description ("Number of ..."), read it first
    unit: tuple[int, int] | None = None  # words after the number in its own cell ("ppl reached")
    # the heading line above a heading that names nothing ("Which countries host the most
    # refugees?" above "Here are the numbers:"); read when the nearer heading says nothing
    outer: tuple[int, int] | None = None


def _lines(body: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in body.splitlines(keepends=True):
        end = start + len(line.rstrip("\r\n"))
        spans.append((start, end))
        start += len(line)
    return spans


def _cells(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a pipe row's cells, stripped of space."""
    cells, pos = [], start
    for part in body[start:end].split("|"):
        lo, hi = pos, pos + len(part)
        while lo < hi and body[lo].isspace():
            lo += 1
        while hi > lo and body[hi - 1].isspace():
            hi -= 1
        cells.append((lo, hi))
        pos += len(part) + 1
    return cells


def _is_prose(text: str) -> bool:
    return len(text.split()) > 25


def find_rows(body: str, quantities: Sequence[Quantity]) -> dict[int, Row]:
    """The table and list rows that hold a quantity, keyed by the quantity's start offset."""
    by_line: dict[int, list[Quantity]] = {}
    lines = _lines(body)
    starts = [s for s, _ in lines]

    for quantity in quantities:
        by_line.setdefault(bisect.bisect_right(starts, quantity.start) - 1, []).append(quantity)
    if not by_line:
        return {}
    rows: dict[int, Row] = {}
    heading: tuple[int, int] | None = None  # the last line that may head a block
    heading_line = -(10**9)
    outer: tuple[int, int] | None = None  # the heading line just above that one
    header_cells: list[tuple[int, int]] = []  # header row of the current pipe table
    in_block = False
    cards: set[int] = set()  # label lines of key figures ("5.9M" / "Internally displaced people")
    number = -1  # counts the lines that are not blank
    for line_index, (start, end) in enumerate(lines):
        text = body[start:end]
        stripped = text.strip()
        if not stripped or _SEPARATOR.match(stripped) or line_index in cards:
            continue  # a key figure's label line belongs to the number above it
        number += 1
        found = by_line.get(line_index, [])
        row = None
        if "|" in text:
            row = _pipe_row(body, start, end, found, header_cells)
            if row is None and not found:
                cells = _cells(body, start, end)
                filled = [c for c in cells if c[1] > c[0]]
                if len(filled) == 1 and len(cells) > 1:
                    # "Humanitarian response | |": a section row heads the rows below it
                    heading, heading_line = filled[0], number
                else:
                    header_cells = cells
                in_block = True
                continue
        elif found:
            row = _line_row(body, start, end, found)
            if row is None:
                row = _card_row(body, lines, line_index, found, by_line)
                if row is not None and row[0][0] > start:  # a label below: its line is taken
                    cards.add(_next_filled(body, lines, line_index))
        if row is not None:
            label, keys, column, label_first, *unit = row
            near = heading if number - heading_line <= _MAX_HEADING_GAP or in_block else None
            above = outer if near is not None else None
            for key in keys:
                rows[key] = Row(label, near, column, label_first, unit[0] if unit else None, above)
            in_block = True
            continue
        if in_block and found and len(stripped.split()) <= _MAX_STRAY_WORDS:
            continue  # a garbled row ("Chile: 448,100 Chile") does not end its block
        # any other line ends a block and may head the next one
        in_block = False
        header_cells = []
        if not _is_prose(stripped) or stripped.endswith(":") or number - heading_line > 1:
            outer = heading if number - heading_line == 1 else None
            heading, heading_line = (start, end), number
    return rows


def _pipe_row(body, start, end, found, header_cells):
    if not found:
        return None
    cells = _cells(body, start, end)
    label = next(
        (c for c in cells if c[1] > c[0] and not _NUMBER_ONLY.match(body[c[0] : c[1]])), None
    )
    keys, column, unit = [], None, None
    for index, (lo, hi) in enumerate(cells):
        if hi <= lo:
            continue
        if not _NUMBER_ONLY.match(body[lo:hi]):
            lead = _NUMBER_LEADS.match(body[lo:hi])
            if lead is None or (lo, hi) == label or keys:
                continue
            if len(lead.group("words").split()) > _MAX_CELL_WORDS:
                continue
            at = lo + lead.start("num")
            if any(q.start == at for q in found):
                keys.append(at)
                unit = (lo + lead.start("words"), hi)
            continue
        inside = [q.start for q in found if lo <= q.start < hi]
        if len(inside) == 1:
            keys.append(inside[0])
            if column is None and index < len(header_cells):
                column = header_cells[index]
    if not keys or label is None:
        return None
    return label, keys, column, False, unit


# "Turkey: 1.9 million – Remarkably, Turkey now shelters …": a list's row opening a paragraph of
# comment, a short capitalised label, a colon, the number, then a dash.
_LABEL_NUMBER_COMMENT = re.compile(
    r"^(?:\s*[-–•●▪·*]\s+)?(?P<label>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})\s*:\s*"
    rf"(?P<num>(?:US\$|\$|€|£)?\d[\d,.]*{_UNIT})\s+[–—-]\s+(?P<comment>[^.!?]*)"
)


# "🇵🇱 Poland (991 375; 25%)", "🇩🇪 Germany (1 111 590 people; 28% of the total)": a short label
# (after a flag or a bullet) with its count in brackets, a unit and a share beside it.
_LABEL_BRACKETED = re.compile(
    r"^(?:[^\w\s(]+\s*|\s*[-–•●▪·*]\s+)?(?P<label>[^\W\d_][^|:()]{1,50}?)\s*\(\s*"
    rf"(?P<num>(?:US\$|\$|€|£)?\d[\d,. ]*{_UNIT})(?P<unit>\s+[^\W\d_][^;,()]{{0,30}})?"
    r"\s*(?:[;,][^()]{0,40})?\)\s*[.,;]?\s*$"
)
_MAX_BRACKETED_LABEL_WORDS = 5


def _bracketed_row(body, start, end, found):
    """A row written "Label (N; share)" on a line of its own (see _LABEL_BRACKETED)."""
    match = _LABEL_BRACKETED.match(body[start:end])
    if match is None or found[0].start != start + match.start("num"):
        return None
    if len(match.group("label").split()) > _MAX_BRACKETED_LABEL_WORDS:
        return None
    label = (start + match.start("label"), start + match.end("label"))
    unit = (start + match.start("unit"), start + match.end("unit")) if match.group("unit") else None
    return label, [found[0].start], None, False, unit


def _line_row(body, start, end, found):
    bracketed = _bracketed_row(body, start, end, found)
    if bracketed is not None:
        return bracketed
    comment = _LABEL_NUMBER_COMMENT.match(body[start:end])
    if comment is not None and found[0].start == start + comment.start("num"):
        # the comment's first sentence says what the row counts when no heading does
        label = (start + comment.start("label"), start + comment.end("label"))
        words = (start + comment.start("comment"), start + comment.end("comment"))
        return label, [found[0].start], None, False, words
    if _BULLET.match(body[start:end]):
        joint = _LIST_JOINT.search(body, start, end)
        if joint is not None and joint.start() > start:
            end = joint.start()  # "- Italy: 83,200 (7%) and": the row ends before "and"
    text = body[start:end]
    first = _NUMBER_FIRST.match(text) or _NUMBER_THEN_WORDS.match(text)
    if first and found[0].start == start + first.start("num") and len(text.split()) <= 30:
        label = (start + first.end("num"), end)
        return label, [found[0].start], None, True
    if _SENTENCE_END.search(text):
        return None
    match = _LABEL_NUMBER.match(text)
    if match and found[-1].start == start + match.start("num"):
        if len(match.group("label").split()) > 12 or not re.search(
            r"[^\W\d_]", match.group("label")
        ):
            return None
        label = (start + match.start("label"), start + match.end("label"))
        return label, [found[-1].start], None, False
    return None


def _next_filled(body: str, lines: list[tuple[int, int]], index: int, step: int = 1) -> int | None:
    """The index of the next line that is not blank, at most two lines on (`step` -1: back)."""
    for other in (index + step, index + 2 * step):
        if not 0 <= other < len(lines):
            break
        start, end = lines[other]
        if body[start:end].strip():
            return other
    return None


# A key figure's label: a few words naming what is counted, no sentence ("People in need of
# humanitarian assistance", "Internally displaced people (as of April)", "Required").
_CARD_LABEL = re.compile(r"^[A-Za-z][A-Za-z ,'’&/-]{1,80}(?:\([^)]{0,30}\))?$")


# A key figure is a count worth a card: written with a scale word or a currency ("5.9M",
# "$1.8B") or a hundred and up ("85,300"). A small bare number over a line is a rank of a
# numbered list of stories ("1" / "Floods leave thousands homeless in the delta").
_MIN_CARD_VALUE = 100
_CARD_SCALE = re.compile(r"[$€£]|\d\s*(?:M|K|B|m|k|mn|bn|million|billion|thousand)\b")


def _card_row(body, lines, index, found, by_line):
    """A key figure of a situation report or fact sheet, laid out as a number alone on its line
    and what it counts on the next line ("5.9M" / "Internally displaced people"): a row whose
    label is that next line (GOLD.md: each row of a table or list is a figure)."""
    start, end = lines[index]
    if len(found) != 1 or not _NUMBER_ONLY.match(body[start:end]):
        return None
    if found[0].value < _MIN_CARD_VALUE and not _CARD_SCALE.search(body, start, end):
        return None  # "1" / "Floods leave thousands homeless": a rank of a "Most read" list
    label_index = _next_filled(body, lines, index)
    label = _card_label(body, lines, label_index, by_line)
    if label is None:
        # "Total asylum applications by Syrian nationals" / "65,325" / "Percentage share of
        # total Syrian asylum applications submitted in …": a fact box may name its figure on
        # the line above it, when the line below names none
        label = _card_label(body, lines, _next_filled(body, lines, index, -1), by_line)
    if label is None:
        return None
    return label, [found[0].start], None, True


def _card_label(body, lines, label_index, by_line) -> tuple[int, int] | None:
    """The span of a key figure's label line: a few words and no number."""
    if label_index is None or by_line.get(label_index):
        return None
    lo, hi = lines[label_index]
    text = body[lo:hi].strip()
    if not _CARD_LABEL.match(text) or len(text.split()) > _MAX_CELL_WORDS:
        return None
    lo += len(body[lo:hi]) - len(body[lo:hi].lstrip())
    return lo, lo + len(text)
