"""Untrusted text made inert wherever it is shown: as HTML (every character escaped, extractions
wrapped in highlight spans), inside Markdown (every metacharacter escaped), in table cells (no
spreadsheet formulas) and in link columns (only web links).

Spans may nest or overlap (an actor inside a quote inside a figure sentence), so the text is cut
at every span boundary and each piece carries the classes of all spans covering it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from string import punctuation

import pandas as pd

from briefing import theme

# Characters XML 1.0 cannot carry: a .pptx or .xlsx holding one will not open.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: object) -> str:
    """Article text made safe for Office files (decks, workbooks): XML-invalid characters
    (control characters, lone surrogates) dropped."""
    return _XML_INVALID.sub("", str(text))


# --- Markdown ------------------------------------------------------------------------------------

# CommonMark lets a backslash escape any ASCII punctuation, and only then is it an escape; so
# escaping all of it leaves no link, image, HTML, emphasis, heading, list, table, math ($) or
# Streamlit directive (:red[…], :material/…:) in the text, whatever the renderer enables.
_MD_META = re.compile("([" + re.escape(punctuation) + "])")
_SPACE = re.compile(r"\s+")
# Two things act on the text after parsing, where escapes are already gone: GitHub-style
# autolinks (a bare 'https://…', 'www.…' or 'name@host' becomes a link) and emoji codes
# (':smile:'). An invisible word joiner after the colon, the '@' and the 'www' breaks each
# pattern without changing what is seen.
_AFTER_TEXT = re.compile(r"(:(?=[\w+\-/])|@|(?i:\bwww)(?=\.))")


def md_escape(text: object) -> str:
    """`text` for any Streamlit element that renders Markdown (markdown, caption, title, headers,
    alerts, labels, help): every metacharacter escaped, line breaks and runs of space as one
    space, so it shows exactly as written and never becomes a link, image or markup."""
    flat = _AFTER_TEXT.sub("\\1\u2060", _SPACE.sub(" ", str(text)).strip())
    return _MD_META.sub(r"\\\1", flat)


# --- table cells ---------------------------------------------------------------------------------

# What a spreadsheet runs as a formula when a cell starts with it (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe; anything else
    unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def inert_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells cannot run as formulas: what st.dataframe shows is what
    its toolbar's "Download as CSV" writes, so the cells themselves must be safe."""
    safe = df.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(formula_safe)
    return safe


_WEB_LINK = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)


def web_link(value: object) -> str | None:
    """`value` if it is an http(s) URL, else None: a javascript:, data: or vbscript: URL (or a
    relative one) is never offered as a link."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text if _WEB_LINK.fullmatch(text) else None


# --- HTML ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    kind: str  # actor, quote, figure, event (see theme.HIGHLIGHT_CSS)
    start: int
    end: int
    label: str = ""


def highlight_html(text: str, highlights: Iterable[Highlight]) -> str:
    """`text` escaped, with <span class="hl hl-KIND" title="LABEL"> around highlighted pieces."""
    spans = [
        h for h in highlights if 0 <= h.start < h.end <= len(text) and h.kind in theme.HIGHLIGHT_CSS
    ]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    out = []
    for lo, hi in pairwise(cuts):
        piece = html.escape(text[lo:hi])
        covering = [h for h in spans if h.start <= lo and hi <= h.end]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({h.kind for h in covering})
        title = html.escape(
            "; ".join(dict.fromkeys(h.label or theme.HIGHLIGHT_NAMES[h.kind] for h in covering))
        )
        classes = " ".join(f"hl-{k}" for k in kinds)
        out.append(f'<span class="hl {classes}" title="{title}">{piece}</span>')
    return "".join(out)


def stylesheet() -> str:
    rules = "\n".join(f".hl-{kind} {{ {css} }}" for kind, css in theme.HIGHLIGHT_CSS.items())
    return (
        "<style>\n.article-text { white-space: pre-wrap; line-height: 1.7; font-size: 1.02rem;"
        " max-width: 60rem; }\n" + rules + "\n.hl-legend span { margin-right: 1.2em; }\n</style>"
    )


def legend_html(kinds: Iterable[str] = theme.ARTICLE_KINDS) -> str:
    items = "".join(
        f'<span class="hl hl-{k}">{html.escape(theme.HIGHLIGHT_NAMES[k])}</span>' for k in kinds
    )
    return f'<div class="hl-legend">{items}</div>'


def article_html(
    text: str,
    highlights: Iterable[Highlight],
    legend: Iterable[str] | None = theme.ARTICLE_KINDS,
) -> str:
    """A self-contained block: stylesheet, a legend of the given kinds, the highlighted text."""
    body = highlight_html(text, highlights)
    key = legend_html(legend) if legend else ""
    return stylesheet() + key + f'<div class="article-text">{body}</div>'


# --- column names and missing values a reader sees -----------------------------------------------

# What a table's column is called on screen, in downloads and on slides. Names not listed read
# as themselves with spaces for underscores, so no machine name (`is_direct`) reaches a reader.
COLUMN_LABELS = {
    "date_label": "date",
    "date_precision": "date known to the",
    "is_direct": "direct quote",
    "cue": "reporting word",
    "targets": "stance targets",
    "value_text": "figure as written",
    "cited_by": "cited by",
    "attributed_to": "cited by",
    "as_of": "as of",
    "as_of_label": "as of",
    "source_path": "file",
    "rejected_at": "rejected at",
    "source_name": "source",
    "target_name": "target",
    "source_actor": "source actor",
    "target_actor": "target actor",
    "before_date": "before (date)",
    "char_start": "first character",
    "char_end": "last character",
    "confidence_label": "confidence",
    "status": "review status",
    "mark_rows": "rows in its mark",
}

# What stands in for an article's headline when the text has none: it says so first, then what
# tells the article apart (outlet, date, its opening words), so it never reads as a headline.
NO_HEADLINE = "[no headline]"
OPENING_CHARS = 60  # the opening words shown, about a table cell's width


# What a missing cell says, in the words the charts use ("source not stated"), never "None".
MISSING_TEXT = {
    "cited_by": "source not stated",
    "attributed_to": "source not stated",
    "outlet": "outlet not recorded",
    "location": "place not stated",
    "participants": "none named",
    "country": "no country",
    "title": NO_HEADLINE,
    "date": "undated",
    "date_label": "undated",
    "published": "undated",
}
MISSING = "—"  # any other missing text


def column_label(name: object) -> str:
    """The reader's name of a table column: 'value_text' -> 'figure as written'."""
    text = str(name)
    return COLUMN_LABELS.get(text, text.replace("_", " "))


def readable_columns(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with its columns named for readers (column_label); a name that would repeat another
    column's keeps its machine name."""
    names: dict[str, str] = {}
    taken = set(df.columns)
    for column in df.columns:
        label = column_label(column)
        if label != column and label not in taken:
            names[column] = label
            taken.add(label)
    return df.rename(columns=names)


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return value != value or value is pd.NA or value is pd.NaT  # NaN is not itself
    except (TypeError, ValueError):
        return False


def readable_cells(df: pd.DataFrame, skip: Iterable[str] = ()) -> pd.DataFrame:
    """A copy of `df` whose missing text cells say what is missing (MISSING_TEXT, else '—')
    instead of 'None' or 'NaN'; numbers, dates and the `skip` columns (links) unchanged."""
    out = df.copy()
    skipped = set(skip)
    for column in out.columns:
        if column in skipped:
            continue
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            words = MISSING_TEXT.get(str(column), MISSING)
            out[column] = out[column].map(lambda v, w=words: w if _missing(v) else v)
    return out


# --- article titles ------------------------------------------------------------------------


def has_headline(title: object) -> bool:
    """Whether `title` is a headline at all (not missing, not blank)."""
    return not _missing(title) and bool(str(title).strip())


def article_title(
    title: object, outlet: object = None, published: object = None, opening: object = None
) -> str:
    """The one name of an article on screen, in downloads and in packs: its headline, or for an
    article without one '[no headline] Reuters · 2020-03: “its first words…”'."""
    if has_headline(title):
        return " ".join(str(title).split())
    known = [str(v).strip() for v in (outlet, published) if has_headline(v)]
    words = shorten(opening, OPENING_CHARS)
    label = f"{NO_HEADLINE} {' · '.join(known)}" if known else NO_HEADLINE
    return f"{label}: “{words}”" if words else label


# --- excerpts ------------------------------------------------------------------------------------


def word_window(text: str, start: int, end: int, window: int) -> tuple[int, int]:
    """[lo, hi) around text[start:end], about `window` characters each side, moved to whole
    words: an excerpt never starts or ends mid-word (nor on a space). The span itself is
    always inside."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    if 0 < lo < start and not text[lo - 1].isspace() and not text[lo].isspace():
        # Drop the partial word: start after the next space, if it comes before the span.
        space = next((i for i in range(lo, start) if text[i].isspace()), None)
        lo = space + 1 if space is not None else _word_start(text, start)
    while lo < start and text[lo].isspace():
        lo += 1
    if end < hi < len(text) and not text[hi].isspace() and not text[hi - 1].isspace():
        space = next((i for i in range(hi - 1, end - 1, -1) if text[i].isspace()), None)
        hi = space if space is not None else _word_end(text, end)
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _word_start(text: str, at: int) -> int:
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def shorten(text: object, limit: int) -> str:
    """At most `limit` characters, cut between words and ending in an ellipsis; missing text is
    empty."""
    clean = "" if _missing(text) else " ".join(str(text).split())
    if len(clean) <= limit:
        return clean
    cut = clean[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—") + "…"


# Quotation marks a sentence may already carry at either end (straight, curly, guillemets).
_QUOTE_MARKS = "\"'“”‘’„«»"


def quoted(text: object) -> str:
    """`text` between curly double quotes, never doubling marks it already has: a quote that
    opens and closes with its own marks loses them, and a sentence that quotes someone inside
    it ('"We will help," she said.') is shown as it is."""
    inner = " ".join(str(text).split())
    if len(inner) > 1 and inner[0] in _QUOTE_MARKS and inner[-1] in _QUOTE_MARKS:
        inner = inner.strip(_QUOTE_MARKS + " ")
    elif any(mark in inner for mark in '"“”„«»'):
        return inner
    return f"“{inner}”"
