"""The whole network as one map (`/map`): every entity and the relationships among them,
with each component's risk level, cut to what a browser draws fluidly.

Up to MAX_NODES entities are drawn whole. Past that the map keeps the most telling part:
components, most urgent first (shared ones, relied on by two actors or more, before the
rest), fill half of it; then products, actors, fundings, agreements and decisions, in that
order and each kind the most connected first; room left goes to more components. The answer
counts what was left out, by kind, and the page says so. A record left out can still be
reached: searching for it or expanding a neighbour loads its own neighbourhood
(`/graph.json`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from neo4j import Driver

from kb import analysis
from kb.settings import Settings
from kb.store import db
from kb.store.db import plain
from kb.views.entities import url

MAX_NODES = 6_000  # the deepfunding import (5,129 records) whole; fluid in software WebGL
MAX_EDGES = 200_000
KIND_ORDER = ("Product", "Actor", "Funding", "Agreement", "Decision")  # after components


def network(driver: Driver, as_of: str, settings: Settings | None = None,
            max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """Nodes (id, kind, name, url, risk level and score of components, shared), edges among
    them, counts by kind, and what the aggregation left out."""
    rows = plain(db.run(driver, "map_nodes", settings=settings))
    risk = {c["id"]: c for c in analysis.risk(driver, as_of, settings=settings)
            .data["components"]}
    comps = [r for r in rows if r["label"] == "Component"]
    # Most urgent first, as the risk table ranks them (shared before unshared).
    rank = {cid: i for i, cid in enumerate(risk)}
    comps.sort(key=lambda r: (not risk.get(r["id"], {}).get("shared", False),
                              rank.get(r["id"], len(rank))))
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    others = sorted((r for r in rows if r["label"] != "Component"),
                    key=lambda r: (order.get(r["label"], len(order)), -r["degree"], r["id"]))
    first = comps[:max_nodes // 2]
    rest = others[:max_nodes - len(first)]
    more = comps[len(first):len(first) + max_nodes - len(first) - len(rest)]
    kept = first + more + rest
    left = Counter(r["label"] for r in comps[len(first) + len(more):] + others[len(rest):])
    ids = [r["id"] for r in kept]
    edges = plain(db.run(driver, "map_edges", {"ids": ids, "limit": MAX_EDGES},
                         settings=settings)) if ids else []
    nodes = []
    for r in kept:
        node = {"id": r["id"], "label": r["label"], "name": r["name"] or r["id"],
                "url": url(r["label"], r["id"])}
        c = risk.get(r["id"])
        if c is not None:
            node.update(level=c["risk_level"], score=c["risk_score"], shared=c["shared"],
                        hollow_core=c["hollow_core"])
        nodes.append(node)
    return {"as_of": as_of, "nodes": nodes, "edges": edges,
            "counts": dict(sorted(Counter(r["label"] for r in rows).items())),
            "drawn": len(nodes), "total": len(rows),
            "left_out": dict(sorted(left.items())), "max_nodes": max_nodes,
            "edges_cut": len(edges) >= MAX_EDGES}
