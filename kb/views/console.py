"""The ad-hoc Cypher console: a guard that refuses anything but reads, and a safe runner.

A query passes only when, with string literals and comments removed, it has no `USE`, `SHOW`,
`TERMINATE`, `LOAD CSV` or `IN TRANSACTIONS`, and when Neo4j's `EXPLAIN` of it says it is a
read (`r`) whose plan has no `LoadCSV` and calls no procedure outside `ALLOWED_PROCEDURES`.
It then runs in a read transaction with a timeout, and at most `row_cap` rows come back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from neo4j import Driver
from neo4j.exceptions import ClientError, Neo4jError
from neo4j.graph import Node, Path, Relationship

from kb.errors import KBError
from kb.settings import Settings, get_settings
from kb.store import db
from kb.store.db import plain

ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties", "dbms.components",
})
_FORBIDDEN_WORDS = [
    (re.compile(r"\bUSE\b", re.I), "USE clauses are not allowed: the console only reads the "
     "knowledge base's own database"),
    (re.compile(r"\bSHOW\b", re.I), "SHOW commands are not allowed in the console"),
    (re.compile(r"\bTERMINATE\b", re.I), "TERMINATE commands are not allowed in the console"),
    (re.compile(r"\bLOAD\s+CSV\b", re.I), "LOAD CSV is not allowed: the console cannot read "
     "files or URLs"),
    (re.compile(r"\bIN\s+TRANSACTIONS\b", re.I), "CALL ... IN TRANSACTIONS is not allowed in "
     "the console"),
    (re.compile(r"\bsystem\b", re.I), "queries aimed at the system database are not allowed"),
]
_PROC_RE = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*\(")


class Refused(KBError):
    """The console will not run this query; `reason` says why."""

    exit_code = 2

    def __init__(self, reason: str, code: str = "refused") -> None:
        super().__init__(reason)
        self.code = code


class QueryFailed(KBError):
    """Neo4j rejected the query (syntax error, timeout...)."""

    def __init__(self, message: str, code: str, position: dict[str, int] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.position = position


def strip_literals(cypher: str) -> str:
    """The query with string literals, quoted names and comments blanked out."""
    out, i, n = [], 0, len(cypher)
    while i < n:
        ch = cypher[i]
        if cypher.startswith("//", i):
            j = cypher.find("\n", i)
            i = n if j < 0 else j
            continue
        if cypher.startswith("/*", i):
            j = cypher.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
            continue
        if ch in "'\"`":
            j = i + 1
            while j < n and cypher[j] != ch:
                j += 2 if cypher[j] == "\\" else 1
            out.append(" ")
            i = j + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _operators(plan: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not plan:
        return []
    out = [plan]
    for child in plan.get("children", []):
        out += _operators(child)
    return out


MAX_CHARS = 20_000  # a query longer than this is not something a person typed
MAX_DEPTH = 64  # brackets inside brackets: Neo4j's parser overflows its stack past a few 1,000
MAX_TERMS = 1_000  # AND / OR / XOR / + terms in one query
MAX_RANGE = 1_000_000  # elements a literal range() may produce
_RANGE = re.compile(r"\brange\s*\(\s*(-?\d+)\s*,\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)", re.I)
_TERMS = re.compile(r"\b(?:AND|OR|XOR)\b|\+", re.I)


def budget(cypher: str, bare: str) -> None:
    """Refuse what would cost the server far more than a console answer is worth, before the
    server sees it: very long queries, deep nesting, very many terms, and literal ranges
    larger than MAX_RANGE (a tight loop over one ignores the transaction timeout)."""
    if len(cypher) > MAX_CHARS:
        raise Refused(f"the query is {len(cypher):,} characters; the console takes at most "
                      f"{MAX_CHARS:,}", "too_long")
    depth = deepest = 0
    for ch in bare:
        if ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise Refused(f"the query nests brackets {deepest:,} deep; the console takes at most "
                      f"{MAX_DEPTH}", "too_deep")
    terms = len(_TERMS.findall(bare))
    if terms > MAX_TERMS:
        raise Refused(f"the query has {terms:,} AND/OR/XOR/+ terms; the console takes at most "
                      f"{MAX_TERMS:,}", "too_many_terms")
    for m in _RANGE.finditer(bare):
        start, end = int(m.group(1)), int(m.group(2))
        step = int(m.group(3) or 1) or 1
        size = max(0, (end - start) // step + 1)
        if size > MAX_RANGE:
            raise Refused(f"range({m.group(1)}, {m.group(2)}) has {size:,} elements; the "
                          f"console allows at most {MAX_RANGE:,} in one range", "too_large")


def check(driver: Driver, cypher: str, params: dict[str, Any] | None = None,
          settings: Settings | None = None) -> None:
    """Raise Refused unless the query is a plain read within the console's budget;
    QueryFailed on a syntax error."""
    settings = settings or get_settings()
    if not cypher.strip():
        raise Refused("the query is empty", "empty")
    bare = strip_literals(cypher)
    budget(cypher, bare)
    for pattern, reason in _FORBIDDEN_WORDS:
        if pattern.search(bare):
            raise Refused(reason)
    try:
        summary = db.explain(driver, cypher, params or {}, settings.kb_query_timeout, settings)
    except ClientError as exc:  # syntax errors included
        raise _failed(exc) from None
    if summary.query_type != "r":
        kind = {"w": "writes", "rw": "writes",
                "s": "is a schema or administration command"}.get(
            summary.query_type or "", "is not a read")
        raise Refused(f"the console only runs read queries; this one {kind}", "write")
    for op in _operators(summary.plan):
        name = op.get("operatorType", "").split("@")[0]
        if name == "LoadCSV":
            raise Refused("LOAD CSV is not allowed: the console cannot read files or URLs")
        if "ProcedureCall" in name:
            details = str(op.get("args", {}).get("Details", ""))
            m = _PROC_RE.match(details)
            proc = m.group(1) if m else details
            if proc not in ALLOWED_PROCEDURES:
                raise Refused(f"procedure {proc} is not allowed; the console allows "
                              + ", ".join(sorted(ALLOWED_PROCEDURES)), "procedure")


def _failed(exc: Neo4jError) -> QueryFailed:
    message = exc.message or str(exc)
    m = re.search(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)", message)
    position = None
    if m:
        # Positions count the 8 characters of the "EXPLAIN " prefix on line 1.
        line, col, offset = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if line == 1:
            col -= 8
        position = {"line": line, "column": col, "offset": offset - 8}
        message = message.replace(m.group(0), f"(line {line}, column {position['column']})")
    # Neo4j echoes the query and a caret under it; the caret is off by the EXPLAIN prefix, so
    # keep only the first line and give the position separately.
    message = message.splitlines()[0] if message else exc.code or "query failed"
    return QueryFailed(message, exc.code or "Neo.ClientError", position)


@dataclass
class Result:
    """Rows of a console query, plus any graph elements in them."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    graph: dict[str, list[dict[str, Any]]]

    def as_dict(self) -> dict[str, Any]:
        """The JSON answer of `POST /query.json`."""
        return {"columns": self.columns, "rows": self.rows, "truncated": self.truncated,
                "graph": self.graph}


def _value(v: Any, nodes: dict[str, Any], rels: dict[str, Any]) -> Any:
    if isinstance(v, Node):
        props = {k: plain(x) for k, x in v.items() if not k.startswith("_")}
        nodes[v.element_id] = {"id": v.element_id, "labels": sorted(v.labels - {"Entity"}),
                               "properties": props}
        return {"_type": "node", "labels": sorted(v.labels - {"Entity"}), "properties": props}
    if isinstance(v, Relationship):
        props = {k: plain(x) for k, x in v.items() if not k.startswith("_") and k != "key"}
        if v.start_node is not None:
            _value(v.start_node, nodes, rels)
        if v.end_node is not None:
            _value(v.end_node, nodes, rels)
        rels[v.element_id] = {"id": v.element_id, "type": v.type,
                              "source": v.start_node.element_id if v.start_node else None,
                              "target": v.end_node.element_id if v.end_node else None,
                              "properties": props}
        return {"_type": "relationship", "type": v.type, "properties": props}
    if isinstance(v, Path):
        return {"_type": "path", "nodes": [_value(n, nodes, rels) for n in v.nodes],
                "relationships": [_value(r, nodes, rels) for r in v.relationships]}
    if isinstance(v, list):
        return [_value(x, nodes, rels) for x in v]
    if isinstance(v, dict):
        return {k: _value(x, nodes, rels) for k, x in v.items()}
    return plain(v)


def run(driver: Driver, cypher: str, params: dict[str, Any] | None = None,
        settings: Settings | None = None, row_cap: int | None = None) -> Result:
    """Check, then run the query in a read transaction with the timeout and row cap."""
    settings = settings or get_settings()
    cap = row_cap if row_cap is not None else settings.kb_row_cap
    check(driver, cypher, params, settings)

    try:
        keys, rows, truncated = db.read_capped(driver, cypher, params or {}, cap=cap,
                                               timeout=settings.kb_query_timeout,
                                               settings=settings)
    except ClientError as exc:  # syntax errors included
        raise _failed(exc) from None
    nodes: dict[str, Any] = {}
    rels: dict[str, Any] = {}
    out_rows = [[_value(v, nodes, rels) for v in row] for row in rows]
    graph = {"nodes": list(nodes.values()),
             "edges": [r for r in rels.values() if r["source"] in nodes and r["target"] in nodes]}
    return Result(keys, out_rows, truncated, graph)

