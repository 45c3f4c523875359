"""`/`: counts, top hollow-core risks, coming cliffs and a headline per analysis."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kb import analysis
from kb.analysis import scoring
from kb.report import charts
from kb.views.overview import headline_findings
from web.deps import AnswersDep, DriverDep, SettingsDep
from web.render import render, wants_json
from web.schemas import ERRORS, OverviewOut

router = APIRouter(tags=["overview"])


def risk_of(answers: AnswersDep, driver: DriverDep, settings: SettingsDep, day: str,
            horizon: int = 180, without: tuple[str, ...] = (),
            leave: tuple[str, ...] = (), fund: tuple[str, ...] = ()) -> analysis.Analysis:
    """The full risk analysis for a day, horizon and what-if, once per data state."""
    return answers.get(("risk", day, horizon, without, leave, fund),
                       lambda: analysis.risk(driver, day, horizon, list(without), settings,
                                             leave=list(leave), fund=list(fund)))


@router.get("/", summary="Overview", include_in_schema=False)
@router.get("/index.json", response_model=OverviewOut, responses=ERRORS,
            summary="Overview (JSON)")
def overview(request: Request, driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
             as_of: str | None = None) -> Response:
    """Counts, top hollow-core risks, coming cliffs and a headline per analysis."""
    day = analysis.parse_as_of(as_of)
    base = risk_of(answers, driver, settings, day)
    data = answers.get(("overview", day),
                       lambda: headline_findings(driver, day, settings, base))
    if wants_json(request):
        return render(request, "overview.html", data)
    timeline = answers.get(("timeline", day),
                           lambda: charts.cliff_timeline(base.data["components"], day, 12))
    return render(request, "overview.html", data, timeline=timeline,
                  coverage_line=scoring.coverage_line(data["coverage"]).capitalize())
