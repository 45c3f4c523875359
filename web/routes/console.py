"""`/query`: the Cypher console, guarded by `kb.views.console`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from neo4j import Driver
from neo4j.exceptions import ClientError, DatabaseError, TransientError
from pydantic import BaseModel, Field

from kb.settings import Settings
from kb.views import console
from web.deps import DriverDep, SettingsDep
from web.render import PanelError, render
from web.schemas import ERRORS, ConsoleResultOut, ConsoleRulesOut

router = APIRouter(tags=["console"])


class ConsoleRequest(BaseModel):
    """A console query and its parameters."""

    cypher: str = Field(description="One read-only Cypher query.")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters.")


def run_guarded(driver: Driver, cypher: str, params: dict[str, Any],
                settings: Settings) -> dict[str, Any]:
    """Check and run a console query; every refusal and failure as a PanelError."""
    try:
        return console.run(driver, cypher, params, settings).as_dict()
    except console.Busy as exc:
        raise PanelError(503, "busy", exc.message, "Wait for a running query to end.",
                         headers={"Retry-After": "5"}) from None
    except console.Refused as exc:
        if exc.code == "too_big":
            raise PanelError(422, "too_big", exc.message, "Return less: aggregate, or return "
                             "fewer or smaller values.") from None
        raise PanelError(400, "refused", exc.message,
                         "The console runs read-only queries within a budget; see /query.json "
                         "for the rules.", {"reason": exc.code}) from None
    except console.QueryFailed as exc:
        if exc.code == "kb.AnswerUnreadable":
            raise PanelError(422, "unreadable", exc.message, "Return the value as text: "
                             "toString(...).") from None
        timeout = "TransactionTimedOut" in exc.code or "timed out" in exc.message.lower()
        raise PanelError(408 if timeout else 400, "timeout" if timeout else "cypher_error",
                         exc.message, None if not timeout else
                         f"Queries stop after {settings.kb_query_timeout:g} s; narrow it down.",
                         {"neo4j_code": exc.code, "position": exc.position}) from None
    except TransientError as exc:
        code = exc.code or ""
        if "Memory" in code or "memory" in (exc.message or ""):
            raise PanelError(422, "too_big", "the query needs more memory than Neo4j allows "
                             "one transaction", "Return less: aggregate, or add LIMIT.",
                             {"neo4j_code": code}) from None
        raise PanelError(408, "timeout", exc.message or "the query took too long",
                         f"Queries stop after {settings.kb_query_timeout:g} s.") from None
    except ClientError as exc:
        raise PanelError(400, "cypher_error", exc.message or str(exc), None,
                         {"neo4j_code": exc.code}) from None
    except DatabaseError as exc:  # Neo4j failed running it (a stack overflow, for one)
        raise PanelError(422, "neo4j_failed", "Neo4j could not run the query: "
                         + ((exc.message or exc.code or "").splitlines() or ["no reason"])[0],
                         "Simplify the query.", {"neo4j_code": exc.code}) from None


def console_rules(settings: Any) -> dict[str, Any]:
    """What the console allows, as its page and JSON twin show."""
    return {"row_cap": settings.kb_row_cap, "timeout_seconds": settings.kb_query_timeout,
            "allowed_procedures": sorted(console.ALLOWED_PROCEDURES),
            "refused": ["writes and schema changes", "LOAD CSV", "other procedures",
                        "USE / SHOW / TERMINATE and anything aimed at the system database",
                        "CALL ... IN TRANSACTIONS",
                        f"queries over {console.MAX_CHARS:,} characters, nested over "
                        f"{console.MAX_DEPTH} brackets deep, with over {console.MAX_TERMS:,} "
                        f"AND/OR/XOR/+ terms, or with a literal range() over "
                        f"{console.MAX_RANGE:,} elements",
                        f"list iterations nested so they could take over "
                        f"{console.MAX_WORK:,} steps in one row (a list whose length the "
                        f"query does not show counts as {console.MAX_RANGE:,}): UNWIND the "
                        "outer list instead",
                        "a reduce that may double its value with each of more than "
                        f"{console.MAX_DOUBLINGS} steps"],
            "answer_mb": settings.kb_answer_mb, "slots": settings.kb_console_slots,
            "api": "POST /query.json with {\"cypher\": \"...\", \"params\": {...}}"}


@router.get("/query", summary="Cypher console", include_in_schema=False)
@router.get("/query.json", response_model=ConsoleRulesOut, summary="The console's rules")
def console_page(request: Request, settings: SettingsDep, cypher: str = "",
                 params: str = "{}") -> Response:
    """The console page; its JSON twin describes the rules."""
    data = {**console_rules(settings), "cypher": cypher, "params": params}
    return render(request, "query.html", data)


@router.post("/query.json", response_model=ConsoleResultOut,
             responses={**ERRORS, 408: ERRORS[400]}, summary="Run a read-only Cypher query")
def console_run(body: ConsoleRequest, driver: DriverDep, settings: SettingsDep) -> Response:
    """Check the query, run it read-only; `{"columns", "rows", "truncated", "cut", "graph"}`."""
    return JSONResponse(run_guarded(driver, body.cypher, body.params, settings))
