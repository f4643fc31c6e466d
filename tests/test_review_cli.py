"""`python -m etl.review` with the real ETL (spaCy) on tiny articles: reviews survive re-runs.

The issue's "done means": a rejection, a correction and a confirmation imported from JSON
lines stay applied in the contract tables through a re-run, a new article, and an ETL version
change that gives every row a new id.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest

from etl import evaluate, load, review
from etl.review.__main__ import main as review_main
from etl.run import default_steps, run_etl
from etl.types import stable_id

SECOND_ARTICLE = """\
Turkey hosts talks on Syria

ANKARA — Turkey hosted talks with Russia and Iran on Syria on April 2, 2021.
"We want a lasting ceasefire," Turkish Foreign Minister Mevlut Cavusoglu said.
About 3.6 million Syrian refugees live in Turkey, the UN refugee agency said.
"""


@pytest.fixture
def steps(nlp):
    """The real ETL steps with the session's spaCy pipeline (loaded once)."""
    from etl.pipeline import Analyser

    return dataclasses.replace(default_steps(), make_analyser=lambda: Analyser(nlp=nlp))


class NewVersionAnalyser:
    """The real analyser as a new ETL version would be: every id and span start differ."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def analyse(self, articles, *args, **kwargs):
        for extraction in self.inner.analyse(articles, *args, **kwargs):
            changed = {}
            for table, id_field in review.REVIEW_TABLES.items():
                changed[table] = tuple(
                    dataclasses.replace(
                        row,
                        **{id_field: stable_id(getattr(row, id_field), "v2")},
                        char_start=row.char_start + 1,
                    )
                    for row in getattr(extraction, table)
                )
            yield dataclasses.replace(extraction, **changed)


def rows(db: Path, table: str) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        order = "source_path" if table == "articles" else "char_start, 1"
        cursor = con.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    finally:
        con.close()


@pytest.fixture
def reviewed(tmp_path, input_dir, steps):
    """A warehouse of the tiny article with a rejection, a correction and a confirmation."""
    db = tmp_path / "warehouse.duckdb"
    run_etl(input_dir, db, steps=steps)
    stance = rows(db, "stances")[0]
    figure = rows(db, "figures")[0]
    statement = rows(db, "statements")[0]
    new_category = "killed" if figure["category"] != "killed" else "injured"
    lines = [
        {"table": "stances", "id": stance["stance_id"], "action": "reject", "reviewer": "ana",
         "note": "not a stance"},
        {"table": "figures", "id": figure["figure_id"], "action": "correct",
         "set": {"category": new_category}, "reviewer": "ana"},
        {"table": "statements", "id": statement["statement_id"], "action": "confirm",
         "reviewer": "bo"},
    ]  # fmt: skip
    file = tmp_path / "reviews.jsonl"
    file.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert review_main(["import", str(file), "--db", str(db)]) == 0
    return {
        "db": db,
        "input": input_dir,
        "stance": stance,
        "figure": figure,
        "statement": statement,
        "category": new_category,
    }


def assert_reviews_applied(r: dict, *, id_of=lambda row_id: row_id) -> None:
    db = r["db"]
    stances = {s["stance_id"] for s in rows(db, "stances")}
    assert id_of(r["stance"]["stance_id"]) not in stances
    figures = {f["figure_id"]: f for f in rows(db, "figures")}
    figure = figures[id_of(r["figure"]["figure_id"])]
    assert (figure["category"], figure["review_status"]) == (r["category"], "corrected")
    statements = {s["statement_id"]: s for s in rows(db, "statements")}
    assert statements[id_of(r["statement"]["statement_id"])]["review_status"] == "confirmed"
    assert [a["action"] for a in rows_of_reviews(db)] == ["reject", "correct", "confirm"]
    assert all(a["attached_row_id"] for a in rows_of_reviews(db))


def rows_of_reviews(db: Path) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute("SELECT * FROM reviews ORDER BY seq")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    finally:
        con.close()


def test_imported_reviews_stay_applied_through_reruns_and_a_new_article(reviewed, steps):
    db, folder = reviewed["db"], reviewed["input"]
    assert_reviews_applied(reviewed)
    summary = run_etl(folder, db, steps=steps)
    assert summary.articles_reused == 1
    assert "reviews: 3 of 3 analyst actions applied" in summary.notes
    assert_reviews_applied(reviewed)
    (folder / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    summary = run_etl(folder, db, steps=steps)
    assert (summary.articles_new, summary.articles_reused) == (1, 1)
    assert_reviews_applied(reviewed)
    second = {a["article_id"] for a in rows(db, "articles") if a["source_path"] == "second.txt"}
    assert {f["review_status"] for f in rows(db, "figures") if f["article_id"] in second} == {
        "machine"
    }


def test_after_an_etl_version_change_reviews_reattach_by_span(reviewed, steps, monkeypatch):
    db, folder = reviewed["db"], reviewed["input"]
    monkeypatch.setattr(load, "etl_version", lambda **kwargs: "a-new-version")
    machine_stances = len(rows(db, "stances")) + 1  # one is rejected
    new_steps = dataclasses.replace(
        steps, make_analyser=lambda: NewVersionAnalyser(steps.make_analyser())
    )
    summary = run_etl(folder, db, steps=new_steps)
    assert summary.articles_new == 1
    assert_reviews_applied(reviewed, id_of=lambda row_id: stable_id(row_id, "v2"))
    assert len(rows(db, "stances")) == machine_stances - 1
    assert {a["attached_by"] for a in rows_of_reviews(db)} == {"span"}


def test_a_review_whose_article_is_gone_is_reported_not_dropped(reviewed, steps, capsys):
    db, folder = reviewed["db"], reviewed["input"]
    (folder / "tiny.txt").unlink()
    (folder / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    summary = run_etl(folder, db, steps=steps)
    lost = [n for n in summary.notes if "attaches to nothing" in n]
    assert len(lost) == 3 and "its article is no longer in the warehouse" in lost[0]
    assert len(review.unattached(db)) == 3
    assert all(r["attached_row_id"] is None for r in rows_of_reviews(db))
    capsys.readouterr()
    assert review_main(["list", "--unattached", "--db", str(db)]) == 0
    assert "Unattached reviews: 3" in capsys.readouterr().out


def test_export_writes_gold_that_evaluate_loads_and_scores(reviewed, tmp_path, capsys):
    gold = tmp_path / "gold"
    assert review_main(["export", "--gold", str(gold), "--db", str(reviewed["db"])]) == 0
    (written,) = sorted(gold.glob("*.json"))
    assert written.name == "tiny.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [f["category"] for f in data["figures"]] == [reviewed["category"]]
    assert len(data["statements"]) == 1 and data["stances"] == []
    (loaded,) = evaluate.load_gold(gold)
    scores = evaluate.score_folder(reviewed["db"], gold)
    assert scores.totals["figures"].tp == 1 and loaded.name == "tiny"


def test_evaluate_reviews_scores_the_machine_against_the_reviews(reviewed, capsys):
    capsys.readouterr()
    assert evaluate.main(["--reviews", "--db", str(reviewed["db"]), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    assert (tables["statements"]["confirmed"], tables["statements"]["precision"]) == (1, 1.0)
    assert (tables["stances"]["rejected"], tables["stances"]["precision"]) == (1, 0.0)
    assert (tables["figures"]["corrected"], tables["figures"]["precision"]) == (1, 0.0)


def test_a_file_with_wrong_lines_imports_nothing_and_names_each_line(reviewed, tmp_path, capsys):
    db = reviewed["db"]
    lines = [
        json.dumps({"table": "stances", "id": rows(db, "stances")[0]["stance_id"],
                    "action": "confirm", "reviewer": "ana"}),
        json.dumps({"table": "speeches", "id": "x", "action": "confirm", "reviewer": "ana"}),
        "{not json",
        json.dumps({"table": "figures", "id": "missing", "action": "reject", "reviewer": "ana"}),
        json.dumps({"table": "figures", "id": rows(db, "figures")[0]["figure_id"],
                    "action": "correct", "set": {"value": "lots"}, "reviewer": "ana"}),
    ]  # fmt: skip
    file = tmp_path / "bad.jsonl"
    file.write_text("\n".join(lines), encoding="utf-8")
    before = len(review.read_reviews(db))
    capsys.readouterr()
    assert review_main(["import", str(file), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "line 2: unknown table 'speeches'" in err
    assert "line 3: not valid JSON" in err
    assert "line 4: no row of figures has the id 'missing'" in err
    assert "line 5: value must be a number" in err
    assert "line 1" not in err
    assert len(review.read_reviews(db)) == before


@pytest.mark.parametrize("command", [[], ["import"], ["export"], ["list"]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        review_main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: python -m etl.review" in capsys.readouterr().out


def test_export_never_replaces_existing_gold_unless_forced(reviewed, tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "tiny.json").write_text("hand-made", encoding="utf-8")
    capsys.readouterr()
    assert review_main(["export", "--gold", str(gold), "--db", str(reviewed["db"])]) == 1
    assert "already exist" in capsys.readouterr().err
    assert (gold / "tiny.json").read_text(encoding="utf-8") == "hand-made"
    assert review_main(["export", "--gold", str(gold), "--db", str(reviewed["db"]), "--force"]) == 0
    assert json.loads((gold / "tiny.json").read_text(encoding="utf-8"))["figures"]


def test_import_refuses_overlong_text_and_too_deep_lines_naming_each(reviewed, tmp_path, capsys):
    db = reviewed["db"]
    statement = rows(db, "statements")[0]["statement_id"]
    lines = [
        json.dumps({"table": "statements", "id": statement, "action": "correct",
                    "reviewer": "ana", "set": {"quote": "x" * 5_000}}),
        json.dumps({"table": "statements", "id": statement, "action": "confirm",
                    "reviewer": "ana", "note": "n" * 5_000}),
        "[" * 3_000 + "]" * 3_000,
    ]  # fmt: skip
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    capsys.readouterr()
    assert review_main(["import", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err
    assert "quote is 5,000 characters long" in err
    assert "note is 5,000 characters long" in err and "line 3: not valid JSON" in err


def test_a_stance_may_only_be_linked_to_a_statement_of_its_own_article(reviewed, tmp_path, capsys):
    db = reviewed["db"]
    stance = rows(db, "stances")[-1]
    statement = next(s for s in rows(db, "statements") if s["article_id"] == stance["article_id"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"table": "stances", "id": stance["stance_id"], "action": "correct",
                    "reviewer": "ana", "set": {"statement_id": "no-such-statement"}}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    capsys.readouterr()
    assert review_main(["import", str(bad), "--db", str(db)]) == 1
    assert (
        "'no-such-statement' is not a statement of this stance's article" in capsys.readouterr().err
    )
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"table": "stances", "id": stance["stance_id"], "action": "correct",
                    "reviewer": "ana", "set": {"statement_id": statement["statement_id"]}}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    assert review_main(["import", str(good), "--db", str(db)]) == 0
    linked = {s["stance_id"]: s for s in rows(db, "stances")}[stance["stance_id"]]
    assert linked["statement_id"] == statement["statement_id"]
