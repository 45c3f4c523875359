"""`/users`: accounts, for admins (what `kb user` does on the server): list them, add one,
change a role or a password, remove one. Every change ends the account's sessions."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from kb.errors import NotFound, UsageError
from kb.store import users
from web.accounts import admin, current
from web.render import PanelError, render, wants_json
from web.schemas import ERRORS, UsersOut

router = APIRouter(tags=["accounts"])
WRITE_ERRORS = {**ERRORS, 401: ERRORS[400], 403: ERRORS[400]}


def _done(request: Request, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"done": message})
    return RedirectResponse(f"/users?done={quote(message)}", status_code=303)


def _usage(exc: UsageError) -> PanelError:
    return PanelError(404 if isinstance(exc, NotFound) else 400,
                      "not_found" if isinstance(exc, NotFound) else "bad_request",
                      exc.message, exc.hint)


@router.get("/users", summary="Accounts (admins)", include_in_schema=False)
@router.get("/users.json", response_model=UsersOut, responses=WRITE_ERRORS,
            summary="The accounts: name, role, since (admins only)")
def listing(request: Request) -> Response:
    """Every account with its role; forms to add, change and remove them."""
    user = current(request)
    if user is None or not user.allows("admin"):
        raise PanelError(403 if user else 401, "not_admin",
                         "the list of accounts is for admins",
                         "Sign in with an admin account (`kb user set NAME --role admin`).")
    return render(request, "users.html", {
        "users": users.listing(request.app.state.settings), "roles": list(users.ROLES),
        "done": request.query_params.get("done")})


@router.post("/users", summary="Add an account", include_in_schema=False)
@router.post("/users.json", response_model=UsersOut, responses=WRITE_ERRORS,
             summary="Add an account (admins)")
def add(request: Request, name: Annotated[str, Form(max_length=64)],
        password: Annotated[str, Form(max_length=256)],
        role: Annotated[str, Form(max_length=10)] = "viewer",
        csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    """Create an account with a password of 10 to 256 characters."""
    admin(request, csrf)
    try:
        users.add(name, role, password, request.app.state.settings)
    except UsageError as exc:
        raise _usage(exc) from None
    return _done(request, f"account {name} added as {role}")


@router.post("/users/{name}", summary="Change an account", include_in_schema=False)
@router.post("/users/{name}.json", response_model=UsersOut, responses=WRITE_ERRORS,
             summary="Change an account's role and/or password (admins)")
def change(request: Request, name: str, role: Annotated[str, Form(max_length=10)] = "",
           password: Annotated[str, Form(max_length=256)] = "",
           csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    """Change the role and/or set a new password; the account's sessions end."""
    me = admin(request, csrf)
    if not role and not password:
        raise PanelError(400, "bad_request", "nothing to change",
                         "Give a role, a new password, or both.")
    if name == me and role and role != "admin":
        raise PanelError(400, "bad_request", "you cannot take the admin role from yourself",
                         "Ask another admin, or use `kb user set` on the server.")
    try:
        users.update(name, request.app.state.settings, role=role or None,
                     password=password or None)
    except UsageError as exc:
        raise _usage(exc) from None
    request.app.state.sessions.forget(name)
    return _done(request, f"account {name} changed; its sessions have ended")


@router.post("/users/{name}/remove", summary="Remove an account", include_in_schema=False)
@router.post("/users/{name}/remove.json", response_model=UsersOut, responses=WRITE_ERRORS,
             summary="Remove an account (admins); its changes stay in the log")
def remove(request: Request, name: str,
           csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    """Delete the account; its changes keep its name in the log."""
    me = admin(request, csrf)
    if name == me:
        raise PanelError(400, "bad_request", "you cannot remove your own account here",
                         "Ask another admin, or use `kb user remove` on the server.")
    try:
        users.remove(name, request.app.state.settings)
    except UsageError as exc:
        raise _usage(exc) from None
    request.app.state.sessions.forget(name)
    return _done(request, f"account {name} removed")
