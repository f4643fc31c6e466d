"""The dashboard as a whole: its pages (file, title, icon, url_path) in navigation order, and
`run()`, which draws the navigation, the sidebar filters and the chosen page.

app.py (the entry point `streamlit run app.py` starts) only calls `run()`; pages that name
other pages (Saved views) read titles from PAGES. The package never imports app.py or a page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

PAGES = (
    ("pages/overview.py", "Overview", ":material/dashboard:", "overview"),
    ("pages/figures.py", "Humanitarian figures", ":material/groups:", "figures"),
    ("pages/reconcile.py", "Figures reconciled", ":material/compare_arrows:", "reconcile"),
    ("pages/stances.py", "Stances", ":material/balance:", "stances"),
    ("pages/dyad.py", "Pair over time", ":material/timeline:", "dyad"),
    ("pages/network.py", "Actor network", ":material/hub:", "network"),
    ("pages/statements.py", "Statements", ":material/format_quote:", "statements"),
    ("pages/events.py", "Events", ":material/event:", "events"),
    ("pages/map.py", "Map", ":material/map:", "map"),
    ("pages/sources.py", "Sources", ":material/article:", "sources"),
    ("pages/review.py", "Review", ":material/fact_check:", "review"),
    ("pages/saved_views.py", "Saved views", ":material/bookmarks:", "views"),
    ("pages/add_articles.py", "Add articles", ":material/upload_file:", "add"),
)
DEFAULT = PAGES[0][3]  # the page "/" opens
# The tab's icon, served by the dashboard: a ":material/...:" page icon is fetched from Google's
# font CDN, which a briefing room without internet cannot reach (the page's own icons come
# from the Material Symbols font Streamlit bundles).
FAVICON = Path(__file__).resolve().parent.parent / "static" / "favicon.png"
_STARTED = "site_started"  # session_state: this session has run the app once


def title_of(url_path: str) -> str:
    """A page's title from its url_path ("" is the default page); the path itself if unknown."""
    wanted = url_path or DEFAULT
    return next((title for _, title, _, url in PAGES if url == wanted), url_path)


# Other names a person or an old link may use for a page, beyond its url_path, title and file.
_OTHER_NAMES = {
    "": ("home", "index", "main", "app", "start", "dashboard"),
    "dyad": ("pair", "pairs"),
    "views": ("saved",),
    "add": ("upload", "intake"),
}


def _key(name: str) -> str:
    """A page name as typed, reduced to what tells pages apart: 'Actor%20network/' and
    'actor_network' are both 'actor-network'."""
    text = unquote(name).strip().strip("/").lower()
    text = text.rsplit("/", 1)[-1].removesuffix(".py")
    return "-".join(re.split(r"[\s_\-]+", text)).strip("-")


def page_for(typed: str) -> str | None:
    """The url_path of the page someone typed or a link carries ("" for the default page), by
    its url_path, its title or its file, in any case: '/overview', '/Overview',
    '/humanitarian-figures', '/figures.py', '/pair'. None when no page is called that."""
    key = _key(typed)
    names: dict[str, str] = {}
    for path, title, _, url in PAGES:
        page = "" if url == DEFAULT else url
        for name in (url, title, Path(path).stem, *_OTHER_NAMES.get(page, ())):
            names.setdefault(_key(name), page)
    for name in _OTHER_NAMES[""]:
        names.setdefault(name, "")
    return names.get(key)


def _follow_typed_page() -> None:
    """Open the page a typed address names, whatever name it uses (Streamlit knows each page
    by one url_path only, and the default page by none: '/overview' would be 'Page not
    found')."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    typed = getattr(manager, "intended_page_name", None)
    if manager is None or not typed or manager.intended_page_script_hash:
        return
    wanted = page_for(typed)
    if wanted is not None and wanted != typed:
        manager.set_script_intent("", wanted)


def run() -> None:
    """Navigation, global filters and the warehouse check; the chosen page does the rest. The
    URL holds the filters and every page's choices (briefing/page_state.py)."""
    import streamlit as st

    from briefing import auth, filters, page_state, queries, saved_views, ui

    st.set_page_config(page_title="Briefing dashboard", page_icon=str(FAVICON), layout="wide")
    if not auth.gate([url for *_, url in PAGES]):
        return  # the sign-in screen was the only page: nothing of the data before sign-in
    _follow_typed_page()
    navigation = st.navigation(
        [
            st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0))
            for i, (path, title, icon, url) in enumerate(PAGES)
        ],
        # Every page listed: past twelve pages Streamlit would hide the last ones (Review,
        # Saved views, Add articles) behind "View more", where nobody finds them in a briefing.
        expanded=True,
    )
    warehouse = queries.locate()
    status = queries.health(warehouse)
    if status.state != "ok":
        ui.set_context(None)
        if navigation.url_path == "add":  # adding articles is how a first warehouse is built
            navigation.run()
            return
        st.title("Briefing dashboard")
        st.warning(status.message, icon=":material/database_off:")
        auth.account_box()
        return
    options = queries.filter_options(warehouse)
    views = saved_views.ViewStore.for_warehouse(warehouse.path)
    saved_views.note_opened(views)  # before the filters rewrite the URL without ?view=
    page = navigation.url_path
    if not st.session_state.get(_STARTED):
        filters.note_address(page)  # the link this session opened with is a state to go back to
        st.session_state[_STARTED] = True
    back = filters.back_to_a_state(page)  # Back or Forward: the URL is what to show
    chosen = filters.sidebar_filters(options, follow_url=back)
    saved_views.save_box(views, page, chosen)
    auth.account_box()
    ui.set_context(ui.build_context(warehouse, chosen, options))
    page_state.follow_url(force=back)
    # Written before the page runs too: on a page switch Streamlit drops the query string and
    # takes the address it pushes from the first messages of the run, so written early the
    # address it records usually already holds the filters and choices.
    filters.write_url(chosen, page_state.url_params())
    filters.note_address(page)  # now, in case a newer run interrupts this one
    try:
        navigation.run()
    finally:  # a choice the page changed in this run (nothing is sent when none did)
        filters.write_url(chosen, page_state.url_params())
        filters.note_address(page)
