"""Chart builders: a DataFrame in, a Plotly figure out, nothing else.

Every figure carries a title and a source line (rows, articles, date range, filters) at its foot,
so a screenshot stands alone on a slide. An empty frame gives a figure that says so.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from briefing import quantities, theme
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
) -> go.Figure:
    """Title, fonts, legend and the source line; `foot` is extra room (px at screen size) below
    the x axis for tall tick labels, so the source line never sits on them. The arguments are
    kept in the layout's meta so `for_slide` can finish the same figure again at slide size."""
    grow = scale.body / theme.SCREEN.body  # tick labels grow with the body size
    meta = {
        "finish": {"title": title, "legend_title": legend_title, "foot": foot, "key_band": key_band}
    }
    foot = round(foot * grow)
    wrapped = _wrap(plain(source), scale.source_wrap)
    lines = wrapped.count("<br>") + 1
    # Plotly never wraps a title: broken between words here, so a phone's chart shows it whole.
    title_text = wrap_label(title, TITLE_CHARS if scale == theme.SCREEN else SLIDE_TITLE_CHARS)
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
    fig.update_layout(
        template="plotly_white",
        title=title_spec,
        font={"family": scale.font, "size": scale.body, "color": theme.TEXT},
        height=height,
        margin={
            "l": round(20 * grow),
            "r": round(20 * grow),
            "t": top,
            "b": round(below_axis * grow) + round(1.35 * scale.small) * lines + foot,
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
        band = round(key_band * grow)
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


def for_slide(fig: go.Figure, subtitle: str, source: str) -> go.Figure:
    """The same chart laid out for a 16:9 slide (theme.SLIDE_LAYOUT, to be rendered at
    theme.SLIDE_SCALE): projector type sizes, the active filters as a subtitle and a fuller
    source line in place of the screen one. `fig` itself is left as it is."""
    slide = go.Figure(fig)
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


# Characters of a title per line: a screen chart's title fits a phone's 390 px width (Plotly
# draws it at theme.SCREEN.title px, about 9 px a character); a slide's fits its 960 px layout.
TITLE_CHARS = 36
SLIDE_TITLE_CHARS = 64


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


def binned(df: pd.DataFrame, count: str, keys: list[str], unit: str) -> pd.DataFrame:
    """Monthly counts (`month`, the `keys`, `count`, optionally `article_id`) summed into
    `unit` bins (time_bin): `period` (the bin's first day), the keys, the count, `articles`
    (how many articles the bar's rows come from; <NA> without article ids) and
    `one_article` (True when a bar of three or more rows comes from a single article, so one
    long article is not read as a peak)."""
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


# --- Overview ----------------------------------------------------------------------------


@_plain_inputs
def stance_balance(df: pd.DataFrame, source: str) -> go.Figure:
    """Bars of stances per polarity (columns: polarity, stances)."""
    title = "Balance of stances"
    if df.empty:
        return empty_figure(title, source)
    df = (
        df.set_index("polarity")
        .reindex(list(theme.POLARITY_ORDER))
        .fillna({"stances": 0})
        .reset_index()
    )
    fig = go.Figure(
        go.Bar(
            x=df["stances"],
            y=df["polarity"],
            orientation="h",
            text=df["stances"].astype(int),
            textposition="auto",
            marker_color=[theme.POLARITY_COLOURS[p] for p in df["polarity"]],
            hovertemplate="%{y}: %{x} stances<extra></extra>",
        )
    )
    fig.update_xaxes(title="stances", dtick=1 if df["stances"].max() < 10 else None)
    return _finish(fig, title, source, height=320)


@_plain_inputs
def statements_over_time(
    df: pd.DataFrame, source: str, colours: Mapping[str, str], top: int = 8
) -> go.Figure:
    """Stacked bars of statements by speaker country (month, country_id, country, statements,
    optionally article_id) per month, quarter or year as the span demands (time_bin)."""
    if df.empty:
        return empty_figure("Statements over time, by speaker's country", source)
    unit = time_bin(df["month"])
    title = f"Statements per {unit}, by speaker's country"
    df = df.copy()
    df["country"] = df["country"].fillna(theme.NO_COUNTRY)
    totals = df.groupby("country")["statements"].sum().sort_values(ascending=False)
    keep = set(totals.index[:top])
    df.loc[~df["country"].isin(keep), ["country", "country_id"]] = ["other", None]
    df = binned(df, "statements", ["country", "country_id"], unit)
    fig = go.Figure()
    order = [c for c in totals.index if c in keep] + (
        ["other"] if (df["country"] == "other").any() else []
    )
    for country in order:
        part = df[df["country"] == country]
        cid = part["country_id"].iloc[0] if not part.empty else None
        colour = (
            theme.OTHER_GROUP
            if country == "other"
            else theme.colour_for(cid if isinstance(cid, str) else None, colours)
        )
        _binned_bars(fig, part, "statements", country, colour, unit, country)
    _one_article_key(fig, df)
    fig.update_layout(barmode="stack")
    months, tick = TIME_BINS[unit]
    fig.update_xaxes(title=None, tickformat=tick, range=month_range(df["period"], months))
    fig.update_yaxes(**_count_axis(df.groupby("period")["statements"].sum(), "statements"))
    return _finish(fig, title, source)


@_plain_inputs
def most_cited_figures(df: pd.DataFrame, source: str) -> go.Figure:
    """Horizontal bars of the figures cited by most articles (category, location, value,
    value_text, citations, cited_by). Who cited it is written inside the bar, never past the
    plot's edge; labels that do not fit are left to the hover."""
    title = "Most cited humanitarian figures"
    if df.empty:
        return empty_figure(title, source)
    df = df.iloc[::-1].copy()
    labels = [
        f"{_short(v, FIGURE_CHARS)} {c.replace('_', ' ')} · {_short(loc, 22) or 'unspecified'}"
        for v, c, loc in zip(_figure_texts(df), df["category"], df["location"])
    ]
    cited_by = [
        _short(w, 40) if isinstance(w, str) and w else "source not stated" for w in df["cited_by"]
    ]
    fig = go.Figure(
        go.Bar(
            x=df["citations"],
            y=labels,
            orientation="h",
            marker_color=[theme.CATEGORY_COLOURS.get(c, theme.UNKNOWN) for c in df["category"]],
            text=[w if w == "source not stated" else f"cited by {w}" for w in cited_by],
            textposition="inside",
            insidetextanchor="start",
            textfont={
                "color": [
                    theme.text_on(theme.CATEGORY_COLOURS.get(c, theme.UNKNOWN))
                    for c in df["category"]
                ]
            },
            hovertemplate="%{y}<br>%{x} article(s)<br>%{text}<extra></extra>",
        )
    )
    fig.update_layout(uniformtext={"minsize": theme.SCREEN.label - 1, "mode": "hide"})
    fig.update_xaxes(
        title="articles citing it",
        dtick=1 if df["citations"].max() < 10 else None,
        range=[0, df["citations"].max() * 1.02],
    )
    return _finish(fig, title, source, height=max(340, 120 + 34 * len(df)))


# --- Humanitarian figures ----------------------------------------------------------------

CURRENCY_NAMES = {"$": "dollars ($)", "€": "euros (€)", "£": "pounds (£)", "¥": "yen or yuan (¥)"}
LOG_NOTE = "log scale, ×10 a gridline"
SPREAD_ROOM = 1.15  # the spread's axis runs to 115% of its largest value


def _panels(df: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """People first, then money one currency at a time, each on its own axis: dollars and
    euros are never drawn on one scale (rows without `measure` count people)."""
    measure = df["measure"] if "measure" in df else pd.Series("people", index=df.index)
    currency = (
        df["currency"].map(lambda c: c if isinstance(c, str) else "")
        if "currency" in df
        else pd.Series("", index=df.index)
    )
    out = []
    people = df[measure != "money"]
    if not people.empty:
        out.append(("people", "", people))
    for sign in sorted(set(currency[measure == "money"]), key=lambda c: (c == "", c)):
        out.append(("money", sign, df[(measure == "money") & (currency == sign)]))
    return out


def _measures(df: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """People and money apart (rows without a `measure` column count people)."""
    return [(m, part) for m, _sign, part in _panels(df)]


def panel_title(measure: str, currency: str) -> str:
    if measure != "money":
        return "people"
    return (
        f"money in {CURRENCY_NAMES[currency]}"
        if currency in CURRENCY_NAMES
        else (f"money ({currency})" if currency else "money (currency not stated)")
    )


def value_axis(values: pd.Series, measure: str = "people", currency: str = "") -> dict:
    """Axis settings for figures: linear from zero with whole-number ticks, or (when the values
    span more than a hundredfold) a log axis that says so in its title; money is written as
    money ('$500M', '€3B'), never with SI prefixes ('500M' not '0.5G')."""
    positive = pd.to_numeric(values, errors="coerce").dropna()
    positive = positive[positive > 0]
    top = float(positive.max()) if not positive.empty else 1.0
    log = not positive.empty and top / max(float(positive.min()), 1.0) > 100
    name = panel_title(measure, currency)
    axis: dict = {"exponentformat": "B", "separatethousands": True}
    if measure == "money" and currency:
        axis["tickprefix"] = currency
    if log:
        axis.update(type="log", dtick=1, title=f"{name} ({LOG_NOTE})")
    else:
        axis.update(title=name, rangemode="tozero")
        if top < 10:
            axis["dtick"] = 1  # no half-person ticks
    return axis


def money_axis(currencies: pd.Series) -> dict:
    """Axis settings for money: the currency sign as tick prefix when there is one."""
    signs = sorted({c for c in currencies.dropna() if c})
    if len(signs) == 1:
        return {
            "tickprefix": signs[0],
            "exponentformat": "B",
            "title": panel_title("money", signs[0]),
        }
    title = "money (mixed currencies)" if signs else "money (currency not stated)"
    return {"exponentformat": "B", "title": title}


def _figure_texts(df: pd.DataFrame, text: str = "value_text", value: str = "value") -> list[str]:
    """Each row's figure as written, with its qualifier and (for money) its currency."""
    texts = df[text] if text in df else pd.Series([None] * len(df), index=df.index)
    qualifiers = (
        df["qualifier"] if "qualifier" in df else pd.Series([None] * len(df), index=df.index)
    )
    currencies = (
        df["currency"].where(df["measure"] == "money", "")
        if "currency" in df and "measure" in df
        else pd.Series([""] * len(df), index=df.index)
    )
    numbers = df[value] if value in df else pd.Series([None] * len(df), index=df.index)
    return [
        quantities.figure_text(t if isinstance(t, str) and t else format_number(n), q, c)
        for t, q, c, n in zip(texts, qualifiers, currencies, numbers)
    ]


def _log_range(values: pd.Series, right: float = 0.9) -> list[float]:
    """A log axis range with room on the right for labels written after the largest dot."""
    positive = values[values > 0]
    lo = math.log10(max(float(positive.min()), 1.0)) if not positive.empty else 0.0
    hi = math.log10(float(positive.max())) if not positive.empty else 1.0
    return [math.floor(lo) - 0.1, hi + right]


@_plain_inputs
def figures_by_place(df: pd.DataFrame, source: str) -> go.Figure:
    """Largest value cited per category and place, as dots (measure, currency, category,
    location, largest, largest_text, qualifier, figures, articles, figure_ids): head counts
    and each currency in separate panels on their own axes, a dot's label the figure as
    written with its qualifier. Dots, not bars: on a log axis a bar's length means nothing."""
    title = "Largest figure cited, by place"
    if df.empty:
        return empty_figure(
            title,
            source,
            "No such figures under these filters. Troops and other figures are drawn when "
            "chosen under Figure category.",
        )
    df = df.copy()
    df["shown"] = _figure_texts(df, "largest_text", "largest")
    # One row per place and category (just the place where the panel counts one category):
    # dots and labels never sit on each other, and the row says what its colour means, so the
    # chart needs no legend (a legend takes a third of a phone's width).
    panel_key = [
        (m, c)
        for m, c in zip(
            df["measure"] if "measure" in df else ["people"] * len(df),
            df["currency"] if "currency" in df else [""] * len(df),
        )
    ]
    several = df.assign(_p=panel_key).groupby("_p")["category"].transform("nunique")
    places = df["location"].replace("unspecified", "no place stated")
    df["row"] = [
        f"{place} · {str(category).replace('_', ' ')}" if n > 1 else place
        for place, category, n in zip(places, df["category"], several)
    ]
    panels = _panels(df)
    rows = [part["row"].nunique() for *_, part in panels]
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=[r / sum(rows) for r in rows],
        vertical_spacing=min(0.2, 0.5 / len(panels)) if len(panels) > 1 else 0.0,
        subplot_titles=[panel_title(m, c).capitalize() for m, c, _ in panels]
        if len(panels) > 1
        else None,
    )
    shown: set[str] = set()
    for row, (measure, currency, part) in enumerate(panels, start=1):
        places = list(part.sort_values("largest")["row"].drop_duplicates())
        for category, group in part.groupby("category", sort=False):
            ids = "figure_ids" in group
            marks = (
                [_mark("figures", ids=list(i)) for i in group["figure_ids"]]
                if ids
                else _marks(
                    group,
                    "figures",
                    {"measure": measure, "category": category},
                    location="location",
                    currency="currency",
                )
            )
            fig.add_scatter(
                x=group["largest"],
                y=group["row"],
                mode="markers+text",
                name=category.replace("_", " "),
                legendgroup=category,
                showlegend=category not in shown,
                marker={
                    "size": 13,
                    "color": theme.CATEGORY_COLOURS.get(category, theme.UNKNOWN),
                    "line": {"width": 1, "color": "white"},
                },
                text=[_short(t, FIGURE_CHARS) for t in group["shown"]],
                # Beside the dot, on the side away from the nearer edge of the axis.
                textposition=[
                    "middle " + ("right" if x < 0.45 else "left")
                    for x in _axis_shares(group["largest"], part)
                ],
                textfont={"size": theme.SCREEN.label},
                cliponaxis=False,
                customdata=_with_marks(group[["figures", "articles", "shown"]], marks),
                hovertemplate="%{y} · " + category.replace("_", " ") + "<br>largest: "
                "%{customdata[2]}<br>%{customdata[0]} figure(s) in %{customdata[1]} article(s)"
                "<extra></extra>",
                row=row,
                col=1,
            )
            shown.add(category)
        # Half a row of room above the top dot, so a panel title never sits on it.
        fig.update_yaxes(
            categoryorder="array",
            categoryarray=places,
            range=[-0.6, len(places) - 0.2],
            row=row,
            col=1,
        )
        axis = value_axis(part["largest"], measure, currency)
        if axis.get("type") == "log":
            axis["range"] = _log_range(part["largest"])
        else:
            axis["range"] = [0, float(part["largest"].max()) * 1.5]
        fig.update_xaxes(**axis, row=row, col=1)
    fig.update_layout(showlegend=False)
    return _finish(fig, title, source, height=max(360, 120 * len(panels) + 30 * sum(rows)))


def _axis_shares(values: pd.Series, panel: pd.DataFrame) -> list[float]:
    """Where `values` sit along their panel's value axis (0..1), as figures_by_place draws it:
    log when value_axis says so, with _log_range's room, else linear from zero."""
    axis = value_axis(panel["largest"])
    if axis.get("type") == "log":
        lo, hi = _log_range(panel["largest"])
        return [(math.log10(max(float(v), 1.0)) - lo) / (hi - lo) for v in values]
    top = float(panel["largest"].max()) * 1.5 or 1.0
    return [float(v) / top for v in values]


def _legend_on_top(fig: go.Figure, per_line: int = 3) -> go.Figure:
    """A legend between the title and the plot, with room for as many lines as it takes at
    phone width (`per_line` entries a line): a legend at the right takes a third of a phone's
    width from the plot."""
    top = fig.layout.margin.t or 70
    height = fig.layout.height or HEIGHT
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    lines = max(1, math.ceil(len(names) / per_line))
    fig.update_layout(
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


@_plain_inputs
def figures_timeline(df: pd.DataFrame, source: str) -> go.Figure:
    """Head counts by as-of date, one dot per citation (as_of, as_of_label, precision, value,
    value_text, qualifier, category, location, cited_by, outlet). Money has its own chart
    (figures_by_place) and is left out here. A text label goes on a dot only where it collides
    with no other label (largest values first); every dot says who cited it in its hover."""
    title = "Head counts over time (as-of date)"
    if not df.empty and "measure" in df:
        df = df[df["measure"] != "money"]
    if df.empty:
        return empty_figure(title, source, "No dated head counts under these filters.")
    df = df.copy()
    if "as_of_label" not in df:
        df["as_of_label"] = pd.to_datetime(df["as_of"]).dt.strftime("%Y-%m-%d")
    if "precision" not in df:
        df["precision"] = "day"
    df["when"] = [when(lab, p) for lab, p in zip(df["as_of_label"], df["precision"])]
    df["shown"] = _figure_texts(df)
    df["label"] = [
        f"{_short(c, 20)}: {_short(v, FIGURE_CHARS)}" for c, v in zip(df["cited_by"], df["shown"])
    ]
    x_share = _shares(pd.to_datetime(df["as_of"]).map(pd.Timestamp.timestamp))
    df["x_share"] = [0.06 + 0.88 * x for x in x_share]  # within the padded date range
    axis = value_axis(df["value"])
    log = axis.get("type") == "log"
    order = df.sort_values("value", ascending=False)
    # Label width as a share of a half-page chart (~420 px of plot, ~6.5 px a character).
    widths = [min(0.6, 0.016 * len(t)) for t in order["label"]]
    # Labels near an edge grow inwards (their box centre shifts by half a width).
    centres = [
        x + w / 2 if x < 0.25 else x - w / 2 if x > 0.75 else x
        for x, w in zip(order["x_share"], widths)
    ]
    labelled = spaced_labels(centres, _shares(order["value"], log), widths, height=0.1)
    keep = dict(zip(order.index, labelled))
    fig = go.Figure()
    for category, group in df.groupby("category", sort=False):
        fig.add_scatter(
            x=group["as_of"],
            y=group["value"],
            mode="markers+text",
            name=category.replace("_", " "),
            legendgroup=category,
            marker={
                "size": 12,
                "color": theme.CATEGORY_COLOURS.get(category, theme.UNKNOWN),
                "line": {"width": 1, "color": "white"},
            },
            text=[lab if keep[i] else "" for i, lab in zip(group.index, group["label"])],
            textposition=[
                "top right" if x < 0.25 else "top left" if x > 0.75 else "top center"
                for x in group["x_share"]
            ],
            textfont={"size": theme.SCREEN.label},
            customdata=group[["shown", "location", "cited_by", "outlet", "when"]].fillna(""),
            hovertemplate="%{customdata[0]} "
            + category.replace("_", " ")
            + " · %{customdata[1]}<br>cited by %{customdata[2]} in %{customdata[3]}"
            "<br>as of %{customdata[4]}<extra></extra>",
        )
    if log:
        axis["range"] = _log_range(df["value"], right=0.5)
    else:
        axis["range"] = [0, float(df["value"].max()) * 1.2]
    fig.update_yaxes(**axis)
    fig.update_traces(cliponaxis=False)
    fig.update_xaxes(range=_padded_dates(df["as_of"], share=0.07))
    return _legend_on_top(_finish(fig, title, source, height=500))


def _spread_titles(df: pd.DataFrame) -> dict[object, str]:
    """Each quantity's panel title, two short lines that fit a phone: what it counts, where and
    when; then how many values and who cited them."""
    titles = {}
    for quantity, part in df.groupby("quantity", sort=False):
        named = [c for c in dict.fromkeys(part["cited_by"].dropna()) if c != quantities.NOT_STATED]
        unnamed = (part["cited_by"].fillna(quantities.NOT_STATED) == quantities.NOT_STATED).any()
        label = f"<b>{part['quantity_label'].iloc[0]}</b>"
        if isinstance(part["period"].iloc[0], str) and part["period"].iloc[0]:
            label += f" · {part['period'].iloc[0]}"
        values = f"{part['value'].nunique()} values"
        if not named:
            who = f"{values}, no source stated"
        elif len(named) == 1 and not unnamed:
            who = f"{values}, every one from {_short(named[0], 30)}"
        elif len(named) == 1:
            who = f"{values} from {_short(named[0], 30)} and an unstated source"
        else:
            extra = " and an unstated one" if unnamed else ""
            who = f"{values} from {len(named)} named sources{extra}"
        titles[quantity] = f"{label}<br>{_wrap_words(who, 40)}"
    return titles


@_plain_inputs
def figure_spread(df: pd.DataFrame, source: str) -> go.Figure:
    """Where sources disagree on the same quantity (briefing.quantities: category, population,
    place, currency and compatible dates): one panel per quantity on its own scale, every value
    cited with its qualifier, who cited it and when, and a line from the lowest to the
    highest. The lowest value's label grows rightwards and the highest's leftwards, so no label
    leaves the chart; neighbouring labels alternate above and below their points."""
    title = "Same quantity, different numbers"
    if df.empty:
        return empty_figure(
            title,
            source,
            "No quantity is cited with different values under these filters (the same "
            "category, people, place and period). Widen the dates or clear the country and "
            "category filters to compare sources.",
        )
    df = df.copy()
    for column, default in (("measure", "people"), ("currency", ""), ("subject", "")):
        if column not in df:
            df[column] = default
    df["currency"] = df["currency"].map(lambda c: c if isinstance(c, str) else "")
    if "as_of_label" not in df:
        df["as_of_label"] = [str(d)[:10] if pd.notna(d) else None for d in df["as_of"]]
    if "quantity" not in df:
        df["quantity"] = list(zip(df["measure"], df["currency"], df["category"], df["location"]))
        df["quantity_label"] = [
            f"{c.replace('_', ' ')} · {panel_title(m, cur)} · {_short(loc, 28)}"
            for c, loc, m, cur in zip(df["category"], df["location"], df["measure"], df["currency"])
        ]
        df["period"] = None
    df["shown"] = _figure_texts(df)
    titles = _spread_titles(df)
    quantities_shown = list(dict.fromkeys(df["quantity"]))
    fig = make_subplots(
        rows=len(quantities_shown),
        cols=1,
        subplot_titles=[titles[q] for q in quantities_shown],
        vertical_spacing=0.5 / len(quantities_shown),
    )
    for row, quantity in enumerate(quantities_shown, start=1):
        part = df[df["quantity"] == quantity].sort_values("value", kind="stable")
        top = float(part["value"].max()) or 1.0
        fig.add_scatter(
            x=[part["value"].min(), part["value"].max()],
            y=[0, 0],
            mode="lines",
            line={"color": "#BBBBBB", "width": 6},
            showlegend=False,
            hoverinfo="skip",
            row=row,
            col=1,
        )
        ids = "figure_ids" in part
        marks = _marks(
            part,
            "figures",
            measure="measure",
            category="category",
            location="location",
            value="value",
        )
        if ids:
            marks = [
                _mark("figures", ids=list(i), value=v)
                for i, v in zip(part["figure_ids"], part["value"])
            ]
        fig.add_scatter(
            x=part["value"],
            y=[0] * len(part),
            mode="markers+text",
            showlegend=False,
            marker={
                "size": 14,
                "color": [theme.CATEGORY_COLOURS.get(c, theme.UNKNOWN) for c in part["category"]],
                "line": {"width": 1, "color": "white"},
            },
            # Two short lines (the figure, then who and when) so a label fits a phone too.
            text=[
                f"<b>{_short(v, FIGURE_CHARS)}</b><br>{_short(c, 22)} ({y or 'undated'})"
                for v, c, y in zip(part["shown"], part["cited_by"], part["as_of_label"])
            ],
            # A label grows away from the nearer edge of the axis, so it never leaves the chart.
            textposition=[
                ("top " if i % 2 == 0 else "bottom ") + _away_from_edge(v / (top * SPREAD_ROOM))
                for i, v in enumerate(part["value"])
            ],
            textfont={"size": theme.SCREEN.label},
            customdata=_with_marks(
                part[
                    ["shown", "cited_by", "outlets", "citations", "subject", "as_of_label"]
                ].fillna(""),
                marks,
            ),
            hovertemplate="%{customdata[0]} (%{customdata[4]})<br>cited by %{customdata[1]}"
            " as of %{customdata[5]}<br>in %{customdata[2]} (%{customdata[3]} citation(s))"
            "<extra></extra>",
            cliponaxis=False,
            row=row,
            col=1,
        )
        measure, currency = part["measure"].iloc[0], part["currency"].iloc[0]
        axis = {"exponentformat": "B", "separatethousands": True, "title": None}
        if measure == "money" and currency:
            axis["tickprefix"] = currency
        if float(part["value"].max()) < 10:
            axis["dtick"] = 1
        fig.update_xaxes(range=[0, top * SPREAD_ROOM], **axis, row=row, col=1)
        fig.update_yaxes(visible=False, range=[-1.3, 1.3], row=row, col=1)
    for annotation in fig.layout.annotations:  # panel titles start at the left edge
        annotation.update(x=0, xanchor="left", align="left")
    fig = _finish(fig, title, source, height=170 + 190 * len(quantities_shown))
    # Room under the chart's title for the first panel's title (two or three lines).
    lines = titles[quantities_shown[0]].count("<br>") + 1
    _title_at_top(fig)
    return fig.update_layout(margin={"t": (fig.layout.margin.t or 70) + 20 * lines})


def retitled(fig: go.Figure, title: str) -> go.Figure:
    """A finished chart under another title (kept in its meta for the slide, which wraps it
    again at slide width), wrapped as _finish wraps titles, with the top margin and a legend
    on top moved down by the lines it gains."""
    finish = dict((fig.layout.meta or {}).get("finish") or {})
    before = str(fig.layout.title.text or "").count("<br>") + 1
    text = wrap_label(title, TITLE_CHARS)
    grown = round(1.25 * theme.SCREEN.title) * (text.count("<br>") + 1 - before)
    height = fig.layout.height or HEIGHT
    fig.update_layout(
        title_text=text,
        meta={"finish": {**finish, "title": title}},
        margin={"t": (fig.layout.margin.t or 70) + grown},
    )
    if fig.layout.legend.yref == "container" and fig.layout.legend.y is not None:
        fig.update_layout(legend={"y": fig.layout.legend.y - grown / height})
    return fig


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


# --- Stances -----------------------------------------------------------------------------


@_plain_inputs
def stance_bars(df: pd.DataFrame, source: str, top: int = 20, side: str = "country") -> go.Figure:
    """Stacked horizontal bars of stances per source → target pair (source, target, polarity, stances)."""
    title = f"Who criticises or supports whom (by {side})"
    if df.empty:
        return empty_figure(title, source)
    df = df.copy()
    # A long pair takes two lines (source →, target) rather than a phone's whole width.
    df["pair"] = [pair_label(s, t) for s, t in zip(df["source"], df["target"])]
    totals = df.groupby("pair")["stances"].sum().sort_values(ascending=False)
    pairs = list(totals.index[:top])
    df = df[df["pair"].isin(pairs)]
    fig = go.Figure()
    for polarity in theme.POLARITY_ORDER:
        part = df[df["polarity"] == polarity]
        if part.empty:
            continue
        marks = _marks(
            part,
            "stances",
            {"side": side},
            source="source_id",
            target="target_id",
            polarity="polarity",
        )
        fig.add_bar(
            x=part["stances"],
            y=part["pair"],
            orientation="h",
            name=polarity,
            marker_color=theme.POLARITY_COLOURS[polarity],
            hovertemplate="%{y}<br>" + polarity + ": %{x}<extra></extra>",
            customdata=None if marks is None else [[m] for m in marks],
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=pairs[::-1], title=None)
    fig.update_xaxes(title="stances", dtick=1 if totals.max() < 10 else None)
    subtitle = f" (top {top} of {len(totals)} pairs)" if len(totals) > top else ""
    row = 34 if any("<br>" in p for p in pairs) else 26

    def finished(height: int) -> go.Figure:
        done = _finish(go.Figure(fig), title + subtitle, source, height, legend_title="polarity")
        return _legend_on_top(done)

    return _tall_enough(finished, row * len(pairs))


def _tall_enough(finished: Callable[[int], go.Figure], plot: int, least: int = 340) -> go.Figure:
    """A chart finished (`finished(height)`) as tall as its margins (title, legend, source
    line, which grow with their lines) plus `plot` pixels for its rows: finished once to learn
    the margins, again at the height they need (titles and legends are placed from it)."""
    first = finished(least)
    margin = first.layout.margin
    needed = (margin.t or 0) + (margin.b or 0) + plot
    return first if needed <= least else finished(needed)


PAIR_CHARS = 24  # characters of a 'source → target' label line; a longer pair takes two lines


def pair_label(source: object, target: object) -> str:
    """'Canada → Russia', or for a long pair 'Alexander Darchiev →<br>United States': broken
    at the arrow, so a phone's chart keeps its bars (each name shortened past 26 characters;
    the hover and the data have it whole)."""
    one = f"{_short(source, 26)} → {_short(target, 26)}"
    return one if len(one) <= PAIR_CHARS else f"{_short(source, 26)} →<br>{_short(target, 26)}"


def short_labels(names: list[str], width: int) -> list[str]:
    """Each name shortened to `width` characters with '…', distinct: two names that shorten
    alike are told apart by a number, so no two rows or columns merge into one."""
    out: list[str] = []
    for name in names:
        label = _short(name, width)
        if label in out:
            n = 2
            while f"{_short(name, width - 3)} {n}" in out:
                n += 1
            label = f"{_short(name, width - 3)} {n}"
        out.append(label)
    return out


def _signed(n: int) -> str:
    """'+3', '−2' (a true minus), '0'."""
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"


MATRIX_LABEL = 22  # characters of a row or column name; the hover has it whole


@_plain_inputs
def stance_matrix(
    df: pd.DataFrame,
    source: str,
    top: int = 15,
    side: str = "country",
    label_width: int = MATRIX_LABEL,
) -> go.Figure:
    """Source × target heatmap of net tone. Colour and number say the same thing: the number
    is the net count (supportive − critical stances, signed), the colour that net as a share
    of all stances between the pair (−1 all critical … +1 all supportive); the hover gives the
    count of each polarity. Names are shortened (never alike) and slanted so that columns
    never collide; the hover has them whole."""
    title = f"Stance matrix: source {side} (rows) × target (columns)"
    if df.empty:
        return empty_figure(title, source)
    wide = df.pivot_table(
        index=["source", "target"],
        columns="polarity",
        values="stances",
        aggfunc="sum",
        fill_value=0,
    )
    for polarity in theme.POLARITY_ORDER:
        if polarity not in wide:
            wide[polarity] = 0
    wide["total"] = wide[list(theme.POLARITY_ORDER)].sum(axis=1)
    wide["balance"] = wide["supportive"] - wide["critical"]
    wide["net"] = wide["balance"] / wide["total"]
    wide = wide.reset_index()
    sources = list(wide.groupby("source")["total"].sum().sort_values(ascending=False).index[:top])
    targets = list(wide.groupby("target")["total"].sum().sort_values(ascending=False).index[:top])
    wide = wide[wide["source"].isin(sources) & wide["target"].isin(targets)]
    row_label = dict(zip(sources, short_labels(sources, label_width)))
    column_label = dict(zip(targets, short_labels(targets, label_width)))

    def grid(column: str) -> pd.DataFrame:
        return wide.pivot(index="source", columns="target", values=column).reindex(
            index=sources, columns=targets
        )

    detail = wide.assign(
        d=[
            f"{s} → {t}<br>{c} critical, {n} neutral, {p} supportive<br>"
            f"net {_signed(int(b))} of {int(total)} stance{'s' if total != 1 else ''}"
            for s, t, c, n, p, b, total in zip(
                wide["source"], wide["target"], wide["critical"], wide["neutral"],
                wide["supportive"], wide["balance"], wide["total"],
            )
        ]
    )  # fmt: skip
    fig = go.Figure(
        go.Heatmap(
            z=grid("net").values,
            x=[column_label[t] for t in targets],
            y=[row_label[s] for s in sources],
            zmin=-1,
            zmax=1,
            text=grid("balance").map(lambda v: "" if pd.isna(v) else _signed(int(v))).values,
            texttemplate="%{text}",
            textfont={"size": theme.SCREEN.label + 2},
            customdata=detail.pivot(index="source", columns="target", values="d")
            .reindex(index=sources, columns=targets)
            .fillna("")
            .values,
            colorscale=[
                [0, theme.POLARITY_COLOURS["critical"]],
                [0.5, "#F7F7F7"],
                [1, theme.POLARITY_COLOURS["supportive"]],
            ],
            # Across the top, under the title: at the right it would take a third of a
            # phone's width from the cells.
            colorbar={
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "xref": "paper",
                "len": 1.0,
                "lenmode": "fraction",
                "thickness": 12,
                # Inside the ends, so the end labels are not cut by the chart's edge.
                "tickvals": [-0.8, 0, 0.8],
                "ticktext": ["net tone: all critical", "balanced", "all supportive"],
            },
            hovertemplate="%{customdata}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    _selectable_cells(fig, df, wide, side, row_label, column_label)
    fig.update_yaxes(autorange="reversed", title="source")
    # Slanted at 45° a column needs only about 1.5 lines of type across, so names never collide.
    fig.update_xaxes(title="target", side="bottom", tickangle=-45)
    longest = max(len(column_label[t]) for t in targets)
    slant = int(0.55 * (theme.SCREEN.body) * longest * 0.71)
    colour_key = 48  # px between the title and the cells for the colour key
    fig = _finish(
        fig,
        title,
        source,
        height=max(380, 170 + 38 * len(sources)) + slant + colour_key,
        foot=slant,
        key_band=colour_key,
    )
    return fig


def _selectable_cells(
    fig: go.Figure,
    df: pd.DataFrame,
    wide: pd.DataFrame,
    side: str,
    row_label: Mapping[str, str],
    column_label: Mapping[str, str],
) -> None:
    """Plotly cannot select heatmap cells: an invisible square over each filled cell carries
    its evidence key (source → target, all polarities) and its hover, and outlines the cell
    once selected."""
    pairs = df.drop_duplicates(["source", "target"])
    marks = _marks(pairs, "stances", {"side": side}, source="source_id", target="target_id")
    if marks is None or wide.empty:
        return
    key = dict(zip(zip(pairs["source"], pairs["target"]), marks))
    cells = wide[wide["total"] > 0]
    fig.data[0].hoverinfo = "skip"
    fig.add_scatter(
        x=[column_label[t] for t in cells["target"]],
        y=[row_label[s] for s in cells["source"]],
        mode="markers",
        marker={
            "size": 30,
            "symbol": "square-open",
            "color": theme.TEXT,
            "opacity": 0,
            "line": {"width": 3},
        },  # fmt: skip
        selected={"marker": {"opacity": 1}},
        unselected={"marker": {"opacity": 0}},
        customdata=[
            [
                f"{src} → {tgt}<br>{c} critical, {n} neutral, {s} supportive<br>"
                f"net {_signed(int(b))} of {int(total)} stance{'s' if total != 1 else ''}",
                key.get((src, tgt)),
            ]
            for c, n, s, b, total, src, tgt in zip(
                cells["critical"],
                cells["neutral"],
                cells["supportive"],
                cells["balance"],
                cells["total"],
                cells["source"],
                cells["target"],
            )
        ],  # fmt: skip
        hovertemplate="%{customdata[0]}<extra></extra>",
        showlegend=False,
    )


@_plain_inputs
def stances_over_time(df: pd.DataFrame, source: str) -> go.Figure:
    """Stacked bars of stances by polarity (month, polarity, stances, optionally article_id)
    per month, quarter or year as the span demands (time_bin)."""
    if df.empty:
        return empty_figure("Stances over time", source)
    unit = time_bin(df["month"])
    title = f"Stances per {unit}"
    df = binned(df, "stances", ["polarity"], unit)
    fig = go.Figure()
    for polarity in theme.POLARITY_ORDER:
        part = df[df["polarity"] == polarity]
        if not part.empty:
            colour = theme.POLARITY_COLOURS[polarity]
            _binned_bars(fig, part, "stances", polarity, colour, unit, polarity)
    _one_article_key(fig, df)
    fig.update_layout(barmode="stack")
    months, tick = TIME_BINS[unit]
    fig.update_xaxes(title=None, tickformat=tick, range=month_range(df["period"], months))
    fig.update_yaxes(**_count_axis(df.groupby("period")["stances"].sum(), "stances"))
    return _finish(fig, title, source, legend_title="polarity")


# --- Actor network -----------------------------------------------------------------------

OTHER_COUNTRIES = "other / no country"
NETWORK_HEIGHT = 680
NETWORK_X = (-1.4, 1.4)  # the layout fills [-1, 1]²: the rest is room for names at the rim
NETWORK_Y = (-1.15, 1.15)
HALO = "1px 1px 1px #fff, -1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff, 0 0 4px #fff"
INNER_LABEL_SIZE = 24  # px: a circle this wide may carry its own name when none fits beside it
LEGEND_ROW_PX = 24  # a legend entry's height at the canvas's type size
NAME_LINE = 18  # characters on one line of a node's name; longer names take two lines


@dataclass(frozen=True)
class LabelCanvas:
    """The plot area a network's names are placed on, in pixels, and their font size: names
    are placed so that no two overlap and none covers a node, at this size."""

    width: float
    height: float
    font: float


# The network's plot area at 1920×1080 (sidebar open, legend at the right), and on a slide
# (960×540 layout px, projector type): measured on the rendered charts, a little smaller.
SCREEN_CANVAS = LabelCanvas(1000, 540, theme.SCREEN.label + 1)
SLIDE_CANVAS = LabelCanvas(
    720, 320, (theme.SCREEN.label + 1) * theme.SLIDE.label / theme.SCREEN.label
)
# Plotly's text positions, tried in this order after the one pointing away from the centre.
POSITIONS = (
    "middle right",
    "middle left",
    "top center",
    "bottom center",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)


def outward(x: float, y: float) -> str:
    """Where a node's label goes first: away from the centre of the picture, where nodes are
    fewer."""
    if abs(x) > abs(y):
        return "middle right" if x > 0 else "middle left"
    return "top center" if y > 0 else "bottom center"


def node_name(name: object, width: int = NAME_LINE) -> str:
    """A node's name as drawn: whole, on two lines when long (split between words), and only
    past two lines shortened with '…' (the hover always has it whole)."""
    text = "" if name is None or (isinstance(name, float) and math.isnan(name)) else str(name)
    if len(text) <= width:
        return text
    words, first = text.split(), ""
    while words and len(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one long word: cut it
        return _short(text, width + 4)
    return f"{first}<br>{_short(' '.join(words), width + 4)}"


def _text_box(
    x: float, y: float, radius: float, position: str, width: float, height: float
) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1; y down) Plotly draws a text in at `position` beside a marker
    of `radius` px centred at (x, y): it offsets text by radius / 0.8 + 1."""
    r = radius / 0.8 + 1
    if position == "middle center":
        return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
    vertical, _, horizontal = position.partition(" ")
    if horizontal == "right":
        x0 = x + r
    elif horizontal == "left":
        x0 = x - r - width
    else:
        x0 = x - width / 2
    if vertical == "top":
        y0 = y - r - height
    elif vertical == "bottom":
        y0 = y + r
    else:
        y0 = y - height / 2
    return (x0, y0, x0 + width, y0 + height)


def text_ems(text: str) -> float:
    """About how wide `text` is in ems of a sans-serif font (capitals and digits wider, spaces
    and narrow letters narrower): a cautious estimate for keeping labels apart."""
    narrow, wide = set(" .,:;'!|()[]-fijlrtI"), set("mwMW@%")
    return sum(
        0.3 if c in narrow else 0.9 if c in wide else 0.68 if c.isupper() or c.isdigit() else 0.55
        for c in text
    )


def _overlaps(a: tuple[float, ...], b: tuple[float, ...], pad: float = 2.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def place_labels(
    x: list[float],
    y: list[float],
    sizes: list[float],
    texts: list[str],
    order: list[int],
    canvas: LabelCanvas = SCREEN_CANVAS,
    obstacles: list[tuple[float, float]] = (),
    x_range: tuple[float, float] = NETWORK_X,
    y_range: tuple[float, float] = NETWORK_Y,
) -> list[str | None]:
    """Where each node's name goes (a Plotly text position), or None when it fits nowhere.

    Greedy, in `order` (most important first): the first position, starting away from the
    centre, whose box stays inside the plot and overlaps neither a node (markers of `sizes`
    px), a small `obstacles` point (the arrows' hover diamonds) nor a name already placed.
    Text size is estimated from the characters (0.56 em each, 1.3 lines), so the check is a
    little cautious."""
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    px = [(v - x_lo) / (x_hi - x_lo) * canvas.width for v in x]
    py = [(y_hi - v) / (y_hi - y_lo) * canvas.height for v in y]
    nodes = [
        (cx - s / 2 - 1, cy - s / 2 - 1, cx + s / 2 + 1, cy + s / 2 + 1)
        for cx, cy, s in zip(px, py, sizes)
    ]
    small = [
        (
            (ox - x_lo) / (x_hi - x_lo) * canvas.width - 5,
            (y_hi - oy) / (y_hi - y_lo) * canvas.height - 5,
            (ox - x_lo) / (x_hi - x_lo) * canvas.width + 5,
            (y_hi - oy) / (y_hi - y_lo) * canvas.height + 5,
        )
        for ox, oy in obstacles
    ]
    placed: list[tuple[float, float, float, float]] = []
    chosen: list[str | None] = [None] * len(x)
    for i in order:
        lines = texts[i].split("<br>") if texts[i] else []
        if not lines:
            continue
        width = max(text_ems(html.unescape(line)) for line in lines) * canvas.font + 4
        height = len(lines) * 1.3 * canvas.font
        first = outward(x[i], y[i])
        # Last resort for a big circle: its name on the circle itself.
        inner = ("middle center",) if sizes[i] >= INNER_LABEL_SIZE else ()
        for position in (first, *(p for p in POSITIONS if p != first), *inner):
            box = _text_box(px[i], py[i], sizes[i] / 2, position, width, height)
            inside = (
                box[0] >= 0 and box[1] >= 0 and box[2] <= canvas.width and box[3] <= canvas.height
            )
            if not inside:
                continue
            if any(_overlaps(box, other) for other in placed):
                continue
            if any(_overlaps(box, n, 0) for j, n in enumerate(nodes) if j != i):
                continue
            if position != "middle center" and any(_overlaps(box, o, 0) for o in small):
                continue
            placed.append(box)
            chosen[i] = position
            break
    return chosen


def label_order(nodes: pd.DataFrame, edges: pd.DataFrame, selected: str | None = None) -> list[str]:
    """The actors in the order their names are placed: the selected one, the actors it has
    stances with, then the rest by stances taken or received plus mentions."""
    ties: dict[str, int] = {}
    neighbours: set[str] = set()
    if not edges.empty:
        for s, t, n in zip(edges["source_id"], edges["target_id"], edges["stances"]):
            ties[s] = ties.get(s, 0) + int(n)
            ties[t] = ties.get(t, 0) + int(n)
            if selected in (s, t):
                neighbours |= {s, t}
    return sorted(
        nodes["actor_id"],
        key=lambda a: (
            a != selected,
            a not in neighbours,
            -(ties.get(a, 0) + int(nodes.loc[nodes["actor_id"] == a, "mentions"].iloc[0])),
            a,
        ),
    )


def labelled_nodes(
    nodes: pd.DataFrame, edges: pd.DataFrame, labels: int | None, selected: str | None = None
) -> set[str]:
    """The actors that may carry their name on the chart: the first `labels` of label_order
    (all when None), always with the selected one."""
    order = [a for a in label_order(nodes, edges, selected) if a != selected]
    named = set(order if labels is None else order[:labels])
    return named | ({selected} if selected else set())


def _node_sizes(mentions: pd.Series, canvas: LabelCanvas = SCREEN_CANVAS) -> pd.Series:
    """Circle diameters in px, by mentions: 14-50 on screen, smaller on a smaller canvas so
    the picture keeps its proportions on a slide."""
    scale = min(1.0, canvas.height / SCREEN_CANVAS.height)
    return (14 + 36 * (mentions / max(mentions.max(), 1)) ** 0.5) * scale


@_plain_inputs
def actor_network(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    source: str,
    colours: Mapping[str, str],
    colour_by: str = "country",
    co_edges: pd.DataFrame | None = None,
    selected: str | None = None,
    labels: int | None = None,
    canvas: LabelCanvas = SCREEN_CANVAS,
) -> go.Figure:
    """Actors placed at (x, y); node size by mentions; stance arrows coloured by polarity and
    as wide as their count; optional grey co-mention lines.

    Names: every actor whose name fits beside its circle on `canvas` without covering another
    name or circle carries it (most connected first, at most `labels`); the others have it in
    their hover. The layout's meta says how many are named ("labelled", "actors"). A selected
    actor is ringed and named in bold, its stances drawn strong and everything else faded.

    nodes: actor_id, name, kind, country_id, country, mentions, x, y
    edges: source_id, target_id, polarity, stances
    co_edges: source_id, target_id, articles
    """
    title = "Actor network: stances between actors"
    if nodes.empty:
        return empty_figure(title, source)
    nodes = nodes.reset_index(drop=True)
    pos = {a: (x, y) for a, x, y in zip(nodes["actor_id"], nodes["x"], nodes["y"])}
    names = dict(zip(nodes["actor_id"], nodes["name"]))
    if selected not in pos:
        selected = None
    near: set[str] = set()
    if selected and not edges.empty:
        touching = edges[(edges["source_id"] == selected) | (edges["target_id"] == selected)]
        near = set(touching["source_id"]) | set(touching["target_id"])
    if selected and co_edges is not None and not co_edges.empty:
        touching = co_edges[
            (co_edges["source_id"] == selected) | (co_edges["target_id"] == selected)
        ]
        near |= set(touching["source_id"]) | set(touching["target_id"])
    if selected:
        near.add(selected)
    fig = go.Figure()
    if co_edges is not None and not co_edges.empty:
        for mine in (False, True):
            xs, ys = [], []
            for s, t in zip(co_edges["source_id"], co_edges["target_id"]):
                if s in pos and t in pos and (selected in (s, t)) == mine:
                    xs += [pos[s][0], pos[t][0], None]
                    ys += [pos[s][1], pos[t][1], None]
            if not xs:
                continue
            fig.add_scatter(
                x=xs,
                y=ys,
                mode="lines",
                name="mentioned together",
                line={"color": "#888888" if mine else "#DDDDDD", "width": 2 if mine else 1},
                hoverinfo="skip",
                showlegend=not mine or not any(t.name == "mentioned together" for t in fig.data),
            )
    biggest = max(edges["stances"].max(), 1) if not edges.empty else 1
    diamonds: list[tuple[float, float]] = []
    # Arrows are annotations, set in one go: Plotly copies the whole list on each add.
    arrows: list[dict] = []
    for polarity in theme.POLARITY_ORDER:
        part = edges[edges["polarity"] == polarity] if not edges.empty else edges
        mid_x, mid_y, hover, marks, strong = [], [], [], [], []
        for s, t, n in zip(
            part.get("source_id", []),
            part.get("target_id", []),
            part.get("stances", []),
        ):
            if s not in pos or t not in pos or s == t:
                continue
            (x0, y0), (x1, y1) = pos[s], pos[t]
            mine = selected is None or selected in (s, t)
            arrows.append(
                dict(
                    x=x1,
                    y=y1,
                    ax=x0,
                    ay=y0,
                    xref="x",
                    yref="y",
                    axref="x",
                    ayref="y",
                    showarrow=True,
                    arrowhead=2,
                    arrowsize=1,
                    standoff=12,
                    startstandoff=8,
                    arrowwidth=(1.5 + 5 * n / biggest) * (1.3 if selected and mine else 1),
                    arrowcolor=theme.POLARITY_COLOURS[polarity],
                    opacity=0.85 if mine else 0.12,
                    text="",
                )
            )
            mid_x.append((x0 + x1) / 2)
            mid_y.append((y0 + y1) / 2)
            strong.append(mine)
            hover.append(f"{names[s]} → {names[t]}: {n} {polarity}")
            marks.append(_mark("stances", side="actor", source=s, target=t, polarity=polarity))
        diamonds += list(zip(mid_x, mid_y))
        # A legend entry and hover targets for the arrows (annotations have neither).
        fig.add_scatter(
            x=mid_x or [None],
            y=mid_y or [None],
            mode="markers",
            name=f"{polarity} stance",
            marker={
                "size": 9,
                "color": theme.POLARITY_COLOURS[polarity],
                "symbol": "diamond",
                "opacity": [1.0 if m else 0.15 for m in strong] or 1.0,
            },
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            customdata=[[m] for m in marks] or None,
            # A selected arrow's diamond grows; the rest of the picture stays readable.
            selected={"marker": {"size": 18}},
            unselected={"marker": {"opacity": 0.5}},
            showlegend=bool(mid_x),
        )
    fig.update_layout(annotations=arrows)
    nodes = nodes.assign(size=_node_sizes(nodes["mentions"], canvas))
    allowed = labelled_nodes(nodes, edges, labels, selected)
    order = label_order(nodes, edges, selected)
    index = {a: i for i, a in enumerate(nodes["actor_id"])}
    drawn = [node_name(n) if a in allowed else "" for a, n in zip(nodes["actor_id"], nodes["name"])]
    where = place_labels(
        list(nodes["x"]),
        list(nodes["y"]),
        list(nodes["size"]),
        drawn,
        [index[a] for a in order],
        canvas,
        diamonds,
    )
    nodes["label"] = [d if w else "" for d, w in zip(drawn, where)]
    nodes["position"] = [w or "middle right" for w in where]
    if colour_by == "country":
        nodes["colour"] = [
            theme.colour_for(c if isinstance(c, str) else None, colours)
            for c in nodes["country_id"]
        ]
        # Countries beyond the palette and actors of no known country share one grey entry.
        nodes["group"] = [
            OTHER_COUNTRIES if colour == theme.UNKNOWN else str(name)
            for colour, name in zip(nodes["colour"], nodes["country"])
        ]
    else:
        nodes["group"] = nodes["kind"].fillna("unknown").astype(str)
        nodes["colour"] = [theme.KIND_COLOURS.get(k, theme.UNKNOWN) for k in nodes["group"]]
    if selected:
        # A halo under the selected actor: it stands out whatever its colour.
        row = nodes[nodes["actor_id"] == selected].iloc[0]
        fig.add_scatter(
            x=[row["x"]],
            y=[row["y"]],
            mode="markers",
            marker={"size": row["size"] + 22, "color": theme.ACCENT, "opacity": 0.25},
            hoverinfo="skip",
            showlegend=False,
            name="selected",
        )
    weight = nodes.groupby("group")["mentions"].sum()
    group_order = sorted(weight.index, key=lambda g: (g == OTHER_COUNTRIES, -weight[g], g))
    listed = max(1, int(canvas.height // LEGEND_ROW_PX) - 6)  # rows left after the polarities
    if len(group_order) > listed:
        listed -= 1  # room for the line that counts the rest
    for rank, group in enumerate(group_order):
        part = nodes[nodes["group"] == group]
        faded = [bool(selected) and a not in near for a in part["actor_id"]]
        name = _short(group.replace("_", " "), 22)
        # The legend's swatch is drawn apart: a legend takes its first point's look, which may
        # be a faded one while an actor is selected.
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=name,
            legendgroup=group,
            showlegend=rank < listed,
            marker={
                "size": 12,
                "color": part["colour"].iloc[0],
                "line": {"width": 1, "color": "#222222"},
            },
            hoverinfo="skip",
        )
        fig.add_scatter(
            x=part["x"],
            y=part["y"],
            mode="markers+text",
            name=name,
            legendgroup=group,
            # A legend taller than the chart is cut off in a picture: the groups beyond what
            # fits keep their colour and say their name in the hover.
            showlegend=False,
            marker={
                "size": part["size"],
                "color": part["colour"].iloc[0],
                "opacity": [0.25 if f else 1.0 for f in faded],
                "line": {
                    "width": [4 if a == selected else 1 for a in part["actor_id"]],
                    "color": [
                        theme.ACCENT if a == selected else "#222222" for a in part["actor_id"]
                    ],
                },
            },
            text=[
                f"<b>{label}</b>" if a == selected and label else label
                for a, label in zip(part["actor_id"], part["label"])
            ],
            textposition=list(part["position"]),
            cliponaxis=False,
            textfont={
                "size": theme.SCREEN.label + 1,
                # A light halo keeps a name legible where an arrow passes under it.
                "shadow": HALO,
                # Dark with the halo even on a circle (a name on its own big circle).
                "color": [theme.MUTED_TEXT if f else theme.TEXT for f in faded],
            },
            # Names stay legible while another actor or an arrow is selected.
            unselected={"marker": {"opacity": 0.5}, "textfont": {"color": theme.TEXT}},
            customdata=_with_marks(
                part[["name", "kind", "country", "mentions"]],
                _marks(part, "actor", actor="actor_id"),
            ),
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} · %{customdata[2]}"
            "<br>%{customdata[3]} mentions<extra></extra>",
        )
    if len(group_order) > listed:
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            marker={"size": 12, "color": "#FFFFFF", "line": {"width": 1, "color": "#222222"}},
            name=f"+{len(group_order) - listed} more {'countries' if colour_by == 'country' else 'kinds'}",
            hoverinfo="skip",
        )
    fig.update_xaxes(visible=False)
    # No fixed aspect ratio: the picture takes the chart's whole width, and names (which run
    # horizontally) get the room.
    fig.update_xaxes(range=list(NETWORK_X))
    fig.update_yaxes(visible=False, range=list(NETWORK_Y))
    fig = _finish(fig, title, source, height=NETWORK_HEIGHT, legend_title=colour_by)
    meta = dict(fig.layout.meta or {})
    meta.update(labelled=int((nodes["label"] != "").sum()), actors=len(nodes))
    fig.update_layout(margin={"r": 180}, meta=meta)
    return fig


# --- Events ------------------------------------------------------------------------------


# Labels on the timeline are placed for the narrowest screen, a phone's plot (px) with a 12 px
# font (px a character), so they never overlap there; wider screens show the same labels with
# more room. Every event is also listed in full below the chart (pages/events.py).
PHONE_PLOT_PX = 220
LABEL_CHAR_PX = 7.0
NO_PLACE = "unspecified"  # events_table's location for an event whose place is not stated


def _event_range(dates: pd.Series) -> list:
    """An x range that ends near the first and last event (3% of the span, at least 20 days):
    an axis running years past the last event suggests events that are not there."""
    days = pd.to_datetime(dates.dropna())
    if days.empty:
        return [None, None]
    lo, hi = days.min(), days.max()
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=20))
    return [lo - pad, hi + pad]


def _label_side(share: float) -> str:
    """A dot's label grows away from the nearer edge, so the first and last are not cut."""
    return "top right" if share < 0.08 else "top left" if share > 0.92 else "top center"


@_plain_inputs
def events_timeline(df: pd.DataFrame, source: str) -> go.Figure:
    """Events on a time axis, one row per type, labelled with their place where the label has
    room at phone width (date, event_type, location, description, participants)."""
    title = "Timeline of events by type and place"
    if df.empty:
        return empty_figure(title, source)
    df = df.copy()
    times = pd.to_datetime(df["date"])
    x_range = _event_range(times)
    if times.notna().all() and x_range[0] is not None:
        span = (x_range[1] - x_range[0]).total_seconds() or 1.0
        df["x_share"] = [(t - x_range[0]).total_seconds() / span for t in times]
    else:
        df["x_share"] = 0.5
    df["row"] = df["event_type"].map({t: i for i, t in enumerate(df["event_type"].unique())})
    known = df[df["location"].fillna(NO_PLACE) != NO_PLACE]
    # A label centred on its dot takes half its width each side; one at an edge grows inwards.
    widths = [
        (LABEL_CHAR_PX * len(_short(loc, 20)) + 8) / PHONE_PLOT_PX for loc in known["location"]
    ]
    centres = [
        x
        + (
            w / 2
            if _label_side(x) == "top right"
            else -w / 2
            if _label_side(x) == "top left"
            else 0
        )
        for x, w in zip(known["x_share"], widths)
    ]
    fits = spaced_labels(centres, list(known["row"]), widths, height=0.5)
    df["show_label"] = False
    df.loc[known.index, "show_label"] = fits
    if "date_label" not in df:
        df["date_label"] = pd.to_datetime(df["date"]).dt.strftime("%Y-%m-%d")
    precision = df["date_precision"] if "date_precision" in df else pd.Series("day", index=df.index)
    df["when"] = [when(lab, p) for lab, p in zip(df["date_label"], precision)]
    df["place"] = df["location"].fillna(NO_PLACE).replace(NO_PLACE, "place not stated")
    df["hover_text"] = df["description"].fillna("").map(lambda v: _wrap_words(_short(v, 200), 60))
    df["who"] = df["participants"].fillna("").map(lambda v: _short(v, 90) or "none named")
    fig = go.Figure()
    for event_type, part in df.groupby("event_type", sort=False):
        fig.add_scatter(
            x=part["date"],
            y=[event_type.replace("_", " ")] * len(part),
            mode="markers+text",
            name=event_type.replace("_", " "),
            marker={
                "size": 14,
                "color": theme.EVENT_COLOURS.get(event_type, theme.UNKNOWN),
                "line": {"width": 1, "color": "white"},
            },
            text=[
                _short(loc, 20) if show else ""
                for loc, show in zip(part["location"], part["show_label"])
            ],
            textposition=[_label_side(x) for x in part["x_share"]],
            textfont={"size": theme.SCREEN.label},
            unselected={"marker": {"opacity": 0.35}, "textfont": {"color": theme.MUTED_TEXT}},
            customdata=_with_marks(
                part[["hover_text", "who", "place", "when"]],
                _marks(part, "event", event="event_id"),
            ),
            hovertemplate="%{customdata[3]} · %{customdata[2]}<br>%{customdata[0]}"
            "<br>participants: %{customdata[1]}<extra></extra>",
            showlegend=False,
        )
    fig.update_traces(cliponaxis=False)
    n = df["event_type"].nunique()
    fig.update_xaxes(title=None, range=x_range)
    fig.update_yaxes(title=None, range=[-0.5, n - 0.3])
    return _finish(fig, title, source, height=max(320, 160 + 55 * n))


def no_place_note(total: int, placeless: int) -> str:
    """'38 of 54 events name no place (not drawn)' for a chart of events by place."""
    if not placeless:
        return ""
    noun = "event names" if total == 1 else "events name"
    return f"{placeless:,} of {total:,} {noun} no place (not drawn)"


@_plain_inputs
def events_by_place(df: pd.DataFrame, source: str, top: int = 15) -> go.Figure:
    """Stacked bars: how many events of each type per place (location, event_type). Events
    with no stated place are not a bar (they would dwarf every place) but are counted under the
    axis, so the chart never hides them."""
    title = "Events by place and type"
    if df.empty:
        return empty_figure(title, source)
    placed = df[df["location"].fillna(NO_PLACE) != NO_PLACE]
    note = no_place_note(len(df), len(df) - len(placed))
    if placed.empty:
        return empty_figure(title, source, f"None of the {len(df):,} events names a place.")
    counts = placed.groupby(["location", "event_type"], as_index=False).size()
    order = list(counts.groupby("location")["size"].sum().sort_values(ascending=False).index[:top])
    counts = counts[counts["location"].isin(order)]
    fig = go.Figure()
    for event_type, part in counts.groupby("event_type", sort=False):
        fig.add_bar(
            x=part["size"],
            y=part["location"],
            orientation="h",
            name=event_type.replace("_", " "),
            marker_color=theme.EVENT_COLOURS.get(event_type, theme.UNKNOWN),
            hovertemplate="%{y}: %{x} " + event_type.replace("_", " ") + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title=None)
    totals = counts.groupby("location")["size"].sum()
    fig.update_xaxes(**_count_axis(totals, "events" + (f"<br>{note}" if note else "")))
    # The legend above takes a line per three types at phone width: the bars keep their room.
    legend_lines = math.ceil(counts["event_type"].nunique() / 3) if len(fig.data) > 1 else 0
    height = max(320, 140 + 30 * len(order)) + 24 * legend_lines
    fig = _finish(fig, title, source, height=height, foot=18 if note else 0)
    # Above the plot, where a legend of every type fits at phone width without a scrollbar.
    return _legend_on_top(fig)
