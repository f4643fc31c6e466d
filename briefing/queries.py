"""Every SQL the dashboard runs: one function per question, values always passed as parameters.

The warehouse is attached read-only to a private in-memory DuckDB connection. A `Warehouse`
value carries the file's inode, mtime and size, and every cached result is keyed by it, so a
warehouse rebuilt by `python -m etl` (which replaces the file) is picked up on the next rerun
without restarting the server. Each query runs on its own cursor: DuckDB connections are not
thread-safe, and Streamlit serves sessions from several threads.

How the filters apply (the same on every page):
- dates: a statement's date (else its article's), a stance's statement date (else article's),
  a figure's as-of date (else article's), an event's date, an article's publication date.
  Rows without any date drop out once a date bound is set.
- countries: statements whose speaker belongs to the country; stances whose source or target
  does; figures attributed to someone of the country or located in it; events with a
  participant of the country or held in it; articles mentioning an actor of the country.
- actors: the same, with the actor itself instead of its country.
- outlets: the row's article outlet.
- polarity: stances of that polarity; statements and articles carrying such a stance.
- category: figures of that category; articles carrying such a figure.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd
import streamlit as st

from briefing.filters import FilterOptions, Filters

DEFAULT_PATH = "data/warehouse.duckdb"
TABLES = (
    "articles",
    "actors",
    "mentions",
    "statements",
    "stances",
    "figures",
    "events",
    "rejected",
)
CACHE = {"show_spinner": False, "max_entries": 1024, "ttl": 6 * 3600}
# The country an actor stands for: itself when it is a country, else its country_id.
COUNTRY_OF = "CASE WHEN {a}.kind = 'country' THEN {a}.actor_id ELSE {a}.country_id END"


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
    """Where a chart's rows come from: how many, from how many articles, over which dates."""

    rows: int
    articles: int
    first: date | None
    last: date | None


def warehouse_path() -> str:
    return os.environ.get("BRIEFING_DB", DEFAULT_PATH)


def locate(path: str | None = None) -> Warehouse | None:
    """The warehouse at `path` (default: $BRIEFING_DB) as it is now, or None if absent."""
    path = path or warehouse_path()
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return Warehouse(
        os.path.abspath(path), (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(path: str, version: tuple[int, int, int]) -> duckdb.DuckDBPyConnection:
    # ATTACH on a fresh in-memory database: duckdb.connect(path) would hand back an already
    # open instance of the old file after the ETL replaced it.
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ? AS wh (READ_ONLY)", [path])
    return con


def _frame(wh: Warehouse, sql: str, params: list | None = None) -> pd.DataFrame:
    cursor = _connection(wh.path, wh.version).cursor()
    try:
        cursor.execute("USE wh")
        return cursor.execute(sql, params or []).df()
    finally:
        cursor.close()


@st.cache_data(**CACHE)
def columns(wh: Warehouse) -> dict[str, list[str]]:
    """Columns of each table present, so optional columns are used only when they exist."""
    df = _frame(
        wh,
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = 'wh' ORDER BY table_name, ordinal_position",
    )
    return {t: list(g["column_name"]) for t, g in df.groupby("table_name")}


def _has(wh: Warehouse, table: str, column: str) -> bool:
    return column in columns(wh).get(table, [])


def health(wh: Warehouse | None) -> Health:
    """Whether the dashboard can show anything, and what to do when it cannot."""
    if wh is None:
        return Health(
            "missing",
            f"No warehouse at `{warehouse_path()}`. Build it with "
            "`python -m etl` (or point `BRIEFING_DB` at a warehouse file).",
        )
    try:
        present = columns(wh)
    except duckdb.Error as exc:
        return Health(
            "invalid",
            f"`{wh.path}` is not a readable DuckDB warehouse ({exc}). "
            "Rebuild it with `python -m etl`.",
        )
    missing = [t for t in TABLES if t not in present]
    if missing:
        return Health(
            "invalid",
            f"The warehouse lacks the table(s) {', '.join(missing)}. "
            "Rebuild it with `python -m etl`.",
        )
    if _frame(wh, "SELECT count(*) AS n FROM articles")["n"].iloc[0] == 0:
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


def _dates(w: _Where, f: Filters, column: str = "row_date") -> None:
    if f.date_from:
        w.add(f"{column} >= ?", f.date_from)
    if f.date_to:
        w.add(f"{column} <= ?", f.date_to)


def _outlets(w: _Where, f: Filters) -> None:
    if f.outlets:
        w.add("list_contains(?::VARCHAR[], outlet)", list(f.outlets))


COUNTRY_NAMES = (
    "(SELECT list(lower(name)) FROM actors WHERE list_contains(?::VARCHAR[], actor_id))"
)
ACTORS_OF_COUNTRIES = f"(SELECT list(a.actor_id) FROM actors a WHERE list_contains(?::VARCHAR[], {COUNTRY_OF.format(a='a')}))"


# Each subject is a base query with uniform column names, and the filters that apply to it.
def _base(wh: Warehouse, subject: str) -> str:
    if subject == "statements":
        cue = ", s.cue" if _has(wh, "statements", "cue") else ", NULL AS cue"
        return f"""
            SELECT s.statement_id, s.article_id, s.speaker_id, s.speaker_text, s.quote,
                   s.is_direct, s.char_start, s.char_end{cue},
                   COALESCE(s.statement_date, ar.published_date) AS row_date,
                   ar.outlet, ar.title, ar.published_date,
                   COALESCE(sp.name, s.speaker_text) AS speaker,
                   {COUNTRY_OF.format(a="sp")} AS country_id
            FROM statements s
            JOIN articles ar ON ar.article_id = s.article_id
            LEFT JOIN actors sp ON sp.actor_id = s.speaker_id"""
    if subject == "stances":
        cue = ", t.cue" if _has(wh, "stances", "cue") else ", NULL AS cue"
        return f"""
            SELECT t.stance_id, t.article_id, t.statement_id, t.source_id, t.target_id,
                   t.polarity, t.evidence, t.char_start, t.char_end{cue},
                   COALESCE(s.statement_date, ar.published_date) AS row_date,
                   ar.outlet, ar.title,
                   COALESCE(src.name, t.source_id) AS source_name,
                   COALESCE(tgt.name, t.target_id) AS target_name,
                   {COUNTRY_OF.format(a="src")} AS source_country,
                   {COUNTRY_OF.format(a="tgt")} AS target_country
            FROM stances t
            JOIN articles ar ON ar.article_id = t.article_id
            LEFT JOIN statements s ON s.statement_id = t.statement_id
            LEFT JOIN actors src ON src.actor_id = t.source_id
            LEFT JOIN actors tgt ON tgt.actor_id = t.target_id"""
    if subject == "figures":
        extras = "".join(
            f", f.{c}" if _has(wh, "figures", c) else f", NULL AS {c}"
            for c in ("qualifier", "value_start", "value_end")
        )
        return f"""
            SELECT f.figure_id, f.article_id, f.value, f.value_text, f.category, f.subject,
                   f.location, f.attributed_to_id, f.as_of_date, f.evidence, f.char_start,
                   f.char_end{extras},
                   COALESCE(f.as_of_date, ar.published_date) AS row_date,
                   ar.outlet, ar.title, ar.published_date,
                   att.name AS attributed_to,
                   {COUNTRY_OF.format(a="att")} AS attributed_country
            FROM figures f
            JOIN articles ar ON ar.article_id = f.article_id
            LEFT JOIN actors att ON att.actor_id = f.attributed_to_id"""
    if subject == "events":
        return """
            SELECT e.event_id, e.article_id, e.event_date AS row_date, e.date_precision,
                   e.event_type, e.description, e.location, e.participant_ids, e.evidence,
                   e.char_start, e.char_end, ar.outlet, ar.title
            FROM events e JOIN articles ar ON ar.article_id = e.article_id"""
    if subject == "articles":
        return """
            SELECT ar.article_id, ar.title, ar.outlet, ar.url, ar.source_path, ar.language,
                   ar.published_date AS row_date, ar.published_date
            FROM articles ar"""
    if subject == "mentions":
        return f"""
            SELECT m.actor_id, m.article_id, ar.published_date AS row_date, ar.outlet,
                   {COUNTRY_OF.format(a="a")} AS country_id, a.name, a.kind
            FROM mentions m
            JOIN articles ar ON ar.article_id = m.article_id
            JOIN actors a ON a.actor_id = m.actor_id"""
    raise ValueError(f"unknown subject {subject!r}")


def _filtered(wh: Warehouse, subject: str, f: Filters) -> tuple[str, list]:
    """`SELECT * FROM (base) WHERE <filters>` for a subject, with its parameters."""
    w = _Where()
    _dates(w, f)
    _outlets(w, f)
    countries, actors = list(f.countries), list(f.actors)
    if subject == "statements":
        if countries:
            w.add("list_contains(?::VARCHAR[], country_id)", countries)
        if actors:
            w.add("list_contains(?::VARCHAR[], speaker_id)", actors)
        if f.polarities:
            w.add(
                "statement_id IN (SELECT statement_id FROM stances "
                "WHERE list_contains(?::VARCHAR[], polarity))",
                list(f.polarities),
            )
    elif subject == "stances":
        if countries:
            w.add(
                "(list_contains(?::VARCHAR[], source_country) "
                "OR list_contains(?::VARCHAR[], target_country))",
                countries,
                countries,
            )
        if actors:
            w.add(
                "(list_contains(?::VARCHAR[], source_id) OR list_contains(?::VARCHAR[], target_id))",
                actors,
                actors,
            )
        if f.polarities:
            w.add("list_contains(?::VARCHAR[], polarity)", list(f.polarities))
    elif subject == "figures":
        if countries:
            w.add(
                f"(list_contains(?::VARCHAR[], attributed_country) "
                f"OR list_contains({COUNTRY_NAMES}, lower(location)))",
                countries,
                countries,
            )
        if actors:
            w.add("list_contains(?::VARCHAR[], attributed_to_id)", actors)
        if f.categories:
            w.add("list_contains(?::VARCHAR[], category)", list(f.categories))
    elif subject == "events":
        if countries:
            w.add(
                f"(list_has_any(participant_ids, {ACTORS_OF_COUNTRIES}) "
                f"OR list_contains({COUNTRY_NAMES}, lower(location)))",
                countries,
                countries,
            )
        if actors:
            w.add("list_has_any(participant_ids, ?::VARCHAR[])", actors)
    elif subject in ("articles", "mentions"):
        if countries:
            w.add(
                f"article_id IN (SELECT m.article_id FROM mentions m JOIN actors a "
                f"ON a.actor_id = m.actor_id WHERE list_contains(?::VARCHAR[], "
                f"{COUNTRY_OF.format(a='a')}))",
                countries,
            )
        if actors:
            w.add(
                "article_id IN (SELECT article_id FROM mentions "
                "WHERE list_contains(?::VARCHAR[], actor_id))",
                actors,
            )
        if subject == "articles" and f.polarities:
            w.add(
                "article_id IN (SELECT article_id FROM stances "
                "WHERE list_contains(?::VARCHAR[], polarity))",
                list(f.polarities),
            )
        if subject == "articles" and f.categories:
            w.add(
                "article_id IN (SELECT article_id FROM figures "
                "WHERE list_contains(?::VARCHAR[], category))",
                list(f.categories),
            )
    return f"SELECT * FROM ({_base(wh, subject)}) WHERE {w.sql}", w.params


def _run(
    wh: Warehouse, subject: str, f: Filters, tail: str, params: list | None = None
) -> pd.DataFrame:
    """Run `WITH rows AS (<filtered subject>) <tail>`."""
    base, base_params = _filtered(wh, subject, f)
    return _frame(wh, f"WITH rows AS ({base}) {tail}", base_params + list(params or []))


# --- questions -----------------------------------------------------------------------------


@st.cache_data(**CACHE)
def filter_options(wh: Warehouse) -> FilterOptions:
    """Everything the sidebar can offer, from the whole warehouse."""
    span = _frame(
        wh,
        "SELECT min(d) AS first, max(d) AS last FROM ("
        "SELECT published_date AS d FROM articles UNION ALL "
        "SELECT statement_date FROM statements UNION ALL "
        "SELECT as_of_date FROM figures UNION ALL SELECT event_date FROM events)",
    )
    countries = _frame(
        wh,
        """
        SELECT c.actor_id, c.name FROM actors c
        WHERE c.kind = 'country' OR c.actor_id IN (SELECT DISTINCT country_id FROM actors)
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

    def day(value) -> date | None:
        return None if pd.isna(value) else pd.Timestamp(value).date()

    return FilterOptions(
        first_date=day(span["first"].iloc[0]),
        last_date=day(span["last"].iloc[0]),
        countries=dict(zip(countries["actor_id"], countries["name"])),
        actors=dict(zip(actors["actor_id"], actors["name"])),
        outlets=tuple(outlets["outlet"]),
    )


@st.cache_data(**CACHE)
def country_ranking(wh: Warehouse) -> list[str]:
    """Country ids, most mentioned first (unfiltered): the order colours are handed out in."""
    df = _frame(
        wh,
        f"""
        SELECT c.actor_id, count(m.actor_id) AS n
        FROM actors c
        LEFT JOIN actors a ON {COUNTRY_OF.format(a="a")} = c.actor_id
        LEFT JOIN mentions m ON m.actor_id = a.actor_id
        WHERE c.kind = 'country'
        GROUP BY c.actor_id ORDER BY n DESC, c.actor_id""",
    )
    return list(df["actor_id"])


@st.cache_data(**CACHE)
def provenance(wh: Warehouse, f: Filters, subject: str) -> Provenance:
    """How many rows and articles a page's subject covers under the filters, over which dates."""
    df = _run(
        wh,
        subject,
        f,
        "SELECT count(*) AS n, count(DISTINCT article_id) AS a, "
        "min(row_date) AS first, max(row_date) AS last FROM rows",
    )
    row = df.iloc[0]

    def day(value) -> date | None:
        return None if pd.isna(value) else pd.Timestamp(value).date()

    return Provenance(int(row["n"]), int(row["a"]), day(row["first"]), day(row["last"]))


@st.cache_data(**CACHE)
def headline(wh: Warehouse, f: Filters) -> dict[str, object]:
    """The Overview's numbers under the filters."""
    art = _run(
        wh,
        "articles",
        f,
        "SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets, "
        "min(row_date) AS first, max(row_date) AS last FROM rows",
    ).iloc[0]
    counts = {
        subject: int(
            _run(wh, subject, f, "SELECT count(*) AS n FROM rows")["n"].iloc[0]
        )
        for subject in ("statements", "stances", "figures", "events")
    }
    actors = _run(wh, "mentions", f, "SELECT count(DISTINCT actor_id) AS n FROM rows")[
        "n"
    ].iloc[0]
    return {
        "articles": int(art["articles"]),
        "outlets": int(art["outlets"]),
        "first": None if pd.isna(art["first"]) else pd.Timestamp(art["first"]).date(),
        "last": None if pd.isna(art["last"]) else pd.Timestamp(art["last"]).date(),
        "actors": int(actors),
        **counts,
    }


@st.cache_data(**CACHE)
def latest_statements(wh: Warehouse, f: Filters, limit: int = 8) -> pd.DataFrame:
    return _run(
        wh,
        "statements",
        f,
        """
        SELECT row_date AS date, speaker, c.name AS country, quote, outlet
        FROM rows LEFT JOIN actors c ON c.actor_id = rows.country_id
        ORDER BY row_date DESC NULLS LAST, statement_id LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def stance_balance(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Stances per polarity."""
    return _run(
        wh,
        "stances",
        f,
        "SELECT polarity, count(*) AS stances, "
        "count(DISTINCT article_id) AS articles FROM rows "
        "GROUP BY polarity ORDER BY stances DESC",
    )


@st.cache_data(**CACHE)
def most_cited_figures(wh: Warehouse, f: Filters, limit: int = 10) -> pd.DataFrame:
    """Figures cited by the most articles (same category, place and value)."""
    return _run(
        wh,
        "figures",
        f,
        """
        SELECT category, location, value, any_value(value_text) AS value_text,
               count(DISTINCT article_id) AS citations,
               string_agg(DISTINCT COALESCE(attributed_to, 'unattributed'), ', ') AS cited_by,
               max(row_date) AS latest
        FROM rows GROUP BY category, location, value
        ORDER BY citations DESC, value DESC LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def figures_by_place(wh: Warehouse, f: Filters, limit: int = 25) -> pd.DataFrame:
    """Per category and location: the largest value cited, how many figures and sources."""
    return _run(
        wh,
        "figures",
        f,
        """
        SELECT category, COALESCE(location, 'unspecified') AS location,
               max(value) AS largest, count(*) AS figures,
               count(DISTINCT article_id) AS articles
        FROM rows GROUP BY ALL ORDER BY largest DESC LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def figures_over_time(wh: Warehouse, f: Filters, limit: int = 1500) -> pd.DataFrame:
    """Dated figures (as-of date, else publication), largest first when capped."""
    return _run(
        wh,
        "figures",
        f,
        """
        SELECT row_date AS as_of, value, value_text, category,
               COALESCE(location, 'unspecified') AS location,
               COALESCE(attributed_to, 'unattributed') AS cited_by, outlet, article_id
        FROM rows WHERE row_date IS NOT NULL
        ORDER BY value DESC LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def figure_spread(wh: Warehouse, f: Filters, limit: int = 12) -> pd.DataFrame:
    """Quantities (category and place) cited with different values, each value with who said it."""
    return _run(
        wh,
        "figures",
        f,
        """
        , groups AS (
            SELECT category, location FROM rows WHERE location IS NOT NULL
            GROUP BY ALL HAVING count(DISTINCT value) > 1
            ORDER BY max(value) DESC LIMIT ?)
        SELECT r.category, r.location, r.value, any_value(r.value_text) AS value_text,
               COALESCE(r.attributed_to, 'unattributed') AS cited_by,
               string_agg(DISTINCT r.outlet, ', ') AS outlets,
               max(r.row_date) AS as_of, count(*) AS citations
        FROM rows r JOIN groups g ON g.category = r.category AND g.location = r.location
        GROUP BY ALL ORDER BY r.category, r.location, r.value""",
        [limit],
    )


@st.cache_data(**CACHE)
def figures_table(wh: Warehouse, f: Filters, limit: int = 500) -> pd.DataFrame:
    return _run(
        wh,
        "figures",
        f,
        """
        SELECT row_date AS as_of, category, value_text, value, qualifier, subject, location,
               attributed_to AS cited_by, outlet, title, evidence, article_id
        FROM rows ORDER BY row_date DESC NULLS LAST, value DESC LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def stance_counts(wh: Warehouse, f: Filters, by: str = "country") -> pd.DataFrame:
    """Stances per source, target and polarity; sides are countries or actors."""
    if by == "country":
        sides = (
            "COALESCE(s.name, 'no country') AS source, COALESCE(t.name, 'no country') AS target, "
            "rows.source_country AS source_id, rows.target_country AS target_id"
        )
        joins = (
            "LEFT JOIN actors s ON s.actor_id = rows.source_country "
            "LEFT JOIN actors t ON t.actor_id = rows.target_country"
        )
    elif by == "actor":
        sides = (
            "source_name AS source, target_name AS target, "
            "rows.source_id AS source_id, rows.target_id AS target_id"
        )
        joins = ""
    else:
        raise ValueError(f"stances are counted by country or actor, not {by!r}")
    return _run(
        wh,
        "stances",
        f,
        f"""
        SELECT {sides}, polarity, count(*) AS stances
        FROM rows {joins} GROUP BY ALL ORDER BY stances DESC""",
    )


@st.cache_data(**CACHE)
def stances_over_time(wh: Warehouse, f: Filters) -> pd.DataFrame:
    return _run(
        wh,
        "stances",
        f,
        """
        SELECT date_trunc('month', row_date)::DATE AS month, polarity, count(*) AS stances
        FROM rows WHERE row_date IS NOT NULL GROUP BY ALL ORDER BY month""",
    )


@st.cache_data(**CACHE)
def network_nodes(wh: Warehouse, f: Filters, limit: int = 40) -> pd.DataFrame:
    """The most mentioned actors, plus every actor at either end of a filtered stance."""
    stance_sql, stance_params = _filtered(wh, "stances", f)
    mention_sql, mention_params = _filtered(wh, "mentions", f)
    return _frame(
        wh,
        f"""
        WITH m AS ({mention_sql}),
             s AS ({stance_sql}),
             counted AS (SELECT actor_id, count(*) AS mentions FROM m GROUP BY actor_id),
             top AS (SELECT actor_id FROM counted ORDER BY mentions DESC, actor_id LIMIT ?),
             ends AS (SELECT source_id AS actor_id FROM s UNION SELECT target_id FROM s),
             chosen AS (SELECT actor_id FROM top UNION SELECT actor_id FROM ends)
        SELECT a.actor_id, a.name, a.kind, {COUNTRY_OF.format(a="a")} AS country_id,
               COALESCE(c.name, 'no country') AS country, COALESCE(counted.mentions, 0) AS mentions
        FROM chosen JOIN actors a ON a.actor_id = chosen.actor_id
        LEFT JOIN actors c ON c.actor_id = {COUNTRY_OF.format(a="a")}
        LEFT JOIN counted ON counted.actor_id = a.actor_id
        ORDER BY mentions DESC, a.actor_id""",
        mention_params + stance_params + [limit],
    )


@st.cache_data(**CACHE)
def network_stance_edges(wh: Warehouse, f: Filters) -> pd.DataFrame:
    return _run(
        wh,
        "stances",
        f,
        """
        SELECT source_id, target_id, source_name AS source, target_name AS target, polarity,
               count(*) AS stances, any_value(evidence) AS example
        FROM rows GROUP BY source_id, target_id, source_name, target_name, polarity
        ORDER BY stances DESC""",
    )


@st.cache_data(**CACHE)
def co_mentions(
    wh: Warehouse, f: Filters, actor_ids: tuple[str, ...], minimum: int = 1
) -> pd.DataFrame:
    """Pairs of the given actors mentioned in the same article: how many articles."""
    return _run(
        wh,
        "mentions",
        f,
        """
        , m AS (SELECT DISTINCT article_id, actor_id FROM rows
                WHERE list_contains(?::VARCHAR[], actor_id))
        SELECT a.actor_id AS source_id, b.actor_id AS target_id, count(*) AS articles
        FROM m a JOIN m b ON a.article_id = b.article_id AND a.actor_id < b.actor_id
        GROUP BY ALL HAVING count(*) >= ? ORDER BY articles DESC""",
        [list(actor_ids), minimum],
    )


@st.cache_data(**CACHE)
def actor_statements(
    wh: Warehouse, f: Filters, actor_id: str, limit: int = 50
) -> pd.DataFrame:
    return _run(
        wh,
        "statements",
        f,
        """
        SELECT row_date AS date, quote, is_direct, outlet, title
        FROM rows WHERE speaker_id = ? ORDER BY row_date DESC NULLS LAST LIMIT ?""",
        [actor_id, limit],
    )


def _search_clause(search: str) -> tuple[str, list]:
    if not search.strip():
        return "TRUE", []
    # ILIKE with the analyst's words escaped: % and _ are literal.
    pattern = (
        "%"
        + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        + "%"
    )
    return (
        "(quote ILIKE ? ESCAPE '\\' OR speaker ILIKE ? ESCAPE '\\' "
        "OR speaker_text ILIKE ? ESCAPE '\\')"
    ), [pattern] * 3


@st.cache_data(**CACHE)
def statements_table(
    wh: Warehouse, f: Filters, search: str = "", limit: int = 500
) -> pd.DataFrame:
    """Statements, newest first, with their stance targets and polarities."""
    clause, params = _search_clause(search)
    return _run(
        wh,
        "statements",
        f,
        f"""
        , page AS (SELECT * FROM rows WHERE {clause}
                   ORDER BY row_date DESC NULLS LAST, statement_id LIMIT ?)
        SELECT p.statement_id, p.row_date AS date, p.speaker, c.name AS country, p.quote,
               p.is_direct, string_agg(DISTINCT COALESCE(tg.name, t.target_id), ', ') AS targets,
               string_agg(DISTINCT t.polarity, ', ') AS polarity, p.outlet, p.cue, p.article_id
        FROM page p
        LEFT JOIN actors c ON c.actor_id = p.country_id
        LEFT JOIN stances t ON t.statement_id = p.statement_id
        LEFT JOIN actors tg ON tg.actor_id = t.target_id
        GROUP BY p.statement_id, p.row_date, p.speaker, c.name, p.quote, p.is_direct, p.outlet,
                 p.cue, p.article_id
        ORDER BY date DESC NULLS LAST, p.statement_id""",
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
def statement_context(
    wh: Warehouse, statement_id: str, window: int = 400
) -> dict | None:
    """The text around a statement (its span re-based to the excerpt), and its stances."""
    df = _frame(
        wh,
        """
        SELECT s.char_start, s.char_end, a.body, a.title, a.outlet, a.url, a.published_date
        FROM statements s JOIN articles a ON a.article_id = s.article_id
        WHERE s.statement_id = ?""",
        [statement_id],
    )
    if df.empty:
        return None
    row = df.iloc[0]
    body, start, end = row["body"], int(row["char_start"]), int(row["char_end"])
    lo, hi = max(0, start - window), min(len(body), end + window)
    stances = _frame(
        wh,
        """
        SELECT t.polarity, COALESCE(src.name, t.source_id) AS source,
               COALESCE(tgt.name, t.target_id) AS target, t.evidence, t.char_start, t.char_end
        FROM stances t LEFT JOIN actors src ON src.actor_id = t.source_id
        LEFT JOIN actors tgt ON tgt.actor_id = t.target_id
        WHERE t.statement_id = ?""",
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
        "published_date": row["published_date"],
        "stances": stances,
        "stance_spans": [
            (int(s) - lo, int(e) - lo)
            for s, e in zip(stances["char_start"], stances["char_end"])
            if lo <= int(s) and int(e) <= hi
        ],
    }


@st.cache_data(**CACHE)
def events_table(wh: Warehouse, f: Filters, limit: int = 1000) -> pd.DataFrame:
    return _run(
        wh,
        "events",
        f,
        """
        SELECT rows.event_id, row_date AS date, date_precision, event_type,
               COALESCE(location, 'unspecified') AS location, description,
               (SELECT string_agg(COALESCE(a.name, p), ', ') FROM unnest(participant_ids) AS u(p)
                LEFT JOIN actors a ON a.actor_id = u.p) AS participants,
               outlet, evidence, article_id
        FROM rows ORDER BY row_date DESC, rows.event_id LIMIT ?""",
        [limit],
    )


@st.cache_data(**CACHE)
def articles_table(wh: Warehouse, f: Filters, limit: int = 1000) -> pd.DataFrame:
    """Articles with their metadata and how many rows were extracted from each."""
    return _run(
        wh,
        "articles",
        f,
        """
        , page AS (SELECT * FROM rows ORDER BY row_date DESC NULLS LAST, article_id LIMIT ?)
        SELECT p.article_id, p.published_date, p.title, p.outlet, p.url, p.source_path, p.language,
               (SELECT count(*) FROM mentions x WHERE x.article_id = p.article_id) AS mentions,
               (SELECT count(*) FROM statements x WHERE x.article_id = p.article_id) AS statements,
               (SELECT count(*) FROM stances x WHERE x.article_id = p.article_id) AS stances,
               (SELECT count(*) FROM figures x WHERE x.article_id = p.article_id) AS figures,
               (SELECT count(*) FROM events x WHERE x.article_id = p.article_id) AS events
        FROM page p ORDER BY p.published_date DESC NULLS LAST, p.article_id""",
        [limit],
    )


@st.cache_data(**CACHE)
def article(wh: Warehouse, article_id: str) -> dict | None:
    df = _frame(wh, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    return None if df.empty else df.iloc[0].to_dict()


@st.cache_data(**CACHE)
def article_extractions(wh: Warehouse, article_id: str) -> pd.DataFrame:
    """Every highlighted span of one article: kind, start, end, label."""
    figure_start = (
        "COALESCE(value_start, char_start)"
        if _has(wh, "figures", "value_start")
        else "char_start"
    )
    figure_end = (
        "COALESCE(value_end, char_end)"
        if _has(wh, "figures", "value_end")
        else "char_end"
    )
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
        SELECT 'figure', {figure_start}, {figure_end}, category || ': ' || value_text
        FROM figures WHERE article_id = ?
        UNION ALL
        SELECT 'event', char_start, char_end, event_type || ' on ' || CAST(event_date AS VARCHAR)
        FROM events WHERE article_id = ?
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
def statements_over_time(wh: Warehouse, f: Filters) -> pd.DataFrame:
    """Statements per month and speaker country."""
    return _run(
        wh,
        "statements",
        f,
        """
        SELECT date_trunc('month', row_date)::DATE AS month, rows.country_id, c.name AS country,
               count(*) AS statements
        FROM rows LEFT JOIN actors c ON c.actor_id = rows.country_id
        WHERE row_date IS NOT NULL GROUP BY ALL ORDER BY month""",
    )
