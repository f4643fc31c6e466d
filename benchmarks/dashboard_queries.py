"""Dashboard query times on a synthetic warehouse of one million statements.

    python -m benchmarks.dashboard_queries [--statements 1000000] [--db /tmp/bench.duckdb]

Builds the warehouse once (with matching stances, figures, events, mentions and articles, all
generated inside DuckDB, and the derived tables the ETL writes beside them), then prints what a
first visit costs (opening the warehouse) and each page's total query time, uncached, under no
filters and under typical briefing filters, as wall time and as this process's CPU time (which
a busy machine distorts less). Aim: every page under 150 ms.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from datetime import date
from pathlib import Path

import duckdb

from etl import derived
from tests.dashboard_fixtures import create_schema


def build(path: Path, statements: int) -> float:
    """Write the synthetic warehouse; returns the seconds its derived tables took (the ETL's
    share of a write, paid once per write instead of on a first visit)."""
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    create_schema(con)
    n_articles, n_countries, n_people = statements // 10, 60, 3000
    con.execute("SELECT setseed(0.42)")
    con.execute(
        """INSERT INTO actors SELECT 'country-' || i, 'Country ' || i, 'country', NULL, []
                   FROM range(?) t(i)""",
        [n_countries],
    )
    con.execute(
        """INSERT INTO actors SELECT 'person-' || i, 'Person ' || i,
                   CASE WHEN i % 5 = 0 THEN 'organization' ELSE 'person' END,
                   CASE WHEN i % 7 = 0 THEN NULL ELSE 'country-' || (i % ?) END, []
                   FROM range(?) t(i)""",
        [n_countries, n_people],
    )
    con.execute(
        """INSERT INTO articles SELECT 'a' || i, 'raw/' || i || '.txt', 'Title ' || i,
                   'Outlet ' || (i % 40), 'https://example.org/' || i,
                   DATE '2011-01-01' + CAST(floor(random() * 5000) AS INTEGER), 'en',
                   repeat('Lorem ipsum dolor sit amet. ', 40), 'sha' || i, now()::TIMESTAMP, 'day'
                   FROM range(?) t(i)""",
        [n_articles],
    )
    con.execute(
        """INSERT INTO mentions SELECT 'a' || (i % ?),
                   CASE WHEN i % 3 = 0 THEN 'country-' || CAST(floor(random() * ?) AS INTEGER)
                        ELSE 'person-' || CAST(floor(pow(random(), 2) * ?) AS INTEGER) END,
                   (i % 20) * 40, (i % 20) * 40 + 10, 'name' FROM range(?) t(i)""",
        [n_articles, n_countries, n_people, statements * 3],
    )
    con.execute(
        """INSERT INTO statements SELECT 's' || i, 'a' || (i % ?),
                   'person-' || CAST(floor(pow(random(), 2) * ?) AS INTEGER), 'Speaker', 'Quote number ' || i,
                   i % 2 = 0, NULL, 10, 200, 'day', 'said' FROM range(?) t(i)""",
        [n_articles, n_people, statements],
    )
    con.execute("""UPDATE statements SET statement_date = a.published_date FROM articles a
                   WHERE a.article_id = statements.article_id""")
    con.execute(
        """INSERT INTO stances SELECT 't' || i, 'a' || (i % ?), 's' || i,
                   'person-' || CAST(floor(pow(random(), 2) * ?) AS INTEGER),
                   'country-' || CAST(floor(random() * ?) AS INTEGER),
                   ['critical', 'supportive', 'neutral'][1 + CAST(floor(random() * 3) AS INTEGER)],
                   'evidence', 10, 200, 'cue' FROM range(?) t(i)""",
        [n_articles, n_people, n_countries, statements],
    )
    con.execute(
        """INSERT INTO figures SELECT 'f' || i, 'a' || (i % ?), round(random() * 6e6),
                   'some number', ['refugees', 'displaced', 'killed', 'civilians'][1 + i % 4], 'people',
                   'Country ' || (i % ?), CASE WHEN i % 3 = 0 THEN NULL ELSE 'person-' || (i % ?) END,
                   DATE '2011-01-01' + CAST(floor(random() * 5000) AS INTEGER), 'evidence', 10, 200,
                   10, 20, 'day', NULL FROM range(?) t(i)""",
        [n_articles, n_countries, n_people, statements // 5],
    )
    con.execute(
        """INSERT INTO events SELECT 'e' || i, 'a' || (i % ?),
                   DATE '2011-01-01' + CAST(floor(random() * 5000) AS INTEGER), 'day',
                   ['summit', 'meeting', 'attack', 'ceasefire'][1 + i % 4], 'description',
                   'City ' || (i % 200), ['country-' || (i % ?), 'person-' || (i % ?)],
                   'evidence', 10, 200 FROM range(?) t(i)""",
        [n_articles, n_countries, n_people, statements // 10],
    )
    present: dict[str, list[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
    ).fetchall():
        present.setdefault(table, []).append(column)
    started = time.perf_counter()
    derived.build(con, present=present)
    seconds = time.perf_counter() - started
    con.close()
    os.replace(tmp, path)
    return seconds


def page_queries(q, wh, f):
    """The queries each page runs (as in pages/*.py), keyed by page."""
    top = tuple(sorted(q.network_nodes(wh, f, 30)["actor_id"]))
    return {
        "overview": lambda: (
            q.headline(wh, f),
            q.latest_statements(wh, f),
            q.stance_balance(wh, f),
            q.statements_over_time(wh, f),
            q.most_cited_figures(wh, f),
            q.provenance(wh, f, "stances"),
            q.provenance(wh, f, "statements"),
            q.provenance(wh, f, "figures"),
        ),
        "figures": lambda: (
            q.figures_table(wh, f),
            q.figure_spread(wh, f),
            q.figures_by_place(wh, f),
            q.figures_over_time(wh, f),
            q.provenance(wh, f, "figures"),
        ),
        "stances": lambda: (
            q.stance_counts(wh, f, "country"),
            q.stances_over_time(wh, f),
            q.provenance(wh, f, "stances"),
        ),
        "network": lambda: (
            q.network_nodes(wh, f, 30),
            q.network_stance_edges(wh, f, top),
            q.co_mentions(wh, f, top),
            q.provenance(wh, f, "stances"),
        ),
        "statements": lambda: (
            q.statements_count(wh, f, ""),
            q.statements_table(wh, f, "", 500),
            q.provenance(wh, f, "statements"),
        ),
        "events": lambda: (q.events_table(wh, f), q.provenance(wh, f, "events")),
        "sources": lambda: (
            q.articles_table(wh, f),
            q.provenance(wh, f, "articles"),
            q.rejected(wh),
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/briefing-bench.duckdb"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs per cell (the best counts)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # Streamlit's "no runtime" notices

    import streamlit as st

    from briefing import queries as q
    from briefing.filters import Filters

    if args.rebuild or not args.db.exists():
        started = time.perf_counter()
        flat_seconds = build(args.db, args.statements)
        print(
            f"built {args.db} with {args.statements:,} statements in "
            f"{time.perf_counter() - started:.1f} s, of which {flat_seconds:.1f} s for the "
            "derived tables (the ETL's share, once per write)"
        )
    wh = q.locate(str(args.db))
    started = time.perf_counter()
    q.columns(wh)  # opens the warehouse: its derived tables are already there
    print(f"first visit: warehouse opened in {(time.perf_counter() - started) * 1000:.0f} ms")
    q.filter_options(wh)
    scenarios = {
        "no filters": Filters(),
        "one year, two countries": Filters(
            date_from=date(2016, 1, 1),
            date_to=date(2016, 12, 31),
            countries=("country-1", "country-2"),
        ),
        "critical, one outlet": Filters(polarities=("critical",), outlets=("Outlet 3",)),
    }
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; each cell: wall ms / "
        f"this process's CPU ms (DuckDB's threads included), the best of {args.repeat}"
    )
    print(f"{'page':<12}" + "".join(f"{name:>26}" for name in scenarios))
    for page in page_queries(q, wh, Filters()):
        timings = []
        for f in scenarios.values():
            best_wall = best_cpu = float("inf")
            for _ in range(args.repeat):
                st.cache_data.clear()
                q.columns(wh)
                runs = page_queries(q, wh, f)
                started, cpu = time.perf_counter(), time.process_time()
                runs[page]()
                best_wall = min(best_wall, time.perf_counter() - started)
                best_cpu = min(best_cpu, time.process_time() - cpu)
            timings.append(f"{best_wall * 1000:.0f} / {best_cpu * 1000:.0f} ms")
        print(f"{page:<12}" + "".join(f"{cell:>26}" for cell in timings), flush=True)


if __name__ == "__main__":
    main()
