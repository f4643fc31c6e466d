"""Analysts' reviews of extracted rows: a store that outlives the warehouse, and its API.

The dashboard and the command line use these functions (details in docs/reviews.md):

- `submit(db, [ReviewRequest(...)])` records confirm / reject / correct / add / undo actions
  (validated, all or none; `base_version` gives optimistic concurrency: `ReviewConflict`) and
  applies them to the warehouse at once (`apply_reviews_to_warehouse`).
- `row_state(db, table, row_id)` is a row as reviewed: fields, `status`, `version` (pass it back
  as `base_version`), `history` (every action on it, oldest first).
- `read_reviews(db)` is the whole log; `unattached(db)` the actions that attach to no row.
- `import_lines`, `export_gold`, `score_reviews` back `python -m etl.review` and
  `python -m etl.evaluate --reviews`.

The ETL calls `store_log`, `candidates`, `stored_machine_extractions` and
`review_extractions` (see etl/run.py).
"""

from __future__ import annotations

from pathlib import Path

from etl.review.apply import Attachment, RowState, added_row_id
from etl.review.edit import (
    EDITABLE,
    REQUIRED_FOR_ADD,
    RequestErrors,
    ReviewRequest,
    Submitted,
    import_lines,
    row_state,
    submit,
)
from etl.review.measure import export_gold, format_review_scores, score_reviews
from etl.review.store import (
    ACTIONS,
    REVIEW_TABLES,
    Review,
    ReviewConflict,
    ReviewError,
    ReviewStore,
    StoreBusy,
    store_path,
)
from etl.review.warehouse import (
    PAGE_APPLY_TIMEOUT,
    ApplyResult,
    WarehouseBusy,
    apply_reviews_to_warehouse,
    apply_store,
    candidates,
    restore_machine_rows,
    review_extractions,
    store_log,
    stored_machine_extractions,
)


def store_files(db_path: Path | str) -> tuple[Path, ...]:
    """The review store of a warehouse and its lock file (an ETL run never reads them as input)."""
    store = ReviewStore.for_warehouse(db_path)
    return (store.path, store.path.with_name(store.path.name + ".wal"), store.lock_path)


def read_reviews(db_path: Path | str) -> list[Review]:
    """Every action in the store of the warehouse at db_path, oldest first."""
    return ReviewStore.for_warehouse(db_path).read()


def unattached(db_path: Path | str) -> list[Attachment]:
    """The actions that attach to no row of the warehouse, each with its `reason`."""
    from etl.review.measure import _resolution

    return _resolution(Path(db_path))[1].unattached


__all__ = [
    "ACTIONS",
    "EDITABLE",
    "REQUIRED_FOR_ADD",
    "REVIEW_TABLES",
    "ApplyResult",
    "Attachment",
    "RequestErrors",
    "Review",
    "ReviewConflict",
    "ReviewError",
    "ReviewRequest",
    "ReviewStore",
    "RowState",
    "StoreBusy",
    "Submitted",
    "PAGE_APPLY_TIMEOUT",
    "WarehouseBusy",
    "added_row_id",
    "apply_reviews_to_warehouse",
    "apply_store",
    "candidates",
    "export_gold",
    "format_review_scores",
    "import_lines",
    "read_reviews",
    "restore_machine_rows",
    "review_extractions",
    "row_state",
    "score_reviews",
    "store_files",
    "store_log",
    "store_path",
    "stored_machine_extractions",
    "submit",
    "unattached",
]
