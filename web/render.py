"""How the panel answers: a page's data as HTML (a template) or as its JSON twin, the one
error shape, and the validators (`ETag`) that let a client revalidate a page for free.

A page handler builds one dict and calls `render()`: JSON when the URL ends in `.json` or the
request asks for `application/json`, else the template. Every error, HTML or JSON, has one
shape: `{"error": {"status", "code", "message", "hint"}}`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from kb import cache
from kb.report.render import ids
from kb.store.db import plain
from kb.views.entities import url as entity_url

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["tojson_pretty"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False)
templates.env.filters["ids"] = ids  # long id lists in a cell: the first 25 and how many more
templates.env.globals["entity_url"] = entity_url


def browse_url(data: dict[str, Any], **changes: Any) -> str:
    """A list page's URL (`/actors?...`) with its current search, filters, sort and page
    size, changed by `changes` (a None value drops the parameter); the page is the first
    unless `page` is given."""
    params: dict[str, Any] = {"q": data["q"], "sort": data["sort"], "order": data["order"],
                              "per_page": data["per_page"], **data["filters"]}
    if data.get("as_of_given"):  # the day the page was asked for stays with every link
        params["as_of"] = data["as_of"]
    params.update(changes)
    kept = [(k, v) for k, v in params.items() if v not in (None, "")
            and not (k == "per_page" and v == 100)]
    return f"/{data['kind']}" + (f"?{urlencode(kept)}" if kept else "")


templates.env.globals["browse_url"] = browse_url
BOOT = secrets.token_hex(8)  # a new process may render differently: its validators differ


class PanelError(Exception):
    """An error to show in the common shape."""

    def __init__(self, status: int, code: str, message: str, hint: str | None = None,
                 extra: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.hint = status, code, message, hint
        self.extra = extra or {}
        self.headers = headers or {}


class NotModified(Exception):
    """The client's copy (If-None-Match) is current: answer 304 with this ETag."""

    def __init__(self, etag: str) -> None:
        super().__init__(etag)
        self.etag = etag


class Rendered(Exception):
    """This page was rendered before for the same data state, day and URL: answer with it."""

    def __init__(self, body: bytes, media_type: str, etag: str) -> None:
        super().__init__(etag)
        self.body, self.media_type, self.etag = body, media_type, etag


def wants_json(request: Request) -> bool:
    """True for `.json` URLs and requests that accept JSON but not HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def page_key(request: Request) -> tuple[str, ...]:
    """What a page shows, apart from the data state: its URL, JSON or HTML, the day (a page
    without `as_of` shows today, which changes at midnight while the data may not), and whose
    session it is for (a signed-in page names its person and carries their form token)."""
    return ("page", request.url.path, request.url.query,
            "json" if wants_json(request) else "html", date.today().isoformat(),
            getattr(request.state, "sid", None) or "")


def chrome(request: Request) -> dict[str, Any]:
    """What every page's frame says about who is asking: the account (or None), its form
    token, and whether it may write."""
    user = getattr(request.state, "user", None)
    sid = getattr(request.state, "sid", None)
    sessions = getattr(request.app.state, "sessions", None)
    return {"user": user, "csrf": sessions.csrf(sid) if sid and sessions else None,
            "read_only": not (user is not None and user.allows("editor"))}


def etag(request: Request, state: str) -> str:
    """The validator of a page: the data state it shows, what `page_key` names, and this
    process (so a restarted panel never matches an old copy)."""
    seed = "\n".join([BOOT, state, *page_key(request)])
    return 'W/"' + hashlib.sha256(seed.encode()).hexdigest()[:32] + '"'


def check_fresh(request: Request, state: str) -> None:
    """Before any work on a GET: raise NotModified when If-None-Match names this page's
    current ETag, or Rendered when the one result cache holds the page already."""
    tag = etag(request, state)
    request.state.etag = tag
    if request.method not in ("GET", "HEAD"):
        return
    given = request.headers.get("if-none-match", "")
    if tag in {t.strip() for t in given.split(",")}:
        raise NotModified(tag)
    hit = cache.results.get(state, page_key(request))
    if hit is not None:
        raise Rendered(hit[0], hit[1], tag)


def _validators(request: Request, response: Response) -> Response:
    """A page that read the graph gets its ETag, and is kept in the result cache (its bytes,
    sized as they are) for the next request of the same URL in the same data state."""
    tag = getattr(request.state, "etag", None)
    if tag is not None and response.status_code == 200:
        response.headers["ETag"] = tag
        response.headers["Cache-Control"] = "no-cache"  # keep it, but ask again each time
        if request.method == "GET":
            body = bytes(response.body)
            cache.results.put(request.state.data_state, page_key(request),
                              (body, response.media_type), size=len(body))
    return response


def render(request: Request, template: str, data: dict[str, Any], status: int = 200,
           **extra: Any) -> Response:
    """The page's data as JSON, or rendered into its template."""
    if wants_json(request):
        return _validators(request, JSONResponse(plain(data), status_code=status))
    path = request.url.path if request.url.path != "/" else "/index"
    json_url = path + ".json" + (f"?{request.url.query}" if request.url.query else "")
    return _validators(request, templates.TemplateResponse(
        request=request, name=template, status_code=status,
        context={"data": data, "json_url": json_url, **chrome(request), **extra},
    ))


def error_body(status: int, code: str, message: str, hint: str | None = None,
               **extra: Any) -> dict[str, Any]:
    """The one error shape."""
    return {"error": {"status": status, "code": code, "message": message, "hint": hint, **extra}}


def respond_error(request: Request, err: PanelError) -> Response:
    """An error in the common shape, as JSON or as the error page."""
    body = error_body(err.status, err.code, err.message, err.hint, **err.extra)
    if wants_json(request) or request.method == "POST" and request.url.path.endswith(".json"):
        return JSONResponse(body, status_code=err.status, headers=err.headers)
    return templates.TemplateResponse(
        request=request, name="error.html", status_code=err.status, headers=err.headers,
        context={"data": body, "json_url": None, **chrome(request)})


def amount(name: str, text: str | None) -> float | None:
    """A positive amount from a query parameter; None when absent or empty."""
    if text is None or not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 < value <= 1e12):
        raise PanelError(400, "bad_amount", f"{name} must be a positive amount up to 10^12, "
                         f"got {text[:40]!r}", "Give a number such as 100000.")
    return value


def require_editor(expected: str | None, given: str) -> None:
    """PanelError 403 unless `given` is the editor token (KB_EDITOR_TOKEN)."""
    if not expected:
        raise PanelError(403, "read_only", "the panel is read-only",
                         "Set KB_EDITOR_TOKEN on the server to allow writes.")
    if not given:
        raise PanelError(403, "bad_token", "the editor token is missing",
                         "Send it as the header X-Editor-Token.")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise PanelError(403, "bad_token", "the editor token is wrong")
