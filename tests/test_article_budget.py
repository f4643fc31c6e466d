"""Each article's analysis runs under a time and memory budget, in a worker process: an article
that overruns is rejected with a reason and the rest of the run goes on, with the same rows as
when analysed in this process."""

from __future__ import annotations

import dataclasses
import os
import time
from datetime import date
from pathlib import Path

import pytest

from etl.__main__ import build_parser
from etl.run import SilentReporter, analyse_articles, default_steps, read_inputs
from etl.types import Article, Extraction

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


def article(name: str, body: str) -> Article:
    return Article(
        article_id=name,
        source_path=f"{name}.txt",
        title=name,
        outlet=None,
        url=None,
        published_date=date(2024, 5, 1),
        published_precision="day",
        language="en",
        body=body,
        content_sha256=name,
    )


class ScriptedAnalyser:
    """Does what each article's body says: sleep, eat memory, fail, or stop its process."""

    discovered: dict = {}

    def analyse(self, articles, batch_size: int = 8):
        for item in articles:
            if "SLOW" in item.body:
                time.sleep(30)
            if "HUNGRY" in item.body:
                hoard = b"x" * (900 * 1024 * 1024)  # written, so resident
                time.sleep(30)
                del hoard
            if "FAIL" in item.body:
                raise ValueError("parser choked")
            if "CRASH" in item.body:
                os._exit(3)
            yield Extraction(article=item)


def _rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _run(articles, **budget):
    return analyse_articles(ScriptedAnalyser(), articles, SilentReporter(), **budget)


def test_an_article_over_the_time_budget_is_rejected_and_the_rest_go_on():
    articles = [article("a", "fine"), article("b", "SLOW " * 10), article("c", "fine too")]
    started = time.monotonic()
    extractions, rejected = _run(articles, timeout=1.0)
    assert time.monotonic() - started < 15
    assert [e.article.article_id for e in extractions] == ["a", "c"]
    assert [(r.source_path, r.reason) for r in rejected] == [("b.txt", "over_time_budget")]
    assert "1 s" in rejected[0].detail and "50 characters" in rejected[0].detail


def test_an_article_over_the_memory_budget_is_rejected_and_the_rest_go_on():
    articles = [article("a", "fine"), article("b", "HUNGRY"), article("c", "fine too")]
    limit = _rss_mb() + 400
    extractions, rejected = _run(articles, timeout=60.0, memory_mb=limit)
    assert [e.article.article_id for e in extractions] == ["a", "c"]
    assert [(r.source_path, r.reason) for r in rejected] == [("b.txt", "over_memory_budget")]
    assert f"{limit:g} MB" in rejected[0].detail and "6 characters" in rejected[0].detail


def test_a_failing_or_crashing_article_costs_only_itself():
    articles = [
        article("a", "fine"),
        article("b", "FAIL"),
        article("c", "fine"),
        article("d", "CRASH"),
        article("e", "fine"),
    ]
    extractions, rejected = _run(articles, timeout=30.0, memory_mb=4096)
    assert [e.article.article_id for e in extractions] == ["a", "c", "e"]
    assert [(r.source_path, r.reason) for r in rejected] == [("b.txt", "error"), ("d.txt", "error")]
    assert rejected[0].detail == "analysis failed: ValueError: parser choked"
    assert "process stopped (exit code 3" in rejected[1].detail


def test_the_worker_gives_the_same_rows_and_ids_as_the_analysis_in_this_process(nlp):
    from etl.pipeline import Analyser

    articles = read_inputs(SEEDS, default_steps(), SilentReporter()).articles
    in_process, none_rejected = analyse_articles(Analyser(nlp=nlp), articles, SilentReporter())
    in_worker, also_none = analyse_articles(
        Analyser(nlp=nlp), articles, SilentReporter(), timeout=120.0, memory_mb=4096
    )
    assert none_rejected == also_none == []
    assert [dataclasses.asdict(e) for e in in_worker] == [dataclasses.asdict(e) for e in in_process]


def test_a_real_article_over_its_time_budget_is_rejected_with_its_length(nlp):
    from etl.pipeline import Analyser

    seeds = read_inputs(SEEDS, default_steps(), SilentReporter()).articles
    long_body = "\n".join(a.body for a in seeds) * 16  # about a minute of work
    articles = [seeds[0], dataclasses.replace(seeds[1], body=long_body)]
    extractions, rejected = analyse_articles(
        Analyser(nlp=nlp), articles, SilentReporter(), timeout=8.0, memory_mb=4096
    )
    assert [e.article.article_id for e in extractions] == [seeds[0].article_id]
    assert [r.reason for r in rejected] == ["over_time_budget"]
    assert f"{len(long_body):,} characters" in rejected[0].detail


def test_a_long_article_is_parsed_in_pieces_that_join_into_its_exact_text(nlp):
    from etl.pipeline import Analyser, split_text

    seeds = read_inputs(SEEDS, default_steps(), SilentReporter()).articles
    body = "\n".join(a.body for a in seeds)
    assert "".join(split_text(body, 3_000)) == body
    assert max(len(piece) for piece in split_text(body, 3_000)) <= 3_000
    assert "".join(split_text("x" * 7_000, 3_000)) == "x" * 7_000  # no break to cut at

    analyser = Analyser(nlp=nlp, piece_chars=3_000)
    doc = analyser.parse_in_pieces(body)
    assert doc.text == body and len(list(doc.sents)) > 10
    (extraction,) = analyser.analyse([dataclasses.replace(seeds[0], body=body)])
    assert extraction.mentions and extraction.figures and extraction.statements
    last_piece_start = len(body) - len(split_text(body, 3_000)[-1])
    assert any(m.char_start > last_piece_start for m in extraction.mentions)
    for row in (*extraction.mentions, *extraction.statements, *extraction.figures):
        assert 0 <= row.char_start <= row.char_end <= len(body)
    for mention in extraction.mentions:
        assert body[mention.char_start : mention.char_end] == mention.text


def test_the_budgets_are_options_of_the_command_line():
    args = build_parser().parse_args(["--article-timeout", "5", "--article-memory", "512"])
    assert (args.article_timeout, args.article_memory) == (5.0, 512.0)
    defaults = build_parser().parse_args([])
    assert (defaults.article_timeout, defaults.article_memory) == (120.0, 2048.0)
    for bad in (["--article-timeout", "0"], ["--article-memory", "lots"]):
        with pytest.raises(SystemExit) as exit_info:
            build_parser().parse_args(bad)
        assert exit_info.value.code == 2


class ShufflingAnalyser:
    """Returns each chunk's extractions in reverse order: a bug the run must survive."""

    def analyse(self, articles, batch_size: int = 8):
        for item in reversed(list(articles)):
            yield Extraction(article=item)


def test_an_analyser_returning_articles_out_of_order_costs_no_rows_and_no_crash():
    articles = [article("a", "one"), article("b", "two"), article("c", "three")]
    extractions, rejected = analyse_articles(
        ShufflingAnalyser(), articles, SilentReporter(), timeout=30.0
    )
    # Alone, each article comes back in order: all three are kept, in input order.
    assert [e.article.article_id for e in extractions] == ["a", "b", "c"]
    assert rejected == []


def test_the_command_line_rejects_an_article_over_budget_and_loads_the_rest(tmp_path, capsys):
    import shutil

    import duckdb

    from etl.__main__ import main

    folder = tmp_path / "in"
    folder.mkdir()
    seed = sorted(p for p in SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    paragraphs = [p for p in seed.read_text(encoding="utf-8").split("\n") if p.strip()]
    # numbered, so that cleaning does not drop the repeats as page furniture
    repeated = [f"In update {n}, {p}" for n in range(60) for p in paragraphs]
    (folder / "long.txt").write_text("\n".join(repeated), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    code = main(["--input", str(folder), "--db", str(db), "--article-timeout", "5", "--quiet"])
    assert code == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT source_path FROM articles").fetchall() == [(seed.name,)]
    ((path, reason, detail),) = con.execute(
        "SELECT source_path, reason, detail FROM rejected"
    ).fetchall()
    assert (path, reason) == ("long.txt", "over_time_budget")
    assert "5 s" in detail and "characters" in detail
