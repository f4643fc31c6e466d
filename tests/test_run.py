"""One ETL run: walking the folder, duplicates, rejections, reuse, idempotency.

Most tests give `run_etl` small hand-made collaborators (`Steps`) so they check the run's own
rules quickly and without spaCy; the tests at the end run the real modules.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
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
from tests.unprivileged import as_unprivileged_user

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


def test_an_unwritable_warehouse_folder_cannot_run(folder, steps):
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="locked-warehouse-"))  # in /tmp: anyone may cross
    base.chmod(0o755)
    readable = shutil.copytree(folder, base / "raw")
    locked = base / "locked"
    locked.mkdir(mode=0o555)

    def attempt() -> str:
        try:
            run_etl(readable, locked / "w.duckdb", steps=steps)
        except RunError as exc:
            return str(exc)
        return "ran"

    try:
        if os.geteuid() == 0:  # root writes anywhere: try it as an unprivileged user
            message = as_unprivileged_user(attempt)
        else:
            message = attempt()
        assert "not writable" in message
    finally:
        shutil.rmtree(base)


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


# --- entries that are not regular files inside the folder -----------------------------------


def _odd_entries(folder: Path, outside: Path) -> None:
    """One of every kind of entry that must not be read, beside two good articles."""
    import os
    import socket

    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (outside / "elsewhere").mkdir()
    (outside / "elsewhere" / "c.txt").write_text("Elsewhere\nNever read.\n")
    (folder / "linked_out").symlink_to(outside / "elsewhere", target_is_directory=True)
    (folder / "linked_in").symlink_to(folder / "2021", target_is_directory=True)
    (folder / "inside_link.txt").symlink_to(folder / "a.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "sock.txt"))
    finally:
        server.close()


EXPECTED_ENTRY_REASONS = {
    "dangling.txt": "broken_link",
    "linked_in": "not_regular_file",
    "linked_out": "outside_input_folder",
    "loop_a.txt": "symlink_loop",
    "loop_b.txt": "symlink_loop",
    "passwd.txt": "outside_input_folder",
    "pipe.txt": "not_regular_file",
    "sock.txt": "not_regular_file",
    "zero.txt": "outside_input_folder",
}


def test_only_regular_files_inside_the_folder_are_read_and_every_other_entry_is_rejected(
    folder, tmp_path, calls
):
    outside = tmp_path / "outside"
    outside.mkdir()
    _odd_entries(folder, outside)
    read: list[str] = []

    def recording_read(path: Path, root: Path):
        read.append(path.relative_to(root).as_posix())
        return fake_read(path, root)

    steps = Steps(recording_read, lambda folder: {}, fake_prepare, lambda: FakeAnalyser(calls))
    summary = run_etl(folder, tmp_path / "w.duckdb", steps=steps)
    # A link inside the folder to a regular file may be followed (it is a duplicate of a.txt).
    assert read == ["2021/b.txt", "a.txt", "inside_link.txt"]
    reasons = {r.source_path: r.reason for r in summary.rejected}
    assert reasons == {**EXPECTED_ENTRY_REASONS, "inside_link.txt": "duplicate"}
    assert summary.articles == 2 and summary.files_seen == 3 + len(EXPECTED_ENTRY_REASONS)
    details = " ".join(r.detail for r in summary.rejected)
    assert str(tmp_path) not in details and "/dev/zero" not in details
    by_path = {r.source_path: r.detail for r in summary.rejected}
    assert "named pipe" in by_path["pipe.txt"] and "socket" in by_path["sock.txt"]
    assert "folder" in by_path["linked_in"]
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert "root:x" not in " ".join(
        r[0] for r in con.execute("SELECT body FROM articles").fetchall()
    )


def test_a_sidecar_linked_from_outside_the_folder_is_rejected_and_not_read(folder, tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("file,url,outlet,published_date\na.txt,,Outside Wire,\n")
    (folder / "sources.csv").unlink()
    (folder / "sources.csv").symlink_to(outside)
    loaded: list[Path] = []

    def load_sidecar(input_dir: Path):
        loaded.append(input_dir)
        return {}

    steps = Steps(fake_read, load_sidecar, fake_prepare, lambda: FakeAnalyser([]))
    summary = run_etl(folder, tmp_path / "w.duckdb", steps=steps)
    assert loaded == []
    assert [(r.source_path, r.reason) for r in summary.rejected] == [
        ("sources.csv", "outside_input_folder")
    ]
    assert "metadata is not used" in summary.rejected[0].detail


def test_a_reader_failure_detail_names_no_server_path(folder, tmp_path, calls):
    def failing_read(path: Path, root: Path):
        raise PermissionError(13, "Permission denied", str(path.resolve()))

    steps = Steps(failing_read, lambda folder: {}, fake_prepare, lambda: FakeAnalyser(calls))
    summary = run_etl(folder, tmp_path / "w.duckdb", steps=steps)
    details = [r.detail for r in summary.rejected]
    assert details and all(str(tmp_path) not in d for d in details)
    assert any("a.txt" in d for d in details)


# --- what --db may replace ---------------------------------------------------------------------


def test_a_db_path_naming_a_file_that_is_not_a_warehouse_is_refused_and_left_untouched(
    folder, tmp_path, steps
):
    csv = tmp_path / "sources.csv"
    csv.write_text("file,url,outlet,published_date\na.txt,,Wire,\n")
    before = csv.read_bytes()
    for replace in (False, True):
        with pytest.raises(RunError, match="not a DuckDB warehouse") as caught:
            run_etl(folder, csv, steps=steps, replace_invalid_db=replace)
        assert str(tmp_path) not in str(caught.value)
        assert csv.read_bytes() == before


def _damaged_warehouse(db: Path) -> bytes:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])  # the header survives, the blocks do not
    return db.read_bytes()


def test_a_damaged_warehouse_is_replaced_only_when_asked(folder, tmp_path, steps):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    damaged = _damaged_warehouse(db)
    with pytest.raises(RunError, match="--replace-invalid-db"):
        run_etl(folder, db, steps=steps)
    assert db.read_bytes() == damaged
    summary = run_etl(folder, db, steps=steps, replace_invalid_db=True)
    assert summary.articles == 2 and load.row_counts(db)["articles"] == 2


def test_a_duckdb_database_the_etl_did_not_write_is_refused(folder, tmp_path, steps):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE sales (amount INTEGER)")
    con.execute("INSERT INTO sales VALUES (42)")
    con.close()
    with pytest.raises(RunError, match="did not write"):
        run_etl(folder, db, steps=steps)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT amount FROM sales").fetchall() == [(42,)]
    con.close()


def test_an_empty_file_at_the_db_path_becomes_a_warehouse(folder, tmp_path, steps):
    db = tmp_path / "w.duckdb"
    db.touch()
    assert run_etl(folder, db, steps=steps).articles == 2


# --- one writer at a time ----------------------------------------------------------------------


class NotingReporter:
    def __init__(self) -> None:
        self.notes: list[str] = []

    def phase(self, name: str, total: int) -> None:
        pass

    def advance(self, label: str) -> None:
        pass

    def note(self, message: str) -> None:
        self.notes.append(message)

    def done(self) -> None:
        pass


def test_a_run_waits_for_the_writer_lock_then_reads_the_folder_and_warehouse_as_left(
    folder, tmp_path, steps
):
    import threading

    from filelock import FileLock

    from etl.run import lock_path

    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    reporter = NotingReporter()
    held = FileLock(lock_path(db))
    held.acquire()
    outcome: list = []
    waiting = threading.Thread(
        target=lambda: outcome.append(run_etl(folder, db, steps=steps, reporter=reporter))
    )
    try:
        waiting.start()
        deadline = time.monotonic() + 10
        while not reporter.notes and time.monotonic() < deadline:
            time.sleep(0.02)
        assert reporter.notes and "another ETL run is writing" in reporter.notes[0]
        # What the first writer does while the second waits: a new file in the folder.
        (folder / "c.txt").write_text("Geneva talks\nTurkey and Canada met.\n")
        assert not outcome
    finally:
        held.release()
        waiting.join(30)
    (summary,) = outcome
    assert (summary.articles_new, summary.articles_reused) == (1, 2)
    assert load.row_counts(db)["articles"] == 3


def test_a_run_that_cannot_get_the_writer_lock_in_time_fails_clearly(folder, tmp_path, steps):
    from filelock import FileLock

    from etl.run import lock_path

    db = tmp_path / "w.duckdb"
    held = FileLock(lock_path(db))
    held.acquire()
    try:
        with pytest.raises(RunError, match="another ETL run is still writing") as caught:
            run_etl(folder, db, steps=steps, lock_timeout=0.2)
    finally:
        held.release()
    assert str(tmp_path) not in str(caught.value)
    assert not db.exists()


def test_articles_the_previous_warehouse_held_are_not_dropped_without_a_note(
    folder, tmp_path, steps
):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    (folder / "a.txt").unlink()
    summary = run_etl(folder, db, steps=steps)
    assert summary.articles == 1
    assert any("no longer loaded" in note and "a.txt" in note for note in summary.notes)


def test_a_repaired_encoding_is_recorded_on_the_article_and_in_the_summary(
    real_modules, input_dir, tmp_path, calls
):
    from etl.ingest import prepare
    from etl.readers import read_source
    from etl.run import format_summary

    data = (input_dir / "tiny.txt").read_bytes().replace("—".encode(), b"\xe2\x80 \xe2\x80\x94\xff")
    (input_dir / "tiny.txt").write_bytes(data)
    steps = Steps(read_source, lambda folder: {}, prepare, lambda: FakeAnalyser(calls))
    db = tmp_path / "w.duckdb"
    summary = run_etl(input_dir, db, steps=steps)
    assert [path for path, _ in summary.repaired] == ["tiny.txt"]
    assert "Text repaired:     1" in format_summary(summary)
    con = duckdb.connect(str(db), read_only=True)
    body, note = con.execute("SELECT body, encoding_note FROM articles").fetchone()
    assert "invalid bytes" in note and "Mélanie Joly" in body and "—" in body


def test_every_rejection_reason_the_etl_gives_is_explained_in_the_data_contract():
    repo = Path(__file__).resolve().parent.parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in (repo / "etl").glob("*.py"))
    given = set(re.findall(r"Rejection\(\s*[^,()]+,\s*\"([a-z_]+)\"", source))
    doc = (repo / "docs" / "data-contract.md").read_text(encoding="utf-8")
    section = doc.split("## Rejection reasons", 1)[1].split("\n## ", 1)[0]
    explained = set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))
    assert {"outside_input_folder", "not_regular_file", "symlink_loop"} <= given
    assert given <= explained, f"undocumented: {sorted(given - explained)}"


def test_an_emptied_input_folder_does_not_wipe_a_warehouse_unless_asked(folder, tmp_path, steps):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    before = dump(db)
    for path in (folder / "a.txt", folder / "2021" / "b.txt"):
        path.unlink()  # as if the share holding them were unmounted

    with pytest.raises(RunError, match="holds no files.*--allow-empty"):
        run_etl(folder, db, steps=steps)
    assert dump(db) == before

    summary = run_etl(folder, db, steps=steps, allow_empty=True)
    assert summary.articles == 0 and dump(db)["articles"] == []


def test_a_folder_that_still_holds_a_file_may_drop_the_others(folder, tmp_path, steps):
    db = tmp_path / "w.duckdb"
    run_etl(folder, db, steps=steps)
    for path in (folder / "a.txt", folder / "2021" / "b.txt"):
        path.unlink()
    (folder / "notes.txt").write_text("Notes\nNothing new.\n")  # the folder is there

    summary = run_etl(folder, db, steps=steps)  # no refusal: the folder is in use
    assert summary.files_seen == 1
    assert any("no longer loaded" in note and "a.txt" in note for note in summary.notes)
