"""Throughput of the ETL's analysis beside bare spaCy on the same texts, in the same process.

    .venv/bin/python benchmarks/bench_etl.py [--repeat N] [--input DIR] [--batch-size B]

Reads and prepares the articles once (timed), multiplies them `--repeat` times, then times
`nlp.pipe` alone and `Analyser.analyse` (spaCy + actors + extractors) over the same bodies, and
the warehouse write. Prints words per second, the ratio, and the process's peak RSS. Not a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from etl import load
from etl.nlp import load_nlp
from etl.pipeline import Analyser
from etl.run import SilentReporter, default_steps, read_inputs


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=REPO / "data" / "raw", metavar="DIR")
    parser.add_argument("--repeat", type=int, default=4, metavar="N", help="copies of the corpus")
    parser.add_argument("--batch-size", type=int, default=8, metavar="B")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    intake = read_inputs(args.input, default_steps(), SilentReporter())
    prepare_seconds = time.perf_counter() - started
    if not intake.articles:
        print(f"no articles under {args.input}", file=sys.stderr)
        return 1
    articles = [
        dataclasses.replace(a, article_id=f"{a.article_id}-{n}")
        for n in range(args.repeat)
        for a in intake.articles
    ]
    texts = [a.body for a in articles]
    words = sum(len(t.split()) for t in texts)

    nlp = load_nlp()
    for _ in nlp.pipe(texts[:1]):  # warm-up: first call loads lazily-initialised state
        pass
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    spacy_seconds = time.perf_counter() - started

    analyser = Analyser(nlp=nlp)
    started = time.perf_counter()
    extractions = list(analyser.analyse(articles, batch_size=args.batch_size))
    etl_seconds = time.perf_counter() - started

    now = datetime.now(UTC).replace(tzinfo=None)
    actors = load.merge_actors(
        analyser.gazetteer_actors, [a for e in extractions for a in e.new_actors]
    )
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        rows = load.write_warehouse(
            Path(folder) / "bench.duckdb",
            articles=[e.article for e in extractions],
            extractions=extractions,
            actors=actors,
            rejected=[],
            run_info=load.RunInfo("bench", now, now, "bench", len(articles), len(articles), 0, 0),
        )
        write_seconds = time.perf_counter() - started

    print(f"articles            {len(articles)} ({len(intake.articles)} × {args.repeat})")
    print(f"words               {words}")
    print(f"read + prepare      {prepare_seconds:.2f} s for {len(intake.articles)} files")
    print(f"bare nlp.pipe       {words / spacy_seconds:,.0f} words/s ({spacy_seconds:.2f} s)")
    print(f"ETL analysis        {words / etl_seconds:,.0f} words/s ({etl_seconds:.2f} s)")
    print(f"ratio ETL / spaCy   {spacy_seconds / etl_seconds:.2f} (1.0 = no overhead)")
    print(f"warehouse write     {write_seconds:.2f} s ({sum(rows.values())} rows)")
    print(f"peak RSS            {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
