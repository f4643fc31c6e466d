"""Article metadata: the `sources.csv` sidecar, and title, outlet and date inferred from the page.

Inference is conservative: a value is given only when the page states it where publications put
it — meta tags and record fields first (carried on `RawDocument`), then the page head (masthead,
byline, a date standing alone near the top, a wire dateline such as "OTTAWA (Reuters) -"), then
the URL. A date in a trailing sidebar of other stories is never the publication date.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlparse

from etl.clean import (
    OUTLET_RULES,
    ends_sentence,
    is_prose,
    normalise_whitespace,
    read_outlet_names,
    word_count,
)
from etl.dates import parse_partial_date
from etl.types import PartialDate, RawDocument

log = logging.getLogger(__name__)

SIDECAR_NAME = "sources.csv"
SIDECAR_COLUMNS = ("file", "url", "outlet", "published_date")
HEAD_LINES = 15  # non-empty lines of the page head searched for masthead, byline and date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?)?"
_WRITTEN_DATES = (
    re.compile(
        _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
        re.IGNORECASE,
    ),
    re.compile(
        _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<year>\d{4})-(?P<monthnum>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(_MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE),
)
# A line that is only a date, perhaps with "Published"/"Updated" and a time: "June 16, 2017",
# "Published Saturday, May 14, 2022 6:12PM EDT", "Posted on 16 June 2017".
_DATE_PREFIX = re.compile(
    r"^(?P<label>(?:first\s+)?published|posted|updated|last\s+updated|modified|date)?(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+(?P<rest>.+)$", re.IGNORECASE)
# Furniture that shares a line with the date: "Wed., Jan. 22, 2014 timer 5 min. read".
_READING_TIME = re.compile(
    r"\s*[|\u00b7\u2022]?\s*(?:[a-z]+\s+)?\d{1,3}\s*min(?:ute)?s?\.?\s+read\.?\s*$",
    re.IGNORECASE,
)
# Parts of a head line set apart by a bar or a dot: "MEE staff | Friday 14 December 2018 09:12 UTC".
_LINE_PARTS = re.compile(r"\s+[|\u00b7\u2022]\s+")
# Markdown front matter (what web clippers write above the page): `key: value` lines at the top.
# Only keys naming publication count; `clipped:`/`saved:`/`created:` say when the user saved it.
_FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*)$")
_PUBLICATION_KEYS = frozenset(
    {"date", "published", "pubdate", "publish_date", "published_date", "date_published",
     "published_at", "publication_date", "datepublished"}
)  # fmt: skip
_SAVED_KEYS = frozenset(
    {"clipped", "saved", "created", "accessed", "retrieved", "downloaded", "archived"}
)
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,60}\((?P<wire>[A-Za-z&/ .-]{2,40})\)\s*[-—–]")


@dataclass(frozen=True)
class SourceMeta:
    """What `sources.csv` says about one file; None where the column is empty."""

    file: str
    url: str | None = None
    outlet: str | None = None
    published: PartialDate | None = None


@dataclass(frozen=True)
class Sidecar:
    """The rows of `sources.csv` by file, and a sentence for every row that could not be used."""

    entries: dict[str, SourceMeta]
    problems: tuple[str, ...] = ()


def load_sidecar(input_dir: Path) -> dict[str, SourceMeta]:
    """`sources.csv` of the input folder by file path; problems are logged as warnings (see `read_sidecar`)."""
    sidecar = read_sidecar(input_dir)
    for problem in sidecar.problems:
        log.warning("%s", problem)
    return sidecar.entries


def read_sidecar(input_dir: Path) -> Sidecar:
    """Parse `sources.csv`; a malformed row is reported in `problems` and the rest still used."""
    path = input_dir / SIDECAR_NAME
    if not path.is_file():
        return Sidecar({})
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Sidecar({}, (f"{SIDECAR_NAME}: could not be read ({exc}); save it as UTF-8 CSV.",))
    return parse_sidecar(text)


def parse_sidecar(text: str) -> Sidecar:
    """The sidecar's CSV text to entries and problems (pure; `read_sidecar` does the file)."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return Sidecar({})
    columns = [h.strip().lower() for h in header]
    if "file" not in columns:
        return Sidecar(
            {},
            (
                f"{SIDECAR_NAME}: the first row must name the columns {','.join(SIDECAR_COLUMNS)}; found {','.join(header)}.",
            ),
        )
    unknown = [c for c in columns if c and c not in SIDECAR_COLUMNS]
    problems = (
        [f"{SIDECAR_NAME}: unknown column(s) {', '.join(unknown)} ignored."] if unknown else []
    )
    entries: dict[str, SourceMeta] = {}
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            problems.append(
                f"{SIDECAR_NAME} line {line_number}: {len(row)} cells for {len(columns)} columns (quote values that contain commas); row skipped."
            )
            continue
        values = {c: (row[i].strip() if i < len(row) else "") for i, c in enumerate(columns)}
        file_key = normalise_file_key(values.get("file", ""))
        if not file_key:
            problems.append(
                f"{SIDECAR_NAME} line {line_number}: the 'file' column is empty; row skipped."
            )
            continue
        published = None
        raw_date = values.get("published_date", "")
        if raw_date:
            published = parse_sidecar_date(raw_date)
            if published is None:
                problems.append(
                    f"{SIDECAR_NAME} line {line_number}: published_date '{raw_date}' is not YYYY-MM-DD, YYYY-MM or YYYY; date ignored."
                )
        if file_key in entries:
            problems.append(
                f"{SIDECAR_NAME} line {line_number}: '{file_key}' is listed twice; the later row wins."
            )
        entries[file_key] = SourceMeta(
            file=file_key,
            url=values.get("url") or None,
            outlet=values.get("outlet") or None,
            published=published,
        )
    return Sidecar(entries, tuple(problems))


def normalise_file_key(value: str) -> str:
    """A sidecar file name as the readers write source paths: forward slashes, no leading './'."""
    key = value.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def parse_sidecar_date(value: str) -> PartialDate | None:
    """Exactly `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, else None."""
    if not re.fullmatch(r"\s*\d{4}(?:-\d{2}(?:-\d{2})?)?\s*", value):
        return None
    return parse_partial_date(value)


# ---------------------------------------------------------------------------------------------
# Outlets


@dataclass(frozen=True)
class OutletNames:
    by_alias: dict[str, str]  # lower-cased name or alias -> canonical name
    by_domain: dict[str, str]  # domain -> canonical name


@functools.lru_cache(maxsize=4)
def load_outlets(path: Path = OUTLET_RULES) -> OutletNames:
    by_alias: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for name, aliases, domains in read_outlet_names(path):
        for alias in (name, *aliases):
            by_alias.setdefault(alias.lower(), name)
        for domain in domains:
            by_domain.setdefault(domain, name)
    return OutletNames(by_alias, by_domain)


_SCHEME = re.compile(r"^\s*(?P<scheme>[a-z][a-z0-9+.-]*):(?!\d)", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """`url` as stored in the warehouse: None when it names a scheme other than http(s)
    (javascript:, data:, file:, vbscript: …), which no reader of the warehouse should be handed
    as a link; an address without a scheme ("www.example.org/a") is kept as given."""
    if not url or not url.strip():
        return None
    found = _SCHEME.match(url)
    if found and found["scheme"].lower() not in ("http", "https"):
        return None
    return url.strip()


def outlet_from_url(url: str | None, outlets: OutletNames | None = None) -> str | None:
    """The known outlet whose domain (or a parent domain) serves `url`."""
    if not url:
        return None
    outlets = outlets or load_outlets()
    host = urlparse(url if "//" in url else "//" + url).hostname or ""
    parts = host.lower().split(".")
    for i in range(len(parts) - 1):
        name = outlets.by_domain.get(".".join(parts[i:]))
        if name:
            return name
    return None


def outlet_named(text: str, outlets: OutletNames | None = None) -> str | None:
    """The canonical outlet when `text` is exactly an outlet's name or alias."""
    outlets = outlets or load_outlets()
    return outlets.by_alias.get(text.strip(" .,:;()|-—–").lower())


def outlet_in_furniture(page_text: str, outlets: OutletNames | None = None) -> str | None:
    """An outlet named by the page head: a masthead line, a byline credit or a wire dateline."""
    outlets = outlets or load_outlets()
    for line in head_lines(page_text):
        named = outlet_named(line, outlets)
        if named:
            return named
        if re.fullmatch(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", line.lower()):
            # A masthead that is the site's address ("thestar.com").
            return outlet_from_url(line, outlets) or outlet_from_domain(line)
        byline = _BYLINE.match(line)
        if byline:
            for part in reversed(re.split(r"[,|/]| - | — ", byline.group("rest"))):
                named = outlet_named(part, outlets)
                if named:
                    return named
        wire = _WIRE_DATELINE.match(line)
        if wire:
            named = outlet_named(wire.group("wire"), outlets)
            if named:
                return named
    return None


# ---------------------------------------------------------------------------------------------
# Dates and titles


def parse_written_date(text: str) -> PartialDate | None:
    """The first date written in `text` ("June 16, 2017", "16 June 2017", "Dec. 1, 2016", "May 2022")."""
    for pattern in _WRITTEN_DATES:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        month = (
            int(groups["monthnum"])
            if groups.get("monthnum")
            else MONTHS[groups["month"].lower().rstrip(".")]
        )
        try:
            if groups.get("day"):
                return PartialDate(date(year, month, int(groups["day"])), "day")
            return PartialDate(date(year, month, 1), "month")
        except ValueError:
            continue
    return None


def standalone_date(line: str) -> tuple[PartialDate, str] | None:
    """A line that is only a date (with an optional Published/Updated label and time): (date, label)."""
    prefix = _DATE_PREFIX.match(line)
    label = (prefix.group("label") or "").lower() if prefix else ""
    rest = line[prefix.end() :] if prefix else line
    for pattern in _WRITTEN_DATES[:3]:
        match = re.fullmatch(pattern.pattern + _TIME + r"\s*\.?", rest.strip(), re.IGNORECASE)
        if match:
            found = parse_written_date(rest)
            if found:
                return found, label
    return None


def date_in_head(page_text: str) -> PartialDate | None:
    """The publication date stated near the top: a dated line, "Published" preferred over "Updated".

    A dated line may carry a byline or reading time beside the date ("By Jane Doe | June 16,
    2017", "Wed., Jan. 22, 2014 5 min. read"); front-matter fields other than a publication
    date ("clipped: 2019-02-03") never count.
    """
    fallback = None
    for line in head_lines(page_text):
        front = _FRONT_MATTER_LINE.match(line)
        if front and front.group("key").lower() in _SAVED_KEYS:
            continue
        found = None
        for part in [line, *_LINE_PARTS.split(line)]:
            found = standalone_date(_READING_TIME.sub("", part).strip())
            if found is not None:
                break
        if found is None:
            continue
        when, label = found
        if "updated" in label or "modified" in label:
            fallback = fallback or when
            continue
        return when
    return fallback


def front_matter(page_text: str) -> dict[str, str]:
    """The `key: value` fields at the very top of a Markdown page (its front matter), keys lower-cased."""
    fields: dict[str, str] = {}
    for line in page_text.lstrip().splitlines():
        line = line.strip()
        if line in {"---", "+++"}:
            continue
        match = _FRONT_MATTER_LINE.match(line)
        if match is None or match.group("value").startswith("//"):
            break  # the page proper has begun ("https://..." is no field)
        fields.setdefault(match.group("key").lower(), match.group("value").strip().strip("\"'"))
    return fields


def date_in_front_matter(fields: dict[str, str]) -> PartialDate | None:
    """The publication date a front matter states (`date:`, `published:`…), with or without a time."""
    for key in fields:
        if key not in _PUBLICATION_KEYS:
            continue
        value = fields[key]
        iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)", value)
        if iso:
            try:
                return PartialDate(date(*(int(g) for g in iso.groups())), "day")
            except ValueError:
                continue
        found = parse_written_date(value)
        if found is not None:
            return found
    return None


def date_in_url(url: str | None) -> PartialDate | None:
    """A date in the path of an address: /2017/06/16/ or /20170616-slug (day), /2017/06/ (month)."""
    if not url:
        return None
    path = urlparse(url).path
    match = re.search(r"/((?:19|20)\d\d)[/-](\d{1,2})(?:[/-](\d{1,2}))?(?:/|$|-)", path)
    if not match:
        # A compact stamp leading a slug: /americas/20180904-ministers-meet
        match = re.search(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?=[-_/]|$)", path)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    try:
        if match.group(3):
            return PartialDate(date(year, month, int(match.group(3))), "day")
        return PartialDate(date(year, month, 1), "month")
    except ValueError:
        return None


def head_lines(page_text: str, limit: int = HEAD_LINES) -> list[str]:
    """The first non-empty lines of a page, stopping after the third paragraph of prose."""
    lines, prose = [], 0
    for line in normalise_whitespace(page_text[:20_000]):
        if not line:
            continue
        lines.append(line)
        prose += is_prose(line)
        if len(lines) >= limit or prose >= 3:
            break
    return lines


# Lines that head a page but are no headline: where the reader is ("You are here: Canada.ca >
# News", "Home > World"), what the site offers (its app, cookies, sign-in, newsletter), a list
# item or a table row. What the title must share with the story is checked apart (_about_story).
_BREADCRUMB = re.compile(r"^(?:you are here|home)\b|\s[>»›]\s", re.IGNORECASE)
_SITE_OFFER = re.compile(
    r"\b(?:download|get) (?:the|our)\b.{0,40}\bapps?\b|\bcookies?\b|\bsubscri(?:be|ption)\b"
    r"|\bsign(?:ed)? (?:in|up)\b|\blog ?in\b|\bnewsletters?\b|\bcart\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[•*·▪►–—-]|\d{1,2}[.)])\s")
# A date stamp run into the headline by a page dump: "date 2018-06-11 Clashes near Hodeidah".
_LEADING_STAMP = re.compile(
    r"^(?:(?:date|published|posted|updated)\s*:?\s*)?\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:]+)?\s+",
    re.IGNORECASE,
)
# Words a date, time or age line is made of: such a line ("20 July 2012 | 14:58", "11th May
# 2020, 15:26:08 UTC", "(5 years, 9 months ago)") says when, not what.
_WHEN_WORDS = frozenset(
    {"ago", "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "am",
     "pm", "at", "on", "published", "updated", "posted", "last", "modified", "date", "time",
     "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
     "st", "nd", "rd", "th", *MONTHS}
)  # fmt: skip
_STOPWORDS = frozenset(
    {"the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "has", "have",
     "had", "its", "his", "her", "their", "our", "your", "you", "not", "but", "all", "any",
     "can", "will", "after", "over", "into", "out", "about", "says", "said", "say", "new",
     "how", "why", "what", "who", "get", "got", "more", "than", "they", "she", "him", "them"}
)  # fmt: skip
TITLE_MAX_WORDS = 30  # a headline is rarely longer; a longer line is the story


def says_only_when(line: str) -> bool:
    """A line that only dates or times something (or says how long ago)."""
    words = re.findall(r"[^\W\d_]+", line.lower())
    return sum(1 for w in words if w not in _WHEN_WORDS) < 2


def is_title_furniture(line: str) -> bool:
    """A heading-like line that belongs to the page, not the article: a breadcrumb, an offer of
    the site's app, cookies or sign-in, a list item or a table row, or a line that only dates
    something."""
    words = [w for w in re.findall(r"[^\W\d_]+", line.lower()) if len(w) > 3]
    repeated = any(words.count(w) >= 3 for w in set(words) - _STOPWORDS)
    return bool(
        repeated  # a row of links: "Read Full debate Read Hansard Text Read Debate Extracts"
        or _BREADCRUMB.search(line)
        or _SITE_OFFER.search(line)
        or _LIST_ITEM.match(line)
        or line.count("|") >= 2
        or "---" in line
        or says_only_when(line)
    )


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower())
    return {
        w.replace("’", "'").removesuffix("'s")
        for w in words
        if len(w) >= 3 and w not in _STOPWORDS and not w.isdigit()
    }


def _about_story(line: str, story: str) -> bool:
    """A headline names what its story is about: at least a quarter of its content words (and
    at least one) recur in the story's prose. Page furniture ("Got a TV Licence?") does not."""
    words = _content_words(line)
    if not words:
        return False
    shared = words & _content_words(story)
    return len(shared) >= max(1, len(words) / 4)


def _story_begins(line: str) -> bool:
    """The article's prose has started: a sentence of 8 words or more, or a very long line."""
    words = word_count(line)
    return (words >= 8 and ends_sentence(line)) or words >= TITLE_MAX_WORDS


def _paragraphs(text: str) -> list[str]:
    """The text's lines with hard-wrapped sentences joined again: a line that does not end a
    sentence runs on into a next line that starts in lower case."""
    joined: list[str] = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if joined and not ends_sentence(joined[-1]) and line[0].islower():
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def title_in_body(body: str) -> str | None:
    """The first heading-like line before the article's prose: 4 to 29 words, not a sentence,
    not page furniture, and about the story that follows (see _about_story). A date stamp run
    into it is dropped."""
    lines = head_lines(body, limit=10)
    # What a headline must be about: the article's sentences, not the page's other lines.
    prose = "\n".join(p for p in _paragraphs(body[:6000]) if is_prose(p))
    for line in lines:
        line = _LEADING_STAMP.sub("", line).strip()
        if _story_begins(line) and not (line.endswith("?") and word_count(line) < 20):
            return None  # the story has begun without a heading
        words = word_count(line)
        if not 4 <= words < TITLE_MAX_WORDS or line.endswith((".", ":", ",")):
            continue
        if _BYLINE.match(line) or standalone_date(line) or outlet_named(line):
            continue
        if is_title_furniture(line) or not re.match(r"[\"'“‘(]?[A-Z0-9]", line):
            continue
        if _about_story(line, prose):
            return line
    return None


def title_repeated(page_text: str) -> str | None:
    """A line the page prints twice at its top (its window title, then its heading), when it
    reads as a headline: 4 to 40 words, not ending with a full stop, not furniture."""
    seen: set[str] = set()
    for line in head_lines(page_text, limit=6):
        if line in seen and 4 <= word_count(line) <= 40 and not line.endswith("."):
            return None if is_title_furniture(line) else line
        seen.add(line)
    return None


def title_matching_url(text: str, url: str | None) -> str | None:
    """The page line that the address's slug spells out ("/canada-slams-china-russia-for-un-
    syria-vetoes-11612/" -> "Canada slams China, Russia for UN Syria vetoes"): the headline as
    the page writes it, even where other heading-like lines come first."""
    slug = _slug_words(url)
    if len(slug) < 3:
        return None
    wanted = [re.sub(r"['’]", "", w.lower()) for w in slug]
    for line in head_lines(text, limit=25):
        line = _LEADING_STAMP.sub("", line).strip()
        # A front matter's title field ("title: \"Yemen's warring parties ...\"") gives its value.
        field = re.match(r"(?i)(?:title|headline)\s*:\s*[\"'“]?(.*?)[\"'”]?$", line)
        line = field.group(1) if field else line
        if _story_begins(line) or re.sub(r"\s*\[[^\]]*\]$", "", line).endswith((".", ":", ",")):
            continue  # a sentence of the story that happens to share the slug's words
        words = [
            re.sub(r"['’]", "", w.lower()) for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)?", line)
        ]
        if not words or len(words) > 2 * len(wanted) + 6:
            continue
        found = sum(1 for w in wanted if w in words)
        if found >= 0.75 * len(wanted) and not is_title_furniture(line):
            return line.rstrip(" .")
    return None


def infer_metadata(
    raw: RawDocument, body: str
) -> tuple[str | None, str | None, PartialDate | None]:
    """(title, outlet, published date) from the raw document's own fields, its page head and URL."""
    fields = front_matter(raw.text) if raw.fmt == "md" else {}
    title = (
        raw.title
        or fields.get("title")
        or title_matching_url(body, raw.url)
        or title_repeated(raw.text)
        or title_in_body(body)
    )
    outlet = (
        (outlet_named(raw.outlet) or raw.outlet if raw.outlet else None)
        or outlet_from_url(raw.url)
        or outlet_in_furniture(raw.text)
    )
    published = (
        raw.published
        or date_in_front_matter(fields)
        or date_in_head(raw.text)
        or date_in_url(raw.url)
    )
    return title, outlet, published


_NOT_SLUG = frozenset({"amp", "index", "print", "story", "article", "news", "en", "fr"})


def _slug_words(url: str | None) -> list[str]:
    """The words of an address's last meaningful path segment: ids, dates, file extensions and
    endings such as /amp dropped; numbers inside the slug ("resettle-25000-refugees") kept."""
    if not url:
        return []
    path = re.sub(r"[?#].*$", "", url).rstrip("/")
    segments = [seg for seg in path.split("/")[3 if "//" in path else 1 :] if seg]
    while segments and (
        segments[-1].lower() in _NOT_SLUG or re.fullmatch(r"[\d._-]+", segments[-1])
    ):
        segments.pop()
    if not segments:
        return []
    # Percent-encoded characters are read as written ("%22we-live%22" -> '"we live"').
    segment = re.sub(r"\.(?:html?|php|aspx?|stm)$", "", unquote(segments[-1]), flags=re.I)
    words = [w for w in re.split(r"[-_+]+", segment) if w]
    if words and words[0].lower() == "article":
        words = words[1:]
    # Ids and date stamps: long numbers anywhere, any number at either end.
    words = [w for w in words if not re.fullmatch(r"\d{5,}|[\d.]*\.[\d.]*", w)]
    while words and words[-1].isdigit():
        words.pop()
    while words and words[0].isdigit():
        words.pop(0)
    return words


def _as_written(word: str, text: str) -> str:
    """`word` (lower case, from an address) as the article writes it: 'syria' -> 'Syria', 'un'
    -> 'UN', 'canadas' -> "Canada's"; unchanged when the text writes it in lower case anywhere
    (a common word) or not at all."""
    forms = re.findall(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])", text, re.IGNORECASE)
    if not forms and word.endswith("s") and len(word) > 3:
        forms = re.findall(rf"(?<![\w'’]){re.escape(word[:-1])}['’]s(?!\w)", text, re.IGNORECASE)
    if forms:
        if any(f == f.lower() for f in forms):
            return word
        return max(set(forms), key=lambda f: (forms.count(f), f))
    # Not written as such: a longer form ("syrian" -> "Syrians") still tells a name.
    longer = re.findall(rf"(?<![\w'’]){re.escape(word)}\w{{1,3}}(?![\w'’])", text, re.IGNORECASE)
    if longer and not any(f[0].islower() for f in longer):
        return word[0].upper() + word[1:]
    return word


def title_from_url(url: str | None, text: str = "") -> str | None:
    """A readable title from an article address's slug, when the page gives none, with each
    word written as the article `text` writes it (names capitalised, acronyms upper case).

    ".../canada-has-evacuated-1700-people-out-of-kabul-including-900-afghans.html" -> "Canada
    has evacuated 1700 people out of Kabul including 900 Afghans". A slug of fewer than three
    words says too little to stand as a title.
    """
    words = _slug_words(url)
    if len(words) < 3 or any(len(w) > 30 for w in words):
        return None
    written = [_as_written(w.lower(), text) if text else w for w in words]
    title = " ".join(written)
    return title[0].upper() + title[1:]


def outlet_from_domain(url: str | None) -> str | None:
    """The site an address is on, as a last resort for the outlet: 'https://www.thenews.mx/a'
    -> 'thenews.mx' (a known outlet's name comes first, from outlet_from_url)."""
    if not url:
        return None
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    host = re.sub(r"^(?:www\d?|m|amp|mobile|en)\.", "", host)
    return host if "." in host else None
