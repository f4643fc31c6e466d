"""Graph work for the actor network: a networkx graph from node and edge rows, a layout that
stays put between reruns (fixed seed, nodes added in a fixed order), and an actor's strongest ties."""

from __future__ import annotations

import networkx as nx
import pandas as pd

SEED = 7


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
        simple.add_edge(s, t, weight=weight)
    # Isolated actors would drift to the rim; tie them weakly to the busiest node instead.
    hub = max(simple.nodes, key=lambda n: (simple.degree(n), n))
    for node in sorted(nx.isolates(simple)):
        if node != hub:
            simple.add_edge(node, hub, weight=0.2)
    k = 1.5 / max(graph.number_of_nodes(), 1) ** 0.5
    positions = nx.spring_layout(
        simple, seed=seed, k=k, iterations=200, weight="weight"
    )
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def with_positions(
    nodes: pd.DataFrame, positions: dict[str, tuple[float, float]]
) -> pd.DataFrame:
    out = nodes.reset_index(drop=True).copy()
    out["x"] = [positions.get(a, (0.0, 0.0))[0] for a in out["actor_id"]]
    out["y"] = [positions.get(a, (0.0, 0.0))[1] for a in out["actor_id"]]
    return out


def strongest_ties(
    graph: nx.MultiDiGraph, actor_id: str, limit: int = 10
) -> pd.DataFrame:
    """The actor's ties, strongest first: direction, other actor, kind/polarity, weight."""
    rows = []
    for s, t, data in graph.out_edges(actor_id, data=True):
        rows.append(
            (
                "→",
                graph.nodes[t]["name"],
                data.get("polarity") or "mentioned together",
                data["weight"],
            )
        )
    for s, t, data in graph.in_edges(actor_id, data=True):
        if data.get("kind") == "co_mention":
            continue  # stored both ways; counted once from the out-edges
        rows.append(("←", graph.nodes[s]["name"], data.get("polarity"), data["weight"]))
    for s, t, data in graph.in_edges(actor_id, data=True):
        if data.get("kind") == "co_mention" and not graph.has_edge(actor_id, s):
            rows.append(
                ("—", graph.nodes[s]["name"], "mentioned together", data["weight"])
            )
    df = pd.DataFrame(rows, columns=["direction", "actor", "tie", "weight"])
    return (
        df.sort_values(["weight", "actor"], ascending=[False, True])
        .head(limit)
        .reset_index(drop=True)
    )
