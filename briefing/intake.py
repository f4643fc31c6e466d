"""Articles added from the dashboard: check uploads before anything is written, then stage them.

Three steps, each usable alone:
- `inspect_uploads` (pure: bytes in, verdicts out, nothing written) opens zip archives with
  limits on entry count, total size and compression ratio, sniffs each file's type from its
  content, reads it with the ETL's own reader (`etl.readers.read_bytes`) and prepares it as the
  ETL would (`etl.ingest.prepare`: cleaning, language), so a file accepted here is one the ETL
  will load.
- `stage` writes accepted files under `<input>/uploads/<day>/` with safe, content-derived names
  and adds their metadata to `<input>/sources.csv` under a lock; nothing lands outside the
  input folder.
- `add_articles` stages, then runs the ETL (`etl.run.run_etl`, in a spawned process), one
  page-run at a time; `AddJob` does it in a background thread and is the run's Reporter.

The input folder is `$BRIEFING_RAW`, by default the folder `raw` beside the warehouse
(`data/raw` for `data/warehouse.duckdb`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
import threading
import time
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from filelock import FileLock, Timeout

from etl import safe_json
from etl.ingest import prepare
from etl.language import detect_language
from etl.metadata import SIDECAR_COLUMNS, SIDECAR_NAME, parse_sidecar_date
from etl.readers import DEFAULT_MAX_BYTES, JSON_TYPES, TEXT_TYPES, read_bytes
from etl.types import Article, Rejection

if TYPE_CHECKING:
    from etl.run import Reporter, RunSummary

UPLOADS_DIR = "uploads"
RAW_ENV = "BRIEFING_RAW"
ARTICLE_SUFFIXES = tuple(sorted({*TEXT_TYPES, *JSON_TYPES}))
UPLOAD_SUFFIXES = (*ARTICLE_SUFFIXES, ".zip")
KIND_SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html", "json": ".json", "jsonl": ".jsonl"}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
STEM_CHARS = 60
# A name `stage` will write: what `safe_name` makes, and nothing that could climb or hide.
STORED_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,80}-[0-9a-f]{10}\.(txt|md|html|json|jsonl)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Tags that only a web page carries at its top, and the block tags of article markup.
_HTML_PAGE = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_BLOCKS = re.compile(rb"<(p|div|br|article|section|h[1-6]|li|table|span|a)\b[^>]*>", re.I)
MIN_HTML_BLOCKS = 3


@dataclass(frozen=True)
class Limits:
    """How much one upload may hold. `upload_bytes` is `server.maxUploadSize`, checked again
    here; an article file (zipped or not) may be as large as the ETL reads."""

    upload_bytes: int = 50 * 1024 * 1024
    article_bytes: int = DEFAULT_MAX_BYTES
    files: int = 500  # article files in one upload, zip entries included
    zip_total_bytes: int = 200 * 1024 * 1024  # uncompressed, over all entries of one archive
    zip_ratio: float = 100.0  # uncompressed/compressed; prose deflates about 3:1


@dataclass(frozen=True)
class Upload:
    """A file as the browser sent it (or as an archive held it)."""

    name: str
    data: bytes = field(repr=False)
    origin: str = ""  # how to name it to the user; `name` when empty

    @property
    def label(self) -> str:
        return self.origin or self.name


@dataclass(frozen=True)
class Verdict:
    """What will happen to one file: accepted (`reason` empty) or rejected and why."""

    origin: str  # the name the user knows: "notes.txt", "bundle.zip › 2024/a.html"
    reason: str = ""  # short code; empty when accepted
    detail: str = ""  # a sentence the user can act on (or, when accepted, a note)
    kind: str = ""  # sniffed: txt, md, html, json, jsonl
    size: int = 0
    sha256: str = ""
    stored_name: str = ""  # the safe name under uploads/<day>/; empty when rejected
    encoding: str = ""
    language: str = ""
    title: str = ""
    articles: int = 0  # article records it gives (a .jsonl may hold many)
    article_ids: tuple[str, ...] = ()
    body_keys: tuple[str, ...] = field(default=(), repr=False)
    data: bytes = field(default=b"", repr=False, compare=False)

    @property
    def accepted(self) -> bool:
        return not self.reason


@dataclass(frozen=True)
class SourceRow:
    """What the user says about one accepted file; written to sources.csv when not empty."""

    url: str = ""
    outlet: str = ""
    published_date: str = ""

    def is_empty(self) -> bool:
        return not (self.url or self.outlet or self.published_date)


class StagingError(Exception):
    """Staging refused to write: a path would leave the input folder, or a name is unsafe."""


def reject(upload: Upload | str, reason: str, detail: str, **known) -> Verdict:
    origin = upload if isinstance(upload, str) else upload.label
    return Verdict(origin=origin, reason=reason, detail=detail, **known)


# --- where ---------------------------------------------------------------------------------


def input_path(warehouse: str | os.PathLike[str]) -> Path:
    """The ETL's input folder: $BRIEFING_RAW, else `raw` beside the warehouse file."""
    configured = os.environ.get(RAW_ENV)
    return Path(configured) if configured else Path(warehouse).parent / "raw"


def limits_for(max_upload_mb: float | None) -> Limits:
    """Limits with the upload size of Streamlit's `server.maxUploadSize` (megabytes)."""
    if not max_upload_mb or max_upload_mb <= 0:
        return Limits()
    return Limits(upload_bytes=int(max_upload_mb * 1024 * 1024))


# --- names ---------------------------------------------------------------------------------


def suffix_of(name: str) -> str:
    base = re.split(r"[\\/]", name)[-1]
    stem, dot, ext = base.rpartition(".")
    return f".{ext.lower()}" if dot and stem else ""


def safe_name(name: str, kind: str, sha256: str) -> str:
    """A file name safe to write anywhere: the last path part of `name` folded to ASCII letters,
    digits, '_' and '-', then the first 10 hex digits of the content hash (two files never
    share a name unless they share their bytes), then the extension of the sniffed kind."""
    base = re.split(r"[\\/]", name)[-1]
    stem = base[: -len(suffix_of(base))] if suffix_of(base) else base
    stem = unicodedata.normalize("NFKD", stem)
    stem = "".join(c for c in stem if not unicodedata.combining(c))
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem.encode("ascii", "ignore").decode())
    stem = re.sub(r"_{2,}", "_", stem).strip("_-")[:STEM_CHARS].strip("_-")
    return f"{stem or 'article'}-{sha256[:10]}{KIND_SUFFIX[kind]}"


def unsafe_member_name(name: str) -> str | None:
    """Why an archive member's name may not be used, or None. Rejects absolute paths, drive
    letters, '..' parts and control characters, whichever slash they use."""
    if _CONTROL.search(name):
        return "its name contains control characters"
    path = name.replace("\\", "/")
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return "its name is an absolute path"
    if ".." in path.split("/"):
        return "its name climbs out of the archive ('..')"
    return None


def _hidden(name: str) -> bool:
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


# --- content -------------------------------------------------------------------------------


def sniff_kind(data: bytes, name: str) -> str:
    """The article format the bytes hold (txt, md, html, json, jsonl), whatever the name says;
    the name only decides between plain text and Markdown, which look alike."""
    text = _lenient_text(data)
    named = suffix_of(name)
    if text.lstrip()[:1] in ("{", "["):
        try:
            safe_json.loads(text)
            return "json"
        except ValueError:
            lines = [line for line in text.splitlines() if line.strip()]
            if lines and all(_is_json_object(line) for line in lines[:50]):
                return "jsonl"
        if named in JSON_TYPES:  # broken JSON stays JSON, so the reader says what is wrong
            return JSON_TYPES[named]
    head = data.lstrip(b"\xef\xbb\xbf")[:65536]
    if _HTML_PAGE.match(head):
        return "html"
    if named in (".md", ".markdown"):
        return "md"
    if len(_HTML_BLOCKS.findall(head)) >= MIN_HTML_BLOCKS:
        return "html"
    return "txt"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(safe_json.loads(line), dict)
    except ValueError:
        return False


def _lenient_text(data: bytes) -> str:
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def describe_encoding(data: bytes) -> str:
    """The text encoding of the bytes, as a person would name it."""
    for bom, name in (
        (b"\xef\xbb\xbf", "UTF-8 (with BOM)"),
        (b"\xff\xfe\x00\x00", "UTF-32"),
        (b"\x00\x00\xfe\xff", "UTF-32"),
        (b"\xff\xfe", "UTF-16"),
        (b"\xfe\xff", "UTF-16"),
    ):
        if data.startswith(bom):
            return name
    try:
        data.decode("ascii")
        return "ASCII"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return f"{best.encoding} (not UTF-8)" if best is not None else "unknown (not UTF-8)"


def _body_key(body: str) -> str:
    # The ETL's own rule for duplicate bodies: the same words, whatever the white space.
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def read_article_file(upload: Upload, kind: str, limits: Limits) -> Verdict:
    """Read the bytes as the ETL will (its reader, then its cleaning and language check) and
    say whether they give at least one article."""
    sha = hashlib.sha256(upload.data).hexdigest()
    known = {"kind": kind, "size": len(upload.data), "sha256": sha}
    stored = safe_name(upload.name, kind, sha)
    result = read_bytes(upload.data, stored, kind, max_bytes=limits.article_bytes)
    if isinstance(result, Rejection):
        return reject(upload, result.reason, result.detail, **known)
    encoding = describe_encoding(upload.data)
    articles: list[Article] = []
    problems: list[Rejection] = []
    for raw in result:
        prepared = prepare(raw, {})
        (problems if isinstance(prepared, Rejection) else articles).append(prepared)
    if not articles:
        first = problems[0]
        detail = first.detail if len(problems) == 1 else f"{len(problems)} records: {first.detail}"
        language = detect_language(result[0].text)[0] if first.reason == "non_english" else ""
        return reject(upload, first.reason, detail, encoding=encoding, language=language, **known)
    language, confidence = detect_language(articles[0].body)
    note = (
        f"{len(problems)} of {len(result)} records unusable ({problems[0].reason})"
        if problems
        else ""
    )
    return Verdict(
        origin=upload.label,
        detail=note,
        stored_name=stored,
        encoding=encoding,
        language=f"{language} ({confidence:.2f})",
        title=articles[0].title or "",
        articles=len(articles),
        article_ids=tuple(a.article_id for a in articles),
        body_keys=tuple(_body_key(a.body) for a in articles),
        data=upload.data,
        **known,
    )


# --- archives ------------------------------------------------------------------------------


def expand_zip(upload: Upload, limits: Limits) -> list[Upload | Verdict]:
    """The article files inside a zip archive, and a verdict for every member turned away,
    in the archive's order.

    Sizes are checked from the archive's directory before anything is decompressed (count,
    total, per file, compression ratio), and bytes are counted again while reading, so an
    archive that lies about its sizes stops at the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(upload.data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        return [reject(upload, "invalid_zip", f"The file is not a readable zip archive ({exc}).")]
    if len(members) > limits.files:
        return [
            reject(
                upload,
                "zip_bomb",
                f"The archive holds {len(members):,} files, over the limit of {limits.files:,}; "
                "split it into smaller archives.",
            )
        ]
    declared = sum(m.file_size for m in members)
    if declared > limits.zip_total_bytes:
        return [
            reject(
                upload,
                "zip_bomb",
                f"The archive unpacks to {declared:,} bytes, over the limit of "
                f"{limits.zip_total_bytes:,}; split it into smaller archives.",
            )
        ]
    found: list[Upload | Verdict] = []
    budget = limits.zip_total_bytes
    for member in members:
        origin = f"{upload.label} › {member.filename}"
        problem = _member_problem(member, limits)
        if problem is not None:
            found.append(reject(origin, *problem, size=member.file_size))
            continue
        try:
            data = _read_member(archive, member, min(limits.article_bytes, budget))
        except _Overflow as exc:
            found.append(reject(origin, "zip_bomb", str(exc), size=member.file_size))
            continue
        # A corrupt member (bad CRC, broken deflate stream: zlib.error) costs only itself.
        except Exception as exc:  # noqa: BLE001
            found.append(reject(origin, "invalid_zip", f"The member could not be read ({exc})."))
            continue
        budget -= len(data)
        if data.startswith(ZIP_MAGIC):
            found.append(
                reject(
                    origin,
                    "nested_archive",
                    "An archive inside the archive is not opened; upload it on its own.",
                    size=len(data),
                )
            )
            continue
        found.append(Upload(member.filename, data, origin))
    return found


class _Overflow(Exception):
    pass


def _member_problem(member: zipfile.ZipInfo, limits: Limits) -> tuple[str, str] | None:
    name = member.filename
    unsafe = unsafe_member_name(name)
    if unsafe:
        return "unsafe_path", f"The member is not unpacked: {unsafe}."
    mode = member.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symlink", "The member is a symbolic link, not a file; links are never followed."
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # 0: made where files have no modes
        return "not_a_file", "The member is a special file (device, pipe or socket), not a file."
    if _hidden(name):
        return "hidden", "Hidden files and system folders (.DS_Store, __MACOSX) are skipped."
    if member.flag_bits & 0x1:
        return "encrypted", "The member is password-protected; upload it unencrypted."
    if suffix_of(name) == ".zip":
        return (
            "nested_archive",
            "An archive inside the archive is not opened; upload it on its own.",
        )
    if suffix_of(name) not in ARTICLE_SUFFIXES:
        return "unsupported_type", _unsupported(name)
    if member.file_size > limits.article_bytes:
        return "too_large", (
            f"The file unpacks to {member.file_size:,} bytes, over the {limits.article_bytes:,}-byte "
            "limit for one article file."
        )
    ratio = member.file_size / member.compress_size if member.compress_size else float("inf")
    if member.file_size and ratio > limits.zip_ratio:
        return "zip_bomb", (
            f"The file is compressed {ratio:,.0f} to 1, over the limit of "
            f"{limits.zip_ratio:,.0f} to 1 (text compresses about 3 to 1)."
        )
    return None


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, counted while reading: never more than it declared or than `limit`."""
    allowed = min(member.file_size, limit)
    chunks, count = [], 0
    with archive.open(member) as stream:
        while chunk := stream.read(65536):
            count += len(chunk)
            if count > allowed:
                raise _Overflow(
                    f"The file unpacks to more than {allowed:,} bytes (it declared "
                    f"{member.file_size:,}); the archive is not trusted."
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _unsupported(name: str) -> str:
    return (
        f"Files of type '{suffix_of(name) or '(no extension)'}' are not read; upload "
        f"{', '.join(UPLOAD_SUFFIXES)}."
    )


# --- the whole upload ----------------------------------------------------------------------


def inspect_uploads(
    uploads: Sequence[Upload],
    limits: Limits = Limits(),
    known: Mapping[str, str] | None = None,
) -> list[Verdict]:
    """A verdict for every file of the upload, zip members included, in the order given.

    `known` maps the ids of articles already in the warehouse to their titles, so a file
    added before is named rather than loaded twice. Within the upload, a second file
    with the same bytes or the same article text is a duplicate of the first."""
    known = known or {}
    queue: list[Upload | Verdict] = []  # files to read, and verdicts already given, in order
    for upload in uploads:
        if len(upload.data) > limits.upload_bytes:
            queue.append(
                reject(
                    upload,
                    "too_large",
                    f"The file is {len(upload.data):,} bytes, over the upload limit of "
                    f"{limits.upload_bytes:,} bytes (server.maxUploadSize).",
                    size=len(upload.data),
                )
            )
        elif suffix_of(upload.name) not in UPLOAD_SUFFIXES:
            queue.append(reject(upload, "unsupported_type", _unsupported(upload.name)))
        elif suffix_of(upload.name) == ".zip":
            queue += expand_zip(upload, limits)
        else:
            queue.append(upload)
    verdicts: list[Verdict] = []
    seen_bytes: dict[str, str] = {}
    seen_bodies: dict[str, str] = {}
    count = 0
    for upload in queue:
        if isinstance(upload, Verdict):
            verdicts.append(upload)
            continue
        count += 1
        if count > limits.files:
            verdicts.append(
                reject(upload, "too_many_files", f"Only {limits.files:,} files are taken at once.")
            )
            continue
        sha = hashlib.sha256(upload.data).hexdigest()
        if sha in seen_bytes:
            verdicts.append(
                reject(upload, "duplicate", f"Same bytes as {seen_bytes[sha]}.", sha256=sha)
            )
            continue
        seen_bytes[sha] = upload.label
        verdict = read_article_file(upload, sniff_kind(upload.data, upload.name), limits)
        if verdict.accepted:
            verdict = _against_earlier(verdict, seen_bodies, known)
        if verdict.accepted:
            seen_bodies.update(dict.fromkeys(verdict.body_keys, verdict.origin))
        verdicts.append(verdict)
    return verdicts


def _against_earlier(
    verdict: Verdict, seen_bodies: Mapping[str, str], known: Mapping[str, str]
) -> Verdict:
    earlier = [seen_bodies[k] for k in verdict.body_keys if k in seen_bodies]
    if earlier and len(earlier) == len(verdict.body_keys):
        return replace(
            verdict,
            reason="duplicate",
            detail=f"Same article text as {earlier[0]}.",
            stored_name="",
        )
    if all(a in known for a in verdict.article_ids):
        title = known[verdict.article_ids[0]] or "(untitled)"
        return replace(
            verdict,
            reason="already_added",
            detail=f"The warehouse already holds this file's article: {title}.",
            stored_name="",
        )
    return verdict


def pasted_upload(
    title: str, text: str, url: str = "", outlet: str = "", published_date: str = ""
) -> Upload:
    """Pasted text or HTML as a one-record JSON file, which carries its title with it."""
    record = {"title": title.strip(), "text": text}
    record |= {k: v.strip() for k, v in (("url", url), ("outlet", outlet)) if v.strip()}
    if published_date.strip():
        record["published_date"] = published_date.strip()
    data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
    return Upload(
        f"{title.strip() or 'pasted'}.json", data, f"pasted: {title.strip() or '(untitled)'}"
    )


# --- metadata the user types ---------------------------------------------------------------


def source_row_problems(row: SourceRow) -> list[str]:
    """Why a row of user-given metadata cannot be written (empty when it can)."""
    problems = []
    url = row.url.strip()
    if url:
        parts = urlsplit(url) if not re.search(r"\s|[\x00-\x1f\x7f]", url) else None
        if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            problems.append("url must be a web address starting with http:// or https://")
        elif len(url) > 2000:
            problems.append("url is longer than 2,000 characters")
    outlet = row.outlet.strip()
    if _CONTROL.search(outlet) or len(outlet) > 200:
        problems.append("outlet must be one line of at most 200 characters")
    day = row.published_date.strip()
    if day and parse_sidecar_date(day) is None:
        problems.append("published date must be YYYY-MM-DD, YYYY-MM or YYYY")
    return problems


# --- writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Staged:
    """Files written under the input folder, as the ETL will name them (relative paths)."""

    files: tuple[str, ...]
    sidecar_rows: int


def stage(
    verdicts: Iterable[Verdict],
    rows: Mapping[str, SourceRow],
    input_dir: Path,
    day: date | None = None,
) -> Staged:
    """Write the accepted files to `<input_dir>/uploads/<day>/` and their metadata (keyed by
    stored name) to `sources.csv`; return their paths relative to the input folder.

    Files are written under a hidden temporary name and renamed into place, after their
    metadata rows: an ETL run reading meanwhile sees a whole file or none. Nothing is written
    outside `input_dir`; a path that would leave it raises StagingError before any write."""
    accepted = [v for v in verdicts if v.accepted]
    for verdict in accepted:
        if not STORED_NAME.fullmatch(verdict.stored_name):
            raise StagingError(f"refusing the unsafe file name {verdict.stored_name!r}")
    day = day or datetime.now(UTC).date()
    root = input_dir.resolve(strict=True)
    folder = root
    for part in (UPLOADS_DIR, day.isoformat()):
        folder = folder / part
        if folder.is_symlink():
            raise StagingError(f"{UPLOADS_DIR}/ must be a folder, not a link: {part}")
        folder.mkdir(exist_ok=True)
    if not folder.resolve(strict=True).is_relative_to(root):
        raise StagingError("the uploads folder leads outside the input folder")
    relative = [f"{UPLOADS_DIR}/{day.isoformat()}/{v.stored_name}" for v in accepted]
    sidecar = [
        (path, rows[v.stored_name])
        for path, v in zip(relative, accepted, strict=True)
        if v.stored_name in rows and not rows[v.stored_name].is_empty()
    ]
    if sidecar:
        append_sidecar(root, sidecar)
    for verdict in accepted:
        _write_new(folder / verdict.stored_name, verdict.data)
    return Staged(tuple(relative), len(sidecar))


def _write_new(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a hidden temporary file; keep an identical file there."""
    if path.is_symlink():
        raise StagingError(f"refusing to write over a link: {path.name}")
    if path.exists():
        if path.read_bytes() == data:
            return  # the same upload again: its name comes from its bytes
        raise StagingError(f"{path.name} exists with other content")
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def sidecar_lock(input_dir: Path) -> FileLock:
    return FileLock(str(input_dir / f".{SIDECAR_NAME}.lock"), timeout=60)


def append_sidecar(input_dir: Path, entries: Sequence[tuple[str, SourceRow]]) -> None:
    """Add rows to `sources.csv` under a lock, keeping every existing byte; the file is replaced
    whole (temporary file, then rename), so a reader never sees half a row."""
    path = input_dir / SIDECAR_NAME
    if path.is_symlink():
        raise StagingError(f"{SIDECAR_NAME} is a link; refusing to write through it")
    with sidecar_lock(input_dir):
        existing = path.read_bytes() if path.exists() else b""
        text = existing.decode("utf-8-sig", errors="replace")
        header = next(csv.reader(io.StringIO(text)), None) if text.strip() else None
        columns = [c.strip().lower() for c in header] if header else []
        if header and "file" not in columns:
            raise StagingError(
                f"{SIDECAR_NAME} has no 'file' column, so its rows cannot be kept; fix its first "
                f"row ({','.join(SIDECAR_COLUMNS)}) and add the articles again."
            )
        if not set(SIDECAR_COLUMNS) <= set(columns):
            existing, columns = _widen_sidecar(text, columns), list(SIDECAR_COLUMNS)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for file, row in entries:
            values = {"file": file, **{k: v.strip() for k, v in vars(row).items()}}
            writer.writerow([values.get(c, "") for c in columns])
        if existing and not existing.endswith(b"\n"):
            existing += b"\n"
        temporary = path.with_name(f".{SIDECAR_NAME}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
        try:
            with open(temporary, "xb") as out:
                out.write(existing + buffer.getvalue().encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)


def _widen_sidecar(text: str, columns: list[str]) -> bytes:
    """The sidecar rewritten with every contract column (a new file, or one missing columns);
    the values of existing rows are kept."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SIDECAR_COLUMNS)
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        values = dict(zip(columns, row, strict=False))
        writer.writerow([values.get(c, "") for c in SIDECAR_COLUMNS])
    return buffer.getvalue().encode("utf-8")


# --- running -------------------------------------------------------------------------------


def run_lock(db_path: Path) -> FileLock:
    """One dashboard-started run at a time per warehouse (the ETL serialises writers too)."""
    return FileLock(str(db_path.with_name(f".{db_path.name}.add-articles.lock")))


@dataclass(frozen=True)
class Added:
    staged: Staged
    summary: RunSummary
    waited_seconds: float


def add_articles(
    verdicts: Sequence[Verdict],
    rows: Mapping[str, SourceRow],
    input_dir: Path,
    db_path: Path,
    reporter: Reporter | None = None,
    *,
    on_wait: Callable[[float], None] | None = None,
    day: date | None = None,
) -> Added:
    """Stage the accepted files, then run the ETL over the input folder (only new or changed
    articles are analysed). When another page's run holds the warehouse, wait for it, calling
    `on_wait(seconds)` about once a second. Raises `etl.run.RunError` when the run cannot happen;
    the staged files stay and the next run picks them up."""
    input_dir, db_path = Path(input_dir), Path(db_path)
    input_dir.mkdir(parents=True, exist_ok=True)
    staged = stage(verdicts, rows, input_dir, day)
    lock = run_lock(db_path)
    started = time.monotonic()
    patience = 0.0  # the first try does not wait, so the user hears at once why nothing moves
    while True:
        try:
            lock.acquire(timeout=patience)
            break
        except Timeout:
            if on_wait is not None:
                on_wait(time.monotonic() - started)
            patience = 1.0
    waited = time.monotonic() - started
    try:
        summary = run_etl_in_child(input_dir, db_path, reporter)
    finally:
        lock.release()
    return Added(staged, summary, waited)


def run_etl_in_child(
    input_dir: Path, db_path: Path, reporter: Reporter | None = None
) -> RunSummary:
    """`etl.run.run_etl` in a fresh process, its progress relayed to `reporter`.

    The dashboard server is multi-threaded, and the ETL forks its analysis workers: a fork of
    a multi-threaded process can deadlock the child on a lock another thread held (logging,
    imports, DuckDB). A spawned process has one thread, so its forks are safe. Raises
    `etl.run.RunError` with the run's own message when the run cannot happen or the process
    dies."""
    import multiprocessing
    import queue as queues

    from etl.run import RunError

    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    # Not a daemon: the ETL's own worker processes are its children.
    process = context.Process(
        target=_etl_child, args=(str(input_dir), str(db_path), messages), name="etl-run"
    )
    process.start()
    try:
        while True:
            try:
                kind, *args = messages.get(timeout=1.0)
            except queues.Empty:
                if not process.is_alive():
                    raise RunError(
                        f"the ETL process stopped without a result (exit code {process.exitcode}); "
                        "the previous warehouse is unchanged"
                    ) from None
                continue
            if kind == "result":
                return args[0]
            if kind == "error":
                raise RunError(args[0])
            if reporter is not None:
                getattr(reporter, kind)(*args)
    finally:
        process.join(timeout=30)


class _RelayReporter:
    """The ETL child's Reporter: every call goes to the parent as a message."""

    def __init__(self, messages: object) -> None:
        self.messages = messages

    def phase(self, name: str, total: int) -> None:
        self.messages.put(("phase", name, total))

    def advance(self, label: str) -> None:
        self.messages.put(("advance", label))

    def note(self, message: str) -> None:
        self.messages.put(("note", message))

    def done(self) -> None:
        self.messages.put(("done",))


def _etl_child(input_dir: str, db_path: str, messages: object) -> None:
    from etl.run import RunError, run_etl

    try:
        summary = run_etl(Path(input_dir), Path(db_path), reporter=_RelayReporter(messages))
    except RunError as exc:
        messages.put(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - a bug, but the page must hear that the run ended
        messages.put(("error", f"{type(exc).__name__}: {exc}"))
    else:
        messages.put(("result", summary))


class AddJob:
    """`add_articles` in a background thread, so that a page rerun (a click, a switch to
    another page) cannot interrupt the run; the job is the run's Reporter and keeps its
    progress for the page to draw."""

    PHASES = {"reading": "Reading files", "analysing": "Analysing new articles"}

    def __init__(
        self,
        verdicts: Sequence[Verdict],
        rows: Mapping[str, SourceRow],
        input_dir: Path,
        db_path: Path,
    ) -> None:
        self._args = (list(verdicts), dict(rows), Path(input_dir), Path(db_path))
        self.turned_away = [v for v in verdicts if not v.accepted]
        self.phase_name, self.total, self.count, self.current = "Writing files", 0, 0, ""
        self.notes: list[str] = []
        self.waiting_seconds: float | None = None  # set while another run holds the warehouse
        self.added: Added | None = None
        self.error: str | None = None
        self.finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name="add-articles", daemon=True)

    def start(self) -> AddJob:
        self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        return self.finished.wait(timeout)

    @property
    def share(self) -> float:
        """How far the current phase is, 0 to 1."""
        return min(self.count / self.total, 1.0) if self.total else 0.0

    def _run(self) -> None:
        from etl.run import RunError

        try:
            self.added = add_articles(*self._args, reporter=self, on_wait=self._waiting)
        except (RunError, StagingError, OSError) as exc:
            self.error = str(exc)
        # Anything else is a bug, but the page must still learn that the run ended.
        except Exception as exc:  # noqa: BLE001
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.finished.set()

    def _waiting(self, seconds: float) -> None:
        self.waiting_seconds = seconds

    # The etl.run.Reporter protocol.
    def phase(self, name: str, total: int) -> None:
        self.waiting_seconds = None
        self.phase_name, self.total, self.count = self.PHASES.get(name, name.capitalize()), total, 0

    def advance(self, label: str) -> None:
        self.count += 1
        self.current = label

    def note(self, message: str) -> None:
        self.notes.append(message)

    def done(self) -> None:
        self.phase_name, self.current = "Warehouse written", ""
        self.count = self.total
