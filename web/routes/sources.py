"""`/sources`: every source in the knowledge base (a load or an import) and what it said."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kb.ingest import sources
from web.deps import DriverDep, SettingsDep
from web.render import render
from web.schemas import ERRORS, SourcesOut

router = APIRouter(tags=["sources"])


@router.get("/sources", summary="Sources", include_in_schema=False)
@router.get("/sources.json", response_model=SourcesOut, responses=ERRORS,
            summary="Sources (JSON)")
def sources_page(request: Request, driver: DriverDep, settings: SettingsDep) -> Response:
    """Every source with where and when it was read and how many records it lists, alone
    or shared (what `kb sources` prints)."""
    return render(request, "sources.html", {"sources": sources.listing(driver, settings)})
