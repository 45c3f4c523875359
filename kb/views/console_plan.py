"""A console query's plan, from Neo4j's `EXPLAIN` (which runs nothing), as a tree a person can
read, with warnings about the shapes that make queries slow: a cartesian product (every row of
one side with every row of the other) and a variable-length pattern with no upper bound."""

from __future__ import annotations

import re
from typing import Any

from neo4j import Driver

from kb.settings import Settings, get_settings
from kb.views.console import check

_UNBOUNDED = re.compile(r"\*(?:\d+)?(?:\.\.)?\]")


def _operator(op: dict[str, Any]) -> dict[str, Any]:
    args = op.get("args", {})
    rows = args.get("EstimatedRows")
    return {"operator": op.get("operatorType", "").split("@")[0],
            "details": str(args.get("Details", "")),
            "estimated_rows": None if rows is None else round(float(rows), 1),
            "identifiers": [str(i).strip("`") for i in op.get("identifiers", [])],
            "children": [_operator(c) for c in op.get("children", [])]}


def _walk(node: dict[str, Any]) -> list[dict[str, Any]]:
    out = [node]
    for child in node["children"]:
        out += _walk(child)
    return out


def warnings(tree: dict[str, Any]) -> list[str]:
    """What in the plan could make the query slow, one sentence each."""
    out = []
    for node in _walk(tree):
        if node["operator"] == "CartesianProduct":
            sides = [", ".join(c["identifiers"]) for c in node["children"]]
            out.append("cartesian product: every row of (" + ") with every row of (".join(sides)
                       + "); connect the patterns, or the rows multiply")
        if node["operator"].startswith(("VarLengthExpand", "Expand(Into)")) and \
                _UNBOUNDED.search(node["details"]):
            out.append(f"variable-length pattern with no upper bound: {node['details']}; give "
                       "it one, as in [*..5], or it may walk the whole graph")
    return out


def explain(driver: Driver, cypher: str, params: dict[str, Any] | None = None,
            settings: Settings | None = None) -> dict[str, Any]:
    """The guard's verdict first (Refused or QueryFailed as for running), then the plan:
    `{"plan": tree, "warnings": [...]}`, where each node of the tree has its operator,
    details, estimated rows, identifiers and children."""
    settings = settings or get_settings()
    summary = check(driver, cypher, params, settings)
    tree = _operator(summary.plan or {})
    return {"plan": tree, "warnings": warnings(tree)}


def render_text(tree: dict[str, Any], depth: int = 0) -> list[str]:
    """The plan as indented lines: operator, estimated rows, details."""
    rows = tree["estimated_rows"]
    est = "" if rows is None else f"  ~{rows:,.0f} rows" if rows >= 10 else f"  ~{rows:g} rows"
    line = "  " * depth + tree["operator"] + est + (
        f"  {tree['details']}" if tree["details"] else "")
    out = [line]
    for child in tree["children"]:
        out += render_text(child, depth + 1)
    return out
