"""The charts of each page, built once for the screen, the downloads and the briefing pack.

A page asks for its charts here and draws them; the briefing pack asks for the same charts,
so a slide always shows what the page shows under the same filters. Each chart comes with
its data (what the CSV and Excel downloads hold), the subject of the rows behind it (for the
evidence in the speaker notes) and a caption saying in a sentence what it shows, written from
the data so it stays true when the filters change.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from briefing import charts, evidence, maps, network, quantities, queries
from briefing.ui import PageContext

log = logging.getLogger(__name__)


SLIDE_BARS = 10  # bars, rows or places a 16:9 slide shows legibly from the back of a room
SLIDE_PANELS = 3  # small multiples (one per quantity) on a slide


def marks_of(fig: go.Figure) -> tuple[str, ...]:
    """The evidence keys (briefing.evidence.mark_key) of every mark of a figure, each once, in
    the order drawn: what a mark's customdata carries in its last column."""
    found: dict[str, None] = {}
    for trace in fig.data:
        custom = getattr(trace, "customdata", None)
        if custom is None:
            continue
        for point in custom:
            last = (
                point[-1] if isinstance(point, list | tuple) or hasattr(point, "shape") else point
            )
            if evidence.parse_key(last) is not None:
                found.setdefault(last, None)
    return tuple(found)


@dataclass(frozen=True)
class Chart:
    key: str  # unique on its page; widget keys and file names derive from it
    name: str  # what the chart is called on buttons, files and slides
    figure: go.Figure
    data: pd.DataFrame
    subject: str  # statements | stances | figures | events: the rows behind it
    caption: str
    # Builds the same chart cut to what a slide holds (a page can scroll, a slide cannot), or
    # None when the page's figure already fits; called only when a slide is made.
    slide: Callable[[], go.Figure | None] | None = None
    # Its marks carry evidence keys (briefing.evidence): selecting one lists the rows behind it.
    evidence: bool = False
    # Every row behind the chart, largest marks first (briefing.evidence.stance_rows), or None:
    # the downloads hold them beside the counts and the slide's notes read from them.
    rows: Callable[[], pd.DataFrame] | None = None
    # Mark keys (evidence.mark_key JSON) that together stand for every row behind the chart, or
    # None: the slide's notes read the rows behind them, and the pack's sources are theirs.
    marks: tuple[str, ...] | None = None
    # What its exported image says about itself (briefing.export.Credits), when the rows it
    # draws are not one subject's rows under the filters (the map: figures and events at
    # places); None: the subject's (PageContext.credits).
    credits: Callable[[], object] | None = None
    # Builds the same chart cut to what a 390 px phone holds without scrolling sideways (a
    # stance matrix's busiest columns), or None: the page's figure laid out for a phone.
    phone: Callable[[], go.Figure | None] | None = None

    def __post_init__(self) -> None:
        # A chart whose marks lead to evidence stands for the rows behind those marks: its
        # slide's notes and the pack's sources read them (briefing.deck), and so does its
        # download (briefing.downloads), rather than the subject's newest rows.
        if self.marks is None and self.evidence and self.rows is None:
            object.__setattr__(self, "marks", marks_of(self.figure) or None)

    @property
    def for_slide(self) -> go.Figure:
        cut = self.slide() if self.slide is not None else None
        return cut if cut is not None else self.figure

    @functools.cached_property
    def for_phone(self) -> go.Figure:
        """The chart laid out for a phone (charts.for_phone), from its phone cut if it has
        one; made once per chart, which the chart cache keeps for every session."""
        cut = self.phone() if self.phone is not None else None
        return charts.for_phone(cut if cut is not None else self.figure)


def _retitled(fig: go.Figure, note: str) -> go.Figure:
    """Say what a slide's cut leaves out ('the 10 largest of 25'): charts.for_slide adds the
    note to the subtitle, under the filters."""
    finish = dict((fig.layout.meta or {}).get("finish") or {})
    fig.update_layout(meta={"finish": {**finish, "note": note}})
    return fig


@dataclass(frozen=True)
class NetworkView:
    chart: Chart
    nodes: pd.DataFrame
    edges: pd.DataFrame
    graph: nx.Graph
    # The strongest stance ties as ranked bars: the network's readable form on a phone.
    ties: Chart | None = None


PHONE_TIES = 12  # ties ranked on a phone, where a drawn network of many actors is a tangle


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _month(value: object) -> str:
    return pd.Timestamp(value).strftime("%B %Y")


def _top(series: pd.Series, n: int = 2) -> str:
    """'Canada (12) and Russia (7)' from counts indexed by name, largest first."""
    items = [f"{name} ({int(count):,})" for name, count in series.head(n).items()]
    return " and ".join(items) if len(items) < 3 else ", ".join(items)


# --- captions: one sentence on what a chart shows, from its data ------------------------------


def _never_fails(caption: Callable[..., str]) -> Callable[..., str]:
    """A caption is a courtesy: odd data (missing names, NaN counts) must not take the page
    down, so a failure is logged and the caption falls back to counting rows."""

    @functools.wraps(caption)
    def wrapper(df: pd.DataFrame, *args, **kwargs) -> str:
        try:
            return caption(df, *args, **kwargs)
        except Exception:  # noqa: BLE001 - see above
            log.warning("caption %s failed", caption.__name__, exc_info=True)
            return f"{_plural(len(df), 'row')} under these filters."

    return wrapper


@_never_fails
def caption_stance_balance(df: pd.DataFrame) -> str:
    if df.empty:
        return "No stances under these filters."
    counts = df.groupby("polarity")["stances"].sum()
    parts = [
        f"{int(counts[p]):,} {p}" for p in ("critical", "supportive", "neutral") if p in counts
    ]
    return f"{_plural(int(counts.sum()), 'stance')}: {', '.join(parts)}."


@_never_fails
def caption_statements_over_time(df: pd.DataFrame) -> str:
    if df.empty:
        return "No dated statements under these filters."
    total = int(df["statements"].sum())
    by_country = (
        df.assign(country=df["country"].fillna("no country"))
        .groupby("country")["statements"]
        .sum()
        .sort_values(ascending=False, kind="stable")
        .drop(index="other" if "period" in df else [], errors="ignore")  # the rest, grouped
    )
    unit = charts.unit_of(df)  # the chart's bars: month, quarter or year
    by_bin = charts.binned(df, "statements", [], unit).set_index("period")["statements"]
    busiest = by_bin.idxmax()
    return (
        f"{_plural(total, 'dated statement')}, most from {_top(by_country)}; "
        f"busiest {unit} {_period(busiest, unit)} ({int(by_bin[busiest]):,})."
    )


def _period(start: object, unit: str) -> str:
    """A bin as a sentence says it: 'March 2016', 'the quarter from January 2016', '2016'."""
    day = pd.Timestamp(start)
    if unit == "year":
        return f"{day:%Y}"
    if unit == "quarter":
        return f"from {day:%B %Y}"
    return _month(day)


def _figure_label(
    value_text: object, category: object, location: object, qualifier: object = None
) -> str:
    known = isinstance(location, str) and location and location != "unspecified"
    place = f" in {location}" if known else ""
    what = "" if category == "other" else " " + str(category).replace("_", " ")
    return f"{quantities.figure_text(value_text, qualifier)}{what}{place}"


def _cited_by(row: pd.Series) -> str:
    return row["cited_by"] if isinstance(row["cited_by"], str) else queries.NOT_STATED


@_never_fails
def caption_most_cited_figures(df: pd.DataFrame) -> str:
    if df.empty:
        return "No figures under these filters."
    qualifier = "qualifier" if "qualifier" in df else None

    def label(row: pd.Series) -> str:
        return _figure_label(
            row["value_text"],
            row["category"],
            row["location"],
            row[qualifier] if qualifier else None,
        )

    top = df.iloc[0]
    if int(df["citations"].max()) > 1:
        return (
            f"Most cited: {label(top)}, "
            f"in {_plural(int(top['citations']), 'article')} (cited by {_cited_by(top)})."
        )
    # Every figure is cited once: name the largest head count rather than a tie.
    people = df[df["measure"] == "people"] if "measure" in df else df
    largest = (people if not people.empty else df).sort_values("value").iloc[-1]
    return (
        f"{_plural(len(df), 'figure')}, each cited by one article; the largest head count is "
        f"{label(largest)} (cited by {_cited_by(largest)})."
    )


@_never_fails
def caption_figure_spread(df: pd.DataFrame) -> str:
    if df.empty:
        return (
            "No quantity was cited with different values under these filters (the same "
            "category, people, place and period)."
        )
    if "quantity" not in df:
        df = df.assign(quantity=list(zip(df["measure"], df["category"], df["location"])))
    groups = df.groupby("quantity", sort=False)["value"]
    # A quantity cited as 0 by one source and 12 by another is as wide as spreads get.
    spread = (groups.max() / groups.min().where(groups.min() > 0)).fillna(float("inf"))
    part = df[df["quantity"] == spread.idxmax()]
    low, high = part.loc[part["value"].idxmin()], part.loc[part["value"].idxmax()]
    qualifier = "qualifier" in df
    what = (
        part["quantity_label"].iloc[0]
        if "quantity_label" in part
        else f"{str(low['category']).replace('_', ' ')} in {low['location']}"
    )
    period = part["period"].iloc[0] if "period" in part else None
    when = f" ({period})" if isinstance(period, str) and period else ""
    return (
        f"{_plural(len(spread), 'quantity')} cited with different values; widest: "
        f"{what}{when}, from "
        f"{quantities.figure_text(low['value_text'], low['qualifier'] if qualifier else None)} "
        f"({_cited_by(low)}) to "
        f"{quantities.figure_text(high['value_text'], high['qualifier'] if qualifier else None)} "
        f"({_cited_by(high)})."
    ).replace("quantitys", "quantities")


@_never_fails
def caption_figures_by_place(df: pd.DataFrame) -> str:
    if df.empty:
        return "No figures under these filters."
    people = df[df["measure"] == "people"]
    top = (people if not people.empty else df).sort_values("largest").iloc[-1]
    places = df.loc[df["location"] != "unspecified", "location"].nunique()
    noun = "head count" if top["measure"] == "people" else "sum"
    label = _figure_label(
        top["largest_text"], top["category"], top["location"], top.get("qualifier")
    )
    return f"Largest figures across {_plural(places, 'place')}; the largest {noun} is {label}."


@_never_fails
def caption_figures_timeline(df: pd.DataFrame) -> str:
    if "measure" in df:
        df = df[df["measure"] != "money"]
    if df.empty:
        return "No dated head counts under these filters."
    first, last = df.loc[df["as_of"].idxmin()], df.loc[df["as_of"].idxmax()]
    return (
        f"{_plural(len(df), 'dated head count')} from {first['as_of_label']} to "
        f"{last['as_of_label']}, by as-of date (else publication date)."
    )


@_never_fails
def caption_stances(df: pd.DataFrame, side: str) -> str:
    if df.empty:
        return "No stances under these filters."
    by_source = df.groupby("source")["stances"].sum().sort_values(ascending=False)
    source = by_source.index[0]
    mine = df[df["source"] == source]
    polar = mine.groupby("polarity")["stances"].sum().sort_values(ascending=False)
    targets = mine.groupby("target")["stances"].sum().sort_values(ascending=False)
    return (
        f"{_plural(int(df['stances'].sum()), 'stance')} by {side}; {source} takes the most "
        f"({int(by_source.iloc[0]):,}, mostly {polar.index[0]}), chiefly towards {targets.index[0]}."
    )


MATRIX_ENCODING = (
    "Cell number: supportive minus critical stances; colour: that net as a share of the "
    "pair's stances."
)


@_never_fails
def caption_stance_matrix(df: pd.DataFrame, side: str) -> str:
    if df.empty:
        return "No stances under these filters."
    pairs = df.groupby(["source", "target", "polarity"])["stances"].sum()
    (source, target, polarity), n = pairs.idxmax(), int(pairs.max())
    return (
        f"Who stands where, by {side}: the most frequent is {source} → {target}, {n:,} "
        f"{polarity}. {MATRIX_ENCODING}"
    )


@_never_fails
def caption_stances_over_time(df: pd.DataFrame) -> str:
    if df.empty:
        return "No dated stances under these filters."
    unit = charts.unit_of(df)  # the chart's bars: month, quarter or year
    by_bin = charts.binned(df, "stances", [], unit).set_index("period")["stances"]
    peak = by_bin.idxmax()
    return (
        f"{_plural(int(by_bin.sum()), 'dated stance')} per {unit}; the peak is "
        f"{'the quarter ' if unit == 'quarter' else ''}{_period(peak, unit)} "
        f"({int(by_bin[peak]):,})."
    )


@_never_fails
def caption_network(nodes: pd.DataFrame, edges: pd.DataFrame, labelled: int | None = None) -> str:
    if nodes.empty:
        return "No actors under these filters."
    named = ""
    if labelled is not None and labelled < len(nodes):
        named = " Names where they fit, most connected first; the rest in the hover and the data."
    if edges.empty:
        return f"{_plural(len(nodes), 'actor')} mentioned; no stances between them.{named}"
    ties = (
        pd.concat(
            [
                edges[["source", "stances"]].rename(columns={"source": "actor"}),
                edges[["target", "stances"]].rename(columns={"target": "actor"}),
            ]
        )
        .groupby("actor")["stances"]
        .sum()
        .sort_values(ascending=False)
    )
    return (
        f"{_plural(len(nodes), 'actor')} and {_plural(int(edges['stances'].sum()), 'stance')} "
        f"between them; most involved: {_top(ties)}.{named}"
    )


@_never_fails
def caption_events_timeline(df: pd.DataFrame) -> str:
    if df.empty:
        return "No events under these filters."
    dated = df.dropna(subset=["date"])
    types = df["event_type"].value_counts()
    first = dated.loc[dated["date"].idxmin(), "date_label"] if not dated.empty else None
    last = dated.loc[dated["date"].idxmax(), "date_label"] if not dated.empty else None
    span = "" if first is None else f" on {first}" if first == last else f" from {first} to {last}"
    return (
        f"{_plural(len(df), 'event')}{span}; most are "
        f"{str(types.index[0]).replace('_', ' ')}s ({int(types.iloc[0]):,})."
    ).replace("others (", "other events (")


@_never_fails
def caption_events_by_place(df: pd.DataFrame) -> str:
    if df.empty:
        return "No events under these filters."
    places = charts.event_place(df).dropna().value_counts()
    if places.empty:
        return f"{_plural(len(df), 'event')}, none with a known place."
    said = f"Events in {_plural(len(places), 'place')}; most in {_top(places)}."
    placeless = len(df) - int(places.sum())
    if placeless:
        said += f" {placeless:,} of {len(df):,} name no known place and are not drawn."
    return said


# --- the pages' charts --------------------------------------------------------------------------


def overview(ctx: PageContext) -> list[Chart]:
    wh, f = ctx.warehouse, ctx.filters
    balance = queries.stance_balance(wh, f)
    monthly = queries.statements_over_time(wh, f)
    cited = queries.most_cited_figures(wh, f)
    return [
        Chart(
            "overview_balance",
            "Balance of stances",
            charts.stance_balance(balance, ctx.source("stances")),
            balance,
            "stances",
            caption_stance_balance(balance),
        ),
        Chart(
            "overview_statements",
            "Statements over time by country",
            charts.statements_over_time(monthly, ctx.source("statements"), ctx.colours),
            monthly,
            "statements",
            caption_statements_over_time(monthly),
        ),
        Chart(
            "overview_figures",
            "Most cited humanitarian figures",
            charts.most_cited_figures(cited, ctx.source("figures")),
            cited,
            "figures",
            caption_most_cited_figures(cited),
        ),
    ]


def figures(ctx: PageContext) -> list[Chart]:
    """The Humanitarian figures page: which number to brief, head counts by place, money by
    place (each currency on its own axis), head counts over time."""
    wh, f = ctx.warehouse, ctx.filters
    source = ctx.source("figures", "figures")
    spread = queries.figure_spread(wh, f)
    by_place = queries.figures_by_place(wh, f)
    people = by_place[by_place["measure"] != "money"].reset_index(drop=True)
    money = by_place[by_place["measure"] == "money"].reset_index(drop=True)
    over_time = queries.figures_over_time(wh, f)
    over_time = over_time[over_time["measure"] != "money"].reset_index(drop=True)
    return [
        Chart(
            "figures_spread",
            "Figure spread",
            charts.figure_spread(spread, source),
            spread,
            "figures",
            caption_figure_spread(spread),
            functools.partial(_fewer_quantities, spread, source),
            evidence=True,
            # Labels that meet at a phone's width keep their figure only.
            phone=functools.partial(
                charts.figure_spread, spread, source, plot_px=charts.PHONE_SPREAD_PX
            ),
        ),
        Chart(
            "figures_place",
            "Head counts by place",
            _titled(charts.figures_by_place(people, source), "Largest head count cited, by place"),
            people,
            "figures",
            caption_figures_by_place(people),
            functools.partial(_fewer_places, people, source, "Largest head count cited, by place"),
            evidence=True,
            phone=functools.partial(
                _phone_places, people, source, "Largest head count cited, by place"
            ),
        ),
        Chart(
            "figures_money",
            "Money by place",
            _titled(charts.figures_by_place(money, source), "Largest sum cited, by place"),
            money,
            "figures",
            caption_figures_by_place(money),
            functools.partial(_fewer_places, money, source, "Largest sum cited, by place"),
            evidence=True,
            phone=functools.partial(_phone_places, money, source, "Largest sum cited, by place"),
        ),
        Chart(
            "figures_time",
            "Head counts over time",
            charts.figures_timeline(over_time, source),
            over_time,
            "figures",
            caption_figures_timeline(over_time),
            # Fewer labels fit a phone's plot: chosen again for its width.
            phone=functools.partial(
                charts.figures_timeline, over_time, source, plot_px=charts.PHONE_TIMELINE_PX
            ),
        ),
    ]


def _phone_places(by_place: pd.DataFrame, source: str, title: str) -> go.Figure:
    """A by-place chart with its labels placed for a phone's narrow plot, where a label that
    grows leftwards would run over the place names."""
    return _titled(charts.figures_by_place(by_place, source, plot_px=charts.PHONE_PLACE_PX), title)


def _titled(fig: go.Figure, title: str) -> go.Figure:
    """A chart under its page's own title (kept for the slide too)."""
    return charts.retitled(fig, title)


def _fewer_quantities(spread: pd.DataFrame, source: str) -> go.Figure | None:
    """The figure-spread chart for a slide: head counts before sums of money, largest first
    (the order briefing.quantities.compared gives the `quantity` column)."""
    if spread.empty:
        return None
    if "quantity" in spread:
        kept = list(dict.fromkeys(spread["quantity"]))
        key = spread["quantity"]
    else:  # a frame without quantities: one per measure, category and place
        key = pd.Series(
            list(zip(spread["measure"], spread["category"], spread["location"])),
            index=spread.index,
        )
        order = spread.assign(_q=key, _money=spread["measure"] == "money")
        order = order.groupby("_q", sort=False).agg(money=("_money", "any"), top=("value", "max"))
        kept = list(order.sort_values(["money", "top"], ascending=[True, False]).index)
    if len(kept) <= SLIDE_PANELS:
        return None
    part = spread[key.isin(kept[:SLIDE_PANELS])]
    note = f"{SLIDE_PANELS} of {len(kept)} quantities, head counts first"
    return _retitled(charts.figure_spread(part, source), note)


def _fewer_places(by_place: pd.DataFrame, source: str, title: str) -> go.Figure | None:
    """Largest figures by place for a slide: the largest rows of each measure."""
    if len(by_place) <= SLIDE_BARS:
        return None
    per_measure = max(1, SLIDE_BARS // max(1, by_place["measure"].nunique()))
    part = by_place.sort_values("largest", ascending=False).groupby("measure").head(per_measure)
    note = f"the {len(part)} largest of {len(by_place)}"
    return _retitled(_titled(charts.figures_by_place(part, source), title), note)


SLIDE_MATRIX = 8  # rows and columns of a stance matrix on a slide
# A stance matrix on a 390 px phone: its busiest targets only, so cells keep room for their
# numbers without scrolling sideways (every source stays: rows can scroll down).
PHONE_MATRIX_COLUMNS = 5
PHONE_MATRIX_LABEL = 14
SLIDE_MATRIX_LABEL = 14  # characters of its names: slanted names must leave room for the rows


def _fewer_sides(counts: pd.DataFrame, source: str, side: str) -> go.Figure:
    """The stance matrix for a slide: the most active sources and targets, with shorter names
    (whole in the data), so rows and slanted columns stay legible at projector size."""
    sources, targets = counts["source"].nunique(), counts["target"].nunique()
    fig = charts.stance_matrix(
        counts, source, top=SLIDE_MATRIX, side=side, label_width=SLIDE_MATRIX_LABEL
    )
    if max(sources, targets) <= SLIDE_MATRIX:
        return fig
    return _retitled(fig, f"the {SLIDE_MATRIX} most active sources and targets")


def _fewer_event_places(table: pd.DataFrame, source: str) -> go.Figure | None:
    places = charts.event_place(table).nunique() if not table.empty else 0
    if places <= SLIDE_BARS:
        return None
    fig = charts.events_by_place(table, source, top=SLIDE_BARS)
    return _retitled(fig, f"the {SLIDE_BARS} places with most events, of {places}")


def stances(ctx: PageContext, side: str = "country") -> list[Chart]:
    wh, f = ctx.warehouse, ctx.filters
    source = ctx.source("stances", "stances")
    counts = queries.stance_counts(wh, f, side)
    monthly = queries.stances_over_time(wh, f)
    return [
        Chart(
            "stances_bars",
            f"Stances by {side}",
            charts.stance_bars(counts, source, side=side),
            counts,
            "stances",
            caption_stances(counts, side),
            functools.partial(charts.stance_bars, counts, source, top=SLIDE_BARS, side=side),
            evidence=True,
            rows=functools.partial(evidence.stance_rows, wh, f, side),
        ),
        Chart(
            "stances_matrix",
            f"Stance matrix by {side}",
            charts.stance_matrix(counts, source, side=side),
            counts,
            "stances",
            caption_stance_matrix(counts, side),
            functools.partial(_fewer_sides, counts, source, side),
            evidence=True,
            rows=functools.partial(evidence.stance_rows, wh, f, side),
            phone=functools.partial(
                charts.stance_matrix,
                counts,
                source,
                side=side,
                label_width=PHONE_MATRIX_LABEL,
                columns=PHONE_MATRIX_COLUMNS,
            ),
        ),
        Chart(
            "stances_time",
            "Stances over time",
            charts.stances_over_time(monthly, source),
            monthly,
            "stances",
            caption_stances_over_time(monthly),
            rows=functools.partial(evidence.stance_rows, wh, f, "month"),
        ),
    ]


def actor_network(
    ctx: PageContext,
    size: int = 30,
    colour_by: str = "country",
    with_co: bool = False,
    selected: str | None = None,
) -> NetworkView:
    """The `size` most mentioned actors and the stances between them. Co-mentions always
    shape the layout (actors reported together sit together); they are drawn only when asked."""
    wh, f = ctx.warehouse, ctx.filters
    nodes = queries.network_nodes(wh, f, size)
    shown = tuple(sorted(nodes["actor_id"]))
    edges = queries.network_stance_edges(wh, f, shown)
    co_all = queries.co_mentions(wh, f, shown, 1)
    graph = network.build_graph(nodes, edges, co_all)
    placed = network.with_positions(nodes, network.layout(graph))
    draw = functools.partial(
        charts.actor_network,
        placed,
        edges,
        ctx.source("stances", "stances"),
        ctx.colours,
        colour_by,
        co_all if with_co else None,
        selected,
    )
    figure = draw()
    chart = Chart(
        "network",
        "Actor network",
        figure,
        edges,
        "stances",
        caption_network(nodes, edges, (figure.layout.meta or {}).get("labelled")),
        # Names are placed again for the slide's smaller plot and larger type.
        lambda: draw(canvas=charts.SLIDE_CANVAS),
        evidence=True,
        rows=functools.partial(evidence.stance_rows, wh, f, "actor", shown),
    )
    ties = Chart(
        "network_ties",
        "Strongest ties",
        _titled(
            charts.stance_bars(edges, ctx.source("stances", "stances"), PHONE_TIES, "actor"),
            f"Strongest ties: the {PHONE_TIES} pairs with most stances",
        ),
        network.strongest_stance_ties(edges, PHONE_TIES),
        "stances",
        caption_stances(edges, "actor"),
        evidence=True,
        rows=functools.partial(evidence.stance_rows, wh, f, "actor", shown),
    )
    return NetworkView(chart, nodes, edges, graph, ties)


def events_source(ctx: PageContext, table: pd.DataFrame, with_statements: bool) -> str:
    """The events charts' source line, counted from the rows they draw: without statement
    events (and with one sentence's identical events once) the warehouse's own count of events
    would overstate them."""
    dated = table.dropna(subset=["date"])
    first = dated.loc[dated["date"].idxmin(), "date_label"] if not dated.empty else None
    last = dated.loc[dated["date"].idxmax(), "date_label"] if not dated.empty else None
    left_out = "" if with_statements else "statement events left out (see Statements)"
    described = ctx.filters.describe(ctx.names)
    return charts.source_line(
        len(table),
        table["article_id"].nunique() if not table.empty else 0,
        first,
        last,
        " · ".join(part for part in (left_out, described) if part),
        "events",
    )


def with_places(table: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """The events `table` with `place`, the name of the place each event's location resolves to
    (missing where it names none the gazetteer knows), beside the location as written."""
    if table.empty:
        return table.assign(place=pd.Series(dtype=object))
    named = places.drop_duplicates("event_id").set_index("event_id")["place"]
    out = table.copy()
    at = list(out.columns).index("location") + 1 if "location" in out.columns else len(out.columns)
    out.insert(at, "place", out["event_id"].map(named).astype(object))
    return out


def events(ctx: PageContext, with_statements: bool = False) -> list[Chart]:
    """The Events page's charts. Statement events repeat the Statements page, so they are left
    out unless asked for."""
    wh, f = ctx.warehouse, ctx.filters
    table = queries.events_table(wh, f, with_statements=with_statements)
    if maps.has_places(wh):
        # A warehouse from before places were recorded keeps grouping by the location as
        # written (charts.event_place); `place` would be empty for every event there.
        table = with_places(table, maps.event_places(wh, tuple(table["event_id"])))
    source = events_source(ctx, table, with_statements)
    data = table.drop(columns=["event_id"])
    return [
        Chart(
            "events_timeline",
            "Timeline of events",
            charts.events_timeline(table, source),
            data,
            "events",
            caption_events_timeline(table),
            evidence=True,
        ),
        Chart(
            "events_place",
            "Events by place",
            charts.events_by_place(table, source),
            data,
            "events",
            caption_events_by_place(table),
            functools.partial(_fewer_event_places, table, source),
        ),
    ]


def whole_dashboard(ctx: PageContext) -> list[Chart]:
    """Every page's charts at their default settings, in the navigation's order."""
    return [
        *overview(ctx),
        *figures(ctx),
        *stances(ctx),
        actor_network(ctx).chart,
        *events(ctx),
    ]
