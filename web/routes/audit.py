"""`/audit`: run the sustainability audit, read the report, compare saved audits."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from neo4j import Driver

from kb.analysis.common import parse_as_of
from kb.report import audit, history
from kb.report import render as report
from kb.settings import Settings
from web.deps import Answers, AnswersDep, DriverDep, SettingsDep, StateDep
from web.render import PanelError, amount, render, wants_json
from web.schemas import ERRORS, AuditDiffOut, AuditPageOut

router = APIRouter(tags=["audit"])


def _params(as_of: str | None, horizon: int, months: int, without: list[str] | None,
            budget: str | None = None) -> dict[str, Any]:
    return {"as_of": as_of, "horizon": horizon, "months": months,
            "budget": amount("budget", budget),
            "without": [w for w in (without or []) if w]}


def _audit(answers: Answers, driver: Driver, settings: Settings, p: dict[str, Any]
           ) -> dict[str, Any]:
    """The audit for these parameters, computed once per data state."""
    day = parse_as_of(p["as_of"])
    return answers.get(("audit", day, p["horizon"], p["months"], tuple(sorted(p["without"])),
                        p["budget"]),
                       lambda: audit.build(driver, day, p["horizon"], p["without"], p["months"],
                                           settings=settings, budget=p["budget"]))


@router.get("/audit", summary="Sustainability audit", include_in_schema=False)
@router.get("/audit.json", response_model=AuditPageOut, responses=ERRORS,
            summary="Sustainability audit (JSON, valuenet-audit/1)")
def audit_page(request: Request, driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
               as_of: str | None = None,
               horizon: Annotated[int, Query(ge=0, le=3650)] = 180,
               months: Annotated[int, Query(ge=1, le=60)] = 12,
               without: Annotated[list[str] | None, Query()] = None,
               budget: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The audit page loads the report while showing that it runs; the JSON twin is the audit.
    `budget` ranks the asks within it (default: what closing every gap costs)."""
    p = _params(as_of, horizon, months, without, budget)
    if wants_json(request):
        return render(request, "audit.html", _audit(answers, driver, settings, p))
    query = urlencode([(k, v) for k, v in p.items() if k != "without" and v is not None]
                      + [("without", w) for w in p["without"]])
    data = {"params": p, "report_url": f"/audit/report.html?{query}",
            "saved": history.saved(driver, settings)}
    return render(request, "audit.html", data)


@router.get("/audit/report.html", summary="The audit report as one self-contained page",
            response_class=HTMLResponse)
def audit_report(driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
                 as_of: str | None = None,
                 horizon: Annotated[int, Query(ge=0, le=3650)] = 180,
                 months: Annotated[int, Query(ge=1, le=60)] = 12,
                 without: Annotated[list[str] | None, Query()] = None,
                 budget: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The printable HTML report, with inline SVG charts."""
    p = _params(as_of, horizon, months, without, budget)
    return HTMLResponse(report.html(_audit(answers, driver, settings, p)))


@router.get("/audit/diff", summary="What changed between two saved audits",
            include_in_schema=False)
@router.get("/audit/diff.json", response_model=AuditDiffOut, responses=ERRORS,
            summary="What changed between two saved audits (JSON)")
def audit_diff(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
               old: str | None = None, new: str | None = None) -> Response:
    """Compare two saved audits (default: the two newest)."""
    ids = [a["id"] for a in history.saved(driver, settings)]
    if old is None or new is None:
        if len(ids) < 2:
            raise PanelError(404, "not_enough_audits",
                             f"need two saved audits to compare, have {len(ids)}",
                             "Save audits with `kb audit --save`.")
        new, old = new or ids[0], old or ids[1]
    result = history.diff(history.load_saved(driver, old, settings),
                        history.load_saved(driver, new, settings))
    return render(request, "audit_diff.html", {"old": old, "new": new, **result,
                                               "empty": history.diff_is_empty(result)})
