"""Every SQL the dashboard runs: one function per question, values always passed as parameters.

The warehouse is attached read-only to a private in-memory DuckDB connection. A `Warehouse`
value carries the file's inode, mtime and size, and every cached result is keyed by it, so a
warehouse rebuilt by `python -m etl` (which replaces the file) is picked up on the next rerun
without restarting the server. Each query borrows a cursor no other query holds at the time:
DuckDB connections are not thread-safe, and Streamlit serves sessions from several threads.

The pages read flattened tables (`flat_statements`, `flat_stances`, `flat_figures`,
`flat_events`, `flat_articles`, `flat_mentions`, defined in `etl.derived`): each row already
carries its date, the date's precision and its label, its outlet, the names and countries of its
actors, and the lists the filters test, so a filter change scans one table. The ETL writes them
into the warehouse with the rows they derive from, so a first visit builds nothing; for a
warehouse written before that, the connection builds them in memory once per version.

An actor's country (`actor_country`, the one definition, see `etl.derived`): the actor itself
when its kind is country or intergovernmental (the EU speaks for itself), else whatever its
country_id points at (a country, a bloc or a group).

How the filters apply (the same on every page):
- dates: a statement's date (else its article's), a stance's statement date (else article's),
  a figure's as-of date (else article's), an event's date, an article's publication date.
  Rows without any date drop out once a date bound is set. A month- or year-precision date
  counts as its first day.
- countries: statements whose speaker belongs to the country; stances whose source or target
  does (in any role: "Canada, Russia" also brings Russia → ISIS; see direction); figures attributed to someone of the country or located in it; events with a
  participant of the country or held in it; articles mentioning an actor of the country.
- actors: the same, with the actor itself instead of its country.
- outlets: the row's article outlet.
- direction (stances only): the source among `by` and the target among `towards` (an empty
  side is anyone; a country stands for every actor of it); both ways adds the reverse. Other
  subjects ignore it: it says who takes a stance towards whom, which only stances record.
- polarity: stances of that polarity; statements and articles carrying such a stance.
- category: figures of that category; articles carrying such a figure.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from briefing import quantities
from briefing.filters import HIGH_CONFIDENCE, FilterOptions, Filters
from briefing.text import article_title, has_headline, md_escape, word_window
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
            WHERE a.title IS NULL OR trim(a.title) = ''"""
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


# --- filters as SQL ------------------------------------------------------------------------


class _Where:
    """WHERE clauses with their parameters, in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list = []

    def add(self, sql: str, *params) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


# Subjects whose rows carry an extraction confidence (the "high confidence only" filter).
RATED = ("statements", "stances", "figures", "events")


def confidence_label(column: str = "confidence") -> str:
    """SQL: a confidence as people read it, 'high · 0.86', 'medium · 0.62', 'low · 0.31' or
    'not rated' (high is the sidebar's HIGH_CONFIDENCE; medium from 0.5)."""
    return (
        f"CASE WHEN {column} IS NULL THEN 'not rated' "
        f"WHEN {column} >= {HIGH_CONFIDENCE} THEN 'high · ' || printf('%.2f', {column}) "
        f"WHEN {column} >= 0.5 THEN 'medium · ' || printf('%.2f', {column}) "
        f"ELSE 'low · ' || printf('%.2f', {column}) END"
    )


ANY = "list_has_any({column}, ?::VARCHAR[])"
IN = "list_contains(?::VARCHAR[], {column})"
# Up to this many values, "the list holds any of them" is asked one value at a time:
# list_contains per value costs a fifth of list_has_any over a million rows.
ANY_ONE_BY_ONE = 16


def _any(column: str, values) -> tuple[str, list]:
    """SQL: the list `column` holds one of `values` at least, with its parameters."""
    values = list(values)
    if not values or len(values) > ANY_ONE_BY_ONE:
        return ANY.format(column=column), [values]
    return "(" + " OR ".join([f"list_contains({column}, ?)"] * len(values)) + ")", values


def _add_any(w: _Where, column: str, values) -> None:
    sql, params = _any(column, values)
    w.add(sql, *params)


def _add_listed(w: _Where, column: str, values) -> None:
    """The list `column` (of a closed vocabulary, see etl.derived.BITS) holds one of `values`:
    as one test of its bits column, or of the list itself for a value outside the vocabulary."""
    bits, vocabulary = derived.BITS[column]
    mask = derived.mask(vocabulary, list(values))
    if mask is None:
        _add_any(w, column, values)
    else:
        w.add(f"({bits} & ?) <> 0", mask)


def _end_in(end: str, values: list[str]) -> tuple[str, list]:
    """One end of a stance (source or target) among `values`: the actor itself, or its
    country (so a country stands for every actor of it)."""
    return (
        f"({IN.format(column=f'{end}_id')} OR {IN.format(column=f'{end}_country')})",
        [values, values],
    )


def direction_sql(
    by: tuple[str, ...], towards: tuple[str, ...], both_ways: bool
) -> tuple[str, list]:
    """The stance direction as SQL over flat_stances, with its parameters: the source among
    `by` and the target among `towards` (an empty side is anyone), or, `both_ways`, also the
    source among `towards` and the target among `by`."""

    def one_way(sources: tuple[str, ...], targets: tuple[str, ...]) -> tuple[str, list]:
        parts, params = [], []
        for end, values in (("source", sources), ("target", targets)):
            if values:
                sql, more = _end_in(end, list(values))
                parts.append(sql)
                params += more
        return "(" + " AND ".join(parts or ["TRUE"]) + ")", params

    forward, params = one_way(by, towards)
    if not both_ways:
        return forward, params
    backward, more = one_way(towards, by)
    return f"({forward} OR {backward})", params + more


def _where(subject: str, f: Filters) -> _Where:
    """The filters as a WHERE over one flattened table (see the module docstring)."""
    w = _Where()
    if f.date_from:
        w.add("row_date >= ?", f.date_from)
    if f.date_to:
        w.add("row_date <= ?", f.date_to)
    if f.outlets:
        w.add(IN.format(column="outlet"), list(f.outlets))
    if f.high_confidence and subject in RATED:
        w.add("confidence >= ?", HIGH_CONFIDENCE)
    if f.reviewed_only and subject in RATED:
        w.add("review_status <> 'machine'")
    if f.added_since:
        # UTC, as ingested_at is; an article keeps the time it was first taken in.
        w.add(
            "article_id IN (SELECT article_id FROM wh.articles WHERE ingested_at >= ?)",
            f.added_since,
        )
    countries, actors = list(f.countries), list(f.actors)
    if subject == "statements":
        if countries:
            w.add(IN.format(column="country_id"), countries)
        if actors:
            w.add(IN.format(column="speaker_id"), actors)
        if f.polarities:
            _add_listed(w, "polarities", f.polarities)
    elif subject == "stances":
        if countries:
            w.add(
                f"({IN.format(column='source_country')} OR {IN.format(column='target_country')})",
                countries,
                countries,
            )
        if actors:
            w.add(
                f"({IN.format(column='source_id')} OR {IN.format(column='target_id')})",
                actors,
                actors,
            )
        if f.has_direction:
            sql, params = direction_sql(f.stance_by, f.stance_towards, f.both_ways)
            w.add(sql, *params)
        if f.polarities:
            w.add(IN.format(column="polarity"), list(f.polarities))
    elif subject == "figures":
        if countries:
            w.add(
                f"({IN.format(column='attributed_country')} OR {IN.format(column='location_country')})",
                countries,
                countries,
            )
        if actors:
            w.add(IN.format(column="attributed_to_id"), actors)
        if f.categories:
            w.add(IN.format(column="category"), list(f.categories))
    elif subject == "events":
        if countries:
            _add_any(w, "countries", countries)
        if actors:
            _add_any(w, "participant_ids", actors)
    elif subject == "articles":
        if countries:
            _add_any(w, "countries", countries)
        if actors:
            _add_any(w, "actor_ids", actors)
        if f.polarities:
            _add_listed(w, "polarities", f.polarities)
        if f.categories:
            _add_listed(w, "categories", f.categories)
    elif subject == "mentions":
        # Mentions in the articles that mention the countries / actors.
        for column, values in (("countries", countries), ("actor_ids", actors)):
            if values:
                sql, params = _any(column, values)
                w.add(
                    f"article_id IN (SELECT article_id FROM {flat('articles')} WHERE {sql})",
                    *params,
                )
    else:
        raise ValueError(f"unknown subject {subject!r}")
    return w


def _filtered(wh: Warehouse, subject: str, f: Filters) -> tuple[str, list]:
    """`SELECT * FROM flat_<subject> WHERE <filters>`, with its parameters."""
    w = _where(subject, f)
    return f"SELECT * FROM {flat(subject)} WHERE {w.sql}", w.params


def _run(
    wh: Warehouse,
    subject: str,
    f: Filters,
    tail: str,
    params: list | None = None,
    *,
    many: bool = False,
) -> pd.DataFrame:
    """Run `WITH rows AS (<filtered subject>) <tail>` (`many`: see `_frame`)."""
    base, base_params = _filtered(wh, subject, f)
    return _frame(wh, f"WITH rows AS ({base}) {tail}", base_params + list(params or []), many=many)


# --- questions -----------------------------------------------------------------------------


def _day(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _text(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


@st.cache_data(**CACHE)
def filter_options(wh: Warehouse) -> FilterOptions:
    """Everything the sidebar can offer, from the whole warehouse."""
    # The default date range is the articles' publication span (one stray statement or event
    # dated years earlier must not start it); the widget reaches every dated row.
    span = _frame(
        wh,
        "SELECT min(d) AS earliest, max(d) AS latest, "
        "min(d) FILTER (WHERE published) AS first, max(d) FILTER (WHERE published) AS last "
        "FROM (SELECT published_date AS d, TRUE AS published FROM articles UNION ALL "
        "SELECT statement_date, FALSE FROM statements UNION ALL "
        "SELECT as_of_date, FALSE FROM figures UNION ALL SELECT event_date, FALSE FROM events)",
    )
    # Countries (and blocs) to filter by: every country, and the country of any actor.
    countries = _frame(
        wh,
        """
        SELECT c.actor_id, c.name FROM memory.main.actor_country c
        WHERE c.kind = 'country' OR c.actor_id IN (
            SELECT DISTINCT a.country_id FROM memory.main.actor_country a
            WHERE a.actor_id IN (SELECT actor_id FROM mentions UNION SELECT speaker_id FROM statements
                                 UNION SELECT source_id FROM stances UNION SELECT target_id FROM stances))
        ORDER BY c.name""",
    )
    actors = _frame(
        wh,
        """
        SELECT a.actor_id, a.name FROM actors a
        WHERE a.actor_id IN (SELECT DISTINCT actor_id FROM mentions
                             UNION SELECT speaker_id FROM statements
                             UNION SELECT source_id FROM stances UNION SELECT target_id FROM stances)
        ORDER BY a.name""",
    )
    outlets = _frame(
        wh,
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet",
    )
    return FilterOptions(
        first_date=_day(span["first"].iloc[0]) or _day(span["earliest"].iloc[0]),
        last_date=_day(span["last"].iloc[0]) or _day(span["latest"].iloc[0]),
        earliest=_day(span["earliest"].iloc[0]),
        latest=_day(span["latest"].iloc[0]),
        countries=dict(zip(countries["actor_id"], countries["name"])),
        actors=dict(zip(actors["actor_id"], actors["name"])),
        outlets=tuple(outlets["outlet"]),
    )


@st.cache_data(**CACHE)
def country_ranking(wh: Warehouse) -> list[str]:
    """Countries and blocs, most mentioned first (unfiltered): the order colours go in."""
    df = _frame(
        wh,
        f"""
        SELECT c.actor_id, count(m.actor_id) AS n
        FROM memory.main.actor_country c
        LEFT JOIN {flat("mentions")} m ON m.country_id = c.actor_id
        WHERE c.kind IN ({", ".join(f"'{k}'" for k in COUNTRY_KINDS)})
           OR c.actor_id IN (SELECT country_id FROM memory.main.actor_country)
        GROUP BY c.actor_id ORDER BY n DESC, c.actor_id""",
    )
    return list(df["actor_id"])


_SPAN = (
    "min(row_date) AS first, max(row_date) AS last, "
    "arg_min(date_label, row_date) AS first_label, arg_max(date_label, row_date) AS last_label"
)


# The filters each subject ignores (see the module docstring and `_where`): a question asked
# under them alone is the unfiltered question.
_DIRECTION = ("stance_by", "stance_towards", "both_ways")
_IGNORED = {
    "statements": ("categories", *_DIRECTION),
    "stances": ("categories",),
    "figures": ("polarities", *_DIRECTION),
    "events": ("polarities", "categories", *_DIRECTION),
    "articles": (*_DIRECTION, "high_confidence", "reviewed_only"),
    "mentions": ("polarities", "categories", *_DIRECTION, "high_confidence", "reviewed_only"),
}


def _for(subject: str, f: Filters) -> Filters:
    """The filters as they apply to `subject`: those it ignores left out (both ways, too,
    when no direction is set), so `_where(subject, ...)` is the same for both."""
    ignored = _IGNORED[subject] if f.has_direction else (*_IGNORED[subject], "both_ways")
    return replace(f, **{name: Filters.__dataclass_fields__[name].default for name in ignored})


def _only(f: Filters, *fields: str) -> bool:
    """Whether the filters set nothing but these fields (a filter added later, which an
    aggregate does not know, sends a question to the detailed rows)."""
    return replace(f, **{name: () for name in fields}) == Filters()


def _outlets_in(f: Filters) -> tuple[str, list]:
    """The outlet filter as SQL over an aggregate's `outlet`, as `_where` writes it."""
    if not f.outlets:
        return "TRUE", []
    return IN.format(column="outlet"), [list(f.outlets)]


@st.cache_data(**CACHE)
def provenance(wh: Warehouse, f: Filters, subject: str) -> Provenance:
    """How many rows and articles a page's subject covers under the filters, over which dates."""
    if subject not in SUBJECTS:
        raise ValueError(f"unknown subject {subject!r}")
    kept = _for(subject, f)
    if _only(kept, "outlets"):
        # Unfiltered or by outlet only: the ETL's per-outlet counts (etl.derived.AGGREGATES).
        outlets, params = _outlets_in(f)
        per = _frame(
            wh,
            f"""SELECT outlet, n, a, first, last, first_label, last_label
            FROM memory.main.agg_provenance WHERE subject = ? AND {outlets}
            ORDER BY a DESC, outlet NULLS LAST""",
            [subject, *params],
        )
        return provenance_of(per)
    if subject == "stances" and len(kept.polarities) == 1 and _only(kept, "outlets", "polarities"):
        # One polarity (and outlets): the ETL's counts per outlet and polarity (a stance has
        # one polarity, so under one its articles add up across outlets).
        outlets, params = _outlets_in(f)
        per = _frame(
            wh,
            f"""SELECT outlet, n, a, first, last, first_label, last_label
            FROM memory.main.agg_stance_provenance WHERE polarity = ? AND {outlets}
            ORDER BY a DESC, outlet NULLS LAST""",
            [kept.polarities[0], *params],
        )
        return provenance_of(per)
    if subject == "mentions":
        span = (
            "min(row_date) AS first, max(row_date) AS last, NULL AS first_label, NULL AS last_label"
        )
    else:
        span = _SPAN
    # One scan, per outlet: every row's outlet is its article's, so an article counts under
    # one outlet only and the per-outlet article counts add up to the total.
    per = _run(
        wh,
        subject,
        f,
        f"""SELECT outlet, count(*) AS n, count(DISTINCT article_id) AS a, {span} FROM rows
        GROUP BY outlet ORDER BY a DESC, outlet NULLS LAST""",
    )
    return provenance_of(per)


def provenance_of(per: pd.DataFrame) -> Provenance:
    """A Provenance from per-outlet rows (outlet, n, a, first, last, first_label, last_label),
    most articles first."""
    if per.empty:
        return Provenance(0, 0, None, None)
    first, last = per["first"].min(), per["last"].max()

    def label(column: str, day, bound: str):
        if pd.isna(day):
            return None
        return _text(per.loc[per[bound] == day, column].iloc[0])

    return Provenance(
        int(per["n"].sum()),
        int(per["a"].sum()),
        _day(first),
        _day(last),
        label("first_label", first, "first"),
        label("last_label", last, "last"),
        tuple(per["outlet"].dropna()),
    )


def _provenance_detailed(wh: Warehouse, f: Filters, subject: str) -> Provenance:
    """`provenance` as two plain queries over the rows (the reference the tests compare with)."""
    span = (
        "min(row_date) AS first, max(row_date) AS last, NULL AS first_label, NULL AS last_label"
        if subject == "mentions"
        else _SPAN
    )
    row = _run(
        wh, subject, f, f"SELECT count(*) AS n, count(DISTINCT article_id) AS a, {span} FROM rows"
    ).iloc[0]
    outlets = _run(
        wh,
        subject,
        f,
        "SELECT outlet FROM rows WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY count(DISTINCT article_id) DESC, outlet",
    )
    return Provenance(
        int(row["n"]),
        int(row["a"]),
        _day(row["first"]),
        _day(row["last"]),
        _text(row["first_label"]),
        _text(row["last_label"]),
        tuple(outlets["outlet"]),
    )


@st.cache_data(**CACHE)
def headline(wh: Warehouse, f: Filters) -> dict[str, object]:
    """The Overview's numbers under the filters, from each subject's provenance (which the
    page's source lines ask for too, so each subject is counted once) and the actors the
    articles mention."""
    counted = {subject: provenance(wh, f, subject) for subject in _HEADLINE_SUBJECTS}
    articles = counted["articles"]
    return {
        "articles": articles.rows,
        "outlets": len(articles.outlets),
        "first": articles.first,
        "last": articles.last,
        "first_label": articles.first_label,
        "last_label": articles.last_label,
        "actors": _actors_mentioned(wh, f),
        **{s: counted[s].rows for s in _HEADLINE_SUBJECTS if s != "articles"},
    }


def _actors_mentioned(wh: Warehouse, f: Filters) -> int:
    """How many actors the articles under the filters mention (polarity and category, which
    mentions do not carry, left out)."""
    if _for("mentions", f) == Filters():
        actors = _frame(wh, "SELECT actors FROM memory.main.agg_actors")["actors"]
        return int(actors.iloc[0]) if len(actors) else 0
    # Distinct actors from each article's list: cheaper than the mentions table.
    where = _where("articles", replace(f, polarities=(), categories=()))
    return int(
        _frame(
            wh,
            f"""SELECT count(DISTINCT actor_id) AS n FROM (
                SELECT unnest(actor_ids) AS actor_id FROM {flat("articles")} WHERE {where.sql})""",
            where.params,
        )["n"].iloc[0]
    )


_HEADLINE_SUBJECTS = ("articles", "statements", "stances", "figures", "events")


def _headline_detailed(wh: Warehouse, f: Filters) -> dict[str, object]:
    """`headline` from the rows themselves (any filters; the tests' reference)."""
    # One statement, so DuckDB runs the counts side by side.
    parts, params = [], []
    for subject in ("statements", "stances", "figures", "events"):
        sql, subject_params = _filtered(wh, subject, f)
        parts.append(f"(SELECT count(*) FROM ({sql})) AS {subject}")
        params += subject_params
    # Distinct actors from each article's list: cheaper than the mentions table.
    mention_where = _where("articles", replace(f, polarities=(), categories=()))
    mentions_sql = (
        f"SELECT unnest(actor_ids) AS actor_id FROM {flat('articles')} WHERE {mention_where.sql}"
    )
    mention_params = mention_where.params
    articles_sql, article_params = _filtered(wh, "articles", f)
    art = _frame(
        wh,
        f"""SELECT {", ".join(parts)},
               (SELECT count(DISTINCT actor_id) FROM ({mentions_sql})) AS actors, a.*
        FROM (SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets, {_SPAN}
              FROM ({articles_sql})) a""",
        params + mention_params + article_params,
    ).iloc[0]
    counts = {
        subject: int(art[subject]) for subject in ("statements", "stances", "figures", "events")
    }
    actors = art["actors"]
    return {
        "articles": int(art["articles"]),
        "outlets": int(art["outlets"]),
        "first": _day(art["first"]),
        "last": _day(art["last"]),
        "first_label": _text(art["first_label"]),
        "last_label": _text(art["last_label"]),
        "actors": int(actors),
        **counts,
    }


@st.cache_data(**CACHE)
def latest_statements(wh: Warehouse, f: Filters, limit: int = 8) -> pd.DataFrame:
    """Newest statements; `date` is written at its precision."""
    return _run(
        wh,
        "statements",
        f,
        f"""
        SELECT date_label AS date, speaker, country, quote, outlet,
               {confidence_label()} AS confidence
        FROM rows ORDER BY row_date DESC NULLS LAST, statement_id LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def stance_balance(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Stances per polarity."""
    if _only(_for("stances", f), "outlets", "polarities"):
        # The ETL's counts per outlet and polarity (an article has one outlet, so its
        # distinct articles add up across outlets).
        outlets, params = _outlets_in(f)
        polarities = IN.format(column="polarity") if f.polarities else "TRUE"
        return _frame(
            wh,
            f"""SELECT polarity, sum(stances)::BIGINT AS stances,
                   sum(articles)::BIGINT AS articles
            FROM memory.main.agg_stance_balance WHERE {outlets} AND {polarities}
            GROUP BY polarity ORDER BY stances DESC""",
            params + ([list(f.polarities)] if f.polarities else []),
        )
    return _stance_balance_detailed(wh, f)


def _stance_balance_detailed(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """`stance_balance` from the stances themselves (any filters; the tests' reference)."""
    return _run(
        wh,
        "stances",
        f,
        "SELECT polarity, count(*) AS stances, "
        "count(DISTINCT article_id) AS articles FROM rows "
        "GROUP BY polarity ORDER BY stances DESC",
    )


NOT_STATED = derived.NOT_STATED
# A figure as written with its qualifier ("more than 5.6 million"): the one SQL for it.
FIGURE_TEXT = (
    "concat_ws(' ', CASE WHEN qualifier IS NOT NULL AND NOT starts_with(lower(COALESCE("
    "value_text, '')), lower(qualifier)) THEN qualifier END, COALESCE(value_text, "
    "CAST(value AS VARCHAR)))"
)


def _charted(f: Filters) -> tuple[str, list]:
    """SQL condition for figures drawn on the humanitarian charts: the humanitarian categories
    (troops and `other` are left out) unless the Category filter asks for others."""
    if f.categories:
        return "TRUE", []
    return IN.format(column="category"), [list(quantities.HUMANITARIAN)]


@st.cache_data(**CACHE)
def most_cited_figures(wh: Warehouse, f: Filters, limit: int = derived.MOST_CITED) -> pd.DataFrame:
    """Figures cited by the most articles (same category, place and value)."""
    if _for("figures", f) == Filters() and limit == derived.MOST_CITED:
        # Unfiltered: the ETL's answer, by the same SQL (etl.derived.AGGREGATES).
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_most_cited_figures "
            "ORDER BY citations DESC, value DESC, category, location",
        )
    return _most_cited_figures_detailed(wh, f, limit)


def _most_cited_figures_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`most_cited_figures` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(
        wh,
        "figures",
        f,
        derived.most_cited_figures_sql(charted),
        params + [limit, NOT_STATED],
    )


@st.cache_data(**CACHE)
def figures_by_place(
    wh: Warehouse, f: Filters, limit: int = derived.PLACES_PER_MEASURE
) -> pd.DataFrame:
    """Per measure (people or money), currency, category and place: the largest value cited
    (the `limit` largest of each measure),
    with its text and qualifier, how many figures and articles, and the figures' ids (the
    evidence behind the mark). A speaker's own capital is no place ('unspecified')."""
    if _for("figures", f) == Filters() and limit == derived.PLACES_PER_MEASURE:
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_figures_by_place "
            "ORDER BY largest DESC, measure, currency, category, location",
        )
    return _figures_by_place_detailed(wh, f, limit)


def _figures_by_place_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`figures_by_place` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(wh, "figures", f, derived.figures_by_place_sql(charted), params + [limit])


@st.cache_data(**CACHE)
def figures_over_time(
    wh: Warehouse, f: Filters, limit: int = derived.OVER_TIME_FIGURES
) -> pd.DataFrame:
    """Dated figures (as-of date, else publication), largest first when capped; `as_of` is the
    first day of the period, `as_of_label` says the precision."""
    if _for("figures", f) == Filters() and limit == derived.OVER_TIME_FIGURES:
        # Unfiltered: the ETL's answer (etl.derived.AGGREGATES), in the same order.
        return _frame(
            wh, "SELECT * FROM memory.main.agg_figures_over_time ORDER BY value DESC, figure_id"
        )
    return _figures_over_time_detailed(wh, f, limit)


def _figures_over_time_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`figures_over_time` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(
        wh, "figures", f, derived.figures_over_time_sql(charted), [NOT_STATED] + params + [limit]
    )


@st.cache_data(**CACHE)
def quantity_figures(wh: Warehouse, f: Filters, limit: int = derived.QUANTITY_ROWS) -> pd.DataFrame:
    """Every figure that may be reconciled under the filters: charted categories with a place
    (dated or not), each with who cited it by name and actor id; newest first when capped
    (the undated last). One query for the Figures page's spread, its links to the Figures
    reconciled page and that page itself."""
    if _for("figures", f) == Filters() and limit == derived.QUANTITY_ROWS:
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_quantity_figures "
            "ORDER BY as_of DESC NULLS LAST, figure_id",
        )
    return _quantity_figures_detailed(wh, f, limit)


def _quantity_figures_detailed(wh: Warehouse, f: Filters, limit: int) -> pd.DataFrame:
    """`quantity_figures` from the figures themselves (any filters; the tests' reference)."""
    charted, params = _charted(f)
    return _run(
        wh, "figures", f, derived.quantity_figures_sql(charted), [NOT_STATED] + params + [limit]
    )


@st.cache_data(**CACHE)
def comparable_figures(wh: Warehouse, f: Filters, limit: int = 5000) -> pd.DataFrame:
    """The figures that may be compared with others: charted categories, with a place and a
    date; one row each, newest first when capped (see briefing.quantities). The dated rows of
    `quantity_figures`, which come before its undated ones: the first `limit` of those hold
    the first `limit` dated figures."""
    rows = quantity_figures(wh, f, limit)
    dated = rows[rows["as_of"].notna()] if len(rows) else rows
    return dated.drop(columns=["cited_by_id"]).reset_index(drop=True)


@st.cache_data(**CACHE)
def figure_spread(wh: Warehouse, f: Filters, limit: int = 12, values: int = 8) -> pd.DataFrame:
    """Quantities cited with different values (the same quantity as briefing.quantities
    defines it: category, population, place, currency and compatible dates), each value with
    who said it, when and what it counted. Per quantity at most about `values` values: the
    lowest, the highest and the most cited."""
    return quantities.compared(comparable_figures(wh, f), limit=limit, values=values)


@st.cache_data(**CACHE)
def figures_table(wh: Warehouse, f: Filters, limit: int = 500) -> pd.DataFrame:
    """Every figure under the filters, newest first: the figure as written with its qualifier
    (`figure`), its numeric value, what it counts and where, who cited it and the sentence."""
    return _run(
        wh,
        "figures",
        f,
        f"""
        SELECT date_label AS as_of, {FIGURE_TEXT} AS figure, category, subject,
               COALESCE(location, 'no place stated') AS location,
               COALESCE(attributed_to, ?) AS cited_by, evidence, value, value_text,
               qualifier, outlet, title, {confidence_label()} AS confidence,
               review_status AS status, article_id, figure_id
        FROM rows ORDER BY row_date DESC NULLS LAST, value DESC, figure_id LIMIT ?""",
        [NOT_STATED, limit],
    )


NO_COUNTRY = derived.NO_COUNTRY


@st.cache_data(**CACHE)
def stance_counts(wh: Warehouse, f: Filters, by: str = "country") -> pd.DataFrame:
    """Stances per source, target and polarity; sides are countries or actors."""
    if by == "country" and _for("stances", f) == Filters():
        return _frame(
            wh,
            "SELECT * FROM memory.main.agg_stance_counts "
            "ORDER BY stances DESC, source_id, target_id, polarity, source, target",
            many=True,
        )
    return _stance_counts_detailed(wh, f, by)


def _stance_counts_detailed(wh: Warehouse, f: Filters, by: str = "country") -> pd.DataFrame:
    """`stance_counts` from the stances themselves (any filters; the tests' reference)."""
    return _run(wh, "stances", f, derived.stance_counts_sql(by), many=True)


@st.cache_data(**CACHE)
def stances_table(wh: Warehouse, f: Filters, limit: int = 500) -> pd.DataFrame:
    """Stances, newest first, each with its evidence sentence and review status."""
    return _run(
        wh,
        "stances",
        f,
        f"""
        SELECT date_label AS date, source_name AS source, polarity, target_name AS target,
               evidence, outlet, {confidence_label()} AS confidence, review_status AS status,
               article_id, stance_id
        FROM rows ORDER BY row_date DESC NULLS LAST, stance_id LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def stances_over_time(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """The bars of "stances over time", binned here as the chart draws them: `unit`, `period`,
    `polarity`, `stances` and `articles` (see `statements_over_time`)."""
    if _for("stances", f) == Filters():
        return _frame(wh, "SELECT * FROM memory.main.agg_stances_over_time ORDER BY ALL")
    return _run(wh, "stances", f, derived.stances_over_time_sql())


def _stances_monthly(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Stances per month, polarity and article (the tests' reference, as `_statements_monthly`)."""
    return _run(
        wh,
        "stances",
        f,
        """
        SELECT date_trunc('month', row_date)::DATE AS month, polarity, article_id,
               count(*) AS stances
        FROM rows WHERE row_date IS NOT NULL GROUP BY ALL ORDER BY month, article_id""",
        many=True,
    )


@st.cache_data(**CACHE)
def network_nodes(
    wh: Warehouse, f: Filters, limit: int = 40, pairs: int = derived.NETWORK_PAIRS
) -> pd.DataFrame:
    """The `limit` most mentioned actors, plus both ends of the `pairs` most frequent
    source → target stance pairs (so the strongest ties are always drawn)."""
    if _for("stances", f) == _for("mentions", f) == Filters() and pairs <= derived.PAIRS_KEPT:
        # Unfiltered: the ETL's mentions per actor and its strongest pairs, ranked.
        return _frame(
            wh,
            derived.network_nodes_sql(
                "SELECT actor_id, mentions FROM memory.main.agg_actor_mentions",
                "SELECT source_id, target_id, stances FROM memory.main.agg_strongest_pairs",
                "memory.main.",
            ),
            [limit, pairs, NO_COUNTRY],
        )
    # Mentions per actor from each article's list of actors and how often it names each (one
    # row per article, not one per mention); the mentions filter as the articles do, less
    # polarity and category, which mentions ignore.
    where = _where("articles", replace(f, polarities=(), categories=()))
    stance_sql, stance_params = _filtered(wh, "stances", f)
    return _frame(
        wh,
        derived.network_nodes_sql(
            f"""SELECT actor_id, sum(n)::BIGINT AS mentions FROM (
                SELECT unnest(actor_ids) AS actor_id, unnest(mention_counts) AS n
                FROM {flat("articles")} WHERE {where.sql}) GROUP BY actor_id""",
            f"SELECT source_id, target_id, count(*) AS stances FROM ({stance_sql}) GROUP BY ALL",
            "memory.main.",
        ),
        where.params + [limit] + stance_params + [pairs, NO_COUNTRY],
    )


def _network_nodes_detailed(
    wh: Warehouse, f: Filters, limit: int = 40, pairs: int = derived.NETWORK_PAIRS
) -> pd.DataFrame:
    """`network_nodes` from the mentions and stances themselves (any filters; the tests'
    reference)."""
    stance_sql, stance_params = _filtered(wh, "stances", f)
    mention_sql, mention_params = _filtered(wh, "mentions", f)
    return _frame(
        wh,
        derived.network_nodes_sql(
            f"SELECT actor_id, count(*) AS mentions FROM ({mention_sql}) GROUP BY actor_id",
            f"SELECT source_id, target_id, count(*) AS stances FROM ({stance_sql}) GROUP BY ALL",
            "memory.main.",
        ),
        mention_params + [limit] + stance_params + [pairs, NO_COUNTRY],
    )


@st.cache_data(**CACHE)
def network_stance_edges(
    wh: Warehouse, f: Filters, actor_ids: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Stances per source → target and polarity, between the given actors (default: all)."""
    # Hash semi-joins: a list of 80 actors tested row by row would cost more.
    between = (
        "SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS source_id) s USING (source_id) "
        "SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS target_id) t USING (target_id)"
        if actor_ids is not None
        else ""
    )
    return _run(
        wh,
        "stances",
        f,
        f"""
        SELECT source_id, target_id, source_name AS source, target_name AS target, polarity,
               count(*) AS stances, any_value(evidence) AS example
        FROM rows {between} GROUP BY source_id, target_id, source_name, target_name, polarity
        ORDER BY stances DESC, source_id, target_id""",
        [list(actor_ids)] * 2 if actor_ids is not None else [],
    )


@st.cache_data(**CACHE)
def _network_actors(wh: Warehouse) -> frozenset[str]:
    """The actors whose unfiltered co-mentions the ETL counted (agg_co_mentions)."""
    return frozenset(_frame(wh, "SELECT actor_id FROM memory.main.agg_network_actors")["actor_id"])


@st.cache_data(**CACHE)
def co_mentions(
    wh: Warehouse, f: Filters, actor_ids: tuple[str, ...], minimum: int = 1
) -> pd.DataFrame:
    """Pairs of the given actors mentioned in the same article: how many articles."""
    if _for("mentions", f) == Filters() and set(actor_ids) <= _network_actors(wh):
        # Unfiltered, among the actors the network can draw: the ETL's counts.
        return _frame(
            wh,
            """SELECT source_id, target_id, articles FROM memory.main.agg_co_mentions
            SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS source_id) s USING (source_id)
            SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS target_id) t USING (target_id)
            WHERE articles >= ? ORDER BY articles DESC, source_id, target_id""",
            [list(actor_ids), list(actor_ids), minimum],
        )
    return _co_mentions_from_articles(wh, f, actor_ids, minimum)


def _co_mentions_from_articles(
    wh: Warehouse, f: Filters, actor_ids: tuple[str, ...], minimum: int = 1
) -> pd.DataFrame:
    """`co_mentions` from each article's list of actors (any filters). The mentions subject
    filters as the articles do, less polarity and category, which mentions ignore."""
    where = _where("articles", replace(f, polarities=(), categories=()))
    pairs = derived.co_mentions_sql(
        f"SELECT article_id, actor_ids FROM {flat('articles')} WHERE {where.sql}",
        "SELECT unnest(?::VARCHAR[]) AS actor_id",
    )
    return _frame(
        wh,
        f"SELECT * FROM ({pairs}) WHERE articles >= ? ORDER BY articles DESC, source_id, target_id",
        where.params + [list(actor_ids), minimum],
    )


def _co_mentions_detailed(
    wh: Warehouse, f: Filters, actor_ids: tuple[str, ...], minimum: int = 1
) -> pd.DataFrame:
    """`co_mentions` from the mentions themselves (the reference the tests compare with)."""
    return _run(
        wh,
        "mentions",
        f,
        """
        , m AS (SELECT DISTINCT article_id, actor_id FROM rows
                SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS actor_id) k USING (actor_id))
        SELECT a.actor_id AS source_id, b.actor_id AS target_id, count(*) AS articles
        FROM m a JOIN m b ON a.article_id = b.article_id AND a.actor_id < b.actor_id
        GROUP BY ALL HAVING count(*) >= ? ORDER BY articles DESC, source_id, target_id""",
        [list(actor_ids), minimum],
    )


@st.cache_data(**CACHE)
def actor_statements(wh: Warehouse, f: Filters, actor_id: str, limit: int = 50) -> pd.DataFrame:
    return _run(
        wh,
        "statements",
        f,
        f"""
        SELECT date_label AS date, quote, is_direct, outlet, title,
               {confidence_label()} AS confidence, article_id
        FROM rows WHERE speaker_id = ? ORDER BY row_date DESC NULLS LAST LIMIT ?""",
        [actor_id, limit],
    )


def _search_clause(search: str) -> tuple[str, list]:
    if not search.strip():
        return "TRUE", []
    # ILIKE with the analyst's words escaped: % and _ are literal.
    pattern = (
        "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    )
    return (
        "(quote ILIKE ? ESCAPE '\\' OR speaker ILIKE ? ESCAPE '\\' "
        "OR speaker_text ILIKE ? ESCAPE '\\')"
    ), [pattern] * 3


@st.cache_data(**CACHE)
def statements_table(wh: Warehouse, f: Filters, search: str = "", limit: int = 500) -> pd.DataFrame:
    """Statements, newest first, with their stance targets and polarities."""
    clause, params = _search_clause(search)
    return _run(
        wh,
        "statements",
        f,
        f"""
        SELECT statement_id, date_label AS date, speaker, country, quote, is_direct, targets,
               polarity, outlet, cue, {confidence_label()} AS confidence,
               review_status AS status, article_id
        FROM rows WHERE {clause}
        ORDER BY row_date DESC NULLS LAST, statement_id LIMIT ?""",
        params + [limit],
    )


@st.cache_data(**CACHE)
def statements_count(wh: Warehouse, f: Filters, search: str = "") -> int:
    clause, params = _search_clause(search)
    return int(
        _run(
            wh,
            "statements",
            f,
            f"SELECT count(*) AS n FROM rows WHERE {clause}",
            params,
        )["n"].iloc[0]
    )


@st.cache_data(**CACHE)
def statement_context(wh: Warehouse, statement_id: str, window: int = 400) -> dict | None:
    """The text around a statement (its span re-based to the excerpt), and its stances."""
    df = _frame(
        wh,
        f"""
        SELECT s.char_start, s.char_end, a.body, a.title, a.outlet, a.url, fa.date_label,
               a.article_id
        FROM statements s JOIN articles a ON a.article_id = s.article_id
        JOIN {flat("articles")} fa ON fa.article_id = s.article_id
        WHERE s.statement_id = ?""",
        [statement_id],
    )
    if df.empty:
        return None
    row = df.iloc[0]
    body, start, end = row["body"], int(row["char_start"]), int(row["char_end"])
    lo, hi = word_window(body, start, end, window)
    stances = _frame(
        wh,
        f"""
        SELECT polarity, source_name AS source, target_name AS target, evidence,
               {confidence_label()} AS confidence, char_start, char_end
        FROM {flat("stances")} WHERE statement_id = ? ORDER BY stance_id""",
        [statement_id],
    )
    return {
        "excerpt": body[lo:hi],
        "start": start - lo,
        "end": end - lo,
        "clipped_before": lo > 0,
        "clipped_after": hi < len(body),
        "title": row["title"],
        "outlet": row["outlet"],
        "url": row["url"],
        "published": _text(row["date_label"]),
        "stances": stances,
        "stance_spans": [
            (int(s) - lo, int(e) - lo)
            for s, e in zip(stances["char_start"], stances["char_end"])
            if lo <= int(s) and int(e) <= hi
        ],
    }


@st.cache_data(**CACHE)
def events_table(
    wh: Warehouse, f: Filters, limit: int = derived.EVENT_ROWS, with_statements: bool = True
) -> pd.DataFrame:
    """Events, newest first: `date` is the period's first day (for the timeline), `date_label`
    the date at its precision. One sentence's identical events (same type, date and place)
    are one row, the one naming most participants: an extraction that repeats itself must not
    read as several events. Without `with_statements`, "statement" events (what the
    Statements page lists) are left out."""
    if _for("events", f) == Filters() and limit == derived.EVENT_ROWS:
        # Unfiltered: the ETL's rows (etl.derived.AGGREGATES), by the same SQL.
        shown = (
            "SELECT event_id, row_date FROM memory.main.agg_events_shown WHERE with_statements = ?"
        )
        params = [with_statements]
    else:
        shown, params = derived.events_shown_sql(with_statements), [limit]
    return _run(wh, "events", f, _events_of(shown), params)


def _events_of(shown: str) -> str:
    """SQL tail after `WITH rows AS (<events>)`: the columns of the events `shown` selects."""
    return f"""
        , shown AS ({shown})
        SELECT event_id, row_date AS date, date_label, row_precision AS date_precision,
               event_type, COALESCE(location, 'unspecified') AS location, description,
               participants, outlet, evidence, {confidence_label()} AS confidence,
               review_status AS status, article_id
        FROM rows SEMI JOIN shown USING (event_id)
        ORDER BY row_date DESC NULLS LAST, event_id"""


def _events_table_detailed(
    wh: Warehouse, f: Filters, limit: int = derived.EVENT_ROWS, with_statements: bool = True
) -> pd.DataFrame:
    """`events_table` from the events themselves (any filters; the tests' reference)."""
    return _run(wh, "events", f, _events_of(derived.events_shown_sql(with_statements)), [limit])


@st.cache_data(**CACHE)
def articles_table(wh: Warehouse, f: Filters, limit: int = 1000) -> pd.DataFrame:
    """Articles with their metadata and how many rows were extracted from each."""
    return _run(
        wh,
        "articles",
        f,
        """
        SELECT article_id, date_label AS published, title, outlet, url, source_path, language,
               mentions, statements, stances, figures, events
        FROM rows ORDER BY row_date DESC NULLS LAST, article_id LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def article(wh: Warehouse, article_id: str) -> dict | None:
    """One article's row, with `published` written at its precision."""
    df = _frame(
        wh,
        f"""SELECT a.*, fa.date_label AS published FROM articles a
        JOIN {flat("articles")} fa ON fa.article_id = a.article_id WHERE a.article_id = ?""",
        [article_id],
    )
    return None if df.empty else df.iloc[0].to_dict()


@st.cache_data(**CACHE)
def article_extractions(wh: Warehouse, article_id: str) -> pd.DataFrame:
    """Every highlighted span of one article: kind, start, end, label."""
    return _frame(
        wh,
        f"""
        SELECT 'actor' AS kind, m.char_start AS start, m.char_end AS "end",
               COALESCE(a.name, m.actor_id) AS label
        FROM mentions m LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE m.article_id = ?
        UNION ALL
        SELECT 'quote', char_start, char_end, 'statement by ' || COALESCE(speaker_text, '?')
        FROM statements WHERE article_id = ?
        UNION ALL
        SELECT 'figure', COALESCE(value_start, char_start), COALESCE(value_end, char_end),
               category || ': ' || value_text
        FROM {flat("figures")} WHERE article_id = ?
        UNION ALL
        SELECT 'event', char_start, char_end,
               event_type || ' on ' || COALESCE(date_label, 'an unknown date')
        FROM {flat("events")} WHERE article_id = ?
        ORDER BY start, "end" DESC""",
        [article_id] * 4,
    )


@st.cache_data(**CACHE)
def rejected(wh: Warehouse) -> pd.DataFrame:
    return _frame(
        wh,
        "SELECT source_path, reason, detail, rejected_at FROM rejected ORDER BY source_path",
    )


@st.cache_data(**CACHE)
def statements_over_time(
    wh: Warehouse, f: Filters, top: int = derived.OVER_TIME_COUNTRIES
) -> pd.DataFrame:
    """The bars of "statements over time", binned here as the chart draws them: `unit`
    (month, quarter or year, by the span of the rows), `period` (the bin's first day),
    `country` and `country_id` (the `top` countries by statements, the rest together as
    'other', speakers of no known country as 'no country'), `statements` and `articles` (how
    many articles the bar's statements come from). See etl.derived.statements_over_time_sql."""
    if _for("statements", f) == Filters() and top == derived.OVER_TIME_COUNTRIES:
        return _frame(wh, "SELECT * FROM memory.main.agg_statements_over_time ORDER BY ALL")
    return _run(wh, "statements", f, derived.statements_over_time_sql(), [top])


def _statements_monthly(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Statements per month, speaker country and article: what the chart binned itself before
    the query did (the reference the tests compare `statements_over_time` with)."""
    return _run(
        wh,
        "statements",
        f,
        """
        SELECT date_trunc('month', row_date)::DATE AS month, country_id, country, article_id,
               count(*) AS statements
        FROM rows WHERE row_date IS NOT NULL GROUP BY ALL ORDER BY month, article_id""",
        many=True,
    )


# --- evidence and sources for briefing packs --------------------------------------------------

_EVIDENCE_SQL = {
    # Direct quotes first: they are what a speaker note reads out.
    "statements": """
        SELECT 'quote' AS kind, quote AS text, speaker AS who, outlet, date_label AS "when", {confidence}
        FROM rows WHERE {search} ORDER BY is_direct DESC, row_date DESC NULLS LAST, statement_id LIMIT ?""",
    "stances": """
        SELECT 'stance' AS kind, evidence AS text,
               concat(COALESCE(source_name, '?'), ' → ', COALESCE(target_name, '?'),
                      ' (', COALESCE(polarity, '?'), ')') AS who,
               outlet, date_label AS "when", {confidence}
        FROM rows ORDER BY row_date DESC NULLS LAST, stance_id LIMIT ?""",
    # The figures most articles cite, each once, with the sentence that cites it.
    "figures": """
        SELECT 'figure' AS kind, evidence AS text,
               concat({figure_text}, ' ',
                      replace(COALESCE(category, 'other'), '_', ' '),
                      COALESCE(' in ' || location, ''),
                      ', cited by ', COALESCE(attributed_to, 'an unstated source')) AS who,
               outlet, date_label AS "when", {confidence}
        FROM rows
        QUALIFY row_number() OVER (PARTITION BY category, location, value
                                   ORDER BY row_date DESC NULLS LAST, figure_id) = 1
        ORDER BY count(DISTINCT article_id) OVER (PARTITION BY category, location, value) DESC,
                 value DESC, figure_id
        LIMIT ?""",
    "events": """
        SELECT 'event' AS kind, evidence AS text,
               concat(replace(COALESCE(event_type, 'event'), '_', ' '),
                      COALESCE(' in ' || location, ''),
                      COALESCE(': ' || participants, '')) AS who,
               outlet, date_label AS "when", {confidence}
        FROM rows ORDER BY row_date DESC NULLS LAST, event_id LIMIT ?""",
}


@st.cache_data(**CACHE)
def evidence(
    wh: Warehouse, f: Filters, subject: str, limit: int = 5, search: str = ""
) -> pd.DataFrame:
    """The rows behind a chart, for speaker notes: kind, text, who, outlet, when, confidence
    (its label) and review status. Statements can be narrowed by the Statements page's
    `search`."""
    if subject not in _EVIDENCE_SQL:
        raise ValueError(f"no evidence for {subject!r}")
    if search and subject != "statements":
        raise ValueError("only statements are searched")
    clause, params = _search_clause(search)
    sql = (
        _EVIDENCE_SQL[subject]
        .replace("{search}", clause)
        .replace("{confidence}", f"{confidence_label()} AS confidence, review_status AS status")
        .replace("{figure_text}", FIGURE_TEXT)
    )
    return _run(wh, subject, f, sql, (params if subject == "statements" else []) + [limit])


@st.cache_data(**CACHE)
def sources(wh: Warehouse, f: Filters, limit: int = 500) -> pd.DataFrame:
    """The articles under the filters, oldest first: outlet, published (at its precision),
    title, url."""
    found = _run(
        wh,
        "articles",
        f,
        """
        SELECT outlet, date_label AS published, title, url, article_id
        FROM rows ORDER BY row_date NULLS LAST, outlet, title LIMIT ?""",
        [limit],
    )
    return found.drop(columns=["article_id"])


@st.cache_data(**CACHE)
def sources_behind(
    wh: Warehouse,
    f: Filters,
    subjects: tuple[str, ...] = (),
    article_ids: tuple[str, ...] = (),
    limit: int = 500,
) -> tuple[pd.DataFrame, int]:
    """The articles behind a view's rows, oldest first (outlet, published, title, url), and
    how many there are: those with rows of the `subjects` under the filters, and the given
    `article_ids` (the rows a chart itself lists). So a pack's sources are exactly the articles
    its page counts ("7 figures from 4 articles")."""
    parts, params = ["SELECT unnest(?::VARCHAR[]) AS article_id"], [list(article_ids)]
    for subject in subjects:
        sql, subject_params = _filtered(wh, subject, f)
        parts.append(f"SELECT article_id FROM ({sql})")
        params += subject_params
    ids = " UNION ".join(parts)
    found = _frame(
        wh,
        f"""WITH ids AS ({ids})
        SELECT outlet, date_label AS published, title, url, article_id,
               count(*) OVER () AS total
        FROM {flat("articles")} SEMI JOIN ids USING (article_id)
        ORDER BY row_date NULLS LAST, outlet, title LIMIT ?""",
        params + [limit],
    )
    total = int(found["total"].iloc[0]) if not found.empty else 0
    return found.drop(columns=["total", "article_id"]), total


# --- the page for adding articles ------------------------------------------------------------


@st.cache_data(**CACHE)
def article_titles(wh: Warehouse) -> dict[str, str]:
    """Every article's id and title, to tell an upload that it is already loaded."""
    df = _frame(wh, "SELECT article_id, COALESCE(title, '') AS title FROM articles")
    return dict(zip(df["article_id"], df["title"], strict=True))


@st.cache_data(**CACHE)
def articles_from_files(wh: Warehouse, files: tuple[str, ...]) -> pd.DataFrame:
    """The articles read from these files (relative paths; a bundle's records count as its own)."""
    return _frame(
        wh,
        f"""SELECT a.article_id, a.source_path, a.title, a.outlet, fa.date_label AS published,
               a.url
        FROM articles a JOIN {flat("articles")} fa ON fa.article_id = a.article_id
        WHERE list_contains(?, split_part(a.source_path, '#', 1)) ORDER BY a.source_path""",
        [list(files)],
    )


@st.cache_data(**CACHE)
def rows_per_table(wh: Warehouse, article_ids: tuple[str, ...]) -> pd.DataFrame:
    """How many rows of each extraction table these articles gave."""
    tables = ("articles", "mentions", "statements", "stances", "figures", "events")
    sql = " UNION ALL ".join(
        f'SELECT \'{t}\' AS "table", count(*) AS "rows" FROM {t} WHERE list_contains(?, article_id)'
        for t in tables
    )
    return _frame(wh, sql, [list(article_ids)] * len(tables))


@st.cache_data(**CACHE)
def rejected_files(wh: Warehouse, files: tuple[str, ...]) -> pd.DataFrame:
    """What the ETL turned away among these files, and why."""
    return _frame(
        wh,
        """SELECT source_path, reason, detail FROM rejected
        WHERE list_contains(?, split_part(source_path, '#', 1)) ORDER BY source_path""",
        [list(files)],
    )
