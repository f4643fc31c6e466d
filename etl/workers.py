"""Analysis in worker processes: N forked copies of the analyser, each article under a budget.

`analyse_in_workers` sends chunks of articles to N worker processes forked from this one once
the model is loaded (so each starts in milliseconds and shares the model's memory), and yields
one outcome per article, an `Extraction` or a `Rejection`, in input order, whatever order the
workers finish in. An article whose analysis takes longer than `timeout` seconds, or whose
worker grows past `memory_mb`, is rejected (`over_time_budget`, `over_memory_budget`) and a
fresh worker takes that worker's place; an analysis that fails or kills its worker costs only
its article. Articles are read from the iterable as workers need them and results are held only
until the articles before them are done, so memory does not grow with the corpus.

Every article's extraction depends on its own text and the gazetteer only (see
`etl.pipeline.Analyser`), so the rows are the same for any number of workers.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from etl.heap import frozen_heap
from etl.types import Article, Extraction, Rejection

POLL_SECONDS = 0.05


@dataclass
class _Job:
    """Consecutive articles sent to one worker at once; `first` is the first one's input index."""

    first: int
    articles: list[Article]
    alone: bool = False  # a retry of one article: its failure rejects it


@dataclass
class _Slot:
    """One worker process and the job it is working on."""

    worker: Worker | None = None
    job: _Job | None = None
    done: int = 0  # articles of the job returned so far
    deadline: float | None = None


def analyse_in_workers(
    analyser: Any,
    articles: Iterable[Article],
    *,
    workers: int,
    chunk: int,
    timeout: float | None,
    memory_mb: float | None,
    on_outcome: Any = None,
) -> Iterator[Extraction | Rejection]:
    """One outcome per article, in input order (see the module's docstring).

    `chunk` articles go to a worker at a time; `on_outcome(article)` is called as each article
    is done, in the order they finish (for a progress bar)."""
    warm_up = getattr(analyser, "warm_up", None)
    if callable(warm_up):
        warm_up()  # load the model before forking, so that no worker loads it again
    source = iter(articles)
    read = 0  # articles taken from the source so far
    pending: deque[_Job] = deque()  # retries first, then fresh chunks
    slots = [_Slot() for _ in range(max(1, workers))]
    outcomes: dict[int, Extraction | Rejection] = {}
    next_out = 0
    exhausted = False
    # Results wait for the articles before them; a slow article may hold back this many.
    most_waiting = max(64, 4 * chunk * len(slots))

    def finish(index: int, article: Article, outcome: Extraction | Rejection) -> None:
        outcomes[index] = outcome
        if on_outcome is not None:
            on_outcome(article)

    def fresh_job() -> _Job | None:
        nonlocal exhausted, read
        if exhausted or len(outcomes) >= most_waiting:
            return None
        batch = list(itertools.islice(source, chunk))
        if not batch:
            exhausted = True
            return None
        read += len(batch)
        return _Job(read - len(batch), batch)

    def fail(slot: _Slot, outcome: tuple[Any, ...]) -> None:
        """The slot's job stopped at article `slot.done`: that one is rejected when it was
        alone, else the rest of the job is retried one article at a time."""
        job = slot.job
        assert job is not None
        if slot.worker is not None:
            slot.worker.stop()
        slot.worker = None
        rest = list(enumerate(job.articles))[slot.done :]
        if job.alone:
            ((offset, article),) = rest
            finish(
                job.first + offset, article, budget_rejection(article, outcome, timeout, memory_mb)
            )
        else:
            for offset, article in reversed(rest):
                pending.appendleft(_Job(job.first + offset, [article], alone=True))
        slot.job = None

    def start(slot: _Slot, job: _Job) -> None:
        if slot.worker is None or not slot.worker.alive():
            slot.worker = Worker(analyser)
        slot.job, slot.done = job, 0
        slot.deadline = None if timeout is None else time.monotonic() + timeout
        slot.worker.send(job.articles)

    # Forked after this: the model and gazetteers stay out of every worker's garbage
    # collections, and their memory pages shared (etl.heap).
    with frozen_heap():
        try:
            while True:
                for slot in slots:
                    if slot.job is None:
                        job = pending.popleft() if pending else fresh_job()
                        if job is not None:
                            start(slot, job)
                while next_out in outcomes:
                    yield outcomes.pop(next_out)
                    next_out += 1
                busy = [slot for slot in slots if slot.job is not None]
                if not busy:
                    if exhausted and not pending:
                        break
                    continue
                ready = Worker.wait([slot.worker for slot in busy], POLL_SECONDS)
                now = time.monotonic()
                for slot in busy:
                    worker, job = slot.worker, slot.job
                    assert worker is not None and job is not None
                    if worker in ready:
                        outcome = worker.receive()
                        if outcome[0] == "ok" and slot.done < len(job.articles):
                            article = job.articles[slot.done]
                            extraction = outcome[1]
                            if extraction.article.article_id != article.article_id:
                                returned = extraction.article.source_path
                                fail(
                                    slot,
                                    (
                                        "error",
                                        f"RuntimeError: analyser returned {returned} out of order",
                                    ),
                                )
                                continue
                            finish(job.first + slot.done, article, extraction)
                            slot.done += 1
                            slot.deadline = None if timeout is None else now + timeout
                        elif outcome[0] == "end" and slot.done == len(job.articles):
                            slot.job = None
                        elif outcome[0] == "end":
                            fail(
                                slot, ("error", "RuntimeError: the analyser returned no extraction")
                            )
                        elif outcome[0] == "ok":  # more results than articles
                            slot.worker.stop()
                            slot.worker, slot.job = None, None
                        else:
                            fail(slot, outcome)
                        continue
                    if not worker.alive():
                        fail(slot, ("died", f"exit code {worker.exitcode}"))
                    elif memory_mb is not None and worker.rss_mb() > memory_mb:
                        fail(slot, ("over_memory",))
                    elif slot.deadline is not None and now >= slot.deadline:
                        fail(slot, ("over_time",))
        finally:
            for slot in slots:
                if slot.worker is not None:
                    slot.worker.stop()


def budget_rejection(
    article: Article, outcome: tuple[Any, ...], timeout: float | None, memory_mb: float | None
) -> Rejection:
    """Why an article's analysis was stopped, in words the user can act on."""
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


class Worker:
    """A forked process that analyses the chunks it is sent, one message per article."""

    def __init__(self, analyser: Any) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.conn, child_conn = context.Pipe()
        self._process = context.Process(
            target=_worker_main, args=(analyser, child_conn, self.conn), daemon=True
        )
        self._process.start()
        child_conn.close()

    @staticmethod
    def wait(workers: list[Worker], timeout: float) -> set[Worker]:
        """The workers with a message waiting, after at most `timeout` seconds."""
        from multiprocessing.connection import wait

        by_conn = {worker.conn: worker for worker in workers}
        return {by_conn[conn] for conn in wait(list(by_conn), timeout)}

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode

    def alive(self) -> bool:
        return self._process.is_alive()

    def send(self, chunk: list[Article]) -> None:
        self.conn.send(chunk)

    def receive(self) -> tuple[Any, ...]:
        """("ok", extraction), ("end",), ("error", message) or ("died", how)."""
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self._process.join(1)
            return ("died", f"exit code {self._process.exitcode}")

    def rss_mb(self) -> float:
        return rss_mb(self._process.pid)

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self.conn.close()


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


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0
