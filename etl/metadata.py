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
from urllib.parse import urlparse

from etl.clean import (
    OUTLET_RULES,
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


def title_in_body(body: str) -> str | None:
    """The first heading-like line before the article's prose: 4 to 20 words, not a sentence."""
    for line in head_lines(body, limit=8):
        words = word_count(line)
        if is_prose(line) and not (line.endswith("?") and words < 20):
            return None  # the story has begun without a heading
        if not 4 <= words < 20 or line.endswith((".", ":", ",")):
            continue
        if _BYLINE.match(line) or standalone_date(line) or outlet_named(line):
            continue
        return line
    return None


def infer_metadata(
    raw: RawDocument, body: str
) -> tuple[str | None, str | None, PartialDate | None]:
    """(title, outlet, published date) from the raw document's own fields, its page head and URL."""
    fields = front_matter(raw.text) if raw.fmt == "md" else {}
    title = raw.title or fields.get("title") or title_in_body(body)
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


def title_from_url(url: str | None) -> str | None:
    """A readable title from an article address's last path segment, when the page gives none.

    ".../article-canada-concerned-by-syria-and-russias-conference/" -> "Canada concerned by syria
    and russias conference". Numeric ids and file extensions are dropped; a slug of fewer than
    three words says too little to stand as a title.
    """
    if not url:
        return None
    path = re.sub(r"[?#].*$", "", url).rstrip("/")
    segment = path.rsplit("/", 1)[-1]
    segment = re.sub(r"\.(?:html?|php|aspx?)$", "", segment, flags=re.I)
    words = [w for w in re.split(r"[-_+]+", segment) if w and not re.fullmatch(r"[\d.]+", w)]
    if words and words[0].lower() == "article":
        words = words[1:]
    if len(words) < 3 or any(len(w) > 30 for w in words):
        return None
    text = " ".join(words)
    return text[0].upper() + text[1:]
