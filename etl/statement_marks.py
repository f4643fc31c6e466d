"""Quotation marks in an article's text: the spans of direct quotes, straight, curly or single.

Straight quotes pair within a paragraph, and one left open runs to its paragraph's end (wire
copy continues a quote in the next paragraph that way); single marks count only in paragraphs
with no double marks. `_Covered` answers questions about the quote spans by bisection.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb"}


_CLOSE = {"\u201d", "\u00bb"}


@dataclass(frozen=True)
class QuoteSpan:
    """Character span of a quotation's content (inside the marks)."""

    start: int
    end: int
    closed: bool  # False when a straight quote ran to the end of its paragraph

    @property
    def outer_start(self) -> int:
        return self.start - 1

    @property
    def outer_end(self) -> int:
        return self.end + 1 if self.closed else self.end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation spans in text: curly pairs, and straight quotes paired within each paragraph.

    Actors, statements and events each ask about the same body: it is walked once."""
    return list(_quotes_in(text))


@functools.lru_cache(maxsize=4)
def _quotes_in(text: str) -> tuple[QuoteSpan, ...]:
    return tuple(_find_quotes(text))


def _find_quotes(text: str) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    for para_start, para_end in _paragraphs(text):
        i = para_start
        open_at: int | None = None
        open_char = ""
        closed_at: int | None = None  # where the paragraph's last curly quote closed
        while i < para_end:
            ch = text[i]
            if open_at is None:
                if ch in _OPEN or (ch == '"'):
                    open_at, open_char = i, ch
                elif ch in _CLOSE and closed_at is not None:
                    quotes += _lost_opening(text, closed_at, i)
                    closed_at = None
            elif (ch == '"' and open_char == '"') or (ch in _CLOSE and open_char in _OPEN):
                if i > open_at + 1:
                    quotes.append(QuoteSpan(open_at + 1, i, True))
                closed_at = i + 1 if ch in _CLOSE else None
                open_at = None
            i += 1
        if open_at is not None:
            quotes.extend(_left_open(text, open_at, para_end))
    return quotes


def _lost_opening(text: str, after: int, close_at: int) -> list[QuoteSpan]:
    """A closing mark with no opening after a closed quote of the same paragraph ("... this
    gesture.” Germany had responded generously. This is going to make a difference.”"): the
    page lost the opening mark, and the quotation runs from the end of the previous one."""
    start = after
    while start < close_at and text[start].isspace():
        start += 1
    if start == after or not text[start : start + 1].isupper() or _words(text[start:close_at]) < 6:
        return []
    return [QuoteSpan(start, close_at, True)]


_SINGLE_OPEN = "'\u2018"


_SINGLE_CLOSE = "'\u2019"


_BEFORE_OPEN = " \t([\u2014\u2013-:"


_AFTER_CLOSE = " \t,.;:!?)\u2014\u2013-"


def find_single_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in single marks, as British papers print them ('We were safe,' he said), in
    paragraphs that use no double marks. An opening mark follows a space, a bracket, a dash or
    a colon and comes before a letter or digit; a closing mark ends a word and comes before a
    space or punctuation, never after a plural's s ("the refugees' camp"); a quote left open
    runs to the end of its paragraph."""
    quotes: list[QuoteSpan] = []
    for para_start, para_end in _paragraphs(text):
        if re.search(r"[\"\u201c\u201d\u00ab\u00bb]", text[para_start:para_end]):
            continue
        open_at: int | None = None
        for i in range(para_start, para_end):
            ch = text[i]
            if open_at is None:
                if (
                    ch in _SINGLE_OPEN
                    and (i == para_start or text[i - 1] in _BEFORE_OPEN or text[i - 1] == "\n")
                    and i + 1 < para_end
                    and text[i + 1].isalnum()
                ):
                    open_at = i
            elif (
                ch in _SINGLE_CLOSE
                and i > open_at + 1
                and not text[i - 1].isspace()
                and (i + 1 == para_end or text[i + 1] in _AFTER_CLOSE or text[i + 1] == "\n")
                and (text[i - 1] != "s" or i + 1 == para_end or text[i + 1] != " ")
            ):
                quotes.append(QuoteSpan(open_at + 1, i, True))
                open_at = None
        if open_at is not None and (
            open_at == para_start or text[max(para_start, open_at - 2) : open_at] == ": "
        ):  # a quote paragraph carried on, or one a colon opens
            quotes.extend(_left_open(text, open_at, para_end))
    return quotes


def _left_open(text: str, open_at: int, para_end: int) -> list[QuoteSpan]:
    """A quotation opened at `open_at` and never closed: it runs to its paragraph's end (less
    trailing space); none when nothing is inside."""
    end = para_end
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return [QuoteSpan(open_at + 1, end, False)] if end - open_at > 1 else []


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _inside(covered: _Covered, start: int, end: int) -> bool:
    return covered.contains(start, end)


class _Covered:
    """The spans of an article's direct quotes, sorted, so that each question about them is a
    bisection rather than a pass over every quote (a long article has thousands)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(itertools.accumulate((e for _, e in self.spans), max))
        self._longest = max((e - s for s, e in self.spans), default=0)

    def contains(self, start: int, end: int) -> bool:
        """Some span holds [start, end)."""
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

    def starts_at(self, position: int) -> bool:
        k = bisect.bisect_left(self._starts, position)
        return k < len(self._starts) and self._starts[k] == position

    def any_start_from(self, position: int) -> bool:
        return bisect.bisect_left(self._starts, position) < len(self._starts)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans overlapping [start, end), in sorted order."""
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [(s, e) for s, e in self.spans[lo:hi] if e > start]
