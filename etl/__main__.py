"""`python -m etl --input DIR --db FILE`: build the warehouse from a folder of articles.

Progress goes to standard error (a bar on a terminal, plain lines otherwise); the summary goes
to standard output. Exit status: 0 when the run finished (even with rejected files), 1 when it
could not run, 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from etl.inputs import hide_paths
from etl.run import (
    DEFAULT_ARTICLE_MEMORY_MB,
    DEFAULT_ARTICLE_TIMEOUT,
    DEFAULT_LOCK_TIMEOUT,
    RunError,
    SilentReporter,
    default_workers,
    format_summary,
    run_etl,
)

DESCRIPTION = """\
Read every article under the input folder (recursively; hidden files and sources.csv are
skipped), clean it, extract actors, statements, stances, figures and events, and write them to
a DuckDB warehouse. The warehouse is replaced atomically: an interrupted run leaves the previous
one intact. Articles unchanged since the previous run keep their rows without being reanalysed.
Optional metadata sits beside the articles in sources.csv (file,url,outlet,published_date).
Only regular files inside the input folder are read; links that leave it, pipes and devices are
rejected. One run writes a warehouse at a time: a second run waits for the first (FILE.lock)."""

EPILOG = """\
exit status: 0 finished (some files may be rejected; see the summary and the `rejected`
table), 1 could not run (missing input folder, unwritable warehouse folder, --db names a file
that is not a warehouse, another run kept the lock past --lock-timeout), 2 usage error,
130 interrupted."""


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class PlainReporter:
    """One line per step, for logs and pipes: "[3/120] file.txt (2.5/s, 0:47 left)"."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.name = ""
        self.total = 0
        self.count = 0
        self.started = time.monotonic()

    def phase(self, name: str, total: int) -> None:
        self.name, self.total, self.count = name, total, 0
        self.started = time.monotonic()
        print(
            f"{name.capitalize()} {total} item{'s' if total != 1 else ''}",
            file=self.stream,
        )

    def pace(self) -> str:
        """Items per second and the time left at that rate, once there is a rate to speak of."""
        elapsed = time.monotonic() - self.started
        if self.count < 2 or elapsed < 0.5:
            return ""
        rate = self.count / elapsed
        left = max(0, self.total - self.count) / rate
        return f" ({rate:.1f}/s, {_clock(left)} left)"

    def advance(self, label: str) -> None:
        self.count += 1
        print(f"[{self.count}/{self.total}] {label}{self.pace()}", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        print(message, file=self.stream, flush=True)

    def done(self) -> None:
        pass


class BarReporter:
    """A progress bar on a terminal (rich)."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[label]}"),
            console=Console(file=stream),
            transient=True,
        )
        self.task = None
        self.progress.start()

    def phase(self, name: str, total: int) -> None:
        if self.task is not None:
            self.progress.remove_task(self.task)
        self.task = self.progress.add_task(name.capitalize(), total=total, label="", rate="")

    def advance(self, label: str) -> None:
        if self.task is not None:
            self.progress.update(self.task, advance=1, label=label[-40:])
            speed = next(t.speed for t in self.progress.tasks if t.id == self.task)
            if speed:
                self.progress.update(self.task, rate=f"{speed:.1f}/s")

    def note(self, message: str) -> None:
        self.progress.console.print(message, markup=False, highlight=False)

    def done(self) -> None:
        self.progress.stop()


class CarriageReturnReporter(PlainReporter):
    """A bar drawn with carriage returns, when rich is not installed."""

    def advance(self, label: str) -> None:
        self.count += 1
        width = 30
        filled = width * self.count // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        print(
            f"\r[{bar}] {self.count}/{self.total}{self.pace()} {label[-30:]:<30}",
            end="",
            file=self.stream,
        )
        if self.count == self.total:
            print(file=self.stream)
        self.stream.flush()


def make_reporter(quiet: bool, stream: TextIO):
    if quiet:
        return SilentReporter()
    if not stream.isatty():
        return PlainReporter(stream)
    try:
        return BarReporter(stream)
    except ImportError:
        return CarriageReturnReporter(stream)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be zero or more seconds: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--input",
        type=Path,
        default=Path("data/raw"),
        metavar="DIR",
        help="folder of articles (.txt .md .html .htm .json .jsonl); default: data/raw",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=Path("data/warehouse.duckdb"),
        metavar="FILE",
        help="DuckDB warehouse to create or replace; default: data/warehouse.duckdb",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="ignore the previous warehouse and reanalyse every article",
    )
    parser.add_argument(
        "--allow-empty",
        action="store_true",
        help="let a run over an input folder with no files empty a warehouse that holds "
        "articles (by default it refuses: an unmounted share would wipe the dashboard)",
    )
    parser.add_argument(
        "--replace-invalid-db",
        action="store_true",
        help="replace FILE even when it is a damaged DuckDB file or a DuckDB database this ETL "
        "did not write (a file that is not DuckDB at all is never replaced)",
    )
    parser.add_argument(
        "--lock-timeout",
        type=_seconds,
        default=DEFAULT_LOCK_TIMEOUT,
        metavar="SECONDS",
        help="how long to wait while another run writes the same warehouse; default: "
        f"{DEFAULT_LOCK_TIMEOUT:g}",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress and no summary; errors only"
    )
    parser.add_argument(
        "--article-timeout",
        type=_positive_number,
        default=DEFAULT_ARTICLE_TIMEOUT,
        metavar="SECONDS",
        help="reject an article whose analysis takes longer (over_time_budget); "
        f"default: {DEFAULT_ARTICLE_TIMEOUT:g}",
    )
    parser.add_argument(
        "--article-memory",
        type=_positive_number,
        default=DEFAULT_ARTICLE_MEMORY_MB,
        metavar="MB",
        help="reject an article whose analysis needs more memory (over_memory_budget); "
        f"default: {DEFAULT_ARTICLE_MEMORY_MB:g}",
    )
    parser.add_argument(
        "--workers",
        type=_worker_count,
        default=None,
        metavar="N",
        help="analyse in N processes, each with its own copy of the model (about 500 MB), and "
        "read and clean files in N small ones; the rows are the same for any N; default: every "
        f"core this process may use ({default_workers()})",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where the analysis runs: local processes (--workers), or the Dask cluster at "
        "--scheduler, which gives the same rows; default: local",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="the Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786 (every worker "
        "needs this project's requirements installed)",
    )
    return parser


def _worker_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0: {text!r}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.engine == "dask" and not args.scheduler:
        parser.error("--engine dask needs --scheduler ADDRESS (the Dask scheduler to use)")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler is for --engine dask")
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s", stream=sys.stderr)
    reporter = make_reporter(args.quiet, sys.stderr)
    try:
        summary = run_etl(
            args.input,
            args.db,
            full=args.full,
            reporter=reporter,
            replace_invalid_db=args.replace_invalid_db,
            allow_empty=args.allow_empty,
            lock_timeout=args.lock_timeout,
            article_timeout=args.article_timeout,
            article_memory_mb=args.article_memory,
            workers=args.workers,
            scheduler=args.scheduler,
        )
    except RunError as exc:
        reporter.done()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        reporter.done()
        print("interrupted: the previous warehouse was left unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # no traceback for users; ETL_DEBUG=1 shows it
        reporter.done()
        if os.environ.get("ETL_DEBUG"):
            raise
        print(
            f"error: {type(exc).__name__}: {hide_paths(str(exc), args.input)}\n"
            "The previous warehouse was left unchanged. Set ETL_DEBUG=1 to see the traceback.",
            file=sys.stderr,
        )
        return 1
    if not args.quiet:
        try:
            print(format_summary(summary), flush=True)
        # `python -m etl | head`: the reader left early; the run itself is done.
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
