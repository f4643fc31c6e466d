"""The whole ETL run's words per second beside bare spaCy's, with the same number of processes.

    .venv/bin/python -m benchmarks.bench_etl [--articles 200] [--seed 0] [--input DIR]
                                             [--workers 1,2]

Writes a generated corpus (`benchmarks.make_corpus`; or reads --input), reads and cleans it once
to get the texts bare spaCy parses, then for each process count N: times `nlp.pipe(texts,
n_process=N)` over the cleaned bodies (spaCy's full pipeline as the model ships it, nothing else) and the whole ETL
run with `--workers N` (reading, cleaning, extraction and the warehouse write, and the place
gazetteer each run builds) over the same articles, each in a child process of its own with the
model loaded before the clock starts, and prints both in words per second and their ratio (the aim: at least 0.8), and
in words per CPU-second (this process and its workers). Also prints the machine's load average before and after (the figures mean little on a busy
machine) and the peak memory of the ETL process and of its largest worker. Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_scale import ROOT, child
from benchmarks.make_corpus import write_corpus
from etl.run import SilentReporter, default_steps, default_workers, read_inputs


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
        # Each measurement runs in a child process of its own (`benchmarks.bench_scale.child`):
        # bare spaCy's own components (not the ETL's equal faster ones) and a whole ETL run with
        # the model loaded before the clock starts, as for spaCy. An ETL run that follows another
        # in the same process was measured 10-15% slower (round 13), and `python -m etl` is
        # always a fresh process.
        peaks = (0.0, 0.0)
        for n in counts:
            spacy = child(ROOT, "spacy", corpus, work / "spacy.duckdb", n)
            etl = child(ROOT, "etl-warm", corpus, work / f"bench-{n}.duckdb", n)
            assert etl["articles"] == len(texts), "the ETL loaded other articles than spaCy parsed"
            spacy_seconds, etl_seconds = spacy["seconds"], etl["seconds"]
            spacy_cpu, etl_cpu = spacy["cpu_seconds"], etl["cpu_seconds"]
            peaks = (max(peaks[0], etl["rss_self_mb"]), max(peaks[1], etl["rss_worker_mb"]))
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
            f"peak RSS            ETL process {peaks[0]:.0f} MB, largest worker {peaks[1]:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
