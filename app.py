"""Briefing dashboard: navigation, global filters and the warehouse check; pages do the rest.

Run with `streamlit run app.py` (warehouse from $BRIEFING_DB, default data/warehouse.duckdb).
"""

from __future__ import annotations

import streamlit as st

from briefing import auth, filters, queries, saved_views, ui
from briefing.site import PAGES


def run() -> None:
    st.set_page_config(
        page_title="Briefing dashboard", page_icon=":material/public:", layout="wide"
    )
    if not auth.gate([url for *_, url in PAGES]):
        return  # the sign-in screen was the only page: nothing of the data before sign-in
    navigation = st.navigation(
        [
            st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0))
            for i, (path, title, icon, url) in enumerate(PAGES)
        ]
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
    chosen = filters.sidebar_filters(options)
    saved_views.save_box(views, navigation.url_path, chosen)
    auth.account_box()
    ui.set_context(ui.build_context(warehouse, chosen, options))
    navigation.run()


if __name__ == "__main__":
    run()
