"""Every figure issue 13 asks for, measured in one run on this machine, printed as one report.

    .venv/bin/python -m benchmarks.scale_report [--sizes 1000,10000,100000] [--ratio-files 400]
                                                [--workers N] [--add 1000] [--statements 1000000]
                                                [--dask-files 100] [--seed 0] [--dir DIR]
    .venv/bin/python -m benchmarks.scale_report --quick      # small sizes: a check that it runs

Sections, each run in child processes of its own (`benchmarks.bench_scale.child`), so that every
figure is its own process's:

1. **Throughput.** Over a generated corpus of `--ratio-files` files: bare spaCy's full pipeline
   with `n_process` = N over the cleaned texts, and the whole ETL run with `--workers N`
   (reading, cleaning, extraction, writing; the model loaded before the clock, as for spaCy),
   alternating, twice. Words per second and their ratio (aim: at least 0.8), then the same with
   one process. Also the real ETL's articles per second and peak memory.
2. **Size.** For each of `--sizes`: a generated corpus of that many files and a full build with a
   stand-in for the model (`benchmarks/standin.py`: rows of every kind, as many as real articles
   give, without spaCy). The model's cost per article does not depend on the corpus's size
   (section 1 measures it); what can grow with the corpus is everything around it, which this
   measures at sizes the model would take hours over: articles per second (aim: flat) and peak
   memory of the ETL process and of its largest worker (aim: under 2 GB). Then, at the largest
   size, `--add` new files analysed into that warehouse and an unchanged re-run, against the full
   build (aims: at most a quarter and a tenth of it).
3. **Cluster.** Over `--dask-files` files: the whole ETL in one process against a Dask
   `LocalCluster` of N workers, and whether both warehouses hold the same rows.
4. **Dashboard.** `benchmarks/dashboard_queries.py` at `--statements` statements (a tenth as
   many articles): every page's query time, unfiltered and with two filter sets (aim: at most
   150 ms per page).

The load average is printed before and after: on a busy machine the figures mean little. A full
run at the default sizes takes about an hour on two cores. Not a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_scale import ROOT, child, load_text
from benchmarks.compare_warehouses import differences
from benchmarks.make_corpus import write_corpus
from etl.run import default_workers

QUICK = {"sizes": "100,300", "ratio_files": 40, "add": 20, "statements": 20_000, "dask_files": 12}


def _rate(got: dict, key: str = "articles") -> float:
    return got[key] / got["seconds"] if got["seconds"] else float("inf")


def throughput(work: Path, files: int, workers: int, seed: int, out) -> None:
    corpus = work / "ratio"
    write_corpus(corpus, files, seed)
    for processes in dict.fromkeys((workers, 1)):
        ratios = []
        for _ in range(2):
            spacy = child(ROOT, "spacy", corpus, work / "x.duckdb", processes)
            etl = child(ROOT, "etl-warm", corpus, work / "ratio.duckdb", processes)
            ratios.append(spacy["seconds"] / etl["seconds"])
            words = spacy["words"]
            out(
                f"  {processes} process{'es' if processes > 1 else ''}: bare spaCy "
                f"{words / spacy['seconds']:7,.0f} words/s, whole ETL run "
                f"{words / etl['seconds']:7,.0f} words/s, ratio {ratios[-1]:.2f}   "
                f"(CPU s: spaCy {spacy['cpu_seconds']:.0f}, ETL {etl['cpu_seconds']:.0f}; "
                f"ETL {_rate(etl):.1f} articles/s, peak RSS {etl['rss_self_mb']:.0f} MB, "
                f"largest worker {etl['rss_worker_mb']:.0f} MB)"
            )
        out(
            f"  {processes} process{'es' if processes > 1 else ''}: ratio "
            f"{min(ratios):.2f}–{max(ratios):.2f} (aim: at least 0.8)"
        )


def sizes(work: Path, counts: list[int], add: int, workers: int, seed: int, out) -> None:
    largest = max(counts)
    built: dict[int, dict] = {}
    for count in counts:
        corpus = work / f"corpus-{count}"
        started = time.perf_counter()
        write_corpus(corpus, count, seed)
        written = time.perf_counter() - started
        got = built[count] = child(ROOT, "etl-standin", corpus, work / f"w-{count}.duckdb", workers)
        out(
            f"  {count:>7,} files: {got['articles']:,} articles in {got['seconds']:.0f} s, "
            f"{_rate(got):,.0f} articles/s; peak RSS: ETL process {got['rss_self_mb']:.0f} MB, "
            f"largest worker {got['rss_worker_mb']:.0f} MB   (corpus written in {written:.0f} s)"
        )
    rates = [_rate(built[c]) for c in counts]
    out(f"  articles/s, smallest to largest: {' / '.join(f'{r:,.0f}' for r in rates)} (aim: flat)")
    corpus, db = work / f"corpus-{largest}", work / f"w-{largest}.duckdb"
    write_corpus(corpus / "added", add, seed + 1)
    added = child(ROOT, "etl-standin-update", corpus, db, workers, keep_db=True)
    again = child(ROOT, "etl-standin-update", corpus, db, workers, keep_db=True)
    full = built[largest]["seconds"]
    out(
        f"  adding {add:,} files to {largest:,}: {added['seconds']:.1f} s "
        f"({added['seconds'] / full:.3f} of the full build; aim at most 0.25)"
    )
    out(
        f"  unchanged re-run at {largest + add:,}: {again['seconds']:.1f} s "
        f"({again['seconds'] / full:.3f} of the full build; aim at most 0.1)"
    )


def cluster(work: Path, files: int, workers: int, seed: int, out) -> None:
    corpus = work / "dask"
    write_corpus(corpus, files, seed)
    one = child(ROOT, "etl", corpus, work / "one.duckdb", 1)
    dask = child(ROOT, "etl-dask", corpus, work / "dask.duckdb", workers)
    differ = differences(work / "one.duckdb", work / "dask.duckdb")
    out(
        f"  one process {one['seconds']:.0f} s, Dask LocalCluster of {workers} workers "
        f"{dask['seconds']:.0f} s (each loading the model); "
        f"{'the same rows in every table' if not differ else 'ROWS DIFFER: ' + differ[0]}"
    )


def dashboard(work: Path, statements: int, out) -> None:
    db = work / "dashboard.duckdb"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.dashboard_queries",
            "--statements",
            str(statements),
            "--db",
            str(db),
            "--rebuild",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for line in done.stdout.splitlines():
        out(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.scale_report", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default="1000,10000,100000", metavar="N,M,…")
    parser.add_argument("--ratio-files", type=int, default=400, metavar="N")
    parser.add_argument("--workers", type=int, default=default_workers(), metavar="N")
    parser.add_argument("--add", type=int, default=1000, metavar="N")
    parser.add_argument("--statements", type=int, default=1_000_000, metavar="N")
    parser.add_argument("--dask-files", type=int, default=100, metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    parser.add_argument("--dir", type=Path, default=None, help="scratch folder (default: a temp)")
    parser.add_argument("--quick", action="store_true", help="small sizes: check that it runs")
    parser.add_argument(
        "--only",
        default="throughput,size,cluster,dashboard",
        help="comma-separated sections to run",
    )
    args = parser.parse_args(argv)
    if args.quick:
        for key, value in QUICK.items():
            setattr(args, key, value)
    sections = set(args.only.split(","))

    def out(line: str) -> None:
        print(line, flush=True)

    started = time.perf_counter()
    out(f"scale report: {args.workers} workers, load before {load_text()}")
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        work = Path(folder)
        if "throughput" in sections:
            out(f"1. throughput against bare spaCy, {args.ratio_files} generated files")
            throughput(work, args.ratio_files, args.workers, args.seed, out)
        if "size" in sections:
            out("2. the ETL around the model (stand-in) as the corpus grows")
            counts = [int(n) for n in str(args.sizes).split(",")]
            sizes(work, counts, args.add, args.workers, args.seed, out)
        if "cluster" in sections:
            out(f"3. Dask against one process, {args.dask_files} generated files")
            cluster(work, args.dask_files, args.workers, args.seed, out)
        if "dashboard" in sections:
            out(f"4. dashboard queries at {args.statements:,} statements")
            dashboard(work, args.statements, out)
    out(f"load after {load_text()}; the report took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
