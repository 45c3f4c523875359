"""`kb user`: the panel's accounts (kb.store.users)."""

from __future__ import annotations

import json
import os
import sys

import click

from kb.cli.common import friendly
from kb.errors import UsageError
from kb.settings import get_settings
from kb.store import users

ROLE_HELP = ("viewer: reads the panel (needed to read when KB_PRIVATE=true); editor: also "
             "adds, edits, deletes and undoes records, saves audits and queries; admin: also "
             "manages accounts in the panel.")


def _password(prompt: bool) -> str:
    """The new password: from KB_USER_PASSWORD, else typed twice (never echoed), else read
    from standard input when it is not a terminal."""
    given = os.environ.get("KB_USER_PASSWORD")
    if given:
        return given
    if sys.stdin.isatty() or prompt:
        value: str = click.prompt("Password", hide_input=True, confirmation_prompt=True,
                                  err=True)
        return value
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise UsageError("no password given",
                         hint="Type it when asked, pipe it on standard input, or set "
                         "KB_USER_PASSWORD.")
    return line


@click.group()
def user() -> None:
    """Accounts that sign in to the web panel.

    Accounts live in KB_STATE_DIR/users.json (readable by you alone), not in Neo4j: the
    Cypher console can read the whole database, so password hashes are kept out of it. Run
    these commands where the panel runs, with the same KB_STATE_DIR.

    The panel lets anyone read and nobody write until accounts exist. An editor signs in at
    /login and can then add, edit and delete records, undo changes, save audits and queries.
    Every change carries its author in the change log (/history).

    \b
    Examples:
      kb user add ada --role editor        # asks for the password twice
      echo "$PW" | kb user add ci --role viewer
      kb user set ada --role admin
      kb user list
      kb user remove ada
    """


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(users.ROLES), default="viewer", show_default=True,
              help=ROLE_HELP)
@friendly
def user_add(name: str, role: str) -> None:
    """Create the account NAME with a password (10 to 256 characters).

    The password is asked for twice, or read from standard input when that is not a
    terminal, or taken from KB_USER_PASSWORD. It is stored only as an Argon2id hash.
    """
    users.check_name(name)
    password = users.check_password(_password(False))
    users.add(name, role, password, get_settings())
    click.echo(f"account {name} added as {role}", err=True)


@user.command("set")
@click.argument("name")
@click.option("--role", type=click.Choice(users.ROLES), default=None, help=ROLE_HELP)
@click.option("--password", "new_password", is_flag=True,
              help="Set a new password (asked for, or read as for `kb user add`).")
@friendly
def user_set(name: str, role: str | None, new_password: bool) -> None:
    """Change NAME's role and/or password. Either ends NAME's panel sessions."""
    if role is None and not new_password:
        raise UsageError("nothing to change", hint="Give --role ROLE and/or --password.")
    password = users.check_password(_password(False)) if new_password else None
    users.update(name, get_settings(), role=role, password=password)
    click.echo(f"account {name} changed; its sessions have ended", err=True)


@user.command("remove")
@click.argument("name")
@friendly
def user_remove(name: str) -> None:
    """Delete the account NAME. Its changes stay in the log under its name."""
    users.remove(name, get_settings())
    click.echo(f"account {name} removed", err=True)


@user.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the accounts as JSON.")
@friendly
def user_list(as_json: bool) -> None:
    """List the accounts: name, role and when each was made."""
    rows = users.listing(get_settings())
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no accounts: the panel is read-only for everyone (add one with "
                   "`kb user add NAME --role editor`)")
        return
    for r in rows:
        click.echo(f"{r['name']:<24} {r['role']:<7} since {r['created_at'][:10]}")
