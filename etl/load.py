"""The only writer of the warehouse: atomic replace, incremental writes, reading back.

The schema is data (DDL applied idempotently; `etl.warehouse_schema`, re-exported here). Every write goes to a temporary file beside the
warehouse that is moved over it with `os.replace`, so a crash or a kill mid-write leaves the
previous warehouse intact and readers (which may not open a file another process writes) never
wait. A first build, or one after the ETL changed, writes a new file (`write_warehouse`); a run
that keeps most articles copies the file and changes only the rows of the articles it adds,
replaces or drops (`update_warehouse`), so its cost follows the new work plus one sequential
copy, not the size of the archive (see docs/ARCHITECTURE.md). The derived tables the dashboard
reads (`etl.derived`) are written into the same copy as their rows, which go in a batch at a time
(`WarehouseWriter`), so a run holds one batch, not the corpus. Rows go in through
Arrow tables registered with DuckDB, never through SQL built from values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import operator
import os
import shutil
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from etl import derived, places
from etl.types import (
    Actor,
    Article,
    Extraction,
    Rejection,
)
from etl.warehouse_schema import (  # re-exported: etl.load is the warehouse's one entry point
    _ARROW_TYPES,
    ARTICLE_TABLES,
    EXTRACTION_FIELD,
    ID_COLUMN,
    SCHEMA_VERSION,
    TABLES,
    VIEWS,  # noqa: F401
    ensure_schema,
    schema_columns,  # noqa: F401
    table_columns,
)

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_GAZETTEER = PACKAGE_DIR.parent / "data" / "actors.csv"

TEMP_MARKER = ".tmp-"
# What DuckDB may hold in memory while batches stream in (its default is 80% of the machine,
# and it keeps the blocks it has written or read cached up to that): beyond it blocks are
# evicted, so the writer's memory stays flat as the warehouse grows; one thread (the analysis
# has the cores). The finish goes back to DuckDB's defaults: building the derived tables over
# a warehouse of 1M statements needs more than 256 MB (it fails with an out-of-memory error).
WRITER_MEMORY_LIMIT = "256MB"
WRITER_STREAM_THREADS = 1


class WarehouseError(RuntimeError):
    """The warehouse could not be written; the previous one is untouched."""


@dataclass(frozen=True)
class RunInfo:
    run_id: str
    started_at: datetime
    finished_at: datetime
    etl_version: str
    files_seen: int
    articles: int
    rejected: int
    reused: int
    input_dir: str | None = None


@dataclass(frozen=True)
class RejectedFile:
    """A `rejected` row: the rejection and when it was first seen."""

    rejection: Rejection
    rejected_at: datetime


@dataclass(frozen=True)
class PreviousRun:
    """What an incremental run needs from the warehouse it is about to replace."""

    etl_version: str | None
    extractions: Mapping[str, tuple[Extraction, ...]]  # by content_sha256
    rejected_at: Mapping[tuple[str, str, str], datetime]  # (path, reason, detail) -> first seen
    gazetteer_actors: tuple[Actor, ...] = ()

    def unchanged(self, article: Article) -> Extraction | None:
        """The previous extraction of an article whose row (bar ingested_at) is unchanged."""
        for extraction in self.extractions.get(article.content_sha256, ()):
            if same_article(extraction.article, article):
                return extraction
        return None


@dataclass(frozen=True)
class InputDocument:
    """What one document of an input file became: an article (`article_id`) or a rejection."""

    source_path: str
    content_sha256: str | None = None  # of the raw document (duplicates by bytes)
    article_id: str | None = None
    body_key: str | None = None  # of the cleaned text (duplicates by text)
    reason: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class InputFile:
    """An input file as a run read it: an unchanged file is replayed from this, not re-read."""

    file_path: str
    file_sha256: str
    sidecar_key: str
    documents: tuple[InputDocument, ...]
    stat_key: str | None = None  # etl.run.stat_key when the file was read; None: hash it
    # `documents` as the warehouse stored them, when read from it: a replayed file is written
    # back as it was, without encoding its documents again.
    stored_documents: str | None = dataclasses.field(default=None, compare=False, repr=False)

    def as_row(self) -> dict[str, Any]:
        documents = self.stored_documents
        if documents is None:
            documents = json.dumps([dataclasses.asdict(d) for d in self.documents])
        return {
            "file_path": self.file_path,
            "file_sha256": self.file_sha256,
            "sidecar_key": self.sidecar_key,
            "documents": documents,
            "stat_key": self.stat_key,
        }


@dataclass(frozen=True)
class StoredArticle:
    source_path: str
    content_sha256: str


@dataclass(frozen=True)
class WarehouseIndex:
    """What an incremental run reads of the warehouse it updates: keys, never extracted rows."""

    etl_version: str | None
    articles: Mapping[str, StoredArticle]  # by article_id, in the warehouse's order
    files: Mapping[str, InputFile]  # by file path: only files all of whose articles are stored
    rejected_at: Mapping[tuple[str, str, str], datetime]
    gazetteer_actors: tuple[Actor, ...] = ()


def same_article(a: Article, b: Article) -> bool:
    return dataclasses.replace(a, ingested_at=None) == dataclasses.replace(b, ingested_at=None)


# --- version -------------------------------------------------------------------------------


def etl_version(package_dir: Path = PACKAGE_DIR, gazetteer: Path | None = None) -> str:
    """A hash of the ETL's code, its rules and the gazetteer: any change reprocesses everything."""
    gazetteer = DEFAULT_GAZETTEER if gazetteer is None else gazetteer
    files = sorted(package_dir.glob("*.py")) + sorted(
        p
        for p in (package_dir / "rules").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(package_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    digest.update(b"gazetteer\0")
    digest.update(file_sha256(gazetteer).encode())
    digest.update(b"places\0")  # the place gazetteer's packages (etl.places)
    digest.update(places.data_version().encode())
    return digest.hexdigest()[:16]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


# --- writing -------------------------------------------------------------------------------


def _swap_in(tmp: Path, db_path: Path, counts: Mapping[str, int]) -> None:
    """Check the written file reads back, flush it, and move it over db_path."""
    if row_counts(tmp) != counts:  # reopened as readers will open it
        raise WarehouseError(f"{tmp} does not read back as written")
    _fsync(tmp)
    # A stale write-ahead log beside the old file would be replayed onto the new one.
    _remove(db_path.with_name(db_path.name + ".wal"))
    os.replace(tmp, db_path)
    _fsync(db_path.parent)


def write_warehouse(
    db_path: Path,
    *,
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    actors: Sequence[Actor],
    rejected: Sequence[RejectedFile],
    run_info: RunInfo,
    gazetteer_sha256: str = "",
    reviews: Sequence[Mapping[str, Any]] = (),
    review_machine_rows: Sequence[Mapping[str, Any]] = (),
    input_files: Sequence[InputFile] = (),
    gazetteer: Path | None = None,
) -> dict[str, int]:
    """Write a complete warehouse to a temporary file, check it, and move it over `db_path`.

    `reviews` and `review_machine_rows` are the rows of those tables (see etl.review).
    Returns the row count of every table. On any failure the previous file is left as it was.
    """
    article_ids = {a.article_id for a in articles}
    for extraction in extractions:
        if extraction.article.article_id not in article_ids:
            raise WarehouseError(
                f"extraction for {extraction.article.source_path} has no article row"
            )
    with WarehouseWriter(db_path, base=False, gazetteer=gazetteer) as writer:
        writer.write(extractions, review_machine_rows, articles=articles)
        return writer.finish(
            actors=actors,
            rejected=rejected,
            run_info=run_info,
            gazetteer_sha256=gazetteer_sha256,
            reviews=reviews,
            input_files=input_files,
        )


# Tables whose rows belong to one article each: an incremental write deletes and inserts these.
PER_ARTICLE = (
    "articles",
    *EXTRACTION_FIELD,
    "actor_discoveries",
    "review_machine_rows",
    "row_places",
)


def update_warehouse(
    db_path: Path,
    *,
    drop: Iterable[str] = (),
    add: Sequence[Extraction] = (),
    actors: Sequence[Actor] | None = None,
    rejected: Sequence[RejectedFile] | None = None,
    run_info: RunInfo | None = None,
    gazetteer_sha256: str | None = None,
    reviews: Sequence[Mapping[str, Any]] | None = None,
    review_machine_rows: Sequence[Mapping[str, Any]] = (),
    input_files: Sequence[InputFile] | None = None,
    gazetteer: Path | None = None,
) -> dict[str, int]:
    """Change only some articles of the warehouse at db_path, as one atomic replace.

    The rows of the articles in `drop` and in `add` leave; the rows of `add` (and their
    `review_machine_rows`) come in; the derived tables are refreshed for those articles. A small
    table given (`actors`, `rejected`, `reviews`, `input_files`) is replaced whole; None leaves
    it as it is. `run_info` adds a row to `runs` and sets `meta`. The file is copied beside
    db_path, changed, checked and moved over it, so a crash or a kill leaves the previous
    warehouse as it was (see `WarehouseWriter`). Returns the row count of every table.
    """
    with WarehouseWriter(db_path, base=True, gazetteer=gazetteer) as writer:
        writer.drop(set(drop) - {e.article.article_id for e in add})
        writer.write(add, review_machine_rows)
        return writer.finish(
            actors=actors,
            rejected=rejected,
            run_info=run_info,
            gazetteer_sha256=gazetteer_sha256,
            reviews=reviews,
            input_files=input_files,
        )


class WarehouseWriter:
    """A warehouse written in batches: a private copy changed batch by batch, checked and moved
    over the warehouse at the end, so that memory follows one batch, not the corpus.

    `base=True` copies the warehouse at db_path and changes it (an incremental run);
    `base=False` starts a new file (a first or full build; `runs` keeps the old file's rows).
    `write` puts in the rows of some articles (replacing what the copy held for them), `drop`
    takes articles out, `finish` replaces the small whole tables, builds or refreshes the derived
    tables, checks every table's row count against what was written and swaps the file in. Used
    as a context manager, any exception (and a kill: the copy is never swapped in, and the next
    write removes it) leaves the warehouse at db_path as it was.

    The copy is private to this writer until it is moved over db_path, so the run needs no one
    transaction over it: readers only ever open the old file or the finished new one, and a
    failure anywhere discards the copy whole. Each batch is committed on its own (one commit,
    not one per statement), so DuckDB writes it to the copy's file instead of keeping a whole
    run's uncommitted rows in memory.
    """

    def __init__(self, db_path: Path, *, base: bool, gazetteer: Path | None = None) -> None:
        self.db_path = Path(db_path)
        self.base = base
        self.gazetteer = gazetteer
        self.tmp = self.db_path.with_name(f".{self.db_path.name}{TEMP_MARKER}{os.getpid()}")
        self.con: duckdb.DuckDBPyConnection | None = None
        self.expected: dict[str, int] = {}
        self.written: set[str] = set()  # articles whose rows this writer put in
        self.touched: set[str] = set()  # articles whose rows it put in or took out
        self.previous_runs: list[RunInfo] = []
        self.had_derived = False

    def __enter__(self) -> WarehouseWriter:
        clean_stale_temp_files(self.db_path)
        _remove_db_files(self.tmp)
        try:
            if self.base:
                shutil.copyfile(self.db_path, self.tmp)
            else:
                self.previous_runs = _previous_runs(self.db_path)
            self.con = duckdb.connect(
                str(self.tmp),
                config={"memory_limit": WRITER_MEMORY_LIMIT, "threads": WRITER_STREAM_THREADS},
            )
            self.had_derived = self.base and all(
                _has_table(self.con, name) for name in derived.DERIVED_TABLES
            )
            ensure_schema(self.con)  # a file from before a table existed gains it
            self.expected = _row_counts(self.con)
        except BaseException:
            self._discard()
            raise
        return self

    def __exit__(self, kind: Any, exc: Any, traceback: Any) -> None:
        if kind is not None:
            self._discard()

    def _discard(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None
        _remove_db_files(self.tmp)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            raise WarehouseError("the warehouse writer is not open")
        return self.con

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One commit for a batch: a commit per statement would flush the log once each."""
        con = self._connection()
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")

    def drop(self, article_ids: Iterable[str]) -> None:
        """Take every row of these articles out of the copy."""
        ids = sorted(set(article_ids))
        if ids:
            with self._transaction():
                self._delete(ids)

    def _delete(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        con = self._connection()
        con.register("_gone", pa.table({"article_id": pa.array(ids, pa.string())}))
        try:
            for table in PER_ARTICLE:  # names from the constants above
                ((deleted,),) = con.execute(
                    f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _gone)"
                ).fetchall()
                self.expected[table] -= deleted
        finally:
            con.unregister("_gone")
        self.touched.update(ids)

    def write(
        self,
        extractions: Sequence[Extraction],
        review_machine_rows: Sequence[Mapping[str, Any]] = (),
        *,
        articles: Sequence[Article] | None = None,
    ) -> None:
        """Put in the rows of these articles (and their `review_machine_rows`), replacing the
        rows the copy held for them. `articles` (default: the extractions' own) are the
        `articles` rows, for a writer of articles without extractions."""
        if not extractions and not review_machine_rows and not articles:
            return
        with self._transaction() as con:
            self._write(con, extractions, review_machine_rows, articles)

    def _write(
        self,
        con: duckdb.DuckDBPyConnection,
        extractions: Sequence[Extraction],
        review_machine_rows: Sequence[Mapping[str, Any]],
        articles: Sequence[Article] | None,
    ) -> None:
        rows = _article_rows(extractions, self.gazetteer)
        named = rows.pop("places")
        if articles is not None:
            rows["articles"] = list(articles)
        ids = [_value(a, "article_id") for a in rows["articles"]]
        if self.base:
            self._delete(sorted(set(ids)))
        rows["review_machine_rows"] = list(review_machine_rows)
        for table, table_rows in rows.items():
            if table in ID_COLUMN:
                table_rows = _unique_by_id(table_rows, ID_COLUMN[table], table=table)
            _insert(con, table, table_rows)
            self.expected[table] += len(table_rows)
        if named:
            known = {
                pid
                for (pid,) in con.execute(
                    "SELECT place_id FROM places WHERE list_contains(?, place_id)",
                    [sorted({row["place_id"] for row in named})],
                ).fetchall()
            }
            fresh = _unique_by_id((r for r in named if r["place_id"] not in known), "place_id")
            _insert(con, "places", fresh)
            self.expected["places"] += len(fresh)
        self.written.update(ids)
        self.touched.update(ids)

    def finish(
        self,
        *,
        actors: Sequence[Actor] | None = None,
        rejected: Sequence[RejectedFile] | None = None,
        run_info: RunInfo | None = None,
        gazetteer_sha256: str | None = None,
        reviews: Sequence[Mapping[str, Any]] | None = None,
        input_files: Sequence[InputFile] | None = None,
        input_files_kept: Collection[str] = (),
    ) -> dict[str, int]:
        """Replace the small whole tables given (None leaves a copied one as it is), add the
        run, build or refresh the derived tables, check, and move the copy over the warehouse.
        `input_files_kept` names files whose row the copied warehouse already holds as it
        should be (replayed unchanged): only the other rows of `input_files` are written, so an
        unchanged re-run does not rewrite a row per file. Returns the row count of every table."""
        kept = frozenset(input_files_kept) if self.base and input_files is not None else frozenset()
        con = self._connection()
        con.execute("RESET memory_limit")  # the derived tables need what the warehouse needs
        con.execute("RESET threads")
        con.execute("BEGIN TRANSACTION")
        replaced: dict[str, list[Any] | None] = {
            "actors": None if actors is None else list(actors),
            "rejected": None
            if rejected is None
            else [
                {**dataclasses.asdict(r.rejection), "rejected_at": r.rejected_at} for r in rejected
            ],
            "reviews": None if reviews is None else list(reviews),
            "input_files": None
            if input_files is None
            else [f.as_row() for f in input_files if f.file_path not in kept],
        }
        new_rows: dict[str, list[Any]] = {}
        for table, rows in replaced.items():
            if rows is not None and table == "input_files" and kept:
                self.expected[table] = _keep_input_files(con, kept)
                new_rows[table] = rows
            elif rows is not None:
                con.execute(f"DELETE FROM {table}")  # names from the dict above
                self.expected[table] = 0
                new_rows[table] = rows
            elif not self.base:
                new_rows[table] = []
        if not self.base:
            new_rows["runs"] = list(self.previous_runs)
        if run_info is not None:
            new_rows["runs"] = [*new_rows.get("runs", []), run_info]
            meta = {"etl_version": run_info.etl_version, "schema_version": SCHEMA_VERSION}
            if gazetteer_sha256 is not None:
                meta["gazetteer_sha256"] = gazetteer_sha256
            ((deleted,),) = con.execute(
                "DELETE FROM meta WHERE list_contains(?, key)", [list(meta)]
            ).fetchall()
            self.expected["meta"] -= deleted
            new_rows["meta"] = [{"key": k, "value": v} for k, v in meta.items()]
        for table, rows in new_rows.items():
            if table in ID_COLUMN:
                rows = _unique_by_id(rows, ID_COLUMN[table], table=table)
            _insert(con, table, rows)
            self.expected[table] += len(rows)
        # Places no row names any more leave (place ids are deterministic and a change of rules
        # is a new ETL version, so a stored place is current).
        con.execute(
            "DELETE FROM places WHERE place_id NOT IN "
            "(SELECT place_id FROM row_places WHERE place_id IS NOT NULL)"
        ).fetchall()
        self.expected["places"] = con.execute("SELECT count(*) FROM places").fetchall()[0][0]
        if self.had_derived:
            derived.refresh(con, sorted(self.touched), actors_changed=actors is not None)
        else:  # a new file, or one from before the ETL wrote them
            derived.build(
                con, seats=derived.seats_of_government(self.gazetteer or DEFAULT_GAZETTEER)
            )
        counts = _row_counts(con)
        if counts != self.expected:
            raise WarehouseError(f"row counts differ after writing: {counts} != {self.expected}")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        con.close()
        self.con = None
        _swap_in(self.tmp, self.db_path, counts)
        return counts


def _keep_input_files(con: duckdb.DuckDBPyConnection, kept: frozenset[str]) -> int:
    """Delete every `input_files` row but those of `kept`; the rows left."""
    con.register("_kept_input_files", pa.table({"file_path": pa.array(sorted(kept), pa.string())}))
    try:
        con.execute(
            "DELETE FROM input_files WHERE file_path NOT IN "
            "(SELECT file_path FROM _kept_input_files)"
        )
    finally:
        con.unregister("_kept_input_files")
    return con.execute("SELECT count(*) FROM input_files").fetchall()[0][0]


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_name = ?",
            [name],
        ).fetchall()[0][0]
    )


def _article_rows(
    extractions: Sequence[Extraction], gazetteer: Path | None = None
) -> dict[str, list[Any]]:
    """The rows of the per-article tables for these extractions (articles first), and under
    "places" the places their figures and events name (see etl.places)."""
    links, named = _located(extractions, gazetteer)
    rows: dict[str, list[Any]] = {
        "row_places": links,
        "places": named,
        "articles": [e.article for e in extractions],
        "actor_discoveries": [
            {"article_id": e.article.article_id, "actor_id": actor.actor_id}
            for e in extractions
            for actor in _unique_by_id(e.new_actors, "actor_id")
        ],
    }
    for table, field_name in EXTRACTION_FIELD.items():
        rows[table] = [row for e in extractions for row in getattr(e, field_name)]
    return rows


def _located(
    extractions: Sequence[Extraction], gazetteer: Path | None
) -> tuple[list[dict], list[dict]]:
    """`row_places` rows of these extractions and the `places` rows they name. The place
    gazetteer is built only when some row has a location."""
    if not any(row.location for e in extractions for row in (*e.figures, *e.events)):
        return [], []
    lookup = places.default_gazetteer(Path(gazetteer or DEFAULT_GAZETTEER))
    links: list[dict] = []
    named: dict[str, places.Place] = {}
    for e in extractions:
        found, seen = places.resolve_rows(
            lookup,
            e.article.article_id,
            ((m.actor_id, m.text) for m in e.mentions),
            e.figures,
            e.events,
        )
        links += found
        named.update(seen)
    return links, places.by_id(named)


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk, so a power cut cannot leave a renamed empty file."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unique_by_id(rows: Iterable[Any], id_column: str, table: str | None = None) -> list[Any]:
    """Rows with the first of each id kept; later duplicates are dropped with a warning."""
    seen: set[Any] = set()
    unique = []
    for row in rows:
        key = _value(row, id_column)
        if key in seen:
            if table:
                log.warning("duplicate %s %s %r dropped", table, id_column, key)
            continue
        seen.add(key)
        unique.append(row)
    return unique


def _value(row: Any, column: str) -> Any:
    return row[column] if isinstance(row, Mapping) else getattr(row, column)


def _cell(value: Any, dtype: str) -> Any:
    if value is None:
        return None
    if dtype == "VARCHAR[]":
        return [str(v) for v in value]
    if dtype == "TIMESTAMP" and isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    if dtype == "DATE" and isinstance(value, datetime):
        return value.date()
    return value


# Column types whose cells `_cell` may change; every other type's values go in as they are.
_CONVERTED_TYPES = frozenset({"VARCHAR[]", "TIMESTAMP", "DATE"})


def _column_values(rows: Sequence[Any], name: str, dtype: str, kinds: set[bool]) -> list[Any]:
    """One column's cells, as `_cell(_value(row, name), dtype)` gives them: read by one getter
    for the whole column when every row is a mapping or none is (`kinds`: which the rows are),
    a function call less per cell, and none for the types `_cell` leaves alone."""
    if len(kinds) != 1:
        return [_cell(_value(row, name), dtype) for row in rows]
    getter = operator.itemgetter(name) if True in kinds else operator.attrgetter(name)
    values = list(map(getter, rows))
    if dtype in _CONVERTED_TYPES:
        return [_cell(value, dtype) for value in values]
    return values


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Any]) -> None:
    if not rows:
        return
    columns = table_columns(con, table)
    kinds = {isinstance(row, Mapping) for row in rows}
    arrays = {
        name: pa.array(_column_values(rows, name, dtype, kinds), _ARROW_TYPES[dtype])
        for name, dtype in columns
    }
    frame = pa.table(arrays)
    view = f"_incoming_{table}"
    con.register(view, frame)
    try:
        names = ", ".join(name for name, _ in columns)
        # Table and column names come from TABLES above, never from input data.
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
    finally:
        con.unregister(view)


def _row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]  # names from TABLES
        for table in TABLES
    }


def row_counts(db_path: Path) -> dict[str, int]:
    """Rows per table of a warehouse file (opened read-only)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return _row_counts(con)
    finally:
        con.close()


# --- temporary files -----------------------------------------------------------------------


def clean_stale_temp_files(db_path: Path) -> list[Path]:
    """Remove temporary files left beside `db_path` by runs that were killed."""
    removed = []
    prefix = f".{db_path.name}{TEMP_MARKER}"
    if not db_path.parent.is_dir():
        return removed
    for path in sorted(db_path.parent.glob(prefix + "*")):
        pid_text = path.name[len(prefix) :].removesuffix(".wal").removesuffix(".tmp")
        if pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text)):
            continue  # another run is writing it right now
        _remove(path)
        removed.append(path)
    return removed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> None:
    """Remove a file, or a folder DuckDB spilled to, if present."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
        return
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _remove_db_files(path: Path) -> None:
    """A database file with its write-ahead log and spill folder."""
    for suffix in ("", ".wal", ".tmp"):
        _remove(path.with_name(path.name + suffix))


# --- reading back ----------------------------------------------------------------------------


def _open_warehouse(db_path: Path, *, warn: bool = True) -> duckdb.DuckDBPyConnection | None:
    """A read-only connection to our warehouse at db_path, or None if it is not one."""
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        if warn:
            log.warning(
                "ignoring %s: not a readable DuckDB file (%s); it will be replaced",
                db_path,
                exc,
            )
        return None
    try:
        con.execute("SELECT value FROM meta WHERE key = 'etl_version'").fetchone()
    except duckdb.Error:
        con.close()
        if warn:
            log.warning(
                "ignoring %s: not an ETL warehouse (no meta table); it will be replaced",
                db_path,
            )
        return None
    return con


# Every DuckDB database file carries these bytes at offset 8 (after a checksum).
DUCKDB_MAGIC = b"DUCK"


def warehouse_problem(db_path: Path) -> str | None:
    """Why the file at db_path must not simply be replaced, or None when it may be.

    None: no file, an empty file, or an ETL warehouse. Otherwise `not_duckdb` (some other file:
    a typo in `--db` must not destroy it), `unreadable` (a damaged DuckDB file) or `foreign` (a
    DuckDB database this ETL did not write).
    """
    db_path = Path(db_path)
    if not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0):
        return None
    try:
        with open(db_path, "rb") as file:
            header = file.read(16)
    except OSError:
        return "unreadable"
    if header[8:12] != DUCKDB_MAGIC:
        return "not_duckdb"
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return "unreadable"
    try:
        con.execute("SELECT value FROM meta WHERE key = 'etl_version'").fetchone()
    except duckdb.Error:
        return "foreign"
    finally:
        con.close()
    return None


def _previous_runs(db_path: Path) -> list[RunInfo]:
    con = _open_warehouse(db_path, warn=False)
    if con is None:
        return []
    try:
        return [RunInfo(**row) for row in _dicts(con, "SELECT * FROM runs ORDER BY started_at")]
    except (duckdb.Error, TypeError):
        return []
    finally:
        con.close()


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _build(cls: type, row: Mapping[str, Any]) -> Any:
    """A dataclass from a row: extra columns ignored, lists back to tuples."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name not in row:
            continue
        value = row[f.name]
        if isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return cls(**values)


def read_previous(db_path: Path) -> PreviousRun | None:
    """The previous warehouse's version and every article's rows, or None if there is none usable.

    Reads every row back (tools and tests compare whole warehouses with it); a run reads only
    `read_index` and the rows of the articles it must look at (`read_extractions`).
    """
    db_path = Path(db_path)
    con = _open_warehouse(db_path)
    if con is None:
        return None
    try:
        version_row = con.execute("SELECT value FROM meta WHERE key = 'etl_version'").fetchone()
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        found = _extractions(con, ids)
        actors = {r["actor_id"]: _build(Actor, r) for r in _dicts(con, "SELECT * FROM actors")}
        rejected_at = _rejected_at(con)
    except (duckdb.Error, TypeError, KeyError) as exc:
        log.warning("ignoring %s: unreadable warehouse (%s); it will be replaced", db_path, exc)
        return None
    finally:
        con.close()
    extractions: dict[str, list[Extraction]] = defaultdict(list)
    for extraction in found:
        extractions[extraction.article.content_sha256].append(extraction)
    return PreviousRun(
        etl_version=version_row[0] if version_row else None,
        extractions={sha: tuple(group) for sha, group in extractions.items()},
        rejected_at=rejected_at,
        gazetteer_actors=tuple(a for a in actors.values() if a.source == "gazetteer"),
    )


def _rejected_at(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str], datetime]:
    return {
        (r["source_path"], r["reason"], r["detail"]): r["rejected_at"]
        for r in _dicts(con, "SELECT * FROM rejected")
    }


def read_index(db_path: Path) -> WarehouseIndex | None:
    """What an incremental run needs to know of the warehouse, or None if there is none usable:
    its version, every article's key, the input files it was read from, when each rejection
    was first seen and the gazetteer's actors. No extracted row is read."""
    db_path = Path(db_path)
    con = _open_warehouse(db_path)
    if con is None:
        return None
    try:
        version_row = con.execute("SELECT value FROM meta WHERE key = 'etl_version'").fetchone()
        articles = {
            article_id: StoredArticle(source_path, sha)
            for article_id, source_path, sha in con.execute(
                "SELECT article_id, source_path, content_sha256 FROM articles ORDER BY rowid"
            ).fetchall()
        }
        files: dict[str, InputFile] = {}
        if _has_table(con, "input_files"):
            has_stat = "stat_key" in dict(table_columns(con, "input_files"))
            stat_column = "stat_key" if has_stat else "NULL"  # a file from before the column
            for path, sha, sidecar_key, documents, key in con.execute(
                "SELECT file_path, file_sha256, sidecar_key, documents, "
                f"{stat_column} FROM input_files"
            ).fetchall():
                docs = tuple(InputDocument(**d) for d in json.loads(documents))
                # A file is replayed only when every article it gave is still here (an article
                # rejected after reading, e.g. over its time budget, is read and tried again).
                if all(d.article_id is None or d.article_id in articles for d in docs):
                    files[path] = InputFile(path, sha, sidecar_key, docs, key, documents)
        gazetteer_actors = tuple(
            _build(Actor, r) for r in _dicts(con, "SELECT * FROM actors WHERE source = 'gazetteer'")
        )
        rejected_at = _rejected_at(con)
    except (duckdb.Error, TypeError, KeyError) as exc:
        log.warning("ignoring %s: unreadable warehouse (%s); it will be replaced", db_path, exc)
        return None
    finally:
        con.close()
    return WarehouseIndex(
        etl_version=version_row[0] if version_row else None,
        articles=articles,
        files=files,
        rejected_at=rejected_at,
        gazetteer_actors=gazetteer_actors,
    )


def matching_articles(
    db_path: Path, ids: Iterable[str], shas: Iterable[str], paths: Iterable[str]
) -> dict[str, StoredArticle]:
    """The keys of the articles with one of these ids, content hashes or source paths, by id in
    source-path order (what the reviews of a log may attach to, read without the whole index)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        found = con.execute(
            "SELECT article_id, source_path, content_sha256 FROM articles "
            "WHERE list_contains(?, article_id) OR list_contains(?, content_sha256) "
            "OR list_contains(?, source_path) ORDER BY source_path",
            [sorted(set(ids)), sorted(set(shas)), sorted(set(paths))],
        ).fetchall()
    finally:
        con.close()
    return {article_id: StoredArticle(path, sha) for article_id, path, sha in found}


def read_articles(db_path: Path, article_ids: Iterable[str]) -> dict[str, Article]:
    """The article rows of these ids that the warehouse holds."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        with _registered_ids(con, ids):
            rows = _dicts(
                con, "SELECT * FROM articles WHERE article_id IN (SELECT article_id FROM _ids)"
            )
    finally:
        con.close()
    return {r["article_id"]: _build(Article, r) for r in rows}


def read_discoveries(db_path: Path) -> dict[str, list[Actor]]:
    """article_id -> the actors it discovered (as the `actors` table holds them now)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = _dicts(
            con,
            "SELECT d.article_id AS discovered_by, a.* FROM actor_discoveries d "
            "JOIN actors a ON a.actor_id = d.actor_id ORDER BY d.rowid",
        )
    finally:
        con.close()
    found: dict[str, list[Actor]] = defaultdict(list)
    for row in rows:
        found[row["discovered_by"]].append(_build(Actor, row))
    return found


def repaired_articles(db_path: Path) -> tuple[tuple[str, str], ...]:
    """(source_path, what was repaired) of every article whose text needed a repair."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return tuple(
            con.execute(
                "SELECT source_path, encoding_note FROM articles "
                "WHERE encoding_note IS NOT NULL AND encoding_note <> '' ORDER BY source_path"
            ).fetchall()
        )
    finally:
        con.close()


def read_extractions(db_path: Path, article_ids: Sequence[str]) -> list[Extraction]:
    """The stored rows of these articles, in the order given (ids not stored are skipped)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return _extractions(con, article_ids)
    finally:
        con.close()


@contextmanager
def _registered_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> Iterator[None]:
    """A one-column table `_ids` of article ids on the connection while in use."""
    con.register("_ids", pa.table({"article_id": pa.array(list(ids), pa.string())}))
    try:
        yield
    finally:
        con.unregister("_ids")


def _extractions(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[Extraction]:
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return []
    inside = "article_id IN (SELECT article_id FROM _ids)"
    with _registered_ids(con, ids):
        articles = {
            r["article_id"]: _build(Article, r)
            for r in _dicts(con, f"SELECT * FROM articles WHERE {inside}")
        }
        per_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for table, cls in ARTICLE_TABLES.items():
            # Table names come from ARTICLE_TABLES; rows in span order as the extractors give them.
            sql = f"SELECT * FROM {table} WHERE {inside} ORDER BY article_id, rowid"
            for row in _dicts(con, sql):
                per_article[row["article_id"]][table].append(_build(cls, row))
        discovered: dict[str, list[Actor]] = defaultdict(list)
        for row in _dicts(
            con,
            "SELECT d.article_id AS discovered_by, a.* FROM actor_discoveries d "
            f"JOIN actors a ON a.actor_id = d.actor_id WHERE d.{inside} ORDER BY d.rowid",
        ):
            discovered[row["discovered_by"]].append(_build(Actor, row))
    out = []
    for article_id in ids:
        if article_id not in articles:
            continue
        rows = per_article.get(article_id, {})
        out.append(
            Extraction(
                article=articles[article_id],
                mentions=tuple(rows.get("mentions", ())),
                statements=tuple(rows.get("statements", ())),
                stances=tuple(rows.get("stances", ())),
                figures=tuple(rows.get("figures", ())),
                events=tuple(rows.get("events", ())),
                new_actors=tuple(discovered.get(article_id, ())),
            )
        )
    return out


# --- actors --------------------------------------------------------------------------------


def merge_actors(gazetteer: Iterable[Actor], discovered: Iterable[Actor]) -> list[Actor]:
    """The `actors` table: the gazetteer, then discovered actors by first appearance.

    A gazetteer row always wins; a discovered actor seen again fills a missing country and adds
    aliases, so the result does not depend on which article is reused. A gazetteer actor an
    article named by a spelling variant (`actor_entities._note_spelling`) gains that variant as an alias,
    its other fields kept.
    """
    merged: dict[str, Actor] = {}
    for actor in gazetteer:
        merged.setdefault(actor.actor_id, actor)
    fixed = set(merged)
    for actor in discovered:
        if actor.actor_id in fixed:
            known = merged[actor.actor_id]
            extra = tuple(a for a in actor.aliases if a not in known.aliases and a != known.name)
            if extra:
                merged[actor.actor_id] = dataclasses.replace(known, aliases=known.aliases + extra)
            continue
        known = merged.get(actor.actor_id)
        if known is None:
            merged[actor.actor_id] = actor
            continue
        aliases = known.aliases + tuple(a for a in actor.aliases if a not in known.aliases)
        merged[actor.actor_id] = dataclasses.replace(
            known, country_id=known.country_id or actor.country_id, aliases=aliases
        )
    return list(merged.values())
