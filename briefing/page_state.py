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

import json
from collections.abc import Callable, Collection, Mapping, Sequence

from briefing.filters import MAX_VALUE_CHARS, PAGE_CHOICES
from etl import safe_json

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


# --- the selected marks of every chart (its evidence list), as one parameter -------------------

PICK = "pick"  # {chart key: [mark, ...]} as compact JSON: the charts' selected marks
MAX_PICK_CHARS = 4000  # a link holds a few selections, not a whole chart's marks
MAX_PICKED_MARKS = 20  # marks kept per chart (a box selection of a whole chart is cut)
_SEEN = "page_state_seen_marks"  # chart key -> the selection its widget last reported


def _valid_mark(mark: object) -> dict | None:
    """A mark from a link, or None: a known kind (briefing.evidence.KINDS) whose keys are short
    names with text, numbers, booleans or lists of text ("ids") as values. A link is untrusted
    input; the evidence query takes every value as a parameter."""
    from briefing.evidence import KINDS, names_rows

    if not isinstance(mark, dict) or mark.get("kind") not in KINDS:
        return None
    for name, value in mark.items():
        if not isinstance(name, str) or len(name) > 20:
            return None
        if isinstance(value, list):
            if len(value) > MAX_PICKED_MARKS * 5 or not all(isinstance(v, str) for v in value):
                return None
        elif value is not None and not isinstance(value, str | int | float | bool):
            return None
    return mark if names_rows(mark) else None


def decode_picks(raw: str | None) -> dict[str, list[dict]]:
    """The `pick` parameter as {chart key: marks}: anything malformed, too long or of an
    unknown kind is dropped (a link is untrusted input)."""
    if not raw or len(raw) > MAX_PICK_CHARS:
        return {}
    try:
        found = safe_json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    picks: dict[str, list[dict]] = {}
    for chart, marks in list(found.items())[:MAX_PICKED_MARKS]:
        if not isinstance(chart, str) or len(chart) > 60 or not isinstance(marks, list):
            continue
        valid = [m for m in map(_valid_mark, marks[:MAX_PICKED_MARKS]) if m is not None]
        if valid:
            picks[chart] = valid
    return picks


def encode_picks(picks: Mapping[str, Sequence[Mapping]]) -> str | None:
    """{chart key: marks} as the URL's `pick` text (keys sorted, no spaces), None when nothing
    is selected; charts whose marks would overrun MAX_PICK_CHARS are left out, latest first."""
    kept: dict[str, list] = {}
    for chart, marks in picks.items():
        if not marks:
            continue
        trial = {**kept, chart: [dict(m) for m in marks[:MAX_PICKED_MARKS]]}
        if len(_compact(trial)) <= MAX_PICK_CHARS:
            kept = trial
    return _compact(kept) if kept else None


def _compact(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def picked_marks(chart: str, live: Sequence[Mapping], fresh: bool = False) -> list[dict]:
    """The selected marks of a chart whose evidence is listed: the chart's own selection when
    the analyst has just changed it (`live`, what its widget reports), else what the URL holds
    for it (a followed link, Back or Forward, a page switch). `fresh`: the widget has no state
    yet (first drawn, or Streamlit forgot it on a page switch), so its empty selection says
    nothing. Records the result for the URL (`pick`)."""
    import streamlit as st

    ss = st.session_state
    seen = ss.setdefault(_SEEN, {})
    live = [dict(m) for m in live]
    if fresh:
        seen[chart] = []
    picks = decode_picks(ss.setdefault(_WRITTEN, {}).get(PICK))
    if live != seen.get(chart, []):  # the analyst selected (or cleared) marks in this run
        seen[chart] = live
        picks[chart] = live[:MAX_PICKED_MARKS]
        ss[_WRITTEN][PICK] = encode_picks(picks)
    return picks.get(chart, [])
