"""The global filters: one frozen `Filters` value, its URL form, and the sidebar that edits it.

URL parameters (all optional, see briefing/README.md):
  from, to      YYYY-MM-DD, inclusive
  country       actor_id of a country (e.g. russia)        repeated or comma-separated
  actor         actor_id (e.g. chrystia-freeland)          repeated or comma-separated
                Both match a row in any role: a stance whose source or target is among them, a
                statement's speaker, a figure's source or place, an event's participant or place.
  by            stances only: the source is one of these   repeated or comma-separated
                (a country id stands for every actor of that country; an actor id for itself)
  towards       stances only: the target is one of these   repeated or comma-separated
  ways          both: also the reverse direction (towards → by); without it, one way only
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
    "stance_by": ("by", True),
    "stance_towards": ("towards", True),
    "outlets": ("outlet", False),
    "polarities": ("polarity", True),
    "categories": ("category", True),
}
URL_PARAMS = (
    "from",
    "to",
    *(p for p, _ in LIST_PARAMS.values()),
    "ways",
    "confidence",
    "reviewed",
    "added",
)
# "High confidence only": of the rows given this confidence or more, at least 8 in 10 are right
# (docs/data-contract.md, "Confidence").
HIGH_CONFIDENCE = 0.8
# The pages' own choices that briefing/page_state.py keeps: each is one page's, but every
# page keeps them all, so a page switch and back, or a copied link, finds them again.
PAGE_CHOICES = (
    "group",  # Stances: group sources and targets by country or actor
    *("node", "colour_by", "top", "co"),  # Actor network: actor, colouring, size, co-mentions
    *("q", "statement"),  # Statements: search text, the statement read in context
    "statement_events",  # Events: statement events included
    "pick",  # every chart's selected marks, whose evidence is listed (page_state.picked_marks)
    *("place", "show", "colour"),  # Map: the place whose evidence is listed, what, colour by
    *("source", "target", "side"),  # Pair over time: the pair
    "quantity",  # Figures reconciled: the quantity
)
# Parameters a page reads itself, kept in the URL beside the filters (see write_url).
PAGE_PARAMS = (
    *("article", "mark"),  # Sources: the article read, the evidence highlighted in it
    *("table", "row"),  # Review
    *PAGE_CHOICES,
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


DIRECTION = ("stance_by", "stance_towards")  # the list fields of the stance direction


def _names(values: Sequence[str], names: Mapping[str, str], shown: int = 4) -> str:
    listed = ", ".join(names.get(v, v) for v in values[:shown])
    return listed + (f" +{len(values) - shown}" if len(values) > shown else "")


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
    # Stance direction (stances only): sources among `stance_by`, targets among
    # `stance_towards` (an empty side is anyone); with `both_ways`, the reverse as well. Each
    # value is a country (every actor of it) or an actor.
    stance_by: tuple[str, ...] = ()
    stance_towards: tuple[str, ...] = ()
    both_ways: bool = False
    high_confidence: bool = False  # only rows with confidence >= HIGH_CONFIDENCE
    reviewed_only: bool = False  # only rows whose review_status is not 'machine'
    # Only rows of articles the warehouse first took in at or after this time (UTC, naive):
    # "what is new since the last briefing". A day alone means its midnight.
    added_since: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    @property
    def has_direction(self) -> bool:
        """True when stances are narrowed by direction (by and/or towards)."""
        return bool(self.stance_by or self.stance_towards)

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
        if self.both_ways and self.has_direction:
            params["ways"] = "both"
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
        given = [v.strip().lower() for v in params.get("ways", ()) if v.strip()]
        both = "both" in given
        odd = [v for v in given if v not in ("both", "one")]
        if odd:
            problems.append(
                f"Ignored ways={_preview(odd[0])}: write ways=both for either direction "
                "(one way is the default)."
            )
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
            both_ways=both and bool(lists["stance_by"] or lists["stance_towards"]),
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

    def direction_text(self, names: Mapping[str, str] | None = None) -> str:
        """The stance direction as read: 'stances Canada → Russia', '… ⇄ …' both ways,
        'anyone' for an open side; '' when no direction is set."""
        if not self.has_direction:
            return ""
        names = names or {}
        by = _names(self.stance_by, names) if self.stance_by else "anyone"
        towards = _names(self.stance_towards, names) if self.stance_towards else "anyone"
        return f"stances {by} {'⇄' if self.both_ways else '→'} {towards}"

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """A short human description for source lines: 'Filters: 2018-01-01 to …; Canada, Russia'."""
        names = names or {}
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'} to {self.date_to or '…'}")
        for attr in LIST_PARAMS:
            values = getattr(self, attr)
            if values and attr not in DIRECTION:
                # A country or actor matches in any role (source or target of a stance, the
                # place of a figure): said, so "Canada, Russia" is not read as Canada → Russia.
                role = " (any role)" if attr in ("countries", "actors") else ""
                parts.append(f"{LIST_PARAMS[attr][0]}: {_names(values, names)}{role}")
        if self.has_direction:
            parts.append(self.direction_text(names))
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

    # The default date range: the articles' publication span (rows dated outside it stay in
    # until an end is moved, since an end on the default is no filter).
    first_date: date | None = None
    last_date: date | None = None
    # Every dated row's span (statement, as-of, event or publication date): how far the date
    # widget reaches. None: the default range's.
    earliest: date | None = None
    latest: date | None = None
    countries: Mapping[str, str] = field(default_factory=dict)  # actor_id -> name
    actors: Mapping[str, str] = field(default_factory=dict)
    outlets: tuple[str, ...] = ()


# --- Streamlit edge --------------------------------------------------------------------------
# Session state holds the filters once a session has started, and the URL is written from it
# on every run (briefing.site.run calls write_url with the pages' choices). Streamlit pushes
# a browser history entry for each query-string change the app makes, and drops the query
# string when the analyst switches pages (streamlit/streamlit#14350): session state is what
# carries the filters across, and the next write puts them back. The URL seeds the widgets
# on the first run of a session (a link followed) and when Back or Forward brought an earlier
# URL (history_navigation).

WIDGET_KEYS = {
    "dates": "flt_dates",
    "countries": "flt_country",
    "actors": "flt_actor",
    "outlets": "flt_outlet",
    "polarities": "flt_polarity",
    "categories": "flt_category",
    "stance_by": "flt_by",
    "stance_towards": "flt_towards",
    "both_ways": "flt_ways",
    "high_confidence": "flt_confidence",
    "reviewed_only": "flt_reviewed",
    "added_since": "flt_added",
}
ADDED_EXACT = "flt_added_exact"  # the exact `added` time, when the day widget still shows its day
_SEEDED = "flt_seeded"
_PROBLEMS = "flt_problems"
_SPAN = "flt_span"  # the data's (first, last) date when the date widget was last set
_ADDRESSES = "flt_addresses"  # (page, URL parameters) this session has shown


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


def history_navigation() -> bool:
    """True when the browser's Back or Forward caused this run. (Streamlit's run context says
    so; it has no public API for it yet.)"""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    return bool(getattr(get_script_run_ctx(), "is_history_navigation", False))


def _address(page: str, params: Mapping[str, Sequence[str]]) -> tuple:
    return (page, tuple(sorted((k, tuple(v)) for k, v in params.items() if k != "view")))


def back_to_a_state(page: str) -> bool:
    """True when Back or Forward brought a URL this session showed before (or opened with):
    its filters and choices are what to show now. Streamlit sometimes pushes a bare address
    for a page switch before the app writes the filters into it; Back onto that address is
    not a request to drop them, and this session never wrote it, so it is not a state."""
    import streamlit as st

    if not history_navigation():
        return False
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    return _address(page, current) in st.session_state.get(_ADDRESSES, ())


def note_address(page: str) -> None:
    """Remember the URL of this run as one this session showed (see back_to_a_state)."""
    import streamlit as st

    current = {k: st.query_params.get_all(k) for k in st.query_params}
    seen = st.session_state.setdefault(_ADDRESSES, set())
    if len(seen) < 10_000:  # a bound on what one session keeps
        seen.add(_address(page, current))


def write_url(filters: Filters, page: Mapping[str, str | None] | None = None) -> None:
    """Put the filters, and the pages' own choices (`page`: parameter -> value, None to drop
    it), in the URL in one change: Streamlit makes each change a browser history entry."""
    import streamlit as st

    current = {k: st.query_params.get_all(k) for k in st.query_params}
    # Every page's own parameters stay (they are the state of the view a link reopens); the
    # filters are replaced; anything else was not the app's and goes.
    wanted: dict[str, str | list[str]] = {
        k: v for k, v in current.items() if k not in URL_PARAMS and k in PAGE_PARAMS
    }
    for name, value in (page or {}).items():
        if value is None:
            wanted.pop(name, None)
        else:
            wanted[name] = value
    wanted.update(filters.to_query_params())
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised:  # writing unchanged params would still send a message
        st.query_params.from_dict(wanted)  # one message: one browser history entry


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
    ss[WIDGET_KEYS["both_ways"]] = filters.both_ways
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
    # The page's own choices (grouping, selected actor…) are not filters: they stay.
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    st.query_params.from_dict({k: v for k, v in current.items() if k in PAGE_PARAMS})


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
        both_ways=bool(ss.get(WIDGET_KEYS["both_ways"]))
        and bool(ss.get(WIDGET_KEYS["stance_by"]) or ss.get(WIDGET_KEYS["stance_towards"])),
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


def sidebar_filters(options: FilterOptions, follow_url: bool = False) -> Filters:
    """Draw the filter widgets in the sidebar and return the filters they express; the URL
    seeds them on a session's first run and, with `follow_url`, on Back or Forward."""
    import streamlit as st

    ss = st.session_state
    if not ss.get(_SEEDED) or follow_url:
        # A new session (a link followed), or Back/Forward: the URL says what to show.
        parsed, problems = Filters.from_query_params(read_url())
        parties = [*options.countries, *options.actors]
        parsed, unknown = parsed.restricted_to(
            countries=list(options.countries),
            actors=list(options.actors),
            outlets=options.outlets,
            stance_by=parties,
            stance_towards=parties,
        )
        _seed(parsed, options)
        dropped = _dropped_link_note() if not ss.get(_SEEDED) else []
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
            low = min([options.earliest or options.first_date, *[d for d in chosen if d]])
            high = max([options.latest or options.last_date, *[d for d in chosen if d]])
            st.date_input(
                "Date range",
                min_value=low,
                max_value=high,
                key=WIDGET_KEYS["dates"],
                format="YYYY-MM-DD",
                help="Statement, figure (as-of), event or publication date. It starts on the "
                "first article's publication date; rows dated before it (an event recalled "
                "from years earlier) stay in until the start is moved.",
            )
        st.multiselect(
            "Countries",
            list(options.countries),
            key=WIDGET_KEYS["countries"],
            format_func=lambda v: options.countries.get(v, v),
            help="Rows where a country takes part in any role: it speaks, is criticised or "
            "supported, takes part or is the place. For stances from one country to another "
            "(Canada → Russia), use **Stance direction** below.",
        )
        st.multiselect(
            "Actors",
            list(options.actors),
            key=WIDGET_KEYS["actors"],
            format_func=lambda v: options.actors.get(v, v),
            help="Rows where the actor takes part in any role (see Countries).",
        )
        direction_box(options)
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
        # Our own constant script, no data in it: a typed date applies on Enter.
        st.html(ENTER_APPLIES_DATES, unsafe_allow_javascript=True, width="content")

    return _filters_from_widgets(options)


def parties(options: FilterOptions) -> dict[str, str]:
    """What a stance's source or target may be chosen as: countries (each standing for every
    actor of it), then actors; id -> name."""
    chosen = dict(options.countries)
    chosen.update({k: v for k, v in options.actors.items() if k not in chosen})
    return chosen


def direction_box(options: FilterOptions) -> None:
    """The sidebar's Stance direction: who takes the stance, towards whom, one way or both."""
    import streamlit as st

    ss = st.session_state
    names = parties(options)
    chosen = bool(ss.get(WIDGET_KEYS["stance_by"]) or ss.get(WIDGET_KEYS["stance_towards"]))
    with st.expander("Stance direction", expanded=chosen, icon=":material/arrow_forward:"):
        st.multiselect(
            "Stances by",
            list(names),
            key=WIDGET_KEYS["stance_by"],
            format_func=lambda v: names.get(v, v),
            placeholder="anyone",
            help="Only stances taken by these countries or actors (a country counts every "
            "actor of it). Statements, figures and events are not narrowed by direction.",
        )
        st.multiselect(
            "Towards",
            list(names),
            key=WIDGET_KEYS["stance_towards"],
            format_func=lambda v: names.get(v, v),
            placeholder="anyone",
            help="Only stances towards these countries or actors.",
        )
        st.toggle(
            "Either direction",
            key=WIDGET_KEYS["both_ways"],
            help="Also the stances the other way round (towards → by).",
        )


# Enter in a date field applies the typed date. Streamlit's date field applies a typed date
# when its calendar closes (Escape, a click elsewhere), not on Enter; this turns Enter in the
# field (never in the calendar, which Enter uses to pick a day) into that Escape. It is a fixed
# string of this module: nothing from the data or the URL is ever put in it.
ENTER_APPLIES_DATES = """<script>
(() => {
  if (window.briefingEnterAppliesDates) return;
  window.briefingEnterAppliesDates = true;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing || !(event.target instanceof Element)) return;
    if (!event.target.closest('[data-testid="stDateInputField"]')) return;
    event.target.dispatchEvent(new KeyboardEvent("keydown", {
      key: "Escape", code: "Escape", bubbles: true, cancelable: true,
    }));
  }, true);
})();
</script>"""
