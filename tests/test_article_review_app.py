"""AppTest runs of the Sources page's "Review this article" section on a warehouse the real ETL
builds from the tiny article: its rows table links each row to the Review page, and a stance the
machine missed is added from a chosen sentence and span and lands in the warehouse."""

from __future__ import annotations

import duckdb

from briefing import reviewing
from etl import review
from tests.test_dashboard_app import start
from tests.test_review_app import built, rows, warehouse  # noqa: F401

PAGE = "pages/sources.py"


def article_of(db) -> tuple[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT article_id, body FROM articles").fetchone()
    finally:
        con.close()


def actor_id(db, name: str) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = con.execute(
            "SELECT actor_id FROM actors WHERE name ILIKE ? ORDER BY actor_id", [f"%{name}%"]
        ).fetchone()
    finally:
        con.close()
    assert found, f"no actor named like {name!r}"
    return found[0]


def open_article(db, monkeypatch, article_id: str, name: str = "ana"):
    at = start(db, monkeypatch, article=article_id)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="review_name").input(name)
    at.button(key="review_name_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_stance_added_from_the_article_view_is_stored_with_its_span(warehouse, monkeypatch):  # noqa: F811
    article_id, body = article_of(warehouse)
    before = set(rows(warehouse, "stances"))
    at = open_article(warehouse, monkeypatch, article_id)
    at.selectbox(key="article_add_table").set_value("stances").run()
    assert not at.exception
    words = "We call on Russia"
    sentence = next(s for s in reviewing.sentences(body) if words in body[s[0] : s[1]])
    at.selectbox(key="article_add_sentence").set_value(sentence)
    at.text_input(key="article_add_span").input(words)
    source, target = actor_id(warehouse, "Canada"), actor_id(warehouse, "Russia")
    at.selectbox(key="article_add_stances_source_id").set_value(source)
    at.selectbox(key="article_add_stances_target_id").set_value(target)
    at.selectbox(key="article_add_stances_polarity").set_value("critical")
    at.text_input(key="article_add_note").input("missed call on Russia")
    at.button(key="article_add_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Added" in " ".join(s.value for s in at.success)

    after = rows(warehouse, "stances")
    new = [after[i] for i in set(after) - before]
    assert len(new) == 1
    added = new[0]
    start_at = body.index(words, sentence[0])
    assert (added["review_status"], added["char_start"], added["char_end"]) == (
        "added", start_at, start_at + len(words)
    )  # fmt: skip
    assert (added["source_id"], added["target_id"], added["polarity"]) == (
        source, target, "critical"
    )  # fmt: skip
    (log,) = review.read_reviews(warehouse)
    assert (log.action, log.reviewer, log.evidence, log.note) == (
        "add", "ana", words, "missed call on Russia"
    )  # fmt: skip
    # The rows table of the article shows it at once.
    shown = at.dataframe[-1].value
    assert "added" in set(shown["status"])


def test_a_span_not_in_the_chosen_sentence_is_refused(warehouse, monkeypatch):  # noqa: F811
    article_id, body = article_of(warehouse)
    at = open_article(warehouse, monkeypatch, article_id)
    at.selectbox(key="article_add_table").set_value("figures").run()
    first = reviewing.sentences(body)[0]
    at.selectbox(key="article_add_sentence").set_value(first)
    at.text_input(key="article_add_span").input("words that are nowhere in it")
    at.number_input(key="article_add_figures_value").set_value(3.0)
    at.selectbox(key="article_add_figures_category").set_value("killed")
    at.button(key="article_add_submit").click().run()
    assert not at.exception
    assert "exactly from the chosen sentence" in " ".join(e.value for e in at.error)
    assert review.read_reviews(warehouse) == []


def test_the_article_rows_link_each_row_to_the_review_page(warehouse, monkeypatch):  # noqa: F811
    article_id, _ = article_of(warehouse)
    at = start(warehouse, monkeypatch, article=article_id)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "review" in d.value.columns)
    expected = {(t, i) for t in reviewing.TABLES for i in rows(warehouse, t)}
    assert len(table) == len(expected) > 0
    links = set(table["review"])
    assert links == {f"review?table={t}&row={i}" for t, i in expected}
    assert set(table["status"]) == {"machine"}


def test_sentences_are_exact_offsets_split_at_end_marks_and_blank_lines():
    body = 'Title line\n\nHe said "no." Then left!  Why?\nIt wrapped\nhere. Last'
    spans = reviewing.sentences(body)
    assert [body[s:e] for s, e in spans] == [
        "Title line",
        'He said "no." Then left!',
        "Why?",
        "It wrapped\nhere.",
        "Last",
    ]
    assert reviewing.sentences("") == [] and reviewing.sentences("  \n ") == []
    assert reviewing.sentences("  Hi. ") == [(2, 5)]


def test_a_field_the_store_refuses_is_reported_as_text_and_nothing_is_added(
    warehouse,  # noqa: F811
    monkeypatch,
):
    article_id, body = article_of(warehouse)
    at = open_article(warehouse, monkeypatch, article_id)
    at.selectbox(key="article_add_table").set_value("events").run()
    sentence = next(s for s in reviewing.sentences(body) if "Ankara" in body[s[0] : s[1]])
    at.selectbox(key="article_add_sentence").set_value(sentence)
    at.text_input(key="article_add_events_event_date").input("3 March")
    at.selectbox(key="article_add_events_event_type").set_value("meeting")
    at.button(key="article_add_submit").click().run()
    assert not at.exception
    assert "Not added" in " ".join(t.value for t in at.text)
    assert review.read_reviews(warehouse) == []
