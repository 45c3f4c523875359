"""Overview, risk, analyses, entity pages and the neighbourhood graph."""

from __future__ import annotations

import gc
from collections import defaultdict
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from neo4j import Driver

from kb import analyses, charts, db
from kb.analyses import plain
from web.app import PanelError, entity_url, get_driver, render, wants_json

router = APIRouter()
DriverDep = Annotated[Driver, Depends(get_driver)]
LEVELS = ["critical", "high", "medium", "low"]
REASONS = ["unfunded", "funding_cliff", "no_maintainer", "single_maintainer", "volunteer_only",
           "free_riders"]
SORTABLE = ["risk_score", "id", "reliant_products", "reliant_actors", "maintainers",
            "paid_maintainers", "cliff_date", "funded_until"]


def _settings(request: Request) -> Any:
    return request.app.state.settings


def request_data_state(request: Request, driver: Driver) -> str:
    """The database's data state (`db.data_state`), read once per request: it changes with
    every committed write by any client, a `kb load` or cypher-shell alike, so nothing the
    panel keeps outlives the data it was computed from."""
    if not hasattr(request.state, "data_state"):
        request.state.data_state = db.data_state(driver, settings=_settings(request))
    return request.state.data_state  # type: ignore[no-any-return]


RESULTS_KEPT = 64


def _remember(cache: dict[Any, Any], key: Any, value: Any, size: int) -> Any:
    if len(cache) >= size:
        cache.pop(next(iter(cache)))  # the oldest entry
    cache[key] = value
    return value


def cached(request: Request, driver: Driver, key: tuple[Any, ...], compute: Any) -> Any:
    """Results keyed by the data state (see `request_data_state`), so repeat views are fast.

    The cached object is shared between requests: callers must not change it.
    """
    cache = request.app.state.cache
    full = (request_data_state(request, driver), *key)
    if full in cache:
        return cache[full]
    if len(cache) >= RESULTS_KEPT:
        # Only then does _remember drop an entry; the collector may reclaim it once thawed.
        # Thawing on every miss made each collection below walk every cached result again.
        gc.unfreeze()
    value = _remember(cache, full, compute(), RESULTS_KEPT)
    # A risk result at 100k components is millions of objects; once frozen, the collector's
    # full passes skip them instead of pausing every request for a few hundred ms.
    gc.collect()
    gc.freeze()
    return value


def response_key(request: Request, driver: Driver) -> tuple[Any, ...]:
    """What identifies a rendered page: data state, path, query string and HTML or JSON."""
    return (request_data_state(request, driver), request.url.path, request.url.query,
            wants_json(request))


def cached_response(request: Request, key: tuple[Any, ...]) -> Response | None:
    """A page rendered before for the same data state and URL, if there is one."""
    hit = request.app.state.responses.get(key)
    if hit is None:
        return None
    body, media_type = hit
    return Response(content=body, media_type=media_type)


def remember_response(request: Request, key: tuple[Any, ...], response: Response) -> Response:
    """Keep a successful rendering (its bytes) for the next request with the same key."""
    if response.status_code == 200:
        _remember(request.app.state.responses, key, (bytes(response.body), response.media_type),
                  256)
    return response


# --- overview ----------------------------------------------------------------------------------


def headline_findings(driver: Driver, as_of: str, settings: Any) -> dict[str, Any]:
    """Counts, top risks, cliffs and one headline per analysis, as the overview shows them."""
    counts = plain(db.run(driver, "counts", settings=settings)[0])
    risk_analysis = analyses.risk(driver, as_of, settings=settings)
    risk = risk_analysis.data
    comps = risk["components"]
    hollow = [c for c in comps if c["hollow_core"]]
    cliffs = sorted((c for c in comps if c["cliff_date"]), key=lambda c: c["cliff_date"])
    riders = analyses.free_riders(driver, as_of, settings=settings, base=risk_analysis).data
    nets = analyses.ivn_all(driver, as_of, settings=settings)
    no_agreement = sorted({g["actor"] for n in nets.values() for g in n["gaps"]
                           if g["kind"] == "no_agreement"})
    agr = analyses.agreements(driver, as_of, settings=settings).data
    severe = [a["id"] for a in agr["agreements"] if a["in_force"] and a["missing_severe"]]
    topo = analyses.funding_topology(driver, as_of, settings=settings).data
    power = analyses.power(driver, as_of, settings=settings).data
    stage = analyses.network_stage(driver, settings=settings).data
    recip = analyses.reciprocity(driver, settings=settings).data
    findings = [
        {"analysis": "hollow_core", "link": "/risk?hollow=1",
         "text": f"{len(hollow)} shared component(s) nobody funds"
         + (f"; the riskiest is {hollow[0]['id']} ({hollow[0]['risk_score']})" if hollow else "")},
        {"analysis": "funding_cliffs", "link": "/analyses/funding_cliffs",
         "text": f"{len(cliffs)} funding cliff(s) in the next {risk['horizon_days']} days"
         + (f"; first {cliffs[0]['id']} on {cliffs[0]['cliff_date']}" if cliffs else "")},
        {"analysis": "free_riders", "link": "/analyses/free_riders",
         "text": f"{len(riders['actors'])} actor(s) rely on code they neither fund nor maintain"},
        {"analysis": "ivn", "link": "/analyses/ivn",
         "text": f"{len(no_agreement)} inner-value-network member(s) without a signed agreement"},
        {"analysis": "agreements", "link": "/analyses/agreements",
         "text": f"{len(severe)} agreement(s) in force say nothing of the code or community "
         "after funding"},
        {"analysis": "funding_topology", "link": "/analyses/funding_topology",
         "text": f"funding is {topo['classification'].replace('_', '-')}"
         + (f": {topo['largest_hub']} carries {topo['hub_share']:.0%}" if topo["largest_hub"]
            else "")},
        {"analysis": "power", "link": "/analyses/power",
         "text": f"{len(power['decided_alone'])} decision(s) taken by one party alone"},
        {"analysis": "network_stage", "link": "/analyses/network_stage",
         "text": f"the network has reached {(stage['stage'] or 'no stage').replace('_', ' ')}"},
        {"analysis": "reciprocity", "link": "/analyses/reciprocity",
         "text": f"{len(recip['only_receives'])} actor(s) only receive, "
         f"{len(recip['only_gives'])} only give"},
    ]
    return {"as_of": as_of, "counts": counts, "top_risks": hollow[:5] or comps[:5],
            "cliffs": cliffs, "findings": findings, "horizon_days": risk["horizon_days"],
            "_components": comps}


@router.get("/", summary="Overview")
@router.get("/index.json", include_in_schema=False)
def overview(request: Request, driver: DriverDep, as_of: str | None = None) -> Response:
    """Counts, top hollow-core risks, coming cliffs and a headline per analysis."""
    day = analyses.parse_as_of(as_of)
    full = cached(request, driver, ("overview", day),
                  lambda: headline_findings(driver, day, _settings(request)))
    data = {k: v for k, v in full.items() if k != "_components"}
    if wants_json(request):
        return render(request, "overview.html", data)
    timeline = cached(request, driver, ("timeline", day),
                      lambda: charts.cliff_timeline(full["_components"], day, 12))
    return render(request, "overview.html", data, timeline=timeline)


# --- risk --------------------------------------------------------------------------------------


@router.get("/risk", summary="Risk table")
@router.get("/risk.json", include_in_schema=False)
def risk_page(
    request: Request, driver: DriverDep,
    as_of: str | None = None,
    horizon: Annotated[int, Query(ge=0, le=3650)] = 180,
    without: Annotated[list[str] | None, Query()] = None,
    level: str | None = None, reason: str | None = None, q: str | None = None,
    hollow: bool = False,
    sort: str = "risk_score", dir: str = "desc",
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """The risk table, filtered, searched and sorted; the URL holds every control.

    A page is rendered once per data state and URL; repeats are served from memory.
    """
    key = response_key(request, driver)
    hit = cached_response(request, key)
    if hit is not None:
        return hit
    without = [w for w in (without or []) if w]
    if level and level not in LEVELS:
        raise PanelError(400, "bad_request", f"unknown level {level!r}",
                         "Valid levels: " + ", ".join(LEVELS))
    if reason and reason not in REASONS:
        raise PanelError(400, "bad_request", f"unknown reason {reason!r}",
                         "Valid reasons: " + ", ".join(REASONS))
    if sort not in SORTABLE:
        raise PanelError(400, "bad_request", f"cannot sort by {sort!r}",
                         "Sortable columns: " + ", ".join(SORTABLE))
    day = analyses.parse_as_of(as_of)
    result = cached(request, driver, ("risk", day, horizon, tuple(sorted(without))),
                    lambda: analyses.risk(driver, day, horizon, without,
                                          _settings(request)).data)
    rows = result["components"]
    if level:
        rows = [c for c in rows if c["risk_level"] == level]
    if reason:
        rows = [c for c in rows if reason in c["reasons"]]
    if hollow:
        rows = [c for c in rows if c["hollow_core"]]
    if q:
        needle = q.lower()
        rows = [c for c in rows if needle in c["id"].lower() or needle in (c["name"] or "").lower()]
    if (sort, dir) != ("risk_score", "desc"):  # the analysis already ranks by score
        rows = sorted(rows, key=lambda c: (c[sort] is None,
                                           c[sort] if c[sort] is not None else 0),
                      reverse=(dir == "desc"))
    matching = rows
    rows = [_table_row(c, result["as_of"], horizon)
            for c in matching[(page - 1) * per_page: page * per_page]]
    data = {**result, "filters": {"level": level, "reason": reason, "q": q, "hollow": hollow,
                                  "sort": sort, "dir": dir},
            "total": len(result["components"]), "matching": len(matching), "page": page,
            "per_page": per_page, "components": rows}
    if wants_json(request):
        return remember_response(request, key, render(request, "risk.html", data))
    funders = cached(request, driver, ("funders",),
                     lambda: plain(db.run(driver, "funders", settings=_settings(request))))
    matrix = cached(request, driver, ("matrix", result["as_of"], horizon, tuple(without), level,
                                      reason, q, hollow),
                    lambda: charts.risk_matrix(matching, result["as_of"], horizon))
    kept = [(k, v) for k, v in request.query_params.multi_items()
            if k not in ("sort", "dir", "page")]
    sort_urls = {
        col: "/risk?" + urlencode([*kept, ("sort", col),
                                   ("dir", "asc" if sort == col and dir == "desc" else "desc")])
        for col in SORTABLE}
    pages = {n: "/risk?" + urlencode([*kept, ("sort", sort), ("dir", dir), ("page", n)])
             for n in (page - 1, page + 1) if 1 <= n <= max(1, -(-len(matching) // per_page))}
    return remember_response(request, key, render(
        request, "risk.html", data, funders=funders, levels=LEVELS, reasons=REASONS,
        matrix=matrix, sort_urls=sort_urls, pages=pages))


RIDERS_SHOWN = 50


def _table_row(c: dict[str, Any], as_of: str, horizon: int) -> dict[str, Any]:
    """A risk-table row: the analysis row without the long id lists (the component page has
    them), free riders cut to the first 50 with their total."""
    row = {k: v for k, v in c.items() if k not in ("reliant_product_ids", "reliant_actor_ids")}
    row["free_riders"] = c["free_riders"][:RIDERS_SHOWN]
    row["free_riders_total"] = len(c["free_riders"])
    row["funding_coverage"] = round(charts.coverage(c, as_of, horizon), 3)
    return row


# --- analyses ----------------------------------------------------------------------------------


@router.get("/analyses", summary="List of analyses")
@router.get("/analyses.json", include_in_schema=False)
def analyses_index(request: Request) -> Response:
    """Every analysis, with its parameters."""
    data = {"analyses": [{"name": n, "description": s.description, "params": s.params,
                          "url": f"/analyses/{n}"} for n, s in analyses.REGISTRY.items()]}
    return render(request, "analyses.html", data)


@router.get("/analyses/{name}", summary="One analysis")
def analysis_page(request: Request, driver: DriverDep, name: str) -> Response:
    """Any analysis by name; its parameters come from the query string."""
    if name.endswith(".json"):
        name = name[:-5]
    if name not in analyses.REGISTRY:
        raise PanelError(404, "not_found", f"no analysis named {name!r}",
                         "Valid analyses: " + ", ".join(analyses.REGISTRY))
    spec = analyses.REGISTRY[name]
    params: dict[str, Any] = {}
    for key in spec.params:
        values = [v for v in request.query_params.getlist(key) if v]
        if not values:
            continue
        params[key] = values if spec.params[key] == "list" else values[0]
    if name == "ivn" and "product" not in params:
        owners = plain(db.run(driver, "product_owners", settings=_settings(request)))
        nets = analyses.ivn_all(driver, params.get("as_of"), _settings(request))
        data = {"analysis": name, "description": spec.description, "params": params,
                "products": list(nets.values()), "choices": owners}
        return render(request, "ivn_all.html", data)
    result = analyses.run(driver, name, params, _settings(request))
    data = {"analysis": name, "description": spec.description, "params": params,
            "result": result.data}
    # The table shows the first rows only (at 100k components the free riders' table was
    # 34,000 rows and 8 MB of HTML); the JSON twin is `data`, with every row.
    shown = _settings(request).kb_panel_table_rows
    extra: dict[str, Any] = {"columns": result.columns, "rows": result.rows[:shown],
                             "total_rows": len(result.rows)}
    if name == "funding_topology":
        extra["chart"] = charts.funding_flows(result.data["flows"], result.data["currency"])
    return render(request, "analysis.html", data, **extra)


# --- entities ----------------------------------------------------------------------------------


def _entity(driver: Driver, entity_id: str, label: str, settings: Any) -> dict[str, Any]:
    rows = plain(db.run(driver, "entity", {"id": entity_id}, settings=settings))
    if not rows or rows[0]["label"] != label:
        kind = label.lower()
        raise PanelError(404, "not_found", f"no {kind} with id {entity_id!r}",
                         f"See /analyses or search the risk table for valid {kind} ids.")
    props = {k: v for k, v in rows[0]["props"].items() if not k.startswith("_")}
    links = plain(db.run(driver, "neighbours", {"ids": [entity_id]}, settings=settings))
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in links:
        props_r = {k: v for k, v in r["props"].items() if not k.startswith("_") and k != "key"}
        direction = "out" if r["outgoing"] else "in"
        grouped[f"{r['type']} ({direction})"].append({
            "id": r["other"], "label": r["other_label"], "name": r["other_name"],
            "url": entity_url(r["other_label"], r["other"]), "properties": props_r})
    return {"id": entity_id, "label": label, "properties": props,
            "relationships": dict(sorted(grouped.items()))}


def _strip_json(entity_id: str, request: Request) -> str:
    return entity_id[:-5] if request.url.path.endswith(".json") else entity_id


@router.get("/components/{entity_id:path}", summary="Component page")
def component_page(request: Request, driver: DriverDep, entity_id: str,
                   as_of: str | None = None, horizon: int = 180) -> Response:
    """A component: who relies on it, funds and maintains it, and its risk explanation."""
    settings = _settings(request)
    entity_id = _strip_json(entity_id, request)
    data = _entity(driver, entity_id, "Component", settings)
    day = analyses.parse_as_of(as_of)
    risk = cached(request, driver, ("risk", day, horizon, ()),
                  lambda: analyses.risk(driver, day, horizon, [], settings).data)
    row = next(c for c in risk["components"] if c["id"] == entity_id)
    rels = data["relationships"]
    data["risk"] = {**row}
    data["reliance"] = {
        "direct_products": [x["id"] for x in rels.get("BUILT_ON (in)", [])],
        "direct_actors": [x["id"] for x in rels.get("RELIES_ON (in)", [])],
        "all_products": row["reliant_product_ids"], "all_actors": row["reliant_actor_ids"],
    }
    data["maintainers"] = [{"actor": x["id"], **x["properties"]}
                           for x in rels.get("MAINTAINS (in)", [])]
    data["as_of"] = risk["as_of"]
    return render(request, "component.html", data)


@router.get("/products/{entity_id:path}", summary="Product page")
def product_page(request: Request, driver: DriverDep, entity_id: str,
                 as_of: str | None = None) -> Response:
    """A product: its inner value network with criteria, and its agreement gaps."""
    settings = _settings(request)
    entity_id = _strip_json(entity_id, request)
    data = _entity(driver, entity_id, "Product", settings)
    data["ivn"] = analyses.ivn(driver, entity_id, as_of, settings).data
    return render(request, "product.html", data)


@router.get("/actors/{entity_id:path}", summary="Actor page")
def actor_page(request: Request, driver: DriverDep, entity_id: str) -> Response:
    """An actor: what it funds, maintains, owns and relies on, and its voice in decisions."""
    settings = _settings(request)
    entity_id = _strip_json(entity_id, request)
    data = _entity(driver, entity_id, "Actor", settings)
    data["fundings"] = plain(db.run(driver, "actor_fundings", {"id": entity_id},
                                    settings=settings))
    rels = data["relationships"]
    data["maintains"] = [{"component": x["id"], **x["properties"]}
                         for x in rels.get("MAINTAINS (out)", [])]
    data["owns"] = [x["id"] for x in rels.get("OWNS (out)", [])]
    data["relies_on"] = [x["id"] for x in rels.get("RELIES_ON (out)", [])]
    data["voices"] = [{"decision": x["id"], "topic": x["name"], **x["properties"]}
                      for x in rels.get("VOICE (out)", [])]
    return render(request, "actor.html", data)


@router.get("/agreements/{entity_id:path}", summary="Agreement page")
def agreement_page(request: Request, driver: DriverDep, entity_id: str,
                   as_of: str | None = None) -> Response:
    """An agreement: parties, what it concerns, and its scorecard."""
    settings = _settings(request)
    entity_id = _strip_json(entity_id, request)
    data = _entity(driver, entity_id, "Agreement", settings)
    card = analyses.agreements(driver, as_of, settings).data
    data["scorecard"] = next(a for a in card["agreements"] if a["id"] == entity_id)
    return render(request, "entity.html", data)


@router.get("/fundings/{entity_id:path}", summary="Funding page")
def funding_page(request: Request, driver: DriverDep, entity_id: str) -> Response:
    """A funding flow: who grants it to whom, for what, and the sub-grants it passes on."""
    entity_id = _strip_json(entity_id, request)
    data = _entity(driver, entity_id, "Funding", _settings(request))
    return render(request, "entity.html", data)


@router.get("/decisions/{entity_id:path}", summary="Decision page")
def decision_page(request: Request, driver: DriverDep, entity_id: str) -> Response:
    """A decision: each actor's voice and what it was about."""
    entity_id = _strip_json(entity_id, request)
    data = _entity(driver, entity_id, "Decision", _settings(request))
    return render(request, "entity.html", data)


# --- neighbourhood graph -----------------------------------------------------------------------

MAX_GRAPH_NODES = 300


@router.get("/graph.json", summary="Neighbourhood graph of an entity")
def graph_json(request: Request, driver: DriverDep, id: str,
               depth: Annotated[int, Query(ge=1, le=4)] = 1) -> Response:
    """Nodes and edges within `depth` hops of an entity (at most 300 nodes)."""
    settings = _settings(request)
    start = plain(db.run(driver, "entity", {"id": id}, settings=settings))
    if not start:
        raise PanelError(404, "not_found", f"no entity with id {id!r}")
    nodes: dict[str, dict[str, Any]] = {
        id: {"id": id, "label": start[0]["label"], "name": start[0]["props"].get("name") or id,
             "url": entity_url(start[0]["label"], id), "depth": 0}}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    frontier = [id]
    truncated = False
    for level in range(1, depth + 1):
        if not frontier:
            break
        rows = plain(db.run(driver, "neighbours", {"ids": frontier, "limit": 5000},
                            settings=settings))
        nxt = []
        for r in rows:
            src, dst = (r["id"], r["other"]) if r["outgoing"] else (r["other"], r["id"])
            if r["other"] not in nodes:
                if len(nodes) >= MAX_GRAPH_NODES:
                    truncated = True
                    continue
                nodes[r["other"]] = {"id": r["other"], "label": r["other_label"],
                                     "name": r["other_name"], "depth": level,
                                     "url": entity_url(r["other_label"], r["other"])}
                nxt.append(r["other"])
            edges[(src, r["type"], dst)] = {"source": src, "target": dst, "type": r["type"]}
        frontier = nxt
    data = {"id": id, "depth": depth, "truncated": truncated, "nodes": list(nodes.values()),
            "edges": list(edges.values())}
    return render(request, "graph.html", data)


@router.get("/graph", summary="Neighbourhood graph page", include_in_schema=False)
def graph_page(request: Request, driver: DriverDep, id: str,
               depth: Annotated[int, Query(ge=1, le=4)] = 1) -> Response:
    """The graph view on its own page."""
    return graph_json(request, driver, id, depth)

