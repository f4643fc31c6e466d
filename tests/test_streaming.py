"""A run streams: rows written a batch at a time, files read in worker processes, the same
warehouse as a run that holds everything, and a kill mid-stream leaves the previous warehouse.

Real parts: a generated corpus (`benchmarks.make_corpus`), the real pipeline, a real DuckDB
file, a real `python -m`-style child process killed with SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.make_corpus import write_corpus
from etl import derived, load
from etl.run import run_etl
from tests.test_workers import rows_without_clock

REPO = Path(__file__).resolve().parent.parent
BATCH = 7


def derived_rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every derived table's rows, sorted, without the columns that say when a run happened."""
    return rows_without_clock(db_path, derived.DERIVED_TABLES)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("streamed") / "corpus"
    write_corpus(folder, 60, seed=5)
    return folder


@pytest.fixture(scope="module")
def at_once(corpus, tmp_path_factory, nlp) -> tuple[Path, object]:
    """The corpus's warehouse written in one batch by one process (what a run did before it
    streamed: every extraction held until the write)."""
    db = tmp_path_factory.mktemp("at-once") / "once.duckdb"
    return db, run_etl(corpus, db, workers=1, write_batch=10_000)


@pytest.fixture(scope="module")
def batched(corpus, tmp_path_factory, at_once) -> tuple[Path, object, list[int]]:
    """The same corpus streamed: batches of BATCH articles, files read in two processes."""
    db = tmp_path_factory.mktemp("batched") / "batched.duckdb"
    sizes: list[int] = []
    write = load.WarehouseWriter.write

    def recording(self, extractions, *args, **kwargs):
        sizes.append(len(extractions))
        return write(self, extractions, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load.WarehouseWriter, "write", recording)
        summary = run_etl(corpus, db, workers=2, write_batch=BATCH)
    return db, summary, sizes


def test_a_warehouse_written_in_batches_equals_one_written_at_once_row_for_row(at_once, batched):
    once_db, once = at_once
    batched_db, streamed, _ = batched
    assert once.articles >= 50 and once.rows["statements"] > 0
    assert streamed.rows == once.rows
    assert streamed.rejected == once.rejected
    assert {r.reason for r in once.rejected} >= {"duplicate"}
    assert rows_without_clock(batched_db) == rows_without_clock(once_db)
    assert derived_rows(batched_db) == derived_rows(once_db)


def test_a_streaming_run_holds_one_batch_of_extractions_at_a_time(batched):
    _, summary, sizes = batched
    assert max(sizes) <= BATCH
    assert sum(sizes) == summary.articles
    assert len([s for s in sizes if s]) >= summary.articles // BATCH


KILLED_RUN = """
import sys, time
from pathlib import Path
from etl import load
from etl.run import run_etl

corpus, db, ready = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
write = load.WarehouseWriter.write
def write_then_wait(self, extractions, *args, **kwargs):
    write(self, extractions, *args, **kwargs)
    if extractions:  # a batch is in the copy: the run is mid-stream
        ready.touch()
        time.sleep(600)
load.WarehouseWriter.write = write_then_wait
run_etl(corpus, db, full=True, workers=1, write_batch=2)
"""


def test_a_sigkill_mid_stream_leaves_the_previous_warehouse_whole(corpus, at_once, tmp_path):
    once_db, once = at_once
    db = tmp_path / "w.duckdb"
    db.write_bytes(once_db.read_bytes())
    before, derived_before = rows_without_clock(db), derived_rows(db)
    ready = tmp_path / "ready"
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, str(corpus), str(db), str(ready)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while not ready.exists():
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the run never wrote a batch"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    assert rows_without_clock(db) == before and derived_rows(db) == derived_before
    assert load.row_counts(db) == once.rows
    assert any(load.TEMP_MARKER in p.name for p in tmp_path.iterdir())  # the killed copy
    # The next run cleans what the killed one left; the corpus is unchanged, so it reuses all.
    again = run_etl(corpus, db)
    assert (again.articles_new, again.articles_reused) == (0, once.articles)
    assert rows_without_clock(db) == before
    assert not [p for p in tmp_path.iterdir() if load.TEMP_MARKER in p.name]


def test_duckdb_is_held_to_a_memory_cap_while_batches_stream_in_and_not_in_the_finish(
    tmp_path, monkeypatch
):
    """The cap keeps the writer's buffers flat as the warehouse grows; the finish builds the
    derived tables over the whole warehouse, which may need more than the cap."""
    settings = "SELECT current_setting('memory_limit'), current_setting('threads')"
    seen = {}
    original = derived.build

    def build(con, **kwargs):
        seen["finish"] = con.execute(settings).fetchone()
        return original(con, **kwargs)

    monkeypatch.setattr(derived, "build", build)
    with load.WarehouseWriter(tmp_path / "w.duckdb", base=False) as writer:
        seen["streaming"] = writer.con.execute(settings).fetchone()
        writer.finish(actors=[], rejected=[])
    limit, threads = seen["streaming"]
    assert threads == load.WRITER_STREAM_THREADS
    assert limit.endswith("MiB") and float(limit.split()[0]) < 300
    assert seen["finish"] != seen["streaming"]
