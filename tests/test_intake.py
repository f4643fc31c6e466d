"""Uploads are judged before anything is written (zip limits, unsafe names, links, type sniffed
from content, language, duplicates), and staging never writes outside the input folder."""

from __future__ import annotations

import io
import json
import tempfile
import threading
import zipfile
from datetime import date
from pathlib import Path

import duckdb
import pytest

from briefing import intake
from briefing.intake import Limits, SourceRow, StagingError, Upload, Verdict
from tests.conftest import TINY_ARTICLE

DAY = date(2026, 12, 6)
FRENCH = (
    "Le ministre canadien des Affaires étrangères a déclaré lundi que le Canada était "
    "profondément préoccupé par le bombardement des hôpitaux à Idlib. « Les civils ne doivent "
    "jamais être une cible », a-t-il dit aux journalistes à Ottawa, avant de rencontrer son "
    "homologue turc pour discuter de la crise humanitaire dans le nord de la Syrie."
)
OTHER_ARTICLE = TINY_ARTICLE.replace("Idlib", "Aleppo").replace("Ankara", "Geneva")


def article_html(text: str) -> str:
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    blocks = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"<div class='story'><h1>{title}</h1>\n{blocks}</div>\n"


def make_zip(members: list[tuple[str | zipfile.ZipInfo, bytes]], deflate: bool = True) -> bytes:
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def verdicts_by_origin(*uploads: Upload, **kwargs) -> dict[str, Verdict]:
    return {v.origin: v for v in intake.inspect_uploads(list(uploads), **kwargs)}


# --- what a file is ---------------------------------------------------------------------------


def test_an_english_text_file_is_accepted_with_its_title_language_and_safe_name():
    (verdict,) = intake.inspect_uploads([Upload("Joly urges aid.txt", TINY_ARTICLE.encode())])
    assert verdict.accepted, verdict
    assert verdict.kind == "txt" and verdict.encoding == "UTF-8"
    assert verdict.language.startswith("en ")
    assert verdict.title == "Canada urges Russia to allow aid into northern Syria"
    assert verdict.stored_name == f"Joly_urges_aid-{verdict.sha256[:10]}.txt"
    assert verdict.articles == 1 and len(verdict.article_ids) == 1


def test_html_saved_as_txt_is_sniffed_and_stored_as_html():
    (verdict,) = intake.inspect_uploads([Upload("story.txt", article_html(TINY_ARTICLE).encode())])
    assert verdict.accepted, verdict
    assert verdict.kind == "html"
    assert verdict.stored_name.endswith(".html")
    assert verdict.title == "Canada urges Russia to allow aid into northern Syria"


def test_text_saved_as_html_is_stored_as_text():
    (verdict,) = intake.inspect_uploads([Upload("story.html", TINY_ARTICLE.encode())])
    assert verdict.accepted and verdict.kind == "txt" and verdict.stored_name.endswith(".txt")


def test_json_records_are_sniffed_whatever_the_name():
    bundle = "\n".join(
        json.dumps({"title": f"Story {i}", "text": t})
        for i, t in enumerate([TINY_ARTICLE, OTHER_ARTICLE])
    )
    (verdict,) = intake.inspect_uploads([Upload("bundle.txt", bundle.encode())])
    assert verdict.accepted and verdict.kind == "jsonl" and verdict.articles == 2
    assert verdict.stored_name.endswith(".jsonl")


def test_broken_json_named_json_is_rejected_with_the_readers_reason():
    (verdict,) = intake.inspect_uploads([Upload("broken.json", b'{"title": "x", "text": ')])
    assert verdict.reason == "invalid_json"


def test_a_binary_file_named_txt_is_rejected():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    noise = bytes(range(256)) * 8
    found = verdicts_by_origin(Upload("photo.txt", png), Upload("noise.txt", noise))
    assert found["photo.txt"].reason == "binary" and "PNG" in found["photo.txt"].detail
    assert found["noise.txt"].reason == "binary"
    assert not found["photo.txt"].stored_name


def test_a_non_english_article_is_rejected_with_the_language_found():
    (verdict,) = intake.inspect_uploads([Upload("article.txt", FRENCH.encode())])
    assert verdict.reason == "non_english"
    assert verdict.language == "fr"
    assert "fr" in verdict.detail


def test_a_windows_1252_file_is_read_and_its_encoding_named():
    data = TINY_ARTICLE.replace("Mélanie", "M\u00e9lanie").encode("cp1252")
    (verdict,) = intake.inspect_uploads([Upload("legacy.txt", data)])
    assert verdict.accepted, verdict
    assert "not UTF-8" in verdict.encoding


def test_an_oversize_upload_is_rejected_before_reading():
    limits = Limits(upload_bytes=1000)
    (verdict,) = intake.inspect_uploads([Upload("long.txt", b"a" * 1001)], limits)
    assert verdict.reason == "too_large" and "1,000" in verdict.detail


def test_an_article_file_over_the_etl_limit_is_rejected():
    limits = Limits(article_bytes=500)
    (verdict,) = intake.inspect_uploads([Upload("long.txt", TINY_ARTICLE.encode())], limits)
    assert verdict.reason == "too_large"


def test_an_unsupported_extension_is_rejected():
    (verdict,) = intake.inspect_uploads([Upload("article.pdf", TINY_ARTICLE.encode())])
    assert verdict.reason == "unsupported_type"


# --- duplicates -------------------------------------------------------------------------------


def test_duplicates_within_one_upload_are_rejected_after_the_first():
    same_text = TINY_ARTICLE.replace("\n", "\r\n").encode()  # other bytes, same words
    found = verdicts_by_origin(
        Upload("a.txt", TINY_ARTICLE.encode()),
        Upload("b.txt", TINY_ARTICLE.encode()),
        Upload("c.txt", same_text),
        Upload("e.txt", OTHER_ARTICLE.encode()),
    )
    assert found["a.txt"].accepted and found["e.txt"].accepted
    assert found["b.txt"].reason == "duplicate" and "a.txt" in found["b.txt"].detail
    assert found["c.txt"].reason == "duplicate" and "a.txt" in found["c.txt"].detail


def test_an_article_already_in_the_warehouse_is_named_not_added_again():
    (first,) = intake.inspect_uploads([Upload("a.txt", TINY_ARTICLE.encode())])
    known = {first.article_ids[0]: "Canada urges Russia"}
    (again,) = intake.inspect_uploads([Upload("again.txt", TINY_ARTICLE.encode())], known=known)
    assert again.reason == "already_added" and "Canada urges Russia" in again.detail


# --- zip archives -----------------------------------------------------------------------------


def test_a_zip_of_articles_gives_one_verdict_per_member_in_order():
    data = make_zip([("one.txt", TINY_ARTICLE.encode()), ("two/b.md", OTHER_ARTICLE.encode())])
    verdicts = intake.inspect_uploads([Upload("batch.zip", data)])
    assert [v.origin for v in verdicts] == ["batch.zip › one.txt", "batch.zip › two/b.md"]
    assert all(v.accepted for v in verdicts)
    assert verdicts[1].kind == "md" and verdicts[1].stored_name.startswith("b-")


def test_a_highly_compressed_member_is_a_zip_bomb():
    data = make_zip([("bomb.txt", b" " * 2_000_000), ("ok.txt", TINY_ARTICLE.encode())])
    found = verdicts_by_origin(Upload("bomb.zip", data))
    assert found["bomb.zip › bomb.txt"].reason == "zip_bomb"
    assert "to 1" in found["bomb.zip › bomb.txt"].detail
    assert found["bomb.zip › ok.txt"].accepted


def test_an_archive_declaring_too_much_is_rejected_whole_before_decompressing():
    members = [(f"part{i}.txt", b"x" * 600) for i in range(3)]
    data = make_zip(members, deflate=False)
    (verdict,) = intake.inspect_uploads([Upload("big.zip", data)], Limits(zip_total_bytes=1000))
    assert verdict.origin == "big.zip" and verdict.reason == "zip_bomb"
    (verdict,) = intake.inspect_uploads([Upload("many.zip", data)], Limits(files=2))
    assert verdict.reason == "zip_bomb" and "3 files" in verdict.detail


def test_a_member_lying_about_its_size_is_not_read_past_the_declared_size():
    data = bytearray(make_zip([("liar.txt", TINY_ARTICLE.encode())], deflate=False))
    # Make the central directory declare 100 bytes for the member's 600-odd bytes.
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    (verdict,) = intake.inspect_uploads([Upload("liar.zip", bytes(data))])
    assert verdict.reason in ("zip_bomb", "invalid_zip"), verdict
    assert not verdict.accepted


@pytest.mark.parametrize(
    "name",
    ["../evil.txt", "notes/../../evil.txt", "..\\evil.txt", "/etc/evil.txt", "C:\\evil.txt"],
)
def test_members_with_climbing_or_absolute_names_are_rejected(name):
    data = make_zip([(name, TINY_ARTICLE.encode()), ("fine.txt", OTHER_ARTICLE.encode())])
    verdicts = intake.inspect_uploads([Upload("paths.zip", data)])
    assert verdicts[0].reason == "unsafe_path", verdicts[0]
    assert verdicts[1].accepted


def test_symlink_and_special_members_are_rejected():
    link = zipfile.ZipInfo("passwd.txt")
    link.external_attr = 0o120777 << 16  # a Unix symbolic link
    fifo = zipfile.ZipInfo("pipe.txt")
    fifo.external_attr = 0o010644 << 16  # a named pipe
    data = make_zip([(link, b"/etc/passwd"), (fifo, b""), ("ok.txt", TINY_ARTICLE.encode())])
    found = verdicts_by_origin(Upload("links.zip", data))
    assert found["links.zip › passwd.txt"].reason == "symlink"
    assert found["links.zip › pipe.txt"].reason == "not_a_file"
    assert found["links.zip › ok.txt"].accepted


def test_nested_archives_and_hidden_members_are_rejected():
    inner = make_zip([("inner.txt", TINY_ARTICLE.encode())])
    data = make_zip(
        [
            ("inner.zip", inner),
            ("disguised.txt", inner),
            (".DS_Store", b"\x00\x00"),
            ("__MACOSX/._one.txt", b"\x00"),
        ]
    )
    found = verdicts_by_origin(Upload("nest.zip", data))
    assert found["nest.zip › inner.zip"].reason == "nested_archive"
    assert found["nest.zip › disguised.txt"].reason == "nested_archive"
    assert found["nest.zip › .DS_Store"].reason == "hidden"
    assert found["nest.zip › __MACOSX/._one.txt"].reason == "hidden"


def test_an_encrypted_member_is_rejected():
    data = bytearray(make_zip([("locked.txt", TINY_ARTICLE.encode())]))
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the "encrypted" flag of the central directory entry
    (verdict,) = intake.inspect_uploads([Upload("locked.zip", bytes(data))])
    assert verdict.reason == "encrypted"


def test_a_file_named_zip_that_is_not_one_is_rejected():
    (verdict,) = intake.inspect_uploads([Upload("fake.zip", TINY_ARTICLE.encode())])
    assert verdict.reason == "invalid_zip"


# --- names and metadata -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.txt",
        "/etc/cron.d/job.txt",
        "C:\\Windows\\evil.txt",
        ".hidden.txt",
        "..txt",
        "line\nbreak\x00\x1b[31m.txt",
        "Mélanie Joly – 2021.txt",
        "   .txt",
        "a" * 500 + ".txt",
    ],
)
def test_safe_names_never_climb_hide_or_carry_control_characters(name):
    stored = intake.safe_name(name, "txt", "0123456789abcdef")
    assert intake.STORED_NAME.fullmatch(stored), stored
    assert "/" not in stored and "\\" not in stored and not stored.startswith(".")
    assert stored.endswith("-0123456789.txt")


def test_accents_are_folded_in_safe_names():
    assert intake.safe_name("Mélanie Joly.txt", "html", "f" * 64) == "Melanie_Joly-ffffffffff.html"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (SourceRow(url="javascript:alert(1)"), "url"),
        (SourceRow(url="https://exa mple.org"), "url"),
        (SourceRow(url="example.org/story"), "url"),
        (SourceRow(outlet="Wire\nService"), "outlet"),
        (SourceRow(published_date="12/03/2021"), "published date"),
        (SourceRow(published_date="2021-3-8"), "published date"),
    ],
)
def test_metadata_rows_are_checked(row, problem):
    problems = intake.source_row_problems(row)
    assert len(problems) == 1 and problems[0].startswith(problem)


def test_good_metadata_passes():
    row = SourceRow("https://example.org/a?b=1", "Example Wire", "2021-03")
    assert intake.source_row_problems(row) == []


def test_pasted_text_becomes_a_titled_json_article():
    upload = intake.pasted_upload("[Sign in](https://evil.example)", TINY_ARTICLE)
    (verdict,) = intake.inspect_uploads([upload])
    assert verdict.accepted and verdict.kind == "json"
    assert verdict.title == "[Sign in](https://evil.example)"  # kept as text, shown as text
    assert intake.STORED_NAME.fullmatch(verdict.stored_name)


def test_the_input_folder_is_raw_beside_the_warehouse_unless_configured(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEFING_RAW", raising=False)
    assert intake.input_path("data/warehouse.duckdb") == Path("data/raw")
    monkeypatch.setenv("BRIEFING_RAW", str(tmp_path))
    assert intake.input_path("data/warehouse.duckdb") == tmp_path


def test_limits_follow_the_streamlit_upload_setting():
    assert intake.limits_for(5).upload_bytes == 5 * 1024 * 1024
    assert intake.limits_for(None) == Limits()


# --- staging ----------------------------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"<dir>"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with an input folder (one article and a sidecar) and a neighbour folder
    that staging must never touch."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "keep.txt").write_text("untouched")
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "old.txt").write_text(OTHER_ARTICLE)
    (raw / "sources.csv").write_text(
        'file,url,outlet,published_date\nold.txt,,"Wire, Inc.",2020-01\n'
    )
    return tmp_path


def accepted(*uploads: Upload) -> list[Verdict]:
    verdicts = intake.inspect_uploads(list(uploads))
    assert all(v.accepted for v in verdicts), verdicts
    return verdicts


def test_staging_writes_files_and_appends_metadata_keeping_existing_rows(data_dir):
    raw = data_dir / "data" / "raw"
    before = (raw / "sources.csv").read_bytes()
    (verdict,) = accepted(Upload("tiny.txt", TINY_ARTICLE.encode()))
    rows = {verdict.stored_name: SourceRow("https://example.org/t", "Example, Wire", "2021-03-08")}
    staged = intake.stage([verdict], rows, raw, DAY)
    path = f"uploads/2026-12-06/{verdict.stored_name}"
    assert staged.files == (path,) and staged.sidecar_rows == 1
    assert (raw / path).read_bytes() == TINY_ARTICLE.encode()
    sidecar = (raw / "sources.csv").read_bytes()
    assert sidecar.startswith(before)
    assert (
        sidecar[len(before) :].decode()
        == f'{path},https://example.org/t,"Example, Wire",2021-03-08\n'
    )
    from etl.metadata import read_sidecar

    entries = read_sidecar(raw).entries
    assert entries[path].outlet == "Example, Wire" and entries["old.txt"].outlet == "Wire, Inc."
    assert not [p for p in raw.rglob(".*") if p.name.endswith(".part")]


def test_staging_the_same_file_twice_keeps_one_copy(data_dir):
    raw = data_dir / "data" / "raw"
    verdicts = accepted(Upload("tiny.txt", TINY_ARTICLE.encode()))
    intake.stage(verdicts, {}, raw, DAY)
    intake.stage(verdicts, {}, raw, DAY)
    assert len(list((raw / "uploads" / "2026-12-06").iterdir())) == 1


def test_a_sidecar_without_every_column_is_widened_keeping_its_values(tmp_path):
    (tmp_path / "sources.csv").write_text("file,outlet\nold.txt,Wire\n")
    intake.append_sidecar(tmp_path, [("new.txt", SourceRow(url="https://example.org"))])
    assert (tmp_path / "sources.csv").read_text().splitlines() == [
        "file,url,outlet,published_date",
        "old.txt,,Wire,",
        "new.txt,https://example.org,,",
    ]


def test_a_sidecar_without_a_file_column_is_not_overwritten(tmp_path):
    (tmp_path / "sources.csv").write_text("name,outlet\nold.txt,Wire\n")
    with pytest.raises(StagingError):
        intake.append_sidecar(tmp_path, [("new.txt", SourceRow(outlet="X"))])
    assert (tmp_path / "sources.csv").read_text() == "name,outlet\nold.txt,Wire\n"


@pytest.mark.parametrize(
    "stored_name",
    ["../evil-0123456789.txt", "/tmp/evil-0123456789.txt", ".hidden-0123456789.txt", "x.txt"],
)
def test_staging_refuses_names_that_could_leave_the_folder(data_dir, stored_name):
    raw = data_dir / "data" / "raw"
    before = tree(data_dir)
    crafted = Verdict(origin="crafted", stored_name=stored_name, data=b"payload")
    with pytest.raises(StagingError):
        intake.stage([crafted], {}, raw, DAY)
    assert tree(data_dir) == before


def test_staging_never_follows_a_link_out_of_the_input_folder(data_dir):
    raw = data_dir / "data" / "raw"
    outside = data_dir / "outside"
    (raw / "uploads").symlink_to(outside, target_is_directory=True)
    before = tree(outside)
    with pytest.raises(StagingError):
        intake.stage(accepted(Upload("tiny.txt", TINY_ARTICLE.encode())), {}, raw, DAY)
    assert tree(outside) == before


def test_staging_never_writes_metadata_through_a_linked_sidecar(data_dir):
    raw = data_dir / "data" / "raw"
    (raw / "sources.csv").unlink()
    (raw / "sources.csv").symlink_to(data_dir / "outside" / "keep.txt")
    (verdict,) = accepted(Upload("tiny.txt", TINY_ARTICLE.encode()))
    with pytest.raises(StagingError):
        intake.stage([verdict], {verdict.stored_name: SourceRow(outlet="X")}, raw, DAY)
    assert (data_dir / "outside" / "keep.txt").read_text() == "untouched"


def test_every_write_of_a_whole_upload_stays_inside_the_input_folder(data_dir):
    raw = data_dir / "data" / "raw"
    hostile = make_zip(
        [
            ("../../outside/evil.txt", TINY_ARTICLE.encode()),
            ("/tmp/evil.txt", TINY_ARTICLE.encode()),
            ("ok/../../x.txt", TINY_ARTICLE.encode()),
            ("fine.txt", OTHER_ARTICLE.encode() + b"\nA new line."),
        ]
    )
    verdicts = intake.inspect_uploads(
        [Upload("../../outside/evil.txt", TINY_ARTICLE.encode()), Upload("h.zip", hostile)]
    )
    outside_before = tree(data_dir / "outside")
    raw_before = tree(raw)
    rows = {v.stored_name: SourceRow(outlet="Wire") for v in verdicts if v.accepted}
    staged = intake.stage(verdicts, rows, raw, DAY)
    assert tree(data_dir / "outside") == outside_before
    assert len(staged.files) == 2
    written = set(tree(raw)) - set(raw_before)
    assert written == {"uploads", "uploads/2026-12-06", *staged.files, ".sources.csv.lock"}
    for path in staged.files:
        assert (raw / path).resolve().is_relative_to(raw.resolve())


def test_concurrent_appends_to_the_sidecar_all_land(tmp_path):
    (tmp_path / "sources.csv").write_text("file,url,outlet,published_date\n")
    errors: list[BaseException] = []

    def append(i: int) -> None:
        try:
            intake.append_sidecar(tmp_path, [(f"f{i}.txt", SourceRow(outlet=f"Outlet {i}"))])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=append, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    lines = (tmp_path / "sources.csv").read_text().splitlines()
    assert sorted(lines[1:]) == sorted(f"f{i}.txt,,Outlet {i}," for i in range(16))


# --- adding runs the ETL ----------------------------------------------------------------------


def counts(db: Path, article_ids) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: con.execute(
                f"SELECT count(*) FROM {table} WHERE list_contains(?, article_id)",
                [list(article_ids)],
            ).fetchone()[0]
            for table in ("articles", "mentions", "statements", "figures", "events")
        }


def test_adding_a_file_creates_the_warehouse_and_loads_its_rows(tmp_path, nlp):
    data = tmp_path / "data"
    data.mkdir()
    db, raw = data / "warehouse.duckdb", data / "raw"
    (verdict,) = accepted(Upload("tiny.txt", TINY_ARTICLE.encode()))
    rows = {
        verdict.stored_name: SourceRow("https://example.org/tiny", "Example Wire", "2021-03-08")
    }
    added = intake.add_articles([verdict], rows, raw, db, day=DAY)
    assert added.summary.articles_new == 1
    found = counts(db, verdict.article_ids)
    assert found["articles"] == 1 and found["mentions"] > 0 and found["statements"] > 0
    with duckdb.connect(str(db), read_only=True) as con:
        outlet, url, published = con.execute(
            "SELECT outlet, url, published_date FROM articles WHERE article_id = ?",
            [verdict.article_ids[0]],
        ).fetchone()
    assert (outlet, url, str(published)) == (
        "Example Wire",
        "https://example.org/tiny",
        "2021-03-08",
    )
    assert {p.name for p in tmp_path.iterdir()} == {"data"}


def test_two_sessions_adding_at_once_wait_their_turn_and_both_land(tmp_path, nlp):
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    db, raw = data / "warehouse.duckdb", data / "raw"
    first = accepted(Upload("first.txt", TINY_ARTICLE.encode()))
    second = accepted(Upload("second.txt", OTHER_ARTICLE.encode()))
    waiting = {"first": threading.Event(), "second": threading.Event()}
    errors: list[BaseException] = []

    def add(name: str, verdicts: list[Verdict]) -> None:
        try:
            rows = {v.stored_name: SourceRow(outlet=f"{name} wire") for v in verdicts}
            intake.add_articles(
                verdicts, rows, raw, db, on_wait=lambda _seconds: waiting[name].set()
            )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=add, args=("first", first)),
        threading.Thread(target=add, args=("second", second)),
    ]
    # Another run holds the warehouse until both sessions have staged and said they wait.
    with intake.run_lock(db):
        for thread in threads:
            thread.start()
        assert all(event.wait(timeout=60) for event in waiting.values())
        assert not db.exists()
    for thread in threads:
        thread.join()
    assert not errors, errors
    ids = first[0].article_ids + second[0].article_ids
    assert counts(db, ids)["articles"] == 2
    with duckdb.connect(str(db), read_only=True) as con:
        outlets = dict(con.execute("SELECT article_id, outlet FROM articles").fetchall())
    assert outlets[first[0].article_ids[0]] == "first wire"
    assert outlets[second[0].article_ids[0]] == "second wire"


def test_a_background_job_reports_progress_and_its_result(tmp_path, nlp):
    data = tmp_path / "data"
    data.mkdir()
    verdicts = accepted(Upload("tiny.txt", TINY_ARTICLE.encode()))
    job = intake.AddJob(verdicts, {}, data / "raw", data / "warehouse.duckdb").start()
    assert job.wait(timeout=240)
    assert job.error is None and job.added is not None
    assert job.added.summary.articles_new == 1
    assert job.phase_name == "Warehouse written" and job.share == 1.0


def test_a_background_job_that_cannot_stage_ends_with_the_reason(tmp_path):
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    (data / "raw" / "uploads").symlink_to(tmp_path, target_is_directory=True)
    verdicts = accepted(Upload("tiny.txt", TINY_ARTICLE.encode()))
    job = intake.AddJob(verdicts, {}, data / "raw", data / "warehouse.duckdb").start()
    assert job.wait(timeout=60)
    assert job.added is None and "link" in job.error


def test_checking_an_upload_writes_nothing(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(tmp_path)
    data = make_zip([("a.txt", TINY_ARTICLE.encode()), ("../b.txt", OTHER_ARTICLE.encode())])
    intake.inspect_uploads(
        [Upload("page.txt", article_html(OTHER_ARTICLE).encode()), Upload("z.zip", data)]
    )
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["scratch"]


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.json"])
def test_bytes_in_memory_read_as_the_same_file_on_disk(tmp_path, name):
    from etl.readers import read_bytes, read_source

    payload = {
        "a.txt": TINY_ARTICLE,
        "a.md": "# " + TINY_ARTICLE,
        "a.html": article_html(TINY_ARTICLE),
        "a.json": json.dumps({"title": "T", "text": TINY_ARTICLE}),
    }[name].encode()
    (tmp_path / name).write_bytes(payload)
    kind = intake.sniff_kind(payload, name)
    assert read_bytes(payload, name, kind) == read_source(tmp_path / name, tmp_path)


def test_a_dashboard_run_happens_in_its_own_process_and_its_refusal_comes_back(tmp_path):
    """The server is multi-threaded; the ETL forks workers, so it runs in a spawned process.
    A run that cannot happen says why in the page's thread, as a RunError."""
    from etl.run import RunError

    raw = tmp_path / "raw"
    raw.mkdir()
    with pytest.raises(RunError, match="folder for the warehouse does not exist"):
        intake.run_etl_in_child(raw, tmp_path / "missing" / "warehouse.duckdb")
