"""What the panel shows of one record: its properties, its neighbours grouped by
relationship, and what each kind adds (a component's reliance and risk, a product's inner
value network, an actor's fundings and voices, an agreement's scorecard)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import quote

from neo4j import Driver

from kb import analysis
from kb.errors import NotFound
from kb.ingest import provenance
from kb.settings import Settings
from kb.store import db
from kb.store.db import plain

PATHS = {"Actor": "actors", "Product": "products", "Component": "components",
         "Agreement": "agreements", "Funding": "fundings", "Decision": "decisions"}
LABELS = {path: label for label, path in PATHS.items()}


def url(label: str | None, entity_id: str) -> str:
    """The panel URL of an entity page."""
    return f"/{PATHS.get(label or '', 'entities')}/{quote(entity_id, safe='')}"


def entity(driver: Driver, entity_id: str, label: str,
           settings: Settings | None = None) -> dict[str, Any]:
    """Properties and neighbours of the `label` with id `entity_id`; NotFound otherwise."""
    rows = plain(db.run(driver, "entity", {"id": entity_id}, settings=settings))
    if not rows or rows[0]["label"] != label:
        kind = label.lower()
        raise NotFound(f"no {kind} with id {entity_id!r}",
                       f"See /analyses or search the risk table for valid {kind} ids.")
    raw = rows[0]["props"]
    props = {k: v for k, v in raw.items() if not k.startswith("_")}
    links = plain(db.run(driver, "neighbours", {"ids": [entity_id]}, settings=settings))
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in links:
        props_r = {k: v for k, v in r["props"].items() if not k.startswith("_") and k != "key"}
        direction = "out" if r["outgoing"] else "in"
        grouped[f"{r['type']} ({direction})"].append({
            "id": r["other"], "label": r["other_label"], "name": r["other_name"],
            "url": url(r["other_label"], r["other"]), "properties": props_r,
            **({"sources": r["props"]["_sources"]} if r["props"].get("_sources") else {})})
    return {"id": entity_id, "label": label, "properties": props,
            "provenance": provenance.attribution(raw, list(raw.get("_sources") or [])),
            "relationships": dict(sorted(grouped.items()))}


def component(data: dict[str, Any], row: dict[str, Any], as_of: str) -> dict[str, Any]:
    """A component's entity data with its reliance, maintainers and risk `row` on `as_of`
    (the risk analysis's row of this component)."""
    rels = data["relationships"]
    return {**data, "risk": {**row}, "as_of": as_of,
            "reliance": {
                "direct_products": [x["id"] for x in rels.get("BUILT_ON (in)", [])],
                "direct_actors": [x["id"] for x in rels.get("RELIES_ON (in)", [])],
                "all_products": row["reliant_product_ids"],
                "all_actors": row["reliant_actor_ids"]},
            "maintainers": [{"actor": x["id"], **x["properties"]}
                            for x in rels.get("MAINTAINS (in)", [])]}


def product(driver: Driver, data: dict[str, Any], as_of: str | None,
            settings: Settings | None = None) -> dict[str, Any]:
    """A product's entity data with its inner value network and gaps."""
    return {**data, "ivn": analysis.ivn(driver, data["id"], as_of, settings).data}


def actor(driver: Driver, data: dict[str, Any],
          settings: Settings | None = None) -> dict[str, Any]:
    """An actor's entity data with what it funds, maintains, owns, relies on and says."""
    rels = data["relationships"]
    return {**data,
            "fundings": plain(db.run(driver, "actor_fundings", {"id": data["id"]},
                                     settings=settings)),
            "maintains": [{"component": x["id"], **x["properties"]}
                          for x in rels.get("MAINTAINS (out)", [])],
            "owns": [x["id"] for x in rels.get("OWNS (out)", [])],
            "relies_on": [x["id"] for x in rels.get("RELIES_ON (out)", [])],
            "voices": [{"decision": x["id"], "topic": x["name"], **x["properties"]}
                       for x in rels.get("VOICE (out)", [])]}


def agreement(driver: Driver, data: dict[str, Any], as_of: str | None,
              settings: Settings | None = None) -> dict[str, Any]:
    """An agreement's entity data with its scorecard."""
    card = analysis.agreements(driver, as_of, settings).data
    return {**data, "scorecard": next(a for a in card["agreements"] if a["id"] == data["id"])}


MAX_GRAPH_NODES = 300


def neighbourhood(driver: Driver, start_id: str, depth: int,
                  settings: Settings | None = None) -> dict[str, Any]:
    """Nodes and edges within `depth` hops of an entity, at most MAX_GRAPH_NODES nodes
    (`truncated` says when more were left out)."""
    start = plain(db.run(driver, "entity", {"id": start_id}, settings=settings))
    if not start:
        raise NotFound(f"no entity with id {start_id!r}")
    nodes: dict[str, dict[str, Any]] = {
        start_id: {"id": start_id, "label": start[0]["label"],
                   "name": start[0]["props"].get("name") or start_id,
                   "url": url(start[0]["label"], start_id), "depth": 0}}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    frontier = [start_id]
    truncated = False
    for level in range(1, depth + 1):
        if not frontier:
            break
        rows = plain(db.run(driver, "neighbours", {"ids": frontier, "limit": 5000},
                            settings=settings))
        nxt = []
        for r in rows:
            src, dst = (r["id"], r["other"]) if r["outgoing"] else (r["other"], r["id"])
            if r["other"] not in nodes:
                if len(nodes) >= MAX_GRAPH_NODES:
                    truncated = True
                    continue
                nodes[r["other"]] = {"id": r["other"], "label": r["other_label"],
                                     "name": r["other_name"], "depth": level,
                                     "url": url(r["other_label"], r["other"])}
                nxt.append(r["other"])
            edges[(src, r["type"], dst)] = {"source": src, "target": dst, "type": r["type"]}
        frontier = nxt
    return {"id": start_id, "depth": depth, "truncated": truncated,
            "nodes": list(nodes.values()), "edges": list(edges.values())}
