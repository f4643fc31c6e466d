"""Peak memory against corpus size, and the whole run's words/s against bare spaCy's.

    .venv/bin/python -m benchmarks.bench_scale [--sizes 500,2000] [--workers N] [--seed 0]
                                               [--repeat 1] [--code DIR]

For each size, writes a generated corpus (`benchmarks.make_corpus`) and runs the ETL over it
(`python -m etl --full --workers N`) in a child process of its own, so that each run's peak
resident memory is its own: the ETL process's peak (what grows when a run holds the corpus in
memory) and the largest worker's. Then, over the smallest corpus, in the same run and
alternating so that a change in the machine's load falls on both alike: bare spaCy's full
pipeline with `n_process` = N over the cleaned texts the ETL analyses, and the whole ETL run
(reading, cleaning, extraction, writing; the model already loaded, as for spaCy), each in a
child process, and their words per second and ratio (the aim, issue 13: at least 0.8).

`--code DIR` runs another checkout's ETL (for a before/after comparison in one run: the same
corpus, the same load). The load average is printed before and after: the figures mean little
on a busy machine. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min, {os.cpu_count()} cores)"


def cpu_seconds() -> float:
    """CPU seconds (user and system) of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _child(mode: str, corpus: str, db: str, workers: int) -> None:
    """Run in a child process: one ETL run or one bare-spaCy pass; print a JSON line."""
    from etl.run import SilentReporter, default_steps, read_inputs, run_etl

    texts = None
    if mode in ("spacy", "etl-warm"):
        texts = [
            a.body for a in read_inputs(Path(corpus), default_steps(), SilentReporter()).articles
        ]
    if mode == "spacy":
        from etl.nlp import load_bare_nlp
        from etl.pipeline import BATCH_SIZE

        nlp = load_bare_nlp()  # spaCy's own components, not the ETL's equal faster ones
        list(nlp.pipe(texts[:2]))
        cpu = cpu_seconds()
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=workers):
            pass
        elapsed = time.perf_counter() - started
        articles = len(texts)
    elif mode in ("etl-standin", "etl-standin-update"):
        # The ETL around the model (benchmarks/standin.py); "-update" runs over an existing
        # warehouse as a user's next run does (only new or changed files are analysed).
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from standin import standin_steps

        cpu = cpu_seconds()
        started = time.perf_counter()
        summary = run_etl(
            Path(corpus),
            Path(db),
            workers=workers,
            full=mode == "etl-standin",
            steps=standin_steps(),
        )
        elapsed = time.perf_counter() - started
        articles = summary.articles
    elif mode == "etl-dask":  # the whole ETL on a Dask LocalCluster of `workers` processes
        import distributed

        with distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            cpu = cpu_seconds()
            started = time.perf_counter()
            summary = run_etl(
                Path(corpus), Path(db), full=True, scheduler=cluster.scheduler_address
            )
            elapsed = time.perf_counter() - started
        articles = summary.articles
    else:
        if mode == "etl-warm":  # the model loaded before the clock starts, as for spaCy
            from etl.nlp import load_nlp

            load_nlp()
        cpu = cpu_seconds()
        started = time.perf_counter()
        summary = run_etl(Path(corpus), Path(db), workers=workers, full=True)
        elapsed = time.perf_counter() - started
        articles = summary.articles
    print(
        json.dumps(
            {
                "seconds": elapsed,
                # CPU of the run and its workers: on a machine other processes share, wall time
                # favours whichever run has more processes; CPU seconds do not.
                "cpu_seconds": cpu_seconds() - cpu,
                "articles": articles,
                "words": None if texts is None else sum(len(t.split()) for t in texts),
                "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def child(
    code: Path, mode: str, corpus: Path, db: Path, workers: int, keep_db: bool = False
) -> dict:
    """One child run with `code`'s ETL; its JSON line. The warehouse at `db` is removed first,
    unless `keep_db` (a run over the warehouse an earlier run wrote)."""
    if not keep_db:
        db.unlink(missing_ok=True)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy, sys; child = runpy.run_path(sys.argv[1])['_child']; "
            "child(*sys.argv[2:5], int(sys.argv[5]))",
            __file__,
            mode,
            str(corpus),
            str(db),
            str(workers),
        ],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    from benchmarks.make_corpus import write_corpus
    from etl.run import default_workers

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_scale", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default="500,2000", metavar="N,M")
    parser.add_argument("--workers", type=int, default=default_workers(), metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    parser.add_argument("--repeat", type=int, default=1, metavar="R")
    parser.add_argument("--code", type=Path, default=ROOT, metavar="DIR")
    parser.add_argument("--no-ratio", action="store_true", help="peak memory only")
    parser.add_argument("--no-memory", action="store_true", help="the words/s ratio only")
    parser.add_argument(
        "--stand-in",
        action="store_true",
        help="peak memory with a stand-in for the model (benchmarks/standin.py): what the run "
        "holds besides spaCy, at sizes the model would take hours over",
    )
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",")]
    code = args.code.resolve()
    print(f"code                {code}")
    print(f"workers             {args.workers}")
    print(f"load before         {load_text()}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpora = {}
        for size in sizes:
            corpora[size] = work / f"corpus-{size}"
            write_corpus(corpora[size], size, args.seed)
        if not args.no_memory:
            for size in sizes:
                for _ in range(args.repeat):
                    mode = "etl-standin" if args.stand_in else "etl"
                    got = child(code, mode, corpora[size], work / "rss.duckdb", args.workers)
                    rate = got["articles"] / got["seconds"]
                    print(
                        f"{size:>6} files       peak RSS: ETL process {got['rss_self_mb']:6.0f} MB, "
                        f"largest worker {got['rss_worker_mb']:6.0f} MB   "
                        f"({got['articles']} articles in {got['seconds']:.0f} s, {rate:.1f}/s)"
                    )
        if not args.no_ratio:
            corpus = corpora[min(sizes)]
            for _ in range(args.repeat):
                spacy = child(code, "spacy", corpus, work / "x.duckdb", args.workers)
                etl = child(code, "etl-warm", corpus, work / "ratio.duckdb", args.workers)
                words = spacy["words"]
                print(
                    f"{min(sizes):>6} files       bare spaCy (n_process={args.workers}) "
                    f"{words / spacy['seconds']:7,.0f} words/s ({spacy['seconds']:.0f} s)   "
                    f"whole ETL run {words / etl['seconds']:7,.0f} words/s ({etl['seconds']:.0f} s)"
                    f"   ratio {spacy['seconds'] / etl['seconds']:.2f}"
                )
                print(
                    f"{'':>6}              CPU seconds (all processes): bare spaCy "
                    f"{spacy['cpu_seconds']:.0f}, whole ETL run {etl['cpu_seconds']:.0f}   "
                    f"ratio {spacy['cpu_seconds'] / etl['cpu_seconds']:.2f} (the load-independent "
                    "bound on the words/s ratio)"
                )
    print(f"load after          {load_text()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
