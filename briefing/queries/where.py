"""Filters as SQL: one WHERE clause per subject, the same on every page, values always parameters.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from briefing.filters import HIGH_CONFIDENCE, Filters
from briefing.queries.connection import Warehouse, _frame, flat
from etl import derived

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


def newest_first(subject: str) -> str:
    """The ORDER BY of a page's table of `subject` (etl.derived.NEWEST)."""
    return derived.NEWEST[subject][0]


def _run_newest(
    wh: Warehouse, subject: str, f: Filters, tail: str, params: list, limit: int, *, narrowed: bool
) -> pd.DataFrame:
    """`_run` for a page's table: `tail` lists rows in `newest_first(subject)` order, at most
    `limit`. Unfiltered or by outlet only (and not `narrowed` by anything else in `tail`), over
    the ETL's first rows of that order of each outlet (agg_newest_<subject>), which hold every
    row the table can show, instead of sorting every row."""
    if not narrowed and limit <= derived.NEWEST[subject][1] and _only(_for(subject, f), "outlets"):
        outlets, outlet_params = _outlets_in(f)
        return _frame(
            wh,
            f"""WITH rows AS (SELECT * FROM memory.main.agg_newest_{subject} WHERE {outlets})
            {tail}""",
            outlet_params + params,
        )
    return _run(wh, subject, f, tail, params)


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
