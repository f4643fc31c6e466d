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
    mentions = [graph.nodes[n].get("mentions", 0) for n in order]
    busiest = max(max(mentions), 1)
    # Room each node needs, in layout units (the chart draws [-1, 1] over ~550 px and a node
    # 14-50 px wide): big, busy nodes must not sit on top of each other.
    radii = [0.0036 * (14 + 36 * (m / busiest) ** 0.5) / 2 + 0.03 for m in mentions]
    placed = spread_apart(np.array([positions[n] for n in order]), np.array(radii))
    return {node: (float(x), float(y)) for node, (x, y) in zip(order, placed)}


def spread_apart(points: np.ndarray, radii: np.ndarray, rounds: int = 60) -> np.ndarray:
    """Push apart every pair of circles that overlap (deterministic), then rescale the picture
    to [-1, 1]². points: n×2, radii: n."""
    points = points.astype(float).copy()
    if len(points) < 2:
        return points
    for _ in range(rounds):
        delta = points[:, None, :] - points[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=2))
        need = radii[:, None] + radii[None, :]
        overlap = np.clip(need - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        # Coincident points get a fixed direction so the result does not depend on noise.
        safe = np.where(dist > 1e-9, dist, 1.0)
        index = np.arange(len(points))
        sideways = np.stack([np.sign(index[:, None] - index[None, :]), np.zeros_like(dist)], 2)
        direction = np.where(dist[..., None] > 1e-9, delta / safe[..., None], sideways)
        points += 0.5 * (direction * overlap[..., None]).sum(axis=1)
    low, high = points.min(axis=0), points.max(axis=0)
    scale = max(float((high - low).max()), 1e-9) / 2
    return (points - (low + high) / 2) / scale


def with_positions(nodes: pd.DataFrame, positions: dict[str, tuple[float, float]]) -> pd.DataFrame:
    out = nodes.reset_index(drop=True).copy()
    out["x"] = [positions.get(a, (0.0, 0.0))[0] for a in out["actor_id"]]
    out["y"] = [positions.get(a, (0.0, 0.0))[1] for a in out["actor_id"]]
    return out


def strongest_ties(graph: nx.MultiDiGraph, actor_id: str, limit: int = 10) -> pd.DataFrame:
    """The actor's ties, strongest first: direction, other actor, kind/polarity, weight."""
    rows = []
    for _, t, data in graph.out_edges(actor_id, data=True):
        rows.append(
            (
                "→",
                graph.nodes[t]["name"],
                data.get("polarity") or "mentioned together",
                data["weight"],
            )
        )
    for s, _, data in graph.in_edges(actor_id, data=True):
        if data.get("kind") == "co_mention":
            continue  # stored both ways; counted once from the out-edges
        rows.append(("←", graph.nodes[s]["name"], data.get("polarity"), data["weight"]))
    for s, _, data in graph.in_edges(actor_id, data=True):
        if data.get("kind") == "co_mention" and not graph.has_edge(actor_id, s):
            rows.append(("—", graph.nodes[s]["name"], "mentioned together", data["weight"]))
    df = pd.DataFrame(rows, columns=["direction", "actor", "tie", "weight"])
    return (
        df.sort_values(["weight", "actor"], ascending=[False, True])
        .head(limit)
        .reset_index(drop=True)
    )
