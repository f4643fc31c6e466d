"""Stance confidence features read from the rest of the page: whether the page states the same
edge twice, how often it names the target, whether the source is the page's main actor; and the
re-description of frozen blind rows with such features."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl import calibrate, confidence
from etl.types import Actor, Article, Extraction, Mention, Stance

BODY = (
    "Norway condemned Belarus over the detention of aid workers. "
    "Oslo said the arrests were unacceptable, and Norway again condemned Belarus on Friday. "
    "Norway also welcomed a statement by Chile."
)
ACTORS = {
    a.actor_id: a
    for a in (
        Actor("norway", "Norway", "country", None),
        Actor("belarus", "Belarus", "country", None),
        Actor("chile", "Chile", "country", None),
    )
}
ARTICLE = Article("a1", "n.txt", None, None, None, date(2025, 3, 7), "day", "en", BODY, "sha")


def _at(text: str, start: int = 0) -> tuple[int, int]:
    i = BODY.index(text, start)
    return i, i + len(text)


def _mention(actor_id: str, text: str, start: int = 0) -> Mention:
    s, e = _at(text, start)
    return Mention("a1", actor_id, s, e, text)


SENTENCES = (
    (0, BODY.index("workers.") + len("workers.")),
    (BODY.index("Oslo"), BODY.index("Friday.") + len("Friday.")),
    (BODY.index("Norway also"), len(BODY)),
)


def _sentence(n: int) -> tuple[int, int]:
    return SENTENCES[n]


def _stance(sid: str, source: str, target: str, n: int, cue: str) -> Stance:
    s, e = _sentence(n)
    return Stance(
        sid,
        "a1",
        None,
        source,
        target,
        "critical" if target == "belarus" else "supportive",
        BODY[s:e],
        s,
        e,
        cue,
    )


MENTIONS = (
    _mention("norway", "Norway"),
    _mention("belarus", "Belarus"),
    _mention("norway", "Oslo"),
    _mention("norway", "Norway", 60),
    _mention("belarus", "Belarus", 60),
    _mention("norway", "Norway", 147),
    _mention("chile", "Chile"),
)
FIRST = _stance("x1", "norway", "belarus", 0, "condemned")
AGAIN = _stance("x2", "norway", "belarus", 1, "condemned")
ONCE = _stance("x3", "norway", "chile", 2, "welcomed")


def features(row: Stance, stances: tuple[Stance, ...] = (FIRST, AGAIN, ONCE)) -> set[str]:
    extraction = Extraction(ARTICLE, mentions=MENTIONS, stances=stances)
    return set(confidence.row_features("stances", row, extraction, ACTORS))


def test_an_edge_the_page_states_in_two_sentences_is_restated():
    assert "restated=true" in features(FIRST)
    assert "restated=true" in features(AGAIN)
    assert "restated=false" in features(ONCE)
    # alone on the page, the same row is not restated
    assert "restated=false" in features(FIRST, (FIRST, ONCE))


def test_a_second_row_of_the_same_sentence_does_not_count_as_restating():
    twin = _stance("x4", "norway", "belarus", 0, "condemned")
    assert "restated=false" in features(FIRST, (FIRST, twin))


def test_the_opposite_polarity_is_not_a_restatement():
    s, e = _sentence(1)
    praise = Stance("x5", "a1", None, "norway", "belarus", "supportive", BODY[s:e], s, e, "said")
    assert "restated=false" in features(FIRST, (FIRST, praise))


def test_how_often_the_page_names_the_target():
    assert "target_mentions=1" in features(ONCE)  # Chile, named once
    assert "target_mentions=2-3" in features(FIRST)  # Belarus, twice


def test_the_source_the_page_names_most_is_its_main_actor():
    assert "source_main=true" in features(FIRST)  # Norway: four mentions with "Oslo"
    reverse = _stance("x6", "belarus", "norway", 0, "condemned")
    assert "source_main=false" in features(reverse)


# --- re-describing frozen rows -------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from etl.run import run_etl

    root = Path(__file__).resolve().parent.parent
    db = tmp_path_factory.mktemp("seed") / "warehouse.duckdb"
    run_etl(root / "data" / "raw", db, full=True)
    return db


def test_redescribing_adds_missing_groups_and_keeps_frozen_features_and_labels(seed_db):
    gold = Path(__file__).resolve().parent / "gold"
    rows = calibrate.freeze(seed_db, gold)
    stances = [r for r in rows if r["table"] == "stances"]
    assert stances
    # Rows frozen before the page features existed, one label flipped by a later gold fix.
    old = [
        dict(r, features=[f for f in r["features"] if not f.startswith("restated=")]) for r in rows
    ]
    old[rows.index(stances[0])]["right"] = not stances[0]["right"]
    new = calibrate.redescribe(seed_db, gold, old)
    assert [r["right"] for r in new] == [r["right"] for r in old]
    for before, after in zip(old, new, strict=True):
        assert after["features"][: len(before["features"])] == before["features"]
        if after["table"] == "stances":
            assert sum(f.startswith("restated=") for f in after["features"]) == 1
        else:
            assert after["features"] == before["features"]


def test_redescribing_refuses_rows_of_another_run(seed_db):
    gold = Path(__file__).resolve().parent / "gold"
    rows = calibrate.freeze(seed_db, gold)
    with pytest.raises(ValueError, match="frozen rows"):
        calibrate.redescribe(seed_db, gold, rows[:-1])
    swapped = [dict(r) for r in rows]
    first = next(i for i, r in enumerate(swapped) if r["table"] == "stances")
    swapped[first] = dict(swapped[first], article="zz_another_page")
    with pytest.raises(ValueError, match="zz_another_page"):
        calibrate.redescribe(seed_db, gold, swapped)


def test_redescribe_on_the_command_line_writes_the_rows(seed_db, tmp_path):
    gold = Path(__file__).resolve().parent / "gold"
    frozen = tmp_path / "blind_rows.jsonl"
    rows = [
        dict(r, features=[f for f in r["features"] if not f.startswith("source_main=")])
        for r in calibrate.freeze(seed_db, gold)
    ]
    frozen.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "new.jsonl"
    args = ["--redescribe", str(seed_db), str(gold), str(frozen), "--out", str(out)]
    assert calibrate.main(args) == 0
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(written) == len(rows)
    assert all(
        any(f.startswith("source_main=") for f in r["features"])
        for r in written
        if r["table"] == "stances"
    )
