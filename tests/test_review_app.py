"""AppTest runs of the Review page on a warehouse the real ETL (spaCy) builds from the tiny
article: accept, reject, fix and undo on each table, checked in the warehouse afterwards; the
queue's order and progress count; a conflict with another reviewer; the "Reviewed rows only"
sidebar choice; the status column and Review links of the tables."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import duckdb
import pytest

from etl import review
from tests.conftest import SIDECAR, TINY_ARTICLE
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import markup_in, shown_text, start

PAGE = "pages/review.py"
ID = {"statements": "statement_id", "stances": "stance_id", "figures": "figure_id",
      "events": "event_id"}  # fmt: skip
# The field each table's Fix form changes in the tests, and a value to change it to.
FIX = {
    "statements": ("is_direct", None),
    "stances": ("polarity", ("critical", "supportive")),
    "figures": ("category", ("killed", "injured")),
    "events": ("event_type", ("summit", "attack")),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp) -> Path:
    """A warehouse the real ETL builds from the tiny article (once per module)."""
    from etl.pipeline import Analyser
    from etl.run import default_steps, run_etl

    folder = tmp_path_factory.mktemp("review-app")
    raw = folder / "raw"
    raw.mkdir()
    (raw / "tiny.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    (raw / "sources.csv").write_text(SIDECAR, encoding="utf-8")
    db = folder / "warehouse.duckdb"
    steps = dataclasses.replace(default_steps(), make_analyser=lambda: Analyser(nlp=nlp))
    run_etl(raw, db, steps=steps)
    return db


@pytest.fixture
def warehouse(built, tmp_path) -> Path:
    """A fresh copy of the built warehouse, with no review store yet."""
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(built, db)
    return db


def rows(db: Path, table: str) -> dict[str, dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        found = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    finally:
        con.close()
    return {r[ID[table]]: r for r in found}


def actions(db: Path) -> list[tuple[str, str, str]]:
    return [(r.action, r.reviewer, r.row_id) for r in review.read_reviews(db)]


def open_review(db: Path, monkeypatch, name: str = "ana", **query):
    at = start(db, monkeypatch, **query)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="review_name").input(name)
    at.button(key="review_name_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at, key: str):
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at) -> str:
    return (
        " ".join(
            [*(m.value for m in at.markdown), *(s.value for s in at.subheader)]
            + [*(a.value for a in at.success), *(a.value for a in at.warning)]
        )
        .replace("\\", "")
        .replace("**", "")
    )


@pytest.mark.parametrize("table", list(ID))
def test_accept_reject_fix_and_undo_each_reach_the_warehouse(warehouse, monkeypatch, table):
    target = sorted(rows(warehouse, table))[0]
    at = open_review(warehouse, monkeypatch, table=table, row=target)
    assert at.session_state["review_table"] == table

    click(at, "review_accept")
    assert rows(warehouse, table)[target]["review_status"] == "confirmed"
    assert "Accepted" in shown(at)

    click(at, "review_undo")  # shows the row again, as the undo left it
    assert rows(warehouse, table)[target]["review_status"] == "machine"
    assert at.query_params["row"] in (target, [target])

    click(at, "review_reject")
    assert target not in rows(warehouse, table)
    assert "Rejected" in shown(at)

    click(at, "review_undo")
    assert rows(warehouse, table)[target]["review_status"] == "machine"

    field, choices = FIX[table]
    before = rows(warehouse, table)[target][field]
    click(at, "review_fix")
    widget_key = f"fix_{target}_{field}"
    if choices is None:  # a checkbox
        at.checkbox(key=widget_key).set_value(not before)
        after = not before
    else:
        after = choices[0] if before != choices[0] else choices[1]
        at.selectbox(key=widget_key).set_value(after)
    at.text_input(key=f"review_note_{target}").input("checked against the article")
    click(at, f"fix_save_{target}")
    fixed = rows(warehouse, table)[target]
    assert (fixed[field], fixed["review_status"]) == (after, "corrected")
    assert [a for a, *_ in actions(warehouse)] == [
        "confirm", "undo", "reject", "undo", "correct"
    ]  # fmt: skip
    assert {who for _, who, _ in actions(warehouse)} == {"ana"}
    assert review.read_reviews(warehouse)[-1].note == "checked against the article"


def test_the_queue_starts_with_the_least_confident_row_and_counts_progress(warehouse, monkeypatch):
    stances = rows(warehouse, "stances")
    ordered = sorted(stances.values(), key=lambda r: (r["confidence"], r["stance_id"]))
    at = open_review(warehouse, monkeypatch, table="stances")
    assert f"0 of {len(stances)} stances reviewed" in shown(at)
    click(at, "review_accept")
    first = ordered[0]["stance_id"]
    assert rows(warehouse, "stances")[first]["review_status"] == "confirmed"
    assert f"1 of {len(stances)} stances reviewed" in shown(at)
    click(at, "review_reject")  # the next one in the queue
    assert ordered[1]["stance_id"] not in rows(warehouse, "stances")
    assert f"2 of {len(stances)} stances reviewed (1 rejected)" in shown(at)
    for done in range(3, len(stances) + 1):  # the rest, in order of confidence
        click(at, "review_accept")
        assert rows(warehouse, "stances")[ordered[done - 1]["stance_id"]]["review_status"] == (
            "confirmed"
        )
        assert f"{done} of {len(stances)} stances reviewed (1 rejected)" in shown(at)
    assert "Every stance under the current filters is reviewed" in shown(at)


def test_next_skips_a_row_without_reviewing_it(warehouse, monkeypatch):
    at = open_review(warehouse, monkeypatch, table="events")
    first = at.subheader[0].value
    click(at, "review_next")
    assert at.subheader[0].value != first
    assert review.read_reviews(warehouse) == []


def test_a_row_changed_by_someone_else_is_shown_again_not_overwritten(warehouse, monkeypatch):
    target = sorted(rows(warehouse, "stances"))[0]
    at = open_review(warehouse, monkeypatch, table="stances", row=target)
    state = review.row_state(warehouse, "stances", target)
    other = "supportive" if state.row.polarity != "supportive" else "critical"
    review.submit(
        warehouse,
        [
            review.ReviewRequest(
                "stances", "correct", "bo", row_id=target, changes={"polarity": other},
                base_version=state.version,
            )
        ],
    )  # fmt: skip
    click(at, "review_reject")  # ana still sees the row as it was
    assert target in rows(warehouse, "stances")  # not rejected
    message = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "Someone else changed this row" in message and "bo correct polarity" in message
    assert at.query_params["row"] in (target, [target])
    assert other in " ".join(s.value for s in at.subheader)  # reloaded with bo's change
    click(at, "review_reject")  # now she has seen it
    assert target not in rows(warehouse, "stances")


def test_the_signed_in_name_is_the_reviewer(warehouse, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PASSWORD", "secret")
    at = start(warehouse, monkeypatch)
    at.text_input(key="auth_name").input("Claire")
    at.text_input(key="auth_password").input("secret")
    at.button(key="auth_submit").click().run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert not [t for t in at.text_input if t.key == "review_name"]  # not asked again
    click(at, "review_accept")
    assert {who for _, who, _ in actions(warehouse)} == {"Claire"}


def test_reviewed_rows_only_narrows_the_tables_and_status_is_shown(warehouse, monkeypatch):
    stances = sorted(rows(warehouse, "stances"))
    review.submit(warehouse, [review.ReviewRequest("stances", "confirm", "ana", row_id=stances[0])])
    at = start(warehouse, monkeypatch)
    at.switch_page("pages/stances.py").run()
    assert not at.exception
    table = at.dataframe[-1].value
    assert len(table) == len(stances)
    assert sorted(table["status"]) == ["confirmed"] + ["machine"] * (len(stances) - 1)
    assert all(link.startswith("review?table=stances&row=") for link in table["review"])
    at.toggle(key="flt_reviewed").set_value(True).run()
    assert not at.exception
    narrowed = at.dataframe[-1].value
    assert list(narrowed["status"]) == ["confirmed"]
    assert at.query_params["reviewed"] in ("only", ["only"])
    for page in ("pages/figures.py", "pages/events.py", "pages/statements.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert "reviewed rows only" in " ".join(c.value for c in at.caption) or at.info
    # A shared link carries the choice.
    linked = start(warehouse, monkeypatch, reviewed="only")
    assert linked.toggle(key="flt_reviewed").value is True


def test_reviewed_only_round_trips_through_the_url_and_rejects_other_values():
    from briefing.filters import Filters

    parsed, problems = Filters.from_query_params({"reviewed": ["only"]})
    assert parsed.reviewed_only and not problems
    assert parsed.to_query_params() == {"reviewed": "only"}
    assert "reviewed rows only" in parsed.describe()
    odd, problems = Filters.from_query_params({"reviewed": ["all"]})
    assert not odd.reviewed_only and problems == [
        "Ignored reviewed=all: the only choice is reviewed=only."
    ]


def test_evidence_rows_carry_their_status_and_a_link_to_review_them(warehouse):
    from briefing import evidence, queries, reviewing
    from briefing.filters import Filters

    target = sorted(rows(warehouse, "stances"))[0]
    review.submit(warehouse, [review.ReviewRequest("stances", "confirm", "ana", row_id=target)])
    wh = queries.locate(str(warehouse))
    stance = rows(warehouse, "stances")[target]
    key = evidence.mark_key(
        "stances", side="actor", source=stance["source_id"], target=stance["target_id"]
    )
    found = evidence.rows(wh, Filters(), (key,))
    mine = found[found["row_id"] == target]
    assert list(mine["status"]) == ["confirmed"]
    link = reviewing.review_link("stances", target, Filters(countries=("canada",)))
    assert link == f"review?country=canada&table=stances&row={target}"
    assert queries.figures_table(wh, Filters())["status"].tolist() == ["machine"]
    narrowed = queries.stances_table(wh, Filters(reviewed_only=True))
    assert narrowed["stance_id"].tolist() == [target]


def test_article_text_on_the_review_page_stays_text(fixture_warehouse, monkeypatch):  # noqa: F811
    """A statement and a stance whose sentence carries a <script> tag: escaped in the context,
    never Markdown or HTML in the heading."""
    for table, row_id in (("statements", "s-script"), ("stances", "t-7")):
        at = open_review(fixture_warehouse, monkeypatch, table=table, row=row_id)
        body = at.get("html")[0].proto.body
        assert "<script>" not in body and "&lt;script&gt;" in body
        assert "hl-" in body  # the span is marked
        heading = at.subheader[0].value
        assert markup_in(heading) == []
        if table == "statements":  # its heading quotes the sentence: as text
            assert "<script>" in shown_text(heading)


def test_a_link_to_a_row_chooses_the_table_once_then_the_analyst_chooses(warehouse, monkeypatch):
    target = sorted(rows(warehouse, "events"))[0]
    at = open_review(warehouse, monkeypatch, table="events", row=target)
    assert at.session_state["review_table"] == "events"
    at.segmented_control(key="review_table").set_value("figures").run()
    assert not at.exception
    assert at.session_state["review_table"] == "figures"
    assert at.query_params["table"] in ("figures", ["figures"]) and "row" not in at.query_params
