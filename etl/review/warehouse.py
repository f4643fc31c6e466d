"""Reviews meet the warehouse: the ETL's hook, and applying reviews without a full run.

The warehouse's four reviewed tables show the rows after review. So that a later run can still
reuse (and re-review) what the machine extracted, the machine's own rows of every reviewed
article are kept in `review_machine_rows`; `restore_machine_rows` puts them back into what an
incremental run reads. `reviews` is the audit trail: the store's log with where each action
attached in this warehouse (`attached_row_id` null: it attaches to nothing, and
`unattached_reason` says why).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from etl import load
from etl.review.apply import (
    ROW_CLASSES,
    ArticleRows,
    Resolution,
    resolve,
    row_from_json,
    row_id_of,
    row_to_json,
)
from etl.review.store import REVIEW_TABLES, Review, ReviewError, ReviewStore, store_path
from etl.types import Extraction

DEFAULT_LOCK_TIMEOUT = 120.0  # seconds to wait for an ETL run holding the warehouse lock
PAGE_APPLY_TIMEOUT = 5.0  # what a dashboard click waits before saying "recorded, applied later"


@dataclass(frozen=True)
class ReviewedRun:
    """The extractions with reviews applied, and the rows of `reviews` and `review_machine_rows`."""

    extractions: list[Extraction]
    resolution: Resolution
    review_rows: list[dict[str, Any]]
    machine_rows: list[dict[str, Any]]

    @property
    def unattached(self) -> list[Any]:
        return self.resolution.unattached

    def notes(self) -> list[str]:
        """Lines for the run summary: what was applied, and every review that attaches nowhere."""
        total = len(self.resolution.attachments)
        if not total:
            return []
        lost = self.unattached
        notes = [f"reviews: {total - len(lost)} of {total} analyst actions applied"]
        for a in lost:
            r = a.review
            notes.append(
                f"review {r.review_id} ({r.reviewer}: {r.action} {r.table_name} {r.row_id}) "
                f"attaches to nothing: {a.reason}"
            )
        return notes


def bundles(extractions: Iterable[Extraction]) -> list[ArticleRows]:
    return [ArticleRows(e.article, {t: getattr(e, t) for t in REVIEW_TABLES}) for e in extractions]


def review_extractions(extractions: Sequence[Extraction], reviews: Sequence[Review]) -> ReviewedRun:
    """Apply `reviews` to the machine's extractions (pure; see `etl.review.apply`)."""
    machine = bundles(extractions)
    resolution = resolve(machine, reviews)
    reviewed = [
        dataclasses.replace(
            e, **{t: tuple(rows) for t, rows in resolution.rows[e.article.article_id].items()}
        )
        for e in extractions
    ]
    touched = resolution.articles_reviewed()
    machine_rows = [
        {
            "article_id": e.article.article_id,
            "table_name": table,
            "position": position,
            "row_id": row_id_of(table, row),
            "row": json.dumps(row_to_json(row), ensure_ascii=False),
        }
        for e in extractions
        if e.article.article_id in touched
        for table in REVIEW_TABLES
        for position, row in enumerate(getattr(e, table))
    ]
    review_rows = []
    for review in reviews:
        attachment = resolution.attachments[review.review_id]
        review_rows.append(
            {
                **review.as_row(),
                "attached_row_id": attachment.row_id,
                "attached_article_id": attachment.article_id,
                "attached_by": attachment.how,
                "unattached_reason": attachment.reason,
            }
        )
    return ReviewedRun(reviewed, resolution, review_rows, machine_rows)


def apply_store(extractions: Sequence[Extraction], db_path: Path) -> ReviewedRun:
    """The store of the warehouse at db_path applied to these extractions (see `store_log`)."""
    return review_extractions(extractions, store_log(db_path))


def store_log(db_path: Path) -> list[Review]:
    """Every action in the store of the warehouse at db_path, oldest first.

    A store that cannot be read stops the run (ReviewError): a warehouse written without the
    reviews would silently show the machine's rows as if nobody had reviewed them.
    """
    store = ReviewStore.for_warehouse(db_path)
    try:
        return store.read()
    except duckdb.Error as exc:
        raise ReviewError(
            f"the review store {store.path.name} cannot be read ({exc}); the warehouse was left "
            "as it was. Restore the file from a backup, or move it away to run without reviews"
        ) from exc


def candidates(log: Sequence[Review], articles: Mapping[str, load.StoredArticle]) -> set[str]:
    """The articles (of `articles`, by id) that some review could attach to: by its article id,
    its article's content hash or its source path (see `etl.review.apply`). Resolving the log
    against these articles alone attaches every review where the whole warehouse would."""
    ids, shas, paths = _review_keys(log)
    return {
        article_id
        for article_id, stored in articles.items()
        if article_id in ids or stored.content_sha256 in shas or stored.source_path in paths
    }


def stored_candidates(db_path: Path, log: Sequence[Review]) -> dict[str, load.StoredArticle]:
    """`candidates` read from the warehouse at db_path by their keys (source-path order)."""
    return load.matching_articles(db_path, *_review_keys(log))


def _review_keys(log: Sequence[Review]) -> tuple[set[str], set[str], set[str]]:
    return (
        {r.article_id for r in log},
        {r.content_sha256 for r in log if r.content_sha256},
        {r.source_path for r in log if r.source_path},
    )


def stored_machine_extractions(db_path: Path, article_ids: Sequence[str]) -> list[Extraction]:
    """The stored rows of these articles, with the machine's own rows put back for reviewed
    ones (from `review_machine_rows`), in the order given."""
    found = load.read_extractions(db_path, article_ids)
    kept = read_machine_rows(db_path)
    return [
        dataclasses.replace(e, **{t: tuple(r) for t, r in kept[e.article.article_id].items()})
        if e.article.article_id in kept
        else e
        for e in found
    ]


def read_machine_rows(db_path: Path) -> dict[str, dict[str, list[Any]]]:
    """article_id -> table -> the machine's rows kept for reviewed articles (empty if none)."""
    if not Path(db_path).exists():
        return {}
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return {}
    try:
        found = con.execute(
            "SELECT article_id, table_name, row FROM review_machine_rows "
            "ORDER BY article_id, table_name, position"
        ).fetchall()
    except duckdb.Error:  # a warehouse from before reviews
        return {}
    finally:
        con.close()
    out: dict[str, dict[str, list[Any]]] = {}
    for article_id, table, row in found:
        per_table = out.setdefault(article_id, {t: [] for t in REVIEW_TABLES})
        per_table[table].append(row_from_json(table, json.loads(row)))
    return out


def restore_machine_rows(
    previous: load.PreviousRun | None, db_path: Path
) -> load.PreviousRun | None:
    """The previous run as the machine left it: reviewed articles get their machine rows back."""
    if previous is None:
        return None
    kept = read_machine_rows(db_path)
    if not kept:
        return previous
    extractions = {
        sha: tuple(
            dataclasses.replace(e, **{t: tuple(r) for t, r in kept[e.article.article_id].items()})
            if e.article.article_id in kept
            else e
            for e in group
        )
        for sha, group in previous.extractions.items()
    }
    return dataclasses.replace(previous, extractions=extractions)


def machine_extractions(db_path: Path) -> list[Extraction]:
    """Every article of the warehouse with the machine's rows of the four reviewed tables
    (mentions and the rest left out), in source-path order; one read-only connection."""
    from etl.types import Article

    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise ReviewError(f"{Path(db_path).name} is not a readable warehouse ({exc})") from exc
    try:
        articles = [
            load._build(Article, r)
            for r in load._dicts(con, "SELECT * FROM articles ORDER BY source_path")
        ]
        found: dict[str, dict[str, list[Any]]] = {a.article_id: {} for a in articles}
        for table in REVIEW_TABLES:
            cls = ROW_CLASSES[table]
            # Table names come from REVIEW_TABLES; rows in the order the ETL wrote them.
            for r in load._dicts(con, f"SELECT * FROM {table} ORDER BY article_id, rowid"):
                found[r["article_id"]].setdefault(table, []).append(load._build(cls, r))
        try:
            kept = con.execute(
                "SELECT article_id, table_name, row FROM review_machine_rows "
                "ORDER BY article_id, table_name, position"
            ).fetchall()
        except duckdb.CatalogException:  # a warehouse from before reviews
            kept = []
    except duckdb.Error as exc:
        raise ReviewError(f"{Path(db_path).name} is not a readable warehouse ({exc})") from exc
    finally:
        con.close()
    machine: dict[str, dict[str, list[Any]]] = {}
    for article_id, table, row in kept:
        per_table = machine.setdefault(article_id, {t: [] for t in REVIEW_TABLES})
        per_table[table].append(row_from_json(table, json.loads(row)))
    return [
        Extraction(
            a,
            **{
                t: tuple(machine.get(a.article_id, found[a.article_id]).get(t, ()))
                for t in REVIEW_TABLES
            },
        )
        for a in articles
    ]


class WarehouseBusy(ReviewError):
    """The warehouse stayed locked by an ETL run; the reviews are recorded, not yet applied."""


@dataclass(frozen=True)
class ApplyResult:
    """What `apply_reviews_to_warehouse` did."""

    rows: Mapping[str, int]  # rows per reviewed table after review
    applied: int  # actions attached to a row
    unattached: tuple[Any, ...]  # `Attachment`s that attach to nothing, with their reason


def apply_reviews_to_warehouse(
    db_path: Path | str, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
) -> ApplyResult:
    """Bring the warehouse's reviewed tables up to date with the store, without an ETL run.

    Holds the ETL's writer lock (`<db>.lock`), so it never interleaves with a run. Only the
    articles some review may attach to are read and rewritten (`load.update_warehouse`: a copy
    of the file changed and moved over the original), so readers see either the old file or
    the new one and the cost follows the reviewed articles, not the archive.
    """
    from etl.run import RunError, SilentReporter, writer_lock

    db_path = Path(db_path)
    try:
        with writer_lock(db_path, lock_timeout, SilentReporter()):
            log = store_log(db_path)
            try:
                ordered = list(stored_candidates(db_path, log))
            except duckdb.Error as exc:
                raise ReviewError(f"{db_path.name} is not a readable warehouse ({exc})") from exc
            reviewed = review_extractions(stored_machine_extractions(db_path, ordered), log)
            counts = load.update_warehouse(
                db_path,
                add=reviewed.extractions,
                reviews=reviewed.review_rows,
                review_machine_rows=reviewed.machine_rows,
            )
    except RunError as exc:  # the lock stayed busy: the reviews are safe in the store
        raise WarehouseBusy(
            f"{exc}. The reviews are recorded in {store_path(db_path).name}; the next ETL run "
            "applies them, or run the apply again"
        ) from exc
    resolution = reviewed.resolution
    return ApplyResult(
        rows={t: counts[t] for t in REVIEW_TABLES},
        applied=sum(a.attached for a in resolution.attachments.values()),
        unattached=tuple(resolution.unattached),
    )
