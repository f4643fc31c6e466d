"""Add articles: upload files (or a zip of them) or paste one; every file is checked before
anything is written; then the ETL loads what is new, with a progress bar, and the page says
what was added and what was turned away. Names, titles and reasons are untrusted text: they
are shown in tables and text elements, never as Markdown.

The run happens in a background thread (`intake.AddJob`): a rerun of the page, caused by any
click or by switching pages, would otherwise stop it halfway. A fragment redraws its progress
every second, and the page shows the outcome when it ends."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from briefing import intake, queries
from briefing.intake import SourceRow, Upload, Verdict
from briefing.text import inert_cells

STATE = "add_articles"  # session_state prefix
JOB = f"{STATE}_job"  # the running AddJob of this session
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


def known_articles() -> dict[str, str]:
    """Ids and titles of the articles already loaded (none when there is no warehouse yet)."""
    wh = queries.locate()
    if queries.health(wh).state not in ("ok", "empty"):
        return {}
    return queries.article_titles(wh)


def inspect(uploads: list[Upload]) -> list[Verdict]:
    """The uploads' verdicts, computed once per set of files (reruns reuse them)."""
    key = hashlib.sha256(
        b"".join(u.name.encode() + hashlib.sha256(u.data).digest() for u in uploads)
    ).hexdigest()
    cache = st.session_state.setdefault(f"{STATE}_verdicts", {})
    if key not in cache:
        limits = intake.limits_for(st.get_option("server.maxUploadSize"))
        with st.spinner("Checking the files…"):
            cache.clear()  # only the current set is worth keeping
            cache[key] = intake.inspect_uploads(uploads, limits, known_articles())
    return cache[key]


def _digest(names) -> str:
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:12]


def _cell(value) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()


def verdict_tables(verdicts: list[Verdict], source: str, prefill: SourceRow) -> dict | None:
    """Show what will be added (with editable metadata) and what will not; return the
    metadata rows by stored name, or None while any row is invalid."""
    accepted = [v for v in verdicts if v.accepted]
    rejected = [v for v in verdicts if not v.accepted]
    st.caption(
        f"{len(accepted)} file{'s' * (len(accepted) != 1)} accepted, "
        f"{len(rejected)} rejected. Nothing has been written yet."
    )
    rows: dict[str, SourceRow] = {}
    problems: list[str] = []
    if accepted:
        table = pd.DataFrame(
            {
                "file": [v.origin for v in accepted],
                "verdict": "accepted",
                "type": [v.kind for v in accepted],
                "articles": [v.articles for v in accepted],
                "title": [v.title for v in accepted],
                "language": [v.language for v in accepted],
                "encoding": [v.encoding for v in accepted],
                "note": [v.detail for v in accepted],
                "url": prefill.url,
                "outlet": prefill.outlet,
                "published_date": prefill.published_date,
            },
            index=[v.stored_name for v in accepted],
        )
        st.subheader("Will be added")
        edited = st.data_editor(
            table.assign(**inert_cells(table[["file", "title", "note"]])),  # untrusted, not typed
            hide_index=True,
            width="stretch",
            key=f"{STATE}_editor_{source}_{_digest(table.index)}",
            disabled=[
                "file",
                "verdict",
                "type",
                "articles",
                "title",
                "language",
                "encoding",
                "note",
            ],
            column_config={
                "url": st.column_config.TextColumn("url", help="http:// or https:// address"),
                "outlet": st.column_config.TextColumn("outlet", max_chars=200),
                "published_date": st.column_config.TextColumn(
                    "published date", help="YYYY-MM-DD, YYYY-MM or YYYY", validate=DATE_PATTERN
                ),
                "title": st.column_config.TextColumn("title", width="medium"),
            },
        )
        for stored, record in edited.iterrows():
            row = SourceRow(*(_cell(record[c]) for c in ("url", "outlet", "published_date")))
            for problem in intake.source_row_problems(row):
                problems.append(f"{record['file']}: {problem}")
            rows[str(stored)] = row
        if problems:
            st.error("Fix the metadata before adding:", icon=":material/edit_note:")
            st.text("\n".join(problems))
    if rejected:
        st.subheader("Will not be added")
        st.dataframe(
            inert_cells(
                pd.DataFrame(
                    {
                        "file": [v.origin for v in rejected],
                        "reason": [v.reason for v in rejected],
                        "detail": [v.detail for v in rejected],
                    }
                )
            ),
            hide_index=True,
            width="stretch",
            column_config={"detail": st.column_config.TextColumn("detail", width="large")},
        )
    return None if problems else rows


def add(verdicts: list[Verdict], rows: dict[str, SourceRow]) -> None:
    """Start staging and the ETL run in the background; the page follows its progress."""
    warehouse = Path(queries.warehouse_path())
    input_dir = intake.input_path(warehouse)
    st.session_state[JOB] = intake.AddJob(verdicts, rows, input_dir, warehouse).start()
    st.session_state.pop(f"{STATE}_outcome", None)
    # A fresh uploader (and paste form), so the same files are not added twice by accident.
    st.session_state[f"{STATE}_round"] = st.session_state.get(f"{STATE}_round", 0) + 1
    st.session_state.pop(f"{STATE}_pasted", None)
    st.rerun()


@st.fragment(run_every=1.0)
def progress() -> None:
    """The running job as a progress bar in a status box, redrawn every second."""
    job = st.session_state.get(JOB)
    if job is None:
        return
    if job.finished.is_set():
        st.rerun(scope="app")  # the whole page shows the outcome
    waiting = job.waiting_seconds is not None
    label = "Another run is in progress, waiting…" if waiting else "Adding articles…"
    with st.status(label, state="running", expanded=True):
        if waiting:
            st.text(f"Another run is in progress, waiting ({job.waiting_seconds:.0f} s)…")
        st.progress(job.share, text=f"{job.phase_name}: {job.count} of {job.total}")
        st.text(job.current)  # a file name: text, never Markdown
        for note in job.notes:
            st.text(note)


def finish(job: intake.AddJob) -> None:
    """Keep what a finished job gave, for `show_outcome`."""
    turned_away = [(v.origin, v.reason, v.detail) for v in job.turned_away]
    if job.error is not None or job.added is None:
        outcome = {"error": job.error or "the run ended without a result"}
    else:
        outcome = {
            "files": job.added.staged.files,
            "seconds": job.added.summary.elapsed_seconds,
            "waited": job.added.waited_seconds,
            "notes": job.added.summary.notes,
            "turned_away": turned_away,
        }
    st.session_state[f"{STATE}_outcome"] = outcome
    st.session_state.pop(JOB, None)


def show_outcome() -> None:
    """What the last addition gave: the new articles, their rows per table, the turned away."""
    outcome = st.session_state.get(f"{STATE}_outcome")
    if not outcome:
        return
    if "error" in outcome:
        st.error(
            "The run could not finish. Files already written stay in the input folder and "
            "are loaded by the next run.",
            icon=":material/error:",
        )
        st.text(outcome["error"])
        return
    wh = queries.locate()
    files = tuple(outcome["files"])
    articles = queries.articles_from_files(wh, files) if wh else pd.DataFrame()
    ids = tuple(articles["article_id"]) if not articles.empty else ()
    waited = f" after waiting {outcome['waited']:.0f} s" if outcome["waited"] >= 1 else ""
    st.success(
        f"{len(ids)} article{'s' * (len(ids) != 1)} from {len(files)} file"
        f"{'s' * (len(files) != 1)} in the warehouse; the run took "
        f"{outcome['seconds']:.0f} s{waited}. Every open page shows them on its next refresh.",
        icon=":material/check_circle:",
    )
    if ids:
        left, right = st.columns([3, 1])
        with left:
            st.dataframe(
                inert_cells(articles.drop(columns=["article_id"])),
                hide_index=True,
                width="stretch",
                column_config={"url": st.column_config.TextColumn("url")},
            )
        with right:
            st.dataframe(queries.rows_per_table(wh, ids), hide_index=True, width="stretch")
        st.page_link(
            "pages/sources.py", label="Read them on the Sources page", icon=":material/article:"
        )
    turned_away = [*outcome["turned_away"]]
    if wh and files:
        etl_rejected = queries.rejected_files(wh, files)
        turned_away += list(etl_rejected.itertuples(index=False, name=None))
    if turned_away:
        st.caption("Not added")
        st.dataframe(
            inert_cells(pd.DataFrame(turned_away, columns=["file", "reason", "detail"])),
            hide_index=True,
            width="stretch",
            column_config={"detail": st.column_config.TextColumn("detail", width="large")},
        )
    for note in outcome["notes"]:
        st.text(note)


def upload_tab(round_: int) -> None:
    files = st.file_uploader(
        "Article files",
        type=[s.lstrip(".") for s in intake.UPLOAD_SUFFIXES],
        accept_multiple_files=True,
        key=f"{STATE}_files_{round_}",
        help="Text, Markdown, HTML, JSON or JSON Lines files, or a .zip of them. The type is "
        "read from each file's content; the limits are checked again after upload.",
    )
    if not files:
        return
    verdicts = inspect([Upload(f.name, f.getvalue()) for f in files])
    rows = verdict_tables(verdicts, f"files{round_}", SourceRow())
    accepted = sum(v.accepted for v in verdicts)
    if st.button(
        f"Add {accepted} file{'s' * (accepted != 1)}",
        type="primary",
        disabled=not accepted or rows is None or JOB in st.session_state,
        key=f"{STATE}_add_files",
    ):
        add(verdicts, rows or {})


def paste_tab(round_: int) -> None:
    with st.form(f"{STATE}_paste_{round_}"):
        title = st.text_input("Title", max_chars=500)
        text = st.text_area(
            "Article text or HTML",
            height=240,
            max_chars=1_000_000,
            help="Paste the article itself; HTML is turned into text as a saved page would be.",
        )
        url_col, outlet_col, date_col = st.columns(3)
        url = url_col.text_input("URL", max_chars=2000)
        outlet = outlet_col.text_input("Outlet", max_chars=200)
        published = date_col.text_input("Published date", placeholder="YYYY-MM-DD")
        checked = st.form_submit_button("Check")
    if checked:
        if text.strip():
            st.session_state[f"{STATE}_pasted"] = (
                intake.pasted_upload(title, text),
                SourceRow(url.strip(), outlet.strip(), published.strip()),
            )
        else:
            st.warning("Paste the article's text first.")
    pasted = st.session_state.get(f"{STATE}_pasted")
    if not pasted:
        return
    upload, prefill = pasted
    verdicts = inspect([upload])
    rows = verdict_tables(verdicts, f"paste{round_}", prefill)
    accepted = sum(v.accepted for v in verdicts)
    if st.button(
        "Add the article",
        type="primary",
        disabled=not accepted or rows is None or JOB in st.session_state,
        key=f"{STATE}_add_pasted",
    ):
        add(verdicts, rows or {})


def shown_path(path: Path) -> str:
    """A folder as users may see it: relative to the working folder, never the server's
    absolute layout."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return f"…/{path.name}"


def main() -> None:
    st.title("Add articles")
    uploads = intake.input_path(queries.warehouse_path()) / intake.UPLOADS_DIR
    st.caption(
        "Upload article files or paste one. Each file is checked before anything is written "
        f"(type, size, encoding, language); accepted files go to `{shown_path(uploads)}/` and "
        "the ETL loads what is new. Only English articles are analysed."
    )
    job = st.session_state.get(JOB)
    if job is not None and job.finished.is_set():
        finish(job)
    if JOB in st.session_state:
        progress()
    show_outcome()
    round_ = st.session_state.get(f"{STATE}_round", 0)
    files_tab, text_tab = st.tabs(["Upload files", "Paste text"])
    with files_tab:
        upload_tab(round_)
    with text_tab:
        paste_tab(round_)


if PagesManager.uses_pages_directory:
    # A first visit straight to this page's URL: Streamlit ran the file alone (see
    # briefing.ui.page_context); run the app, whose navigation draws this page.
    from briefing import site

    site.run()
else:
    main()
