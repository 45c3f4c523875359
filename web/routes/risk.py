"""`/risk`: the risk table, filtered, searched, sorted and paged; the URL holds every control."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kb import analysis
from kb.analysis import scoring
from kb.report import charts
from kb.store import db
from kb.store.db import plain
from kb.views import risk_table
from web.deps import AnswersDep, DriverDep, SettingsDep, risk_table_of
from web.render import render, wants_json
from web.schemas import ERRORS, RiskPageOut

router = APIRouter(tags=["risk"])


@router.get("/risk", summary="Risk table", include_in_schema=False)
@router.get("/risk.json", response_model=RiskPageOut, responses=ERRORS,
            summary="Risk table (JSON)")
def risk_page(
    request: Request, driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
    as_of: str | None = None,
    horizon: Annotated[int, Query(ge=0, le=3650)] = 180,
    without: Annotated[list[str] | None, Query()] = None,
    leave: Annotated[list[str] | None, Query()] = None,
    fund: Annotated[list[str] | None, Query(max_length=300)] = None,
    level: str | None = None, reason: str | None = None, q: str | None = None,
    hollow: bool = False,
    sort: str = "risk_score", dir: str = "desc",
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """The risk table, filtered, searched and sorted; the URL holds every control."""
    what_if = tuple(sorted({w for w in (without or []) if w}))
    leaving = tuple(sorted({x for w in (leave or []) for x in re.split(r"[,\s]+", w) if x}))
    grants = tuple(sorted({f.strip() for f in (fund or []) if f.strip()}))
    risk_table.check_filters(level, reason, sort)
    day = analysis.parse_as_of(as_of)
    table = risk_table_of(answers, driver, settings, day, horizon, what_if, leaving, grants)
    result, total = table.head(), table.total
    # the columns filtered, sorted and paged: rows are built for the page alone
    rows = table.view(answers.get(("risk-matching", day, horizon, what_if, leaving, grants,
                                   level, reason, q, hollow, sort, dir),
                                  lambda: table.matching(level, reason, q, hollow, sort, dir),
                                  lambda pos: pos.nbytes))
    data = {**result, "filters": {"level": level, "reason": reason, "q": q, "hollow": hollow,
                                  "sort": sort, "dir": dir},
            "total": total, "matching": len(rows), "page": page,
            "per_page": per_page,
            "components": [risk_table.table_row(c, result["as_of"], horizon)
                           for c in rows[(page - 1) * per_page: page * per_page]]}
    if wants_json(request):
        return render(request, "risk.html", data)
    funders = answers.get(("funders",),
                          lambda: plain(db.run(driver, "funders", settings=settings)))
    matrix = answers.get(("matrix", result["as_of"], horizon, what_if, leaving, grants, level,
                          reason, q, hollow),
                         lambda: charts.risk_matrix(rows, result["as_of"], horizon))
    kept = [(k, v) for k, v in request.query_params.multi_items()
            if k not in ("sort", "dir", "page")]
    sort_urls = {
        col: "/risk?" + urlencode([*kept, ("sort", col),
                                   ("dir", "asc" if sort == col and dir == "desc" else "desc")])
        for col in risk_table.SORTABLE}
    pages = {n: "/risk?" + urlencode([*kept, ("sort", sort), ("dir", dir), ("page", n)])
             for n in (page - 1, page + 1) if 1 <= n <= risk_table.pages(len(rows), per_page)}
    return render(request, "risk.html", data, funders=funders, levels=risk_table.LEVELS,
                  fund_raw=grants,
                  coverage_line=scoring.coverage_line(result["coverage"]).capitalize(),
                  reasons=risk_table.REASONS,
                  matrix=matrix, sort_urls=sort_urls, pages=pages)
