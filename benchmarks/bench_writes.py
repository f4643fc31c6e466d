"""What a run costs as the warehouse grows: a full build, an unchanged re-run, and an append.

    python -m benchmarks.bench_writes [--articles 400] [--add 40] [--dir /tmp/bench-writes]

Writes a corpus of N articles (the shipped and development articles, each copy edited so
that it is no duplicate), builds a warehouse from it, re-runs over the unchanged folder, then
adds M more articles and runs again. Prints each run's time and its share of the full build.
Aims (issue 13): the unchanged re-run at most 1/10 of the full build, the append at most 1/4.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--add", type=int, default=40)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench-writes"))
    args = parser.parse_args()
    logging.disable(logging.WARNING)
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
