# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""The fast forms of the dashboard's heaviest questions give what the plain forms give, on the
fixture warehouse and on a small synthetic one built as the size benchmark builds its million
statements, under the benchmark's filters and others."""

import shutil
import sys
from dataclasses import replace
from datetime import date

import duckdb
import pandas as pd
import pytest
import streamlit as st

from benchmarks.dashboard_queries import build
from briefing import charts, views
from briefing import queries as q
from briefing.filters import Filters
from etl import derived
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401

SOURCE = "Source: test"
SYNTHETIC_FILTERS = [
    Filters(),
    Filters(
        date_from=date(2016, 1, 1), date_to=date(2016, 12, 31), countries=("country-1", "country-2")
    ),
    Filters(polarities=("critical",), outlets=("Outlet 3",)),
    Filters(actors=("person-1", "country-3"), categories=("refugees",)),
    Filters(date_from=date(2012, 3, 15), high_confidence=True),
    Filters(countries=("country-999",)),  # matches nothing
]
FIXTURE_FILTERS = [
    Filters(),
    Filters(countries=("russia",)),
    Filters(actors=("chrystia-freeland",), polarities=("critical",)),
    Filters(date_from=date(2018, 1, 1)),
    Filters(outlets=("Nowhere",)),
]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "warehouse.duckdb"
    build(path, 3000)
    return q.locate(str(path))


@pytest.fixture(scope="module")
def fixture_wh(fixture_warehouse):
    return q.locate(str(fixture_warehouse))


def _cases(synthetic, fixture_wh):
    return [(synthetic, f) for f in SYNTHETIC_FILTERS] + [(fixture_wh, f) for f in FIXTURE_FILTERS]


@pytest.mark.parametrize(
    "subject", ["statements", "stances", "figures", "events", "articles", "mentions"]
)
def test_provenance_in_one_scan_equals_the_two_plain_queries(synthetic, fixture_wh, subject):
    for wh, f in _cases(synthetic, fixture_wh):
        st.cache_data.clear()
        assert q.provenance(wh, f, subject) == q._provenance_detailed(wh, f, subject), f


def test_co_mentions_from_article_lists_equal_co_mentions_from_mentions(synthetic, fixture_wh):
    for wh, f in _cases(synthetic, fixture_wh):
        st.cache_data.clear()
        actors = tuple(sorted(q.network_nodes(wh, Filters(), 30)["actor_id"]))
        for minimum in (1, 2):
            fast = q.co_mentions(wh, f, actors, minimum)
            plain = q._co_mentions_detailed(wh, f, actors, minimum)
            pd.testing.assert_frame_equal(fast, plain, check_dtype=False)
        if f == Filters():
            assert len(fast) > 0  # the comparison is not between two empty frames


def test_network_nodes_from_article_lists_equal_network_nodes_from_mentions(synthetic, fixture_wh):
    for wh, f in _cases(synthetic, fixture_wh):
        st.cache_data.clear()
        for limit, pairs in ((10, 5), (30, derived.NETWORK_PAIRS), (derived.NETWORK_ACTORS, 300)):
            fast = q.network_nodes(wh, f, limit, pairs)
            plain = q._network_nodes_detailed(wh, f, limit, pairs)
            pd.testing.assert_frame_equal(fast, plain, check_dtype=False)
            if f in (SYNTHETIC_FILTERS[1], SYNTHETIC_FILTERS[2], FIXTURE_FILTERS[1]):
                assert not fast.empty  # the comparison is not between two empty frames


def test_derived_tables_from_before_a_column_was_added_are_rebuilt_in_memory(synthetic):
    older = synthetic.path.replace(".duckdb", "-older.duckdb")
    shutil.copyfile(synthetic.path, older)
    con = duckdb.connect(older)
    for table, added in derived.ADDED_COLUMNS.items():  # as an earlier ETL wrote them
        for column in added:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.close()
    wh = q.locate(older)
    for f in SYNTHETIC_FILTERS[:3]:
        st.cache_data.clear()
        pd.testing.assert_frame_equal(q.network_nodes(wh, f, 30), q.network_nodes(synthetic, f, 30))


@pytest.mark.parametrize(
    ("subject", "key", "column"),
    [
        ("statements", "statement_id", "polarities"),
        ("articles", "article_id", "polarities"),
        ("articles", "article_id", "categories"),
    ],
)
def test_a_list_filter_by_bits_keeps_the_rows_whose_list_holds_a_value(
    synthetic, fixture_wh, subject, key, column
):
    _bits, vocabulary = derived.BITS[column]
    for wh in (synthetic, fixture_wh):
        kept = 0
        for values in ([v] for v in vocabulary):
            for more in ((), (vocabulary[-1],), ("no such value",)):
                w = q._Where()
                q._add_listed(w, column, [*values, *more])
                fast = q._frame(wh, f"SELECT {key} FROM {q.flat(subject)} WHERE {w.sql}", w.params)
                plain = q._frame(
                    wh,
                    f"SELECT {key} FROM {q.flat(subject)} WHERE list_has_any({column}, ?)",
                    [[*values, *more]],
                )
                assert sorted(fast[key]) == sorted(plain[key]), (values, more)
                kept += len(fast)
        assert kept > 0  # the comparison is not between empty selections


EVERY_FILTER = Filters(
    date_from=date(2016, 1, 1),
    date_to=date(2016, 12, 31),
    countries=("country-1",),
    actors=("person-1",),
    outlets=("Outlet 3",),
    polarities=("critical",),
    categories=("refugees",),
    stance_by=("country-2",),
    both_ways=True,
    high_confidence=True,
    reviewed_only=True,
)


@pytest.mark.parametrize("subject", q.SUBJECTS)
def test_the_filters_a_subject_ignores_are_left_out_of_its_questions(subject):
    for f in (EVERY_FILTER, Filters(both_ways=True), Filters(polarities=("critical",))):
        kept = q._for(subject, f)
        assert (q._where(subject, kept).sql, q._where(subject, kept).params) == (
            q._where(subject, f).sql,
            q._where(subject, f).params,
        )
    assert q._for(subject, Filters(both_ways=True)) == Filters()


def test_questions_under_filters_their_subject_ignores_equal_the_detailed_ones(synthetic):
    ignored = Filters(polarities=("critical",), outlets=("Outlet 3",))  # figures ignore polarity
    two = Filters(polarities=("critical", "neutral"), outlets=("Outlet 3", "Outlet 4"))
    for f in (Filters(polarities=("critical",)), Filters(categories=("refugees",)), ignored, two):
        st.cache_data.clear()
        for subject in ("figures", "events", "mentions", "stances"):
            assert q.provenance(synthetic, f, subject) == q._provenance_detailed(
                synthetic, f, subject
            )
        pairs = [
            (q.most_cited_figures(synthetic, f), q._most_cited_figures_detailed(synthetic, f, 10)),
            (q.figures_by_place(synthetic, f), q._figures_by_place_detailed(synthetic, f, 25)),
            (q.stance_counts(synthetic, f), q._stance_counts_detailed(synthetic, f)),
            (q.network_nodes(synthetic, f, 30), q._network_nodes_detailed(synthetic, f, 30)),
            (q.events_table(synthetic, f), q._events_table_detailed(synthetic, f)),
        ]
        for fast, plain in pairs:
            pd.testing.assert_frame_equal(fast, plain, check_dtype=False)


def _query_modules():
    return [
        module
        for name, module in sorted(sys.modules.items())
        if name == "briefing.queries" or name.startswith("briefing.queries.")
    ]


@pytest.mark.parametrize("question", [q._statements_monthly, q._stances_monthly, q.stance_counts])
def test_large_results_through_arrow_equal_duckdbs_own_conversion(synthetic, fixture_wh, question):
    def plain(wh, f):
        # The same SQL through `.df()`: `_frame` without `many`.
        calls = []
        original = q._frame

        def spy(wh_, sql, params=None, *, many=False):
            calls.append(many)
            return original(wh_, sql, params)

        # Every module of the package that calls `_frame` by its own name (the questions' and
        # `where._run`'s) sees the spy.
        modules = [m for m in _query_modules() if getattr(m, "_frame", None) is original]
        for module in modules:
            module._frame = spy
        try:
            return getattr(question, "__wrapped__", question)(wh, f), calls
        finally:
            for module in modules:
                module._frame = original

    for wh, f in _cases(synthetic, fixture_wh):
        st.cache_data.clear()
        fast = question(wh, f)
        slow, calls = plain(wh, f)
        assert calls == [True]  # the fast path was the one replaced
        keys = list(slow.columns)
        pd.testing.assert_frame_equal(
            fast.sort_values(keys).reset_index(drop=True),
            slow.sort_values(keys).reset_index(drop=True),
        )


# The query figures_by_place ran before it listed figure ids only for the bars it keeps.
_FIGURES_BY_PLACE_PLAIN = """
        , placed AS (
            SELECT *, COALESCE('country:' || location_country, lower(place), '') AS place_key
            FROM rows WHERE {charted})
        SELECT measure, COALESCE(currency, '') AS currency, category,
               COALESCE(mode(place), 'unspecified') AS location,
               max(value) AS largest,
               arg_max([value_text, qualifier], value)[1] AS largest_text,
               arg_max([value_text, qualifier], value)[2] AS qualifier,
               count(*) AS figures, count(DISTINCT article_id) AS articles,
               list(figure_id ORDER BY figure_id) AS figure_ids
        FROM placed
        GROUP BY measure, COALESCE(currency, ''), category, place_key
        QUALIFY row_number() OVER (PARTITION BY measure ORDER BY max(value) DESC) <= ?
        ORDER BY largest DESC"""


def test_figures_by_place_lists_ids_of_the_kept_bars_as_the_plain_query_did(synthetic, fixture_wh):
    for wh, f in _cases(synthetic, fixture_wh):
        for limit in (3, 25):
            st.cache_data.clear()
            charted, params = q._charted(f)
            plain = q._run(
                wh, "figures", f, _FIGURES_BY_PLACE_PLAIN.format(charted=charted), params + [limit]
            )
            fast = q.figures_by_place(wh, f, limit)
            keys = ["largest", "measure", "currency", "category", "location"]
            pd.testing.assert_frame_equal(
                fast.sort_values(keys).reset_index(drop=True),
                plain.sort_values(keys).reset_index(drop=True),
            )


AGGREGATE_FILTERS = [
    Filters(),
    Filters(outlets=("Outlet 3", "Outlet 7")),
    Filters(polarities=("critical", "neutral")),
    Filters(polarities=("critical",), outlets=("Outlet 3",)),
    Filters(outlets=("Nowhere",)),
]


def test_stance_balance_from_the_aggregate_equals_counting_the_stances(synthetic, fixture_wh):
    cases = [(synthetic, f) for f in AGGREGATE_FILTERS] + [
        (fixture_wh, f) for f in (*FIXTURE_FILTERS, Filters(polarities=("critical",)))
    ]
    for wh, f in cases:
        st.cache_data.clear()
        fast, plain = q.stance_balance(wh, f), q._stance_balance_detailed(wh, f)
        keys = ["stances", "polarity"]
        pd.testing.assert_frame_equal(
            fast.sort_values(keys).reset_index(drop=True),
            plain.sort_values(keys).reset_index(drop=True),
        )


def test_provenance_by_outlet_reads_the_aggregate_and_equals_the_rows(synthetic):
    for f in AGGREGATE_FILTERS:
        for subject in q.SUBJECTS:
            st.cache_data.clear()
            assert q.provenance(synthetic, f, subject) == q._provenance_detailed(
                synthetic, f, subject
            ), (f, subject)


def test_a_warehouse_written_before_the_aggregates_counts_them_on_opening(tmp_path, synthetic):
    older = tmp_path / "older.duckdb"
    shutil.copyfile(synthetic.path, older)
    con = duckdb.connect(str(older))
    for name in derived.AGGREGATES:
        con.execute(f"DROP TABLE {name}")
    con.close()
    wh = q.locate(str(older))
    for f in AGGREGATE_FILTERS[:2]:
        st.cache_data.clear()
        assert q.provenance(wh, f, "stances") == q._provenance_detailed(wh, f, "stances")
        pd.testing.assert_frame_equal(
            q.stance_balance(wh, f).sort_values("polarity").reset_index(drop=True),
            q.stance_balance(synthetic, f).sort_values("polarity").reset_index(drop=True),
        )
    st.cache_data.clear()
    for question in (q.statements_over_time, q.stances_over_time):
        pd.testing.assert_frame_equal(question(wh, Filters()), question(synthetic, Filters()))
    for (fast, _), (written, _) in zip(_unfiltered_pairs(wh), _unfiltered_pairs(synthetic)):
        pd.testing.assert_frame_equal(fast, written)


# Filters the time series are binned under: the unfiltered bars come from the ETL's aggregates.
SERIES_FILTERS = [*SYNTHETIC_FILTERS, Filters(outlets=("Outlet 3",)), Filters(high_confidence=True)]


def _series_cases(synthetic, fixture_wh, narrow):
    """Warehouses and filters, with bins of every unit: the synthetic data span 13 years
    (years), one year (months) and `narrow`'s six years (quarters)."""
    return (
        [(synthetic, f) for f in SERIES_FILTERS]
        + [(narrow, f) for f in (Filters(), Filters(date_from=date(2012, 6, 1)))]
        + [(fixture_wh, f) for f in FIXTURE_FILTERS]
    )


@pytest.fixture(scope="module")
def narrow(tmp_path_factory, synthetic):
    """The synthetic warehouse without its rows dated after 2016 (six years: quarterly bins)."""
    path = tmp_path_factory.mktemp("narrow") / "warehouse.duckdb"
    shutil.copyfile(synthetic.path, path)
    con = duckdb.connect(str(path))
    for table in ("flat_statements", "flat_stances"):
        con.execute(f"DELETE FROM {table} WHERE row_date >= DATE '2017-01-01'")
    derived.build_aggregates(con)
    con.close()
    return q.locate(str(path))


@pytest.mark.parametrize(
    "question, monthly, chart, caption",
    [
        (
            q.statements_over_time,
            q._statements_monthly,
            lambda df: charts.statements_over_time(df, SOURCE, {"country-1": "#332288"}),
            views.caption_statements_over_time,
        ),
        (
            q.stances_over_time,
            q._stances_monthly,
            lambda df: charts.stances_over_time(df, SOURCE),
            views.caption_stances_over_time,
        ),
    ],
    ids=["statements", "stances"],
)
def test_bars_binned_in_sql_draw_the_chart_the_monthly_rows_drew(
    synthetic, fixture_wh, narrow, question, monthly, chart, caption
):
    units = set()
    for wh, f in _series_cases(synthetic, fixture_wh, narrow):
        st.cache_data.clear()
        binned, rows = question(wh, f), monthly(wh, f)
        assert len(binned) <= len(rows)
        assert chart(binned).to_json() == chart(rows).to_json(), f
        assert caption(binned) == caption(rows), f
        units |= set(binned["unit"])
    assert units == {"month", "quarter", "year"}


def test_statements_over_time_keep_the_top_countries_and_group_the_rest(synthetic):
    bars = q.statements_over_time(synthetic, Filters(), top=3)
    named = set(bars["country"]) - {"other"}
    assert len(named) == 3 and "other" in set(bars["country"])
    assert bars.loc[bars["country"] == "other", "country_id"].isna().all()
    # Every statement is counted once, in its own bin.
    assert bars["statements"].sum() == q.statements_count(synthetic, Filters())
    top = q.statements_over_time(synthetic, Filters())
    assert top["statements"].sum() == bars["statements"].sum()
    assert len(set(top["country"]) - {"other"}) == 8


def test_headline_from_the_provenance_equals_counting_the_rows(synthetic, fixture_wh):
    for wh, f in _cases(synthetic, fixture_wh):
        st.cache_data.clear()
        fast = q.headline(wh, f)
        assert fast == q._headline_detailed(wh, f), f
        if f == Filters():
            assert fast["actors"] > 0 and fast["statements"] > 0


def _unfiltered_pairs(wh):
    """(fast, detailed) frames of every question the ETL answers unfiltered."""
    yield (
        q.most_cited_figures(wh, Filters()),
        q._most_cited_figures_detailed(wh, Filters(), derived.MOST_CITED),
    )
    yield (
        q.figures_by_place(wh, Filters()),
        q._figures_by_place_detailed(wh, Filters(), derived.PLACES_PER_MEASURE),
    )
    yield q.stance_counts(wh, Filters()), q._stance_counts_detailed(wh, Filters())
    yield (
        q.quantity_figures(wh, Filters()),
        q._quantity_figures_detailed(wh, Filters(), derived.QUANTITY_ROWS),
    )
    yield (
        q.figures_over_time(wh, Filters()),
        q._figures_over_time_detailed(wh, Filters(), derived.OVER_TIME_FIGURES),
    )
    for with_statements in (True, False):
        yield (
            q.events_table(wh, Filters(), with_statements=with_statements),
            q._events_table_detailed(wh, Filters(), with_statements=with_statements),
        )
    for size in (10, 30, derived.NETWORK_ACTORS):
        nodes = q.network_nodes(wh, Filters(), size)
        yield nodes, q._network_nodes_detailed(wh, Filters(), size)
        actors = tuple(sorted(nodes["actor_id"]))
        for minimum in (1, 2):
            yield (
                q.co_mentions(wh, Filters(), actors, minimum),
                q._co_mentions_detailed(wh, Filters(), actors, minimum),
            )


def test_unfiltered_answers_written_by_the_etl_equal_the_detailed_queries(synthetic, fixture_wh):
    for wh in (synthetic, fixture_wh):
        st.cache_data.clear()
        for fast, plain in _unfiltered_pairs(wh):
            assert not plain.empty  # the comparison is not between two empty frames
            pd.testing.assert_frame_equal(fast, plain, check_dtype=False)


def _tables(wh, f):
    """The pages' tables of newest rows (etl.derived.NEWEST) under `f`."""
    return {
        "figures": q.figures_table(wh, f),
        "statements": q.statements_table(wh, f, "", 500),
        "articles": q.articles_table(wh, f),
    }


def test_newest_rows_written_by_the_etl_give_the_tables_sorting_every_row_gives(
    synthetic, fixture_wh, monkeypatch
):
    for wh in (synthetic, fixture_wh):
        for f in (
            Filters(),
            Filters(polarities=("critical",)),  # figures ignore polarity
            Filters(outlets=("Outlet 3",)),
            Filters(outlets=("Outlet 3", "Outlet 17", "Nowhere")),
        ):
            if wh is fixture_wh and f.outlets:
                outlets = tuple(q.filter_options(wh).outlets)
                f = Filters(outlets=outlets[:1] if len(f.outlets) == 1 else outlets[1:3])
            st.cache_data.clear()
            fast = _tables(wh, f)
            with monkeypatch.context() as patch:
                for subject, (order, _kept) in derived.NEWEST.items():
                    patch.setitem(derived.NEWEST, subject, (order, 0))  # none kept: every row
                st.cache_data.clear()
                plain = _tables(wh, f)
            for subject in derived.NEWEST:
                assert not plain[subject].empty, subject
                pd.testing.assert_frame_equal(fast[subject], plain[subject])
    # More rows of one outlet than each outlet keeps: two outlets' table holds the newest of
    # both, which are among each one's newest.
    monkeypatch.setitem(derived.NEWEST, "figures", (derived.NEWEST["figures"][0], 30))
    rebuilt = synthetic.path.replace(".duckdb", "-thirty.duckdb")
    shutil.copyfile(synthetic.path, rebuilt)
    con = duckdb.connect(rebuilt)
    derived.build_aggregates(con, only=["agg_newest_figures"])
    con.close()
    two = Filters(outlets=("Outlet 3", "Outlet 17"))
    st.cache_data.clear()
    kept = q.figures_table(q.locate(rebuilt), two, 30)
    assert len(kept) == 30 and set(kept["outlet"]) == {"Outlet 3", "Outlet 17"}
    pd.testing.assert_frame_equal(kept, q.figures_table(synthetic, two, 500).head(30))
    monkeypatch.undo()
    # Fewer rows than a table shows: the newest of them, in the same order.
    st.cache_data.clear()
    assert len(q.figures_table(synthetic, Filters(), 7)) == 7
    pd.testing.assert_frame_equal(
        q.figures_table(synthetic, Filters(), 7), q.figures_table(synthetic, Filters()).head(7)
    )


def test_provenance_of_every_subject_at_once_equals_each_subjects_own(synthetic, fixture_wh):
    for wh in (synthetic, fixture_wh):
        for f in (Filters(), Filters(outlets=("Outlet 3",)), Filters(outlets=("Nowhere",))):
            st.cache_data.clear()
            for subject in q.SUBJECTS:
                assert q.provenance(wh, f, subject) == q._provenance_detailed(wh, f, subject), (
                    f,
                    subject,
                )


def test_unfiltered_answers_come_from_the_aggregates(synthetic):
    # Emptied aggregates: a question that still answers read the rows, not the aggregate.
    emptied = synthetic.path.replace(".duckdb", "-emptied.duckdb")
    shutil.copyfile(synthetic.path, emptied)
    con = duckdb.connect(emptied)
    for name in (
        "agg_most_cited_figures",
        "agg_figures_by_place",
        "agg_stance_counts",
        "agg_quantity_figures",
        "agg_figures_over_time",
        "agg_events_shown",
        "agg_stance_provenance",
        *(f"agg_newest_{subject}" for subject in derived.NEWEST),
    ):
        con.execute(f"DELETE FROM {name}")
    con.execute("DELETE FROM agg_co_mentions")
    con.close()
    wh = q.locate(emptied)
    st.cache_data.clear()
    assert q.most_cited_figures(wh, Filters()).empty
    assert q.figures_by_place(wh, Filters()).empty
    assert q.stance_counts(wh, Filters()).empty
    assert q.quantity_figures(wh, Filters()).empty
    assert q.figures_over_time(wh, Filters()).empty
    assert q.events_table(wh, Filters()).empty
    assert all(table.empty for table in _tables(wh, Filters()).values())
    assert q.provenance(wh, Filters(polarities=("critical",)), "stances").rows == 0
    # A question under filters its subject ignores is the unfiltered one.
    assert q.events_table(wh, Filters(polarities=("critical",))).empty
    actors = tuple(sorted(q.network_nodes(wh, Filters(), 30)["actor_id"]))
    assert q.co_mentions(wh, Filters(), actors).empty
    # Other parameters than the ETL's, or filters, read the rows.
    assert not q.most_cited_figures(wh, Filters(), 5).empty
    assert not q.figures_by_place(wh, Filters(), 3).empty
    assert not q.stance_counts(wh, Filters(), "actor").empty
    assert not q.quantity_figures(wh, Filters(), 100).empty
    assert not q.figures_over_time(wh, Filters(), 100).empty
    assert not q.events_table(wh, Filters(), 100).empty
    assert not q.figures_table(wh, Filters(), derived.NEWEST["figures"][1] + 1).empty
    assert not q.statements_table(wh, Filters(), "Quote", 500).empty  # a search reads every row
    assert all(table.empty for table in _tables(wh, Filters(outlets=("Outlet 3",))).values())
    later = Filters(date_from=date(2012, 1, 1))  # any filter but outlets reads the rows
    assert not any(table.empty for table in _tables(wh, later).values())
    two = Filters(polarities=("critical", "neutral"))  # articles would not add up
    assert q.provenance(wh, two, "stances").rows > 0
    assert not q.co_mentions(wh, Filters(outlets=("Outlet 3",)), actors).empty


def test_co_mentions_of_actors_beyond_the_network_read_the_rows(synthetic):
    st.cache_data.clear()
    outside = tuple(
        sorted(
            set(q.network_nodes(synthetic, Filters(), 200)["actor_id"])
            - q._network_actors(synthetic)
        )
    )
    assert outside
    actors = tuple(sorted(q.network_nodes(synthetic, Filters(), 10)["actor_id"])) + outside[:20]
    fast = q.co_mentions(synthetic, Filters(), actors)
    plain = q._co_mentions_detailed(synthetic, Filters(), actors)
    assert set(fast["source_id"]) & set(outside) or set(fast["target_id"]) & set(outside)
    pd.testing.assert_frame_equal(fast, plain, check_dtype=False)


# The query comparable_figures ran before it was read from quantity_figures' rows.
_COMPARABLE_PLAIN = """
        SELECT figure_id, article_id, value, value_text, qualifier, category, subject,
               place, location_country, measure, COALESCE(currency, '') AS currency,
               COALESCE(attributed_to, ?) AS cited_by, outlet,
               row_date AS as_of, row_precision AS precision, date_label AS as_of_label
        FROM rows
        WHERE place IS NOT NULL AND row_date IS NOT NULL AND category <> 'other' AND {charted}
        ORDER BY row_date DESC, figure_id LIMIT ?"""


def test_comparable_figures_from_the_quantity_rows_equal_their_own_query(synthetic, fixture_wh):
    compared = 0
    for wh, f in _cases(synthetic, fixture_wh):
        for limit in (7, 5000):
            st.cache_data.clear()
            charted, params = q._charted(f)
            plain = q._run(
                wh,
                "figures",
                f,
                _COMPARABLE_PLAIN.format(charted=charted),
                [q.NOT_STATED] + params + [limit],
            )
            fast = q.comparable_figures(wh, f, limit)
            assert list(fast.columns) == list(plain.columns)
            if plain.empty:
                assert fast.empty
                continue
            pd.testing.assert_frame_equal(fast, plain)
            compared += 1
    assert compared > 4


def test_queries_from_many_threads_at_once_each_get_a_cursor_of_their_own(synthetic):
    from concurrent.futures import ThreadPoolExecutor

    q.columns(synthetic)
    expected = {
        subject: q._provenance_detailed(synthetic, Filters(), subject) for subject in q.SUBJECTS
    }
    jobs = [s for s in q.SUBJECTS for _ in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(lambda s: q._provenance_detailed(synthetic, Filters(), s), jobs))
    assert found == [expected[s] for s in jobs]
    # A failing query's cursor is closed, not lent again; the next query works.
    with pytest.raises(duckdb.Error):
        q._frame(synthetic, "SELECT * FROM no_such_table")
    assert q._frame(synthetic, "SELECT count(*) AS n FROM articles")["n"].iloc[0] > 0


# The query events_table ran before it picked each group's row by a grouping.
_EVENTS_PLAIN = """
        SELECT event_id, row_date AS date, date_label, row_precision AS date_precision,
               event_type, COALESCE(location, 'unspecified') AS location, description,
               participants, outlet, evidence, {confidence} AS confidence,
               review_status AS status, article_id
        FROM rows {kinds}
        QUALIFY row_number() OVER (
            PARTITION BY article_id, char_start, char_end, event_type, row_date, row_precision,
                         location
            ORDER BY len(COALESCE(participant_ids, [])) DESC, event_id) = 1
        ORDER BY row_date DESC NULLS LAST, event_id LIMIT ?"""


def test_events_table_by_grouping_equals_numbering_each_groups_rows(synthetic, fixture_wh):
    compared = 0
    for wh, f in _cases(synthetic, fixture_wh):
        for with_statements in (True, False):
            for limit in (5, 1000):
                st.cache_data.clear()
                kinds = "" if with_statements else "WHERE event_type <> 'statement'"
                sql = _EVENTS_PLAIN.format(confidence=q.confidence_label(), kinds=kinds)
                plain = q._run(wh, "events", f, sql, [limit])
                fast = q.events_table(wh, f, limit, with_statements)
                if plain.empty:
                    assert fast.empty
                    continue
                pd.testing.assert_frame_equal(fast, plain)
                compared += 1
    assert compared > 10


def test_figure_spread_in_plain_python_equals_the_pandas_groupings(synthetic, fixture_wh):
    # The fast path of "Which number to brief?" gives the reference's rows, values and types
    # under every filter, for the page's arguments and for smaller cuts of its quantities.
    from briefing import quantities

    compared = 0
    for wh, f in _cases(synthetic, fixture_wh):
        st.cache_data.clear()
        rows = q.comparable_figures(wh, f)
        for limit, values in ((12, 8), (3, 2), (50, 30)):
            fast = quantities.compared(rows, limit=limit, values=values)
            plain = quantities._compared_by_frames(rows, limit=limit, values=values)
            assert list(fast.columns) == list(plain.columns)
            if plain.empty:
                assert fast.empty
                continue
            pd.testing.assert_frame_equal(fast, plain)
            compared += 1
    assert compared >= 3  # the unfiltered synthetic spread, cut three ways
    # Rows without a place or of an uncomparable category, missing values and sources, and
    # columns named as older frames name them (location, row_date) take the same way.
    rows = q.comparable_figures(synthetic, Filters())
    odd = rows.head(400).copy()
    odd.loc[odd.index[::11], "place"] = None
    odd.loc[odd.index[::13], "category"] = "other"
    odd.loc[odd.index[::5], "qualifier"] = "about"
    odd.loc[odd.index[::17], "value"] = float("nan")
    odd = pd.concat([odd, odd.head(60).assign(cited_by=None, outlet=None)], ignore_index=True)
    renamed = odd.rename(columns={"place": "location", "as_of": "row_date"})
    bare = odd.drop(columns=["measure", "currency", "subject"])
    for frame in (odd, renamed, bare):
        fast = quantities.compared(frame, limit=40, values=5)
        plain = quantities._compared_by_frames(frame, limit=40, values=5)
        assert not plain.empty
        # (a column the reference fills with one default comes back as pandas' str type)
        pd.testing.assert_frame_equal(fast, plain, check_dtype=frame is not bare)


def _outlet_charts(wh, f):
    """The figure charts' questions under `f`: from the ETL's per-outlet rows when `f` is
    outlets only, and the detailed queries over every row."""
    return [
        (
            q.figures_by_place(wh, f),
            q._figures_by_place_detailed(wh, f, derived.PLACES_PER_MEASURE),
        ),
        (q.figures_by_place(wh, f, 3), q._figures_by_place_detailed(wh, f, 3)),
        (q.quantity_figures(wh, f), q._quantity_figures_detailed(wh, f, derived.QUANTITY_ROWS)),
        (
            q.figures_over_time(wh, f),
            q._figures_over_time_detailed(wh, f, derived.OVER_TIME_FIGURES),
        ),
        (q.figures_over_time(wh, f, 40), q._figures_over_time_detailed(wh, f, 40)),
    ]


def test_figure_charts_by_outlet_from_the_per_outlet_tables_equal_the_detailed_queries(
    synthetic, fixture_wh
):
    for wh in (synthetic, fixture_wh):
        outlets = tuple(q.filter_options(wh).outlets)
        for f in (
            Filters(outlets=outlets[:1]),
            Filters(outlets=(*outlets[1:3], "Nowhere"), polarities=("critical",)),
            Filters(outlets=outlets),
        ):
            st.cache_data.clear()
            for fast, plain in _outlet_charts(wh, f):
                # Not two empty frames (the fixture's outlets cite figures in a few only).
                assert not plain.empty or (wh is fixture_wh and f.outlets != outlets), f
                pd.testing.assert_frame_equal(fast, plain, check_dtype=False)


def test_figure_charts_by_outlet_read_the_per_outlet_tables(synthetic, monkeypatch):
    # Fewer rows kept of each outlet (5) than the charts show of two outlets: the first rows of
    # both are still among each one's first.
    for name, (tail, order, _kept) in list(derived.OUTLET_TOP.items()):
        monkeypatch.setitem(derived.OUTLET_TOP, name, (tail, order, 5))
    rebuilt = synthetic.path.replace(".duckdb", "-outlet-five.duckdb")
    shutil.copyfile(synthetic.path, rebuilt)
    con = duckdb.connect(rebuilt)
    derived.build_aggregates(con, only=list(derived.OUTLET_TOP))
    assert con.execute(
        "SELECT max(n) FROM (SELECT count(*) AS n FROM agg_outlet_quantity_figures GROUP BY outlet)"
    ).fetchone() == (5,)
    con.close()
    wh, two = q.locate(rebuilt), Filters(outlets=("Outlet 3", "Outlet 17"))
    st.cache_data.clear()
    fast = q.quantity_figures(wh, two, 5)
    assert len(fast) == 5 and set(fast["outlet"]) == {"Outlet 3", "Outlet 17"}
    pd.testing.assert_frame_equal(fast, q._quantity_figures_detailed(wh, two, 5))
    pd.testing.assert_frame_equal(
        q.figures_over_time(wh, two, 5), q._figures_over_time_detailed(wh, two, 5)
    )
    # More than each outlet keeps: every row is read.
    pd.testing.assert_frame_equal(
        q.quantity_figures(wh, two, 6), q._quantity_figures_detailed(wh, two, 6)
    )
    monkeypatch.undo()
    # Emptied per-outlet tables: questions by outlet read them, any other filter the rows.
    emptied = synthetic.path.replace(".duckdb", "-outlet-emptied.duckdb")
    shutil.copyfile(synthetic.path, emptied)
    con = duckdb.connect(emptied)
    for name in (*derived.OUTLET_TOP, "agg_outlet_figures_by_place"):
        con.execute(f"DELETE FROM {name}")
    con.close()
    wh, one = q.locate(emptied), Filters(outlets=("Outlet 3",))
    st.cache_data.clear()
    assert q.figures_by_place(wh, one).empty
    assert q.quantity_figures(wh, one).empty
    assert q.figures_over_time(wh, one).empty
    later = replace(one, date_from=date(2012, 1, 1))
    assert not q.figures_by_place(wh, later).empty
    assert not q.quantity_figures(wh, later).empty
    assert not q.figures_over_time(wh, later).empty
