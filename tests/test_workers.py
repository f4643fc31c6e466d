"""Analysis in N worker processes: the same warehouse for any N, every article under its budget,
results in input order, articles read as the workers need them, and progress on stderr only."""

from __future__ import annotations

import dataclasses
import io
import os
import time
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pytest

from benchmarks.make_corpus import write_corpus
from etl import load
from etl.__main__ import PlainReporter, build_parser
from etl.run import (
    RunSummary,
    SilentReporter,
    analyse_articles,
    default_steps,
    default_workers,
    iter_analysis,
    read_inputs,
    run_etl,
)
from etl.types import Extraction, Rejection
from tests.test_article_budget import article


class ScriptedAnalyser:
    """Does what each article's body says: take a while, overrun, fail or stop its process."""

    def analyse(self, articles, batch_size: int = 8):
        for item in articles:
            if "PAUSE" in item.body:
                time.sleep(0.2)
            if "SLOW" in item.body:
                time.sleep(30)
            if "FAIL" in item.body:
                raise ValueError("parser choked")
            if "CRASH" in item.body:
                os._exit(3)
            yield Extraction(article=item)


def rows_without_clock(db_path: Path, names: Iterable[str] = ()) -> dict[str, list[tuple]]:
    """The rows of tables `names` (default: every contract table but `runs`), sorted, without
    the columns that say when a run happened or how the files stood on disk (`stat_key`)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = {}
        for table in names or [t for t in load.TABLES if t != "runs"]:
            cursor = con.execute(f"SELECT * FROM {table}")  # names from etl.load / etl.derived
            names = [column[0] for column in cursor.description]
            keep = [
                i for i, name in enumerate(names) if not name.endswith("_at") and name != "stat_key"
            ]
            tables[table] = sorted(
                (tuple(row[i] for i in keep) for row in cursor.fetchall()), key=repr
            )
        return tables
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    write_corpus(folder, 16, seed=11)
    return folder


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory, nlp) -> tuple[RunSummary, Path]:
    """The corpus's warehouse built by one worker process."""
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    return run_etl(corpus, db, workers=1), db


def test_two_workers_write_the_same_warehouse_as_one(corpus, one_process, tmp_path):
    one, one_db = one_process
    two = run_etl(corpus, tmp_path / "two.duckdb", workers=2)
    assert one.rows == two.rows and one.rows["statements"] > 0
    assert one.rejected == two.rejected and {r.reason for r in one.rejected} >= {"empty"}
    assert rows_without_clock(one_db) == rows_without_clock(tmp_path / "two.duckdb")


def test_a_dask_cluster_of_two_workers_writes_the_same_warehouse_as_one_process(
    corpus, one_process, tmp_path
):
    distributed = pytest.importorskip("distributed")
    one, one_db = one_process
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = run_etl(corpus, tmp_path / "dask.duckdb", scheduler=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            # Both workers took a share of the articles, each loading the model once.
            loaded = client.run(models_loaded)
    assert sorted(loaded.values()) == [1, 1]
    assert on_dask.rows == one.rows and on_dask.rejected == one.rejected
    assert rows_without_clock(one_db) == rows_without_clock(tmp_path / "dask.duckdb")


def models_loaded() -> int:
    """How many times this process loaded the spaCy model (run on each Dask worker)."""
    from etl.nlp import load_nlp

    return load_nlp.cache_info().misses


def test_an_unreachable_scheduler_stops_the_run_with_a_clear_error(corpus, tmp_path, monkeypatch):
    from etl.run import RunError

    monkeypatch.setattr("etl.cluster.CONNECT_TIMEOUT", 2.0)
    with pytest.raises(RunError, match="could not reach the Dask scheduler"):
        run_etl(corpus, tmp_path / "w.duckdb", scheduler="tcp://127.0.0.1:9")


def test_an_articles_rows_do_not_depend_on_the_articles_analysed_before_it(corpus, nlp):
    from etl.pipeline import Analyser

    articles = read_inputs(corpus, default_steps(), SilentReporter()).articles
    forward = list(Analyser(nlp=nlp).analyse(articles))
    backward = list(Analyser(nlp=nlp).analyse(articles[::-1]))[::-1]
    assert [dataclasses.asdict(e) for e in forward] == [dataclasses.asdict(e) for e in backward]


def test_workers_keep_input_order_and_reject_only_the_article_at_fault():
    bodies = ["PAUSE", "fine", "SLOW", "fine", "FAIL", "PAUSE", "CRASH", "fine", "fine", "fine"]
    articles = [article(f"a{n}", body) for n, body in enumerate(bodies)]
    started = time.monotonic()
    extractions, rejected = analyse_articles(
        ScriptedAnalyser(), articles, SilentReporter(), timeout=1.0, memory_mb=4096, workers=2
    )
    assert time.monotonic() - started < 20
    kept = [e.article.article_id for e in extractions]
    assert kept == [f"a{n}" for n, body in enumerate(bodies) if body in ("PAUSE", "fine")]
    assert [(r.source_path, r.reason) for r in rejected] == [
        ("a2.txt", "over_time_budget"),
        ("a4.txt", "error"),
        ("a6.txt", "error"),
    ]
    assert "process stopped (exit code 3" in rejected[2].detail


def test_workers_read_articles_as_they_need_them():
    taken = []

    def stream():
        for n in range(2_000):
            taken.append(n)
            yield article(f"a{n}", "fine")

    outcomes = iter_analysis(ScriptedAnalyser(), stream(), SilentReporter(), workers=2)
    first = next(outcomes)
    assert isinstance(first, Extraction) and first.article.article_id == "a0"
    assert len(taken) < 500  # not the whole corpus at once
    rest = list(outcomes)
    assert len(rest) == 1_999 and not any(isinstance(o, Rejection) for o in rest)
    assert [o.article.article_id for o in rest[:3]] == ["a1", "a2", "a3"]


def test_workers_is_an_option_whose_default_is_every_core_this_process_may_use():
    assert build_parser().parse_args(["--workers", "3"]).workers == 3
    assert build_parser().parse_args([]).workers is None  # run_etl asks default_workers()
    assert default_workers() == len(os.sched_getaffinity(0))
    for bad in (["--workers", "0"], ["--workers", "two"]):
        with pytest.raises(SystemExit) as exit_info:
            build_parser().parse_args(bad)
        assert exit_info.value.code == 2


def test_plain_progress_lines_give_the_rate_and_the_time_left(monkeypatch):
    clock = iter([0.0, 0.0, 1.0, 2.0, 3.0])
    monkeypatch.setattr("etl.__main__.time.monotonic", lambda: next(clock))
    stream = io.StringIO()
    reporter = PlainReporter(stream)
    reporter.phase("analysing", 6)
    for name in ("a.txt", "b.txt", "c.txt"):
        reporter.advance(name)
    assert stream.getvalue().splitlines() == [
        "Analysing 6 items",
        "[1/6] a.txt",
        "[2/6] b.txt (1.0/s, 0:04 left)",
        "[3/6] c.txt (1.0/s, 0:03 left)",
    ]


def test_the_dask_engine_needs_a_scheduler_and_a_scheduler_needs_the_dask_engine(capsys):
    from etl.__main__ import main

    for argv in (["--engine", "dask"], ["--scheduler", "tcp://127.0.0.1:8786"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "--engine dask needs --scheduler" in capsys.readouterr().err
    args = build_parser().parse_args(["--engine", "dask", "--scheduler", "tcp://h:8786"])
    assert (args.engine, args.scheduler) == ("dask", "tcp://h:8786")
