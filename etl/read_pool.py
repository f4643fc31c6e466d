"""Reading and preparing input files in worker processes, a window of files ahead, in order.

`read_ahead` yields one `(path, previous, outcome)` per file, in input order: `previous` is what
`replayed(path)` found for an unchanged file (then nothing is read), else `outcome` is
`read(path)`. With `workers` > 1 the reads run in that many processes forked from this one
(cleaning and language checks are most of the CPU a file costs before analysis), each sent a
file at a time, at most `AHEAD` files in flight per process, so memory follows the window and
not the corpus. Files go to the processes in turn and come back in the same turn, so the order
is the input's without any sorting. A process that dies while reading (a reader that crashes
the interpreter) costs the file it was on, which is rejected; the files it still held are read
by a fresh process.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from etl.types import Rejection

AHEAD = 4  # files in flight per reading process


def read_ahead(
    files: Iterable[Path],
    replayed: Callable[[Path], Any],
    read: Callable[[Path], Any],
    workers: int = 1,
    failed: Callable[[Path, str], Any] | None = None,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[tuple[Path, Any, Any]]:
    """(path, what `replayed` gave or None, what `read` gave or None) per file, in order.

    `failed(path, why)` is the outcome of a file whose reading process died or raised.
    `warm_up()`, with `workers` > 1, runs once before the reading processes are forked (when
    the first file needs reading), so that they share what it loads instead of each loading
    its own."""
    failed = failed or (lambda path, why: Rejection(path.name, "error", why))
    if workers <= 1 or not _can_fork():
        for path in files:
            previous = replayed(path)
            yield path, previous, None if previous is not None else read(path)
        return
    readers: list[_Reader] = []  # forked when the first file needs reading
    turn = itertools.cycle(range(workers))
    window: deque[tuple[Path, Any, int | None]] = deque()  # (path, previous, reader index)
    source = iter(files)
    try:
        while True:
            while len(window) < AHEAD * workers:
                path = next(source, None)
                if path is None:
                    break
                previous = replayed(path)
                if previous is not None:
                    window.append((path, previous, None))
                    continue
                if not readers:
                    if warm_up is not None:
                        warm_up()
                    readers = [_Reader(read) for _ in range(workers)]
                index = next(turn)
                readers[index].send(path)
                window.append((path, None, index))
            if not window:
                return
            path, previous, index = window.popleft()
            if index is None:
                yield path, previous, None
                continue
            outcome = readers[index].receive(path)
            if outcome is _DIED:
                held = readers[index].held
                readers[index].stop()
                readers[index] = _Reader(read)
                for waiting in held:  # what the dead process still had, in its order
                    readers[index].send(waiting)
                outcome = failed(path, "reading failed: the reading process stopped on this file")
            elif isinstance(outcome, _Raised):
                outcome = failed(path, f"reading failed: {outcome.message}")
            yield path, None, outcome
    finally:
        for reader in readers:
            reader.stop()


_DIED = object()


class _Raised:
    """`read` raised in the reading process (it is meant to turn failures into outcomes)."""

    def __init__(self, message: str) -> None:
        self.message = message


class _Reader:
    """A forked process that answers each path it is sent with `read(path)`, in order."""

    def __init__(self, read: Callable[[Path], Any]) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.conn, child_conn = context.Pipe()
        self.held: deque[Path] = deque()  # sent, not yet answered
        self._process = context.Process(
            target=_reader_main, args=(read, child_conn, self.conn), daemon=True
        )
        self._process.start()
        child_conn.close()

    def send(self, path: Path) -> None:
        self.held.append(path)
        try:
            self.conn.send(path)
        except OSError:  # it died: `receive` reports that, and the path is sent again
            pass

    def receive(self, path: Path) -> Any:
        """The answer for `path` (the oldest path held), or _DIED."""
        assert self.held and self.held[0] == path
        try:
            kind, outcome = self.conn.recv()
        except (EOFError, OSError):
            self.held.popleft()
            return _DIED
        self.held.popleft()
        return outcome if kind == "ok" else _Raised(outcome)

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self.conn.close()


def _reader_main(read: Callable[[Path], Any], conn: Any, parent_end: Any) -> None:
    import signal

    from etl.workers import _die_with_parent

    parent_end.close()  # so that the parent's death ends recv() below
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", read(path)))
        except Exception as exc:  # noqa: BLE001 - the file is rejected, the process goes on
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
