"""The actor network: circles sized by mentions, stance arrows coloured by polarity, and names
placed where they fit without covering another (`place_labels`)."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from briefing import theme
from briefing.charts.common import (
    _finish,
    _mark,
    _marks,
    _plain_inputs,
    _short,
    _with_marks,
    empty_figure,
)

OTHER_COUNTRIES = "other / no country"
NETWORK_HEIGHT = 680
NETWORK_X = (-1.4, 1.4)  # the layout fills [-1, 1]²: the rest is room for names at the rim
NETWORK_Y = (-1.15, 1.15)
INNER_LABEL_SIZE = 24  # px: a circle this wide may carry its own name when none fits beside it
LEGEND_ROW_PX = 24  # a legend entry's height at the canvas's type size
UNSEEN = "rgba(0,0,0,0)"
NAME_ABOVE = "actor name"  # the annotations that write the names above the arrows
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


def _names_above(
    nodes: pd.DataFrame, selected: str | None, near: set[str], canvas: LabelCanvas
) -> list[dict]:
    """Each drawn name (nodes: x, y, size, label, position, actor_id) as an annotation placed
    as Plotly places a marker's text at its textposition: offset by radius / 0.8 + 1 px."""
    out = []
    for x, y, size, label, position, actor in zip(
        nodes["x"], nodes["y"], nodes["size"], nodes["label"], nodes["position"], nodes["actor_id"]
    ):
        if not label:
            continue
        vertical, _, horizontal = position.partition(" ")
        offset = size / 2 / 0.8 + 1
        # Text right of its node starts at the offset (anchored left), and so on.
        xanchor = {"right": "left", "left": "right"}.get(horizontal, "center")
        out.append(
            {
                "x": x,
                "y": y,
                "text": f"<b>{label}</b>" if actor == selected else label,
                "showarrow": False,
                "xanchor": xanchor,
                "yanchor": {"top": "bottom", "bottom": "top"}.get(vertical, "middle"),
                "xshift": offset
                if horizontal == "right"
                else -offset
                if horizontal == "left"
                else 0,
                "yshift": offset if vertical == "top" else -offset if vertical == "bottom" else 0,
                "align": xanchor if xanchor != "center" else "center",
                "bgcolor": "rgba(255,255,255,0.9)",
                "borderpad": 0,
                "font": {
                    "size": theme.SCREEN.label + 1,
                    "color": theme.MUTED_TEXT if selected and actor not in near else theme.TEXT,
                },
                "name": NAME_ABOVE,
            }
        )
    return out


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
    # Plotly draws the arrows (annotations) above every trace, so a name drawn as the nodes'
    # text sat under them where a dense network's arrows pass. Each name is written again
    # above the arrows, on a light box, exactly where its node's text is (the text stays, for
    # the picture without annotations and for what a hover or a test reads).
    fig.update_layout(annotations=[*arrows, *_names_above(nodes, selected, near, canvas)])
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
            # The names show in their annotations above the arrows (_names_above): the text
            # here keeps their place and size, unseen, so no name is drawn twice.
            textfont={"size": theme.SCREEN.label + 1, "color": UNSEEN},
            unselected={"marker": {"opacity": 0.5}, "textfont": {"color": UNSEEN}},
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
