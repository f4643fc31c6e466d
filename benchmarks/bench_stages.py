"""Where the analysis's CPU goes: spaCy's pipeline beside each extraction step, per article.

    .venv/bin/python -m benchmarks.bench_stages [--articles 200] [--seed 0] [--input DIR]

Reads and prepares a generated corpus (`benchmarks.make_corpus`) or the folder `--input`, then
analyses every article in this one process, as `etl.pipeline.Analyser` does, and prints the CPU
seconds (this process's, `time.process_time`: a busy machine distorts it far less than wall
time, and without a profiler's overhead, which inflates Python rules against spaCy's compiled
code) of reading and preparing, spaCy's pipeline, each extraction step, confidence, the
warehouse rows (places included), the finish (actors, derived tables), the place gazetteer
built once per process (before workers fork), and the rules' total as a share of spaCy's;
then bare spaCy (the model's own components) over the same texts. The
whole run's words/s against bare spaCy (issue 13: aim at least 0.8) can be no better than
bare spaCy / (the run's spaCy + everything else) on the same cores. Not a test.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _timed(totals: collections.Counter, key: str, function: Callable[..., Any]) -> Callable:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[key] += time.process_time() - started

    return timed


def stages(folder: Path) -> tuple[collections.Counter, int, int]:
    """CPU seconds per stage over the articles under `folder`; (seconds, articles, words)."""
    from etl import load, pipeline
    from etl.heap import frozen_heap
    from etl.run import SilentReporter, default_steps, read_inputs

    totals: collections.Counter = collections.Counter()
    started = time.process_time()
    articles = read_inputs(folder, default_steps(), SilentReporter()).articles
    totals["reading and preparing"] = time.process_time() - started
    for name in (
        "resolve_mentions",
        "extract_statements",
        "extract_stances",
        "extract_figures",
        "extract_events",
        "with_confidence",
    ):
        setattr(pipeline, name, _timed(totals, name, getattr(pipeline, name)))
    analyser = pipeline.Analyser()
    analyser.nlp("Warm-up.")  # loading the model is left out, as in bare spaCy's figure
    started = time.process_time()
    # The place gazetteer and a made-up article, once per run (before workers fork).
    analyser.warm_up()
    totals["warm-up (place gazetteer, once)"] = time.process_time() - started
    parse = analyser._parse_batch

    def parse_batch(batch: list) -> Any:
        parsed = parse(batch)
        while True:
            started = time.process_time()
            try:
                item = next(parsed)
            except StopIteration:
                return
            finally:
                totals["spaCy pipeline"] += time.process_time() - started
            yield item

    analyser._parse_batch = parse_batch  # type: ignore[method-assign]
    with frozen_heap():  # as a run's analysis does (etl.heap)
        extractions = list(analyser.analyse(articles))
    with tempfile.TemporaryDirectory() as scratch:
        started = time.process_time()
        with load.WarehouseWriter(Path(scratch) / "w.duckdb", base=False) as writer:
            writer.write(extractions)
            totals["warehouse rows (places included)"] = time.process_time() - started
            started = time.process_time()
            discovered = [actor for e in extractions for actor in e.new_actors]
            writer.finish(actors=load.merge_actors(analyser.gazetteer_actors, discovered))
        totals["finish (actors, derived tables)"] = time.process_time() - started
    words = sum(len(a.body.split()) for a in articles)
    # The baseline of issue 13: spaCy's pipeline as the model ships it (the ETL's own runs two
    # equal, faster components: etl.fast_components), over the same texts, left out of totals.
    from etl.nlp import load_bare_nlp
    from etl.pipeline import BATCH_SIZE

    bare = load_bare_nlp()
    bare("Warm-up.")
    started = time.process_time()
    for _ in bare.pipe([a.body for a in articles], batch_size=BATCH_SIZE):
        pass
    totals["bare spaCy (baseline, not the run's)"] = time.process_time() - started
    return totals, len(articles), words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_stages", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--articles", type=int, default=200, metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    parser.add_argument("--input", type=Path, default=None, metavar="DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = args.input
        if source is None:
            from benchmarks.make_corpus import write_corpus

            source = Path(folder) / "corpus"
            write_corpus(source, args.articles, args.seed)
        totals, articles, words = stages(source)
    bare = totals.pop("bare spaCy (baseline, not the run's)")
    spacy = totals["spaCy pipeline"]
    print(f"{articles} articles, {words:,} words; CPU seconds of this process:")
    for name, seconds in totals.most_common():
        print(f"  {name:<34} {seconds:7.1f}  ({seconds / max(articles, 1) * 1000:5.0f} ms/article)")
    others = sum(totals.values()) - spacy
    print(
        f"  {'everything but spaCy':<34} {others:7.1f}  ({others / max(spacy, 1e-9):.2f} x spaCy)"
    )
    print(f"  {'bare spaCy, same texts (baseline)':<34} {bare:7.1f}")
    print(
        f"  best words/s ratio against bare spaCy on the same cores: {bare / (spacy + others):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
