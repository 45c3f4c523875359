"""`/queries`: the saved queries people run: the library's queries meant for them
(`// listed: yes`) and users' own, saved from the console by editors (kb.views.saved_queries);
each with a form to run it. Any file in `cypher/` can still be opened by its name."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from kb.errors import UsageError
from kb.store import queries
from kb.store.db import plain
from kb.views import saved_queries as saved
from web.accounts import can_write, writer
from web.deps import DriverDep, SettingsDep, StateDep
from web.render import PanelError, render
from web.routes.console import run_guarded
from web.schemas import ERRORS, DeletedOut, QueriesOut, SavedQueryOut

router = APIRouter(tags=["queries"])


@router.get("/queries", summary="Saved queries", include_in_schema=False)
@router.get("/queries.json", response_model=QueriesOut, summary="Saved queries (JSON)")
def saved_queries(request: Request, driver: DriverDep, settings: SettingsDep) -> Response:
    """The analysis queries meant for people, and the queries users saved."""
    items = []
    for name, q in sorted(queries.library().items()):
        if q.listed:
            items.append({"name": name, "description": q.description, "mode": q.mode,
                          "origin": "library",
                          "file": str(q.path.relative_to(queries.CYPHER_DIR.parent)),
                          "params": [p.__dict__ for p in q.params], "url": f"/queries/{name}"})
    users = [{"name": u["name"], "description": u["description"], "mode": "read",
              "origin": "user", "file": None, "updated_at": u["updated_at"],
              "params": [{"name": p} for p in u["param_names"]], "url": f"/queries/{u['name']}"}
             for u in saved.all_saved(driver, settings)]
    return render(request, "queries.html", {"queries": items, "user_queries": users,
                                            "writable": can_write(request)})


class SaveRequest(BaseModel):
    """A query to save from the console (editors only)."""

    name: str = Field(max_length=200, description="Lower-case letters, digits and dashes.")
    description: str = Field(max_length=2000, description="What it answers, in a sentence.")
    cypher: str = Field(max_length=40_000, description="One read-only Cypher query.")
    params: str = Field(default="{}", max_length=20_000,
                        description="Its parameters' values as a JSON object.")
    replace: bool = Field(default=False, description="Replace a saved query of that name.")


@router.post("/queries.json", response_model=SavedQueryOut,
             responses={**ERRORS, 403: ERRORS[400]},
             summary="Save a query (a signed-in editor with X-CSRF-Token, or X-Editor-Token)")
def save_query(request: Request, body: SaveRequest, driver: DriverDep,
               settings: SettingsDep) -> Response:
    """Check a query as the console would and store it under its name; every problem is
    named at once and nothing is stored then."""
    writer(request)
    try:
        stored = saved.save(driver, body.name, body.description, body.cypher, body.params,
                            settings, replace=body.replace)
    except UsageError as exc:
        raise PanelError(400, "not_saved", exc.message, exc.hint) from None
    return JSONResponse(plain(_user_page(stored, {}, None)), status_code=201,
                        headers={"Location": f"/queries/{stored['name']}"})


@router.delete("/queries/{name}.json", response_model=DeletedOut,
               responses={**ERRORS, 403: ERRORS[400]},
               summary="Delete a user's saved query (editors)")
def delete_query(request: Request, name: str, driver: DriverDep,
                 settings: SettingsDep) -> Response:
    """Delete a query a user saved; the library's cannot be deleted."""
    writer(request)
    if not saved.delete(driver, name, settings):
        raise PanelError(404, "not_found", f"no saved query named {name!r}",
                         "Users' saved queries are listed at /queries.")
    return JSONResponse({"deleted": name})


def _user_page(q: dict[str, Any], given: dict[str, str], result: dict[str, Any] | None
               ) -> dict[str, Any]:
    return {"name": q["name"], "description": q["description"], "mode": "read",
            "origin": "user", "file": None, "cypher": q["cypher"],
            "params": [{"name": p, "type": "any", "default": json.dumps(q["params"][p])
                        if p in q["params"] else None, "doc": "JSON or text"}
                       for p in q["param_names"]],
            "given": given, "result": result, "created_at": q["created_at"],
            "updated_at": q["updated_at"]}


@router.get("/queries/{name}", summary="One saved query, with a form for its parameters",
            include_in_schema=False)
@router.get("/queries/{name}.json", response_model=SavedQueryOut, responses=ERRORS,
            summary="One saved query (JSON)")
def saved_query(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
                name: str) -> Response:
    """Show a saved query; run it (read-only) when the query string has `run=1`."""
    if name not in queries.library():
        user = saved.get(driver, name, settings)
        if user is None:
            raise PanelError(404, "not_found", f"no query named {name!r}",
                             "The saved queries are listed at /queries.")
        given_u = {p: request.query_params[p] for p in user["param_names"]
                   if request.query_params.get(p, "") != ""}
        result = None
        if request.query_params.get("run") == "1":
            try:
                bound_u = saved.bind(user, given_u)
            except UsageError as exc:
                raise PanelError(400, "bad_parameter", exc.message, exc.hint) from None
            result = run_guarded(driver, user["cypher"], bound_u, settings)
        return render(request, "saved_query.html", _user_page(user, given_u, result))
    q = queries.get(name)
    given = {p.name: request.query_params[p.name] for p in q.params
             if request.query_params.get(p.name, "") != ""}
    data: dict[str, Any] = {"name": name, "description": q.description, "mode": q.mode,
                            "file": str(q.path.relative_to(queries.CYPHER_DIR.parent)),
                            "cypher": q.text, "params": [p.__dict__ for p in q.params],
                            "given": given, "result": None, "origin": "library"}
    if request.query_params.get("run") == "1":
        if q.mode != "read":
            raise PanelError(400, "refused", f"{name} writes; the panel only runs read queries",
                             "Write queries run through `kb load`.")
        bound = q.bind(given)
        data["result"] = run_guarded(driver, q.text, bound, settings)
    return render(request, "saved_query.html", data)

