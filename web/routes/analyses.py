"""`/analyses`: every analysis, and any one by name with its parameters in the query string."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kb import analysis
from kb.report import charts
from kb.store import db
from kb.store.db import plain
from web.deps import DriverDep, SettingsDep, StateDep
from web.render import PanelError, render
from web.schemas import ERRORS, AnalysesOut, AnalysisOut

router = APIRouter(tags=["analyses"])


@router.get("/analyses", summary="List of analyses", include_in_schema=False)
@router.get("/analyses.json", response_model=AnalysesOut, summary="List of analyses (JSON)")
def analyses_index(request: Request) -> Response:
    """Every analysis, with its parameters."""
    data = {"analyses": [{"name": n, "description": s.description, "params": s.params,
                          "url": f"/analyses/{n}"} for n, s in analysis.REGISTRY.items()]}
    return render(request, "analyses.html", data)


@router.get("/analyses/{name}", summary="One analysis", include_in_schema=False)
@router.get("/analyses/{name}.json", response_model=AnalysisOut, responses=ERRORS,
            summary="One analysis (JSON)")
def analysis_page(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
                  name: str) -> Response:
    """Any analysis by name; its parameters come from the query string."""
    if name not in analysis.REGISTRY:
        raise PanelError(404, "not_found", f"no analysis named {name!r}",
                         "Valid analyses: " + ", ".join(analysis.REGISTRY))
    spec = analysis.REGISTRY[name]
    params: dict[str, Any] = {}
    for key in spec.params:
        values = [v for v in request.query_params.getlist(key) if v]
        if not values:
            continue
        params[key] = values if spec.params[key] == "list" else values[0]
    if name == "ivn" and "product" not in params:
        owners = plain(db.run(driver, "product_owners", settings=settings))
        nets = analysis.ivn_all(driver, params.get("as_of"), settings)
        data = {"analysis": name, "description": spec.description, "params": params,
                "products": list(nets.values()), "choices": owners}
        return render(request, "ivn_all.html", data)
    result = analysis.run(driver, name, params, settings)
    data = {"analysis": name, "description": spec.description, "params": params,
            "result": result.data}
    # The table shows the first rows only (at 100k components the free riders' table was
    # 34,000 rows and 8 MB of HTML); the JSON twin is `data`, with every row.
    shown = settings.kb_panel_table_rows
    extra: dict[str, Any] = {"columns": result.columns, "rows": result.rows[:shown],
                             "total_rows": len(result.rows)}
    if name == "funding_topology":
        extra["chart"] = charts.funding_flows(result.data["flows"], result.data["currency"])
    return render(request, "analysis.html", data, **extra)
