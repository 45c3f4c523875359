"""How the panel answers: a page's data as HTML (a template) or as its JSON twin, the one
error shape, and the validators (`ETag`) that let a client revalidate a page for free.

A page handler builds one dict and calls `render()`: JSON when the URL ends in `.json` or the
request asks for `application/json`, else the template. Every error, HTML or JSON, has one
shape: `{"error": {"status", "code", "message", "hint"}}`.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from kb.report.render import ids
from kb.settings import Settings
from kb.store.db import plain
from kb.views.entities import url as entity_url

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["tojson_pretty"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False)
templates.env.filters["ids"] = ids  # long id lists in a cell: the first 25 and how many more
templates.env.globals["entity_url"] = entity_url
BOOT = secrets.token_hex(8)  # a new process may render differently: its validators differ


class PanelError(Exception):
    """An error to show in the common shape."""

    def __init__(self, status: int, code: str, message: str, hint: str | None = None,
                 extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.hint = status, code, message, hint
        self.extra = extra or {}


class NotModified(Exception):
    """The client's copy (If-None-Match) is current: answer 304 with this ETag."""

    def __init__(self, etag: str) -> None:
        super().__init__(etag)
        self.etag = etag


def wants_json(request: Request) -> bool:
    """True for `.json` URLs and requests that accept JSON but not HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def etag(request: Request, state: str) -> str:
    """The validator of a page: the data state it shows, its URL and whether it is the JSON
    twin, and this process (so a restarted panel never matches an old copy)."""
    seed = "\n".join([BOOT, state, request.url.path, request.url.query,
                      "json" if wants_json(request) else "html"])
    return 'W/"' + hashlib.sha256(seed.encode()).hexdigest()[:32] + '"'


def check_fresh(request: Request, state: str) -> None:
    """Raise NotModified when the request's If-None-Match names this page's current ETag."""
    tag = etag(request, state)
    request.state.etag = tag
    given = request.headers.get("if-none-match", "")
    if request.method in ("GET", "HEAD") and tag in {t.strip() for t in given.split(",")}:
        raise NotModified(tag)


def _validators(request: Request, response: Response) -> Response:
    tag = getattr(request.state, "etag", None)
    if tag is not None and response.status_code == 200:
        response.headers["ETag"] = tag
        response.headers["Cache-Control"] = "no-cache"  # keep it, but ask again each time
    return response


def render(request: Request, template: str, data: dict[str, Any], status: int = 200,
           **extra: Any) -> Response:
    """The page's data as JSON, or rendered into its template."""
    if wants_json(request):
        return _validators(request, JSONResponse(plain(data), status_code=status))
    path = request.url.path if request.url.path != "/" else "/index"
    json_url = path + ".json" + (f"?{request.url.query}" if request.url.query else "")
    settings: Settings = request.app.state.settings
    return _validators(request, templates.TemplateResponse(
        request=request, name=template, status_code=status,
        context={"data": data, "json_url": json_url, "read_only": not settings.kb_editor_token,
                 **extra},
    ))


def error_body(status: int, code: str, message: str, hint: str | None = None,
               **extra: Any) -> dict[str, Any]:
    """The one error shape."""
    return {"error": {"status": status, "code": code, "message": message, "hint": hint, **extra}}


def respond_error(request: Request, err: PanelError) -> Response:
    """An error in the common shape, as JSON or as the error page."""
    body = error_body(err.status, err.code, err.message, err.hint, **err.extra)
    if wants_json(request) or request.method == "POST" and request.url.path.endswith(".json"):
        return JSONResponse(body, status_code=err.status)
    return templates.TemplateResponse(
        request=request, name="error.html", status_code=err.status,
        context={"data": body, "json_url": None,
                 "read_only": not request.app.state.settings.kb_editor_token})
