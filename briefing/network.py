"""Graph work for the actor network: a networkx graph from node and edge rows, a layout that
stays put between reruns (fixed seed, nodes added in a fixed order), and an actor's strongest ties."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

SEED = 7
SPREAD = 2.6  # spring_layout's k times sqrt(nodes): how far apart unrelated actors sit
ITERATIONS = 300
# The picture charts.actor_network draws at 1920×1080: [-1, 1]² spans about 820×470 px. Names
# are given the room they take on a slide, where type is larger for the picture's size
# (a character about 9.5 px, a line 16 px at this scale).
FRAME_PX = (410.0, 235.0)
CHAR_PX = 9.5
LINE_PX = 16.0
NAME_CHARS = 18


def build_graph(
    nodes: pd.DataFrame,
    stance_edges: pd.DataFrame,
    co_edges: pd.DataFrame | None = None,
) -> nx.MultiDiGraph:
    """Actors as nodes; one edge per (source, target, polarity) weighted by stances, and
    undirected co-mention edges (stored both ways) weighted by shared articles."""
    graph = nx.MultiDiGraph()
    for row in nodes.sort_values("actor_id").itertuples(index=False):
        graph.add_node(row.actor_id, name=row.name, mentions=int(row.mentions))
    for row in stance_edges.itertuples(index=False):
        if row.source_id in graph and row.target_id in graph:
            graph.add_edge(
                row.source_id,
                row.target_id,
                kind="stance",
                polarity=row.polarity,
                weight=int(row.stances),
            )
    if co_edges is not None:
        for row in co_edges.itertuples(index=False):
            if row.source_id in graph and row.target_id in graph:
                graph.add_edge(
                    row.source_id,
                    row.target_id,
                    kind="co_mention",
                    weight=int(row.articles),
                )
    return graph


def layout(graph: nx.MultiDiGraph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]²: the same graph always gets the same picture."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    for s, t, data in sorted(
        graph.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("kind", ""))
    ):
        weight = simple.get_edge_data(s, t, {}).get("weight", 0) + data.get("weight", 1)
        # Heavy ties would pull busy actors into one knot: damp them logarithmically.
        simple.add_edge(s, t, weight=weight, pull=1 + math.log1p(weight))
    # Isolated actors would drift to the rim; tie them weakly to the busiest node instead.
    hub = max(simple.nodes, key=lambda n: (simple.degree(n), n))
    for node in sorted(nx.isolates(simple)):
        if node != hub:
            simple.add_edge(node, hub, weight=0.2, pull=0.2)
    # Nodes sit wider apart than networkx's default so labels have room.
    k = SPREAD / max(graph.number_of_nodes(), 1) ** 0.5
    positions = nx.spring_layout(simple, seed=seed, k=k, iterations=ITERATIONS, weight="pull")
    order = sorted(positions)
    mentions = np.array([graph.nodes[n].get("mentions", 0) for n in order], dtype=float)
    # Each actor needs room for its circle (14-50 px, as charts.actor_network draws it) and its
    # name beside it (up to two lines of 18 characters): boxes in screen pixels, pushed apart.
    radius = (14 + 36 * (mentions / max(mentions.max(), 1)) ** 0.5) / 2
    name_px = np.array(
        [min(len(str(graph.nodes[n].get("name", n))), NAME_CHARS) * CHAR_PX for n in order]
    )
    half_w = radius + name_px / 2 + 6
    half_h = radius + LINE_PX
    start = np.array([positions[n] for n in order])
    placed = make_room(start, half_w, half_h)
    return {node: (float(x), float(y)) for node, (x, y) in zip(order, placed)}


def make_room(
    points: np.ndarray,
    half_w: np.ndarray,
    half_h: np.ndarray,
    frame: tuple[float, float] = FRAME_PX,
    rounds: int = 300,
) -> np.ndarray:
    """Positions in [-1, 1]² from `points` (n×2, any scale) such that boxes of half-size
    (half_w, half_h) px, on a picture where [-1, 1]² is `frame` px from its centre, overlap as
    little as the frame allows: each overlapping pair is pushed apart along the axis that
    needs the shorter move, nodes stay inside the frame. Deterministic."""
    points = np.asarray(points, dtype=float)
    if len(points) == 0:
        return points
    fw, fh = frame
    low, high = points.min(axis=0), points.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    px = (points - (low + high) / 2) / span * 2 * np.array([fw, fh])
    if len(points) == 1:
        return np.zeros_like(points)
    index = np.arange(len(points))
    tie_break = np.sign(index[:, None] - index[None, :]).astype(float)
    for _ in range(rounds):
        dx = px[:, 0][:, None] - px[:, 0][None, :]
        dy = px[:, 1][:, None] - px[:, 1][None, :]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        along_x = clash & (over_x / (2 * fw) <= over_y / (2 * fh))
        along_y = clash & ~along_x
        sign_x = np.where(np.abs(dx) > 1e-9, np.sign(dx), tie_break)
        sign_y = np.where(np.abs(dy) > 1e-9, np.sign(dy), tie_break)
        px[:, 0] += 0.5 * (np.where(along_x, over_x, 0) * sign_x).sum(axis=1) / 2
        px[:, 1] += 0.5 * (np.where(along_y, over_y, 0) * sign_y).sum(axis=1) / 2
        px[:, 0] = np.clip(px[:, 0], -fw, fw)
        px[:, 1] = np.clip(px[:, 1], -fh, fh)
    # Fill the frame: spreading never shrinks the picture, filling only adds room.
    low, high = px.min(axis=0), px.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    return (px - (low + high) / 2) / span * 2


def with_positions(nodes: pd.DataFrame, positions: dict[str, tuple[float, float]]) -> pd.DataFrame:
    out = nodes.reset_index(drop=True).copy()
    out["x"] = [positions.get(a, (0.0, 0.0))[0] for a in out["actor_id"]]
    out["y"] = [positions.get(a, (0.0, 0.0))[1] for a in out["actor_id"]]
    return out


def strongest_ties(
    graph: nx.MultiDiGraph, actor_id: str, limit: int = 10, co_mentions: bool = False
) -> pd.DataFrame:
    """The actor's ties, strongest first: direction, other actor, tie (a polarity, or
    'mentioned together'), weight (stances, or shared articles). Co-mentions shape the layout
    but are ties only when `co_mentions` is on (as when the chart draws them): stances and
    co-mentions are never ranked together otherwise."""
    rows = []
    for _, t, data in graph.out_edges(actor_id, data=True):
        if data.get("kind") == "stance":
            rows.append(("→", graph.nodes[t]["name"], data.get("polarity"), data["weight"]))
    for s, _, data in graph.in_edges(actor_id, data=True):
        if data.get("kind") == "stance":
            rows.append(("←", graph.nodes[s]["name"], data.get("polarity"), data["weight"]))
    if co_mentions:
        # Stored both ways: counted once, whichever way it was added.
        others = {
            t for _, t, d in graph.out_edges(actor_id, data=True) if d.get("kind") == "co_mention"
        }
        others |= {
            s for s, _, d in graph.in_edges(actor_id, data=True) if d.get("kind") == "co_mention"
        }
        for other in sorted(others):
            weight = max(
                [d["weight"] for d in (graph.get_edge_data(actor_id, other) or {}).values()
                 if d.get("kind") == "co_mention"]
                + [d["weight"] for d in (graph.get_edge_data(other, actor_id) or {}).values()
                   if d.get("kind") == "co_mention"]
            )  # fmt: skip
            rows.append(("—", graph.nodes[other]["name"], "mentioned together", weight))
    df = pd.DataFrame(rows, columns=["direction", "actor", "tie", "weight"])
    return (
        df.sort_values(["weight", "actor"], ascending=[False, True])
        .head(limit)
        .reset_index(drop=True)
    )


def strongest_stance_ties(edges: pd.DataFrame, limit: int = 10) -> pd.DataFrame:
    """The pairs with most stances among the network's edges (source, target, polarity,
    stances), strongest first: tie ('Canada → Russia'), stances, critical, supportive, neutral.
    The list reads at any width, where a drawn network of many actors cannot (a phone)."""
    columns = ["tie", "stances", "critical", "supportive", "neutral"]
    if edges.empty:
        return pd.DataFrame(columns=columns)
    counts = edges.pivot_table(
        index=["source", "target"], columns="polarity", values="stances", aggfunc="sum"
    ).fillna(0)
    for polarity in ("critical", "supportive", "neutral"):
        if polarity not in counts:
            counts[polarity] = 0
    counts["stances"] = counts[["critical", "supportive", "neutral"]].sum(axis=1)
    counts = counts.reset_index()
    counts["tie"] = counts["source"] + " → " + counts["target"]
    ranked = counts.sort_values(["stances", "tie"], ascending=[False, True]).head(limit)
    return ranked[columns].astype({c: int for c in columns[1:]}).reset_index(drop=True)
