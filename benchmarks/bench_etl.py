"""The whole ETL run's words per second beside bare spaCy's, with the same number of processes.

    .venv/bin/python -m benchmarks.bench_etl [--articles 200] [--seed 0] [--input DIR]
                                             [--workers 1,2] [--batch-size 32]

Writes a generated corpus (`benchmarks.make_corpus`; or reads --input), reads and cleans it once
to get the texts bare spaCy parses, then for each process count N: times `nlp.pipe(texts,
n_process=N)` over the cleaned bodies (spaCy's full pipeline as the model ships it, nothing else) and the whole ETL
run with `--workers N` (reading, cleaning, extraction and the warehouse write, and the place
gazetteer each run builds) over the same articles, and prints both in words per second and their ratio (the aim: at least 0.8), and
in words per CPU-second (this process and its workers). Also prints the machine's load average before and after (the figures mean little on a busy
machine) and the peak memory of this process and of its largest worker. Not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.make_corpus import write_corpus
from etl import places
from etl.nlp import load_bare_nlp
from etl.pipeline import BATCH_SIZE
from etl.run import SilentReporter, default_steps, default_workers, read_inputs, run_etl


def peak_rss_mb(who: int) -> float:
    # ru_maxrss is in kilobytes on Linux; for RUSAGE_CHILDREN it is the largest child's.
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User and system time of this process and its finished children (workers included)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min, {os.cpu_count()} cores)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_etl", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--articles", type=int, default=200, metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    parser.add_argument("--input", type=Path, default=None, metavar="DIR")
    parser.add_argument(
        "--workers",
        default=",".join(sorted({"1", str(default_workers())})),
        metavar="N,M",
        help="process counts to compare; default: 1 and every core",
    )
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, metavar="B")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.workers.split(",")]

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpus = args.input
        if corpus is None:
            corpus = work / "corpus"
            started = time.perf_counter()
            write_corpus(corpus, args.articles, args.seed)
            print(
                f"corpus              {args.articles} files written in "
                f"{time.perf_counter() - started:.1f} s (seed {args.seed})"
            )
        print(f"load before         {load_text()}")
        intake = read_inputs(corpus, default_steps(), SilentReporter())
        texts = [article.body for article in intake.articles]
        words = sum(len(text.split()) for text in texts)
        print(
            f"articles            {len(texts)} loaded, {len(intake.rejected)} rejected, "
            f"{words:,} words"
        )
        # spaCy's own components: the ETL's faster equal ones (etl.fast_components) are not
        # the baseline's.
        nlp = load_bare_nlp()
        list(nlp.pipe(texts[:2]))  # warm-up: lazily initialised state
        for n in counts:
            started, cpu = time.perf_counter(), cpu_seconds()
            for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=n):
                pass
            spacy_seconds = time.perf_counter() - started
            spacy_cpu = cpu_seconds() - cpu
            # Every run of `python -m etl` builds the place gazetteer (about 1.5 CPU s, towns
            # included); without this the runs after the first would reuse the first's.
            places.default_gazetteer.cache_clear()
            started, cpu = time.perf_counter(), cpu_seconds()
            summary = run_etl(corpus, work / f"bench-{n}.duckdb", workers=n, full=True)
            etl_seconds = time.perf_counter() - started
            etl_cpu = cpu_seconds() - cpu
            assert summary.articles == len(texts), "the ETL loaded other articles than spaCy parsed"
            print(
                f"{n} process{'es' if n > 1 else '  '}         "
                f"bare spaCy {words / spacy_seconds:>7,.0f} words/s ({spacy_seconds:5.1f} s)   "
                f"whole ETL run {words / etl_seconds:>7,.0f} words/s ({etl_seconds:5.1f} s)   "
                f"ratio {spacy_seconds / etl_seconds:.2f}"
            )
            # CPU time is what a busy machine does not distort: words per CPU-second.
            print(
                f"  per CPU-second    bare spaCy {words / spacy_cpu:>7,.0f} words      "
                f"whole ETL run {words / etl_cpu:>7,.0f} words       ratio {spacy_cpu / etl_cpu:.2f}"
            )
        print(f"load after          {load_text()}")
        print(
            f"peak RSS            this process {peak_rss_mb(resource.RUSAGE_SELF):.0f} MB, "
            f"largest worker {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
