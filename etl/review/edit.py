"""Recording review actions: validation at the edge, optimistic concurrency, before and after.

Every write goes through `submit`: it checks each request against the warehouse (the row
exists, the table, action and fields are known, values fit the vocabularies, actor names
resolve), records the row as it stands (`before`) and as the action leaves it (`after`), and
appends all requests to the store in one transaction, or none when any is wrong.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from etl import safe_json
from etl.review.apply import RowState, added_row_id, resolve, row_id_of, row_to_json
from etl.review.store import (
    ACTIONS,
    REVIEW_TABLES,
    Review,
    ReviewConflict,
    ReviewError,
    ReviewStore,
    new_review_id,
    utc_now,
)
from etl.review.warehouse import (
    DEFAULT_LOCK_TIMEOUT,
    ApplyResult,
    apply_reviews_to_warehouse,
    bundles,
    stored_candidates,
    stored_machine_extractions,
)
from etl.types import DATE_PRECISIONS, EVENT_TYPES, FIGURE_CATEGORIES, POLARITIES

# What a `correct` may set, per table, and what kind of value each field takes.
EDITABLE: dict[str, dict[str, str]] = {
    "statements": {
        "speaker_id": "actor?",
        "speaker_text": "text",
        "quote": "text",
        "is_direct": "bool",
        "statement_date": "date?",
        "date_precision": "precision?",
    },
    "stances": {
        "source_id": "actor",
        "target_id": "actor",
        "polarity": "polarity",
        "statement_id": "text?",
    },
    "figures": {
        "value": "number",
        "value_text": "text",
        "category": "category",
        "subject": "text?",
        "location": "text?",
        "attributed_to_id": "actor?",
        "as_of_date": "date?",
        "as_of_precision": "precision?",
        "qualifier": "text?",
    },
    "events": {
        "event_date": "date",
        "date_precision": "precision",
        "event_type": "event_type",
        "description": "text",
        "location": "text?",
        "participant_ids": "actors",
    },
}
# What an `add` must set.
REQUIRED_FOR_ADD: dict[str, tuple[str, ...]] = {
    "statements": ("speaker_id",),
    "stances": ("source_id", "target_id", "polarity"),
    "figures": ("value", "category"),
    "events": ("event_date", "event_type"),
}
VOCABULARIES = {
    "polarity": POLARITIES,
    "category": FIGURE_CATEGORIES,
    "event_type": EVENT_TYPES,
    "precision": DATE_PRECISIONS,
}
# Keys of one JSON line of `python -m etl.review import`.
LINE_KEYS = (
    "table",
    "id",
    "action",
    "reviewer",
    "note",
    "set",
    "article_id",
    "char_start",
    "char_end",
    "base_version",
    "undoes",
)


@dataclass(frozen=True)
class ReviewRequest:
    """One action an analyst asks for (a line of an import file, or a click in the dashboard).

    `row_id` names the row (not for `add`); `changes` are the fields to set (`correct`, `add`);
    `article_id`, `char_start`, `char_end` place an added row; `base_version` is the row's
    `version` when the analyst read it (None: do not check); `undoes` names the review an
    `undo` takes back.
    """

    table: str
    action: str
    reviewer: str
    row_id: str | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    article_id: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    base_version: int | None = None
    undoes: str | None = None


class RequestErrors(ReviewError):
    """Some requests were wrong; nothing was recorded. `errors` has one message per request."""

    def __init__(self, errors: Sequence[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = list(errors)


# --- validation ----------------------------------------------------------------------------


def _actor_index(db_path: Path) -> dict[str, str]:
    """actor_id, lower-cased name and lower-cased alias -> actor_id (ambiguous names left out)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        actors = con.execute("SELECT actor_id, name, aliases FROM actors").fetchall()
    finally:
        con.close()
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for actor_id, name, aliases in actors:
        for key in (name, *(aliases or ())):
            key = (key or "").strip().lower()
            if key in index and index[key] != actor_id:
                ambiguous.add(key)
            index.setdefault(key, actor_id)
    for key in ambiguous:
        del index[key]
    index.update({actor_id: actor_id for actor_id, _, _ in actors})
    return index


MAX_TEXT_CHARS = 2_000  # a quote, a place or a note longer than this is a paste gone wrong
MAX_REVIEWER_CHARS = 100


def _check_length(name: str, value: str, limit: int = MAX_TEXT_CHARS) -> str:
    if len(value) > limit:
        raise ReviewError(f"{name} is {len(value):,} characters long; at most {limit:,} are kept")
    return value


def _check_value(kind: str, name: str, value: Any, actors: Mapping[str, str]) -> Any:
    """The value normalised for the store (actor names -> ids, dates as ISO text)."""
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if value is None or value == "":
        if optional or kind == "text":
            return None if optional else ""
        raise ReviewError(f"{name} may not be empty")
    if kind == "text":
        if not isinstance(value, str):
            raise ReviewError(f"{name} must be text, not {value!r}")
        return _check_length(name, value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ReviewError(f"{name} must be true or false, not {value!r}")
        return value
    if kind == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ReviewError(f"{name} must be a number, not {value!r}")
        return float(value)
    if kind == "date":
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ReviewError(f"{name} must be a date written YYYY-MM-DD, not {value!r}") from None
    if kind in VOCABULARIES:
        if value not in VOCABULARIES[kind]:
            raise ReviewError(f"{name} {value!r} is not one of {', '.join(VOCABULARIES[kind])}")
        return value
    if kind == "actor":
        return _actor(name, value, actors)
    if kind == "actors":
        if not isinstance(value, list):
            raise ReviewError(f"{name} must be a list of actors")
        return [_actor(name, v, actors) for v in value]
    raise AssertionError(kind)


def _actor(name: str, value: Any, actors: Mapping[str, str]) -> str:
    if not isinstance(value, str):
        raise ReviewError(f"{name} must be an actor id or name, not {value!r}")
    found = actors.get(value) or actors.get(value.strip().lower())
    if found is None:
        raise ReviewError(
            f"{name}: no actor {value!r} in the warehouse (give an actor_id of the actors table, "
            "or a name or alias that names one actor)"
        )
    return found


def check_changes(table: str, changes: Any, actors: Mapping[str, str]) -> dict[str, Any]:
    """The `set` of a correct or add, validated and normalised (ReviewError if wrong)."""
    if not isinstance(changes, Mapping):
        raise ReviewError("set must be a JSON object of field: value")
    editable = EDITABLE[table]
    out = {}
    for name, value in changes.items():
        if name not in editable:
            raise ReviewError(
                f"{table} has no field {name!r} that a review may set "
                f"(fields: {', '.join(editable)})"
            )
        out[name] = _check_value(editable[name], name, value, actors)
    return out


def request_from_json(data: Any, default_reviewer: str | None = None) -> ReviewRequest:
    """One import line (already parsed) as a request; ReviewError says what is wrong."""
    if not isinstance(data, Mapping):
        raise ReviewError("each line must be one JSON object")
    unknown = [k for k in data if k not in LINE_KEYS]
    if unknown:
        raise ReviewError(f"unknown key {unknown[0]!r} (keys: {', '.join(LINE_KEYS)})")
    table, action = data.get("table"), data.get("action")
    if table not in REVIEW_TABLES:
        raise ReviewError(f"unknown table {table!r} (tables: {', '.join(REVIEW_TABLES)})")
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r} (actions: {', '.join(ACTIONS)})")
    reviewer = data.get("reviewer") or default_reviewer
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise ReviewError('missing reviewer (give "reviewer" on the line, or --reviewer)')
    for key in ("char_start", "char_end", "base_version"):
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ReviewError(f"{key} must be a whole number, not {value!r}")
    for key in ("id", "note", "article_id", "undoes"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ReviewError(f"{key} must be text, not {value!r}")
    return ReviewRequest(
        table=table,
        action=action,
        reviewer=reviewer.strip(),
        row_id=data.get("id"),
        changes=data.get("set") or {},
        note=data.get("note"),
        article_id=data.get("article_id"),
        char_start=data.get("char_start"),
        char_end=data.get("char_end"),
        base_version=data.get("base_version"),
        undoes=data.get("undoes"),
    )


# --- the state of rows ---------------------------------------------------------------------


class _Warehouse:
    """The machine's rows of a warehouse, read one article at a time as requests need them
    (a submit costs the articles it touches, not the archive)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.bundles = _Bundles(db_path)
        self.actors = _actor_index(db_path)

    def resolve(self, log: Sequence[Review], article_ids: set[str] | None = None) -> Any:
        if article_ids is None:
            # Every article a review may attach to resolves as the whole warehouse would.
            ordered = list(stored_candidates(self.db_path, log))
        else:
            ordered = sorted(article_ids)
        chosen = [b for b in (self.bundles.get(a) for a in ordered) if b is not None]
        return resolve(chosen, log)

    def article_of(self, table: str, row_id: str, log: Sequence[Review]) -> str | None:
        found = _article_holding(self.db_path, table, row_id)
        if found is not None and self.bundles.get(found) is not None:
            bundle = self.bundles[found]
            if any(row_id_of(table, r) == row_id for r in bundle.rows.get(table, ())):
                return found
        state = self.resolve(log).states.get((table, row_id))
        return state.article_id if state is not None else None

    def state(self, table: str, row_id: str, log: Sequence[Review]) -> RowState | None:
        """The row's state (None: no such row), reviews replayed."""
        article_id = self.article_of(table, row_id, log)
        if article_id is None:
            return None
        resolution = self.resolve(log, {article_id})
        found = resolution.states.get((table, row_id))
        if found is not None:
            return found
        bundle = self.bundles[article_id]
        machine = next(r for r in bundle.rows[table] if row_id_of(table, r) == row_id)
        return RowState(table, row_id, article_id, machine, machine, "machine", 0, ())


class _Bundles:
    """article_id -> the machine's rows of that article, read from the warehouse on first use."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.loaded: dict[str, Any] = {}

    def get(self, article_id: str, default: Any = None) -> Any:
        if article_id not in self.loaded:
            found = bundles(stored_machine_extractions(self.db_path, [article_id]))
            self.loaded[article_id] = found[0] if found else None
        return self.loaded[article_id] if self.loaded[article_id] is not None else default

    def __getitem__(self, article_id: str) -> Any:
        found = self.get(article_id)
        if found is None:
            raise KeyError(article_id)
        return found


def _article_holding(db_path: Path, table: str, row_id: str) -> str | None:
    """The article whose rows (as shown, or as the machine made them) include this row."""
    id_column = REVIEW_TABLES[table]
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        # Table and column names come from REVIEW_TABLES, never from the request.
        found = con.execute(
            f"SELECT article_id FROM {table} WHERE {id_column} = ? "
            "UNION ALL SELECT article_id FROM review_machine_rows "
            "WHERE table_name = ? AND row_id = ? LIMIT 1",
            [row_id, table, row_id],
        ).fetchone()
    except duckdb.CatalogException:  # a warehouse from before reviews
        return None
    finally:
        con.close()
    return found[0] if found else None


def _check_statement_link(
    table: str, changes: Mapping[str, Any] | None, warehouse: _Warehouse, log, article_id: str
) -> None:
    """A stance may name the statement it comes from only if that statement is in its article."""
    statement_id = (changes or {}).get("statement_id")
    if table != "stances" or statement_id is None:
        return
    state = warehouse.state("statements", statement_id, log)
    if state is None or state.article_id != article_id:
        raise ReviewError(
            f"statement_id {statement_id!r} is not a statement of this stance's article "
            "(give the statement_id of a statement in the same article, or leave it empty)"
        )


def _as_json(row: Any) -> dict[str, Any] | None:
    return None if row is None else row_to_json(row)


def _draft(
    request: ReviewRequest, warehouse: _Warehouse, log: Sequence[Review], seq: int
) -> Review:
    """The review a request makes, checked against the warehouse and the log so far."""
    table, action = request.table, request.action
    if table not in REVIEW_TABLES:
        raise ReviewError(f"unknown table {table!r} (tables: {', '.join(REVIEW_TABLES)})")
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r} (actions: {', '.join(ACTIONS)})")
    if not request.reviewer.strip():
        raise ReviewError("missing reviewer")
    _check_length("reviewer", request.reviewer.strip(), MAX_REVIEWER_CHARS)
    if request.note:
        _check_length("note", request.note)
    changes = None
    if action in ("correct", "add"):
        changes = check_changes(table, request.changes, warehouse.actors)
        if not changes and action == "correct":
            raise ReviewError('a correct needs "set" with at least one field')
    elif request.changes:
        raise ReviewError(f'{action} takes no "set" (only correct and add do)')
    review_id = new_review_id()
    common = {
        "review_id": review_id,
        "table_name": table,
        "action": action,
        "reviewer": request.reviewer.strip(),
        "reviewed_at": utc_now(),
        "note": request.note,
        "changes": changes,
        "base_version": request.base_version,
        "seq": seq,
    }
    if action == "add":
        return _draft_add(request, warehouse, log, common)
    if not request.row_id:
        raise ReviewError(f"missing id (the {REVIEW_TABLES[table]} of the row to {action})")
    state = warehouse.state(table, request.row_id, log)
    if state is None:
        raise ReviewError(f"no row of {table} has the id {request.row_id!r} in the warehouse")
    if request.base_version is not None and request.base_version != state.version:
        latest = state.history[-1]
        raise ReviewConflict(
            f"{table} {request.row_id} changed since you read it (version "
            f"{request.base_version}, now {state.version}): {latest.describe()}; reload the row "
            "and review it again",
            latest,
        )
    undoes = None
    if action == "undo":
        undoes = request.undoes
        undone = next((r for r in state.history if r.review_id == undoes), None)
        if undone is None:
            raise ReviewError('undo needs "undoes": the review_id of an action on this row')
        if undone.reviewer != request.reviewer.strip():
            raise ReviewError(
                f"only {undone.reviewer} may undo their {undone.action}; to change it, "
                "confirm, correct or reject the row yourself"
            )
    _check_statement_link(table, changes, warehouse, log, state.article_id)
    bundle = warehouse.bundles[state.article_id]
    shown = state.row if state.row is not None else state.machine
    start, end = (shown.char_start, shown.char_end) if shown is not None else (None, None)
    draft = Review(
        **common,
        row_id=request.row_id,
        article_id=state.article_id,
        content_sha256=bundle.article.content_sha256,
        source_path=bundle.article.source_path,
        char_start=start,
        char_end=end,
        evidence=bundle.article.body[start:end] if start is not None else None,
        before=_as_json(state.row),
        undoes=undoes,
    )
    after = warehouse.resolve([*log, draft], {state.article_id}).states[(table, request.row_id)]
    return dataclasses.replace(draft, after=_as_json(after.row))


def _draft_add(
    request: ReviewRequest, warehouse: _Warehouse, log: Sequence[Review], common: dict
) -> Review:
    table = request.table
    bundle = warehouse.bundles.get(request.article_id or "")
    if bundle is None:
        raise ReviewError(
            f"add needs the article_id of an article in the warehouse, not {request.article_id!r}"
        )
    start, end = request.char_start, request.char_end
    body = bundle.article.body
    if start is None or end is None or not 0 <= start < end <= len(body):
        raise ReviewError(
            f"add needs char_start < char_end within the article's body (0–{len(body)})"
        )
    missing = [f for f in REQUIRED_FOR_ADD[table] if f not in (common["changes"] or {})]
    if missing:
        raise ReviewError(f'add to {table} needs {", ".join(missing)} in "set"')
    _check_statement_link(table, common["changes"], warehouse, log, bundle.article.article_id)
    draft = Review(
        **common,
        row_id="",
        article_id=bundle.article.article_id,
        content_sha256=bundle.article.content_sha256,
        source_path=bundle.article.source_path,
        char_start=start,
        char_end=end,
        evidence=body[start:end],
    )
    draft = dataclasses.replace(draft, row_id=added_row_id(draft.review_id))
    after = warehouse.resolve([*log, draft], {bundle.article.article_id}).states[
        (table, draft.row_id)
    ]
    return dataclasses.replace(draft, after=_as_json(after.row))


# --- writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submitted:
    """What `submit` recorded, and what applying it to the warehouse did (None if not applied)."""

    reviews: tuple[Review, ...]
    applied: ApplyResult | None


def submit(
    db_path: Path | str,
    requests: Sequence[ReviewRequest],
    *,
    apply: bool = True,
    apply_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> Submitted:
    """Record `requests` in the store of the warehouse at db_path: all, or none.

    Raises `RequestErrors` (one message per wrong request, numbered from 1) or `ReviewConflict`
    (a `base_version` that is no longer the row's version); nothing is recorded then. With
    `apply`, the warehouse is brought up to date (`apply_reviews_to_warehouse`), waiting at most
    `apply_timeout` seconds for an ETL run that holds it (then `WarehouseBusy`: the reviews are
    recorded and the next run applies them; a page passes a few seconds, not two minutes).
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise ReviewError(f"warehouse not found: {db_path}")
    warehouse = _Warehouse(db_path)

    def make(log: list[Review]) -> list[Review]:
        drafts, errors = _drafts(requests, warehouse, log)
        if errors:
            raise RequestErrors(errors)
        return drafts

    recorded = ReviewStore.for_warehouse(db_path).transact(make)
    applied = apply_reviews_to_warehouse(db_path, apply_timeout) if apply and recorded else None
    return Submitted(tuple(recorded), applied)


def _drafts(
    requests: Sequence[ReviewRequest], warehouse: _Warehouse, log: Sequence[Review]
) -> tuple[list[Review], list[str]]:
    """Each request's review, checked in order (later ones see earlier ones); errors numbered
    from 1. A `ReviewConflict` is raised at once."""
    drafts: list[Review] = []
    errors: list[str] = []
    first = (log[-1].seq if log else 0) + 1
    for n, request in enumerate(requests, 1):
        try:
            drafts.append(_draft(request, warehouse, [*log, *drafts], first + len(drafts)))
        except ReviewConflict:
            raise
        except ReviewError as exc:
            errors.append(f"{n}: {exc}")
    return drafts, errors


def row_state(db_path: Path | str, table: str, row_id: str) -> RowState | None:
    """A row as the reviews leave it: fields, status, version and history (None if unknown)."""
    db_path = Path(db_path)
    log = ReviewStore.for_warehouse(db_path).read()
    return _Warehouse(db_path).state(table, row_id, log)


def import_lines(
    db_path: Path | str, lines: Sequence[str], *, reviewer: str | None = None, apply: bool = True
) -> Submitted:
    """`python -m etl.review import`: JSON lines (blank lines skipped), all or none."""
    requests, errors = [], []
    numbers = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            requests.append(request_from_json(safe_json.loads(line), reviewer))
            numbers.append(number)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: not valid JSON ({exc.msg})")
        except ReviewError as exc:
            errors.append(f"line {number}: {exc}")

    def renumbered(messages: Sequence[str]) -> list[str]:
        out = []
        for message in messages:
            index, _, text = message.partition(": ")
            out.append(f"line {numbers[int(index) - 1]}: {text}")
        return out

    if errors:  # check the lines that parsed too, so one pass shows every problem
        if Path(db_path).is_file():
            log = ReviewStore.for_warehouse(db_path).read()
            _, more = _drafts(requests, _Warehouse(Path(db_path)), log)
            errors += renumbered(more)
        errors.sort(key=lambda m: int(m.split(":")[0].removeprefix("line ")))
        raise RequestErrors(errors)
    try:
        return submit(db_path, requests, apply=apply)
    except RequestErrors as exc:
        raise RequestErrors(renumbered(exc.errors)) from None
