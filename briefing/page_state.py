"""Each page's own choices (grouping, selected actor, search text, selected row) in the URL.

A page names each choice once, as a URL parameter beside the widget's key:

    side = page_state.choice("group", "stances_side", "country", allowed=("country", "actor"))
    st.segmented_control("Group by", ["country", "actor"], key="stances_side")
    page_state.keep("group", st.session_state["stances_side"], default="country")

`follow_url` (briefing.site.run, before the page) takes every choice from the URL on a
session's first run (a link followed) and on Back or Forward; otherwise the session's record
stands (Streamlit drops the query string on a page switch). `choice` runs before the widget:
it puts the recorded choice in the widget's state when the widget has none (a first visit, or
back from another page: Streamlit forgets widgets that were not drawn) or the URL was just
followed. `keep` records the value the URL should now hold; site.run writes every choice with
the filters in one URL change after the page has drawn (filters.write_url), so one click is one
browser history entry.

Every page's choices stay in the URL on every page (filters.PAGE_PARAMS), so a copied link
holds the whole state. A link is untrusted input: values are bounded in length and a value
outside `allowed` falls back to the default.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from briefing.filters import MAX_VALUE_CHARS, PAGE_CHOICES

_WRITTEN = "page_state_written"  # parameter -> value the URL holds for it (None: absent)
_FOLLOWED = "page_state_followed"  # this run follows the URL (Back or Forward)


def url_text(value: object) -> str | None:
    """A choice as the URL writes it: text, 'yes' for True; None (absent) for empty or False."""
    if value is None or value is False or value == "":
        return None
    if value is True:
        return "yes"
    return str(value)


def parsed(
    raw: str | None,
    default: object,
    allowed: Collection | None = None,
    convert: Callable[[str], object] = str,
) -> object:
    """A URL value as the widget's value: `convert`ed, else the default when absent, too long,
    malformed or not among `allowed`."""
    if raw is None or len(raw) > MAX_VALUE_CHARS:
        return default
    try:
        value = convert(raw)
    except ValueError:
        return default
    if allowed is not None and value not in allowed:
        return default
    return value


def yes(raw: str) -> bool:
    """`convert` for a toggle: 'yes' (or true/1/on) is on, anything else off."""
    return raw.strip().lower() in ("yes", "true", "1", "on")


def follow_url(force: bool = False) -> None:
    """Take every page choice from the URL: on a session's first run (a link followed) and,
    with `force`, on Back or Forward. Otherwise the session's record stands, since Streamlit
    drops the query string when the analyst switches pages."""
    import streamlit as st

    if force or _WRITTEN not in st.session_state:
        st.session_state[_WRITTEN] = {p: st.query_params.get(p) for p in PAGE_CHOICES}
    st.session_state[_FOLLOWED] = force


def choice(
    param: str,
    key: str,
    default: object,
    allowed: Collection | None = None,
    convert: Callable[[str], object] = str,
) -> object:
    """Before the widget with `key` is drawn: put the recorded choice (the URL's, after
    follow_url) in its state when the URL has just been followed (Back or Forward) or the
    widget has no state (a first visit, or back from another page, which Streamlit forgets
    widgets on); return the value the widget will show."""
    import streamlit as st

    ss = st.session_state
    written = ss.setdefault(_WRITTEN, {})
    if key not in ss or ss.get(_FOLLOWED):
        ss[key] = parsed(written.get(param), default, allowed, convert)
    return ss[key]


def keep(param: str, value: object, default: object = None) -> None:
    """After the widget: the URL should hold `value` for `param` (nothing at the default)."""
    import streamlit as st

    text = None if value == default else url_text(value)
    st.session_state.setdefault(_WRITTEN, {})[param] = text


def url_params() -> dict[str, str | None]:
    """Every page choice of this session as the URL should hold it (None: absent); app.py
    writes them with the filters after each run."""
    import streamlit as st

    return dict(st.session_state.get(_WRITTEN) or {})
