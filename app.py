"""Briefing dashboard: `streamlit run app.py` (warehouse from $BRIEFING_DB, default
data/warehouse.duckdb). The dashboard lives in the `briefing` package (briefing/site.py); this
entry point only runs it."""

from __future__ import annotations

from briefing.site import PAGES, run

__all__ = ["PAGES", "run"]

if __name__ == "__main__":
    run()
