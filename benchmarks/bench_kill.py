"""Kill-safety at a realistic size: SIGKILL streaming runs at random points, check the warehouse.

    .venv/bin/python -m benchmarks.bench_kill [--articles 3000] [--add 1000] [--kills 6]
                                              [--workers 2] [--seed 0] [--model]

Builds a warehouse from a generated corpus of `--articles` files (`benchmarks.make_corpus`),
adds `--add` more files, times one uninterrupted append run (on a copy), then starts the same
append `--kills` times and sends its main process SIGKILL at a random moment between the start
and a little past the uninterrupted run's duration (so some kills fall while batches stream in,
some in the finish: derived tables, the check, the swap). After each kill it checks that:

- the warehouse at --db is either the previous one, byte for byte, or (a kill after the swap)
  the complete new one: opens read-only, is an ETL warehouse, and holds every article;
- no analysis or reading process outlives the killed run (they die with it);
- the next run starts at once (the lock died with the run) and removes the killed run's copy.

A final uninterrupted run must then give the same rows as the one timed at first. Prints each
kill's moment, how far the private copy had got, and the outcome. Without `--model` the
analysis is a stand-in (`benchmarks/standin.py`): what is tested is the writing, and the model
would make each run take an hour; with `--model` it is the real pipeline (use small sizes).
Not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from etl.run import run_etl
steps = None
if sys.argv[3] == "stand-in":
    from standin import standin_steps
    steps = standin_steps()
summary = run_etl(Path(sys.argv[1]), Path(sys.argv[2]), workers=int(sys.argv[5]), steps=steps)
print(summary.articles_new, summary.articles_reused, flush=True)
"""


_RUNNING: list[subprocess.Popen] = []  # runs to stop if this benchmark itself is stopped


def start_run(input_dir: Path, db: Path, analyser: str, workers: int) -> subprocess.Popen:
    """An append run in a process of its own session (so that its workers can be found)."""
    run = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(input_dir),
            str(db),
            analyser,
            str(ROOT / "benchmarks"),
            str(workers),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    _RUNNING.append(run)
    return run


def session_processes(session: int) -> list[int]:
    """Live processes of a session (the killed run's workers, if any outlived it)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getsid(int(entry)) != session:
                continue
            with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                state = stat.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            found.append(int(entry))
    return found


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def warehouse_state(db: Path) -> tuple[str | None, dict[str, int]]:
    """(why the file is not a readable ETL warehouse, or None; its rows per table)."""
    from etl import load

    problem = load.warehouse_problem(db)
    if problem is not None or not db.exists():
        return problem or "missing", {}
    return None, load.row_counts(db)


def copy_bytes(db: Path) -> int:
    """Bytes of the private copies a run writes beside db (its `.tmp-PID` files)."""
    return sum(p.stat().st_size for p in db.parent.glob(f".{db.name}.tmp-*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    from benchmarks.compare_warehouses import differences
    from benchmarks.make_corpus import write_corpus

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_kill", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--articles", type=int, default=3000, metavar="N")
    parser.add_argument("--add", type=int, default=1000, metavar="M")
    parser.add_argument("--kills", type=int, default=6, metavar="K")
    parser.add_argument("--workers", type=int, default=2, metavar="W")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    parser.add_argument("--model", action="store_true", help="the real pipeline, not a stand-in")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: temporary)")
    args = parser.parse_args(argv)
    analyser = "model" if args.model else "stand-in"
    rng = random.Random(args.seed)
    print(f"load before         {os.getloadavg()[0]:.1f} (1 min, {os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        work = Path(folder)
        corpus, db = work / "corpus", work / "warehouse.duckdb"
        write_corpus(corpus / "base", args.articles, args.seed)
        started = time.perf_counter()
        first = start_run(corpus, db, analyser, args.workers)
        out, _ = first.communicate()
        if first.returncode != 0:
            print("the first build failed")
            return 1
        print(
            f"previous warehouse  {args.articles} files -> {out.split()[0]} articles "
            f"in {time.perf_counter() - started:.0f} s ({db.stat().st_size / 1e6:.0f} MB, "
            f"analysis: {analyser})"
        )
        write_corpus(corpus / "added", args.add, args.seed + 1)
        previous = file_digest(db)
        pristine = work / "previous.duckdb"
        shutil.copyfile(db, pristine)
        _, previous_rows = warehouse_state(db)

        reference = work / "reference.duckdb"
        shutil.copyfile(db, reference)
        started = time.perf_counter()
        timed = start_run(corpus, reference, analyser, args.workers)
        out, _ = timed.communicate()
        whole = time.perf_counter() - started
        new_articles = warehouse_state(reference)[1].get("articles", 0)
        print(
            f"uninterrupted append +{args.add} files: {out.split()[0]} new articles in "
            f"{whole:.0f} s ({new_articles} articles in all)"
        )

        failures = 0
        outcomes: dict[str, int] = {}
        for kill in range(1, args.kills + 1):
            at = rng.uniform(0.05, 1.1) * whole
            run = start_run(corpus, db, analyser, args.workers)
            time.sleep(at)
            copy = copy_bytes(db)
            finished = run.poll() is not None
            run.send_signal(signal.SIGKILL)
            run.wait()
            deadline = time.monotonic() + 10
            while (left := session_processes(run.pid)) and time.monotonic() < deadline:
                time.sleep(0.1)
            problem, rows = warehouse_state(db)
            if problem is not None:
                outcome = f"NOT READABLE ({problem})"
            elif file_digest(db) == previous:
                outcome = "previous warehouse, byte for byte"
            elif rows == warehouse_state(reference)[1]:
                outcome = "new warehouse, complete (killed after the swap)"
            else:
                outcome = f"CHANGED AND INCOMPLETE: {rows} vs {previous_rows}"
            bad = problem is not None or outcome.isupper() or outcome.startswith("CHANGED")
            bad = bad or bool(left)
            failures += bad
            key = outcome.split(",")[0].split(" (")[0]
            outcomes[key] = outcomes.get(key, 0) + 1
            print(
                f"kill {kill}: SIGKILL at {at:5.1f} s ({at / whole:4.0%} of the run"
                f"{', already finished' if finished else ''}); private copy "
                f"{copy / 1e6:5.1f} MB; {outcome}"
                + (f"; {len(left)} PROCESSES OUTLIVED IT" if left else "")
            )
            if file_digest(db) != previous:  # the next kill starts from the previous warehouse
                shutil.copyfile(pristine, db)
        stale = [p.name for p in db.parent.glob(f".{db.name}.tmp-*")]
        started = time.perf_counter()
        final = start_run(corpus, db, analyser, args.workers)
        out, _ = final.communicate()
        took = time.perf_counter() - started
        left_after = [p.name for p in db.parent.glob(f".{db.name}.tmp-*")]
        lines = differences(db, reference)
        print(
            f"final run           {took:.0f} s; stale copies before {len(stale)}, after "
            f"{len(left_after)}; rows {'the same as' if not lines else 'DIFFERENT from'} "
            "the uninterrupted append"
        )
        failures += bool(lines) + bool(left_after) + (final.returncode != 0)
    print("outcomes            " + ", ".join(f"{k}: {n}" for k, n in sorted(outcomes.items())))
    print(f"load after          {os.getloadavg()[0]:.1f}")
    print("PASSED" if not failures else f"FAILED ({failures} problem(s))")
    return 1 if failures else 0


def stop_runs() -> None:
    for run in _RUNNING:
        if run.poll() is None:
            run.kill()  # its workers die with it
            run.wait()


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        stop_runs()
