"""Numbers that are no figures: small narrative sets and page furniture.

A small spelled-out number, a number after a definite determiner below a hundred ("the two
leaders", "its 28 members") and a handful owned by someone ("her four children") are
narrative. A number on a headline written among other headlines or labels ("MOST READ",
related stories) belongs to other stories; a bulleted list of facts under a line ending in a
colon, and the story's own highlights above its first paragraph, are not page furniture.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from etl.numbers import Quantity

_DETERMINERS = {
    "the",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "both",
}


_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}


def _owned_few(quantity: Quantity, num: Token) -> bool:
    """A handful owned by someone ("her four children", "his two sons"): a family or a team,
    not a figure."""
    if quantity.value >= 10:
        return False
    first = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    start = first.start if first is not None else num.i
    # "her four children", "with her husband and four children"
    for token in reversed(num.doc[max(0, start - 4) : start]):
        if token.lower_ in _POSSESSIVES:
            return True
        if token.pos_ not in ("NOUN", "CCONJ"):
            return False
    return False


def _is_narrative(quantity: Quantity, num: Token) -> bool:
    """'the two leaders', 'its 28 members': a reference to a small set, not a figure."""
    if quantity.spelled and quantity.value < 10:
        return True
    first = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    start = first.start if first is not None else num.i
    before = num.doc[start - 1] if start > 0 else None
    return before is not None and before.lower_ in _DETERMINERS and quantity.value < 100


_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def _is_headline(line: str, min_words: int = 1) -> bool:
    """A short line that does not end like a sentence: a headline, a section label, a link."""
    words = len(line.split())
    return min_words <= words <= 20 and not _SENTENCE_END.search(line)


# A web address written in a line: "… on the russian.rt.com:", "read more at bbc.co.uk".
_WEB_ADDRESS = re.compile(r"(?<![\w@.])(?:[a-z0-9-]+\.)+(?:com|org|net|ru|int|info|co\.uk)\b", re.I)


def _on_link_line(body: str, char: int) -> bool:
    """True when body[char] lies on a line that names a web address and does not end like a
    sentence: a link to another page (page furniture), whose numbers are that page's."""
    start = body.rfind("\n", 0, char) + 1
    end = body.find("\n", char)
    line = body[start : len(body) if end == -1 else end].strip()
    return bool(_WEB_ADDRESS.search(line)) and not _SENTENCE_END.search(line)


def _in_list_of_headlines(body: str, char: int) -> bool:
    """True when body[char] lies on a headline written among other headlines or labels: page
    furniture ("MOST READ", related stories), whose numbers belong to other stories. A fact box
    line ("5.6 million refugees") is too short to be read as a headline."""
    start = body.rfind("\n", 0, char) + 1
    end = body.find("\n", char)
    end = len(body) if end == -1 else end
    if not _is_headline(body[start:end].strip(), min_words=5):
        return False
    if _in_bulleted_list(body, start):
        return False
    if (
        start < _first_prose_line(body)
        and "|" not in body[start:end]
        and not _FURNITURE_LABEL.search(body, 0, start)
    ):
        return False  # highlights above the story's first paragraph: its own summary points
    above, below = _nearest_line(body, start, -1), _nearest_line(body, end, 1)
    if (
        below is not None
        and _is_paragraph(below)
        and not (above is not None and _is_headline(above, min_words=5))
    ):
        # a section's title over its own paragraph ("Analysis" / title / prose), not the last
        # headline of a column that happens to sit straight above the story's next paragraph
        return False
    neighbours = [above, below]
    return any(_is_headline(line) for line in neighbours if line is not None)


def _is_paragraph(line: str) -> bool:
    """A paragraph of prose: two sentences' worth of words, ending like a sentence."""
    return len(line.split()) >= 25 and line[-1:] in '.!?"”’)'


@lru_cache(maxsize=8)
def _first_prose_line(body: str) -> int:
    """Where the first prose starts: a line of eight words or more that ends like a sentence
    (the end of the body when there is none)."""
    at = 0
    for line in body.splitlines(keepends=True):
        text = line.strip()
        if len(text.split()) >= 8 and text[-1:] in '.!?"”’)':
            return at
        at += len(line)
    return len(body)


# A short label line without digits ("MOST READ", "Related", "Trending now"): a column of
# other stories' headlines follows it, not the story's own highlights. In Latin letters: a
# line in another script above an English story is the site's furniture, not a section label.
_FURNITURE_LABEL = re.compile(
    r"^[ \t]*[A-Za-z]+(?:[ \t]+[A-Za-z]+){0,2}[ \t]*:?[ \t]*$", re.MULTILINE
)


# Headings of a story's own summary points ("Summary", "Key points", "HIGHLIGHTS").
_SUMMARY_HEADING = re.compile(
    r"^(?:summary|key (?:points|facts|developments|figures)|highlights|at a glance|in brief|"
    r"what we know(?: so far)?|facts and figures|main points|the latest)"
    r"(?:\s+(?:for|of|on|from)\b[^.!?]{0,40})?\W*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-–•*·▪●]|\d{1,2}[.)])\s+\S")


def _in_bulleted_list(body: str, start: int) -> bool:
    """True when the line at `start` is an item of a bulleted list introduced by a line ending
    in a colon or a dash ("… are in just five countries:" then "- Lebanon hosts 1.1 million refugees"):
    a list of facts, not a column of other stories' headlines."""
    line_end = body.find("\n", start)
    if not _BULLET.match(body[start : len(body) if line_end == -1 else line_end]):
        return False
    at = start
    for _ in range(30):  # the items above it, then the line that introduces them
        line = _nearest_line(body, at, -1)
        if line is None:
            return False
        if not _BULLET.match(line):
            # introduced by a colon, or a dash standing for one ("Guterres said -")
            return line.endswith((":", " -", " –", " —")) or bool(_SUMMARY_HEADING.match(line))
        at = body.rfind(line, 0, at)
        if at < 0:
            return False
    return False


def _nearest_line(body: str, at: int, direction: int) -> str | None:
    """The nearest non-blank line (stripped) before offset `at` (direction -1) or after it (+1),
    as `splitlines` cuts lines; None when there is none. Reads outward in growing steps, so the
    cost is the distance to that line, not the article's length."""
    step = 512
    while True:
        lo, hi = (max(0, at - step), at) if direction < 0 else (at, min(len(body), at + step))
        lines = body[lo:hi].splitlines()
        reached_end = lo == 0 if direction < 0 else hi == len(body)
        if not reached_end and lines:
            # the line at the window's far edge may be cut short: read it next time, whole
            lines = lines[1:] if direction < 0 else lines[:-1]
        for line in reversed(lines) if direction < 0 else lines:
            if line.strip():
                return line.strip()
        if reached_end:
            return None
        step *= 4


# "a dozen", "nearly a dozen": an approximate handful, vague like "dozens" (GOLD.md).
_A_DOZEN = re.compile(r"an?\s+dozen", re.IGNORECASE)
# A count of people per unit of area is a density, not a count ("12,000 people per square
# kilometre", "94 people per mile", but not "200 people walked a mile"); per day or week stays a
# count (arrivals), read by `etl.numbers`.
_PER_AREA = re.compile(
    r"\s*(?:[a-z-]+\s+){0,2}(?:(?:per|a|every)\s+(?:square|sq\b|km2|km²|hectare|acre)"
    r"|per\s+(?:km\b|kilomet|mile))",
    re.IGNORECASE,
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# "announced on Monday (8)": the day of the month in parentheses after a weekday.
_DAY_AFTER_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAYS})\s*\($", re.IGNORECASE)


def is_vague_or_no_count(body: str, quantity: Quantity) -> bool:
    """A number that states no count of people, forces or money, whatever its words: "a dozen"
    (vague, GOLD.md), a density ("12,000 people per square kilometre", "94 people per mile") or a
    date's day written in parentheses after its weekday ("on Monday (8)")."""
    if _A_DOZEN.fullmatch(quantity.value_text.strip()):
        return True
    if _PER_AREA.match(body, quantity.end):
        return True
    return (
        quantity.value <= 31
        and body[quantity.end : quantity.end + 1] == ")"
        and _DAY_AFTER_WEEKDAY.search(body, max(0, quantity.start - 12), quantity.start) is not None
    )


# Where a total's parts may be listed after it: the rest of its sentence, past a colon.
_SENTENCE_STOP = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n")


def breakdown_parts(body: str, quantities: list[Quantity]) -> frozenset[int]:
    """The starts of the parts of a total split into named kinds after a colon ("about €800
    million in total aid: €396.65 million in humanitarian aid, €317.67 million in structural aid
    and €83.5 million for crisis resolution"): two or more sums, in the total's unit, that add up
    to the total (within 2%). GOLD.md and docs/gold-conventions.md: a breakdown that only splits
    a total into named kinds gives no figure of its own; a subgroup ("including 74,000
    children") that does not make up the whole stays a figure."""
    parts: set[int] = set()
    for i, total in enumerate(quantities):
        stop = _SENTENCE_STOP.search(body, total.end)
        end = stop.start() if stop else len(body)
        colon = body.find(":", total.end, end)
        if colon == -1 or not body[total.end : colon].strip(" ,;"):
            continue  # no colon, or the total is itself a label's value ("Total: 800")
        after = [
            q for q in quantities[i + 1 :] if colon < q.start < end and q.currency == total.currency
        ]
        if len(after) >= 2 and abs(sum(q.value for q in after) - total.value) <= 0.02 * total.value:
            parts.update(q.start for q in after)
    return frozenset(parts)
