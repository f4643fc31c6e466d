"""benchmarks.compare_warehouses: the row-for-row check the perf rounds rely on ("same rows")."""

from pathlib import Path

import duckdb

from benchmarks.compare_warehouses import differences


def _warehouse(path: Path, rows: list[tuple]) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE mentions (id INTEGER, spans INTEGER[])")
    con.executemany("INSERT INTO mentions VALUES (?, ?)", rows)
    con.close()
    return path


def test_same_rows_in_any_order_are_the_same(tmp_path):
    a = _warehouse(tmp_path / "a.duckdb", [(1, [3, 9]), (2, [])])
    b = _warehouse(tmp_path / "b.duckdb", [(2, []), (1, [3, 9])])
    assert differences(a, b) == []


def test_rows_with_list_columns_that_differ_are_named(tmp_path):
    # A list column made the comparison raise "unhashable type: 'list'" instead of reporting.
    a = _warehouse(tmp_path / "a.duckdb", [(1, [3, 9]), (2, [])])
    b = _warehouse(tmp_path / "b.duckdb", [(1, [3, 10]), (2, [])])
    lines = differences(a, b)
    assert lines[0] == "mentions: 2 rows != 2 rows (1 only in a, 1 only in b)"
    assert lines[1:] == ["  a: (1, [3, 9])", "  b: (1, [3, 10])"]
