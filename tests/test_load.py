"""The warehouse writer: schema, exact rows, atomic replace, reading back a previous run."""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from etl import load
from etl.types import (
    Actor,
    Article,
    Event,
    Extraction,
    Figure,
    Mention,
    Rejection,
    Stance,
    Statement,
)

BODY = 'Canada criticised Russia. "Aid must flow," said Jane Roe. 12,000 people fled Aleppo.'
WHEN = datetime(2024, 5, 1, 12, 0, 0)


def make_extraction(
    article_id: str = "a1", sha: str = "sha-1", path: str = "one.txt"
) -> Extraction:
    article = Article(
        article_id=article_id,
        source_path=path,
        title="Canada criticises Russia",
        outlet="Example Wire",
        url="https://example.org/1",
        published_date=date(2024, 4, 30),
        published_precision="day",
        language="en",
        body=BODY,
        content_sha256=sha,
        ingested_at=WHEN,
    )
    jane = Actor(
        f"jane-roe-{article_id}",
        "Jane Roe",
        "person",
        "canada",
        ("Ms. Roe",),
        "discovered",
    )
    return Extraction(
        article=article,
        mentions=(
            Mention(article_id, "canada", 0, 6, "Canada"),
            Mention(article_id, "russia", 18, 24, "Russia", how="name"),
            Mention(article_id, jane.actor_id, 48, 56, "Jane Roe"),
        ),
        statements=(
            Statement(
                f"st-{article_id}",
                article_id,
                jane.actor_id,
                "Jane Roe",
                "Aid must flow",
                True,
                date(2024, 4, 30),
                27,
                40,
                "day",
                "said",
            ),
        ),
        stances=(
            Stance(
                f"sn-{article_id}",
                article_id,
                None,
                "canada",
                "russia",
                "critical",
                "Canada criticised Russia",
                0,
                24,
                cue="criticised",
            ),
        ),
        figures=(
            Figure(
                f"fg-{article_id}",
                article_id,
                12000.0,
                "12,000",
                "refugees",
                "people",
                "Aleppo",
                None,
                None,
                "12,000 people fled Aleppo.",
                58,
                84,
                58,
                64,
            ),
        ),
        events=(
            Event(
                f"ev-{article_id}",
                article_id,
                date(2024, 4, 30),
                "day",
                "statement",
                "Jane Roe spoke",
                None,
                (jane.actor_id, "canada"),
                "said Jane Roe",
                43,
                56,
            ),
        ),
        new_actors=(jane,),
    )


GAZETTEER = (
    Actor("canada", "Canada", "country", None, ("Ottawa", "Canadian government")),
    Actor("russia", "Russia", "country", None, ("the Kremlin",)),
)


def run_info(run_id: str = "run-1", articles: int = 1) -> load.RunInfo:
    return load.RunInfo(run_id, WHEN, WHEN, "v1", articles + 1, articles, 1, 0, "in")


def write(db_path: Path, extractions: list[Extraction], run_id: str = "run-1") -> dict[str, int]:
    actors = load.merge_actors(GAZETTEER, [a for e in extractions for a in e.new_actors])
    return load.write_warehouse(
        db_path,
        articles=[e.article for e in extractions],
        extractions=extractions,
        actors=actors,
        rejected=[load.RejectedFile(Rejection("bad.bin", "binary", "not text"), WHEN)],
        run_info=run_info(run_id, len(extractions)),
        gazetteer_sha256="g1",
    )


def test_write_warehouse_stores_every_row_with_its_types(tmp_path):
    db = tmp_path / "w.duckdb"
    counts = write(db, [make_extraction()])
    assert counts["articles"] == 1 and counts["actors"] == 3 and counts["mentions"] == 3
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT published_date, ingested_at FROM articles").fetchone() == (
        date(2024, 4, 30),
        WHEN,
    )
    assert con.execute("SELECT aliases FROM actors WHERE actor_id = 'canada'").fetchone() == (
        ["Ottawa", "Canadian government"],
    )
    assert con.execute("SELECT participant_ids, event_date FROM events").fetchone() == (
        ["jane-roe-a1", "canada"],
        date(2024, 4, 30),
    )
    assert con.execute("SELECT is_direct, cue FROM statements").fetchone() == (
        True,
        "said",
    )
    assert con.execute("SELECT value, value_text, category FROM figures").fetchone() == (
        12000.0,
        "12,000",
        "refugees",
    )
    assert con.execute("SELECT * FROM rejected").fetchall() == [
        ("bad.bin", "binary", "not text", WHEN)
    ]
    assert dict(con.execute("SELECT key, value FROM meta").fetchall()) == {
        "etl_version": "v1",
        "gazetteer_sha256": "g1",
        "schema_version": load.SCHEMA_VERSION,
    }
    assert con.execute(
        "SELECT source_country_id, target_country_id FROM stances_by_country"
    ).fetchone() == (
        "canada",
        "russia",
    )


def test_spans_index_the_article_body(tmp_path):
    db = tmp_path / "w.duckdb"
    write(db, [make_extraction()])
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT m.text, substr(a.body, m.char_start + 1, m.char_end - m.char_start) "
        "FROM mentions m JOIN articles a USING (article_id)"
    ).fetchall()
    assert rows and all(text == span for text, span in rows)


def test_read_previous_gives_back_the_same_extractions(tmp_path):
    db = tmp_path / "w.duckdb"
    extractions = [
        make_extraction("a1", "sha-1", "one.txt"),
        make_extraction("a2", "sha-2", "two.txt"),
    ]
    write(db, extractions)
    previous = load.read_previous(db)
    assert previous is not None and previous.etl_version == "v1"
    assert previous.extractions["sha-1"] == (extractions[0],)
    assert previous.extractions["sha-2"] == (extractions[1],)
    assert {a.actor_id for a in previous.gazetteer_actors} == {"canada", "russia"}
    assert previous.rejected_at[("bad.bin", "binary", "not text")] == WHEN


def test_unchanged_ignores_ingestion_time_but_not_metadata(tmp_path):
    db = tmp_path / "w.duckdb"
    extraction = make_extraction()
    write(db, [extraction])
    previous = load.read_previous(db)
    same = dataclasses.replace(extraction.article, ingested_at=None)
    assert previous.unchanged(same) == extraction
    assert previous.unchanged(dataclasses.replace(same, outlet="Other Outlet")) is None


def test_rewriting_the_same_rows_gives_an_identical_warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    write(db, [make_extraction()])
    first = dump(db)
    write(db, [make_extraction()], run_id="run-2")
    assert dump(db) == first


def test_runs_table_keeps_the_history_of_runs(tmp_path):
    db = tmp_path / "w.duckdb"
    write(db, [make_extraction()], run_id="run-1")
    write(db, [make_extraction()], run_id="run-2")
    con = duckdb.connect(str(db), read_only=True)
    assert [r[0] for r in con.execute("SELECT run_id FROM runs ORDER BY run_id").fetchall()] == [
        "run-1",
        "run-2",
    ]


def test_a_failed_write_leaves_the_previous_warehouse_and_no_temp_file(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    write(db, [make_extraction()])
    before = dump(db)

    def broken_insert(con, table, rows):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(load, "_insert", broken_insert)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write(db, [make_extraction("a2", "sha-2", "two.txt")], run_id="run-2")
    assert dump(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


def test_leftover_temp_files_of_a_dead_run_are_removed(tmp_path):
    db = tmp_path / "w.duckdb"
    dead_pid = 2**22 + 12345  # above Linux's default pid_max, so never a live process
    leftovers = [
        tmp_path / f".w.duckdb{load.TEMP_MARKER}{dead_pid}",
        tmp_path / f".w.duckdb{load.TEMP_MARKER}{dead_pid}.wal",
    ]
    for path in leftovers:
        path.write_bytes(b"half a database")
    spill = tmp_path / f".w.duckdb{load.TEMP_MARKER}{dead_pid}.tmp"  # DuckDB's spill folder
    spill.mkdir()
    (spill / "block").write_bytes(b"x")
    leftovers.append(spill)
    write(db, [make_extraction()])
    assert not any(path.exists() for path in leftovers)
    assert load.read_previous(db) is not None


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all", b""],
    ids=["text-file", "empty-file"],
)
def test_a_foreign_file_is_no_previous_run_and_gets_replaced(tmp_path, caplog, content):
    db = tmp_path / "w.duckdb"
    db.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert load.read_previous(db) is None
    assert "will be replaced" in caplog.text
    write(db, [make_extraction()])
    assert load.read_previous(db) is not None


def test_a_duckdb_file_without_our_tables_is_no_previous_run(tmp_path, caplog):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE sales (amount INTEGER)")
    con.close()
    with caplog.at_level(logging.WARNING):
        assert load.read_previous(db) is None
    assert "not an ETL warehouse" in caplog.text


def test_a_missing_file_is_no_previous_run(tmp_path):
    assert load.read_previous(tmp_path / "absent.duckdb") is None


def test_duplicate_ids_keep_the_first_row(tmp_path, caplog):
    extraction = make_extraction()
    twice = dataclasses.replace(extraction, figures=extraction.figures * 2)
    with caplog.at_level(logging.WARNING):
        counts = write(tmp_path / "w.duckdb", [twice])
    assert counts["figures"] == 1
    assert "duplicate figures" in caplog.text


def test_merge_actors_prefers_the_gazetteer_and_fills_missing_countries():
    gazetteer = [Actor("canada", "Canada", "country", None)]
    discovered = [
        Actor("canada", "Canada Inc", "organization", None, source="discovered"),
        Actor("john-doe", "John Doe", "person", None, ("Mr. Doe",), "discovered"),
        Actor("john-doe", "John Doe", "person", "canada", ("Doe",), "discovered"),
    ]
    merged = load.merge_actors(gazetteer, discovered)
    assert merged == [
        Actor("canada", "Canada", "country", None),
        Actor("john-doe", "John Doe", "person", "canada", ("Mr. Doe", "Doe"), "discovered"),
    ]


def test_etl_version_changes_when_code_rules_or_gazetteer_change(tmp_path):
    package = tmp_path / "etl"
    (package / "rules").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "rules" / "cues.txt").write_text("condemn\n")
    gazetteer = tmp_path / "actors.csv"
    gazetteer.write_text("actor_id,name\ncanada,Canada\n")
    versions = {load.etl_version(package, gazetteer)}
    assert load.etl_version(package, gazetteer) in versions  # stable
    for path, text in [
        (package / "a.py", "x = 2\n"),
        (package / "rules" / "cues.txt", "condemn\ndenounce\n"),
        (gazetteer, "actor_id,name\ncanada,Canada\nrussia,Russia\n"),
    ]:
        path.write_text(text)
        versions.add(load.etl_version(package, gazetteer))
    assert len(versions) == 4


def test_every_dataclass_field_has_a_column():
    columns = {table: {name for name, _ in cols} for table, cols in load.schema_columns().items()}
    for table, cls in {
        **load.ARTICLE_TABLES,
        "articles": Article,
        "actors": Actor,
    }.items():
        fields = {f.name for f in dataclasses.fields(cls)}
        assert fields <= columns[table], f"{table} lacks {fields - columns[table]}"


def test_data_contract_doc_lists_exactly_the_columns_written():
    doc = (Path(__file__).parent.parent / "docs" / "data-contract.md").read_text(encoding="utf-8")
    documented: dict[str, list[tuple[str, str]]] = {}
    table = None
    for line in doc.splitlines():
        heading = re.match(r"^### `(\w+)`", line)
        if heading:
            table = heading.group(1)
            documented[table] = []
            continue
        cell = re.match(r"^\| `(\w+)` \| `([A-Z\[\]]+)` \|", line)
        if table and cell:
            documented[table].append((cell.group(1), cell.group(2)))
    assert documented == load.schema_columns()


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every data table except the run log, in a stable order."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {
            table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in load.TABLES
            if table != "runs"
        }
    finally:
        con.close()
