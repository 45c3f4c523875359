"""Panel accounts: a name, a role and an Argon2id password hash, kept in
`KB_STATE_DIR/users.json` (mode 0600), beside the panel and never in Neo4j: the Cypher
console reads everything in the database, and password hashes must not be readable there.

Roles, each allowing what the one before allows:

- `viewer`: read the panel (the only way to read when `KB_PRIVATE=true`);
- `editor`: also add, edit and delete records, undo changes, save audits and queries, load
  uploads;
- `admin`: also manage accounts in the panel.

Every account has an `epoch`, raised whenever its role or password changes: a session signed
for an older epoch is no longer valid, so a changed password or role ends every sign-in.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kb.errors import KBError, NotFound, UsageError
from kb.settings import Settings

ROLES = ("viewer", "editor", "admin")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD, MAX_PASSWORD = 10, 256
_hasher = PasswordHasher()  # Argon2id with the library's current defaults (RFC 9106 low-memory)
# A hash to verify against when the name is unknown, so that a wrong name and a wrong
# password take the same time.
_DUMMY = _hasher.hash("not-a-password-of-anyone")


@dataclass(frozen=True)
class User:
    """A signed-in person: name, role and the epoch their session was signed for."""

    name: str
    role: str
    epoch: int

    def allows(self, role: str) -> bool:
        """Whether this user's role includes `role`."""
        return ROLES.index(self.role) >= ROLES.index(role)


def check_name(name: str) -> str:
    """The name, or UsageError saying what a name may be."""
    if not NAME.match(name):
        raise UsageError(f"account name {name[:80]!r} is not allowed",
                         hint="Use 1 to 64 letters, digits, '.', '_', '@' or '-', starting "
                         "with a letter or digit.")
    return name


def check_role(role: str) -> str:
    """The role, or UsageError naming the roles."""
    if role not in ROLES:
        raise UsageError(f"role {role[:40]!r} is not one of {', '.join(ROLES)}",
                         hint="viewer reads, editor also writes, admin also manages accounts.")
    return role


def check_password(password: str) -> str:
    """The password, or UsageError saying how long it must be."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UsageError(f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters; "
                         f"this one has {len(password)}",
                         hint="A few words chosen at random make a long password easy to type.")
    return password


def _path(settings: Settings) -> Path:
    return Path(settings.kb_state_dir) / "users.json"


@contextmanager
def _locked(settings: Settings, write: bool) -> Iterator[dict[str, dict[str, Any]]]:
    """The accounts file's contents, under a lock; written back (atomically, 0600) when
    `write` is true and the block ends without an error."""
    path = _path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX if write else fcntl.LOCK_SH)
        try:
            data = json.loads(path.read_text()) if path.exists() else {}
        except ValueError:
            raise KBError(f"{path} is not valid JSON", hint="Restore it from a backup, or "
                          "remove it and add the accounts again.") from None
        yield data
        if write:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".users-")
            with os.fdopen(fd, "w") as f:
                json.dump(data, f, indent=1, sort_keys=True)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)


def add(name: str, role: str, password: str, settings: Settings) -> None:
    """Create an account; UsageError when the name is taken or a value is not allowed."""
    check_name(name)
    check_role(role)
    check_password(password)
    hashed = _hasher.hash(password)
    with _locked(settings, write=True) as data:
        if name in data:
            raise UsageError(f"an account named {name!r} exists already",
                             hint=f"Change it with `kb user set {name} --role ROLE` or "
                             "`--password`, or pick another name.")
        data[name] = {"role": role, "hash": hashed, "epoch": 1,
                      "created_at": datetime.now(UTC).isoformat(timespec="seconds")}


def update(name: str, settings: Settings, *, role: str | None = None,
           password: str | None = None) -> None:
    """Change an account's role and/or password (ending its sessions)."""
    if role is not None:
        check_role(role)
    hashed = _hasher.hash(check_password(password)) if password is not None else None
    with _locked(settings, write=True) as data:
        if name not in data:
            raise NotFound(f"no account named {name!r}",
                           hint="`kb user list` shows the accounts.")
        acc = data[name]
        acc["role"] = role or acc["role"]
        acc["hash"] = hashed or acc["hash"]
        acc["epoch"] = int(acc["epoch"]) + 1


def remove(name: str, settings: Settings) -> None:
    """Delete an account."""
    with _locked(settings, write=True) as data:
        if data.pop(name, None) is None:
            raise NotFound(f"no account named {name!r}",
                           hint="`kb user list` shows the accounts.")


def listing(settings: Settings) -> list[dict[str, str]]:
    """Every account: name, role, created_at (by name)."""
    with _locked(settings, write=False) as data:
        return [{"name": n, "role": a["role"], "created_at": a["created_at"]}
                for n, a in sorted(data.items())]


def get(name: str, settings: Settings) -> User | None:
    """The account named `name` as it is now, or None."""
    with _locked(settings, write=False) as data:
        acc = data.get(name)
    return User(name, acc["role"], int(acc["epoch"])) if acc else None


def verify(name: str, password: str, settings: Settings) -> User | None:
    """The account when `password` is its password, else None (about the same time either
    way, so a wrong name cannot be told from a wrong password)."""
    with _locked(settings, write=False) as data:
        acc = data.get(name)
    try:
        _hasher.verify(acc["hash"] if acc else _DUMMY, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    return User(name, acc["role"], int(acc["epoch"])) if acc else None


