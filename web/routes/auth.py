"""`/login`, `/logout` and `/session.json`: signing in to the panel with an account
(`kb user add`), and who the panel takes you for. See web/accounts.py for the sessions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from kb.store import users
from web.accounts import COOKIE, check_csrf, csrf_token, current
from web.render import PanelError, render, wants_json
from web.schemas import ERRORS, LoginOut, SessionOut

router = APIRouter(tags=["accounts"])


def _next(target: str | None) -> str:
    """Where to go after signing in: a path on this panel only (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target[:2000]


def _secure(request: Request) -> bool:
    """Whether the session cookie is sent over HTTPS only (KB_COOKIE_SECURE, else: yes
    except on plain HTTP to a host other than localhost)."""
    chosen = request.app.state.settings.kb_cookie_secure
    if chosen is not None:
        return bool(chosen)
    host = (request.url.hostname or "").lower()
    return request.url.scheme == "https" or host in ("localhost", "127.0.0.1", "::1")


def _page(request: Request, **extra: object) -> dict[str, object]:
    settings = request.app.state.settings
    return {"next": _next(request.query_params.get("next")), "error": None,
            "accounts": bool(users.listing(settings)), "private": settings.kb_private,
            "name": "", **extra}


@router.get("/login", summary="Sign-in page", include_in_schema=False)
@router.get("/login.json", response_model=LoginOut,
            summary="The sign-in page: whether accounts exist and the panel is private")
def login_page(request: Request) -> Response:
    """The sign-in form (or who is signed in)."""
    return render(request, "login.html", _page(request))


@router.post("/login", summary="Sign in", include_in_schema=False)
@router.post("/login.json", response_model=SessionOut,
             responses={**ERRORS, 401: ERRORS[400], 429: ERRORS[400]},
             summary="Sign in with an account's name and password")
def login(request: Request, name: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=256)],
          next: Annotated[str, Form(max_length=2000)] = "/") -> Response:
    """Check the name and password; on success set the session cookie and go to `next`
    (a path on this panel). Ten failures for one name from one address in 15 minutes
    close sign-in for that name there for the rest of the 15 minutes."""
    sessions = request.app.state.sessions
    settings = request.app.state.settings
    who = f"{name}|{request.client.host if request.client else ''}"
    if sessions.throttled(who):
        return _refused(request, 429, "throttled", "Too many failed sign-ins for this name; "
                        "try again in 15 minutes.", name, next)
    user = users.verify(name, password, settings)
    if user is None:
        sessions.failed(who)
        return _refused(request, 401, "bad_sign_in",
                        "That name and password do not match an account.", name, next)
    value = sessions.sign(user)
    sid = sessions.read(value)["s"]
    if wants_json(request):
        response: Response = JSONResponse({"user": user.name, "role": user.role,
                                           "csrf": sessions.csrf(sid)})
    else:
        response = RedirectResponse(_next(next), status_code=303)
    response.set_cookie(COOKIE, value, max_age=int(sessions.lifetime), httponly=True,
                        samesite="lax", secure=_secure(request), path="/")
    return response


def _refused(request: Request, status: int, code: str, message: str, name: str,
             target: str) -> Response:
    """A failed sign-in: the form again with the reason, or the error shape as JSON."""
    if wants_json(request):
        raise PanelError(status, code, message, "Check the name and password; `kb user` on "
                         "the server sets a new password.")
    return render(request, "login.html", _page(request, name=name, next=_next(target),
                                               error=message), status=status)


@router.post("/logout", summary="Sign out", include_in_schema=False)
def logout(request: Request, csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    """End the session (the cookie is dropped) and go to the overview."""
    if current(request) is not None:
        check_csrf(request, csrf)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/session.json", response_model=SessionOut,
            summary="Who the panel takes you for: account, role and form token")
def session(request: Request) -> Response:
    """The signed-in account (null when anonymous), its role and the form token to send as
    `csrf` or `X-CSRF-Token` with writes."""
    user = current(request)
    return JSONResponse({"user": user.name if user else None,
                         "role": user.role if user else None, "csrf": csrf_token(request)})
