"""What every answer of the panel carries, and what every request may bring.

- Security headers: a Content-Security-Policy that allows no inline script and nothing from
  another origin (no page carries inline script; the front-end libraries are vendored), and
  `X-Content-Type-Options`, `X-Frame-Options`, `Referrer-Policy`. FastAPI's `/docs` and
  `/redoc` pages load Swagger UI and ReDoc from a CDN, so they go without the policy.
- Bounded bodies: a POST must say its length, and may be at most `MAX_BODY` bytes
  (`MAX_UPLOAD` for an upload to `/import`); otherwise it is refused before it is read.
- Same origin: a POST whose `Origin` header names another site than the one it was sent to
  (a form on some other page, posting here through a visitor's browser) is refused. Scripts
  and `curl` send no `Origin` and are not affected; writes still need the editor token.

A pure ASGI middleware, so that it adds nothing measurable to a cached page.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "SAMEORIGIN",
           "referrer-policy": "same-origin"}
NO_POLICY = ("/docs", "/redoc")  # FastAPI's API pages fetch their scripts from a CDN
MAX_BODY = 1 << 20  # 1 MiB: a console query and its parameters, a form
MAX_UPLOAD = 50 << 20  # an ecosystem file for the import dry run
UPLOADS = ("/import", "/import.json")


def body_limit(path: str) -> int:
    """The most bytes a POST to `path` may carry."""
    return MAX_UPLOAD + (1 << 20) if path in UPLOADS else MAX_BODY


class Guard:
    """Adds the security headers to every answer and refuses bodies past their bound."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            refusal = _check_origin(scope) or (
                None if scope["method"] == "DELETE" else _check_length(scope, body_limit(path)))
            if refusal is not None:
                await _refuse(send, *refusal)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in HEADERS.items():
                    if key not in headers:
                        headers[key] = value
                if not path.startswith(NO_POLICY) and "content-security-policy" not in headers:
                    headers["content-security-policy"] = CSP
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _check_origin(scope: Scope) -> tuple[int, str, str, str | None] | None:
    """A refusal when the request's Origin is another site than its Host, else None."""
    headers = dict(scope["headers"])
    origin = headers.get(b"origin")
    if origin is None:
        return None
    host = headers.get(b"host", b"").decode("latin-1").lower()
    seen = origin.decode("latin-1").lower()
    if seen.split("://", 1)[-1].rstrip("/") == host:
        return None
    return (403, "cross_origin", f"a request from {seen} to {host or 'this panel'} is refused: "
            "writes come from the panel's own pages", "Use the panel's own form, or send the "
            "request without a browser (scripts send no Origin).")


def _check_length(scope: Scope, limit: int) -> tuple[int, str, str, str | None] | None:
    """(status, code, message, hint) when the request's declared length is missing or too
    large, else None."""
    length = dict(scope["headers"]).get(b"content-length")
    if length is None:
        return (411, "length_required", "a request body must say its length (Content-Length)",
                "Send the body with a Content-Length header.")
    try:
        size = int(length)
    except ValueError:
        return (400, "bad_request", f"Content-Length {length.decode(errors='replace')!r} is "
                "not a number", None)
    if size > limit:
        return (413, "too_large", f"the request body is {size:,} bytes; at most {limit:,} "
                "are accepted here", "Load large files with `kb load` or `kb import`.")
    return None


async def _refuse(send: Send, status: int, code: str, message: str, hint: str | None) -> None:
    body: dict[str, Any] = {"error": {"status": status, "code": code, "message": message,
                                      "hint": hint}}
    raw = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(raw)).encode()),
                            *[(k.encode(), v.encode()) for k, v in HEADERS.items()],
                            (b"content-security-policy", CSP.encode())]})
    await send({"type": "http.response.body", "body": raw})
