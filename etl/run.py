"""One ETL run: walk the input folder, read and prepare each file, analyse what changed, load.

`run_etl` is the library function the command line wraps. Reading and preparing are cheap and
done for every file (they give the content hash and the cleaned body that duplicates and reuse
are judged on); spaCy runs only on articles that are new or changed since the previous warehouse.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import logging
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from etl import load, review
from etl.cluster import ClusterError
from etl.inputs import (
    check_entry,
    display_path,
    hide_paths,
    read_entry,
    readable_name,
    relative_path,
)
from etl.read_pool import read_ahead
from etl.types import CONTRACT_TABLES, Actor, Article, Extraction, Rejection, stable_id

log = logging.getLogger(__name__)

SIDECAR_NAME = "sources.csv"
DUPLICATE = "duplicate"  # the rejection reason of a document another one came before
LOCK_SUFFIX = ".lock"
DEFAULT_LOCK_TIMEOUT = 600.0  # seconds a run waits for another writer of the same warehouse
ANALYSIS_CHUNK = 32  # articles per call to the analyser; a failure costs at most one chunk's retry
# Articles whose rows are written at once: what a run holds of extractions, whatever the corpus.
WRITE_BATCH = 128
# What one article may take before it is rejected, so that no article holds up a run. A
# 100,000-character article takes about 15 s and 700 MB; the limit is the one most articles
# are far from and a machine with 4 GB can still give.
DEFAULT_ARTICLE_TIMEOUT = 120.0  # seconds
DEFAULT_ARTICLE_MEMORY_MB = 2048.0


class RunError(Exception):
    """The run could not start or finish; the message says why in words a user can act on."""


class Reporter(Protocol):
    """Where a run tells the user what it is doing."""

    def phase(self, name: str, total: int) -> None: ...
    def advance(self, label: str) -> None: ...
    def note(self, message: str) -> None: ...
    def done(self) -> None: ...


class SilentReporter:
    def phase(self, name: str, total: int) -> None:
        pass

    def advance(self, label: str) -> None:
        pass

    def note(self, message: str) -> None:
        pass

    def done(self) -> None:
        pass


@dataclass(frozen=True)
class Steps:
    """The collaborators a run calls; tests may pass their own."""

    read_source: Callable[[Path, Path], Any]
    load_sidecar: Callable[[Path], Mapping[str, Any]]
    prepare: Callable[[Any, Any], Any]
    make_analyser: Callable[[], Any]
    # Loads what reading and preparing use, before reading processes are forked (optional).
    warm_up_reading: Callable[[], None] | None = None


def default_steps(gazetteer_path: Path | None = None) -> Steps:
    # Imported here so `--help` and error messages do not wait for the ETL's imports, and
    # spaCy only when something needs analysing (a re-run over unchanged input skips it).
    from etl.ingest import prepare
    from etl.ingest import warm_up as warm_up_reading
    from etl.metadata import load_sidecar
    from etl.readers import read_source

    def make_analyser() -> Any:
        from etl.pipeline import Analyser

        return Analyser(gazetteer_path)

    return Steps(
        read_source=read_source,
        load_sidecar=load_sidecar,
        prepare=prepare,
        make_analyser=make_analyser,
        warm_up_reading=warm_up_reading,
    )


@dataclass(frozen=True)
class RunSummary:
    input_dir: Path
    db_path: Path
    files_seen: int
    articles_new: int
    articles_reused: int
    rejected: tuple[Rejection, ...]
    rows: Mapping[str, int]
    elapsed_seconds: float
    run_id: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    # (source_path, what was repaired) for every loaded article whose text needed a repair
    repaired: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def articles(self) -> int:
        return self.articles_new + self.articles_reused


@dataclass(frozen=True)
class InputScan:
    """The files a run may read and the folder entries it turns away, each sorted by path.

    `relative` gives each file's path relative to the input folder (forward slashes), and
    `stats` the `lstat` of each plain file the scan saw (not of links), for `stat_key`."""

    files: tuple[Path, ...]
    rejected: tuple[Rejection, ...]
    relative: Mapping[Path, str] = field(default_factory=dict)
    stats: Mapping[Path, os.stat_result] = field(default_factory=dict)


def scan_input_folder(input_dir: Path, skip: Iterable[Path] = ()) -> InputScan:
    """Every article file under input_dir, recursively, and every entry that may not be read.

    Hidden files and folders (".git", ".DS_Store"), the sidecar and the `skip` files (the
    warehouse itself, when it sits inside the input folder) are skipped. Only regular files that
    resolve inside the folder are kept; links that leave it, loop or dangle, links to folders,
    pipes, sockets and devices are rejected (see `etl.inputs.check_entry`). Nothing is opened.

    The folder is listed with `os.scandir`, whose entries know their type: a plain file (no
    link) in a folder reached without following a link is inside the folder by construction,
    so it costs no path resolution; only links and names that are not UTF-8 go through
    `check_entry`. Each file is stat'ed once (`InputScan.stats`).
    """
    skipped: set[tuple[int, int]] = set()
    for path in skip:
        try:
            info = os.stat(path)
        except OSError:
            continue
        skipped.add((info.st_dev, info.st_ino))
    files: list[tuple[str, Path]] = []
    relative: dict[Path, str] = {}
    stats: dict[Path, os.stat_result] = {}
    rejected: list[Rejection] = []
    root = os.fspath(input_dir)

    def unlistable(folder: str, exc: OSError) -> None:
        rejected.append(
            Rejection(
                relative_path(Path(exc.filename or folder), input_dir) or ".",
                "unreadable",
                f"The folder could not be listed ({exc.strerror or type(exc).__name__}); check "
                "that this user may read it.",
            )
        )

    def keep(path: Path, rel: str, info: os.stat_result | None) -> None:
        files.append((rel, path))
        relative[path] = rel
        if info is not None:
            stats[path] = info

    def checked(path: Path, rel: str) -> None:
        """A link or an odd entry: kept when `check_entry` finds a regular file inside."""
        target = check_entry(path, input_dir)
        if isinstance(target, Rejection):
            rejected.append(target)
            return
        try:
            info = os.stat(target)
        except OSError:
            info = None
        if info is None or (info.st_dev, info.st_ino) not in skipped:
            keep(path, rel, None)

    pending: list[tuple[str, str]] = [(root, "")]  # (folder, its path relative to root + "/")
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            unlistable(folder, exc)
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = prefix + name
            path = Path(root, rel)
            try:
                is_link = entry.is_symlink()
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link, is_dir = False, False
            if is_dir:
                pending.append((entry.path, rel + "/"))
                continue
            if name == SIDECAR_NAME:
                continue
            if is_link:  # to a file inside (kept), or rejected with its reason
                checked(path, rel)
                continue
            if readable_name(rel) != rel:  # rejected with its reason by check_entry
                checked(path, rel)
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                checked(path, rel)  # gone or unreadable: check_entry says which
                continue
            if (info.st_dev, info.st_ino) in skipped:
                continue
            if not stat.S_ISREG(info.st_mode):
                checked(path, rel)  # a pipe, socket or device: rejected with its kind
                continue
            keep(path, rel, info)
    files.sort(key=lambda item: item[0])
    rejected.sort(key=lambda r: r.source_path)
    return InputScan(tuple(path for _, path in files), tuple(rejected), relative, stats)


def _holds_any_entry(input_dir: Path, skip: Iterable[Path] = ()) -> bool:
    """Whether the folder holds anything a run would read or reject (scan_input_folder's
    rules); stops at the first such entry, so a large folder costs one directory read."""
    skipped = {os.path.realpath(p) for p in skip}
    for dirpath, dirnames, filenames in os.walk(input_dir):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or name == SIDECAR_NAME:
                continue
            if os.path.realpath(os.path.join(dirpath, name)) not in skipped:
                return True
    return False


def iter_input_files(input_dir: Path, skip: Iterable[Path] = ()) -> list[Path]:
    """The readable article files under input_dir, sorted by relative path (see `scan_input_folder`)."""
    return list(scan_input_folder(input_dir, skip).files)


def check_paths(input_dir: Path, db_path: Path) -> None:
    """Raise RunError when the run cannot start: no input folder, or nowhere to write."""
    shown_input, shown_db = display_path(input_dir), display_path(db_path)
    if not input_dir.exists():
        raise RunError(f"input folder not found: {shown_input}")
    if not input_dir.is_dir():
        raise RunError(f"input is not a folder: {shown_input}")
    if db_path.is_dir():
        raise RunError(f"the warehouse path is a folder, not a file: {shown_db}")
    if db_path.exists() and not db_path.is_file():
        raise RunError(f"the warehouse path is not a regular file: {shown_db}")
    folder = db_path.parent
    if not folder.is_dir():
        raise RunError(f"folder for the warehouse does not exist: {display_path(folder)}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise RunError(f"folder for the warehouse is not writable: {display_path(folder)}")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class _Intake:
    """Articles ready for analysis and the files turned away, in input order.

    `articles` are the documents read and prepared afresh; `replayed` the articles of files
    unchanged since the previous warehouse (same bytes, same sidecar rows), which are not read
    again (article_id -> source_path); `order` every article's id in input order; `files` what
    each input file gave, for the warehouse's `input_files`.
    """

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    files_seen: int = 0
    replayed: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    files: list[load.InputFile] = field(default_factory=list)


def _error_rejection(path: str, stage: str, exc: BaseException) -> Rejection:
    return Rejection(path, "error", hide_paths(f"{stage} failed: {type(exc).__name__}: {exc}"))


def _read_sidecar(input_dir: Path, steps: Steps, rejected: list[Rejection]) -> Mapping[str, Any]:
    """The sidecar's rows; a sidecar that may not be read or does not parse is rejected."""
    path = input_dir / SIDECAR_NAME
    if os.path.lexists(path):
        checked = check_entry(path, input_dir)
        if isinstance(checked, Rejection):
            detail = f"{checked.detail} Its metadata is not used."
            rejected.append(dataclasses.replace(checked, detail=detail))
            return {}
    try:
        return steps.load_sidecar(input_dir)
    # A bad sidecar must not stop the run; its metadata is just unused.
    except Exception as exc:  # noqa: BLE001
        rejected.append(Rejection(SIDECAR_NAME, "invalid_sidecar", hide_paths(str(exc), input_dir)))
        return {}


def read_inputs(
    input_dir: Path,
    steps: Steps,
    reporter: Reporter,
    skip: Iterable[Path] = (),
    known: Mapping[str, load.InputFile] | None = None,
    workers: int = 1,
) -> _Intake:
    """Read and prepare every file; duplicates and failures become rejections (see
    `iter_inputs`). Holds every article: a run streams them with `iter_inputs` instead."""
    intake = _Intake()
    intake.articles = list(iter_inputs(intake, input_dir, steps, reporter, skip, known, workers))
    return intake


@dataclass(frozen=True)
class _ReadDocument:
    """One document of a file as read and prepared, before any judgement that depends on other
    files (duplicates): an Article with the hash of its cleaned text, or a Rejection."""

    source_path: str
    content_sha256: str | None
    prepared: Article | Rejection
    body_key: str | None = None
    failed: bool = False  # preparing it raised: a failure, not a verdict (read it again next time)


def read_file(
    path: Path, input_dir: Path, steps: Steps, sidecar: Mapping[str, Any]
) -> Rejection | list[_ReadDocument]:
    """Read and prepare (clean, infer metadata, check the language of) one file's documents.

    Depends on the file, the sidecar and the steps only, so it may run in any process; the
    judgements that depend on other files are `iter_inputs`'s. A reader that raises rejects the
    file (`unreadable`); a document whose preparation raises is rejected alone (`error`).
    """
    relative = path.relative_to(input_dir).as_posix()
    try:
        result = steps.read_source(path, input_dir)
    # A reader bug or an OS error costs one file, not the run.
    except Exception as exc:  # noqa: BLE001
        return Rejection(
            relative, "unreadable", hide_paths(f"{type(exc).__name__}: {exc}", input_dir)
        )
    if isinstance(result, Rejection):
        return result
    documents = []
    for raw in result:
        try:
            prepared = steps.prepare(raw, sidecar)
        except Exception as exc:  # noqa: BLE001 - one article's failure is its own
            failure = _error_rejection(raw.source_path, "preparing", exc)
            documents.append(
                _ReadDocument(raw.source_path, raw.content_sha256, failure, failed=True)
            )
            continue
        body_key = None
        if not isinstance(prepared, Rejection):
            body_key = _sha256(" ".join(prepared.body.split()))
        documents.append(_ReadDocument(raw.source_path, raw.content_sha256, prepared, body_key))
    return documents


def iter_inputs(
    intake: _Intake,
    input_dir: Path,
    steps: Steps,
    reporter: Reporter,
    skip: Iterable[Path] = (),
    known: Mapping[str, load.InputFile] | None = None,
    workers: int = 1,
) -> Iterator[Article]:
    """Every article read and prepared afresh, in input order, as the caller asks for them.

    Fills `intake` as it goes (its rejections, the replayed articles, the order, the files).
    A file in `known` (by relative path) whose bytes and sidecar rows are unchanged is not read
    or prepared again: what it gave last time is replayed, duplicates judged the same way. With
    `workers` > 1 the files are read and prepared in that many processes (`read_file`), a few
    files ahead of the caller; the judgements that depend on earlier files (duplicates by bytes
    and by cleaned text) stay here, in input order, so the articles are the same for any number.
    Only a window of files is in flight: memory does not grow with the corpus.
    """
    known = known or {}
    sidecar = _read_sidecar(input_dir, steps, intake.rejected)
    sidecar_keys = _sidecar_keys(sidecar)
    scan = scan_input_folder(input_dir, skip)
    intake.rejected.extend(scan.rejected)
    files = scan.files
    intake.files_seen = len(files) + len(scan.rejected)
    reporter.phase("analysing", len(files))
    first_by_bytes: dict[str, str] = {}
    first_by_body: dict[str, str] = {}

    def first_bytes(source_path: str, content_sha: str | None, relative: str) -> bool:
        """Whether a document is the first with its bytes; else it is rejected as a duplicate."""
        if content_sha is None:
            return True
        earlier = first_by_bytes.get(content_sha)
        if earlier is not None and earlier != relative:
            intake.rejected.append(
                Rejection(source_path, "duplicate", f"same content as {earlier}")
            )
            return False
        first_by_bytes.setdefault(content_sha, relative)
        return True

    def first_text(source_path: str, body_key: str) -> bool:
        """Whether an article is the first with its cleaned text; else it is rejected."""
        earlier = first_by_body.get(body_key)
        if earlier is not None:
            intake.rejected.append(
                Rejection(source_path, "duplicate", f"same content as {earlier}")
            )
            return False
        first_by_body[body_key] = source_path
        return True

    def replayed(path: Path) -> load.InputFile | None:
        """What an unchanged file gave last time (None: it must be read). A file whose size,
        times and inode are those recorded is unchanged without being read (as git's index
        does); otherwise its bytes are hashed, and an unchanged hash records the new stat."""
        relative = scan.relative[path]
        previous = known.get(relative)
        if previous is None or previous.sidecar_key != sidecar_keys.get(relative, ""):
            return None
        info = scan.stats.get(path)
        key = stat_key(info) if info is not None else None
        if key is not None and key == previous.stat_key:
            return previous
        if previous.file_sha256 != _file_sha256(path, input_dir):
            return None
        return dataclasses.replace(previous, stat_key=_settled(key, info))

    def still_duplicate(previous: load.InputFile, relative: str) -> bool:
        """Whether a replayed file that was a duplicate still is: what it duplicated (by bytes
        or by cleaned text) came earlier in this run. A file of one document only; the
        documents of a bundle that were duplicates made it be read again anyway."""
        for doc in previous.documents:
            if doc.reason != DUPLICATE:
                continue
            earlier = first_by_bytes.get(doc.content_sha256 or "")
            if (earlier is None or earlier == relative) and (doc.body_key not in first_by_body):
                return False
        return True

    def duplicate_of(
        source_path: str, doc: _ReadDocument | load.InputDocument
    ) -> load.InputDocument:
        return load.InputDocument(
            source_path,
            content_sha256=doc.content_sha256,
            body_key=doc.body_key,
            reason=DUPLICATE,
        )

    def read_here(path: Path) -> Rejection | list[_ReadDocument]:
        return read_file(path, input_dir, steps, sidecar)

    def failed(path: Path, why: str) -> Rejection:
        return Rejection(scan.relative[path], "unreadable", hide_paths(why, input_dir))

    def warm_up() -> None:
        """What reading uses, loaded once here instead of in every reading process."""
        if steps.warm_up_reading is not None:
            try:
                steps.warm_up_reading()
            except Exception:  # noqa: BLE001 - each process then loads its own, as before
                log.debug("warming up the readers failed", exc_info=True)

    for path, previous, outcome in read_ahead(
        files, replayed, read_here, workers, failed, warm_up=warm_up
    ):
        relative = scan.relative[path]
        reporter.advance(relative)
        if previous is not None and not still_duplicate(previous, relative):
            previous, outcome = None, read_here(path)  # what it duplicated is gone: read it
        if previous is not None:
            # What each document is now: as it was, or a duplicate of a file that came before
            # it in this run (as a fresh read would record it; a bundle is read next time).
            now: list[load.InputDocument] = []
            single = len(previous.documents) == 1
            for doc in previous.documents:
                if doc.reason == DUPLICATE:  # judged again, against this run's earlier files
                    if first_bytes(doc.source_path, doc.content_sha256, relative):
                        first_text(doc.source_path, doc.body_key or "")
                    now.append(doc)
                elif not first_bytes(doc.source_path, doc.content_sha256, relative):
                    now.append(duplicate_of(doc.source_path, doc))
                elif doc.article_id is None:
                    intake.rejected.append(Rejection(doc.source_path, doc.reason, doc.detail))
                    now.append(doc)
                elif first_text(doc.source_path, doc.body_key or ""):
                    intake.replayed[doc.article_id] = doc.source_path
                    intake.order.append(doc.article_id)
                    now.append(doc)
                else:
                    now.append(duplicate_of(doc.source_path, doc))
            if now == list(previous.documents):
                intake.files.append(previous)
            elif single:
                intake.files.append(
                    dataclasses.replace(previous, documents=tuple(now), stored_documents=None)
                )
            continue
        documents: list[load.InputDocument] = []
        cacheable = True
        if isinstance(outcome, Rejection):
            intake.rejected.append(outcome)
            if outcome.reason == "unreadable":
                continue  # it may be readable next time: nothing is kept of it
            documents.append(
                load.InputDocument(
                    outcome.source_path, reason=outcome.reason, detail=outcome.detail
                )
            )
            outcome = []
        single = len(outcome) == 1
        for doc in outcome:
            # One file may hold many documents (JSON Lines) sharing the file's hash.
            if not first_bytes(doc.source_path, doc.content_sha256, relative):
                if single:  # replayed while what it duplicates is still ahead of it
                    documents.append(duplicate_of(doc.source_path, doc))
                else:  # what it duplicates may be gone next time: read it again
                    cacheable = False
                continue
            prepared = doc.prepared
            if isinstance(prepared, Rejection):
                intake.rejected.append(prepared)
                if doc.failed:  # not a verdict: it is read again next time
                    cacheable = False
                    continue
                documents.append(
                    load.InputDocument(
                        prepared.source_path,
                        content_sha256=doc.content_sha256,
                        reason=prepared.reason,
                        detail=prepared.detail,
                    )
                )
                continue
            if not first_text(prepared.source_path, doc.body_key):
                if single:
                    documents.append(duplicate_of(prepared.source_path, doc))
                else:
                    cacheable = False
                continue
            intake.order.append(prepared.article_id)
            documents.append(
                load.InputDocument(
                    prepared.source_path,
                    content_sha256=doc.content_sha256,
                    article_id=prepared.article_id,
                    body_key=doc.body_key,
                )
            )
            yield prepared
        if cacheable:
            scanned = scan.stats.get(path)
            file_sha = _file_sha256(path, input_dir)
            if file_sha is not None:
                # The stat is recorded only when the file did not change from the scan to the
                # hash (else the next run hashes it again).
                key = stat_key(scanned) if scanned is not None else None
                try:
                    now = stat_key(os.lstat(path))
                except OSError:
                    now = None
                intake.files.append(
                    load.InputFile(
                        relative,
                        file_sha,
                        sidecar_keys.get(relative, ""),
                        tuple(documents),
                        stat_key=_settled(key, scanned) if key == now else None,
                    )
                )


# A file changed within this many nanoseconds of its stat could change again without its
# modification time moving (file systems with coarse timestamps): its stat is not trusted.
RACY_NS = 2_000_000_000


def stat_key(info: os.stat_result) -> str:
    """What says a file is unchanged without reading it: size, modification and change times
    in nanoseconds, and inode (a file replaced by another, even with the same times, differs)."""
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


def _settled(key: str | None, info: os.stat_result | None) -> str | None:
    """`key`, unless the file changed so recently that an edit in the same clock tick could
    leave its stat as it is (git's "racily clean" entries): such a file is hashed next time."""
    if key is None or info is None:
        return None
    recent = max(info.st_mtime_ns, info.st_ctime_ns)
    return key if time.time_ns() - recent > RACY_NS else None


def _file_sha256(path: Path, root: Path) -> str | None:
    """The hash of a file's bytes (None when it cannot be read)."""
    from etl.readers import DEFAULT_MAX_BYTES

    data = read_entry(path, root, DEFAULT_MAX_BYTES + 1)
    return None if isinstance(data, Rejection) else hashlib.sha256(data).hexdigest()


def _sidecar_keys(sidecar: Mapping[str, Any]) -> dict[str, str]:
    """file path -> a hash of the sidecar rows that apply to it (its own and its records')."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for key, value in sidecar.items():
        rows.setdefault(str(key).split("#", 1)[0], []).append((str(key), repr(value)))
    return {file: _sha256(repr(sorted(found)))[:16] for file, found in rows.items()}


def default_workers() -> int:
    """The cores this process may use (its CPU affinity, which containers and `taskset` set)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def analyse_articles(
    analyser: Any,
    articles: Sequence[Article],
    reporter: Reporter,
    *,
    timeout: float | None = None,
    memory_mb: float | None = None,
    workers: int = 1,
    scheduler: str | None = None,
) -> tuple[list[Extraction], list[Rejection]]:
    """Extractions for the articles, in order; an article whose analysis fails is rejected.

    Collects `iter_analysis` (see there); the rows do not depend on `workers`.
    """
    extractions: list[Extraction] = []
    rejected: list[Rejection] = []
    reporter.phase("analysing", len(articles))
    outcomes = iter_analysis(
        analyser,
        articles,
        reporter,
        timeout=timeout,
        memory_mb=memory_mb,
        workers=workers,
        scheduler=scheduler,
    )
    for outcome in outcomes:
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
        else:
            extractions.append(outcome)
    return extractions, rejected


def iter_analysis(
    analyser: Any,
    articles: Iterable[Article],
    reporter: Reporter,
    *,
    timeout: float | None = None,
    memory_mb: float | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    size_hint: int | None = None,
) -> Iterator[Extraction | Rejection]:
    """One outcome per article, an Extraction or a Rejection, in input order; articles are read
    from the iterable as the analysis needs them (streaming: memory stays flat). `size_hint`
    (about how many articles an iterable gives) sizes the chunks sent to workers.

    With `workers` > 1, or a `timeout` (seconds) or `memory_mb` budget, the analyser runs in
    that many worker processes forked from this one (`etl.workers`): an article that takes
    longer or grows larger than its budget is rejected (`over_time_budget`,
    `over_memory_budget`) and a fresh worker goes on with the rest; one whose analysis fails
    costs only itself. Otherwise articles are analysed here, in chunks; when a chunk fails, its
    remaining articles are retried one by one. With a Dask `scheduler` address, the analysis
    runs on that cluster instead (`etl.cluster`), with the same rows.
    """
    if scheduler is not None:
        from etl.cluster import analyse_on_dask

        return analyse_on_dask(
            analyser,
            articles,
            scheduler,
            chunk=ANALYSIS_CHUNK // 4,
            on_outcome=lambda article: reporter.advance(article.source_path),
        )
    workers = max(1, workers)
    if (workers == 1 and timeout is None and memory_mb is None) or not _can_fork():
        return _analyse_in_process(analyser, articles, reporter)
    from etl.workers import analyse_in_workers

    chunk = ANALYSIS_CHUNK
    if size_hint is None and isinstance(articles, Sequence):
        size_hint = len(articles)
    if workers > 1 and size_hint is not None:
        # Small runs in smaller chunks, so that every worker gets a share.
        chunk = max(1, min(ANALYSIS_CHUNK, -(-size_hint // (4 * workers))))
    return analyse_in_workers(
        analyser,
        articles,
        workers=workers,
        chunk=chunk,
        timeout=timeout,
        memory_mb=memory_mb,
        on_outcome=lambda article: reporter.advance(article.source_path),
    )


def _analyse_in_process(
    analyser: Any, articles: Iterable[Article], reporter: Reporter
) -> Iterator[Extraction | Rejection]:
    from etl.heap import frozen_heap

    warm_up = getattr(analyser, "warm_up", None)
    if callable(warm_up):
        try:
            warm_up()  # the model and gazetteers, then kept out of garbage collection (etl.heap)
        except Exception:  # noqa: BLE001 - the analysis below fails per article, as it did
            log.debug("warming up the analyser failed", exc_info=True)
    with frozen_heap():
        source = iter(articles)
        while chunk := list(itertools.islice(source, ANALYSIS_CHUNK)):
            done = 0
            try:
                for extraction in analyser.analyse(chunk):
                    _check_order(extraction, chunk[done])
                    reporter.advance(chunk[done].source_path)
                    done += 1
                    yield extraction
            except Exception:  # noqa: BLE001 - retried one by one below
                for article in chunk[done:]:
                    try:
                        (extraction,) = list(analyser.analyse([article]))
                        _check_order(extraction, article)
                        outcome: Extraction | Rejection = extraction
                    except Exception as exc:  # noqa: BLE001 - one article's failure is its own
                        outcome = _error_rejection(article.source_path, "analysis", exc)
                    reporter.advance(article.source_path)
                    yield outcome


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _check_order(extraction: Extraction, article: Article) -> None:
    if extraction.article.article_id != article.article_id:
        raise RuntimeError(f"analyser returned {extraction.article.source_path} out of order")


def run_etl(
    input_dir: Path,
    db_path: Path,
    *,
    full: bool = False,
    reporter: Reporter | None = None,
    steps: Steps | None = None,
    gazetteer_path: Path | None = None,
    replace_invalid_db: bool = False,
    allow_empty: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    article_memory_mb: float | None = DEFAULT_ARTICLE_MEMORY_MB,
    workers: int | None = None,
    scheduler: str | None = None,
    write_batch: int = WRITE_BATCH,
) -> RunSummary:
    """Build the warehouse at db_path from every article under input_dir.

    Articles unchanged since the previous warehouse (same bytes, same metadata, same ETL
    version) keep their rows; `full=True` reanalyses everything. Each analysed article gets
    `article_timeout` seconds and `article_memory_mb` MB (None: no limit; see
    `iter_analysis`), in `workers` processes (None: one per core this process may use; the
    rows are the same for any number), or on the Dask cluster at `scheduler` (an address such
    as tcp://10.0.0.5:8786; same rows). Rows are written `write_batch` articles at a time, so
    memory does not grow with the corpus (the warehouse is the same for any batch size). A
    folder with no files never empties a warehouse that holds articles unless `allow_empty`
    (an unmounted share would otherwise wipe the dashboard). Raises
    RunError when the run cannot happen at all; rejected files never stop it.

    One run writes a warehouse at a time: a run waits (up to `lock_timeout` seconds, saying so
    on the reporter) while another holds `<db>.lock`, and reads the folder and the previous
    warehouse only once it holds the lock, so the earlier run's work is kept. An existing file
    at db_path that is not an ETL warehouse is never replaced; a damaged or foreign DuckDB file
    only with `replace_invalid_db=True`.
    """
    clock = time.monotonic()
    input_dir, db_path = Path(input_dir), Path(db_path)
    reporter = reporter or SilentReporter()
    check_paths(input_dir, db_path)
    steps = steps or default_steps(gazetteer_path)
    gazetteer = gazetteer_path or load.DEFAULT_GAZETTEER
    with writer_lock(db_path, lock_timeout, reporter):
        check_warehouse(db_path, replace_invalid_db)
        summary = _build_warehouse(
            input_dir,
            db_path,
            full,
            reporter,
            steps,
            gazetteer,
            article_timeout=article_timeout,
            article_memory_mb=article_memory_mb,
            workers=workers or default_workers(),
            scheduler=scheduler,
            write_batch=write_batch,
            allow_empty=allow_empty,
        )
    return dataclasses.replace(summary, elapsed_seconds=time.monotonic() - clock)


def lock_path(db_path: Path) -> Path:
    """The lock file writers of db_path share: `<db>.lock` beside it."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


@contextmanager
def writer_lock(db_path: Path, timeout: float, reporter: Reporter) -> Iterator[None]:
    """Hold the writer lock of db_path; wait for another run up to `timeout` seconds, then fail."""
    from filelock import FileLock, Timeout

    shown = display_path(db_path)
    lock = FileLock(lock_path(db_path))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            reporter.note(
                f"another ETL run is writing {shown}; waiting up to {timeout:g} s for it to finish…"
            )
            try:
                lock.acquire(timeout=timeout)
            except Timeout:
                raise RunError(
                    f"another ETL run is still writing {shown} after {timeout:g} s of waiting; "
                    "try again when it has finished (or wait longer with --lock-timeout)"
                ) from None
    except OSError as exc:
        raise RunError(
            f"could not create the lock file {display_path(lock_path(db_path))} "
            f"({exc.strerror or exc}); check that the warehouse folder is writable"
        ) from exc
    try:
        yield
    finally:
        lock.release()


def check_warehouse(db_path: Path, replace_invalid: bool = False) -> None:
    """Raise RunError when db_path holds a file this run must not replace (see load.warehouse_problem)."""
    problem = load.warehouse_problem(db_path)
    shown = display_path(db_path)
    if problem == "not_duckdb":
        raise RunError(
            f"{shown} exists and is not a DuckDB warehouse, so it was left untouched; check "
            "the --db path (a typo?), or move the file away yourself if it should be replaced"
        )
    if problem is not None and not replace_invalid:
        what = {
            "unreadable": "is a DuckDB file that cannot be opened (damaged, or open in another program)",
            "foreign": "is a DuckDB database that this ETL did not write (it has no meta table)",
        }[problem]
        raise RunError(
            f"{shown} {what}, so it was left untouched; choose another --db file, or pass "
            "--replace-invalid-db to replace it with a new warehouse"
        )


def _build_warehouse(
    input_dir: Path,
    db_path: Path,
    full: bool,
    reporter: Reporter,
    steps: Steps,
    gazetteer: Path,
    *,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    article_memory_mb: float | None = DEFAULT_ARTICLE_MEMORY_MB,
    workers: int = 1,
    scheduler: str | None = None,
    write_batch: int = WRITE_BATCH,
    allow_empty: bool = False,
) -> RunSummary:
    """The run itself, under the writer lock: read, analyse what changed, write, as a stream.

    Files are read, articles analysed and their rows written `write_batch` articles at a time
    into a private copy of the warehouse (`load.WarehouseWriter`), which replaces the warehouse
    only once every row is in and checked; so the run holds one batch of extractions, not the
    corpus, and a killed run leaves the previous warehouse as it was. With a previous warehouse
    of the same ETL version the run is incremental: the copy starts from it, unchanged files are
    not read again, unchanged articles keep their rows where they are, and only the rows of new,
    changed, removed and re-reviewed articles are written. Otherwise every article is analysed
    into a new file. Articles some analyst review may attach to are held back and written last,
    reviewed together (`etl.review`): a review attaches only to the articles it names.
    """
    started_at = datetime.now(UTC).replace(tzinfo=None)
    version = load.etl_version(gazetteer=gazetteer)
    notes: list[str] = []

    index = load.read_index(db_path)
    if index is None and db_path.exists():
        notes.append(f"{display_path(db_path)} could not be read back; it is replaced")
    reusable = index is not None and not full and index.etl_version == version
    if index is not None and not full and not reusable:
        notes.append("the ETL code, rules or gazetteer changed: every article is reanalysed")
    incremental = reusable and index is not None
    try:
        review_log = review.store_log(db_path)
    except review.ReviewError as exc:
        raise RunError(str(exc)) from exc

    warehouse_files = (
        db_path,
        db_path.with_name(db_path.name + ".wal"),
        lock_path(db_path),
        *review.store_files(db_path),
    )
    if index is not None and index.articles and not allow_empty:
        if not _holds_any_entry(input_dir, warehouse_files):
            raise RunError(
                f"the input folder {display_path(input_dir)} holds no files, but the warehouse "
                f"holds {len(index.articles):,} articles, which this run would remove; check the "
                "folder (an unmounted share? a wrong path?), or pass --allow-empty to empty the "
                "warehouse. It was left unchanged."
            )
    intake = _Intake()
    # Reading runs in processes of its own when analysis does (not for a Dask cluster: there
    # this process reads while the cluster analyses).
    readers = workers if scheduler is None and workers > 1 and _can_fork() else 1
    fresh_articles = iter_inputs(
        intake,
        input_dir,
        steps,
        reporter,
        skip=warehouse_files,
        known=index.files if reusable else None,
        workers=readers,
    )
    kept: set[str] = set()  # articles that keep their rows: read unchanged, or replayed
    source_paths: dict[str, str] = {}

    def to_analyse() -> Iterator[Article]:
        """The articles read afresh that need analysing; those the warehouse holds unchanged
        keep their rows (looked up a chunk at a time)."""
        while chunk := list(itertools.islice(fresh_articles, ANALYSIS_CHUNK)):
            stored = (
                load.read_articles(
                    db_path, [a.article_id for a in chunk if a.article_id in index.articles]
                )
                if index is not None
                else {}
            )
            for article in chunk:
                source_paths[article.article_id] = article.source_path
                earlier = stored.get(article.article_id)
                unchanged = earlier is not None and load.same_article(earlier, article)
                if unchanged and reusable:
                    kept.add(article.article_id)
                    continue
                # An unchanged article keeps the time it was first ingested, even when reanalysed.
                ingested_at = earlier.ingested_at if unchanged else None
                yield dataclasses.replace(article, ingested_at=ingested_at or started_at)

    pending = to_analyse()
    first = next(pending, None)  # whether anything needs the model
    gazetteer_actors: tuple[Actor, ...] = index.gazetteer_actors if reusable else ()
    analyser = None
    if first is not None or not gazetteer_actors:
        analyser = steps.make_analyser()
        gazetteer_actors = tuple(analyser.gazetteer_actors)

    def reviewable(article: Article) -> bool:
        stored = load.StoredArticle(article.source_path, article.content_sha256)
        return bool(review_log) and bool(
            review.candidates(review_log, {article.article_id: stored})
        )

    new_actors: dict[str, tuple[Actor, ...]] = {}
    analysis_rejected: list[Rejection] = []
    held: list[Extraction] = []  # fresh extractions some review may attach to
    try:
        with load.WarehouseWriter(db_path, base=incremental, gazetteer=gazetteer) as writer:
            batch: list[Extraction] = []
            if first is not None:
                assert analyser is not None
                outcomes = iter_analysis(
                    analyser,
                    itertools.chain([first], pending),
                    SilentReporter(),
                    timeout=article_timeout,
                    memory_mb=article_memory_mb,
                    workers=workers,
                    scheduler=scheduler,
                    size_hint=intake.files_seen,
                )
                for outcome in outcomes:
                    if isinstance(outcome, Rejection):
                        analysis_rejected.append(outcome)
                        continue
                    new_actors[outcome.article.article_id] = outcome.new_actors
                    (held if reviewable(outcome.article) else batch).append(outcome)
                    if len(batch) >= write_batch:
                        writer.write(batch)
                        batch = []
            writer.write(batch)
            del batch
            kept.update(intake.replayed)  # every file has been read or replayed by now
            written = set(new_actors)
            # Input order, so the warehouse does not depend on which articles were reused.
            order = [a for a in intake.order if a in kept or a in written]
            source_paths.update(intake.replayed)
            notes += _dropped_note(index, {source_paths[a] for a in order}) if index else []
            # Analysts' reviews (etl/review): corrections applied, rejected rows out, added rows
            # in, over the held-back fresh articles and the kept ones a review may attach to.
            try:
                subject = held
                if incremental:
                    candidates = review.candidates(review_log, {a: index.articles[a] for a in kept})
                    again = review.stored_machine_extractions(db_path, sorted(candidates))
                    position = {a: n for n, a in enumerate(order)}
                    subject = sorted([*again, *held], key=lambda e: position[e.article.article_id])
                reviewed = review.review_extractions(subject, review_log)
            except review.ReviewError as exc:
                raise RunError(str(exc)) from exc
            notes += reviewed.notes()
            writer.write(reviewed.extractions, reviewed.machine_rows)
            if incremental:
                writer.drop(set(index.articles) - kept - writer.written)
            discoveries = load.read_discoveries(db_path) if kept else {}
            discovered = [
                actor
                for article_id in order
                for actor in (
                    new_actors[article_id]
                    if article_id in new_actors
                    else discoveries.get(article_id, ())
                )
            ]
            rejections = intake.rejected + analysis_rejected
            first_seen = index.rejected_at if index is not None else {}
            rejected_rows = [
                load.RejectedFile(
                    r, first_seen.get((r.source_path, r.reason, r.detail), started_at)
                )
                for r in rejections
            ]
            run_id = stable_id(started_at.isoformat(), os.getpid(), input_dir.resolve())
            reporter.note(f"writing {display_path(db_path)}")
            run_info = load.RunInfo(
                run_id=run_id,
                started_at=started_at,
                finished_at=datetime.now(UTC).replace(tzinfo=None),
                etl_version=version,
                files_seen=intake.files_seen,
                articles=len(order),
                rejected=len(rejected_rows),
                reused=len(kept),
                input_dir=str(input_dir),
            )
            rows = writer.finish(
                actors=load.merge_actors(gazetteer_actors, discovered),
                rejected=rejected_rows,
                run_info=run_info,
                gazetteer_sha256=load.file_sha256(gazetteer),
                reviews=reviewed.review_rows,
                input_files=intake.files,
                # Replayed unchanged: the copied warehouse holds their rows as they are.
                input_files_kept=[
                    f.file_path
                    for f in intake.files
                    if index is not None and index.files.get(f.file_path) is f
                ],
            )
    except ClusterError as exc:
        raise RunError(str(exc)) from exc
    except OSError as exc:
        raise RunError(
            f"could not write the warehouse {display_path(db_path)}: "
            + hide_paths(str(exc), input_dir)
        ) from exc
    reporter.done()
    return RunSummary(
        input_dir=input_dir,
        db_path=db_path,
        files_seen=intake.files_seen,
        articles_new=len(order) - len(kept),
        articles_reused=len(kept),
        rejected=tuple(rejections),
        rows=rows,
        elapsed_seconds=0.0,
        run_id=run_id,
        notes=tuple(notes),
        repaired=load.repaired_articles(db_path),
    )


def _dropped_note(index: load.WarehouseIndex, loaded: set[str]) -> list[str]:
    """Say which articles of the previous warehouse this run no longer holds: none goes unsaid."""
    before = {a.source_path for a in index.articles.values()}
    gone = sorted(before - loaded)
    if not gone:
        return []
    shown = ", ".join(gone[:5]) + (f" and {len(gone) - 5} more" if len(gone) > 5 else "")
    return [
        f"{len(gone)} article(s) of the previous warehouse are no longer loaded (their file was "
        f"removed, moved or is now rejected, or the input folder differs): {shown}"
    ]


def format_summary(summary: RunSummary) -> str:
    """The end-of-run summary a person reads."""
    loaded = f"{summary.articles} ({summary.articles_new} new, {summary.articles_reused} reused)"
    lines = [
        f"Files seen:        {summary.files_seen}",
        f"Articles loaded:   {loaded}",
        f"Rejected:          {len(summary.rejected)}",
    ]
    lines += [f"  {r.source_path} — {r.reason}: {r.detail}" for r in summary.rejected]
    if summary.repaired:
        lines.append(f"Text repaired:     {len(summary.repaired)}")
        lines += [f"  {path} — {note}" for path, note in summary.repaired]
    lines.append("Rows per table:")
    lines += [f"  {table:<12} {summary.rows.get(table, 0):>8}" for table in CONTRACT_TABLES]
    lines += [f"Note: {note}" for note in summary.notes]
    lines.append(f"Elapsed:           {summary.elapsed_seconds:.1f} s")
    lines.append(f"Warehouse:         {display_path(summary.db_path)}")
    return "\n".join(lines)
