"""The actor network stays readable beyond a dozen actors: names placed clear of each other
and of the circles, inside the picture on screen and on a slide; a selected actor stands out
with its ties; its strongest ties are stances unless co-mentions are asked for."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from briefing import charts, network, theme

SOURCE = charts.source_line(40, 9, date(2016, 1, 1), date(2020, 1, 1), "No filters", "stances")
NAMES = [
    "Canada", "Russia", "Syria", "United States", "United Nations", "Turkey", "Iran",
    "European Union", "United Nations Security Council", "Bashar al-Assad", "Justin Trudeau",
    "Sergei Lavrov", "Chrystia Freeland", "Rapid Support Forces", "Sudanese Armed Forces",
    "Houthis", "Saudi Arabia", "Yemen", "Martin Griffiths", "UNHCR", "World Food Programme",
    "Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo", "African Union", "Arab League", "G7",
    "Taliban", "Afghanistan", "Ukraine", "Volodymyr Zelensky", "Antonio Guterres", "China",
    "France", "United Kingdom", "Germany", "Lebanon", "Jordan", "Israel", "Hamas", "Qatar",
]  # fmt: skip


def busy_network(n: int = 40, seed: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """n actors, the first few in most of the stances (as in real warehouses): a hub knot."""
    rng = np.random.default_rng(seed)
    ids = [name.lower().replace(" ", "-") for name in NAMES[:n]]
    nodes = pd.DataFrame(
        {
            "actor_id": ids,
            "name": NAMES[:n],
            "kind": ["country"] * n,
            "country_id": ids,
            "country": NAMES[:n],
            "mentions": [int(200 / (i + 1)) + 1 for i in range(n)],
        }
    )
    rows = []
    for _ in range(3 * n):
        s, t = rng.choice(
            n,
            2,
            replace=False,
            p=np.array([1 / (i + 1) for i in range(n)]) / sum(1 / (i + 1) for i in range(n)),
        )
        rows.append((ids[s], ids[t], NAMES[s], NAMES[t], rng.choice(theme.POLARITY_ORDER)))
    edges = (
        pd.DataFrame(rows, columns=["source_id", "target_id", "source", "target", "polarity"])
        .groupby(["source_id", "target_id", "source", "target", "polarity"], as_index=False)
        .size()
        .rename(columns={"size": "stances"})
    )
    return nodes, edges


def drawn(nodes: pd.DataFrame, edges: pd.DataFrame, **kwargs):
    graph = network.build_graph(nodes, edges)
    placed = network.with_positions(nodes, network.layout(graph))
    colours = theme.country_colours(list(nodes["actor_id"]))
    return placed, charts.actor_network(placed, edges, SOURCE, colours, **kwargs)


def label_boxes(placed: pd.DataFrame, fig, canvas: charts.LabelCanvas):
    """Every drawn name's box in canvas pixels, as the chart placed it, and every circle's."""
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    (x_lo, x_hi), (y_lo, y_hi) = charts.NETWORK_X, charts.NETWORK_Y
    boxes, circles = [], []
    for trace in nodes:
        for x, y, size, text, where in zip(
            trace.x, trace.y, trace.marker.size, trace.text, trace.textposition
        ):
            px = (x - x_lo) / (x_hi - x_lo) * canvas.width
            py = (y_hi - y) / (y_hi - y_lo) * canvas.height
            circles.append((px - size / 2, py - size / 2, px + size / 2, py + size / 2))
            if text:
                lines = text.replace("<b>", "").replace("</b>", "").split("<br>")
                width = max(charts.text_ems(line) for line in lines) * canvas.font + 4
                height = len(lines) * 1.3 * canvas.font
                boxes.append(charts._text_box(px, py, size / 2, where, width, height))
    return boxes, circles


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("canvas", [charts.SCREEN_CANVAS, charts.SLIDE_CANVAS])
def test_forty_actors_names_never_overlap_and_stay_inside_the_picture(canvas):
    nodes, edges = busy_network(40)
    placed, fig = drawn(nodes, edges, canvas=canvas)
    boxes, circles = label_boxes(placed, fig, canvas)
    for i, box in enumerate(boxes):
        assert box[0] >= 0 and box[1] >= 0, box
        assert box[2] <= canvas.width and box[3] <= canvas.height, box
        assert not any(overlap(box, other) for other in boxes[i + 1 :])
    assert fig.layout.meta["labelled"] == len(boxes)
    assert fig.layout.meta["actors"] == 40


def test_on_screen_most_of_forty_actors_are_named_and_the_busiest_always():
    nodes, edges = busy_network(40)
    _, fig = drawn(nodes, edges)
    assert fig.layout.meta["labelled"] >= 32
    named = {t for trace in fig.data if trace.mode == "markers+text" for t in trace.text if t}
    assert {"Canada", "Russia", "Syria", "United States"} <= named


def test_a_name_never_covers_another_actors_circle():
    nodes, edges = busy_network(40)
    placed, fig = drawn(nodes, edges)
    trace_nodes = [t for t in fig.data if t.mode == "markers+text"]
    canvas = charts.SCREEN_CANVAS
    (x_lo, x_hi), (y_lo, y_hi) = charts.NETWORK_X, charts.NETWORK_Y
    points = [
        (x, y, size, text, where)
        for trace in trace_nodes
        for x, y, size, text, where in zip(
            trace.x, trace.y, trace.marker.size, trace.text, trace.textposition
        )
    ]
    for i, (x, y, size, text, where) in enumerate(points):
        if not text or where == "middle center":
            continue
        px, py = (
            (x - x_lo) / (x_hi - x_lo) * canvas.width,
            (y_hi - y) / (y_hi - y_lo) * canvas.height,
        )
        lines = text.split("<br>")
        width = max(charts.text_ems(line) for line in lines) * canvas.font + 4
        box = charts._text_box(px, py, size / 2, where, width, len(lines) * 1.3 * canvas.font)
        for j, (ox, oy, osize, _, _) in enumerate(points):
            if j == i:
                continue
            cx = (ox - x_lo) / (x_hi - x_lo) * canvas.width
            cy = (y_hi - oy) / (y_hi - y_lo) * canvas.height
            circle = (cx - osize / 2, cy - osize / 2, cx + osize / 2, cy + osize / 2)
            assert not overlap(box, circle), (text, j)


def test_long_names_take_two_lines_instead_of_being_cut():
    assert charts.node_name("Canada") == "Canada"
    assert (
        charts.node_name("United Nations Security Council") == "United Nations<br>Security Council"
    )
    assert charts.node_name("Abdel Fattah al-Burhan") == "Abdel Fattah<br>al-Burhan"
    long = charts.node_name("The Office of the United Nations High Commissioner for Refugees")
    assert long.count("<br>") == 1 and long.endswith("…")


def test_place_labels_leaves_a_name_to_the_hover_when_it_fits_nowhere():
    # Twelve actors on one spot: eight places around it, then no room is left.
    names = [f"Actor {i}" for i in range(12)]
    where = charts.place_labels([0.0] * 12, [0.0] * 12, [20] * 12, names, list(range(12)))
    assert where[0] == charts.outward(0.0, 0.0)
    assert 4 <= 12 - where.count(None) <= 8  # named: the free places around one spot


def test_a_selected_actor_is_ringed_and_named_in_bold_and_the_rest_fades():
    nodes, edges = busy_network(20)
    chosen = "turkey"
    _, fig = drawn(nodes, edges, selected=chosen)
    halo = [t for t in fig.data if t.name == "selected"]
    assert len(halo) == 1 and halo[0].marker.color == theme.ACCENT
    ties = edges[(edges["source_id"] == chosen) | (edges["target_id"] == chosen)]
    near = set(ties["source_id"]) | set(ties["target_id"]) | {chosen}
    for trace in (t for t in fig.data if t.mode == "markers+text"):
        for (name,), opacity, width, text in zip(
            trace.customdata[:, :1]
            if hasattr(trace.customdata, "shape")
            else [[c[0]] for c in trace.customdata],
            trace.marker.opacity,
            trace.marker.line.width,
            trace.text,
        ):
            actor = nodes.loc[nodes["name"] == name, "actor_id"].iloc[0]
            assert (opacity == 1.0) == (actor in near), name
            assert (width == 4) == (actor == chosen)
            if actor == chosen:
                assert text == "<b>Turkey</b>"
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    strong = [a for a in arrows if a.opacity > 0.5]
    assert len(strong) == len(ties) and len(arrows) > len(strong)


def test_strongest_ties_are_stances_only_unless_co_mentions_are_on():
    nodes = pd.DataFrame(
        {"actor_id": ["canada", "russia", "syria"], "name": ["Canada", "Russia", "Syria"],
         "mentions": [3, 2, 1]}
    )  # fmt: skip
    stances = pd.DataFrame(
        {"source_id": ["canada"], "target_id": ["russia"], "polarity": ["critical"], "stances": [2]}
    )
    co = pd.DataFrame({"source_id": ["canada"], "target_id": ["syria"], "articles": [9]})
    graph = network.build_graph(nodes, stances, co)
    off = network.strongest_ties(graph, "canada")
    assert list(off["tie"]) == ["critical"] and list(off["actor"]) == ["Russia"]
    on = network.strongest_ties(graph, "canada", co_mentions=True)
    assert list(on["tie"]) == ["mentioned together", "critical"]
    # An actor only ever reported with others has no tie while co-mentions are off.
    assert network.strongest_ties(graph, "syria").empty
    assert list(network.strongest_ties(graph, "syria", co_mentions=True)["actor"]) == ["Canada"]


def test_the_layout_gives_each_actor_and_its_name_room_when_the_frame_allows():
    nodes, edges = busy_network(12)
    positions = network.layout(network.build_graph(nodes, edges))
    fw, fh = network.FRAME_PX
    pts = np.array([positions[a] for a in sorted(positions)]) * [fw, fh]
    mentions = nodes.set_index("actor_id").loc[sorted(positions), "mentions"].to_numpy(float)
    names = nodes.set_index("actor_id").loc[sorted(positions), "name"]
    radius = (14 + 36 * (mentions / mentions.max()) ** 0.5) / 2
    half_w = radius + np.array([min(len(n), 18) for n in names]) * network.CHAR_PX / 2
    half_h = radius + network.LINE_PX - 2
    for i in range(len(pts)):
        for j in range(i + 1, len(pts)):
            apart_x = abs(pts[i, 0] - pts[j, 0]) >= half_w[i] + half_w[j] - 1
            apart_y = abs(pts[i, 1] - pts[j, 1]) >= half_h[i] + half_h[j] - 1
            assert apart_x or apart_y, (names.iloc[i], names.iloc[j])


# --- the stance matrix -------------------------------------------------------------------


def actor_matrix_counts() -> pd.DataFrame:
    """Stances between actors whose names share long beginnings (as ministries and councils do)."""
    names = [
        "United Nations Security Council",
        "United Nations Secretary-General",
        "United Nations High Commissioner for Refugees",
        "Minister of Foreign Affairs of Canada",
        "Minister of Foreign Affairs of Russia",
        "Canada",
        "Russia",
    ]
    rows = []
    for i, source in enumerate(names):
        for j, target in enumerate(names):
            if i != j and (i + j) % 2:
                rows.append((source, target, f"s{i}", f"t{j}", "critical", 1 + i % 3))
                if i % 2:
                    rows.append((source, target, f"s{i}", f"t{j}", "supportive", 1))
    return pd.DataFrame(
        rows, columns=["source", "target", "source_id", "target_id", "polarity", "stances"]
    )


def test_matrix_names_are_distinct_short_and_slanted_so_columns_never_collide():
    fig = charts.stance_matrix(actor_matrix_counts(), SOURCE, side="actor")
    heat = fig.data[0]
    assert len(set(heat.x)) == len(heat.x) and len(set(heat.y)) == len(heat.y)
    assert max(len(label) for label in [*heat.x, *heat.y]) <= charts.MATRIX_LABEL
    assert fig.layout.xaxis.tickangle == -45
    # The slanted names hang below the axis: the source line sits below them.
    assert fig.layout.margin.b >= 0.55 * theme.SCREEN.body * charts.MATRIX_LABEL * 0.7
    # Whole names are in every cell's hover.
    hovers = " ".join(str(c) for row in heat.customdata for c in row)
    assert "United Nations High Commissioner for Refugees" in hovers


def test_matrix_colour_and_number_give_the_same_net_tone():
    counts = actor_matrix_counts()
    fig = charts.stance_matrix(counts, SOURCE, side="actor")
    heat = fig.data[0]
    checked = 0
    for z_row, text_row in zip(heat.z, heat.text):
        for z, text in zip(z_row, text_row):
            if not text:
                continue
            net = int(text.replace("−", "-"))
            assert (net > 0) == (z > 0) and (net < 0) == (z < 0) and (net == 0) == (z == 0)
            checked += 1
    assert checked == len(counts.drop_duplicates(["source", "target"]))


def test_short_labels_never_merge_two_names():
    labels = charts.short_labels(["Minister of Foreign Affairs of Canada"] * 1
                                 + ["Minister of Foreign Affairs of Russia"], 22)  # fmt: skip
    assert len(set(labels)) == 2 and all(len(label) <= 22 for label in labels)


def test_every_name_is_written_above_the_arrows_where_its_node_text_is():
    # Plotly draws the arrows (annotations) above every trace: in a dense network the names
    # drawn as the nodes' text were hidden under them. Each is written again after the arrows.
    nodes, edges = busy_network(40)
    _, fig = drawn(nodes, edges)
    texts = {
        text: where
        for trace in fig.data
        if trace.mode == "markers+text"
        for text, where in zip(trace.text, trace.textposition)
        if text
    }
    annotations = list(fig.layout.annotations)
    above = [a for a in annotations if a.name == charts.NAME_ABOVE]
    assert sorted(a.text for a in above) == sorted(texts)
    last_arrow = max(i for i, a in enumerate(annotations) if a.showarrow)
    assert all(annotations.index(a) > last_arrow for a in above)
    for a in above:
        where = texts[a.text]
        assert a.bgcolor and not a.showarrow
        if where.endswith("right"):
            assert a.xanchor == "left" and a.xshift > 0
        if where.startswith("top"):
            assert a.yanchor == "bottom" and a.yshift > 0
        if where == "middle center":
            assert (a.xanchor, a.yanchor, a.xshift, a.yshift) == ("center", "middle", 0, 0)
