"""One ETL run: walk the input folder, read and prepare each file, analyse what changed, load.

`run_etl` is the library function the command line wraps. Reading and preparing are cheap and
done for every file (they give the content hash and the cleaned body that duplicates and reuse
are judged on); spaCy runs only on articles that are new or changed since the previous warehouse.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from etl import load, review
from etl.inputs import check_entry, display_path, hide_paths, read_entry, relative_path
from etl.types import CONTRACT_TABLES, Actor, Article, Extraction, Rejection, stable_id

log = logging.getLogger(__name__)

SIDECAR_NAME = "sources.csv"
LOCK_SUFFIX = ".lock"
DEFAULT_LOCK_TIMEOUT = 600.0  # seconds a run waits for another writer of the same warehouse
ANALYSIS_CHUNK = 32  # articles per call to the analyser; a failure costs at most one chunk's retry
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


def default_steps(gazetteer_path: Path | None = None) -> Steps:
    # Imported here so `--help` and error messages do not wait for the ETL's imports, and
    # spaCy only when something needs analysing (a re-run over unchanged input skips it).
    from etl.ingest import prepare
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
    """The files a run may read and the folder entries it turns away, each sorted by path."""

    files: tuple[Path, ...]
    rejected: tuple[Rejection, ...]


def scan_input_folder(input_dir: Path, skip: Iterable[Path] = ()) -> InputScan:
    """Every article file under input_dir, recursively, and every entry that may not be read.

    Hidden files and folders (".git", ".DS_Store"), the sidecar and the `skip` files (the
    warehouse itself, when it sits inside the input folder) are skipped. Only regular files that
    resolve inside the folder are kept; links that leave it, loop or dangle, links to folders,
    pipes, sockets and devices are rejected (see `etl.inputs.check_entry`). Nothing is opened.
    """
    skipped = {os.path.realpath(p) for p in skip}
    files: list[Path] = []
    rejected: list[Rejection] = []

    def unlistable(exc: OSError) -> None:
        rejected.append(
            Rejection(
                relative_path(Path(exc.filename or input_dir), input_dir) or ".",
                "unreadable",
                f"The folder could not be listed ({exc.strerror or type(exc).__name__}); check "
                "that this user may read it.",
            )
        )

    for dirpath, dirnames, filenames in os.walk(input_dir, onerror=unlistable):
        folder = Path(dirpath)
        kept = []
        for name in dirnames:
            if name.startswith("."):
                continue
            if (folder / name).is_symlink():  # os.walk would skip it without a word
                checked = check_entry(folder / name, input_dir)
                if isinstance(checked, Rejection):
                    rejected.append(checked)
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in filenames:
            path = folder / name
            if name.startswith(".") or name == SIDECAR_NAME:
                continue
            if os.path.realpath(path) in skipped:
                continue
            checked = check_entry(path, input_dir)
            if isinstance(checked, Rejection):
                rejected.append(checked)
            else:
                files.append(path)
    files.sort(key=lambda p: p.relative_to(input_dir).as_posix())
    rejected.sort(key=lambda r: r.source_path)
    return InputScan(tuple(files), tuple(rejected))


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
) -> _Intake:
    """Read and prepare every file; duplicates and failures become rejections.

    A file in `known` (by relative path) whose bytes and sidecar rows are unchanged is not read
    or prepared again: what it gave last time is replayed, duplicates judged the same way.
    """
    intake = _Intake()
    known = known or {}
    sidecar = _read_sidecar(input_dir, steps, intake.rejected)
    sidecar_keys = _sidecar_keys(sidecar)
    scan = scan_input_folder(input_dir, skip)
    intake.rejected.extend(scan.rejected)
    files = scan.files
    intake.files_seen = len(files) + len(scan.rejected)
    reporter.phase("reading", len(files))
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

    for path in files:
        relative = path.relative_to(input_dir).as_posix()
        reporter.advance(relative)
        sidecar_key = sidecar_keys.get(relative, "")
        file_sha = _file_sha256(path, input_dir) if relative in known else None
        previous = known.get(relative)
        if (
            previous is not None
            and previous.file_sha256 == file_sha
            and previous.sidecar_key == sidecar_key
        ):
            whole = True  # no document of it is now a duplicate (else it is read next time)
            for doc in previous.documents:
                if not first_bytes(doc.source_path, doc.content_sha256, relative):
                    whole = False
                elif doc.article_id is None:
                    intake.rejected.append(Rejection(doc.source_path, doc.reason, doc.detail))
                elif first_text(doc.source_path, doc.body_key):
                    intake.replayed[doc.article_id] = doc.source_path
                    intake.order.append(doc.article_id)
                else:
                    whole = False
            if whole:
                intake.files.append(previous)
            continue
        documents: list[load.InputDocument] = []
        cacheable = True
        try:
            result = steps.read_source(path, input_dir)
        # A reader bug or an OS error costs one file, not the run.
        except Exception as exc:  # noqa: BLE001
            intake.rejected.append(
                Rejection(
                    relative, "unreadable", hide_paths(f"{type(exc).__name__}: {exc}", input_dir)
                )
            )
            continue
        if isinstance(result, Rejection):
            intake.rejected.append(result)
            # An unreadable file may be readable next time: only other verdicts are kept.
            cacheable = result.reason != "unreadable"
            documents.append(
                load.InputDocument(result.source_path, reason=result.reason, detail=result.detail)
            )
            result = []
        for raw in result:
            # One file may hold many documents (JSON Lines) sharing the file's hash.
            if not first_bytes(raw.source_path, raw.content_sha256, relative):
                cacheable = False  # what it duplicates may be gone next time: read it again
                continue
            try:
                prepared = steps.prepare(raw, sidecar)
            except Exception as exc:  # noqa: BLE001 - one article's failure is its own
                intake.rejected.append(_error_rejection(raw.source_path, "preparing", exc))
                cacheable = False
                continue
            if isinstance(prepared, Rejection):
                intake.rejected.append(prepared)
                documents.append(
                    load.InputDocument(
                        prepared.source_path,
                        content_sha256=raw.content_sha256,
                        reason=prepared.reason,
                        detail=prepared.detail,
                    )
                )
                continue
            body_key = _sha256(" ".join(prepared.body.split()))
            if not first_text(prepared.source_path, body_key):
                cacheable = False
                continue
            intake.articles.append(prepared)
            intake.order.append(prepared.article_id)
            documents.append(
                load.InputDocument(
                    prepared.source_path,
                    content_sha256=raw.content_sha256,
                    article_id=prepared.article_id,
                    body_key=body_key,
                )
            )
        if cacheable:
            file_sha = file_sha or _file_sha256(path, input_dir)
            if file_sha is not None:
                intake.files.append(
                    load.InputFile(relative, file_sha, sidecar_key, tuple(documents))
                )
    return intake


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


def analyse_articles(
    analyser: Any,
    articles: Sequence[Article],
    reporter: Reporter,
    *,
    timeout: float | None = None,
    memory_mb: float | None = None,
) -> tuple[list[Extraction], list[Rejection]]:
    """Extractions for the articles, in order; an article whose analysis fails is rejected.

    Articles go to the analyser in chunks; when a chunk fails, its remaining articles are
    retried one by one so that one bad article costs only itself. With a `timeout` (seconds)
    or a `memory_mb` budget, the analyser runs in a worker process that is stopped when one
    article takes longer or grows larger than that: the article is rejected
    (`over_time_budget`, `over_memory_budget`) and a fresh worker goes on with the rest.
    """
    if (timeout is None and memory_mb is None) or not _can_fork():
        return _analyse_in_process(analyser, articles, reporter)
    return _analyse_in_worker(analyser, articles, reporter, timeout, memory_mb)


def _analyse_in_process(
    analyser: Any, articles: Sequence[Article], reporter: Reporter
) -> tuple[list[Extraction], list[Rejection]]:
    extractions: list[Extraction] = []
    rejected: list[Rejection] = []
    reporter.phase("analysing", len(articles))
    for start in range(0, len(articles), ANALYSIS_CHUNK):
        chunk = list(articles[start : start + ANALYSIS_CHUNK])
        done = 0
        try:
            for extraction in analyser.analyse(chunk):
                _check_order(extraction, chunk[done])
                extractions.append(extraction)
                reporter.advance(chunk[done].source_path)
                done += 1
        except Exception:  # noqa: BLE001 - retried one by one below
            for article in chunk[done:]:
                try:
                    (extraction,) = list(analyser.analyse([article]))
                    _check_order(extraction, article)
                    extractions.append(extraction)
                except Exception as exc:  # noqa: BLE001 - one article's failure is its own
                    rejected.append(_error_rejection(article.source_path, "analysis", exc))
                reporter.advance(article.source_path)
    return extractions, rejected


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _analyse_in_worker(
    analyser: Any,
    articles: Sequence[Article],
    reporter: Reporter,
    timeout: float | None,
    memory_mb: float | None,
) -> tuple[list[Extraction], list[Rejection]]:
    """`analyse_articles` with each article under a time and memory budget (see there).

    The worker is forked from this process once the model is loaded, so it starts in
    milliseconds and shares the model's memory; a worker stopped for an overrun is replaced
    the same way. People discovered in the worker are copied back to the analyser here, so a
    replacement worker, and the in-process path, give every person the same id.
    """
    warm_up = getattr(analyser, "warm_up", None)
    if callable(warm_up):
        warm_up()
    extractions: list[Extraction] = []
    rejected: list[Rejection] = []
    reporter.phase("analysing", len(articles))
    worker: _Worker | None = None

    def accept(extraction: Extraction, article: Article) -> bool:
        if extraction.article.article_id != article.article_id:
            return False  # out of order: the caller treats it as a failure
        extractions.append(extraction)
        known = getattr(analyser, "discovered", None)
        if isinstance(known, dict):
            for actor in extraction.new_actors:
                known.setdefault(actor.actor_id, actor)
        reporter.advance(article.source_path)
        return True

    try:
        for start in range(0, len(articles), ANALYSIS_CHUNK):
            chunk = list(articles[start : start + ANALYSIS_CHUNK])
            worker = worker if worker is not None and worker.alive() else _Worker(analyser)
            worker.send(chunk)
            done = 0
            while done < len(chunk):
                outcome = worker.receive(timeout, memory_mb)
                if outcome[0] != "ok" or not accept(outcome[1], chunk[done]):
                    break
                done += 1
            if done == len(chunk):
                if worker.receive(timeout, memory_mb)[0] != "end":
                    worker.stop()  # more results than articles: start the next chunk afresh
                continue
            # Something in the chunk failed or overran: each remaining article alone, in a
            # fresh worker, so that only the article at fault is rejected.
            worker.stop()
            for article in chunk[done:]:
                worker = worker if worker.alive() else _Worker(analyser)
                worker.send([article])
                outcome = worker.receive(timeout, memory_mb)
                if outcome[0] == "ok" and accept(outcome[1], article):
                    if worker.receive(timeout, memory_mb)[0] != "end":
                        worker.stop()
                    continue
                if outcome[0] == "ok":
                    returned = outcome[1].article.source_path
                    outcome = ("error", f"RuntimeError: analyser returned {returned} out of order")
                elif outcome[0] == "end":
                    outcome = ("error", "RuntimeError: the analyser returned no extraction")
                worker.stop()  # whatever state it is in, the next article gets a fresh one
                rejected.append(_budget_rejection(article, outcome, timeout, memory_mb))
                reporter.advance(article.source_path)
    finally:
        if worker is not None:
            worker.stop()
    return extractions, rejected


def _budget_rejection(
    article: Article, outcome: tuple[Any, ...], timeout: float | None, memory_mb: float | None
) -> Rejection:
    size = f"the article has {len(article.body):,} characters"
    kind = outcome[0]
    if kind == "over_time":
        return Rejection(
            article.source_path,
            "over_time_budget",
            f"Analysis took longer than the {timeout:g} s allowed for one article ({size}); "
            "split it into shorter articles or raise --article-timeout.",
        )
    if kind == "over_memory":
        return Rejection(
            article.source_path,
            "over_memory_budget",
            f"Analysis used more than the {memory_mb:g} MB allowed for one article ({size}); "
            "split it into shorter articles or raise --article-memory.",
        )
    if kind == "died":
        return Rejection(
            article.source_path,
            "error",
            f"analysis failed: the analysis process stopped ({outcome[1]}; {size})",
        )
    return Rejection(article.source_path, "error", f"analysis failed: {outcome[1]}")


class _Worker:
    """A forked process that analyses the chunks it is sent, one result per article."""

    POLL_SECONDS = 0.05

    def __init__(self, analyser: Any) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._conn, child_conn = context.Pipe()
        self._process = context.Process(
            target=_worker_main, args=(analyser, child_conn, self._conn), daemon=True
        )
        self._process.start()
        child_conn.close()

    def alive(self) -> bool:
        return self._process.is_alive()

    def send(self, chunk: list[Article]) -> None:
        self._conn.send(chunk)

    def receive(self, timeout: float | None, memory_mb: float | None) -> tuple[Any, ...]:
        """("ok", extraction), ("error", message), ("over_time",), ("over_memory",) or
        ("died", how): the next article's outcome, waiting at most `timeout` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = self.POLL_SECONDS
            if deadline is not None:
                wait = min(wait, max(0.0, deadline - time.monotonic()))
            try:
                if self._conn.poll(wait):
                    return self._conn.recv()
            except (EOFError, OSError):
                self._process.join(1)
                return ("died", f"exit code {self._process.exitcode}")
            if not self._process.is_alive():
                return ("died", f"exit code {self._process.exitcode}")
            if memory_mb is not None and _rss_mb(self._process.pid) > memory_mb:
                return ("over_memory",)
            if deadline is not None and time.monotonic() >= deadline:
                return ("over_time",)

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._conn.close()


def _worker_main(analyser: Any, conn: Any, parent_end: Any) -> None:
    import signal

    # The fork copied the parent's end of the pipe: close it, so that the parent's death (even by
    # SIGKILL) closes the pipe and recv() below ends instead of waiting forever.
    parent_end.close()
    _die_with_parent()
    # Ctrl-C is the parent's to handle: it stops this worker on its way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        try:
            for extraction in analyser.analyse(chunk):
                conn.send(("ok", extraction))
            conn.send(("end",))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which retries
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG): a worker
    must never outlive a killed run and keep its model's memory."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the closed pipe still ends the worker


def _rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _check_order(extraction: Extraction, article: Article) -> None:
    if extraction.article.article_id != article.article_id:
        raise RuntimeError(f"analyser returned {extraction.article.source_path} out of order")


def _share_discoveries(analyser: Any, reused: Iterable[Actor]) -> None:
    """Give the analyser the people reused articles discovered, so a person keeps one id."""
    known = getattr(analyser, "discovered", None)
    if isinstance(known, dict):
        for actor in reused:
            known.setdefault(actor.actor_id, actor)


def run_etl(
    input_dir: Path,
    db_path: Path,
    *,
    full: bool = False,
    reporter: Reporter | None = None,
    steps: Steps | None = None,
    gazetteer_path: Path | None = None,
    replace_invalid_db: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    article_memory_mb: float | None = DEFAULT_ARTICLE_MEMORY_MB,
) -> RunSummary:
    """Build the warehouse at db_path from every article under input_dir.

    Articles unchanged since the previous warehouse (same bytes, same metadata, same ETL
    version) keep their rows; `full=True` reanalyses everything. Each analysed article gets
    `article_timeout` seconds and `article_memory_mb` MB (None: no limit; see
    `analyse_articles`). Raises RunError when the run cannot happen at all; rejected files
    never stop it.

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
) -> RunSummary:
    """The run itself, under the writer lock: read, analyse what changed, write.

    With a previous warehouse of the same ETL version the run is incremental: unchanged files
    are not read again, unchanged articles keep their rows where they are, and only the rows of
    new, changed, removed and re-reviewed articles are written (`load.update_warehouse`).
    Otherwise every article is analysed and a new file written (`load.write_warehouse`).
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

    warehouse_files = (
        db_path,
        db_path.with_name(db_path.name + ".wal"),
        lock_path(db_path),
        *review.store_files(db_path),
    )
    intake = read_inputs(
        input_dir, steps, reporter, skip=warehouse_files, known=index.files if reusable else None
    )

    # Articles read afresh that the warehouse holds unchanged keep their rows too.
    stored = (
        load.read_articles(
            db_path, [a.article_id for a in intake.articles if a.article_id in index.articles]
        )
        if index is not None
        else {}
    )
    kept: set[str] = set(intake.replayed)
    to_analyse: list[Article] = []
    source_paths = dict(intake.replayed)
    for article in intake.articles:
        source_paths[article.article_id] = article.source_path
        earlier = stored.get(article.article_id)
        unchanged = earlier is not None and load.same_article(earlier, article)
        if unchanged and reusable:
            kept.add(article.article_id)
            continue
        # An unchanged article keeps the time it was first ingested, even when reanalysed.
        ingested_at = earlier.ingested_at if unchanged else None
        to_analyse.append(dataclasses.replace(article, ingested_at=ingested_at or started_at))

    discoveries = load.read_discoveries(db_path) if kept else {}
    kept_discoveries = [
        actor
        for article_id in intake.order
        if article_id in kept
        for actor in discoveries.get(article_id, ())
    ]
    new_extractions: list[Extraction] = []
    analysis_rejected: list[Rejection] = []
    gazetteer_actors: tuple[Actor, ...] = index.gazetteer_actors if reusable else ()
    if to_analyse or not gazetteer_actors:
        analyser = steps.make_analyser()
        gazetteer_actors = tuple(analyser.gazetteer_actors)
        if to_analyse:
            _share_discoveries(analyser, kept_discoveries)
            new_extractions, analysis_rejected = analyse_articles(
                analyser,
                to_analyse,
                reporter,
                timeout=article_timeout,
                memory_mb=article_memory_mb,
            )

    fresh = {e.article.article_id: e for e in new_extractions}
    # Input order, so the warehouse does not depend on which articles were reused.
    order = [a for a in intake.order if a in kept or a in fresh]
    discovered = [
        actor
        for article_id in order
        for actor in (
            fresh[article_id].new_actors if article_id in fresh else discoveries.get(article_id, ())
        )
    ]
    rejections = intake.rejected + analysis_rejected
    first_seen = index.rejected_at if index is not None else {}
    rejected_rows = [
        load.RejectedFile(r, first_seen.get((r.source_path, r.reason, r.detail), started_at))
        for r in rejections
    ]
    actors = load.merge_actors(gazetteer_actors, discovered)
    if index is not None:
        notes += _dropped_note(index, {source_paths[a] for a in order})
    run_id = stable_id(started_at.isoformat(), os.getpid(), input_dir.resolve())
    reporter.note(f"writing {display_path(db_path)}")
    # Analysts' reviews (etl/review): corrections applied, rejected rows out, added rows in. An
    # incremental run re-applies them to the kept articles they may attach to, and to the new.
    incremental = reusable and index is not None
    try:
        log = review.store_log(db_path)
        subject = [fresh[a] for a in order if a in fresh]
        if incremental:
            candidates = review.candidates(log, {a: index.articles[a] for a in kept})
            again = {
                e.article.article_id: e
                for e in review.stored_machine_extractions(db_path, sorted(candidates))
            }
            subject = [
                again[a] if a in again else fresh[a] for a in order if a in again or a in fresh
            ]
        reviewed = review.review_extractions(subject, log)
    except review.ReviewError as exc:
        raise RunError(str(exc)) from exc
    notes += reviewed.notes()
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
    try:
        if incremental:
            rows = load.update_warehouse(
                db_path,
                drop=set(index.articles) - kept,
                add=reviewed.extractions,
                actors=actors,
                rejected=rejected_rows,
                run_info=run_info,
                gazetteer_sha256=load.file_sha256(gazetteer),
                reviews=reviewed.review_rows,
                review_machine_rows=reviewed.machine_rows,
                input_files=intake.files,
            )
        else:
            rows = load.write_warehouse(
                db_path,
                articles=[e.article for e in reviewed.extractions],
                extractions=reviewed.extractions,
                actors=actors,
                rejected=rejected_rows,
                run_info=run_info,
                gazetteer_sha256=load.file_sha256(gazetteer),
                reviews=reviewed.review_rows,
                review_machine_rows=reviewed.machine_rows,
                input_files=intake.files,
                gazetteer=gazetteer,
            )
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
