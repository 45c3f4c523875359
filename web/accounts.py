"""Who is asking: signed sessions, form tokens against cross-site posts, and who may write.

- **Sessions.** Signing in (`/login`) sets `kb_session`, an HTTP-only, SameSite=Lax cookie
  (Secure over HTTPS and on localhost; see KB_COOKIE_SECURE) holding the account's name, its
  epoch, a random session id and an expiry, signed with HMAC-SHA256 under the panel's key
  (KB_SESSION_SECRET, else `KB_STATE_DIR/session.key`, made on first use). Each request checks
  the signature and the expiry, then the account as it is now (kept 5 seconds): an account
  removed, or whose role or password changed (a new epoch), is signed out.
- **Form tokens.** Every form a signed-in person sees carries `csrf`, an HMAC of the session
  id; a write with the session cookie must send it back (form field `csrf` or header
  `X-CSRF-Token`). A page on another site can make a browser send the cookie, never the token.
- **Who may write.** `writer()` answers the author of a write: a signed-in editor or admin,
  or `token` for a script with KB_EDITOR_TOKEN (header `X-Editor-Token`; no cookie, so no form
  token needed). Anyone else gets 401 (not signed in) or 403 (a viewer, a wrong token).
- **Private panels.** With KB_PRIVATE=true, only the sign-in page, static files and the
  health check answer without a session.

`Accounts` is a pure ASGI middleware: it runs before the page cache, so a cached page is never
shown to someone who may not read it, and pages are cached per session (`web.render`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio
from fastapi import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from kb.settings import Settings
from kb.store import users
from kb.store.users import User
from web.render import PanelError

COOKIE = "kb_session"
USER_TTL = 5.0  # seconds an account's role and epoch are trusted before asking again
OPEN_PATHS = ("/login", "/static/", "/health", "/favicon.ico")


def _key(settings: Settings) -> bytes:
    """The signing key: KB_SESSION_SECRET, else the state folder's key (made once, 0600)."""
    if settings.kb_session_secret:
        return settings.kb_session_secret.encode()
    path = Path(settings.kb_state_dir) / "session.key"
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = secrets.token_hex(32).encode()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(fresh)
        return fresh


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Sessions:
    """Signs and reads session cookies and form tokens, and knows the accounts as they are."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.key = _key(settings)
        self.lifetime = settings.kb_session_hours * 3600
        self._users: dict[str, tuple[float, User | None]] = {}
        self._lock = threading.Lock()
        self.failures: dict[str, list[float]] = {}

    def _mac(self, text: str) -> str:
        return _b64(hmac.new(self.key, text.encode(), hashlib.sha256).digest())

    def sign(self, user: User) -> str:
        """A cookie value for a fresh session of `user`."""
        body = _b64(json.dumps({"u": user.name, "e": user.epoch, "s": secrets.token_hex(16),
                                "x": int(time.time() + self.lifetime)}).encode())
        return f"{body}.{self._mac(body)}"

    def read(self, value: str) -> dict[str, Any] | None:
        """The session a cookie names, when its signature holds and it has not expired."""
        body, _, mac = value.partition(".")
        if not body or not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            data = json.loads(_unb64(body))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or data.get("x", 0) < time.time():
            return None
        return data

    def csrf(self, sid: str) -> str:
        """The form token of a session."""
        return self._mac("csrf|" + sid)[:32]

    def user(self, name: str) -> User | None:
        """The account `name` as it is now (cached for USER_TTL seconds)."""
        now = time.monotonic()
        with self._lock:
            hit = self._users.get(name)
        if hit is not None and now - hit[0] < USER_TTL:
            return hit[1]
        found = users.get(name, self.settings)
        with self._lock:
            self._users[name] = (now, found)
        return found

    def forget(self, name: str) -> None:
        """Ask for `name` afresh on its next request (after a change made here)."""
        with self._lock:
            self._users.pop(name, None)

    def throttled(self, who: str, limit: int = 10, window: float = 900.0) -> bool:
        """Whether `who` (name and address) failed to sign in `limit` times in `window` s."""
        now = time.monotonic()
        with self._lock:
            recent = [t for t in self.failures.get(who, []) if now - t < window]
            self.failures[who] = recent
            return len(recent) >= limit

    def failed(self, who: str) -> None:
        """Count one failed sign-in of `who`."""
        with self._lock:
            self.failures.setdefault(who, []).append(time.monotonic())


def _cookie(scope: Scope) -> str | None:
    for key, value in scope["headers"]:
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                name, _, val = part.strip().partition("=")
                if name == COOKIE:
                    return val
    return None


def _wants_json(scope: Scope) -> bool:
    if scope["path"].endswith(".json"):
        return True
    accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
    return "application/json" in accept and "text/html" not in accept


class Accounts:
    """Resolves the session of every request into `request.state.user` (a User or None) and
    `request.state.sid`; keeps a private panel closed to anyone not signed in."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        app = scope["app"]
        state = scope.setdefault("state", {})
        state["user"], state["sid"] = None, None
        value = _cookie(scope)
        if value:
            sessions: Sessions = app.state.sessions
            data = sessions.read(value)
            if data is not None:
                user = await anyio.to_thread.run_sync(sessions.user, str(data["u"]))
                if user is not None and user.epoch == data.get("e"):
                    state["user"], state["sid"] = user, str(data["s"])
        settings: Settings = app.state.settings
        if (settings.kb_private and state["user"] is None
                and not scope["path"].startswith(OPEN_PATHS)):
            await _closed(scope, send)
            return
        await self.app(scope, receive, send)


async def _closed(scope: Scope, send: Send) -> None:
    """A private panel's answer to someone not signed in: 401 JSON, or the sign-in page."""
    if _wants_json(scope) or scope["method"] != "GET":
        raw = json.dumps({"error": {
            "status": 401, "code": "sign_in", "message": "this panel is private: sign in "
            "to read it", "hint": "Sign in at /login with an account (`kb user add`)."}}).encode()
        await send({"type": "http.response.start", "status": 401,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(raw)).encode())]})
        await send({"type": "http.response.body", "body": raw})
        return
    target = scope["path"] + ("?" + scope["query_string"].decode("latin-1")
                              if scope["query_string"] else "")
    location = "/login?next=" + quote(target, safe="")
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode()), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})


def current(request: Request) -> User | None:
    """The signed-in account of the request, or None."""
    return getattr(request.state, "user", None)


def csrf_token(request: Request) -> str | None:
    """The form token of the request's session (None when not signed in)."""
    sid = getattr(request.state, "sid", None)
    return request.app.state.sessions.csrf(sid) if sid else None


def can_write(request: Request) -> bool:
    """Whether the person asking may write (a signed-in editor or admin)."""
    user = current(request)
    return user is not None and user.allows("editor")


def writer(request: Request, csrf: str = "", token: str = "") -> str:
    """The author of a write, or PanelError: a signed-in editor or admin (whose form token
    must match), or `token` for the editor token sent by a script."""
    settings: Settings = request.app.state.settings
    given = token or request.headers.get("x-editor-token", "")
    if given:
        expected = settings.kb_editor_token
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise PanelError(403, "bad_token", "the editor token is wrong" if expected else
                             "this panel takes no editor token (KB_EDITOR_TOKEN is not set)",
                             "Sign in as an editor, or send the token KB_EDITOR_TOKEN holds.")
        return "token"
    user = current(request)
    if user is None:
        raise PanelError(401, "sign_in", "writing needs an editor's sign-in",
                         "Sign in at /login with an editor account (`kb user add NAME --role "
                         "editor`), or send the editor token as X-Editor-Token from a script.")
    if not user.allows("editor"):
        raise PanelError(403, "viewer", f"{user.name} is a viewer: viewers read, editors "
                         "write", "Ask an admin for the editor role (`kb user set "
                         f"{user.name} --role editor`).")
    check_csrf(request, csrf)
    return user.name


def check_csrf(request: Request, csrf: str) -> None:
    """PanelError 403 unless the form token (`csrf`, or header X-CSRF-Token) is the
    session's."""
    sent = csrf or request.headers.get("x-csrf-token", "")
    expected = csrf_token(request) or ""
    if not sent or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise PanelError(403, "csrf", "this form's security token is missing or out of date, "
                         "so nothing was done", "Reload the page and send the form again.")


def admin(request: Request, csrf: str = "") -> str:
    """The signed-in admin's name (with the form token checked), or PanelError."""
    user = current(request)
    if user is None:
        raise PanelError(401, "sign_in", "managing accounts needs an admin's sign-in",
                         "Sign in at /login with an admin account (`kb user set NAME --role "
                         "admin`).")
    if not user.allows("admin"):
        raise PanelError(403, "not_admin", f"{user.name} is an {user.role}"
                         if user.role == "editor" else f"{user.name} is a {user.role}",
                         "Only admins manage accounts; `kb user` on the server does too.")
    check_csrf(request, csrf)
    return user.name
