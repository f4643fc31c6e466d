# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""The fast forms of the dashboard's heaviest questions give what the plain forms give, on the
fixture warehouse and on a small synthetic one built as the size benchmark builds its million
statements, under the benchmark's filters and others."""

from datetime import date

import pandas as pd
import pytest
import streamlit as st

from benchmarks.dashboard_queries import build
from briefing import queries as q
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401

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


@pytest.mark.parametrize("question", [q.statements_over_time, q.stances_over_time, q.stance_counts])
def test_large_results_through_arrow_equal_duckdbs_own_conversion(synthetic, fixture_wh, question):
    def plain(wh, f):
        # The same SQL through `.df()`: `_frame` without `many`.
        calls = []
        original = q._frame

        def spy(wh_, sql, params=None, *, many=False):
            calls.append(many)
            return original(wh_, sql, params)

        q._frame = spy
        try:
            return question.__wrapped__(wh, f), calls
        finally:
            q._frame = original

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
