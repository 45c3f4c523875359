"""The Cypher console (`/query`) and the saved queries of `cypher/` (`/queries`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from neo4j import Driver
from neo4j.exceptions import ClientError, TransientError
from pydantic import BaseModel, Field

from kb import console, queries
from kb.errors import UsageError
from web.app import PanelError, get_driver, render

router = APIRouter()
DriverDep = Annotated[Driver, Depends(get_driver)]


class ConsoleRequest(BaseModel):
    """A console query and its parameters."""

    cypher: str = Field(description="One read-only Cypher query.")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters.")


def _run(driver: Driver, cypher: str, params: dict[str, Any], settings: Any) -> dict[str, Any]:
    try:
        return console.run(driver, cypher, params, settings).as_dict()
    except console.Refused as exc:
        raise PanelError(400, "refused", exc.message,
                         "The console runs read-only queries; see /query.json for the rules."
                         ) from None
    except console.QueryFailed as exc:
        timeout = "TransactionTimedOut" in exc.code or "timed out" in exc.message.lower()
        raise PanelError(408 if timeout else 400, "timeout" if timeout else "cypher_error",
                         exc.message, None if not timeout else
                         f"Queries stop after {settings.kb_query_timeout:g} s; narrow it down.",
                         {"neo4j_code": exc.code, "position": exc.position}) from None
    except TransientError as exc:
        raise PanelError(408, "timeout", exc.message or "the query took too long",
                         f"Queries stop after {settings.kb_query_timeout:g} s.") from None
    except ClientError as exc:
        raise PanelError(400, "cypher_error", exc.message or str(exc), None,
                         {"neo4j_code": exc.code}) from None


def console_rules(settings: Any) -> dict[str, Any]:
    """What the console allows, as its page and JSON twin show."""
    return {"row_cap": settings.kb_row_cap, "timeout_seconds": settings.kb_query_timeout,
            "allowed_procedures": sorted(console.ALLOWED_PROCEDURES),
            "refused": ["writes and schema changes", "LOAD CSV", "other procedures",
                        "USE / SHOW / TERMINATE and anything aimed at the system database",
                        "CALL ... IN TRANSACTIONS"],
            "api": "POST /query.json with {\"cypher\": \"...\", \"params\": {...}}"}


@router.get("/query", summary="Cypher console")
@router.get("/query.json", include_in_schema=False)
def console_page(request: Request, cypher: str = "", params: str = "{}") -> Response:
    """The console page; its JSON twin describes the rules."""
    data = {**console_rules(request.app.state.settings), "cypher": cypher, "params": params}
    return render(request, "query.html", data)


@router.post("/query.json", summary="Run a read-only Cypher query")
def console_run(request: Request, body: ConsoleRequest, driver: DriverDep) -> Response:
    """Check the query, run it read-only; `{"columns", "rows", "truncated", "graph"}`."""
    return JSONResponse(_run(driver, body.cypher, body.params, request.app.state.settings))


@router.get("/queries", summary="Saved queries")
@router.get("/queries.json", include_in_schema=False)
def saved_queries(request: Request) -> Response:
    """Every query file in cypher/, with its description and parameters."""
    items = []
    for name, q in sorted(queries.library().items()):
        items.append({"name": name, "description": q.description, "mode": q.mode,
                      "file": str(q.path.relative_to(queries.CYPHER_DIR.parent)),
                      "params": [p.__dict__ for p in q.params], "url": f"/queries/{name}"})
    return render(request, "queries.html", {"queries": items})


@router.get("/queries/{name}", summary="One saved query, with a form for its parameters")
def saved_query(request: Request, driver: DriverDep, name: str) -> Response:
    """Show a saved query; run it (read-only) when the query string has `run=1`."""
    if name.endswith(".json"):
        name = name[:-5]
    try:
        q = queries.get(name)
    except UsageError as exc:
        raise PanelError(404, "not_found", exc.message, exc.hint) from None
    given = {p.name: request.query_params[p.name] for p in q.params
             if request.query_params.get(p.name, "") != ""}
    data: dict[str, Any] = {"name": name, "description": q.description, "mode": q.mode,
                            "file": str(q.path.relative_to(queries.CYPHER_DIR.parent)),
                            "cypher": q.text, "params": [p.__dict__ for p in q.params],
                            "given": given, "result": None}
    if request.query_params.get("run") == "1":
        if q.mode != "read":
            raise PanelError(400, "refused", f"{name} writes; the panel only runs read queries",
                             "Write queries run through `kb load`.")
        bound = q.bind(given)
        data["result"] = _run(driver, q.text, bound, request.app.state.settings)
    return render(request, "saved_query.html", data)

