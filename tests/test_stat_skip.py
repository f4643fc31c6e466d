"""An unchanged input file is known by its stat, not by hashing its bytes (issue 13).

Like git's index: `input_files.stat_key` holds a file's size, modification and change times and
inode when the run read it; a re-run that finds the same stat replays the file without opening
it. A file whose stat moved is hashed: same bytes, replayed (and its new stat recorded); other
bytes, read again. A file changed too recently to trust its clock tick has no stat recorded.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from etl import run
from etl.run import Steps, run_etl, scan_input_folder
from tests.test_incremental import BATCH_A, dump, write_files
from tests.test_run import FakeAnalyser, fake_prepare, fake_read


@pytest.fixture(autouse=True)
def in_this_process(monkeypatch):
    monkeypatch.setattr("etl.run._can_fork", lambda: False)


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """The files a run hashed, by name."""
    seen: list[str] = []
    real = run._file_sha256

    def counting(path: Path, root: Path):
        seen.append(path.name)
        return real(path, root)

    monkeypatch.setattr(run, "_file_sha256", counting)
    return seen


@pytest.fixture
def settled(monkeypatch):
    """Files written by the test count as old enough to trust their stat."""
    monkeypatch.setattr(run, "RACY_NS", -1)


def _steps(reads: list[str]) -> Steps:
    return Steps(
        lambda path, root: reads.append(path.name) or fake_read(path, root),
        lambda folder: {},
        fake_prepare,
        lambda: FakeAnalyser([]),
    )


def _stat_keys(db: Path) -> dict[str, str | None]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT file_path, stat_key FROM input_files").fetchall())
    finally:
        con.close()


def test_an_unchanged_rerun_hashes_no_file(tmp_path, hashed, settled):
    folder, db, reads = tmp_path / "raw", tmp_path / "w.duckdb", []
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=_steps(reads))
    keys = _stat_keys(db)
    assert set(keys) == set(BATCH_A) and all(keys.values())
    before = dump(db)
    hashed.clear()
    reads.clear()

    summary = run_etl(folder, db, steps=_steps(reads))

    assert hashed == [] and reads == []
    assert summary.articles_reused == 3
    assert dump(db) == before and _stat_keys(db) == keys


def test_a_touched_file_is_hashed_replayed_and_its_new_stat_kept(tmp_path, hashed, settled):
    folder, db, reads = tmp_path / "raw", tmp_path / "w.duckdb", []
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=_steps(reads))
    old = _stat_keys(db)["b.txt"]
    info = os.stat(folder / "b.txt")
    os.utime(folder / "b.txt", ns=(info.st_atime_ns, info.st_mtime_ns - 5_000_000_000))
    hashed.clear()
    reads.clear()

    run_etl(folder, db, steps=_steps(reads))

    assert hashed == ["b.txt"] and reads == []  # same bytes: not read again
    new = _stat_keys(db)["b.txt"]
    assert new and new != old
    hashed.clear()
    run_etl(folder, db, steps=_steps(reads))
    assert hashed == []


def test_a_rewrite_that_keeps_size_and_modification_time_is_still_read(tmp_path, settled):
    """Same length, the old modification time put back: the change time and inode still differ."""
    folder, db, reads = tmp_path / "raw", tmp_path / "w.duckdb", []
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=_steps(reads))
    path = folder / "b.txt"
    info = os.stat(path)
    text = path.read_text()
    replacement = folder / "b.new"
    replacement.write_text(text.replace("advance", "retreat"[: len("advance")]))
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(replacement, path)
    assert os.stat(path).st_size == info.st_size and os.stat(path).st_mtime_ns == info.st_mtime_ns
    reads.clear()

    run_etl(folder, db, steps=_steps(reads))

    assert reads == ["b.txt"]
    con = duckdb.connect(str(db), read_only=True)
    body = con.execute("SELECT body FROM articles WHERE source_path = 'b.txt'").fetchone()[0]
    con.close()
    assert "retreat" in body


def test_a_file_changed_within_the_clock_tick_is_hashed_next_time(tmp_path, hashed):
    """Without `settled`: files written a moment ago get no stat, so they are hashed again."""
    folder, db, reads = tmp_path / "raw", tmp_path / "w.duckdb", []
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=_steps(reads))
    assert not any(_stat_keys(db).values())
    hashed.clear()

    run_etl(folder, db, steps=_steps(reads))

    assert sorted(hashed) == sorted(BATCH_A)


def test_a_warehouse_from_before_the_stat_column_is_read_and_upgraded(tmp_path, hashed, settled):
    folder, db, reads = tmp_path / "raw", tmp_path / "w.duckdb", []
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=_steps(reads))
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE input_files DROP COLUMN stat_key")
    con.close()
    hashed.clear()
    reads.clear()

    summary = run_etl(folder, db, steps=_steps(reads))

    assert reads == [] and summary.articles_reused == 3
    assert sorted(hashed) == sorted(BATCH_A)  # no stat known: hashed once
    assert all(_stat_keys(db).values())


def test_the_scan_keeps_plain_files_and_checks_links(tmp_path):
    folder = tmp_path / "raw"
    write_files(folder, {"a.txt": "x", "sub/b.txt": "y", ".hidden.txt": "z", "sources.csv": ""})
    (folder / "inside-link.txt").symlink_to(folder / "a.txt")
    (folder / "outside-link.txt").symlink_to(tmp_path)
    (folder / "folder-link").symlink_to(folder / "sub")
    (tmp_path / "elsewhere.txt").write_text("w")
    (folder / "leaves.txt").symlink_to(tmp_path / "elsewhere.txt")
    os.mkfifo(folder / "pipe.txt")

    scan = scan_input_folder(folder)

    assert [scan.relative[p] for p in scan.files] == ["a.txt", "inside-link.txt", "sub/b.txt"]
    assert set(scan.stats) == {folder / "a.txt", folder / "sub" / "b.txt"}  # links: no stat
    assert {r.source_path: r.reason for r in scan.rejected} == {
        "folder-link": "not_regular_file",
        "leaves.txt": "outside_input_folder",
        "outside-link.txt": "outside_input_folder",
        "pipe.txt": "not_regular_file",
    }


def test_a_duplicate_is_replayed_while_its_original_stays_and_read_once_it_goes(tmp_path):
    """Duplicates were read again on every run; now one is replayed (judged again in input
    order) as long as what it duplicates still comes before it."""
    folder, db, reads = tmp_path / "raw", tmp_path / "w.duckdb", []
    write_files(
        folder,
        {
            **BATCH_A,
            "0_first.txt": BATCH_A["a.txt"],  # same bytes, sorted before a.txt
            "e.txt": BATCH_A["b.txt"] + "Share this story\n",  # same cleaned text as b.txt
        },
    )
    first = run_etl(folder, db, steps=_steps(reads))
    duplicates = sorted(r.source_path for r in first.rejected if r.reason == "duplicate")
    assert duplicates == ["a.txt", "e.txt"]
    before = dump(db)
    reads.clear()

    again = run_etl(folder, db, steps=_steps(reads))

    assert reads == []
    assert sorted(r.source_path for r in again.rejected if r.reason == "duplicate") == duplicates
    assert dump(db) == before

    (folder / "0_first.txt").unlink()
    (folder / "b.txt").unlink()
    reads.clear()

    after = run_etl(folder, db, steps=_steps(reads))

    assert sorted(reads) == ["a.txt", "e.txt"]  # their originals are gone: read, now articles
    assert not [r for r in after.rejected if r.reason == "duplicate"]
    con = duckdb.connect(str(db), read_only=True)
    paths = sorted(p for (p,) in con.execute("SELECT source_path FROM articles").fetchall())
    con.close()
    assert paths == ["a.txt", "d.txt", "e.txt"]


def test_an_unchanged_rerun_rewrites_no_input_file_row(tmp_path, settled, monkeypatch):
    """Only the rows of files read afresh (or whose stat moved) are written; the others stay as
    the copied warehouse holds them, and the table ends the same as a full rewrite would."""
    from etl import load

    folder, db, reads = tmp_path / "raw", tmp_path / "w.duckdb", []
    write_files(folder, BATCH_A)
    run_etl(folder, db, steps=_steps(reads))
    written: list[str] = []
    real = load.InputFile.as_row

    def counted(self):
        written.append(self.file_path)
        return real(self)

    monkeypatch.setattr(load.InputFile, "as_row", counted)
    before = dump(db)

    run_etl(folder, db, steps=_steps(reads))
    assert written == [] and dump(db) == before

    write_files(folder, {"e.txt": "Geneva round\nSyria and Turkey meet in Geneva.\n"})
    (folder / "d.txt").unlink()
    run_etl(folder, db, steps=_steps(reads))
    assert written == ["e.txt"]
    assert sorted(_stat_keys(db)) == ["a.txt", "b.txt", "c.txt", "e.txt"]
