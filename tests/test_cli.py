"""`python -m etl` as a user runs it: help, exit codes, output, and surviving a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from etl import load
from etl.__main__ import build_parser
from etl.run import run_etl

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"


def etl_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "etl", *args]


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        etl_command(*args),
        check=False,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in load.TABLES}
    finally:
        con.close()


def test_help_documents_every_option():
    result = run_cli("--help")
    assert result.returncode == 0
    for action in build_parser()._actions:
        for flag in action.option_strings:
            assert flag in result.stdout
    assert "data/raw" in result.stdout and "data/warehouse.duckdb" in result.stdout
    assert "exit status" in result.stdout


def test_a_missing_input_folder_exits_1_with_a_message_and_no_traceback(tmp_path):
    result = run_cli("--input", str(tmp_path / "absent"), "--db", str(tmp_path / "w.duckdb"))
    assert result.returncode == 1
    assert "error: input folder not found" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "w.duckdb").exists()


def test_a_warehouse_in_a_missing_folder_exits_1(input_dir, tmp_path):
    result = run_cli("--input", str(input_dir), "--db", str(tmp_path / "nope" / "w.duckdb"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_a_db_path_that_names_another_file_exits_1_and_leaves_it_untouched(input_dir):
    csv = input_dir / "sources.csv"
    before = csv.read_bytes()
    result = run_cli("--input", str(input_dir), "--db", str(csv))
    assert result.returncode == 1
    assert "error: sources.csv exists and is not a DuckDB warehouse" in result.stderr
    assert "Traceback" not in result.stderr and str(input_dir) not in result.stderr
    assert csv.read_bytes() == before


def test_a_damaged_warehouse_exits_1_unless_replacing_it_is_asked_for(input_dir, tmp_path):
    db = tmp_path / "w.duckdb"
    db.write_bytes(b"\0" * 8 + load.DUCKDB_MAGIC + b"\0" * 4000)
    refused = run_cli("--input", str(input_dir), "--db", str(db), "--quiet")
    assert refused.returncode == 1 and "--replace-invalid-db" in refused.stderr
    replaced = run_cli("--input", str(input_dir), "--db", str(db), "--replace-invalid-db")
    assert replaced.returncode == 0, replaced.stderr
    assert counts(db)["articles"] == 1


def test_a_run_prints_progress_lines_and_a_summary_and_reruns_without_change(input_dir, tmp_path):
    (input_dir / "empty.txt").write_text("")
    db = tmp_path / "w.duckdb"
    first = run_cli("--input", str(input_dir), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "[1/2] empty.txt" in first.stderr  # not a terminal: plain lines
    assert "Articles loaded:   1 (1 new, 0 reused)" in first.stdout
    assert "empty.txt — empty:" in first.stdout
    assert f"Warehouse:         {db.name}" in first.stdout  # no server folders shown
    assert str(tmp_path) not in first.stdout + first.stderr
    before = counts(db)
    second = run_cli("--input", str(input_dir), "--db", str(db), "--quiet")
    assert second.returncode == 0 and second.stdout == ""
    after = counts(db)
    assert after.pop("runs") == before.pop("runs") + 1
    assert after == before


def make_big_folder(folder: Path, copies: int) -> None:
    """The seeds many times over, each copy edited so it is no duplicate."""
    folder.mkdir()
    for n in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            middle = text.find(". ", len(text) // 2) + 1
            edited = f"{text[:middle]} Officials repeated this on day {n + 1}.{text[middle:]}"
            (folder / f"{n:03d}_{seed.name}").write_text(edited, encoding="utf-8")


def orphans(marker: str) -> list[int]:
    """Live processes whose command line names `marker` (zombies excepted)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def test_a_killed_run_leaves_the_previous_warehouse_intact(input_dir, tmp_path, nlp):
    db = tmp_path / "w.duckdb"
    run_etl(input_dir, db)
    before = counts(db)
    big = tmp_path / "big"
    make_big_folder(big, copies=4)

    process = subprocess.Popen(
        etl_command("--input", str(big), "--db", str(db)),
        cwd=REPO,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        analysing, analysed = False, 0
        deadline = time.monotonic() + 120
        for line in process.stderr:
            analysing = analysing or line.startswith("Analysing")
            analysed += analysing and line.startswith("[")
            if analysed >= 1 or time.monotonic() > deadline:
                break
        assert process.poll() is None, "the run finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    # No analysis worker outlives the killed run (each would hold a loaded model).
    deadline = time.monotonic() + 10
    while orphans(str(big)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert orphans(str(big)) == []

    assert counts(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT source_path FROM articles").fetchall() == [("tiny.txt",)]
    con.close()
    # The next run cleans what the killed one left and finishes.
    run_etl(input_dir, db)
    assert not [p for p in tmp_path.iterdir() if load.TEMP_MARKER in p.name]
