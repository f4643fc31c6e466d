# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""The Add articles page in AppTest: it works before any warehouse exists, shows each file's
verdict before writing, runs the ETL and reports the new rows, and shows untrusted names and
titles as text."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb
import pytest

from briefing import intake
from etl.run import run_etl
from tests.conftest import TINY_ARTICLE
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import start

PAGE = "pages/add_articles.py"
MARKDOWN_TITLE = "[Session expired — sign in](https://evil.example/login)"
EARLIER_ARTICLE = TINY_ARTICLE.replace("Idlib", "Aleppo").replace("Canada urges", "Ottawa asks")


def open_page(warehouse: Path, monkeypatch):
    at = start(warehouse, monkeypatch)
    return at.switch_page(PAGE).run()


def add_and_wait(at, key: str):
    """Press an Add button, let the background run finish, and draw the page again."""
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    job = at.session_state["add_articles_job"]
    assert job.wait(timeout=240), "the run did not finish"
    return at.run()


def all_text(at) -> str:
    parts = [
        e.value for kind in ("text", "caption", "success", "error", "warning") for e in at.get(kind)
    ]
    parts += [m.value for m in at.markdown]
    return "\n".join(str(p) for p in parts)


def test_first_use_without_a_warehouse_builds_it_from_an_upload(tmp_path, monkeypatch, nlp):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.delenv("BRIEFING_RAW", raising=False)
    at = open_page(data / "warehouse.duckdb", monkeypatch)
    assert not at.exception and at.title[0].value == "Add articles"

    at.file_uploader[0].set_value(
        [
            ("tiny.txt", TINY_ARTICLE.encode(), "text/plain"),
            ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "text/plain"),
        ]
    ).run()
    assert not at.exception
    assert "1 file accepted, 1 rejected. Nothing has been written yet." in all_text(at)
    assert not (data / "raw" / "uploads").exists()  # checked, not written
    editor = at.dataframe[0].value
    assert editor["verdict"].tolist() == ["accepted"] and editor["type"].tolist() == ["txt"]
    rejected = at.dataframe[1].value
    assert rejected["file"].tolist() == ["photo.txt"] and rejected["reason"].tolist() == ["binary"]

    add_and_wait(at, "add_articles_add_files")
    assert not at.exception, [e.value for e in at.exception]
    assert "1 article from 1 file in the warehouse" in at.success[0].value
    added = at.dataframe[0].value
    assert added["title"].tolist() == ["Canada urges Russia to allow aid into northern Syria"]
    rows = dict(zip(at.dataframe[1].value["table"], at.dataframe[1].value["rows"], strict=True))
    assert rows["articles"] == 1 and rows["statements"] > 0 and rows["mentions"] > 0
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM statements").fetchone()[0] == rows["statements"]
    not_added = at.dataframe[2].value
    assert not_added["file"].tolist() == ["photo.txt"]
    # The uploader starts afresh, so the same files cannot be added twice by a second click.
    assert not at.file_uploader[0].value


def test_pasted_text_with_a_markdown_title_is_added_and_shown_as_text(tmp_path, monkeypatch, nlp):
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    (data / "raw" / "earlier.txt").write_text(EARLIER_ARTICLE, encoding="utf-8")
    run_etl(data / "raw", data / "warehouse.duckdb")  # a warehouse already in use
    at = open_page(data / "warehouse.duckdb", monkeypatch)
    at.text_input[0].input(MARKDOWN_TITLE)
    at.text_area[0].input(TINY_ARTICLE)
    at.text_input[1].input("https://example.org/tiny")
    at.text_input[2].input("Example Wire")
    at.text_input[3].input("2021-03-08")
    at.button[0].click().run()  # the form's Check button
    assert not at.exception
    editor = at.dataframe[0].value
    assert editor["title"].tolist() == [MARKDOWN_TITLE]
    assert editor["url"].tolist() == ["https://example.org/tiny"]
    assert MARKDOWN_TITLE not in "\n".join(m.value for m in at.markdown)  # never Markdown

    add_and_wait(at, "add_articles_add_pasted")
    assert not at.exception, [e.value for e in at.exception]
    assert "1 article from 1 file" in at.success[0].value
    assert at.dataframe[0].value["title"].tolist() == [MARKDOWN_TITLE]
    assert MARKDOWN_TITLE not in "\n".join(m.value for m in at.markdown)
    sidecar = (data / "raw" / "sources.csv").read_text()
    assert "https://example.org/tiny,Example Wire,2021-03-08" in sidecar
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        titles = {t for (t,) in con.execute("SELECT title FROM articles").fetchall()}
    assert titles == {MARKDOWN_TITLE, EARLIER_ARTICLE.splitlines()[0]}  # the earlier one stays


def test_invalid_metadata_blocks_adding(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    at = open_page(data / "warehouse.duckdb", monkeypatch)
    at.text_area[0].input(TINY_ARTICLE)
    at.text_input[1].input("javascript:alert(1)")
    at.button[0].click().run()
    assert not at.exception
    assert "url must be a web address" in "\n".join(t.value for t in at.text)
    assert at.button(key="add_articles_add_pasted").disabled


@pytest.mark.parametrize("which", ["fixture", "missing"])
def test_the_page_renders_with_or_without_a_warehouse(
    which, tmp_path, monkeypatch, fixture_warehouse
):
    warehouse = fixture_warehouse if which == "fixture" else tmp_path / "absent.duckdb"
    at = open_page(warehouse, monkeypatch)
    assert not at.exception
    assert at.title[0].value == "Add articles"
    assert at.file_uploader[0].accept_multiple_files
    assert {".zip", ".txt", ".html", ".htm", ".md", ".json", ".jsonl"} <= set(
        at.file_uploader[0].allowed_type
    )


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path, monkeypatch, nlp):
    data = tmp_path / "data"
    data.mkdir()
    warehouse = data / "warehouse.duckdb"
    at = open_page(warehouse, monkeypatch)
    at.file_uploader[0].set_value(("tiny.txt", TINY_ARTICLE.encode(), "text/plain")).run()
    holding = threading.Event()

    def other_run() -> None:  # another session's run, holding the warehouse for 3 s
        with intake.run_lock(warehouse):
            holding.set()
            time.sleep(3)

    thread = threading.Thread(target=other_run)
    thread.start()
    assert holding.wait(timeout=30)
    at.button(key="add_articles_add_files").click().run()
    job = at.session_state["add_articles_job"]
    deadline = time.monotonic() + 30
    while job.waiting_seconds is None and time.monotonic() < deadline:
        time.sleep(0.05)
    at.run()
    assert at.status[0].label == "Another run is in progress, waiting…"
    assert "waiting" in " ".join(t.value for t in at.text)
    thread.join()
    assert job.wait(timeout=240)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "after waiting" in at.success[0].value


def test_file_names_that_look_like_formulas_are_defused_in_the_tables(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    at = open_page(data / "warehouse.duckdb", monkeypatch)
    at.file_uploader[0].set_value(
        [
            ('=HYPERLINK("http://evil.example","x").txt', TINY_ARTICLE.encode(), "text/plain"),
            ("@SUM(A1).txt", b"%PDF-1.4 binary", "text/plain"),
        ]
    ).run()
    assert not at.exception
    assert at.dataframe[0].value["file"].tolist() == ['\'=HYPERLINK("http://evil.example","x").txt']
    assert at.dataframe[1].value["file"].tolist() == ["'@SUM(A1).txt"]
