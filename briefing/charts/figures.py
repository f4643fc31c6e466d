"""Humanitarian figures: most cited, by place (head counts and money, each currency on its own
axis), over time, and the spread of values cited for one quantity."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from briefing import quantities, theme
from briefing.charts.common import (
    FIGURE_CHARS,
    _away_from_edge,
    _finish,
    _legend_on_top,
    _mark,
    _marks,
    _padded_dates,
    _plain_inputs,
    _shares,
    _short,
    _title_at_top,
    _with_marks,
    _wrap_words,
    empty_figure,
    format_number,
    spaced_labels,
    when,
    wrap_label,
)


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


def _beside(share: float, chars: int, plot_px: int | None) -> str:
    """Which side of its dot (at `share` of the axis) a label of `chars` characters goes:
    away from the nearer edge; in a plot `plot_px` wide, the right when it fits there, else
    the left when it fits there, else the side with more room."""
    if plot_px is None:
        return "right" if share < 0.45 else "left"
    need = (LABEL_PX * chars + 12) / plot_px
    if 1 - share >= need:
        return "right"
    if share >= need:
        return "left"
    return "right" if 1 - share > share else "left"


def _fitted(share: float, text: str, plot_px: int | None) -> str:
    """A dot's label as it goes beside its dot (_beside): on two lines when it fits neither
    side of a plot `plot_px` wide on one."""
    if plot_px is None or _beside(share, len(text), plot_px) != _roomier(share):
        return text
    need = (LABEL_PX * len(text) + 12) / plot_px
    if max(share, 1 - share) >= need:
        return text
    return wrap_label(text, max(8, math.ceil(len(text) / 2) + 1))


def _roomier(share: float) -> str:
    return "right" if 1 - share > share else "left"


PHONE_PLACE_PX = 170  # px of a by-place chart's plot on a phone, beside its place names


PLACE_ROW_PX = 30  # px a place's row of dots takes
PANEL_GAP_PX = 100  # px between two panels: ticks, the axis title, the next panel's title
PLACE_FRAME_PX = 220  # px of a by-place chart outside its plot (title, source line) on a phone


@_plain_inputs
def figures_by_place(df: pd.DataFrame, source: str, plot_px: int | None = None) -> go.Figure:
    """Largest value cited per category and place, as dots (measure, currency, category,
    location, largest, largest_text, qualifier, figures, articles, figure_ids): head counts
    and each currency in separate panels on their own axes, a dot's label the figure as
    written with its qualifier. Dots, not bars: on a log axis a bar's length means nothing.
    `plot_px`: the plot's width its labels are placed for (a phone's: PHONE_PLACE_PX)."""
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
    # Between two panels, room in px for the upper one's ticks and axis title and the lower
    # one's title (a share of the height alone left a phone's shorter plot with the title on
    # the axis title above it).
    plot = PLACE_ROW_PX * sum(rows) + PANEL_GAP_PX * (len(panels) - 1) + 60
    height = max(360, plot + PLACE_FRAME_PX)
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=[r / sum(rows) for r in rows],
        vertical_spacing=PANEL_GAP_PX / plot if len(panels) > 1 else 0.0,
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
                text=[
                    _fitted(x, _short(t, FIGURE_CHARS), plot_px)
                    for x, t in zip(_axis_shares(group["largest"], part), group["shown"])
                ],
                # Beside the dot, on the side away from the nearer edge of the axis, or in a
                # plot `plot_px` wide, on a side where the label fits.
                textposition=[
                    "middle " + _beside(x, len(_short(t, FIGURE_CHARS)), plot_px)
                    for x, t in zip(_axis_shares(group["largest"], part), group["shown"])
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
    return _finish(fig, title, source, height=height)


def _axis_shares(values: pd.Series, panel: pd.DataFrame) -> list[float]:
    """Where `values` sit along their panel's value axis (0..1), as figures_by_place draws it:
    log when value_axis says so, with _log_range's room, else linear from zero."""
    axis = value_axis(panel["largest"])
    if axis.get("type") == "log":
        lo, hi = _log_range(panel["largest"])
        return [(math.log10(max(float(v), 1.0)) - lo) / (hi - lo) for v in values]
    top = float(panel["largest"].max()) * 1.5 or 1.0
    return [float(v) / top for v in values]


TIMELINE_PLOT_PX = 420  # px of the head-count timeline's plot on the narrowest wide screen
PHONE_TIMELINE_PX = 270  # and on a 390 px phone
LABEL_PX = 6.5  # about how wide a character of a dot's label is (theme.SCREEN.label)
LABEL_LINE_PX = 16  # and how tall its line is
# px of the timeline's plot height: on a wide screen, and on a phone, where the legend above it
# and the source line below take more of the chart's 500 px.
TIMELINE_PLOT_HEIGHT = 330
TIMELINE_PLOT_HEIGHT_PHONE = 230


@_plain_inputs
def figures_timeline(df: pd.DataFrame, source: str, plot_px: int = TIMELINE_PLOT_PX) -> go.Figure:
    """Head counts by as-of date, one dot per citation (as_of, as_of_label, precision, value,
    value_text, qualifier, category, location, cited_by, outlet). Money has its own chart
    (figures_by_place) and is left out here. A text label goes on a dot only where it collides
    with no other label (largest values first) in a plot `plot_px` wide (a phone's plot holds
    fewer: PHONE_TIMELINE_PX); every dot says who cited it in its hover."""
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
    narrow = plot_px < TIMELINE_PLOT_PX
    # On a phone a label is the figure alone (who cited it is in the hover): "source not
    # stated: 1,151,057" took most of the plot's width and ran over the dots beside it.
    df["label"] = [
        _short(v, FIGURE_CHARS) if narrow else f"{_short(c, 20)}: {_short(v, FIGURE_CHARS)}"
        for c, v in zip(df["cited_by"], df["shown"])
    ]
    x_share = _shares(pd.to_datetime(df["as_of"]).map(pd.Timestamp.timestamp))
    df["x_share"] = [0.06 + 0.88 * x for x in x_share]  # within the padded date range
    axis = value_axis(df["value"])
    log = axis.get("type") == "log"
    if log:
        axis["range"] = _log_range(df["value"], right=0.5)
    else:
        axis["range"] = [0, float(df["value"].max()) * 1.2]
    # Heights as shares of the drawn axis (its range, not the values' own span).
    lo, hi = axis["range"]
    df["y_share"] = [
        ((math.log10(max(v, 1)) if log else float(v)) - lo) / ((hi - lo) or 1.0)
        for v in df["value"]
    ]
    order = df.sort_values("value", ascending=False)
    # Label width as a share of the plot (~6.5 px a character).
    widths = [min(0.95, LABEL_PX * len(t) / plot_px) for t in order["label"]]
    # Labels near an edge grow inwards (their box centre shifts by half a width).
    centres = [
        x + w / 2 if x < 0.25 else x - w / 2 if x > 0.75 else x
        for x, w in zip(order["x_share"], widths)
    ]
    plot_height = TIMELINE_PLOT_HEIGHT_PHONE if narrow else TIMELINE_PLOT_HEIGHT
    line = LABEL_LINE_PX / plot_height
    labelled = spaced_labels(centres, list(order["y_share"]), widths, height=line * 1.4)
    # Nor over another dot (12 px): a label sits a line high, just above its own dot.
    dot_x, dot_y = 6 / plot_px, 6 / plot_height
    dots = list(zip(order["x_share"], order["y_share"]))
    for k, (c, w, y) in enumerate(zip(centres, widths, order["y_share"])):
        if not labelled[k]:
            continue
        bottom = y + 8 / plot_height
        labelled[k] = not any(
            j != k
            and abs(dx - c) < w / 2 + dot_x
            and dy + dot_y > bottom
            and dy - dot_y < bottom + line
            for j, (dx, dy) in enumerate(dots)
        )
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


SPREAD_PLOT_PX = 800  # px of a spread panel's axis on the narrowest wide screen
PHONE_SPREAD_PX = 300  # and on a 390 px phone


def _label_span(share: float, grow: str, width: float) -> tuple[float, float]:
    """From where to where a label `width` wide lies beside its point at `share` of the axis,
    growing 'right', 'left' or from the 'center' (_away_from_edge)."""
    if grow == "right":
        return share, share + width
    if grow == "left":
        return share - width, share
    return share - width / 2, share + width / 2


def _spread_labels(
    shares: list[float], lines: list[tuple[str, str]], plot_px: int
) -> list[tuple[str, str]]:
    """Each point's label and text position, so that no two labels on the same side of the
    line meet in a plot `plot_px` wide. First every figure alone, in order of value above and
    below by turns (the other side where its turn's is taken); then each label, the lowest and
    highest first, adds who cited it and when where that meets no other label on its side (the
    hover and the evidence always have them)."""
    grows = [_away_from_edge(share) for share in shares]

    def span(i: int, chars: int) -> tuple[float, float]:
        return _label_span(shares[i], grows[i], (LABEL_PX * chars + 8) / plot_px)

    def free(box: tuple[float, float], side: str, skip: int) -> bool:
        return all(
            box[1] <= a or box[0] >= b
            for k, ((a, b), other) in enumerate(zip(boxes, sides))
            if k != skip and other == side and a is not None
        )

    boxes: list[tuple] = [(None, None)] * len(shares)
    sides: list[str] = [""] * len(shares)
    for i, (figure, _) in enumerate(lines):
        turn = ("top", "bottom") if i % 2 == 0 else ("bottom", "top")
        box = span(i, len(figure))
        sides[i] = next((side for side in turn if free(box, side, i)), turn[0])
        boxes[i] = box
    texts = [f"<b>{figure}</b>" for figure, _ in lines]
    order = sorted(range(len(shares)), key=lambda i: min(i, len(shares) - 1 - i))
    for i in order:
        figure, cited = lines[i]
        box = span(i, max(len(figure), len(cited)))
        if free(box, sides[i], i):
            boxes[i] = box
            texts[i] = f"<b>{figure}</b><br>{cited}"
    return [(text, f"{side} {grow}") for text, side, grow in zip(texts, sides, grows)]


@_plain_inputs
def figure_spread(df: pd.DataFrame, source: str, plot_px: int = SPREAD_PLOT_PX) -> go.Figure:
    """Where sources disagree on the same quantity (briefing.quantities: category, population,
    place, currency and compatible dates): one panel per quantity on its own scale, every value
    cited with its qualifier, who cited it and when, and a line from the lowest to the
    highest. The lowest value's label grows rightwards and the highest's leftwards, so no label
    leaves the chart; neighbouring labels alternate above and below their points, and a label
    that would meet another in a plot `plot_px` wide keeps its figure only (_spread_labels)."""
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
        labels = _spread_labels(
            [float(v) / (top * SPREAD_ROOM) for v in part["value"]],
            [
                (_short(v, FIGURE_CHARS), f"{_short(c, 22)} ({y or 'undated'})")
                for v, c, y in zip(part["shown"], part["cited_by"], part["as_of_label"])
            ],
            plot_px,
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
            # Two short lines (the figure, then who and when); a label grows away from the
            # nearer edge of the axis, so it never leaves the chart, and meets no other.
            text=[text for text, _ in labels],
            textposition=[position for _, position in labels],
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
