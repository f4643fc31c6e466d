"""Reading source files: bytes to decoded `RawDocument`s, or a `Rejection` that says what to fix.

Supported: `.txt`, `.md`, `.html`/`.htm`, `.json` (one record, a list of records, or an object
holding a list under "articles"/"items"/"records"/"data") and `.jsonl` (one record per line).
`read_source` never raises for bad input: every problem becomes a `Rejection`. Which entries
may be read at all, and how many bytes, is `etl.inputs`' business.

Decoding: UTF-8 (with or without BOM), UTF-16 with a BOM, then UTF-8 with a few damaged bytes
(each run replaced by U+FFFD), then the encoding an HTML page declares, then the best guess of
charset-normalizer, with Windows-1252 as the Western fallback. Text that was UTF-8 misread as
Windows-1252 ("donâ€™t"), even twice over, is repaired by ftfy. Every repair is noted on the
document (`encoding_note`). A page saved as .txt is read as HTML, and HTML nested in HTML
(escaped, or in an iframe's `srcdoc`) or in a JSON record is unwrapped to its text.
"""

from __future__ import annotations

import codecs
import hashlib
import html as html_lib
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from etl import safe_json
from etl.dates import parse_partial_date as parse_iso_date
from etl.inputs import read_entry, relative_path
from etl.types import PartialDate, RawDocument, Rejection

log = logging.getLogger(__name__)
# trafilatura warns "discarding data: None" for pages it cannot use, naming no file; the reader
# turns those pages into rejections that do name it.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

# 20 MB: far above any single article (a long feature is ~100 KB of HTML text) yet small enough
# to read in memory; bigger files are usually archives or data dumps saved by mistake. A JSONL
# bundle of thousands of articles fits.
DEFAULT_MAX_BYTES = 20_000_000

MIN_HTML_WORDS = 5  # fewer words than this is a menu or a loading screen, not an article

TEXT_TYPES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
JSON_TYPES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}

TITLE_KEYS = ("title", "headline", "name")
TEXT_KEYS = (
    "text",
    "body",
    "content",
    "article",
    "article_text",
    "articleBody",
    "full_text",
    "maintext",
)
URL_KEYS = ("url", "link", "href", "canonical_url", "source_url")
DATE_KEYS = (
    "published_date",
    "published",
    "date",
    "publication_date",
    "datePublished",
    "pub_date",
    "published_at",
    "date_publish",
)
OUTLET_KEYS = (
    "outlet",
    "source",
    "site",
    "publisher",
    "site_name",
    "sitename",
    "source_domain",
)
LIST_KEYS = ("articles", "items", "records", "data", "results", "documents")

_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "a program",
}
_WESTERN = {
    "cp1252",
    "windows-1252",
    "latin_1",
    "iso8859_1",
    "iso8859_15",
    "cp1250",
    "ascii",
    "utf_8",
}
# Characters that never appear in real text: C0 controls other than tab/newlines, C1 controls,
# the replacement character.
_SUSPICIOUS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
# UTF-8 multi-byte sequences as they look after being decoded as Windows-1252.
_MOJIBAKE = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def read_source(
    path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[RawDocument] | Rejection:
    """Read one file under `root` into raw documents (one per record), or say why it cannot be used."""
    source_path = relative_source_path(path, root)
    suffix = path.suffix.lower()
    fmt = TEXT_TYPES.get(suffix) or JSON_TYPES.get(suffix)
    if fmt is None:
        return Rejection(
            source_path,
            "unsupported_type",
            f"Files of type '{suffix or '(no extension)'}' are not read; save the article as "
            ".txt, .md, .html, .json or .jsonl.",
        )
    data = read_entry(path, root, max_bytes)
    if isinstance(data, Rejection):
        return data
    if fmt in ("json", "jsonl"):
        return _read_json(data, source_path, fmt)
    return _read_text_file(data, source_path, fmt)


def relative_source_path(path: Path, root: Path) -> str:
    """`path` relative to `root`, with forward slashes (only its name when not under root)."""
    return relative_path(path, root)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------------------------
# Decoding


@dataclass(frozen=True)
class Decoded:
    """Decoded text and, when bytes or characters had to be repaired, a note saying which."""

    text: str
    note: str | None = None


def decode_text(data: bytes, source_path: str, declared: str | None = None) -> Decoded | Rejection:
    """Bytes to text with a note on any repair, or a Rejection (`empty`, `binary`, `undecodable`).

    Text is decoded as what it mostly is: a UTF-8 file with a few invalid bytes stays UTF-8,
    each run of bad bytes becoming one U+FFFD, instead of being decoded whole in a Western code
    page (which would garble every dash and accent in it).
    """
    if not data.strip():
        return Rejection(
            source_path,
            "empty",
            "The file is empty (or only white space); re-save the article with its text.",
        )
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return Rejection(
                source_path,
                "binary",
                f"The file is {kind}, not text; convert it to .txt or .html first.",
            )
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec))
            except UnicodeDecodeError:
                return Rejection(
                    source_path,
                    "undecodable",
                    f"The file starts with a {codec} byte-order mark but is not valid {codec}; re-save it as UTF-8.",
                )
    if b"\x00" in data or _control_byte_share(data) > 0.05:
        return Rejection(
            source_path,
            "binary",
            "The file contains NUL or control bytes, so it is not a text file; convert it to UTF-8 text first.",
        )
    try:
        return _repaired(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        log.info("%s: %d invalid UTF-8 byte(s) replaced", source_path, bad)
        return _repaired(
            text,
            f"{bad} invalid byte{'s' if bad != 1 else ''} in otherwise valid UTF-8 replaced by "
            "U+FFFD (\ufffd)",
        )
    for encoding in _candidate_encodings(data, declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _suspicious_share(text) <= 0.001:
            log.info("%s: decoded as %s (not UTF-8)", source_path, encoding)
            return Decoded(text)
    return Rejection(
        source_path,
        "undecodable",
        "The file is neither UTF-8 nor a recognisable single-byte encoding (it decodes to control "
        "characters); open it in an editor and re-save it as UTF-8.",
    )


# Share of a file's bytes that may be invalid for it still to count as UTF-8 with damage.
MAX_BAD_UTF8_SHARE = 0.05
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad byte count) when `data` is UTF-8 apart from a few invalid bytes, else None.

    "Mostly" means the file holds at least as many valid non-ASCII UTF-8 characters as places
    where bytes are invalid, and the invalid bytes are at most 5% of it: every accent and quote
    of a Windows-1252 file is an invalid byte on its own, and valid multi-byte sequences almost
    never occur in it by chance, while a damaged UTF-8 file's dashes and accents still decode.
    """
    text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="surrogateescape")
    runs = _ESCAPED_BYTES.findall(text)
    bad = sum(len(run) for run in runs)
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if not runs or valid < len(runs) or bad > MAX_BAD_UTF8_SHARE * len(data):
        return None
    return _ESCAPED_BYTES.sub("\ufffd", text), bad


def _repaired(text: str, note: str | None = None) -> Decoded:
    """`text` with mojibake undone, and the notes on what was repaired."""
    fixed = repair_mojibake(text)
    notes = [note] if note else []
    if fixed != text:
        notes.append("garbled characters (UTF-8 read in a Western code page) repaired")
    return Decoded(fixed, "; ".join(notes) or None)


def _control_byte_share(data: bytes) -> float:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)


def _suspicious_share(text: str) -> float:
    return len(_SUSPICIOUS.findall(text)) / max(len(text), 1)


def _candidate_encodings(data: bytes, declared: str | None) -> list[str]:
    """Encodings worth trying for non-UTF-8 bytes, most likely first."""
    candidates = []
    if declared:
        candidates.append(declared)
    high = sum(1 for b in data if b >= 0x80)
    ascii_letters = sum(1 for b in data if 65 <= b <= 90 or 97 <= b <= 122)
    if ascii_letters >= high:
        # Mostly Latin script with a few high bytes: a Western code page or nothing. Any byte
        # string decodes in *some* code page (Cyrillic DOS, Greek...), which would turn a
        # damaged English file into nonsense instead of a clear rejection.
        return [*candidates, "cp1252"]
    guess = _guess_encoding(data)
    if guess and guess not in _WESTERN:
        candidates.append(guess)
    # Windows-1252 is a superset of Latin-1's printable range and gives curly quotes and dashes
    # for bytes 0x80-0x9f, which Latin-1 would turn into control characters.
    candidates.append("cp1252")
    if guess and guess in _WESTERN:
        candidates.append(guess)
    return candidates


def _guess_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with the ETL
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 ("â€™" -> "’"), even twice over; ftfy decides where."""
    if not _MOJIBAKE.search(text):  # the common case, without ftfy's own scan
        return text
    import ftfy

    return ftfy.fix_encoding(text)


# ---------------------------------------------------------------------------------------------
# Text, Markdown and HTML files


def _read_text_file(data: bytes, source_path: str, fmt: str) -> list[RawDocument] | Rejection:
    declared = None
    if fmt == "html" or _HTML_START.match(data[:1024].decode("latin-1")):
        found = _META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii", "ignore").lower() if found else None
    decoded = decode_text(data, source_path, declared)
    if isinstance(decoded, Rejection):
        return decoded
    text = decoded.text
    if not text.strip():
        return Rejection(
            source_path,
            "empty",
            "The file holds only white space; re-save the article with its text.",
        )
    sha = sha256_hex(data)
    if fmt == "html" or _HTML_START.match(text):  # a page saved as .txt or .md is still a page
        documents = _html_document(text, source_path, sha)
    else:
        if fmt == "md":
            text = markdown_to_text(text)
        documents = [RawDocument(source_path=source_path, text=text, content_sha256=sha, fmt=fmt)]
    if isinstance(documents, Rejection) or decoded.note is None:
        return documents
    return [replace(d, encoding_note=decoded.note) for d in documents]


# A whole HTML document, whatever its file name says.
_HTML_START = re.compile(r"^(?:\ufeff|\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)


def markdown_to_text(text: str) -> str:
    """Markdown markup removed, words kept: headings, emphasis, links, images, HTML comments."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", r"\1", text, flags=re.MULTILINE)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", "", text, flags=re.MULTILINE)
    return text


def _html_document(html: str, source_path: str, sha: str) -> list[RawDocument] | Rejection:
    body = article_text(html)
    if _word_count(body) < MIN_HTML_WORDS:
        hidden = _word_count(_all_text(html))
        if hidden >= MIN_HTML_WORDS:
            return Rejection(
                source_path,
                "furniture_only",
                f"The page holds {hidden:,} words, but all of them in page furniture (menus, "
                "headers, footers, asides or forms) that is never read as article text; save "
                "the article page itself, or the article's text as a .txt file.",
            )
        return Rejection(
            source_path,
            "no_text",
            "The HTML page has no article text (only markup, scripts or styles); save the article page itself.",
        )
    meta = html_metadata(html)
    return [
        RawDocument(
            source_path=source_path,
            text=body,
            content_sha256=sha,
            fmt="html",
            title=meta.get("title"),
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            published=parse_machine_date(meta.get("published")),
        )
    ]


def _word_count(text: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", text))


# Markup inside the text: tags, or tags written as entities ("&lt;p&gt;") by an exporter.
_HTML_TAG = re.compile(r"<(?:p|div|br|article|section|main|h[1-6]|html|body|iframe)\b", re.I)
_ESCAPED_TAG = re.compile(r"&lt;(?:p|div|br|article|section|main|h[1-6]|html|body)\b", re.I)
MAX_HTML_NESTING = 3  # an HTML page inside a page inside a page is as deep as real exports go


def looks_like_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text) or _ESCAPED_TAG.search(text))


def article_text(markup: str) -> str:
    """The article text of HTML, unwrapping HTML nested in it up to three levels deep.

    Nested HTML is a page whose text is itself markup (escaped as "&lt;p&gt;" or in a <pre>),
    or a page that carries the article in an iframe's `srcdoc`.
    """
    text = markup
    for _ in range(MAX_HTML_NESTING):
        if not _HTML_TAG.search(text) and _ESCAPED_TAG.search(text):
            text = html_lib.unescape(text)
        if not _HTML_TAG.search(text):
            break
        inner = html_to_text(text)
        if _word_count(inner) < MIN_HTML_WORDS:
            framed = _srcdocs(text)
            if framed:
                text = "\n".join(framed)
                continue
        text = inner
    return text


def _srcdocs(html: str) -> list[str]:
    tree = _parse_html(html)
    return [] if tree is None else [d for d in tree.xpath("//iframe/@srcdoc") if d.strip()]


def _all_text(html: str) -> str:
    """Every word of a page outside scripts and styles, furniture included."""
    tree = _parse_html(html)
    if tree is None:
        return ""
    for element in tree.xpath("//script | //style"):
        element.drop_tree()
    return tree.text_content()


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
)
_BLOCK_TAGS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "td",
)
_META_FIELDS = {
    "title": ("og:title", "twitter:title", "dc.title", "headline"),
    "url": ("og:url", "twitter:url"),
    "outlet": (
        "og:site_name",
        "application-name",
        "publisher",
        "dc.publisher",
        "cre",
        "twitter:site",
    ),
    "published": (
        "article:published_time",
        "og:published_time",
        "published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "originalpublicationdate",
    ),
}


def html_to_text(html: str) -> str:
    """The main text of an HTML page, one paragraph per line; trafilatura first, then plain lxml."""
    try:
        import trafilatura

        text = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    except Exception as exc:  # noqa: BLE001 - a parser failure on odd markup must not stop the run
        log.debug("trafilatura failed: %s", exc)
        text = None
    if text and text.strip():
        return text
    return _lxml_text(html)


def _parse_html(html: str):  # -> lxml.html.HtmlElement | None
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.fromstring(html)
    except (ParserError, ValueError):
        try:  # lxml refuses str with an encoding declaration
            return lxml.html.fromstring(html.encode("utf-8"))
        except (ParserError, ValueError):
            return None


def _lxml_text(html: str) -> str:
    tree = _parse_html(html)
    if tree is None:
        return ""
    for element in tree.xpath("//" + " | //".join(_DROP_TAGS)):
        element.drop_tree()
    blocks = []
    for element in tree.iter(*_BLOCK_TAGS):
        # Only innermost blocks, so a <li> holding a <p> is not read twice.
        if any(child.tag in _BLOCK_TAGS for child in element.iterdescendants()):
            continue
        text = re.sub(r"\s+", " ", element.text_content()).strip()
        if text:
            blocks.append(text)
    if not blocks:
        body = tree.find("body")
        root = body if body is not None else tree
        blocks = [re.sub(r"[ \t]+", " ", line).strip() for line in root.text_content().split("\n")]
    return "\n\n".join(b for b in blocks if b)


def html_metadata(html: str) -> dict[str, str]:
    """Title, canonical URL, outlet and publication date from meta tags, JSON-LD and <time>."""
    tree = _parse_html(html)
    if tree is None:
        return {}
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        )
        content = (meta.get("content") or "").strip()
        if key and content:
            metas.setdefault(key, content)
    found: dict[str, str] = {}
    for field_name, keys in _META_FIELDS.items():
        for key in keys:
            if key in metas:
                found[field_name] = metas[key]
                break
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        _merge_json_ld(script.text_content(), found)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    if "url" not in found and canonical:
        found["url"] = canonical[0].strip()
    if "published" not in found:
        times = tree.xpath("//article//time/@datetime | //time[@pubdate]/@datetime")
        if times:
            found["published"] = times[0].strip()
    if "title" not in found:
        heading = tree.xpath("//h1")
        title = tree.find(".//title")
        source = heading[0] if heading else title
        if source is not None:
            found["title"] = re.sub(r"\s+", " ", source.text_content()).strip()
    if found.get("outlet", "").startswith("@"):  # a Twitter handle is not a name
        del found["outlet"]
    return {k: v for k, v in found.items() if v}


def _merge_json_ld(payload: str, found: dict[str, str]) -> None:
    try:
        data = safe_json.loads(payload)
    except json.JSONDecodeError:
        return
    items = (
        data
        if isinstance(data, list)
        else data.get("@graph", [data])
        if isinstance(data, dict)
        else []
    )
    for item in items:
        if (
            not isinstance(item, dict)
            or "NewsArticle" not in str(item.get("@type", ""))
            and "Article" not in str(item.get("@type", ""))
        ):
            continue
        for field_name, key in (
            ("title", "headline"),
            ("published", "datePublished"),
            ("url", "url"),
        ):
            value = _as_text(item.get(key))
            if value and field_name not in found:
                found[field_name] = value
        publisher = _as_text(item.get("publisher"))
        if publisher and "outlet" not in found:
            found["outlet"] = publisher


# ---------------------------------------------------------------------------------------------
# JSON and JSONL


def _read_json(data: bytes, source_path: str, fmt: str) -> list[RawDocument] | Rejection:
    decoded = decode_text(data, source_path)
    if isinstance(decoded, Rejection):
        return decoded
    text, note = decoded.text, decoded.note
    if fmt == "jsonl":
        records, problems = _jsonl_records(text, source_path)
        if not records and problems:
            return Rejection(
                source_path,
                "invalid_json",
                f"No line of the file is a JSON object; first problem: {problems[0]}. Fix the JSON (one object per line).",
            )
    else:
        try:
            parsed = safe_json.loads(text)
        except json.JSONDecodeError as exc:
            return Rejection(
                source_path,
                "invalid_json",
                f"The file is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); fix it or re-export it.",
            )
        records, problems = _json_records(parsed, source_path)
        if isinstance(records, Rejection):
            return records
        if len(records) == 1 and records[0][0] == source_path:
            # One record: the file's own bytes identify it, like any other single-article file.
            return _records_to_documents(
                records, fmt, sha256_hex(data), source_path, encoding_note=note
            )
    for problem in problems:
        log.warning("%s", problem)
    return _records_to_documents(records, fmt, None, source_path, encoding_note=note)


def _jsonl_records(text: str, source_path: str) -> tuple[list[tuple[str, Any]], list[str]]:
    records, problems = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = safe_json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{source_path}#{number}: not valid JSON ({exc.msg}); line skipped")
            continue
        if not isinstance(value, dict):
            problems.append(f"{source_path}#{number}: not a JSON object; line skipped")
            continue
        records.append((f"{source_path}#{number}", value))
    return records, problems


def _json_records(
    parsed: Any, source_path: str
) -> tuple[list[tuple[str, Any]] | Rejection, list[str]]:
    if isinstance(parsed, dict) and not _first(parsed, TEXT_KEYS):
        for key in LIST_KEYS:
            if isinstance(parsed.get(key), list):
                parsed = parsed[key]
                break
    if isinstance(parsed, dict):
        return [(source_path, parsed)], []
    if isinstance(parsed, list):
        records, problems = [], []
        for index, value in enumerate(parsed, start=1):
            if isinstance(value, dict):
                records.append((f"{source_path}#{index}", value))
            else:
                problems.append(f"{source_path}#{index}: not a JSON object; item skipped")
        if not records:
            return Rejection(
                source_path,
                "no_text",
                "The JSON list holds no article records (objects with a text field).",
            ), []
        return records, problems
    return Rejection(
        source_path,
        "invalid_json",
        "The JSON file holds a single value, not an article record; expected an object with title and text.",
    ), []


def _records_to_documents(
    records: Iterable[tuple[str, Mapping[str, Any]]],
    fmt: str,
    whole_file_sha: str | None,
    source_path: str,
    encoding_note: str | None = None,
) -> list[RawDocument] | Rejection:
    documents, empties = [], []
    for record_path, record in records:
        document = record_document(record, record_path, fmt, whole_file_sha, encoding_note)
        if document is None:
            empties.append(record_path)
        else:
            documents.append(document)
    for record_path in empties:
        log.warning(
            "%s: record has no article text (keys text/body/content); skipped",
            record_path,
        )
    if not documents:
        return Rejection(
            source_path,
            "no_text",
            "No record has article text; give each record a 'text' (or 'body'/'content') field.",
        )
    return documents


def record_document(
    record: Mapping[str, Any],
    record_path: str,
    fmt: str,
    sha: str | None = None,
    encoding_note: str | None = None,
) -> RawDocument | None:
    """One JSON record as a raw document; None when it carries no article text."""
    text = _as_text(_first(record, TEXT_KEYS))
    if not text or not text.strip():
        return None
    if looks_like_html(text):
        extracted = article_text(text)
        if _word_count(extracted) < MIN_HTML_WORDS:
            # The field is the article by its name: furniture words beat no words at all.
            extracted = _all_text(text)
        text = extracted if extracted.strip() else text
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    repaired = _repaired(text, encoding_note)
    return RawDocument(
        source_path=record_path,
        text=repaired.text,
        content_sha256=sha or sha256_hex(canonical.encode("utf-8")),
        fmt=fmt,
        title=_clean_field(_as_text(_first(record, TITLE_KEYS))),
        url=_clean_field(_as_text(_first(record, URL_KEYS))),
        outlet=_clean_field(_as_text(_first(record, OUTLET_KEYS))),
        published=parse_machine_date(_as_text(_first(record, DATE_KEYS))),
        encoding_note=repaired.note,
    )


def _first(record: Mapping[str, Any], keys: Iterable[str]) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    """A field as text: strings as they are, {"name": ...} objects by name, lists joined."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return _as_text(_first(value, ("name", "title", "text", "value", "url")))
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return "\n\n".join(p for p in parts if p) or None
    return str(value)


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


# ---------------------------------------------------------------------------------------------
# Dates written by machines (meta tags, record fields, sidecar files)

_ISO = re.compile(r"^\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?:[T ].*)?\s*$")


def parse_machine_date(value: str | None) -> PartialDate | None:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a time part is ignored); else a written date; else None."""
    if not value:
        return None
    match = _ISO.match(value)
    if match:
        return parse_iso_date(match.group(1))
    from etl.metadata import parse_written_date

    return parse_written_date(value)


def read_bytes(
    data: bytes, source_path: str, fmt: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[RawDocument] | Rejection:
    """Bytes already in memory (an upload being checked) read as `read_source` reads a file of
    format `fmt` (txt, md, html, json, jsonl)."""
    if len(data) > max_bytes:
        return Rejection(
            source_path,
            "too_large",
            f"The file is {len(data):,} bytes, over the {max_bytes:,}-byte limit; split it into "
            "one file per article or a .jsonl bundle under the limit.",
        )
    if fmt in ("json", "jsonl"):
        return _read_json(data, source_path, fmt)
    return _read_text_file(data, source_path, fmt)
