"""Questions of the Overview page and of every page's header: filter options, provenance, headline counts, latest statements, stance balance.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from briefing.filters import FilterOptions, Filters
from briefing.queries.connection import (
    CACHE,
    COUNTRY_KINDS,
    SUBJECTS,
    Provenance,
    Warehouse,
    _frame,
    _values,
    flat,
)
from briefing.queries.where import (
    IN,
    _filtered,
    _for,
    _only,
    _outlets_in,
    _run,
    _where,
    confidence_label,
)

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


@st.cache_data(**CACHE)
def provenance(wh: Warehouse, f: Filters, subject: str) -> Provenance:
    """How many rows and articles a page's subject covers under the filters, over which dates."""
    if subject not in SUBJECTS:
        raise ValueError(f"unknown subject {subject!r}")
    kept = _for(subject, f)
    if _only(kept, "outlets"):
        # Unfiltered or by outlet only: the ETL's per-outlet counts (etl.derived.AGGREGATES),
        # every subject's in one query (the Overview asks for five subjects at once).
        return _provenance_by_outlet(wh, f.outlets).get(subject, Provenance(0, 0, None, None))
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
    # Read in plain Python (as _provenance_by_outlet): a DataFrame of the few outlets cost
    # about as much as the scan.
    rows, params = _filtered(wh, subject, f)
    columns = _values(
        wh,
        f"""WITH rows AS ({rows})
        SELECT outlet, count(*) AS n, count(DISTINCT article_id) AS a, {span} FROM rows
        GROUP BY outlet ORDER BY a DESC, outlet NULLS LAST""",
        params,
    )
    if not columns["n"]:
        return Provenance(0, 0, None, None)
    return _provenance_of_rows(columns, list(range(len(columns["n"]))))


@st.cache_data(**CACHE)
def _provenance_by_outlet(wh: Warehouse, outlets: tuple[str, ...]) -> dict[str, Provenance]:
    """Subject -> its Provenance from the ETL's per-outlet counts (agg_provenance) under the
    outlet filter (`outlets`; none: every outlet), every subject in one query; a subject
    without rows is not listed."""
    where, params = _outlets_in(Filters(outlets=outlets))
    # In plain Python over the few rows (as provenance_of, which costs more a subject).
    columns = _values(
        wh,
        f"""SELECT subject, outlet, n, a, first, last, first_label, last_label
        FROM memory.main.agg_provenance WHERE {where}
        ORDER BY subject, a DESC, outlet NULLS LAST""",
        params,
    )
    parts: dict[str, list[int]] = {}
    for i, subject in enumerate(columns["subject"]):
        parts.setdefault(str(subject), []).append(i)
    return {subject: _provenance_of_rows(columns, kept) for subject, kept in parts.items()}


def _provenance_of_rows(columns: dict[str, list], kept: list[int]) -> Provenance:
    """`provenance_of` the rows `kept` (in order) of per-outlet columns."""

    def bound(name: str, pick) -> tuple[date | None, str | None]:
        days = [(i, columns[name][i]) for i in kept if not pd.isna(columns[name][i])]
        if not days:
            return None, None
        day = pick(d for _, d in days)
        first_row = next(i for i, d in days if d == day)
        return _day(day), _text(columns[f"{name}_label"][first_row])

    first, first_label = bound("first", min)
    last, last_label = bound("last", max)
    return Provenance(
        int(sum(columns["n"][i] for i in kept)),
        int(sum(columns["a"][i] for i in kept)),
        first,
        last,
        first_label,
        last_label,
        tuple(columns["outlet"][i] for i in kept if not pd.isna(columns["outlet"][i])),
    )


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
        _values(
            wh,
            f"""SELECT count(DISTINCT actor_id) AS n FROM (
                SELECT unnest(actor_ids) AS actor_id FROM {flat("articles")} WHERE {where.sql})""",
            where.params,
        )["n"][0]
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
