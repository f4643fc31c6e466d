"""The global filters: one frozen `Filters` value, its URL form, and the sidebar that edits it.

URL parameters (all optional, see briefing/README.md):
  from, to      YYYY-MM-DD, inclusive
  country       actor_id of a country (e.g. russia)        repeated or comma-separated
  actor         actor_id (e.g. chrystia-freeland)          repeated or comma-separated
  outlet        outlet name as stored                      repeated only (names contain commas)
  polarity      critical | supportive | neutral            repeated or comma-separated
  category      a figure category (refugees, displaced...) repeated or comma-separated
  confidence    high: only rows whose confidence is at least HIGH_CONFIDENCE (0.8)
  reviewed      only: only rows an analyst confirmed, corrected or added (review_status)
  added         YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC): only rows of articles the warehouse first
                took in at or after then ("what is new since the last briefing")
The app writes multi-valued parameters repeated (`country=canada&country=russia`).
A link is untrusted input: each parameter is read up to MAX_VALUES values of at most
MAX_VALUE_CHARS characters, and whatever is dropped is said in the sidebar.

A date range at the edges of the data is no filter: it follows the data, so a tab left open
while the ETL adds newer articles shows them. Only an end the analyst moved is a filter, and
only such an end is written into the URL.
"""

from __future__ import annotations

import logging
import re
import sys
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from briefing.text import md_escape
from etl.types import FIGURE_CATEGORIES, POLARITIES

# URL parameter for each multi-valued field, and whether commas separate values in it.
LIST_PARAMS = {
    "countries": ("country", True),
    "actors": ("actor", True),
    "outlets": ("outlet", False),
    "polarities": ("polarity", True),
    "categories": ("category", True),
}
URL_PARAMS = (
    "from",
    "to",
    *(p for p, _ in LIST_PARAMS.values()),
    "confidence",
    "reviewed",
    "added",
)
# "High confidence only": of the rows given this confidence or more, at least 8 in 10 are right
# (docs/data-contract.md, "Confidence").
HIGH_CONFIDENCE = 0.8
# Parameters a page reads itself, kept in the URL beside the filters (see write_url).
PAGE_PARAMS = (
    "article",
    "mark",
    "table",
    "row",
    "source",
    "target",
    "side",
    "place",
    "show",
    "colour",
    "quantity",
    "statement_events",
)
MAX_VALUES = 50  # values read per parameter (no sidebar list is longer in practice)
MAX_VALUE_CHARS = 200  # an actor id or outlet name is far shorter
MAX_PARAM_CHARS = MAX_VALUES * (MAX_VALUE_CHARS + 1)  # one comma-separated parameter
_PREVIEW_CHARS = 40  # how much of a rejected value a message quotes


def _preview(value: str) -> str:
    return value if len(value) <= _PREVIEW_CHARS else value[:_PREVIEW_CHARS] + "…"


def _listing(values: Sequence[str], shown: int = 5) -> str:
    listed = ", ".join(_preview(v) for v in values[:shown])
    return listed + (f" and {len(values) - shown:,} more" if len(values) > shown else "")


def _bounded(name: str, values: Sequence[str], max_chars: int) -> tuple[list[str], list[str]]:
    """The first MAX_VALUES of `values` no longer than `max_chars`, and what was dropped, as
    sentences."""
    problems = []
    if len(values) > MAX_VALUES:
        problems.append(
            f"Read only the first {MAX_VALUES} {name} values in the link; "
            f"{len(values) - MAX_VALUES:,} more were ignored."
        )
        values = values[:MAX_VALUES]
    long = [v for v in values if len(v) > max_chars]
    if long:
        problems.append(
            f"Ignored {len(long)} {name} value(s) longer than {max_chars:,} characters "
            f"({', '.join(f'{len(v):,}' for v in long[:3])} characters)."
        )
    return [v for v in values if len(v) <= max_chars], problems


def parse_added(text: str) -> datetime:
    """`added=` as a naive UTC time: a day (its midnight) or a day and time; an offset is
    converted to UTC."""
    when = datetime.fromisoformat(text.strip())
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.replace(second=0, microsecond=0)


def added_text(when: datetime, sep: str = "T") -> str:
    """The URL (or, with sep=" ", the reader's) form of an `added` time: the day alone at
    midnight, else day and minutes (UTC)."""
    if when.time() == datetime.min.time():
        return when.date().isoformat()
    return when.isoformat(sep=sep, timespec="minutes") + (" UTC" if sep == " " else "")


@dataclass(frozen=True)
class Filters:
    """What the analyst has narrowed the warehouse to; empty means 'everything'."""

    date_from: date | None = None
    date_to: date | None = None
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    polarities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    high_confidence: bool = False  # only rows with confidence >= HIGH_CONFIDENCE
    reviewed_only: bool = False  # only rows whose review_status is not 'machine'
    # Only rows of articles the warehouse first took in at or after this time (UTC, naive):
    # "what is new since the last briefing". A day alone means its midnight.
    added_since: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def to_query_params(self) -> dict[str, str | list[str]]:
        """The URL form: dates as ISO strings, lists as repeated parameters."""
        params: dict[str, str | list[str]] = {}
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        for attr, (name, _) in LIST_PARAMS.items():
            values = getattr(self, attr)
            if values:
                params[name] = list(values)
        if self.high_confidence:
            params["confidence"] = "high"
        if self.reviewed_only:
            params["reviewed"] = "only"
        if self.added_since:
            params["added"] = added_text(self.added_since)
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, Sequence[str]]) -> tuple[Filters, list[str]]:
        """Parse URL parameters (each name to all its values); bad, surplus and overlong values
        are dropped and reported as plain-text sentences for the analyst (they quote the
        link's own text: show them escaped)."""
        problems: list[str] = []
        dates: dict[str, date | None] = {}
        for name in ("from", "to"):
            raw, dropped = _bounded(
                name, [v for v in params.get(name, ()) if v.strip()], MAX_VALUE_CHARS
            )
            problems += dropped
            dates[name] = None
            if raw:
                try:
                    dates[name] = date.fromisoformat(raw[-1].strip())
                except ValueError:
                    problems.append(
                        f"Ignored {name}={_preview(raw[-1])}: dates are written YYYY-MM-DD."
                    )
        added, dropped = _bounded(
            "added", [v for v in params.get("added", ()) if v.strip()], MAX_VALUE_CHARS
        )
        problems += dropped
        dates["added"] = None
        if added:
            try:
                dates["added"] = parse_added(added[-1])
            except ValueError:
                problems.append(
                    f"Ignored added={_preview(added[-1])}: write YYYY-MM-DD or YYYY-MM-DDTHH:MM "
                    "(UTC)."
                )
        if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
            problems.append("The from date was after the to date; the two were swapped.")
            dates["from"], dates["to"] = dates["to"], dates["from"]
        lists: dict[str, tuple[str, ...]] = {}
        for attr, (name, comma_separated) in LIST_PARAMS.items():
            given, dropped = _bounded(name, list(params.get(name, ())), MAX_PARAM_CHARS)
            values: list[str] = []
            for raw in given:
                parts = raw.split(",") if comma_separated else [raw]
                values.extend(p.strip() for p in parts if p.strip())
            kept, more = _bounded(name, list(dict.fromkeys(values)), MAX_VALUE_CHARS)
            problems += dropped + more
            lists[attr] = tuple(kept)  # de-duplicated, order kept
        given = [v.strip().lower() for v in params.get("confidence", ()) if v.strip()]
        high = "high" in given
        odd = [v for v in given if v != "high"]
        if odd:
            problems.append(
                f"Ignored confidence={_preview(odd[0])}: the only choice is confidence=high."
            )
        given = [v.strip().lower() for v in params.get("reviewed", ()) if v.strip()]
        reviewed = "only" in given
        odd = [v for v in given if v != "only"]
        if odd:
            problems.append(
                f"Ignored reviewed={_preview(odd[0])}: the only choice is reviewed=only."
            )
        filters = cls(
            date_from=dates["from"],
            date_to=dates["to"],
            **lists,
            high_confidence=high,
            reviewed_only=reviewed,
            added_since=dates["added"],
        )
        filters, vocab_problems = filters.restricted_to(
            polarities=POLARITIES, categories=FIGURE_CATEGORIES
        )
        return filters, problems + vocab_problems

    def restricted_to(self, **allowed: Sequence[str]) -> tuple[Filters, list[str]]:
        """Drop values not among `allowed[field]` (e.g. countries=[...known ids]); report them."""
        problems: list[str] = []
        changes = {}
        for attr, options in allowed.items():
            known = set(options)
            kept = tuple(v for v in getattr(self, attr) if v in known)
            dropped = [v for v in getattr(self, attr) if v not in known]
            if dropped:
                problems.append(
                    f"Ignored unknown {LIST_PARAMS[attr][0]} value(s): {_listing(dropped)}."
                )
                changes[attr] = kept
        return replace(self, **changes), problems

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """A short human description for source lines: 'Filters: 2018-01-01 to …; Canada, Russia'."""
        names = names or {}
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'} to {self.date_to or '…'}")
        for attr in LIST_PARAMS:
            values = getattr(self, attr)
            if values:
                shown = [names.get(v, v) for v in values[:4]]
                more = f" +{len(values) - 4}" if len(values) > 4 else ""
                parts.append(f"{LIST_PARAMS[attr][0]}: {', '.join(shown)}{more}")
        if self.high_confidence:
            parts.append(f"high-confidence rows only (≥ {HIGH_CONFIDENCE:g})")
        if self.reviewed_only:
            parts.append("reviewed rows only")
        if self.added_since:
            parts.append(f"articles added since {added_text(self.added_since, ' ')}")
        return "Filters: " + "; ".join(parts) if parts else "No filters"


@dataclass(frozen=True)
class FilterOptions:
    """What the sidebar may offer, read from the warehouse (unfiltered)."""

    first_date: date | None = None
    last_date: date | None = None
    countries: Mapping[str, str] = field(default_factory=dict)  # actor_id -> name
    actors: Mapping[str, str] = field(default_factory=dict)
    outlets: tuple[str, ...] = ()


# --- Streamlit edge --------------------------------------------------------------------------
# Session state is the source of truth once a session has started; the URL is written from it
# on every run. That is what makes filters survive page switches even where Streamlit drops
# query parameters on navigation (streamlit/streamlit#14350), and a shared URL seeds the first
# run of a new session.

WIDGET_KEYS = {
    "dates": "flt_dates",
    "countries": "flt_country",
    "actors": "flt_actor",
    "outlets": "flt_outlet",
    "polarities": "flt_polarity",
    "categories": "flt_category",
    "high_confidence": "flt_confidence",
    "reviewed_only": "flt_reviewed",
    "added_since": "flt_added",
}
ADDED_EXACT = "flt_added_exact"  # the exact `added` time, when the day widget still shows its day
_SEEDED = "flt_seeded"
_PROBLEMS = "flt_problems"
_SPAN = "flt_span"  # the data's (first, last) date when the date widget was last set


class _DroppedLinks(logging.Filter):
    """Streamlit drops a whole query string of more than 1,000 parameters or 512 Ki characters
    before the app sees it, and only logs that on the server. This filter on that log notes
    which session it happened to (the AppSession or ScriptRunContext on the stack), so the
    sidebar can say the link's filters were not applied."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions: OrderedDict[str, str] = OrderedDict()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Ignoring query string"):
            frame = sys._getframe()
            while frame is not None:
                session = _session_of(frame.f_locals.get("self"))
                if session:
                    self.sessions[session] = message
                    while len(self.sessions) > 1000:  # sessions that never ran a script
                        self.sessions.popitem(last=False)
                    break
                frame = frame.f_back
        return True

    def take(self, session: str) -> str | None:
        return self.sessions.pop(session, None)


def _session_of(owner: object) -> str | None:
    """The session id an AppSession (server), ScriptRunner (AppTest) or run context carries;
    instance attributes only, so no proxy object is asked for anything."""
    fields = getattr(owner, "__dict__", None) or {}
    names = ("id",) if type(owner).__name__ == "AppSession" else ("session_id", "_session_id")
    found = next((fields[n] for n in names if isinstance(fields.get(n), str)), None)
    return found or None


DROPPED_LINKS = _DroppedLinks()
logging.getLogger("streamlit.runtime.state.query_params").addFilter(DROPPED_LINKS)


def _dropped_link_note() -> list[str]:
    """A sentence when Streamlit ignored this session's whole link (see _DroppedLinks)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    found = DROPPED_LINKS.take(ctx.session_id) if ctx else None
    if not found:
        return []
    count = re.search(r"with ([0-9]+) (parameters|characters)", found)
    size = f" ({int(count[1]):,} {count[2]})" if count else ""
    return [
        "The link was too long to read" + size + ", so none of its filters were applied "
        "(at most 1,000 parameters and 512 Ki characters)."
    ]


def read_url() -> dict[str, list[str]]:
    import streamlit as st

    return {name: st.query_params.get_all(name) for name in URL_PARAMS}


def write_url(filters: Filters) -> None:
    import streamlit as st

    current = {k: st.query_params.get_all(k) for k in st.query_params}
    # A page's own parameters (the Sources page's article) stay; the filters are replaced.
    wanted: dict[str, str | list[str]] = {
        k: v for k, v in current.items() if k not in URL_PARAMS and k in PAGE_PARAMS
    }
    wanted.update(filters.to_query_params())
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised:  # writing unchanged params would still send a message
        st.query_params.from_dict(wanted)


def _default_dates(options: FilterOptions) -> tuple:
    if options.first_date and options.last_date:
        return (options.first_date, options.last_date)
    return ()


def _seed(filters: Filters, options: FilterOptions) -> None:
    import streamlit as st

    ss = st.session_state
    start = filters.date_from or options.first_date
    end = filters.date_to or options.last_date
    ss[WIDGET_KEYS["dates"]] = (start, end) if start and end else ()
    ss[_SPAN] = (options.first_date, options.last_date)
    for attr in LIST_PARAMS:
        ss[WIDGET_KEYS[attr]] = list(getattr(filters, attr))
    ss[WIDGET_KEYS["high_confidence"]] = filters.high_confidence
    ss[WIDGET_KEYS["reviewed_only"]] = filters.reviewed_only
    ss[WIDGET_KEYS["added_since"]] = filters.added_since.date() if filters.added_since else None
    ss[ADDED_EXACT] = filters.added_since


def _follow_data(options: FilterOptions) -> None:
    """When the warehouse's date span has changed since the date widget was set (the ETL added
    articles while this tab was open), move each end that sat on the old edge of the data to the
    new edge: it meant "everything", not that date. Ends the analyst moved stay where they are."""
    import streamlit as st

    ss = st.session_state
    span = (options.first_date, options.last_date)
    before = ss.get(_SPAN)
    ss[_SPAN] = span
    if before is None or before == span or not (span[0] and span[1]):
        return
    chosen = list(ss.get(WIDGET_KEYS["dates"]) or ())
    if not chosen:  # the old warehouse had no dates at all
        ss[WIDGET_KEYS["dates"]] = span
        return
    ss[WIDGET_KEYS["dates"]] = tuple(
        span[i] if end == before[i] else end for i, end in enumerate(chosen)
    )


def reset_filters(options: FilterOptions) -> None:
    """Callback of the reset button: every widget back to 'everything', the URL cleared."""
    import streamlit as st

    _seed(Filters(), options)
    st.session_state[_PROBLEMS] = []
    st.query_params.clear()


def _filters_from_widgets(options: FilterOptions) -> Filters:
    import streamlit as st

    ss = st.session_state
    chosen = tuple(ss.get(WIDGET_KEYS["dates"]) or ())
    date_from = chosen[0] if len(chosen) >= 1 else None
    date_to = chosen[1] if len(chosen) >= 2 else None
    # Exactly the data's own span means no date filter, so undated rows stay in.
    if date_from and date_from == options.first_date:
        date_from = None
    if date_to and date_to == options.last_date:
        date_to = None
    return Filters(
        date_from=date_from,
        date_to=date_to,
        **{attr: tuple(ss.get(WIDGET_KEYS[attr]) or ()) for attr in LIST_PARAMS},
        high_confidence=bool(ss.get(WIDGET_KEYS["high_confidence"])),
        reviewed_only=bool(ss.get(WIDGET_KEYS["reviewed_only"])),
        added_since=_added_from_widgets(),
    )


def set_added(when: datetime | None) -> None:
    """Set the Added since filter (from a callback: before the sidebar is drawn)."""
    import streamlit as st

    st.session_state[WIDGET_KEYS["added_since"]] = when.date() if when else None
    st.session_state[ADDED_EXACT] = when


def _added_from_widgets() -> datetime | None:
    """The day in the widget, at the exact time it was set to when that day is unchanged."""
    import streamlit as st

    day = st.session_state.get(WIDGET_KEYS["added_since"])
    if not day:
        return None
    exact = st.session_state.get(ADDED_EXACT)
    if exact is not None and exact.date() == day:
        return exact
    return datetime.combine(day, datetime.min.time())


def sidebar_filters(options: FilterOptions) -> Filters:
    """Draw the filter widgets in the sidebar and return the filters they express."""
    import streamlit as st

    ss = st.session_state
    if not ss.get(_SEEDED):
        parsed, problems = Filters.from_query_params(read_url())
        parsed, unknown = parsed.restricted_to(
            countries=list(options.countries),
            actors=list(options.actors),
            outlets=options.outlets,
        )
        _seed(parsed, options)
        dropped = _dropped_link_note()
        ss[_PROBLEMS] = dropped + problems + unknown
        ss[_SEEDED] = True
        if dropped:  # the address bar still holds the link Streamlit ignored: replace it
            st.query_params.clear()
    else:
        _follow_data(options)

    with st.sidebar:
        st.markdown("### Filters")
        if options.first_date and options.last_date:
            chosen = tuple(ss.get(WIDGET_KEYS["dates"]) or ())
            low = min([options.first_date, *[d for d in chosen if d]])
            high = max([options.last_date, *[d for d in chosen if d]])
            st.date_input(
                "Date range",
                min_value=low,
                max_value=high,
                key=WIDGET_KEYS["dates"],
                format="YYYY-MM-DD",
                help="Statement, figure (as-of), event or publication date.",
            )
        st.multiselect(
            "Countries",
            list(options.countries),
            key=WIDGET_KEYS["countries"],
            format_func=lambda v: options.countries.get(v, v),
            help="Rows where a country speaks, is targeted, takes part or is the place.",
        )
        st.multiselect(
            "Actors",
            list(options.actors),
            key=WIDGET_KEYS["actors"],
            format_func=lambda v: options.actors.get(v, v),
        )
        st.multiselect("Outlets", list(options.outlets), key=WIDGET_KEYS["outlets"])
        st.multiselect("Stance polarity", list(POLARITIES), key=WIDGET_KEYS["polarities"])
        st.multiselect(
            "Figure category",
            list(FIGURE_CATEGORIES),
            key=WIDGET_KEYS["categories"],
            format_func=lambda v: v.replace("_", " "),
        )
        st.toggle(
            "High confidence only",
            key=WIDGET_KEYS["high_confidence"],
            help=f"Only statements, stances, figures and events with confidence of at least "
            f"{HIGH_CONFIDENCE:g}: of such rows, at least 8 in 10 are right.",
        )
        st.toggle(
            "Reviewed rows only",
            key=WIDGET_KEYS["reviewed_only"],
            help="Only statements, stances, figures and events an analyst confirmed, "
            "corrected or added on the Review page.",
        )
        st.date_input(
            "Added since",
            key=WIDGET_KEYS["added_since"],
            format="YYYY-MM-DD",
            help="Only what came from articles added to the dashboard on or after this day "
            "(UTC; a link or a saved view may give a time as well): what is new since the last "
            "briefing. Empty: every article.",
        )
        st.button(
            "Reset filters",
            key="flt_reset",
            on_click=reset_filters,
            args=(options,),
            icon=":material/restart_alt:",
            width="stretch",
        )
        for problem in ss.get(_PROBLEMS) or []:
            st.warning(md_escape(problem))  # it quotes the link's own text

    filters = _filters_from_widgets(options)
    write_url(filters)
    return filters
