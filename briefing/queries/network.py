"""Questions of the Actor network page: nodes, stance edges, co-mentions.

Part of `briefing.queries` (see its docstring for how filters apply)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from briefing.filters import Filters
from briefing.queries.connection import CACHE, Warehouse, _frame, flat
from briefing.queries.stances import NO_COUNTRY
from briefing.queries.where import _filtered, _for, _run, _where
from etl import derived


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
