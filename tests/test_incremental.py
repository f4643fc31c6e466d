"""Incremental writes: an append equals a single build, unchanged files are not read again, a
killed append leaves the previous warehouse whole, and readers keep reading during appends.

The fast tests use the hand-made collaborators of tests/test_run.py or hand-made rows of
tests/test_load.py; one test runs the real pipeline over the shipped articles.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl import derived, load, review
from etl.run import Steps, run_etl
from tests.test_load import GAZETTEER, make_extraction, run_info
from tests.test_run import FakeAnalyser, fake_prepare, fake_read

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"
# Columns that say when a run happened or what the files looked like on disk, not what it found.
RUN_TIMES = {"ingested_at", "rejected_at", "stat_key"}


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every table's rows (bar the run history and run times), sorted: base and derived."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        out = {}
        for table in (*load.TABLES, *derived.DERIVED_TABLES):
            if table == "runs":
                continue
            cursor = con.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            rows = [
                tuple(v for n, v in zip(names, row, strict=True) if n not in RUN_TIMES)
                for row in cursor.fetchall()
            ]
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(autouse=True)
def analysis_in_this_process(monkeypatch):
    """The fake analyser's calls are watched here; a budget worker would make them elsewhere."""
    monkeypatch.setattr("etl.run._can_fork", lambda: False)


@pytest.fixture
def reads() -> list[str]:
    return []


@pytest.fixture
def calls() -> list[str]:
    return []


@pytest.fixture
def steps(reads, calls) -> Steps:
    def counted_read(path: Path, root: Path):
        reads.append(path.relative_to(root).as_posix())
        return fake_read(path, root)

    return Steps(counted_read, lambda folder: {}, fake_prepare, lambda: FakeAnalyser(calls))


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


BATCH_A = {
    "a.txt": "Ottawa meeting\nCanada spoke with Russia.\n",
    "b.txt": "Aleppo falls\nSyria and Russia advance.\n",
    "c.txt": "Bonjour tout le monde\nCeci est en francais.\n",
    "d.txt": "Berlin talks\nGermany hosts Ukraine and Poland.\n",
}
BATCH_B = {
    # Same bytes as a.txt, and sorted before it: a.txt becomes the duplicate.
    "0_first.txt": "Ottawa meeting\nCanada spoke with Russia.\n",
    "e.txt": "Geneva round\nSyria and Turkey meet in Geneva.\n",
    "f.txt": "Kyiv visit\nPoland and Germany pledge Ukraine more aid.\n",
}


def test_building_a_then_adding_b_equals_one_build_of_both(tmp_path, steps):
    step_by_step, at_once = tmp_path / "steps", tmp_path / "once"
    write_files(step_by_step, BATCH_A)
    run_etl(step_by_step, tmp_path / "steps.duckdb", steps=steps)
    write_files(step_by_step, BATCH_B)
    (step_by_step / "d.txt").unlink()  # and one article leaves
    summary = run_etl(step_by_step, tmp_path / "steps.duckdb", steps=steps)
    assert (summary.articles_new, summary.articles_reused) == (3, 1)  # b kept; 0_first, e, f new

    write_files(at_once, {**BATCH_A, **BATCH_B})
    (at_once / "d.txt").unlink()
    run_etl(at_once, tmp_path / "once.duckdb", steps=steps)

    assert dump(tmp_path / "steps.duckdb") == dump(tmp_path / "once.duckdb")


def test_an_unchanged_rerun_reads_parses_and_analyses_no_file(tmp_path, steps, reads, calls):
    folder, db = tmp_path / "raw", tmp_path / "w.duckdb"
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=steps)
    before = dump(db)
    reads.clear()
    calls.clear()

    summary = run_etl(folder, db, steps=steps)

    assert reads == [] and calls == []
    assert summary.articles_reused == 3 and summary.articles_new == 0
    assert [r.reason for r in summary.rejected] == ["non_english"]  # replayed, not re-read
    assert dump(db) == before


def test_a_changed_file_or_sidecar_row_is_read_again_and_only_that(tmp_path, reads, calls):
    folder, db = tmp_path / "raw", tmp_path / "w.duckdb"
    write_files(folder, BATCH_A)
    sidecar: dict = {}
    steps = Steps(
        lambda path, root: reads.append(path.name) or fake_read(path, root),
        lambda _: sidecar,
        fake_prepare,
        lambda: FakeAnalyser(calls),
    )
    run_etl(folder, db, steps=steps)
    reads.clear()
    (folder / "b.txt").write_text("Aleppo falls\nSyria and Russia advance again.\n")
    sidecar["d.txt"] = {"outlet": "Example Wire"}

    run_etl(folder, db, steps=steps)

    assert sorted(reads) == ["b.txt", "d.txt"]
    con = duckdb.connect(str(db), read_only=True)
    outlet = con.execute("SELECT outlet FROM articles WHERE source_path = 'd.txt'").fetchone()
    con.close()
    assert outlet == ("Example Wire",)


def test_the_derived_tables_follow_every_write(tmp_path, steps):
    folder, db = tmp_path / "raw", tmp_path / "w.duckdb"
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=steps)
    write_files(folder, BATCH_B)
    run_etl(folder, db, steps=steps)

    con = duckdb.connect(str(db), read_only=True)
    try:
        flat = dict(con.execute("SELECT article_id, mentions FROM flat_articles").fetchall())
        base = dict(
            con.execute(
                "SELECT a.article_id, count(m.article_id) FROM articles a "
                "LEFT JOIN mentions m USING (article_id) GROUP BY ALL"
            ).fetchall()
        )
        flat_mentions = con.execute("SELECT count(*) FROM flat_mentions").fetchone()[0]
    finally:
        con.close()
    assert flat == base
    assert flat_mentions == sum(base.values())


def test_building_a_then_adding_b_with_the_real_pipeline_keeps_ids_and_rows(tmp_path, nlp):
    seeds = sorted(SEEDS.glob("*.txt"))
    step_by_step, at_once = tmp_path / "steps", tmp_path / "once"
    for folder in (step_by_step, at_once):
        folder.mkdir()
    for seed in seeds:
        shutil.copy(seed, at_once / seed.name)
    for seed in seeds[:3]:
        shutil.copy(seed, step_by_step / seed.name)
    for folder in (step_by_step, at_once):
        shutil.copy(SEEDS / "sources.csv", folder / "sources.csv")
    run_etl(step_by_step, tmp_path / "steps.duckdb")
    # Analysts review rows of the first build; the append must carry their reviews as well.
    con = duckdb.connect(str(tmp_path / "steps.duckdb"), read_only=True)
    (statement,) = con.execute("SELECT min(statement_id) FROM statements").fetchone()
    (stance,) = con.execute("SELECT min(stance_id) FROM stances").fetchone()
    con.close()
    review.submit(
        tmp_path / "steps.duckdb",
        [
            review.ReviewRequest("statements", "reject", "ana", row_id=statement),
            review.ReviewRequest(
                "stances", "correct", "ana", row_id=stance, changes={"polarity": "neutral"}
            ),
        ],
    )
    for seed in seeds[3:]:
        shutil.copy(seed, step_by_step / seed.name)
    appended = run_etl(step_by_step, tmp_path / "steps.duckdb")
    shutil.copy(
        review.store_path(tmp_path / "steps.duckdb"), review.store_path(tmp_path / "once.duckdb")
    )
    run_etl(at_once, tmp_path / "once.duckdb")

    assert (appended.articles_new, appended.articles_reused) == (2, 3)
    stepwise, single = dump(tmp_path / "steps.duckdb"), dump(tmp_path / "once.duckdb")
    assert stepwise["statements"] and stepwise["flat_stances"]
    assert len(stepwise["reviews"]) == 2 and len(stepwise["review_machine_rows"]) > 0
    assert stepwise == single


# --- a synthetic warehouse: kill-safety and readers during appends ------------------------


def synthetic(articles: int) -> list:
    return [make_extraction(f"a{n}", f"sha-{n}", f"{n:05d}.txt") for n in range(articles)]


def build_synthetic(db: Path, articles: int) -> None:
    extractions = synthetic(articles)
    actors = load.merge_actors(GAZETTEER, [a for e in extractions for a in e.new_actors])
    load.write_warehouse(
        db,
        articles=[e.article for e in extractions],
        extractions=extractions,
        actors=actors,
        rejected=[],
        run_info=run_info("base", articles),
    )


APPEND = """
import sys, time
from pathlib import Path
from etl import derived, load, review
from tests.test_load import GAZETTEER, make_extraction, run_info

db, ready, point, first, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def stop(*args, **kwargs):
    ready.touch()
    time.sleep(600)
if point == "transaction":
    derived.refresh = stop  # killed with the copy half changed
elif point == "swap":
    load._swap_in = stop  # killed with the copy written, before it replaces the warehouse
new = [make_extraction(f"a{n}", f"sha-{n}", f"{n:05d}.txt") for n in range(first, first + count)]
stored = load.read_discoveries(db)
actors = load.merge_actors(GAZETTEER, [a for found in stored.values() for a in found] + [a for e in new for a in e.new_actors])
load.update_warehouse(db, add=new, actors=actors, run_info=run_info(f"run-{first}", count))
"""


def append_process(db: Path, ready: Path, point: str, first: int, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", APPEND, str(db), str(ready), point, str(first), str(count)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, "the append never reached the point to kill it at"
        time.sleep(0.05)


@pytest.mark.parametrize("point", ["transaction", "swap"])
def test_a_sigkill_during_an_append_leaves_the_previous_warehouse_whole(tmp_path, point):
    db = tmp_path / "w.duckdb"
    build_synthetic(db, 1000)
    before = dump(db)
    ready = tmp_path / "ready"

    process = append_process(db, ready, point, 1000, 300)
    try:
        wait_for(ready, process)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    assert dump(db) == before  # every table, derived ones too, reads back as it was
    assert any(load.TEMP_MARKER in p.name for p in tmp_path.iterdir())  # the killed copy
    # The next write cleans what the killed one left and finishes.
    load.update_warehouse(db, add=synthetic(1001)[-1:], run_info=run_info("after", 1))
    assert load.row_counts(db)["articles"] == 1001
    assert not [p for p in tmp_path.iterdir() if load.TEMP_MARKER in p.name]


READER = """
import json, sys, time
from pathlib import Path
import duckdb

db, started, stop = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
polls, errors, seen = 0, [], set()
while not stop.exists():
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            flat = con.execute("SELECT count(*) FROM flat_articles").fetchone()[0]
            statements = con.execute("SELECT count(*) FROM flat_statements").fetchone()[0]
            seen.add((articles, flat, statements))
        finally:
            con.close()
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    polls += 1
    started.touch()
print(json.dumps({"polls": polls, "errors": errors[:5], "seen": sorted(seen)}))
"""


def test_a_reader_polling_during_appends_never_fails_and_sees_only_whole_warehouses(tmp_path):
    db = tmp_path / "w.duckdb"
    build_synthetic(db, 500)
    started, stop = tmp_path / "started", tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(started), str(stop)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(started, reader)
        for first in (500, 700, 900):
            new = synthetic(first + 200)[first:]
            load.update_warehouse(db, add=new, run_info=run_info(f"run-{first}", 200))
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=60)
    polled = json.loads(out)
    assert polled["errors"] == [], polled["errors"]
    assert polled["polls"] > 3
    # One statement per synthetic article: whole warehouses only, base and derived in step.
    assert {tuple(s) for s in polled["seen"]} <= {(n, n, n) for n in (500, 700, 900, 1100)}
    assert load.row_counts(db)["articles"] == 1100


def test_a_figure_placed_at_its_speakers_seat_of_government_has_no_place(tmp_path):
    gazetteer = tmp_path / "actors.csv"
    gazetteer.write_text(
        "actor_id,name,kind,country_id,aliases,demonyms,capitals\n"
        "canada,Canada,country,,,,Ottawa\n",
        encoding="utf-8",
    )
    extraction = make_extraction()
    (figure,) = extraction.figures
    at_seat = dataclasses.replace(figure, location="Ottawa", attributed_to_id="canada")
    extraction = dataclasses.replace(extraction, figures=(at_seat,))
    load.write_warehouse(
        tmp_path / "w.duckdb",
        articles=[extraction.article],
        extractions=[extraction],
        actors=load.merge_actors(GAZETTEER, extraction.new_actors),
        rejected=[],
        run_info=run_info(),
        gazetteer=gazetteer,
    )
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    row = con.execute("SELECT location, place, seat_of_speaker FROM flat_figures").fetchone()
    con.close()
    assert row == ("Ottawa", None, True)


def test_derived_tables_from_before_a_column_was_added_are_rebuilt_on_the_next_write(
    tmp_path, steps
):
    step_by_step, at_once = tmp_path / "steps", tmp_path / "once"
    write_files(step_by_step, BATCH_A)
    run_etl(step_by_step, tmp_path / "steps.duckdb", steps=steps)
    con = duckdb.connect(str(tmp_path / "steps.duckdb"))
    for table, added in derived.ADDED_COLUMNS.items():  # as an earlier ETL wrote them
        for column in added:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.close()
    write_files(step_by_step, BATCH_B)
    run_etl(step_by_step, tmp_path / "steps.duckdb", steps=steps)

    write_files(at_once, {**BATCH_A, **BATCH_B})
    run_etl(at_once, tmp_path / "once.duckdb", steps=steps)
    assert dump(tmp_path / "steps.duckdb") == dump(tmp_path / "once.duckdb")
