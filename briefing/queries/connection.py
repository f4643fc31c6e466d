"""The warehouse connection: locating the file, read-only cursors, health, and `_frame` (every query's one way to the database).

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from briefing.text import article_title, has_headline, md_escape
from etl import derived
from etl.inputs import display_path, hide_paths
from etl.load import DEFAULT_GAZETTEER
from etl.types import CONTRACT_TABLES

DEFAULT_PATH = "data/warehouse.duckdb"
TABLES = CONTRACT_TABLES
CACHE = {"show_spinner": False, "max_entries": 1024, "ttl": 6 * 3600}
COUNTRY_KINDS = derived.COUNTRY_KINDS  # actors that are their own country on every chart
SUBJECTS = ("statements", "stances", "figures", "events", "articles", "mentions")
# The largest LIMIT a page's table asks for (quantity_figures' rows): up to it, a query
# sorts by its keys first and reads the other columns of the rows kept only.
LATE_ROWS = derived.QUANTITY_ROWS


@dataclass(frozen=True)
class Warehouse:
    """A warehouse file at one version: a rebuilt file is a different Warehouse."""

    path: str
    version: tuple[int, int, int]  # inode, mtime_ns, size


@dataclass(frozen=True)
class Health:
    state: str  # missing, invalid, empty, ok
    message: str


@dataclass(frozen=True)
class Provenance:
    """Where a chart's rows come from: how many, from how many articles, over which dates
    (the labels say the dates at their precision: '2015-10', '2016')."""

    rows: int
    articles: int
    first: date | None
    last: date | None
    first_label: str | None = None
    last_label: str | None = None
    outlets: tuple[str, ...] = ()  # most articles first


def warehouse_path() -> str:
    return os.environ.get("BRIEFING_DB", DEFAULT_PATH)


def locate(path: str | None = None) -> Warehouse | None:
    """The warehouse at `path` (default: $BRIEFING_DB) as it is now, or None if absent."""
    path = path or warehouse_path()
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return Warehouse(os.path.abspath(path), (stat.st_ino, stat.st_mtime_ns, stat.st_size))


def flat(subject: str) -> str:
    """The qualified name of a subject's flattened table (queries run with `USE wh`)."""
    if subject not in SUBJECTS:
        raise ValueError(f"unknown subject {subject!r}")
    return f"memory.main.flat_{subject}"


def seats_of_government(path: Path = DEFAULT_GAZETTEER) -> dict[str, str]:
    """Capital (lower case) -> country id (see `etl.derived.seats_of_government`)."""
    return derived.seats_of_government(path)


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(path: str, version: tuple[int, int, int]) -> duckdb.DuckDBPyConnection:
    # ATTACH on a fresh in-memory database: duckdb.connect(path) would hand back an already
    # open instance of the old file after the ETL replaced it.
    con = duckdb.connect(":memory:")
    # The pages' tables are the newest few hundred rows: their sort keys first, then every
    # other column of only the rows kept (DuckDB's late materialization, by default for
    # LIMITs up to 50 rows only). GLOBAL: every cursor of this connection shares it.
    con.execute(f"SET GLOBAL late_materialization_max_rows = {LATE_ROWS}")
    con.execute("ATTACH ? AS wh (READ_ONLY)", [path])
    present: dict[str, list[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = 'wh' ORDER BY table_name, ordinal_position"
    ).fetchall():
        present.setdefault(table, []).append(column)
    if derived.current(present):
        # Written by the ETL with the rows they derive from: nothing to build on a first visit.
        for name in derived.DERIVED_TABLES:
            if name in present:
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM wh.main.{name}")
        missing = [t for t in derived.AGGREGATES if t not in present]
        if missing:
            # Written before the ETL kept these aggregates: counted here, once per version.
            derived.build_aggregates(con, only=missing)
    elif all(t in present for t in TABLES):
        # A warehouse from before the ETL wrote them (or wrote today's columns): flattened
        # here, once per version.
        # (health() explains what is missing when the warehouse is not whole.)
        seats = derived.seats_of_government(DEFAULT_GAZETTEER)
        derived.build(con, src="wh.", present=present, seats=seats)
    return con


class _Cursors:
    """Cursors on one warehouse connection, each already reading the warehouse (`USE wh`),
    lent to one query at a time: DuckDB cursors are not thread-safe, and opening one and
    choosing its schema for every query cost more than a small query itself."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()

    @contextmanager
    def lent(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            cursor = self._idle.pop() if self._idle else None
        if cursor is None:
            cursor = self._con.cursor()
            cursor.execute("USE wh")
        try:
            yield cursor
        except BaseException:
            cursor.close()  # a failed query's cursor is not lent again
            raise
        with self._lock:
            self._idle.append(cursor)


@st.cache_resource(show_spinner=False, max_entries=4)
def _cursors(path: str, version: tuple[int, int, int]) -> _Cursors:
    return _Cursors(_connection(path, version))


def _frame(
    wh: Warehouse, sql: str, params: list | None = None, *, many: bool = False
) -> pd.DataFrame:
    """The rows of `sql`. With `many` (results of hundreds of thousands of rows), through
    Arrow: half the CPU of DuckDB's own pandas conversion, and the same frame (dates as
    datetime64[us], as `.df()` gives them; an empty result as `.df()` gives it)."""
    with _cursors(wh.path, wh.version).lent() as cursor:
        if not many:
            return _headlined(wh, cursor.execute(sql, params or []).df())
        table = cursor.sql(sql, params=params or []).to_arrow_table()
        if table.num_rows == 0:
            return _headlined(wh, cursor.execute(sql, params or []).df())
        df = table.to_pandas(date_as_object=False)
        for column in df.columns:
            if pd.api.types.is_datetime64_dtype(df[column]):
                df[column] = df[column].astype("datetime64[us]")
        return _headlined(wh, df)


def _values(wh: Warehouse, sql: str, params: list | None = None) -> dict[str, list]:
    """The rows of `sql` as plain Python lists by column (dates as datetime.date): for a few
    rows read in Python, where building a DataFrame cost more than the query."""
    with _cursors(wh.path, wh.version).lent() as cursor:
        cursor.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}


def _headlined(wh: Warehouse, df: pd.DataFrame) -> pd.DataFrame:
    """`df` with every article's `title` as readers see it (briefing.text.article_title): an
    article whose text has no headline is named by its outlet, date and first words, in every
    table, evidence list, download and pack alike. Frames without article_id are unchanged."""
    if "title" not in df.columns or "article_id" not in df.columns or df.empty:
        return df
    missing = ~df["title"].map(has_headline)
    if not missing.any():
        return df
    names = headline_stand_ins(wh)
    out = df.copy()
    out["title"] = out["title"].astype(object)
    out.loc[missing, "title"] = [
        names.get(a, article_title(None)) for a in out.loc[missing, "article_id"]
    ]
    return out


@st.cache_data(**CACHE)
def headline_stand_ins(wh: Warehouse) -> dict[str, str]:
    """Article id -> the name shown for each article without a headline (outlet, date, first
    words); articles with a headline are not listed."""
    with _cursors(wh.path, wh.version).lent() as cursor:
        df = cursor.execute(
            f"""SELECT a.article_id, a.outlet, fa.date_label, left(a.body, 400) AS opening
            FROM articles a JOIN {flat("articles")} fa ON fa.article_id = a.article_id
            WHERE a.title IS NULL OR regexp_matches(a.title, '^\\s*$')"""
        ).df()
    return {
        row.article_id: article_title(None, row.outlet, row.date_label, row.opening)
        for row in df.itertuples(index=False)
    }


@st.cache_data(**CACHE)
def columns(wh: Warehouse) -> dict[str, list[str]]:
    """Columns of each table present, so optional columns are used only when they exist."""
    df = _frame(
        wh,
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = 'wh' ORDER BY table_name, ordinal_position",
    )
    return {t: list(g["column_name"]) for t, g in df.groupby("table_name")}


@st.cache_data(**CACHE)
def _article_count(wh: Warehouse) -> int:
    """Articles in the warehouse: asked on every rerun (health), so cached by version."""
    return int(_frame(wh, "SELECT count(*) AS n FROM articles")["n"].iloc[0])


def health(wh: Warehouse | None) -> Health:
    """Whether the dashboard can show anything, and what to do when it cannot."""
    if wh is None:
        return Health(
            "missing",
            f"No warehouse at `{display_path(Path(warehouse_path()))}`. Build it with "
            "`python -m etl` (or point `BRIEFING_DB` at a warehouse file).",
        )
    try:
        present = columns(wh)
    except duckdb.Error as exc:
        shown = display_path(Path(wh.path))
        detail = md_escape(hide_paths(str(exc)))
        return Health(
            "invalid",
            f"`{shown}` is not a readable DuckDB warehouse ({detail}). "
            "Rebuild it with `python -m etl`.",
        )
    missing = [t for t in TABLES if t not in present]
    if missing:
        return Health(
            "invalid",
            f"The warehouse lacks the table(s) {', '.join(missing)}. "
            "Rebuild it with `python -m etl`.",
        )
    if _article_count(wh) == 0:
        return Health(
            "empty",
            "The warehouse has no articles yet. Put articles in `data/raw/` "
            "and run `python -m etl`.",
        )
    return Health("ok", "")
