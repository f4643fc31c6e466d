"""What every chart shares: inert text, evidence keys on marks, the title that fits a phone
(`wrap_label`), the source line, `_finish` (fonts, legend, margins) and `for_slide`, labels that
never clip, time bins and number formats."""

from __future__ import annotations

import functools
import html
import math
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from briefing import theme
from briefing.evidence import mark_key
from briefing.text import shorten

HEIGHT = 460
SOURCE_ANNOTATION = "source"  # the name of the source-line annotation every figure carries
MONTH_MS = 25 * 24 * 3600 * 1000  # bar width for monthly bars on a date axis


def plain(text: object) -> object:
    """Article-derived text made inert for Plotly, which renders a subset of HTML (<a href>,
    <span style>, <b>) in labels, hover text and annotations: '<' shows as '<' but does
    nothing. Non-strings pass through."""
    return html.escape(text, quote=False) if isinstance(text, str) else text


def plain_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every text cell passed through `plain`."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(plain)
    return out


def _plain_inputs(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """Chart builders see their frames with inert text; callers keep theirs (the CSV holds the
    text as written)."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        args = tuple(plain_frame(a) if isinstance(a, pd.DataFrame) else a for a in args)
        kwargs = {
            k: plain_frame(v) if isinstance(v, pd.DataFrame) else v for k, v in kwargs.items()
        }
        return build(*args, **kwargs)

    return wrapper


def _mark(kind: str, **keys: object) -> str:
    """A mark's evidence keys (briefing.evidence.mark_key) from a builder's inputs, which
    _plain_inputs has made inert: the keys hold the values as stored, to match the warehouse."""
    return mark_key(
        kind, **{k: html.unescape(v) if isinstance(v, str) else v for k, v in keys.items()}
    )


def _marks(
    df: pd.DataFrame, kind: str, fixed: Mapping[str, object] | None = None, **columns: str
) -> list[str] | None:
    """Each row's mark key: the `fixed` keys and the `columns` (key name -> column) read from
    `df`; None when a column is missing (a frame built without ids draws, but leads to no
    evidence)."""
    if any(c not in df for c in columns.values()):
        return None
    values = zip(*(df[c] for c in columns.values()))
    return [
        _mark(
            kind,
            **(fixed or {}),
            **{k: (None if pd.isna(v) else v) for k, v in zip(columns, row)},
        )
        for row in values
    ]


def _with_marks(data: pd.DataFrame, marks: list[str] | None) -> pd.DataFrame:
    """A trace's hover customdata with the marks' evidence keys as its last column (hover
    templates index the columns before it, so they are unchanged)."""
    if marks is None:
        return data
    return data.assign(_mark=marks)


def source_line(
    rows: int,
    articles: int,
    first: date | str | None,
    last: date | str | None,
    filters: str = "",
    noun: str = "rows",
    *,
    outlets: tuple[str, ...] | None = None,
    generated: date | None = None,
    counted: str | None = None,
) -> str:
    """'Source: briefing warehouse · 12 statements from 5 articles · 2015-10 to 2020-11-11 · …'
    (dates as given: pass labels to keep their precision). Exports also name the `outlets`
    (the four with most articles, then '+N') and the day the file was `generated`."""
    plural = "" if articles == 1 else "s"
    noun = noun[:-1] if rows == 1 and noun.endswith("s") else noun
    # Rows that are articles are counted once: never "19 articles from 19 articles".
    # `counted` says what the rows are when one noun cannot ('12 figures and 7 events').
    counted = counted or f"{rows:,} {noun}"
    if not noun.startswith("article"):
        counted += f" from {articles:,} article{plural}"
    parts = ["Source: briefing warehouse", counted]
    if outlets is not None:
        more = f" +{len(outlets) - 4}" if len(outlets) > 4 else ""
        named = f"outlet{'s' if len(outlets) != 1 else ''}: {', '.join(outlets[:4])}{more}"
        parts.append(named if outlets else "outlet not recorded")
    parts.append(f"{first} to {last}" if first and last else "undated")
    if filters:
        parts.append(filters)
    if generated:
        parts.append(f"generated {generated.day} {generated:%b %Y}")
    return " · ".join(parts)


def _in_template(fig: go.Figure, name: str) -> None:
    """Give `fig` the registered template `name` without validating it again, as Plotly gives a
    new figure its default template: checking every property of a template is most of the
    server's CPU when a filter changes and each chart is drawn anew (15 ms a figure)."""
    layout = fig.layout
    layout._validate = False
    try:
        layout.template = pio.templates[name]
    finally:
        layout._validate = fig._validate


@dataclass(frozen=True)
class _Frame:
    """What _finish puts around a chart's plot, in px: worked out without touching a figure,
    so for_phone can learn a layout's margins without finishing a copy to read them."""

    title_text: str  # the title broken into lines
    source_text: str  # the source line broken into lines
    title_top: int  # from the figure's top to the title
    top: int  # the margin above the plot, without a colour key's band
    band: int  # a horizontal colour key's band under the title (0: none)
    bottom: int  # the margin under the plot
    below_axis: int  # room under the x axis for its tick labels
    foot: int  # extra room under the x axis, at this scale


def _frame(
    fig: go.Figure,
    title: str,
    source: str,
    foot: int = 0,
    *,
    scale: theme.TypeScale = theme.SCREEN,
    subtitle: str | None = None,
    key_band: int = 0,
    source_wrap: int | None = None,
    title_wrap: int | None = None,
) -> _Frame:
    """The margins and wrapped texts _finish gives `fig` with these arguments (its own)."""
    grow = scale.body / theme.SCREEN.body  # tick labels grow with the body size
    if title_wrap is None:
        title_wrap = WIDE_TITLE_CHARS if scale == theme.SCREEN else SLIDE_TITLE_CHARS
    foot = round(foot * grow)
    wrapped = _wrap(plain(source), source_wrap or scale.source_wrap)
    lines = wrapped.count("<br>") + 1
    # Plotly never wraps a title: broken between words here, so a phone's chart shows it whole.
    title_text = wrap_label(title, title_wrap)
    title_lines = title_text.count("<br>") + 1
    # Without an x axis (network, empty chart) the source line needs no room for tick labels.
    below_axis = 20 if fig.layout.xaxis.visible is False else 70
    # On screen Plotly's toolbar sits in the top-right corner: the title starts below it, so a
    # title that runs the width of a phone is never covered. A slide (an image) has no toolbar.
    title_top = theme.MODEBAR_BAND if scale == theme.SCREEN else 14
    top = title_top + round(1.6 * scale.title) + round(1.25 * scale.title) * (title_lines - 1) + 18
    if subtitle:
        top = round(
            title_top
            + 1.6 * scale.title
            + 1.25 * scale.title * (title_lines - 1)
            + 2 * scale.subtitle
            + 26
        )
    return _Frame(
        title_text=title_text,
        source_text=wrapped,
        title_top=title_top,
        top=top,
        band=round(key_band * grow) if key_band else 0,
        bottom=round(below_axis * grow) + round(1.35 * scale.small) * lines + foot,
        below_axis=below_axis,
        foot=foot,
    )


def _finish(
    fig: go.Figure,
    title: str,
    source: str,
    height: int = HEIGHT,
    legend_title: str | None = None,
    foot: int = 0,
    *,
    scale: theme.TypeScale = theme.SCREEN,
    subtitle: str | None = None,
    width: int | None = None,
    key_band: int = 0,
    source_wrap: int | None = None,
    title_wrap: int | None = None,
) -> go.Figure:
    """Title, fonts, legend and the source line; `foot` is extra room (px at screen size) below
    the x axis for tall tick labels, so the source line never sits on them. The arguments are
    kept in the layout's meta so `for_slide` can finish the same figure again at slide size and
    `for_phone` at a phone's width. The source line wraps at `source_wrap` characters (by
    default the scale's; see for_column), the title at `title_wrap` (by default the width of
    a whole page's chart on the narrowest wide screen, or a slide's): the top margin, and the
    legend or colour key under the title, follow its lines."""
    grow = scale.body / theme.SCREEN.body  # tick labels grow with the body size
    if title_wrap is None:
        title_wrap = WIDE_TITLE_CHARS if scale == theme.SCREEN else SLIDE_TITLE_CHARS
    meta = {
        "finish": {
            "title": title,
            "legend_title": legend_title,
            "foot": foot,
            "key_band": key_band,
            # Kept so the chart can be laid out again for a phone or a wider column
            # (for_phone, for_column); a slide passes its own source and subtitle.
            "source": source,
            "subtitle": subtitle,
            "title_wrap": title_wrap,
        }
    }
    frame = _frame(
        fig,
        title,
        source,
        foot,
        scale=scale,
        subtitle=subtitle,
        key_band=key_band,
        source_wrap=source_wrap,
        title_wrap=title_wrap,
    )
    foot, wrapped, title_text = frame.foot, frame.source_text, frame.title_text
    below_axis, title_top, top = frame.below_axis, frame.title_top, frame.top
    title_spec: dict = {
        "text": title_text,
        "x": 0.01,
        "xanchor": "left",
        "yref": "container",
        "y": 1 - title_top / height,
        "yanchor": "top",
        "font": {"size": scale.title, "color": theme.TEXT},
    }
    if subtitle:
        title_spec.update(
            subtitle={
                "text": plain(subtitle),
                "font": {"size": scale.subtitle, "color": theme.MUTED_TEXT},
            },
        )
    _in_template(fig, "plotly_white")
    fig.update_layout(
        title=title_spec,
        font={"family": scale.font, "size": scale.body, "color": theme.TEXT},
        height=height,
        margin={
            "l": round(20 * grow),
            "r": round(20 * grow),
            "t": top,
            "b": frame.bottom,
        },
        legend={
            "title": {"text": legend_title} if legend_title else None,
            "orientation": "v",
            "yref": "paper",  # a chart may have moved its legend (figures_by_place)
            "yanchor": "top",
            "y": 1.0,
            "xanchor": "left",
            "x": 1.01,
            "font": {"size": scale.legend},
            "tracegroupgap": 4,
        },
        hoverlabel={"font_size": theme.SCREEN.small + 1},
        meta=meta,
    )
    if width:
        fig.update_layout(width=width)
    if key_band:
        # A horizontal colour key in a band of `key_band` px (at screen size) under the title,
        # placed from the top of the figure: placed from the plot, Plotly's room for it pushes
        # the title off the top.
        band = frame.band
        fig.update_traces(
            colorbar={
                "yref": "container",
                "y": 1 - (top + 0.1 * band) / height,
                "yanchor": "top",
                "thickness": round(12 * grow),
            },
            selector={"type": "heatmap"},
        )
        fig.update_layout(margin={"t": top + band})
    fig.add_annotation(
        name=SOURCE_ANNOTATION,
        text=wrapped,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        # Start under the y-axis labels rather than under the plot, so narrow charts with
        # long category names do not push the source line off their right edge.
        xshift=-round(_label_width(fig) * grow),
        yshift=-round((below_axis - 18) * grow) - foot,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": scale.small, "color": theme.MUTED_TEXT},
    )
    fig.update_xaxes(automargin=True, title_standoff=8)
    fig.update_yaxes(automargin=True, title_standoff=8)
    return fig


def copy_figure(fig: go.Figure) -> go.Figure:
    """A copy of `fig` that shares nothing with it, made without touching it: `go.Figure(fig)`
    rewrites the source's own property dicts while it copies them (their key order), and a
    chart in the shared cache is read by many sessions' threads at once. Its template, already
    checked when the chart was finished, is not checked again (_in_template's reason: two
    thirds of a copy's CPU, and a chart's phone layout copies it three times)."""
    spec = fig.to_dict()
    template = spec.get("layout", {}).pop("template", None)
    out = go.Figure(spec)
    if template is not None:
        layout = out.layout
        layout._validate = False
        try:
            layout.template = template
        finally:
            layout._validate = out._validate
    return out


def for_slide(fig: go.Figure, subtitle: str, source: str) -> go.Figure:
    """The same chart laid out for a 16:9 slide (theme.SLIDE_LAYOUT, to be rendered at
    theme.SLIDE_SCALE): projector type sizes, the active filters as a subtitle and a fuller
    source line in place of the screen one. `fig` itself is left as it is."""
    slide = copy_figure(fig)
    finish = dict((slide.layout.meta or {}).get("finish") or {})
    title = finish.get("title") or (slide.layout.title.text or "")
    grow = theme.SLIDE.label / theme.SCREEN.label
    slide.layout.annotations = [
        _grown(a, grow) for a in slide.layout.annotations if a.name != SOURCE_ANNOTATION
    ]
    for trace in slide.data:
        size = getattr(getattr(trace, "textfont", None), "size", None)
        if isinstance(size, int | float):
            trace.textfont.size = round(size * grow)
    if slide.layout.uniformtext.minsize:
        slide.layout.uniformtext.minsize = round(slide.layout.uniformtext.minsize * grow)
    width, height = theme.SLIDE_LAYOUT
    note = finish.get("note")  # what a slide's cut of the chart leaves out (views.py)
    return _finish(
        slide,
        title,
        source,
        height=height,
        legend_title=finish.get("legend_title"),
        foot=finish.get("foot") or 0,  # at screen size: _finish grows it
        key_band=finish.get("key_band") or 0,
        scale=theme.SLIDE,
        subtitle=f"{subtitle} · {note}" if note else subtitle,
        width=width,
    )


# --- one chart at every width: a page column on a wide screen, and a phone ------------------
#
# The server does not know the screen's width, so a page draws each chart twice, for wide
# screens and for phones, and a CSS media query shows one (briefing.downloads.show_chart).

# A page's content width (px) on the narrowest wide screen laid out for (1280 px, sidebar
# open); a chart in a column of `share` of the page is that share of it.
CONTENT_PX = 850
SOURCE_CHAR_PX = 6.5  # about how wide a character of the source line is (theme.SCREEN.small)
PHONE_CHART_PX = 358  # a chart's width on a 390 px phone (16 px page padding each side)
PHONE_SOURCE_CHARS = 52  # a source-line row at a phone's width
PHONE_LEGEND_CHARS = 17  # a legend entry's line, two entries a row across a phone
PHONE_LEGEND_LINE = 18  # px of a legend line at PHONE_LEGEND_FONT
PHONE_LEGEND_FONT = 13
PHONE_PLOT_MIN = 220  # px of plot a phone chart keeps, whatever its legend and source take


def column_chars(share: float = 1.0) -> int:
    """Characters of a source-line row that fit a chart in a column of `share` of the page on
    the narrowest wide screen (never fewer than a phone's row)."""
    return max(PHONE_SOURCE_CHARS, int(CONTENT_PX * share / SOURCE_CHAR_PX))


def _source_of(fig: go.Figure) -> str | None:
    return ((fig.layout.meta or {}).get("finish") or {}).get("source")


# The layouts derived from a figure (for_column, for_phone), by id of the figure while it lives:
# a cached chart is drawn on every view of its page, and re-deriving its phone layout (two
# _finish passes) on each view tripled a warm view's CPU. Figures are unhashable, hence ids,
# each entry dropped when its figure is collected.
_DERIVED: dict[int, dict[tuple, go.Figure]] = {}
_DERIVED_LOCK = threading.Lock()


def _once_per_figure(make: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """`make(fig, *args)` computed once per live figure object and arguments. Only for figures
    that do not change once drawn (every chart a page draws: the shared cache's charts are
    never changed, tests/test_chart_cache.py)."""

    @functools.wraps(make)
    def once(fig: go.Figure, *args: object) -> go.Figure:
        key = (make.__name__, *args)
        with _DERIVED_LOCK:
            found = _DERIVED.get(id(fig), {}).get(key)
        if found is not None:
            return found
        found = make(fig, *args)
        with _DERIVED_LOCK:
            if id(fig) not in _DERIVED:
                _DERIVED[id(fig)] = {}
                weakref.finalize(fig, _DERIVED.pop, id(fig), None)
            _DERIVED[id(fig)][key] = found
        return found

    return once


@_once_per_figure
def for_column(fig: go.Figure, share: float = 1.0) -> go.Figure:
    """The chart with its source line wrapped to the width of a column of `share` of the page
    (column_chars) rather than to a phone's: the bottom margin follows its rows, so the plot
    takes what the source line gives back. A figure without a kept source line is returned
    as it is."""
    source = _source_of(fig)
    notes = [a for a in fig.layout.annotations if a.name == SOURCE_ANNOTATION]
    if source is None or not notes:
        return fig
    wrapped = _wrap(plain(source), column_chars(share))
    before = str(notes[0].text).count("<br>") + 1
    change = round(1.35 * theme.SCREEN.small) * (wrapped.count("<br>") + 1 - before)
    out = copy_figure(fig)
    out.update_annotations(text=wrapped, selector={"name": SOURCE_ANNOTATION})
    out.update_layout(margin={"b": (out.layout.margin.b or 0) + change})
    finish = (fig.layout.meta or {}).get("finish") or {}
    if finish.get("title") and finish.get("title_wrap") != title_chars(share):
        _rewrap_title(out, finish["title"], title_chars(share))
    return out


def _rewrap_title(fig: go.Figure, title: str, chars: int) -> go.Figure:
    """`fig`'s title (as given, unwrapped) broken at `chars` characters a line; the figure
    grows or shrinks by the lines it gains or loses, and everything under the title moves
    with it (_shift_top), so the plot keeps its size."""
    text = wrap_label(title, chars)  # as _finish was given it: inert already
    before = str(fig.layout.title.text or "").count("<br>") + 1
    lines = text.count("<br>") + 1
    finish = dict((fig.layout.meta or {}).get("finish") or {})
    fig.update_layout(
        title_text=text,
        meta={**(fig.layout.meta or {}), "finish": {**finish, "title_wrap": chars}},
    )
    return _shift_top(fig, round(1.25 * theme.SCREEN.title) * (lines - before))


def _shift_top(fig: go.Figure, px: int) -> go.Figure:
    """Make `px` more room (fewer when negative) under the title: the top margin and the
    figure's height grow by it, so the plot keeps its size, and what is placed in the figure's
    own pixels (container: a legend or colour key under the title, a note) moves down with the
    plot. The title stays at the top."""
    if not px:
        return fig
    height = fig.layout.height or HEIGHT
    grown = height + px

    def moved(y: float) -> float:
        return 1 - ((1 - y) * height + px) / grown

    title = fig.layout.title
    update: dict = {"height": grown, "margin": {"t": (fig.layout.margin.t or 0) + px}}
    if title.yref == "container" and title.y is not None:
        update["title"] = {"y": 1 - (1 - title.y) * height / grown}
    if fig.layout.legend.yref == "container" and fig.layout.legend.y is not None:
        update["legend"] = {"y": moved(fig.layout.legend.y)}
    fig.update_layout(**update)
    for annotation in fig.layout.annotations:
        if annotation.yref == "container" and annotation.y is not None:
            annotation.y = moved(annotation.y)
    for trace in fig.data:
        bar = getattr(trace, "colorbar", None)
        if bar is not None and bar.yref == "container" and bar.y is not None:
            bar.y = moved(bar.y)
    return fig


AXIS_TITLE_CHAR_PX = 7.5  # about how wide a character of an axis title is (theme.SCREEN.body)
AXIS_TITLE_LINE = 18  # px an axis title's extra line takes


def _x_axis_titles(fig: go.Figure) -> dict[str, str]:
    """The titles of a figure's x axes, by layout name ('xaxis', 'xaxis2', …)."""
    out = {}
    for name in fig.layout.to_plotly_json():
        if name.startswith("xaxis"):
            text = fig.layout[name].title.text
            if text:
                out[name] = str(text)
    return out


def _bottom_x_axis(fig: go.Figure) -> str:
    """The layout name of the x axis lowest in the figure (its subplot's domain starts
    lowest): its title sits above the source line."""
    names = [n for n in fig.layout.to_plotly_json() if n.startswith("xaxis")] or ["xaxis"]

    def lowest(name: str) -> float:
        anchor = fig.layout[name].anchor
        y = "yaxis" + (anchor[1:] if anchor and anchor != "free" else "")
        domain = fig.layout[y].domain if y in fig.layout.to_plotly_json() else None
        return domain[0] if domain else 0.0

    return min(names, key=lowest)


PHONE_LABEL_CHARS = 22  # a bar's category label's line at a phone's width
PHONE_LABEL_FONT = 12  # px type of a bar's category label at a phone's width
PHONE_LABEL_LINE = 15  # px a bar's row grows by per extra line of its label


def _bar_labels(fig: go.Figure) -> list[str]:
    """The category labels of a chart's horizontal bars on its first y axis, in order, each
    once (none when its bars are vertical or its y axis is numeric)."""
    seen: dict[str, None] = {}
    for trace in fig.data:
        if trace.type != "bar" or trace.orientation != "h" or trace.yaxis not in (None, "y"):
            continue
        for value in trace.y if trace.y is not None else []:
            if isinstance(value, str):
                seen.setdefault(value, None)
    return list(seen)


def legend_entries(fig: go.Figure) -> list:
    """The traces that show in the chart's legend (none when the legend is off, or only one
    trace would show: Plotly draws no legend for one)."""
    if fig.layout.showlegend is False:
        return []
    shown = [t for t in fig.data if t.showlegend is not False and t.name]
    return shown if len(shown) > 1 or fig.layout.showlegend else []


LEGEND_SYMBOL_PX = 40  # a legend entry's swatch and gaps
LEGEND_CHAR_PX = 7  # about how wide a character of a legend entry is at PHONE_LEGEND_FONT


def phone_legend_layout(plot_px: float, columns: int = 2) -> tuple[int, int]:
    """How many entries a row a phone legend holds and how many characters a line of an
    entry's name: Plotly lays a horizontal legend out within the plot's width (`plot_px`),
    in equal columns. `columns` while a name keeps ten characters a line, else one."""
    for tried in range(columns, 0, -1):
        chars = int((0.95 * plot_px / tried - LEGEND_SYMBOL_PX) / LEGEND_CHAR_PX)
        if chars >= 10 or tried == 1:
            return tried, max(chars, 6)
    return 1, 6  # `columns` below one


def phone_legend_rows(names: list[str], columns: int = 2, chars: int = PHONE_LEGEND_CHARS):
    """The lines of each row of a phone legend: `columns` entries a row, each name wrapped at
    `chars` (wrap_label), a row as tall as its tallest entry."""
    lines = [wrap_label(n, chars).count("<br>") + 1 for n in names]
    return [max(lines[i : i + columns]) for i in range(0, len(lines), columns)]


@_once_per_figure
def for_phone(fig: go.Figure) -> go.Figure:
    """The chart laid out for a phone (PHONE_CHART_PX wide): its legend below the plot, two
    entries a row with names wrapped, never beside the plot (where it takes a third of the
    width) nor above it (where it squeezes the bars); long bar labels wrapped; the source line
    in phone-width rows; as tall as the plot the wide chart has (at least PHONE_PLOT_MIN) plus
    what the title, legend and source line take. `fig` itself is left as it is; a figure not
    finished by _finish is returned as it is."""
    finish = dict((fig.layout.meta or {}).get("finish") or {})
    if "source" not in finish:
        return fig
    height = fig.layout.height or HEIGHT
    margin = fig.layout.margin
    plot = max(PHONE_PLOT_MIN, height - (margin.t or 0) - (margin.b or 0))
    labels = _bar_labels(fig)
    wrapped = {v: wrap_label(v, PHONE_LABEL_CHARS) for v in labels}
    widest = max((len(line) for w in wrapped.values() for line in w.split("<br>")), default=0)
    # The plot's width at a phone's: what the y axis's labels and the margins leave.
    plot_px = PHONE_CHART_PX - 40 - max(60, 6 * widest + 10)
    columns, chars = phone_legend_layout(plot_px)
    entries = legend_entries(fig)
    names = [str(t.name) for t in entries]
    if columns == 2 and any(wrap_label(n, chars).count("<br>") >= 3 for n in names):
        # A long entry would stand as a narrow column of four or more lines: one entry a row.
        columns, chars = phone_legend_layout(plot_px, columns=1)
    rows = phone_legend_rows(names, columns, chars)
    legend_px = 0
    if rows:
        legend_px = PHONE_LEGEND_LINE * (sum(rows) + (1 if finish.get("legend_title") else 0))
        legend_px += 6 * len(rows) + 14

    # An x axis's title longer than the phone's plot is broken between words; the lines the
    # bottom axis gains are room above the legend and source line (a `foot`).
    axis_titles = _x_axis_titles(fig)
    axis_chars = max(16, int(plot_px / AXIS_TITLE_CHAR_PX))
    wrapped_titles = {name: wrap_label(text, axis_chars) for name, text in axis_titles.items()}
    bottom = _bottom_x_axis(fig) if axis_titles else None
    gained = wrapped_titles[bottom].count("<br>") if bottom in wrapped_titles else 0
    foot = (finish.get("foot") or 0) + AXIS_TITLE_LINE * gained

    def finished(
        total: int, wrap: int | None = PHONE_SOURCE_CHARS, title_wrap: int | None = TITLE_CHARS
    ) -> go.Figure:
        again = copy_figure(fig)
        again.layout.annotations = [
            a for a in again.layout.annotations if a.name != SOURCE_ANNOTATION
        ]
        return _finish(
            again,
            finish.get("title") or str(fig.layout.title.text or ""),
            finish["source"],
            height=total,
            legend_title=finish.get("legend_title"),
            foot=foot if wrap == PHONE_SOURCE_CHARS else finish.get("foot") or 0,
            key_band=finish.get("key_band") or 0,
            subtitle=finish.get("subtitle"),
            source_wrap=wrap,
            title_wrap=title_wrap,
        )

    def frame(wrap: int | None, title_wrap: int | None, foot: int) -> _Frame:
        return _frame(
            fig,
            finish.get("title") or str(fig.layout.title.text or ""),
            finish["source"],
            foot,
            subtitle=finish.get("subtitle"),
            key_band=finish.get("key_band") or 0,
            source_wrap=wrap,
            title_wrap=title_wrap,
        )

    # Room a builder added above the plot after _finish (a panel's title) is kept; the room a
    # legend on top took is not, since the legend goes below.
    wide = frame(None, finish.get("title_wrap"), finish.get("foot") or 0)
    extra_top = (margin.t or 0) - (wide.top + wide.band)
    extra_top = max(0, extra_top - (finish.get("legend_top") or 0))
    # A wrapped category label takes more lines: its row grows so the lines do not touch.
    plot += PHONE_LABEL_LINE * sum(w.count("<br>") for w in wrapped.values())
    first = frame(PHONE_SOURCE_CHARS, TITLE_CHARS, foot)
    total = first.top + first.band + extra_top + first.bottom
    total += legend_px + plot
    phone = finished(total)
    phone.update_layout(margin={"t": (phone.layout.margin.t or 0) + extra_top})
    for name, text in wrapped_titles.items():
        if text != axis_titles[name]:
            phone.layout[name].title.text = text
    if any(w != v for v, w in wrapped.items()):
        # Long category names of a bar chart take most of a phone's width from its bars:
        # wrapped, the bars keep the room (the categories themselves are unchanged).
        phone.update_yaxes(
            tickmode="array",
            tickvals=list(wrapped),
            ticktext=list(wrapped.values()),
            tickfont={"size": PHONE_LABEL_FONT},
            selector=0,
        )
        phone.update_annotations(
            xshift=-min(240, int(5 * widest)), selector={"name": SOURCE_ANNOTATION}
        )
    if not rows:
        return phone
    listed = {id(t) for t in entries}
    for trace, original in zip(phone.data, fig.data, strict=True):
        if id(original) in listed:
            trace.name = wrap_label(str(original.name), chars)
    note = next(a for a in phone.layout.annotations if a.name == SOURCE_ANNOTATION)
    source_px = round(1.35 * theme.SCREEN.small) * (str(note.text).count("<br>") + 1)
    # From the foot up: the source line, then the legend, then the x axis's labels.
    phone.update_annotations(yshift=note.yshift - legend_px, selector={"name": SOURCE_ANNOTATION})
    phone.update_layout(
        margin={"b": (phone.layout.margin.b or 0) + legend_px},
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": (18 + source_px + legend_px - 4) / total,
            "yanchor": "top",
            "entrywidthmode": "fraction",
            "entrywidth": 0.95 / columns,
            "font": {"size": PHONE_LEGEND_FONT},
            "title": {"side": "top left"},
            "valign": "top",
        },
    )
    return phone


def _grown(annotation: go.layout.Annotation, grow: float) -> go.layout.Annotation:
    size = annotation.font.size if annotation.font else None
    if size:
        annotation = go.layout.Annotation(annotation)
        annotation.font.size = round(size * grow)
    return annotation


def _label_width(fig: go.Figure) -> int:
    """About how many pixels the widest category label on the first y axis takes."""
    labels = [
        str(v)
        for trace in fig.data
        if getattr(trace, "yaxis", "y") in ("y", None)
        and trace.type in ("bar", "heatmap", "scatter")
        for v in (trace.y if trace.y is not None else [])
        if isinstance(v, str)
    ]
    if not labels:
        return 0
    # An underestimate on purpose: too little shift costs a few pixels, too much cuts text.
    return min(240, int(5.5 * max(len(line) for v in labels for line in v.split("<br>"))))


def _wrap(text: str, width: int) -> str:
    """Break a long line at ' · ' separators with <br> so it is not cut off; a piece longer
    than a line on its own breaks between words, never inside one."""
    lines, line = [], ""
    pieces = []
    for piece in text.split(" · "):
        pieces.extend(_wrap_words(piece, width).split("<br>") if len(piece) > width else [piece])
    for piece in pieces:
        candidate = f"{line} · {piece}" if line else piece
        if len(candidate) > width and line:
            lines.append(line)
            line = piece
        else:
            line = candidate
    lines.append(line)
    return "<br>".join(lines)


# Characters of a title per line. Plotly never wraps a title and the server does not know the
# screen's width, so a title is broken for the narrowest width its layout is shown at: a phone's
# (PHONE_CHART_PX, TITLE_CHARS), a chart's column on the narrowest wide screen (title_chars) or
# a slide's 960 px layout (SLIDE_TITLE_CHARS). Plotly draws a screen title at
# theme.SCREEN.title px, about TITLE_CHAR_PX a character.
TITLE_CHARS = 36
SLIDE_TITLE_CHARS = 64
TITLE_CHAR_PX = 9.5
TITLE_SIDES_PX = 30  # the title's inset from the chart's left edge, and a little room at its right


def title_chars(share: float = 1.0) -> int:
    """Characters of a title's line that fit a chart in a column of `share` of the page on the
    narrowest wide screen (CONTENT_PX), never fewer than a phone's (TITLE_CHARS)."""
    return max(TITLE_CHARS, int((CONTENT_PX * share - TITLE_SIDES_PX) / TITLE_CHAR_PX))


WIDE_TITLE_CHARS = title_chars(1.0)


def wrap_label(text: object, width: int) -> str:
    """A title or label broken between words with <br> into lines of at most `width`
    characters (a word longer than a line keeps its own line, never cut); breaks already in
    the text stay. The one wrapping rule of every chart's titles and long labels."""
    if not isinstance(text, str):
        return "" if text is None else str(text)
    return "<br>".join(_balanced(line, width) for line in text.split("<br>"))


def _balanced(line: str, width: int) -> str:
    """`line` in as few lines of at most `width` characters as greedy breaking gives, with the
    lines as even as possible ('Statements per year,<br>by speaker's country', not a last line
    of one word)."""
    if len(line) <= width:
        return line
    greedy = _wrap_words(line, width)
    lines = greedy.count("<br>") + 1
    for target in range(math.ceil(len(line) / lines), width):
        even = _wrap_words(line, target)
        if even.count("<br>") + 1 == lines:
            return even
    return greedy


def _wrap_words(text: str, width: int) -> str:
    """Break a message between words with <br> so it fits a narrow chart."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


# A figure as written ("an estimated half a million") is never cut: its qualifier and number
# are the point. Only a runaway text (an extraction gone wrong) is shortened.
FIGURE_CHARS = 40


def _short(text: object, width: int = 40) -> str:
    """At most `width` characters, cut between words with an ellipsis (briefing.text.shorten)."""
    return shorten(text, width)


def _padded_dates(values: pd.Series, share: float = 0.15) -> list:
    """An x range a little wider than the data so end labels are not cut off."""
    dates = pd.to_datetime(values.dropna())
    if dates.empty:
        return [None, None]
    lo, hi = dates.min(), dates.max()
    pad = max((hi - lo) * share, pd.Timedelta(days=20))
    return [lo - pad, hi + pad]


def month_range(months: pd.Series, bin_months: int = 1) -> list:
    """An x range for bars of `bin_months` months: one bin of room before the first and after
    the last, so no bar is clipped at either edge."""
    starts = pd.to_datetime(months.dropna()).dt.to_period("M").dt.to_timestamp()
    if starts.empty:
        return [None, None]
    return [
        starts.min() - pd.DateOffset(months=bin_months),
        starts.max() + pd.DateOffset(months=2 * bin_months),
    ]


# Bins for counts over time: (name, months per bin, tick format), by how many years the data
# span: monthly bars over 13 years are hairlines.
TIME_BINS = {
    "month": (1, "%b %Y"),
    "quarter": (3, "%b %Y"),  # a quarter is named by its first month
    "year": (12, "%Y"),
}


def time_bin(dates: pd.Series) -> str:
    """'month' for dates spanning up to three years, 'quarter' up to eight, else 'year'."""
    days = pd.to_datetime(dates.dropna())
    if days.empty:
        return "month"
    years = (days.max() - days.min()).days / 365.25
    return "month" if years <= 3 else "quarter" if years <= 8 else "year"


def unit_of(df: pd.DataFrame) -> str:
    """The bins of counts over time: those the query binned in (its `unit`), else time_bin of
    the months."""
    if "unit" in df and not df.empty:
        return str(df["unit"].iloc[0])
    return time_bin(df["month"])


def binned(df: pd.DataFrame, count: str, keys: list[str], unit: str) -> pd.DataFrame:
    """Monthly counts (`month`, the `keys`, `count`, optionally `article_id`) summed into
    `unit` bins (time_bin): `period` (the bin's first day), the keys, the count, `articles`
    (how many articles the bar's rows come from; <NA> without article ids) and
    `one_article` (True when a bar of three or more rows comes from a single article, so one
    long article is not read as a peak).

    A frame the query binned already (`period`, its keys, the count and `articles`, see
    briefing.queries.statements_over_time) is kept as it is; summed over fewer keys, its
    articles are unknown (<NA>): an article may count under several keys."""
    if "period" in df:
        summed = df.groupby(["period", *keys], dropna=False, as_index=False, sort=True).agg(
            **{count: (count, "sum")},
            **({"articles": ("articles", "sum")} if "articles" in df else {}),
        )
        whole = "articles" in df and len(summed) == len(df)
        summed["articles"] = (
            summed["articles"].astype("Int64")
            if whole
            else pd.array([pd.NA] * len(summed), dtype="Int64")
        )
        summed["one_article"] = (summed["articles"] == 1).fillna(False).astype(bool) & (
            summed[count] >= 3
        )
        return summed
    months, _ = TIME_BINS[unit]
    out = df.copy()
    starts = pd.to_datetime(out["month"]).dt.to_period("M").dt.to_timestamp()
    out["period"] = starts.dt.to_period({1: "M", 3: "Q", 12: "Y"}[months]).dt.to_timestamp()
    has_articles = "article_id" in out
    group = ["period", *keys]
    summed = out.groupby(group, dropna=False, as_index=False).agg(
        **{count: (count, "sum")},
        **({"articles": ("article_id", "nunique")} if has_articles else {}),
    )
    if not has_articles:
        summed["articles"] = pd.array([pd.NA] * len(summed), dtype="Int64")
    summed["one_article"] = (summed["articles"] == 1).fillna(False).astype(bool) & (
        summed[count] >= 3
    )
    return summed


def _binned_bars(
    fig: go.Figure,
    part: pd.DataFrame,
    y: str,
    name: str,
    colour: str,
    unit: str,
    hover_name: str,
) -> None:
    """One stacked series of bars a bin wide, centred on their bin; a bar whose rows all come
    from one article is hatched and says so in its hover."""
    months, tick = TIME_BINS[unit]
    articles = [
        "" if pd.isna(a) else f" from {int(a)} article{'s' if a != 1 else ''}"
        for a in part["articles"]
    ]
    fig.add_bar(
        x=part["period"],
        y=part[y],
        name=name,
        width=months * MONTH_MS * (1.05 if months > 1 else 1.0),
        xperiod=f"M{months}",
        xperiodalignment="middle",
        marker={
            "color": colour,
            "pattern": {
                "shape": ["/" if one else "" for one in part["one_article"]],
                "fgcolor": theme.TEXT,
                "fgopacity": 0.45,
                "size": 6,
            },
        },
        customdata=articles,
        hovertemplate=f"{hover_name}<br>{'quarter from ' if unit == 'quarter' else ''}"
        f"%{{x|{tick}}}: %{{y}} {y}%{{customdata}}<extra></extra>",
    )


def _one_article_key(fig: go.Figure, df: pd.DataFrame) -> None:
    """A legend entry for the hatching, when some bar is hatched."""
    if df["one_article"].any():
        fig.add_bar(
            x=[None],
            y=[None],
            name="hatched: all from one article",
            marker={
                "color": "white",
                "line": {"color": theme.MUTED_TEXT, "width": 1},
                "pattern": {"shape": "/", "fgcolor": theme.TEXT, "size": 6},
            },
            hoverinfo="skip",
        )


def _count_axis(totals: pd.Series, title: str) -> dict:
    """A count axis with whole-number ticks (no half statements)."""
    axis: dict = {"title": title, "tickformat": ",d", "rangemode": "tozero"}
    if totals.empty or totals.max() < 10:
        axis["dtick"] = 1
    return axis


def when(label: object, precision: object = None) -> str:
    """A date for a hover: '2015-10 (month only)', '2016 (year only)', '2015-10-01', 'undated'."""
    if label is None or (isinstance(label, float) and math.isnan(label)) or label == "":
        return "undated"
    if precision in ("month", "year"):
        return f"{label} ({precision} only)"
    return str(label)


def spaced_labels(
    x: list[float], y: list[float], widths: list[float], height: float = 0.08
) -> list[bool]:
    """Which points get a text label: greedily, in the given order (most important first), a
    label is kept when its box does not overlap a kept one. Coordinates and widths are shares
    of the plot (0..1); a label is centred above its point."""
    kept: list[tuple[float, float, float]] = []
    chosen = []
    for xi, yi, wi in zip(x, y, widths):
        free = all(abs(xi - xk) > (wi + wk) / 2 or abs(yi - yk) > height for xk, yk, wk in kept)
        if free:
            kept.append((xi, yi, wi))
        chosen.append(free)
    return chosen


def _shares(values: pd.Series, log: bool = False) -> list[float]:
    """Positions of values as shares of their range (0..1), on a log scale if asked."""
    v = pd.to_numeric(values, errors="coerce").astype(float)
    if log:
        v = v.clip(lower=1).map(math.log10)
    lo, hi = v.min(), v.max()
    span = (hi - lo) or 1.0
    return [float((x - lo) / span) for x in v]


def empty_figure(
    title: str,
    source: str,
    message: str = "No rows under these filters. Widen the dates or clear filters in the sidebar.",
) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=_wrap_words(message, 44),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": theme.SCREEN.note, "color": theme.MUTED_TEXT},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, title, source, height=300)


def format_number(value: float) -> str:
    """5600000 -> '5.6M', 25000 -> '25K', 1234 -> '1,234'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    for size, suffix in ((1e9, "B"), (1e6, "M")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    if abs(value) >= 1e4:
        return f"{value / 1e3:,.0f}K"
    return f"{value:,.0f}"


def _legend_on_top(fig: go.Figure, per_line: int = 3) -> go.Figure:
    """A legend between the title and the plot, with room for as many lines as it takes at
    phone width (`per_line` entries a line): a legend at the right takes a third of a phone's
    width from the plot."""
    top = fig.layout.margin.t or 70
    height = fig.layout.height or HEIGHT
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    lines = max(1, math.ceil(len(names) / per_line))
    finish = dict((fig.layout.meta or {}).get("finish") or {})
    # The room it takes, which a phone's layout (for_phone) gives back: its legend is below.
    meta = {**(fig.layout.meta or {}), "finish": {**finish, "legend_top": 8 + 24 * lines}}
    fig.update_layout(
        meta=meta,
        showlegend=len(names) > 1,  # one name needs no key: the title says what it is
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1 - (top - 14) / height,
            "yanchor": "top",
            "title": {"text": ""},
        },
        margin={"t": top + 8 + 24 * lines},
    )
    return _title_at_top(fig)


def retitled(fig: go.Figure, title: str) -> go.Figure:
    """A finished chart under another title (kept in its meta for the slide, which wraps it
    again at slide width), wrapped as _finish wrapped the one it replaces, with the top margin
    and what sits under the title moved by the lines it gains (_shift_top)."""
    finish = dict((fig.layout.meta or {}).get("finish") or {})
    fig.update_layout(meta={**(fig.layout.meta or {}), "finish": {**finish, "title": title}})
    return _rewrap_title(fig, title, finish.get("title_wrap") or WIDE_TITLE_CHARS)


def _title_at_top(fig: go.Figure) -> go.Figure:
    """Keep the title at the top of the figure: Plotly centres it in the top margin, so a
    margin grown for a legend or a panel title would bring it down onto them."""
    height = fig.layout.height or HEIGHT
    return fig.update_layout(
        title={"yref": "container", "y": 1 - theme.MODEBAR_BAND / height, "yanchor": "top"}
    )


def _away_from_edge(share: float) -> str:
    """Where a label sits beside its point at `share` (0..1) of the axis: growing rightwards
    near the left edge, leftwards near the right edge, centred in the middle."""
    return "right" if share < 0.35 else "left" if share > 0.65 else "center"


def _tall_enough(finished: Callable[[int], go.Figure], plot: int, least: int = 340) -> go.Figure:
    """A chart finished (`finished(height)`) as tall as its margins (title, legend, source
    line, which grow with their lines) plus `plot` pixels for its rows: finished once to learn
    the margins, again at the height they need (titles and legends are placed from it)."""
    first = finished(least)
    margin = first.layout.margin
    needed = (margin.t or 0) + (margin.b or 0) + plot
    return first if needed <= least else finished(needed)
