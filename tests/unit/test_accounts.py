"""Accounts, sessions and form tokens, without a server: the account file, the signed cookie
and the form token, each checked against values worked out here."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from kb.errors import NotFound, UsageError
from kb.settings import Settings
from kb.store import users
from web.accounts import Sessions


def settings_in(folder: Path, **extra: object) -> Settings:
    return Settings(kb_state_dir=folder, _env_file=None, **extra)  # type: ignore[call-arg]


def test_an_account_is_kept_hashed_in_a_private_file(tmp_path: Path) -> None:
    s = settings_in(tmp_path)
    users.add("ada", "editor", "correct horse battery", s)
    path = tmp_path / "users.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    stored = json.loads(path.read_text())
    assert set(stored) == {"ada"} and stored["ada"]["role"] == "editor"
    assert stored["ada"]["hash"].startswith("$argon2id$")
    assert "correct horse battery" not in path.read_text()
    assert users.verify("ada", "correct horse battery", s) == users.User("ada", "editor", 1)
    assert users.verify("ada", "wrong horse battery", s) is None
    assert users.verify("nobody", "correct horse battery", s) is None
    assert users.listing(s) == [{"name": "ada", "role": "editor",
                                 "created_at": stored["ada"]["created_at"]}]


def test_a_change_raises_the_epoch_and_a_removal_forgets(tmp_path: Path) -> None:
    s = settings_in(tmp_path)
    users.add("ada", "viewer", "correct horse battery", s)
    users.update("ada", s, role="admin")
    assert users.get("ada", s) == users.User("ada", "admin", 2)
    users.update("ada", s, password="a brand new password")
    assert users.get("ada", s) == users.User("ada", "admin", 3)
    assert users.verify("ada", "correct horse battery", s) is None
    users.remove("ada", s)
    assert users.get("ada", s) is None


@pytest.mark.parametrize(("call", "message"), [
    (lambda s: users.add("ada", "editor", "short", s),
     "a password needs 10 to 256 characters; this one has 5"),
    (lambda s: users.add("-ada", "editor", "correct horse battery", s),
     "account name '-ada' is not allowed"),
    (lambda s: users.add("ada", "owner", "correct horse battery", s),
     "role 'owner' is not one of viewer, editor, admin"),
    (lambda s: users.update("ghost", s, role="viewer"), "no account named 'ghost'"),
    (lambda s: users.remove("ghost", s), "no account named 'ghost'"),
])
def test_bad_account_requests_say_what_is_wrong(tmp_path: Path, call, message: str) -> None:
    s = settings_in(tmp_path)
    with pytest.raises((UsageError, NotFound)) as err:
        call(s)
    assert err.value.message == message and err.value.hint


def test_a_taken_name_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    s = settings_in(tmp_path)
    users.add("ada", "editor", "correct horse battery", s)
    before = (tmp_path / "users.json").read_text()
    with pytest.raises(UsageError, match="an account named 'ada' exists already"):
        users.add("ada", "viewer", "another password", s)
    assert (tmp_path / "users.json").read_text() == before


def test_roles_include_the_ones_below() -> None:
    assert users.User("a", "admin", 1).allows("editor")
    assert users.User("a", "editor", 1).allows("viewer")
    assert not users.User("a", "viewer", 1).allows("editor")
    assert not users.User("a", "editor", 1).allows("admin")


def test_a_session_cookie_is_signed_and_expires(tmp_path: Path) -> None:
    sessions = Sessions(settings_in(tmp_path, kb_session_secret="k" * 32))
    value = sessions.sign(users.User("ada", "editor", 4))
    data = sessions.read(value)
    assert data is not None and data["u"] == "ada" and data["e"] == 4
    assert len(data["s"]) == 32 and data["x"] > time.time() + 11 * 3600
    body, mac = value.split(".")
    forged_body = body[:-2] + ("AA" if body[-2:] != "AA" else "BB")
    assert sessions.read(f"{forged_body}.{mac}") is None  # changed content, old signature
    assert sessions.read(value + "x") is None
    other = Sessions(settings_in(tmp_path, kb_session_secret="z" * 32))
    assert other.read(value) is None  # another key
    short = Sessions(settings_in(tmp_path, kb_session_secret="k" * 32, kb_session_hours=1e-6))
    expired = short.sign(users.User("ada", "editor", 4))
    time.sleep(0.01)
    assert short.read(expired) is None


def test_the_form_token_is_per_session_and_the_key_is_kept(tmp_path: Path) -> None:
    sessions = Sessions(settings_in(tmp_path))
    key = (tmp_path / "session.key").read_bytes()
    assert len(key) == 64 and stat.S_IMODE(os.stat(tmp_path / "session.key").st_mode) == 0o600
    assert Sessions(settings_in(tmp_path)).key == key  # made once, read afterwards
    a, b = sessions.csrf("session-a"), sessions.csrf("session-b")
    assert a != b and len(a) == 32 and sessions.csrf("session-a") == a


def test_failed_sign_ins_close_sign_in_after_ten(tmp_path: Path) -> None:
    sessions = Sessions(settings_in(tmp_path))
    for _ in range(9):
        sessions.failed("ada|1.2.3.4")
    assert not sessions.throttled("ada|1.2.3.4")
    sessions.failed("ada|1.2.3.4")
    assert sessions.throttled("ada|1.2.3.4") and not sessions.throttled("ada|5.6.7.8")
