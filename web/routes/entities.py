"""Entity pages (`/components/ID`, `/products/ID`, ...) and the neighbourhood graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kb import analysis
from kb.views import entities
from web.deps import AnswersDep, DriverDep, SettingsDep, StateDep, risk_table_of
from web.render import render
from web.schemas import (
    ERRORS,
    ActorOut,
    AgreementOut,
    ComponentOut,
    EntityOut,
    GraphOut,
    ProductOut,
)

router = APIRouter(tags=["entities"])


@router.get("/components/{entity_id:path}", summary="Component page", include_in_schema=False)
@router.get("/components/{entity_id:path}.json", response_model=ComponentOut, responses=ERRORS,
            summary="Component page (JSON)")
def component_page(request: Request, driver: DriverDep, settings: SettingsDep,
                   answers: AnswersDep, entity_id: str, as_of: str | None = None,
                   horizon: int = 180) -> Response:
    """A component: who relies on it, funds and maintains it, and its risk explanation."""
    data = entities.entity(driver, entity_id, "Component", settings)
    day = analysis.parse_as_of(as_of)
    table = risk_table_of(answers, driver, settings, day, horizon)
    row = table.find(data["id"])
    assert row is not None  # the entity exists: it has a risk row
    return render(request, "component.html", entities.component(data, row, day))


@router.get("/products/{entity_id:path}", summary="Product page", include_in_schema=False)
@router.get("/products/{entity_id:path}.json", response_model=ProductOut, responses=ERRORS,
            summary="Product page (JSON)")
def product_page(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
                 entity_id: str, as_of: str | None = None) -> Response:
    """A product: its inner value network with criteria, and its agreement gaps."""
    data = entities.entity(driver, entity_id, "Product", settings)
    return render(request, "product.html", entities.product(driver, data, as_of, settings))


@router.get("/actors/{entity_id:path}", summary="Actor page", include_in_schema=False)
@router.get("/actors/{entity_id:path}.json", response_model=ActorOut, responses=ERRORS,
            summary="Actor page (JSON)")
def actor_page(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
               entity_id: str) -> Response:
    """An actor: what it funds, maintains, owns and relies on, and its voice in decisions."""
    data = entities.entity(driver, entity_id, "Actor", settings)
    return render(request, "actor.html", entities.actor(driver, data, settings))


@router.get("/agreements/{entity_id:path}", summary="Agreement page", include_in_schema=False)
@router.get("/agreements/{entity_id:path}.json", response_model=AgreementOut, responses=ERRORS,
            summary="Agreement page (JSON)")
def agreement_page(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
                   entity_id: str, as_of: str | None = None) -> Response:
    """An agreement: parties, what it concerns, and its scorecard."""
    data = entities.entity(driver, entity_id, "Agreement", settings)
    return render(request, "entity.html", entities.agreement(driver, data, as_of, settings))


@router.get("/fundings/{entity_id:path}", summary="Funding page", include_in_schema=False)
@router.get("/fundings/{entity_id:path}.json", response_model=EntityOut, responses=ERRORS,
            summary="Funding page (JSON)")
def funding_page(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
                 entity_id: str) -> Response:
    """A funding flow: who grants it to whom, for what, and the sub-grants it passes on."""
    return render(request, "entity.html",
                  entities.entity(driver, entity_id, "Funding", settings))


@router.get("/decisions/{entity_id:path}", summary="Decision page", include_in_schema=False)
@router.get("/decisions/{entity_id:path}.json", response_model=EntityOut, responses=ERRORS,
            summary="Decision page (JSON)")
def decision_page(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
                  entity_id: str) -> Response:
    """A decision: each actor's voice and what it was about."""
    return render(request, "entity.html",
                  entities.entity(driver, entity_id, "Decision", settings))


@router.get("/graph", summary="Neighbourhood graph page", include_in_schema=False)
@router.get("/graph.json", response_model=GraphOut, responses=ERRORS,
            summary="Neighbourhood graph of an entity")
def graph_page(request: Request, driver: DriverDep, settings: SettingsDep, state: StateDep,
               id: str, depth: Annotated[int, Query(ge=1, le=4)] = 1) -> Response:
    """Nodes and edges within `depth` hops of an entity (at most 300 nodes)."""
    return render(request, "graph.html", entities.neighbourhood(driver, id, depth, settings))
