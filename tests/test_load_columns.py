"""The warehouse writer reads a column's cells with one getter (same cells as cell by cell)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from etl import load


@dataclass
class _Row:
    article_id: str
    published: datetime | None
    day: datetime | None
    tags: tuple[int, ...] | None
    score: float | None


_ROWS = [
    _Row(
        "a1", datetime(2016, 12, 13, 9, 30, tzinfo=timezone(timedelta(hours=3))), None, (1, 2), 0.5
    ),
    _Row("a2", datetime(2017, 4, 4, 6, 0), datetime(2017, 4, 4, 6, 0), (), None),
    _Row("a3", None, datetime(2018, 2, 20, tzinfo=UTC), None, 1.0),
]
_COLUMNS = [
    ("article_id", "VARCHAR"),
    ("published", "TIMESTAMP"),
    ("day", "DATE"),
    ("tags", "VARCHAR[]"),
    ("score", "DOUBLE"),
]


def _cell_by_cell(rows, name, dtype):
    return [load._cell(load._value(row, name), dtype) for row in rows]


def test_columns_of_dataclass_rows_are_the_cells_one_by_one():
    kinds = {False}
    for name, dtype in _COLUMNS:
        got = load._column_values(_ROWS, name, dtype, kinds)
        assert got == _cell_by_cell(_ROWS, name, dtype)
    # The conversions happened: a zone-aware time in UTC, a date from a time, tags as text.
    assert load._column_values(_ROWS, "published", "TIMESTAMP", kinds)[0] == datetime(
        2016, 12, 13, 6, 30
    )
    assert load._column_values(_ROWS, "day", "DATE", kinds)[1] == date(2017, 4, 4)
    assert load._column_values(_ROWS, "tags", "VARCHAR[]", kinds)[0] == ["1", "2"]


def test_columns_of_mapping_rows_and_of_mixed_rows_are_the_cells_one_by_one():
    dicts = [vars(row).copy() for row in _ROWS]
    mixed = [dicts[0], _ROWS[1], dicts[2]]
    for name, dtype in _COLUMNS:
        assert load._column_values(dicts, name, dtype, {True}) == _cell_by_cell(dicts, name, dtype)
        assert load._column_values(mixed, name, dtype, {True, False}) == _cell_by_cell(
            mixed, name, dtype
        )
    assert load._column_values(dicts, "day", "DATE", {True})[2] == date(2018, 2, 20)
