"""The web panel: FastAPI, server-rendered Jinja2 pages, each with a JSON twin.

Every page handler builds one dict; `render()` returns it as HTML (a template) or as JSON when
the URL ends in `.json` or the request asks for `application/json`. Every error, HTML or JSON,
has one shape: `{"error": {"status", "code", "message", "hint"}}`.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from neo4j import Driver
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from kb.errors import ConnectionFailed, KBError, UsageError
from kb.report import ids
from kb.settings import Settings, get_settings

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["tojson_pretty"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False)
templates.env.filters["ids"] = ids  # long id lists in a cell: the first 25 and how many more

ENTITY_PATHS = {"Actor": "actors", "Product": "products", "Component": "components",
                "Agreement": "agreements", "Funding": "fundings", "Decision": "decisions"}


class PanelError(Exception):
    """An error to show in the common shape."""

    def __init__(self, status: int, code: str, message: str, hint: str | None = None,
                 extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.hint = status, code, message, hint
        self.extra = extra or {}


def entity_url(label: str | None, entity_id: str) -> str:
    """The panel URL of an entity page."""
    from urllib.parse import quote

    return f"/{ENTITY_PATHS.get(label or '', 'entities')}/{quote(entity_id, safe='')}"


templates.env.globals["entity_url"] = entity_url


def wants_json(request: Request) -> bool:
    """True for `.json` URLs and requests that accept JSON but not HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def render(request: Request, template: str, data: dict[str, Any], status: int = 200,
           **extra: Any) -> Response:
    """The page's data as JSON, or rendered into its template."""
    if wants_json(request):
        return JSONResponse(_jsonable(data), status_code=status)
    path = request.url.path if request.url.path != "/" else "/index"
    json_url = path + ".json" + (f"?{request.url.query}" if request.url.query else "")
    settings: Settings = request.app.state.settings
    return templates.TemplateResponse(
        request=request, name=template, status_code=status,
        context={"data": data, "json_url": json_url, "read_only": not settings.kb_editor_token,
                 **extra},
    )


def _jsonable(value: Any) -> Any:
    from kb.analyses import plain

    return plain(value)


def error_body(status: int, code: str, message: str, hint: str | None = None,
               **extra: Any) -> dict[str, Any]:
    """The one error shape."""
    return {"error": {"status": status, "code": code, "message": message, "hint": hint, **extra}}


def get_driver(request: Request) -> Driver:
    """The app's driver, opened on first use (nothing connects at import or start-up)."""
    state = request.app.state
    if getattr(state, "driver", None) is None:
        from kb import db

        state.driver = db.open_driver(state.settings)
    return state.driver  # type: ignore[no-any-return]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run the snapshot keeper (see web/keeper.py) while the app serves; close the driver
    when it stops."""
    from web.keeper import SnapshotKeeper

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


def create_app(settings: Settings | None = None) -> FastAPI:
    """The panel application."""
    app = FastAPI(title="valuenet-kb", version="0.1.0", lifespan=lifespan,
                  description="Value networks, hollow-core risk and a safe Cypher console. "
                  "Every page has a JSON twin: the same URL with `.json`.")
    app.state.settings = settings or get_settings()
    app.state.driver = None
    app.state.cache = {}
    app.state.responses = {}
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def respond_error(request: Request, err: PanelError) -> Response:
        body = error_body(err.status, err.code, err.message, err.hint, **err.extra)
        if wants_json(request) or request.method == "POST" and request.url.path.endswith(
                ".json"):
            return JSONResponse(body, status_code=err.status)
        return templates.TemplateResponse(
            request=request, name="error.html", status_code=err.status,
            context={"data": body, "json_url": None,
                     "read_only": not app.state.settings.kb_editor_token})

    @app.exception_handler(PanelError)
    async def _panel(request: Request, exc: PanelError) -> Response:
        return respond_error(request, exc)

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> Response:
        return respond_error(request, PanelError(400, "bad_request", exc.message, exc.hint))

    @app.exception_handler(ConnectionFailed)
    async def _conn(request: Request, exc: ConnectionFailed) -> Response:
        return respond_error(request, PanelError(503, "neo4j_unavailable", exc.message,
                                                 exc.hint))

    @app.exception_handler(ServiceUnavailable)
    async def _lost(request: Request, exc: ServiceUnavailable) -> Response:
        request.app.state.driver = None
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

    from web import audit_routes, console_routes, import_routes, pages

    app.include_router(pages.router)
    app.include_router(console_routes.router)
    app.include_router(import_routes.router)
    app.include_router(audit_routes.router)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    return app
