"""Review: the unreviewed rows of one table, one at a time, with their evidence in context;
accept, reject or fix each, skip it, or undo one's own last change (docs/reviews.md).

A review is recorded in the review store and applied to the warehouse at once
(`etl.review.submit(..., apply=True)`, waiting a few seconds at most for a running ETL); the
next run of any page reads the replaced warehouse.
`?table=stances&row=<id>` opens the page at one row (the "Review" links of the other pages).
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date

import pandas as pd
import streamlit as st

from briefing import auth, reviewing
from briefing.reviewing import ask_reviewer
from briefing.text import Highlight, article_html, md_escape
from briefing.ui import header, nothing_matches, page_context, show_table
from etl import review
from etl.types import DATE_PRECISIONS, EVENT_TYPES, FIGURE_CATEGORIES, POLARITIES

TABLE_KEY = "review_table"
SKIPPED = "review_skipped"  # table -> row ids skipped with Next in this session
MINE = "review_mine"  # this session's actions, newest last: (table, row_id, review_id, what)
SEEN = "review_seen"  # (table, row_id, version) of the row the previous run showed
FLASH = "review_flash"  # (kind, message) shown once on the next run
FIXING = "review_fixing"  # the row whose Fix form is open
LINKED = "review_linked"  # the (table, row) of the URL that last chose the table
KIND = {"statements": "quote", "stances": "stance", "figures": "figure", "events": "event"}
VOCABULARY = {
    "polarity": POLARITIES,
    "category": FIGURE_CATEGORIES,
    "event_type": EVENT_TYPES,
    "precision": DATE_PRECISIONS,
}
SHORTCUTS = {"accept": "a", "reject": "x", "fix": "f", "next": "n", "undo": "u"}


def choose_table() -> str:
    ss = st.session_state
    wanted, row = st.query_params.get("table"), st.query_params.get("row")
    # A link to a row (or an undo, or a conflict, which show one) chooses the table once; then
    # the analyst's own choice wins.
    if TABLE_KEY not in ss or (
        wanted in reviewing.TABLES and row and ss.get(LINKED) != (wanted, row)
    ):
        ss[TABLE_KEY] = wanted if wanted in reviewing.TABLES else "stances"
        ss[LINKED] = (wanted, row)
    table = (
        st.segmented_control(
            "Table", reviewing.TABLES, key=TABLE_KEY, format_func=str.capitalize, width="stretch"
        )
        or "stances"
    )
    if st.query_params.get("table") != table:
        st.query_params["table"] = table
        st.query_params.pop("row", None)
    return table


def flash(kind: str, message: str) -> None:
    st.session_state[FLASH] = (kind, message)


def show_flash() -> None:
    kind, message = st.session_state.pop(FLASH, (None, None))
    if message:
        {"success": st.success, "error": st.error}.get(kind, st.warning)(md_escape(message))


@st.cache_data(show_spinner=False, max_entries=64)
def state_of(db: str, version: tuple, store_mtime: float, table: str, row_id: str):
    """The row as the reviews leave it (cached per warehouse and store version)."""
    return review.row_state(db, table, row_id)


def current_state(db: str, version: tuple, table: str, row_id: str):
    store = review.store_path(db)
    mtime = store.stat().st_mtime_ns if store.exists() else 0
    return state_of(db, version, mtime, table, row_id)


def submit(db: str, request: review.ReviewRequest, what: str) -> bool:
    """Record and apply one action; say what happened on the next run. True when recorded."""
    try:
        done = review.submit(db, [request], apply=True, apply_timeout=review.PAGE_APPLY_TIMEOUT)
    except review.ReviewConflict as exc:
        latest = exc.latest.describe() if exc.latest else "another action"
        flash(
            "warning",
            f"Someone else changed this row since you opened it ({latest}). It is shown again "
            "below with their change: nothing of yours was recorded.",
        )
        st.query_params["table"] = request.table
        st.query_params["row"] = request.row_id
        st.session_state.pop(SEEN, None)  # shown again with their change: the new baseline
        return False
    except review.WarehouseBusy as exc:
        flash("warning", f"Recorded, but not applied yet: {exc}")
        done = None
    except review.ReviewError as exc:  # RequestErrors, StoreBusy
        errors = getattr(exc, "errors", None)
        flash("error", "Not recorded: " + ("; ".join(errors) if errors else str(exc)))
        return False
    if done is not None:
        flash("success", what)
    recorded = done.reviews[0].review_id if done is not None else None
    if recorded:
        st.session_state.setdefault(MINE, []).append(
            (request.table, request.row_id, recorded, what)
        )
    st.session_state.pop(FIXING, None)
    st.session_state.pop(SEEN, None)  # the next run shows the row as this action left it
    return True


def undo_last(db: str, wh_version: tuple, me: str) -> None:
    mine = st.session_state.get(MINE) or []
    if not mine:
        flash("warning", "You have made no change in this session to undo.")
        return
    table, row_id, review_id, what = mine[-1]
    state = current_state(db, wh_version, table, row_id)
    request = review.ReviewRequest(
        table,
        "undo",
        me,
        row_id=row_id,
        undoes=review_id,
        base_version=state.version if state else None,
    )
    try:
        review.submit(db, [request], apply=True, apply_timeout=review.PAGE_APPLY_TIMEOUT)
    except review.WarehouseBusy as exc:
        flash("warning", f"Undo recorded, but not applied yet: {exc}")
    except review.ReviewConflict as exc:
        latest = exc.latest.describe() if exc.latest else "another action"
        flash("warning", f"Not undone: someone else changed that row since ({latest}).")
        return
    except review.ReviewError as exc:
        flash("error", f"Not undone: {exc}")
        return
    else:
        flash("success", f"Undone: {what}")
    mine.pop()
    st.session_state.pop(SEEN, None)
    st.query_params["table"] = table
    st.query_params["row"] = row_id  # show the row as it is again


def show_context(wh, table: str, data: dict) -> None:
    start, end = data.get("char_start"), data.get("char_end")
    found = None
    if pd.notna(start) and pd.notna(end):
        found = reviewing.context(wh, data["article_id"], int(start), int(end))
    if not found:
        st.text(data.get("sentence") or "(no sentence recorded)")
        return
    before = "… " if found["clipped_before"] else ""
    text = before + found["text"] + (" …" if found["clipped_after"] else "")
    shift = len(before)
    mark = Highlight(KIND[table], found["start"] + shift, found["end"] + shift, "the evidence")
    st.html(article_html(text, [mark], legend=None))


def plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def fields_of(row: object, table: str) -> dict:
    values = dataclasses.asdict(row) if dataclasses.is_dataclass(row) else dict(row or {})
    return {name: plain(values.get(name)) for name in review.EDITABLE[table]}


def shown_value(value: object, names: dict[str, str]) -> str:
    """A field's value as the fields table shows it: actor ids as names, numbers grouped."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(shown_value(v, names) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    return names.get(value, str(value)) if isinstance(value, str) else str(value)


def label(name: str) -> str:
    return name.removesuffix("_id").removesuffix("_ids").replace("_", " ")


def _pick_one(title: str, options: list, value, optional: bool, shown, key: str):
    """A select box over `options`, starting at the row's current `value` (kept even when it is
    not one of them) and offering "none" for an optional field."""
    if value and value not in options:
        options.insert(0, value)
    if optional:
        options.insert(0, None)
    return st.selectbox(
        title,
        options,
        index=options.index(value) if value in options else None,
        format_func=lambda v: "— none —" if v is None else shown(v),
        key=key,
    )


def fix_form(db: str, table: str, row_id: str, current: dict, names: dict, me: str, note: str,
             base: int | None) -> None:  # fmt: skip
    """A form with the table's editable fields, filled in; submitting records what changed."""
    chosen: dict[str, object] = {}
    with st.form(f"review_fix_{row_id}"):
        st.markdown("**Fix this row**: change what is wrong, then save.")
        columns = st.columns(2)
        for i, (name, kind) in enumerate(review.EDITABLE[table].items()):
            optional, base_kind = kind.endswith("?"), kind.rstrip("?")
            value, key = current.get(name), f"fix_{row_id}_{name}"
            with columns[i % 2]:
                if base_kind == "actor":
                    chosen[name] = _pick_one(
                        label(name), list(names), value, optional, lambda v: names.get(v, v), key
                    )
                elif base_kind == "actors":
                    values = [v for v in (value or []) if v]
                    options = list(dict.fromkeys([*values, *names]))
                    chosen[name] = st.multiselect(
                        label(name), options, default=values,
                        format_func=lambda v: names.get(v, v), key=key,
                    )  # fmt: skip
                elif base_kind in VOCABULARY:
                    chosen[name] = _pick_one(
                        label(name),
                        list(VOCABULARY[base_kind]),
                        value,
                        optional,
                        lambda v: str(v).replace("_", " "),
                        key,
                    )
                elif base_kind == "number":
                    chosen[name] = st.number_input(
                        label(name), value=float(value or 0), step=1.0, format="%f", key=key
                    )
                elif base_kind == "bool":
                    chosen[name] = st.checkbox(label(name), value=bool(value), key=key)
                else:  # text, date
                    shown = "" if value is None else str(value)
                    hint = "YYYY-MM-DD" if base_kind == "date" else None
                    chosen[name] = st.text_input(
                        label(name), value=shown, placeholder=hint, key=key
                    )
        saved = st.form_submit_button("Save fix", type="primary", key=f"fix_save_{row_id}")
    if not saved:
        return
    changes = {}
    for name, new in chosen.items():
        old = current.get(name)
        if isinstance(new, str):
            new = new.strip()
            if new == "" and (old is None or review.EDITABLE[table][name].endswith("?")):
                new = None
        if isinstance(old, list | tuple):
            old = list(old)
        if new != old and not (isinstance(old, float) and new == old):
            changes[name] = new
    if not changes:
        st.warning("Nothing changed: edit a field first, or press Accept if the row is right.")
        return
    described = ", ".join(f"{label(k)} → {v}" for k, v in changes.items())
    request = review.ReviewRequest(
        table, "correct", me, row_id=row_id, changes=changes, note=note or None, base_version=base
    )
    if submit(db, request, f"Fixed {reviewing.NOUN[table]}: {described}"):
        st.query_params.pop("row", None)
    st.rerun()


def history_table(history) -> pd.DataFrame:
    rows = []
    for r in history:
        if r.action == "correct" and r.changes:
            before = r.before or {}
            change = "; ".join(f"{k}: {before.get(k)!s} → {v!s}" for k, v in r.changes.items())
        elif r.action == "undo":
            change = f"undid {r.undoes}"
        else:
            change = ""
        rows.append(
            {
                "#": r.seq,
                "when (UTC)": r.reviewed_at.strftime("%Y-%m-%d %H:%M:%S"),
                "who": r.reviewer,
                "action": r.action,
                "before → after": change,
                "note": r.note or "",
                "id": r.review_id,
            }
        )
    return pd.DataFrame(rows)


def show_row(ctx, table: str, row_id: str, me: str) -> None:
    wh = ctx.warehouse
    db = wh.path
    noun = reviewing.NOUN[table]
    data = reviewing.row(wh, table, row_id)
    state = current_state(db, wh.version, table, row_id)
    # A button press reruns the script: the version to check against is the one the analyst
    # was shown (the previous run), not the one read now, else a change made in between by
    # someone else would be overwritten unseen.
    version = state.version if state else 0
    shown = st.session_state.get(SEEN)
    base = shown[2] if shown and shown[:2] == (table, row_id) else version
    st.session_state[SEEN] = (table, row_id, version)
    area = None  # where the note and the buttons go: beside the evidence when a row is shown
    if data is None:
        if state is not None and state.rejected:
            last = state.history[-1] if state.history else None
            who = f" by {last.reviewer}" if last else ""
            st.warning(md_escape(f"This {noun} was rejected{who}: it is left out of every page."))
        else:
            st.warning(
                f"No {noun} with this id in the warehouse (an ETL run may have replaced it)."
            )
    else:
        with st.container(border=True, key="review_card"):
            st.subheader(md_escape(str(data["summary"])))
            status = data.get("review_status") or "machine"
            st.caption(
                md_escape(
                    " · ".join(
                        [
                            f"status: {status}",
                            f"confidence {data['confidence_label']}",
                            data.get("outlet") or "outlet not recorded",
                            data.get("date_label") or "undated",
                            data.get("title") or "",
                        ]
                    ).rstrip(" ·")
                )
            )
            left, right = st.columns([3, 2], gap="large")
            with left:
                show_context(wh, table, data)
            if state is not None and state.row is not None:
                names = reviewing.actor_names(wh)
                fields = fields_of(state.row, table)
                view = pd.DataFrame(
                    [{"field": label(k), "value": shown_value(v, names)} for k, v in fields.items()]
                )
                with right:
                    show_table(view, hide_index=True, width="stretch", key="review_fields")
            area = right.container()
    area = area if area is not None else st.container()
    with area:
        note = st.text_input("Note (optional)", key=f"review_note_{row_id}", max_chars=500)
        cols = [*st.columns(3), *st.columns([1, 2])]
        present = data is not None
        accept = cols[0].button(
            "Accept", key="review_accept", icon=":material/check:", type="primary",
            shortcut=SHORTCUTS["accept"], disabled=not present, width="stretch",
            help="The row is right: confirm it (A).",
        )  # fmt: skip
        reject = cols[1].button(
            "Reject", key="review_reject", icon=":material/close:", shortcut=SHORTCUTS["reject"],
            disabled=not present, width="stretch", help="The row is wrong: leave it out (X).",
        )  # fmt: skip
        fix = cols[2].button(
            "Fix", key="review_fix", icon=":material/edit:", shortcut=SHORTCUTS["fix"],
            disabled=not present, width="stretch", help="Correct its fields (F).",
        )  # fmt: skip
        skip = cols[3].button(
            "Next", key="review_next", icon=":material/skip_next:", shortcut=SHORTCUTS["next"],
            width="stretch", help="Leave it for now and show the next row (N).",
        )  # fmt: skip
        undo = cols[4].button(
            "Undo my last change", key="review_undo", icon=":material/undo:",
            shortcut=SHORTCUTS["undo"], disabled=not st.session_state.get(MINE), width="stretch",
            help="Take back the last review you made in this session (U).",
        )  # fmt: skip
    if accept or reject:
        action = "confirm" if accept else "reject"
        what = f"{'Accepted' if accept else 'Rejected'} {noun}: {data['summary']}"
        request = review.ReviewRequest(
            table, action, me, row_id=row_id, note=note or None, base_version=base
        )
        if submit(db, request, what):
            st.query_params.pop("row", None)
        st.rerun()
    if skip:
        st.session_state.setdefault(SKIPPED, {}).setdefault(table, []).append(row_id)
        st.session_state.pop(FIXING, None)
        st.query_params.pop("row", None)
        st.rerun()
    if undo:
        undo_last(db, wh.version, me)
        st.rerun()
    if fix:
        opened = st.session_state.get(FIXING) == row_id
        st.session_state[FIXING] = None if opened else row_id
    if present and st.session_state.get(FIXING) == row_id and state is not None:
        current = fields_of(state.row, table)
        fix_form(db, table, row_id, current, reviewing.actor_names(wh), me, note, base)
    if state is not None and state.history:
        with st.expander(f"History of this {noun} ({len(state.history)} actions)"):
            show_table(history_table(state.history), hide_index=True, width="stretch")
    else:
        st.caption(f"Nobody has reviewed this {noun} yet.")


ctx = page_context()
if ctx:
    header(
        "Review",
        "The machine's rows, least confident first: accept what is right, reject what is wrong, "
        "fix what is nearly right. Keys: A accept · X reject · F fix · N next · U undo.",
    )
    show_flash()
    table = choose_table()
    wh, f = ctx.warehouse, ctx.filters
    done = reviewing.progress(wh, f, table)
    # Rejected rows are gone from the tables but were reviewed all the same.
    reviewed, total = done.reviewed + done.rejected, done.total + done.rejected
    rejected = f" ({done.rejected:,} rejected)" if done.rejected else ""
    who = st.session_state.get(auth.REVIEWER)
    st.markdown(
        f"**{reviewed:,} of {total:,} {table} reviewed**{rejected}"
        + (f" · reviewing as {md_escape(who)}" if who else "")
    )
    st.progress(reviewed / total if total else 0.0)
    queue = reviewing.queue(wh, f, table)
    skipped = set(st.session_state.get(SKIPPED, {}).get(table, []))
    pending = queue[~queue["row_id"].isin(skipped)]
    requested = st.query_params.get("row")
    current = requested or (None if pending.empty else str(pending["row_id"].iloc[0]))
    if current:
        if not requested:
            skipped_here = len(skipped & set(queue["row_id"]))
            st.caption(
                f"{len(pending):,} unreviewed {table} in the queue"
                + (f" ({skipped_here:,} skipped)" if skipped_here else "")
            )
        me = ask_reviewer()
        if me:
            show_row(ctx, table, current, me)
    elif skipped & set(queue["row_id"]):
        st.caption(f"You skipped every unreviewed {reviewing.NOUN[table]} left.")
        if st.button("Show the skipped rows again", key="review_unskip"):
            st.session_state[SKIPPED][table] = []
            st.rerun()
    elif done.total:
        st.success(f"Every {reviewing.NOUN[table]} under the current filters is reviewed.")
    else:
        nothing_matches(table)
    if not current and who and st.session_state.get(MINE):
        if st.button("Undo my last change", key="review_undo", icon=":material/undo:"):
            undo_last(wh.path, wh.version, who)
            st.rerun()
