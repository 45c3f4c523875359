"""`/queries`: every file in `cypher/` with its description, and a form to run the reads."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kb.errors import UsageError
from kb.store import queries
from web.deps import DriverDep, SettingsDep, StateDep
from web.render import PanelError, render
from web.routes.console import run_guarded
from web.schemas import ERRORS, QueriesOut, SavedQueryOut

router = APIRouter(tags=["queries"])


@router.get("/queries", summary="Saved queries", include_in_schema=False)
@router.get("/queries.json", response_model=QueriesOut, summary="Saved queries (JSON)")
def saved_queries(request: Request) -> Response:
    """Every query file in cypher/, with its description and parameters."""
    items = []
    for name, q in sorted(queries.library().items()):
        items.append({"name": name, "description": q.description, "mode": q.mode,
                      "file": str(q.path.relative_to(queries.CYPHER_DIR.parent)),
                      "params": [p.__dict__ for p in q.params], "url": f"/queries/{name}"})
    return render(request, "queries.html", {"queries": items})


@router.get("/queries/{name}", summary="One saved query, with a form for its parameters",
            include_in_schema=False)
@router.get("/queries/{name}.json", response_model=SavedQueryOut, responses=ERRORS,
            summary="One saved query (JSON)")
def saved_query(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
                name: str) -> Response:
    """Show a saved query; run it (read-only) when the query string has `run=1`."""
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
        data["result"] = run_guarded(driver, q.text, bound, settings)
    return render(request, "saved_query.html", data)

