"""Analysts' verdicts as calibration data, with the real ETL (spaCy) on articles written here.

`python -m etl.calibrate … --reviews WAREHOUSE` fits on the machine rows analysts judged
(confirmed: right; rejected or corrected: wrong) and counts the rows they added as misses; a
folder written by `python -m etl.review export --gold` is accepted as is by `etl.evaluate` and
`etl.calibrate --set`, JSON Lines bundles and sub-folders included.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest

from etl import calibrate, confidence, evaluate
from etl.review.__main__ import main as review_main
from etl.run import default_steps, run_etl
from tests.conftest import SIDECAR, TINY_ARTICLE

TALKS_ARTICLE = """\
Turkey hosts talks on Syria

ANKARA — Turkey hosted talks with Russia and Iran on Syria on April 2, 2021.
"We want a lasting ceasefire," Turkish Foreign Minister Mevlut Cavusoglu said.
About 3.6 million Syrian refugees live in Turkey, the UN refugee agency said.
"""

AID_ARTICLE = """\
Germany pledges more aid for Syrians

BERLIN — Germany will give 1.7 billion euros in humanitarian aid for Syria and its neighbours,
Foreign Minister Annalena Baerbock said on Tuesday at a donors' conference in Brussels.
Baerbock condemned Russia for shielding the Assad government at the Security Council.
"The people of Syria cannot wait any longer," she said.
"""

BUNDLE_RECORDS = [
    {
        "title": "France calls for a ceasefire in Idlib",
        "text": "PARIS — France called on Russia on Friday to press for a ceasefire in Idlib, "
        "where nearly one million people have fled their homes since December, the French "
        "foreign ministry said.",
        "url": "https://example.org/france-idlib",
        "published": "2020-02-14",
    },
    {
        "title": "UK announces new sanctions",
        "text": "LONDON — Britain imposed sanctions on six Syrian officials on Monday, Foreign "
        'Secretary Dominic Raab said. "The regime must be held to account," Raab said.',
        "url": "https://example.org/uk-sanctions",
        "published": "2021-03-15",
    },
]

ID_COLUMNS = {
    "statements": "statement_id",
    "stances": "stance_id",
    "figures": "figure_id",
    "events": "event_id",
}


@pytest.fixture
def steps(nlp):
    from etl.pipeline import Analyser

    return dataclasses.replace(default_steps(), make_analyser=lambda: Analyser(nlp=nlp))


def machine_rows(db: Path) -> dict[str, list[dict]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, id_column in ID_COLUMNS.items():
            cursor = con.execute(
                f"SELECT t.*, a.source_path FROM {table} t JOIN articles a USING (article_id) "
                f"ORDER BY a.source_path, t.char_start, t.{id_column}"
            )
            names = [d[0] for d in cursor.description]
            out[table] = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        return out
    finally:
        con.close()


def write_lines(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def reviewed(tmp_path, steps):
    """Three articles through the real ETL; analysts confirm, reject, correct and add rows."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "tiny.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    (folder / "sources.csv").write_text(SIDECAR, encoding="utf-8")
    (folder / "talks.txt").write_text(TALKS_ARTICLE, encoding="utf-8")
    (folder / "aid.txt").write_text(AID_ARTICLE, encoding="utf-8")
    db = tmp_path / "warehouse.duckdb"
    run_etl(folder, db, steps=steps)
    rows = machine_rows(db)
    statements, stances, figures = rows["statements"], rows["stances"], rows["figures"]
    assert len(statements) >= 4 and len(stances) >= 2 and len(figures) >= 2
    figure = figures[0]
    new_category = "killed" if figure["category"] != "killed" else "injured"
    body_of = dict(
        duckdb.connect(str(db), read_only=True)
        .execute("SELECT article_id, body FROM articles")
        .fetchall()
    )
    aid = next(s for s in statements if s["source_path"] == "aid.txt")
    body = body_of[aid["article_id"]]
    missed = "Baerbock condemned Russia"
    start = body.index(missed)
    lines = [
        *({"table": "statements", "id": s["statement_id"], "action": "confirm", "reviewer": "ana"}
          for s in statements[:3]),
        {"table": "statements", "id": statements[3]["statement_id"], "action": "reject",
         "reviewer": "ana", "note": "not said by this speaker"},
        {"table": "stances", "id": stances[0]["stance_id"], "action": "confirm", "reviewer": "bo"},
        {"table": "stances", "id": stances[1]["stance_id"], "action": "reject", "reviewer": "bo"},
        {"table": "figures", "id": figure["figure_id"], "action": "correct",
         "set": {"category": new_category}, "reviewer": "bo"},
        {"table": "figures", "id": figures[1]["figure_id"], "action": "confirm", "reviewer": "bo"},
        {"table": "stances", "action": "add", "article_id": aid["article_id"],
         "char_start": start, "char_end": start + len(missed), "reviewer": "ana",
         "set": {"source_id": "germany", "target_id": "russia", "polarity": "critical"}},
    ]  # fmt: skip
    assert (
        review_main(["import", str(write_lines(tmp_path / "r.jsonl", lines)), "--db", str(db)]) == 0
    )
    judged = [*statements[:4], *stances[:2], *figures[:2]]
    paths = sorted({r["source_path"] for r in judged})
    return {"db": db, "input": folder, "rows": rows, "tmp": tmp_path, "paths": paths}


def test_review_samples_label_each_verdict_and_count_additions(reviewed):
    rows = reviewed["rows"]
    found = calibrate.review_samples(reviewed["db"], weight=2.0, set_index=7)
    labels = {table: [s.right for s in found.samples[table]] for table in ID_COLUMNS}
    assert sorted(labels["statements"]) == [False, True, True, True]
    assert sorted(labels["stances"]) == [False, True]
    assert sorted(labels["figures"]) == [False, True]  # the corrected figure is wrong
    assert labels["events"] == []  # nobody judged an event: none in the fit
    assert found.added == {"statements": 0, "stances": 1, "figures": 0, "events": 0}
    assert found.articles == len(reviewed["paths"]) and found.unattached == 0
    every = [s for table in ID_COLUMNS for s in found.samples[table]]
    assert all(s.blind and s.weight == 2.0 and s.set_index == 7 for s in every)
    # Grouped by article (whole articles go to one fold), named like no other set's articles.
    assert sorted({s.article for s in every}) == [f"7:{p}" for p in reviewed["paths"]]
    # The stored confidence of each judged row comes along, for the "before" reliability.
    stored = {c for c, _ in found.stored["statements"]}
    assert stored <= {s["confidence"] for s in rows["statements"]} and None not in stored


def test_reviewed_rows_get_the_features_of_gold_labelled_rows(reviewed):
    """A confirmed row's features are those `samples_from_scores` gives the same row scored
    against gold: the same function on the same warehouse rows, whatever the labels."""
    gold = reviewed["tmp"] / "gold"
    assert review_main(["export", "--gold", str(gold), "--db", str(reviewed["db"])]) == 0
    fresh = reviewed["tmp"] / "fresh.duckdb"
    run_etl(reviewed["input"], fresh, full=True)
    from_gold = calibrate.samples_from_scores(evaluate.score_folder(fresh, gold))
    from_reviews = calibrate.review_samples(reviewed["db"])
    for table in ("statements", "stances", "figures"):
        confirmed = {s.features for s in from_reviews.samples[table] if s.right}
        assert confirmed and confirmed <= {s.features for s in from_gold[table] if s.right}


def test_calibrate_fits_on_reviews_and_reports_the_verdicts(reviewed, capsys):
    tmp = reviewed["tmp"]
    gold = tmp / "gold"
    assert review_main(["export", "--gold", str(gold), "--db", str(reviewed["db"])]) == 0
    out = tmp / "model.json"
    capsys.readouterr()
    code = calibrate.main(
        ["--set", str(reviewed["input"]), str(gold), "--reviews", str(reviewed["db"]), "2",
         "--out", str(out), "--folds", "2"]
    )  # fmt: skip
    assert code == 0
    printed = capsys.readouterr().out
    assert (
        f"analysts' verdicts in {reviewed['db']}: 8 judged row(s) of {len(reviewed['paths'])} "
        "article(s)"
    ) in printed
    assert "statements: 3 of 4 right; at 0.8 or more: " in printed
    assert f"held out together with {reviewed['input']} (the same pages)" in printed
    assert "stances: 1 of 2 right" in printed and "1 added by analysts" in printed
    assert "figures: 1 of 2 right" in printed
    model = confidence.load_model(out)
    assert set(model.tables) == set(confidence.ROW_TABLES)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["tables"]["statements"]["rows"] > 4  # the gold set's rows and the verdicts
    assert {"articles": str(reviewed["db"]), "gold": str(reviewed["db"]), "weight": 2.0} in (
        written["fitted_on"]
    )
    # The exported gold holds the same pages: the verdicts are held out together with it.
    assert (
        calibrate.family_of_reviews(
            calibrate._judged_articles(reviewed["db"], calibrate.review_samples(reviewed["db"])),
            [
                calibrate.GoldSet(tmp / "elsewhere", gold),
                calibrate.GoldSet(reviewed["input"], gold),
            ],
        )
        == 1
    )


def test_calibrate_refuses_a_warehouse_that_is_not_one(reviewed, tmp_path, capsys):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("not a database", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    code = calibrate.main(
        ["--set", str(reviewed["input"]), str(gold), "--reviews", str(bogus),
         "--out", str(tmp_path / "m.json")]
    )  # fmt: skip
    assert code == 1 and "error:" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()


def test_confirmed_rows_exported_as_gold_score_f1_one_bundles_and_folders_included(
    tmp_path, steps, capsys
):
    """Every row confirmed, exported, and scored by a fresh run of the ETL: F1 1.0 per table,
    for two records of one JSON Lines bundle and a file in a sub-folder too (before, every
    record of a bundle was scored against the first one)."""
    folder = tmp_path / "raw"
    (folder / "world").mkdir(parents=True)
    (folder / "tiny.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    (folder / "world" / "talks.txt").write_text(TALKS_ARTICLE, encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in BUNDLE_RECORDS), encoding="utf-8"
    )
    db = tmp_path / "warehouse.duckdb"
    run_etl(folder, db, steps=steps)
    rows = machine_rows(db)
    assert {r["source_path"] for r in rows["statements"]} >= {"wire.jsonl#1", "wire.jsonl#2"}
    lines = [
        {"table": table, "id": row[ID_COLUMNS[table]], "action": "confirm", "reviewer": "ana"}
        for table in ID_COLUMNS
        for row in rows[table]
    ]
    assert (
        review_main(["import", str(write_lines(tmp_path / "r.jsonl", lines)), "--db", str(db)]) == 0
    )
    gold = tmp_path / "gold"
    assert review_main(["export", "--gold", str(gold), "--db", str(db)]) == 0
    assert sorted(p.name for p in gold.glob("*.json")) == [
        "talks.json", "tiny.json", "wire-1.json", "wire-2.json"
    ]  # fmt: skip
    capsys.readouterr()
    assert evaluate.main(["--articles", str(folder), "--gold", str(gold), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    for table in ("figures", "statements", "stances", "events"):
        assert tables[table]["gold"] > 0 and tables[table]["f1"] == 1.0, table
    assert tables["actors"]["recall"] == 1.0
    # The same folder is a calibration set as it is: every row labelled right.
    samples = calibrate.collect([calibrate.GoldSet(folder, gold)])
    assert all(s.right for table in samples for s in samples[table])
    assert sum(len(v) for v in samples.values()) == len(lines)


@pytest.mark.parametrize(
    ("file", "key"),
    [
        ("hx01_wire.txt", "hx01_wire"),
        ("world/talks.txt", "world/talks"),
        ("wire.jsonl#2", "wire#2"),
        ("news/wire.jsonl#12", "news/wire#12"),
        ("statement", "statement"),
    ],
)
def test_gold_key_names_the_article_with_its_folder_and_record(file, key):
    assert evaluate.gold_key(file) == key


def test_an_article_answers_to_hand_made_and_exported_gold_names():
    assert evaluate.article_keys("news/wire.jsonl#3") == ["news/wire#3", "wire#3", "wire"]
    assert evaluate.article_keys("hx01_wire.txt") == ["hx01_wire"]
    assert evaluate.article_keys("world/talks.txt") == ["world/talks", "talks"]


# --- which verdicts count: the order of actions, undo, additions (pure, no ETL) -------------


def _figure():
    from etl.types import Figure

    return Figure(
        "f1", "a1", 3_600_000.0, "3.6 million", "refugees", None, "Turkey", None, None,
        "About 3.6 million Syrian refugees live in Turkey.", 0, 49,
    )  # fmt: skip


def _review(seq: int, action: str, **kwargs):
    from datetime import datetime

    from etl.review.store import Review

    return Review(
        review_id=f"r{seq}", table_name="figures", row_id="f1", article_id="a1", action=action,
        reviewer="ana", reviewed_at=datetime(2026, 12, 7), seq=seq, **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("actions", "verdict"),
    [
        ([("confirm", {})], "confirmed"),
        ([("reject", {})], "rejected"),
        ([("correct", {"changes": {"category": "displaced"}})], "corrected"),
        # A corrected row stays wrong when it is confirmed afterwards (as corrected).
        ([("correct", {"changes": {"category": "displaced"}}), ("confirm", {})], "corrected"),
        # The latest word wins: a rejection taken back by a confirmation is right, and the
        # other way round.
        ([("reject", {}), ("confirm", {})], "confirmed"),
        ([("confirm", {}), ("reject", {})], "rejected"),
        # An undone verdict is no verdict: the row is left out of the fit.
        ([("confirm", {}), ("undo", {"undoes": "r1"})], None),
        ([("reject", {}), ("undo", {"undoes": "r1"})], None),
        # An undo of an undo brings the verdict back.
        ([("reject", {}), ("undo", {"undoes": "r1"}), ("undo", {"undoes": "r2"})], "rejected"),
    ],
)
def test_a_row_counts_by_the_verdict_in_force(actions, verdict):
    from etl.review.apply import replay

    history = [_review(i + 1, action, **extra) for i, (action, extra) in enumerate(actions)]
    state = replay("figures", "f1", "a1", _figure(), history, {})
    assert calibrate.review_verdict(state) == verdict


def test_a_row_an_analyst_added_is_no_verdict_on_the_machine():
    from etl.review.apply import replay

    add = _review(1, "add", changes={"value": 25000, "category": "resettled"})
    state = replay("figures", "f9", "a1", None, [add], {"r1": _figure()})
    assert state.row is not None and calibrate.review_verdict(state) is None
