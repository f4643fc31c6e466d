"""The global filters: one frozen `Filters` value, its URL form, and the sidebar that edits it.

URL parameters (all optional, see briefing/README.md):
  from, to      YYYY-MM-DD, inclusive
  country       actor_id of a country (e.g. russia)        repeated or comma-separated
  actor         actor_id (e.g. chrystia-freeland)          repeated or comma-separated
  outlet        outlet name as stored                      repeated only (names contain commas)
  polarity      critical | supportive | neutral            repeated or comma-separated
  category      a figure category (refugees, displaced...) repeated or comma-separated
The app writes multi-valued parameters repeated (`country=canada&country=russia`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from etl.types import FIGURE_CATEGORIES, POLARITIES

# URL parameter for each multi-valued field, and whether commas separate values in it.
LIST_PARAMS = {
    "countries": ("country", True),
    "actors": ("actor", True),
    "outlets": ("outlet", False),
    "polarities": ("polarity", True),
    "categories": ("category", True),
}
URL_PARAMS = ("from", "to", *(p for p, _ in LIST_PARAMS.values()))


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
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, Sequence[str]]) -> tuple[Filters, list[str]]:
        """Parse URL parameters (each name to all its values); bad values are dropped and
        reported as sentences for the analyst."""
        problems: list[str] = []
        dates: dict[str, date | None] = {}
        for name in ("from", "to"):
            raw = [v for v in params.get(name, ()) if v.strip()]
            dates[name] = None
            if raw:
                try:
                    dates[name] = date.fromisoformat(raw[-1].strip())
                except ValueError:
                    problems.append(f"Ignored `{name}={raw[-1]}`: dates are written YYYY-MM-DD.")
        if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
            problems.append("`from` was after `to`; the two dates were swapped.")
            dates["from"], dates["to"] = dates["to"], dates["from"]
        lists: dict[str, tuple[str, ...]] = {}
        for attr, (name, comma_separated) in LIST_PARAMS.items():
            values: list[str] = []
            for raw in params.get(name, ()):
                parts = raw.split(",") if comma_separated else [raw]
                values.extend(p.strip() for p in parts if p.strip())
            lists[attr] = tuple(dict.fromkeys(values))  # de-duplicated, order kept
        filters = cls(date_from=dates["from"], date_to=dates["to"], **lists)
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
                    f"Ignored unknown {LIST_PARAMS[attr][0]} value(s): {', '.join(dropped)}."
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
}
_SEEDED = "flt_seeded"
_PROBLEMS = "flt_problems"


def read_url() -> dict[str, list[str]]:
    import streamlit as st

    return {name: st.query_params.get_all(name) for name in URL_PARAMS}


def write_url(filters: Filters) -> None:
    import streamlit as st

    wanted = filters.to_query_params()
    current = {k: st.query_params.get_all(k) for k in st.query_params}
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
    for attr in LIST_PARAMS:
        ss[WIDGET_KEYS[attr]] = list(getattr(filters, attr))


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
    )


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
        ss[_PROBLEMS] = problems + unknown
        ss[_SEEDED] = True

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
        st.button(
            "Reset filters",
            key="flt_reset",
            on_click=reset_filters,
            args=(options,),
            icon=":material/restart_alt:",
            width="stretch",
        )
        for problem in ss.get(_PROBLEMS) or []:
            st.warning(problem)

    filters = _filters_from_widgets(options)
    write_url(filters)
    return filters
