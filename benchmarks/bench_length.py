"""ETL time and memory against the length of one article, to show that extraction is linear.

    .venv/bin/python benchmarks/bench_length.py [--lengths 10000,50000,...] [--input DIR ...]

Builds one long English article from real text (the paragraphs of the seed articles and the
development corpora, repeated in turn until the length is reached) and analyses it in a fresh
process per length, so that each peak memory figure is that length's own. Prints, per length,
the spaCy parse time, the extraction time (actors, statements, stances, figures, events), their
sum, the sum per 100k characters (flat when the work is linear) and the process's peak RSS.
Not a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEFAULT_INPUTS = (
    REPO / "data" / "raw",
    REPO / "tests" / "dev_corpus" / "articles",
    REPO / "tests" / "holdout_corpus" / "articles",
)
DEFAULT_LENGTHS = (10_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)


def long_article(length: int, inputs: tuple[Path, ...] = DEFAULT_INPUTS):
    """An `Article` whose body is `length` characters of real paragraphs, repeated in turn."""
    from etl.run import SilentReporter, default_steps, read_inputs

    articles = [
        a
        for folder in inputs
        for a in read_inputs(folder, default_steps(), SilentReporter()).articles
    ]
    paragraphs = [p for a in articles for p in a.body.split("\n") if p.strip()]
    if not paragraphs:
        raise SystemExit(f"no article text under {', '.join(map(str, inputs))}")
    pieces, total, i = [], 0, 0
    while total < length:
        paragraph = paragraphs[i % len(paragraphs)]
        pieces.append(paragraph)
        total += len(paragraph) + 1
        i += 1
    body = "\n".join(pieces)[:length]
    return dataclasses.replace(articles[0], body=body, article_id=f"long-{length}")


def measure(length: int, inputs: tuple[Path, ...]) -> dict[str, float]:
    """Parse and extract one article of `length` characters in this process."""
    from etl.pipeline import Analyser

    article = long_article(length, inputs)
    analyser = Analyser()
    analyser.nlp("Warm-up sentence.")
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    doc = analyser.parse(article.body)  # in pieces past PIECE_CHARS, as the ETL does
    parsed = time.perf_counter()
    extraction = analyser.extract(article, doc)
    done = time.perf_counter()
    return {
        "length": len(article.body),
        "spacy_s": parsed - started,
        "extract_s": done - parsed,
        "figures": len(extraction.figures),
        "statements": len(extraction.statements),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "model_mb": baseline,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--lengths",
        default=",".join(map(str, DEFAULT_LENGTHS)),
        help="comma-separated article lengths in characters",
    )
    parser.add_argument("--input", type=Path, action="append", metavar="DIR")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child mode: one length
    args = parser.parse_args(argv)
    inputs = tuple(args.input) if args.input else DEFAULT_INPUTS
    if args.one:
        print(json.dumps(measure(args.one, inputs)))
        return 0

    header = f"{'chars':>9} {'spaCy s':>8} {'extract s':>9} {'total s':>8} {'s/100k':>7}"
    print(header + f" {'figures':>7} {'peak MB':>8}")
    for length in (int(n) for n in args.lengths.split(",")):
        command = [sys.executable, __file__, "--one", str(length)]
        command += [arg for folder in inputs for arg in ("--input", str(folder))]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print(f"{length:>9} failed: {result.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(result.stdout.strip().splitlines()[-1])
        total = row["spacy_s"] + row["extract_s"]
        print(
            f"{row['length']:>9,} {row['spacy_s']:>8.1f} {row['extract_s']:>9.1f} {total:>8.1f}"
            f" {total / row['length'] * 100_000:>7.1f} {row['figures']:>7} {row['peak_mb']:>8.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
