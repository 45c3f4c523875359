"""`/audit`: run the sustainability audit, read the report, compare saved audits."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from neo4j import Driver

from kb.analysis.common import parse_as_of
from kb.errors import KBError
from kb.report import audit, charts, history
from kb.report import render as report
from kb.settings import Settings
from web.accounts import can_write, writer
from web.deps import Answers, AnswersDep, DriverDep, SettingsDep, StateDep
from web.render import PanelError, amount, render, wants_json
from web.schemas import ERRORS, AuditDiffOut, AuditPageOut, AuditSavedOut, AuditTrendOut

router = APIRouter(tags=["audit"])


def _params(as_of: str | None, horizon: int, months: int, without: list[str] | None,
            budget: str | None = None, limit: int = audit.LIMIT,
            id_limit: int = audit.ID_LIMIT) -> dict[str, Any]:
    return {"as_of": as_of, "horizon": horizon, "months": months,
            "budget": amount("budget", budget),
            "without": [w for w in (without or []) if w], "limit": limit,
            "id_limit": id_limit}


# Entries of each long list the panel's audit may hold: the whole audit of 100,000
# components is 187 MB, ten times that at a million, more than a page or a saved audit
# should carry (`kb audit --limit 0` writes it to a file).
PANEL_LIMIT = 10_000
LimitQuery = Annotated[int, Query(ge=1, le=PANEL_LIMIT, description=(
    "Entries each long list holds, most urgent first (the audit's `cut` says how many there "
    f"are); 1 to {PANEL_LIMIT:,}."))]
IdLimitQuery = Annotated[int, Query(ge=1, le=PANEL_LIMIT, description=(
    "Ids each id list inside those entries holds (an entry whose list was cut gives its "
    f"length under `id_totals`); 1 to {PANEL_LIMIT:,}."))]


def _audit(answers: Answers, driver: Driver, settings: Settings, p: dict[str, Any]
           ) -> dict[str, Any]:
    """The audit for these parameters, computed once per data state."""
    day = parse_as_of(p["as_of"])
    return answers.get(("audit", day, p["horizon"], p["months"], tuple(sorted(p["without"])),
                        p["budget"], p["limit"], p["id_limit"]),
                       lambda: audit.build(driver, day, p["horizon"], p["without"], p["months"],
                                           settings=settings, budget=p["budget"],
                                           limit=p["limit"], id_limit=p["id_limit"]))


@router.get("/audit", summary="Sustainability audit", include_in_schema=False)
@router.get("/audit.json", response_model=AuditPageOut, responses=ERRORS,
            summary="Sustainability audit (JSON, valuenet-audit/1)")
def audit_page(request: Request, driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
               as_of: str | None = None,
               horizon: Annotated[int, Query(ge=0, le=3650)] = 180,
               months: Annotated[int, Query(ge=1, le=60)] = 12,
               without: Annotated[list[str] | None, Query()] = None,
               budget: Annotated[str | None, Query(max_length=40)] = None,
               limit: LimitQuery = audit.LIMIT,
               id_limit: IdLimitQuery = audit.ID_LIMIT) -> Response:
    """The audit page loads the report while showing that it runs; the JSON twin is the audit.
    `budget` ranks the asks within it (default: what closing every gap costs)."""
    p = _params(as_of, horizon, months, without, budget, limit, id_limit)
    if wants_json(request):
        return render(request, "audit.html", _audit(answers, driver, settings, p))
    query = urlencode([(k, v) for k, v in p.items() if k != "without" and v is not None]
                      + [("without", w) for w in p["without"]])
    data = {"params": p, "report_url": f"/audit/report.html?{query}",
            "downloads": {fmt: f"/audit/report.{fmt}?{query}" for fmt in DOWNLOADS},
            "json_url": f"/audit.json?{query}", "query": query,
            "writable": can_write(request),
            "saved": history.saved(driver, settings)}
    return render(request, "audit.html", data)


DOWNLOADS = {"pdf": "application/pdf", "md": "text/markdown; charset=utf-8",
             "csv": "text/csv; charset=utf-8"}


@router.get("/audit/trend", summary="The saved audits over time", include_in_schema=False)
@router.get("/audit/trend.json", response_model=AuditTrendOut, summary="The saved audits over "
            "time (JSON): hollow cores, critical, coverage, funded share")
def audit_trend(request: Request, driver: DriverDep, settings: SettingsDep) -> Response:
    """The series of saved audits, with its chart."""
    points = history.trend(driver, settings)
    if wants_json(request):
        return render(request, "audit_trend.html", {"points": points})
    return render(request, "audit_trend.html", {"points": points},
                  chart=charts.trend(points))


@router.get("/audit/report.html", summary="The audit report as one self-contained page",
            response_class=HTMLResponse)
def audit_report(driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
                 as_of: str | None = None,
                 horizon: Annotated[int, Query(ge=0, le=3650)] = 180,
                 months: Annotated[int, Query(ge=1, le=60)] = 12,
                 without: Annotated[list[str] | None, Query()] = None,
                 budget: Annotated[str | None, Query(max_length=40)] = None,
                 limit: LimitQuery = audit.LIMIT,
               id_limit: IdLimitQuery = audit.ID_LIMIT) -> Response:
    """The printable HTML report, with inline SVG charts."""
    p = _params(as_of, horizon, months, without, budget, limit, id_limit)
    return HTMLResponse(report.html(_audit(answers, driver, settings, p)))


@router.get("/audit/report.{fmt}", summary="The audit report to download: pdf, md or csv",
            response_class=Response, responses=ERRORS)
def audit_download(fmt: str, driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
                   as_of: str | None = None,
                   horizon: Annotated[int, Query(ge=0, le=3650)] = 180,
                   months: Annotated[int, Query(ge=1, le=60)] = 12,
                   without: Annotated[list[str] | None, Query()] = None,
                   budget: Annotated[str | None, Query(max_length=40)] = None,
                   limit: LimitQuery = audit.LIMIT,
               id_limit: IdLimitQuery = audit.ID_LIMIT) -> Response:
    """The same audit as the page, as a file: PDF (printed by headless Chromium), Markdown
    or CSV (one row per finding listed)."""
    if fmt not in DOWNLOADS:
        raise PanelError(404, "not_found", f"no audit format {fmt!r}",
                         f"Download one of: html, {', '.join(DOWNLOADS)}, or /audit.json.")
    p = _params(as_of, horizon, months, without, budget, limit, id_limit)
    data = _audit(answers, driver, settings, p)
    name = f"audit-{data['as_of']}.{fmt}"
    if fmt == "pdf":
        with tempfile.TemporaryDirectory(prefix="kb-audit-") as tmp:
            out = Path(tmp) / name
            try:
                report.pdf(data, out)
            except KBError as exc:
                raise PanelError(503, "pdf_failed", exc.message, exc.hint) from None
            body = out.read_bytes()
    else:
        body = report.text(data, fmt).encode()
    return Response(body, media_type=DOWNLOADS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/audit/save", summary="Save the audit (editors)",
             include_in_schema=False)
@router.post("/audit/save.json", response_model=AuditSavedOut,
             responses={**ERRORS, 403: ERRORS[400]},
             summary="Save the audit for these parameters (editors, or the editor token)")
def audit_save(request: Request, driver: DriverDep, settings: SettingsDep,
               answers: AnswersDep, token: Annotated[str, Form(max_length=500)] = "",
               csrf: Annotated[str, Form(max_length=100)] = "",
               as_of: Annotated[str | None, Form(max_length=10)] = None,
               horizon: Annotated[int, Form(ge=0, le=3650)] = 180,
               months: Annotated[int, Form(ge=1, le=60)] = 12,
               without: Annotated[list[str] | None, Form()] = None,
               budget: Annotated[str | None, Form(max_length=40)] = None) -> Response:
    """Store the audit for these parameters in the knowledge base, as `kb audit --save`
    does, for the trend and `kb audit diff`; then back to the audit page."""
    writer(request, csrf, token)
    p = _params(as_of or None, horizon, months, without, budget)
    data = _audit(answers, driver, settings, p)
    saved_id = history.save(driver, data, settings)
    if wants_json(request):
        return JSONResponse({"id": saved_id, "as_of": data["as_of"]}, status_code=201)
    return RedirectResponse(f"/audit?saved={saved_id}", status_code=303)


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
