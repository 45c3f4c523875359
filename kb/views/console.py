"""The ad-hoc Cypher console: a guard that refuses anything but reads, and a safe runner.

A query passes only when, with string literals and comments removed, it has no `USE`, `SHOW`,
`TERMINATE`, `LOAD CSV` or `IN TRANSACTIONS`, and when Neo4j's `EXPLAIN` of it says it is a
read (`r`) whose plan has no `LoadCSV` and calls no procedure outside `ALLOWED_PROCEDURES`.
Within the budget of `kb.views.console_budget`, it then runs in a read transaction with a
timeout that the caller never waits much past, and at most `row_cap` rows and about
`kb_answer_mb` megabytes come back.
"""

from __future__ import annotations

import math
import re
import threading
import uuid
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from neo4j import Driver, ResultSummary
from neo4j.exceptions import (
    BrokenRecordError,
    ClientError,
    DatabaseError,
    DriverError,
    Neo4jError,
    TransientError,
)
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from kb.errors import KBError
from kb.settings import Settings, get_settings
from kb.store import db
from kb.views.console_budget import (  # noqa: F401  (re-exported: the panel names them)
    MAX_CHARS,
    MAX_DEPTH,
    MAX_DOUBLINGS,
    MAX_RANGE,
    MAX_TERMS,
    MAX_WORK,
    Refused,
    budget,
    strip_literals,
)

ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
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


class QueryFailed(KBError):
    """Neo4j rejected the query (syntax error, timeout...)."""

    def __init__(self, message: str, code: str, position: dict[str, int] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.position = position


def _operators(plan: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not plan:
        return []
    out = [plan]
    for child in plan.get("children", []):
        out += _operators(child)
    return out


def check(driver: Driver, cypher: str, params: dict[str, Any] | None = None,
          settings: Settings | None = None) -> ResultSummary:
    """Raise Refused unless the query is a plain read within the console's budget;
    QueryFailed on a syntax error. Returns the summary of its EXPLAIN (plan included)."""
    settings = settings or get_settings()
    if not cypher.strip():
        raise Refused("the query is empty", "empty")
    bare = strip_literals(cypher)
    budget(cypher, bare, params)
    if _params_depth(params or {}) > ANSWER_DEPTH:
        raise Refused(f"the parameters nest lists or maps more than {ANSWER_DEPTH} deep",
                      "too_deep")
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
    return summary


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
    graph: dict[str, Any]
    cut: str | None = None  # "rows" (the row cap) or "bytes" (the answer size cap)

    def as_dict(self) -> dict[str, Any]:
        """The JSON answer of `POST /query.json`."""
        return {"columns": self.columns, "rows": self.rows, "truncated": self.truncated,
                "cut": self.cut, "graph": self.graph}


ANSWER_DEPTH = 64  # lists and maps inside each other in one answer value


def _scalar(v: Any) -> Any:
    """A value Neo4j returned, as something JSON can carry: non-finite floats as the strings
    "Infinity", "-Infinity", "NaN"; temporal values in ISO 8601; points as a map; bytes as
    hex; anything else as its text."""
    if v is None or isinstance(v, bool | int | str):
        return v
    if isinstance(v, float):
        if math.isfinite(v):
            return v
        return "NaN" if v != v else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, Date | DateTime | Time | Duration):
        return v.iso_format()
    if isinstance(v, date | time):
        return v.isoformat()
    if isinstance(v, Point):
        return {"_type": "point", "srid": v.srid, "coordinates": list(v)}
    if isinstance(v, bytes | bytearray):
        return bytes(v).hex()
    return str(v)


def _props(entity: Any, depth: int) -> dict[str, Any]:
    return {k: _value(x, {}, {}, depth + 1) for k, x in entity.items()
            if not k.startswith("_") and k != "key"}


def _value(v: Any, nodes: dict[str, Any], rels: dict[str, Any], depth: int = 0) -> Any:
    if depth > ANSWER_DEPTH:
        raise Refused(f"a value in the answer nests lists or maps more than {ANSWER_DEPTH} "
                      "deep; the console cannot show it", "too_deep")
    if isinstance(v, Node):
        props = _props(v, depth)
        nodes[v.element_id] = {"id": v.element_id, "labels": sorted(v.labels - {"Entity"}),
                               "properties": props}
        return {"_type": "node", "labels": sorted(v.labels - {"Entity"}), "properties": props}
    if isinstance(v, Relationship):
        props = _props(v, depth)
        if v.start_node is not None:
            _value(v.start_node, nodes, rels, depth)
        if v.end_node is not None:
            _value(v.end_node, nodes, rels, depth)
        rels[v.element_id] = {"id": v.element_id, "type": v.type,
                              "source": v.start_node.element_id if v.start_node else None,
                              "target": v.end_node.element_id if v.end_node else None,
                              "properties": props}
        return {"_type": "relationship", "type": v.type, "properties": props}
    if isinstance(v, Path):
        return {"_type": "path", "nodes": [_value(n, nodes, rels, depth + 1) for n in v.nodes],
                "relationships": [_value(r, nodes, rels, depth + 1) for r in v.relationships]}
    if isinstance(v, list):
        return [_value(x, nodes, rels, depth + 1) for x in v]
    if isinstance(v, dict):
        return {str(k): _value(x, nodes, rels, depth + 1) for k, x in v.items()}
    return _scalar(v)


def _params_depth(value: Any, depth: int = 0) -> int:
    if depth > ANSWER_DEPTH:
        return depth
    if isinstance(value, dict):
        return max([_params_depth(v, depth + 1) for v in value.values()], default=depth + 1)
    if isinstance(value, list):
        return max([_params_depth(v, depth + 1) for v in value], default=depth + 1)
    return depth


class Busy(KBError):
    """Every console slot is taken by a query still running."""

    exit_code = 3


_slots_lock = threading.Lock()
_slots: dict[int, threading.BoundedSemaphore] = {}
MARGIN = 2.0  # seconds the panel waits past the timeout for Neo4j's own answer


def _slot(settings: Settings) -> threading.BoundedSemaphore:
    with _slots_lock:
        return _slots.setdefault(settings.kb_console_slots,
                                 threading.BoundedSemaphore(settings.kb_console_slots))


def run(driver: Driver, cypher: str, params: dict[str, Any] | None = None,
        settings: Settings | None = None, row_cap: int | None = None) -> Result:
    """Check, then run the query in a read transaction with the timeout, row cap and answer
    size cap. The caller waits at most the timeout plus MARGIN: past it, Neo4j is asked to
    end the transaction and QueryFailed says it timed out. At most `kb_console_slots` queries
    run at once; a query Neo4j cannot stop keeps its slot until it ends."""
    settings = settings or get_settings()
    cap = row_cap if row_cap is not None else settings.kb_row_cap
    check(driver, cypher, params, settings)
    slot = _slot(settings)
    if not slot.acquire(blocking=False):
        raise Busy(f"every console slot ({settings.kb_console_slots}) is taken by a query "
                   "still running; try again in a few seconds")
    tag = uuid.uuid4().hex
    max_bytes = int(settings.kb_answer_mb * 1024 * 1024)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = db.read_capped(
                driver, cypher, params or {}, cap=cap, max_bytes=max_bytes,
                timeout=settings.kb_query_timeout, tag=tag, settings=settings)
        except BaseException as exc:  # handed to the waiting caller below
            outcome["error"] = exc
        finally:
            slot.release()

    worker = threading.Thread(target=work, name=f"kb-console-{tag[:8]}", daemon=True)
    worker.start()
    worker.join(settings.kb_query_timeout + MARGIN)
    if worker.is_alive():
        try:
            db.terminate_tagged(driver, tag, settings)
        except Neo4jError:
            pass  # the answer is a timeout either way
        raise QueryFailed(f"the query ran past the {settings.kb_query_timeout:g} s timeout; "
                          "Neo4j has been asked to end it",
                          "Neo.ClientError.Transaction.TransactionTimedOut")
    if "error" in outcome:
        exc = outcome["error"]
        if isinstance(exc, ClientError):  # syntax errors included
            raise _failed(exc) from None
        if isinstance(exc, Neo4jError | DriverError) and not isinstance(exc, BrokenRecordError):
            raise exc
        # The driver could not read a value (a date past year 9999, a list nested too deep).
        raise QueryFailed(f"the answer has a value the panel cannot read: "
                          f"{type(exc).__name__}: {str(exc)[:200]}",
                          "kb.AnswerUnreadable") from None
    keys, rows, cut = outcome["value"]
    if cut == "bytes" and not rows:
        raise Refused(f"the query's first row is larger than the {settings.kb_answer_mb:g} MB "
                      "a console answer may hold", "too_big")
    nodes: dict[str, Any] = {}
    rels: dict[str, Any] = {}
    out_rows = [[_value(v, nodes, rels) for v in row] for row in rows]
    graph_nodes = list(nodes.values())
    edges = [r for r in rels.values() if r["source"] in nodes and r["target"] in nodes]
    added, links = _links(driver, nodes, rels, settings)
    graph: dict[str, Any] = {"nodes": graph_nodes, "edges": edges + added, "links": links}
    return Result(keys, out_rows, cut is not None, graph, cut)


LINK_NODES = 500  # the returned nodes the console looks up the relationships among
LINK_LIMIT = 2000  # ... and at most this many relationships


def _links(driver: Driver, nodes: dict[str, Any], rels: dict[str, Any],
           settings: Settings) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The relationships among the returned nodes that the query did not return itself, so
    that the drawing shows how they connect (`edges` gains them, marked `added`), and what
    was left out: `links` says how many were added and whether the look-up was skipped (more
    than LINK_NODES nodes) or cut (LINK_LIMIT reached)."""
    if len(nodes) < 2:
        return [], {"added": 0, "skipped": False, "cut": False}
    if len(nodes) > LINK_NODES:
        return [], {"added": 0, "skipped": True, "cut": False}
    found = db.run(driver, "console_links", {"ids": list(nodes), "limit": LINK_LIMIT},
                   timeout=settings.kb_query_timeout, settings=settings)
    added = [{"id": r["id"], "type": r["type"], "source": r["source"], "target": r["target"],
              "properties": {k: _scalar(v) for k, v in (r["props"] or {}).items()},
              "added": True} for r in found if r["id"] not in rels]
    return added, {"added": len(added), "skipped": False, "cut": len(found) >= LINK_LIMIT}


@dataclass
class Failure:
    """How a console failure is told, to the panel (status) and to a shell (exit code)."""

    status: int
    code: str
    message: str
    hint: str | None = None
    extra: dict[str, Any] | None = None
    headers: dict[str, str] | None = None

    @property
    def exit_code(self) -> int:
        """2 for a refusal (the query is not one the console runs), 3 for busy, else 1."""
        return {"refused": 2, "busy": 3}.get(self.code, 1)


def failure(exc: BaseException, settings: Settings) -> Failure | None:
    """The console's account of `exc` raised by `run` or `check`, or None when it is not one
    of the console's failures (a lost connection is the caller's to report)."""
    timeout_hint = (f"Queries stop after {settings.kb_query_timeout:g} s "
                    "(KB_QUERY_TIMEOUT); narrow it down.")
    if isinstance(exc, Busy):
        return Failure(503, "busy", exc.message, "Wait for a running query to end.",
                       headers={"Retry-After": "5"})
    if isinstance(exc, Refused):
        if exc.code == "too_big":
            return Failure(422, "too_big", exc.message, "Return less: aggregate, or return "
                           "fewer or smaller values.")
        return Failure(400, "refused", exc.message, "The console runs read-only queries "
                       "within a budget; see /query.json for the rules.", {"reason": exc.code})
    if isinstance(exc, QueryFailed):
        if exc.code == "kb.AnswerUnreadable":
            return Failure(422, "unreadable", exc.message, "Return the value as text: "
                           "toString(...).")
        if "TransactionTimedOut" in exc.code or "timed out" in exc.message.lower():
            return Failure(408, "timeout", exc.message, timeout_hint,
                           {"neo4j_code": exc.code, "position": exc.position})
        return Failure(400, "cypher_error", exc.message, None,
                       {"neo4j_code": exc.code, "position": exc.position})
    if isinstance(exc, TransientError):
        code = exc.code or ""
        if "Memory" in code or "memory" in (exc.message or ""):
            return Failure(422, "too_big", "the query needs more memory than Neo4j allows "
                           "one transaction", "Return less: aggregate, or add LIMIT.",
                           {"neo4j_code": code})
        return Failure(408, "timeout", exc.message or "the query took too long", timeout_hint)
    if isinstance(exc, ClientError):
        return Failure(400, "cypher_error", exc.message or str(exc), None,
                       {"neo4j_code": exc.code})
    if isinstance(exc, DatabaseError):  # Neo4j failed running it (a stack overflow, for one)
        return Failure(422, "neo4j_failed", "Neo4j could not run the query: "
                       + ((exc.message or exc.code or "").splitlines() or ["no reason"])[0],
                       "Simplify the query.", {"neo4j_code": exc.code})
    return None
