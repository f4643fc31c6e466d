"""The only writer of the warehouse: schema, atomic replace, and reading back a previous run.

The schema is data (DDL applied idempotently). A run is written to a temporary file beside the
warehouse and moved over it with `os.replace`, so a crash or a kill mid-run leaves the previous
warehouse intact. Rows go in through Arrow tables registered with DuckDB, never through SQL
built from values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import shutil
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

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

log = logging.getLogger(__name__)

SCHEMA_VERSION = "2"
PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_GAZETTEER = PACKAGE_DIR.parent / "data" / "actors.csv"

# The data contract (docs/data-contract.md): contract columns first, extra columns after.
# Column names equal the dataclass field names, so a row is written by reading attributes.
TABLES: dict[str, str] = {
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            article_id VARCHAR PRIMARY KEY,
            source_path VARCHAR NOT NULL,
            title VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            published_date DATE,
            language VARCHAR,
            body VARCHAR NOT NULL,
            content_sha256 VARCHAR NOT NULL,
            ingested_at TIMESTAMP,
            published_precision VARCHAR,
            encoding_note VARCHAR
        )""",
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            actor_id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            country_id VARCHAR,
            aliases VARCHAR[],
            source VARCHAR
        )""",
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text VARCHAR,
            how VARCHAR
        )""",
    "statements": """
        CREATE TABLE IF NOT EXISTS statements (
            statement_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            speaker_id VARCHAR,
            speaker_text VARCHAR,
            quote VARCHAR,
            is_direct BOOLEAN,
            statement_date DATE,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            date_precision VARCHAR,
            cue VARCHAR,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL
        )""",
    "stances": """
        CREATE TABLE IF NOT EXISTS stances (
            stance_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            statement_id VARCHAR,
            source_id VARCHAR NOT NULL,
            target_id VARCHAR NOT NULL,
            polarity VARCHAR NOT NULL,
            evidence VARCHAR,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            cue VARCHAR,
            negated BOOLEAN,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL
        )""",
    "figures": """
        CREATE TABLE IF NOT EXISTS figures (
            figure_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            value DOUBLE NOT NULL,
            value_text VARCHAR,
            category VARCHAR NOT NULL,
            subject VARCHAR,
            location VARCHAR,
            attributed_to_id VARCHAR,
            as_of_date DATE,
            evidence VARCHAR,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            value_start INTEGER,
            value_end INTEGER,
            as_of_precision VARCHAR,
            qualifier VARCHAR,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            event_date DATE NOT NULL,
            date_precision VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            description VARCHAR,
            location VARCHAR,
            participant_ids VARCHAR[],
            evidence VARCHAR,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL
        )""",
    # The analysts' review log (etl/review), copied from the review store on every write, with
    # where each action attached in this warehouse.
    "reviews": """
        CREATE TABLE IF NOT EXISTS reviews (
            review_id VARCHAR PRIMARY KEY,
            table_name VARCHAR NOT NULL,
            row_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            char_start INTEGER,
            char_end INTEGER,
            action VARCHAR NOT NULL,
            before JSON,
            after JSON,
            reviewer VARCHAR NOT NULL,
            reviewed_at TIMESTAMP NOT NULL,
            note VARCHAR,
            seq BIGINT NOT NULL,
            content_sha256 VARCHAR,
            source_path VARCHAR,
            evidence VARCHAR,
            changes JSON,
            base_version BIGINT,
            undoes VARCHAR,
            attached_row_id VARCHAR,
            attached_article_id VARCHAR,
            attached_by VARCHAR,
            unattached_reason VARCHAR
        )""",
    # The machine's own rows of every reviewed article, so a later run can reuse them.
    "review_machine_rows": """
        CREATE TABLE IF NOT EXISTS review_machine_rows (
            article_id VARCHAR NOT NULL,
            table_name VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            row_id VARCHAR NOT NULL,
            row JSON NOT NULL
        )""",
    "rejected": """
        CREATE TABLE IF NOT EXISTS rejected (
            source_path VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            detail VARCHAR,
            rejected_at TIMESTAMP
        )""",
    # Which article discovered which non-gazetteer actor, so reused articles bring theirs back.
    "actor_discoveries": """
        CREATE TABLE IF NOT EXISTS actor_discoveries (
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL
        )""",
    # One row per ETL run that produced this file (history carried over from earlier files).
    "runs": """
        CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP,
            finished_at TIMESTAMP,
            etl_version VARCHAR,
            files_seen INTEGER,
            articles INTEGER,
            rejected INTEGER,
            reused INTEGER,
            input_dir VARCHAR
        )""",
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        )""",
}

VIEWS: dict[str, str] = {
    # A stance's source and target as the countries they stand for (a country stands for itself).
    "stances_by_country": """
        CREATE OR REPLACE VIEW stances_by_country AS
        SELECT s.*,
               CASE WHEN src.kind = 'country' THEN src.actor_id ELSE src.country_id END
                   AS source_country_id,
               CASE WHEN tgt.kind = 'country' THEN tgt.actor_id ELSE tgt.country_id END
                   AS target_country_id
        FROM stances s
        LEFT JOIN actors src ON src.actor_id = s.source_id
        LEFT JOIN actors tgt ON tgt.actor_id = s.target_id""",
    # Each article's actors with how often they are mentioned.
    "article_actors": """
        CREATE OR REPLACE VIEW article_actors AS
        SELECT m.article_id, m.actor_id, a.name, a.kind, a.country_id, count(*) AS mentions
        FROM mentions m LEFT JOIN actors a ON a.actor_id = m.actor_id
        GROUP BY ALL""",
}

# Tables holding rows of one article each, with the dataclass each row comes from.
ARTICLE_TABLES: dict[str, type] = {
    "mentions": Mention,
    "statements": Statement,
    "stances": Stance,
    "figures": Figure,
    "events": Event,
}
EXTRACTION_FIELD = {
    "mentions": "mentions",
    "statements": "statements",
    "stances": "stances",
    "figures": "figures",
    "events": "events",
}
ID_COLUMN = {
    "articles": "article_id",
    "actors": "actor_id",
    "statements": "statement_id",
    "stances": "stance_id",
    "figures": "figure_id",
    "events": "event_id",
    "runs": "run_id",
}

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "INTEGER": pa.int64(),
    "BIGINT": pa.int64(),
    "JSON": pa.string(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}
TEMP_MARKER = ".tmp-"


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
    return digest.hexdigest()[:16]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


# --- schema --------------------------------------------------------------------------------


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view that is missing (idempotent)."""
    for ddl in TABLES.values():
        con.execute(ddl)
    for ddl in VIEWS.values():
        con.execute(ddl)


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [(name, dtype) for name, dtype in rows]


def schema_columns() -> dict[str, list[tuple[str, str]]]:
    """Every table's (column, type), from the DDL applied to an in-memory database."""
    con = duckdb.connect()
    try:
        ensure_schema(con)
        return {table: table_columns(con, table) for table in TABLES}
    finally:
        con.close()


# --- writing -------------------------------------------------------------------------------


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
) -> dict[str, int]:
    """Write a complete warehouse to a temporary file, check it, and move it over `db_path`.

    `reviews` and `review_machine_rows` are the rows of those tables (see etl.review).
    Returns the row count of every table. On any failure the previous file is left as it was.
    """
    db_path = Path(db_path)
    clean_stale_temp_files(db_path)
    previous_runs = _previous_runs(db_path)
    tmp = db_path.with_name(f".{db_path.name}{TEMP_MARKER}{os.getpid()}")
    _remove_db_files(tmp)
    try:
        con = duckdb.connect(str(tmp))
        try:
            ensure_schema(con)
            expected = _insert_all(
                con,
                articles=articles,
                extractions=extractions,
                actors=actors,
                rejected=rejected,
                runs=[*previous_runs, run_info],
                review_tables={"reviews": reviews, "review_machine_rows": review_machine_rows},
                meta={
                    "etl_version": run_info.etl_version,
                    "gazetteer_sha256": gazetteer_sha256,
                    "schema_version": SCHEMA_VERSION,
                },
            )
            counts = _row_counts(con)
            if counts != expected:
                raise WarehouseError(f"row counts differ after writing: {counts} != {expected}")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if row_counts(tmp) != counts:  # reopened as readers will open it
            raise WarehouseError(f"{tmp} does not read back as written")
        _fsync(tmp)
        # A stale write-ahead log beside the old file would be replayed onto the new one.
        _remove(db_path.with_name(db_path.name + ".wal"))
        os.replace(tmp, db_path)
        _fsync(db_path.parent)
    except BaseException:
        _remove_db_files(tmp)
        raise
    return counts


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk, so a power cut cannot leave a renamed empty file."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _insert_all(
    con: duckdb.DuckDBPyConnection,
    *,
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    actors: Sequence[Actor],
    rejected: Sequence[RejectedFile],
    runs: Sequence[RunInfo],
    meta: Mapping[str, str],
    review_tables: Mapping[str, Sequence[Mapping[str, Any]]],
) -> dict[str, int]:
    article_ids = {a.article_id for a in articles}
    for extraction in extractions:
        if extraction.article.article_id not in article_ids:
            raise WarehouseError(
                f"extraction for {extraction.article.source_path} has no article row"
            )
    rows: dict[str, list[Any]] = {
        "articles": list(articles),
        "actors": list(actors),
        "rejected": [
            {**dataclasses.asdict(r.rejection), "rejected_at": r.rejected_at} for r in rejected
        ],
        "actor_discoveries": [
            {"article_id": e.article.article_id, "actor_id": actor.actor_id}
            for e in extractions
            for actor in _unique_by_id(e.new_actors, "actor_id")
        ],
        "runs": list(runs),
        "meta": [{"key": k, "value": v} for k, v in meta.items()],
        **{table: list(table_rows) for table, table_rows in review_tables.items()},
    }
    for table, field_name in EXTRACTION_FIELD.items():
        rows[table] = [row for e in extractions for row in getattr(e, field_name)]
    counts = {}
    for table in TABLES:
        table_rows = rows[table]
        if table in ID_COLUMN:
            table_rows = _unique_by_id(table_rows, ID_COLUMN[table], table=table)
        _insert(con, table, table_rows)
        counts[table] = len(table_rows)
    return counts


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


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Any]) -> None:
    if not rows:
        return
    columns = table_columns(con, table)
    arrays = {
        name: pa.array([_cell(_value(row, name), dtype) for row in rows], _ARROW_TYPES[dtype])
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
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # names from TABLES
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
    """The previous warehouse's version and every article's rows, or None if there is none usable."""
    db_path = Path(db_path)
    con = _open_warehouse(db_path)
    if con is None:
        return None
    try:
        version_row = con.execute("SELECT value FROM meta WHERE key = 'etl_version'").fetchone()
        articles = [_build(Article, r) for r in _dicts(con, "SELECT * FROM articles")]
        per_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for table, cls in ARTICLE_TABLES.items():
            # Table names come from ARTICLE_TABLES; rows in span order as the extractors give them.
            for row in _dicts(con, f"SELECT * FROM {table} ORDER BY article_id, rowid"):
                per_article[row["article_id"]][table].append(_build(cls, row))
        actors = {r["actor_id"]: _build(Actor, r) for r in _dicts(con, "SELECT * FROM actors")}
        discovered: dict[str, list[Actor]] = defaultdict(list)
        for row in _dicts(con, "SELECT * FROM actor_discoveries"):
            if row["actor_id"] in actors:
                discovered[row["article_id"]].append(actors[row["actor_id"]])
        rejected_at = {
            (r["source_path"], r["reason"], r["detail"]): r["rejected_at"]
            for r in _dicts(con, "SELECT * FROM rejected")
        }
    except (duckdb.Error, TypeError, KeyError) as exc:
        log.warning("ignoring %s: unreadable warehouse (%s); it will be replaced", db_path, exc)
        return None
    finally:
        con.close()
    extractions: dict[str, list[Extraction]] = defaultdict(list)
    for article in articles:
        rows = per_article.get(article.article_id, {})
        extractions[article.content_sha256].append(
            Extraction(
                article=article,
                mentions=tuple(rows.get("mentions", ())),
                statements=tuple(rows.get("statements", ())),
                stances=tuple(rows.get("stances", ())),
                figures=tuple(rows.get("figures", ())),
                events=tuple(rows.get("events", ())),
                new_actors=tuple(discovered.get(article.article_id, ())),
            )
        )
    return PreviousRun(
        etl_version=version_row[0] if version_row else None,
        extractions={sha: tuple(group) for sha, group in extractions.items()},
        rejected_at=rejected_at,
        gazetteer_actors=tuple(a for a in actors.values() if a.source == "gazetteer"),
    )


# --- actors --------------------------------------------------------------------------------


def merge_actors(gazetteer: Iterable[Actor], discovered: Iterable[Actor]) -> list[Actor]:
    """The `actors` table: the gazetteer, then discovered actors by first appearance.

    A gazetteer row always wins; a discovered actor seen again fills a missing country and adds
    aliases, so the result does not depend on which article is reused.
    """
    merged: dict[str, Actor] = {}
    for actor in gazetteer:
        merged.setdefault(actor.actor_id, actor)
    fixed = set(merged)
    for actor in discovered:
        if actor.actor_id in fixed:
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
