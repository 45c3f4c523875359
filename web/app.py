"""The web panel: FastAPI, server-rendered Jinja2 pages, each with a JSON twin.

`create_app` wires the application: settings, the result cache's bounds, the snapshot keeper
and the risk engine's subscription to committed writes, the error handlers, and one router per
area (`web/routes/`). Rendering and the error shape are in `web/render.py`, the dependencies
routes share in `web/deps.py`, the JSON twins' shapes in `web/schemas.py`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from kb import cache
from kb.analysis import fastrisk
from kb.errors import ConnectionFailed, KBError, NotFound, UsageError
from kb.settings import Settings, get_settings
from web.accounts import Accounts, Sessions
from web.console_history import History
from web.keeper import SnapshotKeeper
from web.render import HERE, NotModified, PanelError, Rendered, respond_error
from web.routes import (
    analyses,
    audit,
    auth,
    browse,
    console,
    edit,
    entities,
    health,
    history,
    imports,
    network,
    overview,
    plan,
    queries,
    risk,
    sources,
    users,
    workshop,
)
from web.security import Guard


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run the snapshot keeper (see web/keeper.py) while the app serves; close the driver
    when it stops."""
    every = app.state.settings.kb_panel_refresh
    app.state.keeper = SnapshotKeeper(app.state, every) if every > 0 else None
    if app.state.keeper:
        app.state.keeper.start()
    yield
    if app.state.keeper:
        app.state.keeper.stop()
    driver = getattr(app.state, "driver", None)
    if driver is not None:
        driver.close()


def _handlers(app: FastAPI) -> None:
    """Every failure becomes the common error shape with a status a client can act on."""

    @app.exception_handler(PanelError)
    async def _panel(request: Request, exc: PanelError) -> Response:
        return respond_error(request, exc)

    @app.exception_handler(NotModified)
    async def _fresh(request: Request, exc: NotModified) -> Response:
        return Response(status_code=304, headers={"ETag": exc.etag,
                                                  "Cache-Control": "no-cache"})

    @app.exception_handler(Rendered)
    async def _rendered(request: Request, exc: Rendered) -> Response:
        return Response(content=exc.body, media_type=exc.media_type,
                        headers={"ETag": exc.etag, "Cache-Control": "no-cache"})

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> Response:
        if isinstance(exc, NotFound):
            return respond_error(request, PanelError(404, "not_found", exc.message, exc.hint))
        return respond_error(request, PanelError(400, "bad_request", exc.message, exc.hint))

    @app.exception_handler(ConnectionFailed)
    async def _conn(request: Request, exc: ConnectionFailed) -> Response:
        return respond_error(request, PanelError(503, "neo4j_unavailable", exc.message,
                                                 exc.hint))

    @app.exception_handler(ServiceUnavailable)
    async def _lost(request: Request, exc: ServiceUnavailable) -> Response:
        lost, request.app.state.driver = request.app.state.driver, None
        if lost is not None:  # the next request connects afresh
            lost.close()
        return respond_error(request, PanelError(503, "neo4j_unavailable",
                                                 "lost the connection to Neo4j",
                                                 "Check that the server runs."))

    app.add_exception_handler(SessionExpired, _lost)  # type: ignore[arg-type]

    @app.exception_handler(KBError)
    async def _kb(request: Request, exc: KBError) -> Response:
        return respond_error(request, PanelError(400, "error", exc.message, exc.hint))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return respond_error(request, PanelError(exc.status_code, code, message))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return respond_error(request, PanelError(422, "invalid_request",
                                                 "; ".join(problems) or "invalid request"))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The panel application."""
    app = FastAPI(title="valuenet-kb", version="0.1.0", lifespan=lifespan,
                  description="Value networks, hollow-core risk and a safe Cypher console. "
                  "Every page has a JSON twin: the same URL with `.json`, documented here. "
                  "Pages that read the graph send an `ETag`; a request with `If-None-Match` "
                  "is answered 304 while the data has not changed.")
    app.state.settings = settings or get_settings()
    app.state.driver = None
    app.state.console_history = History()
    app.state.sessions = Sessions(app.state.settings)
    cache.configure(app.state.settings.kb_cache_entries, app.state.settings.kb_cache_mb)
    fastrisk.subscribe()  # writes made through the panel renew the risk snapshot
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _handlers(app)
    # browse before entities: `/actors` is the list, `/actors/ID` an entity page.
    for module in (overview, risk, plan, analyses, browse, network, entities, console, queries,
                   imports, audit, sources, health, auth, edit, history, workshop, users):
        app.include_router(module.router)
    app.add_middleware(Accounts)  # who is asking; a private panel stays closed to others
    app.add_middleware(Guard)  # outermost: security headers on every answer; bounded bodies

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    return app
