"""`/query`: the Cypher console, guarded by `kb.views.console`."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from neo4j import Driver
from neo4j.exceptions import Neo4jError
from pydantic import BaseModel, Field

from kb.settings import Settings
from kb.store import db
from kb.views import console, console_plan
from web.console_history import COOKIE, History
from web.deps import AnswersDep, DriverDep, SettingsDep
from web.render import PanelError, render
from web.schemas import (
    ERRORS,
    ConsoleHistoryOut,
    ConsolePlanOut,
    ConsoleResultOut,
    ConsoleRulesOut,
    ConsoleSchemaOut,
)

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
    except CONSOLE_ERRORS as exc:
        raise _panel_error(exc, settings) from None


CONSOLE_ERRORS = (console.Busy, console.Refused, console.QueryFailed, Neo4jError)


def _panel_error(exc: BaseException, settings: Settings) -> BaseException:
    """The console's account of `exc` as a PanelError; `exc` itself when it has none."""
    told = console.failure(exc, settings)
    if told is None:
        return exc
    return PanelError(told.status, told.code, told.message, told.hint, told.extra,
                      told.headers)


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


@router.post("/query/plan.json", response_model=ConsolePlanOut, responses=ERRORS,
             summary="The plan of a console query (EXPLAIN; runs nothing)")
def console_plan_json(body: ConsoleRequest, driver: DriverDep, settings: SettingsDep
                      ) -> Response:
    """The guard's verdict, then Neo4j's plan: `{"plan": tree, "warnings": [...]}`; each node
    has its operator, details, estimated rows, identifiers and children. Warnings name a
    cartesian product or a variable-length pattern with no upper bound."""
    try:
        return JSONResponse(console_plan.explain(driver, body.cypher, body.params, settings))
    except CONSOLE_ERRORS as exc:
        raise _panel_error(exc, settings) from None


@router.get("/query/schema.json", response_model=ConsoleSchemaOut, responses=ERRORS,
            summary="What the console editor completes: labels, types, keys, procedures")
def console_schema(request: Request, driver: DriverDep, answers: AnswersDep) -> Response:
    """The labels, relationship types and property keys the knowledge base has now (the
    answer changes with the data), the procedures the console allows and the server's
    functions, in the shape Neo4j's Cypher editor support takes."""
    def compute() -> dict[str, Any]:
        (row,) = db.run(driver, "console_schema", settings=request.app.state.settings)
        functions = db.run(driver, "console_functions", settings=request.app.state.settings)
        # Labels and types with their colon, as the editor support expects them: completing
        # ":Compo" then gives ":Component".
        return {"labels": sorted(f":{x}" for x in row["labels"] if x != "KbMeta"),
                "relationshipTypes": sorted(f":{x}" for x in row["types"]),
                "propertyKeys": sorted(row["keys"]),
                "procedures": [{"name": p, "signature": "", "returnItems": []}
                               for p in sorted(console.ALLOWED_PROCEDURES)],
                "functions": functions}

    return JSONResponse(answers.get(("console_schema",), compute))


@router.get("/query", summary="Cypher console", include_in_schema=False)
@router.get("/query.json", response_model=ConsoleRulesOut, summary="The console's rules")
def console_page(request: Request, settings: SettingsDep, cypher: str = "",
                 params: str = "{}") -> Response:
    """The console page; its JSON twin describes the rules."""
    data = {**console_rules(settings), "cypher": cypher, "params": params}
    return render(request, "query.html", data)


@router.post("/query.json", response_model=ConsoleResultOut,
             responses={**ERRORS, 408: ERRORS[400]}, summary="Run a read-only Cypher query")
def console_run(request: Request, body: ConsoleRequest, driver: DriverDep,
                settings: SettingsDep) -> Response:
    """Check the query, run it read-only; `{"columns", "rows", "truncated", "cut", "graph"}`.
    The query and its outcome go into this browser's history (`GET /query/history.json`)."""
    history: History = request.app.state.console_history
    browser = _browser(request)
    cookie = _cookie(browser)
    try:
        answer = run_guarded(driver, body.cypher, body.params, settings)
    except PanelError as err:
        history.record(browser, body.cypher, body.params, err.status, err.code)
        err.headers = {**err.headers, "Set-Cookie": cookie}
        raise
    history.record(browser, body.cypher, body.params, 200, "ok", len(answer["rows"]))
    return JSONResponse(answer, headers={"Set-Cookie": cookie})


@router.get("/query/history.json", response_model=ConsoleHistoryOut,
            summary="This browser's console history, newest first")
def console_history(request: Request, q: str = "") -> Response:
    """Every query this browser ran in the console, failed ones included, newest first, each
    with its outcome and a URL that opens it in the console again; `q` keeps the queries
    that contain it. Kept in the panel's memory (bounded), per browser, until it restarts."""
    entries = request.app.state.console_history.entries(request.cookies.get(COOKIE), q[:200])
    return JSONResponse({"entries": entries, "search": q[:200]},
                        headers={"Cache-Control": "no-store"})


_BROWSER_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _browser(request: Request) -> str:
    given = request.cookies.get(COOKIE, "")
    return given if _BROWSER_ID.match(given) else History.new_id()


def _cookie(browser: str) -> str:
    """The Set-Cookie value that keeps `browser` (letters, digits, - and _ only) for 30 days,
    never shown to scripts or sent along by other sites."""
    return f"{COOKIE}={browser}; Path=/; Max-Age={30 * 24 * 3600}; HttpOnly; SameSite=Strict"
