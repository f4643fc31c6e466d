"""Whether two warehouses hold the same rows, table by table (for speed work that must change no row).

    .venv/bin/python -m benchmarks.compare_warehouses A.duckdb B.duckdb

Every table of both files, every row sorted, compared; what depends on when or by which code a
run happened is left out: the `runs` and `meta` tables, the `…_at` timestamp columns
(`ingested_at`, `rejected_at`, `reviewed_at`) and `input_files.stat_key` (the files' times and
inodes on disk). Prints each table's row count and the first rows
that differ; exits 1 when any table differs. Not a test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

SKIPPED_TABLES = {"runs", "meta"}
SKIPPED_COLUMNS = {"stat_key"}


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        name
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        if name not in SKIPPED_TABLES
    ]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [
        name
        for name, dtype in con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        if not (name.endswith("_at") and dtype.startswith("TIMESTAMP"))
        and name not in SKIPPED_COLUMNS
    ]


def table_rows(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """table -> (columns compared, every row sorted)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in _tables(con):
            columns = _columns(con, table)
            names = ", ".join(f'"{c}"' for c in columns)
            # Table and column names come from the file's own catalogue.
            rows = con.execute(f'SELECT {names} FROM "{table}"').fetchall()
            out[table] = (columns, sorted(rows, key=repr))
        return out
    finally:
        con.close()


def differences(a: Path, b: Path, shown: int = 3) -> list[str]:
    """What differs between the warehouses a and b, in lines a person reads (empty: the same)."""
    left, right = table_rows(a), table_rows(b)
    lines = []
    for table in sorted(set(left) | set(right)):
        if table not in left or table not in right:
            lines.append(f"{table}: only in {'b' if table not in left else 'a'}")
            continue
        (cols_a, rows_a), (cols_b, rows_b) = left[table], right[table]
        if cols_a != cols_b:
            lines.append(f"{table}: columns differ: {cols_a} != {cols_b}")
            continue
        if rows_a != rows_b:
            # Rows may hold lists (unhashable): compare them by their repr, built once per side.
            keys_a, keys_b = {repr(r) for r in rows_a}, {repr(r) for r in rows_b}
            only_a = [r for r in rows_a if repr(r) not in keys_b]
            only_b = [r for r in rows_b if repr(r) not in keys_a]
            lines.append(
                f"{table}: {len(rows_a)} rows != {len(rows_b)} rows "
                f"({len(only_a)} only in a, {len(only_b)} only in b)"
            )
            lines += [f"  a: {r}" for r in only_a[:shown]]
            lines += [f"  b: {r}" for r in only_b[:shown]]
    return lines


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    a, b = Path(args[0]), Path(args[1])
    lines = differences(a, b)
    for table, (_, rows) in sorted(table_rows(a).items()):
        print(f"{table:<26} {len(rows):>8} rows")
    if lines:
        print("DIFFERENT:")
        print("\n".join(lines))
        return 1
    print("same rows in every table (runs, meta and timestamps aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
