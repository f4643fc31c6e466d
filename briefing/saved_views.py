"""Saved views: an analyst names the view on screen (a page and every choice in its URL) and
anyone using the same deployment finds it again in the "Saved views" list.

The views live in a DuckDB file of their own beside the warehouse (`data/warehouse.duckdb` →
`data/warehouse.views.duckdb`), like the review store: the ETL replaces the warehouse at will,
but a view is an analyst's work and must outlive every rebuild. Writers are serialised by a
file lock (`<store>.lock`); every call opens the file, works inside one transaction and closes
it again, so no dashboard process keeps the file open between clicks and several server
processes can share it.

A view is stored as the page's URL path and its query parameters (name → list of values), the
same state a link carries, so opening a view is opening a link. Deleting a view keeps its row
(`deleted_at`) so a mistaken delete can be undone by hand and the list can say who deleted it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import duckdb

STORE_SUFFIX = ".views.duckdb"
LOCK_SUFFIX = ".lock"
LOCK_TIMEOUT = 10.0  # seconds a writer waits for another one
NAME_CHARS = 120
PARAMS_LIMIT = 200  # values kept per view (the filters cap each parameter at 50 already)
VALUE_CHARS = 500
VIEW_PARAM = "view"  # ?view=ID on a link opened from the list: marks the view as opened

DDL = """CREATE TABLE IF NOT EXISTS saved_views (
    view_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    page VARCHAR NOT NULL,
    params JSON NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_by VARCHAR,
    updated_at TIMESTAMP,
    last_opened_at TIMESTAMP,
    previous_opened_at TIMESTAMP,
    deleted_by VARCHAR,
    deleted_at TIMESTAMP
)"""
COLUMNS = (
    "view_id",
    "name",
    "page",
    "params",
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
    "last_opened_at",
    "previous_opened_at",
)
_PAGE = re.compile(r"[a-z0-9_-]{0,40}")


class ViewError(ValueError):
    """A view cannot be saved or changed as asked; the message says why."""


@dataclass(frozen=True)
class SavedView:
    view_id: str
    name: str
    page: str  # the page's url_path; "" is the Overview
    params: Mapping[str, tuple[str, ...]]
    created_by: str
    created_at: datetime
    updated_by: str | None = None
    updated_at: datetime | None = None
    last_opened_at: datetime | None = None
    previous_opened_at: datetime | None = None  # the opening before the last one

    def link(self, opened: bool = True) -> str:
        """The view as a relative link; with `opened`, the link also marks the view as opened
        when it is followed (`?view=ID`)."""
        pairs = [(k, v) for k, values in self.params.items() for v in values]
        if opened:
            pairs.append((VIEW_PARAM, self.view_id))
        query = urlencode(pairs)
        return f"./{self.page}" + (f"?{query}" if query else "")


def store_path(db_path: Path | str) -> Path:
    """The saved views of a warehouse: `<warehouse stem>.views.duckdb` beside it."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + STORE_SUFFIX)


def clean_name(name: str) -> str:
    """A view's name as stored: one line, trimmed, at most NAME_CHARS characters."""
    text = " ".join(str(name).split())
    if not text:
        raise ViewError("Give the view a name.")
    if len(text) > NAME_CHARS:
        raise ViewError(f"A view's name has at most {NAME_CHARS} characters.")
    return text


def clean_params(params: Mapping[str, Sequence[str] | str]) -> dict[str, tuple[str, ...]]:
    """Query parameters as stored: string values, `view` itself left out, bounded in size."""
    out: dict[str, tuple[str, ...]] = {}
    kept = 0
    for key in sorted(params):
        if key == VIEW_PARAM:
            continue
        values = params[key]
        values = [values] if isinstance(values, str) else list(values)
        chosen = tuple(str(v)[:VALUE_CHARS] for v in values[: PARAMS_LIMIT - kept])
        if chosen:
            out[str(key)[:VALUE_CHARS]] = chosen
            kept += len(chosen)
    return out


def clean_page(page: str) -> str:
    page = (page or "").strip("/")
    if not _PAGE.fullmatch(page):
        raise ViewError(f"not a page of the dashboard: {page!r}")
    return page


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ViewStore:
    """The saved views at `path` (see the module docstring)."""

    def __init__(self, path: Path | str, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    @classmethod
    def for_warehouse(cls, db_path: Path | str) -> ViewStore:
        return cls(store_path(db_path))

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        from filelock import FileLock, Timeout

        lock = FileLock(self.path.with_name(self.path.name + LOCK_SUFFIX))
        try:
            lock.acquire(timeout=self.lock_timeout)
        except Timeout:
            raise ViewError(
                "Someone else is saving a view right now; try again in a moment."
            ) from None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(str(self.path))
            try:
                con.execute(DDL)
                con.execute("BEGIN TRANSACTION")
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            finally:
                con.close()
        finally:
            lock.release()

    def _live(self, con: duckdb.DuckDBPyConnection, view_id: str) -> None:
        found = con.execute(
            "SELECT 1 FROM saved_views WHERE view_id = ? AND deleted_at IS NULL", [view_id]
        ).fetchone()
        if not found:
            raise ViewError("That view no longer exists (someone may have deleted it).")

    def _name_free(self, con: duckdb.DuckDBPyConnection, name: str, but: str = "") -> None:
        taken = con.execute(
            "SELECT 1 FROM saved_views WHERE lower(name) = lower(?) AND deleted_at IS NULL "
            "AND view_id <> ?",
            [name, but],
        ).fetchone()
        if taken:
            raise ViewError(f"A view called “{name}” exists already; choose another name.")

    def save(
        self, name: str, page: str, params: Mapping[str, Sequence[str] | str], by: str
    ) -> SavedView:
        """Save a new view; names are unique (case aside) among views not deleted."""
        name, page, stored = clean_name(name), clean_page(page), clean_params(params)
        who = " ".join(str(by).split())[:NAME_CHARS] or "anonymous"
        view = SavedView(uuid.uuid4().hex[:12], name, page, stored, who, _now())
        with self._connection() as con:
            self._name_free(con, name)
            con.execute(
                "INSERT INTO saved_views (view_id, name, page, params, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [view.view_id, name, page, json.dumps(stored), who, view.created_at],
            )
        return view

    def rename(self, view_id: str, name: str, by: str) -> None:
        name = clean_name(name)
        with self._connection() as con:
            self._live(con, view_id)
            self._name_free(con, name, but=view_id)
            con.execute(
                "UPDATE saved_views SET name = ?, updated_by = ?, updated_at = ? WHERE view_id = ?",
                [name, by or "anonymous", _now(), view_id],
            )

    def delete(self, view_id: str, by: str) -> None:
        with self._connection() as con:
            self._live(con, view_id)
            con.execute(
                "UPDATE saved_views SET deleted_by = ?, deleted_at = ? WHERE view_id = ?",
                [by or "anonymous", _now(), view_id],
            )

    def mark_opened(self, view_id: str) -> bool:
        """Record that the view was opened now; False when there is no such view."""
        if not self.path.exists():
            return False
        with self._connection() as con:
            changed = con.execute(
                "UPDATE saved_views SET previous_opened_at = last_opened_at, last_opened_at = ? "
                "WHERE view_id = ? AND deleted_at IS NULL RETURNING view_id",
                [_now(), view_id],
            ).fetchall()
        return bool(changed)

    def list(self) -> list[SavedView]:
        """Views not deleted, most recently saved first."""
        if not self.path.exists():
            return []
        with self._connection() as con:
            rows = con.execute(
                f"SELECT {', '.join(COLUMNS)} FROM saved_views WHERE deleted_at IS NULL "
                "ORDER BY created_at DESC, view_id"
            ).fetchall()
        return [_view(row) for row in rows]

    def get(self, view_id: str) -> SavedView | None:
        """One view not deleted, or None."""
        if not self.path.exists():
            return None
        with self._connection() as con:
            row = con.execute(
                f"SELECT {', '.join(COLUMNS)} FROM saved_views "
                "WHERE view_id = ? AND deleted_at IS NULL",
                [view_id],
            ).fetchone()
        return _view(row) if row else None


def _view(row: Sequence) -> SavedView:
    values = dict(zip(COLUMNS, row, strict=True))
    values["params"] = {k: tuple(v) for k, v in json.loads(values["params"]).items()}
    return SavedView(**values)


# --- the Streamlit edge ------------------------------------------------------------------------

_OPENED = "saved_views_opened"  # view ids this session has already marked as opened
_CURRENT = "saved_views_current"  # the view last opened from a link in this session


def current_params(filters, url_params: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The state a view keeps: the filters as the URL writes them, and the page's own
    parameters (article, mark, table, row) from the URL."""
    from briefing.filters import PAGE_PARAMS

    params: dict[str, list[str]] = {
        k: list(v) if isinstance(v, list | tuple) else [v]
        for k, v in filters.to_query_params().items()
    }
    for key in PAGE_PARAMS:
        if url_params.get(key):
            params[key] = list(url_params[key])
    return params


def opened_in_this_session(view_id: str) -> bool:
    import streamlit as st

    return view_id in st.session_state.get(_OPENED, ())


def briefed_at(view: SavedView) -> datetime | None:
    """When the view was last opened before this session: the time "since it was last opened"
    means to someone who has just opened it again."""
    if opened_in_this_session(view.view_id):
        return view.previous_opened_at
    return view.last_opened_at


def who() -> str:
    import streamlit as st

    from briefing.auth import REVIEWER

    name = st.session_state.get(REVIEWER) or st.session_state.get("saved_views_name") or ""
    return " ".join(str(name).split())


def note_opened(store: ViewStore) -> SavedView | None:
    """When the page was opened from the list (`?view=ID`), record it once per session and
    remember the view, so the sidebar can say which view is on screen."""
    import streamlit as st

    view_id = st.query_params.get(VIEW_PARAM)
    if not view_id:
        return None
    opened = st.session_state.setdefault(_OPENED, set())
    try:
        if view_id not in opened:
            opened.add(view_id)
            store.mark_opened(view_id)
        view = store.get(view_id)
    except (ViewError, duckdb.Error):  # a busy or damaged store must not break the page
        return None
    st.session_state[_CURRENT] = view
    return view


def showing(view: SavedView | None, page: str, params: Mapping[str, Sequence[str]]) -> bool:
    """True when the screen still shows `view`: its page, and the same choices."""
    if view is None or (page or "") != view.page:
        return False
    return clean_params(params) == dict(view.params)


def save_box(store: ViewStore, page: str, filters) -> None:
    """The sidebar's "Save this view" popover: a name (and the analyst's own name when no
    sign-in gives it), then Save."""
    import streamlit as st

    from briefing.auth import REVIEWER
    from briefing.text import md_escape

    url = {k: st.query_params.get_all(k) for k in st.query_params}
    params = current_params(filters, url)
    current = st.session_state.get(_CURRENT)
    if showing(current, page, params):
        st.sidebar.caption(
            f":material/bookmark: Saved view **{md_escape(current.name)}** "
            f"(saved by {md_escape(current.created_by)})"
        )
    with st.sidebar.popover("Save this view", icon=":material/bookmark_add:", width="stretch"):
        with st.form("saved_views_form", border=False, enter_to_submit=True):
            name = st.text_input("Name of the view", key="saved_views_new", max_chars=NAME_CHARS)
            if not st.session_state.get(REVIEWER):
                st.text_input(
                    "Your name",
                    key="saved_views_name",
                    max_chars=NAME_CHARS,
                    help="Shown beside the views you save.",
                )
            submitted = st.form_submit_button("Save", type="primary")
        if submitted:
            try:
                view = store.save(name, page, params, by=who())
            except ViewError as problem:
                st.error(md_escape(str(problem)))
            else:
                st.success(
                    f"Saved “{md_escape(view.name)}”. Everyone finds it under **Saved views**."
                )
