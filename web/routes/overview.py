"""`/`: counts, top hollow-core risks, coming cliffs and a headline per analysis."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kb import analysis
from kb.analysis import scoring
from web.deps import AnswersDep, DriverDep, SettingsDep, overview_of, timeline_of
from web.render import render, wants_json
from web.schemas import ERRORS, OverviewOut

router = APIRouter(tags=["overview"])


@router.get("/", summary="Overview", include_in_schema=False)
@router.get("/index.json", response_model=OverviewOut, responses=ERRORS,
            summary="Overview (JSON)")
def overview(request: Request, driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
             as_of: str | None = None) -> Response:
    """Counts, top hollow-core risks, coming cliffs and a headline per analysis."""
    day = analysis.parse_as_of(as_of)
    data = overview_of(answers, driver, settings, day)
    if wants_json(request):
        return render(request, "overview.html", data)
    timeline = timeline_of(answers, driver, settings, day)
    return render(request, "overview.html", data, timeline=timeline,
                  coverage_line=scoring.coverage_line(data["coverage"]).capitalize())
