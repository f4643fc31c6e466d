"""Reading in worker processes: input order kept, replayed files never sent, a window of files
in flight, and a reading process that dies costs only the file it was on."""

from __future__ import annotations

import os
from pathlib import Path

from etl.read_pool import AHEAD, read_ahead


def paths(count: int) -> list[Path]:
    return [Path(f"f{n:03d}.txt") for n in range(count)]


def read_in_child(path: Path) -> tuple[str, int]:
    """What a reading process gives: the file's name and the process that read it."""
    if "crash" in path.name:
        os._exit(3)
    return path.name, os.getpid()


def test_files_read_in_three_processes_come_back_in_input_order_and_replays_stay_here():
    files = paths(40)
    replayed = {path: f"kept {path.name}" for path in files[::5]}
    got = list(read_ahead(files, replayed.get, read_in_child, workers=3))
    assert [path for path, _, _ in got] == files
    for path, previous, outcome in got:
        if path in replayed:
            assert previous == replayed[path] and outcome is None
        else:
            assert previous is None and outcome[0] == path.name
    readers = {outcome[1] for _, _, outcome in got if outcome is not None}
    assert len(readers) == 3 and os.getpid() not in readers


def test_files_are_sent_only_a_window_ahead_of_the_caller():
    asked: list[Path] = []

    def source():
        for path in paths(100):
            asked.append(path)
            yield path

    stream = read_ahead(source(), lambda path: None, read_in_child, workers=2)
    next(stream)
    assert len(asked) <= AHEAD * 2 + 1
    stream.close()


def test_a_reading_process_that_dies_costs_only_the_file_it_was_on():
    files = [*paths(6), Path("crash.txt"), *paths(12)[6:]]

    def failed(path: Path, why: str) -> str:
        return f"failed {path.name}: {why}"

    got = list(read_ahead(files, lambda path: None, read_in_child, workers=2, failed=failed))
    assert [path for path, _, _ in got] == files
    outcomes = {path.name: outcome for path, _, outcome in got}
    assert outcomes["crash.txt"].startswith("failed crash.txt: reading failed")
    assert all(outcomes[p.name][0] == p.name for p in files if p.name != "crash.txt")


def test_one_worker_reads_in_this_process():
    got = list(read_ahead(paths(3), lambda path: None, read_in_child, workers=1))
    assert {outcome[1] for _, _, outcome in got} == {os.getpid()}


def test_warm_up_runs_once_here_before_the_reading_processes_are_forked():
    calls: list[int] = []
    files = paths(9)
    got = list(read_ahead(files, {}.get, read_in_child, workers=3, warm_up=lambda: calls.append(1)))
    assert calls == [1]
    assert [path for path, _, _ in got] == files


def test_no_warm_up_and_no_reading_process_when_every_file_is_replayed():
    calls: list[int] = []
    files = paths(6)
    replayed = {path: "kept" for path in files}
    got = list(
        read_ahead(files, replayed.get, read_in_child, workers=2, warm_up=lambda: calls.append(1))
    )
    assert calls == []  # an unchanged re-run loads nothing it does not need
    assert all(previous == "kept" and outcome is None for _, previous, outcome in got)
