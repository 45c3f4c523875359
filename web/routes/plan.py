"""`/plan`: where the next money removes the most risk (what `kb plan` prints)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kb import analysis
from kb.analysis.plan import plan
from web.deps import AnswersDep, DriverDep, SettingsDep
from web.render import amount, render
from web.schemas import ERRORS, PlanOut

router = APIRouter(tags=["plan"])


@router.get("/plan", summary="Funding plan", include_in_schema=False)
@router.get("/plan.json", response_model=PlanOut, responses=ERRORS,
            summary="Funding plan (JSON)")
def plan_page(request: Request, driver: DriverDep, settings: SettingsDep,
              answers: AnswersDep,
              budget: Annotated[str | None, Query(max_length=40)] = None,
              horizon: Annotated[int, Query(ge=30, le=3650)] = 365,
              as_of: str | None = None,
              max_per_component: Annotated[str | None, Query(max_length=40)] = None,
              ) -> Response:
    """Grants within a budget that remove the most risk, beside the usage split. Without a
    budget, the form alone. (Amounts come as text: a form sends an empty field as "".)"""
    day = analysis.parse_as_of(as_of)
    budget_n = amount("budget", budget)
    cap = amount("max_per_component", max_per_component)
    if budget_n is None:
        return render(request, "plan.html", {"as_of": day, "horizon_days": horizon,
                                             "budget": None, "allocations": []})
    data = answers.get(("plan", day, horizon, budget_n, cap),
                       lambda: plan(driver, budget_n, day, horizon, max_per_component=cap,
                                    settings=settings).data)
    return render(request, "plan.html", data)
