"""`kb history`: the change log (kb.store.changes)."""

from __future__ import annotations

import json

import click

from kb.cli.common import friendly, stdout
from kb.errors import UsageError
from kb.ingest.model import SECTIONS
from kb.store import changes, db


@click.command()
@click.option("--record", "record", default=None, metavar="SECTION/ID",
              help="Only one record's changes, e.g. actors/moh-sl.")
@click.option("--author", default=None, help="Only this author's changes.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000),
              help="At most this many, newest first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@friendly
def history(record: str | None, author: str | None, limit: int, fmt: str) -> None:
    """The change log, newest first: every load, import and forget, and every record added,
    changed, deleted or undone in the panel, with who did it and when.

    A command's author is KB_AUTHOR when set, else your operating-system user; the panel's
    is the signed-in account, or `token` for the editor token. The panel shows each change
    with the record before and after, and undoes one (/history).

    \b
    Examples:
      kb history
      kb history --record actors/moh-sl
      kb history --author ada --format json
    """
    section = key = None
    if record is not None:
        section, _, key = record.partition("/")
        if section not in SECTIONS or not key:
            raise UsageError(f"--record {record!r} is not SECTION/ID",
                             hint=f"SECTION is one of {', '.join(SECTIONS)}; for example "
                             "actors/moh-sl.")
    with db.connect() as driver:
        rows = changes.listing(driver, section=section, record=key, author=author,
                               limit=limit)
    if fmt == "json":
        stdout().write((json.dumps(rows, indent=2, default=str) + "\n").encode())
        return
    if not rows:
        click.echo("no changes recorded" + (" for this record" if record else ""))
        return
    for r in rows:
        undone = f"  (undone by {r['undone_by']})" if r["undone_by"] else ""
        click.echo(f"{r['seq']:>6}  {r['at'][:19].replace('T', ' ')}  {r['author']:<14} "
                   f"{r['via']:<6} {r['summary']}{undone}")
