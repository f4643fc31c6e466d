"""The review store: an append-only log of analysts' review actions, in a DuckDB file of its own.

The store sits beside the warehouse (`data/warehouse.duckdb` → `data/warehouse.reviews.duckdb`)
and the ETL never rebuilds it: the warehouse is a product that any run may replace, the reviews
are the analysts' work. Every action is a new row; nothing is updated or deleted, so the log is
also the audit trail.

Writers are serialised by a file lock (`<store>.lock`); each write opens the file, checks and
appends inside one transaction, and closes it again, so no process keeps the file locked
between actions. Readers take the same lock for the moment they read.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

STORE_SUFFIX = ".reviews.duckdb"
LOCK_SUFFIX = ".lock"
DEFAULT_LOCK_TIMEOUT = 60.0  # seconds a writer waits for another writer of the same store
STORE_FORMAT = "1"

# The rows analysts review, with the column that holds each row's id.
REVIEW_TABLES: dict[str, str] = {
    "statements": "statement_id",
    "stances": "stance_id",
    "figures": "figure_id",
    "events": "event_id",
}
# The contract's actions, and `undo` (takes back one earlier action, named in `undoes`).
ACTIONS = ("confirm", "reject", "correct", "add", "undo")

STORE_DDL = (
    """CREATE TABLE IF NOT EXISTS review_log (
        seq BIGINT PRIMARY KEY,
        review_id VARCHAR NOT NULL UNIQUE,
        table_name VARCHAR NOT NULL,
        row_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        content_sha256 VARCHAR,
        source_path VARCHAR,
        char_start INTEGER,
        char_end INTEGER,
        evidence VARCHAR,
        action VARCHAR NOT NULL,
        changes JSON,
        before JSON,
        after JSON,
        reviewer VARCHAR NOT NULL,
        reviewed_at TIMESTAMP NOT NULL,
        note VARCHAR,
        base_version BIGINT,
        undoes VARCHAR
    )""",
    "CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
)
COLUMNS = (
    "seq",
    "review_id",
    "table_name",
    "row_id",
    "article_id",
    "content_sha256",
    "source_path",
    "char_start",
    "char_end",
    "evidence",
    "action",
    "changes",
    "before",
    "after",
    "reviewer",
    "reviewed_at",
    "note",
    "base_version",
    "undoes",
)
JSON_COLUMNS = ("changes", "before", "after")


class ReviewError(ValueError):
    """A review cannot be recorded as given; the message says what to fix."""


class ReviewConflict(ReviewError):
    """The row was reviewed by someone else since the writer read it (optimistic concurrency)."""

    def __init__(self, message: str, latest: Review) -> None:
        super().__init__(message)
        self.latest = latest


class StoreBusy(ReviewError):
    """Another writer held the store's lock for longer than the timeout."""


@dataclass(frozen=True)
class Review:
    """One action of the log, as stored.

    `row_id` is the id the row had when it was reviewed (for `add`, the id the new row gets);
    `article_id`, `content_sha256`, `source_path`, the span and `evidence` say where the row
    was, so the review finds it again after a run that changed ids. `changes` is the `set` of a
    correct or add; `before` and `after` are the whole row (JSON) around the action.
    `base_version` is the row's version the writer had read (see `ReviewStore.transact`).
    """

    review_id: str
    table_name: str
    row_id: str
    article_id: str
    action: str
    reviewer: str
    reviewed_at: datetime
    content_sha256: str | None = None
    source_path: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    evidence: str | None = None
    changes: Mapping[str, Any] | None = None
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    note: str | None = None
    base_version: int | None = None
    undoes: str | None = None
    seq: int = 0  # position in the log, given by the store when the action is appended

    def as_row(self) -> dict[str, Any]:
        """The review as a row of `review_log` (and of the warehouse's `reviews`)."""
        row = {name: getattr(self, name) for name in COLUMNS}
        for name in JSON_COLUMNS:
            row[name] = None if row[name] is None else json.dumps(row[name], ensure_ascii=False)
        return row

    def describe(self) -> str:
        """One line a person reads: who did what, when."""
        when = self.reviewed_at.strftime("%Y-%m-%d %H:%M:%S")
        what = self.action
        if self.changes and self.action in ("correct", "add"):
            what += " " + ", ".join(f"{k}={v!r}" for k, v in self.changes.items())
        return f"#{self.seq} {self.reviewer} {what} at {when} UTC"


def new_review_id() -> str:
    return uuid.uuid4().hex[:16]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def store_path(db_path: Path | str) -> Path:
    """The review store of a warehouse: `<warehouse stem>.reviews.duckdb` beside it."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + STORE_SUFFIX)


def _from_row(row: Mapping[str, Any]) -> Review:
    values = dict(row)
    for name in JSON_COLUMNS:
        if values[name] is not None:
            values[name] = json.loads(values[name])
    return Review(**values)


class ReviewStore:
    """The append-only log at `path` (see the module docstring)."""

    def __init__(self, path: Path | str, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    @classmethod
    def for_warehouse(cls, db_path: Path | str, **kwargs: Any) -> ReviewStore:
        return cls(store_path(db_path), **kwargs)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + LOCK_SUFFIX)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        lock = FileLock(self.lock_path)
        try:
            lock.acquire(timeout=self.lock_timeout)
        except Timeout:
            raise StoreBusy(
                f"another writer held the review store {self.path.name} for more than "
                f"{self.lock_timeout:g} s; try again"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def read(self) -> list[Review]:
        """Every action of the log, in order (an empty list when there is no store yet)."""
        if not self.path.exists():
            return []  # no lock file either: a warehouse without reviews stays as it was
        with self._locked():
            if not self.path.exists():
                return []
            con = duckdb.connect(str(self.path), read_only=True)
            try:
                return _read_all(con)
            finally:
                con.close()

    def transact(
        self, make: Callable[[list[Review]], Sequence[Review]], *, create: bool = True
    ) -> list[Review]:
        """Append the actions `make(log)` returns, atomically, with the log read under the lock.

        `make` sees every action recorded so far and returns the new ones (it raises to record
        nothing, e.g. `ReviewConflict` when a row's version moved on). The store numbers them
        (`seq`) and writes them in one transaction: all or none.
        """
        with self._locked():
            if not self.path.exists() and not create:
                return []
            con = duckdb.connect(str(self.path))
            try:
                for ddl in STORE_DDL:
                    con.execute(ddl)
                con.execute("INSERT OR IGNORE INTO store_meta VALUES ('format', ?)", [STORE_FORMAT])
                log = _read_all(con)
                new = list(make(log))
                if not new:
                    return []
                next_seq = (log[-1].seq if log else 0) + 1
                numbered = [replace(r, seq=next_seq + i) for i, r in enumerate(new)]
                placeholders = ", ".join("?" for _ in COLUMNS)
                con.execute("BEGIN TRANSACTION")
                try:
                    con.executemany(
                        f"INSERT INTO review_log ({', '.join(COLUMNS)}) VALUES ({placeholders})",
                        [[r.as_row()[c] for c in COLUMNS] for r in numbered],
                    )
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("CHECKPOINT")
                return numbered
            finally:
                con.close()


def _read_all(con: duckdb.DuckDBPyConnection) -> list[Review]:
    try:
        cursor = con.execute(f"SELECT {', '.join(COLUMNS)} FROM review_log ORDER BY seq")
    except duckdb.CatalogException:
        return []
    return [_from_row(dict(zip(COLUMNS, row, strict=True))) for row in cursor.fetchall()]
