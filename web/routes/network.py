"""`/map`: the whole network as one map (kb.views.network_map), drawn with sigma.js."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kb.analysis.common import parse_as_of
from kb.views import network_map
from web.deps import AnswersDep, DriverDep, SettingsDep
from web.render import render, wants_json
from web.schemas import ERRORS, MapOut

router = APIRouter(tags=["map"])


@router.get("/map", summary="The network map", include_in_schema=False)
@router.get("/map.json", response_model=MapOut, responses=ERRORS,
            summary="The network map's nodes and edges (JSON)")
def map_page(request: Request, driver: DriverDep, settings: SettingsDep, answers: AnswersDep,
             as_of: str | None = None,
             max_nodes: Annotated[int, Query(ge=10, le=50_000)] = network_map.MAX_NODES
             ) -> Response:
    """Every entity and the relationships among them, components with their risk level;
    past `max_nodes` the least urgent components are left out and counted."""
    day = parse_as_of(as_of)
    if not wants_json(request):  # the page fetches its data from the JSON twin
        return render(request, "map.html", {"as_of": day, "max_nodes": max_nodes})
    data = answers.get(("map", day, max_nodes),
                       lambda: network_map.network(driver, day, settings, max_nodes))
    return render(request, "map.html", data)
