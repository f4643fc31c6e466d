"""What a run costs as the warehouse grows: a full build, an unchanged re-run, and an append.

    python -m benchmarks.bench_writes [--articles 400] [--add 40] [--dir /tmp/bench-writes]
    python -m benchmarks.bench_writes --synthetic 1000000 [--add 1000]

Writes a corpus of N articles (the shipped and development articles, each copy edited so
that it is no duplicate), builds a warehouse from it, re-runs over the unchanged folder, then
adds M more articles and runs again. Prints each run's time and its share of the full build.
Aims (issue 13): the unchanged re-run at most 1/10 of the full build, the append at most 1/4.

With `--synthetic S`, the writer alone at size: a warehouse of S statements and S/10 articles
generated inside DuckDB (as benchmarks/dashboard_queries.py does), then the time to read its
index and to write M more articles into it (`load.update_warehouse`), against the time the
analysis of M articles takes (measured on the corpus above, or given with --analysis-rate).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import time
from datetime import datetime
from pathlib import Path

from etl.run import run_etl

ROOT = Path(__file__).resolve().parent.parent
SEED_DIRS = (ROOT / "data" / "raw", ROOT / "tests" / "real_dev" / "articles")


def seed_texts() -> list[tuple[str, str]]:
    """(name, text) of every plain-text seed article, sorted."""
    seeds = []
    for folder in SEED_DIRS:
        for path in sorted(folder.glob("*.txt")):
            seeds.append((path.name, path.read_text(encoding="utf-8")))
    return seeds


def write_articles(folder: Path, first: int, count: int) -> None:
    """Articles first..first+count-1: seeds in turn, each with a sentence naming its number."""
    seeds = seed_texts()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        name, text = seeds[n % len(seeds)]
        middle = text.find(". ", len(text) // 2) + 1 or len(text)
        edited = f"{text[:middle]} Officials repeated this on day {n + 1}.{text[middle:]}"
        (folder / f"{n:06d}_{name}").write_text(edited, encoding="utf-8")


def timed(input_dir: Path, db: Path) -> tuple[float, object]:
    started = time.perf_counter()
    summary = run_etl(input_dir, db)
    return time.perf_counter() - started, summary


def synthetic_warehouse(path: Path, statements: int) -> float:
    """An ETL warehouse of `statements` statements and a tenth as many articles (rows generated
    inside DuckDB); returns the seconds it took."""
    import duckdb

    from benchmarks.dashboard_queries import build
    from etl import derived, load

    started = time.perf_counter()
    rows = path.with_name(path.name + ".rows")
    build(rows, statements)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        load.ensure_schema(con)
        con.execute("ATTACH ? AS src (READ_ONLY)", [str(rows)])
        for table in (
            "articles",
            "actors",
            "mentions",
            "statements",
            "stances",
            "figures",
            "events",
        ):
            extra = {
                "actors": ", 'gazetteer' AS source",
                "statements": ", 'machine' AS review_status",
                "stances": ", 'machine' AS review_status",
                "figures": ", 'machine' AS review_status",
                "events": ", 'machine' AS review_status",
            }.get(table, "")
            con.execute(f"INSERT INTO {table} BY NAME SELECT *{extra} FROM src.{table}")
        con.execute(
            "INSERT INTO meta VALUES ('etl_version', ?), ('schema_version', ?)",
            [load.etl_version(), load.SCHEMA_VERSION],
        )
        con.execute("DETACH src")
        derived.build(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    rows.unlink()
    return time.perf_counter() - started


def new_extractions(count: int, first: int) -> list:
    """`count` articles with ten statements, stances and mentions each, two figures, one event."""
    from datetime import date

    from etl.types import Article, Event, Extraction, Figure, Mention, Stance, Statement

    out = []
    for n in range(first, first + count):
        aid = f"new{n}"
        body = "Lorem ipsum dolor sit amet. " * 40
        out.append(
            Extraction(
                article=Article(
                    aid,
                    f"new/{n}.txt",
                    f"Title {n}",
                    "Outlet 1",
                    None,
                    date(2024, 1, 1),
                    "day",
                    "en",
                    body,
                    f"sha-new-{n}",
                ),
                mentions=tuple(
                    Mention(aid, f"person-{k}", k * 40, k * 40 + 10, "name") for k in range(30)
                ),
                statements=tuple(
                    Statement(
                        f"{aid}-s{k}",
                        aid,
                        f"person-{k}",
                        "Speaker",
                        "Quote",
                        True,
                        date(2024, 1, 1),
                        10,
                        200,
                        "day",
                        "said",
                        0.8,
                        "machine",
                    )
                    for k in range(10)
                ),
                stances=tuple(
                    Stance(
                        f"{aid}-t{k}",
                        aid,
                        f"{aid}-s{k}",
                        f"person-{k}",
                        f"country-{k}",
                        "critical",
                        "evidence",
                        10,
                        200,
                        "cue",
                        False,
                        0.8,
                        "machine",
                    )
                    for k in range(10)
                ),
                figures=tuple(
                    Figure(
                        f"{aid}-f{k}",
                        aid,
                        1000.0,
                        "1,000",
                        "refugees",
                        "people",
                        "Country 1",
                        None,
                        None,
                        "evidence",
                        10,
                        200,
                    )
                    for k in range(2)
                ),
                events=(
                    Event(
                        f"{aid}-e",
                        aid,
                        date(2024, 1, 1),
                        "day",
                        "meeting",
                        "d",
                        None,
                        ("country-1",),
                        "evidence",
                        10,
                        200,
                    ),
                ),
            )
        )
    return out


def synthetic_main(args: argparse.Namespace) -> None:
    from etl import load

    db = args.dir / "synthetic.duckdb"
    args.dir.mkdir(parents=True, exist_ok=True)
    seconds = synthetic_warehouse(db, args.synthetic)
    size = db.stat().st_size / 1e6
    print(
        f"synthetic warehouse: {args.synthetic:,} statements, {args.synthetic // 10:,} "
        f"articles, {size:.0f} MB, built in {seconds:.0f} s"
    )
    started = time.perf_counter()
    index = load.read_index(db)
    print(f"read_index ({len(index.articles):,} articles): {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    shutil.copyfile(db, db.with_name("copy.duckdb"))
    copy = time.perf_counter() - started
    db.with_name("copy.duckdb").unlink()
    print(f"copying the file: {copy:.2f} s ({size / copy:.0f} MB/s)")
    extractions = new_extractions(args.add, 0)
    started = time.perf_counter()
    load.update_warehouse(
        db,
        add=extractions,
        run_info=load.RunInfo("bench", datetime.now(), datetime.now(), "v", 0, 0, 0, 0),
    )
    write = time.perf_counter() - started
    line = f"writing {args.add:,} new articles into it: {write:.1f} s"
    if args.analysis_rate:
        analysis = args.add / args.analysis_rate
        line += f" (analysing them at {args.analysis_rate:g} articles/s: {analysis:.0f} s)"
    print(line)
    started = time.perf_counter()
    load.update_warehouse(
        db, run_info=load.RunInfo("b2", datetime.now(), datetime.now(), "v", 0, 0, 0, 0)
    )
    print(f"an unchanged re-run's write (a runs row only): {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--add", type=int, default=40)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench-writes"))
    parser.add_argument("--synthetic", type=int, default=0, help="statements (0: real corpus)")
    parser.add_argument("--analysis-rate", type=float, default=0.0, help="articles/s analysed")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    if args.synthetic:
        synthetic_main(args)
        return
    shutil.rmtree(args.dir, ignore_errors=True)
    corpus, db = args.dir / "corpus", args.dir / "warehouse.duckdb"
    write_articles(corpus, 0, args.articles)

    full, summary = timed(corpus, db)
    print(f"full build of {summary.articles} articles: {full:.1f} s")
    again, summary = timed(corpus, db)
    print(
        f"unchanged re-run ({summary.articles_reused} reused): {again:.2f} s "
        f"= {again / full:.3f} of the full build (aim <= 0.1)"
    )
    write_articles(corpus, args.articles, args.add)
    added, summary = timed(corpus, db)
    print(
        f"adding {summary.articles_new} articles to {summary.articles_reused}: {added:.1f} s "
        f"= {added / full:.3f} of the full build (aim <= 0.25)"
    )


if __name__ == "__main__":
    main()
