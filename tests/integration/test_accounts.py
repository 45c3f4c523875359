"""Who may read and write through the panel, against the real Neo4j: anonymous visitors,
viewers, editors, forged cross-site posts, a private panel, and sessions that end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kb.ingest import loader
from kb.store import schema, users
from tests.conftest import EXAMPLES, count_nodes

EDITOR, VIEWER = ("ada", "correct horse battery"), ("val", "viewer password 1")
NEW_ACTOR = {"id": "newcomer", "name": "Newcomer", "kind": "group", "source": "ebola-emr"}


@pytest.fixture(scope="module")
def demo_kb(driver, settings):  # type: ignore[no-untyped-def]
    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    return driver


@pytest.fixture()
def panel(demo_kb, settings, tmp_path: Path) -> Iterator[Any]:
    """A factory of panel clients sharing one state folder with two accounts."""
    users.add(EDITOR[0], "editor", EDITOR[1], settings.model_copy(update={
        "kb_state_dir": tmp_path}))
    users.add(VIEWER[0], "viewer", VIEWER[1], settings.model_copy(update={
        "kb_state_dir": tmp_path}))

    def make(**overrides: Any) -> TestClient:
        from web.app import create_app

        app = create_app(settings.model_copy(update={"kb_state_dir": tmp_path, **overrides}))
        return TestClient(app, base_url="https://testserver")

    yield make


def sign_in(client: TestClient, who: tuple[str, str]) -> str:
    """Sign in; the session's form token."""
    r = client.post("/login", data={"name": who[0], "password": who[1]},
                    follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    token = client.get("/session.json").json()["csrf"]
    assert token
    return str(token)


def test_anonymous_visitors_read_and_cannot_write(panel, demo_kb, settings) -> None:
    c = panel()
    assert c.get("/edit/actors").status_code == 200
    before = count_nodes(demo_kb, settings)
    for path, data in [("/edit/actors.json", NEW_ACTOR),
                       ("/edit/actors/delete.json", {"key": "tessera"}),
                       ("/history/1/undo.json", {}),
                       ("/workshop/scorecard.json?agreement=ag-ghrf-grant", {}),
                       ("/audit/save.json", {})]:
        r = c.post(path, data=data)
        assert r.status_code == 401, path
        assert r.json()["error"] == {
            "status": 401, "code": "sign_in", "message": "writing needs an editor's sign-in",
            "hint": "Sign in at /login with an editor account (`kb user add NAME --role "
            "editor`), or send the editor token as X-Editor-Token from a script."}
    assert count_nodes(demo_kb, settings) == before
    assert 'id="sign-in"' in c.get("/").text


def test_a_viewer_reads_and_cannot_write(panel, demo_kb, settings) -> None:
    c = panel()
    token = sign_in(c, VIEWER)
    page = c.get("/edit/actors").text
    assert "val</a> (viewer)" in page and 'id="read-only-notice"' in page
    r = c.post("/edit/actors.json", data={**NEW_ACTOR, "csrf": token})
    assert r.status_code == 403 and r.json()["error"]["message"] == (
        "val is a viewer: viewers read, editors write")
    assert c.get("/actors/newcomer.json").status_code == 404


def test_an_editor_writes_with_the_form_token_only(panel, demo_kb, settings) -> None:
    c = panel()
    token = sign_in(c, EDITOR)
    page = c.get("/edit/actors").text
    assert re.search(r'name="csrf" value="([^"]+)"', page).group(1) == token  # type: ignore[union-attr]
    for sent in ({}, {"csrf": "forged-token"}):
        r = c.post("/edit/actors.json", data={**NEW_ACTOR, **sent})
        assert r.status_code == 403 and r.json()["error"]["code"] == "csrf"
    # A form posted from another site: refused for its Origin before anything is read.
    r = c.post("/edit/actors.json", data={**NEW_ACTOR, "csrf": token},
               headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "cross_origin"
    assert c.get("/actors/newcomer.json").status_code == 404
    ok = c.post("/edit/actors.json", data={**NEW_ACTOR, "csrf": token})
    assert ok.status_code == 201 and ok.json()["action"] == "create"
    assert c.get("/actors/newcomer.json").json()["properties"]["name"] == "Newcomer"
    entry = c.get(f"/history/{ok.json()['change']}.json").json()
    assert entry["author"] == "ada" and entry["via"] == "panel"
    # Another session's token does not pass for this one.
    other = panel()
    other_token = sign_in(other, EDITOR)
    assert other_token != token
    r = c.post("/edit/actors/delete.json", data={"key": "newcomer", "csrf": other_token})
    assert r.status_code == 403 and r.json()["error"]["code"] == "csrf"


def test_a_changed_password_or_a_removed_account_ends_the_session(panel, settings,
                                                                   tmp_path: Path) -> None:
    c = panel()
    sign_in(c, EDITOR)
    assert c.get("/session.json").json()["user"] == "ada"
    users.update("ada", settings.model_copy(update={"kb_state_dir": tmp_path}),
                 password="another long password")
    c.app.state.sessions.forget("ada")  # type: ignore[attr-defined]  # skip the 5 s cache
    assert c.get("/session.json").json() == {"user": None, "role": None, "csrf": None}
    assert c.post("/login", data={"name": "ada", "password": EDITOR[1]}).status_code == 401


def test_sign_in_failures_are_told_and_then_throttled(panel) -> None:
    c = panel()
    wrong = c.post("/login", data={"name": "ada", "password": "not the password"})
    assert wrong.status_code == 401
    assert "That name and password do not match an account." in wrong.text
    for _ in range(9):
        c.post("/login", data={"name": "ada", "password": "not the password"})
    closed = c.post("/login", data={"name": "ada", "password": EDITOR[1]})
    assert closed.status_code == 429 and "try again in 15 minutes" in closed.text
    # Only a path on this panel is followed after signing in.
    other = panel()
    r = other.post("/login", data={"name": "val", "password": VIEWER[1],
                                   "next": "https://evil.example/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" in cookie


def test_a_private_panel_needs_a_sign_in_to_read(panel) -> None:
    c = panel(kb_private=True)
    page = c.get("/risk?as_of=2026-11-22", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Frisk%3Fas_of%3D2026-11-22"
    twin = c.get("/risk.json")
    assert twin.status_code == 401 and twin.json()["error"]["code"] == "sign_in"
    assert c.post("/query.json", json={"cypher": "RETURN 1"}).status_code == 401
    assert c.get("/login").status_code == 200 and c.get("/healthz").status_code == 200
    assert c.get("/static/app.js").status_code == 200
    assert "This panel is private" in c.get("/login").text
    sign_in(c, VIEWER)
    assert c.get("/risk.json?as_of=2026-11-22").status_code == 200


def test_cached_pages_are_kept_per_session(panel) -> None:
    signed, anonymous = panel(), panel()
    sign_in(signed, EDITOR)
    assert "ada</a> (editor)" in signed.get("/edit").text
    page = anonymous.get("/edit").text  # the same URL in the same data state
    assert "ada</a>" not in page and 'id="sign-in"' in page


def test_the_editor_token_still_writes_for_scripts(panel) -> None:
    c = panel(kb_editor_token="script-token")
    r = c.post("/edit/actors.json", data={**NEW_ACTOR, "id": "scripted"},
               headers={"X-Editor-Token": "script-token"})
    assert r.status_code == 201
    assert c.get(f"/history/{r.json()['change']}.json").json()["author"] == "token"
    wrong = c.post("/edit/actors.json", data={**NEW_ACTOR, "id": "other"},
                   headers={"X-Editor-Token": "guess"})
    assert wrong.status_code == 403 and wrong.json()["error"]["message"] == (
        "the editor token is wrong")


def test_kb_user_on_the_command_line(kb_cli, tmp_path: Path) -> None:
    env = {"KB_STATE_DIR": str(tmp_path)}
    made = kb_cli("user", "add", "bob", "--role", "editor", input="a long enough password\n",
                  env=env)
    assert made.returncode == 0, made.stderr
    assert "account bob added as editor" in made.stderr
    listed = kb_cli("user", "list", "--json", env=env)
    assert [(u["name"], u["role"]) for u in __import__("json").loads(listed.stdout)] == [
        ("bob", "editor")]
    short = kb_cli("user", "add", "eve", input="short\n", env=env)
    assert short.returncode == 2 and short.stderr.startswith(
        "error: a password needs 10 to 256 characters; this one has 5")
    nothing = kb_cli("user", "set", "bob", env=env)
    assert nothing.returncode == 2 and "nothing to change" in nothing.stderr
    gone = kb_cli("user", "remove", "ghost", env=env)
    assert gone.returncode == 2 and "no account named 'ghost'" in gone.stderr
    assert "Traceback" not in made.stderr + short.stderr + nothing.stderr + gone.stderr


def test_admins_manage_accounts_in_the_panel(panel, settings, tmp_path: Path) -> None:
    s = settings.model_copy(update={"kb_state_dir": tmp_path})
    users.add("root-admin", "admin", "an admin password", s)
    editor = panel()
    editor_token = sign_in(editor, EDITOR)
    r = editor.post("/users.json", data={"name": "eve", "password": "a long password",
                                         "csrf": editor_token})
    assert r.status_code == 403 and r.json()["error"]["message"] == "ada is an editor"
    assert editor.get("/users.json").status_code == 403
    boss = TestClient(editor.app, base_url="https://testserver")  # the same panel
    token = sign_in(boss, ("root-admin", "an admin password"))
    assert "Accounts</a>" in boss.get("/").text
    made = boss.post("/users.json", data={"name": "eve", "password": "a long password",
                                          "role": "editor", "csrf": token})
    assert made.json() == {"done": "account eve added as editor"}
    short = boss.post("/users.json", data={"name": "bob", "password": "short",
                                           "csrf": token})
    assert short.status_code == 400 and short.json()["error"]["message"] == (
        "a password needs 10 to 256 characters; this one has 5")
    # Demoting ada ends her session at once.
    assert boss.post("/users/ada.json", data={"role": "viewer", "csrf": token}
                     ).status_code == 200
    assert editor.get("/session.json").json()["user"] is None
    assert users.get("ada", s) == users.User("ada", "viewer", 2)
    self_demote = boss.post("/users/root-admin.json", data={"role": "viewer", "csrf": token})
    assert self_demote.status_code == 400
    assert boss.post("/users/eve/remove.json", data={"csrf": token}).status_code == 200
    assert users.get("eve", s) is None
    forged = boss.post("/users/val/remove.json", data={"csrf": "nope"})
    assert forged.status_code == 403 and forged.json()["error"]["code"] == "csrf"
    listed = {u["name"]: u["role"] for u in boss.get("/users.json").json()["users"]}
    assert listed == {"ada": "viewer", "root-admin": "admin", "val": "viewer"}
