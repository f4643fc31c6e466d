"""The dashboard's pages: (file, title, icon, url_path), in navigation order. app.py builds the
navigation from it; pages that name other pages (Saved views) read titles from it, so nothing
imports app.py."""

from __future__ import annotations

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


def title_of(url_path: str) -> str:
    """A page's title from its url_path ("" is the default page); the path itself if unknown."""
    wanted = url_path or DEFAULT
    return next((title for _, title, _, url in PAGES if url == wanted), url_path)
