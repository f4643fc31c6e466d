"""Two ETL writers at once on one warehouse, with a reader polling it throughout.

Real processes (`python -m etl`), a real DuckDB file and a reader that opens the warehouse
read-only the way the dashboard does. Writers must be serialised (the second says it waits),
the second must build on the first's result, and the reader must never see an error or a
half-written file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from etl import load
from etl.run import run_etl
from tests.conftest import TINY_ARTICLE

REPO = Path(__file__).resolve().parent.parent

READER = """
import json, sys, time
from pathlib import Path
import duckdb

db, stop = Path(sys.argv[1]), Path(sys.argv[2])
polls, errors, seen = 0, [], set()
while not stop.exists():
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.execute("SELECT count(*) FROM mentions").fetchone()
            con.execute("SELECT value FROM meta WHERE key = 'etl_version'").fetchone()[0]
            seen.add(articles)
        finally:
            con.close()
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    polls += 1
    time.sleep(0.01)
print(json.dumps({"polls": polls, "errors": errors[:5], "seen": sorted(seen)}))
"""


def variant(n: int) -> str:
    """The tiny article edited so that it is no duplicate of the others."""
    return TINY_ARTICLE.replace(
        "to discuss the crisis.", f"to discuss the crisis. Officials repeated this on day {n}."
    )


def start_writer(input_dir: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "etl", "--input", str(input_dir), "--db", str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_writers_at_once_are_serialised_and_a_reader_never_fails(input_dir, tmp_path, nlp):
    db = tmp_path / "w.duckdb"
    run_etl(input_dir, db)  # the warehouse the reader starts on: tiny.txt
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(stop)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = second = None
    try:
        for n in (1, 2):
            (input_dir / f"first_{n}.txt").write_text(variant(n), encoding="utf-8")
        first = start_writer(input_dir, db)
        # Once the first writer is reading the folder (as it analyses) it holds the lock.
        deadline = time.monotonic() + 120
        first_err = []
        for line in first.stderr:
            first_err.append(line)
            if line.startswith("Analysing") or time.monotonic() > deadline:
                break
        assert any(line.startswith("Analysing") for line in first_err), "".join(first_err)
        # A second batch arrives while the first run is busy, and a second run starts.
        for n in (3, 4):
            (input_dir / f"second_{n}.txt").write_text(variant(n), encoding="utf-8")
        second = start_writer(input_dir, db)
        second_out, second_err = second.communicate(timeout=300)
        first_out, rest = first.communicate(timeout=300)
        first_err.append(rest)
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
        stop.touch()
        reader_out, reader_err = reader.communicate(timeout=60)

    assert first.returncode == 0, "".join(first_err)
    assert second.returncode == 0, second_err
    assert "another ETL run is writing" in second_err

    polled = json.loads(reader_out)
    assert polled["errors"] == [], polled["errors"]
    assert polled["polls"] > 10
    assert set(polled["seen"]) <= {1, 3, 5}  # whole warehouses only: before, after one, after both

    assert load.row_counts(db)["articles"] == 5
    con = duckdb.connect(str(db), read_only=True)
    try:
        paths = sorted(r[0] for r in con.execute("SELECT source_path FROM articles").fetchall())
        runs = con.execute(
            "SELECT started_at, finished_at FROM runs ORDER BY started_at"
        ).fetchall()
    finally:
        con.close()
    assert paths == ["first_1.txt", "first_2.txt", "second_3.txt", "second_4.txt", "tiny.txt"]
    assert len(runs) == 3  # no run's history dropped
    (_, first_finished), (second_started, _) = runs[1], runs[2]
    assert second_started >= first_finished  # the writers did not overlap
    assert not [p for p in tmp_path.iterdir() if load.TEMP_MARKER in p.name]
