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
    """The queries each page runs (as in pages/*.py and briefing/views.py), keyed by page:
    each a list of (name, call)."""
    from briefing import reconcile

    top = tuple(sorted(q.network_nodes(wh, f, 30)["actor_id"]))
    return {
        "overview": [
            ("headline", lambda: q.headline(wh, f)),
            ("latest_statements", lambda: q.latest_statements(wh, f)),
            ("stance_balance", lambda: q.stance_balance(wh, f)),
            ("statements_over_time", lambda: q.statements_over_time(wh, f)),
            ("most_cited_figures", lambda: q.most_cited_figures(wh, f)),
            ("provenance stances", lambda: q.provenance(wh, f, "stances")),
            ("provenance statements", lambda: q.provenance(wh, f, "statements")),
            ("provenance figures", lambda: q.provenance(wh, f, "figures")),
        ],
        "figures": [
            ("figures_table", lambda: q.figures_table(wh, f)),
            ("figure_spread", lambda: q.figure_spread(wh, f)),
            ("figures_by_place", lambda: q.figures_by_place(wh, f)),
            ("figures_over_time", lambda: q.figures_over_time(wh, f)),
            ("quantity_figures", lambda: reconcile.quantity_figures(wh, f)),
            ("provenance figures", lambda: q.provenance(wh, f, "figures")),
        ],
        "stances": [
            ("stance_counts", lambda: q.stance_counts(wh, f, "country")),
            ("stances_over_time", lambda: q.stances_over_time(wh, f)),
            ("provenance stances", lambda: q.provenance(wh, f, "stances")),
        ],
        "network": [
            ("network_nodes", lambda: q.network_nodes(wh, f, 30)),
            ("network_stance_edges", lambda: q.network_stance_edges(wh, f, top)),
            ("co_mentions", lambda: q.co_mentions(wh, f, top)),
            ("provenance stances", lambda: q.provenance(wh, f, "stances")),
        ],
        "statements": [
            ("statements_count", lambda: q.statements_count(wh, f, "")),
            ("statements_table", lambda: q.statements_table(wh, f, "", 500)),
            ("provenance statements", lambda: q.provenance(wh, f, "statements")),
        ],
        "events": [
            ("events_table", lambda: q.events_table(wh, f)),
            ("provenance events", lambda: q.provenance(wh, f, "events")),
        ],
        "sources": [
            ("articles_table", lambda: q.articles_table(wh, f)),
            ("provenance articles", lambda: q.provenance(wh, f, "articles")),
            ("rejected", lambda: q.rejected(wh)),
        ],
    }


def _timed(st, q, wh, calls, repeat: int) -> tuple[float, float]:
    """(wall, CPU) seconds of running `calls` uncached, the best of `repeat`."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        st.cache_data.clear()
        q.columns(wh)
        started, cpu = time.perf_counter(), time.process_time()
        for _name, call in calls:
            call()
        best_wall = min(best_wall, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/briefing-bench.duckdb"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs per cell (the best counts)")
    parser.add_argument(
        "--detail", action="store_true", help="also each query's CPU ms, alone and uncached"
    )
    parser.add_argument("--pages", help="comma-separated pages to time (default: every page)")
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
    pages = {name: page_queries(q, wh, f) for name, f in scenarios.items()}
    for page in pages["no filters"]:
        if args.pages and page not in args.pages.split(","):
            continue
        cells, details = [], []
        for name in scenarios:
            calls = pages[name][page]
            wall, cpu = _timed(st, q, wh, calls, args.repeat)
            cells.append(f"{wall * 1000:.0f} / {cpu * 1000:.0f} ms")
            if args.detail:
                details.append([_timed(st, q, wh, [call], args.repeat)[1] for call in calls])
        print(f"{page:<12}" + "".join(f"{cell:>26}" for cell in cells), flush=True)
        for i, (query, _call) in enumerate(pages["no filters"][page] if args.detail else []):
            print(
                f"  {query:<22}" + "".join(f"{cpu[i] * 1000:>24.0f} ms" for cpu in details),
                flush=True,
            )


if __name__ == "__main__":
    main()
