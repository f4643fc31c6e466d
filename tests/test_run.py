"""One ETL run: walking the folder, duplicates, rejections, reuse, idempotency.

Most tests give `run_etl` small hand-made collaborators (`Steps`) so they check the run's own
rules quickly and without spaCy; the tests at the end run the real modules.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb
import pytest

from etl import load
from etl.run import RunError, Steps, iter_input_files, run_etl
from etl.types import (
    Actor,
    Article,
    Extraction,
    Mention,
    RawDocument,
    Rejection,
    stable_id,
)

GAZETTEER = (Actor("canada", "Canada", "country", None, ("Ottawa",)),)


def fake_read(path: Path, root: Path):
    data = path.read_bytes()
    if not data.strip():
        return Rejection(path.relative_to(root).as_posix(), "empty", "the file is empty")
    if path.name.startswith("crash"):
        raise OSError("device not ready")
    rel = path.relative_to(root).as_posix()
    return [RawDocument(rel, data.decode("utf-8"), hashlib.sha256(data).hexdigest(), "txt")]


def fake_prepare(raw: RawDocument, sidecar):
    if raw.text.startswith("Bonjour"):
        return Rejection(raw.source_path, "non_english", "detected language: fr")
    body = "\n".join(line for line in raw.text.splitlines() if not line.startswith("Share"))
    meta = sidecar.get(raw.source_path, {})
    return Article(
        article_id=stable_id(raw.source_path, raw.content_sha256),
        source_path=raw.source_path,
        title=body.splitlines()[0],
        outlet=meta.get("outlet"),
        url=None,
        published_date=None,
        published_precision=None,
        language="en",
        body=body,
        content_sha256=raw.content_sha256,
    )


class FakeAnalyser:
    """Mentions of capitalised words; unknown ones become discovered actors."""

    gazetteer_actors = GAZETTEER

    def __init__(self, calls: list[str]) -> None:
        self.calls = calls
        self.discovered: dict[str, Actor] = {}

    def analyse(self, articles, batch_size: int = 8):
        for article in articles:
            self.calls.append(article.source_path)
            if "EXPLODE" in article.body:
                raise ValueError("parser choked")
            mentions, new_actors = [], {}
            for match in re.finditer(r"\b[A-Z][a-z]{3,}\b", article.body):
                actor_id = match.group().lower()
                mentions.append(
                    Mention(
                        article.article_id,
                        actor_id,
                        match.start(),
                        match.end(),
                        match.group(),
                    )
                )
                if actor_id != "canada":
                    new_actors[actor_id] = Actor(
                        actor_id, match.group(), "person", None, source="discovered"
                    )
            yield Extraction(
                article=article,
                mentions=tuple(mentions),
                new_actors=tuple(new_actors.values()),
            )


@pytest.fixture(autouse=True)
def analysis_in_this_process(monkeypatch):
    """These tests watch the fake analyser's calls, which a budget worker would make in another
    process; the worker has tests of its own (test_article_budget.py)."""
    monkeypatch.setattr("etl.run._can_fork", lambda: False)


@pytest.fixture
def calls() -> list[str]:
    return []


@pytest.fixture
def steps(calls) -> Steps:
    sidecars: dict = {}
    return Steps(fake_read, lambda folder: sidecars, fake_prepare, lambda: FakeAnalyser(calls))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "raw"
    (root / "2021").mkdir(parents=True)
    (root / "a.txt").write_text("Ottawa meeting\nCanada spoke with Russia.\nShare this\n")
    (root / "2021" / "b.txt").write_text("Aleppo falls\nSyria and Russia advance.\n")
    (root / "sources.csv").write_text("file,url,outlet,published_date\n")
    (root / ".hidden.txt").write_text("Hidden file\nNever read.\n")
    return root


def dump(db_path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {
            t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in load.TABLES
            if t != "runs"
        }
    finally:
        con.close()


def test_input_files_are_walked_recursively_in_sorted_order_without_hidden_or_sidecar(
    folder,
):
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("x")
    names = [p.relative_to(folder).as_posix() for p in iter_input_files(folder)]
    assert names == ["2021/b.txt", "a.txt"]


def test_a_warehouse_inside_the_input_folder_is_not_read_as_an_article(folder, steps):
    db = folder / "w.duckdb"
    run_etl(folder, db, steps=steps)
    summary = run_etl(folder, db, steps=steps)
    assert summary.files_seen == 2 and summary.rejected == ()


def test_a_run_loads_every_article_and_its_rows(folder, tmp_path, steps):
    db = tmp_path / "w.duckdb"
    summary = run_etl(folder, db, steps=steps)
    assert (summary.files_seen, summary.articles_new, summary.articles_reused) == (
        2,
        2,
        0,
    )
    assert summary.rejected == ()
    con = duckdb.connect(str(db), read_only=True)
    assert sorted(r[0] for r in con.execute("SELECT source_path FROM articles").fetchall()) == [
        "2021/b.txt",
        "a.txt",
    ]
    assert (
        summary.rows["mentions"] == con.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
    )
    kinds = dict(con.execute("SELECT actor_id, source FROM actors").fetchall())
    assert kinds["canada"] == "gazetteer" and kinds["russia"] == "discovered"


def test_rerunning_over_the_same_input_changes_nothing(folder, tmp_path, steps, calls):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    first = dump(db)
    calls.clear()
    summary = run_etl(folder, db, steps=steps)
    assert dump(db) == first
    assert calls == []  # nothing reanalysed
    assert (summary.articles_new, summary.articles_reused) == (0, 2)


def test_only_changed_articles_are_reanalysed(folder, tmp_path, steps, calls):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    (folder / "a.txt").write_text("Ottawa meeting\nCanada spoke with Turkey.\n")
    calls.clear()
    summary = run_etl(folder, db, steps=steps)
    assert calls == ["a.txt"]
    assert (summary.articles_new, summary.articles_reused) == (1, 1)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    texts = {r[0] for r in con.execute("SELECT text FROM mentions").fetchall()}
    assert "Turkey" in texts and "Syria" in texts


def test_changed_articles_know_the_people_reused_articles_discovered(folder, tmp_path, calls):
    analysers: list[FakeAnalyser] = []

    def make_analyser() -> FakeAnalyser:
        analysers.append(FakeAnalyser(calls))
        return analysers[-1]

    steps = Steps(fake_read, lambda path: {}, fake_prepare, make_analyser)
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    (folder / "a.txt").write_text("Ottawa meeting\nCanada spoke with Turkey.\n")
    run_etl(folder, db, steps=steps)
    assert "syria" in analysers[-1].discovered  # found in the reused 2021/b.txt


def test_full_reanalyses_everything_but_keeps_ids_and_rows(folder, tmp_path, steps, calls):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    first = dump(db)
    calls.clear()
    summary = run_etl(folder, db, steps=steps, full=True)
    assert sorted(calls) == ["2021/b.txt", "a.txt"]
    assert summary.articles_reused == 0
    assert dump(db) == first


def test_a_new_etl_version_reanalyses_everything(folder, tmp_path, steps, calls, monkeypatch):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    monkeypatch.setattr(load, "etl_version", lambda *a, **k: "a-different-version")
    calls.clear()
    summary = run_etl(folder, db, steps=steps)
    assert len(calls) == 2
    assert any("reanalysed" in note for note in summary.notes)


def test_duplicate_bytes_and_duplicate_cleaned_text_are_rejected(folder, tmp_path, steps):
    (folder / "c_copy.txt").write_bytes((folder / "a.txt").read_bytes())
    # Same text once the "Share" furniture is cleaned away, different bytes.
    (folder / "d_variant.txt").write_text("Ottawa meeting\nCanada spoke with Russia.\nShare on X\n")
    summary = run_etl(folder, tmp_path / "w.duckdb", steps=steps)
    assert summary.articles == 2
    assert sorted(summary.rejected, key=lambda r: r.source_path) == [
        Rejection("c_copy.txt", "duplicate", "same content as a.txt"),
        Rejection("d_variant.txt", "duplicate", "same content as a.txt"),
    ]


def test_bad_inputs_are_recorded_and_the_good_ones_still_load(folder, tmp_path, steps):
    (folder / "empty.txt").write_text("   \n")
    (folder / "french.txt").write_text("Bonjour\nLe Canada et la Russie.\n")
    (folder / "crash.txt").write_text("Reader fails here\n")
    (folder / "zz_explode.txt").write_text("Parser trouble\nEXPLODE now.\n")
    db = tmp_path / "w.duckdb"
    summary = run_etl(folder, db, steps=steps)
    assert summary.articles == 2
    con = duckdb.connect(str(db), read_only=True)
    rejected = {r[0]: (r[1], r[2]) for r in con.execute("SELECT * FROM rejected").fetchall()}
    assert rejected["empty.txt"] == ("empty", "the file is empty")
    assert rejected["french.txt"] == ("non_english", "detected language: fr")
    assert rejected["crash.txt"] == ("unreadable", "OSError: device not ready")
    assert rejected["zz_explode.txt"][0] == "error"
    assert "parser choked" in rejected["zz_explode.txt"][1]
    assert sorted(r[0] for r in con.execute("SELECT source_path FROM articles").fetchall()) == [
        "2021/b.txt",
        "a.txt",
    ]


def test_a_broken_sidecar_is_rejected_but_the_articles_load(folder, tmp_path, calls):
    def broken_sidecar(path):
        raise ValueError("sources.csv line 2: bad date '2021-13-01'")

    steps = Steps(fake_read, broken_sidecar, fake_prepare, lambda: FakeAnalyser(calls))
    summary = run_etl(folder, tmp_path / "w.duckdb", steps=steps)
    assert summary.articles == 2
    assert [r.reason for r in summary.rejected] == ["invalid_sidecar"]


def test_rejection_time_is_kept_while_the_file_stays_rejected(folder, tmp_path, steps):
    (folder / "empty.txt").write_text("")
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    con = duckdb.connect(str(db), read_only=True)
    first = con.execute("SELECT rejected_at FROM rejected").fetchone()
    con.close()
    run_etl(folder, db, steps=steps)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT rejected_at FROM rejected").fetchone() == first


def test_a_missing_input_folder_cannot_run(tmp_path, steps):
    with pytest.raises(RunError, match="input folder not found"):
        run_etl(tmp_path / "nowhere", tmp_path / "w.duckdb", steps=steps)


def test_a_missing_warehouse_folder_cannot_run(folder, tmp_path, steps):
    with pytest.raises(RunError, match="does not exist"):
        run_etl(folder, tmp_path / "no" / "such" / "w.duckdb", steps=steps)


def test_an_unwritable_warehouse_folder_cannot_run(folder, tmp_path, steps):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        import os

        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(RunError, match="not writable"):
            run_etl(folder, locked / "w.duckdb", steps=steps)
    finally:
        locked.chmod(0o700)


# --- with the real modules ---------------------------------------------------------------


FRENCH_ARTICLE = """\
Le Canada condamne les frappes aériennes russes en Syrie

La ministre des Affaires étrangères a déclaré lundi que le gouvernement canadien était
profondément préoccupé par le bombardement des hôpitaux dans la province d'Idlib. Selon les
Nations unies, plus de deux millions de personnes ont été déplacées depuis le début des combats.
"""


@pytest.fixture
def real_modules():
    for name in ("etl.readers", "etl.metadata", "etl.ingest", "etl.pipeline"):
        pytest.importorskip(name)


def test_the_real_run_loads_a_tiny_article_and_is_idempotent(
    real_modules, input_dir, tmp_path, nlp
):
    (input_dir / "z_copy.txt").write_bytes((input_dir / "tiny.txt").read_bytes())
    (input_dir / "blank.txt").write_text("")
    (input_dir / "photo.txt").write_bytes(bytes(range(256)) * 40)
    (input_dir / "fr").mkdir()
    (input_dir / "fr" / "article.txt").write_text(FRENCH_ARTICLE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    summary = run_etl(input_dir, db)
    assert summary.articles == 1
    assert {r.source_path: r.reason for r in summary.rejected} == {
        "blank.txt": "empty",
        "fr/article.txt": "non_english",
        "photo.txt": "binary",
        "z_copy.txt": "duplicate",
    }
    con = duckdb.connect(str(db), read_only=True)
    outlet, body = con.execute("SELECT outlet, body FROM articles").fetchone()
    assert outlet == "Example Wire"  # from sources.csv
    spans = con.execute("SELECT char_start, char_end, text FROM mentions").fetchall()
    assert spans and all(body[s:e] == text for s, e, text in spans)
    con.close()
    first = dump(db)
    again = run_etl(input_dir, db)
    assert again.articles_reused == 1 and dump(db) == first
