"""The review store and re-attachment: real DuckDB files, hand-made rows (no spaCy).

The end-to-end behaviour with the real ETL is in tests/test_review_cli.py.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from etl import load, review
from etl.review.apply import ArticleRows, resolve
from etl.review.store import Review
from etl.types import Actor, Article, Extraction, Figure, Stance, stable_id

BODY = (
    "Canada condemned Russia and Syria over the strikes. "
    "More than 5.6 million people have fled Syria, the UNHCR said."
)
ACTORS = [
    Actor("canada", "Canada", "country", None, ("Ottawa",)),
    Actor("russia", "Russia", "country", None, ("the Kremlin",)),
    Actor("syria", "Syria", "country", None, ()),
    Actor("unhcr", "UNHCR", "intergovernmental", None, ()),
]


def article(body: str = BODY, name: str = "a.txt") -> Article:
    sha = stable_id(body)
    return Article(
        article_id=stable_id(name, sha),
        source_path=name,
        title="t",
        outlet=None,
        url=None,
        published_date=None,
        published_precision=None,
        language="en",
        body=body,
        content_sha256=sha,
    )


def rows(a: Article, salt: str = "") -> Extraction:
    """Two stances in one sentence (same span) and one figure, ids salted like a new ETL."""
    sentence_end = a.body.index(".") + 1
    fig_start = a.body.index("More")

    def stance(target: str) -> Stance:
        return Stance(
            stable_id(a.article_id, target, salt),
            a.article_id,
            None,
            "canada",
            target,
            "critical",
            a.body[:sentence_end],
            0,
            sentence_end,
            confidence=0.9,
        )

    figure = Figure(
        stable_id(a.article_id, "fig", salt),
        a.article_id,
        5600000.0,
        "5.6 million",
        "refugees",
        "people",
        "Syria",
        "unhcr",
        None,
        a.body[fig_start:],
        fig_start,
        len(a.body),
        confidence=0.8,
    )
    return Extraction(a, stances=(stance("russia"), stance("syria")), figures=(figure,))


def write(db: Path, extractions: list[Extraction]) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    load.write_warehouse(
        db,
        articles=[e.article for e in extractions],
        extractions=extractions,
        actors=ACTORS,
        rejected=[],
        run_info=load.RunInfo("r", now, now, "v1", 1, len(extractions), 0, 0),
    )


@pytest.fixture
def warehouse(tmp_path: Path) -> tuple[Path, Extraction]:
    db = tmp_path / "warehouse.duckdb"
    extraction = rows(article())
    write(db, [extraction])
    return db, extraction


def table(db: Path, name: str, columns: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT {columns} FROM {name} ORDER BY 1").fetchall()
    finally:
        con.close()


def req(table_name: str, action: str, row_id: str | None = None, **kw) -> review.ReviewRequest:
    return review.ReviewRequest(table_name, action, kw.pop("reviewer", "ana"), row_id, **kw)


def test_the_store_sits_beside_the_warehouse_named_after_it(tmp_path):
    assert review.store_path(tmp_path / "warehouse.duckdb") == tmp_path / "warehouse.reviews.duckdb"


def test_a_review_is_recorded_with_before_after_and_applied_to_the_warehouse(warehouse):
    db, extraction = warehouse
    figure_id = extraction.figures[0].figure_id
    done = review.submit(
        db, [req("figures", "correct", figure_id, changes={"category": "displaced"}, note="n")]
    )
    (recorded,) = done.reviews
    assert recorded.before["category"] == "refugees"
    assert recorded.after["category"] == "displaced"
    assert recorded.after["review_status"] == "corrected"
    assert recorded.evidence == BODY[BODY.index("More") :]
    assert table(db, "figures", "figure_id, category, review_status") == [
        (figure_id, "displaced", "corrected")
    ]
    audit = table(db, "reviews", "review_id, action, reviewer, note, attached_row_id")
    assert audit == [(recorded.review_id, "correct", "ana", "n", figure_id)]


def test_the_store_is_append_only_and_numbers_actions_in_order(warehouse):
    db, extraction = warehouse
    stance_id = extraction.stances[0].stance_id
    review.submit(db, [req("stances", "reject", stance_id)], apply=False)
    review.submit(db, [req("stances", "confirm", stance_id, reviewer="bo")], apply=False)
    log = review.read_reviews(db)
    assert [(r.seq, r.action, r.reviewer) for r in log] == [
        (1, "reject", "ana"),
        (2, "confirm", "bo"),
    ]


def test_latest_action_wins_and_an_undo_is_an_action(warehouse):
    db, extraction = warehouse
    stance_id = extraction.stances[0].stance_id
    first = review.submit(db, [req("stances", "reject", stance_id)]).reviews[0]
    assert stance_id not in [r[0] for r in table(db, "stances", "stance_id")]
    review.submit(db, [req("stances", "undo", stance_id, undoes=first.review_id)])
    assert (stance_id, "machine") in table(db, "stances", "stance_id, review_status")
    state = review.row_state(db, "stances", stance_id)
    assert [r.action for r in state.history] == ["reject", "undo"]
    assert state.status == "machine" and state.present and state.version == 2


def test_an_added_row_gets_an_id_derived_from_its_review_and_its_span(warehouse):
    db, _ = warehouse
    a = article()
    start = BODY.index("the UNHCR")
    done = review.submit(
        db,
        [
            req(
                "stances",
                "add",
                article_id=a.article_id,
                char_start=start,
                char_end=len(BODY),
                changes={"source_id": "UNHCR", "target_id": "the Kremlin", "polarity": "neutral"},
            )
        ],
    )
    (added,) = done.reviews
    assert added.row_id == review.added_row_id(added.review_id)
    found = table(db, "stances", "stance_id, source_id, target_id, review_status, char_start")
    assert (added.row_id, "unhcr", "russia", "added", start) in found


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (req("stances", "reject", "no-such-id"), "no row of stances has the id"),
        (req("figures", "correct", "x", changes={"colour": "red"}), "no field 'colour'"),
        (req("figures", "confirm"), "missing id"),
        (req("stances", "add", article_id="nope", char_start=0, char_end=3), "article_id"),
    ],
)
def test_a_wrong_request_records_nothing_and_says_why(warehouse, request_, message):
    db, extraction = warehouse
    good = req("stances", "confirm", extraction.stances[0].stance_id)
    with pytest.raises(review.RequestErrors) as caught:
        review.submit(db, [good, request_])
    assert caught.value.errors[0].startswith("2: ")
    assert message in caught.value.errors[0]
    assert review.read_reviews(db) == []


def test_values_are_checked_against_the_vocabularies_and_the_actors(warehouse):
    db, extraction = warehouse
    figure_id = extraction.figures[0].figure_id
    with pytest.raises(review.RequestErrors, match="not one of refugees"):
        review.submit(db, [req("figures", "correct", figure_id, changes={"category": "people"})])
    with pytest.raises(review.RequestErrors, match="no actor 'Atlantis'"):
        review.submit(
            db, [req("figures", "correct", figure_id, changes={"attributed_to_id": "Atlantis"})]
        )
    with pytest.raises(review.RequestErrors, match="must be a number"):
        review.submit(db, [req("figures", "correct", figure_id, changes={"value": "many"})])


def test_a_stale_base_version_is_a_conflict_naming_the_other_change(warehouse):
    db, extraction = warehouse
    stance_id = extraction.stances[0].stance_id
    read_by_ana = review.row_state(db, "stances", stance_id).version
    review.submit(
        db,
        [req("stances", "correct", stance_id, reviewer="bo", changes={"polarity": "neutral"})],
    )
    with pytest.raises(review.ReviewConflict) as caught:
        review.submit(
            db,
            [
                req(
                    "stances",
                    "correct",
                    stance_id,
                    changes={"polarity": "supportive"},
                    base_version=read_by_ana,
                )
            ],
        )
    assert "bo correct polarity='neutral'" in str(caught.value)
    assert caught.value.latest.reviewer == "bo"
    assert [r.reviewer for r in review.read_reviews(db)] == ["bo"]
    assert table(db, "stances", "polarity") == [("critical",), ("neutral",)]


def _writer(db: str, reviewer: str, row_ids: list[str]) -> None:
    for row_id in row_ids:
        review.submit(db, [req("stances", "confirm", row_id, reviewer=reviewer)])


def test_two_writer_processes_at_once_lose_no_review(warehouse):
    db, extraction = warehouse
    ids = [s.stance_id for s in extraction.stances]
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_writer, args=(str(db), name, ids * 4)) for name in ("ana", "bo")
    ]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
        assert w.exitcode == 0
    log = review.read_reviews(db)
    assert sorted(r.reviewer for r in log) == ["ana"] * 8 + ["bo"] * 8
    assert [r.seq for r in log] == list(range(1, 17))
    assert len(table(db, "reviews", "review_id")) == 16
    assert {s for (s,) in table(db, "stances", "review_status")} == {"confirmed"}


def test_a_review_follows_its_row_to_a_new_id_by_span_and_identity():
    a = article()
    old, new = rows(a), rows(a, salt="v2")
    syria_old = old.stances[1]
    made = Review(
        "r1",
        "stances",
        syria_old.stance_id,
        a.article_id,
        "correct",
        "ana",
        datetime(2026, 1, 1),
        content_sha256=a.content_sha256,
        char_start=syria_old.char_start,
        char_end=syria_old.char_end,
        evidence=syria_old.evidence,
        changes={"polarity": "neutral"},
        before=review.apply.row_to_json(syria_old),
        seq=1,
    )
    resolution = resolve([ArticleRows(a, {"stances": new.stances})], [made])
    attachment = resolution.attachments["r1"]
    # Both new stances cover the span; the one with the same source and target is chosen.
    assert (attachment.how, attachment.row_id) == ("span", new.stances[1].stance_id)
    shown = resolution.rows[a.article_id]["stances"]
    assert [(s.target_id, s.polarity, s.review_status) for s in shown] == [
        ("russia", "critical", "machine"),
        ("syria", "neutral", "corrected"),
    ]


def test_a_review_follows_its_article_to_a_new_id_and_moved_text():
    a = article()
    moved = dataclasses.replace(
        article(body="Updated: " + BODY), article_id="new-id", content_sha256=a.content_sha256
    )
    figure = rows(a).figures[0]
    made = Review(
        "r1",
        "figures",
        figure.figure_id,
        a.article_id,
        "reject",
        "ana",
        datetime(2026, 1, 1),
        content_sha256=a.content_sha256,
        char_start=figure.char_start,
        char_end=figure.char_end,
        evidence=figure.evidence,
        seq=1,
    )
    now = rows(moved, salt="v2")
    resolution = resolve([ArticleRows(moved, {"figures": now.figures})], [made])
    assert resolution.attachments["r1"].row_id == now.figures[0].figure_id
    assert resolution.rows["new-id"]["figures"] == []


def test_a_review_that_attaches_to_nothing_is_reported_with_its_reason():
    a = article()
    made = Review(
        "r1",
        "figures",
        "an-id-of-an-earlier-run",
        "gone",
        "confirm",
        "ana",
        datetime(2026, 1, 1),
        content_sha256="other",
        char_start=0,
        char_end=5,
        seq=1,
    )
    resolution = resolve([ArticleRows(a, {"figures": rows(a).figures})], [made])
    (lost,) = resolution.unattached
    assert lost.review.review_id == "r1"
    assert "no longer in the warehouse" in lost.reason


def test_applying_without_a_run_replaces_the_file_and_keeps_other_tables(warehouse):
    db, extraction = warehouse
    before = table(db, "actors", "actor_id")
    review.submit(db, [req("stances", "reject", extraction.stances[1].stance_id)], apply=False)
    assert len(table(db, "stances", "stance_id")) == 2  # recorded, not yet applied
    inode = db.stat().st_ino
    result = review.apply_reviews_to_warehouse(db)
    assert result.rows["stances"] == 1 and result.applied == 1 and not result.unattached
    assert db.stat().st_ino != inode  # a new file moved over the old one
    assert table(db, "actors", "actor_id") == before
    assert not list(db.parent.glob(".warehouse.duckdb.tmp-*"))


def test_a_damaged_store_stops_the_etl_hook_instead_of_dropping_reviews(warehouse):
    db, extraction = warehouse
    review.store_path(db).write_bytes(b"\0" * 8 + b"DUCK" + b"\0" * 4096)
    with pytest.raises(review.ReviewError, match="cannot be read"):
        review.apply_store([extraction], db)


def test_a_warehouse_without_a_store_is_written_as_the_machine_left_it(warehouse):
    db, extraction = warehouse
    reviewed = review.apply_store([extraction], db)
    assert reviewed.extractions == [extraction]
    assert reviewed.review_rows == [] and reviewed.machine_rows == []
    assert not review.store_path(db).exists()
    assert not list(db.parent.glob("*.reviews.duckdb.lock"))


def test_later_actions_on_a_row_follow_its_first_action_to_the_new_row():
    a = article()
    old, new = rows(a), rows(a, salt="v2")
    syria_old = old.stances[1]
    where = {
        "content_sha256": a.content_sha256,
        "char_start": syria_old.char_start,
        "char_end": syria_old.char_end,
        "evidence": syria_old.evidence,
    }
    corrected = dataclasses.replace(syria_old, target_id="russia", review_status="corrected")
    first = Review(
        "r1", "stances", syria_old.stance_id, a.article_id, action="correct", reviewer="ana",
        reviewed_at=datetime(2026, 1, 1), changes={"target_id": "russia"},
        before=review.apply.row_to_json(syria_old), seq=1, **where,
    )  # fmt: skip
    # Made after the correction: its `before` names Russia, the machine's row named Syria.
    second = Review(
        "r2", "stances", syria_old.stance_id, a.article_id, action="confirm", reviewer="bo",
        reviewed_at=datetime(2026, 1, 2), before=review.apply.row_to_json(corrected), seq=2,
        **where,
    )  # fmt: skip
    resolution = resolve([ArticleRows(a, {"stances": new.stances})], [first, second])
    syria_new = new.stances[1].stance_id
    assert [resolution.attachments[r].row_id for r in ("r1", "r2")] == [syria_new, syria_new]
    assert resolution.states[("stances", syria_new)].status == "corrected"
    assert ("stances", new.stances[0].stance_id) not in resolution.states


def test_an_analyst_may_undo_only_their_own_action(warehouse):
    db, extraction = warehouse
    stance_id = extraction.stances[0].stance_id
    done = review.submit(db, [req("stances", "reject", stance_id, reviewer="bo")])
    with pytest.raises(review.RequestErrors, match="only bo may undo their reject"):
        review.submit(db, [req("stances", "undo", stance_id, undoes=done.reviews[0].review_id)])
    assert len(review.read_reviews(db)) == 1


def test_a_warehouse_locked_by_a_run_keeps_the_review_in_the_store(warehouse):
    from filelock import FileLock

    from etl.run import lock_path

    db, extraction = warehouse
    stance_id = extraction.stances[0].stance_id
    with FileLock(lock_path(db)):
        review.submit(db, [req("stances", "reject", stance_id)], apply=False)
        with pytest.raises(review.WarehouseBusy, match="the next ETL run applies them"):
            review.apply_reviews_to_warehouse(db, lock_timeout=0.2)
    assert [r.action for r in review.read_reviews(db)] == ["reject"]
    assert review.apply_reviews_to_warehouse(db).rows["stances"] == 1
