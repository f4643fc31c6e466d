"""Re-attaching reviews to the rows of a run, and applying them (pure functions).

A review names the row it was made on by id. Ids are content hashes, so after a re-run over the
same input the same id is the same row. After an ETL change that changes ids, the review finds
its row by where it was: the same article (by `article_id`, then by the file's content hash,
then by source path when its evidence is still in the text) and the row of the same table whose
span overlaps the reviewed span the most, preferring a row that agrees on what identifies it
(a stance's source and target, a statement's speaker, a figure's value, an event's date and
type). A review that finds nothing is returned as unattached, with the reason; it is never
dropped.

Replaying a row's attached actions in log order gives what the contract tables show: `correct`
sets fields, `reject` leaves the row out, `confirm` keeps it (and brings back a rejected one),
`add` makes a new row (id derived from the review), `undo` takes one earlier action back. The
latest action wins; corrections accumulate.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from etl.review.store import REVIEW_TABLES, Review
from etl.types import Article, Event, Figure, Stance, Statement, stable_id

ROW_CLASSES: dict[str, type] = {
    "statements": Statement,
    "stances": Stance,
    "figures": Figure,
    "events": Event,
}
# Fields that say which row a review meant when several overlap its span.
IDENTITY_FIELDS: dict[str, tuple[str, ...]] = {
    "statements": ("speaker_id",),
    "stances": ("source_id", "target_id"),
    "figures": ("value",),
    "events": ("event_date", "event_type"),
}


def row_id_of(table: str, row: Any) -> str:
    return getattr(row, REVIEW_TABLES[table])


def added_row_id(review_id: str) -> str:
    """The id of the row an `add` review makes: derived from the review, stable across runs."""
    return stable_id("review-add", review_id)


# --- rows as JSON --------------------------------------------------------------------------


def row_to_json(row: Any) -> dict[str, Any]:
    """A row dataclass as JSON-ready values (dates as ISO text, tuples as lists)."""
    out = {}
    for f in dataclasses.fields(row):
        value = getattr(row, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def field_value(cls: type, name: str, value: Any) -> Any:
    """A JSON value turned back into the Python type of field `name` of `cls`."""
    if value is None:
        return None
    hint = _hints(cls)[name]
    args = typing.get_args(hint) or (hint,)
    if date in args and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(value, list):
        return tuple(value)
    if float in args and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def row_from_json(table: str, data: Mapping[str, Any]) -> Any:
    cls = ROW_CLASSES[table]
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: field_value(cls, k, v) for k, v in data.items() if k in names})


# --- attaching -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRows:
    """One article with the machine's rows of the four reviewed tables, in extraction order."""

    article: Article
    rows: Mapping[str, Sequence[Any]]


@dataclass(frozen=True)
class Attachment:
    """Where one review landed: the row (by its current id), and how it was found."""

    review: Review
    table_name: str
    row_id: str | None  # None: unattached
    article_id: str | None
    how: str | None  # id, span, add; None when unattached
    reason: str | None = None  # why it attaches to nothing

    @property
    def attached(self) -> bool:
        return self.row_id is not None


@dataclass(frozen=True)
class RowState:
    """A reviewed row after its actions are replayed."""

    table_name: str
    row_id: str
    article_id: str
    machine: Any | None  # the machine's row; None for a row an analyst added
    row: Any | None  # what the contract table shows; None when rejected (or an add undone)
    status: str  # machine, confirmed, corrected, added
    version: int  # seq of the latest action attached to the row (undos included)
    history: tuple[Review, ...]  # every attached action, in order

    @property
    def present(self) -> bool:
        return self.row is not None

    @property
    def rejected(self) -> bool:
        return self.row is None


@dataclass
class Resolution:
    """Every review's attachment, and the state of every reviewed row."""

    attachments: dict[str, Attachment] = field(default_factory=dict)  # by review_id
    states: dict[tuple[str, str], RowState] = field(default_factory=dict)  # (table, row_id)
    # The reviewed rows of every article: article_id -> table -> rows
    rows: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    # (table, id a review named) -> where the first review of that row attached by span
    by_old_row: dict[tuple[str, str], Attachment] = field(default_factory=dict)

    @property
    def unattached(self) -> list[Attachment]:
        return [a for a in self.attachments.values() if not a.attached]

    def articles_reviewed(self) -> set[str]:
        return {a.article_id for a in self.attachments.values() if a.attached and a.article_id}


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def relocated_span(review: Review, body: str) -> tuple[int, int] | None:
    """The review's span in `body`: as stored when the evidence is still there, else where the
    evidence now is (the occurrence nearest the old start), else as stored."""
    start, end = review.char_start, review.char_end
    if start is None or end is None:
        return None
    evidence = review.evidence
    if not evidence or body[start:end] == evidence:
        return start, end
    found, at = [], body.find(evidence)
    while at != -1:
        found.append(at)
        at = body.find(evidence, at + 1)
    if not found:
        return start, end
    best = min(found, key=lambda i: abs(i - start))
    return best, best + len(evidence)


def _article_for(review: Review, by_id: Mapping, by_sha: Mapping, by_path: Mapping) -> Any:
    if review.article_id in by_id:
        return by_id[review.article_id]
    if review.content_sha256 and review.content_sha256 in by_sha:
        return by_sha[review.content_sha256]
    bundle = by_path.get(review.source_path) if review.source_path else None
    if bundle is not None and review.evidence and review.evidence in bundle.article.body:
        return bundle
    return None


def _identity_agreement(table: str, review: Review, row: Any) -> int:
    reference = review.before or review.after or {}
    agree = 0
    for name in IDENTITY_FIELDS[table]:
        if name in reference:
            wanted = field_value(ROW_CLASSES[table], name, reference[name])
            agree += getattr(row, name) == wanted
    return agree


def _span_match(table: str, review: Review, bundle: ArticleRows) -> Any | None:
    span = relocated_span(review, bundle.article.body)
    if span is None:
        return None
    best, best_key = None, None
    for row in bundle.rows.get(table, ()):
        overlap = _overlap(span[0], span[1], row.char_start, row.char_end)
        if overlap <= 0:
            continue
        key = (_identity_agreement(table, review, row), overlap)
        if best_key is None or key > best_key:
            best, best_key = row, key
    return best


def _added_row(review: Review, article: Article) -> Any:
    """The row an `add` review makes in `article` (its span relocated if the text moved)."""
    table = review.table_name
    span = relocated_span(review, article.body) or (0, 0)
    evidence = article.body[span[0] : span[1]]
    base: dict[str, Any] = {
        REVIEW_TABLES[table]: added_row_id(review.review_id),
        "article_id": article.article_id,
        "char_start": span[0],
        "char_end": span[1],
        "confidence": None,
        "review_status": "added",
    }
    defaults: dict[str, dict[str, Any]] = {
        "statements": {
            "speaker_id": None,
            "speaker_text": "",
            "quote": evidence,
            "is_direct": False,
            "statement_date": None,
        },
        "stances": {"statement_id": None, "evidence": evidence},
        "figures": {
            "value_text": "",
            "subject": None,
            "location": None,
            "attributed_to_id": None,
            "as_of_date": None,
            "evidence": evidence,
        },
        "events": {
            "date_precision": "day",
            "description": evidence,
            "location": None,
            "participant_ids": (),
            "evidence": evidence,
        },
    }
    cls = ROW_CLASSES[table]
    values = {**defaults[table], **base}
    for name, value in (review.changes or {}).items():
        values[name] = field_value(cls, name, value)
    if table == "figures" and not values.get("value_text"):
        values["value_text"] = f"{values['value']:,.0f}"
    if table == "statements" and not values.get("speaker_text"):
        values["speaker_text"] = values.get("speaker_id") or ""
    return cls(**values)


def _apply_changes(table: str, row: Any, changes: Mapping[str, Any] | None) -> Any:
    cls = ROW_CLASSES[table]
    return dataclasses.replace(
        row, **{k: field_value(cls, k, v) for k, v in (changes or {}).items()}
    )


def _undone(history: Sequence[Review]) -> set[str]:
    """review_ids taken back by an undo that is itself in force (an undo of an undo redoes)."""
    undone: set[str] = set()
    for review in sorted(history, key=lambda r: r.seq, reverse=True):
        if review.review_id in undone:
            continue
        if review.action == "undo" and review.undoes:
            undone.add(review.undoes)
    return undone


def replay(
    table: str,
    row_id: str,
    article_id: str,
    machine: Any | None,
    history: Sequence[Review],
    added: Mapping[str, Any],
) -> RowState:
    """The row after its actions (see the module docstring).

    `machine` is None for a row an analyst added; `added` maps an add's review_id to its row.
    """
    history = sorted(history, key=lambda r: r.seq)
    undone = _undone(history)
    row, present = machine, machine is not None
    corrected = confirmed = was_added = False
    for review in history:
        if review.review_id in undone or review.action == "undo":
            continue
        if review.action == "add":
            row, present, was_added = added[review.review_id], True, True
        elif row is None:
            continue  # an action on an added row whose add was undone
        elif review.action == "correct":
            row, present, corrected = _apply_changes(table, row, review.changes), True, True
        elif review.action == "confirm":
            present, confirmed = True, True
        elif review.action == "reject":
            present = False
    status = (
        "added" if was_added else "corrected" if corrected else "confirmed" if confirmed else None
    )
    shown = None
    if present and row is not None:
        shown = dataclasses.replace(row, review_status=status or row.review_status)
        if status is None:
            shown = dataclasses.replace(shown, review_status="machine")
    return RowState(
        table_name=table,
        row_id=row_id,
        article_id=article_id,
        machine=machine,
        row=shown,
        status=status or "machine",
        version=max((r.seq for r in history), default=0),
        history=tuple(history),
    )


def resolve(bundles: Iterable[ArticleRows], reviews: Sequence[Review]) -> Resolution:
    """Attach every review to the rows of `bundles` and replay each reviewed row.

    `resolution.rows` holds, for every article of `bundles`, the rows the contract tables
    show: machine rows in their order (corrected, or left out when rejected), then added rows
    in the order they were added.
    """
    bundles = list(bundles)
    by_id = {b.article.article_id: b for b in bundles}
    by_sha: dict[str, ArticleRows] = {}
    by_path: dict[str, ArticleRows] = {}
    for b in bundles:
        by_sha.setdefault(b.article.content_sha256, b)
        by_path.setdefault(b.article.source_path, b)
    machine_index = {
        (table, b.article.article_id, row_id_of(table, row)): row
        for b in bundles
        for table, rows in b.rows.items()
        for row in rows
    }
    known_ids = {(t, rid): aid for (t, aid, rid) in machine_index}
    resolution = Resolution()
    history: dict[tuple[str, str], list[Review]] = {}
    row_article: dict[tuple[str, str], str] = {}
    added_order: list[tuple[str, str, str]] = []
    added_rows: dict[str, Any] = {}
    add_ids = {added_row_id(r.review_id) for r in reviews if r.action == "add"}
    for review in sorted(reviews, key=lambda r: r.seq):
        attachment = _attach(review, by_id, by_sha, by_path, known_ids, add_ids, resolution)
        resolution.attachments[review.review_id] = attachment
        if not attachment.attached:
            continue
        key = (attachment.table_name, attachment.row_id)
        if review.action == "add":
            added_rows[review.review_id] = _added_row(review, by_id[attachment.article_id].article)
            known_ids[key] = attachment.article_id
            added_order.append((attachment.article_id, attachment.table_name, attachment.row_id))
        history.setdefault(key, []).append(review)
        row_article[key] = attachment.article_id
    for key, actions in history.items():
        table, row_id = key
        article_id = row_article[key]
        machine = machine_index.get((table, article_id, row_id))
        resolution.states[key] = replay(table, row_id, article_id, machine, actions, added_rows)
    for b in bundles:
        article_id = b.article.article_id
        shown: dict[str, list[Any]] = {}
        for table in REVIEW_TABLES:
            out = []
            for row in b.rows.get(table, ()):
                state = resolution.states.get((table, row_id_of(table, row)))
                if state is None:
                    out.append(row)
                elif state.row is not None:
                    out.append(state.row)
            shown[table] = out
        resolution.rows[article_id] = shown
    for article_id, table, row_id in added_order:
        state = resolution.states[(table, row_id)]
        if state.machine is None and state.row is not None:
            resolution.rows[article_id][table].append(state.row)
    return resolution


def _attach(
    review: Review,
    by_id: Mapping[str, ArticleRows],
    by_sha: Mapping[str, ArticleRows],
    by_path: Mapping[str, ArticleRows],
    known_ids: Mapping[tuple[str, str], str],
    add_ids: set[str],
    resolution: Resolution,
) -> Attachment:
    table = review.table_name

    def unattached(reason: str) -> Attachment:
        return Attachment(review, table, None, None, None, reason)

    if review.action == "undo":
        target = resolution.attachments.get(review.undoes or "")
        if target is None or not target.attached:
            return unattached("the action it undoes is not attached")
        return Attachment(review, table, target.row_id, target.article_id, "undo")
    if (table, review.row_id) in known_ids:
        return Attachment(review, table, review.row_id, known_ids[(table, review.row_id)], "id")
    bundle = _article_for(review, by_id, by_sha, by_path)
    if bundle is None:
        return unattached("its article is no longer in the warehouse")
    if review.action == "add":
        return Attachment(
            review, table, added_row_id(review.review_id), bundle.article.article_id, "add"
        )
    if review.row_id in add_ids:
        return unattached("the row it reviewed was added by an analyst and is gone")
    # Actions on one old row stay together: the first one (whose `before` is the machine's
    # row) chose the new row; a later one, made after a correction, could mislead the choice.
    earlier = resolution.by_old_row.get((table, review.row_id))
    if earlier is not None:
        return dataclasses.replace(earlier, review=review)
    row = _span_match(table, review, bundle)
    if row is None:
        return unattached(f"no row of {table} overlaps its span any more")
    found = Attachment(review, table, row_id_of(table, row), bundle.article.article_id, "span")
    resolution.by_old_row[(table, review.row_id)] = found
    return found
